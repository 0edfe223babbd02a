// The causes Gatewhy names, what each status means when no vendor rule is more specific, and generic advice.
import type { CauseId, CauseWeights } from '../gateways/types';

export interface CauseInfo {
  /** Completes "502 from Cloudflare: …". */
  headline: string;
  /** Short title for lists. */
  title: string;
  /** What the site owner should look at first. */
  ownerCheck: string;
}

export const CAUSES: Record<CauseId, CauseInfo> = {
  'origin-unreachable': {
    title: 'Origin unreachable',
    headline: 'the gateway could not connect to the origin server',
    ownerCheck:
      'Check that the origin is running and listening on the address and port the gateway uses, that its firewall admits the gateway, and that its DNS name resolves.',
  },
  'origin-timeout': {
    title: 'Origin timed out',
    headline: 'the origin server took too long to answer',
    ownerCheck:
      "Find the slow request in the origin's logs (slow queries, locks, a stuck worker), or raise the gateway's timeout if the work is legitimately long.",
  },
  'origin-reset': {
    title: 'Connection closed or reset',
    headline: 'the origin server closed the connection before it answered',
    ownerCheck: "Look for crashes or restarts of the origin process at that time, and make the origin's keep-alive timeout longer than the gateway's.",
  },
  'origin-invalid-response': {
    title: 'Invalid response from origin',
    headline: 'the origin server sent a response the gateway could not use',
    ownerCheck:
      "Check the origin's response for malformed or oversized headers (often large cookies), a wrong Content-Length, broken compression or a protocol mismatch.",
  },
  'origin-tls': {
    title: 'TLS to origin failed',
    headline: 'the secure connection between the gateway and the origin failed',
    ownerCheck: "Check the origin's certificate: expiry, the full chain, the name the gateway expects (SNI/Host), and the TLS versions and ciphers it offers.",
  },
  'origin-app-error': {
    title: 'Application error',
    headline: 'the application behind the gateway failed',
    ownerCheck: "Read the application's own logs for this request: the gateway only passed its failure on.",
  },
  overloaded: {
    title: 'Overloaded or rate limited',
    headline: 'the service is overloaded or is limiting requests',
    ownerCheck: 'Check capacity (CPU, memory, connection and worker limits, queue depth) and any rate or connection limits at the gateway.',
  },
  maintenance: {
    title: 'Maintenance',
    headline: 'the site is down for maintenance',
    ownerCheck: 'If this was not planned, check what put the service into maintenance mode or stopped it.',
  },
  unknown: {
    title: 'Cause unclear',
    headline: 'this response does not show why',
    ownerCheck: "The gateway's own logs for this request will name the reason.",
  },
};

export const CAUSE_IDS = Object.keys(CAUSES) as CauseId[];

/** What a status means in general, and its causes ranked before any vendor rule applies. */
export interface StatusMeaning {
  meaning: string;
  causes: CauseWeights;
}

// Generic readings of RFC 9110 §15.6 for a response that came through a gateway.
export const STATUS_MEANINGS: Record<number, StatusMeaning> = {
  500: {
    meaning: 'Internal Server Error: the server failed while handling the request.',
    causes: { 'origin-app-error': 0.8, unknown: 0.2 },
  },
  502: {
    meaning: 'Bad Gateway: a gateway got no usable response from the server behind it.',
    causes: { 'origin-unreachable': 0.4, 'origin-reset': 0.3, 'origin-invalid-response': 0.15, 'origin-tls': 0.1, 'origin-app-error': 0.05 },
  },
  503: {
    meaning: 'Service Unavailable: the server cannot handle the request right now.',
    causes: { overloaded: 0.35, 'origin-unreachable': 0.3, maintenance: 0.2, 'origin-app-error': 0.15 },
  },
  504: {
    meaning: 'Gateway Timeout: a gateway waited too long for the server behind it.',
    causes: { 'origin-timeout': 0.8, 'origin-unreachable': 0.2 },
  },
};

/**
 * A page that does not state its status (pasted or copied on its own): most such pages are gateway errors, so the
 * causes are those of 502, 503 and 504 together.
 */
export const UNKNOWN_STATUS: StatusMeaning = {
  meaning: 'The page does not state its status code, so only its words tell what failed.',
  causes: { 'origin-unreachable': 0.3, 'origin-timeout': 0.25, 'origin-reset': 0.15, overloaded: 0.15, 'origin-app-error': 0.15 },
};

/** What a status means in general; for 0 (no status known) pass `known: false` to get UNKNOWN_STATUS. */
export function statusMeaning(status: number, known = true): StatusMeaning {
  if (!known) return UNKNOWN_STATUS;
  return (
    STATUS_MEANINGS[status] ?? {
      meaning: status >= 500 && status < 600 ? 'A server error.' : status === 0 ? 'No HTTP response arrived.' : 'Not a server error.',
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
      .map(([id, { weight, evidence }]) => ({ id, title: CAUSES[id].title, likelihood: weight / total, evidence }))
      .filter(({ likelihood }) => likelihood >= MIN_LIKELIHOOD)
      .sort((a, b) => b.likelihood - a.likelihood)
      .map((cause) => ({ ...cause, likelihood: Math.round(cause.likelihood * 100) / 100 }));
  }
}
