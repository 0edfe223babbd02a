// PLACEHOLDER: AWS Elastic Load Balancing: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'aws-elb',
  name: 'AWS Elastic Load Balancing',
  kind: 'load-balancer',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
