// Written by `npm run fit-calibration` (scripts/fit-calibration.ts) from the tuned fixtures, never the held-out ones. Do not edit by hand.
// Each step is [raw score up to, share of answers right at such scores]: isotonic, ≥ 10 answers a step (scripts/calibration.ts).
import type { CalibrationTable } from './confidence';

export const CALIBRATION: CalibrationTable = {
  fittedOn: '491 tuned fixtures (captured and published), 1792 answers in four modes',
  gateway: {
    full: [[1, 0.958]],
    headers: [
      [0.8, 0.627],
      [1, 0.934],
    ],
    body: [[1, 0.72]],
  },
  cause: {
    full: [
      [0.47, 0.428],
      [0.58, 0.508],
      [0.71, 0.73],
      [0.78, 0.738],
      [1, 0.837],
    ],
    headers: [
      [0.195, 0.024],
      [0.264, 0.258],
      [0.282, 0.35],
      [0.44, 0.449],
      [0.58, 0.598],
      [0.78, 0.705],
      [0.85, 0.795],
      [1, 0.9],
    ],
    body: [
      [0.15, 0.244],
      [0.52, 0.601],
      [0.71, 0.656],
      [0.76, 0.672],
      [0.89, 0.787],
      [1, 0.986],
    ],
  },
};
