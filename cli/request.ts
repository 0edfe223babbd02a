// Makes one HTTP/1.1 request with node:http(s): the status line and headers as the server sent them, a bounded body.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { urlToHttpOptions } from 'node:url';
import zlib from 'node:zlib';
import packageJson from '../package.json' with { type: 'json' };
import { headerValue, type HeaderPair } from '../utils/headers';
import type { HttpResponse } from '../utils/http-message';
import type { RequestFailure } from './network-errors';

export const USER_AGENT = `gatewhy-explain/${packageJson.version}`;
/** Most body bytes read (after decompression). Error pages are a few KB; the rest of a big page explains nothing. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Chromium's limit for a response's headers (kMaxHeaderBufSize in net/http/http_stream_parser.cc); Node's own is 16 KB. */
const MAX_HEADER_BYTES = 256 * 1024;

export interface RequestOptions {
  method: 'GET' | 'HEAD';
  /** Connect, headers and body together. */
  timeoutMs: number;
  /** Aborting rejects the request's promise with the signal's reason. */
  signal?: AbortSignal;
}

/** A response as read from a file, plus why its body stops early when it does. Headers keep order, duplicates and spelling. */
export interface ReceivedResponse extends HttpResponse {
  kind: 'response';
  cut?: string;
}

export type RequestOutcome = ReceivedResponse | ({ kind: 'failure' } & RequestFailure);

// What a browser sends for a page, so that gateways answer with the error page a visitor sees. Nothing else: no
// cookies, no credentials, no Referer. Identity encoding keeps the body readable; compressed bodies are decoded anyway.
const REQUEST_HEADERS = {
  'user-agent': USER_AGENT,
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-encoding': 'identity',
};

const DECOMPRESSORS: Readonly<Record<string, () => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress>> = {
  // Sync flush: a body cut short (by us or by the server) still yields what it holds.
  gzip: () => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  'x-gzip': () => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  deflate: () => zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  br: () => zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }),
};

function headerPairs(raw: readonly string[]): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (let index = 0; index + 1 < raw.length; index += 2) pairs.push({ name: raw[index]!, value: raw[index + 1]! });
  return pairs;
}

/** The body as text, in the charset the server names when the runtime knows it, else UTF-8. */
function decodeText(bytes: Buffer, headers: readonly HeaderPair[]): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(headerValue(headers, 'content-type') ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Node's error code; with several addresses tried (happy eyeballs) Node reports them in one AggregateError. */
function codeOf(error: NodeJS.ErrnoException & { errors?: NodeJS.ErrnoException[] }): string | undefined {
  return error.code ?? error.errors?.find((one) => one.code)?.code;
}

/** OpenSSL's errors carry its internals ("…:SSL routines:tls_validate_record_header:wrong version number:file:77:"): keep the reason. */
function readable(message: string): string {
  const openssl = /^(\w+ \w+) .*?:SSL routines:[^:]*:([^:]+):/s.exec(message);
  return openssl ? `${openssl[1]}: ${openssl[2]}` : message.trim();
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Sends one request and resolves with the response (body bounded by MAX_BODY_BYTES and by the time limit) or with
 * the failure. Never follows redirects and never rejects, except when the signal aborts.
 */
export function requestOnce(url: URL, options: RequestOptions): Promise<RequestOutcome> {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) return reject(signal.reason);
    let phase: RequestFailure['phase'] = 'connect';
    let received = 0;
    let settled = false;
    let onTimeout = () =>
      settle({
        kind: 'failure',
        timedOut: true,
        phase,
        bytesReceived: received,
        message: `timed out after ${seconds(options.timeoutMs)} ${phase === 'connect' ? 'while connecting' : 'waiting for the response'}`,
      });

    // Credentials in the URL are refused before we get here; dropping `auth` makes sure none is ever sent.
    const { auth: _auth, ...target } = urlToHttpOptions(url);
    const request = (url.protocol === 'https:' ? https : http).request({
      ...target,
      method: options.method,
      headers: REQUEST_HEADERS,
      // One connection per request, closed after it: nothing is pooled or reused between attempts.
      agent: false,
      maxHeaderSize: MAX_HEADER_BYTES,
      // Accept what browsers accept (odd header bytes, LF line ends): the point is to read a broken gateway's answer.
      insecureHTTPParser: true,
    });

    const timer = setTimeout(() => onTimeout(), options.timeoutMs);
    const onAbort = () => {
      finish();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    function finish(): boolean {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      request.destroy();
      return true;
    }
    function settle(outcome: RequestOutcome): void {
      if (finish()) resolve(outcome);
    }

    request.on('socket', (socket: Socket) => {
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
        phase = 'response';
      });
      socket.on('data', (chunk: Buffer) => {
        received += chunk.length;
      });
    });

    // Before the response: a failure. Once it has begun, a broken connection only cuts its body (see 'response').
    let onError = (error: NodeJS.ErrnoException) => {
      const code = codeOf(error);
      // "socket hang up": the server closed the connection before a complete status line and headers.
      const closedEarly = code === 'ECONNRESET' && error.message === 'socket hang up';
      settle({ kind: 'failure', ...(code && { code }), message: readable(error.message), phase, bytesReceived: received, ...(closedEarly && { closedEarly }) });
    };
    request.on('error', (error: NodeJS.ErrnoException) => onError(error));

    request.on('response', (response) => {
      const headers = headerPairs(response.rawHeaders);
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (cut?: string) =>
        settle({
          kind: 'response',
          httpVersion: response.httpVersion,
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers,
          body: decodeText(Buffer.concat(chunks), headers),
          ...(cut && { cut }),
        });
      onTimeout = () => done(`timed out after ${seconds(options.timeoutMs)}, ${size} bytes in`);
      onError = (error) => done(`the connection broke after ${size} bytes (${codeOf(error) ?? error.message})`);

      const makeDecompressor = DECOMPRESSORS[(headerValue(headers, 'content-encoding') ?? '').trim().toLowerCase()];
      let body: Readable = response;
      if (makeDecompressor) {
        const decompressor = makeDecompressor();
        decompressor.on('error', () => done(`its ${headerValue(headers, 'content-encoding')} encoding is broken after ${size} bytes`));
        body = response.pipe(decompressor);
      }
      body.on('data', (chunk: Buffer) => {
        const room = MAX_BODY_BYTES - size;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        size += Math.min(chunk.length, room);
        if (size >= MAX_BODY_BYTES) done(`only the first ${MAX_BODY_BYTES / 1024} KB are read`);
      });
      body.on('end', () => done());
      response.on('error', (error: NodeJS.ErrnoException) => onError(error));
      response.on('close', () => {
        if (!response.complete) done(`the connection closed after ${size} bytes`);
      });
    });

    request.end();
  });
}
