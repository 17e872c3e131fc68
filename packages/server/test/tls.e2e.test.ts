/**
 * TLS on both listeners, from PEM files made at test time by a throwaway CA:
 * the SDK over wss:// and tls://, fetch (undici) and tus-js-client over
 * https://, HSTS, and the certificate replaced on disk while the server runs
 * (new connections get the new one, open ones keep working, a bad pair is
 * refused and the old one kept).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { after, before, describe, test } from 'node:test';
import * as tus from 'tus-js-client';
import { Agent, fetch as undiciFetch } from 'undici';
import { ParleyClient, type Message } from '@parley/sdk';
import { ADMIN_KEY, createTestCa, startTestServer, tempDir, waitUntil, withDeadline, type TestCa, type TestCertificate, type TestServer } from '@parley/testkit';
import { loadConfig } from '../src/config/config.ts';
import { startServer } from '../src/server.ts';
import { createLogger } from '../src/logger.ts';

const WAIT = 20_000;

/** The SHA-256 fingerprint of the certificate a new TLS connection to `port` is given (trusting `ca`). */
function servedFingerprint(port: number, ca: string): Promise<string> {
  return withDeadline(
    new Promise((resolve, reject) => {
      const socket = tlsConnect({ host: '127.0.0.1', port, ca }, () => {
        const fingerprint = socket.getPeerCertificate().fingerprint256;
        socket.destroy();
        resolve(fingerprint);
      });
      socket.on('error', reject);
    }),
    `a TLS handshake with port ${port}`,
  );
}

/** Replace a file the way a renewal does: write beside it, rename over it. */
function replaceFile(from: string, to: string): void {
  copyFileSync(from, `${to}.new`);
  renameSync(`${to}.new`, to);
}

describe('TLS', () => {
  let dir: string;
  let ca: TestCa;
  let first: TestCertificate;
  let second: TestCertificate;
  /** Where the server reads its pair: copies, replaced during the test. */
  let certFile: string;
  let keyFile: string;
  let server: TestServer;
  let https: (path: string, init?: Parameters<typeof undiciFetch>[1]) => ReturnType<typeof undiciFetch>;
  let agent: Agent;

  before(async () => {
    dir = tempDir('parley-tls-');
    ca = createTestCa(dir);
    first = ca.issue('first');
    second = ca.issue('second');
    mkdirSync(join(dir, 'live'));
    certFile = join(dir, 'live', 'server.crt');
    keyFile = join(dir, 'live', 'server.key');
    copyFileSync(first.certFile, certFile);
    copyFileSync(first.keyFile, keyFile);
    server = await startTestServer({ tlsCert: certFile, tlsKey: keyFile, tlsReloadMs: 100 });
    agent = new Agent({ connect: { ca: ca.cert } });
    https = (path, init = {}) => undiciFetch(`${server.httpUrl}${path}`, { ...init, dispatcher: agent, signal: AbortSignal.timeout(WAIT) });
  });
  after(async () => {
    await server?.stop();
    await agent?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const register = async (userId: string): Promise<string> => {
    const res = await https('/v1/register', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, password: 'correct horse battery' }) });
    const body = (await res.json()) as { token: string };
    assert.equal(res.status, 201, JSON.stringify(body));
    return body.token;
  };

  const client = (url: string, token: string, deviceId: string) =>
    new ParleyClient({
      url,
      token,
      deviceId,
      tls: { ca: ca.cert },
      fetch: ((input: string, init?: RequestInit) => undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch,
    });

  test('the listeners announce https://, wss:// and tls://; HTTPS answers carry HSTS; plain HTTP on the port gets no answer', async () => {
    assert.match(server.httpUrl, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.match(server.wsUrl, /^wss:\/\/127\.0\.0\.1:\d+\/ws$/);
    assert.match(server.tcpUrl, /^tls:\/\/127\.0\.0\.1:\d+$/);
    const res = await https('/healthz');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('strict-transport-security'), 'max-age=31536000');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const nodes = (await (await https('/v1/nodes')).json()) as { nodes: { httpUrl: string; wsUrl: string; tcpUrl: string }[] };
    assert.match(nodes.nodes[0]!.wsUrl, /^wss:\/\//);
    assert.match(nodes.nodes[0]!.tcpUrl, /^tls:\/\//);
    assert.match(nodes.nodes[0]!.httpUrl, /^https:\/\//);
    // Plain HTTP to the TLS port: the handshake fails, the connection ends; nothing is served in clear.
    await assert.rejects(fetch(server.httpUrl.replace('https:', 'http:') + '/healthz', { signal: AbortSignal.timeout(WAIT) }));
    // A client that does not trust the CA is refused by its own TLS check.
    await assert.rejects(undiciFetch(`${server.httpUrl}/healthz`, { signal: AbortSignal.timeout(WAIT) }), (err: Error) => /certificate/i.test(String((err.cause as Error)?.message ?? err.message)));
  });

  test('the SDK over wss:// and over tls:// (TCP inside TLS): a message each way, and an upload and download over https', async () => {
    const annToken = await register('ann');
    const benToken = await register('ben');
    const ann = client(server.wsUrl, annToken, 'ann-ws');
    const ben = client(server.tcpUrl, benToken, 'ben-tls');
    try {
      const got: Message[] = [];
      ben.on('message', (m) => got.push(m));
      ann.on('message', (m) => got.push(m));
      await withDeadline(Promise.all([ann.connect(), ben.connect()]), 'both clients to connect over TLS', WAIT);
      await ann.sendText('ben', 'over wss');
      await ben.sendText('ann', 'over tls');
      await waitUntil(() => got.some((m) => m.text === 'over wss') && got.some((m) => m.text === 'over tls'), WAIT, 'both messages');
      const bytes = randomBytes(300_000);
      const file = await withDeadline(ann.upload(bytes, { name: 'photo.bin', mime: 'application/octet-stream' }), 'an SDK upload over https', WAIT);
      const back = await withDeadline(ann.download(file.fileId), 'an SDK download over https', WAIT);
      assert.ok(Buffer.from(back.bytes).equals(bytes));
    } finally {
      await ann.close();
      await ben.close();
    }
  });

  test('tus-js-client uploads over https trusting the test CA', async () => {
    const token = await register('tusser');
    const data = randomBytes(2 * 1024 * 1024 + 5);
    const url = await withDeadline(
      new Promise<string>((resolve, reject) => {
        const upload = new tus.Upload(data, {
          endpoint: `${server.httpUrl}/v1/uploads`,
          headers: { authorization: `Bearer ${token}` },
          metadata: { filename: 'tus.bin', filetype: 'application/octet-stream' },
          chunkSize: 1024 * 1024,
          storeFingerprintForResuming: false,
          retryDelays: [0, 100, 400],
          httpStack: new tus.DefaultHttpStack({ ca: ca.cert }),
          onError: reject,
          onSuccess: () => resolve(upload.url!),
        });
        upload.start();
      }),
      'tus-js-client to upload over https',
      WAIT,
    );
    assert.match(url, /^https:\/\//);
    const upload = (await (await https(new URL(url).pathname, { headers: { authorization: `Bearer ${token}` } })).json()) as { fileId: string };
    const file = await https(`/v1/files/${upload.fileId}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(file.status, 200);
    assert.ok(Buffer.from(await file.arrayBuffer()).equals(data));
  });

  test('a renewed certificate is served to new connections on both listeners without a restart; open connections keep working; a bad pair is refused and the old one kept', async () => {
    assert.equal(await servedFingerprint(server.httpPort, ca.cert), first.fingerprint256);
    assert.equal(await servedFingerprint(server.tcpPort, ca.cert), first.fingerprint256);
    const carolToken = await register('carol');
    const daveToken = await register('dave');
    const carol = client(server.wsUrl, carolToken, 'carol-ws');
    const dave = client(server.tcpUrl, daveToken, 'dave-tls');
    try {
      const got: Message[] = [];
      carol.on('message', (m) => got.push(m));
      dave.on('message', (m) => got.push(m));
      await withDeadline(Promise.all([carol.connect(), dave.connect()]), 'clients on the first certificate to connect', WAIT);
      const connectionsBefore = server.gateway.stats.connectionsOpened;

      // The renewal: key first, then certificate (between the two, the files do not match: refused, old kept).
      replaceFile(second.keyFile, keyFile);
      replaceFile(second.certFile, certFile);
      await waitUntil(async () => (await servedFingerprint(server.httpPort, ca.cert)) === second.fingerprint256, WAIT, 'the HTTPS listener to serve the second certificate');
      await waitUntil(async () => (await servedFingerprint(server.tcpPort, ca.cert)) === second.fingerprint256, WAIT, 'the TLS TCP listener to serve the second certificate');

      // The connections made on the first certificate are the same ones, and still carry messages both ways.
      await carol.sendText('dave', 'after the renewal');
      await dave.sendText('carol', 'still here');
      await waitUntil(() => got.some((m) => m.text === 'after the renewal') && got.some((m) => m.text === 'still here'), WAIT, 'messages on the old connections');
      assert.equal(server.gateway.stats.connectionsOpened, connectionsBefore, 'no client had to reconnect');
      assert.equal(carol.state, 'online');
      assert.equal(dave.state, 'online');

      // A pair that does not match (the first certificate with the second key) is refused; the second pair stays.
      const metric = async (name: string) => {
        const text = await (await https('/metrics', { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).text();
        return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
      };
      const failures = await metric('parley_tls_reload_failures_total');
      replaceFile(first.certFile, certFile);
      await waitUntil(async () => (await metric('parley_tls_reload_failures_total')) > failures, WAIT, 'the mismatched pair to be refused');
      assert.equal(await servedFingerprint(server.httpPort, ca.cert), second.fingerprint256);
      assert.equal(await servedFingerprint(server.tcpPort, ca.cert), second.fingerprint256);
      // And a new SDK client still connects (on the second certificate).
      const eve = client(server.tcpUrl, await register('eve'), 'eve-tls');
      try {
        await withDeadline(eve.connect(), 'a new client to connect after the refused pair', WAIT);
      } finally {
        await eve.close();
      }
      replaceFile(second.certFile, certFile); // leave a good pair for later tests
    } finally {
      await carol.close();
      await dave.close();
    }
  });
});

describe('TLS settings', () => {
  test('a connection that never finishes its TLS handshake is cut after tlsHandshakeTimeoutMs, on both listeners', async () => {
    const dir = tempDir('parley-tls-stall-');
    const ca = createTestCa(dir);
    const cert = ca.issue('stall');
    const server = await startTestServer({ tlsCert: cert.certFile, tlsKey: cert.keyFile, tlsHandshakeTimeoutMs: 500 });
    try {
      for (const port of [server.httpPort, server.tcpPort]) {
        const socket = netConnect(port, '127.0.0.1');
        let closed = false;
        socket.on('error', () => {});
        socket.on('close', () => (closed = true));
        // Connected, and then silent: no ClientHello ever comes.
        await waitUntil(() => closed, WAIT, `the server to cut a silent connection to port ${port}`);
      }
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('tlsCert and tlsKey go together; flags, env and a missing or mismatched file fail the start with a clear message', async () => {
    assert.throws(() => loadConfig({ overrides: { tlsCert: '/x.crt' } }), /tlsCert and tlsKey are set together/);
    assert.throws(() => loadConfig({ overrides: { tlsKey: '/x.key' } }), /tlsCert and tlsKey are set together/);
    const fromFlags = loadConfig({ flags: { 'tls-cert': '/a.crt', 'tls-key': '/a.key' } });
    assert.deepEqual([fromFlags.tlsCert, fromFlags.tlsKey], ['/a.crt', '/a.key']);
    const fromEnv = loadConfig({ env: { PARLEY_TLS_CERT: '/b.crt', PARLEY_TLS_KEY: '/b.key' } });
    assert.deepEqual([fromEnv.tlsCert, fromEnv.tlsKey], ['/b.crt', '/b.key']);

    const dir = tempDir('parley-tls-bad-');
    try {
      const ca = createTestCa(dir);
      const one = ca.issue('one');
      const two = ca.issue('two');
      const start = (tlsCert: string, tlsKey: string) =>
        startServer(loadConfig({ overrides: { httpPort: 0, tcpPort: 0, dataDir: join(dir, 'data'), logLevel: 'silent', tlsCert, tlsKey } }), createLogger('silent'));
      await assert.rejects(start(join(dir, 'missing.crt'), one.keyFile), /cannot read the TLS certificate or key/);
      await assert.rejects(start(one.certFile, two.keyFile), /do not make a pair/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
