// PLACEHOLDER: HAProxy: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'haproxy',
  name: 'HAProxy',
  kind: 'load-balancer',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
