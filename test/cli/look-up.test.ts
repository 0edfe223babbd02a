// `gatewhy-explain URL` against real servers on 127.0.0.1: captured gateway answers, refusals, resets, hangs, TLS, redirects.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, runProcess } from './run-command';
import { fixtureBytes, httpResponse, refusedPort, selfSignedCertificate, startServer, type Behaviour, type TestServer } from './servers';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(behaviours: Behaviour[] | ((head: string, index: number) => Behaviour), tlsOptions?: { key: string; cert: string }) {
  const server = await startServer(behaviours, tlsOptions);
  servers.push(server);
  return server;
}

const run = (args: string[]) => runCommand(args);

async function runJson(args: string[]) {
  const result = await run(['--json', ...args]);
  return { ...result, json: JSON.parse(result.stdout) };
}

describe('gatewhy-explain URL', () => {
  it('explains a 502 replayed from a captured nginx response, as it explains the file, and exits 1', async () => {
    const server = await serve([{ answer: fixtureBytes('nginx/refused.http') }]);
    const { code, stdout } = await run([`${server.origin}/shop`]);
    expect(code).toBe(1);
    expect(stdout).toContain(`GET ${server.origin}/shop → 502 Bad Gateway`);
    expect(stdout).toMatch(
      /502 from nginx: (probably |cannot tell the cause from this response \(likeliest: )?the gateway could not connect to the origin server/,
    );
    expect(stdout).toContain('Written by: the gateway wrote this error itself');
    expect(stdout).toContain('Server: nginx/1.22.1');

    const fromFile = await runJson(['test/fixtures/responses/nginx/refused.http']);
    const fromUrl = await runJson([`${server.origin}/shop`]);
    for (const field of ['headline', 'gateway', 'source', 'causes', 'variant'] as const) expect(fromUrl.json[field]).toEqual(fromFile.json[field]);
    expect(fromUrl.json).toMatchObject({ url: `${server.origin}/shop`, method: 'GET', ok: false, status: 502, statusText: 'Bad Gateway' });
  });

  it('keeps the raw reason phrase and every header in order, duplicates too', async () => {
    const answer = 'HTTP/1.1 503 Service Unavailable: Back-end server is at capacity\r\nX-Hop: one\r\nX-Hop: two\r\nContent-Length: 0\r\n\r\n';
    const server = await serve([{ answer }]);
    const { json } = await runJson([`${server.origin}/`]);
    expect(json.statusText).toBe('Service Unavailable: Back-end server is at capacity');
    expect(json.headers.map(({ name, value }: { name: string; value: string }) => `${name}: ${value}`)).toEqual([
      'X-Hop: one',
      'X-Hop: two',
      'Content-Length: 0',
    ]);
  });

  it('sends its own User-Agent and nothing that identifies the user', async () => {
    const server = await serve([{ answer: httpResponse(200, 'OK') }]);
    await run([`${server.origin}/a?b=c`]);
    const [head] = server.requests;
    expect(head).toMatch(/^GET \/a\?b=c HTTP\/1\.1\r\n/);
    expect(head).toMatch(/\r\nuser-agent: gatewhy-explain\/\d+\.\d+\.\d+\r\n/i);
    expect(head).not.toMatch(/\r\n(cookie|authorization|proxy-authorization|referer):/i);
  });

  it('refuses a URL with a user name or password, sending nothing, and exits 2', async () => {
    const server = await serve([{ answer: httpResponse(200, 'OK') }]);
    const url = `${server.origin.replace('//', '//alice:secret@')}/`;
    const { code, stderr } = await run([url]);
    expect(code).toBe(2);
    expect(stderr).toContain('never sends credentials');
    expect(stderr).not.toContain('secret');
    expect(server.requests).toEqual([]);
  });

  it('reports an answer below 400 as no error and exits 0', async () => {
    const server = await serve([{ answer: httpResponse(200, 'OK', { Server: 'nginx' }, '<p>fine</p>') }]);
    const { code, stdout } = await run([`${server.origin}/`]);
    expect(code).toBe(0);
    expect(stdout).toContain('200 OK: answered without an error');
    expect(stdout).not.toContain('Likely causes');
  });

  it('sends HEAD with --method HEAD', async () => {
    const server = await serve([{ answer: fixtureBytes('nginx/refused.http') }]);
    const { code, json } = await runJson(['--method', 'HEAD', `${server.origin}/`]);
    expect(server.requests[0]).toMatch(/^HEAD \/ HTTP\/1\.1/);
    expect(code).toBe(1);
    expect(json).toMatchObject({ method: 'HEAD', status: 502, gateway: { id: 'nginx' } });
  });

  it('says the connection was refused when nothing listens', async () => {
    const port = await refusedPort();
    const { code, stdout } = await run([`http://127.0.0.1:${port}/`]);
    expect(code).toBe(1);
    expect(stdout).toContain('no response (connect ECONNREFUSED');
    expect(stdout).toContain('The page did not load: the server refused the connection');
    const { json } = await runJson([`http://127.0.0.1:${port}/`]);
    expect(json).toMatchObject({ ok: false, status: 0, networkError: 'net::ERR_CONNECTION_REFUSED', causes: [{ id: 'origin-unreachable' }] });
  });

  it('says the server reset the connection, and tells an empty reply apart', async () => {
    const reset = await serve([{ reset: true }]);
    expect((await runJson([`${reset.origin}/`])).json).toMatchObject({
      networkError: 'net::ERR_CONNECTION_RESET',
      headline: 'The page did not load: the server reset the connection',
    });
    const empty = await serve([{ close: true }]);
    const { code, json } = await runJson([`${empty.origin}/`]);
    expect(code).toBe(1);
    expect(json).toMatchObject({ networkError: 'net::ERR_EMPTY_RESPONSE', causes: [{ id: 'origin-reset' }] });
    expect(json.headline).toContain('closed the connection without sending anything');
  });

  it('tells a reply cut in its headers from a body cut short', async () => {
    // The body promises 10 000 bytes; the connection closes after the first few hundred.
    const shortBody = Buffer.from(
      fixtureBytes('nginx/refused.http')
        .toString('latin1')
        .replace(/Content-Length: \d+/, 'Content-Length: 10000'),
      'latin1',
    );
    const server = await serve((head) => ({ answer: head.startsWith('GET /head') ? 'HTTP/1.1 502 Bad Gateway\r\nServer: ngi' : shortBody }));
    expect((await runJson([`${server.origin}/head`])).json).toMatchObject({ networkError: 'net::ERR_CONNECTION_CLOSED', causes: [{ id: 'origin-reset' }] });
    const { code, json } = await runJson([`${server.origin}/body`]);
    expect(code).toBe(1);
    expect(json).toMatchObject({ status: 502, statusText: 'Bad Gateway', gateway: { id: 'nginx' } });
    expect(json.notes).toEqual([expect.stringMatching(/^The body is cut short: the connection broke after \d+ bytes \(ECONNRESET\)\.$/)]);
  });

  it('says it timed out when the server hangs past --timeout', async () => {
    const server = await serve([{ hang: true }]);
    const { code, stdout } = await run(['--timeout', '300ms', `${server.origin}/`]);
    expect(code).toBe(1);
    expect(stdout).toContain('timed out after 0.3 s waiting for the response');
    expect(stdout).toContain('The page did not load: the server took too long to answer');
    expect(server.requests).toHaveLength(1);
  });

  it('explains what arrived when the body stalls past --timeout, and says the body is cut', async () => {
    const bytes = fixtureBytes('nginx/refused.http');
    const server = await serve([{ answerThenHang: bytes.subarray(0, bytes.indexOf('</center>')) }]);
    const { code, json } = await runJson(['--timeout', '0.3', `${server.origin}/`]);
    expect(code).toBe(1);
    expect(json).toMatchObject({ status: 502, gateway: { id: 'nginx' } });
    expect(json.notes).toEqual([expect.stringMatching(/^The body is cut short: timed out after 0\.3 s, \d+ bytes in\.$/)]);
  });

  describe('TLS', () => {
    let certificate: ReturnType<typeof selfSignedCertificate>;
    beforeAll(() => {
      certificate = selfSignedCertificate();
    });
    afterAll(() => certificate.remove());

    it("says the certificate was not accepted when the server's is self-signed", async () => {
      const server = await serve([{ answer: httpResponse(200, 'OK') }], certificate);
      const { code, json } = await runJson([`${server.origin.replace('127.0.0.1', 'localhost')}/`]);
      expect(code).toBe(1);
      expect(json).toMatchObject({ networkError: 'net::ERR_CERT_AUTHORITY_INVALID', causes: [{ id: 'origin-tls' }] });
      expect(json.error).toBe('self-signed certificate');
      expect(json.headline).toBe("The page did not load: the server's certificate was not accepted");
    });

    it('says TLS failed when the server does not speak it', async () => {
      const plain = await serve([{ answer: httpResponse(200, 'OK') }]);
      const { json } = await runJson([`${plain.origin.replace('http:', 'https:')}/`]);
      expect(json).toMatchObject({ networkError: 'net::ERR_SSL_PROTOCOL_ERROR', error: 'write EPROTO: wrong version number', causes: [{ id: 'origin-tls' }] });
    });

    it('with the certificate trusted, accepts it for its own name and refuses it for another', async () => {
      const server = await serve([{ answer: httpResponse(200, 'OK') }], certificate);
      // NODE_EXTRA_CA_CERTS is read when Node starts: a real process, as a user with a private CA would run it.
      const trusting = (url: string) =>
        runProcess('bin/gatewhy-explain.mjs', ['--json', url], { env: { ...process.env, NODE_EXTRA_CA_CERTS: certificate.certPath } });
      const ownName = await trusting(`https://localhost:${server.port}/`);
      expect(ownName.status).toBe(0);
      expect(JSON.parse(ownName.stdout)).toMatchObject({ ok: true, status: 200 });
      const otherName = await trusting(`https://127.0.0.1:${server.port}/`);
      expect(otherName.status).toBe(1);
      expect(JSON.parse(otherName.stdout)).toMatchObject({ networkError: 'net::ERR_CERT_COMMON_NAME_INVALID', causes: [{ id: 'origin-tls' }] });
    });
  });

  it("says a reply that is not HTTP is invalid (a captured upstream's junk)", async () => {
    const raw = readFileSync('test/fixtures/responses/nginx/garbage-http09.http');
    const junk = raw.subarray(raw.indexOf('HELLO'));
    const server = await serve([{ answer: junk }]);
    const { json } = await runJson([`${server.origin}/`]);
    expect(json).toMatchObject({ networkError: 'net::ERR_INVALID_HTTP_RESPONSE', causes: [{ id: 'origin-invalid-response' }] });
  });

  it('says the headers were too big past 256 KB, and reads big ones below that', async () => {
    const header = (size: number) => `HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\nX-Huge: ${'a'.repeat(size)}\r\nContent-Length: 0\r\n\r\n`;
    const server = await serve((head) => ({ answer: head.includes('/huge') ? header(300 * 1024) : header(64 * 1024) }));
    expect((await runJson([`${server.origin}/huge`])).json).toMatchObject({ networkError: 'net::ERR_RESPONSE_HEADERS_TOO_BIG' });
    expect((await runJson([`${server.origin}/big`])).json).toMatchObject({ status: 502, gateway: { id: 'nginx' } });
  });

  it('reads at most 256 KB of the body and says so', async () => {
    const page = `<html><body>${'x'.repeat(1024 * 1024)}<hr><center>nginx</center></body></html>`;
    const server = await serve([{ answer: httpResponse(502, 'Bad Gateway', { Server: 'nginx', 'Content-Type': 'text/html' }, page) }]);
    const { json } = await runJson([`${server.origin}/`]);
    expect(json.notes).toEqual(['The body is cut short: only the first 256 KB are read.']);
    expect(json.status).toBe(502);
  });

  it('decodes a gzip body the server sends although it was asked for none', async () => {
    const captured = fixtureBytes('nginx/refused.http');
    const split = captured.indexOf('\r\n\r\n');
    const body = gzipSync(captured.subarray(split + 4));
    const head = captured
      .subarray(0, split)
      .toString('latin1')
      .replace(/Content-Length: \d+/, `Content-Length: ${body.length}\r\nContent-Encoding: gzip`);
    const server = await serve([{ answer: Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), body]) }]);
    const { json } = await runJson([`${server.origin}/`]);
    expect(json.variant).toBe((await runJson(['test/fixtures/responses/nginx/refused.http'])).json.variant);
    expect(server.requests[0]).toMatch(/\r\naccept-encoding: identity/i);
  });

  describe('redirects', () => {
    async function redirecting() {
      const failing = await serve([{ answer: fixtureBytes('nginx/refused.http') }]);
      const front = await serve([{ answer: httpResponse(301, 'Moved Permanently', { Location: `${failing.origin}/shop` }) }]);
      return { failing, front };
    }

    it('reports a 301 as the redirect when not told to follow, and exits 0', async () => {
      const { failing, front } = await redirecting();
      const { code, stdout } = await run([`${front.origin}/`]);
      expect(code).toBe(0);
      expect(stdout).toContain(`301 Moved Permanently: redirects to ${failing.origin}/shop (not followed; --follow follows redirects)`);
      expect(failing.requests).toEqual([]);
    });

    it('with --follow says each hop and explains the failing target', async () => {
      const { failing, front } = await redirecting();
      const { code, stdout } = await run(['--follow', `${front.origin}/`]);
      expect(code).toBe(1);
      expect(stdout).toContain(`GET ${front.origin}/ → 301 Moved Permanently → ${failing.origin}/shop`);
      expect(stdout).toContain(`GET ${failing.origin}/shop → 502 Bad Gateway`);
      expect(stdout).toMatch(
        /502 from nginx: (probably |cannot tell the cause from this response \(likeliest: )?the gateway could not connect to the origin server/,
      );
      const { json } = await runJson(['--follow', `${front.origin}/`]);
      expect(json).toMatchObject({ url: `${failing.origin}/shop`, redirects: [{ status: 301, from: `${front.origin}/`, to: `${failing.origin}/shop` }] });
    });

    it('stops a redirect loop after 20 hops', async () => {
      const loop = await serve((head) => {
        const hop = Number(/^GET \/(\d+)/.exec(head)?.[1] ?? 0);
        return { answer: httpResponse(302, 'Found', { Location: `/${hop + 1}` }) };
      });
      const { code, json } = await runJson(['--follow', `${loop.origin}/0`]);
      expect(code).toBe(1);
      expect(json.redirects).toHaveLength(20);
      expect(loop.requests).toHaveLength(21);
      expect(json).toMatchObject({ networkError: 'net::ERR_TOO_MANY_REDIRECTS', error: expect.stringContaining('stopped after 20 redirects') });
    });

    it('does not follow a redirect that carries credentials', async () => {
      const front = await serve([{ answer: httpResponse(302, 'Found', { Location: 'http://bob:pw@127.0.0.1:9/' }) }]);
      const { code, json } = await runJson(['--follow', `${front.origin}/`]);
      expect(code).toBe(0);
      expect(json.headline).toBe(
        '302 Found: redirects to http://127.0.0.1:9/, which cannot be followed: it carries a user name or password, and gatewhy-explain never sends credentials',
      );
    });
  });

  it('explains several URLs and files in order; the exit status is the worst', async () => {
    const ok = await serve([{ answer: httpResponse(200, 'OK') }]);
    const port = await refusedPort();
    const { code, stdout } = await run([`${ok.origin}/`, 'test/fixtures/responses/nginx/refused.http', `http://127.0.0.1:${port}/`]);
    expect(code).toBe(1);
    const order = ['200 OK: answered without an error', 'test/fixtures/responses/nginx/refused.http', 'refused the connection'].map((text) =>
      stdout.indexOf(text),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('gives usage errors exit 2 with a clear message', async () => {
    for (const [args, message] of [
      [['--method', 'POST', 'http://127.0.0.1/'], '--method POST: only GET and HEAD are sent'],
      [['--timeout', 'soon', 'http://127.0.0.1/'], '--timeout soon: not a duration'],
      [['--timeout', 'file.http'], '--timeout file.http: not a duration'],
      [['--follow', 'file.http'], '--follow goes with a URL'],
      [['--max-time', '5m', 'http://127.0.0.1/'], '--max-time goes with --watch'],
      [['--watch', 'http://127.0.0.1/', 'http://127.0.0.2/'], '--watch takes exactly one URL'],
      [['ftp://127.0.0.1/'], 'ftp://127.0.0.1/: only http:// and https:// URLs are requested'],
      [['http://[bad/'], 'not a valid URL'],
    ] as const) {
      const { code, stderr } = await run([...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toContain(message);
    }
  });
});
