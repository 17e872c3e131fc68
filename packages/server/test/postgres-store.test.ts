/**
 * PostgresStore: the store contract (twice, as for SQLite), then what only a
 * store shared by several nodes must do: concurrent appends through two
 * instances, a change feed that never skips a slow transaction, and surviving
 * lost connections. Needs PostgreSQL (PARLEY_TEST_POSTGRES_URL, default the local
 * server); without it these tests fail rather than skip.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { directConversationId, ErrorCode, GroupOp, MessageType } from '@parley/protocol';
import { createTestDatabase, postgresAdmin, startFaultProxy, withDeadline, type TestDatabase } from '@parley/testkit';
import type { AppendRequest, AppendResult, ChangeCursor, Store } from '../src/chat/types.ts';
import { ChatStore, type ChatStoreOptions } from '../src/chat/rules/chat-store.ts';
import { PostgresStore, type PostgresStoreOptions } from '../src/store/postgres/postgres-store.ts';
import { UnsafeMode } from '../src/testing/faults.ts';
import { mediaStoreContract } from './media-store-contract.ts';
import { storeContract } from './store-contract.ts';

/** A store on PostgreSQL with the chat rules, as the server composes it. */
async function openStore(options: PostgresStoreOptions & ChatStoreOptions): Promise<Store> {
  const { largeGroupThreshold, crash, unsafe, ...port } = options;
  return new ChatStore(await PostgresStore.open(port), { largeGroupThreshold, crash, unsafe });
}

const databases: TestDatabase[] = [];
const stores: Store[] = [];
after(async () => {
  for (const db of databases) await db.drop();
});

async function freshDatabase(): Promise<string> {
  const db = await createTestDatabase();
  databases.push(db);
  return db.url;
}

storeContract('PostgresStore', async () => {
  const url = await freshDatabase();
  return { store: await openStore({ url, poolSize: 4 }), reopen: () => openStore({ url, poolSize: 4 }) };
});

storeContract('PostgresStore, large groups from 4 members', async () => {
  const url = await freshDatabase();
  const options = { url, poolSize: 4, largeGroupThreshold: 3 };
  return { store: await openStore(options), reopen: () => openStore(options) };
});

mediaStoreContract('PostgresStore', async () => PostgresStore.open({ url: await freshDatabase(), poolSize: 4 }));

const NONE: ChangeCursor = { version: 0, conversationId: '' };

function text(senderId: string, clientMsgId: string, conversationId: string, directMembers?: [string, string]): AppendRequest {
  return { senderId, senderDevice: 'dev', clientMsgId, conversationId, directMembers, type: MessageType.TEXT, body: new TextEncoder().encode(clientMsgId) };
}

function ok(r: AppendResult | undefined): Extract<AppendResult, { ok: true }> {
  assert.ok(r?.ok, `expected success, got ${JSON.stringify(r)}`);
  return r;
}

/** A small deterministic generator, so a failing interleaving can be run again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** Two nodes on one fresh database, opened at the same moment (so they migrate it together). */
async function twoNodes(options: Omit<PostgresStoreOptions & ChatStoreOptions, 'url'> = {}): Promise<{ url: string; a: Store; b: Store }> {
  const url = await freshDatabase();
  const [a, b] = await Promise.all([openStore({ url, ...options }), openStore({ url, ...options })]);
  stores.push(a, b);
  for (const id of ['ann', 'ben', 'cat', 'dan']) await a.createUser({ id, displayName: id, passwordHash: null, createdAt: 0 });
  return { url, a, b };
}

describe('PostgresStore: several nodes on one database', () => {
  after(async () => {
    for (const s of stores.splice(0)) await s.close();
  });

  test('nodes opening a fresh database together migrate it once and share one store id', async () => {
    const { a, b } = await twoNodes();
    assert.equal(a.storeId, b.storeId);
  });

  test('concurrent appends through two nodes: seqs exactly 1..N, each message stored once, every resend answered with the original', async () => {
    const { a, b } = await twoNodes({ poolSize: 6 });
    const g = ok(await a.changeGroup({
      actorId: 'ann', actorDevice: 'dev', clientMsgId: 'create', op: GroupOp.CREATE, conversationId: '', users: ['ben', 'cat', 'dan'], name: 'G',
      fields: 0, avatarUrl: '', announcement: '', joinable: false, role: 0, mutedUntil: 0, on: false,
    })).message.conversationId;
    const direct = directConversationId('ann', 'ben');
    const rnd = random(7);
    const requests: AppendRequest[] = [];
    for (const sender of ['ann', 'ben', 'cat', 'dan']) for (let i = 0; i < 60; i++) requests.push(text(sender, `${sender}-${i}`, g));
    // A direct conversation that both nodes create on first use at the same moment.
    for (let i = 0; i < 40; i++) requests.push(text(i % 2 ? 'ann' : 'ben', `d-${i}`, direct, ['ann', 'ben']));
    // Every third message is sent again through the other node while the first send may still be in flight.
    const sends: { node: Store; request: AppendRequest }[] = [];
    requests.forEach((request, i) => {
      const node = rnd() < 0.5 ? a : b;
      sends.push({ node, request });
      if (i % 3 === 0) sends.push({ node: node === a ? b : a, request });
    });
    sends.sort(() => rnd() - 0.5);
    const batches: { node: Store; requests: AppendRequest[] }[] = [];
    for (let i = 0; i < sends.length; ) {
      const size = 1 + Math.floor(rnd() * 8);
      for (const node of [a, b]) {
        const part = sends.slice(i, i + size).filter((s) => s.node === node).map((s) => s.request);
        if (part.length > 0) batches.push({ node, requests: part });
      }
      i += size;
    }
    const results = await Promise.all(batches.map(async ({ node, requests: batch }) => (await node.appendMessages(batch)).map((r, i) => [batch[i]!, r] as const)));
    const byKey = new Map<string, Extract<AppendResult, { ok: true }>[]>();
    for (const [request, result] of results.flat()) {
      const k = `${request.senderId}/${request.clientMsgId}`;
      byKey.set(k, [...(byKey.get(k) ?? []), ok(result)]);
    }
    assert.equal(byKey.size, requests.length);
    for (const [k, answers] of byKey) {
      assert.equal(answers.filter((r) => !r.duplicate).length, 1, `${k} stored once`);
      assert.equal(new Set(answers.map((r) => `${r.message.seq}/${r.message.id}`)).size, 1, `${k}: every answer is the original`);
    }
    for (const [conversationId, count] of [[g, 241], [direct, 40]] as const) {
      const stored = await a.readMessages(conversationId, 1, 1000, 1000);
      assert.deepEqual(stored.map((m) => m.seq), Array.from({ length: count }, (_, i) => i + 1), `${conversationId}: seqs 1..${count}`);
      assert.equal(new Set(stored.map((m) => `${m.senderId}/${m.clientMsgId}`)).size, count, 'no message twice');
    }
  });

  test('a clientMsgId reused for another conversation on another node at the same moment: one is stored, the other refused', async () => {
    const { a, b } = await twoNodes();
    await a.appendMessages([text('ann', 'warm-up', directConversationId('ann', 'ben'), ['ann', 'ben'])]);
    for (let i = 0; i < 10; i++) {
      const [[first], [second]] = await Promise.all([
        a.appendMessages([text('ann', `same-${i}`, directConversationId('ann', 'ben'), ['ann', 'ben'])]),
        b.appendMessages([text('ann', `same-${i}`, directConversationId('ann', 'cat'), ['ann', 'cat'])]),
      ]);
      const outcomes = [first, second].map((r) => (r!.ok ? 'stored' : r!.code)).sort();
      assert.deepEqual(outcomes, [ErrorCode.CLIENT_MSG_ID_REUSED, 'stored'].sort());
    }
  });

  test('the change feed does not skip a slower transaction that committed after a reader moved on', async () => {
    const { url, a, b } = await twoNodes();
    const annBen = directConversationId('ann', 'ben');
    const annCat = directConversationId('ann', 'cat');
    ok((await a.appendMessages([text('ben', 'b1', annBen, ['ann', 'ben'])]))[0]);
    ok((await a.appendMessages([text('cat', 'c1', annCat, ['ann', 'cat'])]))[0]);
    let cursor = (await a.changesSince('ann', NONE, 100)).next;
    const slow = new pg.Client({ connectionString: url });
    await slow.connect();
    try {
      // A writer that took its transaction id (its change version) first and commits last.
      await slow.query('BEGIN');
      await slow.query(`UPDATE members SET read_seq = 1, version = pg_current_xact_id()::text::bigint WHERE conv_id = $1 AND user_id = 'ann'`, [annBen]);
      ok((await b.appendMessages([text('cat', 'c2', annCat)]))[0]);
      const during = await a.changesSince('ann', cursor, 100);
      // Nothing yet: the slow transaction has not committed, and the other one's version is above the slow one's id.
      assert.deepEqual(during.conversations, []);
      cursor = during.next;
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    // Read on from the cursor the reader had while the slow transaction was open (polling:
    // a transaction elsewhere on the server may hold the horizon back for a moment).
    const seen = new Map<string, { readSeq: number; maxSeq: number }>();
    for (const deadline = Date.now() + 10_000; seen.size < 2 && Date.now() < deadline; ) {
      const page = await a.changesSince('ann', cursor, 100);
      for (const c of page.conversations) seen.set(c.conversationId, { readSeq: c.readSeq, maxSeq: c.maxSeq });
      cursor = page.next;
      if (seen.size < 2) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(seen.get(annBen)?.readSeq, 1, 'the slow transaction\'s change is listed');
    assert.equal(seen.get(annCat)?.maxSeq, 2, 'and the faster one\'s');
  });

  test('a sync cut short by a transaction that outlives its wait says so (withheld), which resolves once that transaction ends', async () => {
    const { url, a } = await twoNodes();
    const annBen = directConversationId('ann', 'ben');
    const cursor = (await a.changesSince('ann', NONE, 100)).next;
    const held = new pg.Client({ connectionString: url });
    await held.connect();
    let open = false;
    try {
      await held.query('BEGIN');
      await held.query('SELECT pg_current_xact_id()'); // an id below the message's version
      open = true;
      ok((await a.appendMessages([text('ben', 'b1', annBen, ['ann', 'ben'])]))[0]);
      const page = await a.changesSince('ann', cursor, 100);
      assert.deepEqual(page.conversations, [], 'the committed message is held back');
      assert.ok(page.withheld, 'and the page says so');
      let passed = false;
      void page.withheld.then(() => (passed = true));
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(passed, false, 'not while the transaction is open');
      await held.query('COMMIT');
      open = false;
      await withDeadline(page.withheld, 'the horizon to pass the held transaction');
      const rest = await a.changesSince('ann', page.next, 100);
      assert.deepEqual(rest.conversations.map((c) => [c.conversationId, c.maxSeq]), [[annBen, 1]], 'the next page from the cursor has it');
    } finally {
      if (open) await held.query('ROLLBACK').catch(() => {});
      await held.end();
    }
  });

  test('test-only unsafe modes break the contract as on SQLite: no-dedup stores a resend again, ack-before-commit answers before COMMIT', async () => {
    const { url, a } = await twoNodes();
    const conv = directConversationId('ann', 'ben');
    const noDedup = await openStore({ url, unsafe: new Set([UnsafeMode.NO_DEDUP]) });
    stores.push(noDedup);
    const [first, again] = await noDedup.appendMessages([text('ann', 'x', conv, ['ann', 'ben']), text('ann', 'x', conv, ['ann', 'ben'])]);
    assert.deepEqual([ok(first).message.seq, ok(again).message.seq, ok(again).duplicate], [1, 2, false]);
    const early = await openStore({ url, unsafe: new Set([UnsafeMode.ACK_BEFORE_COMMIT]) });
    stores.push(early);
    assert.equal(ok((await early.appendMessages([text('ann', 'y', conv)]))[0]).message.seq, 3);
    assert.equal((await a.readMessages(conv, 3, 3, 1)).length, 0, 'acked, not yet committed');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await a.readMessages(conv, 3, 3, 1)).length, 1, 'committed later');
  });

  test('lost connections: operations fail while the database is unreachable and succeed once it is back, without a restart', async () => {
    const url = await freshDatabase();
    const proxy = await startFaultProxy(Number(new URL(url).port || 5432));
    const proxied = new URL(url);
    proxied.port = String(proxy.port);
    const logged: string[] = [];
    const store = await openStore({ url: proxied.toString(), poolSize: 3, log: (msg) => logged.push(msg) });
    try {
      for (const id of ['ann', 'ben']) await store.createUser({ id, displayName: id, passwordHash: null, createdAt: 0 });
      const conv = directConversationId('ann', 'ben');
      assert.equal(ok((await store.appendMessages([text('ann', 'm1', conv, ['ann', 'ben'])]))[0]).message.seq, 1);
      // The server ends every connection of the database (as a restart or failover does).
      const ended = await postgresAdmin(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [new URL(url).pathname.slice(1)],
      );
      assert.ok(ended.length > 0);
      for (const deadline = Date.now() + 5000; logged.length < ended.length && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
      assert.equal(logged.length, ended.length, 'each lost idle connection is reported, none crashes the process');
      assert.equal(ok((await store.appendMessages([text('ann', 'm2', conv)]))[0]).message.seq, 2);
      // Unreachable: every connection is cut, new ones too.
      proxy.setCutProbability(1);
      proxy.cutAll();
      // The retryable UNAVAILABLE a client knows to retry, not an internal error.
      const unavailable = { code: ErrorCode.UNAVAILABLE };
      await assert.rejects(store.appendMessages([text('ann', 'm3', conv)]), unavailable);
      await assert.rejects(store.changesSince('ann', NONE, 10), unavailable);
      await assert.rejects(store.markDelivered([{ conversationId: conv, userId: 'ben', seq: 2 }]), unavailable);
      // Back.
      proxy.setCutProbability(0);
      assert.equal(ok((await store.appendMessages([text('ann', 'm3', conv)]))[0]).message.seq, 3);
      assert.deepEqual((await store.changesSince('ben', NONE, 10)).conversations.map((c) => c.maxSeq), [3]);
    } finally {
      await store.close();
      await proxy.close();
    }
  });
});
