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
import { ParleyClient, type IncomingVoice, type Message } from '../src/index.ts';
import { ensureBrowserBuild } from '../scripts/build-browser.ts';
import { launchChromium, servePages, skipWithoutBrowser } from './browser.ts';

test('SDK in Chromium › a browser client and a Node client chat over WebSocket, and stream voice to each other', { skip: skipWithoutBrowser }, async () => {
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
          (globalThis as Record<string, unknown>).client = client;
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

    // Voice streamed while recorded, both ways: the browser records and Node plays, then Node records and the browser plays.
    const dm = 'd:node-user:web-user';
    const incoming = new Promise<IncomingVoice>((resolve) => {
      const off = nodeClient.on('voice', (stream) => (off(), resolve(stream)));
    });
    const recorded = page.evaluate(async (conversationId) => {
      const client = (globalThis as Record<string, any>).client;
      const recorder = client.recordVoice(conversationId, { mime: 'audio/webm; codecs=opus' });
      for (let i = 1; i <= 5; i++) recorder.push(new Uint8Array(300 + i).fill(i));
      const m = await recorder.stop({ durationMs: 1250 });
      return { seq: m.seq, size: m.file.size, durationMs: m.file.durationMs };
    }, dm);
    const stream = await withDeadline(incoming, 'Node to hear of the browser’s recording');
    const heard: string[] = [];
    for await (const chunk of stream) heard.push(`${chunk.index}:${chunk.data[0]}x${chunk.data.length}`);
    const fromBrowser = await withDeadline(recorded, 'the browser’s recording to be sent');
    assert.deepEqual(heard, ['0:1x301', '1:2x302', '2:3x303', '3:4x304', '4:5x305']);
    assert.deepEqual(fromBrowser, { seq: (await withDeadline(stream.done, 'the stream to complete')).seq, size: 1515, durationMs: 1250 });
    await page.evaluate(() => {
      const g = globalThis as Record<string, any>;
      g.heard = [];
      g.client.on('voice', async (s: AsyncIterable<{ index: number; data: Uint8Array }> & { done: Promise<{ seq: number }> }) => {
        for await (const c of s) g.heard.push(`${c.index}:${c.data[0]}`);
        g.voiceSeq = (await s.done).seq;
      });
    });
    const recorder = nodeClient.recordVoice(dm);
    for (let i = 7; i <= 9; i++) recorder.push(new Uint8Array(200).fill(i));
    const fromNode = await withDeadline(recorder.stop({ durationMs: 750 }), 'Node’s recording to be sent');
    await page.waitForFunction((seq) => (globalThis as Record<string, any>).voiceSeq === seq, fromNode.seq, { timeout: 15_000 });
    assert.deepEqual(await page.evaluate(() => (globalThis as Record<string, any>).heard), ['0:7', '1:8', '2:9']);
  } finally {
    await nodeClient.close();
    await browser.close();
    await server.stop();
    pages.close();
  }
});
