// PLACEHOLDER: Azure Application Gateway: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'azure-app-gateway',
  name: 'Azure Application Gateway',
  kind: 'load-balancer',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
