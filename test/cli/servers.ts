// Servers on 127.0.0.1 for the command-line tests that fail as networks do: reset, close, hang, stall, bad TLS.
// The bytes they answer with come from the end-to-end tests' helpers (test/e2e/support/http-server.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { rawResponse, replayFixture } from '../e2e/support/http-server';

/** What one connection does once the request's headers are in. */
export type Behaviour =
  | { answer: string | Buffer }
  /** Sends these bytes, then neither answers more nor closes. */
  | { answerThenHang: string | Buffer }
  | { reset: true }
  | { close: true }
  | { hang: true };

export interface TestServer {
  /** http://127.0.0.1:<port> (or https://), no trailing slash. */
  origin: string;
  port: number;
  /** The head of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** The bytes to replay for a fixture under test/fixtures/responses/, framed as the end-to-end tests frame them. */
export const fixtureBytes = (path: string) => Buffer.from(replayFixture(join('test/fixtures/responses', path)), 'latin1');

/** A response written by hand, for the cases no fixture covers (a redirect, a 200). */
export const httpResponse = (status: number, reason: string, headers: Record<string, string> = {}, body = '') =>
  Buffer.from(rawResponse(status, reason, headers, body), 'latin1');

/**
 * Listens on 127.0.0.1 (any free port). Connection n behaves as `behaviours[n]`, the last one repeating;
 * a function decides from the request head instead.
 */
export async function startServer(
  behaviours: Behaviour[] | ((requestHead: string, index: number) => Behaviour),
  tlsOptions?: { key: string; cert: string },
): Promise<TestServer> {
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const behaviourFor = (head: string, index: number) =>
    typeof behaviours === 'function' ? behaviours(head, index) : behaviours[Math.min(index, behaviours.length - 1)]!;
  const onConnection = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      // A request that is not HTTP (a TLS handshake, say) is answered at once, as an HTTP server would.
      const end = /^[A-Z]/.test(received) ? received.indexOf('\r\n\r\n') : received.length;
      if (end < 0) return;
      socket.off('data', onData);
      const head = received.slice(0, end);
      const behaviour = behaviourFor(head, requests.push(head) - 1);
      if ('answer' in behaviour) socket.end(head.startsWith('HEAD ') ? headOnly(behaviour.answer) : behaviour.answer);
      else if ('answerThenHang' in behaviour) socket.write(behaviour.answerThenHang);
      else if ('reset' in behaviour) socket.resetAndDestroy();
      else if ('close' in behaviour) socket.end();
    };
    socket.on('data', onData);
  };
  const server = tlsOptions ? tls.createServer(tlsOptions, onConnection) : net.createServer(onConnection);
  // A failed TLS handshake is what some tests are for; the server only notes it.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    origin: `${tlsOptions ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A response's head without its body, as a server answers HEAD. */
function headOnly(answer: string | Buffer): Buffer {
  const bytes = Buffer.from(answer);
  const end = bytes.indexOf('\r\n\r\n');
  return end < 0 ? bytes : bytes.subarray(0, end + 4);
}

/** A port where nothing listens: one the system just gave out, closed again. */
export async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A fresh self-signed certificate for the name "localhost" only, made with the system's openssl. */
export function selfSignedCertificate(): { key: string; cert: string; certPath: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'gatewhy-tls-'));
  const [keyPath, certPath] = [join(folder, 'key.pem'), join(folder, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), certPath, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
