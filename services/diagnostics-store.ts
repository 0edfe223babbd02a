// The background's recent problems, in storage.session (memory only), for the options page's Diagnostics.
import { storage } from '@wxt-dev/storage';
import { addProblem, asProblems, type Problem } from '../utils/diagnostics';
import { serialized } from './serial';

export const problemsItem = storage.defineItem<unknown>('session:problems', { fallback: [] });

/** Adds a problem; never rejects (a problem that cannot be kept, say over quota, is let go). */
export function recordProblem(where: string, message: string, time = Date.now()): Promise<void> {
  return serialized(problemsItem.key, async () => {
    await problemsItem.setValue(addProblem(asProblems(await problemsItem.getValue()), where, message, time));
  }).catch(() => undefined);
}

/** Calls `listener` with the problems now and after every change. Returns the function that stops listening. */
export function watchProblems(listener: (problems: Problem[]) => void): () => void {
  let stopped = false;
  void problemsItem.getValue().then((stored) => stopped || listener(asProblems(stored)));
  const unwatch = problemsItem.watch((stored) => listener(asProblems(stored)));
  return () => {
    stopped = true;
    unwatch();
  };
}

export function clearProblems(): Promise<void> {
  return serialized(problemsItem.key, () => problemsItem.removeValue());
}
