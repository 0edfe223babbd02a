// The vendor folder checks itself: every file registered once, well-formed, sourced, and backed by a captured fixture.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GATEWAYS } from '../../../utils/gateways';
import type { Marker } from '../../../utils/gateways/types';
import { CAUSE_IDS } from '../../../utils/explain/causes';
import { FIXTURE_ROOT } from '../../support/fixtures';

const FOLDER = path.resolve(import.meta.dirname, '../../../utils/gateways');
const vendorFiles = readdirSync(FOLDER)
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && file !== 'types.ts')
  .map((file) => file.replace(/\.ts$/, ''));

// The ids the issue names; others may be added.
const REQUIRED = [
  'cloudflare', 'aws-cloudfront', 'aws-elb', 'aws-api-gateway', 'fastly', 'akamai', 'google-cloud', 'azure-front-door',
  'azure-app-gateway', 'azure-app-service', 'nginx', 'apache', 'haproxy', 'envoy', 'traefik', 'caddy', 'varnish', 'squid',
  'iis', 'lighttpd', 'h2o', 'heroku', 'vercel', 'netlify', 'fly', 'render', 'kong',
];

const markersOf = (marker: Marker): Marker[] => [marker, ...(marker.any ?? []).flatMap(markersOf)];

describe('gateway registry', () => {
  it('lists every vendor file exactly once, under the file\'s name', () => {
    expect(GATEWAYS.map(({ id }) => id).sort()).toEqual([...vendorFiles].sort());
  });

  it('covers every gateway the product promises', () => {
    for (const id of REQUIRED) expect(GATEWAYS.map((gateway) => gateway.id)).toContain(id);
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
      // Markers are plain text tests: a marker that tests nothing would match every response.
      for (const marker of variant.when.flatMap(markersOf)) expect(Object.keys(marker).length).toBeGreaterThan(0);
    }
    for (const hidden of gateway.includes ?? []) expect(GATEWAYS.map(({ id }) => id)).toContain(hidden);
  });

  it.each(GATEWAYS.map(({ id }) => [id]))('%s has at least one captured fixture', (id) => {
    const files = (() => {
      try {
        return readdirSync(path.join(FIXTURE_ROOT, id)).filter((file) => file.endsWith('.http'));
      } catch {
        return [];
      }
    })();
    expect(files.length).toBeGreaterThan(0);
  });
});
