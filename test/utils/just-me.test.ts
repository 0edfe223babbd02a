import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failedSightings, toHistoryEntry } from '../../utils/history';
import { parseHttpResponse } from '../../utils/http-message';
import {
  addSighting,
  asSightings,
  edgeOf,
  isItJustMe,
  MAX_SIGHTINGS,
  recentVerdicts,
  REFRESH_MS,
  sightingAt,
  vendorResponseOf,
  WINDOW_MS,
  type Sighting,
} from '../../utils/just-me';
import { siteOf } from '../../utils/party';
import { toFailedRequest } from '../../utils/tab-record';

const FIXTURES = 'test/fixtures/responses';
const fixtureHeaders = (file: string) => parseHttpResponse(readFileSync(`${FIXTURES}/${file}`, 'latin1')).headers;
const h = (name: string, value: string) => ({ name, value });

const NOW = 1_800_000_000_000;
const MIN = 60_000;
const at = (site: string, minutesAgo: number, pop: string | undefined = 'AMS', vendor = 'cloudflare'): Sighting => ({
  vendor,
  site,
  time: NOW - minutesAgo * MIN,
  ...(pop && { pop }),
});

describe('edgeOf: the vendor and its data centre, from headers', () => {
  it('reads the data centre from a captured Cloudflare Ray ID and a CloudFront edge location', () => {
    expect(edgeOf(fixtureHeaders('cloudflare/520-origin-closed-connection-444--published.http'))).toEqual({ vendor: 'cloudflare', pop: 'AMS' });
    expect(edgeOf(fixtureHeaders('aws-cloudfront/503-lambda-execution-error--published.http'))).toEqual({ vendor: 'aws-cloudfront', pop: 'DEL' });
  });

  it('takes the Fastly delivery node nearest the visitor: the last entry of X-Served-By', () => {
    expect(edgeOf([h('X-Served-By', 'cache-iad-kiad7000025-IAD, cache-ams21080-AMS')])).toEqual({ vendor: 'fastly', pop: 'AMS' });
    expect(edgeOf([h('x-served-by', 'cache-fra-eddf8230095-FRA')])).toEqual({ vendor: 'fastly', pop: 'FRA' });
    // Some other server's X-Served-By is not Fastly's.
    expect(edgeOf([h('X-Served-By', 'web-07')])).toBeUndefined();
  });

  it('knows the vendor without a data centre when no header names one', () => {
    expect(edgeOf([h('x-amz-cf-id', 'abc==')])).toEqual({ vendor: 'aws-cloudfront' });
    expect(edgeOf([h('x-vercel-id', 'cdg1::iad1::abcd-123')])).toEqual({ vendor: 'vercel' });
    expect(edgeOf([h('CF-Ray', '8a1033f2b3c4d5e6')])).toEqual({ vendor: 'cloudflare' });
  });

  it('keeps nothing of a header value but a three-letter code', () => {
    expect(edgeOf([h('cf-ray', '8a1033f2b3c4d5e6-AMS<script>')])).toEqual({ vendor: 'cloudflare' });
    expect(edgeOf([h('x-amz-cf-pop', '12')])).toEqual({ vendor: 'aws-cloudfront' });
    expect(edgeOf([h('cf-ray', '8a1033f2b3c4d5e6-ams')])).toEqual({ vendor: 'cloudflare', pop: 'AMS' });
  });

  it('finds no vendor in plain responses and odd input, and never throws', () => {
    expect(edgeOf(fixtureHeaders('nginx/502-proxy-connect-dns-failure--published.http'))).toBeUndefined();
    for (const odd of [undefined, null, 'cf-ray', [null], [{ name: 5 }], [{ name: 'cf-ray', value: 7 }]]) expect(() => edgeOf(odd)).not.toThrow();
    expect(edgeOf([{ name: 'cf-ray', value: 7 }])).toEqual({ vendor: 'cloudflare' });
  });
});

describe('vendorResponseOf, then sightingAt: a healthy response behind a vendor', () => {
  // As the background does it (entrypoints/background/sightings.ts): the response is read at once, its site later.
  const sightingOf = (details: unknown, siteOf: (url: string) => string, now: number) => {
    const seen = vendorResponseOf(details, now);
    return seen && sightingAt(seen, siteOf);
  };
  const details = (statusCode: number, url = 'https://www.shop.example.co.uk/cart?token=secret') => ({
    statusCode,
    url,
    timeStamp: NOW,
    responseHeaders: [h('cf-ray', '8a1033f2b3c4d5e6-AMS')],
  });

  it('keeps the vendor, data centre, registrable domain and time, never the address or its query', () => {
    const sighting = sightingOf(details(200), siteOf, 0);
    expect(sighting).toEqual({ vendor: 'cloudflare', pop: 'AMS', site: 'example.co.uk', time: NOW });
    expect(JSON.stringify(sighting)).not.toMatch(/secret|cart|www/);
  });

  it('counts a 404 as loaded (the vendor and the site answered) and a 5xx as not', () => {
    expect(sightingOf(details(404), siteOf, 0)).toBeDefined();
    expect(sightingOf(details(502), siteOf, 0)).toBeUndefined();
    expect(sightingOf(details(500), siteOf, 0)).toBeUndefined();
  });

  it('ignores responses behind no known vendor and malformed details', () => {
    expect(sightingOf({ statusCode: 200, url: 'https://a.example/', responseHeaders: [h('server', 'nginx')] }, siteOf, 0)).toBeUndefined();
    for (const odd of [undefined, null, 7, {}, { statusCode: '200' }, { statusCode: 200 }]) expect(sightingOf(odd, siteOf, 0)).toBeUndefined();
  });
});

describe('the bounded list of sightings', () => {
  it('keeps at most MAX_SIGHTINGS, newest first', () => {
    let list: readonly Sighting[] = [];
    for (let i = 0; i < MAX_SIGHTINGS + 20; i++) list = addSighting(list, { vendor: 'cloudflare', site: `s${i}.example`, time: NOW - WINDOW_MS / 2 + i }, NOW);
    expect(list).toHaveLength(MAX_SIGHTINGS);
    expect(list[0]!.site).toBe(`s${MAX_SIGHTINGS + 19}.example`);
  });

  it('drops sightings older than the window as new ones arrive', () => {
    const list = addSighting([at('old.example', 11), at('fresh.example', 2)], at('new.example', 0), NOW);
    expect(list.map(({ site }) => site)).toEqual(['new.example', 'fresh.example']);
  });

  it('changes nothing when the same site was seen behind the same vendor a moment ago, and refreshes it later', () => {
    const list = [at('a.example', 0.5)];
    expect(addSighting(list, at('a.example', 0), NOW)).toBe(list);
    const later = { ...at('a.example', 0), time: list[0]!.time + REFRESH_MS };
    expect(addSighting(list, later, NOW)).toEqual([later]);
  });

  it('reads back only well-formed, recent sightings from storage', () => {
    const stored = [
      at('a.example', 1),
      at('old.example', 20),
      { vendor: 'cloudflare', site: 'b.example', time: NOW, pop: 'a long header value' },
      'junk',
      null,
      { site: 'c.example' },
    ];
    expect(asSightings(stored, NOW)).toEqual([at('a.example', 1)]);
    expect(asSightings({ not: 'a list' }, NOW)).toEqual([]);
  });
});

describe('isItJustMe', () => {
  it('says a data centre failed when several distinct sites behind it failed in the last 10 minutes', () => {
    const failures = [at('alpha.example', 1), at('beta.example', 3), at('gamma.example', 9)];
    const verdict = isItJustMe(failures[0]!, failures, [], NOW);
    expect(verdict).toMatchObject({ kind: 'shared', vendor: 'cloudflare', pop: 'AMS', sites: 3 });
    expect(verdict?.text).toBe(
      "Cloudflare's AMS data centre (Amsterdam, NL) failed for 3 sites you used in the last 10 minutes, so the trouble is likely at Cloudflare, not at each site.",
    );
  });

  it('counts registrable domains, not hosts or failures', () => {
    const failures = [at('www.alpha.example', 1), at('alpha.example', 2), at('alpha.example', 3)].map((sighting) => ({ ...sighting, site: 'alpha.example' }));
    expect(isItJustMe(failures[0]!, failures, [], NOW)).toBeUndefined();
  });

  it('leaves out failures older than the window, and says nothing about a failure that old', () => {
    const failures = [at('alpha.example', 1), at('beta.example', 10.5)];
    expect(isItJustMe(failures[0]!, failures, [], NOW)).toBeUndefined();
    expect(isItJustMe(at('alpha.example', 11), [at('beta.example', 1)], [], NOW)).toBeUndefined();
  });

  it('falls back to the vendor when the failures are at different data centres, or name none', () => {
    const failures = [at('alpha.example', 1, 'AMS'), at('beta.example', 2, 'FRA')];
    expect(isItJustMe(failures[0]!, failures, [], NOW)).toMatchObject({
      kind: 'shared',
      sites: 2,
      text: expect.stringMatching(/^Cloudflare failed for 2 sites/),
    });
    expect(isItJustMe(at('alpha.example', 1, undefined), [at('beta.example', 2, undefined)], [], NOW)).toMatchObject({ kind: 'shared', sites: 2 });
  });

  it('never joins sites behind different vendors', () => {
    const failures = [at('alpha.example', 1, 'AMS'), at('beta.example', 2, 'AMS', 'fastly')];
    expect(isItJustMe(failures[0]!, failures, [], NOW)).toBeUndefined();
  });

  it('blames the site’s own server when only it failed while other sites behind the same data centre loaded', () => {
    const verdict = isItJustMe(at('alpha.example', 1), [at('alpha.example', 1)], [at('beta.example', 2), at('gamma.example', 4)], NOW);
    expect(verdict).toMatchObject({ kind: 'origin', site: 'alpha.example', pop: 'AMS' });
    expect(verdict?.text).toBe(
      "Other sites behind Cloudflare's AMS data centre (Amsterdam, NL) loaded fine in the last 10 minutes, so the trouble is likely alpha.example's own server, not Cloudflare.",
    );
  });

  it('does not blame the site when only the site itself, another vendor, another data centre or old evidence loaded', () => {
    const failure = at('alpha.example', 1);
    const healthy = [at('alpha.example', 0), at('beta.example', 2, 'AMS', 'fastly'), at('gamma.example', 2, 'FRA'), at('delta.example', 12)];
    expect(isItJustMe(failure, [failure], healthy, NOW)).toBeUndefined();
  });

  it('blames the site when sites loaded through its own data centre, though sites elsewhere failed', () => {
    const failures = [at('alpha.example', 1, 'AMS'), at('beta.example', 2, 'FRA')];
    expect(isItJustMe(failures[0]!, failures, [at('gamma.example', 1, 'AMS')], NOW)).toMatchObject({ kind: 'origin', pop: 'AMS' });
  });

  it('prefers the shared verdict when other sites failed at the same data centre, whatever loaded', () => {
    const failures = [at('alpha.example', 1), at('beta.example', 2)];
    expect(isItJustMe(failures[0]!, failures, [at('gamma.example', 1)], NOW)?.kind).toBe('shared');
  });
});

describe('recent errors: failures in history as evidence', () => {
  const failure = (url: string, minutesAgo: number, ray = '8a1033f2b3c4d5e6-AMS') =>
    toHistoryEntry(
      toFailedRequest({
        requestId: url,
        url,
        type: 'main_frame',
        statusCode: 521,
        timeStamp: NOW - minutesAgo * MIN,
        responseHeaders: [h('Server', 'cloudflare'), h('CF-Ray', ray)],
      }),
      siteOf(url),
    );

  it('keeps the vendor, data centre and site with each entry, and nothing more of the headers', () => {
    const entry = failure('https://shop.alpha.example/cart?token=secret', 1);
    expect(entry.edge).toEqual({ vendor: 'cloudflare', pop: 'AMS', site: 'alpha.example' });
    expect(JSON.stringify(entry)).not.toContain('8a1033f2b3c4d5e6');
  });

  it('lists each distinct verdict once, shared outages first', () => {
    const history = [
      failure('https://alpha.example/', 1),
      failure('https://beta.example/', 2),
      failure('https://beta.example/x', 3),
      failure('https://solo.example/', 1, 'abc-SIN'),
    ];
    const healthy = [at('other.example', 2, 'SIN')];
    const verdicts = recentVerdicts(failedSightings(history), healthy, NOW);
    expect(verdicts.map(({ kind }) => kind)).toEqual(['shared', 'origin']);
    expect(verdicts[0]).toMatchObject({ pop: 'AMS', sites: 2 });
    expect(verdicts[1]).toMatchObject({ site: 'solo.example', pop: 'SIN' });
  });
});
