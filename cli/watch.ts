// `--watch`: polls a failing URL with the extension's backoff until it recovers, printing one line per attempt.
import { setTimeout as sleep } from 'node:timers/promises';
import { formatDuration } from '../utils/explain/time';
import { ANSI, PLAIN, type TextStyle } from '../utils/explain/format-text';
import { retryDelay, type Random } from '../utils/retry-policy';
import { DEFAULT_SETTINGS } from '../utils/settings';
import { lookUp, requestableUrl, type Look, type LookOutput } from './look-up';
import type { UrlOptions } from './url-options';

/** Time as the watch sees it; tests pass a clock whose sleep only moves its own time forward. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }),
};

export interface WatchIo extends LookOutput {
  clock: Clock;
  random: Random;
  /** Calls `stop` on Ctrl+C; returns a function that stops listening. */
  onInterrupt?: (stop: () => void) => () => void;
}

/** What to do after a failed attempt. */
export type NextStep =
  { waitMs: number; why: 'backoff' | 'Retry-After' | 'last look at --max-time' } | { stop: 'max-time' } | { stop: 'retry-after'; askedSeconds: number };

/**
 * After `failures` failed attempts in a row: the extension's backoff with its default timing settings, never shorter
 * than Retry-After, and never past the deadline. A Retry-After that reaches past the deadline stops the watch rather
 * than being cut short; a backoff that does is cut, for a last look.
 */
export function nextStep(failures: number, now: number, deadline: number, retryAfterSeconds: number | undefined, random: Random): NextStep {
  if (retryAfterSeconds !== undefined && now + retryAfterSeconds * 1000 > deadline) return { stop: 'retry-after', askedSeconds: retryAfterSeconds };
  if (now >= deadline) return { stop: 'max-time' };
  const backoffMs = retryDelay(failures, DEFAULT_SETTINGS, random);
  const askedMs = (retryAfterSeconds ?? 0) * 1000;
  const wantedMs = Math.max(backoffMs, askedMs);
  if (now + wantedMs > deadline) return { waitMs: deadline - now, why: 'last look at --max-time' };
  return { waitMs: wantedMs, why: askedMs > backoffMs ? 'Retry-After' : 'backoff' };
}

/** Local wall-clock time, "14:05:02": what the person on call compares with their graphs. */
const clockTime = (ms: number) => new Date(ms).toTimeString().slice(0, 8);
const answerOf = (look: Look) => (look.status > 0 ? `${look.status} ${look.statusText}`.trim() : 'no response');

function stepWords(step: NextStep): string {
  if ('waitMs' in step) return `next in ${formatDuration(step.waitMs / 1000)}${step.why === 'backoff' ? '' : ` (${step.why})`}`;
  if (step.stop === 'max-time') return 'stopping: --max-time reached';
  return `stopping: the server asks to wait ${formatDuration(step.askedSeconds)}, past --max-time`;
}

interface Attempt {
  at: number;
  look: Look;
}

/** The last line: recovered, or still failing and why the watch stopped. */
function summary(attempts: Attempt[], stoppedBy: string | undefined, now: number): { text: string; json: Record<string, unknown> } {
  const first = attempts.find(({ look }) => !look.ok);
  const last = attempts.at(-1);
  const json = {
    recovered: stoppedBy === undefined,
    attempts: attempts.length,
    ...(first && { firstFailureAt: new Date(first.at).toISOString(), firstFailure: answerOf(first.look) }),
    ...(last && { lastAt: new Date(last.at).toISOString(), last: answerOf(last.look) }),
    ...(stoppedBy && { stoppedBy }),
  };
  if (!last) return { text: `Stopped (${stoppedBy}) before the first answer.`, json };
  const count = `${attempts.length} attempt${attempts.length === 1 ? '' : 's'}`;
  if (!first) return { text: `Not failing: ${answerOf(last.look)} at ${clockTime(last.at)}, the first attempt.`, json };
  const since = `the first failure at ${clockTime(first.at)} (${answerOf(first.look)})`;
  if (stoppedBy === undefined) {
    return {
      text: `Recovered at ${clockTime(last.at)} with ${answerOf(last.look)}, ${formatDuration((last.at - first.at) / 1000)} after ${since}; ${count}.`,
      json,
    };
  }
  return {
    text: `Still failing after ${formatDuration((now - first.at) / 1000)} (stopped: ${stoppedBy}): ${count} since ${since}; last ${answerOf(last.look)} at ${clockTime(last.at)}.`,
    json,
  };
}

/**
 * Watches the URL until it answers below 400. Exit status: 0 when it recovered (or never failed), 1 when it was still
 * failing when the watch stopped (--max-time, a Retry-After past it, or Ctrl+C), 2 when it cannot be requested.
 */
export async function watchUrl(text: string, options: UrlOptions, io: WatchIo): Promise<number> {
  const url = requestableUrl(text, io);
  if (!url) return 2;
  const style: TextStyle = io.color ? ANSI : PLAIN;
  const controller = new AbortController();
  const stopListening = io.onInterrupt?.(() => controller.abort());
  const deadline = io.clock.now() + options.maxTimeMs;
  const attempts: Attempt[] = [];
  let stoppedBy: string | undefined;
  if (!io.json) {
    io.stdout(
      style.dim(`Watching ${options.method} ${url.href} until it answers below 400, for at most ${formatDuration(options.maxTimeMs / 1000)}; Ctrl+C stops.\n`),
    );
  }
  try {
    for (;;) {
      const at = io.clock.now();
      const look = await lookUp(url, options, { now: io.now, signal: controller.signal });
      attempts.push({ at, look });
      const step = look.ok ? undefined : nextStep(attempts.length, io.clock.now(), deadline, look.retryAfterSeconds, io.random);
      if (io.json) {
        const next = step && ('waitMs' in step ? { nextInMs: step.waitMs, nextBecause: step.why } : { stop: step.stop });
        io.stdout(
          `${JSON.stringify({ attempt: attempts.length, at: new Date(at).toISOString(), url: look.url, ok: look.ok, status: look.status, statusText: look.statusText, headline: look.headline, ...(look.networkError && { networkError: look.networkError }), ...next })}\n`,
        );
      } else {
        const answer = look.ok ? style.bold(answerOf(look)) : style.red(answerOf(look));
        const tail = step ? stepWords(step) : 'recovered';
        io.stdout(`${clockTime(at)}  #${attempts.length}  ${answer}  ${look.ok ? '' : `${look.headline}  `}${style.dim(`→ ${tail}`)}\n`);
      }
      if (!step) break;
      if ('stop' in step) {
        stoppedBy = step.stop === 'max-time' ? '--max-time reached' : 'Retry-After past --max-time';
        break;
      }
      await io.clock.sleep(step.waitMs, controller.signal);
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    stoppedBy = 'Ctrl+C';
  } finally {
    stopListening?.();
  }
  const last = summary(attempts, stoppedBy, io.clock.now());
  io.stdout(io.json ? `${JSON.stringify({ summary: last.json })}\n` : `${stoppedBy ? style.red(last.text) : style.bold(last.text)}\n`);
  return stoppedBy ? 1 : 0;
}
