import { describe, expect, it } from 'vitest';
import { partyOf, siteOf } from '../../utils/party';

describe('partyOf', () => {
  it.each([
    ['https://api.shop.example.com/x', 'https://www.shop.example.com/', 'first'],
    ['https://cdn.example.co.uk/a.js', 'https://www.example.co.uk/', 'first'],
    ['https://other.co.uk/a.js', 'https://www.example.co.uk/', 'third'],
    ['https://api.stripe.com/v1', 'https://shop.example.com/', 'third'],
    ['http://localhost:4000/api', 'http://127.0.0.1:4000/', 'third'],
    ['https://x.example/', undefined, 'first'],
  ])('%s from %s is %s-party', (request, page, party) => {
    expect(partyOf(request, page)).toBe(party);
  });

  it('uses the Public Suffix List, private domains included', () => {
    expect(siteOf('https://alice.github.io/x')).toBe('alice.github.io');
    expect(siteOf('https://a.b.example.com/')).toBe('example.com');
  });
});
