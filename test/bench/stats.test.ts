import { describe, expect, it } from 'vitest';
import { judge, judgeMedian, medianInterval, quantile, spread } from '../../bench/stats';

describe('bench statistics', () => {
  it('interpolates quantiles as R and NumPy do by default', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(spread([3, 1, 2])).toMatchObject({ median: 2, min: 1, max: 3, n: 3 });
  });

  it('gives the same bootstrap interval for the same data, around the median', () => {
    const values = [1.01, 0.98, 1.05, 1.02, 0.99, 1.0, 1.03, 0.97, 1.04, 1.01];
    const interval = medianInterval(values);
    expect(medianInterval(values)).toEqual(interval);
    expect(interval[0]).toBeLessThanOrEqual(1.01);
    expect(interval[1]).toBeGreaterThanOrEqual(1.01);
  });

  describe('judge', () => {
    const atMost = { limit: 1.03, side: 'at-most' } as const;

    it('passes only when the whole interval is on the right side', () => {
      expect(judge([0.95, 1.02], 0.99, 20, atMost).verdict).toBe('PASS');
      expect(judge([1.0, 1.03], 1.01, 20, atMost).verdict).toBe('PASS');
    });

    it('misses only when the whole interval is on the wrong side', () => {
      expect(judge([1.06, 1.2], 1.1, 20, atMost).verdict).toBe('MISS');
    });

    it('cannot tell when the interval contains the target, even with the median on the good side', () => {
      // The report of 2026-11-28 gave PASS to 0.968× with an interval of 0.935×–1.061× against 1.030×.
      const judgement = judge([0.935, 1.061], 0.968, 20, atMost);
      expect(judgement.verdict).toBe('CANNOT TELL');
      // Half-width 0.093 against a distance of 0.062: (0.093/0.062)² × 20 = 45 rounds.
      expect(judgement.samplesNeeded).toBe(45);
    });

    it('estimates the rounds from the side of the interval that crosses the target', () => {
      expect(judge([1.0, 1.118], 1.082, 20, atMost).samplesNeeded).toBe(Math.ceil(20 * (0.082 / 0.052) ** 2));
      expect(judge([1.0, 1.06], 1.03, 20, atMost).samplesNeeded).toBe(Number.POSITIVE_INFINITY);
    });

    it('reads at-least bounds the other way round', () => {
      const atLeast = { limit: 20_000, side: 'at-least' } as const;
      expect(judge([21_000, 23_000], 22_000, 15, atLeast).verdict).toBe('PASS');
      expect(judge([15_000, 19_000], 17_000, 15, atLeast).verdict).toBe('MISS');
      expect(judge([19_000, 23_000], 21_000, 15, atLeast)).toEqual({ verdict: 'CANNOT TELL', samplesNeeded: 60 });
    });

    it('gives no verdict on fewer than six samples', () => {
      expect(judge([0.83, 0.87], 0.85, 2, atMost)).toEqual({ verdict: 'CANNOT TELL', samplesNeeded: 6 });
      expect(judge([0.8, 1.1], 0.95, 5, atMost)).toEqual({ verdict: 'CANNOT TELL', samplesNeeded: Math.ceil(5 * (0.15 / 0.08) ** 2) });
      expect(judge([0.98, 1.0], 0.99, 6, atMost).verdict).toBe('PASS');
    });

    it('judges an exact value (a zero-width interval) as PASS or MISS', () => {
      expect(judge([190_000, 190_000], 190_000, 1, { limit: 200_000, side: 'at-most' }).verdict).toBe('PASS');
      expect(judge([521_000, 521_000], 521_000, 1, { limit: 200_000, side: 'at-most' }).verdict).toBe('MISS');
    });
  });

  it('judges the median of samples with its interval', () => {
    const clear = judgeMedian([1.0, 1.01, 0.99, 1.0, 1.01, 0.99, 1.0, 1.0, 1.01, 0.99], { limit: 1.03, side: 'at-most' });
    expect(clear).toMatchObject({ verdict: 'PASS', median: 1.0, n: 10 });
    const noisy = judgeMedian([0.8, 1.3, 0.9, 1.2, 1.0, 1.1, 0.85, 1.25, 0.95, 1.15], { limit: 1.03, side: 'at-most' });
    expect(noisy.verdict).toBe('CANNOT TELL');
    expect(noisy.samplesNeeded).toBeGreaterThan(10);
  });
});
