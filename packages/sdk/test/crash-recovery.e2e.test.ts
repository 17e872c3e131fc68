/**
 * The contract across a server crash, as an app sees it: an SDK sender streams
 * messages, the server is killed with SIGKILL mid-stream and restarted on the
 * same data and ports. Every send() must resolve (the outbox resends with the
 * same clientMsgId), acks given before the crash must not change, and the
 * receiving device must end with every message exactly once, in order.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { freePort, registerUser, spawnServer, tempDir, waitUntil } from '@parley/testkit';
import { ParleyClient, type Message, type SendAck } from '../src/index.ts';

const COUNT = 400;


test('Crash recovery › SIGKILL mid-stream: every send resolves once, acks stand, the receiver gets 1..N exactly once', async (t) => {
  const dataDir = tempDir('parley-sdk-crash-');
  const ports = { http: await freePort(), tcp: await freePort() };
  let server = await spawnServer(dataDir, [], ports);
  const senderToken = await registerUser(server.httpUrl, 'sender');
  const readerToken = await registerUser(server.httpUrl, 'reader');
  const options = { backoff: { baseMs: 20, maxMs: 200 }, ackTimeoutMs: 1000, reorderWindowMs: 100 };
  const sender = new ParleyClient({ url: server.tcpUrl, token: senderToken, deviceId: 'phone', ...options });
  const reader = new ParleyClient({ url: server.wsUrl, token: readerToken, deviceId: 'laptop', ...options });
  sender.on('error', () => {});
  reader.on('error', () => {});
  const got: Message[] = [];
  reader.on('message', (m) => got.push(m));
  try {
    await Promise.all([sender.connect(), reader.connect()]);
    const ackedBeforeKill = new Map<string, SendAck>();
    let killed = false;
    const sends: Promise<SendAck>[] = [];
    for (let i = 0; i < COUNT; i++) {
      const p = sender.send({ to: 'reader', text: `m${i}`, clientMsgId: `m${i}` });
      p.then((ack) => !killed && ackedBeforeKill.set(ack.clientMsgId, ack), () => {});
      sends.push(p);
      if (i === COUNT / 4) {
        // Kill while sends are in flight: some committed and acked, some committed but
        // not yet acked, some not yet committed.
        await new Promise((r) => setTimeout(r, Math.random() * 6));
        killed = true;
        server.process.kill('SIGKILL');
        await server.waitForExit();
        server = await spawnServer(dataDir, [], ports);
      } else if (i % 10 === 9) {
        await new Promise((r) => setTimeout(r, 2));
      }
    }
    const acks = await Promise.all(sends);
    t.diagnostic(`${ackedBeforeKill.size} of ${COUNT} acked before the kill`);
    for (const ack of acks) {
      const before = ackedBeforeKill.get(ack.clientMsgId);
      if (before) assert.deepEqual([ack.seq, ack.messageId], [before.seq, before.messageId], `${ack.clientMsgId} kept its ack`);
    }
    assert.deepEqual(acks.map((a) => a.seq).sort((a, b) => a - b), Array.from({ length: COUNT }, (_, i) => i + 1));
    await waitUntil(() => got.length >= COUNT, 20_000, 'the reader to catch up');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(got.map((m) => m.seq), Array.from({ length: COUNT }, (_, i) => i + 1), 'exactly once, in order');
    assert.deepEqual(new Set(got.map((m) => m.text)), new Set(Array.from({ length: COUNT }, (_, i) => `m${i}`)));
  } finally {
    await sender.close();
    await reader.close();
    server.process.kill('SIGKILL');
    await server.waitForExit();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
