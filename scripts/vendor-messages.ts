// Lists the sentences of Gatewhy's knowledge that are translated, each under its message key: from the vendor files
// (meanings, what tells causes apart, advice, what a body would tell) and what each header means.
// `npm run vendor-messages > knowledge-en.json` gives translators their text; `-- --missing de` only what German lacks.
import { readFileSync } from 'node:fs';
import { CACHE_HIT_MARKERS } from '../utils/explain/generic';
import { headerMeanings } from '../utils/explain/header-catalogue';
import { GATEWAYS } from '../utils/gateways/index';
import type { Gateway } from '../utils/gateways/types';
import { vendorMessageKey } from '../utils/wording';

/** Every translated sentence of these vendor files (notes on evidence too) and of the header catalogue, by message key ("vendor.<hash>" → English). */
export function vendorMessages(gateways: readonly Gateway[] = GATEWAYS): Map<string, string> {
  const texts = [
    ...headerMeanings(),
    ...CACHE_HIT_MARKERS.map(({ note }) => note),
    ...gateways.flatMap((gateway) => [
      ...gateway.fingerprint.map(({ note }) => note),
      ...(gateway.relayed ?? []).map(({ note }) => note),
      ...gateway.advice.visitor,
      ...gateway.advice.owner,
      ...(gateway.bodyTells ? [gateway.bodyTells] : []),
      ...gateway.variants.flatMap((variant) => [
        variant.meaning,
        ...(variant.tellApart ? [variant.tellApart] : []),
        ...(variant.advice?.visitor ?? []),
        ...(variant.advice?.owner ?? []),
      ]),
    ]),
  ];
  return new Map(texts.map((text) => [vendorMessageKey(text), text]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // With `--missing de`: only what locales/de.json lacks, to hand to a translator after a vendor file changed.
  const missingFrom = process.argv[process.argv.indexOf('--missing') + 1];
  const translated: Record<string, unknown> =
    process.argv.includes('--missing') && missingFrom ? (JSON.parse(readFileSync(`locales/${missingFrom}.json`, 'utf8')).vendor ?? {}) : {};
  const entries = [...vendorMessages()]
    .map(([key, text]) => [key.slice('vendor.'.length), text.replaceAll('$', '$$$$')] as const)
    .filter(([hash]) => !Object.hasOwn(translated, hash));
  process.stdout.write(`${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`);
}
