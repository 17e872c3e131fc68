/**
 * Crash safety: the server runs as a child process and is killed with SIGKILL in
 * the middle of a stream of sends, then restarted on the same data. Every acked
 * message must survive, resends must dedup to the original ack, and the stored
 * conversation must be seqs 1..N with no gap and no clientMsgId twice.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';

import { directConversationId, ErrorCode, MessageType, type parley } from '@parley/protocol';
import { openAuthed, openRaw, registerUser, spawnServer, tempDir, type RawClient } from '@parley/testkit';

const conv = directConversationId('sender', 'reader');

async function pullAll(client: RawClient): Promise<parley.IMessage[]> {
  const all: parley.IMessage[] = [];
  let from = 1;
  for (;;) {
    const r = await client.request({ pull: { conversationId: conv, fromSeq: from, limit: 500 } });
    assert.equal(r.body, 'pullResult', r.error?.message ?? '');
    const page = r.pullResult!;
    assert.equal(page.holes?.length ?? 0, 0, 'the embedded store never leaves holes');
    all.push(...(page.messages ?? []));
    if (page.toSeq! >= page.maxSeq!) return all;
    from = page.toSeq! + 1;
  }
}

for (const round of [1, 2, 3]) {
  test(`Crash › kill -9 mid-stream loses no acked message and duplicates nothing (round ${round})`, async (t) => {
    const dataDir = tempDir('parley-crash-');
    try {
      let server = await spawnServer(dataDir);
      const senderToken = await registerUser(server.httpUrl, 'sender');
      const readerToken = await registerUser(server.httpUrl, 'reader');
      const sender = await openAuthed(server.tcpUrl, senderToken, 'phone');

      // Stream sends with up to 32 in flight until the connection dies under us.
      const acked = new Map<string, { seq: number; messageId: string }>();
      const attempted: string[] = [];
      let next = 0;
      const pump = async () => {
        while (!sender.isClosed()) {
          const id = `r${round}-m${next++}`;
          attempted.push(id);
          const reply = await sender
            .request({ send: { to: 'reader', clientMsgId: id, type: MessageType.TEXT, body: new TextEncoder().encode(id) } }, 10_000)
            .catch(() => undefined);
          if (reply?.body === 'sendAck') acked.set(id, { seq: reply.sendAck!.seq!, messageId: reply.sendAck!.messageId! });
        }
      };
      const pumps = Array.from({ length: 32 }, pump);
      await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 350)));
      server.process.kill('SIGKILL');
      await server.waitForExit();
      await Promise.all(pumps);
      assert.ok(acked.size > 0, 'some sends were acked before the kill');

      server = await spawnServer(dataDir);
      try {
        // The sender resends everything it attempted; acked ones must come back identical.
        const again = await openAuthed(server.tcpUrl, senderToken, 'phone');
        const resend = async (id: string) => {
          const send = () => again.request({ send: { to: 'reader', clientMsgId: id, type: MessageType.TEXT, body: new TextEncoder().encode(id) } });
          let reply = await send();
          // More than the sender's burst comes back at once: a refusal stored nothing and says when to come back, as a client would.
          while (reply.error?.code === ErrorCode.RATE_LIMITED) {
            await new Promise((r) => setTimeout(r, Math.max(10, Number(reply.error!.retryAfterMs ?? 0))));
            reply = await send();
          }
          assert.equal(reply.body, 'sendAck', `resend of ${id}: ${reply.error?.code}`);
          const original = acked.get(id);
          if (original) {
            assert.equal(reply.sendAck!.duplicate, true, `${id} was acked before the crash`);
            assert.equal(reply.sendAck!.seq, original.seq);
            assert.equal(reply.sendAck!.messageId, original.messageId);
          }
        };
        for (let i = 0; i < attempted.length; i += 100) await Promise.all(attempted.slice(i, i + 100).map(resend));
        again.close();
        t.diagnostic(`round ${round}: ${attempted.length} attempted, ${acked.size} acked before the kill`);

        const reader = await openAuthed(server.wsUrl, readerToken, 'laptop');
        const stored = await pullAll(reader);
        reader.close();
        assert.deepEqual(stored.map((m) => m.seq), Array.from({ length: stored.length }, (_, i) => i + 1), 'seqs 1..N');
        const ids = stored.map((m) => m.clientMsgId!);
        assert.equal(new Set(ids).size, ids.length, 'no clientMsgId stored twice');
        assert.deepEqual([...ids].sort(), [...attempted].sort(), 'every attempted message stored exactly once');
        for (const [id, { seq }] of acked) assert.equal(stored[seq - 1]!.clientMsgId, id, `acked ${id} kept its seq`);
      } finally {
        server.process.kill('SIGKILL');
        await server.waitForExit();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

/**
 * Each named crash point, hit for sure (probability 1) by the first message: what
 * the clients saw before the kill is what the point names, and after a restart
 * the resend settles the message exactly once.
 */
const POINTS = [
  // point, the sender got its ack, the message survived, reader devices that got the push
  ['after-insert', false, false, 0],
  ['after-commit', false, true, 0],
  ['mid-fanout', false, true, 1],
  // The fan-out is queued ahead of the SendAck (the gateway runs it first), so both are out.
  ['after-ack', true, true, 2],
] as const;
for (const [point, acked, stored, pushes] of POINTS) {
  test(`Crash › the named crash point ${point}: ack ${acked ? 'out' : 'never sent'}, message ${stored ? 'kept' : 'rolled back'}, ${pushes} of 2 devices pushed`, async () => {
    const dataDir = tempDir('parley-crash-point-');
    try {
      let server = await spawnServer(dataDir, ['--test-crash-point', point, '--test-crash-probability', '1']);
      const senderToken = await registerUser(server.httpUrl, 'sender');
      const readerToken = await registerUser(server.httpUrl, 'reader');
      const sender = await openAuthed(server.tcpUrl, senderToken, 'phone');
      const readers = [await openAuthed(server.tcpUrl, readerToken, 'tablet'), await openAuthed(server.wsUrl, readerToken, 'laptop')];
      const body = new TextEncoder().encode('the one message');
      const reply = await sender.request({ send: { to: 'reader', clientMsgId: 'only', type: MessageType.TEXT, body } }, 10_000).catch(() => undefined);
      assert.equal(await server.waitForExit(), null, 'killed by the crash point');
      await Promise.all([sender, ...readers].map((c) => c.waitForClose()));
      assert.equal(reply?.body === 'sendAck', acked, `ack before the kill: ${reply?.body ?? 'none'}`);
      const pushed = readers.filter((r) => r.frames.some((f) => f.body === 'push' && f.push!.message!.clientMsgId === 'only'));
      assert.equal(pushed.length, pushes, 'devices that had the push before the kill');

      server = await spawnServer(dataDir);
      try {
        const again = await openAuthed(server.tcpUrl, senderToken, 'phone');
        const resent = await again.request({ send: { to: 'reader', clientMsgId: 'only', type: MessageType.TEXT, body } });
        assert.equal(resent.body, 'sendAck', resent.error?.message ?? '');
        assert.equal(resent.sendAck!.duplicate, stored, 'the resend finds the original exactly when it was committed');
        if (acked) assert.equal(resent.sendAck!.messageId, reply!.sendAck!.messageId);
        again.close();
        const reader = await openAuthed(server.tcpUrl, readerToken, 'tablet');
        const all = await pullAll(reader);
        reader.close();
        assert.deepEqual(all.map((m) => [m.seq, m.clientMsgId]), [[1, 'only']]);
      } finally {
        server.process.kill('SIGKILL');
        await server.waitForExit();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

test('Crash › SIGTERM drains: clients get a RECONNECT notice and the process exits 0', async () => {
  const dataDir = tempDir('parley-drain-');
  try {
    const server = await spawnServer(dataDir);
    const token = await registerUser(server.httpUrl, 'someone');
    const client = await openAuthed(server.wsUrl, token, 'd');
    server.process.kill('SIGTERM');
    const notice = await client.waitFor((f) => f.body === 'notice');
    assert.equal(notice.notice!.code, 'RECONNECT');
    assert.equal((await client.waitForClose()).code, 4007);
    assert.equal(await server.waitForExit(), 0);
    const raw = await openRaw(server.wsUrl).catch((e: Error) => e);
    assert.ok(raw instanceof Error, 'nothing listens after the drain');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
