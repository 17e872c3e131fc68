/**
 * The SDK in a real browser: the SDK is bundled for the browser with esbuild,
 * loaded by headless Chromium from a page, and chats over WebSocket with a Node
 * SDK client through a real server. Skipped when Chromium is not installed,
 * unless PARLEY_REQUIRE_BROWSER=1 (CI sets it), where a missing browser fails.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { registerUser, startTestServer, withDeadline } from '@parley/testkit';
import { ParleyClient, type Message } from '../src/index.ts';

const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.PARLEY_REQUIRE_BROWSER === '1';
const here = dirname(fileURLToPath(import.meta.url));

test('SDK in Chromium › a browser client and a Node client chat over WebSocket', { skip: !required && !existsSync(CHROMIUM) && `no browser at ${CHROMIUM}` }, async () => {
  const bundle = await build({
    entryPoints: [join(here, '../src/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    external: ['ws', 'node:net'],
  });
  const sdkJs = bundle.outputFiles[0]!.text;
  assert.ok(!/from\s+["']node:/.test(sdkJs), 'the browser bundle has no static node: imports');
  const pages: Server = createServer((req, res) => {
    if (req.url === '/sdk.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(sdkJs);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>parley</title>');
    }
  });
  await withDeadline(new Promise<void>((r) => pages.listen(0, '127.0.0.1', r)), 'the page server to listen');
  const pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;

  const server = await startTestServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run'],
  });
  const nodeClient = new ParleyClient({ url: server.tcpUrl, token: await registerUser(server.httpUrl, 'node-user'), deviceId: 'node' });
  try {
    const browserToken = await registerUser(server.httpUrl, 'web-user');
    const page = await browser.newPage();
    await page.goto(pageUrl);
    const got: Message[] = [];
    nodeClient.on('message', (m) => got.push(m));
    await withDeadline(nodeClient.connect(), 'the Node client to connect');

    const ack = await withDeadline(
      page.evaluate(
        async ({ url, token }) => {
          const { ParleyClient } = await import('/sdk.js' as string);
          const client = new ParleyClient({ url, token, deviceId: 'chromium', platform: 'web' });
          const seen: string[] = [];
          client.on('message', (m: { seq: number; text: string }) => seen.push(`${m.seq}:${m.text}`));
          (globalThis as Record<string, unknown>).seen = seen;
          await client.connect();
          const a = await client.send({ to: 'node-user', text: 'hello from the browser' });
          return { seq: a.seq, state: client.state };
        },
        { url: server.wsUrl, token: browserToken },
      ),
      'the browser client to connect and send',
    );
    assert.deepEqual(ack, { seq: 1, state: 'online' });
    await withDeadline(nodeClient.send({ to: 'web-user', text: 'hello from node' }), 'the ack of the send from Node');
    await page.waitForFunction(() => ((globalThis as Record<string, unknown>).seen as string[]).length === 2, undefined, { timeout: 5000 });
    const seen = await page.evaluate(() => (globalThis as Record<string, unknown>).seen);
    assert.deepEqual(seen, ['1:hello from the browser', '2:hello from node']);
    for (let i = 0; i < 100 && got.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(got.map((m) => `${m.seq}:${m.text}:${m.senderDevice}`), ['1:hello from the browser:chromium', '2:hello from node:node']);
  } finally {
    await nodeClient.close();
    await browser.close();
    await server.stop();
    pages.close();
  }
});
