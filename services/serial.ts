// Runs async updates of one key one after another, so two events arriving together cannot overwrite each other.
const pending = new Map<string, Promise<unknown>>();

export function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = pending.get(key) ?? Promise.resolve();
  const next = previous.then(task);
  const settled = next.catch(() => undefined);
  pending.set(key, settled);
  void settled.then(() => {
    if (pending.get(key) === settled) pending.delete(key);
  });
  return next;
}
