import { describe, expect, it } from 'vitest';
import { defaultCatalogue, detectProducts, DETECTION_THRESHOLD } from '../../../utils/explain/detect';
import { prepareEvidence, type Evidence } from '../../../utils/explain/evidence';
import { holds } from '../../../utils/explain/match';
import { visibleText } from '../../../utils/explain/page-text';
import { fixtureResponse, loadAllFixtures } from '../../support/fixtures';

/** Every fixture as the engine meets it: whole, headers only, body only, and the page's copied text. */
function evidences(): { name: string; evidence: Evidence }[] {
  return loadAllFixtures().flatMap((fixture) => {
    let response;
    try {
      response = fixtureResponse(fixture);
    } catch {
      return []; // a garbage reply kept as a negative example
    }
    const { status, statusText: reason, headers, body } = response;
    return [
      { name: `${fixture.name} (whole)`, evidence: prepareEvidence({ status, reason, headers, ...(body !== undefined && { body }) }) },
      { name: `${fixture.name} (headers)`, evidence: prepareEvidence({ status, reason, headers }) },
      { name: `${fixture.name} (body)`, evidence: prepareEvidence({ headers: [], body: body ?? '' }) },
      { name: `${fixture.name} (text)`, evidence: prepareEvidence({ headers: [], body: visibleText(body ?? '', false).text }) },
    ];
  });
}

/** The products whose every fingerprint signal, each tried on its own, adds up past the threshold: no index involved. */
function detectedByTryingEverySignal(evidence: Evidence): Map<string, number> {
  const scores = new Map<string, number>();
  for (const { gateway, fingerprint } of defaultCatalogue().products) {
    const miss = fingerprint.filter(({ test }) => holds(test, evidence)).reduce((left, { signal }) => left * (1 - signal.weight), 1);
    if (1 - miss >= DETECTION_THRESHOLD) scores.set(gateway.id, Math.round((1 - miss) * 100) / 100);
  }
  return scores;
}

describe('detectProducts', () => {
  it('finds, on every fixture in every form, what trying each signal on its own finds (the indexes skip only signals that cannot hold)', () => {
    const cases = evidences();
    expect(cases.length).toBeGreaterThan(1000);
    for (const { name, evidence } of cases) {
      const expected = detectedByTryingEverySignal(evidence);
      const { found } = detectProducts(evidence);
      // A product a recognised platform runs on is dropped from `found`: compare what is left.
      const hidden = new Set(found.flatMap(({ gateway }) => gateway.runsOn ?? []));
      for (const id of hidden) expected.delete(id);
      expect(new Map(found.map(({ gateway, score }) => [gateway.id, score])), name).toEqual(expected);
    }
  });
});
