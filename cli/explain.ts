// The `gatewhy-explain` command: explains raw HTTP responses (curl -si output) and HAR files with the extension's engine.
import { readFile } from 'node:fs/promises';
import { explainResponse, type ExplainInput } from '../utils/explain/explain-response';
import { formatExplanation, ANSI, PLAIN } from '../utils/explain/format-text';
import { harServerErrors } from '../utils/har';
import { parsePastedResponse } from '../utils/pasted-response';

const USAGE = `Usage: gatewhy-explain [--json] [--no-color] [FILE...]

Explains why a gateway answered with an error: which gateway, who wrote the error, the likely causes,
what every header means and what to do.

FILE is a raw HTTP response as printed by \`curl -si URL\` (HTTP/1.0 to HTTP/3, CRLF or LF), header lines
copied from a browser, an error page alone (its HTML or its copied text: the status is read off the page), or
a .har file (every entry with status 500 or more is explained). With no FILE, or with -, standard input is read.

  --json       one JSON object per explained response, one per line, in input order
  --no-color   plain text even on a terminal
  -h, --help   this help

Exit status: 0 when every input was explained, 2 when some input could not be read or parsed.`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  readFile: (path: string) => Promise<string>;
  isTerminal: boolean;
  now?: number;
}

interface Options {
  json: boolean;
  color: boolean;
  files: string[];
}

function parseArgs(args: string[], isTerminal: boolean): Options | 'help' | string {
  const options: Options = { json: false, color: isTerminal && !process.env.NO_COLOR, files: [] };
  for (const arg of args) {
    if (arg === '--json') options.json = true;
    else if (arg === '--no-color') options.color = false;
    else if (arg === '-h' || arg === '--help') return 'help';
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else options.files.push(arg);
  }
  if (options.files.length === 0) options.files.push('-');
  return options;
}

/** The responses in one input: a HAR file gives its failed entries, anything else one raw response. */
function inputsOf(name: string, text: string): (ExplainInput & { url?: string })[] {
  if (name.toLowerCase().endsWith('.har') || /^\s*\{\s*"log"\s*:/.test(text.slice(0, 64))) return harServerErrors(text);
  // A response, header lines, or a page alone; header lines say nothing of the body, so it was not seen.
  const pasted = parsePastedResponse(text);
  return [{ ...(pasted.status !== undefined && { status: pasted.status, statusText: pasted.statusText }), headers: pasted.headers, ...((pasted.format !== 'headers' && pasted.format !== 'json') || pasted.body !== '' ? { bodyText: pasted.body } : {}) }];
}

/** Runs the command; returns the exit status. */
export async function runExplain(args: string[], io: Io): Promise<number> {
  const options = parseArgs(args, io.isTerminal);
  if (options === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (typeof options === 'string') {
    io.stderr(`✗ ${options}\n${USAGE}\n`);
    return 2;
  }
  let failed = false;
  for (const file of options.files) {
    const name = file === '-' ? 'standard input' : file;
    try {
      const text = file === '-' ? await io.readStdin() : await io.readFile(file);
      const inputs = inputsOf(file, text);
      if (inputs.length === 0) io.stderr(`${name}: no response with status 500 or more\n`);
      for (const input of inputs) {
        const explanation = explainResponse({ ...input, ...(io.now !== undefined && { now: io.now }) });
        if (options.json) io.stdout(`${JSON.stringify({ file: name, ...(input.url && { url: input.url }), ...explanation })}\n`);
        else io.stdout(`${formatExplanation(explanation, options.color ? ANSI : PLAIN, input.url ? `${name}: ${input.url}` : name)}\n\n`);
      }
    } catch (error) {
      failed = true;
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr(`✗ ${name}: ${reason.replace(/^ENOENT: no such file or directory, open .*$/, 'no such file')}\n`);
    }
  }
  return failed ? 2 : 0;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Entry point for the bin shim and `npm run explain`. */
export async function main(): Promise<void> {
  process.exitCode = await runExplain(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readAll(process.stdin),
    readFile: (path) => readFile(path, 'utf8'),
    isTerminal: Boolean(process.stdout.isTTY),
  });
}
