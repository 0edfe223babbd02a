// PLACEHOLDER: Amazon API Gateway: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'aws-api-gateway',
  name: 'Amazon API Gateway',
  kind: 'api-gateway',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
