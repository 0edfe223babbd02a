// PLACEHOLDER: Azure Front Door: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'azure-front-door',
  name: 'Azure Front Door',
  kind: 'cdn',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
