// The header catalogue on names that are also Object properties.
import { describe, expect, it } from 'vitest';
import { decodeHeaders } from '../../../utils/explain/header-catalogue';

describe('decodeHeaders and odd names', () => {
  it('explains a header named like an Object property as any unknown header', () => {
    const unknown = decodeHeaders([{ name: 'x-something-unknown', value: 'x' }], { now: 0, status: 502 })[0]!.meaning;
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const [decoded] = decodeHeaders([{ name, value: 'x' }], { now: 0, status: 502 });
      expect(decoded!.meaning, name).toBe(unknown);
    }
  });
});
