/**
 * The embedded store: one SQLite file in WAL mode, written through better-sqlite3.
 *
 * Why it looks like this: the delivery contract needs the seq, the message and the
 * dedup record to commit together, and the ack to wait for that commit. SQLite has
 * one writer, so allocating `max_seq + 1` inside the append transaction is gap-free
 * and race-free without locks of our own. `appendMessages` takes a whole batch (the
 * chat layer gathers the sends that arrive together) and commits it as one
 * transaction: one fsync for the batch, not one per message.
 *
 * Invariants: seqs per conversation are 1, 2, 3 … with no holes; (sender_id,
 * client_msg_id) is unique; `members.version` only grows, and every commit that
 * changes a conversation raises it for all of its members.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  ConversationKind,
  ErrorCode,
  GroupOp,
  GroupRole,
  MessageFlag,
  MessageOpKind,
  MessageType,
  ParleyError,
  SERVER_MESSAGE_TYPE_MIN,
  parseDirectConversationId,
  type MembershipEvent,
} from '@parley/protocol';
import type {
  AppendRequest,
  AppendResult,
  ChangeCursor,
  ChangePage,
  GroupChangeRequest,
  Membership,
  MessageOpRequest,
  Store,
  StoredMessage,
  User,
} from '../../chat/types.ts';
import { noCrash, UnsafeMode, type CrashHook } from '../../testing/faults.ts';
import { MIGRATIONS, SQL } from './queries.ts';

export interface SqliteStoreOptions {
  /** Path of the database file; ':memory:' for a throwaway store. */
  file: string;
  /** 'full' fsyncs every commit (survives power loss); 'normal' survives a process crash only. */
  synchronous: 'full' | 'normal';
  /** TEST ONLY: crash hook (after-insert) and contract-breaking modes. */
  crash?: CrashHook;
  unsafe?: ReadonlySet<UnsafeMode>;
}

type Statements = { [K in keyof typeof SQL]: Database.Statement };

const GROUP_OP_NAMES: Record<number, MembershipEvent['op']> = {
  [GroupOp.CREATE]: 'create',
  [GroupOp.INVITE]: 'invite',
  [GroupOp.KICK]: 'kick',
  [GroupOp.LEAVE]: 'leave',
};

interface MemberRow {
  join_seq: number;
  left_seq: number | null;
  role: number;
  max_seq: number;
}

interface MessageRow {
  conv_id: string;
  seq: number;
  id: string;
  sender_id: string;
  sender_device: string;
  client_msg_id: string;
  type: number;
  body: Buffer;
  server_time: number;
  flags: number;
  ref_seq: number;
}

function toMessage(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    conversationId: row.conv_id,
    seq: row.seq,
    senderId: row.sender_id,
    senderDevice: row.sender_device,
    clientMsgId: row.client_msg_id,
    type: row.type,
    body: row.body,
    serverTime: row.server_time,
    flags: row.flags,
    refSeq: row.ref_seq,
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

export class SqliteStore implements Store {
  readonly storeId: string;
  private readonly db: Database.Database;
  private readonly sql: Statements;
  private version: number;
  private readonly appendTx: (batch: readonly AppendRequest[]) => AppendResult[];
  private readonly changeGroupTx: (req: GroupChangeRequest) => AppendResult;
  private readonly modifyTx: (req: MessageOpRequest) => AppendResult;
  private readonly markReadTx: (conversationId: string, userId: string, seq: number) => { readSeq: number; changed: boolean; members: readonly string[] } | undefined;
  private readonly crash: CrashHook;
  private readonly unsafe: ReadonlySet<UnsafeMode>;
  private lateCommit: ReturnType<typeof setTimeout> | undefined;
  private readonly memberCache = new Map<string, readonly string[]>();

  constructor(options: SqliteStoreOptions) {
    this.crash = options.crash ?? noCrash;
    this.unsafe = options.unsafe ?? new Set();
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.sql = Object.fromEntries(
      Object.entries(SQL).map(([name, text]) => [name, this.db.prepare(text)]),
    ) as Statements;
    this.storeId = this.meta('store_id') ?? this.initMeta('store_id', randomUUID());
    this.version = Number(this.meta('version') ?? this.initMeta('version', '0'));
    this.appendTx = this.db.transaction((batch: readonly AppendRequest[]) => this.appendInTx(batch));
    this.changeGroupTx = this.db.transaction((req: GroupChangeRequest) => this.changeGroupInTx(req));
    this.modifyTx = this.db.transaction((req: MessageOpRequest) => this.modifyInTx(req));
    this.markReadTx = this.db.transaction((conversationId: string, userId: string, seq: number) => {
      const before = this.version;
      try {
        return this.markReadInTx(conversationId, userId, seq);
      } catch (err) {
        this.version = before;
        throw err;
      }
    });
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  private meta(key: string): string | undefined {
    return (this.sql.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  private initMeta(key: string, value: string): string {
    this.sql.setMeta.run(key, value);
    return value;
  }

  async createUser(user: User): Promise<void> {
    try {
      this.sql.insertUser.run(user.id, user.displayName, user.passwordHash, user.createdAt);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new ParleyError(ErrorCode.USER_EXISTS, `user ${user.id} already exists`);
      }
      throw err;
    }
  }

  async getUser(id: string): Promise<User | undefined> {
    const row = this.sql.getUser.get(id) as
      | { id: string; display_name: string; password_hash: string | null; created_at: number }
      | undefined;
    if (!row) return undefined;
    return { id: row.id, displayName: row.display_name, passwordHash: row.password_hash, createdAt: row.created_at };
  }

  async appendMessages(batch: readonly AppendRequest[]): Promise<AppendResult[]> {
    const before = this.version;
    if (this.unsafe.has(UnsafeMode.ACK_BEFORE_COMMIT)) return this.appendWithoutCommit(batch);
    try {
      return this.appendTx(batch);
    } catch (err) {
      this.version = before; // the transaction rolled back, and with it the version bump
      throw err;
    }
  }

  /** TEST ONLY (ack-before-commit): results now, the commit 300 ms later. */
  private appendWithoutCommit(batch: readonly AppendRequest[]): AppendResult[] {
    if (!this.db.inTransaction) this.db.exec('BEGIN IMMEDIATE');
    const results = this.appendInTx(batch);
    this.lateCommit ??= setTimeout(() => {
      this.lateCommit = undefined;
      if (this.db.open && this.db.inTransaction) this.db.exec('COMMIT');
    }, 300);
    return results;
  }

  private appendInTx(batch: readonly AppendRequest[]): AppendResult[] {
    const version = ++this.version;
    this.sql.setMeta.run('version', String(version));
    const now = Date.now();
    // Every message of the batch shares one version, so a conversation's members
    // need raising to it once per batch, not once per message.
    const touched = new Set<string>();
    const results = batch.map((req) => this.appendOne(req, version, now, touched));
    this.crash('after-insert');
    return results;
  }

  private appendOne(req: AppendRequest, version: number, now: number, touched: Set<string>): AppendResult {
    const existing = this.unsafe.has(UnsafeMode.NO_DEDUP)
      ? undefined
      : (this.sql.findByClientMsgId.get(req.senderId, req.clientMsgId) as MessageRow | undefined);
    if (existing) {
      if (existing.conv_id !== req.conversationId || existing.type !== req.type || !sameBytes(existing.body, req.body)) {
        return {
          ok: false,
          code: ErrorCode.CLIENT_MSG_ID_REUSED,
          message: `clientMsgId ${req.clientMsgId} was already used for a different message`,
        };
      }
      return { ok: true, message: toMessage(existing), duplicate: true, members: this.members(existing.conv_id) };
    }

    let conv = this.sql.getConversation.get(req.conversationId) as { kind: number; max_seq: number } | undefined;
    if (!conv) {
      if (!req.directMembers) {
        return { ok: false, code: ErrorCode.CONVERSATION_NOT_FOUND, message: `no conversation ${req.conversationId}` };
      }
      for (const userId of req.directMembers) {
        if (!this.sql.userExists.get(userId)) {
          return { ok: false, code: ErrorCode.USER_NOT_FOUND, message: `no user ${userId}` };
        }
      }
      this.sql.insertConversation.run(req.conversationId, ConversationKind.DIRECT, now, '');
      for (const userId of req.directMembers) this.sql.insertMember.run(req.conversationId, userId, 0, version, GroupRole.MEMBER);
      conv = { kind: ConversationKind.DIRECT, max_seq: 0 };
    }
    const sender = this.sql.getMembership.get(req.conversationId, req.senderId) as MemberRow | undefined;
    if (!sender || sender.left_seq !== null) {
      return { ok: false, code: ErrorCode.NOT_MEMBER, message: `not a member of ${req.conversationId}` };
    }
    return this.insertMessage(req, conv.max_seq + 1, version, now, touched);
  }

  /**
   * Store a message at `seq` and raise the change version of every current member
   * (skipped for a conversation in `touched`: raised to this version already in
   * this transaction).
   */
  private insertMessage(req: AppendRequest, seq: number, version: number, now: number, touched?: Set<string>): AppendResult {
    const message: StoredMessage = {
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
    };
    this.sql.setMaxSeq.run(seq, req.conversationId);
    // (no-dedup, TEST ONLY: the dedup key is made unique so a resend is stored again.)
    const dedupKey = this.unsafe.has(UnsafeMode.NO_DEDUP) ? `${message.clientMsgId}#${message.id}` : message.clientMsgId;
    this.sql.insertMessage.run(
      message.conversationId, seq, message.id, message.senderId, message.senderDevice,
      dedupKey, message.type, message.body, message.serverTime, message.refSeq,
    );
    if (!touched?.has(req.conversationId)) {
      this.sql.touchMembers.run(version, req.conversationId);
      touched?.add(req.conversationId);
    }
    return { ok: true, message, duplicate: false, members: this.members(req.conversationId) };
  }

  /**
   * Current members: to deliver to. Group lists are cached (a 2,000-member group
   * would otherwise cost 2,000 rows per message); this store is the only writer of
   * membership, and `changeGroup` clears the cache.
   */
  private members(conversationId: string): readonly string[] {
    const direct = parseDirectConversationId(conversationId);
    if (direct) return direct;
    let list = this.memberCache.get(conversationId);
    if (!list) {
      list = (this.sql.listMembers.all(conversationId) as { user_id: string }[]).map((r) => r.user_id);
      this.memberCache.set(conversationId, list);
    }
    return list;
  }

  async getMembership(conversationId: string, userId: string): Promise<Membership | undefined> {
    const row = this.sql.getMembership.get(conversationId, userId) as MemberRow | undefined;
    return row && { joinSeq: row.join_seq, maxSeq: row.max_seq, leftSeq: row.left_seq, role: row.role };
  }

  async markRead(conversationId: string, userId: string, seq: number) {
    return this.markReadTx(conversationId, userId, seq);
  }

  private markReadInTx(conversationId: string, userId: string, seq: number) {
    const m = this.sql.getMembership.get(conversationId, userId) as (MemberRow & { read_seq?: number }) | undefined;
    if (!m) return undefined;
    const current = (this.sql.getReadSeq.get(conversationId, userId) as { read_seq: number }).read_seq;
    const target = Math.min(seq, m.left_seq ?? m.max_seq);
    const members = this.members(conversationId);
    if (target <= current) return { readSeq: current, changed: false, members };
    const version = ++this.version;
    this.sql.setMeta.run('version', String(version));
    this.sql.setReadSeq.run(target, version, conversationId, userId);
    return { readSeq: target, changed: true, members };
  }

  async setLastSeen(userId: string, time: number): Promise<void> {
    this.sql.setLastSeen.run(time, userId);
  }

  async getLastSeen(userId: string): Promise<number | undefined> {
    return (this.sql.getLastSeen.get(userId) as { last_seen: number } | undefined)?.last_seen;
  }

  async sharesConversation(a: string, b: string): Promise<boolean> {
    return this.sql.sharesConversation.get(a, b) !== undefined;
  }

  async listMembers(conversationId: string): Promise<readonly string[]> {
    return this.members(conversationId);
  }

  async modifyMessage(request: MessageOpRequest): Promise<AppendResult> {
    return this.guarded(this.modifyTx, request);
  }

  /**
   * Run a transaction whose refusals are thrown ParleyErrors: the transaction rolls
   * back, and so does the in-memory version it raised; a refusal becomes a result.
   */
  private guarded<A>(tx: (arg: A) => AppendResult, arg: A): AppendResult {
    const before = this.version;
    try {
      return tx(arg);
    } catch (err) {
      this.version = before;
      if (err instanceof ParleyError) return { ok: false, code: err.code, message: err.message };
      throw err;
    }
  }

  private modifyInTx(req: MessageOpRequest): AppendResult {
    const version = ++this.version;
    this.sql.setMeta.run('version', String(version));
    const now = Date.now();
    const fail = (code: ErrorCode, message: string) => new ParleyError(code, message);
    const eventType = req.op === MessageOpKind.RECALL ? MessageType.RECALL : MessageType.EDIT;
    const existing = this.sql.findByClientMsgId.get(req.actorId, req.clientMsgId) as MessageRow | undefined;
    if (existing) {
      if (existing.type !== eventType || existing.conv_id !== req.conversationId || existing.ref_seq !== req.seq) {
        throw fail(ErrorCode.CLIENT_MSG_ID_REUSED, `clientMsgId ${req.clientMsgId} was already used for a different message`);
      }
      return { ok: true, message: toMessage(existing), duplicate: true, members: this.members(existing.conv_id) };
    }
    const actor = this.sql.getMembership.get(req.conversationId, req.actorId) as MemberRow | undefined;
    if (!actor || actor.left_seq !== null) throw fail(ErrorCode.NOT_MEMBER, `not a member of ${req.conversationId}`);
    const target = this.sql.getMessage.get(req.conversationId, req.seq) as MessageRow | undefined;
    if (!target || req.seq <= actor.join_seq) throw fail(ErrorCode.MESSAGE_NOT_FOUND, `no message ${req.seq} in ${req.conversationId}`);
    if (target.type >= SERVER_MESSAGE_TYPE_MIN) throw fail(ErrorCode.MESSAGE_LOCKED, 'events cannot be recalled or edited');
    if (target.flags & MessageFlag.RECALLED) throw fail(ErrorCode.MESSAGE_LOCKED, 'the message was recalled');
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
    this.sql.updateMessage.run(body, flags, req.conversationId, req.seq);
    const conv = this.sql.getConversation.get(req.conversationId) as { max_seq: number };
    return this.insertMessage(
      { senderId: req.actorId, senderDevice: req.actorDevice, clientMsgId: req.clientMsgId, conversationId: req.conversationId, type: eventType, body, refSeq: req.seq },
      conv.max_seq + 1, version, now,
    );
  }

  async changeGroup(request: GroupChangeRequest): Promise<AppendResult> {
    try {
      return this.guarded(this.changeGroupTx, request);
    } finally {
      // Membership changed (or a failed change may have filled the cache mid-transaction):
      // group changes are rare, so forgetting every cached list is simplest and always right.
      this.memberCache.clear();
    }
  }

  private changeGroupInTx(req: GroupChangeRequest): AppendResult {
    const version = ++this.version;
    this.sql.setMeta.run('version', String(version));
    const now = Date.now();
    const fail = (code: ErrorCode, message: string) => new ParleyError(code, message);
    const existing = this.sql.findByClientMsgId.get(req.actorId, req.clientMsgId) as MessageRow | undefined;
    if (existing) {
      const event = existing.type === MessageType.MEMBERSHIP ? (JSON.parse(Buffer.from(existing.body).toString('utf8')) as MembershipEvent) : undefined;
      const sameUsers = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((u) => b.includes(u));
      if (
        !event ||
        event.op !== GROUP_OP_NAMES[req.op] ||
        !sameUsers(event.users, [...new Set(req.users)].filter((u) => u !== req.actorId || req.op !== GroupOp.CREATE)) ||
        (req.op !== GroupOp.CREATE && existing.conv_id !== req.conversationId)
      ) {
        throw fail(ErrorCode.CLIENT_MSG_ID_REUSED, `clientMsgId ${req.clientMsgId} was already used for a different message`);
      }
      const recipients = new Set([...this.members(existing.conv_id), ...event.users, event.actor]);
      return { ok: true, message: toMessage(existing), duplicate: true, members: [...recipients] };
    }
    const users = [...new Set(req.users)];
    const mustExist = (ids: readonly string[]) => {
      for (const id of ids) if (!this.sql.userExists.get(id)) throw fail(ErrorCode.USER_NOT_FOUND, `no user ${id}`);
    };
    let conversationId = req.conversationId;
    let seq: number;
    let event: MembershipEvent;
    const removed: string[] = [];
    if (req.op === GroupOp.CREATE) {
      mustExist(users);
      conversationId = `g:${randomUUID()}`;
      this.sql.insertConversation.run(conversationId, ConversationKind.GROUP, now, req.name);
      this.sql.insertMember.run(conversationId, req.actorId, 0, version, GroupRole.OWNER);
      for (const u of users) if (u !== req.actorId) this.sql.insertMember.run(conversationId, u, 0, version, GroupRole.MEMBER);
      seq = 1;
      event = { op: 'create', actor: req.actorId, users: users.filter((u) => u !== req.actorId), name: req.name };
    } else {
      const conv = this.sql.getConversation.get(conversationId) as { kind: number; max_seq: number } | undefined;
      if (!conv) throw fail(ErrorCode.CONVERSATION_NOT_FOUND, `no conversation ${conversationId}`);
      if (conv.kind !== ConversationKind.GROUP) throw fail(ErrorCode.INVALID_ARGUMENT, `${conversationId} is not a group`);
      const actor = this.sql.getMembership.get(conversationId, req.actorId) as MemberRow | undefined;
      if (!actor || actor.left_seq !== null) throw fail(ErrorCode.NOT_MEMBER, `not a member of ${conversationId}`);
      seq = conv.max_seq + 1;
      const current = (id: string) => {
        const m = this.sql.getMembership.get(conversationId, id) as MemberRow | undefined;
        return m && m.left_seq === null ? m : undefined;
      };
      if (req.op === GroupOp.INVITE) {
        if (actor.role > GroupRole.ADMIN) throw fail(ErrorCode.FORBIDDEN, 'only the owner and admins may invite');
        mustExist(users);
        for (const u of users) if (current(u)) throw fail(ErrorCode.ALREADY_MEMBER, `${u} is already a member`);
        // A new member sees the group from their own join event on.
        for (const u of users) this.sql.insertMember.run(conversationId, u, seq - 1, version, GroupRole.MEMBER);
        event = { op: 'invite', actor: req.actorId, users };
      } else if (req.op === GroupOp.KICK) {
        if (actor.role > GroupRole.ADMIN) throw fail(ErrorCode.FORBIDDEN, 'only the owner and admins may remove members');
        for (const u of users) {
          const target = current(u);
          if (!target) throw fail(ErrorCode.NOT_MEMBER, `${u} is not a member`);
          if (target.role <= actor.role) throw fail(ErrorCode.FORBIDDEN, `cannot remove ${u}: same or higher role`);
        }
        removed.push(...users);
        event = { op: 'kick', actor: req.actorId, users };
      } else if (req.op === GroupOp.LEAVE) {
        if (actor.role === GroupRole.OWNER) throw fail(ErrorCode.FORBIDDEN, 'the owner cannot leave; transfer ownership first');
        removed.push(req.actorId);
        event = { op: 'leave', actor: req.actorId, users: [] };
      } else {
        throw fail(ErrorCode.INVALID_ARGUMENT, `unknown group op ${req.op}`);
      }
    }
    const body = new TextEncoder().encode(JSON.stringify(event));
    const result = this.insertMessage(
      { senderId: req.actorId, senderDevice: req.actorDevice, clientMsgId: req.clientMsgId, conversationId, type: MessageType.MEMBERSHIP, body },
      seq, version, now,
    );
    // The removed see their own removal event and nothing after it.
    for (const u of removed) this.sql.removeMember.run(seq, version, conversationId, u);
    return result.ok ? { ...result, members: [...new Set([...result.members, ...removed])] } : result;
  }

  async readMessages(conversationId: string, fromSeq: number, toSeq: number, limit: number): Promise<StoredMessage[]> {
    return (this.sql.readMessages.all(conversationId, fromSeq, toSeq, limit) as MessageRow[]).map(toMessage);
  }

  async changesSince(userId: string, after: ChangeCursor, limit: number): Promise<ChangePage> {
    const rows = this.sql.changesSince.all(userId, after.version, after.version, after.conversationId, limit + 1) as {
      conv_id: string; join_seq: number; version: number; left_seq: number | null; read_seq: number; kind: number;
      max_seq: number; name: string; unread: number;
    }[];
    const more = rows.length > limit;
    if (more) rows.length = limit;
    const last = rows[rows.length - 1];
    return {
      conversations: rows.map((r) => ({
        conversationId: r.conv_id,
        kind: r.kind,
        maxSeq: r.left_seq ?? r.max_seq,
        joinSeq: r.join_seq,
        members: parseDirectConversationId(r.conv_id) ?? [],
        name: r.name,
        left: r.left_seq !== null,
        readSeq: r.read_seq,
        unread: r.unread,
      })),
      next: last ? { version: last.version, conversationId: last.conv_id } : after,
      more,
    };
  }

  async close(): Promise<void> {
    if (this.lateCommit) clearTimeout(this.lateCommit);
    if (this.db.open && this.db.inTransaction) this.db.exec('COMMIT');
    if (this.db.open) this.db.close();
  }
}
