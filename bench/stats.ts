// Order statistics and verdicts for benchmark samples: medians, their bootstrap intervals, and PASS only when clear.

export interface Spread {
  median: number;
  /** 25th and 75th percentiles. */
  q1: number;
  q3: number;
  min: number;
  max: number;
  n: number;
}

/** The p-quantile (0..1) with linear interpolation between order statistics (type 7, as R and NumPy default). */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export function spread(values: readonly number[]): Spread {
  return {
    median: median(values),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    min: Math.min(...values),
    max: Math.max(...values),
    n: values.length,
  };
}

/** A small seeded generator (mulberry32): the same data always gives the same interval. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A bootstrap confidence interval for the median (percentile method): how far the median could move if the run
 * were repeated on an equally busy machine. When it contains a target, the run cannot tell pass from miss.
 */
export function medianInterval(values: readonly number[], level = 0.95, resamples = 2000): [number, number] {
  if (values.length === 0) return [Number.NaN, Number.NaN];
  const random = seeded(values.length * 7919);
  const medians: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const sample = Array.from({ length: values.length }, () => values[Math.floor(random() * values.length)]!);
    medians.push(median(sample));
  }
  return [quantile(medians, (1 - level) / 2), quantile(medians, 1 - (1 - level) / 2)];
}

export type Verdict = 'PASS' | 'MISS' | 'CANNOT TELL';

/** A target is a bound on a measured value: at most (`≤`) or at least (`≥`) `limit`. */
export interface Bound {
  limit: number;
  /** 'at-most': lower is better (a cost); 'at-least': higher is better (a throughput). */
  side: 'at-most' | 'at-least';
}

export interface Judgement {
  verdict: Verdict;
  /**
   * For CANNOT TELL: about how many samples the same spread would need for the interval to clear the target,
   * from its half-width on the target's side shrinking as 1/√n. Infinity when the median sits on the target.
   */
  samplesNeeded?: number;
}

/**
 * The fewest samples a median's 95 % interval can rest on: with five, all of them fall on one side of the true
 * median 1 time in 16, so even the widest distribution-free interval (smallest to largest) covers it only 94 % of
 * the time. Fewer samples give no verdict.
 */
export const MIN_SAMPLES = 6;

/**
 * PASS when the whole 95 % interval is on the right side of the limit, MISS when it is all on the wrong side, and
 * otherwise CANNOT TELL: the run did not measure precisely enough to say. A value measured exactly (a file size) is
 * one sample with an interval of zero width, [value, value].
 */
export function judge(interval: readonly [number, number], estimate: number, n: number, { limit, side }: Bound): Judgement {
  const [low, high] = interval;
  const exact = n === 1 && low === high;
  const good = (value: number) => (side === 'at-most' ? value <= limit : value >= limit);
  const distance = Math.abs(estimate - limit);
  // The half of the interval that reaches across the limit is the one that has to shrink.
  const halfWidth = estimate <= limit ? high - estimate : estimate - low;
  const needed = distance === 0 || !(halfWidth > 0) ? Number.POSITIVE_INFINITY : Math.ceil(n * (halfWidth / distance) ** 2);
  if (!exact && n < MIN_SAMPLES) return { verdict: 'CANNOT TELL', samplesNeeded: Math.max(MIN_SAMPLES, Number.isFinite(needed) ? needed : MIN_SAMPLES) };
  if (good(low) && good(high)) return { verdict: 'PASS' };
  if (!good(low) && !good(high)) return { verdict: 'MISS' };
  return { verdict: 'CANNOT TELL', samplesNeeded: needed };
}

/** The median of `values` with its bootstrap interval, judged against `bound`. */
export function judgeMedian(values: readonly number[], bound: Bound): Judgement & { median: number; interval: [number, number]; n: number } {
  const interval = medianInterval(values);
  const estimate = median(values);
  return { median: estimate, interval, n: values.length, ...judge(interval, estimate, values.length, bound) };
}
