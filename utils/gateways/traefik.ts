// PLACEHOLDER: Traefik: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'traefik',
  name: 'Traefik',
  kind: 'reverse-proxy',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
