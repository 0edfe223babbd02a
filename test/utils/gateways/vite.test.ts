// Vite's file against its proxy's error answer (middlewares/proxy.ts) and its host check (middlewares/hostCheck.ts).
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

describe('Vite dev server', () => {
  it('reads its empty text/plain 502 as a proxy target that is not reachable', () => {
    const result = seen({
      status: 502,
      headers: { vary: 'Origin', 'content-type': 'text/plain', connection: 'keep-alive', 'keep-alive': 'timeout=5', 'transfer-encoding': 'chunked' },
      bodyText: '',
    });
    expect(result.gateway).toBe('vite');
    expect(result.source).toBe('gateway');
    expect(result.causes[0]).toBe('origin-unreachable');
  });

  it('does not claim an empty text/plain 502 without its CORS mark', () => {
    expect(seen({ status: 502, headers: { 'content-type': 'text/plain', 'content-length': '0' }, bodyText: '' }).gateway).not.toBe('vite');
  });

  it('says its host check refused the request, with no upstream involved', () => {
    const result = seen({
      bodyText:
        'Blocked request. This host ("demo.ngrok.app") is not allowed.\nTo allow this host, add "demo.ngrok.app" to `server.allowedHosts` in vite.config.js.',
    });
    expect(result.gateway).toBe('vite');
    expect(result.variant).toBe('vite-403-host-not-allowed');
  });
});
