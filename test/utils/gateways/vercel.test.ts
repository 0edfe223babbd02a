// Vercel's rules as a user meets them: its code on a pasted page, its headers alone, and the deployment's own errors.
import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';

const VERCEL_ID = 'fra1::iad1::abcde-1700000000000-0123456789ab';

describe('Vercel', () => {
  it('reads the code on a pasted plain-text page, with no headers', () => {
    const explanation = explainResponse({ bodyText: 'An error occurred with this application.\n\nNO_RESPONSE_FROM_FUNCTION\n' });
    expect(explanation.gateway?.id).toBe('vercel');
    expect(explanation.variantId).toBe('vercel-no-response-function');
    expect(explanation.source).toBe('gateway');
  });

  it("tells an Edge Function's crash from a Serverless Function's: codes match as whole words", () => {
    const explanation = explainResponse({
      status: 500,
      bodyText: '500: INTERNAL_SERVER_ERROR\nCode: EDGE_FUNCTION_INVOCATION_FAILED\nID: iad1::abcde-1700000000000-0123456789ab',
    });
    expect(explanation.variantId).toBe('vercel-edge-function-invocation-failed');
    expect(explanation.causes[0]?.id).toBe('origin-app-error');
  });

  it("calls a 504 with only Vercel's headers a function timeout, and says what the page would have named", () => {
    const explanation = explainResponse({ status: 504, headers: { server: 'Vercel', 'x-vercel-id': VERCEL_ID } });
    expect(explanation.gateway?.id).toBe('vercel');
    expect(explanation.causes[0]?.id).toBe('origin-timeout');
    expect(explanation.evidence.body).toBe('unseen');
    expect(explanation.bodyWouldTell).toContain('FUNCTION_INVOCATION_TIMEOUT');
  });

  it('lets x-vercel-error decide when the body is not seen', () => {
    const explanation = explainResponse({ status: 503, headers: { 'x-vercel-id': VERCEL_ID, 'x-vercel-error': 'DEPLOYMENT_PAUSED' } });
    expect(explanation.variantId).toBe('vercel-deployment-paused');
    expect(explanation.causes[0]?.id).toBe('maintenance');
  });

  it('says the deployment wrote an error page that names no Vercel code', () => {
    const explanation = explainResponse({
      status: 500,
      headers: { 'x-vercel-id': VERCEL_ID, 'content-type': 'text/html' },
      bodyText: '<!DOCTYPE html><html><head><title>500: Internal Server Error</title></head><body><h1>500</h1><h2>Internal Server Error.</h2></body></html>',
    });
    expect(explanation.gateway?.id).toBe('vercel');
    expect(explanation.source).toBe('origin');
  });

  it("does not name Vercel for a generic code word on someone else's page", () => {
    const explanation = explainResponse({ status: 404, bodyText: '{"error":"NOT_FOUND","message":"No such user"}' });
    expect(explanation.route.map(({ id }) => id)).not.toContain('vercel');
  });
});
