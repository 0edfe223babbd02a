// The vendor folder checks itself: every file registered once, well-formed, sourced, and backed by a captured fixture.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GATEWAYS } from '../../../utils/gateways';
import type { Marker, Variant } from '../../../utils/gateways/types';
import { CAUSE_IDS } from '../../../utils/explain/causes';
import { explainResponse } from '../../../utils/explain/explain-response';
import { FIXTURE_ROOT } from '../../support/fixtures';

const FOLDER = path.resolve(import.meta.dirname, '../../../utils/gateways');
const vendorFiles = readdirSync(FOLDER)
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && file !== 'types.ts')
  .map((file) => file.replace(/\.ts$/, ''));

// The ids the issue names; others may be added.
const REQUIRED = [
  'cloudflare',
  'aws-cloudfront',
  'aws-elb',
  'aws-api-gateway',
  'fastly',
  'akamai',
  'google-cloud',
  'azure-front-door',
  'azure-app-gateway',
  'azure-app-service',
  'nginx',
  'apache',
  'haproxy',
  'envoy',
  'traefik',
  'caddy',
  'varnish',
  'squid',
  'iis',
  'lighttpd',
  'h2o',
  'heroku',
  'vercel',
  'netlify',
  'fly',
  'render',
  'kong',
];

const markersOf = (marker: Marker): Marker[] => [marker, ...(marker.any ?? []).flatMap(markersOf)];
const CONTENT_TESTS = ['header', 'text', 'markup', 'reason'] as const;
const testsContent = (marker: Marker) => CONTENT_TESTS.filter((key) => marker[key] !== undefined).length;
const allVariants = GATEWAYS.flatMap((gateway) => gateway.variants.map((variant) => [gateway.id, variant] as const));

describe('gateway registry', () => {
  it("lists every vendor file exactly once, under the file's name", () => {
    expect(GATEWAYS.map(({ id }) => id).sort()).toEqual([...vendorFiles].sort());
  });

  it('covers every gateway the product promises', () => {
    for (const id of REQUIRED) expect(GATEWAYS.map((gateway) => gateway.id)).toContain(id);
  });

  it('gives every variant an id of its own, named after its file: translations key on them', () => {
    const ids = allVariants.map(([, variant]) => variant.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [gatewayId, variant] of allVariants) expect(variant.id).toMatch(new RegExp(`^${gatewayId}-[a-z0-9]+(-[a-z0-9]+)*$`));
  });

  it.each(GATEWAYS.map((gateway) => [gateway.id, gateway] as const))('%s is well-formed and sourced', (_id, gateway) => {
    expect(gateway.name).not.toBe('');
    expect(gateway.sources.length).toBeGreaterThan(0);
    for (const source of gateway.sources) expect(source).toMatch(/^https:\/\//);
    expect(gateway.fingerprint.length).toBeGreaterThan(0);
    for (const signal of gateway.fingerprint) {
      expect(signal.weight).toBeGreaterThan(0);
      expect(signal.weight).toBeLessThanOrEqual(1);
      expect(signal.note.length).toBeGreaterThan(5);
    }
    expect(gateway.variants.length).toBeGreaterThan(0);
    for (const variant of gateway.variants) {
      expect(variant.title).not.toBe('');
      expect(variant.meaning.length).toBeGreaterThan(10);
      expect(['gateway', 'origin', 'unknown']).toContain(variant.source);
      expect(variant.when.length).toBeGreaterThan(0);
      for (const [cause, weight] of Object.entries(variant.causes)) {
        expect(CAUSE_IDS).toContain(cause);
        expect(weight).toBeGreaterThan(0);
      }
    }
    for (const base of gateway.runsOn ?? []) expect(GATEWAYS.map(({ id }) => id)).toContain(base);
  });

  it.each(GATEWAYS.map((gateway) => [gateway.id, gateway] as const))('%s writes markers the engine can read', (_id, gateway) => {
    const markers = [...gateway.fingerprint, ...(gateway.relayed ?? []), ...gateway.variants.flatMap((variant) => variant.when)].flatMap(markersOf);
    for (const marker of markers) {
      // A marker that tests nothing would match every response.
      expect(Object.keys(marker).filter((key) => key !== 'note' && key !== 'weight').length).toBeGreaterThan(0);
      // `absent` turns one test around; with two it would be ambiguous.
      if (marker.absent) expect(testsContent(marker)).toBe(1);
      for (const key of ['text', 'markup', 'reason', 'equals', 'startsWith', 'includes'] as const) {
        const value = marker[key];
        if (value !== undefined) expect(value.trim(), `${key} "${value}" has no padding and is not empty`).toBe(value);
        if (value !== undefined) expect(value.length).toBeGreaterThan(0);
      }
    }
  });

  it('has catch-alls that claim the origin only when the page was seen, or a header says so', () => {
    const blind = allVariants.filter(
      ([, variant]: readonly [string, Variant]) =>
        variant.fallback && variant.source === 'origin' && !variant.when.some((marker) => marker.body === 'seen' || marker.header !== undefined),
    );
    expect(blind.map(([, variant]) => variant.id)).toEqual([]);
  });

  it.each(GATEWAYS.map(({ id, kind }) => [id, kind]))('%s has at least one fixture', (id, kind) => {
    const files = (() => {
      try {
        // An app server's responses sit under the gateway in front of it (or none/), named after it: nginx/gunicorn-slow.http,
        // none/500-puma-caught-this-error-fallback--published.http.
        const namesIt = (file: string) => path.basename(file).startsWith(`${id}-`) || path.basename(file).includes(`-${id}-`);
        if (kind === 'app-server')
          return readdirSync(FIXTURE_ROOT, { recursive: true, encoding: 'utf8' }).filter((file) => namesIt(file) && file.endsWith('.http'));
        return readdirSync(path.join(FIXTURE_ROOT, id)).filter((file) => file.endsWith('.http'));
      } catch {
        return [];
      }
    })();
    expect(files.length).toBeGreaterThan(0);
  });
});

describe('documented errors', () => {
  const documented = GATEWAYS.flatMap((gateway) => (gateway.documented ?? []).map((entry) => [gateway.id, gateway, entry] as const));

  it.each(documented.filter(([, , entry]) => entry.variant !== undefined).map(([id, gateway, entry]) => [`${id}: ${entry.name}`, gateway, entry] as const))(
    '%s names a variant of its own file',
    (_name, gateway, entry) => {
      expect(gateway.variants.map(({ id }) => id)).toContain(entry.variant);
      expect(entry.reference).toMatch(/^https:\/\//);
    },
  );

  it.each(documented.filter(([, , entry]) => entry.example !== undefined).map(([id, gateway, entry]) => [`${id}: ${entry.name}`, gateway, entry] as const))(
    '%s: its example is explained by that variant',
    (_name, gateway, entry) => {
      const { status, reason, headers, body } = entry.example!;
      const explanation = explainResponse({
        ...(status !== undefined && { status }),
        ...(reason !== undefined && { statusText: reason }),
        headers,
        ...(body !== undefined && { bodyText: body }),
      });
      expect(explanation.route.map(({ id }) => id)).toContain(gateway.id);
      expect(explanation.variantId).toBe(entry.variant);
    },
  );
});

describe('held-out fixtures stay unseen', () => {
  const ROOT = path.resolve(import.meta.dirname, '../../..');
  const splitFile = path.join(ROOT, 'test/fixtures/held-out/split.json');
  const split: Record<string, { set: string; source: string }> = existsSync(splitFile) ? JSON.parse(readFileSync(splitFile, 'utf8')) : {};
  const heldOut = Object.entries(split).filter(([, entry]) => entry.set === 'held-out');
  const filesUnder = (folder: string, ext: RegExp) =>
    readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => ext.test(file))
      .map((file) => [path.join(folder, file), readFileSync(path.join(ROOT, folder, file), 'utf8')] as const);

  it.skipIf(heldOut.length === 0)("no rule, vendor file or engine module cites a held-out response's source", () => {
    const cited = filesUnder('utils', /\.ts$/).flatMap(([file, text]) =>
      heldOut.filter(([, { source }]) => text.includes(source)).map(([name]) => `${file} cites ${name}`),
    );
    expect(cited).toEqual([]);
  });

  it.skipIf(heldOut.length === 0)("no test but the split's own reads a held-out fixture by name", () => {
    const used = filesUnder('test', /\.(ts|tsx)$/)
      .filter(([file]) => !file.startsWith(path.join('test', 'scripts', 'held-out')))
      .flatMap(([file, text]) => heldOut.filter(([name]) => text.includes(name)).map(([name]) => `${file} reads ${name}`));
    expect(used).toEqual([]);
  });
});
