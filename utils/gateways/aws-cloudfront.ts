// PLACEHOLDER: Amazon CloudFront: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'aws-cloudfront',
  name: 'Amazon CloudFront',
  kind: 'cdn',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
