// Netlify's rules as a user meets them: its crash page, a function's error object behind its headers, and Lambda's text elsewhere.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

const NETLIFY = { server: 'Netlify', 'x-nf-request-id': '01HV8Z3T6W9J5R2K4M7N0P1Q2R' };
const LAMBDA_TIMEOUT = '{"errorMessage":"2024-01-28T15:53:17.566Z dcfe2e2a-1111-2222-3333-444455556666 Task timed out after 10.01 seconds"}';

describe('Netlify', () => {
  it('recognises its crash page pasted without headers', () => {
    const result = seen({
      bodyText:
        'Invocation failed\nThis function has crashed\nAn unhandled error in the function code triggered the following message:\nTypeError - x is undefined',
    });
    expect(result.gateway).toBe('netlify');
    expect(result.variant).toBe('netlify-function-crashed-page');
    expect(result.causes[0]).toBe('origin-app-error');
  });

  it("reads the runtime's timeout behind Netlify's headers as a function timeout", () => {
    const result = seen({ status: 502, headers: NETLIFY, bodyText: LAMBDA_TIMEOUT });
    expect(result.variant).toBe('netlify-function-timed-out-task-timed-out');
    expect(result.causes[0]).toBe('origin-timeout');
  });

  it("does not name Netlify for Lambda's timeout text on its own (issue 11)", () => {
    const result = seen({ status: 502, bodyText: LAMBDA_TIMEOUT });
    expect(result.route.map((hop) => hop.split(':')[0])).not.toContain('netlify');
  });

  it('with headers only, calls a 502 a function failure and a 504 a timeout behind Netlify', () => {
    const bad = seen({ status: 502, headers: NETLIFY });
    expect(bad.variant).toBe('netlify-502-no-body');
    expect(bad.explanation.bodyWouldTell).toContain('crashed');
    const slow = seen({ status: 504, headers: NETLIFY });
    expect(slow.variant).toBe('netlify-504-no-body');
    expect(slow.causes[0]).toBe('origin-timeout');
  });

  it("says a proxied origin wrote a page that is not Netlify's", () => {
    const result = seen({ status: 503, headers: NETLIFY, bodyText: '<html><body><h1>Our API is down</h1></body></html>' });
    expect(result.gateway).toBe('netlify');
    expect(result.source).toBe('origin');
  });
});
