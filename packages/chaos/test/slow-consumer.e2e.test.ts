/**
 * A device that stops reading must cost the server bounded memory and the
 * device nothing: past `maxUnackedPushes` the server drops what it holds for
 * the connection and sends Notice RESYNC; past `maxBufferedBytes` waiting
 * unsent it closes the connection (4005 SLOW_CONSUMER). Either way, once the
 * device reads again (reconnecting if it was cut off) and syncs, it has every
 * message exactly once, in order (PROTOCOL.md §6, §8).
 *
 * The device is an SDK client behind a fault proxy whose stall stops reading
 * both ends, so to the server the device has stopped reading and the kernel
 * buffers fill. The server runs as a child process with small limits, so a
 * server failure shows as an exit rather than taking the test process down.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { directConversationId, NoticeCode } from '@parley/protocol';
import { ParleyClient, type Message } from '@parley/sdk';
import { registerUser, spawnServer, startFaultProxy, tempDir, waitUntil, withDeadline, type ChildServer } from '@parley/testkit';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setUp(limits: string[]) {
  const dataDir = tempDir('parley-slow-');
  const server = await spawnServer(dataDir, ['--retransmit-ms', '300', ...limits]);
  const tcpPort = Number(new URL(server.tcpUrl.replace('tcp://', 'http://')).port);
  const proxy = await startFaultProxy(tcpPort);
  const tokens = { ann: await registerUser(server.httpUrl, 'ann'), bob: await registerUser(server.httpUrl, 'bob') };
  const ann = new ParleyClient({ url: server.tcpUrl, token: tokens.ann, deviceId: 'ann-app', ackTimeoutMs: 5000 });
  const bob = new ParleyClient({ url: `tcp://127.0.0.1:${proxy.port}`, token: tokens.bob, deviceId: 'bob-app', backoff: { baseMs: 20, maxMs: 300 }, reorderWindowMs: 100 });
  const got: Message[] = [];
  const notices: string[] = [];
  let onlineCount = 0;
  bob.on('message', (m) => got.push(m));
  bob.on('notice', (n) => notices.push(n.code));
  bob.on('state', (s) => s === 'online' && onlineCount++);
  bob.on('error', () => {});
  ann.on('error', () => {});
  await withDeadline(Promise.all([ann.connect(), bob.connect()]), 'ann and bob to connect');
  const tearDown = async () => {
    await Promise.all([ann.close(), bob.close()]);
    await proxy.close();
    server.process.kill('SIGKILL');
    await server.waitForExit();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { server, proxy, ann, bob, got, notices, online: () => onlineCount, tearDown };
}

/** Every message of ann → bob exactly once, seqs 1..n in order, each the text that was sent at that seq. */
function assertExactlyOnceInOrder(got: Message[], sent: Map<number, string>): void {
  const conv = directConversationId('ann', 'bob');
  const mine = got.filter((m) => m.conversationId === conv);
  assert.deepEqual(
    mine.map((m) => m.seq),
    [...sent.keys()].sort((a, b) => a - b),
    'seqs 1..n, each once, in order',
  );
  for (const m of mine) assert.equal(m.text, sent.get(m.seq), `the text at seq ${m.seq}`);
}

const alive = (server: ChildServer) => server.process.exitCode === null && server.process.signalCode === null;

test('Slow consumer › past maxUnackedPushes a device that stops reading gets Notice RESYNC, then has every message once, in order', async () => {
  const s = await setUp(['--max-unacked-pushes', '32']);
  try {
    s.proxy.setStalled(true);
    const sent = new Map<number, string>();
    await withDeadline(
      Promise.all(
        Array.from({ length: 150 }, async (_, i) => {
          const ack = await s.ann.send({ to: 'bob', text: `m${i}` });
          sent.set(ack.seq, `m${i}`);
        }),
      ),
      () => `the acks of 150 sends (${sent.size} so far)`,
      30_000,
    );
    await sleep(300);
    s.proxy.setStalled(false);
    await waitUntil(() => s.got.length >= 150, 20_000, 'bob to have all 150 messages');
    await sleep(500); // a duplicate would show up now
    assert.ok(s.notices.includes(NoticeCode.RESYNC), `bob was told to RESYNC (notices: ${s.notices.join(', ') || 'none'})`);
    assertExactlyOnceInOrder(s.got, sent);
    assert.ok(alive(s.server), 'the server is still running');
  } finally {
    await s.tearDown();
  }
});

test(
  'Slow consumer › past maxBufferedBytes a device that stops reading is cut off, the server keeps running, and the device then has every message once, in order',
  // Found by this test: the server died of a stack overflow (Session.fail wrote its
  // Error frame through writeBytes, still over the limit, which called fail again).
  async () => {
    const s = await setUp(['--max-buffered-bytes', '65536']);
    try {
      s.proxy.setStalled(true);
      const onlineBefore = s.online();
      const sent = new Map<number, string>();
      const body = 'x'.repeat(12 * 1024);
      // About 9 MiB: more than the kernel's socket buffers between the server and
      // the stalled proxy hold, so the rest waits in the server, over the limit.
      for (let batch = 0; batch < 40 && alive(s.server); batch++) {
        const sends = Promise.all(
          Array.from({ length: 20 }, async (_, i) => {
            const text = `${batch}.${i}.${body}`;
            const ack = await s.ann.send({ to: 'bob', text });
            sent.set(ack.seq, text);
          }),
        );
        // Sends to a server that died would wait forever.
        await withDeadline(Promise.race([sends, s.server.exited]), () => `the acks of batch ${batch} (${sent.size} sends acked so far)`);
      }
      assert.ok(alive(s.server), `the server is still running (it exited: ${s.server.stderr().slice(-600)})`);
      await sleep(300);
      s.proxy.setStalled(false);
      await waitUntil(() => s.got.length >= sent.size, 30_000, `bob to have all ${sent.size} messages`);
      await sleep(500);
      assert.ok(s.online() > onlineBefore, 'bob was cut off and came back online (reconnected and synced)');
      assertExactlyOnceInOrder(s.got, sent);
      assert.ok(alive(s.server), 'the server is still running');
    } finally {
      await s.tearDown();
    }
  },
);
