// PLACEHOLDER: Envoy: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'envoy',
  name: 'Envoy',
  kind: 'reverse-proxy',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
