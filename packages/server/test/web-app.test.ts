/**
 * The web app at `/` (http/web-app.ts), against a real server on port 0 with an
 * app directory of its own: the page with no-cache and a strict CSP, hashed
 * assets cached for good and sent gzipped when asked, and nothing outside the
 * app's directory readable whatever the path (dot segments, encoded slashes,
 * a symlink out); without a built app, `/` is the API's NOT_FOUND.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { startTestServer, tempDir, withDeadline } from '@parley/testkit';

function get(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(base);
  return withDeadline(
    new Promise((resolve, reject) => {
      // node:http sends the path as given: dot segments and encodings reach the server untouched.
      const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    }),
    `${method} ${path}`,
  );
}

test('web app: page, assets, CSP, caching, gzip, and nothing outside the app directory', async () => {
  const root = tempDir('parley-webapp-');
  const dir = join(root, 'dist');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'sw.js'), 'self.x = 1;');
  writeFileSync(join(dir, 'assets', 'main-ABC123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'main-ABC123.js.gz'), gzipSync('console.log(1)'));
  writeFileSync(join(root, 'secret.txt'), 'top secret');
  symlinkSync(join(root, 'secret.txt'), join(dir, 'assets', 'link.js'));
  const server = await startTestServer({ webAppDir: dir });
  try {
    const page = await get(server.httpUrl, '/');
    assert.equal(page.status, 200);
    assert.equal(page.body.toString(), '<!doctype html><title>app</title>');
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.match(String(page.headers['content-type']), /^text\/html/);
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self';/);
    assert.match(csp, new RegExp(`connect-src 'self' ws://${new URL(server.httpUrl).host} wss://`));
    assert.equal(page.headers['x-content-type-options'], 'nosniff');

    const sw = await get(server.httpUrl, '/sw.js');
    assert.equal(sw.status, 200);
    assert.equal(sw.headers['cache-control'], 'no-cache');

    const plain = await get(server.httpUrl, '/assets/main-ABC123.js');
    assert.equal(plain.body.toString(), 'console.log(1)');
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(plain.headers['content-encoding'], undefined);
    const zipped = await get(server.httpUrl, '/assets/main-ABC123.js', { 'accept-encoding': 'gzip, br' });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.deepEqual(zipped.body, gzipSync('console.log(1)'));
    const head = await get(server.httpUrl, '/assets/main-ABC123.js', {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);

    for (const path of ['/assets/../../secret.txt', '/assets/..%2F..%2Fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/assets/link.js', '/assets/', '/assets/missing.js', '/../secret.txt', '/assets/.%2F..%2Findex.html']) {
      const res = await get(server.httpUrl, path);
      assert.equal(res.status, 404, `${path} is not served`);
      assert.ok(!res.body.toString().includes('top secret'), `${path} leaks nothing`);
    }
    // The API is untouched, and other methods at / are not the app's.
    assert.equal((await get(server.httpUrl, '/healthz')).status, 200);
    assert.equal((await get(server.httpUrl, '/', {}, 'POST')).status, 404);
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test('web app: without a built app, / answers NOT_FOUND and the server runs', async () => {
  const server = await startTestServer({ webAppDir: join(tempDir('parley-webapp-none-'), 'dist') });
  try {
    const res = await get(server.httpUrl, '/');
    assert.equal(res.status, 404);
    assert.match(res.body.toString(), /NOT_FOUND/);
  } finally {
    await server.stop();
  }
});
