import { describe, expect, it } from 'vitest';
import { decodeBody, MAX_BODY_CHARS, readResponseBody } from '../../../utils/devtools/response-body';

const ENVOY_BODY = 'upstream connect error or disconnect/reset before headers. reset reason: connection failure';
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('decodeBody', () => {
  it('should keep text as it is', () => {
    expect(decodeBody(ENVOY_BODY, '')).toEqual({ text: ENVOY_BODY, truncated: false });
  });

  it('should decode base64 (Chrome, for bodies that are not text) as UTF-8', () => {
    expect(decodeBody(base64('Réponse: 503 – Service indisponible'), 'base64')).toEqual({ text: 'Réponse: 503 – Service indisponible', truncated: false });
  });

  it('should keep only the first MAX_BODY_CHARS of a huge body, and say so', () => {
    const huge = 'x'.repeat(5_000_000);
    expect(decodeBody(huge, undefined)).toEqual({ text: 'x'.repeat(MAX_BODY_CHARS), truncated: true });
    const decoded = decodeBody(base64(huge), 'base64')!;
    expect(decoded.truncated).toBe(true);
    expect(decoded.text.length).toBe(MAX_BODY_CHARS);
  });

  it('should not take a body of exactly the limit for a cut one', () => {
    expect(decodeBody(base64('y'.repeat(MAX_BODY_CHARS)), 'base64')).toEqual({ text: 'y'.repeat(MAX_BODY_CHARS), truncated: false });
  });

  it('should give nothing for what is not a body', () => {
    expect(decodeBody(undefined, undefined)).toBeUndefined();
    expect(decodeBody(42, 'base64')).toBeUndefined();
    expect(decodeBody('%%% not base64 %%%', 'base64')).toBeUndefined();
  });
});

describe('readResponseBody', () => {
  it("should read Chrome's getContent, which answers through a callback with the encoding", async () => {
    const entry = { getContent: (callback: (content: string, encoding: string) => void) => void setTimeout(() => callback(base64(ENVOY_BODY), 'base64'), 1) };
    expect(await readResponseBody(entry)).toEqual({ text: ENVOY_BODY, truncated: false });
  });

  it("should read Firefox's getContent, which returns a Promise of [content, mimeType]", async () => {
    const entry = { getContent: () => Promise.resolve([ENVOY_BODY, 'text/plain']) };
    expect(await readResponseBody(entry)).toEqual({ text: ENVOY_BODY, truncated: false });
  });

  it("should fall back to the HAR's own content when there is no getContent (Firefox's getHAR)", async () => {
    expect(await readResponseBody({ response: { content: { text: base64(ENVOY_BODY), encoding: 'base64' } } })).toEqual({ text: ENVOY_BODY, truncated: false });
    expect(await readResponseBody({})).toBeUndefined();
  });

  it('should never reject: a getContent that throws, rejects or never answers gives what the HAR has', async () => {
    expect(
      await readResponseBody({
        getContent: () => {
          throw new Error('gone');
        },
      }),
    ).toBeUndefined();
    expect(await readResponseBody({ getContent: () => Promise.reject(new Error('gone')) })).toBeUndefined();
    expect(await readResponseBody({ getContent: () => undefined, response: { content: { text: 'kept' } } }, 10)).toEqual({ text: 'kept', truncated: false });
  });
});
