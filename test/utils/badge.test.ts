import { describe, expect, it } from 'vitest';
import { badgeFor, PAGE_FAILED_COLOR, REQUESTS_FAILED_COLOR } from '../../utils/badge';
import { addFailure, emptyRecord, toFailedRequest } from '../../utils/tab-record';

const failure = (requestId: string, type: string, status = 502, error?: string) =>
  toFailedRequest({ requestId, type, statusCode: status, error, url: 'https://example.com/' });

describe('badgeFor', () => {
  it('is empty without a record or failures', () => {
    expect(badgeFor(undefined).text).toBe('');
    expect(badgeFor(emptyRecord(1)).text).toBe('');
  });

  it('shows the page status in red when the page failed', () => {
    const badge = badgeFor(addFailure(emptyRecord(1), failure('1', 'main_frame', 504)));
    expect(badge).toMatchObject({ text: '504', color: PAGE_FAILED_COLOR });
    expect(badge.title).toContain('504');
  });

  it('shows ERR for a page that got no response', () => {
    expect(badgeFor(addFailure(emptyRecord(1), failure('1', 'main_frame', 0, 'net::ERR_CONNECTION_REFUSED'))).text).toBe('ERR');
  });

  it('counts failed requests in amber when the page itself loaded', () => {
    let record = emptyRecord(1);
    for (const id of ['1', '2', '3']) record = addFailure(record, failure(id, 'xmlhttprequest'));
    expect(badgeFor(record)).toMatchObject({ text: '3', color: REQUESTS_FAILED_COLOR });
    expect(badgeFor(record).title).toContain('3 requests');
  });
});
