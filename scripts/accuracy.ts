// Scores the engine on every captured fixture against the truth in its comments: `npm run accuracy [-- --all]`.
import { explainResponse } from '../utils/explain/explain-response';
import { parseHttpResponse } from '../utils/http-message';
import { loadFixtures } from '../test/support/fixtures';

export interface Score {
  name: string;
  gateway: boolean;
  causeFirst: boolean;
  causeTop3: boolean;
  source: boolean;
  got: { gateway: string | null; causes: string[]; source: string };
  want: { gateway: string | null; cause: string; source: string };
}

/**
 * Fixtures that are not error responses: a gateway that relayed HTTP/0.9 junk (no status line to read),
 * or one that passed a faulty upstream answer through with a success status.
 */
export function unscored(): { name: string; reason: string }[] {
  return loadFixtures().flatMap((fixture) => {
    try {
      const { status } = parseHttpResponse(fixture.text);
      return status < 400 ? [{ name: fixture.name, reason: `status ${status} is not an error` }] : [];
    } catch (error) {
      return [{ name: fixture.name, reason: (error as Error).message }];
    }
  });
}

export function scoreFixtures(): Score[] {
  const skipped = new Set(unscored().map(({ name }) => name));
  return loadFixtures().filter(({ name }) => !skipped.has(name)).map((fixture) => {
    const response = parseHttpResponse(fixture.text);
    const explanation = explainResponse({ status: response.status, statusText: response.statusText, headers: response.headers, bodyText: response.body });
    const causes = explanation.causes.map(({ id }) => id);
    const got = { gateway: explanation.gateway?.id ?? null, causes, source: explanation.source };
    return {
      name: fixture.name,
      gateway: got.gateway === fixture.gateway,
      causeFirst: causes[0] === fixture.cause,
      causeTop3: causes.slice(0, 3).includes(fixture.cause as never),
      source: fixture.source === 'unknown' || got.source === fixture.source,
      got,
      want: { gateway: fixture.gateway, cause: fixture.cause, source: fixture.source },
    };
  });
}

export function summarize(scores: Score[]) {
  const share = (list: Score[], key: 'gateway' | 'causeFirst' | 'causeTop3' | 'source') =>
    list.length ? list.filter((score) => score[key]).length / list.length : 1;
  const withGateway = scores.filter((score) => score.want.gateway !== null);
  const plain = scores.filter((score) => score.want.gateway === null);
  const knownCause = scores.filter((score) => score.want.cause !== 'unknown');
  return {
    fixtures: scores.length,
    gateway: share(withGateway, 'gateway'),
    causeFirst: share(knownCause, 'causeFirst'),
    causeTop3: share(knownCause, 'causeTop3'),
    source: share(scores, 'source'),
    plainWithoutGateway: share(plain, 'gateway'),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scores = scoreFixtures();
  const all = process.argv.includes('--all');
  for (const score of scores) {
    const wrong = [!score.gateway && 'gateway', !score.causeTop3 ? 'cause(top3)' : !score.causeFirst && 'cause(first)', !score.source && 'source'].filter(Boolean);
    if (!all && wrong.length === 0) continue;
    console.log(`${wrong.length ? '✗' : '✓'} ${score.name}${wrong.length ? `  [${wrong.join(', ')}]` : ''}`);
    if (wrong.length) console.log(`    want ${JSON.stringify(score.want)}\n    got  ${JSON.stringify({ ...score.got, causes: score.got.causes.slice(0, 3) })}`);
  }
  for (const { name, reason } of unscored()) console.log(`- ${name}: not scored, ${reason}`);
  const summary = summarize(scores);
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  console.log(`\n${summary.fixtures} fixtures: gateway ${pct(summary.gateway)}, cause first ${pct(summary.causeFirst)}, cause top 3 ${pct(summary.causeTop3)}, source ${pct(summary.source)}, plain apps without a gateway ${pct(summary.plainWithoutGateway)}`);
}
