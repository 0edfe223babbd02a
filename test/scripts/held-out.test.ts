// The held-out draw: a seeded, stratified third per vendor folder that never moves a file once placed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, draw, ineligibility, SEED, type Candidate, type Manifest } from '../../scripts/held-out';

const candidate = (name: string, reason?: Candidate['reason']): Candidate => ({ name, source: `https://example.test/${name}`, reason });
const files = (vendor: string, count: number) => Array.from({ length: count }, (_, i) => candidate(`${vendor}/${i}--published.http`));
const heldIn = (manifest: Manifest, vendor: string) =>
  Object.entries(manifest).filter(([name, { set }]) => name.startsWith(`${vendor}/`) && set === 'held-out').length;
const noCaptures = () => 0;

describe('draw', () => {
  it('is fixed by the seed and the name, and lies in [0, 1)', () => {
    expect(draw('nginx/a--published.http')).toBe(draw('nginx/a--published.http', SEED));
    expect(draw('nginx/a--published.http')).not.toBe(draw('nginx/a--published.http', 'another seed'));
    for (const name of ['a', 'b', 'c/d']) {
      expect(draw(name)).toBeGreaterThanOrEqual(0);
      expect(draw(name)).toBeLessThan(1);
    }
  });
});

describe('assign', () => {
  it('holds out a third of each vendor folder, rounding up, when it has two or more drawable files', () => {
    const manifest = assign({}, [...files('nginx', 7), ...files('envoy', 2), ...files('fastly', 3)], noCaptures);
    expect([heldIn(manifest, 'nginx'), heldIn(manifest, 'envoy'), heldIn(manifest, 'fastly')]).toEqual([3, 1, 1]);
  });

  it('keeps files that something was already written from in the tuned set, and still holds out a third of the folder', () => {
    const manifest = assign({}, [candidate('kong/a--published.http', 'cited by a rule'), ...files('kong', 3)], noCaptures);
    expect(manifest['kong/a--published.http']).toEqual({ set: 'tuned', reason: 'cited by a rule', source: 'https://example.test/kong/a--published.http' });
    expect(heldIn(manifest, 'kong')).toBe(2);
    const mostlyCited = assign(
      {},
      [candidate('iis/a--published.http', 'cited by a rule'), candidate('iis/b--published.http', 'cited by a rule'), ...files('iis', 1)],
      noCaptures,
    );
    expect(heldIn(mostlyCited, 'iis')).toBe(1);
  });

  it('puts responses copied from one source in the same set, and keeps a thread out of the draw with its undrawable sibling', () => {
    const thread = 'https://github.com/o/r/issues/1';
    const twins = Array.from({ length: 6 }, (_, i) => ({ name: `envoy/twin${i}--published.http`, source: thread }));
    const manifest = assign({}, [...twins, ...files('envoy', 6)], noCaptures);
    expect(new Set(twins.map(({ name }) => manifest[name]!.set)).size).toBe(1);
    const cited = assign(
      {},
      [
        { name: 'nginx/cited--published.http', source: thread, reason: 'cited by a rule' },
        { name: 'squid/twin--published.http', source: thread },
      ],
      noCaptures,
    );
    expect(cited['squid/twin--published.http']).toEqual({ set: 'tuned', reason: 'shares its source with a file that cannot be drawn', source: thread });
  });

  it('never empties a vendor folder: a lone file with nothing beside it stays', () => {
    const lone = Array.from({ length: 30 }, (_, i) => candidate(`product${i}/only--published.http`));
    const manifest = assign({}, lone, noCaptures);
    expect(Object.values(manifest).every(({ set }) => set === 'tuned')).toBe(true);
    const withCaptures = assign({}, lone, () => 5);
    expect(Object.values(withCaptures).some(({ set }) => set === 'held-out')).toBe(true);
  });

  it('never changes an earlier assignment, and keeps the third, whatever arrives later and in which batches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 40 })), { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (arrivals, batches) => {
          const unique = [...new Map(arrivals.map(([vendor, n]) => [`${vendor}/${n}--published.http`, candidate(`${vendor}/${n}--published.http`)])).values()];
          let manifest: Manifest = {};
          const size = Math.ceil(unique.length / batches) || 1;
          for (let start = 0; start < unique.length; start += size) {
            const before = manifest;
            manifest = assign(before, unique.slice(start, start + size), noCaptures);
            for (const [name, assignment] of Object.entries(before)) expect(manifest[name]).toEqual(assignment);
          }
          for (const vendor of ['a', 'b', 'c']) {
            const count = unique.filter(({ name }) => name.startsWith(`${vendor}/`)).length;
            if (count >= 2) expect(heldIn(manifest, vendor)).toBe(Math.ceil(count / 3));
          }
        },
      ),
    );
  });
});

describe('ineligibility', () => {
  const texts = { rules: "source: 'https://github.com/o/r/issues/281#issuecomment-1'", rest: "readFixture('nginx/used--published.http')" };

  it('tells a cited source from one that only shares its prefix', () => {
    expect(ineligibility('h2o/x--published.http', 'https://github.com/o/r/issues/281', texts)).toBe('cited by a rule');
    expect(ineligibility('h2o/x--published.http', 'https://github.com/o/r/issues/28', texts)).toBeUndefined();
  });

  it("keeps files a test names and the vendors' own documentation out of the draw", () => {
    expect(ineligibility('nginx/used--published.http', 'https://example.test/a', texts)).toBe('named by a test or script');
    const doc = 'https://github.com/cloudflare/cloudflare-docs/blob/production/src/content/docs/x.mdx';
    expect(ineligibility('cloudflare/y--published.http', doc, texts)).toBe('vendor documentation');
  });
});
