// What a person sees for a response: the gateway, who wrote it, the variant, the first causes and the route.
import { explainResponse, type ExplainInput } from '../../../utils/explain/explain-response';

export function seen(input: ExplainInput) {
  const explanation = explainResponse({ now: Date.UTC(2026, 10, 27, 12, 0, 0), ...input });
  return {
    gateway: explanation.gateway?.id ?? null,
    source: explanation.source,
    variant: explanation.variantId,
    causes: explanation.causes.map(({ id }) => id),
    route: explanation.route.map(({ id, role }) => `${id}:${role}`),
    explanation,
  };
}
