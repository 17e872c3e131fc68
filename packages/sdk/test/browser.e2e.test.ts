/**
 * The SDK in a real browser: the SDK's browser build (dist/browser/parley-sdk.js,
 * built here first when missing or stale) is loaded by headless Chromium from a
 * page and chats over WebSocket with a Node SDK client through a real server.
 * Skipped when Chromium is not installed, unless PARLEY_REQUIRE_BROWSER=1 (CI
 * sets it), where a missing browser fails.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { registerUser, startTestServer, withDeadline } from '@parley/testkit';
import { ParleyClient, type Message } from '../src/index.ts';
import { ensureBrowserBuild } from '../scripts/build-browser.ts';
import { launchChromium, servePages, skipWithoutBrowser } from './browser.ts';

test('SDK in Chromium › a browser client and a Node client chat over WebSocket', { skip: skipWithoutBrowser }, async () => {
  const sdkJs = readFileSync(await ensureBrowserBuild(), 'utf8');
  assert.ok(!/from\s+["']node:/.test(sdkJs), 'the browser build has no static node: imports');
  const pages = await servePages({ '/sdk.js': sdkJs });
  const pageUrl = pages.url;

  const server = await startTestServer();
  const browser = await launchChromium();
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
    await page.waitForFunction(() => ((globalThis as Record<string, unknown>).seen as string[]).length === 2, undefined, { timeout: 60_000 });
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
