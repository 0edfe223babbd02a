// Renders an Explanation as short readable text for a terminal, optionally coloured.
import type { Explanation } from './explain-response';
import { routeChain } from './route';

export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

export const PLAIN: TextStyle = { bold: (t) => t, dim: (t) => t, red: (t) => t, yellow: (t) => t };
export const ANSI: TextStyle = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
  red: (t) => `\x1b[31m${t}\x1b[39m`,
  yellow: (t) => `\x1b[33m${t}\x1b[39m`,
};

const SOURCE_WORDS = {
  gateway: 'the gateway wrote this error itself',
  origin: 'the application behind the gateway wrote this error; the gateway passed it on',
  unknown: 'not clear from this response',
} as const;

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Strips control characters so a hostile header cannot move the cursor or recolour the terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are what gets replaced.
const safe = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');

export function formatExplanation(explanation: Explanation, style: TextStyle = PLAIN, title?: string): string {
  const lines: string[] = [];
  if (title) lines.push(style.dim(safe(title)));
  lines.push(style.bold(style.red(safe(explanation.headline))));
  lines.push(`  ${safe(explanation.meaning)}`);
  if (explanation.evidence.status === 'inferred') lines.push(`  Status: ${explanation.status}, read off the page (there was no status line)`);
  if (explanation.variant) lines.push(`  Recognised: ${safe(explanation.variant)}`);
  if (explanation.gateway) {
    const { name, confidence, evidence, known } = explanation.gateway;
    lines.push(`  Gateway: ${style.bold(safe(name))}${known ? '' : ' (Gatewhy has no rules for it)'} ${style.dim(`(confidence ${percent(confidence)})`)}`);
    for (const line of evidence) lines.push(style.dim(`    · ${safe(line)}`));
  } else if (explanation.status > 0) {
    lines.push('  Gateway: none recognised');
  }
  const chain = routeChain(explanation.route, explanation.status);
  if (chain) lines.push(`  Route: ${safe(chain)}`);
  lines.push(`  Written by: ${SOURCE_WORDS[explanation.source]}`);
  lines.push('  Likely causes:');
  explanation.causes.forEach((cause, index) => {
    lines.push(`    ${index + 1}. ${style.bold(cause.title)} ${style.dim(percent(cause.likelihood))}`);
    for (const line of cause.evidence.slice(0, 2)) lines.push(style.dim(`       ${safe(line)}`));
  });
  if (explanation.bodyWouldTell)
    lines.push(
      style.yellow(
        `  ${explanation.evidence.body === 'truncated' ? 'Only the start of the body was seen' : 'The body was not seen'}: ${safe(explanation.bodyWouldTell)}`,
      ),
    );
  if (explanation.tellApart) lines.push(`  Telling them apart: ${safe(explanation.tellApart)}`);
  if (explanation.cached) lines.push(style.yellow(`  Cached error: ${safe(explanation.cacheEvidence.join('; '))}`));
  if (explanation.headers.length) {
    lines.push('  Headers:');
    for (const header of explanation.headers) {
      const decoded = header.decoded ? ` → ${safe(header.decoded)}` : '';
      lines.push(`    ${style.bold(safe(header.name))}: ${safe(header.value.length > 120 ? `${header.value.slice(0, 119)}…` : header.value)}${decoded}`);
      lines.push(style.dim(`      ${safe(header.meaning)}`));
    }
  }
  if (explanation.advice.visitor.length) {
    lines.push('  What you can do:');
    for (const line of explanation.advice.visitor) lines.push(`    - ${safe(line)}`);
  }
  if (explanation.advice.owner.length) {
    lines.push('  What the site owner should check:');
    for (const line of explanation.advice.owner) lines.push(`    - ${safe(line)}`);
  }
  if (explanation.statusPage) lines.push(`  Status page: ${explanation.statusPage}`);
  return lines.join('\n');
}
