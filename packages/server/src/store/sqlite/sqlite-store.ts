/**
 * The embedded store: one SQLite file in WAL mode, through better-sqlite3. It
 * implements the store port (chat/store-port.ts): SQL, row mapping and
 * transaction mechanics; the rules that decide what a write may do are in
 * chat/rules/, shared with the PostgreSQL store.
 *
 * Two connections. The writer runs every write transaction as BEGIN IMMEDIATE …
 * COMMIT, one at a time (a queue), with the chat rules awaiting its calls in
 * between; the reader serves every read outside a transaction. The rules are
 * async (the PostgreSQL store needs them to be), so while a write transaction is
 * open other work of the event loop runs between its statements; were that work
 * to read through the writer, it would see rows that may yet roll back. On the
 * reader, in WAL mode, it sees the last commit only.
 *
 * Invariants: the writer is the only connection that writes, so taking
 * `max_seq + 1` inside a transaction is gap-free and race-free without locks of
 * our own; every transaction takes one store-wide change version (a counter in
 * `meta`) for the rows it stamps; the writer's `synchronous` setting is the
 * configured one for every commit, never relaxed (WAL checkpoints run on it, and
 * with a relaxed setting a checkpoint could copy pages to the database file
 * without an fsync and lose acked messages on a power cut).
 */
import { authSessionOf, type AuthSessionRecord, type LoginRecord, type SessionRow } from '../../auth/accounts-port.ts';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ErrorCode, ParleyError } from '@parley/protocol';
import { pairKey, type BanRow, type ChangeParts, type ConversationRow, type FriendRow, type InvitationRow, type MemberRow, type SentMessage, type StorePort, type WriteOptions, type WriteTx } from '../../chat/store-port.ts';
import type { ChangeCursor, StoredMessage, User } from '../../chat/types.ts';
import { BoundedMap } from '../../bounded-map.ts';
import type { ChallengeRow, FileRow, UploadRow } from '../../media/media-port.ts';
import {
  asBuffer,
  challengeValues,
  fileValues,
  toChallenge,
  toFile,
  toFileAccess,
  toUpload,
  uploadValues,
  type ChallengeSqlRow,
  type FileAccessSqlRow,
  type FileSqlRow,
  type UploadSqlRow,
  mentionsText,
  reactionsText,
  toChangeRow,
  toConversation,
  toMember,
  toMessage,
  toSent,
  type ChangeSqlRow,
  type ConversationSqlRow,
  type MemberSqlRow,
  type MessageSqlRow,
} from '../common.ts';
import { MIGRATIONS, SQL } from './queries.ts';

export interface SqliteStoreOptions {
  /** Path of the database file. */
  file: string;
  /** 'full' fsyncs every commit (survives power loss); 'normal' survives a process crash only. */
  synchronous: 'full' | 'normal';
  /** Group member lists kept in memory (default 10,000 groups). */
  memberCacheSize?: number;
}

type Statements = { [K in keyof typeof SQL]: Database.Statement };

function prepare(db: Database.Database): Statements {
  return Object.fromEntries(Object.entries(SQL).map(([name, text]) => [name, db.prepare(text)])) as Statements;
}

/** Errors of the disk, not of the request: retry later. */
const UNAVAILABLE_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN']);

function asUnavailable(err: unknown): unknown {
  const code = (err as { code?: string }).code ?? '';
  return UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR')
    ? new ParleyError(ErrorCode.UNAVAILABLE, 'the store cannot write right now; retry', { cause: err })
    : err;
}

export class SqliteStore implements StorePort {
  readonly storeId: string;
  private readonly writer: Database.Database;
  private readonly reader: Database.Database;
  private readonly w: Statements;
  private readonly r: Statements;
  private readonly synchronous: 'FULL' | 'NORMAL';
  /** The last change version taken by a committed (or the open) transaction. */
  private version: number;
  /** Write transactions run one after another: each starts when this settles. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Current members of groups; kept consistent by this store, the only writer of members. */
  private readonly memberCache: BoundedMap<string, readonly string[]>;
  /** Conversations whose members the open transaction changed: not cached until it ends. */
  private readonly dirtyMembers = new Set<string>();
  /** The weakest `synchronous` level any commit of this store ran with (0 OFF … 3 EXTRA). */
  private weakestCommit = 3;
  /** TEST ONLY (ack-before-commit): the commit of the transaction left open. */
  private lateCommit: ReturnType<typeof setTimeout> | undefined;

  constructor(options: SqliteStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
    this.synchronous = options.synchronous === 'full' ? 'FULL' : 'NORMAL';
    this.writer = new Database(options.file);
    try {
      chmodSync(options.file, 0o600);
    } catch {
      // Not ours to change (a file someone else created): it keeps its mode.
    }
    this.writer.pragma('journal_mode = WAL');
    this.writer.pragma(`synchronous = ${this.synchronous}`);
    this.writer.pragma('busy_timeout = 5000');
    this.migrate();
    this.reader = new Database(options.file);
    this.reader.pragma(`synchronous = ${this.synchronous}`);
    this.reader.pragma('busy_timeout = 5000');
    this.reader.pragma('query_only = ON');
    this.w = prepare(this.writer);
    this.r = prepare(this.reader);
    this.storeId = this.meta('store_id') ?? this.initMeta('store_id', randomUUID());
    this.version = Number(this.meta('version') ?? this.initMeta('version', '0'));
    this.memberCache = new BoundedMap(options.memberCacheSize ?? 10_000);
  }

  private migrate(): void {
    const current = this.writer.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.writer.transaction(() => {
        this.writer.exec(MIGRATIONS[v]!);
        this.writer.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  private meta(key: string): string | undefined {
    return (this.w.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  private initMeta(key: string, value: string): string {
    this.w.setMeta.run(key, value);
    return value;
  }

  write<R>(fn: (tx: WriteTx) => Promise<R>, options: WriteOptions = {}): Promise<R> {
    const run = () => this.runWrite(fn, options.ackBeforeCommit === true);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async runWrite<R>(fn: (tx: WriteTx) => Promise<R>, late: boolean): Promise<R> {
    const db = this.writer;
    const before = this.version;
    // Inside a transaction left open by ack-before-commit (TEST ONLY), a write is a savepoint of it.
    const nested = db.inTransaction;
    db.exec(nested ? 'SAVEPOINT w' : 'BEGIN IMMEDIATE');
    let stamped = 0;
    const stamp = () => {
      if (stamped === 0) {
        stamped = ++this.version;
        this.w.setMeta.run('version', String(stamped));
      }
      return stamped;
    };
    try {
      const result = await fn(this.txOf(stamp));
      if (nested) db.exec('RELEASE w');
      else if (late) this.commitLater();
      else {
        // What this commit's durability is, as SQLite will apply it (kept for durability()).
        this.weakestCommit = Math.min(this.weakestCommit, db.pragma('synchronous', { simple: true }) as number);
        db.exec('COMMIT');
      }
      return result;
    } catch (err) {
      if (nested) {
        db.exec('ROLLBACK TO w');
        db.exec('RELEASE w');
      } else if (db.inTransaction) {
        db.exec('ROLLBACK');
      }
      this.version = before;
      throw asUnavailable(err);
    } finally {
      for (const id of this.dirtyMembers) this.memberCache.delete(id);
      this.dirtyMembers.clear();
    }
  }

  /** TEST ONLY (ack-before-commit): leave the transaction open and commit it 300 ms later. */
  private commitLater(): void {
    this.lateCommit ??= setTimeout(() => {
      this.lateCommit = undefined;
      if (this.writer.open && this.writer.inTransaction) this.writer.exec('COMMIT');
    }, 300);
  }

  /** The members of `id` changed in the open transaction. */
  private membersChanged(id: string): void {
    this.dirtyMembers.add(id);
    this.memberCache.delete(id);
  }

  /** Current members of a group, through the cache (`db`'s statements on a miss). */
  private members(s: Statements, id: string): readonly string[] {
    let list = this.memberCache.get(id);
    if (!list) {
      list = (s.listMembers.all(id) as { user_id: string }[]).map((r) => r.user_id);
      if (!this.dirtyMembers.has(id)) this.memberCache.set(id, list);
    }
    return list;
  }

  private txOf(version: () => number): WriteTx {
    const w = this.w;
    const each = async <T>(items: readonly T[], f: (item: T) => unknown) => {
      for (const item of items) f(item);
    };
    const memberRows = (pairs: readonly (readonly [string, string])[]) => {
      const rows = new Map<string, MemberRow>();
      for (const [conv, user] of pairs) {
        const key = pairKey(conv, user);
        if (rows.has(key)) continue;
        const row = w.memberRow.get(conv, user) as MemberSqlRow | undefined;
        if (row) rows.set(key, toMember(row));
      }
      return rows;
    };
    return {
      lockConversations: async (ids) => {
        const found = new Map<string, ConversationRow>();
        for (const id of new Set(ids)) {
          const row = w.getConversation.get(id) as ConversationSqlRow | undefined;
          if (row) found.set(id, toConversation(row));
        }
        return found;
      },
      createConversation: async (row, members) => {
        w.insertConversation.run(row.id, row.kind, row.createdAt, row.name);
        for (const m of members) w.insertMember.run(row.id, m.userId, 0, version(), m.role);
        this.membersChanged(row.id);
      },
      setMaxSeqs: (maxSeqs) => each([...maxSeqs], ([id, seq]) => w.setMaxSeq.run(seq, id)),
      touchConversations: (ids) => each(ids, (id) => w.touchConversation.run(version(), id)),
      setGroupInfo: async (id, info) => {
        w.setGroupInfo.run(info.name, info.avatarUrl, info.announcement, info.joinable ? 1 : 0, id);
      },
      setMutedAll: async (id, on) => {
        w.setMutedAll.run(on ? 1 : 0, id);
      },
      setDismissed: async (id) => {
        w.setDismissed.run(id);
      },
      setMembersSeq: async (id, seq) => {
        w.setMembersSeq.run(seq, id);
      },
      markLarge: async (id) => {
        w.markLarge.run(id);
      },
      memberRows: async (pairs) => memberRows(pairs),
      allMemberRows: async (id) => (w.allMemberRows.all(id) as MemberSqlRow[]).map(toMember),
      currentMembers: async (ids) => new Map([...new Set(ids)].map((id) => [id, this.members(w, id)] as const)),
      countMembers: async (id) => (w.countMembers.get(id) as { n: number }).n,
      addMembers: async (id, joinSeq, members) => {
        for (const m of members) w.insertMember.run(id, m.userId, joinSeq, version(), m.role);
        this.membersChanged(id);
      },
      removeMembers: async (id, leftSeq, userIds) => {
        for (const u of userIds) w.removeMember.run(leftSeq, version(), id, u);
        this.membersChanged(id);
      },
      setRole: (id, userIds, role) => each(userIds, (u) => w.setRole.run(role, id, u)),
      setMutedUntil: (id, userIds, until) => each(userIds, (u) => w.setMutedUntil.run(until, id, u)),
      touchMembers: (ids) => each(ids, (id) => w.touchMembers.run(version(), id)),
      touchRows: (pairs) => each(pairs, ([id, u]) => w.touchMember.run(version(), id, u)),
      setReadSeq: async (id, userId, seq) => {
        w.setReadSeq.run(seq, version(), id, userId);
      },
      setDelivered: (entries) => each(entries, (e) => w.setDelivered.run(e.seq, e.conversationId, e.userId)),
      setSettings: async (id, userId, s) => {
        w.setSettings.run(s.pinned ? 1 : 0, s.muted ? 1 : 0, version(), id, userId);
      },
      setClearedSeq: async (id, userId, seq) => {
        w.setClearedSeq.run(seq, version(), id, userId);
      },
      findSent: async (keys) => {
        const found = new Map<string, SentMessage>();
        for (const [sender, clientMsgId] of keys) {
          const row = w.findSent.get(sender, clientMsgId) as MessageSqlRow | undefined;
          if (row) found.set(pairKey(sender, clientMsgId), toSent(row));
        }
        return found;
      },
      getMessage: async (id, seq) => {
        const row = w.getMessage.get(id, seq) as MessageSqlRow | undefined;
        return row && toMessage(row);
      },
      insertMessages: (messages) =>
        each(messages, ({ message: m, sentDigest }: SentMessage) =>
          w.insertMessage.run(
            m.conversationId, m.seq, m.id, m.senderId, m.senderDevice, m.clientMsgId, m.type, asBuffer(m.body), m.serverTime,
            m.refSeq, mentionsText(m.mentions), m.mentionAll ? 1 : 0, m.replyTo, sentDigest ? asBuffer(sentDigest) : null,
          ),
        ),
      updateMessage: async (id, seq, change) => {
        w.updateMessage.run(asBuffer(change.body), change.flags, asBuffer(change.sentDigest), id, seq);
      },
      setReactions: async (id, seq, reactions) => {
        w.setReactions.run(reactionsText(reactions), id, seq);
      },
      hide: async (userId, id, seq) => w.hide.run(userId, id, seq).changes === 1,
      hiddenBy: async (id, seq) => new Set((w.hiddenBy.all(id, seq) as { user_id: string }[]).map((r) => r.user_id)),
      existingUsers: async (ids) => new Set(ids.filter((id) => w.userExists.get(id) !== undefined)),
      blocksAmong: async (pairs) => {
        const found = new Set<string>();
        for (const [a, b] of pairs) {
          if (w.isBlocked.get(a, b)) found.add(pairKey(a, b));
          if (w.isBlocked.get(b, a)) found.add(pairKey(b, a));
        }
        return found;
      },
      isFriend: async (a, b) => w.isFriend.get(a, b) !== undefined,
      allowsStrangers: async (userId) => allowsStrangers(w, userId),
      setAllowStrangers: async (userId, allow) => {
        w.setAllowStrangers.run(allow ? 1 : 0, userId);
      },
      addFriendship: async (a, b, since) => {
        w.addFriend.run(a, b, since);
        w.addFriend.run(b, a, since);
      },
      removeFriendship: async (a, b) => {
        w.removeFriend.run(a, b);
        w.removeFriend.run(b, a);
      },
      friendRequest: async (from, to) => (w.getFriendRequest.get(from, to) as { note: string } | undefined)?.note,
      putFriendRequest: async (from, to, note, time) => {
        w.putFriendRequest.run(from, to, note, time);
      },
      deleteFriendRequest: async (from, to) => {
        w.deleteFriendRequest.run(from, to);
      },
      addBlock: async (userId, blockedId, time) => {
        w.addBlock.run(userId, blockedId, time);
      },
      removeBlock: async (userId, blockedId) => {
        w.removeBlock.run(userId, blockedId);
      },
      consentOf: async (ids) => {
        const found = new Map<string, { groupAdds: number; allowStrangers: boolean }>();
        for (const id of new Set(ids)) {
          const row = w.consentOf.get(id) as { group_adds: number; allow_strangers: number } | undefined;
          if (row) found.set(id, { groupAdds: row.group_adds, allowStrangers: Boolean(row.allow_strangers) });
        }
        return found;
      },
      setGroupAdds: async (userId, value) => {
        w.setGroupAdds.run(value, userId);
      },
      friendsAmong: async (userId, ids) => new Set(ids.filter((id) => w.isFriend.get(userId, id) !== undefined)),
      countFriends: async (userId) => (w.countFriends.get(userId) as { n: number }).n,
      countOutgoingRequests: async (userId) => (w.countOutgoing.get(userId) as { n: number }).n,
      countGroups: async (ids) => new Map(ids.map((u) => [u, (w.countGroups.get(u) as { n: number }).n])),
      bannedAmong: async (id, ids) => new Set(ids.filter((u) => w.isBanned.get(id, u) !== undefined)),
      addBans: (id, ids, by, time) => each(ids, (u) => w.addBan.run(id, u, by, time)),
      removeBans: (id, ids) => each(ids, (u) => w.removeBan.run(id, u)),
      putInvitations: (id, ids, inviter, time, expiresAt) => each(ids, (u) => w.putInvitation.run(id, u, inviter, time, expiresAt)),
      invitation: async (id, userId) => w.getInvitation.get(id, userId) as InvitationRow | undefined,
      deleteInvitations: (id, ids) => each(ids, (u) => w.deleteInvitation.run(id, u)),

      // Media
      insertUpload: async (row) => {
        w.insertUpload.run(...uploadValues(row));
      },
      lockUploads: async (ids) => {
        const found = new Map<string, UploadRow>();
        for (const id of new Set(ids)) {
          const row = w.getUpload.get(id) as UploadSqlRow | undefined;
          if (row) found.set(id, toUpload(row));
        }
        return found;
      },
      updateUpload: async (u) => {
        w.updateUpload.run(u.length, u.offset, u.metadata, u.name, u.mime, u.kind, u.parts.join(' '), u.consumedBy, u.expiresAt, u.leaseToken,
          u.leaseUntil, u.fileId, u.id);
      },
      deleteUploads: (ids) => each(ids, (id) => w.deleteUpload.run(id)),
      countUnfinishedUploads: async (ownerId, now) => (w.countUnfinishedUploads.get(ownerId, now) as { n: number }).n,
      insertFile: async (row) => {
        w.insertFile.run(...fileValues(row));
      },
      lockFiles: async (ids) => {
        const found = new Map<string, FileRow>();
        for (const id of new Set(ids)) {
          const row = w.getFile.get(id) as FileSqlRow | undefined;
          if (row) found.set(id, toFile(row));
        }
        return found;
      },
      lockFileByContent: async (sha256, size) => {
        const row = w.fileByContent.get(sha256, size) as FileSqlRow | undefined;
        return row && toFile(row);
      },
      deleteFiles: (ids) => each(ids, (id) => w.deleteFile.run(id)),
      referencedFiles: async (ids) => new Set(ids.filter((id) => (w.fileReferenced.get({ id }) as { used: number }).used === 1)),
      blobsInUse: async (keys) => new Set(keys.filter((key) => w.blobInUse.get(key) !== undefined)),
      setFileMedia: async (id, m) => {
        w.setFileMedia.run(m.width, m.height, m.durationMs, m.thumbnailId, id);
      },
      setFilesGcAfter: (ids, gcAfter) => each(ids, (id) => w.setFileGcAfter.run(gcAfter, id)),
      insertFileRefs: (refs) => each(refs, (r) => w.insertFileRef.run(r.fileId, r.conversationId, r.seq)),
      deleteFileRefs: async (conversationId, seqs) => {
        const files: string[] = [];
        for (const seq of seqs) {
          files.push(...(w.fileRefsOf.all(conversationId, seq) as { file_id: string }[]).map((r) => r.file_id));
          w.deleteFileRefs.run(conversationId, seq);
        }
        return [...new Set(files)];
      },
      addUsage: async (userId, day, delta) => (w.addUsage.get(userId, day, delta) as { bytes: number }).bytes,
      insertChallenge: async (row: ChallengeRow) => {
        w.insertChallenge.run(...challengeValues(row));
      },
      takeChallenge: async (id) => {
        const row = w.takeChallenge.get(id) as ChallengeSqlRow | undefined;
        return row && toChallenge(row);
      },
      deleteExpiredChallenges: async (now) => {
        w.deleteExpiredChallenges.run(now);
      },
      trashBlobs: (keys, now) => each(keys, (key) => w.trashBlob.run(key, now)),
      untrashBlobs: (keys) => each(keys, (key) => w.untrashBlob.run(key)),
    };
  }

  // Committed media reads
  async getUpload(id: string): Promise<UploadRow | undefined> {
    const row = this.r.getUpload.get(id) as UploadSqlRow | undefined;
    return row && toUpload(row);
  }

  async getFile(id: string): Promise<FileRow | undefined> {
    const row = this.r.getFile.get(id) as FileSqlRow | undefined;
    return row && toFile(row);
  }

  async fileByContent(sha256: string, size: number): Promise<FileRow | undefined> {
    const row = this.r.fileByContent.get(sha256, size) as FileSqlRow | undefined;
    return row && toFile(row);
  }

  async fileAccess(fileId: string, userId: string, limit: number) {
    return (this.r.fileAccess.all({ file: fileId, user: userId, limit }) as FileAccessSqlRow[]).map(toFileAccess);
  }

  async usage(userId: string, day: number): Promise<number> {
    return (this.r.usage.get(userId, day) as { bytes: number } | undefined)?.bytes ?? 0;
  }

  async expiredUploads(now: number, limit: number): Promise<UploadRow[]> {
    return (this.r.expiredUploads.all(now, limit) as UploadSqlRow[]).map(toUpload);
  }

  async collectableFiles(now: number, limit: number): Promise<string[]> {
    return (this.r.collectableFiles.all(now, limit) as { id: string }[]).map((r) => r.id);
  }

  async trashedBlobs(limit: number): Promise<string[]> {
    return (this.r.trashedBlobs.all(limit) as { key: string }[]).map((r) => r.key);
  }

  async createUser(user: User): Promise<void> {
    await this.write(async () => {
      try {
        this.w.insertUser.run(user.id, user.displayName, user.passwordHash, user.createdAt, user.id);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new ParleyError(ErrorCode.USER_EXISTS, `user ${user.id} already exists`);
        }
        throw err;
      }
    });
  }

  async getUser(id: string): Promise<User | undefined> {
    const row = this.r.getUser.get(id) as { id: string; display_name: string; password_hash: string | null; created_at: number } | undefined;
    return row && { id: row.id, displayName: row.display_name, passwordHash: row.password_hash, createdAt: row.created_at };
  }

  async userByLogin(loginId: string): Promise<LoginRecord | undefined> {
    const row = this.r.userByLogin.get(loginId) as { id: string; password_hash: string | null; tokens_not_before: number } | undefined;
    return row && { id: row.id, passwordHash: row.password_hash, tokensNotBefore: row.tokens_not_before };
  }

  async renamedLogins(): Promise<{ id: string; loginId: string }[]> {
    return (this.r.renamedLogins.all() as { id: string; login_id: string }[]).map((r) => ({ id: r.id, loginId: r.login_id }));
  }

  async setTokensNotBefore(userId: string, time: number): Promise<void> {
    await this.write(async () => {
      this.w.setTokensNotBefore.run(time, userId);
    });
  }

  async createAuthSession(s: AuthSessionRecord): Promise<void> {
    await this.write(async () => {
      this.w.insertAuthSession.run(s.id, s.userId, s.device, s.address, s.createdAt, s.lastSeen, s.expiresAt);
    });
  }

  async getAuthSession(id: string): Promise<AuthSessionRecord | undefined> {
    const row = this.r.getAuthSession.get(id) as SessionRow | undefined;
    return row && authSessionOf(row);
  }

  async listAuthSessions(userId: string, now: number): Promise<AuthSessionRecord[]> {
    return (this.r.listAuthSessions.all(userId, now) as SessionRow[]).map(authSessionOf);
  }

  async touchAuthSession(id: string, lastSeen: number, address: string): Promise<void> {
    await this.write(async () => {
      this.w.touchAuthSession.run(lastSeen, address, id);
    });
  }

  async revokeAuthSession(id: string, now: number): Promise<{ id: string; userId: string } | undefined> {
    return this.write(async () => {
      const row = this.w.revokeAuthSession.get(now, id, now) as { id: string; user_id: string } | undefined;
      return row && { id: row.id, userId: row.user_id };
    });
  }

  async revokeUserSessions(userId: string, exceptId: string, now: number): Promise<string[]> {
    return this.write(async () => (this.w.revokeUserSessions.all(now, userId, exceptId, now) as { id: string }[]).map((r) => r.id));
  }

  async purgeAuthSessions(before: number): Promise<void> {
    await this.write(async () => {
      this.w.purgeAuthSessions.run(before);
    });
  }

  async userLimits(userId: string): Promise<string | undefined> {
    return (this.r.getUserLimits.get(userId) as { limits: string } | undefined)?.limits;
  }

  async setUserLimits(userId: string, limits: string | undefined): Promise<void> {
    await this.write(async () => {
      if (limits === undefined) this.w.deleteUserLimits.run(userId);
      else this.w.setUserLimits.run(userId, limits);
    });
  }

  async setLastSeen(userId: string, time: number): Promise<void> {
    await this.write(async () => {
      this.w.setLastSeen.run(time, userId);
    });
  }

  async getLastSeen(userId: string): Promise<number | undefined> {
    return (this.r.getLastSeen.get(userId) as { last_seen: number } | undefined)?.last_seen;
  }

  async getMembership(conversationId: string, userId: string): Promise<MemberRow | undefined> {
    const row = this.r.memberRow.get(conversationId, userId) as MemberSqlRow | undefined;
    return row && toMember(row);
  }

  async listMembers(conversationId: string): Promise<readonly string[]> {
    return this.members(this.r, conversationId);
  }

  async memberPage(conversationId: string, after: string, limit: number) {
    return this.r.memberPage.all(conversationId, after, limit) as { userId: string; lastSeen: number }[];
  }

  async blockedAmong(userId: string, userIds: readonly string[]): Promise<Set<string>> {
    return new Set(userIds.filter((u) => this.r.isBlocked.get(userId, u) || this.r.isBlocked.get(u, userId)));
  }

  async isFriend(a: string, b: string): Promise<boolean> {
    return this.r.isFriend.get(a, b) !== undefined;
  }

  async sharesConversation(a: string, b: string): Promise<boolean> {
    return this.r.sharesConversation.get(a, b) !== undefined;
  }

  async conversation(id: string): Promise<ConversationRow | undefined> {
    const row = this.r.getConversation.get(id) as ConversationSqlRow | undefined;
    return row && toConversation(row);
  }

  async groupMembers(conversationId: string) {
    return this.r.groupMembers.all(conversationId) as { userId: string; role: number; mutedUntil: number; joinSeq: number }[];
  }

  async readMessages(conversationId: string, fromSeq: number, toSeq: number, limit: number): Promise<StoredMessage[]> {
    return (this.r.readMessages.all(conversationId, fromSeq, toSeq, limit) as MessageSqlRow[]).map(toMessage);
  }

  async hiddenSeqs(userId: string, conversationId: string, fromSeq: number, toSeq: number): Promise<number[]> {
    return (this.r.hiddenIn.all(userId, conversationId, fromSeq, toSeq) as { seq: number }[]).map((r) => r.seq);
  }

  async readers(conversationId: string, seq: number, limit: number) {
    const users = (this.r.readersOf.all(conversationId, seq, limit) as { user_id: string }[]).map((r) => r.user_id);
    const counts = this.r.readerCounts.get(seq, seq, conversationId) as { read_count: number | null; unread_count: number | null };
    return { users, readCount: counts.read_count ?? 0, unreadCount: counts.unread_count ?? 0 };
  }

  async friends(userId: string): Promise<FriendRow[]> {
    return this.r.listFriends.all(userId) as FriendRow[];
  }

  async incomingRequests(userId: string): Promise<FriendRow[]> {
    return this.r.listIncoming.all(userId) as FriendRow[];
  }

  async outgoingRequests(userId: string): Promise<FriendRow[]> {
    return this.r.listOutgoing.all(userId) as FriendRow[];
  }

  async blocked(userId: string): Promise<FriendRow[]> {
    return this.r.listBlocked.all(userId) as FriendRow[];
  }

  async allowsStrangers(userId: string): Promise<boolean> {
    return allowsStrangers(this.r, userId);
  }

  async groupAdds(userId: string): Promise<number> {
    return (this.r.consentOf.get(userId) as { group_adds: number } | undefined)?.group_adds ?? 0;
  }

  async invitations(userId: string, now: number): Promise<(InvitationRow & { name: string })[]> {
    return this.r.listInvitations.all(userId, now) as (InvitationRow & { name: string })[];
  }

  async bans(conversationId: string): Promise<BanRow[]> {
    return this.r.listBans.all(conversationId) as BanRow[];
  }

  async changesSince(userId: string, after: ChangeCursor, limit: number): Promise<ChangeParts> {
    const args = { user: userId, version: after.version, conv: after.conversationId, limit };
    return {
      members: (this.r.changesSinceMembers.all(args) as ChangeSqlRow[]).map(toChangeRow),
      large: (this.r.changesSinceLarge.all(args) as ChangeSqlRow[]).map(toChangeRow),
    };
  }

  /**
   * The writer's synchronous level inside a write transaction now, and the weakest
   * any commit so far ran with (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA): a commit that
   * ran relaxed, even once, shows.
   */
  async durability(): Promise<Record<string, string>> {
    const now = await this.write(async () => this.writer.pragma('synchronous', { simple: true }) as number);
    return { synchronous: String(now), weakestCommit: String(this.weakestCommit) };
  }

  /** How many groups' member lists are cached now (at most memberCacheSize). */
  get cachedGroups(): number {
    return this.memberCache.size;
  }

  /** TEST ONLY: the query plan of a statement of this store's SQL, as SQLite explains it. */
  explain(name: keyof typeof SQL, ...args: unknown[]): string[] {
    return (this.reader.prepare(`EXPLAIN QUERY PLAN ${SQL[name]}`).all(...args) as { detail: string }[]).map((r) => r.detail);
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.lateCommit) clearTimeout(this.lateCommit);
    if (this.writer.open && this.writer.inTransaction) this.writer.exec('COMMIT');
    // The reader first: the last connection to close checkpoints the WAL, and that must be the writer.
    if (this.reader.open) this.reader.close();
    if (this.writer.open) this.writer.close();
  }
}

function allowsStrangers(s: Statements, userId: string): boolean {
  const row = s.getAllowStrangers.get(userId) as { allow_strangers: number } | undefined;
  return row ? Boolean(row.allow_strangers) : true;
}
