// Calibrated confidence: the engine's raw scores mapped to how often it is right at that score, and said in words.
import { CALIBRATION } from './calibration-table';
import type { EvidenceSeen } from './evidence';

/** What the engine had to go on: headers and body, headers only, or a body (or its text) only. */
export type EvidenceClass = 'full' | 'headers' | 'body';

/** Per evidence class, ascending steps [raw score up to, share right]: a monotone map fitted on the tuned fixtures. */
export type CalibrationSteps = Record<EvidenceClass, readonly (readonly [number, number])[]>;

export interface CalibrationTable {
  /** What the table was fitted on, for the record. */
  fittedOn: string;
  /** How often the gateway answer (a name, or "none") is right. */
  gateway: CalibrationSteps;
  /** How often the first cause is right. */
  cause: CalibrationSteps;
}

export function evidenceClass(seen: EvidenceSeen): EvidenceClass {
  if (seen.body === 'unseen') return 'headers';
  return seen.headers === 'seen' || seen.status === 'given' ? 'full' : 'body';
}

/** The share right for this raw score, from the fitted steps; the raw score itself where nothing was fitted. */
export function calibrate(steps: readonly (readonly [number, number])[], raw: number): number {
  if (steps.length === 0) return raw;
  for (const [upTo, share] of steps) if (raw <= upTo) return share;
  return steps[steps.length - 1]![1];
}

export interface RawConfidence {
  gateway: number;
  cause: number;
  class: EvidenceClass;
}

/** Calibrated probabilities that the gateway answer and the first cause are right. */
export function calibratedConfidence(raw: RawConfidence, table: CalibrationTable = CALIBRATION): { gateway: number; cause: number } {
  const round = (share: number) => Math.round(share * 100) / 100;
  return { gateway: round(calibrate(table.gateway[raw.class], raw.gateway)), cause: round(calibrate(table.cause[raw.class], raw.cause)) };
}

/** Below these, the headline hedges: "probably" / "possibly" for the gateway, "probably" / "cannot tell" for the cause. */
export const SURE = 0.75;
export const LIKELY = 0.45;

/** How the headline says a confidence: plainly, hedged, or as a guess. */
export type ConfidenceLevel = 'sure' | 'likely' | 'guess';

export function confidenceLevel(confidence: number): ConfidenceLevel {
  return confidence >= SURE ? 'sure' : confidence >= LIKELY ? 'likely' : 'guess';
}
