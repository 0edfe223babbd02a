// Written by `npm run fit-calibration` (scripts/fit-calibration.ts) from the tuned fixtures, never the held-out ones. Do not edit by hand.
// Each step is [raw score up to, share of answers right at such scores]: isotonic, ≥ 10 answers a step (scripts/calibration.ts).
import type { CalibrationTable } from './confidence';

export const CALIBRATION: CalibrationTable = {
  fittedOn: '242 tuned fixtures (captured and published), 852 answers in four modes',
  gateway: {
    full: [[1, 0.965]],
    headers: [[0.7, 0.414], [1, 0.869]],
    body: [[0.7, 0.06], [1, 0.727]],
  },
  cause: {
    full: [[0.312, 0.452], [0.44, 0.59], [0.52, 0.66], [0.7, 0.872], [1, 0.986]],
    headers: [[0.195, 0.092], [0.2, 0.174], [0.4, 0.522], [1, 0.919]],
    body: [[0.17, 0.283], [0.3, 0.599], [0.52, 0.71], [0.56, 0.717], [0.69, 0.898], [1, 0.993]],
  },
};
