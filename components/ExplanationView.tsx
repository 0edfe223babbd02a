// One explained response: who wrote it, what it means, the ranked causes with evidence, advice and decoded headers.
// Shared by the popup (the page and each failed request) and the "Explain a response" page.
import type { ComponentChildren } from 'preact';
import { confidenceLevel } from '../utils/explain/confidence';
import type { Explanation } from '../utils/explain/explain-response';
import { formatDuration } from '../utils/explain/time';
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
      <span class="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

/** "probably" / "possibly" before a gateway's name when Gatewhy is not sure of it. */
function hedge(confidence: number): string {
  return { sure: '', likely: 'probably ', guess: 'possibly ' }[confidenceLevel(confidence)];
}

/** The hops the response came through, outermost first, the one that wrote the error marked. */
export function RouteChain({ explanation }: { explanation: Explanation }) {
  const { route, status } = explanation;
  if (route.length === 0) return null;
  const what = status > 0 ? `the ${status}` : 'the error';
  return (
    <ol class="route small" aria-label="Route of the response, outermost first">
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
          {hop.role === 'wrote' && <strong class="wrote">{` ✗ wrote ${what}`}</strong>}
          {hop.role === 'unknown' && <span class="muted">{` ? (who wrote ${what} is unclear)`}</span>}
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
  const name = gateway ? `${hedge(gateway.confidence)}${gateway.name}` : undefined;
  let icon = '?';
  let title: string;
  let detail: string;
  if (explanation.status === 0 && explanation.evidence.body === 'unseen') {
    title = 'No response arrived';
    detail = 'The browser could not get an answer at all, so no gateway or application wrote an error page.';
  } else if (source === 'gateway') {
    icon = '⇄';
    title = `Written by the gateway${name ? `: ${name}` : ''}`;
    detail = 'The gateway generated this error itself. The application behind it may never have seen the request.';
  } else if (source === 'origin') {
    icon = '▣';
    title = 'Written by the application behind the gateway';
    detail = gateway ? `${gateway.name} only passed on the application's own error.` : 'The server that answered wrote this error itself.';
  } else {
    title = name ? `Seen through ${name}` : 'No gateway recognised';
    detail = gateway
      ? 'Not clear whether the gateway or the application behind it wrote this error.'
      : 'The response carries no sign of a known gateway or proxy.';
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
        <strong>{evidence.body === 'truncated' ? 'Only the start of the body was visible.' : 'The body was not visible.'}</strong>
        <p class="small">
          {evidence.body === 'truncated'
            ? ''
            : 'The browser gives extensions only the headers of requests inside a page, so this explanation rests on the status and headers. '}
          {bodyWouldTell} Open DevTools → Gatewhy for the full response.
        </p>
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
        {`${explanation.gateway.name} status page`} <span aria-hidden="true">↗</span>
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
        return (
          <li key={cause.id} class="cause">
            <div class="cause-head">
              <span>{cause.title}</span>
              <span class="likelihood">
                <span class="visually-hidden">likelihood </span>
                {percent}%
              </span>
            </div>
            <div class="bar" aria-hidden="true">
              <span style={{ width: `${Math.max(percent, 3)}%` }} />
            </div>
            {cause.evidence.length > 0 && (
              <ul class="evidence" aria-label={`Evidence for ${cause.title.toLowerCase()}`}>
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
  const count = `${headers.length} ${headers.length === 1 ? 'header' : 'headers'}`;
  const groups = <HeaderGroups headers={headers} level={(level + 1) as 3 | 4 | 5} />;
  return folded ? (
    <details class="headers-toggle" data-section="headers">
      <summary>Response headers ({count})</summary>
      {groups}
    </details>
  ) : (
    <Section title={`Response headers (${count})`} level={level} name="headers">
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
            <strong>This error came from a cache.</strong>
            <p class="small">{explanation.cacheEvidence.join('; ')}. A reload that bypasses the cache may already work.</p>
          </div>
        </div>
      )}
      {explanation.retryAfterSeconds !== undefined && (
        <div class="callout info" role="note">
          <span aria-hidden="true">⏱</span>
          <p>The server asked clients to wait {formatDuration(explanation.retryAfterSeconds)} before trying again (Retry-After).</p>
        </div>
      )}
      <Section title="Likely causes" level={level} name="causes">
        <CauseList explanation={explanation} />
        {explanation.tellApart && (
          <p class="small">
            <strong>To tell them apart: </strong>
            {explanation.tellApart}
          </p>
        )}
      </Section>
      {advice.visitor.length > 0 && (
        <Section title="What you can do" level={level} name="visitor">
          <AdviceList lines={advice.visitor} />
        </Section>
      )}
      {advice.owner.length > 0 && (
        <Section title="What the site owner should check" level={level} name="owner">
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
