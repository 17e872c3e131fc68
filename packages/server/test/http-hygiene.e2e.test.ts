/**
 * What every HTTP answer carries for browsers, CORS by allow-list (none by
 * default), the WebSocket Origin check, no-store on answers with a token or a
 * signed link, and /metrics for the admin key or on its own address.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { ErrorCode } from '@parley/protocol';
import { ADMIN_KEY, fetchWithin, registerUser, startTestServer, withDeadline, type TestServer } from '@parley/testkit';

const APP = 'https://app.example';

/** Open a WebSocket to `url` sending `origin` (or none); resolves with the upgrade's status (101 when it opened). */
function upgradeStatus(url: string, origin?: string): Promise<number> {
  return withDeadline(
    new Promise((resolve, reject) => {
      const ws = new WebSocket(url, origin === undefined ? {} : { origin });
      ws.on('open', () => {
        ws.terminate();
        resolve(101);
      });
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
        ws.terminate();
      });
      ws.on('error', (err) => reject(err));
    }),
    `a WebSocket upgrade from ${origin ?? 'no origin'}`,
  );
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetchWithin(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('HTTP hygiene › defaults (no settings)', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.stop());

  test('every answer carries nosniff and no-referrer; no HSTS over plain HTTP; no CORS headers for any origin', async () => {
    for (const [path, status] of [['/healthz', 200], ['/nowhere', 404], ['/v1/conversations', 401]] as const) {
      const res = await fetchWithin(`${server.httpUrl}${path}`, { headers: { origin: APP } });
      assert.equal(res.status, status, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(res.headers.get('strict-transport-security'), null, path);
      assert.equal(res.headers.get('access-control-allow-origin'), null, path);
    }
  });

  test('a preflight from any origin is refused: no cross-origin access by default', async () => {
    const res = await fetchWithin(`${server.httpUrl}/v1/login`, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'POST' } });
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, ErrorCode.FORBIDDEN);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    // tus's own OPTIONS (no Access-Control-Request-Method) is not a preflight and still answers.
    const tus = await fetchWithin(`${server.httpUrl}/v1/uploads`, { method: 'OPTIONS' });
    assert.equal(tus.status, 204);
    assert.ok(tus.headers.get('tus-version'));
  });

  test('the same-origin web app and apps need no setting: WebSocket upgrades from any origin or none open', async () => {
    assert.equal(await upgradeStatus(server.wsUrl), 101);
    assert.equal(await upgradeStatus(server.wsUrl, server.httpUrl), 101);
    assert.equal(await upgradeStatus(server.wsUrl, 'https://elsewhere.example'), 101);
  });

  test('answers that carry a token or a signed link are not stored by caches; others are not marked', async () => {
    const registered = await post(`${server.httpUrl}/v1/register`, { userId: 'ann', password: 'correct horse battery' });
    assert.equal(registered.status, 201);
    assert.equal(registered.headers.get('cache-control'), 'no-store');
    const login = await post(`${server.httpUrl}/v1/login`, { userId: 'ann', password: 'correct horse battery' });
    assert.equal(login.status, 200);
    assert.equal(login.headers.get('cache-control'), 'no-store');
    const { token } = (await login.json()) as { token: string };
    const badLogin = await post(`${server.httpUrl}/v1/login`, { userId: 'ann', password: 'wrong' });
    assert.equal(badLogin.status, 401);
    const adminToken = await post(`${server.httpUrl}/v1/admin/tokens`, { userId: 'ann' }, { authorization: `Bearer ${ADMIN_KEY}` });
    assert.equal(adminToken.status, 200);
    assert.equal(adminToken.headers.get('cache-control'), 'no-store');

    const upload = await fetchWithin(`${server.httpUrl}/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', 'upload-length': '5', 'content-type': 'application/offset+octet-stream', 'upload-metadata': `filename ${Buffer.from('a.txt').toString('base64')}` },
      body: 'hello',
    });
    assert.equal(upload.status, 201, await upload.text());
    const state = (await (await fetchWithin(`${server.httpUrl}${upload.headers.get('location')}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { fileId: string };
    const link = await fetchWithin(`${server.httpUrl}/v1/files/${state.fileId}/link`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    assert.equal(link.status, 200);
    assert.equal(link.headers.get('cache-control'), 'no-store');

    assert.equal((await fetchWithin(`${server.httpUrl}/healthz`)).headers.get('cache-control'), null);
  });

  test('/metrics is for the admin key only', async () => {
    assert.equal((await fetchWithin(`${server.httpUrl}/metrics`)).status, 403);
    assert.equal((await fetchWithin(`${server.httpUrl}/metrics`, { headers: { authorization: 'Bearer not-the-admin-key' } })).status, 403);
    const res = await fetchWithin(`${server.httpUrl}/metrics`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /^parley_connections \d+$/m);
    assert.equal(server.metricsPort, undefined);
  });
});

describe('HTTP hygiene › corsOrigins, metricsListen and a trusted proxy', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer({ corsOrigins: [APP], metricsListen: '127.0.0.1:0', trustedProxies: ['127.0.0.1'] })));
  after(() => server.stop());

  test('an allowed origin may read answers (with the tus headers); another may not; caches keep them apart', async () => {
    const allowed = await fetchWithin(`${server.httpUrl}/v1/conversations`, { headers: { origin: APP } });
    assert.equal(allowed.status, 401);
    assert.equal(allowed.headers.get('access-control-allow-origin'), APP);
    assert.equal(allowed.headers.get('vary'), 'Origin');
    assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /\blocation\b.*\bupload-offset\b/);
    const other = await fetchWithin(`${server.httpUrl}/healthz`, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.status, 200);
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    assert.equal(other.headers.get('vary'), 'Origin');
  });

  test('preflights: the allowed origin gets the methods and headers, another origin 403', async () => {
    const ok = await fetchWithin(`${server.httpUrl}/v1/uploads`, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization, upload-offset, tus-resumable, content-type' },
    });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), APP);
    assert.equal(ok.headers.get('vary'), 'Origin');
    assert.match(ok.headers.get('access-control-allow-methods') ?? '', /\bPATCH\b/);
    for (const h of ['authorization', 'upload-offset', 'tus-resumable', 'content-type']) assert.match(ok.headers.get('access-control-allow-headers') ?? '', new RegExp(`\\b${h}\\b`));
    assert.ok(Number(ok.headers.get('access-control-max-age')) > 0);
    const refused = await fetchWithin(`${server.httpUrl}/v1/login`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
  });

  test('WebSocket upgrades: the allowed origin, the server\'s own and none open; another origin is refused 403', async () => {
    assert.equal(await upgradeStatus(server.wsUrl, APP), 101);
    assert.equal(await upgradeStatus(server.wsUrl, server.httpUrl), 101);
    assert.equal(await upgradeStatus(server.wsUrl), 101);
    assert.equal(await upgradeStatus(server.wsUrl, 'https://evil.example'), 403);
    assert.equal(await upgradeStatus(server.wsUrl, 'null'), 403);
  });

  test('metricsListen serves /metrics without a key on its own address, and nothing else', async () => {
    assert.ok(server.metricsPort !== undefined && server.metricsPort > 0);
    const base = `http://127.0.0.1:${server.metricsPort}`;
    const res = await fetchWithin(`${base}/metrics`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /^parley_connections \d+$/m);
    assert.equal((await fetchWithin(`${base}/v1/nodes`)).status, 404);
    assert.equal((await post(`${base}/v1/register`, { userId: 'x', password: 'correct horse battery' })).status, 404);
    // The main port still wants the key.
    assert.equal((await fetchWithin(`${server.httpUrl}/metrics`)).status, 403);
  });

  test('behind a trusted proxy that terminated TLS (X-Forwarded-Proto: https) answers carry HSTS', async () => {
    const viaTls = await fetchWithin(`${server.httpUrl}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(viaTls.headers.get('strict-transport-security'), 'max-age=31536000');
    const plain = await fetchWithin(`${server.httpUrl}/healthz`, { headers: { 'x-forwarded-proto': 'http' } });
    assert.equal(plain.headers.get('strict-transport-security'), null);
    await registerUser(server.httpUrl, 'proxied'); // the API works as ever
  });

  test('settings are checked: an origin with a path, a bad metricsListen', async () => {
    await assert.rejects(startTestServer({ corsOrigins: ['https://app.example/'] }), /corsOrigins/);
    await assert.rejects(startTestServer({ corsOrigins: ['app.example'] }), /corsOrigins/);
    await assert.rejects(startTestServer({ metricsListen: '9090' }), /metricsListen/);
  });
});
