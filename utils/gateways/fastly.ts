// PLACEHOLDER: Fastly: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'fastly',
  name: 'Fastly',
  kind: 'cdn',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
