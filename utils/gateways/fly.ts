// Fly.io: the Fly proxy answers with a bare status when it cannot reach a Machine; the proxy's log line carries a P-code (PC01, PR04, …) saying why.
import { defineGateway } from './types';

const ERROR_CODES = 'https://fly.io/docs/reference/error-codes/';
const FLY_PROXY = 'https://fly.io/docs/reference/fly-proxy/';
const AUTOSTOP = 'https://fly.io/docs/reference/fly-proxy-autostop-autostart/';

// The proxy's own errors carry no body, hence no Content-Type; an application's error page always has one.
const PROXY_ERROR = [{ header: 'fly-request-id' }, { header: 'content-type', absent: true }] as const;

const LOGS =
  'Run "fly logs": the proxy[...] [error] line for the request carries a code: PC01/PC02 "instance refused connection" (the app is not listening on internal_port, or only on 127.0.0.1), PC03/PC04 reset/aborted, PC05 timed out, PR01/PR03/PR04 no healthy or available Machine, PM0x a Machine that could not be started, PU02 a request that could not be completed.';

export default defineGateway({
  id: 'fly',
  name: 'Fly.io',
  kind: 'platform',
  fingerprint: [
    { header: 'fly-request-id', weight: 0.95, note: 'the Fly proxy\'s request id, suffixed with the edge region (e.g. -ord)' },
    { header: 'server', startsWith: 'fly/', weight: 0.9, note: 'the Fly proxy names itself and its build in the Server header' },
    { header: 'via', includes: 'fly.io', weight: 0.9, note: 'the Fly proxy adds "Via: 1.1 fly.io" (or "2 fly.io")' },
  ],
  variants: [
    {
      id: 'fly-502-proxy', title: '502 from the Fly proxy',
      when: [{ status: 502 }, ...PROXY_ERROR],
      meaning: 'The Fly proxy could not get a response from any of the app\'s Machines: the app refused the connection (not listening on the configured internal_port, or only on 127.0.0.1), reset it, or did not answer.',
      causes: { 'origin-unreachable': 0.6, 'origin-reset': 0.25, 'origin-timeout': 0.15 },
      source: 'gateway',
      tellApart: LOGS,
      advice: { owner: ['Make the app listen on 0.0.0.0 (or ::) at the internal_port set in fly.toml.'] },
      reference: ERROR_CODES,
    },
    {
      id: 'fly-503-proxy', title: '503 from the Fly proxy',
      when: [{ status: 503 }, ...PROXY_ERROR],
      meaning: 'The Fly proxy had no Machine to send the request to: all are stopped and could not be started, failing health checks, crashing, or at their hard concurrency limit.',
      causes: { 'origin-unreachable': 0.55, overloaded: 0.3, 'origin-app-error': 0.15 },
      source: 'gateway',
      tellApart: `${LOGS} "fly status" and "fly machine list" show whether the Machines are started and passing checks.`,
      reference: AUTOSTOP,
    },
    {
      id: 'fly-504-proxy', title: '504 from the Fly proxy',
      when: [{ status: 504 }, ...PROXY_ERROR],
      meaning: 'The app\'s Machine did not answer the Fly proxy in time.',
      causes: { 'origin-timeout': 0.8, 'origin-unreachable': 0.2 },
      source: 'gateway',
      tellApart: LOGS,
      reference: FLY_PROXY,
    },
    {
      id: 'fly-unavailable-announced-app-retry-after', title: 'Unavailable, as announced by the app (Retry-After)',
      when: [{ status: 503 }, { header: 'fly-request-id' }, { header: 'retry-after' }, { header: 'content-type' }],
      meaning: 'The app itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. The Fly proxy relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'fly-error-passed-app', title: 'Error passed on from the app',
      when: [{ status: [500, 502, 503, 504] }, { header: 'fly-request-id' }, { header: 'content-type' }],
      meaning: 'The response has a body of its own, which the Fly proxy\'s errors do not: the app wrote this error and the proxy relayed it.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: FLY_PROXY,
    },
  ],
  advice: {
    visitor: [],
    owner: ['"fly logs" shows the proxy\'s error code for each failed request next to the app\'s own output.'],
  },
  statusPage: 'https://status.flyio.net/',
  sources: [ERROR_CODES, FLY_PROXY, AUTOSTOP, 'https://github.com/superfly/docs/blob/main/reference/error-codes.html.md'],
});
