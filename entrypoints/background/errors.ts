// The one place background errors end: known noise (a tab that closed) is quiet, anything else is logged once and
// kept for the options page's Diagnostics.
import { recordProblem } from '../../services/diagnostics-store';
import { problemMessage } from '../../utils/diagnostics';

const NOISE = [/No tab with id/i, /Invalid tab ID/i, /Extension context invalidated/i];

export function logError(where: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (NOISE.some((pattern) => pattern.test(message))) return;
  console.warn(`Gatewhy ${where}:`, error);
  void recordProblem(where, problemMessage(error));
}

/** Wraps a listener so that it never throws or rejects into the browser. */
export function guarded<Args extends unknown[]>(where: string, listener: (...args: Args) => unknown) {
  return (...args: Args): undefined => {
    try {
      const result = listener(...args);
      if (result instanceof Promise) result.catch((error: unknown) => logError(where, error));
    } catch (error) {
      logError(where, error);
    }
    return undefined;
  };
}
