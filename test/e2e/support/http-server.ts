// Local HTTP servers on 127.0.0.1 that answer with raw bytes, so tests can replay captured gateway responses exactly.
import net from 'node:net';
import tls from 'node:tls';
import { readFileSync } from 'node:fs';

export interface IncomingRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Returns the raw response to send; `'hang'` keeps the connection open without answering; `'close'` closes it
 * without a byte (the browser's "empty response").
 */
export type Handler = (request: IncomingRequest, hit: number) => string | Buffer | 'hang' | 'close' | Promise<string | Buffer | 'hang' | 'close'>;

export interface TestServer {
  origin: string;
  port: number;
  /** How many requests each path received. */
  hits: Map<string, number>;
  /** TCP connections accepted so far (a TLS handshake the browser refuses never becomes a request). */
  connections(): number;
  requests: IncomingRequest[];
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** A response with the given status, headers and body, framed with Content-Length and Connection: close. */
export function rawResponse(status: number, reason: string, headers: Record<string, string> | [string, string][], body = ''): string {
  const list = Array.isArray(headers) ? headers : Object.entries(headers);
  const lines = [`HTTP/1.1 ${status} ${reason}`, ...list.map(([name, value]) => `${name}: ${value}`)];
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

export const okPage = (title: string, body = '') =>
  rawResponse(200, 'OK', { 'Content-Type': 'text/html; charset=utf-8' }, `<!doctype html><title>${title}</title><h1>${title}</h1>${body}`);

/** A replayed response with extra headers after the status line. */
export function withHeaders(raw: string, headers: Record<string, string> | [string, string][]): string {
  const end = raw.indexOf('\r\n') + 2;
  const list = Array.isArray(headers) ? headers : Object.entries(headers);
  return raw.slice(0, end) + list.map(([name, value]) => `${name}: ${value}\r\n`).join('') + raw.slice(end);
}

/** A body captured with its chunked framing ("5b\n…\n0\n"), without it; the text itself when it is not chunked. */
export function unchunked(body: string): string {
  let rest = body;
  let out = '';
  for (;;) {
    const size = /^([0-9a-f]{1,8})[^\r\n]*\r?\n/i.exec(rest);
    if (!size) return body;
    const length = parseInt(size[1]!, 16);
    if (length === 0) return out;
    out += rest.slice(size[0].length, size[0].length + length);
    rest = rest.slice(size[0].length + length).replace(/^\r?\n/, '');
  }
}

/**
 * Reads a captured `.http` fixture and returns it ready to replay: the comment lines go, the captured status line
 * and headers stay as they were, and the framing is rewritten (exact Content-Length, Connection: close) so a
 * body that the capture shortened cannot stall the browser. A body dumped with its chunked framing is de-chunked.
 */
export function replayFixture(file: string): string {
  const text = readFileSync(file, 'latin1').replace(/^(#[^\n]*\n)+/, '');
  const split = /\r?\n\r?\n/.exec(text);
  const head = split ? text.slice(0, split.index) : text;
  const captured = split ? text.slice(split.index + split[0].length) : '';
  const body = /^transfer-encoding:\s*chunked/im.test(head) ? unchunked(captured) : captured;
  const [statusLine, ...headerLines] = head.split(/\r?\n/);
  const framing = /^(content-length|transfer-encoding|connection|keep-alive|content-encoding):/i;
  const kept = headerLines.filter((line) => line.trim() !== '' && !framing.test(line));
  const http1StatusLine = statusLine!.replace(
    /^HTTP\/(2|3)(\.0)?\s+(\d{3})\s*(.*)$/,
    (_m, _v, _z, code: string, reason: string) => `HTTP/1.1 ${code} ${reason || 'Status'}`,
  );
  return [http1StatusLine, ...kept, `Content-Length: ${Buffer.byteLength(body, 'latin1')}`, 'Connection: close'].join('\r\n') + '\r\n\r\n' + body;
}

function parseRequest(buffer: Buffer): IncomingRequest | undefined {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [requestLine = '', ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  if (buffer.length < end + 4 + length) return undefined;
  const [method = 'GET', path = '/'] = requestLine.split(' ');
  return { method, path, headers, body: buffer.subarray(end + 4, end + 4 + length).toString('utf8') };
}

/**
 * Starts a server on 127.0.0.1, on `port` or on a free port; with `tls` (a key and certificate in PEM), an HTTPS one.
 */
export async function startServer(
  routes: Record<string, Handler> = {},
  { port: wanted = 0, tls: credentials }: { port?: number; tls?: { key: string; cert: string } } = {},
): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  const requests: IncomingRequest[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const onSocket = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = Buffer.alloc(0);
    socket.on('data', async (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const request = parseRequest(buffer);
      if (!request) return;
      buffer = Buffer.alloc(0);
      requests.push(request);
      const pathOnly = request.path.split('?')[0]!;
      const hit = (hits.get(pathOnly) ?? 0) + 1;
      hits.set(pathOnly, hit);
      const handler = table.get(pathOnly);
      const response = handler ? await handler(request, hit) : rawResponse(404, 'Not Found', { 'Content-Type': 'text/plain' }, 'not found');
      if (response === 'hang') return;
      if (response === 'close') socket.end();
      else socket.end(response);
    });
  };
  const server = credentials ? tls.createServer(credentials, onSocket) : net.createServer(onSocket);
  // Counted before any TLS handshake, so a browser that refuses the certificate still shows its attempts.
  server.on('connection', () => void connections++);
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wanted, '127.0.0.1', resolve);
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    origin: `${credentials ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    hits,
    connections: () => connections,
    requests,
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
