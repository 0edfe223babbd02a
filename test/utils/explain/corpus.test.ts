// The engine against every real response we have, with the truth noted in each fixture: issue 11's quality bar.
// Bars the rules do not meet yet are `it.fails`: they pass while the bar is missed, and fail (flip them to `it`) once it is met.
import { describe, expect, it } from 'vitest';
import { fitTable, offBins, reliability, scoreFixtures, summarize, type Mode, type Score } from '../../../scripts/accuracy';
import { CALIBRATION } from '../../../utils/explain/calibration-table';
import type { FixtureSet } from '../../support/fixtures';

const { scores } = scoreFixtures();
const of = (set: FixtureSet, mode: Mode) => scores.filter((score) => score.set === set && score.mode === mode);
const tuned = scores.filter((score) => score.set !== 'held-out');

describe('the engine on the captured corpus (software run here), whole responses', () => {
  const summary = summarize(of('captured', 'full'));
  it('has a corpus worth measuring', () => expect(summary.fixtures).toBeGreaterThan(100));
  it('names the right gateway for 95 % or more', () => expect(summary.gateway).toBeGreaterThanOrEqual(0.95));
  it('says who wrote the error rightly for 92 % or more', () => expect(summary.source).toBeGreaterThanOrEqual(0.92));
  it.fails("has the true cause first for 75 % or more (not yet: the rules rank generic pages' causes)", () =>
    expect(summary.causeFirst).toBeGreaterThanOrEqual(0.75),
  );
  it.fails('has the true cause in the top three for 95 % or more (not yet)', () => expect(summary.causeTop3).toBeGreaterThanOrEqual(0.95));
  it('claims no gateway for 95 % or more of plain application errors', () => expect(summary.plainWithoutGateway).toBeGreaterThanOrEqual(0.95));
});

describe('the engine on published responses it is tuned on, whole responses', () => {
  const summary = summarize(of('published', 'full'));
  it('has a corpus worth measuring', () => expect(summary.fixtures).toBeGreaterThan(50));
  it.fails("names the right gateway for 95 % or more (not yet: vendors' texts are still to be written from their sources)", () =>
    expect(summary.gateway).toBeGreaterThanOrEqual(0.95),
  );
  it('says who wrote the error rightly for 92 % or more', () => expect(summary.source).toBeGreaterThanOrEqual(0.92));
  it('has the true cause first for 75 % or more', () => expect(summary.causeFirst).toBeGreaterThanOrEqual(0.75));
  it.fails('has the true cause in the top three for 95 % or more (not yet)', () => expect(summary.causeTop3).toBeGreaterThanOrEqual(0.95));
  it('claims no gateway for 95 % or more of plain application errors', () => expect(summary.plainWithoutGateway).toBeGreaterThanOrEqual(0.95));
});

describe('partial evidence on the tuned fixtures', () => {
  const marked = (mode: Mode) => summarize(tuned.filter((score) => score.mode === mode)).gatewayWhereMarked;
  it("names the gateway from headers alone for 85 % or more where the headers carry the vendor's mark", () =>
    expect(marked('headers')).toBeGreaterThanOrEqual(0.85));
  it("names the gateway from the body alone for 85 % or more where the body carries the vendor's mark", () =>
    expect(marked('body')).toBeGreaterThanOrEqual(0.85));
  it("names the gateway from the copied text alone for 85 % or more where the text carries the vendor's mark", () =>
    expect(marked('text')).toBeGreaterThanOrEqual(0.85));
});

describe('calibrated confidence on the tuned fixtures', () => {
  it('ships the table these fixtures give (run `npm run fit-calibration` after changing a rule)', () => {
    expect(fitTable(tuned)).toEqual({ gateway: CALIBRATION.gateway, cause: CALIBRATION.cause });
  });
  it.each(['gateway', 'cause'] as const)('has every %s confidence bin with 10 or more answers within 5 points of the share right', (answer) => {
    expect(offBins(reliability(tuned, answer))).toEqual([]);
  });
});

// Held-out fixtures are never tuned on; their bars are looser and stated here plainly: they measure generalisation.
describe('held-out published responses (looser bars)', () => {
  const heldOut: Score[] = of('held-out', 'full');
  const summary = summarize(heldOut);
  it.skipIf(heldOut.length === 0)('names the right gateway for 70 % or more', () => expect(summary.gateway).toBeGreaterThanOrEqual(0.7));
  it.skipIf(heldOut.length === 0)('says who wrote the error rightly for 70 % or more', () => expect(summary.source).toBeGreaterThanOrEqual(0.7));
  it.skipIf(heldOut.length === 0)('has the true cause in the top three for 80 % or more', () => expect(summary.causeTop3).toBeGreaterThanOrEqual(0.8));
  it.skipIf(heldOut.length === 0)('claims no gateway for 90 % or more of plain application errors', () =>
    expect(summary.plainWithoutGateway).toBeGreaterThanOrEqual(0.9),
  );
});
