/**
 * On PostgreSQL a sync answer stops below the oldest transaction still open in
 * Parley's database, after waiting a second for it. A transaction open for
 * longer holds back changes committed before the sync; the client saves the
 * token and would not ask again before a reconnect. The server must finish the
 * answer on its own: once that transaction ends it sends the session
 * `Notice RESYNC`, and the next sync from the saved token carries the change.
 *
 * A transaction held open in the server's database stands for any long
 * transaction. Each test keeps it open until the sync has been answered, so the
 * answer is necessarily cut short, and for 3 s in all. One held open in another
 * database of the same PostgreSQL server (another application's) must not cut
 * anything short: only this database's transactions can commit a change here.
 * Needs PostgreSQL, as the other cluster tests do.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pg from 'pg';
import { directConversationId, MessageType, NoticeCode } from '@parley/protocol';
import { MemorySessionStore, ParleyClient, type ConnectionState, type Message } from '@parley/sdk';
import { CLUSTER_JWT_SECRET, createTestDatabase, openAuthed, postgresAdminUrl, registerUser, startTestServer, waitUntil, WAIT_MS, withDeadline, type TestServer } from '@parley/testkit';

const HELD_MS = 3000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A transaction in the database at `url` with a transaction id, open until `end`. */
async function holdTransaction(url: string): Promise<{ openedAt: number; end(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT pg_current_xact_id()'); // an id below every change that follows, until COMMIT
  const openedAt = performance.now();
  return {
    openedAt,
    end: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

async function onPostgres(run: (server: TestServer, databaseUrl: string) => Promise<void>): Promise<void> {
  const db = await createTestDatabase();
  const server = await startTestServer({ store: db.url, jwtSecret: CLUSTER_JWT_SECRET });
  try {
    await run(server, db.url);
  } finally {
    await server.stop();
    await db.drop();
  }
}

describe('Sync on PostgreSQL while a long transaction holds the horizon back', () => {
  test('a sync cut short by an open transaction is followed by RESYNC once it ends, and the next sync on the same connection has the change', async () => {
    await onPostgres(async (server, databaseUrl) => {
      const [alice, bob] = [await registerUser(server.httpUrl, 'alice'), await registerUser(server.httpUrl, 'bob')];
      const conv = directConversationId('alice', 'bob');
      const before = await openAuthed(server.wsUrl, bob, 'bob-1');
      const saved = (await before.request({ sync: { token: '' } })).syncResult!.token!;
      before.close();

      const held = await holdTransaction(databaseUrl);
      let ended = false;
      try {
        const a = await openAuthed(server.wsUrl, alice, 'alice-1');
        const ack = await a.request({ send: { to: 'bob', clientMsgId: 'held-1', type: MessageType.TEXT, body: new TextEncoder().encode('x') } });
        assert.equal(ack.sendAck?.seq, 1, 'committed while the transaction is open');
        a.close();

        const b = await openAuthed(server.tcpUrl, bob, 'bob-1');
        try {
          const withheld = server.gateway.stats.syncsWithheld;
          const first = (await b.request({ sync: { token: saved } })).syncResult!;
          // The open transaction's id is below the message's change version: held back.
          assert.deepEqual(first.conversations!.map((c) => c.conversationId), [], 'the change is held back while the transaction is open');
          assert.equal(server.gateway.stats.syncsWithheld, withheld + 1, 'the answer was known to be cut short');
          await sleep(Math.max(0, held.openedAt + HELD_MS - performance.now()));
          assert.equal(b.frames.filter((f) => f.notice?.code === NoticeCode.RESYNC).length, 0, 'no RESYNC while the transaction is open');
          await held.end();
          ended = true;

          await b.waitFor((f) => f.notice?.code === NoticeCode.RESYNC, WAIT_MS, 'RESYNC after the transaction ended');
          const next = (await b.request({ sync: { token: first.token } })).syncResult!;
          assert.deepEqual(next.conversations!.map((c) => [c.conversationId, c.maxSeq]), [[conv, 1]], 'the held-back change, from the saved token');
          assert.equal(b.isClosed(), false, 'on the same connection');
        } finally {
          b.close();
        }
      } finally {
        if (!ended) await held.end();
      }
    });
  });

  test('through the SDK: a device that synced while a transaction was open gets the message once it ends, without reconnecting', async () => {
    await onPostgres(async (server, databaseUrl) => {
      const [alice, bob] = [await registerUser(server.httpUrl, 'alice'), await registerUser(server.httpUrl, 'bob')];
      const store = new MemorySessionStore();
      const first = new ParleyClient({ url: server.wsUrl, token: bob, deviceId: 'bob-1', store });
      await withDeadline(first.connect(), 'bob to connect');
      await first.close(); // bob's token now covers everything so far

      const held = await holdTransaction(databaseUrl);
      let ended = false;
      const clients: ParleyClient[] = [];
      try {
        const sender = new ParleyClient({ url: server.wsUrl, token: alice, deviceId: 'alice-1' });
        clients.push(sender);
        await withDeadline(sender.connect(), 'alice to connect');
        const ack = await withDeadline(sender.send({ to: 'bob', text: 'while a transaction is open' }), 'the ack');

        const device = new ParleyClient({ url: server.tcpUrl, token: bob, deviceId: 'bob-1', store });
        clients.push(device);
        const got: Message[] = [];
        const states: ConnectionState[] = [];
        device.on('message', (m) => got.push(m));
        device.on('state', (s) => states.push(s));
        const withheld = server.gateway.stats.syncsWithheld;
        await withDeadline(device.connect(), 'bob to connect again');
        const opened = server.gateway.stats.connectionsOpened;
        assert.ok(server.gateway.stats.syncsWithheld > withheld, 'its sync was cut short');
        await sleep(Math.max(0, held.openedAt + HELD_MS - performance.now()));
        assert.equal(got.length, 0, 'nothing while the transaction is open');
        await held.end();
        ended = true;

        await waitUntil(() => got.length === 1, WAIT_MS, 'the message after the transaction ended');
        assert.deepEqual([got[0]!.conversationId, got[0]!.seq, got[0]!.text], [ack.conversationId, ack.seq, 'while a transaction is open']);
        assert.equal(server.gateway.stats.connectionsOpened, opened, 'no new connection');
        assert.deepEqual(states.slice(states.indexOf('online')), ['online'], `no reconnect (states: ${states.join(' → ')})`);
      } finally {
        if (!ended) await held.end();
        await Promise.all(clients.map((c) => c.close()));
      }
    });
  });

  test('a transaction held open in another database of the same PostgreSQL server cuts nothing short: the sync has the change at once', async () => {
    await onPostgres(async (server) => {
      const [alice, bob] = [await registerUser(server.httpUrl, 'alice'), await registerUser(server.httpUrl, 'bob')];
      const conv = directConversationId('alice', 'bob');
      const before = await openAuthed(server.wsUrl, bob, 'bob-1');
      const saved = (await before.request({ sync: { token: '' } })).syncResult!.token!;
      before.close();

      const elsewhere = await holdTransaction(postgresAdminUrl()); // the server's maintenance database, not Parley's
      try {
        const a = await openAuthed(server.wsUrl, alice, 'alice-1');
        const ack = await a.request({ send: { to: 'bob', clientMsgId: 'elsewhere-1', type: MessageType.TEXT, body: new TextEncoder().encode('x') } });
        assert.equal(ack.sendAck?.seq, 1);
        a.close();

        const b = await openAuthed(server.tcpUrl, bob, 'bob-1');
        try {
          const withheld = server.gateway.stats.syncsWithheld;
          const answer = (await b.request({ sync: { token: saved } })).syncResult!;
          assert.deepEqual(answer.conversations!.map((c) => [c.conversationId, c.maxSeq]), [[conv, 1]], 'the change, while the other database’s transaction is still open');
          assert.equal(server.gateway.stats.syncsWithheld, withheld, 'not cut short');
        } finally {
          b.close();
        }
      } finally {
        await elsewhere.end();
      }
    });
  });
});
