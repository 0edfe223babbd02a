// PLACEHOLDER: lighttpd: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'lighttpd',
  name: 'lighttpd',
  kind: 'reverse-proxy',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
