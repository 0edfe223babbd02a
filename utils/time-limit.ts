// A time limit for browser calls that can stay pending for ever, so a per-tab queue never waits on one.

/** Calls into a tab (reading it, injecting the banner, messaging it) take milliseconds; 3 s means it is gone or moving. */
export const TAB_CALL_TIME_LIMIT_MS = 3000;

/** The promise's value, or undefined if it has not settled within `ms`. A rejection within the limit passes through. */
export function withTimeLimit<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
