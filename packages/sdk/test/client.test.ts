import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { CloseCode, NoticeCode, type parley } from '@parley/protocol';
import { waitUntil, withDeadline, WAIT_MS } from '@parley/testkit';
import { ParleyClient, type Message } from '../src/index.ts';
import { handshake, startFakeServer, type FakeServer } from './fake-server.ts';

const CONV = 'd:me:you';
const msg = (seq: number): parley.IMessage => ({
  id: `id-${seq}`,
  conversationId: CONV,
  seq,
  senderId: 'you',
  senderDevice: 'phone',
  clientMsgId: `c-${seq}`,
  type: 1,
  body: new TextEncoder().encode(`m${seq}`),
});


describe('ParleyClient against a scripted server', () => {
  let fake: FakeServer;
  let client: ParleyClient;
  let got: Message[];

  beforeEach(async () => {
    fake = await startFakeServer();
    client = new ParleyClient({ url: fake.url, token: 't', deviceId: 'dev', reorderWindowMs: 50, ackTimeoutMs: 300, backoff: { baseMs: 5, maxMs: 20 } });
    got = [];
    client.on('message', (m) => got.push(m));
    client.on('error', () => {});
  });
  afterEach(async () => {
    await client.close();
    await fake.close();
  });

  test('reorders pushes, drops duplicates, pulls a gap after the window, and acks cumulatively', async () => {
    const connected = client.connect();
    const conn = await fake.connection(0);
    await handshake(conn);
    await connected;
    conn.send({ push: { message: msg(1) } });
    conn.send({ push: { message: msg(3) } });
    conn.send({ push: { message: msg(4) } });
    conn.send({ push: { message: msg(3) } });
    conn.send({ push: { message: msg(1) } });
    const pull = await conn.next((f) => f.body === 'pull');
    assert.deepEqual([pull.pull!.conversationId, pull.pull!.fromSeq, pull.pull!.toSeq], [CONV, 2, 2]);
    assert.deepEqual(got.map((m) => m.seq), [1], 'nothing past the gap is delivered yet');
    conn.send({ id: pull.id, pullResult: { conversationId: CONV, fromSeq: 2, toSeq: 2, messages: [msg(2)], maxSeq: 4 } });
    await waitUntil(() => got.length === 4);
    assert.deepEqual(got.map((m) => m.text), ['m1', 'm2', 'm3', 'm4']);
    const ack = await conn.next((f) => f.ack?.seq === 4);
    assert.equal(ack.ack!.conversationId, CONV);
    assert.ok(conn.frames.filter((f) => f.body === 'ack').every((f) => f.ack!.seq! <= 4));
  });

  test('a second gap in the same conversation is pulled too, after the first was filled', async () => {
    const connected = client.connect();
    const conn = await fake.connection(0);
    await handshake(conn);
    await connected;
    const isPull = (f: parley.Frame) => f.body === 'pull';
    for (const seq of [1, 2, 4]) conn.send({ push: { message: msg(seq) } });
    const first = await conn.next(isPull);
    assert.deepEqual([first.pull!.conversationId, first.pull!.fromSeq, first.pull!.toSeq], [CONV, 3, 3]);
    conn.send({ id: first.id, pullResult: { conversationId: CONV, fromSeq: 3, toSeq: 3, messages: [msg(3)], maxSeq: 4 } });
    await waitUntil(() => got.length === 4, WAIT_MS, 'seqs 1..4 delivered');

    for (const seq of [5, 6, 8]) conn.send({ push: { message: msg(seq) } });
    const second = await conn.next((f) => isPull(f) && f.id !== first.id);
    assert.deepEqual([second.pull!.conversationId, second.pull!.fromSeq, second.pull!.toSeq], [CONV, 7, 7]);
    conn.send({ id: second.id, pullResult: { conversationId: CONV, fromSeq: 7, toSeq: 7, messages: [msg(7)], maxSeq: 8 } });
    await waitUntil(() => got.length === 8, WAIT_MS, 'seqs 1..8 delivered');
    assert.deepEqual(got.map((m) => m.seq), [1, 2, 3, 4, 5, 6, 7, 8], 'each once, in order');
    await conn.next((f) => f.ack?.seq === 8);
  });

  test('a gap that opens above one still being pulled is pulled once the lower one is filled', async () => {
    const connected = client.connect();
    const conn = await fake.connection(0);
    await handshake(conn);
    await connected;
    const isPull = (f: parley.Frame) => f.body === 'pull';
    for (const seq of [1, 2, 4]) conn.send({ push: { message: msg(seq) } });
    const first = await conn.next(isPull);
    assert.deepEqual([first.pull!.fromSeq, first.pull!.toSeq], [3, 3]);
    // While that pull is unanswered, a second gap opens above the first (the pushes reach the client before the answer).
    for (const seq of [5, 6, 8]) conn.send({ push: { message: msg(seq) } });
    conn.send({ id: first.id, pullResult: { conversationId: CONV, fromSeq: 3, toSeq: 3, messages: [msg(3)], maxSeq: 8 } });
    const second = await conn.next((f) => isPull(f) && f.id !== first.id);
    assert.deepEqual([second.pull!.conversationId, second.pull!.fromSeq, second.pull!.toSeq], [CONV, 7, 7]);
    assert.deepEqual(got.map((m) => m.seq), [1, 2, 3, 4, 5, 6], 'nothing past the open gap yet');
    conn.send({ id: second.id, pullResult: { conversationId: CONV, fromSeq: 7, toSeq: 7, messages: [msg(7)], maxSeq: 8 } });
    await waitUntil(() => got.length === 8, WAIT_MS, 'seqs 1..8 delivered');
    assert.deepEqual(got.map((m) => m.seq), [1, 2, 3, 4, 5, 6, 7, 8], 'each once, in order');
  });

  test('sync pulls only what is missing, treats holes as passed, and saves the token afterwards', async () => {
    const connected = client.connect();
    const conn = await fake.connection(0);
    const auth = await conn.next((f) => f.body === 'auth');
    conn.send({ id: auth.id, authOk: { userId: 'me', heartbeatMs: 60_000 } });
    const sync = await conn.next((f) => f.body === 'sync');
    assert.equal(sync.sync!.token ?? '', '');
    conn.send({ id: sync.id, syncResult: { conversations: [{ conversationId: CONV, maxSeq: 3, joinSeq: 0 }], token: 'after' } });
    const pull = await conn.next((f) => f.body === 'pull');
    assert.deepEqual([pull.pull!.fromSeq, pull.pull!.toSeq], [1, 3]);
    conn.send({ id: pull.id, pullResult: { conversationId: CONV, fromSeq: 1, toSeq: 3, messages: [msg(1), msg(3)], holes: [2], maxSeq: 3 } });
    await connected;
    assert.deepEqual(got.map((m) => m.seq), [1, 3]);
    assert.equal(client.cursor(CONV), 3);
    // A reconnect syncs with the saved token.
    conn.close();
    const again = await fake.connection(1);
    const auth2 = await again.next((f) => f.body === 'auth');
    again.send({ id: auth2.id, authOk: { userId: 'me', heartbeatMs: 60_000 } });
    const sync2 = await again.next((f) => f.body === 'sync');
    assert.equal(sync2.sync!.token, 'after');
  });

  test('a sync whose pull fails for a passing reason does not save its token; the catch-up is tried again', async () => {
    // At connect: the reconnect syncs again from the old token.
    const connected = client.connect();
    const conn = await fake.connection(0);
    const auth = await conn.next((f) => f.body === 'auth');
    conn.send({ id: auth.id, authOk: { userId: 'me', heartbeatMs: 60_000 } });
    const sync = await conn.next((f) => f.body === 'sync');
    conn.send({ id: sync.id, syncResult: { conversations: [{ conversationId: CONV, maxSeq: 2, joinSeq: 0 }], token: 'after' } });
    const pull = await conn.next((f) => f.body === 'pull');
    conn.send({ id: pull.id, error: { code: 'UNAVAILABLE', message: 'database busy', retryable: true } });
    const again = await fake.connection(1);
    const auth2 = await again.next((f) => f.body === 'auth');
    again.send({ id: auth2.id, authOk: { userId: 'me', heartbeatMs: 60_000 } });
    const sync2 = await again.next((f) => f.body === 'sync');
    assert.equal(sync2.sync!.token ?? '', '', 'the token of the failed sync was not saved');
    again.send({ id: sync2.id, syncResult: { conversations: [{ conversationId: CONV, maxSeq: 2, joinSeq: 0 }], token: 'after' } });
    const pull2 = await again.next((f) => f.body === 'pull');
    again.send({ id: pull2.id, pullResult: { conversationId: CONV, fromSeq: 1, toSeq: 2, messages: [msg(1), msg(2)], maxSeq: 2 } });
    await connected;
    assert.deepEqual(got.map((m) => m.seq), [1, 2]);

    // While online (after a RESYNC): the sync is tried again on the same connection.
    again.send({ notice: { code: NoticeCode.RESYNC, message: 'catch up' } });
    const resync = await again.next((f) => f.body === 'sync' && f.sync!.token === 'after');
    again.send({ id: resync.id, syncResult: { conversations: [{ conversationId: CONV, maxSeq: 3, joinSeq: 0 }], token: 'later' } });
    const pull3 = await again.next((f) => f.body === 'pull' && f.pull!.fromSeq === 3);
    again.send({ id: pull3.id, error: { code: 'UNAVAILABLE', message: 'database busy', retryable: true } });
    const retry = await again.next((f) => f.body === 'sync' && f.id !== resync.id && f.sync!.token === 'after');
    again.send({ id: retry.id, syncResult: { conversations: [{ conversationId: CONV, maxSeq: 3, joinSeq: 0 }], token: 'later' } });
    const pull4 = await again.next((f) => f.body === 'pull' && f.id !== pull3.id && f.pull!.fromSeq === 3);
    again.send({ id: pull4.id, pullResult: { conversationId: CONV, fromSeq: 3, toSeq: 3, messages: [msg(3)], maxSeq: 3 } });
    await waitUntil(() => got.length === 3);
    assert.deepEqual(got.map((m) => m.seq), [1, 2, 3]);
    assert.equal(client.state, 'online', 'no reconnect was needed');
  });

  test('a request the server never answers rejects with the retryable UNAVAILABLE after requestTimeoutMs; the connection stays', async () => {
    await client.close();
    client = new ParleyClient({ url: fake.url, token: 't', deviceId: 'dev', requestTimeoutMs: 300, backoff: { baseMs: 5, maxMs: 20 } });
    client.on('error', () => {});
    const connected = client.connect();
    const conn = await fake.connection(0);
    await handshake(conn);
    await connected;
    const started = Date.now();
    const kick = client.kick('g:1', ['someone']);
    await conn.next((f) => f.body === 'group');
    await assert.rejects(kick, (err: { code?: string; retryable?: boolean }) => err.code === 'UNAVAILABLE' && err.retryable === true);
    assert.ok(Date.now() - started >= 250, 'not before its time');
    assert.equal(client.state, 'online');
  });

  test('a lost ack: the send is resent with the same clientMsgId, on the same and on a new connection, and resolves once', async () => {
    const connected = client.connect();
    const conn = await fake.connection(0);
    await handshake(conn);
    await connected;
    const acked: string[] = [];
    client.on('ack', (a) => acked.push(a.clientMsgId));
    const sending = client.send({ to: 'you', text: 'hi', clientMsgId: 'fixed-id' });
    const first = await conn.next((f) => f.body === 'send');
    const second = await conn.next((f) => f.body === 'send' && f.id !== first.id); // ack timeout resend
    assert.equal(second.send!.clientMsgId, 'fixed-id');
    conn.close();
    const again = await fake.connection(1);
    await handshake(again);
    const third = await again.next((f) => f.body === 'send');
    assert.equal(third.send!.clientMsgId, 'fixed-id');
    const ackFrame = { conversationId: CONV, seq: 1, messageId: 'm-1', clientMsgId: 'fixed-id', duplicate: true };
    again.send({ id: third.id, sendAck: ackFrame });
    again.send({ id: third.id, sendAck: ackFrame }); // a second copy changes nothing
    const ack = await sending;
    assert.deepEqual([ack.seq, ack.messageId, ack.duplicate], [1, 'm-1', true]);
    await waitUntil(() => got.length === 1);
    assert.equal(got[0]!.text, 'hi', 'the own message is delivered at its seq');
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(acked, ['fixed-id']);
    assert.equal(got.length, 1);
  });

  test('a retryable error resends later; a permanent one rejects the send', async () => {
    const connected = client.connect();
    const conn = await fake.connection(0);
    await handshake(conn);
    await connected;
    const busy = client.send({ to: 'you', text: 'a', clientMsgId: 'busy' });
    const s1 = await conn.next((f) => f.send?.clientMsgId === 'busy');
    conn.send({ id: s1.id, error: { code: 'UNAVAILABLE', message: 'later', retryable: true } });
    const s2 = await conn.next((f) => f.send?.clientMsgId === 'busy' && f.id !== s1.id);
    conn.send({ id: s2.id, sendAck: { conversationId: CONV, seq: 1, messageId: 'x', clientMsgId: 'busy' } });
    assert.equal((await busy).seq, 1);
    const doomed = client.send({ to: 'you', text: 'b', clientMsgId: 'doomed' });
    const s3 = await conn.next((f) => f.send?.clientMsgId === 'doomed');
    conn.send({ id: s3.id, error: { code: 'NOT_MEMBER', message: 'no', retryable: false } });
    await assert.rejects(doomed, { code: 'NOT_MEMBER' });
    assert.equal(client.pendingSends, 0);
  });

  test('RESYNC runs a sync; RECONNECT reconnects; KICKED closes for good', async () => {
    const connected = client.connect();
    const conn = await fake.connection(0);
    await handshake(conn);
    await connected;
    conn.send({ notice: { code: NoticeCode.RESYNC, message: 'catch up' } });
    await conn.next((f) => f.body === 'sync' && conn.frames.filter((g) => g.body === 'sync').length === 2);
    const resync = conn.frames.filter((f) => f.body === 'sync')[1]!;
    conn.send({ id: resync.id, syncResult: { token: 'tok-2' } });
    conn.send({ notice: { code: NoticeCode.RECONNECT, message: 'moving' } });
    const second = await fake.connection(1);
    await handshake(second);
    await waitUntil(() => client.state === 'online');
    second.send({ notice: { code: NoticeCode.KICKED, message: 'another device took over' } });
    second.close(CloseCode.KICKED);
    await waitUntil(() => client.state === 'closed');
    const third = await fake.connection(2, 300).then(() => 'a reconnect', () => 'none');
    assert.equal(third, 'none', 'no reconnect after KICKED');
  });

  test('a silent server is detected by the heartbeat and the client reconnects', async () => {
    const connected = client.connect();
    const conn = await fake.connection(0);
    const auth = await conn.next((f) => f.body === 'auth');
    conn.send({ id: auth.id, authOk: { userId: 'me', heartbeatMs: 100 } });
    const sync = await conn.next((f) => f.body === 'sync');
    conn.send({ id: sync.id, syncResult: { token: 't' } });
    await connected;
    await conn.next((f) => f.body === 'ping'); // the client pings an idle line; we never answer
    const second = await fake.connection(1); // …and it gives up on us after 2.5 heartbeats
    assert.ok(second);
  });
});

describe('ParleyClient connect timeouts', () => {
  test('a server that accepts TCP but never answers the WebSocket handshake times out and the client keeps retrying', async () => {
    const { createServer } = await import('node:net');
    const sockets: import('node:net').Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    await withDeadline(new Promise<void>((r) => silent.listen(0, '127.0.0.1', r)), 'the silent server to listen');
    const port = (silent.address() as import('node:net').AddressInfo).port;
    const client = new ParleyClient({ url: `ws://127.0.0.1:${port}/ws`, token: 't', deviceId: 'd', connectTimeoutMs: 100, backoff: { baseMs: 5, maxMs: 10 } });
    const errors: string[] = [];
    client.on('error', (e) => errors.push(e.message));
    void client.connect().catch(() => {});
    try {
      await waitUntil(() => errors.filter((m) => /timed out/.test(m)).length >= 2, 5000, 'two connect timeouts');
      assert.notEqual(client.state, 'closed');
    } finally {
      await client.close();
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
  });
});
