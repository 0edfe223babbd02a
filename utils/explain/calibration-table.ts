// Written by `npm run fit-calibration` (scripts/fit-calibration.ts) from the tuned fixtures, never the held-out ones. Do not edit by hand.
// Each step is [raw score up to, share of answers right at such scores]: isotonic, ≥ 10 answers a step (scripts/calibration.ts).
import type { CalibrationTable } from './confidence';

export const CALIBRATION: CalibrationTable = {
  fittedOn: '487 tuned fixtures (captured and published), 1782 answers in four modes',
  gateway: {
    full: [[1, 0.959]],
    headers: [[0.7, 0.064], [1, 0.894]],
    body: [[1, 0.706]],
  },
  cause: {
    full: [[0.3, 0.279], [0.47, 0.521], [0.53, 0.549], [0.84, 0.711], [1, 0.779]],
    headers: [[0.195, 0.116], [0.264, 0.169], [0.282, 0.35], [0.44, 0.571], [0.55, 0.597], [1, 0.753]],
    body: [[0.15, 0.239], [0.52, 0.601], [0.71, 0.644], [0.77, 0.646], [1, 0.819]],
  },
};
