// PLACEHOLDER: Azure App Service: to be written (fingerprint, variants, advice, sources).
import { defineGateway } from './types';

export default defineGateway({
  id: 'azure-app-service',
  name: 'Azure App Service',
  kind: 'platform',
  fingerprint: [],
  variants: [],
  advice: { visitor: [], owner: [] },
  sources: [],
});
