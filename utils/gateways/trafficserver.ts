// PLACEHOLDER: Apache Traffic Server: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'trafficserver',
  name: 'Apache Traffic Server',
  kind: 'cache',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
