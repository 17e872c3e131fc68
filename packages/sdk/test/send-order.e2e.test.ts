/**
 * One device's sends to one conversation are stored in the order the app called
 * send(), whatever happens on the way: sends refused with a retryable error
 * (here the server's in-flight cap), acks lost (a fault proxy drops SendAcks,
 * so sends are resent), connections cut mid-burst.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { startFaultProxy, withDeadline, WAIT_MS, type FaultProxy } from '@parley/testkit';
import { directConversationId } from '@parley/protocol';
import { ParleyClient } from '../src/index.ts';
import { sdkWorld } from './world.ts';

// A low in-flight cap: a burst of sends gets some retryable RATE_LIMITED refusals.
const world = sdkWorld(['ann', 'ben'], { maxInFlight: 3 });

describe('Send order', () => {
  let proxy: FaultProxy | undefined;
  after(async () => {
    await proxy?.close();
  });

  test("one device's sends to one conversation are stored in the order of send(), through retryable refusals, lost acks and cut connections", async () => {
    proxy = await startFaultProxy(world.server.tcpPort, { framed: true, random: seeded(7) });
    proxy.setDropAcks(0.2);
    const ann = new ParleyClient({
      url: `tcp://127.0.0.1:${proxy.port}`, token: world.tokens.ann!, deviceId: 'ann-phone',
      ackTimeoutMs: 150, backoff: { baseMs: 10, maxMs: 50 }, reorderWindowMs: 50,
    });
    ann.on('error', () => {});
    try {
      await withDeadline(ann.connect(), 'ann to connect');
      const N = 60;
      const sends = Array.from({ length: N }, (_, i) => ann.send({ to: 'ben', text: String(i + 1) }));
      // Cut every connection a few times while the burst is on its way.
      for (let i = 0; i < 4; i++) {
        await new Promise((r) => setTimeout(r, 60));
        proxy.cutAll();
      }
      const acks = await withDeadline(Promise.all(sends), 'every send to be acked', 4 * WAIT_MS);
      assert.ok(proxy.dropped.acks > 0, 'some acks were lost on the way');
      const seqs = acks.map((a) => a.seq);
      assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'each send was stored after the ones called before it');
      assert.equal(new Set(seqs).size, N, 'each stored once');
      // As another device reads the conversation: 1..N in order.
      const ben = await world.open('ben');
      const stored = await ben.client.pull(directConversationId('ann', 'ben'), 1, 0, 500);
      assert.deepEqual(stored.map((m) => m.text), Array.from({ length: N }, (_, i) => String(i + 1)));
    } finally {
      await ann.close();
    }
  });
});

/** A small deterministic generator, so a run can be replayed. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}
