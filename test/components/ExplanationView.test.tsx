// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ExplanationView } from '../../components/ExplanationView';
import { explainResponse } from '../../utils/explain/explain-response';

afterEach(cleanup);

const NOW = Date.UTC(2026, 10, 27, 12);

describe('ExplanationView', () => {
  it('should show the route as a chain, outermost first, with the hop that wrote the error marked', () => {
    const explanation = explainResponse({
      status: 502,
      headers: { server: 'nginx/1.22.1', 'cf-ray': '8a1b2c3d4e5f6789-AMS', 'cf-cache-status': 'DYNAMIC', 'content-type': 'text/html' },
      bodyText: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
      now: NOW,
    });
    render(<ExplanationView explanation={explanation} />);
    const route = screen.getByRole('list', { name: 'Route of the response, outermost first' });
    expect(route.textContent).toBe('Cloudflare → nginx ✗ wrote the 502');
  });

  it('should say when the body was not visible, what it would have told, and where to see it whole', () => {
    const explanation = explainResponse({ status: 503, headers: { server: 'envoy', 'content-type': 'text/plain', 'content-length': '91' }, now: NOW });
    render(<ExplanationView explanation={explanation} />);
    const note = screen.getAllByRole('note').find((element) => element.classList.contains('body-note'))!;
    expect(note.textContent).toContain('The body was not visible.');
    expect(note.textContent).toContain('reset reason');
    expect(note.textContent).toContain('Open DevTools → Gatewhy for the full response');
  });

  it('should not add the note when the page was read', () => {
    const explanation = explainResponse({ status: 503, headers: { server: 'envoy' }, bodyText: 'no healthy upstream', now: NOW });
    render(<ExplanationView explanation={explanation} />);
    expect(document.querySelector('.body-note')).toBeNull();
  });

  it('should name a proxy with no vendor file by what it calls itself', () => {
    const explanation = explainResponse({ status: 504, headers: { server: 'polipo/1.1.1' }, now: NOW });
    render(<ExplanationView explanation={explanation} />);
    expect(screen.getByText(/Written by the gateway: .*polipo/)).toBeTruthy();
  });
});
