// Written by `npm run fit-calibration` (scripts/fit-calibration.ts) from the tuned fixtures, never the held-out ones. Do not edit by hand.
// Each step is [raw score up to, share of answers right at such scores]: isotonic, ≥ 10 answers a step (scripts/calibration.ts).
import type { CalibrationTable } from './confidence';

export const CALIBRATION: CalibrationTable = {
  fittedOn: '489 tuned fixtures (captured and published), 1788 answers in four modes',
  gateway: {
    full: [[1, 0.959]],
    headers: [[0.7, 0.063], [1, 0.891]],
    body: [[1, 0.71]],
  },
  cause: {
    full: [[0.3, 0.317], [0.47, 0.435], [0.53, 0.528], [0.71, 0.739], [0.78, 0.757], [0.84, 0.797], [1, 0.817]],
    headers: [[0.195, 0.116], [0.264, 0.183], [0.282, 0.35], [0.44, 0.528], [0.58, 0.628], [0.85, 0.738], [1, 0.896]],
    body: [[0.15, 0.239], [0.52, 0.596], [0.77, 0.654], [0.89, 0.792], [1, 0.983]],
  },
};
