// Loads the engine chunk once, on demand, and hands it to components when it has arrived.
import { useEffect, useState } from 'preact/hooks';

export type Engine = typeof import('./engine');

let loading: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
  return (loading ??= import('./engine'));
}

/** The engine once loaded; undefined before, or while `wanted` is false. */
export function useEngine(wanted: boolean): Engine | undefined {
  const [engine, setEngine] = useState<Engine>();
  useEffect(() => {
    if (!wanted || engine) return;
    let live = true;
    void loadEngine().then((loaded) => live && setEngine(loaded));
    return () => {
      live = false;
    };
  }, [wanted, engine]);
  return engine;
}
