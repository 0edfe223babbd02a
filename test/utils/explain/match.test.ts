import { describe, expect, it } from 'vitest';
import type { Marker } from '../../../utils/gateways/types';
import { prepareEvidence } from '../../../utils/explain/evidence';
import { compileMarker, describeMarker, markerHolds, requiredWords } from '../../../utils/explain/match';

const page = [
  '<html><head><title>502 Bad Gateway</title><script>setTimeout(reload, 5000)</script><style>.timeout{}</style></head>',
  '<body>\r\n<center><h1>502   Bad Gateway</h1></center>',
  '<!-- a padding to disable MSIE and Chrome friendly error page -->',
  '<p>Ray ID: 8a1033f2c4d5e6f7 &middot; That&rsquo;s all we know</p>',
  '<hr><center>nginx</center>',
].join('\n');

const response = prepareEvidence({
  status: 502,
  reason: 'Bad Gateway',
  headers: [
    { name: 'Server', value: 'nginx/1.22.1' },
    { name: 'Set-Cookie', value: 'AWSALB=secret; Path=/' },
  ],
  body: page,
});

describe('markers', () => {
  it.each<[Marker, boolean]>([
    [{ status: 502 }, true],
    [{ status: [503, 504] }, false],
    [{ header: 'server' }, true],
    [{ header: 'SERVER', startsWith: 'NGINX' }, true],
    [{ header: 'server', equals: 'nginx' }, false],
    [{ header: 'via', absent: true }, true],
    [{ header: 'server', absent: true }, false],
    [{ text: '502 bad gateway' }, true],
    [{ markup: '<h1>502 bad gateway</h1>' }, true],
    [{ markup: '<center>nginx' }, true],
    // Markup is not text: the tag is in the markup, the words are in the text.
    [{ text: '<center>nginx' }, false],
    // Comments, scripts and styles are not visible text.
    [{ text: 'a padding to disable' }, false],
    [{ markup: 'a padding to disable' }, true],
    [{ text: 'timeout' }, false],
    [{ markup: 'settimeout(' }, true],
    // Word boundaries: a code inside a Ray ID is not the code.
    [{ text: '1033' }, false],
    [{ text: 'ray id' }, true],
    // Entities and typographic apostrophes read as plain text.
    [{ text: "that's all we know" }, true],
    [{ text: 'that’s all we know' }, true],
    [{ text: 'cloudflare', absent: true }, true],
    [{ text: 'nginx', absent: true }, false],
    [{ reason: 'bad gateway' }, true],
    [{ body: 'seen' }, true],
    [{ body: 'unseen' }, false],
    [{ any: [{ header: 'via' }, { markup: '<center>nginx' }] }, true],
    [{ any: [{ header: 'via' }, { text: 'varnish' }] }, false],
    [{ status: 502, header: 'server', text: 'nginx' }, true],
  ])('%j holds: %s', (marker, holds) => {
    expect(markerHolds(marker, response)).toBe(holds);
  });

  it('says nothing of a page it has not seen: text turned around does not hold without a body', () => {
    const headersOnly = prepareEvidence({ status: 502, headers: [{ name: 'Server', value: 'nginx' }] });
    expect(markerHolds({ text: 'nginx', absent: true }, headersOnly)).toBe(false);
    expect(markerHolds({ markup: '<center>nginx', absent: true }, headersOnly)).toBe(false);
    expect(markerHolds({ body: 'unseen' }, headersOnly)).toBe(true);
  });

  it('tells a body that was read and empty from one that was not seen', () => {
    expect(prepareEvidence({ status: 502, headers: [], body: '' }).body).toBe('empty');
    expect(prepareEvidence({ status: 502, headers: [{ name: 'Content-Length', value: '0' }] }).body).toBe('empty');
    // curl -I: the headers of a body that was not sent.
    expect(prepareEvidence({ status: 503, headers: [{ name: 'Content-Length', value: '176' }], body: '' }).body).toBe('unseen');
  });

  it('describes what a marker saw, never a cookie value', () => {
    expect(describeMarker({ header: 'server' }, response)).toBe('Server: nginx/1.22.1');
    expect(describeMarker({ header: 'set-cookie', includes: 'awsalb' }, response)).toBe('Set-Cookie: AWSALB=[redacted]');
    expect(describeMarker({ text: 'Bad Gateway' }, response)).toBe('page says "Bad Gateway"');
  });
});

describe('requiredWords', () => {
  it.each<[string, Marker, string[] | undefined]>([
    ['a phrase: its longest whole word', { text: 'no healthy upstream' }, ['upstream']],
    ['a phrase of short words only: none', { text: 'a b' }, undefined],
    ['a turned-around phrase: none (it holds when the word is missing)', { text: 'no healthy upstream', absent: true }, undefined],
    ['markup: none (it is not visible text)', { markup: '<center>nginx</center>' }, undefined],
    ['a header: none', { header: 'server', includes: 'nginx' }, undefined],
    ['any of phrases: every branch’s word', { any: [{ text: 'Guru Meditation' }, { text: 'backend fetch failed' }] }, ['meditation', 'backend']],
    ['any with a branch that needs no word: none', { any: [{ text: 'Guru Meditation' }, { markup: 'varnish' }] }, undefined],
  ])('%s', (_name, marker, expected) => {
    expect(requiredWords(compileMarker(marker))).toEqual(expected);
  });
});
