// The `gatewhy-explain` command: explains raw HTTP responses (curl -si output), HAR files and live URLs with the extension's engine.
import { readFile } from 'node:fs/promises';
import { explainResponse, type ExplainInput } from '../utils/explain/explain-response';
import { formatExplanation, ANSI, PLAIN } from '../utils/explain/format-text';
import { harServerErrors } from '../utils/har';
import type { Random } from '../utils/retry-policy';
import { explainUrl } from './look-up';
import { DEFAULT_URL_OPTIONS, isUrlArgument, takeUrlOption, URL_USAGE, type UrlOptions } from './url-options';
import { SYSTEM_CLOCK, watchUrl, type Clock } from './watch';
import { parsePastedResponse } from '../utils/pasted-response';

const USAGE = `Usage: gatewhy-explain [--json] [--no-color] [FILE...]
       gatewhy-explain [--json] [--no-color] [--method GET|HEAD] [--follow] [--timeout T] URL...
       gatewhy-explain [--json] [--no-color] [--method GET|HEAD] [--follow] [--timeout T] --watch [--max-time T] URL

Explains why a gateway answered with an error: which gateway, who wrote the error, the likely causes,
what every header means and what to do.

FILE is a raw HTTP response as printed by \`curl -si URL\` (HTTP/1.0 to HTTP/3, CRLF or LF), header lines
copied from a browser, an error page alone (its HTML or its copied text: the status is read off the page), or
a .har file (every entry with status 500 or more is explained). With no FILE, or with -, standard input is read.

${URL_USAGE}

  --json       one JSON object per explained response, one per line, in input order (with --watch, one per
               attempt and a last {"summary": …})
  --no-color   plain text even on a terminal
  -h, --help   this help

Exit status:
  0  every FILE was explained, and every URL answered without an error (below 400); with --watch, the URL
     recovered (or never failed)
  1  a URL answered with an error (400 or more) or got no response (both explained); with --watch, it was still
     failing when the watch stopped
  2  a usage error, an input that could not be read or parsed, or a URL that cannot be requested`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  readFile: (path: string) => Promise<string>;
  isTerminal: boolean;
  /** Fixes the engine's clock (tests). */
  now?: number;
  /** The watch's clock and randomness (tests inject them so nothing really sleeps). */
  clock?: Clock;
  random?: Random;
  /** Calls `stop` on Ctrl+C; returns a function that stops listening. */
  onInterrupt?: (stop: () => void) => () => void;
}

interface Options {
  json: boolean;
  color: boolean;
  /** Files and URLs, in the order given. */
  files: string[];
  url: UrlOptions;
  /** The URL options given, e.g. "--timeout": they need a URL. */
  urlOptionsGiven: string[];
}

function parseArgs(args: string[], isTerminal: boolean): Options | 'help' | string {
  const options: Options = { json: false, color: isTerminal && !process.env.NO_COLOR, files: [], url: { ...DEFAULT_URL_OPTIONS }, urlOptionsGiven: [] };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const taken = arg.startsWith('--') ? takeUrlOption(args, index, options.url) : 0;
    if (typeof taken === 'string') return taken;
    if (taken > 0) {
      options.urlOptionsGiven.push(arg.replace(/=.*/, ''));
      index += taken - 1;
    } else if (arg === '--json') options.json = true;
    else if (arg === '--no-color') options.color = false;
    else if (arg === '-h' || arg === '--help') return 'help';
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else options.files.push(arg);
  }
  const urls = options.files.filter(isUrlArgument).length;
  const given = options.urlOptionsGiven;
  if (options.url.watch && (urls !== 1 || options.files.length !== 1)) return '--watch takes exactly one URL, and no file';
  if (given.length > 0 && urls === 0) return `${given[0]} goes with a URL (http:// or https://)`;
  if (given.includes('--max-time') && !options.url.watch) return '--max-time goes with --watch';
  if (options.files.length === 0) options.files.push('-');
  return options;
}

/** The responses in one input: a HAR file gives its failed entries, anything else one raw response. */
function inputsOf(name: string, text: string): (ExplainInput & { url?: string })[] {
  if (name.toLowerCase().endsWith('.har') || /^\s*\{\s*"log"\s*:/.test(text.slice(0, 64))) return harServerErrors(text);
  // A response, header lines, or a page alone; header lines say nothing of the body, so it was not seen.
  const pasted = parsePastedResponse(text);
  return [
    {
      ...(pasted.status !== undefined && { status: pasted.status, statusText: pasted.statusText }),
      headers: pasted.headers,
      ...((pasted.format !== 'headers' && pasted.format !== 'json') || pasted.body !== '' ? { bodyText: pasted.body } : {}),
    },
  ];
}

/** Runs the command; returns the exit status. */
export async function runExplain(args: string[], io: Io): Promise<number> {
  const options = parseArgs(args, io.isTerminal);
  if (options === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (typeof options === 'string') {
    // The synopsis only: the whole help would bury the one line that matters.
    io.stderr(`✗ ${options}\n${USAGE.slice(0, USAGE.indexOf('\n\n'))}\nMore: gatewhy-explain --help\n`);
    return 2;
  }
  const engineNow = () => io.now ?? (io.clock ?? SYSTEM_CLOCK).now();
  const output = { stdout: io.stdout, stderr: io.stderr, json: options.json, color: options.color, now: engineNow };
  if (options.url.watch) {
    const watchIo = { ...output, clock: io.clock ?? SYSTEM_CLOCK, random: io.random ?? Math.random, ...(io.onInterrupt && { onInterrupt: io.onInterrupt }) };
    return watchUrl(options.files[0]!, options.url, watchIo);
  }
  let failed = false;
  let worstUrl = 0;
  for (const file of options.files) {
    if (isUrlArgument(file)) {
      worstUrl = Math.max(worstUrl, await explainUrl(file, options.url, output));
      continue;
    }
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
  return failed ? 2 : worstUrl;
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
    onInterrupt: (stop) => {
      process.once('SIGINT', stop);
      return () => process.off('SIGINT', stop);
    },
  });
}
