// PLACEHOLDER: Fly.io: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'fly',
  name: 'Fly.io',
  kind: 'platform',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
