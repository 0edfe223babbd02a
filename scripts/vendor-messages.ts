// Lists the sentences of the vendor files that are translated (meanings, what tells causes apart, advice, what a body
// would tell), each under its message key: `npm run vendor-messages -- > vendor-en.json` gives translators their text.
import { GATEWAYS } from '../utils/gateways/index';
import type { Gateway } from '../utils/gateways/types';
import { vendorMessageKey } from '../utils/wording';

/** Every translated sentence of these vendor files, by message key ("vendor.<hash>" → English). */
export function vendorMessages(gateways: readonly Gateway[] = GATEWAYS): Map<string, string> {
  const texts = gateways.flatMap((gateway) => [
    ...gateway.advice.visitor,
    ...gateway.advice.owner,
    ...(gateway.bodyTells ? [gateway.bodyTells] : []),
    ...gateway.variants.flatMap((variant) => [
      variant.meaning,
      ...(variant.tellApart ? [variant.tellApart] : []),
      ...(variant.advice?.visitor ?? []),
      ...(variant.advice?.owner ?? []),
    ]),
  ]);
  return new Map(texts.map((text) => [vendorMessageKey(text), text]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const messages = Object.fromEntries([...vendorMessages()].map(([key, text]) => [key.slice('vendor.'.length), text.replaceAll('$', '$$$$')]));
  process.stdout.write(`${JSON.stringify(messages, null, 2)}\n`);
}
