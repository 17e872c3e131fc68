/**
 * The cluster store: PostgreSQL, written by every node at once through a pg pool.
 *
 * It keeps the SQLite store's domain rules (shared through ../common.ts) and its
 * invariants, but nothing may rely on being the only writer:
 *
 * - Seqs: a conversation's row is locked (SELECT … FOR UPDATE, ids in sorted
 *   order) before its max_seq is read, and raised in the same transaction that
 *   stores the messages, so two nodes can neither reuse nor skip a seq. The lock
 *   also serialises appends to one conversation, so the dedup lookup made after
 *   taking it sees any original another node committed. A resend racing into a
 *   different conversation, or two nodes creating the same direct conversation,
 *   hit a unique index instead; that transaction is retried and then finds the
 *   winner's row.
 * - Change versions are transaction ids (pg_current_xact_id), and the change feed
 *   returns only versions below its snapshot's xmin (see SQL.changesSince), so a
 *   slow transaction that took a smaller id cannot commit behind a reader's cursor.
 * - Group commit: `appendMessages` stores a whole batch in one transaction with
 *   one statement per kind (multi-row INSERT/UPDATE through unnest) and resolves
 *   after COMMIT.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  ConversationKind,
  ConversationSetting,
  ErrorCode,
  FriendOp,
  GroupInfoField,
  GroupOp,
  GroupRole,
  MessageFlag,
  MessageOpKind,
  MessageType,
  ParleyError,
  SERVER_MESSAGE_TYPE_MIN,
  noticeConversationId,
  parseDirectConversationId,
  type FriendEvent,
  type HistoryEvent,
  type MembershipEvent,
  type SettingsEvent,
} from '@parley/protocol';
import type {
  AppendRequest,
  AppendResult,
  ChangeCursor,
  ChangePage,
  FriendChangeRequest,
  FriendChangeResult,
  FriendListRecord,
  GroupChangeRequest,
  GroupRecord,
  Membership,
  MessageOpRequest,
  SettingsRequest,
  Store,
  StoredMessage,
  User,
} from '../../chat/types.ts';
import { noCrash, UnsafeMode, type CrashHook } from '../../testing/faults.ts';
import {
  applyReaction,
  asBuffer,
  changePage,
  eventBody,
  EVENT_TYPES,
  FRIEND_OP_NAMES,
  peerKey,
  reactionBody,
  reusedError,
  sameAppend,
  sameFriendChange,
  sameGroupChange,
  sameMessageOp,
  sameSettings,
  toMessage,
  type ChangeRow,
  type GroupRow,
  type MemberRow,
  type MessageRow,
} from '../common.ts';
import { MIGRATION_LOCK, MIGRATIONS, SQL } from './queries.ts';

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** As SqliteStoreOptions.largeGroupThreshold (default 200). */
  largeGroupThreshold?: number;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** TEST ONLY: crash hook (after-insert) and contract-breaking modes. */
  crash?: CrashHook;
  unsafe?: ReadonlySet<UnsafeMode>;
  /** Where connection errors that belong to no operation are reported (default: stderr). */
  log?: (msg: string, err?: unknown) => void;
}

type Client = pg.PoolClient;

/** A conversation row locked by this transaction; max_seq is kept current in memory as seqs are taken. */
interface LockedConversation extends GroupRow {
  id: string;
}

/** SQLSTATEs after which the whole transaction was rolled back and may simply run again. */
const RETRYABLE = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '23505', // unique_violation: a concurrent writer stored the same key first; the retry sees its row
]);
const MAX_ATTEMPTS = 5;
/** Longest a sync waits for the transactions running when it began to end (see horizonPassesNow). */
const HORIZON_WAIT_MS = 1000;

/** Thrown inside a transaction that found another node got there first: run it again. */
class RetryTransaction extends Error {}

/** BIGINT columns (times, versions, counts) come back as numbers; they stay far below 2^53. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary' ? Number : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** SQLSTATEs and socket errors that mean the database cannot be reached right now (not that the query is wrong). */
const UNREACHABLE = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

/**
 * A failure to reach the database — refused, cut, shut down, or every pooled
 * connection busy for longer than the pool waits — as the retryable UNAVAILABLE
 * a client knows to retry; anything else as it is.
 */
function asUnavailable(err: unknown): unknown {
  const { code = '', message = '' } = err as { code?: string; message?: string };
  const unreachable =
    UNREACHABLE.has(code) || code.startsWith('08') || /timeout exceeded when trying to connect|Connection terminated/.test(message);
  return unreachable ? new ParleyError(ErrorCode.UNAVAILABLE, 'the database is unreachable or busy; retry', { cause: err }) : err;
}

function isRetryable(err: unknown): boolean {
  return err instanceof RetryTransaction || RETRYABLE.has((err as { code?: string }).code ?? '');
}

function key(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

type Refusal = { ok: false; code: ErrorCode; message: string };

function refusal(code: ErrorCode, message: string): Refusal {
  return { ok: false, code, message };
}

/** What one appendMessages transaction has read and written so far. */
interface AppendContext {
  now: number;
  convs: Map<string, LockedConversation>;
  /** Stored messages by (sender, clientMsgId), including those of this batch. */
  stored: Map<string, MessageRow>;
  /** Member rows by (conversation, user). */
  members: Map<string, MemberRow>;
  /** Blocks by (user, blocked). */
  blocked: Set<string>;
  fresh: StoredMessage[];
}

export class PostgresStore implements Store {
  private readonly late = new Set<{ timer: ReturnType<typeof setTimeout>; finish: () => Promise<void> }>();

  private constructor(
    private readonly pool: pg.Pool,
    readonly storeId: string,
    private readonly largeGroupThreshold: number,
    private readonly crash: CrashHook,
    private readonly unsafe: ReadonlySet<UnsafeMode>,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {}

  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const log = options.log ?? ((msg: string, err?: unknown) => console.error(msg, err));
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types, connectionTimeoutMillis: 10_000 });
    // An idle connection that dies (server restart, network) must not crash the process:
    // the pool drops it and the next operation connects afresh.
    pool.on('error', (err) => log('postgres: idle connection lost', err));
    try {
      const storeId = await PostgresStore.migrate(pool);
      return new PostgresStore(pool, storeId, options.largeGroupThreshold ?? 200, options.crash ?? noCrash, options.unsafe ?? new Set(), log);
    } catch (err) {
      await pool.end();
      throw err;
    }
  }

  /**
   * Apply missing migrations and make sure the store id exists, under an advisory
   * lock so that nodes starting together take turns. Returns the store id.
   */
  private static async migrate(pool: pg.Pool): Promise<string> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await client.query(SQL.migrationLock, [MIGRATION_LOCK]);
      await client.query(SQL.createMigrations);
      const { rows } = await client.query<{ v: number }>(SQL.appliedMigrations);
      for (let v = rows[0]!.v; v < MIGRATIONS.length; v++) {
        await client.query(MIGRATIONS[v]!);
        await client.query(SQL.recordMigration, [v + 1]);
      }
      await client.query(SQL.initMeta, ['store_id', randomUUID()]);
      const id = await client.query<{ value: string }>(SQL.getMeta, ['store_id']);
      await client.query('COMMIT');
      return id.rows[0]!.value;
    } catch (err) {
      broken = await PostgresStore.rollback(client, err);
      throw err;
    } finally {
      client.release(broken);
    }
  }

  /** Roll back after `err`; returns an error if the connection is unusable (so the pool discards it). */
  private static async rollback(client: Client, err: unknown): Promise<Error | undefined> {
    try {
      await client.query('ROLLBACK');
      return undefined;
    } catch (rollbackErr) {
      return rollbackErr instanceof Error ? rollbackErr : err instanceof Error ? err : new Error(String(err));
    }
  }

  /**
   * A pooled connection with an error listener for as long as it is checked out:
   * pg emits 'error' on a client whose connection drops, and an unheard 'error'
   * would crash the process. The operation itself fails with the query's error.
   */
  private async connect(): Promise<{ client: Client; release: (err?: Error) => void }> {
    const client = await this.pool.connect();
    const onError = (err: Error) => this.log('postgres: connection lost during an operation', err);
    client.on('error', onError);
    return {
      client,
      release: (err?: Error) => {
        client.removeListener('error', onError);
        client.release(err);
      },
    };
  }

  /** Run `fn` again (a bounded number of times) when it fails in a way a retry fixes. */
  private async retrying<R>(fn: () => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(err)) throw err;
      }
    }
  }

  /** `fn` in one transaction on one connection: committed if it returns, rolled back if it throws. */
  private transaction<R>(fn: (client: Client) => Promise<R>): Promise<R> {
    return this.retrying(async () => {
      try {
        return await this.once(fn);
      } catch (err) {
        throw asUnavailable(err);
      }
    });
  }

  private async once<R>(fn: (client: Client) => Promise<R>): Promise<R> {
    const { client, release } = await this.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      broken = await PostgresStore.rollback(client, err);
      throw err;
    } finally {
      release(broken);
    }
  }

  /** A transaction whose refusals are thrown ParleyErrors (it rolls back): a refusal becomes a result. */
  private async guarded<R>(fn: (client: Client) => Promise<R>): Promise<R | Refusal> {
    try {
      return await this.transaction(fn);
    } catch (err) {
      if (err instanceof ParleyError) return refusal(err.code, err.message);
      throw err;
    }
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R[]> {
    try {
      return (await this.pool.query<R>(text, values)).rows;
    } catch (err) {
      throw asUnavailable(err);
    }
  }

  async createUser(user: User): Promise<void> {
    try {
      await this.pool.query(SQL.insertUser, [user.id, user.displayName, user.passwordHash, user.createdAt]);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new ParleyError(ErrorCode.USER_EXISTS, `user ${user.id} already exists`);
      throw err;
    }
  }

  async getUser(id: string): Promise<User | undefined> {
    const [row] = await this.query<{ id: string; display_name: string; password_hash: string | null; created_at: number }>(SQL.getUser, [id]);
    return row && { id: row.id, displayName: row.display_name, passwordHash: row.password_hash, createdAt: row.created_at };
  }

  async appendMessages(batch: readonly AppendRequest[]): Promise<AppendResult[]> {
    if (batch.length === 0) return [];
    if (this.unsafe.has(UnsafeMode.ACK_BEFORE_COMMIT)) return this.appendWithoutCommit(batch);
    return this.transaction((c) => this.appendInTx(c, batch));
  }

  /** TEST ONLY (ack-before-commit): results now, the commit 300 ms later. */
  private async appendWithoutCommit(batch: readonly AppendRequest[]): Promise<AppendResult[]> {
    const { client, release } = await this.connect();
    let results: AppendResult[];
    try {
      await client.query('BEGIN');
      results = await this.appendInTx(client, batch);
    } catch (err) {
      release(await PostgresStore.rollback(client, err));
      throw err;
    }
    const entry = {
      timer: setTimeout(() => void entry.finish(), 300),
      finish: async () => {
        clearTimeout(entry.timer);
        if (!this.late.delete(entry)) return;
        try {
          await client.query('COMMIT');
          release();
        } catch (err) {
          this.log('postgres: late commit failed', err);
          release(err instanceof Error ? err : new Error(String(err)));
        }
      },
    };
    this.late.add(entry);
    return results;
  }

  private async appendInTx(c: Client, batch: readonly AppendRequest[]): Promise<AppendResult[]> {
    const ctx: AppendContext = {
      now: Date.now(),
      convs: await this.lockConversations(c, batch.map((r) => r.conversationId)),
      stored: this.unsafe.has(UnsafeMode.NO_DEDUP) ? new Map() : await this.findStored(c, batch),
      members: await this.memberRows(c, batch.flatMap((r) => [r.senderId, ...(r.mentions ?? [])].map((u) => [r.conversationId, u] as const))),
      blocked: await this.blocksBetween(c, batch.map((r) => r.directMembers ?? parseDirectConversationId(r.conversationId)).filter((p) => p !== undefined)),
      fresh: [],
    };
    const outcomes: (AppendResult | { original: MessageRow } | { fresh: StoredMessage })[] = [];
    for (const req of batch) outcomes.push(await this.appendOne(c, req, ctx));
    const large = new Set([...ctx.convs.values()].filter((v) => v.large).map((v) => v.id));
    await this.storeMessages(c, ctx.fresh, large);
    const members = await this.membersOf(c, outcomes.flatMap((o) => ('fresh' in o ? [o.fresh.conversationId] : 'original' in o ? [o.original.conv_id] : [])));
    this.crash('after-insert');
    return outcomes.map((o) => {
      if ('fresh' in o) {
        const membersVersion = ctx.convs.get(o.fresh.conversationId)?.members_seq ?? 0; // read under the conversation's lock
        return { ok: true, message: o.fresh, duplicate: false, members: members.get(o.fresh.conversationId)!, membersVersion };
      }
      if ('original' in o) return { ok: true, message: toMessage(o.original), duplicate: true, members: members.get(o.original.conv_id)! };
      return o;
    });
  }

  /** One request of a batch: a refusal, a duplicate of a stored message, or a new message (stored later with the batch). */
  private async appendOne(c: Client, req: AppendRequest, ctx: AppendContext): Promise<Refusal | { original: MessageRow } | { fresh: StoredMessage }> {
    const existing = ctx.stored.get(key(req.senderId, req.clientMsgId));
    if (existing) {
      if (!sameAppend(existing, req)) {
        const { code, message } = reusedError(req.clientMsgId);
        return refusal(code, message);
      }
      return { original: existing };
    }
    let conv = ctx.convs.get(req.conversationId);
    if (!conv) {
      if (!req.directMembers) return refusal(ErrorCode.CONVERSATION_NOT_FOUND, `no conversation ${req.conversationId}`);
      const created = await this.createDirect(c, req, req.directMembers, ctx);
      if (!('id' in created)) return created;
      conv = created;
    }
    if (conv.dismissed) return refusal(ErrorCode.GROUP_DISMISSED, `${req.conversationId} was dismissed`);
    if (conv.kind === ConversationKind.NOTICES) return refusal(ErrorCode.FORBIDDEN, 'notice conversations are written by the server only');
    const sender = ctx.members.get(key(req.conversationId, req.senderId));
    if (!sender || sender.left_seq !== null) return refusal(ErrorCode.NOT_MEMBER, `not a member of ${req.conversationId}`);
    if (conv.kind === ConversationKind.DIRECT && conv.max_seq > 0) {
      const other = this.otherOf(req.senderId, parseDirectConversationId(req.conversationId)!);
      if (ctx.blocked.has(key(req.senderId, other)) || ctx.blocked.has(key(other, req.senderId))) {
        return refusal(ErrorCode.BLOCKED, `messages between you and ${other} are blocked`);
      }
    }
    if (sender.muted_until > ctx.now) {
      return refusal(ErrorCode.MUTED, `muted in ${req.conversationId} until ${new Date(sender.muted_until).toISOString()}`);
    }
    if (conv.muted_all && sender.role > GroupRole.ADMIN) {
      return refusal(ErrorCode.MUTED, `${req.conversationId} is muted: only the owner and admins may send`);
    }
    const refused = this.referenceRefusal(req, conv, sender, ctx.members);
    if (refused) return refused;
    const message = this.newMessage(req, ++conv.max_seq, ctx.now);
    ctx.fresh.push(message);
    if (!this.unsafe.has(UnsafeMode.NO_DEDUP)) ctx.stored.set(key(req.senderId, req.clientMsgId), this.rowOf(message));
    return { fresh: message };
  }

  /**
   * Create a direct conversation on its first message, after the checks the first
   * message needs. If another node created it meanwhile, the transaction runs
   * again (and then locks it like any other conversation).
   */
  private async createDirect(c: Client, req: AppendRequest, pair: readonly [string, string], ctx: AppendContext): Promise<LockedConversation | Refusal> {
    const known = new Set((await c.query<{ id: string }>(SQL.existingUsers, [[...pair]])).rows.map((r) => r.id));
    for (const userId of pair) if (!known.has(userId)) return refusal(ErrorCode.USER_NOT_FOUND, `no user ${userId}`);
    const other = this.otherOf(req.senderId, pair);
    if (ctx.blocked.has(key(req.senderId, other)) || ctx.blocked.has(key(other, req.senderId))) {
      return refusal(ErrorCode.BLOCKED, `messages between you and ${other} are blocked`);
    }
    if ((await c.query(SQL.isFriend, [req.senderId, other])).rowCount === 0) {
      const row = (await c.query<{ allow_strangers: number }>(SQL.getAllowStrangers, [other])).rows[0];
      if (row && !row.allow_strangers) return refusal(ErrorCode.NOT_FRIENDS, `${other} takes chats from friends only`);
    }
    const inserted = await c.query(SQL.insertConversation, [req.conversationId, ConversationKind.DIRECT, ctx.now, '']);
    if (inserted.rowCount === 0) throw new RetryTransaction(`${req.conversationId} was created concurrently`);
    await c.query(SQL.insertMembers, [req.conversationId, 0, [...pair], [GroupRole.MEMBER, GroupRole.MEMBER]]);
    const conv: LockedConversation = {
      id: req.conversationId, kind: ConversationKind.DIRECT, max_seq: 0, muted_all: 0, dismissed: 0, joinable: 0, large: 0,
      name: '', avatar_url: '', announcement: '',
    };
    ctx.convs.set(conv.id, conv);
    for (const userId of pair) {
      ctx.members.set(key(conv.id, userId), { join_seq: 0, left_seq: null, role: GroupRole.MEMBER, muted_until: 0, cleared_seq: 0, max_seq: 0 });
    }
    return conv;
  }

  private otherOf(userId: string, pair: readonly string[]): string {
    return pair[0] === userId ? pair[1]! : pair[0]!;
  }

  /** Why a message's mentions or reply-to cannot stand, if they cannot. */
  private referenceRefusal(req: AppendRequest, conv: LockedConversation, sender: MemberRow, members: Map<string, MemberRow>): Refusal | undefined {
    if (req.mentionAll) {
      if (conv.kind !== ConversationKind.GROUP) return refusal(ErrorCode.INVALID_ARGUMENT, '@all is for groups');
      if (sender.role > GroupRole.ADMIN) return refusal(ErrorCode.FORBIDDEN, 'only the owner and admins may mention @all');
    }
    for (const u of req.mentions ?? []) {
      const m = members.get(key(req.conversationId, u));
      if (!m || m.left_seq !== null) return refusal(ErrorCode.NOT_MEMBER, `cannot mention ${u}: not a member of ${req.conversationId}`);
    }
    const replyTo = req.replyTo ?? 0;
    if (replyTo !== 0 && (replyTo > conv.max_seq || replyTo <= sender.join_seq)) {
      return refusal(ErrorCode.MESSAGE_NOT_FOUND, `no message ${replyTo} you can see in ${req.conversationId}`);
    }
    return undefined;
  }

  private newMessage(req: AppendRequest, seq: number, now: number): StoredMessage {
    return {
      id: randomUUID(),
      conversationId: req.conversationId,
      seq,
      senderId: req.senderId,
      senderDevice: req.senderDevice,
      clientMsgId: req.clientMsgId,
      type: req.type,
      body: req.body,
      serverTime: now,
      flags: 0,
      refSeq: req.refSeq ?? 0,
      mentions: [...(req.mentions ?? [])],
      mentionAll: req.mentionAll ?? false,
      replyTo: req.replyTo ?? 0,
      reactions: [],
    };
  }

  /** A new message as its stored row reads (for dedup within the transaction that stores it). */
  private rowOf(m: StoredMessage): MessageRow {
    return {
      conv_id: m.conversationId, seq: m.seq, id: m.id, sender_id: m.senderId, sender_device: m.senderDevice,
      client_msg_id: m.clientMsgId, type: m.type, body: asBuffer(m.body), server_time: m.serverTime, flags: 0,
      ref_seq: m.refSeq, mentions: m.mentions.join(' '), mention_all: m.mentionAll ? 1 : 0, reply_to: m.replyTo, reactions: '',
    };
  }

  /**
   * Store new messages (their conversations locked by this transaction), raise
   * their conversations' max_seq, and raise the change version of every current
   * member — except in large groups, whose members learn of messages through the
   * conversation's version. One statement each, however many messages.
   */
  private async storeMessages(c: Client, messages: readonly StoredMessage[], large: ReadonlySet<string>): Promise<void> {
    if (messages.length === 0) return;
    // (no-dedup, TEST ONLY: the dedup key is made unique so a resend is stored again.)
    const noDedup = this.unsafe.has(UnsafeMode.NO_DEDUP);
    const col = <T>(f: (m: StoredMessage) => T) => messages.map(f);
    await c.query(SQL.insertMessages, [
      col((m) => m.conversationId), col((m) => m.seq), col((m) => m.id), col((m) => m.senderId), col((m) => m.senderDevice),
      col((m) => (noDedup ? `${m.clientMsgId}#${m.id}` : m.clientMsgId)), col((m) => m.type), col((m) => asBuffer(m.body)),
      col((m) => m.serverTime), col((m) => m.refSeq), col((m) => m.mentions.join(' ')), col((m) => (m.mentionAll ? 1 : 0)),
      col((m) => m.replyTo),
    ]);
    const maxSeq = new Map<string, number>();
    for (const m of messages) maxSeq.set(m.conversationId, Math.max(maxSeq.get(m.conversationId) ?? 0, m.seq));
    await c.query(SQL.setMaxSeqs, [[...maxSeq.keys()], [...maxSeq.values()]]);
    const small = [...maxSeq.keys()].filter((id) => !large.has(id));
    if (small.length > 0) await c.query(SQL.touchMembers, [small]);
  }

  /**
   * Lock these conversations (those that exist) in id order, for this transaction.
   * The lock order of the store: a transaction that writes member rows takes
   * their conversations' rows first, all at once, in id order; two writers of
   * the same member rows then queue on the conversation and never deadlock.
   */
  private async lockConversations(c: Client, ids: readonly string[]): Promise<Map<string, LockedConversation>> {
    const { rows } = await c.query<LockedConversation>(SQL.lockConversations, [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Stored messages of the batch's (sender, clientMsgId) keys. */
  private async findStored(c: Client, batch: readonly AppendRequest[]): Promise<Map<string, MessageRow>> {
    const { rows } = await c.query<MessageRow>(SQL.findByClientMsgIds, [batch.map((r) => r.senderId), batch.map((r) => r.clientMsgId)]);
    return new Map(rows.map((r) => [key(r.sender_id, r.client_msg_id), r]));
  }

  private async findOne(c: Client, senderId: string, clientMsgId: string): Promise<MessageRow | undefined> {
    return (await c.query<MessageRow>(SQL.findByClientMsgId, [senderId, clientMsgId])).rows[0];
  }

  private async memberRows(c: Client, pairs: readonly (readonly [string, string])[]): Promise<Map<string, MemberRow>> {
    const { rows } = await c.query<MemberRow & { conv_id: string; user_id: string }>(SQL.memberRows, [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
    return new Map(rows.map((r) => [key(r.conv_id, r.user_id), r]));
  }

  /** Blocks between the users of each pair, either way, as (user, blocked) keys. */
  private async blocksBetween(c: Client, pairs: readonly (readonly string[])[]): Promise<Set<string>> {
    if (pairs.length === 0) return new Set();
    const { rows } = await c.query<{ user_id: string; blocked_id: string }>(SQL.blocksBetween, [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
    return new Set(rows.map((r) => key(r.user_id, r.blocked_id)));
  }

  /** Current members of each conversation (direct ones from their id). */
  private async membersOf(c: Client | pg.Pool, ids: readonly string[]): Promise<Map<string, readonly string[]>> {
    const result = new Map<string, readonly string[]>();
    const others: string[] = [];
    for (const id of new Set(ids)) {
      const direct = parseDirectConversationId(id);
      if (direct) result.set(id, direct);
      else others.push(id);
    }
    if (others.length > 0) {
      for (const id of others) result.set(id, []);
      const { rows } = await c.query<{ conv_id: string; user_id: string }>(SQL.listMembersOf, [others]);
      for (const r of rows) (result.get(r.conv_id) as string[]).push(r.user_id);
    }
    return result;
  }

  private async members(c: Client | pg.Pool, conversationId: string): Promise<readonly string[]> {
    return (await this.membersOf(c, [conversationId])).get(conversationId)!;
  }

  /** Store one message at `seq` in a conversation this transaction has locked; returns it with the members. */
  private async insertMessage(c: Client, req: AppendRequest, seq: number, now: number, large: boolean): Promise<Extract<AppendResult, { ok: true }>> {
    const message = this.newMessage(req, seq, now);
    await this.storeMessages(c, [message], large ? new Set([req.conversationId]) : new Set());
    return { ok: true, message, duplicate: false, members: await this.members(c, req.conversationId) };
  }

  async getMembership(conversationId: string, userId: string): Promise<Membership | undefined> {
    const [row] = await this.query<MemberRow>(SQL.getMembership, [conversationId, userId]);
    return row && { joinSeq: row.join_seq, maxSeq: row.max_seq, leftSeq: row.left_seq, role: row.role, clearedSeq: row.cleared_seq };
  }

  async hiddenSeqs(userId: string, conversationId: string, fromSeq: number, toSeq: number): Promise<number[]> {
    return (await this.query<{ seq: number }>(SQL.hiddenIn, [userId, conversationId, fromSeq, toSeq])).map((r) => r.seq);
  }

  async markRead(conversationId: string, userId: string, seq: number) {
    return this.transaction(async (c) => {
      // The conversation first, as every writer of member rows does (see lockConversations).
      await this.lockConversations(c, [conversationId]);
      const row = (await c.query<{ read_seq: number; visible: number }>(SQL.lockReadPosition, [conversationId, userId])).rows[0];
      if (!row) return undefined;
      const target = Math.min(seq, row.visible);
      const members = await this.members(c, conversationId);
      if (target <= row.read_seq) return { readSeq: row.read_seq, changed: false, members };
      await c.query(SQL.setReadSeq, [target, conversationId, userId]);
      // In a direct conversation the other user's sync reports this as peer_read_seq.
      if (parseDirectConversationId(conversationId)) await c.query(SQL.touchOthers, [conversationId, userId]);
      return { readSeq: target, changed: true, members };
    });
  }

  async markDelivered(entries: readonly { conversationId: string; userId: string; seq: number }[]) {
    if (entries.length === 0) return [];
    return this.transaction(async (c) => {
      // The conversations first, in id order, as every writer of member rows does:
      // without it this deadlocks with appends (and other nodes' flushes) on the same rows.
      await this.lockConversations(c, entries.map((e) => e.conversationId));
      const { rows: moved } = await c.query<{ conv_id: string; user_id: string; target: number }>(SQL.raiseDelivered, [
        entries.map((e) => e.conversationId),
        entries.map((e) => e.userId),
        entries.map((e) => e.seq),
      ]);
      // Only a direct conversation's sync reports the other user's position (peer_delivered_seq).
      const direct = moved.filter((r) => parseDirectConversationId(r.conv_id));
      if (direct.length > 0) await c.query(SQL.touchPeers, [direct.map((r) => r.conv_id), direct.map((r) => r.user_id)]);
      const members = await this.membersOf(c, moved.map((r) => r.conv_id));
      return moved.map((r) => ({ conversationId: r.conv_id, userId: r.user_id, seq: r.target, members: members.get(r.conv_id)! }));
    });
  }

  async setLastSeen(userId: string, time: number): Promise<void> {
    await this.pool.query(SQL.setLastSeen, [time, userId]);
  }

  async getLastSeen(userId: string): Promise<number | undefined> {
    return (await this.query<{ last_seen: number }>(SQL.getLastSeen, [userId]))[0]?.last_seen;
  }

  async memberPresence(conversationId: string, viewerId: string, after: string, limit: number) {
    const rows = await this.query<{ user_id: string; last_seen: number }>(SQL.memberPresence, [conversationId, after, viewerId, limit]);
    return rows.map((r) => ({ userId: r.user_id, lastSeen: r.last_seen }));
  }

  async presenceVisible(a: string, b: string): Promise<boolean> {
    const has = async (text: string, x: string, y: string) => (await this.query(text, [x, y])).length > 0;
    if ((await has(SQL.isBlocked, a, b)) || (await has(SQL.isBlocked, b, a))) return false;
    return (await has(SQL.isFriend, a, b)) || (await has(SQL.sharesConversation, a, b));
  }

  async listMembers(conversationId: string): Promise<readonly string[]> {
    return this.members(this.pool, conversationId);
  }

  async readMessages(conversationId: string, fromSeq: number, toSeq: number, limit: number): Promise<StoredMessage[]> {
    return (await this.query<MessageRow>(SQL.readMessages, [conversationId, fromSeq, toSeq, limit])).map(toMessage);
  }

  async readers(conversationId: string, seq: number, limit: number) {
    const users = (await this.query<{ user_id: string }>(SQL.readersOf, [conversationId, seq, limit])).map((r) => r.user_id);
    const [counts] = await this.query<{ read_count: number; unread_count: number }>(SQL.readerCounts, [seq, conversationId]);
    return { users, readCount: counts?.read_count ?? 0, unreadCount: counts?.unread_count ?? 0 };
  }

  async modifyMessage(request: MessageOpRequest): Promise<AppendResult> {
    return this.guarded((c) => this.modifyInTx(c, request));
  }

  private async modifyInTx(c: Client, req: MessageOpRequest): Promise<AppendResult> {
    const now = Date.now();
    const fail = (code: ErrorCode, message: string) => new ParleyError(code, message);
    // Your own history: also of conversations you have left; recorded in your notice conversation.
    const mine = req.op === MessageOpKind.HIDE || req.op === MessageOpKind.CLEAR;
    // Lock what this op writes to before the dedup lookup, so that a resend on another node waits for this one.
    const notices = mine ? await this.lockNotices(c, [req.actorId], now) : undefined;
    const conv = mine ? undefined : (await this.lockConversations(c, [req.conversationId])).get(req.conversationId);
    const existing = await this.findOne(c, req.actorId, req.clientMsgId);
    if (existing) {
      if (!sameMessageOp(existing, req)) throw reusedError(req.clientMsgId);
      return { ok: true, message: toMessage(existing), duplicate: true, members: await this.members(c, existing.conv_id) };
    }
    const actor = (await c.query<MemberRow>(SQL.getMembership, [req.conversationId, req.actorId])).rows[0];
    if (!actor || (actor.left_seq !== null && !mine)) throw fail(ErrorCode.NOT_MEMBER, `not a member of ${req.conversationId}`);
    if (notices) return this.changeOwnHistory(c, req, actor, notices, now);
    const target = (await c.query<MessageRow>(SQL.getMessage, [req.conversationId, req.seq])).rows[0];
    if (!target || req.seq <= actor.join_seq || !conv) throw fail(ErrorCode.MESSAGE_NOT_FOUND, `no message ${req.seq} in ${req.conversationId}`);
    if (target.type >= SERVER_MESSAGE_TYPE_MIN) throw fail(ErrorCode.MESSAGE_LOCKED, 'events cannot be recalled, edited or reacted to');
    if (target.flags & MessageFlag.RECALLED) throw fail(ErrorCode.MESSAGE_LOCKED, 'the message was recalled');
    const event = (body: Uint8Array) =>
      this.insertMessage(
        c,
        { senderId: req.actorId, senderDevice: req.actorDevice, clientMsgId: req.clientMsgId, conversationId: req.conversationId, type: EVENT_TYPES[req.op]!, body, refSeq: req.seq },
        conv.max_seq + 1, now, Boolean(conv.large),
      );
    if (req.op === MessageOpKind.REACT || req.op === MessageOpKind.UNREACT) {
      await c.query(SQL.setReactions, [applyReaction(toMessage(target).reactions, req), req.conversationId, req.seq]);
      return event(reactionBody(req));
    }
    const own = target.sender_id === req.actorId;
    let body: Uint8Array;
    let flags: number;
    if (req.op === MessageOpKind.RECALL) {
      const admin = actor.role <= GroupRole.ADMIN && req.conversationId.startsWith('g:');
      if (!own && !admin) throw fail(ErrorCode.FORBIDDEN, 'only the sender or a group admin may recall a message');
      if (!admin && now - target.server_time > req.recallWindowMs) {
        throw fail(ErrorCode.MESSAGE_LOCKED, `messages can be recalled within ${Math.round(req.recallWindowMs / 1000)} s of sending`);
      }
      body = new Uint8Array(0); // the content is gone for everyone
      flags = target.flags | MessageFlag.RECALLED;
    } else {
      if (!own) throw fail(ErrorCode.FORBIDDEN, 'only the sender may edit a message');
      body = req.body;
      flags = target.flags | MessageFlag.EDITED;
    }
    await c.query(SQL.updateMessage, [asBuffer(body), flags, req.conversationId, req.seq]);
    return event(body);
  }

  /** Delete a message, or clear a history, for the actor alone; recorded in their notice conversation. */
  private async changeOwnHistory(c: Client, req: MessageOpRequest, actor: MemberRow, notices: Map<string, LockedConversation>, now: number): Promise<AppendResult> {
    const fail = (code: ErrorCode, message: string) => new ParleyError(code, message);
    const visibleMax = actor.left_seq ?? actor.max_seq;
    if (req.seq <= Math.max(actor.join_seq, actor.cleared_seq) || req.seq > visibleMax) {
      throw fail(ErrorCode.MESSAGE_NOT_FOUND, `no message ${req.seq} in your history of ${req.conversationId}`);
    }
    let event: HistoryEvent;
    if (req.op === MessageOpKind.HIDE) {
      if ((await c.query(SQL.getMessage, [req.conversationId, req.seq])).rowCount === 0) throw fail(ErrorCode.MESSAGE_NOT_FOUND, `no message ${req.seq} in ${req.conversationId}`);
      if ((await c.query(SQL.hide, [req.actorId, req.conversationId, req.seq])).rowCount === 0) {
        throw fail(ErrorCode.INVALID_ARGUMENT, `message ${req.seq} is already deleted for you`);
      }
      // It may have been the last message the user sees there: their sync lists the conversation again.
      await c.query(SQL.touchMember, [req.conversationId, req.actorId]);
      event = { op: 'hide', conversationId: req.conversationId, seq: req.seq };
    } else {
      await c.query(SQL.setClearedSeq, [req.seq, req.conversationId, req.actorId]);
      event = { op: 'clear', conversationId: req.conversationId, seq: req.seq };
    }
    return this.writeNotice(c, notices, req.actorId, req.clientMsgId, req.actorId, req.actorDevice, MessageType.HISTORY, event, now);
  }

  async changeSettings(request: SettingsRequest): Promise<AppendResult> {
    return this.guarded((c) => this.settingsInTx(c, request));
  }

  private async settingsInTx(c: Client, req: SettingsRequest): Promise<AppendResult> {
    const now = Date.now();
    const notices = await this.lockNotices(c, [req.userId], now);
    const existing = await this.findOne(c, req.userId, req.clientMsgId);
    if (existing) {
      if (!sameSettings(existing, req)) throw reusedError(req.clientMsgId);
      return { ok: true, message: toMessage(existing), duplicate: true, members: await this.members(c, existing.conv_id) };
    }
    const current = (await c.query<{ pinned: number; muted: number }>(SQL.getSettings, [req.conversationId, req.userId])).rows[0];
    if (!current) throw new ParleyError(ErrorCode.NOT_MEMBER, `not a member of ${req.conversationId}`);
    const event: SettingsEvent = {
      conversationId: req.conversationId,
      pinned: req.fields & ConversationSetting.PINNED ? req.pinned : Boolean(current.pinned),
      muted: req.fields & ConversationSetting.MUTED ? req.muted : Boolean(current.muted),
    };
    await c.query(SQL.setSettings, [event.pinned ? 1 : 0, event.muted ? 1 : 0, req.conversationId, req.userId]);
    return this.writeNotice(c, notices, req.userId, req.clientMsgId, req.userId, req.deviceId, MessageType.SETTINGS, event, now);
  }

  /**
   * Lock the notice conversations of these users, creating those that do not
   * exist yet. Creating one that another transaction is creating waits for that
   * one and then locks its row.
   */
  private async lockNotices(c: Client, userIds: readonly string[], now: number): Promise<Map<string, LockedConversation>> {
    const ids = [...new Set(userIds)].map(noticeConversationId).sort();
    const locked = await this.lockConversations(c, ids);
    const missing = userIds.filter((u) => !locked.has(noticeConversationId(u)));
    for (const userId of [...new Set(missing)].sort()) {
      const id = noticeConversationId(userId);
      if ((await c.query(SQL.insertConversation, [id, ConversationKind.NOTICES, now, ''])).rowCount === 1) {
        await c.query(SQL.insertMembers, [id, 0, [userId], [GroupRole.MEMBER]]);
      }
    }
    if (missing.length === 0) return locked;
    for (const [id, row] of await this.lockConversations(c, missing.map(noticeConversationId))) locked.set(id, row);
    return locked;
  }

  /** Append a server-written event to `userId`'s notice conversation (locked by lockNotices). */
  private async writeNotice(
    c: Client, notices: Map<string, LockedConversation>, userId: string, clientMsgId: string, actorId: string, actorDevice: string,
    type: number, event: object, now: number,
  ): Promise<Extract<AppendResult, { ok: true }>> {
    const conv = notices.get(noticeConversationId(userId))!;
    return this.insertMessage(c, { senderId: actorId, senderDevice: actorDevice, clientMsgId, conversationId: conv.id, type, body: eventBody(event) }, ++conv.max_seq, now, false);
  }

  async changeFriends(request: FriendChangeRequest): Promise<FriendChangeResult> {
    return this.guarded((c) => this.friendsInTx(c, request));
  }

  private async friendsInTx(c: Client, req: FriendChangeRequest): Promise<FriendChangeResult> {
    const fail = (code: ErrorCode, message: string) => new ParleyError(code, message);
    const me = req.actorId;
    const them = req.userId;
    const now = Date.now();
    const pair = req.op !== FriendOp.ALLOW_STRANGERS;
    // Both users' notice conversations, locked in id order: changes between one pair of users take turns.
    const notices = await this.lockNotices(c, pair && them !== me ? [me, them] : [me], now);
    const existing = await this.findOne(c, me, req.clientMsgId);
    if (existing) {
      if (!sameFriendChange(existing, req)) throw reusedError(req.clientMsgId);
      const copies = [existing, await this.findOne(c, me, peerKey(req.clientMsgId))].filter((r) => r !== undefined);
      const events = [];
      for (const r of copies) events.push({ message: toMessage(r), members: await this.members(c, r.conv_id) });
      return { ok: true, duplicate: true, events };
    }
    if (pair) {
      if (them === me) throw fail(ErrorCode.INVALID_ARGUMENT, 'that is you');
      if ((await c.query(SQL.existingUsers, [[them]])).rowCount === 0) throw fail(ErrorCode.USER_NOT_FOUND, `no user ${them}`);
    }
    const has = async (text: string, a: string, b: string) => ((await c.query(text, [a, b])).rowCount ?? 0) > 0;
    const friends = () => has(SQL.isFriend, me, them);
    const befriend = async () => {
      await c.query(SQL.addFriends, [me, them, now]);
      await c.query(SQL.deleteFriendRequests, [me, them]);
    };
    const op = FRIEND_OP_NAMES[req.op]!;
    // Who hears of it: both users, or only the actor (blocks and settings are private).
    let event: FriendEvent = { op, from: me, to: them };
    let both = true;
    const events: { message: StoredMessage; members: readonly string[] }[] = [];
    const write = async (userId: string, clientMsgId: string, e: FriendEvent) => {
      const result = await this.writeNotice(c, notices, userId, clientMsgId, req.actorId, req.actorDevice, MessageType.FRIEND, e, now);
      events.push({ message: result.message, members: result.members });
    };
    switch (req.op) {
      case FriendOp.REQUEST:
        if ((await has(SQL.isBlocked, them, me)) || (await has(SQL.isBlocked, me, them))) throw fail(ErrorCode.BLOCKED, `you and ${them} cannot be friends: blocked`);
        if (await friends()) throw fail(ErrorCode.ALREADY_FRIENDS, `${them} is already your friend`);
        if ((await c.query(SQL.getFriendRequest, [them, me])).rowCount !== 0) {
          // They asked first: asking back is accepting.
          await befriend();
          event = { op: 'accept', from: me, to: them };
        } else {
          await c.query(SQL.putFriendRequest, [me, them, req.note, now]);
          event.note = req.note;
        }
        break;
      case FriendOp.ACCEPT:
      case FriendOp.REJECT:
        if ((await c.query(SQL.getFriendRequest, [them, me])).rowCount === 0) throw fail(ErrorCode.REQUEST_NOT_FOUND, `no pending friend request from ${them}`);
        if (req.op === FriendOp.ACCEPT) await befriend();
        else await c.query(SQL.deleteFriendRequest, [them, me]);
        break;
      case FriendOp.REMOVE:
        if (!(await friends())) throw fail(ErrorCode.NOT_FRIENDS, `${them} is not your friend`);
        await c.query(SQL.removeFriends, [me, them]);
        break;
      case FriendOp.BLOCK:
        // Blocking ends the friendship (they learn that much, as a removal) and any requests.
        if (await friends()) {
          await c.query(SQL.removeFriends, [me, them]);
          await write(them, peerKey(req.clientMsgId), { op: 'remove', from: me, to: them });
        }
        await c.query(SQL.deleteFriendRequests, [me, them]);
        await c.query(SQL.addBlock, [me, them, now]);
        both = false;
        break;
      case FriendOp.UNBLOCK:
        await c.query(SQL.removeBlock, [me, them]);
        both = false;
        break;
      case FriendOp.ALLOW_STRANGERS:
        await c.query(SQL.setAllowStrangers, [req.allow ? 1 : 0, me]);
        event = { op, from: me, to: '', allow: req.allow };
        both = false;
        break;
    }
    await write(me, req.clientMsgId, event);
    if (both) await write(them, peerKey(req.clientMsgId), event);
    return { ok: true, duplicate: false, events };
  }

  async listFriends(userId: string): Promise<FriendListRecord> {
    const all = (text: string) => this.query<FriendListRecord['friends'][number]>(text, [userId]);
    const [friends, incoming, outgoing, blocked, setting] = await Promise.all([
      all(SQL.listFriends),
      all(SQL.listIncoming),
      all(SQL.listOutgoing),
      all(SQL.listBlocked),
      this.query<{ allow_strangers: number }>(SQL.getAllowStrangers, [userId]),
    ]);
    return { friends, incoming, outgoing, blocked, allowStrangers: setting[0] ? Boolean(setting[0].allow_strangers) : true };
  }

  async changeGroup(request: GroupChangeRequest): Promise<AppendResult> {
    return this.guarded((c) => this.changeGroupInTx(c, request));
  }

  private async changeGroupInTx(c: Client, req: GroupChangeRequest): Promise<AppendResult> {
    const now = Date.now();
    const fail = (code: ErrorCode, message: string) => new ParleyError(code, message);
    // A change to an existing group locks it first: changes and messages take turns, and a resend waits for the original.
    const conv = req.op === GroupOp.CREATE ? undefined : (await this.lockConversations(c, [req.conversationId])).get(req.conversationId);
    const existing = await this.findOne(c, req.actorId, req.clientMsgId);
    if (existing) {
      const event = sameGroupChange(existing, req);
      if (!event) throw reusedError(req.clientMsgId);
      const recipients = new Set([...(await this.members(c, existing.conv_id)), ...event.users, event.actor]);
      return { ok: true, message: toMessage(existing), duplicate: true, members: [...recipients] };
    }
    const users = [...new Set(req.users)];
    const mustExist = async (ids: readonly string[]) => {
      const known = new Set((await c.query<{ id: string }>(SQL.existingUsers, [[...ids]])).rows.map((r) => r.id));
      for (const id of ids) if (!known.has(id)) throw fail(ErrorCode.USER_NOT_FOUND, `no user ${id}`);
    };
    let conversationId = req.conversationId;
    let seq: number;
    let event: MembershipEvent;
    let large = false;
    const removed: string[] = [];
    if (req.op === GroupOp.CREATE) {
      await mustExist(users);
      conversationId = `g:${randomUUID()}`;
      await c.query(SQL.insertConversation, [conversationId, ConversationKind.GROUP, now, req.name]);
      const others = users.filter((u) => u !== req.actorId);
      await c.query(SQL.insertMembers, [conversationId, 0, [req.actorId, ...others], [GroupRole.OWNER, ...others.map(() => GroupRole.MEMBER)]]);
      seq = 1;
      event = { op: 'create', actor: req.actorId, users: others, name: req.name };
    } else {
      if (!conv) throw fail(ErrorCode.CONVERSATION_NOT_FOUND, `no conversation ${conversationId}`);
      if (conv.kind !== ConversationKind.GROUP) throw fail(ErrorCode.INVALID_ARGUMENT, `${conversationId} is not a group`);
      if (conv.dismissed) throw fail(ErrorCode.GROUP_DISMISSED, `${conversationId} was dismissed`);
      seq = conv.max_seq + 1;
      large = Boolean(conv.large);
      const rows = await this.memberRows(c, [req.actorId, ...users].map((u) => [conversationId, u] as const));
      const current = (id: string) => {
        const m = rows.get(key(conversationId, id));
        return m && m.left_seq === null ? m : undefined;
      };
      const actor = current(req.actorId);
      if (req.op === GroupOp.JOIN) {
        if (actor) throw fail(ErrorCode.ALREADY_MEMBER, `already a member of ${conversationId}`);
        if (!conv.joinable) throw fail(ErrorCode.FORBIDDEN, `${conversationId} does not take joins; ask an admin for an invite`);
        await c.query(SQL.insertMembers, [conversationId, seq - 1, [req.actorId], [GroupRole.MEMBER]]);
        event = { op: 'join', actor: req.actorId, users: [] };
      } else {
        if (!actor) throw fail(ErrorCode.NOT_MEMBER, `not a member of ${conversationId}`);
        event = await this.applyGroupOp(c, req, conv, actor, current, removed, seq, mustExist);
      }
    }
    // Past the threshold a group becomes large for good: messages stop raising every member's version.
    if (!large && (await c.query<{ n: number }>(SQL.countMembers, [conversationId])).rows[0]!.n > this.largeGroupThreshold) {
      await c.query(SQL.markLarge, [conversationId]);
      large = true;
    }
    const result = await this.insertMessage(
      c,
      { senderId: req.actorId, senderDevice: req.actorDevice, clientMsgId: req.clientMsgId, conversationId, type: MessageType.MEMBERSHIP, body: eventBody(event) },
      seq, now, large,
    );
    // The removed see their own removal event and nothing after it.
    if (removed.length > 0) await c.query(SQL.removeMembers, [seq, conversationId, removed]);
    await c.query(SQL.setMembersSeq, [seq, conversationId]);
    return { ...result, members: [...new Set([...result.members, ...removed])] };
  }

  /** One change to an existing group by a current member; returns its event. Throws refusals. */
  private async applyGroupOp(
    c: Client,
    req: GroupChangeRequest,
    conv: LockedConversation,
    actor: MemberRow,
    current: (id: string) => MemberRow | undefined,
    removed: string[],
    seq: number,
    mustExist: (ids: readonly string[]) => Promise<void>,
  ): Promise<MembershipEvent> {
    const fail = (code: ErrorCode, message: string) => new ParleyError(code, message);
    const conversationId = conv.id;
    const users = [...new Set(req.users)];
    const need = (role: number, what: string) => {
      if (actor.role > role) throw fail(ErrorCode.FORBIDDEN, `only ${role === GroupRole.OWNER ? 'the owner' : 'the owner and admins'} may ${what}`);
    };
    /** Every target must be a current member with a lower role than the actor. */
    const outranked = (what: string) => {
      for (const u of users) {
        const target = current(u);
        if (!target) throw fail(ErrorCode.NOT_MEMBER, `${u} is not a member`);
        if (target.role <= actor.role) throw fail(ErrorCode.FORBIDDEN, `cannot ${what} ${u}: same or higher role`);
      }
    };
    const base = { actor: req.actorId, users };
    switch (req.op) {
      case GroupOp.INVITE: {
        need(GroupRole.ADMIN, 'invite');
        await mustExist(users);
        for (const u of users) if (current(u)) throw fail(ErrorCode.ALREADY_MEMBER, `${u} is already a member`);
        // A new member sees the group from their own join event on.
        await c.query(SQL.insertMembers, [conversationId, seq - 1, users, users.map(() => GroupRole.MEMBER)]);
        return { op: 'invite', ...base };
      }
      case GroupOp.KICK:
        need(GroupRole.ADMIN, 'remove members');
        outranked('remove');
        removed.push(...users);
        return { op: 'kick', ...base };
      case GroupOp.LEAVE:
        if (actor.role === GroupRole.OWNER) throw fail(ErrorCode.FORBIDDEN, 'the owner cannot leave; transfer ownership first');
        removed.push(req.actorId);
        return { op: 'leave', actor: req.actorId, users: [] };
      case GroupOp.INFO: {
        need(GroupRole.ADMIN, 'change the group info');
        const f = req.fields;
        const event: MembershipEvent = { op: 'info', actor: req.actorId, users: [] };
        if (f & GroupInfoField.NAME) event.name = req.name;
        if (f & GroupInfoField.AVATAR_URL) event.avatarUrl = req.avatarUrl;
        if (f & GroupInfoField.ANNOUNCEMENT) event.announcement = req.announcement;
        if (f & GroupInfoField.JOINABLE) event.joinable = req.joinable;
        await c.query(SQL.setGroupInfo, [
          event.name ?? conv.name,
          event.avatarUrl ?? conv.avatar_url,
          event.announcement ?? conv.announcement,
          (event.joinable ?? Boolean(conv.joinable)) ? 1 : 0,
          conversationId,
        ]);
        return event;
      }
      case GroupOp.SET_ROLE:
        need(GroupRole.OWNER, 'change roles');
        outranked('change the role of');
        await c.query(SQL.setRole, [req.role, conversationId, users]);
        return { op: 'role', ...base, role: req.role };
      case GroupOp.TRANSFER: {
        need(GroupRole.OWNER, 'transfer ownership');
        const [to] = users;
        if (users.length !== 1 || !to || to === req.actorId) throw fail(ErrorCode.INVALID_ARGUMENT, 'name exactly one other member as the new owner');
        if (!current(to)) throw fail(ErrorCode.NOT_MEMBER, `${to} is not a member`);
        await c.query(SQL.setRole, [GroupRole.OWNER, conversationId, [to]]);
        await c.query(SQL.setRole, [GroupRole.ADMIN, conversationId, [req.actorId]]);
        return { op: 'transfer', ...base };
      }
      case GroupOp.DISMISS:
        need(GroupRole.OWNER, 'dismiss the group');
        await c.query(SQL.setDismissed, [conversationId]);
        // Everyone leaves at the dismiss event: they see it, and nothing can follow it.
        removed.push(...(await this.members(c, conversationId)));
        return { op: 'dismiss', actor: req.actorId, users: [] };
      case GroupOp.MUTE:
        need(GroupRole.ADMIN, 'mute members');
        outranked('mute');
        await c.query(SQL.setMutedUntil, [req.mutedUntil, conversationId, users]);
        return { op: 'mute', ...base, mutedUntil: req.mutedUntil };
      case GroupOp.MUTE_ALL:
        need(GroupRole.ADMIN, 'mute the group');
        await c.query(SQL.setMutedAll, [req.on ? 1 : 0, conversationId]);
        return { op: 'mute_all', actor: req.actorId, users: [], on: req.on };
      default:
        throw fail(ErrorCode.INVALID_ARGUMENT, `unknown group op ${req.op}`);
    }
  }

  async getGroup(conversationId: string): Promise<GroupRecord | undefined> {
    const [g] = await this.query<GroupRow>(SQL.getGroup, [conversationId]);
    if (!g || g.kind !== ConversationKind.GROUP) return undefined;
    const members = await this.query<{ user_id: string; role: number; muted_until: number; join_seq: number }>(SQL.listGroupMembers, [conversationId]);
    return {
      conversationId,
      name: g.name,
      avatarUrl: g.avatar_url,
      announcement: g.announcement,
      joinable: Boolean(g.joinable),
      mutedAll: Boolean(g.muted_all),
      dismissed: Boolean(g.dismissed),
      maxSeq: g.max_seq,
      members: members.map((m) => ({ userId: m.user_id, role: m.role, mutedUntil: m.muted_until, joinSeq: m.join_seq })),
    };
  }

  async changesSince(userId: string, after: ChangeCursor, limit: number): Promise<ChangePage> {
    await this.horizonPassesNow();
    const rows = await this.query<ChangeRow>(SQL.changesSince, [userId, after.version, after.conversationId, limit + 1]);
    return changePage(rows, after, limit);
  }

  /**
   * Wait until every transaction running now has ended (at most HORIZON_WAIT_MS).
   * The change feed withholds versions at or above xmin, and xmin is held back by
   * any transaction on the server: without this wait a sync could leave out a
   * change committed before it began (a kick, a role) because some unrelated
   * transaction was open, and the client would not ask again until it reconnects.
   * A transaction that outlives the bound is not waited for (the feed then
   * withholds as before, to a later sync).
   */
  private async horizonPassesNow(): Promise<void> {
    const deadline = Date.now() + HORIZON_WAIT_MS;
    const [now] = await this.query<{ xmin: number; xmax: number }>(SQL.snapshotBounds, []);
    let xmin = now!.xmin;
    while (xmin < now!.xmax && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
      xmin = (await this.query<{ xmin: number }>(SQL.snapshotBounds, []))[0]!.xmin;
    }
  }

  async close(): Promise<void> {
    // ack-before-commit (TEST ONLY): what was acked commits now.
    await Promise.all([...this.late].map((l) => l.finish()));
    await this.pool.end();
  }
}
