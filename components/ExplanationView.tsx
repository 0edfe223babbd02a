// One explained response: who wrote it, what it means, the ranked causes with evidence, advice and decoded headers.
// Shared by the popup (the page and each failed request) and the "Explain a response" page.
import type { ComponentChildren } from 'preact';
import { confidenceLevel } from '../utils/explain/confidence';
import type { Explanation } from '../utils/explain/explain-response';
import { formatDuration } from '../utils/explain/time';
import { currentLocale, say, sayCount, type MessageKey } from '../utils/wording';
import { HeaderGroups } from './HeaderGroups';

type Level = 2 | 3 | 4;

/** Text with its http(s) addresses as links; trailing punctuation stays text. */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:)])/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <ExternalLink key={index} href={part}>
            {part}
          </ExternalLink>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function ExternalLink({ href, children, class: className }: { href: string; children: ComponentChildren; class?: string }) {
  return (
    <a href={href} target="_blank" rel="noreferrer noopener" class={className}>
      {children}
      <span class="visually-hidden"> {say('view.opensInNewTab')}</span>
    </a>
  );
}

const HEDGED_NAMES: Record<ReturnType<typeof confidenceLevel>, MessageKey> = {
  sure: 'view.gatewayName.sure',
  likely: 'view.gatewayName.likely',
  guess: 'view.gatewayName.guess',
};

/** The gateway's name, with "probably" / "possibly" when Gatewhy is not sure of it. */
function hedgedName(gateway: { name: string; confidence: number }): string {
  return say(HEDGED_NAMES[confidenceLevel(gateway.confidence)], { gateway: gateway.name });
}

/** The hops the response came through, outermost first, the one that wrote the error marked. */
export function RouteChain({ explanation }: { explanation: Explanation }) {
  const { route, status } = explanation;
  if (route.length === 0) return null;
  const wrote = status > 0 ? say('view.route.wroteStatus', { status }) : say('view.route.wroteError');
  const unclear = status > 0 ? say('view.route.unclearStatus', { status }) : say('view.route.unclearError');
  return (
    <ol class="route small" aria-label={say('view.route.label')}>
      {route.map((hop, index) => (
        <li key={`${hop.id}-${index}`} class={`hop hop-${hop.role}`} data-hop={hop.id} data-role={hop.role}>
          {index > 0 && (
            <span aria-hidden="true" class="muted">
              {' → '}
            </span>
          )}
          <span class="chip" title={hop.evidence.join('\n')}>
            {hop.name}
          </span>
          {hop.role === 'wrote' && <strong class="wrote">{` ✗ ${wrote}`}</strong>}
          {hop.role === 'unknown' && <span class="muted">{` ? ${unclear}`}</span>}
        </li>
      ))}
    </ol>
  );
}

/** Who generated the error: the gateway itself, or the application behind it; and the route it came by. */
export function WhoWrote({ explanation }: { explanation: Explanation }) {
  const { gateway, source, sourceEvidence } = explanation;
  // A recognised variant's evidence repeats its meaning, which is shown already: say who instead.
  const evidence = explanation.variant && sourceEvidence[0]?.startsWith(explanation.variant) ? undefined : sourceEvidence[0];
  const name = gateway ? hedgedName(gateway) : undefined;
  let icon = '?';
  let title: string;
  let detail: string;
  if (explanation.status === 0 && explanation.evidence.body === 'unseen') {
    title = say('view.who.noResponseTitle');
    detail = say('view.who.noResponseDetail');
  } else if (source === 'gateway') {
    icon = '⇄';
    title = name ? say('view.who.gatewayTitleNamed', { gateway: name }) : say('view.who.gatewayTitle');
    detail = say('view.who.gatewayDetail');
  } else if (source === 'origin') {
    icon = '▣';
    title = say('view.who.originTitle');
    detail = gateway ? say('view.who.originDetailNamed', { gateway: gateway.name }) : say('view.who.originDetail');
  } else {
    title = name ? say('view.who.seenThrough', { gateway: name }) : say('view.who.noGateway');
    detail = gateway ? say('view.who.unclearDetail') : say('view.who.noGatewayDetail');
  }
  return (
    <div class="who">
      <span class="who-icon" aria-hidden="true">
        {icon}
      </span>
      <div>
        <strong>{title}</strong>
        <p class="small muted">{evidence ?? detail}</p>
        <RouteChain explanation={explanation} />
      </div>
    </div>
  );
}

/** Said when the body was not seen, or only its start: what it would have told, and where to see it whole. */
export function BodyNote({ explanation }: { explanation: Explanation }) {
  const { bodyWouldTell, evidence } = explanation;
  if (!bodyWouldTell || (explanation.status === 0 && explanation.route.length === 0 && explanation.headers.length === 0)) return null;
  return (
    <div class="callout info body-note" role="note" data-body={evidence.body}>
      <span aria-hidden="true">ⓘ</span>
      <div>
        <strong>{evidence.body === 'truncated' ? say('view.body.truncatedTitle') : say('view.body.unseenTitle')}</strong>
        <p class="small">{say(evidence.body === 'truncated' ? 'view.body.truncatedDetail' : 'view.body.unseenDetail', { bodyWouldTell })}</p>
      </div>
    </div>
  );
}

/** A link to the vendor's status page, when the gateway has one. */
export function StatusPageLink({ explanation }: { explanation: Explanation }) {
  if (!explanation.statusPage || !explanation.gateway) return null;
  return (
    <p>
      <ExternalLink href={explanation.statusPage} class="button status-page">
        {say('view.statusPage', { gateway: explanation.gateway.name })} <span aria-hidden="true">↗</span>
      </ExternalLink>
    </p>
  );
}

function Section({ title, level, children, name }: { title: string; level: Level; children: ComponentChildren; name: string }) {
  const Heading = `h${level}` as 'h2';
  return (
    <section class="section" data-section={name}>
      <Heading>{title}</Heading>
      {children}
    </section>
  );
}

export function CauseList({ explanation }: { explanation: Explanation }) {
  return (
    <ol class="causes">
      {explanation.causes.map((cause) => {
        const percent = Math.round(cause.likelihood * 100);
        const lowercase = cause.title.toLocaleLowerCase(currentLocale());
        return (
          <li key={cause.id} class="cause">
            <div class="cause-head">
              <span>{cause.title}</span>
              <span class="likelihood">
                <span class="visually-hidden">{say('view.causes.likelihood')} </span>
                {new Intl.NumberFormat(currentLocale(), { style: 'percent' }).format(percent / 100)}
              </span>
            </div>
            <div class="bar" aria-hidden="true">
              <span style={{ width: `${Math.max(percent, 3)}%` }} />
            </div>
            {cause.evidence.length > 0 && (
              <ul class="evidence" aria-label={say('view.causes.evidenceFor', { cause: cause.title, causeLowercase: lowercase })}>
                {cause.evidence.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The vendor's name for the error and what it means. */
export function Meaning({ explanation }: { explanation: Explanation }) {
  return (
    <p class="meaning">
      {explanation.variant && <strong>{explanation.variant}. </strong>}
      {explanation.meaning}
    </p>
  );
}

/** The decoded headers, under a heading or folded away. */
export function HeadersSection({ explanation, level = 2, folded = false }: { explanation: Explanation; level?: Level; folded?: boolean }) {
  const { headers } = explanation;
  const title = sayCount('view.headers.title', headers.length);
  const groups = <HeaderGroups headers={headers} level={(level + 1) as 3 | 4 | 5} />;
  return folded ? (
    <details class="headers-toggle" data-section="headers">
      <summary>{title}</summary>
      {groups}
    </details>
  ) : (
    <Section title={title} level={level} name="headers">
      {groups}
    </Section>
  );
}

export interface ExplanationViewProps {
  explanation: Explanation;
  /** Heading level of its headline and sections. */
  level?: Level;
  /** Headline, meaning, who wrote the error and the status page; the popup shows these in its headline card instead. */
  withSummary?: boolean;
  /** Without the headline, when the caller already shows it (a failed request's row). */
  withHeadline?: boolean;
  /** "folded" for the requests inside a page; "none" when the caller shows them elsewhere. */
  headers?: 'open' | 'folded' | 'none';
}

export function ExplanationView({ explanation, level = 2, withSummary = true, withHeadline = true, headers = 'open' }: ExplanationViewProps) {
  const Heading = `h${level}` as 'h2';
  const { advice } = explanation;
  return (
    <div class="stack explanation">
      {withSummary && (
        <>
          {withHeadline && <Heading class="headline">{explanation.headline}</Heading>}
          <Meaning explanation={explanation} />
          <WhoWrote explanation={explanation} />
          <StatusPageLink explanation={explanation} />
        </>
      )}
      <BodyNote explanation={explanation} />
      {explanation.cached && (
        <div class="callout" role="note">
          <span aria-hidden="true">⚠</span>
          <div>
            <strong>{say('view.cached.title')}</strong>
            <p class="small">{say('view.cached.detail', { evidence: explanation.cacheEvidence.join('; ') })}</p>
          </div>
        </div>
      )}
      {explanation.retryAfterSeconds !== undefined && (
        <div class="callout info" role="note">
          <span aria-hidden="true">⏱</span>
          <p>{say('view.retryAfter', { wait: formatDuration(explanation.retryAfterSeconds) })}</p>
        </div>
      )}
      <Section title={say('view.causes.title')} level={level} name="causes">
        <CauseList explanation={explanation} />
        {explanation.tellApart && (
          <p class="small">
            <strong>{say('view.causes.tellApart')} </strong>
            {explanation.tellApart}
          </p>
        )}
      </Section>
      {advice.visitor.length > 0 && (
        <Section title={say('view.visitorAdvice')} level={level} name="visitor">
          <AdviceList lines={advice.visitor} />
        </Section>
      )}
      {advice.owner.length > 0 && (
        <Section title={say('view.ownerAdvice')} level={level} name="owner">
          <AdviceList lines={advice.owner} />
        </Section>
      )}
      {headers !== 'none' && <HeadersSection explanation={explanation} level={level} folded={headers === 'folded'} />}
    </div>
  );
}

function AdviceList({ lines }: { lines: readonly string[] }) {
  return (
    <ul class="advice">
      {lines.map((line, index) => (
        <li key={index}>
          <Linkified text={line} />
        </li>
      ))}
    </ul>
  );
}
