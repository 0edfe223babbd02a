// Order statistics for benchmark samples: medians and spreads are robust to the odd slow run on a shared machine.

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
