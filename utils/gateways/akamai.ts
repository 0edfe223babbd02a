// PLACEHOLDER: Akamai: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'akamai',
  name: 'Akamai',
  kind: 'cdn',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
