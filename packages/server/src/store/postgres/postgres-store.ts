/**
 * The cluster store: PostgreSQL, written by every node at once through a pg pool.
 * It implements the store port (chat/store-port.ts): SQL, row mapping and
 * transaction mechanics; the rules are in chat/rules/, shared with the SQLite
 * store. What it adds because it is not the only writer:
 *
 * - Locks: `lockConversations` takes the conversations' rows FOR UPDATE, in id
 *   order, so two writers of one conversation (its seq, its members) take turns
 *   and never deadlock; the rules take them before reading what they decide on
 *   (the dedup key, max_seq), so a resend on another node waits for its original.
 * - Retries: a transaction that fails in a way a retry fixes — a serialization
 *   failure or deadlock, a unique key another node stored first, a conversation
 *   another node created meanwhile — runs again from the start (bounded).
 * - Change versions are transaction ids (pg_current_xact_id), and the change feed
 *   returns only versions below the horizon, the oldest transaction id
 *   still running in this database (see SQL.snapshotBounds, SQL.changesSinceMembers), so a slow transaction that took a
 *   smaller id cannot commit behind a reader's cursor. A sync waits a moment for
 *   the transactions open when it began; if one outlives the wait, its answer says
 *   so (`withheld`, from the store's one HorizonWatch) and resolves once they ended.
 * - Every write is one statement per kind for a whole batch (multi-row
 *   INSERT/UPDATE through unnest).
 */
import { authSessionOf, type AuthSessionRecord, type LoginRecord, type SessionRow } from '../../auth/accounts-port.ts';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ErrorCode, ParleyError } from '@parley/protocol';
import { systemClock } from '../../clock.ts';
import { pairKey, type BanRow, type ChangeParts, type ConversationRow, type FriendRow, type InvitationRow, type MemberRow, type SentMessage, type StorePort, type WriteOptions, type WriteTx } from '../../chat/store-port.ts';
import type { ChangeCursor, StoredMessage, User } from '../../chat/types.ts';
import type { FileRow, UploadRow } from '../../media/media-port.ts';
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
import { HorizonWatch } from './horizon-watch.ts';
import { MIGRATION_LOCK, MIGRATIONS, SQL } from './queries.ts';

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Where connection errors that belong to no operation are reported (default: stderr). */
  log?: (msg: string, err?: unknown) => void;
}

type Client = pg.PoolClient;

/** SQLSTATEs after which the whole transaction was rolled back and may simply run again. */
const RETRYABLE = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '23505', // unique_violation: a concurrent writer stored the same key first; the retry sees its row
]);
const MAX_ATTEMPTS = 5;
/** Longest a sync waits for the transactions running when it began to end (see horizonAfterWait). */
const HORIZON_WAIT_MS = 1000;
/** How often the horizon is read while a sync answer that was cut short waits for it (see HorizonWatch). */
const HORIZON_POLL_MS = 200;

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
 * A failure as the chat layer knows it: the database unreachable — refused, cut,
 * shut down, every pooled connection busy for longer than the pool waits, or a
 * conflict that outlasted the retries — as the retryable UNAVAILABLE; a value the
 * database refuses (SQLSTATE class 22, data exception) as INVALID_ARGUMENT;
 * anything else as it is.
 */
function asParleyError(err: unknown): unknown {
  if (err instanceof ParleyError) return err;
  const { code = '', message = '' } = err as { code?: string; message?: string };
  const unreachable =
    UNREACHABLE.has(code) || code.startsWith('08') || /timeout exceeded when trying to connect|Connection terminated/.test(message);
  if (unreachable || isRetryable(err)) return new ParleyError(ErrorCode.UNAVAILABLE, 'the database is unreachable or busy; retry', { cause: err });
  if (code.startsWith('22')) return new ParleyError(ErrorCode.INVALID_ARGUMENT, 'the store refused a value of this request', { cause: err });
  return err;
}

function isRetryable(err: unknown): boolean {
  return err instanceof RetryTransaction || RETRYABLE.has((err as { code?: string }).code ?? '');
}

/** The two columns of a list of pairs, as unnest takes them. */
function columns(pairs: readonly (readonly [string, string])[]): [string[], string[]] {
  return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
}

export class PostgresStore implements StorePort {
  /** Transactions run again after a conflict (see RETRYABLE), since this store opened. */
  retried = 0;
  private readonly late = new Set<{ timer: ReturnType<typeof setTimeout>; finish: () => Promise<void> }>();
  /** When the transactions that held back a sync answer have ended: one poller for the whole node. */
  readonly horizonWatch = new HorizonWatch(
    async () => (await this.query<{ xmin: number }>(SQL.snapshotBounds, []))[0]!.xmin,
    HORIZON_POLL_MS,
  );

  private constructor(
    private readonly pool: pg.Pool,
    readonly storeId: string,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {}

  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const log = options.log ?? ((msg: string, err?: unknown) => console.error(msg, err));
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types,
      connectionTimeoutMillis: 10_000,
      // An ack waits for a COMMIT that is on disk, whatever the server's or the database's default says.
      options: '-c synchronous_commit=on',
    });
    // An idle connection that dies (server restart, network) must not crash the process:
    // the pool drops it and the next operation connects afresh.
    pool.on('error', (err) => log('postgres: idle connection lost', err));
    try {
      const storeId = await PostgresStore.migrate(pool);
      return new PostgresStore(pool, storeId, log);
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

  async write<R>(fn: (tx: WriteTx) => Promise<R>, options: WriteOptions = {}): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return options.ackBeforeCommit ? await this.writeWithoutCommit(fn) : await this.once(fn);
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(err)) throw asParleyError(err);
        this.retried++;
      }
    }
  }

  private async once<R>(fn: (tx: WriteTx) => Promise<R>): Promise<R> {
    const { client, release } = await this.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(this.txOf(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      broken = await PostgresStore.rollback(client, err);
      throw err;
    } finally {
      release(broken);
    }
  }

  /** TEST ONLY (ack-before-commit): the result now, the commit 300 ms later. */
  private async writeWithoutCommit<R>(fn: (tx: WriteTx) => Promise<R>): Promise<R> {
    const { client, release } = await this.connect();
    let result: R;
    try {
      await client.query('BEGIN');
      result = await fn(this.txOf(client));
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
    return result;
  }

  private txOf(c: Client): WriteTx & { settings(): Promise<Record<string, string>> } {
    const run = async (text: string, values: unknown[]) => {
      await c.query(text, values);
    };
    const rows = async <R extends pg.QueryResultRow>(text: string, values: unknown[]) => (await c.query<R>(text, values)).rows;
    const has = async (text: string, values: unknown[]) => ((await c.query(text, values)).rowCount ?? 0) > 0;
    const currentMembers = async (ids: readonly string[]) => {
      const result = new Map<string, string[]>();
      const unique = [...new Set(ids)];
      if (unique.length === 0) return result;
      for (const id of unique) result.set(id, []);
      for (const r of await rows<{ conv_id: string; user_id: string }>(SQL.listMembersOf, [unique])) result.get(r.conv_id)!.push(r.user_id);
      return result;
    };
    return {
      lockConversations: async (ids) => {
        const found = await rows<ConversationSqlRow>(SQL.lockConversations, [[...new Set(ids)]]);
        return new Map(found.map((r) => [r.id, toConversation(r)]));
      },
      createConversation: async (row, members) => {
        if ((await c.query(SQL.insertConversation, [row.id, row.kind, row.createdAt, row.name])).rowCount === 0) {
          throw new RetryTransaction(`${row.id} was created concurrently`);
        }
        await run(SQL.insertMembers, [row.id, 0, members.map((m) => m.userId), members.map((m) => m.role)]);
      },
      setMaxSeqs: (maxSeqs) => run(SQL.setMaxSeqs, [[...maxSeqs.keys()], [...maxSeqs.values()]]),
      touchConversations: (ids) => run(SQL.touchConversations, [ids]),
      setGroupInfo: (id, info) => run(SQL.setGroupInfo, [info.name, info.avatarUrl, info.announcement, info.joinable ? 1 : 0, id]),
      setMutedAll: (id, on) => run(SQL.setMutedAll, [on ? 1 : 0, id]),
      setDismissed: (id) => run(SQL.setDismissed, [id]),
      setMembersSeq: (id, seq) => run(SQL.setMembersSeq, [seq, id]),
      markLarge: (id) => run(SQL.markLarge, [id]),
      memberRows: async (pairs) => {
        const found = await rows<MemberSqlRow>(SQL.memberRows, columns(pairs));
        return new Map(found.map((r) => [pairKey(r.conv_id, r.user_id), toMember(r)]));
      },
      allMemberRows: async (id) => (await rows<MemberSqlRow>(SQL.allMemberRows, [id])).map(toMember),
      currentMembers,
      countMembers: async (id) => (await rows<{ n: number }>(SQL.countMembers, [id]))[0]!.n,
      addMembers: (id, joinSeq, members) => run(SQL.insertMembers, [id, joinSeq, members.map((m) => m.userId), members.map((m) => m.role)]),
      removeMembers: (id, leftSeq, userIds) => run(SQL.removeMembers, [leftSeq, id, userIds]),
      setRole: (id, userIds, role) => run(SQL.setRole, [role, id, userIds]),
      setMutedUntil: (id, userIds, until) => run(SQL.setMutedUntil, [until, id, userIds]),
      touchMembers: (ids) => run(SQL.touchMembers, [ids]),
      touchRows: (pairs) => run(SQL.touchRows, columns(pairs)),
      setReadSeq: (id, userId, seq) => run(SQL.setReadSeq, [seq, id, userId]),
      setDelivered: (entries) =>
        run(SQL.setDelivered, [entries.map((e) => e.conversationId), entries.map((e) => e.userId), entries.map((e) => e.seq)]),
      setSettings: (id, userId, s) => run(SQL.setSettings, [s.pinned ? 1 : 0, s.muted ? 1 : 0, id, userId]),
      setClearedSeq: (id, userId, seq) => run(SQL.setClearedSeq, [seq, id, userId]),
      findSent: async (keys) => {
        const found = await rows<MessageSqlRow>(SQL.findSent, columns(keys));
        return new Map<string, SentMessage>(found.map((r) => [pairKey(r.sender_id, r.client_msg_id), toSent(r)]));
      },
      getMessage: async (id, seq) => {
        const [row] = await rows<MessageSqlRow>(SQL.getMessage, [id, seq]);
        return row && toMessage(row);
      },
      insertMessages: (sent) => {
        const col = <T>(f: (m: StoredMessage) => T) => sent.map((s) => f(s.message));
        return run(SQL.insertMessages, [
          col((m) => m.conversationId), col((m) => m.seq), col((m) => m.id), col((m) => m.senderId), col((m) => m.senderDevice),
          col((m) => m.clientMsgId), col((m) => m.type), col((m) => asBuffer(m.body)), col((m) => m.serverTime), col((m) => m.refSeq),
          col((m) => mentionsText(m.mentions)), col((m) => (m.mentionAll ? 1 : 0)), col((m) => m.replyTo),
          sent.map((s) => (s.sentDigest ? asBuffer(s.sentDigest) : null)),
        ]);
      },
      updateMessage: (id, seq, change) => run(SQL.updateMessage, [asBuffer(change.body), change.flags, asBuffer(change.sentDigest), id, seq]),
      setReactions: (id, seq, reactions) => run(SQL.setReactions, [reactionsText(reactions), id, seq]),
      hide: (userId, id, seq) => has(SQL.hide, [userId, id, seq]),
      hiddenBy: async (id, seq) => new Set((await rows<{ user_id: string }>(SQL.hiddenBy, [id, seq])).map((r) => r.user_id)),
      existingUsers: async (ids) => new Set((await rows<{ id: string }>(SQL.existingUsers, [[...ids]])).map((r) => r.id)),
      blocksAmong: async (pairs) =>
        new Set((await rows<{ user_id: string; blocked_id: string }>(SQL.blocksAmong, columns(pairs))).map((r) => pairKey(r.user_id, r.blocked_id))),
      isFriend: (a, b) => has(SQL.isFriend, [a, b]),
      allowsStrangers: async (userId) => {
        const [row] = await rows<{ allow_strangers: number }>(SQL.getAllowStrangers, [userId]);
        return row ? Boolean(row.allow_strangers) : true;
      },
      setAllowStrangers: (userId, allow) => run(SQL.setAllowStrangers, [allow ? 1 : 0, userId]),
      addFriendship: (a, b, since) => run(SQL.addFriends, [a, b, since]),
      removeFriendship: (a, b) => run(SQL.removeFriends, [a, b]),
      friendRequest: async (from, to) => (await rows<{ note: string }>(SQL.getFriendRequest, [from, to]))[0]?.note,
      putFriendRequest: (from, to, note, time) => run(SQL.putFriendRequest, [from, to, note, time]),
      deleteFriendRequest: (from, to) => run(SQL.deleteFriendRequest, [from, to]),
      addBlock: (userId, blockedId, time) => run(SQL.addBlock, [userId, blockedId, time]),
      removeBlock: (userId, blockedId) => run(SQL.removeBlock, [userId, blockedId]),
      consentOf: async (ids) =>
        new Map(
          (await rows<{ id: string; group_adds: number; allow_strangers: number }>(SQL.consentOf, [[...new Set(ids)]])).map((r) => [
            r.id,
            { groupAdds: r.group_adds, allowStrangers: Boolean(r.allow_strangers) },
          ]),
        ),
      setGroupAdds: (userId, value) => run(SQL.setGroupAdds, [value, userId]),
      friendsAmong: async (userId, ids) => new Set((await rows<{ friend_id: string }>(SQL.friendsAmong, [userId, [...ids]])).map((r) => r.friend_id)),
      countFriends: async (userId) => (await rows<{ n: number }>(SQL.countFriends, [userId]))[0]!.n,
      countOutgoingRequests: async (userId) => (await rows<{ n: number }>(SQL.countOutgoing, [userId]))[0]!.n,
      countGroups: async (ids) => {
        const counted = new Map((await rows<{ user_id: string; n: number }>(SQL.countGroups, [[...ids]])).map((r) => [r.user_id, r.n]));
        return new Map(ids.map((u) => [u, counted.get(u) ?? 0]));
      },
      bannedAmong: async (id, ids) => new Set((await rows<{ user_id: string }>(SQL.bannedAmong, [id, [...ids]])).map((r) => r.user_id)),
      addBans: (id, ids, by, time) => run(SQL.addBans, [id, [...ids], by, time]),
      removeBans: (id, ids) => run(SQL.removeBans, [id, [...ids]]),
      putInvitations: (id, ids, inviter, time, expiresAt) => run(SQL.putInvitations, [id, [...ids], inviter, time, expiresAt]),
      invitation: async (id, userId) => (await rows<InvitationRow>(SQL.getInvitation, [id, userId]))[0],
      deleteInvitations: (id, ids) => run(SQL.deleteInvitations, [id, [...ids]]),
      settings: async () => (await rows<Record<string, string>>(SQL.durability, []))[0]!,

      // Media
      insertUpload: (row) => run(SQL.insertUpload, uploadValues(row)),
      lockUploads: async (ids) => {
        const found = await rows<UploadSqlRow>(SQL.lockUploads, [[...new Set(ids)]]);
        return new Map(found.map((r) => [r.id, toUpload(r)]));
      },
      updateUpload: (u) =>
        run(SQL.updateUpload, [u.length, u.offset, u.metadata, u.name, u.mime, u.kind, u.parts.join(' '), u.consumedBy, u.expiresAt, u.leaseToken,
          u.leaseUntil, u.fileId, u.id]),
      deleteUploads: (ids) => run(SQL.deleteUploads, [[...ids]]),
      countUnfinishedUploads: async (ownerId, now) => (await rows<{ n: number }>(SQL.countUnfinishedUploads, [ownerId, now]))[0]!.n,
      insertFile: (row) => run(SQL.insertFile, fileValues(row)),
      lockFiles: async (ids, forUpdate) => {
        const found = await rows<FileSqlRow>(forUpdate ? SQL.lockFiles : SQL.keepFiles, [[...new Set(ids)]]);
        return new Map(found.map((r) => [r.id, toFile(r)]));
      },
      lockFileByContent: async (sha256, size) => {
        const [row] = await rows<FileSqlRow>(SQL.keepFileByContent, [sha256, size]);
        return row && toFile(row);
      },
      deleteFiles: (ids) => run(SQL.deleteFiles, [[...ids]]),
      referencedFiles: async (ids) => new Set((await rows<{ id: string }>(SQL.referencedFiles, [[...ids]])).map((r) => r.id)),
      blobsInUse: async (keys) => new Set((await rows<{ blob_key: string }>(SQL.blobsInUse, [[...keys]])).map((r) => r.blob_key)),
      setFileMedia: (id, m) => run(SQL.setFileMedia, [m.width, m.height, m.durationMs, m.thumbnailId, id]),
      setFilesGcAfter: (ids, gcAfter) => run(SQL.setFilesGcAfter, [[...ids], gcAfter]),
      insertFileRefs: (refs) =>
        run(SQL.insertFileRefs, [refs.map((r) => r.fileId), refs.map((r) => r.conversationId), refs.map((r) => r.seq)]),
      deleteFileRefs: async (conversationId, seqs) =>
        [...new Set((await rows<{ file_id: string }>(SQL.deleteFileRefs, [conversationId, [...seqs]])).map((r) => r.file_id))],
      addUsage: async (userId, day, delta) => (await rows<{ bytes: number }>(SQL.addUsage, [userId, day, delta]))[0]!.bytes,
      insertChallenge: (row) => run(SQL.insertChallenge, challengeValues(row)),
      takeChallenge: async (id) => {
        const [row] = await rows<ChallengeSqlRow>(SQL.takeChallenge, [id]);
        return row && toChallenge(row);
      },
      deleteExpiredChallenges: (now) => run(SQL.deleteExpiredChallenges, [now]),
      trashBlobs: (keys, now) => run(SQL.trashBlobs, [[...keys], now]),
      untrashBlobs: (keys) => run(SQL.untrashBlobs, [[...keys]]),
    };
  }

  // Committed media reads
  async getUpload(id: string): Promise<UploadRow | undefined> {
    const [row] = await this.query<UploadSqlRow>(SQL.getUpload, [id]);
    return row && toUpload(row);
  }

  async getFile(id: string): Promise<FileRow | undefined> {
    const [row] = await this.query<FileSqlRow>(SQL.getFile, [id]);
    return row && toFile(row);
  }

  async fileByContent(sha256: string, size: number): Promise<FileRow | undefined> {
    const [row] = await this.query<FileSqlRow>(SQL.fileByContent, [sha256, size]);
    return row && toFile(row);
  }

  async fileAccess(fileId: string, userId: string, limit: number) {
    return (await this.query<FileAccessSqlRow>(SQL.fileAccess, [fileId, userId, limit])).map(toFileAccess);
  }

  async usage(userId: string, day: number): Promise<number> {
    return (await this.query<{ bytes: number }>(SQL.usage, [userId, day]))[0]?.bytes ?? 0;
  }

  async expiredUploads(now: number, limit: number): Promise<UploadRow[]> {
    return (await this.query<UploadSqlRow>(SQL.expiredUploads, [now, limit])).map(toUpload);
  }

  async collectableFiles(now: number, limit: number): Promise<string[]> {
    return (await this.query<{ id: string }>(SQL.collectableFiles, [now, limit])).map((r) => r.id);
  }

  async trashedBlobs(limit: number): Promise<string[]> {
    return (await this.query<{ key: string }>(SQL.trashedBlobs, [limit])).map((r) => r.key);
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R[]> {
    try {
      return (await this.pool.query<R>(text, values)).rows;
    } catch (err) {
      throw asParleyError(err);
    }
  }

  async createUser(user: User): Promise<void> {
    try {
      await this.pool.query(SQL.insertUser, [user.id, user.displayName, user.passwordHash, user.createdAt, user.id]);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new ParleyError(ErrorCode.USER_EXISTS, `user ${user.id} already exists`);
      throw asParleyError(err);
    }
  }

  async getUser(id: string): Promise<User | undefined> {
    const [row] = await this.query<{ id: string; display_name: string; password_hash: string | null; created_at: number }>(SQL.getUser, [id]);
    return row && { id: row.id, displayName: row.display_name, passwordHash: row.password_hash, createdAt: row.created_at };
  }

  async userByLogin(loginId: string): Promise<LoginRecord | undefined> {
    const [row] = await this.query<{ id: string; password_hash: string | null; tokens_not_before: number }>(SQL.userByLogin, [loginId]);
    return row && { id: row.id, passwordHash: row.password_hash, tokensNotBefore: row.tokens_not_before };
  }

  async renamedLogins(): Promise<{ id: string; loginId: string }[]> {
    return (await this.query<{ id: string; login_id: string }>(SQL.renamedLogins, [])).map((r) => ({ id: r.id, loginId: r.login_id }));
  }

  async setTokensNotBefore(userId: string, time: number): Promise<void> {
    await this.query(SQL.setTokensNotBefore, [time, userId]);
  }

  async createAuthSession(s: AuthSessionRecord): Promise<void> {
    await this.query(SQL.insertAuthSession, [s.id, s.userId, s.device, s.address, s.createdAt, s.lastSeen, s.expiresAt]);
  }

  async getAuthSession(id: string): Promise<AuthSessionRecord | undefined> {
    const [row] = await this.query<SessionRow>(SQL.getAuthSession, [id]);
    return row && authSessionOf(row);
  }

  async listAuthSessions(userId: string, now: number): Promise<AuthSessionRecord[]> {
    return (await this.query<SessionRow>(SQL.listAuthSessions, [userId, now])).map(authSessionOf);
  }

  async touchAuthSession(id: string, lastSeen: number, address: string): Promise<void> {
    await this.query(SQL.touchAuthSession, [lastSeen, address, id]);
  }

  async revokeAuthSession(id: string, now: number): Promise<{ id: string; userId: string } | undefined> {
    const [row] = await this.query<{ id: string; user_id: string }>(SQL.revokeAuthSession, [now, id, now]);
    return row && { id: row.id, userId: row.user_id };
  }

  async revokeUserSessions(userId: string, exceptId: string, now: number): Promise<string[]> {
    return (await this.query<{ id: string }>(SQL.revokeUserSessions, [now, userId, exceptId, now])).map((r) => r.id);
  }

  async purgeAuthSessions(before: number): Promise<void> {
    await this.query(SQL.purgeAuthSessions, [before]);
  }

  async userLimits(userId: string): Promise<string | undefined> {
    return (await this.query<{ limits: string }>(SQL.getUserLimits, [userId]))[0]?.limits;
  }

  async setUserLimits(userId: string, limits: string | undefined): Promise<void> {
    if (limits === undefined) await this.query(SQL.deleteUserLimits, [userId]);
    else await this.query(SQL.setUserLimits, [userId, limits]);
  }

  async setLastSeen(userId: string, time: number): Promise<void> {
    await this.query(SQL.setLastSeen, [time, userId]);
  }

  async getLastSeen(userId: string): Promise<number | undefined> {
    return (await this.query<{ last_seen: number }>(SQL.getLastSeen, [userId]))[0]?.last_seen;
  }

  async getMembership(conversationId: string, userId: string): Promise<MemberRow | undefined> {
    const [row] = await this.query<MemberSqlRow>(SQL.memberRow, [conversationId, userId]);
    return row && toMember(row);
  }

  async listMembers(conversationId: string): Promise<readonly string[]> {
    return (await this.query<{ user_id: string }>(SQL.listMembers, [conversationId])).map((r) => r.user_id);
  }

  async memberPage(conversationId: string, after: string, limit: number) {
    return this.query<{ userId: string; lastSeen: number }>(SQL.memberPage, [conversationId, after, limit]);
  }

  async blockedAmong(userId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    return new Set((await this.query<{ user_id: string }>(SQL.blockedAmong, [userId, [...userIds]])).map((r) => r.user_id));
  }

  async isFriend(a: string, b: string): Promise<boolean> {
    return (await this.query(SQL.isFriend, [a, b])).length > 0;
  }

  async sharesConversation(a: string, b: string): Promise<boolean> {
    return (await this.query(SQL.sharesConversation, [a, b])).length > 0;
  }

  async conversation(id: string): Promise<ConversationRow | undefined> {
    const [row] = await this.query<ConversationSqlRow>(SQL.getConversation, [id]);
    return row && toConversation(row);
  }

  async groupMembers(conversationId: string) {
    return this.query<{ userId: string; role: number; mutedUntil: number; joinSeq: number }>(SQL.groupMembers, [conversationId]);
  }

  async readMessages(conversationId: string, fromSeq: number, toSeq: number, limit: number): Promise<StoredMessage[]> {
    return (await this.query<MessageSqlRow>(SQL.readMessages, [conversationId, fromSeq, toSeq, limit])).map(toMessage);
  }

  async hiddenSeqs(userId: string, conversationId: string, fromSeq: number, toSeq: number): Promise<number[]> {
    return (await this.query<{ seq: number }>(SQL.hiddenIn, [userId, conversationId, fromSeq, toSeq])).map((r) => r.seq);
  }

  async readers(conversationId: string, seq: number, limit: number) {
    const users = (await this.query<{ user_id: string }>(SQL.readersOf, [conversationId, seq, limit])).map((r) => r.user_id);
    const [counts] = await this.query<{ read_count: number; unread_count: number }>(SQL.readerCounts, [seq, conversationId]);
    return { users, readCount: counts?.read_count ?? 0, unreadCount: counts?.unread_count ?? 0 };
  }

  friends(userId: string): Promise<FriendRow[]> {
    return this.query<FriendRow>(SQL.listFriends, [userId]);
  }

  incomingRequests(userId: string): Promise<FriendRow[]> {
    return this.query<FriendRow>(SQL.listIncoming, [userId]);
  }

  outgoingRequests(userId: string): Promise<FriendRow[]> {
    return this.query<FriendRow>(SQL.listOutgoing, [userId]);
  }

  blocked(userId: string): Promise<FriendRow[]> {
    return this.query<FriendRow>(SQL.listBlocked, [userId]);
  }

  async allowsStrangers(userId: string): Promise<boolean> {
    const [row] = await this.query<{ allow_strangers: number }>(SQL.getAllowStrangers, [userId]);
    return row ? Boolean(row.allow_strangers) : true;
  }

  async groupAdds(userId: string): Promise<number> {
    return (await this.query<{ group_adds: number }>(SQL.getGroupAdds, [userId]))[0]?.group_adds ?? 0;
  }

  invitations(userId: string, now: number): Promise<(InvitationRow & { name: string })[]> {
    return this.query<InvitationRow & { name: string }>(SQL.listInvitations, [userId, now]);
  }

  bans(conversationId: string): Promise<BanRow[]> {
    return this.query<BanRow>(SQL.listBans, [conversationId]);
  }

  /**
   * The feed below the horizon the wait ended with. If a transaction open when
   * the sync began outlived the wait, changes committed before the sync may lie
   * above that horizon: `withheld` resolves once every transaction below the
   * target has ended, and a sync then carries them. Nothing of that runs when the
   * wait saw the horizon pass.
   */
  async changesSince(userId: string, after: ChangeCursor, limit: number): Promise<ChangeParts> {
    const { horizon, target } = await this.horizonAfterWait();
    const args = [userId, after.version, after.conversationId, limit, horizon];
    const [members, large] = await Promise.all([
      this.query<ChangeSqlRow>(SQL.changesSinceMembers, args),
      this.query<ChangeSqlRow>(SQL.changesSinceLarge, args),
    ]);
    const withheld = horizon < target ? this.horizonWatch.passes(target) : undefined;
    return { members: members.map(toChangeRow), large: large.map(toChangeRow), withheld };
  }

  /**
   * Wait until every transaction running now has ended (at most HORIZON_WAIT_MS),
   * and return the horizon the wait ended with (`horizon`, the oldest id still
   * running then) and the one it waited for (`target`, the first id not yet begun
   * when it started). The change feed withholds versions at or above the
   * horizon, and the horizon is held back by any transaction of this database:
   * without this wait a sync could leave out a change committed before it began
   * (a kick, a role) because some unrelated transaction was open. A transaction
   * that outlives the bound is not waited for: then `horizon` < `target`.
   */
  private async horizonAfterWait(): Promise<{ horizon: number; target: number }> {
    const deadline = systemClock.monotonic() + HORIZON_WAIT_MS;
    const [now] = await this.query<{ xmin: number; xmax: number }>(SQL.snapshotBounds, []);
    const target = now!.xmax;
    let horizon = now!.xmin;
    while (horizon < target && systemClock.monotonic() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
      horizon = (await this.query<{ xmin: number }>(SQL.snapshotBounds, []))[0]!.xmin;
    }
    return { horizon, target };
  }

  /** The settings a write transaction commits with: an ack waits for a durable COMMIT only if they say so. */
  async durability(): Promise<Record<string, string>> {
    return this.write((tx) => (tx as ReturnType<PostgresStore['txOf']>).settings());
  }

  /** TEST ONLY: the plan PostgreSQL chooses for a statement of this store's SQL. */
  async explain(name: keyof typeof SQL, args: unknown[]): Promise<string[]> {
    return (await this.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${SQL[name]}`, args)).map((r) => r['QUERY PLAN']);
  }

  async close(): Promise<void> {
    this.horizonWatch.close();
    // ack-before-commit (TEST ONLY): what was acked commits now.
    await Promise.all([...this.late].map((l) => l.finish()));
    await this.pool.end();
  }
}
