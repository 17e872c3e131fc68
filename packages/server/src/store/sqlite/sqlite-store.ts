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
 * changes a conversation raises it for all of its members — except a message in
 * a large group, which raises `conversations.version` alone (the change feed
 * reads the later of the two for large-group members).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
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
  type SettingsEvent,
  type MembershipEvent,
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
  type ConversationRow,
  type GroupRow,
  type MemberRow,
  type MessageRow,
} from '../common.ts';
import { MIGRATIONS, SQL } from './queries.ts';

export interface SqliteStoreOptions {
  /** Path of the database file; ':memory:' for a throwaway store. */
  file: string;
  /** 'full' fsyncs every commit (survives power loss); 'normal' survives a process crash only. */
  synchronous: 'full' | 'normal';
  /**
   * Groups with more current members than this become large for good: a message
   * raises the conversation's change version instead of every member's (default 200).
   */
  largeGroupThreshold?: number;
  /** TEST ONLY: crash hook (after-insert) and contract-breaking modes. */
  crash?: CrashHook;
  unsafe?: ReadonlySet<UnsafeMode>;
}

type Statements = { [K in keyof typeof SQL]: Database.Statement };

export class SqliteStore implements Store {
  readonly storeId: string;
  private readonly db: Database.Database;
  private readonly sql: Statements;
  private version: number;
  private readonly appendTx: (batch: readonly AppendRequest[]) => AppendResult[];
  private readonly changeGroupTx: (req: GroupChangeRequest) => AppendResult;
  private readonly modifyTx: (req: MessageOpRequest) => AppendResult;
  private readonly friendsTx: (req: FriendChangeRequest) => FriendChangeResult;
  private readonly settingsTx: (req: SettingsRequest) => AppendResult;
  private readonly synchronous: 'FULL' | 'NORMAL';
  private readonly largeGroupThreshold: number;
  private readonly deliveredTx: (
    entries: readonly { conversationId: string; userId: string; seq: number }[],
  ) => { conversationId: string; userId: string; seq: number; members: readonly string[] }[];
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
    this.synchronous = options.synchronous === 'full' ? 'FULL' : 'NORMAL';
    this.largeGroupThreshold = options.largeGroupThreshold ?? 200;
    this.db.pragma(`synchronous = ${this.synchronous}`);
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.sql = Object.fromEntries(
      Object.entries(SQL).map(([name, text]) => [name, this.db.prepare(text)]),
    ) as Statements;
    this.storeId = this.meta('store_id') ?? this.initMeta('store_id', randomUUID());
    this.version = Number(this.meta('version') ?? this.initMeta('version', '0'));
    this.appendTx = this.transaction((batch: readonly AppendRequest[]) => this.appendInTx(batch));
    this.changeGroupTx = this.transaction((req: GroupChangeRequest) => this.changeGroupInTx(req));
    this.modifyTx = this.transaction((req: MessageOpRequest) => this.modifyInTx(req));
    this.friendsTx = this.transaction((req: FriendChangeRequest) => this.friendsInTx(req));
    this.settingsTx = this.transaction((req: SettingsRequest) => this.settingsInTx(req));
    this.deliveredTx = this.transaction((entries: readonly { conversationId: string; userId: string; seq: number }[]) => this.deliveredInTx(entries));
    this.markReadTx = this.transaction((conversationId: string, userId: string, seq: number) => this.markReadInTx(conversationId, userId, seq));
  }

  /**
   * A transaction that, when it throws (and so rolls back), also takes back the
   * in-memory change version it raised.
   */
  private transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    const tx = this.db.transaction(fn);
    return (...args: A) => {
      const before = this.version;
      try {
        return tx(...args);
      } catch (err) {
        this.version = before;
        throw err;
      }
    };
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
    if (this.unsafe.has(UnsafeMode.ACK_BEFORE_COMMIT)) return this.appendWithoutCommit(batch);
    return this.appendTx(batch);
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
      if (!sameAppend(existing, req)) {
        const { code, message } = reusedError(req.clientMsgId);
        return { ok: false, code, message };
      }
      return { ok: true, message: toMessage(existing), duplicate: true, members: this.members(existing.conv_id) };
    }

    let conv = this.sql.getConversation.get(req.conversationId) as ConversationRow | undefined;
    if (!conv) {
      if (!req.directMembers) {
        return { ok: false, code: ErrorCode.CONVERSATION_NOT_FOUND, message: `no conversation ${req.conversationId}` };
      }
      for (const userId of req.directMembers) {
        if (!this.sql.userExists.get(userId)) {
          return { ok: false, code: ErrorCode.USER_NOT_FOUND, message: `no user ${userId}` };
        }
      }
      const refusal = this.directRefusal(req.senderId, req.directMembers, true);
      if (refusal) return refusal;
      this.sql.insertConversation.run(req.conversationId, ConversationKind.DIRECT, now, '');
      for (const userId of req.directMembers) this.sql.insertMember.run(req.conversationId, userId, 0, version, GroupRole.MEMBER);
      conv = { kind: ConversationKind.DIRECT, max_seq: 0, muted_all: 0, dismissed: 0, joinable: 0, members_seq: 0 };
    }
    if (conv.dismissed) return { ok: false, code: ErrorCode.GROUP_DISMISSED, message: `${req.conversationId} was dismissed` };
    if (conv.kind === ConversationKind.NOTICES) return { ok: false, code: ErrorCode.FORBIDDEN, message: 'notice conversations are written by the server only' };
    const sender = this.sql.getMembership.get(req.conversationId, req.senderId) as MemberRow | undefined;
    if (!sender || sender.left_seq !== null) {
      return { ok: false, code: ErrorCode.NOT_MEMBER, message: `not a member of ${req.conversationId}` };
    }
    if (conv.kind === ConversationKind.DIRECT && conv.max_seq > 0) {
      const refusal = this.directRefusal(req.senderId, parseDirectConversationId(req.conversationId)!, false);
      if (refusal) return refusal;
    }
    if (sender.muted_until > now) {
      return { ok: false, code: ErrorCode.MUTED, message: `muted in ${req.conversationId} until ${new Date(sender.muted_until).toISOString()}` };
    }
    if (conv.muted_all && sender.role > GroupRole.ADMIN) {
      return { ok: false, code: ErrorCode.MUTED, message: `${req.conversationId} is muted: only the owner and admins may send` };
    }
    const refusal = this.referenceRefusal(req, conv, sender);
    if (refusal) return refusal;
    const result = this.insertMessage(req, conv.max_seq + 1, version, now, touched, Boolean(conv.large));
    return result.ok ? { ...result, membersVersion: conv.members_seq ?? 0 } : result;
  }

  /**
   * Store a message at `seq` and raise the change version of every current member
   * (skipped for a conversation in `touched`: raised to this version already in
   * this transaction).
   */
  private insertMessage(req: AppendRequest, seq: number, version: number, now: number, touched?: Set<string>, large = false): AppendResult {
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
      mentions: [...(req.mentions ?? [])],
      mentionAll: req.mentionAll ?? false,
      replyTo: req.replyTo ?? 0,
      reactions: [],
    };
    this.sql.setMaxSeq.run(seq, version, req.conversationId);
    // (no-dedup, TEST ONLY: the dedup key is made unique so a resend is stored again.)
    const dedupKey = this.unsafe.has(UnsafeMode.NO_DEDUP) ? `${message.clientMsgId}#${message.id}` : message.clientMsgId;
    this.sql.insertMessage.run(
      message.conversationId, seq, message.id, message.senderId, message.senderDevice,
      dedupKey, message.type, message.body, message.serverTime, message.refSeq,
      message.mentions.join(' '), message.mentionAll ? 1 : 0, message.replyTo,
    );
    // A large group's members learn of the message through the conversation's version instead.
    if (!large && !touched?.has(req.conversationId)) {
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
    return row && { joinSeq: row.join_seq, maxSeq: row.max_seq, leftSeq: row.left_seq, role: row.role, clearedSeq: row.cleared_seq };
  }

  async hiddenSeqs(userId: string, conversationId: string, fromSeq: number, toSeq: number): Promise<number[]> {
    return (this.sql.hiddenIn.all(userId, conversationId, fromSeq, toSeq) as { seq: number }[]).map((r) => r.seq);
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
    // In a direct conversation the other user's sync reports this as peer_read_seq.
    if (parseDirectConversationId(conversationId)) for (const other of members) if (other !== userId) this.sql.touchMember.run(version, conversationId, other);
    return { readSeq: target, changed: true, members };
  }

  async markDelivered(entries: readonly { conversationId: string; userId: string; seq: number }[]) {
    // Advisory state: committed without its own fsync (the next durable commit's
    // WAL sync covers it), so it never holds up messages behind a disk flush.
    this.db.pragma('synchronous = OFF');
    try {
      return this.deliveredTx(entries);
    } finally {
      this.db.pragma(`synchronous = ${this.synchronous}`);
    }
  }

  private deliveredInTx(entries: readonly { conversationId: string; userId: string; seq: number }[]) {
    const moved: { conversationId: string; userId: string; seq: number; members: readonly string[] }[] = [];
    let version = 0;
    for (const e of entries) {
      const row = this.sql.getDelivered.get(e.conversationId, e.userId) as { delivered_seq: number; left_seq: number | null; max_seq: number } | undefined;
      if (!row) continue;
      const target = Math.min(e.seq, row.left_seq ?? row.max_seq);
      if (target <= row.delivered_seq) continue;
      if (version === 0) {
        version = ++this.version;
        this.sql.setMeta.run('version', String(version));
      }
      this.sql.setDelivered.run(target, e.conversationId, e.userId);
      const members = this.members(e.conversationId);
      // The other member's sync reports it as peer_delivered_seq (direct conversations only).
      if (parseDirectConversationId(e.conversationId)) for (const other of members) if (other !== e.userId) this.sql.touchMember.run(version, e.conversationId, other);
      moved.push({ conversationId: e.conversationId, userId: e.userId, seq: target, members });
    }
    return moved;
  }

  async setLastSeen(userId: string, time: number): Promise<void> {
    this.sql.setLastSeen.run(time, userId);
  }

  async getLastSeen(userId: string): Promise<number | undefined> {
    return (this.sql.getLastSeen.get(userId) as { last_seen: number } | undefined)?.last_seen;
  }

  async memberPresence(conversationId: string, viewerId: string, after: string, limit: number) {
    const rows = this.sql.memberPresence.all(conversationId, after, viewerId, viewerId, limit) as { user_id: string; last_seen: number }[];
    return rows.map((r) => ({ userId: r.user_id, lastSeen: r.last_seen }));
  }

  async presenceVisible(a: string, b: string): Promise<boolean> {
    if (this.sql.isBlocked.get(a, b) || this.sql.isBlocked.get(b, a)) return false;
    return this.sql.isFriend.get(a, b) !== undefined || this.sql.sharesConversation.get(a, b) !== undefined;
  }

  async listMembers(conversationId: string): Promise<readonly string[]> {
    return this.members(conversationId);
  }

  async modifyMessage(request: MessageOpRequest): Promise<AppendResult> {
    return this.guarded(this.modifyTx, request);
  }

  /**
   * Run a transaction whose refusals are thrown ParleyErrors (it rolls back): a
   * refusal becomes a result.
   */
  private guarded<A, R>(tx: (arg: A) => R, arg: A): R | { ok: false; code: ErrorCode; message: string } {
    try {
      return tx(arg);
    } catch (err) {
      if (err instanceof ParleyError) return { ok: false, code: err.code, message: err.message };
      throw err;
    }
  }

  private modifyInTx(req: MessageOpRequest): AppendResult {
    const version = ++this.version;
    this.sql.setMeta.run('version', String(version));
    const now = Date.now();
    const fail = (code: ErrorCode, message: string) => new ParleyError(code, message);
    const eventType = EVENT_TYPES[req.op]!;
    const existing = this.sql.findByClientMsgId.get(req.actorId, req.clientMsgId) as MessageRow | undefined;
    if (existing) {
      if (!sameMessageOp(existing, req)) throw reusedError(req.clientMsgId);
      return { ok: true, message: toMessage(existing), duplicate: true, members: this.members(existing.conv_id) };
    }
    const actor = this.sql.getMembership.get(req.conversationId, req.actorId) as MemberRow | undefined;
    // Your own history: also of conversations you have left.
    const mine = req.op === MessageOpKind.HIDE || req.op === MessageOpKind.CLEAR;
    if (!actor || (actor.left_seq !== null && !mine)) throw fail(ErrorCode.NOT_MEMBER, `not a member of ${req.conversationId}`);
    if (mine) return this.changeOwnHistory(req, actor, version, now);
    const target = this.sql.getMessage.get(req.conversationId, req.seq) as MessageRow | undefined;
    if (!target || req.seq <= actor.join_seq) throw fail(ErrorCode.MESSAGE_NOT_FOUND, `no message ${req.seq} in ${req.conversationId}`);
    if (target.type >= SERVER_MESSAGE_TYPE_MIN) throw fail(ErrorCode.MESSAGE_LOCKED, 'events cannot be recalled, edited or reacted to');
    if (target.flags & MessageFlag.RECALLED) throw fail(ErrorCode.MESSAGE_LOCKED, 'the message was recalled');
    const conv = this.sql.getConversation.get(req.conversationId) as ConversationRow;
    const event = (body: Uint8Array) =>
      this.insertMessage(
        { senderId: req.actorId, senderDevice: req.actorDevice, clientMsgId: req.clientMsgId, conversationId: req.conversationId, type: eventType, body, refSeq: req.seq },
        conv.max_seq + 1, version, now, undefined, Boolean(conv.large),
      );
    if (req.op === MessageOpKind.REACT || req.op === MessageOpKind.UNREACT) {
      this.sql.setReactions.run(applyReaction(toMessage(target).reactions, req), req.conversationId, req.seq);
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
    this.sql.updateMessage.run(body, flags, req.conversationId, req.seq);
    return event(body);
  }

  async readers(conversationId: string, seq: number, limit: number) {
    const users = (this.sql.readersOf.all(conversationId, seq, limit) as { user_id: string }[]).map((r) => r.user_id);
    const counts = this.sql.readerCounts.get(seq, seq, conversationId) as { read_count: number | null; unread_count: number | null };
    return { users, readCount: counts.read_count ?? 0, unreadCount: counts.unread_count ?? 0 };
  }

  async changeSettings(request: SettingsRequest): Promise<AppendResult> {
    return this.guarded(this.settingsTx, request);
  }

  private settingsInTx(req: SettingsRequest): AppendResult {
    const existing = this.sql.findByClientMsgId.get(req.userId, req.clientMsgId) as MessageRow | undefined;
    if (existing) {
      if (!sameSettings(existing, req)) throw reusedError(req.clientMsgId);
      return { ok: true, message: toMessage(existing), duplicate: true, members: this.members(existing.conv_id) };
    }
    const current = this.sql.getSettings.get(req.conversationId, req.userId) as { pinned: number; muted: number } | undefined;
    if (!current) throw new ParleyError(ErrorCode.NOT_MEMBER, `not a member of ${req.conversationId}`);
    const version = ++this.version;
    this.sql.setMeta.run('version', String(version));
    const event: SettingsEvent = {
      conversationId: req.conversationId,
      pinned: req.fields & ConversationSetting.PINNED ? req.pinned : Boolean(current.pinned),
      muted: req.fields & ConversationSetting.MUTED ? req.muted : Boolean(current.muted),
    };
    this.sql.setSettings.run(event.pinned ? 1 : 0, event.muted ? 1 : 0, version, req.conversationId, req.userId);
    return this.writeNotice(req.userId, req.clientMsgId, req.userId, req.deviceId, MessageType.SETTINGS, event, version, Date.now());
  }

  /** Delete a message, or clear a history, for the actor alone; recorded in their notice conversation. */
  private changeOwnHistory(req: MessageOpRequest, actor: MemberRow, version: number, now: number): AppendResult {
    const fail = (code: ErrorCode, message: string) => new ParleyError(code, message);
    const visibleMax = actor.left_seq ?? actor.max_seq;
    if (req.seq <= Math.max(actor.join_seq, actor.cleared_seq) || req.seq > visibleMax) {
      throw fail(ErrorCode.MESSAGE_NOT_FOUND, `no message ${req.seq} in your history of ${req.conversationId}`);
    }
    let event: HistoryEvent;
    if (req.op === MessageOpKind.HIDE) {
      if (!this.sql.getMessage.get(req.conversationId, req.seq)) throw fail(ErrorCode.MESSAGE_NOT_FOUND, `no message ${req.seq} in ${req.conversationId}`);
      if (this.sql.isHidden.get(req.actorId, req.conversationId, req.seq)) throw fail(ErrorCode.INVALID_ARGUMENT, `message ${req.seq} is already deleted for you`);
      this.sql.hide.run(req.actorId, req.conversationId, req.seq);
      // It may have been the last message the user sees there: their sync lists the conversation again.
      this.sql.touchMember.run(version, req.conversationId, req.actorId);
      event = { op: 'hide', conversationId: req.conversationId, seq: req.seq };
    } else {
      this.sql.setClearedSeq.run(req.seq, version, req.conversationId, req.actorId);
      event = { op: 'clear', conversationId: req.conversationId, seq: req.seq };
    }
    return this.writeNotice(req.actorId, req.clientMsgId, req.actorId, req.actorDevice, MessageType.HISTORY, event, version, now);
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
      const event = sameGroupChange(existing, req);
      if (!event) throw reusedError(req.clientMsgId);
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
    let large = false;
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
      const conv = this.sql.getGroup.get(conversationId) as GroupRow | undefined;
      if (!conv) throw fail(ErrorCode.CONVERSATION_NOT_FOUND, `no conversation ${conversationId}`);
      if (conv.kind !== ConversationKind.GROUP) throw fail(ErrorCode.INVALID_ARGUMENT, `${conversationId} is not a group`);
      if (conv.dismissed) throw fail(ErrorCode.GROUP_DISMISSED, `${conversationId} was dismissed`);
      seq = conv.max_seq + 1;
      large = Boolean(conv.large);
      const current = (id: string) => {
        const m = this.sql.getMembership.get(conversationId, id) as MemberRow | undefined;
        return m && m.left_seq === null ? m : undefined;
      };
      const actor = current(req.actorId);
      if (req.op === GroupOp.JOIN) {
        if (actor) throw fail(ErrorCode.ALREADY_MEMBER, `already a member of ${conversationId}`);
        if (!conv.joinable) throw fail(ErrorCode.FORBIDDEN, `${conversationId} does not take joins; ask an admin for an invite`);
        this.sql.insertMember.run(conversationId, req.actorId, seq - 1, version, GroupRole.MEMBER);
        event = { op: 'join', actor: req.actorId, users: [] };
      } else {
        if (!actor) throw fail(ErrorCode.NOT_MEMBER, `not a member of ${conversationId}`);
        event = this.applyGroupOp(req, conversationId, conv, actor, current, removed, seq);
      }
    }
    // Past the threshold a group becomes large for good: messages stop raising every member's version.
    if (!large && (this.sql.countMembers.get(conversationId) as { n: number }).n > this.largeGroupThreshold) {
      this.sql.markLargeConversation.run(conversationId);
      this.sql.markLargeMembers.run(conversationId);
      large = true;
    }
    const body = eventBody(event);
    this.memberCache.delete(conversationId); // the event goes to the members as changed by it
    const result = this.insertMessage(
      { senderId: req.actorId, senderDevice: req.actorDevice, clientMsgId: req.clientMsgId, conversationId, type: MessageType.MEMBERSHIP, body },
      seq, version, now, undefined, large,
    );
    // The removed see their own removal event and nothing after it.
    for (const u of removed) this.sql.removeMember.run(seq, version, conversationId, u);
    this.sql.setMembersSeq.run(seq, conversationId);
    return result.ok ? { ...result, members: [...new Set([...result.members, ...removed])] } : result;
  }

  /** Why a message's mentions or reply-to cannot stand, if they cannot. */
  private referenceRefusal(req: AppendRequest, conv: ConversationRow, sender: MemberRow): AppendResult | undefined {
    if (req.mentionAll) {
      if (conv.kind !== ConversationKind.GROUP) return { ok: false, code: ErrorCode.INVALID_ARGUMENT, message: '@all is for groups' };
      if (sender.role > GroupRole.ADMIN) return { ok: false, code: ErrorCode.FORBIDDEN, message: 'only the owner and admins may mention @all' };
    }
    for (const u of req.mentions ?? []) {
      const m = this.sql.getMembership.get(req.conversationId, u) as MemberRow | undefined;
      if (!m || m.left_seq !== null) return { ok: false, code: ErrorCode.NOT_MEMBER, message: `cannot mention ${u}: not a member of ${req.conversationId}` };
    }
    const replyTo = req.replyTo ?? 0;
    if (replyTo !== 0 && (replyTo > conv.max_seq || replyTo <= sender.join_seq)) {
      return { ok: false, code: ErrorCode.MESSAGE_NOT_FOUND, message: `no message ${replyTo} you can see in ${req.conversationId}` };
    }
    return undefined;
  }

  /**
   * Why `sender` may not message the other user of a direct conversation, if they
   * may not: a block either way, or (for the first message) the other user takes
   * chats from friends only.
   */
  private directRefusal(sender: string, pair: readonly string[], starting: boolean): AppendResult | undefined {
    const other = pair[0] === sender ? pair[1]! : pair[0]!;
    if (this.sql.isBlocked.get(other, sender) || this.sql.isBlocked.get(sender, other)) {
      return { ok: false, code: ErrorCode.BLOCKED, message: `messages between you and ${other} are blocked` };
    }
    if (starting && !this.sql.isFriend.get(sender, other)) {
      const row = this.sql.getAllowStrangers.get(other) as { allow_strangers: number } | undefined;
      if (row && !row.allow_strangers) return { ok: false, code: ErrorCode.NOT_FRIENDS, message: `${other} takes chats from friends only` };
    }
    return undefined;
  }

  async changeFriends(request: FriendChangeRequest): Promise<FriendChangeResult> {
    return this.guarded(this.friendsTx, request);
  }

  private friendsInTx(req: FriendChangeRequest): FriendChangeResult {
    const fail = (code: ErrorCode, message: string) => new ParleyError(code, message);
    const me = req.actorId;
    const them = req.userId;
    const op = FRIEND_OP_NAMES[req.op]!;
    const existing = this.sql.findByClientMsgId.get(me, req.clientMsgId) as MessageRow | undefined;
    if (existing) {
      if (!sameFriendChange(existing, req)) throw reusedError(req.clientMsgId);
      const copies = [existing, this.sql.findByClientMsgId.get(me, peerKey(req.clientMsgId)) as MessageRow | undefined];
      return { ok: true, duplicate: true, events: copies.filter((r) => r !== undefined).map((r) => ({ message: toMessage(r), members: this.members(r.conv_id) })) };
    }
    const version = ++this.version;
    this.sql.setMeta.run('version', String(version));
    const now = Date.now();
    if (req.op !== FriendOp.ALLOW_STRANGERS) {
      if (them === me) throw fail(ErrorCode.INVALID_ARGUMENT, 'that is you');
      if (!this.sql.userExists.get(them)) throw fail(ErrorCode.USER_NOT_FOUND, `no user ${them}`);
    }
    const friends = () => Boolean(this.sql.isFriend.get(me, them));
    const unfriend = () => {
      this.sql.removeFriend.run(me, them);
      this.sql.removeFriend.run(them, me);
    };
    const befriend = () => {
      this.sql.addFriend.run(me, them, now);
      this.sql.addFriend.run(them, me, now);
      this.sql.deleteFriendRequest.run(me, them);
      this.sql.deleteFriendRequest.run(them, me);
    };
    // Who hears of it: both users, or only the actor (blocks and settings are private).
    let event: FriendEvent = { op, from: me, to: them };
    let both = true;
    const events: { message: StoredMessage; members: readonly string[] }[] = [];
    switch (req.op) {
      case FriendOp.REQUEST:
        if (this.sql.isBlocked.get(them, me) || this.sql.isBlocked.get(me, them)) throw fail(ErrorCode.BLOCKED, `you and ${them} cannot be friends: blocked`);
        if (friends()) throw fail(ErrorCode.ALREADY_FRIENDS, `${them} is already your friend`);
        if (this.sql.getFriendRequest.get(them, me)) {
          // They asked first: asking back is accepting.
          befriend();
          event = { op: 'accept', from: me, to: them };
        } else {
          this.sql.putFriendRequest.run(me, them, req.note, now);
          event.note = req.note;
        }
        break;
      case FriendOp.ACCEPT:
      case FriendOp.REJECT:
        if (!this.sql.getFriendRequest.get(them, me)) throw fail(ErrorCode.REQUEST_NOT_FOUND, `no pending friend request from ${them}`);
        if (req.op === FriendOp.ACCEPT) befriend();
        else this.sql.deleteFriendRequest.run(them, me);
        break;
      case FriendOp.REMOVE:
        if (!friends()) throw fail(ErrorCode.NOT_FRIENDS, `${them} is not your friend`);
        unfriend();
        break;
      case FriendOp.BLOCK:
        // Blocking ends the friendship (they learn that much, as a removal) and any requests.
        if (friends()) {
          unfriend();
          events.push(this.writeFriendEvent(them, peerKey(req.clientMsgId), req, { op: 'remove', from: me, to: them }, version, now));
        }
        this.sql.deleteFriendRequest.run(me, them);
        this.sql.deleteFriendRequest.run(them, me);
        this.sql.addBlock.run(me, them, now);
        both = false;
        break;
      case FriendOp.UNBLOCK:
        this.sql.removeBlock.run(me, them);
        both = false;
        break;
      case FriendOp.ALLOW_STRANGERS:
        this.sql.setAllowStrangers.run(req.allow ? 1 : 0, me);
        event = { op, from: me, to: '', allow: req.allow };
        both = false;
        break;
    }
    events.push(this.writeFriendEvent(me, req.clientMsgId, req, event, version, now));
    if (both) events.push(this.writeFriendEvent(them, peerKey(req.clientMsgId), req, event, version, now));
    return { ok: true, duplicate: false, events };
  }

  /** Append a FRIEND event to `userId`'s notice conversation. */
  private writeFriendEvent(userId: string, clientMsgId: string, req: FriendChangeRequest, event: FriendEvent, version: number, now: number) {
    const result = this.writeNotice(userId, clientMsgId, req.actorId, req.actorDevice, MessageType.FRIEND, event, version, now);
    if (!result.ok) throw new ParleyError(result.code, result.message);
    return { message: result.message, members: result.members };
  }

  /** Append a server-written event to `userId`'s notice conversation (created on first use). */
  private writeNotice(userId: string, clientMsgId: string, actorId: string, actorDevice: string, type: number, event: object, version: number, now: number): AppendResult {
    const conversationId = noticeConversationId(userId);
    let conv = this.sql.getConversation.get(conversationId) as ConversationRow | undefined;
    if (!conv) {
      this.sql.insertConversation.run(conversationId, ConversationKind.NOTICES, now, '');
      this.sql.insertMember.run(conversationId, userId, 0, version, GroupRole.MEMBER);
      conv = { kind: ConversationKind.NOTICES, max_seq: 0, muted_all: 0, dismissed: 0, joinable: 0 };
    }
    const body = eventBody(event);
    return this.insertMessage({ senderId: actorId, senderDevice: actorDevice, clientMsgId, conversationId, type, body }, conv.max_seq + 1, version, now);
  }

  async listFriends(userId: string): Promise<FriendListRecord> {
    const all = (stmt: { all(...args: unknown[]): unknown[] }) => stmt.all(userId) as FriendListRecord['friends'];
    const row = this.sql.getAllowStrangers.get(userId) as { allow_strangers: number } | undefined;
    return {
      friends: all(this.sql.listFriends),
      incoming: all(this.sql.listIncoming),
      outgoing: all(this.sql.listOutgoing),
      blocked: all(this.sql.listBlocked),
      allowStrangers: row ? Boolean(row.allow_strangers) : true,
    };
  }

  /** One change to an existing group by a current member; returns its event. Throws refusals. */
  private applyGroupOp(
    req: GroupChangeRequest,
    conversationId: string,
    conv: GroupRow,
    actor: MemberRow,
    current: (id: string) => MemberRow | undefined,
    removed: string[],
    seq: number,
  ): MembershipEvent {
    const fail = (code: ErrorCode, message: string) => new ParleyError(code, message);
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
        for (const id of users) if (!this.sql.userExists.get(id)) throw fail(ErrorCode.USER_NOT_FOUND, `no user ${id}`);
        for (const u of users) if (current(u)) throw fail(ErrorCode.ALREADY_MEMBER, `${u} is already a member`);
        // A new member sees the group from their own join event on.
        for (const u of users) this.sql.insertMember.run(conversationId, u, seq - 1, this.version, GroupRole.MEMBER);
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
        this.sql.setGroupInfo.run(
          event.name ?? conv.name,
          event.avatarUrl ?? conv.avatar_url,
          event.announcement ?? conv.announcement,
          (event.joinable ?? Boolean(conv.joinable)) ? 1 : 0,
          conversationId,
        );
        return event;
      }
      case GroupOp.SET_ROLE:
        need(GroupRole.OWNER, 'change roles');
        outranked('change the role of');
        for (const u of users) this.sql.setRole.run(req.role, conversationId, u);
        return { op: 'role', ...base, role: req.role };
      case GroupOp.TRANSFER: {
        need(GroupRole.OWNER, 'transfer ownership');
        const [to] = users;
        if (users.length !== 1 || !to || to === req.actorId) throw fail(ErrorCode.INVALID_ARGUMENT, 'name exactly one other member as the new owner');
        if (!current(to)) throw fail(ErrorCode.NOT_MEMBER, `${to} is not a member`);
        this.sql.setRole.run(GroupRole.OWNER, conversationId, to);
        this.sql.setRole.run(GroupRole.ADMIN, conversationId, req.actorId);
        return { op: 'transfer', ...base };
      }
      case GroupOp.DISMISS:
        need(GroupRole.OWNER, 'dismiss the group');
        this.sql.setDismissed.run(conversationId);
        // Everyone leaves at the dismiss event: they see it, and nothing can follow it.
        removed.push(...this.members(conversationId));
        return { op: 'dismiss', actor: req.actorId, users: [] };
      case GroupOp.MUTE:
        need(GroupRole.ADMIN, 'mute members');
        outranked('mute');
        for (const u of users) this.sql.setMutedUntil.run(req.mutedUntil, conversationId, u);
        return { op: 'mute', ...base, mutedUntil: req.mutedUntil };
      case GroupOp.MUTE_ALL:
        need(GroupRole.ADMIN, 'mute the group');
        this.sql.setMutedAll.run(req.on ? 1 : 0, conversationId);
        return { op: 'mute_all', actor: req.actorId, users: [], on: req.on };
      default:
        throw fail(ErrorCode.INVALID_ARGUMENT, `unknown group op ${req.op}`);
    }
  }

  async getGroup(conversationId: string): Promise<GroupRecord | undefined> {
    const g = this.sql.getGroup.get(conversationId) as GroupRow | undefined;
    if (!g || g.kind !== ConversationKind.GROUP) return undefined;
    const members = this.sql.listGroupMembers.all(conversationId) as { user_id: string; role: number; muted_until: number; join_seq: number }[];
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

  async readMessages(conversationId: string, fromSeq: number, toSeq: number, limit: number): Promise<StoredMessage[]> {
    return (this.sql.readMessages.all(conversationId, fromSeq, toSeq, limit) as MessageRow[]).map(toMessage);
  }

  async changesSince(userId: string, after: ChangeCursor, limit: number): Promise<ChangePage> {
    const args = [userId, after.version, after.version, after.conversationId, limit + 1];
    const large = this.sql.hasLargeGroups.get(userId) ? this.sql.changesSinceLarge.all(...args) : [];
    const rows = [...this.sql.changesSince.all(...args), ...large] as ChangeRow[];
    return changePage(rows, after, limit);
  }

  async close(): Promise<void> {
    if (this.lateCommit) clearTimeout(this.lateCommit);
    if (this.db.open && this.db.inTransaction) this.db.exec('COMMIT');
    if (this.db.open) this.db.close();
  }
}
