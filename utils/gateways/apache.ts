// PLACEHOLDER: Apache httpd: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'apache',
  name: 'Apache httpd',
  kind: 'reverse-proxy',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
