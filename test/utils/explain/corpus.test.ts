// The engine against every captured response, with the truth noted in each fixture: the quality bar of the issue.
import { describe, expect, it } from 'vitest';
import { scoreFixtures, summarize } from '../../../scripts/accuracy';

describe('the engine on the captured corpus', () => {
  const scores = scoreFixtures();
  const summary = summarize(scores);

  it('has a corpus worth measuring', () => {
    expect(summary.fixtures).toBeGreaterThan(150);
  });

  it('names the right gateway for 95 % or more', () => expect(summary.gateway).toBeGreaterThanOrEqual(0.95));
  it('has the true cause in the top three for 90 % or more', () => expect(summary.causeTop3).toBeGreaterThanOrEqual(0.9));
  it('has the true cause first for 60 % or more', () => expect(summary.causeFirst).toBeGreaterThanOrEqual(0.6));
  it('says who wrote the error rightly for 90 % or more', () => expect(summary.source).toBeGreaterThanOrEqual(0.9));
  it('claims no gateway for 90 % or more of plain application responses', () => expect(summary.plainWithoutGateway).toBeGreaterThanOrEqual(0.9));
});
