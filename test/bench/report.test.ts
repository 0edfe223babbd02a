import { describe, expect, it } from 'vitest';
import { CHROMIUM_CONFIGS } from '../../bench/chromium-page-load';
import type { LoadSample, PageLoadResult } from '../../bench/page-load';
import { renderReport, renderResults, type BenchRun } from '../../bench/report';
import type { Scenario } from '../../bench/site';

// A made-up run whose every load takes `factor × the round's base time`, with a small spread per round, so the
// targets' figures and verdicts are known in advance.
const FACTORS: Record<string, number> = { none: 1, dnr: 1.1, gatewhy: 1.1 * 1.01, 'listener-default': 1.1, 'listener-all': 1.2, 'gatewhy-all': 1.2 * 1.08 };
const ROUNDS = 12;
const SCENARIOS: Scenario[] = ['ok', 'failing', 'slow'];

function pageLoad(noisy: string | undefined): PageLoadResult {
  const samples: LoadSample[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const base = 1000 + 300 * Math.sin(round);
    for (const scenario of SCENARIOS) {
      for (const { id } of CHROMIUM_CONFIGS) {
        // ±0.2 % per round; the noisy configuration swings ±8 % instead.
        const wobble = (id === noisy ? 0.08 : 0.002) * Math.cos(round * 2.3 + id.length);
        const done = base * FACTORS[id]! * (1 + wobble);
        samples.push({ round, config: id, scenario, loadEventEnd: done, fetchesSettled: done, done, resources: 300 });
      }
    }
  }
  return { browser: 'chromium', rounds: ROUNDS, scenarios: SCENARIOS, configs: CHROMIUM_CONFIGS, samples, checks: {}, dropped: [] };
}

const run = (noisy?: string): BenchRun => ({
  date: '2026-12-01T00:00:00.000Z',
  commit: { hash: 'abc123', dirty: false, changes: [] },
  machine: { cpu: 'test', cores: 2, memoryGiB: 24, os: 'test', kernel: 'test', node: 'v22', chromium: 'Chromium 156', firefox: 'Firefox 153' },
  rounds: ROUNDS,
  loadAverage: { start: [1, 1, 1], end: [1, 1, 1] },
  pageLoad: pageLoad(noisy),
});

const targetOf = (results: ReturnType<typeof renderResults>, id: string) => results.targets.find((target) => target.id === id)!;

describe('bench report', () => {
  it('judges each page-load target on the configurations it names', () => {
    const results = renderResults(run());
    const blocker = targetOf(results, 'chromium.default-over-content-blocker.ok');
    expect(blocker.measured).toBeCloseTo(1.01, 2);
    expect(blocker).toMatchObject({ target: 1.03, comparison: 'at-most', unit: 'ratio', n: ROUNDS, verdict: 'PASS' });
    expect(targetOf(results, 'chromium.watch-all-over-listener-floor.failing')).toMatchObject({ verdict: 'MISS' });
    expect(targetOf(results, 'chromium.watch-all-over-listener-floor.failing').measured).toBeCloseTo(1.08, 2);
    // Against no extension the same Gatewhy pays the blocker profile's 10 % too.
    expect(targetOf(results, 'chromium.default-over-no-extension.slow').measured).toBeCloseTo(1.111, 2);
    expect(targetOf(results, 'chromium.default-over-no-extension.slow').verdict).toBe('MISS');
  });

  it('cannot tell when the spread reaches across the target, and says how many rounds would', () => {
    const results = renderResults(run('gatewhy'));
    const blocker = targetOf(results, 'chromium.default-over-content-blocker.ok');
    expect(blocker.ci[0]).toBeLessThan(1.03);
    expect(blocker.ci[1]).toBeGreaterThan(1.03);
    expect(blocker.verdict).toBe('CANNOT TELL');
    expect(blocker.samplesNeeded).toBeGreaterThan(ROUNDS);
    expect(renderReport(run('gatewhy'))).toMatch(/\*\*CANNOT TELL\*\* \((about \d+|more than 1000) rounds needed\)/);
  });

  it('names the commit measured in both outputs', () => {
    expect(renderResults(run())).toMatchObject({ commit: 'abc123', dirty: false });
    expect(renderReport(run())).toContain('Commit measured: `abc123` (clean work tree)');
  });
});
