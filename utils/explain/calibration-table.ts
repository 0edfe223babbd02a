// Written by `npm run fit-calibration` (scripts/fit-calibration.ts) from the tuned fixtures, never the held-out ones. Do not edit by hand.
// Each step is [raw score up to, share of answers right at such scores]: isotonic, ≥ 10 answers a step (scripts/calibration.ts).
import type { CalibrationTable } from './confidence';

export const CALIBRATION: CalibrationTable = {
  fittedOn: '242 tuned fixtures (captured and published), 852 answers in four modes',
  gateway: {
    full: [[1, 0.965]],
    headers: [[0.7, 0.086], [1, 0.832]],
    body: [[0.7, 0.064], [1, 0.733]],
  },
  cause: {
    full: [[0.47, 0.54], [0.58, 0.779], [0.7, 0.911], [1, 0.987]],
    headers: [[0.195, 0.105], [0.2, 0.156], [0.4, 0.557], [1, 0.919]],
    body: [[0.17, 0.283], [0.3, 0.619], [0.52, 0.71], [0.56, 0.75], [0.69, 0.898], [1, 0.993]],
  },
};
