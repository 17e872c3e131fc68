/**
 * Every promise the SDK returns settles — resolved, or rejected with a
 * ParleyError whose `retryable` says whether trying again can help — within a
 * bound, whatever happens: terminal failures, close() at any moment, a server
 * that stops answering or drops the connection. Against the scripted server
 * (fake-server.ts), with a fast-check property over random interleavings; and
 * the SessionStore's write order, and a wall clock that steps back.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import fc from 'fast-check';
import { ErrorCode, NoticeCode, ParleyError, type parley } from '@parley/protocol';
import { waitUntil, withDeadline, WAIT_MS } from '@parley/testkit';
import { MemorySessionStore, ParleyClient, type SendAck } from '../src/index.ts';
import { handshake, startFakeServer, type FakeConnection, type FakeServer } from './fake-server.ts';

const CONV = 'd:me:you';

/** How a settled promise ended: its value, or a ParleyError (anything else is a defect). */
type Outcome = { ok: true; value: unknown } | { ok: false; error: ParleyError };

/** Wait for `promise` to settle, at most `ms`; fails the test if it does not, or rejects with something that is not a ParleyError. */
async function settles<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<Outcome> {
  const outcome = await withDeadline(
    promise.then(
      (value): Outcome => ({ ok: true, value }),
      (error: unknown): Outcome => ({ ok: false, error: error as ParleyError }),
    ),
    `${what} to settle`,
    ms,
  );
  if (!outcome.ok) {
    assert.ok(outcome.error instanceof ParleyError, `${what} rejected with a ParleyError, not ${String(outcome.error)}`);
    assert.equal(typeof outcome.error.retryable, 'boolean');
    assert.ok(Object.values(ErrorCode).includes(outcome.error.code) || ['KICKED', 'REPLACED'].includes(outcome.error.code), `${what}: a known code, not ${outcome.error.code}`);
  }
  return outcome;
}

/** Answer everything a server answers, as a server would: auth, sync, sends (with seqs), pulls, requests. */
function autoAnswer(conn: FakeConnection, state: { silent: boolean; seqs: Map<string, number> }): () => void {
  let seen = 0;
  const timer = setInterval(() => {
    while (seen < conn.frames.length) {
      const f = conn.frames[seen++]!;
      if (state.silent) continue;
      const id = f.id ?? 0;
      switch (f.body) {
        case 'auth':
          conn.send({ id, authOk: { userId: 'me', deviceId: f.auth!.deviceId, heartbeatMs: 60_000, maxFrameBytes: 65536 } });
          break;
        case 'sync':
          conn.send({ id, syncResult: { conversations: [], token: 'tok' } });
          break;
        case 'send': {
          const conversationId = f.send!.conversationId || CONV;
          const seq = (state.seqs.get(conversationId) ?? 0) + 1;
          state.seqs.set(conversationId, seq);
          conn.send({ id, sendAck: { conversationId, seq, messageId: `m-${seq}`, clientMsgId: f.send!.clientMsgId, serverTime: Date.now() } });
          break;
        }
        case 'pull':
          conn.send({ id, pullResult: { conversationId: f.pull!.conversationId, fromSeq: f.pull!.fromSeq, toSeq: f.pull!.toSeq, messages: [], holes: [], maxSeq: 0 } });
          break;
        case 'group':
        case 'friendList':
          conn.send({ id, error: { code: ErrorCode.NOT_MEMBER, message: 'no', retryable: false } });
          break;
      }
    }
  }, 5);
  (timer as { unref?: () => void }).unref?.();
  return () => clearInterval(timer);
}

describe('Every SDK promise settles', () => {
  let fake: FakeServer;
  beforeEach(async () => {
    fake = await startFakeServer();
  });
  afterEach(async () => {
    await fake.close();
  });

  test('a fixed token refused: the sends queued meanwhile reject (not retryable), connect() rejects, close() settles', async () => {
    const client = new ParleyClient({ url: fake.url, token: 'bad', deviceId: 'dev', backoff: { baseMs: 5, maxMs: 20 } });
    client.on('error', () => {});
    const connected = client.connect();
    const queued = client.send({ to: 'you', text: 'while connecting' });
    const conn = await fake.connection(0);
    const auth = await conn.next((f) => f.body === 'auth');
    conn.send({ id: auth.id, error: { code: ErrorCode.AUTH_FAILED, message: 'bad token', retryable: false } });
    const c = await settles(connected, 'connect()');
    const s = await settles(queued, 'the queued send');
    assert.deepEqual([c.ok, !c.ok && c.error.code], [false, ErrorCode.AUTH_FAILED]);
    assert.deepEqual([s.ok, !s.ok && s.error.retryable], [false, false]);
    await settles(client.close(), 'close()');
    const later = await settles(client.send({ to: 'you', text: 'after' }), 'a send after the end');
    assert.equal(later.ok, false);
    assert.equal(client.state, 'closed');
  });

  test('kicked (another device took this one’s place): pending sends reject, the client stops reconnecting', async () => {
    const client = new ParleyClient({ url: fake.url, token: 't', deviceId: 'dev', backoff: { baseMs: 5, maxMs: 20 } });
    client.on('error', () => {});
    const connected = client.connect();
    const conn = await fake.connection(0);
    await handshake(conn);
    await connected;
    const pending = client.send({ to: 'you', text: 'never acked' });
    await conn.next((f) => f.body === 'send');
    conn.send({ notice: { code: NoticeCode.KICKED, message: 'newer device' } });
    const s = await settles(pending, 'the pending send');
    assert.deepEqual([s.ok, !s.ok && s.error.retryable], [false, false]);
    await waitUntil(() => client.state === 'closed', WAIT_MS, 'the client to close');
    await settles(client.close(), 'close()');
  });

  test('send() then close() in the same tick: the send rejects, and stays in the SessionStore for the next session', async () => {
    const store = new MemorySessionStore();
    const client = new ParleyClient({ url: fake.url, token: 't', deviceId: 'dev', store });
    const sending = client.send({ to: 'you', text: 'last words', clientMsgId: 'last-1' });
    const closing = client.close();
    const s = await settles(sending, 'the send');
    await settles(closing, 'close()');
    assert.equal(s.ok, false);
    if (s.ok) return;
    assert.equal(s.error.retryable, false);
    // Either it was stored before close() took effect (then it is kept), or refused before: never lost silently.
    const kept = store.outbox.has('last-1');
    assert.ok(kept || /closed/.test(s.error.message), 'kept for the next session, or refused as closed');
  });

  test('two send() calls with one clientMsgId in one tick: the second is refused at once, the first is acked', async () => {
    const client = new ParleyClient({ url: fake.url, token: 't', deviceId: 'dev', backoff: { baseMs: 5, maxMs: 20 } });
    const connected = client.connect();
    const conn = await fake.connection(0);
    const stop = autoAnswer(conn, { silent: false, seqs: new Map() });
    await connected;
    const a = client.send({ to: 'you', text: 'one', clientMsgId: 'same' });
    const b = client.send({ to: 'you', text: 'one', clientMsgId: 'same' });
    const [x, y] = await Promise.all([settles(a, 'the first send'), settles(b, 'the second send')]);
    assert.equal(x.ok, true);
    assert.deepEqual([y.ok, !y.ok && y.error.code], [false, ErrorCode.INVALID_ARGUMENT]);
    stop();
    await client.close();
  });

  test('property: random sends, requests, connects, closes, server silences and connection kills — every promise settles within its bound', async () => {
    const BOUND_MS = 600;
    const command = fc.oneof(
      fc.record({ kind: fc.constant('send' as const), conversation: fc.integer({ min: 0, max: 2 }), id: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ kind: fc.constantFrom('request' as const, 'connect' as const, 'close' as const, 'kill' as const, 'silence' as const, 'answer' as const) }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 80 }) }),
    );
    let unhandled = 0;
    const onUnhandled = () => unhandled++;
    process.on('unhandledRejection', onUnhandled);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
          const server = await startFakeServer();
          const state = { silent: false, seqs: new Map<string, number>() };
          let connections = 0;
          const stops: (() => void)[] = [];
          const watcher = setInterval(() => {
            void server.connection(connections, 1).then((c) => {
              connections++;
              stops.push(autoAnswer(c, state));
            }, () => {});
          }, 5);
          const client = new ParleyClient({
            url: server.url, token: 't', deviceId: 'dev', backoff: { baseMs: 5, maxMs: 20 },
            ackTimeoutMs: 100, sendTimeoutMs: BOUND_MS, requestTimeoutMs: BOUND_MS, onlineTimeoutMs: BOUND_MS, connectTimeoutMs: BOUND_MS,
          });
          client.on('error', () => {});
          const promises: { what: string; promise: Promise<unknown> }[] = [];
          const track = (what: string, promise: Promise<unknown>) => {
            promise.catch(() => {}); // judged below; a rejection before then is not unhandled
            promises.push({ what, promise });
          };
          try {
            for (const c of commands) {
              switch (c.kind) {
                case 'send':
                  track(`send ${c.id}`, client.send({ conversationId: `g:${c.conversation}`, text: 'x', clientMsgId: `id-${c.id}-${promises.length % 3}` }));
                  break;
                case 'request':
                  track('a request', client.friends());
                  break;
                case 'connect':
                  track('connect()', client.connect());
                  break;
                case 'close':
                  track('close()', client.close());
                  break;
                case 'kill':
                  for (let n = 0; n < connections; n++) void server.connection(n, 1).then((conn) => conn.close(1001), () => {});
                  break;
                case 'silence':
                  state.silent = true;
                  break;
                case 'answer':
                  state.silent = false;
                  break;
                case 'wait':
                  await new Promise((r) => setTimeout(r, c.ms));
                  break;
              }
            }
            // Every promise settles within its bound (plus slack for a loaded machine), closed or not.
            for (const p of promises) await settles(p.promise, p.what, BOUND_MS + WAIT_MS);
          } finally {
            clearInterval(watcher);
            for (const stop of stops) stop();
            await settles(client.close(), 'the final close()');
            await server.close();
          }
        }),
        { numRuns: 40, seed: 1_2_0_6 },
      );
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(unhandled, 0, 'no unhandled rejection');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('The SessionStore', () => {
  let fake: FakeServer;
  beforeEach(async () => {
    fake = await startFakeServer();
  });
  afterEach(async () => {
    await fake.close();
  });

  const msg = (seq: number): parley.IMessage => ({
    id: `id-${seq}`, conversationId: CONV, seq, senderId: 'you', senderDevice: 'phone', clientMsgId: `c-${seq}`, type: 1,
    body: new TextEncoder().encode(`m${seq}`),
  });

  test('writes apply in the order they were made: with slow cursor writes, the sync token never reaches the store ahead of the cursors it covers', async () => {
    const log: string[] = [];
    let cursorWrites = 0;
    const store = new (class extends MemorySessionStore {
      override async saveCursor(conversationId: string, seq: number) {
        cursorWrites++;
        log.push(`cursor start ${seq}`);
        await new Promise((r) => setTimeout(r, 40));
        await super.saveCursor(conversationId, seq);
        log.push(`cursor ${seq}`);
      }
      override async saveSyncToken(token: string) {
        log.push(`token ${token} (cursor then ${this.cursors.get(CONV) ?? 0})`);
        await super.saveSyncToken(token);
      }
    })();
    const client = new ParleyClient({ url: fake.url, token: 't', deviceId: 'dev', store });
    client.on('error', () => {});
    const connected = client.connect();
    const conn = await fake.connection(0);
    const auth = await conn.next((f) => f.body === 'auth');
    conn.send({ id: auth.id, authOk: { userId: 'me', heartbeatMs: 60_000 } });
    const sync = await conn.next((f) => f.body === 'sync');
    conn.send({ id: sync.id, syncResult: { conversations: [{ conversationId: CONV, maxSeq: 3, joinSeq: 0 }], token: 'after' } });
    const pull = await conn.next((f) => f.body === 'pull');
    conn.send({ id: pull.id, pullResult: { conversationId: CONV, fromSeq: 1, toSeq: 3, messages: [msg(1), msg(2), msg(3)], maxSeq: 3 } });
    await connected;
    await client.close();
    const token = log.find((l) => l.startsWith('token'));
    assert.equal(token, 'token after (cursor then 3)', `the token came after the cursor it covers: ${log.join(' | ')}`);
    assert.ok(cursorWrites >= 1);
    // No two writes ran at once.
    for (let i = 0; i < log.length; i++) if (log[i]!.startsWith('cursor start')) assert.ok(!log[i + 1]?.startsWith('cursor start'), log.join(' | '));
  });

  test('a failed write is a store-error event, never an unhandled rejection; no sync token is saved after it', async () => {
    let unhandled = 0;
    const onUnhandled = (reason: unknown) => {
      unhandled++;
      console.error('unhandled', reason);
    };
    process.on('unhandledRejection', onUnhandled);
    const store = new (class extends MemorySessionStore {
      override async saveCursor(): Promise<void> {
        throw new Error('disk full');
      }
    })();
    const client = new ParleyClient({ url: fake.url, token: 't', deviceId: 'dev', store });
    const storeErrors: string[] = [];
    client.on('store-error', (e) => storeErrors.push(e.message));
    client.on('error', () => {});
    try {
      const connected = client.connect();
      const conn = await fake.connection(0);
      const auth = await conn.next((f) => f.body === 'auth');
      conn.send({ id: auth.id, authOk: { userId: 'me', heartbeatMs: 60_000 } });
      const sync = await conn.next((f) => f.body === 'sync');
      conn.send({ id: sync.id, syncResult: { conversations: [{ conversationId: CONV, maxSeq: 1, joinSeq: 0 }], token: 'after' } });
      const pull = await conn.next((f) => f.body === 'pull');
      conn.send({ id: pull.id, pullResult: { conversationId: CONV, fromSeq: 1, toSeq: 1, messages: [msg(1)], maxSeq: 1 } });
      await connected;
      await client.close();
      await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(storeErrors, ['disk full']);
      assert.equal(store.syncToken, '', 'no token saved after the failed cursor write');
      assert.equal(unhandled, 0);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('The wall clock stepping back', () => {
  let fake: FakeServer;
  const realNow = Date.now;
  beforeEach(async () => {
    fake = await startFakeServer();
  });
  afterEach(async () => {
    Date.now = realNow;
    await fake.close();
  });

  test('stalls nothing: a lost ack is resent, a silent server is detected by the heartbeat', async () => {
    const client = new ParleyClient({ url: fake.url, token: 't', deviceId: 'dev', ackTimeoutMs: 200, backoff: { baseMs: 5, maxMs: 20 } });
    client.on('error', () => {});
    const connected = client.connect();
    const conn = await fake.connection(0);
    const auth = await conn.next((f) => f.body === 'auth');
    conn.send({ id: auth.id, authOk: { userId: 'me', heartbeatMs: 200 } });
    const sync = await conn.next((f) => f.body === 'sync');
    conn.send({ id: sync.id, syncResult: { conversations: [], token: 't1' } });
    await connected;
    // The machine's clock is corrected a minute back.
    Date.now = () => realNow() - 60_000;
    const sending: Promise<SendAck> = client.send({ to: 'you', text: 'hi', clientMsgId: 'c1' });
    sending.catch(() => {});
    const first = await conn.next((f) => f.body === 'send');
    await conn.next((f) => f.body === 'send' && f.id !== first.id, WAIT_MS, 'the send again after ackTimeoutMs, though the wall clock went back');
    // The server says nothing from now on: the heartbeat finds it dead and the client reconnects.
    await fake.connection(1, WAIT_MS);
    await client.close();
  });
});
