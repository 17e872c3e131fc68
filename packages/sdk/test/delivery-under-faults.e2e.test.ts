/**
 * The delivery contract end to end: two users with two devices each exchange
 * messages through a proxy that cuts connections at random. Afterwards every
 * device must hold every message exactly once, in seq order, and the store must
 * hold each send exactly once despite the retries.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { directConversationId } from '@parley/protocol';
import { fetchWithin, registerUser, startFaultProxy, startTestServer, WAIT_MS, waitUntil, withDeadline } from '@parley/testkit';
import { ParleyClient, type Message } from '../src/index.ts';

const PER_DEVICE = 120;


test('Delivery › every device gets every message exactly once, in order, while connections drop at random', async (t) => {
  const server = await startTestServer({ retransmitMs: 300, heartbeatMs: 1000 });
  const wsProxy = await startFaultProxy(server.httpPort);
  const tcpProxy = await startFaultProxy(server.tcpPort, { framed: true });
  const tokens = { ann: await registerUser(server.httpUrl, 'ann'), ben: await registerUser(server.httpUrl, 'ben') };
  const conv = directConversationId('ann', 'ben');
  const devices = [
    { user: 'ann' as const, id: 'ann-web', url: `ws://127.0.0.1:${wsProxy.port}/ws` },
    { user: 'ann' as const, id: 'ann-app', url: `tcp://127.0.0.1:${tcpProxy.port}` },
    { user: 'ben' as const, id: 'ben-web', url: `ws://127.0.0.1:${wsProxy.port}/ws` },
    { user: 'ben' as const, id: 'ben-app', url: `tcp://127.0.0.1:${tcpProxy.port}` },
  ].map((d) => {
    const client = new ParleyClient({
      url: d.url,
      token: tokens[d.user],
      deviceId: d.id,
      backoff: { baseMs: 10, maxMs: 200 },
      ackTimeoutMs: 800,
      reorderWindowMs: 100,
    });
    const got: Message[] = [];
    client.on('message', (m) => got.push(m));
    client.on('error', () => {}); // dropped connections are expected here
    return { ...d, client, got };
  });

  try {
    await Promise.all(devices.map((d) => d.client.connect()));
    wsProxy.setCutProbability(0.05);
    tcpProxy.setCutProbability(0.05);
    const chaos = setInterval(() => {
      if (Math.random() < 0.3) (Math.random() < 0.5 ? wsProxy : tcpProxy).cutAll();
    }, 150);

    const sent = new Set<string>();
    await Promise.all(
      devices.map(async (d) => {
        const peer = d.user === 'ann' ? 'ben' : 'ann';
        for (let i = 0; i < PER_DEVICE; i++) {
          const clientMsgId = `${d.id}-${i}`;
          sent.add(clientMsgId);
          // Bursts of 4 in flight, then wait: the outbox must survive drops either way.
          const p = d.client.send({ to: peer, text: clientMsgId, clientMsgId });
          if (i % 4 === 3) {
            await p;
            await new Promise((r) => setTimeout(r, 5));
          }
        }
      }),
    );
    clearInterval(chaos);
    wsProxy.setCutProbability(0);
    tcpProxy.setCutProbability(0);
    const total = devices.length * PER_DEVICE;
    for (const d of devices) await waitUntil(() => d.got.length >= total, 30_000, `${d.id} to hold ${total} messages`);
    await new Promise((r) => setTimeout(r, 300)); // anything extra (a duplicate) would arrive now

    for (const d of devices) {
      assert.deepEqual(d.got.map((m) => m.seq), Array.from({ length: total }, (_, i) => i + 1), `${d.id}: seqs 1..${total} once, in order`);
      assert.ok(d.got.every((m) => m.conversationId === conv));
      assert.deepEqual(new Set(d.got.map((m) => m.clientMsgId)), sent, `${d.id}: every send`);
    }
    // All four devices agree on what is at each seq.
    for (const d of devices.slice(1)) assert.deepEqual(d.got.map((m) => m.id), devices[0]!.got.map((m) => m.id));

    // The store holds each send once: retries never made a second copy.
    const res = await fetchWithin(`${server.httpUrl}/v1/conversations/${conv}/messages?from=1&limit=500`, {
      headers: { authorization: `Bearer ${tokens.ann}` },
    });
    const page = (await res.json()) as { maxSeq: number; messages: { clientMsgId: string }[] };
    assert.equal(page.maxSeq, total);
    assert.equal(new Set(page.messages.map((m) => m.clientMsgId)).size, total);
    t.diagnostic(`connections cut: ${wsProxy.cuts + tcpProxy.cuts}; push retransmits: ${server.gateway.stats.retransmits}`);
    assert.ok(wsProxy.cuts + tcpProxy.cuts >= 5, 'the faults really happened');
  } finally {
    await Promise.all(devices.map((d) => d.client.close()));
    await wsProxy.close();
    await tcpProxy.close();
    await server.stop();
  }
});

test('Delivery › each lost push of a conversation is pulled, the second gap as well as the first', async () => {
  // Retransmits are put out of reach: only the SDK's gap pull can fill a gap here.
  const server = await startTestServer({ retransmitMs: 600_000 });
  const proxy = await startFaultProxy(server.tcpPort, { framed: true });
  const tokens = { ann: await registerUser(server.httpUrl, 'ann'), ben: await registerUser(server.httpUrl, 'ben') };
  const ann = new ParleyClient({ url: server.wsUrl, token: tokens.ann, deviceId: 'ann-web' });
  const ben = new ParleyClient({ url: `tcp://127.0.0.1:${proxy.port}`, token: tokens.ben, deviceId: 'ben-app', reorderWindowMs: 50 });
  const got: Message[] = [];
  ben.on('message', (m) => got.push(m));
  const send = (text: string) => withDeadline(ann.send({ to: 'ben', text }), `the ack of ${text}`);
  /** Ann sends `text`; its push to Ben is dropped on the way. */
  const sendLost = async (text: string) => {
    const before = proxy.dropped.pushes;
    proxy.setDropPushes(1);
    await send(text);
    await waitUntil(() => proxy.dropped.pushes > before, WAIT_MS, `the push of ${text} to be dropped`);
    proxy.setDropPushes(0);
  };
  try {
    await withDeadline(Promise.all([ann.connect(), ben.connect()]), 'both devices to connect');
    for (const text of ['m1', 'm2']) await send(text);
    await sendLost('m3');
    await send('m4');
    await waitUntil(() => got.length === 4, WAIT_MS, 'Ben to hold m1..m4 (the first gap pulled)');
    for (const text of ['m5', 'm6']) await send(text);
    await sendLost('m7');
    await send('m8');
    await waitUntil(() => got.length === 8, WAIT_MS, 'Ben to hold m1..m8 (the second gap pulled)');
    assert.deepEqual(got.map((m) => m.seq), [1, 2, 3, 4, 5, 6, 7, 8], 'once each, in order');
    assert.deepEqual(got.map((m) => m.text), ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']);
    assert.equal(proxy.dropped.pushes, 2);
    assert.equal(server.gateway.stats.retransmits, 0, 'no retransmit filled a gap');
  } finally {
    await Promise.all([ann.close(), ben.close()]);
    await proxy.close();
    await server.stop();
  }
});
