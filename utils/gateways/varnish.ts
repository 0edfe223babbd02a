// Varnish Cache: every failed backend fetch gives the same "503 Backend fetch failed / Guru Meditation" page; varnishlog's FetchError says why.
import { defineGateway } from './types';

const BUILTIN_VCL = 'https://github.com/varnishcache/varnish-cache/blob/master/bin/varnishd/builtin.vcl';
const CACHE_BACKEND_C = 'https://github.com/varnishcache/varnish-cache/blob/master/bin/varnishd/cache/cache_backend.c';
const HTTP1_FETCH_C = 'https://github.com/varnishcache/varnish-cache/blob/master/bin/varnishd/http1/cache_http1_fetch.c';
const CACHE_HTTP_C = 'https://github.com/varnishcache/varnish-cache/blob/master/bin/varnishd/cache/cache_http.c';

const GURU = 'guru meditation';

const FETCH_ERROR =
  'Find the request with varnishlog -g request -q "RespStatus == 503" (or by the XID on the page: varnishlog -q "vxid == <XID>"); its FetchError line names the cause: "backend <name>: unhealthy" or "No backend" (no healthy backend), "fail errno 111 (Connection refused)" (nothing listening), "first byte timeout" or "timeout" (slow backend), "HTC eof" / "backend closed" (the backend closed the connection), "http format error" / "Received junk" / "overflow" (bad or oversized headers), "backend <name>: busy" (max_connections reached).';

export default defineGateway({
  id: 'varnish',
  name: 'Varnish',
  kind: 'cache',
  fingerprint: [
    { header: 'x-varnish', weight: 0.9, note: 'Varnish adds the request\'s transaction id (two ids on a cache hit)' },
    { header: 'via', includes: '(varnish/', weight: 0.9, note: 'Varnish names itself and its version in Via' },
    { header: 'via', includes: 'varnish', weight: 0.7, note: 'older Varnish sends "Via: 1.1 varnish"' },
    { header: 'server', equals: 'varnish', weight: 0.8, note: 'the Server header Varnish puts on its own error pages' },
    { text: GURU, weight: 0.85, note: 'Varnish\'s built-in error page shows a "Guru Meditation" with the XID' },
    { text: 'varnish cache server', weight: 0.9, note: 'the footer of Varnish\'s built-in error page' },
  ],
  relayed: [{ header: 'x-varnish', note: 'Varnish passed the backend\'s response on (its own error pages are the Guru Meditation page)' }],
  variants: [
    {
      id: 'varnish-503-backend-fetch-failed-guru-meditation', title: '503 Backend fetch failed (Guru Meditation)',
      when: [{ status: 503 }, { text: 'backend fetch failed' }],
      meaning: 'Varnish could not get a usable response from the backend and wrote this page itself. The page is the same whatever went wrong.',
      causes: { 'origin-unreachable': 0.3, 'origin-timeout': 0.3, 'origin-reset': 0.2, 'origin-invalid-response': 0.1, overloaded: 0.1 },
      source: 'gateway',
      tellApart: `${FETCH_ERROR} The default first_byte_timeout is 60 s.`,
      advice: { owner: ['Quote the XID from the page when you look the request up in varnishlog.'] },
      reference: HTTP1_FETCH_C,
    },
    {
      id: 'varnish-synthetic-error-guru-meditation', title: 'Varnish synthetic error (Guru Meditation)',
      when: [{ text: GURU }, { text: 'backend fetch failed', absent: true }],
      meaning: 'Varnish generated this error page itself from VCL (vcl_synth or vcl_backend_error), for example after a VCL failure or a deliberate synthetic response.',
      causes: { unknown: 0.6, 'origin-unreachable': 0.2, overloaded: 0.2 },
      source: 'gateway',
      tellApart: 'varnishlog shows the VCL_call / VCL_return path and any VCL_Error line for this XID.',
      reference: BUILTIN_VCL,
    },
    {
      id: 'varnish-unavailable-announced-backend-retry-after', title: 'Unavailable, as announced by the backend (Retry-After)',
      when: [{ status: 503 }, { header: 'x-varnish' }, { header: 'retry-after' }, { text: GURU, absent: true }],
      meaning: 'The backend itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Varnish relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'varnish-error-passed-backend', title: 'Error passed on from the backend',
      when: [{ status: [500, 502, 503, 504] }, { header: 'x-varnish' }, { text: GURU, absent: true }],
      meaning: 'Varnish\'s own error pages are the Guru Meditation page; this one was written by the backend and Varnish passed it on (possibly from cache: check Age and a second id in X-Varnish).',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: CACHE_HTTP_C,
    },
  ],
  advice: {
    visitor: [],
    owner: ['varnishlog (or varnishncsa with %{Varnish:handling}x) shows the FetchError behind every 503; "varnishadm backend.list" shows which backends are sick.'],
  },
  sources: [BUILTIN_VCL, CACHE_BACKEND_C, HTTP1_FETCH_C, CACHE_HTTP_C, 'https://varnish-cache.org/docs/trunk/reference/varnishd.html#first-byte-timeout'],
});
