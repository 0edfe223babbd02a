// PLACEHOLDER: Google Cloud load balancing: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'google-cloud',
  name: 'Google Cloud load balancing',
  kind: 'load-balancer',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
