// The causes Gatewhy names, what each status means when no vendor rule is more specific, and generic advice.
import type { CauseId, CauseWeights } from '../gateways/types';
import { say, type MessageKey } from '../wording';

/** The message-file name of each cause (locales/en.json, "cause.<name>.title | headline | ownerCheck"). */
const CAUSE_NAMES = {
  'origin-unreachable': 'originUnreachable',
  'origin-timeout': 'originTimeout',
  'origin-reset': 'originReset',
  'origin-invalid-response': 'originInvalidResponse',
  'origin-tls': 'originTls',
  'origin-app-error': 'originAppError',
  overloaded: 'overloaded',
  maintenance: 'maintenance',
  unknown: 'unknown',
} as const satisfies Record<CauseId, string>;

/** Short title for lists: "Origin unreachable". */
export const causeTitle = (id: CauseId): string => say(`cause.${CAUSE_NAMES[id]}.title`);
/** Completes "502 from Cloudflare: …": "the gateway could not connect to the origin server". */
export const causeHeadline = (id: CauseId): string => say(`cause.${CAUSE_NAMES[id]}.headline`);
/** What the site owner should look at first. */
export const causeOwnerCheck = (id: CauseId): string => say(`cause.${CAUSE_NAMES[id]}.ownerCheck`);

export const CAUSE_IDS = Object.keys(CAUSE_NAMES) as CauseId[];

/** What a status means in general (a message key), and its causes ranked before any vendor rule applies. */
export interface StatusMeaning {
  meaning: MessageKey;
  causes: CauseWeights;
}

// Generic readings of RFC 9110 §15.6 for a response that came through a gateway.
export const STATUS_MEANINGS: Record<number, StatusMeaning> = {
  500: {
    meaning: 'status.http500',
    causes: { 'origin-app-error': 0.8, unknown: 0.2 },
  },
  502: {
    meaning: 'status.http502',
    causes: { 'origin-unreachable': 0.4, 'origin-reset': 0.3, 'origin-invalid-response': 0.15, 'origin-tls': 0.1, 'origin-app-error': 0.05 },
  },
  503: {
    meaning: 'status.http503',
    causes: { overloaded: 0.35, 'origin-unreachable': 0.3, maintenance: 0.2, 'origin-app-error': 0.15 },
  },
  504: {
    meaning: 'status.http504',
    causes: { 'origin-timeout': 0.8, 'origin-unreachable': 0.2 },
  },
};

/**
 * A page that does not state its status (pasted or copied on its own): most such pages are gateway errors, so the
 * causes are those of 502, 503 and 504 together.
 */
export const UNKNOWN_STATUS: StatusMeaning = {
  meaning: 'status.unstated',
  causes: { 'origin-unreachable': 0.3, 'origin-timeout': 0.25, 'origin-reset': 0.15, overloaded: 0.15, 'origin-app-error': 0.15 },
};

/** What a status means in general; for 0 (no status known) pass `known: false` to get UNKNOWN_STATUS. */
export function statusMeaning(status: number, known = true): StatusMeaning {
  if (!known) return UNKNOWN_STATUS;
  return (
    STATUS_MEANINGS[status] ?? {
      meaning: status >= 500 && status < 600 ? 'status.otherServerError' : status === 0 ? 'status.noResponse' : 'status.notServerError',
      causes: status >= 500 && status < 600 ? { 'origin-app-error': 0.5, unknown: 0.5 } : { unknown: 1 },
    }
  );
}

/** Causes below this share are left out of a ranking. */
const MIN_LIKELIHOOD = 0.02;

/** One ranked cause with the lines that support it. */
export interface CauseFinding {
  id: CauseId;
  title: string;
  /** 0..1, most likely first. The list sums to at most 1: what is left is the chance that it is none of these. */
  likelihood: number;
  evidence: string[];
}

/** Adds up cause weights from every clue, each with the line that says why, and ranks them. */
export class CauseTally {
  private readonly weights = new Map<CauseId, { weight: number; evidence: string[] }>();

  add(causes: CauseWeights, factor: number, evidence?: string): void {
    for (const [id, weight] of Object.entries(causes) as [CauseId, number][]) {
      const entry = this.weights.get(id) ?? { weight: 0, evidence: [] };
      entry.weight += weight * factor;
      if (evidence && !entry.evidence.includes(evidence)) entry.evidence.push(evidence);
      this.weights.set(id, entry);
    }
  }

  /** Shares of the total weight, most likely first, rounded to whole percents. */
  ranked(): CauseFinding[] {
    const total = [...this.weights.values()].reduce((sum, { weight }) => sum + weight, 0) || 1;
    return [...this.weights.entries()]
      .map(([id, { weight, evidence }]) => ({ id, title: causeTitle(id), likelihood: weight / total, evidence }))
      .filter(({ likelihood }) => likelihood >= MIN_LIKELIHOOD)
      .sort((a, b) => b.likelihood - a.likelihood)
      .map((cause) => ({ ...cause, likelihood: Math.round(cause.likelihood * 100) / 100 }));
  }
}
