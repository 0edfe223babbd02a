// PLACEHOLDER: Caddy: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'caddy',
  name: 'Caddy',
  kind: 'reverse-proxy',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
