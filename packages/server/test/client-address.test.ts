/**
 * clientAddress(req): the client of a request or a WebSocket upgrade, through
 * the real HTTP guard (serveHttp / serveUpgrades) on a real socket, with and
 * without trusted proxies; and the parsing of the trustedProxies setting.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../src/config/config.ts';
import { clientAddress, clientUsedTls, normalizeAddress, parseTrustedProxies } from '../src/http/client-address.ts';
import { answerJson, serveHttp, serveUpgrades } from '../src/http/guard.ts';
import type { ProxyTrust } from '../src/http/client-address.ts';
import { createLogger } from '../src/logger.ts';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import WebSocket from 'ws';
import { tempDir, waitUntil, withDeadline } from '@parley/testkit';
import { startServer } from '../src/server.ts';

const log = createLogger('silent');

/** A server through the guard that answers each request, and each upgrade, with who it thinks the client is. */
async function echoServer(proxies?: ProxyTrust): Promise<{ port: number; close: () => void }> {
  const server = serveHttp(async (req, res) => answerJson(res, 200, { address: clientAddress(req), tls: clientUsedTls(req) }), log, proxies ? { proxies } : {});
  serveUpgrades(
    server,
    (req, socket) => {
      const body = JSON.stringify({ address: clientAddress(req) });
      socket.end(`HTTP/1.1 200 OK\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`);
    },
    log,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Ask `port` who we are, with `headers`; `upgrade` sends it as a WebSocket-style upgrade. */
function whoAmI(port: number, headers: Record<string, string | string[]>, upgrade = false): Promise<{ address: string; tls?: boolean }> {
  return withDeadline(
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', headers: upgrade ? { ...headers, connection: 'upgrade', upgrade: 'websocket' } : headers });
      const read = (stream: NodeJS.ReadableStream) => {
        let text = '';
        stream.on('data', (c: Buffer) => (text += c.toString()));
        stream.on('end', () => resolve(JSON.parse(text.slice(text.indexOf('{')))));
      };
      req.on('response', read);
      req.on('upgrade', (_res, socket) => read(socket)); // not reached: the echo answers 200, a response
      req.on('error', reject);
      req.end();
    }),
    'the echo answer',
  );
}

describe('clientAddress', () => {
  test('the trustedProxies setting: addresses and CIDRs of both families; a bad entry is a clear config error', () => {
    const trust = parseTrustedProxies(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1']);
    assert.ok(trust.trusts('10.200.3.4'));
    assert.ok(trust.trusts('192.168.1.7'));
    assert.ok(!trust.trusts('192.168.1.8'));
    assert.ok(trust.trusts('fd12::1'));
    assert.ok(trust.trusts('::1'));
    assert.ok(!trust.trusts('11.0.0.1'));
    assert.ok(!trust.trusts('not an address'));
    assert.equal(normalizeAddress('::ffff:10.1.2.3'), '10.1.2.3');
    assert.ok(parseTrustedProxies(['::ffff:10.0.0.1']).trusts('10.0.0.1'));
    for (const bad of ['10.0.0.0/33', 'fd00::/129', 'proxy.example', '10.0.0.0/', '']) {
      assert.throws(() => parseTrustedProxies([bad]), /trustedProxies/, bad);
      assert.throws(() => loadConfig({ overrides: { trustedProxies: [bad] } }), /config: trustedProxies/, bad);
    }
    assert.deepEqual(loadConfig({ env: { PARLEY_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1' } }).trustedProxies, ['10.0.0.0/8', '127.0.0.1']);
    assert.deepEqual(loadConfig({ flags: { 'trusted-proxies': '::1' } }).trustedProxies, ['::1']);
    assert.equal(loadConfig({ env: { PARLEY_PROXY_HEADER: 'forwarded' } }).proxyHeader, 'forwarded');
    assert.throws(() => loadConfig({ overrides: { proxyHeader: 'x-real-ip' as never } }), /proxyHeader/);
  });

  describe('with no trusted proxies (the default)', () => {
    let echo: Awaited<ReturnType<typeof echoServer>>;
    before(async () => (echo = await echoServer()));
    after(() => echo.close());

    test('the TCP peer is the client; X-Forwarded-* from anyone are ignored', async () => {
      assert.deepEqual(await whoAmI(echo.port, {}), { address: '127.0.0.1', tls: false });
      assert.deepEqual(await whoAmI(echo.port, { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' }), { address: '127.0.0.1', tls: false });
      assert.deepEqual(await whoAmI(echo.port, { 'x-forwarded-for': '203.0.113.9' }, true), { address: '127.0.0.1' });
    });
  });

  describe('behind a trusted proxy', () => {
    let echo: Awaited<ReturnType<typeof echoServer>>;
    // This test's own connections come from 127.0.0.1: it plays the proxy. 10.0.0.0/8 are further proxies.
    before(async () => (echo = await echoServer(parseTrustedProxies(['127.0.0.1', '10.0.0.0/8']))));
    after(() => echo.close());

    test('the client is the nearest untrusted hop of X-Forwarded-For, read from the right', async () => {
      const cases: [string | string[], string][] = [
        ['203.0.113.9', '203.0.113.9'],
        // A client may send any X-Forwarded-For it likes; the proxy appends the real one. The forged left part is never believed.
        ['6.6.6.6, 203.0.113.9', '203.0.113.9'],
        ['6.6.6.6, 203.0.113.9, 10.1.1.1, 10.2.2.2', '203.0.113.9'],
        // Repeated headers are one list.
        [['6.6.6.6', '203.0.113.9, 10.1.1.1'], '203.0.113.9'],
        // Ports and brackets, IPv6 lower-cased, IPv4-mapped IPv6 as IPv4.
        ['203.0.113.9:5555', '203.0.113.9'],
        ['[2001:DB8::1]:443', '2001:db8::1'],
        ['2001:db8::2', '2001:db8::2'],
        ['::ffff:198.51.100.4', '198.51.100.4'],
        // Garbage stops the walk at the last hop a trusted proxy vouched for.
        ['203.0.113.9, unknown', '127.0.0.1'],
        ['unknown, 10.3.3.3', '10.3.3.3'],
        // Only trusted proxies: the leftmost of them.
        ['10.4.4.4, 10.5.5.5', '10.4.4.4'],
        ['', '127.0.0.1'],
      ];
      for (const [header, want] of cases) {
        assert.equal((await whoAmI(echo.port, { 'x-forwarded-for': header })).address, want, JSON.stringify(header));
      }
      assert.equal((await whoAmI(echo.port, {})).address, '127.0.0.1');
    });

    test('X-Forwarded-Proto from a trusted proxy says whether the client used TLS', async () => {
      assert.equal((await whoAmI(echo.port, { 'x-forwarded-proto': 'https' })).tls, true);
      assert.equal((await whoAmI(echo.port, { 'x-forwarded-proto': 'https, http' })).tls, true);
      assert.equal((await whoAmI(echo.port, { 'x-forwarded-proto': 'http' })).tls, false);
      assert.equal((await whoAmI(echo.port, {})).tls, false);
    });

    test('a WebSocket upgrade gets the same answer', async () => {
      assert.deepEqual(await whoAmI(echo.port, { 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.1.1.1' }, true), { address: '203.0.113.9' });
    });

    test('RFC 7239 Forwarded is not read: the proxy here writes X-Forwarded-For, so Forwarded is what the client sent', async () => {
      assert.equal((await whoAmI(echo.port, { forwarded: 'for=6.6.6.6;proto=https' })).address, '127.0.0.1');
      assert.deepEqual(await whoAmI(echo.port, { forwarded: 'for=6.6.6.6', 'x-forwarded-for': '203.0.113.9' }), { address: '203.0.113.9', tls: false });
    });
  });

  describe('behind trusted proxies that write RFC 7239 Forwarded (proxyHeader forwarded)', () => {
    let echo: Awaited<ReturnType<typeof echoServer>>;
    before(async () => (echo = await echoServer(parseTrustedProxies(['127.0.0.1', '10.0.0.0/8'], 'forwarded'))));
    after(() => echo.close());

    test('the client is the nearest untrusted for= of Forwarded, read from the right; proto= of its element says TLS', async () => {
      const cases: [string | string[], string, boolean][] = [
        ['for=203.0.113.9', '203.0.113.9', false],
        ['for=203.0.113.9;proto=https', '203.0.113.9', true],
        // Parameter names in any case, quoted values, ports, IPv6 in brackets.
        ['For="203.0.113.9:4711";Proto=HTTPS;by=10.0.0.1', '203.0.113.9', true],
        ['for="[2001:DB8:cafe::17]:4711"', '2001:db8:cafe::17', false],
        // A forged element on the left is never believed; trusted hops are passed.
        ['for=6.6.6.6;proto=https, for=203.0.113.9;proto=http, for=10.1.1.1;proto=https', '203.0.113.9', false],
        [['for=6.6.6.6', 'for=203.0.113.9, for=10.1.1.1'], '203.0.113.9', false],
        // A separator inside quotes is not one.
        ['for="6.6.6.6,x";proto=https, for=203.0.113.9', '203.0.113.9', false],
        // "unknown" and obfuscated names stop the walk at the last hop a trusted proxy vouched for.
        ['for=203.0.113.9, for=unknown', '127.0.0.1', false],
        ['for=_hidden, for=10.3.3.3', '10.3.3.3', false],
        ['proto=https', '127.0.0.1', false],
        ['garbage', '127.0.0.1', false],
        ['', '127.0.0.1', false],
      ];
      for (const [header, address, tls] of cases) {
        assert.deepEqual(await whoAmI(echo.port, { forwarded: header }), { address, tls }, JSON.stringify(header));
      }
    });

    test('X-Forwarded-For and -Proto are not read then', async () => {
      assert.deepEqual(await whoAmI(echo.port, { 'x-forwarded-for': '6.6.6.6', 'x-forwarded-proto': 'https' }), { address: '127.0.0.1', tls: false });
      assert.deepEqual(await whoAmI(echo.port, { forwarded: 'for=203.0.113.9' }, true), { address: '203.0.113.9' });
    });
  });
});

describe('clientAddress › the server', () => {
  test('a WebSocket connection and a failed request through a trusted proxy are the forwarded client; without trust, and on TCP, the peer', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const dataDir = tempDir();
    const opened = () => lines.map((l) => JSON.parse(l) as { msg: string; transport: string; address: string }).filter((l) => l.msg === 'connection opened');
    const start = async (trustedProxies: string[]) =>
      startServer(loadConfig({ overrides: { httpPort: 0, tcpPort: 0, dataDir, logLevel: 'debug', sqliteSynchronous: 'normal', trustedProxies } }), pino({ level: 'debug' }, sink));
    const wsFrom = (url: string) => {
      const ws = new WebSocket(url, { headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' } });
      ws.on('error', () => {});
      return ws;
    };
    let server = await start(['127.0.0.1']);
    try {
      const ws = wsFrom(server.wsUrl);
      const tcp = connect(server.tcpPort, '127.0.0.1');
      tcp.on('error', () => {});
      await waitUntil(() => opened().length === 2, 10_000, () => `two connections in the log: ${JSON.stringify(opened())}`);
      assert.deepEqual(opened().map((l) => [l.transport, l.address]).sort(), [['tcp', '127.0.0.1'], ['ws', '203.0.113.9']]);
      // A failed request is logged with its client too.
      assert.equal((await fetch(`${server.httpUrl}/nowhere`, { headers: { 'x-forwarded-for': '198.51.100.7' }, signal: AbortSignal.timeout(10_000) })).status, 404);
      const failed = () => lines.map((l) => JSON.parse(l) as { msg: string; client?: string }).find((l) => l.msg === 'http request failed');
      await waitUntil(() => failed() !== undefined, 10_000, 'the failed request in the log');
      assert.equal(failed()!.client, '198.51.100.7');
      ws.terminate();
      tcp.destroy();
    } finally {
      await server.close();
    }
    lines.length = 0;
    server = await start([]);
    try {
      const ws = wsFrom(server.wsUrl);
      await waitUntil(() => opened().length === 1, 10_000, 'the connection in the log');
      assert.equal(opened()[0]!.address, '127.0.0.1', 'X-Forwarded-For from an untrusted peer is ignored');
      ws.terminate();
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
