// Written by `npm run fit-calibration` (scripts/fit-calibration.ts) from the tuned fixtures, never the held-out ones. Do not edit by hand.
// Each step is [raw score up to, share of answers right at such scores]: isotonic, ≥ 10 answers a step (scripts/calibration.ts).
import type { CalibrationTable } from './confidence';

export const CALIBRATION: CalibrationTable = {
  fittedOn: '206 tuned fixtures (captured and published), 770 answers in four modes',
  gateway: {
    full: [[0.97, 0.903], [1, 0.97]],
    headers: [[0.7, 0.058], [1, 0.801]],
    body: [[0.85, 0.11], [1, 0.738]],
  },
  cause: {
    full: [[0.47, 0.552], [0.58, 0.808], [0.7, 0.894], [1, 0.967]],
    headers: [[0.195, 0.1], [0.3675, 0.195], [1, 0.792]],
    body: [[0.335, 0.314], [0.5, 0.585], [0.52, 0.611], [0.65, 0.859], [1, 0.99]],
  },
};
