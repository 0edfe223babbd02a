// Misbehaving (and a few well-behaved) upstream servers on 127.0.0.1 that the gateways are put in front of.
//
// Usage: node scripts/capture/upstreams.mjs [--certs DIR]
//   DIR (made by capture.sh with openssl) holds <name>-cert.pem/<name>-key.pem for the TLS upstreams below.
// One port per behaviour, so a gateway log line or a fixture can always be traced
// back to exactly one behaviour. Ports (keep in sync with capture.sh / README.md):
//   18001 refused      nothing listens here (also 18021, a second dead port for "all down")
//   18002 hang         accepts, reads the request, never answers
//   18003 reset        reads the request, then sends a TCP RST (socket.resetAndDestroy())
//   18004 close        reads the request, then closes cleanly (FIN) without a byte
//   18005 garbage      answers a non-HTTP status line and junk bytes, then closes
//   18015 bad-header   answers a valid status line followed by a header line without a colon
//   18006 huge-header  answers a valid 200 carrying one ~64 KB header
//   18007 plain-http   healthy plain HTTP app; gateways are told to speak TLS to it
//   18011 tls-selfsigned  healthy HTTPS app with a self-signed cert
//   18017 tls-expired     healthy HTTPS app whose certificate (from the capture CA) expired
//   18018 tls-wrong-name  healthy HTTPS app whose certificate (from the capture CA) names another host
//   18019 tls-valid       healthy HTTPS app with a valid certificate: the target of plain-to-tls (gateway speaks plain HTTP)
//   18008 app-502      healthy app that itself answers 502 with a JSON body
//   18009 app-503      healthy app that answers 503 + Retry-After: 120 + maintenance page
//   18010 ok           healthy app answering 200 (baseline, health checks, rate limits)
//   18012 slow         healthy app that answers 200 after 2.8 s (holds a connection slot)
//   18013 fetch-proxy  "no gateway" control: a Node app that fetch()es a dead port and answers 502
//   18014 app-500      "no gateway" control: Express-style JSON 500 from a handler that really threw
import net from 'node:net';
import http from 'node:http';
import https from 'node:https';
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { certs: { type: 'string' } },
});

const HOST = '127.0.0.1';
const log = (...m) => console.log(new Date().toISOString(), ...m);

// Raw TCP servers: used where a real HTTP server would be too well-behaved.
// `onRequest` runs once the first chunk of the request has arrived, so the
// gateway has really sent its request before we misbehave.
function rawServer(port, name, onRequest) {
  const srv = net.createServer((sock) => {
    sock.on('error', () => {}); // peers (gateways) may reset us too; not interesting here
    sock.once('data', (chunk) => {
      log(name, 'got request:', JSON.stringify(chunk.toString('latin1').split('\r\n')[0]));
      onRequest(sock);
    });
  });
  srv.listen(port, HOST, () => log(`${name} listening on ${HOST}:${port}`));
  return srv;
}

// hang: keep the socket open forever and never write; the gateway's read timeout must fire.
const hanging = new Set();
rawServer(18002, 'hang', (sock) => {
  hanging.add(sock);
  sock.on('close', () => hanging.delete(sock));
});

// reset: RST instead of FIN, i.e. "Connection reset by peer" on the gateway side.
rawServer(18003, 'reset', (sock) => sock.resetAndDestroy());

// close: orderly FIN with zero bytes of response ("empty reply" / "prematurely closed").
rawServer(18004, 'close', (sock) => sock.end());

// garbage: first line is not an HTTP status line at all, followed by binary junk.
rawServer(18005, 'garbage', (sock) => {
  sock.end(
    Buffer.concat([
      Buffer.from('HELLO THIS IS NOT HTTP\r\n'),
      Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x0d, 0x0a]),
      Buffer.from('more junk without any structure\r\n\r\n'),
    ]),
  );
});

// bad-header: a valid status line, then a header line with no colon (invalid field syntax).
rawServer(18015, 'bad-header', (sock) => {
  sock.end(
    'HTTP/1.1 200 OK\r\n' +
      'Content-Type: text/plain\r\n' +
      'This line is not a header\r\n' +
      'Content-Length: 3\r\n' +
      'Connection: close\r\n' +
      '\r\n' +
      'ok\n',
  );
});

// huge-header: a perfectly valid 200 whose single X-Huge header is 64 KiB long,
// above nginx's 4k/8k proxy_buffer_size, haproxy's 16k bufsize, varnish's 8k http_resp_hdr_len, etc.
rawServer(18006, 'huge-header', (sock) => {
  const body = 'ok, but look at my headers\n';
  sock.end(
    'HTTP/1.1 200 OK\r\n' +
      'Content-Type: text/plain\r\n' +
      `X-Huge: ${'a'.repeat(64 * 1024)}\r\n` +
      `Content-Length: ${body.length}\r\n` +
      'Connection: close\r\n' +
      '\r\n' +
      body,
  );
});

// Healthy HTTP apps built on node:http (these really are well-formed servers).
function app(port, name, handler, server = http.createServer()) {
  server.on('request', (req, res) => {
    log(name, req.method, req.url);
    Promise.resolve(handler(req, res)).catch((err) => {
      log(name, 'handler failed', err);
      res.destroy();
    });
  });
  server.listen(port, HOST, () => log(`${name} listening on ${HOST}:${port}`));
  return server;
}

const okHandler = (label) => (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`hello from ${label}\n`);
};

// plain-http: gateways are configured to speak TLS to this one; Node answers their
// ClientHello with its own "400 Bad Request" and closes, as any plain HTTP server would.
app(18007, 'plain-http', okHandler('a plain HTTP upstream'));

// TLS upstreams: healthy HTTPS apps whose only fault (if any) is their certificate; the gateway is told to verify it.
const tlsUpstreams = [
  [18011, 'tls-selfsigned', 'self-signed', 'a self-signed HTTPS upstream'],
  [18017, 'tls-expired', 'expired', 'an HTTPS upstream with an expired certificate'],
  [18018, 'tls-wrong-name', 'wrong-name', 'an HTTPS upstream with a certificate for another name'],
  [18019, 'tls-valid', 'valid', 'an HTTPS upstream with a valid certificate'],
];
for (const [port, name, cert, label] of tlsUpstreams) {
  if (!args.certs) {
    log(`no --certs given: port ${port} (${name}) not started`);
    continue;
  }
  const read = (part) => fs.readFileSync(`${args.certs}/${cert}-${part}.pem`);
  app(port, name, okHandler(label), https.createServer({ cert: read('cert'), key: read('key') }));
}

// app-502: the application itself reports that a dependency (payment service) is down.
app(18008, 'app-502', (req, res) => {
  const body = JSON.stringify({ error: 'payment service unavailable', code: 'PAYMENT_UPSTREAM_DOWN' });
  res.writeHead(502, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});

// app-503: planned maintenance, with the Retry-After hint a browser/CLI should surface.
app(18009, 'app-503', (req, res) => {
  const body =
    '<!doctype html>\n<html><head><title>Down for maintenance</title></head>\n' +
    '<body><h1>We&rsquo;ll be back soon</h1>\n<p>Example Shop is down for scheduled maintenance. Please try again in a couple of minutes.</p>\n</body></html>\n';
  res.writeHead(503, {
    'Content-Type': 'text/html; charset=utf-8',
    'Retry-After': '120',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
});

// ok: baseline healthy upstream (used by rate-limit scenarios and sanity checks).
app(18010, 'ok', okHandler('the ok upstream'));

// slow: healthy but takes 2.8 s (just under every gateway's 3 s timeout), so one request can occupy a gateway's only
// connection slot for well over a limit's own queue/acquire wait (1 s), even when a busy machine delays the next request.
app(
  18012,
  'slow',
  (req, res) =>
    new Promise((resolve) =>
      setTimeout(() => {
        okHandler('the slow upstream')(req, res);
        resolve();
      }, 2800),
    ),
);

// fetch-proxy (no gateway product in front): a tiny Node BFF that proxies with fetch()
// to a dead port and turns the failure into its own 502, the way hand-written proxies do.
app(18013, 'fetch-proxy', async (req, res) => {
  try {
    const r = await fetch('http://127.0.0.1:18001' + req.url);
    res.writeHead(r.status, { 'Content-Type': r.headers.get('content-type') ?? 'text/plain' });
    res.end(await r.text());
  } catch (err) {
    const body = `Bad Gateway: ${err.message} (${err.cause?.code ?? 'unknown'})\n`;
    res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(body);
  }
});

// app-500 (no gateway): an Express-style JSON error handler around a handler that really throws.
app(18014, 'app-500', (req, res) => {
  try {
    const user = undefined;
    res.end(user.id); // throws TypeError on purpose
  } catch (err) {
    const body = JSON.stringify({ error: 'Internal Server Error', message: err.message });
    res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  }
});

// Exit cleanly on the signals capture.sh sends, dropping the hung sockets.
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => {
    for (const s of hanging) s.destroy();
    process.exit(0);
  });
}
