// Every language Gatewhy ships has exactly English's messages (and every vendor sentence), with the same placeholders.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { vendorMessages } from '../../scripts/vendor-messages';
import { explainResponse } from '../../utils/explain/explain-response';
import { englishMessages, messagesFrom, useLanguage } from '../../utils/wording';

const LOCALES = new URL('../../locales/', import.meta.url);
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(file, LOCALES), 'utf8'));
const files = readdirSync(LOCALES).filter((file) => file.endsWith('.json'));
const others = files.filter((file) => file !== 'en.json');

const isPlural = (node: object) => Object.keys(node).every((key) => key === 'n' || /^\d+$/.test(key));

/** Dot paths to every message (a plural message, with its forms, counts as one). */
function messages(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(prefix + key, value);
    else if (value && typeof value === 'object' && isPlural(value)) found.set(prefix + key, Object.values(value).join(' | '));
    else if (value && typeof value === 'object')
      for (const [path, text] of messages(value as Record<string, unknown>, `${prefix}${key}.`)) found.set(path, text);
    else throw new Error(`${prefix}${key} is neither a message nor a group`);
  }
  return found;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]))].sort();
const dollars = (text: string) => text.split('$$').length - 1;

const english = messages(read('en.json'));
const vendor = vendorMessages();
const expected = new Map([...english, ...[...vendor].map(([key, text]) => [key, text.replaceAll('$', '$$$$')] as const)]);

describe('locales', () => {
  it('ships English and at least German, French, Spanish and Japanese', () => {
    expect(files).toEqual(expect.arrayContaining(['en.json', 'de.json', 'fr.json', 'es.json', 'ja.json']));
  });

  it('keeps vendor sentences out of English: the vendor files are their English', () => {
    expect([...english.keys()].filter((key) => key.startsWith('vendor.'))).toEqual([]);
  });

  describe.each(others)('%s', (file) => {
    const translated = messages(read(file));

    it('has every message, and none that English lacks', () => {
      expect(
        [...expected.keys()].filter((key) => !translated.has(key)),
        'missing',
      ).toEqual([]);
      expect(
        [...translated.keys()].filter((key) => !expected.has(key)),
        'not in English',
      ).toEqual([]);
    });

    it('keeps each message’s placeholders and literal dollars, and leaves none empty', () => {
      const wrong = [...expected]
        .filter(([key]) => translated.has(key))
        .filter(([key, text]) => {
          const other = translated.get(key)!;
          return other.trim() === '' || placeholders(other).join() !== placeholders(text).join() || dollars(other) !== dollars(text);
        })
        .map(([key]) => key);
      expect(wrong).toEqual([]);
    });
  });
});

describe('the engine in another language', () => {
  afterEach(() => useLanguage('en', englishMessages));

  it('words its headline, causes, advice and the vendor’s meaning in German, and keeps names and codes', () => {
    const response = {
      status: 502,
      headers: { server: 'nginx/1.24.0', 'content-type': 'text/html' },
      bodyText:
        '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.24.0</center></body></html>',
    };
    const inEnglish = explainResponse(response);
    useLanguage('de', messagesFrom(read('de.json')));
    const inGerman = explainResponse(response);
    expect(inGerman.headline).not.toBe(inEnglish.headline);
    expect(inGerman.headline).toContain('502');
    expect(inGerman.headline).toContain('nginx');
    expect(inGerman.causes.map(({ id }) => id)).toEqual(inEnglish.causes.map(({ id }) => id));
    expect(inGerman.causes[0]!.title).not.toBe(inEnglish.causes[0]!.title);
    expect(inGerman.meaning).not.toBe(inEnglish.meaning);
    expect(inGerman.advice.visitor.filter((line) => inEnglish.advice.visitor.includes(line))).toEqual([]);
  });
});
