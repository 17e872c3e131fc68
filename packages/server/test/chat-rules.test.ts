/**
 * The chat rules (chat/rules/) on both stores, through ChatService: each hole a
 * review found in them, and what the store contract does not pin down — batch
 * isolation, durability of every commit, the change feed's index ranges and its
 * pages over ties, visibility of events. Needs PostgreSQL for the second half
 * (it fails rather than skips without one).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ErrorCode, GroupOp, MessageFlag, MessageOpKind, MessageType } from '@parley/protocol';
import { createTestDatabase, tempDir, type TestDatabase } from '@parley/testkit';
import { ChatService, type Caller, type ChatLimits } from '../src/chat/chat-service.ts';
import { GroupCommitter } from '../src/chat/group-commit.ts';
import { ChatStore } from '../src/chat/rules/chat-store.ts';
import type { StorePort } from '../src/chat/store-port.ts';
import type { AppendRequest, BusEvent, Store } from '../src/chat/types.ts';
import { LocalBus } from '../src/cluster/local/local-bus.ts';
import { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const LIMITS: ChatLimits = {
  maxBodyBytes: 4000, maxBatch: 512, pullMaxLimit: 500, syncPageSize: 500, maxGroupChange: 100, readReceiptPushMax: 20,
  typingPushMax: 50, recallWindowMs: 120_000, maxCustomBytes: 1000,
};
const USERS = ['ann', 'ben', 'cat', 'dan', 'eve', 'fay'];
const text = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

interface Rig {
  port: StorePort;
  store: Store;
  bus: LocalBus;
  chat: ChatService;
  /** Every event published on the bus, in order. */
  events: BusEvent[];
  as(userId: string): Caller;
  close(): Promise<void>;
}

const dir = tempDir();
const databases: TestDatabase[] = [];
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const db of databases) await db.drop();
});
let files = 0;

type Kind = 'sqlite' | 'postgres';

async function openPort(kind: Kind, synchronous: 'full' | 'normal' = 'normal'): Promise<StorePort> {
  if (kind === 'sqlite') return new SqliteStore({ file: join(dir, `r${files++}.db`), synchronous, memberCacheSize: 4 });
  const db = await createTestDatabase();
  databases.push(db);
  return PostgresStore.open({ url: db.url, poolSize: 4 });
}

async function rig(kind: Kind, options: { largeGroupThreshold?: number; synchronous?: 'full' | 'normal' } = {}): Promise<Rig> {
  const port = await openPort(kind, options.synchronous);
  const store = new ChatStore(port, { largeGroupThreshold: options.largeGroupThreshold ?? 200 });
  const bus = new LocalBus();
  const events: BusEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const chat = new ChatService(store, bus, LIMITS);
  for (const id of USERS) await store.createUser({ id, displayName: id, passwordHash: null, createdAt: 0 });
  return {
    port, store, bus, chat, events,
    as: (userId) => ({ userId, deviceId: `${userId}-dev`, sessionId: `${userId}-session` }),
    close: async () => {
      chat.close();
      await store.close();
    },
  };
}

let ids = 0;
const cid = (tag: string) => `${tag}-${ids++}`;

async function say(r: Rig, from: string, where: { to?: string; conversationId?: string }, body: string) {
  return (await r.chat.send(r.as(from), { ...where, clientMsgId: cid(from), type: MessageType.TEXT, body: text(body) })).message;
}

async function group(r: Rig, owner: string, users: string[]) {
  return (await r.chat.changeGroup(r.as(owner), { op: GroupOp.CREATE, users, name: 'G', clientMsgId: cid('g') })).message.conversationId;
}

/** A user's view of one conversation through incremental syncs from `token`, paging while there is more. */
async function syncFrom(r: Rig, userId: string, token: string) {
  const listed = new Map<string, { maxSeq: number; unread: number; left: boolean }>();
  for (;;) {
    const page = await r.chat.sync(r.as(userId), token);
    for (const c of page.conversations) listed.set(c.conversationId, { maxSeq: c.maxSeq, unread: c.unread, left: c.left });
    token = page.token;
    if (!page.more) return { listed, token };
  }
}

/** What a member's pull shows of a conversation: seq → body (text), or 'hole'. */
async function history(r: Rig, userId: string, conversationId: string) {
  const pull = await r.chat.pull(r.as(userId), conversationId, 1, 0, 500);
  const shown = new Map<number, string>();
  for (const m of pull.messages) shown.set(m.seq, `${m.type}:${decode(m.body)}`);
  for (const h of pull.holes) shown.set(h, 'hole');
  return shown;
}

function rulesOn(kind: Kind): void {
  describe(`Chat rules on ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`, () => {
    test('a member added to a group that is already large gets its messages through sync (hole 1)', async () => {
      const r = await rig(kind, { largeGroupThreshold: 3 });
      try {
        const g = await group(r, 'ann', ['ben', 'cat', 'dan']); // 4 members: large
        await r.chat.changeGroup(r.as('ann'), { op: GroupOp.INVITE, conversationId: g, users: ['eve'], clientMsgId: cid('inv') });
        // The joinable route too.
        await r.chat.changeGroup(r.as('ann'), { op: GroupOp.INFO, conversationId: g, fields: 8, joinable: true, clientMsgId: cid('info') });
        await r.chat.changeGroup(r.as('fay'), { op: GroupOp.JOIN, conversationId: g, clientMsgId: cid('join') });
        const eve = await syncFrom(r, 'eve', '');
        const fay = await syncFrom(r, 'fay', '');
        let last = 0;
        for (let i = 0; i < 3; i++) last = (await say(r, i % 2 ? 'ben' : 'cat', { conversationId: g }, `m${i}`)).seq;
        for (const [user, before] of [['eve', eve], ['fay', fay]] as const) {
          const later = await syncFrom(r, user, before.token);
          const unreadBefore = before.listed.get(g)!.unread;
          assert.deepEqual(later.listed.get(g), { maxSeq: last, unread: unreadBefore + 3, left: false }, `${user} learns of the three messages by sync`);
          assert.equal((await syncFrom(r, user, later.token)).listed.size, 0, `${user}: then nothing`);
        }
      } finally {
        await r.close();
      }
    });

    test('one bad request in a batch never fails the others: the batch is split down to the request that fails alone (hole 2)', async () => {
      const r = await rig(kind);
      try {
        const honest = (from: string, to: string, body: string): AppendRequest => ({
          senderId: from, senderDevice: 'dev', clientMsgId: cid(from), conversationId: from < to ? `d:${from}:${to}` : `d:${to}:${from}`,
          directMembers: from < to ? [from, to] : [to, from], type: MessageType.TEXT, body: text(body),
        });
        // Past the edge's checks, as a bug or a new path might let them: a NUL in an id (PostgreSQL refuses
        // the whole statement) and a body that is not bytes (no store can bind it).
        const nul: AppendRequest = { ...honest('ann', 'ben', 'x'), conversationId: 'g:bad\u0000id', directMembers: undefined };
        const notBytes = { ...honest('cat', 'dan', 'x'), body: { length: 1 } as unknown as Uint8Array };
        const committer = new GroupCommitter(r.store, 512);
        const requests = [honest('ann', 'ben', 'one'), nul, honest('ben', 'cat', 'two'), notBytes, honest('dan', 'eve', 'three')];
        const outcomes = await Promise.allSettled(requests.map((q) => committer.append(q)));
        const stored = outcomes.map((o) => (o.status === 'fulfilled' && o.value.ok ? decode(o.value.message.body) : undefined));
        assert.deepEqual([stored[0], stored[2], stored[4]], ['one', 'two', 'three'], 'the honest sends are stored');
        assert.equal(outcomes[3]!.status, 'rejected', 'the unbindable body fails alone');
        const failed = (outcomes[3] as PromiseRejectedResult).reason as { code: string; retryable: boolean };
        assert.equal(failed.retryable, false, 'and is not worth retrying');
        // SQLite holds a NUL: the id simply names no conversation. PostgreSQL refuses it, alone.
        const nulOutcome = outcomes[1]!;
        if (nulOutcome.status === 'fulfilled') assert.equal(nulOutcome.value.ok ? 'stored' : nulOutcome.value.code, ErrorCode.CONVERSATION_NOT_FOUND);
        else assert.equal((nulOutcome.reason as { code: string }).code, ErrorCode.INVALID_ARGUMENT);
        assert.equal(committer.isolated, kind === 'postgres' ? 2 : 1);
        // At the edge, such requests never get that far.
        await assert.rejects(r.chat.send(r.as('ann'), { conversationId: 'g:bad\u0000id', clientMsgId: cid('a'), type: MessageType.TEXT, body: text('x') }), {
          code: ErrorCode.INVALID_ARGUMENT,
        });
      } finally {
        await r.close();
      }
    });

    test('the edge refuses ids and texts outside their documented sets: NUL, control characters, lone surrogates', async () => {
      const r = await rig(kind);
      try {
        const g = await group(r, 'ann', ['ben']);
        const bad = { code: ErrorCode.INVALID_ARGUMENT };
        const ann = r.as('ann');
        await assert.rejects(r.chat.changeGroup(ann, { op: GroupOp.CREATE, users: ['ben'], name: 'a\u0000b', clientMsgId: cid('g') }), bad);
        await assert.rejects(r.chat.changeGroup(ann, { op: GroupOp.CREATE, users: ['ben'], name: 'a\ud800', clientMsgId: cid('g') }), bad);
        await assert.rejects(r.chat.changeGroup(ann, { op: GroupOp.INFO, conversationId: g, fields: 2, avatarUrl: 'https://x/\u0000', clientMsgId: cid('g') }), bad);
        await assert.rejects(r.chat.changeGroup(ann, { op: GroupOp.INFO, conversationId: g, fields: 4, announcement: 'bell\u0007', clientMsgId: cid('g') }), bad);
        // An announcement may have lines.
        await r.chat.changeGroup(ann, { op: GroupOp.INFO, conversationId: g, fields: 4, announcement: 'line 1\nline 2\ttabbed', clientMsgId: cid('g') });
        await assert.rejects(r.chat.changeFriends(ann, { op: 1, userId: 'ben', note: 'hi\u0000', clientMsgId: cid('f') }), bad);
        await assert.rejects(r.chat.modifyMessage(ann, { op: MessageOpKind.REACT, conversationId: g, seq: 1, emoji: '\udc00', clientMsgId: cid('r') }), bad);
        await assert.rejects(r.chat.pull(ann, 'g:\u0000', 1, 0, 10), bad);
        // A type the wire's uint32 cannot carry (the HTTP API takes JSON numbers).
        await assert.rejects(r.chat.send(ann, { to: 'ben', clientMsgId: cid('t'), type: 2 ** 32 + 1, body: text('x') }), bad);
        await assert.rejects(r.chat.markRead(ann, 'g:x\u0085', 1), bad);
        const token = `p1.${Buffer.from(JSON.stringify([r.store.storeId, 1, 'g:\u0000'])).toString('base64url')}`;
        await assert.rejects(r.chat.sync(ann, token), bad);
      } finally {
        await r.close();
      }
    });

    test('every write transaction commits with the configured durability, also after the delivered-state flush (hole 3)', async () => {
      const r = await rig(kind, { synchronous: 'full' });
      try {
        // SQLite: FULL (2) now and for every commit so far; PostgreSQL: COMMIT waits for the WAL flush.
        const expected = kind === 'sqlite' ? { synchronous: '2', weakestCommit: '2' } : { synchronous_commit: 'on', fsync: 'on' };
        const m = await say(r, 'ann', { to: 'ben' }, 'hello');
        assert.deepEqual(await r.port.durability(), expected, 'after sends');
        r.chat.noteDelivered(r.as('ben'), m.conversationId, m.seq);
        await r.chat.flushPending();
        assert.deepEqual(
          (await r.store.changesSince('ann', { version: 0, conversationId: '' }, 10)).conversations.map((c) => c.peerDeliveredSeq),
          [m.seq],
          'the delivered position was stored',
        );
        assert.deepEqual(await r.port.durability(), expected, 'after the delivered-state flush');
      } finally {
        await r.close();
      }
    });

    test('a resend after the message was edited or recalled gets the original ack (hole 4)', async () => {
      const r = await rig(kind);
      try {
        for (const op of [MessageOpKind.EDIT, MessageOpKind.RECALL]) {
          const send = { to: 'ben', clientMsgId: cid('orig'), type: MessageType.TEXT, body: text('first words') };
          const first = await r.chat.send(r.as('ann'), send);
          await r.chat.modifyMessage(r.as('ann'), { op, conversationId: first.message.conversationId, seq: first.message.seq, body: text('second words'), clientMsgId: cid('op') });
          const again = await r.chat.send(r.as('ann'), send);
          assert.deepEqual([again.duplicate, again.message.seq, again.message.id], [true, first.message.seq, first.message.id]);
          // Edited twice: still the first body that counts.
          if (op === MessageOpKind.EDIT) {
            await r.chat.modifyMessage(r.as('ann'), { op, conversationId: first.message.conversationId, seq: first.message.seq, body: text('third'), clientMsgId: cid('op') });
            assert.equal((await r.chat.send(r.as('ann'), send)).duplicate, true);
          }
          await assert.rejects(r.chat.send(r.as('ann'), { ...send, body: text('second words') }), { code: ErrorCode.CLIENT_MSG_ID_REUSED });
        }
      } finally {
        await r.close();
      }
    });

    test('an edit is checked like a send: invalid UTF-8 in TEXT, a CUSTOM body that is not JSON (hole 5)', async () => {
      const r = await rig(kind);
      try {
        const t = await say(r, 'ann', { to: 'ben' }, 'plain');
        const custom = (await r.chat.send(r.as('ann'), { to: 'ben', clientMsgId: cid('c'), type: MessageType.CUSTOM, body: text('{"a":1}') })).message;
        const edit = (seq: number, body: Uint8Array) =>
          r.chat.modifyMessage(r.as('ann'), { op: MessageOpKind.EDIT, conversationId: t.conversationId, seq, body, clientMsgId: cid('e') });
        await assert.rejects(edit(t.seq, new Uint8Array([0x61, 0xff, 0xfe])), { code: ErrorCode.INVALID_ARGUMENT });
        await assert.rejects(edit(custom.seq, text('not json')), { code: ErrorCode.INVALID_ARGUMENT });
        await assert.rejects(edit(custom.seq, text(`"${'x'.repeat(1200)}"`)), { code: ErrorCode.MESSAGE_TOO_LARGE });
        const pulled = await r.chat.pull(r.as('ben'), t.conversationId, 1, 0, 10);
        assert.deepEqual(pulled.messages.map((m) => [m.seq, decode(m.body), m.flags]), [[t.seq, 'plain', 0], [custom.seq, '{"a":1}', 0]], 'nothing stored');
        await edit(custom.seq, text('{"a":2}'));
      } finally {
        await r.close();
      }
    });

    test('edits, recalls and reactions follow the visibility of the message they change, on every path (hole 7)', async () => {
      const r = await rig(kind);
      try {
        const g = await group(r, 'ann', ['ben', 'cat']);
        const early = await say(r, 'ben', { conversationId: g }, 'before eve');
        const hiddenByCat = await say(r, 'ann', { conversationId: g }, 'cat deletes this');
        await r.chat.modifyMessage(r.as('cat'), { op: MessageOpKind.HIDE, conversationId: g, seq: hiddenByCat.seq, clientMsgId: cid('h') });
        await r.chat.changeGroup(r.as('ann'), { op: GroupOp.INVITE, conversationId: g, users: ['eve'], clientMsgId: cid('i') });
        const seen = await say(r, 'ann', { conversationId: g }, 'eve sees this');
        const eveToken = (await syncFrom(r, 'eve', '')).token;
        await r.chat.markRead(r.as('eve'), g, seen.seq);
        const readToken = (await syncFrom(r, 'eve', eveToken)).token;
        r.events.length = 0;
        const edit = (await r.chat.modifyMessage(r.as('ben'), { op: MessageOpKind.EDIT, conversationId: g, seq: early.seq, body: text('secret edit'), clientMsgId: cid('e') })).message;
        const react = (await r.chat.modifyMessage(r.as('ben'), { op: MessageOpKind.REACT, conversationId: g, seq: hiddenByCat.seq, emoji: '👍', clientMsgId: cid('r') })).message;
        const recall = (await r.chat.modifyMessage(r.as('ann'), { op: MessageOpKind.RECALL, conversationId: g, seq: seen.seq, clientMsgId: cid('x') })).message;
        const pushedTo = (seq: number) => (r.events.find((e) => e.kind === 'message' && e.message.seq === seq) as Extract<BusEvent, { kind: 'message' }>).recipients;
        assert.ok(!pushedTo(edit.seq).includes('eve'), 'the edit of a message from before eve joined is not pushed to her');
        assert.ok(pushedTo(edit.seq).includes('cat'), 'it is pushed to those who see the message');
        assert.ok(!pushedTo(react.seq).includes('cat'), 'a reaction to a message cat deleted for herself is not pushed to her');
        assert.ok(pushedTo(recall.seq).includes('eve'), 'the recall of a message eve sees is');
        const eve = await history(r, 'eve', g);
        assert.equal(eve.get(edit.seq), 'hole', 'eve pulls the edit as a hole');
        assert.equal(eve.get(react.seq), 'hole', 'and the reaction to a message from before she joined');
        assert.equal(eve.get(recall.seq), `${MessageType.RECALL}:`, 'she pulls the recall');
        assert.ok(![...eve.values()].some((v) => v.includes('secret edit')), 'the new text reaches her on no path');
        const cat = await history(r, 'cat', g);
        assert.equal(cat.get(react.seq), 'hole');
        assert.equal(cat.get(edit.seq), `${MessageType.EDIT}:secret edit`);
        // Her unread count: events are changes to earlier messages, never unread.
        const eveView = (await syncFrom(r, 'eve', readToken)).listed.get(g);
        assert.equal(eveView?.unread, 0, 'edits, reactions and recalls do not count as unread');
        // She cannot act on a message she cannot see.
        await assert.rejects(
          r.chat.modifyMessage(r.as('eve'), { op: MessageOpKind.REACT, conversationId: g, seq: early.seq, emoji: '👍', clientMsgId: cid('r') }),
          { code: ErrorCode.MESSAGE_NOT_FOUND },
        );
        // Cleared history: later changes to cleared messages are holes too.
        await r.chat.modifyMessage(r.as('cat'), { op: MessageOpKind.CLEAR, conversationId: g, seq: seen.seq, clientMsgId: cid('c') });
        const edit2 = (await r.chat.modifyMessage(r.as('ben'), { op: MessageOpKind.EDIT, conversationId: g, seq: early.seq, body: text('again'), clientMsgId: cid('e') })).message;
        assert.equal((await history(r, 'cat', g)).get(edit2.seq), 'hole', 'an edit of a message cat cleared');
        // The last message of each member's list is never an event.
        const lasts = await r.store.changesSince('eve', { version: 0, conversationId: '' }, 50);
        const last = lasts.conversations.find((c) => c.conversationId === g)?.lastMessage;
        assert.deepEqual([last?.seq, last?.flags], [seen.seq, MessageFlag.RECALLED]);
      } finally {
        await r.close();
      }
    });

    test('sync pages through many conversations tied on one version, small and large, listing each exactly once', async () => {
      const r = await rig(kind, { largeGroupThreshold: 3 });
      try {
        const big = await group(r, 'ann', ['ben', 'cat', 'dan']);
        const small = await group(r, 'ann', ['ben']);
        // One group-commit batch: one transaction, so every conversation it touches shares one version.
        const committer = new GroupCommitter(r.store, 512);
        const batch = (round: number): AppendRequest[] => [
          ...['ben', 'cat', 'dan', 'eve', 'fay'].map((u) => ({
            senderId: 'ann', senderDevice: 'dev', clientMsgId: cid(`t${round}`), conversationId: `d:ann:${u}`, directMembers: ['ann', u] as [string, string],
            type: MessageType.TEXT, body: text(`${round}`),
          })),
          ...[big, small].map((conversationId) => ({ senderId: 'ben', senderDevice: 'dev', clientMsgId: cid(`t${round}`), conversationId, type: MessageType.TEXT, body: text(`${round}`) })),
        ];
        const all = [big, small, ...['ben', 'cat', 'dan', 'eve', 'fay'].map((u) => `d:ann:${u}`)].sort();
        let token = (await syncFrom(r, 'ann', '')).token;
        for (let round = 0; round < 2; round++) {
          await Promise.all(batch(round).map((q) => committer.append(q)));
          for (const pageSize of [1, 2, 3]) {
            const chat = new ChatService(r.store, r.bus, { ...LIMITS, syncPageSize: pageSize });
            const listed: string[] = [];
            let t = token;
            for (let pages = 0; pages < 50; pages++) {
              const page = await chat.sync(r.as('ann'), t);
              assert.ok(page.conversations.length <= pageSize);
              listed.push(...page.conversations.map((c) => c.conversationId));
              t = page.token;
              if (!page.more) break;
            }
            chat.close();
            assert.deepEqual([...listed].sort(), all, `round ${round}, pages of ${pageSize}: each conversation exactly once`);
            if (pageSize === 3) token = t;
          }
        }
      } finally {
        await r.close();
      }
    });
  });
}

rulesOn('sqlite');
rulesOn('postgres');

describe('The change feed is two index ranges (hole 8)', () => {
  test('SQLite: the member rows by members_by_user_version, the large groups by conversations_large_version; no table scan', async () => {
    const store = new SqliteStore({ file: join(dir, `plan${files++}.db`), synchronous: 'normal' });
    try {
      const args = { user: 'ann', version: 0, conv: '', limit: 10 };
      const members = store.explain('changesSinceMembers', args).join('\n');
      const large = store.explain('changesSinceLarge', args).join('\n');
      assert.match(members, /SEARCH m USING (COVERING )?INDEX members_by_user_version \(user_id=\? AND \(version,conv_id\)>\(\?,\?\)\)/, members);
      assert.match(large, /SEARCH c USING (COVERING )?INDEX conversations_large_version \(\(version,id\)>\(\?,\?\)\)/, large);
      assert.match(large, /SEARCH m USING PRIMARY KEY \(conv_id=\? AND user_id=\?\)/, large);
      for (const plan of [members, large]) assert.doesNotMatch(plan, /SCAN (m|c|members|conversations)\b/, plan);
    } finally {
      await store.close();
    }
  });

  test('PostgreSQL: both ranges read an index, never a sequential scan of members or conversations', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const port = await PostgresStore.open({ url: db.url, poolSize: 2 });
    try {
      const args = ['ann', 0, '', 10, 2 ** 40]; // user, cursor, limit, horizon
      for (const name of ['changesSinceMembers', 'changesSinceLarge'] as const) {
        const plan = (await port.explain(name, args)).join('\n');
        assert.doesNotMatch(plan, /Seq Scan on (members|conversations)\b/, plan);
      }
      assert.match((await port.explain('changesSinceMembers', args)).join('\n'), /members_by_user_version/);
      assert.match((await port.explain('changesSinceLarge', args)).join('\n'), /conversations_large_version|members_pkey/);
    } finally {
      await port.close();
    }
  });
});

describe('SqliteStore: its member cache', () => {
  test('holds at most memberCacheSize groups, and stays right as members change (hole 6)', async () => {
    const r = await rig('sqlite');
    try {
      const sqlite = r.port as SqliteStore;
      const groups: string[] = [];
      for (let i = 0; i < 10; i++) groups.push(await group(r, 'ann', ['ben']));
      for (const g of groups) await say(r, 'ben', { conversationId: g }, 'hi');
      assert.ok(sqlite.cachedGroups <= 4, `${sqlite.cachedGroups} groups cached`);
      await r.chat.changeGroup(r.as('ann'), { op: GroupOp.INVITE, conversationId: groups[9]!, users: ['cat'], clientMsgId: cid('i') });
      assert.deepEqual(await r.store.listMembers(groups[9]!), ['ann', 'ben', 'cat']);
      const m = await say(r, 'ann', { conversationId: groups[9]! }, 'to three');
      const event = r.events.find((e) => e.kind === 'message' && e.message.id === m.id) as Extract<BusEvent, { kind: 'message' }>;
      assert.deepEqual([...event.recipients].sort(), ['ann', 'ben', 'cat']);
    } finally {
      await r.close();
    }
  });
});

describe('PostgresStore: the conversation row lock', () => {
  test('appends to one conversation from two nodes at once take turns on it: no seq is ever taken twice, no transaction retried', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const [a, b] = await Promise.all([PostgresStore.open({ url: db.url, poolSize: 6 }), PostgresStore.open({ url: db.url, poolSize: 6 })]);
    const nodes = [new ChatStore(a), new ChatStore(b)];
    try {
      for (const id of USERS) await nodes[0]!.createUser({ id, displayName: id, passwordHash: null, createdAt: 0 });
      const g = (await nodes[0]!.changeGroup({
        actorId: 'ann', actorDevice: 'dev', clientMsgId: 'create', op: GroupOp.CREATE, conversationId: '', users: USERS, name: 'G',
        fields: 0, avatarUrl: '', announcement: '', joinable: false, role: 0, mutedUntil: 0, on: false,
      })) as { ok: true; message: { conversationId: string } };
      const conversationId = g.message.conversationId;
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          nodes[i % 2]!.appendMessages(
            Array.from({ length: 5 }, (_, j) => ({
              senderId: USERS[(i + j) % USERS.length]!, senderDevice: 'dev', clientMsgId: `c-${i}-${j}`, conversationId, type: MessageType.TEXT, body: text(`${i}.${j}`),
            })),
          ),
        ),
      );
      const seqs = results.flat().map((x) => (x.ok ? x.message.seq : -1));
      assert.deepEqual([...seqs].sort((x, y) => x - y), Array.from({ length: 200 }, (_, i) => i + 2), 'seqs 2..201, each acked once');
      // Within one batch, seqs are consecutive: the batch held the lock from its first seq to its last.
      for (const batch of results) {
        const s = batch.map((x) => (x.ok ? x.message.seq : -1));
        assert.deepEqual(s, s.map((_, i) => s[0]! + i));
      }
      assert.equal(a.retried + b.retried, 0, 'no append had to run again: the lock ordered them');
    } finally {
      for (const n of nodes) await n.close();
    }
  });
});
