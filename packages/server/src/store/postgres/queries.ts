/**
 * SQL of the PostgreSQL store, in one visible place. Migrations are append-only.
 *
 * Ids are `COLLATE "C"` so that ORDER BY and the change-feed cursor compare them
 * byte-wise, as the SQLite store and JavaScript string comparison do. Columns keep
 * the SQLite store's names and 0/1 integer flags, so rows map through common.ts.
 */
import { LAST_MESSAGE_COLUMNS, SHOWN_TYPES } from '../common.ts';

export const MIGRATIONS: readonly string[] = [
  // 1: the schema of SQLite migrations 1–13 in one step (this store starts there).
  `
  CREATE TABLE parley_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE users (
    id TEXT COLLATE "C" PRIMARY KEY,
    display_name TEXT NOT NULL,
    password_hash TEXT,
    created_at BIGINT NOT NULL,
    last_seen BIGINT NOT NULL DEFAULT 0,
    allow_strangers INTEGER NOT NULL DEFAULT 1
  );
  -- version: for large groups, the transaction id of their last message (see changesSince).
  CREATE TABLE conversations (
    id TEXT COLLATE "C" PRIMARY KEY,
    kind INTEGER NOT NULL,
    max_seq INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    avatar_url TEXT NOT NULL DEFAULT '',
    announcement TEXT NOT NULL DEFAULT '',
    joinable INTEGER NOT NULL DEFAULT 0,
    muted_all INTEGER NOT NULL DEFAULT 0,
    dismissed INTEGER NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 0,
    large INTEGER NOT NULL DEFAULT 0
  );
  -- version: the id of the last transaction that changed this member's view of the
  -- conversation; a user's sync reads this index from the token on.
  CREATE TABLE members (
    conv_id TEXT COLLATE "C" NOT NULL,
    user_id TEXT COLLATE "C" NOT NULL,
    join_seq INTEGER NOT NULL,
    version BIGINT NOT NULL,
    role INTEGER NOT NULL DEFAULT 3,
    left_seq INTEGER,
    read_seq INTEGER NOT NULL DEFAULT 0,
    muted_until BIGINT NOT NULL DEFAULT 0,
    cleared_seq INTEGER NOT NULL DEFAULT 0,
    pinned INTEGER NOT NULL DEFAULT 0,
    muted INTEGER NOT NULL DEFAULT 0,
    delivered_seq INTEGER NOT NULL DEFAULT 0,
    large INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (conv_id, user_id)
  );
  CREATE INDEX members_by_user_version ON members (user_id, version, conv_id) WHERE large = 0;
  CREATE INDEX members_large ON members (user_id, conv_id) WHERE large = 1;
  CREATE TABLE messages (
    conv_id TEXT COLLATE "C" NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    sender_id TEXT COLLATE "C" NOT NULL,
    sender_device TEXT NOT NULL,
    client_msg_id TEXT NOT NULL,
    type INTEGER NOT NULL,
    body BYTEA NOT NULL,
    server_time BIGINT NOT NULL,
    flags INTEGER NOT NULL DEFAULT 0,
    ref_seq INTEGER NOT NULL DEFAULT 0,
    mentions TEXT NOT NULL DEFAULT '',
    mention_all INTEGER NOT NULL DEFAULT 0,
    reply_to INTEGER NOT NULL DEFAULT 0,
    reactions TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (conv_id, seq)
  );
  -- The dedup record of the delivery contract: one row per (sender, clientMsgId), forever.
  CREATE UNIQUE INDEX messages_dedup ON messages (sender_id, client_msg_id);
  CREATE TABLE friends (
    user_id TEXT COLLATE "C" NOT NULL,
    friend_id TEXT COLLATE "C" NOT NULL,
    since BIGINT NOT NULL,
    PRIMARY KEY (user_id, friend_id)
  );
  CREATE TABLE friend_requests (
    from_id TEXT COLLATE "C" NOT NULL,
    to_id TEXT COLLATE "C" NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (from_id, to_id)
  );
  CREATE INDEX friend_requests_to ON friend_requests (to_id, from_id);
  CREATE TABLE blocks (
    user_id TEXT COLLATE "C" NOT NULL,
    blocked_id TEXT COLLATE "C" NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, blocked_id)
  );
  CREATE TABLE hidden (
    user_id TEXT COLLATE "C" NOT NULL,
    conv_id TEXT COLLATE "C" NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (user_id, conv_id, seq)
  );
  `,
  // 2: a conversation's last message in one index probe: its messages that may be shown
  // as the last one (not RECALL 101, EDIT 102 or REACTION 104 events; common.ts's
  // SHOWN_TYPES, which the change feed's query repeats so the planner can use it).
  `
  CREATE INDEX messages_shown ON messages (conv_id, seq) WHERE type NOT IN (101, 102, 104);
  `,
  // 3: the version of a conversation's member list (the seq of its last group change).
  `
  ALTER TABLE conversations ADD COLUMN members_seq INTEGER NOT NULL DEFAULT 0;
  `,
];

/** Any number: the advisory lock that serialises migrations of nodes starting together. */
export const MIGRATION_LOCK = 0x7061726c; // 'parl'

/** The current transaction's id as a bigint: the change version it stamps. */
export const XID = `pg_current_xact_id()::text::bigint`;

const MESSAGE_COLUMNS = `conv_id, seq, id, sender_id, sender_device, client_msg_id, type, body, server_time, flags, ref_seq,
  mentions, mention_all, reply_to, reactions`;

/** What a change-feed row carries (the version column comes separately). */
const CHANGE_COLUMNS = `m.conv_id, m.join_seq, m.left_seq, m.read_seq, m.role, m.muted_until, m.cleared_seq, m.pinned, m.muted,
      c.kind, c.max_seq, c.name, c.avatar_url, c.announcement, c.joinable, c.muted_all, c.dismissed,
      CASE WHEN c.kind = 1 THEN (SELECT p.read_seq FROM members p WHERE p.conv_id = m.conv_id AND p.user_id <> m.user_id) END
        AS peer_read_seq,
      CASE WHEN c.kind = 1 THEN (SELECT GREATEST(p.delivered_seq, p.read_seq) FROM members p WHERE p.conv_id = m.conv_id AND p.user_id <> m.user_id) END
        AS peer_delivered_seq,
      (SELECT COUNT(*) FROM messages x WHERE x.conv_id = m.conv_id AND x.seq > GREATEST(m.read_seq, m.join_seq, m.cleared_seq)
        AND x.seq <= COALESCE(m.left_seq, c.max_seq) AND x.sender_id <> m.user_id AND x.type <> 104) AS unread,
      (SELECT COUNT(*) FROM messages x WHERE x.conv_id = m.conv_id AND x.seq > GREATEST(m.read_seq, m.join_seq, m.cleared_seq)
        AND x.seq <= COALESCE(m.left_seq, c.max_seq) AND x.sender_id <> m.user_id
        AND (x.mention_all = 1 OR (x.mentions <> '' AND strpos(' ' || x.mentions || ' ', ' ' || m.user_id || ' ') > 0))) AS unread_mentions,
      (SELECT x.seq FROM messages x WHERE x.conv_id = m.conv_id AND x.${SHOWN_TYPES}
        AND x.seq > GREATEST(m.join_seq, m.cleared_seq) AND x.seq <= COALESCE(m.left_seq, c.max_seq)
        AND NOT EXISTS (SELECT 1 FROM hidden h WHERE h.user_id = m.user_id AND h.conv_id = x.conv_id AND h.seq = x.seq)
        ORDER BY x.seq DESC LIMIT 1) AS last_seq`;

/** A large-group member's change version: the later of their row's and (while a member) the conversation's. */
const LARGE_VERSION = `CASE WHEN m.left_seq IS NULL THEN GREATEST(m.version, c.version) ELSE m.version END`;

const CONVERSATION_COLUMNS = `kind, max_seq, muted_all, dismissed, joinable, large, members_seq`;

export const SQL = {
  createMigrations: `CREATE TABLE IF NOT EXISTS parley_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
  migrationLock: `SELECT pg_advisory_xact_lock($1)`,
  appliedMigrations: `SELECT COALESCE(MAX(version), 0) AS v FROM parley_migrations`,
  recordMigration: `INSERT INTO parley_migrations (version) VALUES ($1)`,
  initMeta: `INSERT INTO parley_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
  getMeta: `SELECT value FROM parley_meta WHERE key = $1`,

  insertUser: `INSERT INTO users (id, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4)`,
  getUser: `SELECT id, display_name, password_hash, created_at FROM users WHERE id = $1`,
  existingUsers: `SELECT id FROM users WHERE id = ANY($1::text[])`,
  setLastSeen: `UPDATE users SET last_seen = $1 WHERE id = $2`,
  getLastSeen: `SELECT last_seen FROM users WHERE id = $1`,
  // A page of a conversation's current members with their last seen, by user id (the
  // primary key's order), without those between whom and the viewer there is a block.
  memberPresence: `SELECT m.user_id, u.last_seen FROM members m JOIN users u ON u.id = m.user_id
    WHERE m.conv_id = $1 AND m.user_id > $2 AND m.left_seq IS NULL
      AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.user_id = $3 AND b.blocked_id = m.user_id)
      AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.user_id = m.user_id AND b.blocked_id = $3)
    ORDER BY m.user_id LIMIT $4`,
  getAllowStrangers: `SELECT allow_strangers FROM users WHERE id = $1`,
  setAllowStrangers: `UPDATE users SET allow_strangers = $1 WHERE id = $2`,
  isFriend: `SELECT 1 FROM friends WHERE user_id = $1 AND friend_id = $2`,
  addFriends: `INSERT INTO friends (user_id, friend_id, since) VALUES ($1, $2, $3), ($2, $1, $3) ON CONFLICT DO NOTHING`,
  removeFriends: `DELETE FROM friends WHERE (user_id = $1 AND friend_id = $2) OR (user_id = $2 AND friend_id = $1)`,
  getFriendRequest: `SELECT note FROM friend_requests WHERE from_id = $1 AND to_id = $2`,
  putFriendRequest: `INSERT INTO friend_requests (from_id, to_id, note, created_at) VALUES ($1, $2, $3, $4)
    ON CONFLICT (from_id, to_id) DO UPDATE SET note = excluded.note, created_at = excluded.created_at`,
  deleteFriendRequest: `DELETE FROM friend_requests WHERE from_id = $1 AND to_id = $2`,
  deleteFriendRequests: `DELETE FROM friend_requests WHERE (from_id = $1 AND to_id = $2) OR (from_id = $2 AND to_id = $1)`,
  /** Blocks between any of the given pairs, either way. */
  blocksBetween: `SELECT user_id, blocked_id FROM blocks b JOIN unnest($1::text[], $2::text[]) AS p(a, b2)
    ON (b.user_id = p.a AND b.blocked_id = p.b2) OR (b.user_id = p.b2 AND b.blocked_id = p.a)`,
  isBlocked: `SELECT 1 FROM blocks WHERE user_id = $1 AND blocked_id = $2`,
  addBlock: `INSERT INTO blocks (user_id, blocked_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
  removeBlock: `DELETE FROM blocks WHERE user_id = $1 AND blocked_id = $2`,
  listFriends: `SELECT friend_id AS "userId", '' AS note, since AS time FROM friends WHERE user_id = $1 ORDER BY friend_id`,
  listIncoming: `SELECT from_id AS "userId", note, created_at AS time FROM friend_requests WHERE to_id = $1 ORDER BY created_at, from_id`,
  listOutgoing: `SELECT to_id AS "userId", note, created_at AS time FROM friend_requests WHERE from_id = $1 ORDER BY created_at, to_id`,
  listBlocked: `SELECT blocked_id AS "userId", '' AS note, created_at AS time FROM blocks WHERE user_id = $1 ORDER BY blocked_id`,
  sharesConversation: `SELECT 1 FROM members a JOIN members b ON b.conv_id = a.conv_id
    WHERE a.user_id = $1 AND b.user_id = $2 AND a.left_seq IS NULL AND b.left_seq IS NULL LIMIT 1`,

  /** The stored messages of the given (sender, clientMsgId) pairs. */
  findByClientMsgIds: `SELECT ${MESSAGE_COLUMNS} FROM messages
    WHERE (sender_id, client_msg_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
  findByClientMsgId: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE sender_id = $1 AND client_msg_id = $2`,
  getMessage: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_id = $1 AND seq = $2`,
  updateMessage: `UPDATE messages SET body = $1, flags = $2 WHERE conv_id = $3 AND seq = $4`,
  setReactions: `UPDATE messages SET reactions = $1 WHERE conv_id = $2 AND seq = $3`,
  hide: `INSERT INTO hidden (user_id, conv_id, seq) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
  hiddenIn: `SELECT seq FROM hidden WHERE user_id = $1 AND conv_id = $2 AND seq >= $3 AND seq <= $4 ORDER BY seq`,
  readersOf: `SELECT user_id FROM members WHERE conv_id = $1 AND left_seq IS NULL AND read_seq >= $2 ORDER BY user_id LIMIT $3`,
  readerCounts: `SELECT COUNT(*) FILTER (WHERE read_seq >= $1) AS read_count, COUNT(*) FILTER (WHERE read_seq < $1) AS unread_count
    FROM members WHERE conv_id = $2 AND left_seq IS NULL`,
  touchMember: `UPDATE members SET version = ${XID} WHERE conv_id = $1 AND user_id = $2`,
  getSettings: `SELECT pinned, muted FROM members WHERE conv_id = $1 AND user_id = $2 FOR UPDATE`,
  setSettings: `UPDATE members SET pinned = $1, muted = $2, version = ${XID} WHERE conv_id = $3 AND user_id = $4`,
  setClearedSeq: `UPDATE members SET cleared_seq = $1, version = ${XID} WHERE conv_id = $2 AND user_id = $3`,
  /** Lock conversations, in id order so that concurrent writers never deadlock on them. */
  lockConversations: `SELECT id, ${CONVERSATION_COLUMNS}, name, avatar_url, announcement FROM conversations
    WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
  insertConversation: `INSERT INTO conversations (id, kind, max_seq, created_at, name) VALUES ($1, $2, 0, $3, $4)
    ON CONFLICT (id) DO NOTHING RETURNING id`,
  setGroupInfo: `UPDATE conversations SET name = $1, avatar_url = $2, announcement = $3, joinable = $4 WHERE id = $5`,
  setMutedAll: `UPDATE conversations SET muted_all = $1 WHERE id = $2`,
  setMembersSeq: `UPDATE conversations SET members_seq = $1 WHERE id = $2`,
  setDismissed: `UPDATE conversations SET dismissed = 1, joinable = 0 WHERE id = $1`,
  setRole: `UPDATE members SET role = $1 WHERE conv_id = $2 AND user_id = ANY($3::text[])`,
  setMutedUntil: `UPDATE members SET muted_until = $1 WHERE conv_id = $2 AND user_id = ANY($3::text[])`,
  listGroupMembers: `SELECT user_id, role, muted_until, join_seq FROM members WHERE conv_id = $1 AND left_seq IS NULL
    ORDER BY role, user_id`,
  getGroup: `SELECT kind, max_seq, name, avatar_url, announcement, joinable, muted_all, dismissed, large FROM conversations WHERE id = $1`,
  /** Current members of several conversations. */
  listMembersOf: `SELECT conv_id, user_id FROM members WHERE conv_id = ANY($1::text[]) AND left_seq IS NULL ORDER BY conv_id, user_id`,
  listMembers: `SELECT user_id FROM members WHERE conv_id = $1 AND left_seq IS NULL ORDER BY user_id`,
  /** Members (and their roles) by conversation and user, for checks before appends. */
  memberRows: `SELECT m.conv_id, m.user_id, m.join_seq, m.left_seq, m.role, m.muted_until, m.cleared_seq, c.max_seq
    FROM members m JOIN conversations c ON c.id = m.conv_id
    JOIN unnest($1::text[], $2::text[]) AS k(conv_id, user_id) ON m.conv_id = k.conv_id AND m.user_id = k.user_id`,
  insertMembers: `INSERT INTO members (conv_id, user_id, join_seq, version, role)
    SELECT $1::text, u, $2::int, ${XID}, r FROM unnest($3::text[], $4::int[]) AS t(u, r)
    ON CONFLICT (conv_id, user_id) DO UPDATE SET join_seq = excluded.join_seq, version = excluded.version,
      role = excluded.role, left_seq = NULL`,
  getMembership: `SELECT m.join_seq, m.left_seq, m.role, m.muted_until, m.cleared_seq, c.max_seq
    FROM members m JOIN conversations c ON c.id = m.conv_id WHERE m.conv_id = $1 AND m.user_id = $2`,
  /** Raise conversations' max_seq (under the row lock taken by lockConversations) and stamp their version. */
  setMaxSeqs: `UPDATE conversations c SET max_seq = t.max_seq, version = ${XID}
    FROM unnest($1::text[], $2::int[]) AS t(id, max_seq) WHERE c.id = t.id`,
  /** Every current member of these conversations learns of the change. */
  touchMembers: `UPDATE members SET version = ${XID} WHERE conv_id = ANY($1::text[]) AND left_seq IS NULL`,
  removeMembers: `UPDATE members SET left_seq = $1, version = ${XID} WHERE conv_id = $2 AND user_id = ANY($3::text[])`,
  insertMessages: `INSERT INTO messages (conv_id, seq, id, sender_id, sender_device, client_msg_id, type, body, server_time, ref_seq,
      mentions, mention_all, reply_to)
    SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::bytea[], $9::bigint[],
      $10::int[], $11::text[], $12::int[], $13::int[])`,
  readMessages: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_id = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
  /** A member's row and what they can see, locked for a read-position update. */
  lockReadPosition: `SELECT m.read_seq, COALESCE(m.left_seq, c.max_seq) AS visible
    FROM members m JOIN conversations c ON c.id = m.conv_id WHERE m.conv_id = $1 AND m.user_id = $2 FOR UPDATE OF m`,
  setReadSeq: `UPDATE members SET read_seq = $1, version = ${XID} WHERE conv_id = $2 AND user_id = $3`,
  touchOthers: `UPDATE members SET version = ${XID} WHERE conv_id = $1 AND user_id <> $2`,
  /**
   * Delivered positions: each entry raised to what its member can see (never
   * back); returns the rows that moved. A join, not a lookup per row: a flush
   * after a reconnect storm carries thousands of entries.
   */
  raiseDelivered: `WITH moved AS (
      UPDATE members m SET delivered_seq = LEAST(i.seq, COALESCE(m.left_seq, c.max_seq))
      FROM (SELECT conv_id, user_id, MAX(seq) AS seq FROM unnest($1::text[], $2::text[], $3::int[]) AS u(conv_id, user_id, seq)
            GROUP BY conv_id, user_id) i, conversations c
      WHERE m.conv_id = i.conv_id AND m.user_id = i.user_id AND c.id = m.conv_id
        AND LEAST(i.seq, COALESCE(m.left_seq, c.max_seq)) > m.delivered_seq
      RETURNING m.conv_id, m.user_id, m.delivered_seq AS target)
    SELECT conv_id, user_id, target FROM moved ORDER BY conv_id, user_id`,
  /** Stamp the other current members of these (conversation, mover) pairs, so their sync reports the mover's position. */
  touchPeers: `UPDATE members m SET version = ${XID}
    FROM unnest($1::text[], $2::text[]) AS x(conv_id, user_id)
    WHERE m.conv_id = x.conv_id AND m.user_id <> x.user_id AND m.left_seq IS NULL`,
  countMembers: `SELECT COUNT(*) AS n FROM members WHERE conv_id = $1 AND left_seq IS NULL`,
  markLarge: `WITH c AS (UPDATE conversations SET large = 1 WHERE id = $1) UPDATE members SET large = 1 WHERE conv_id = $1`,
  /** The server's transaction horizon now: every id below xmin has ended; ids from xmax on are not yet begun. */
  snapshotBounds: `SELECT pg_snapshot_xmin(s)::text::bigint AS xmin, pg_snapshot_xmax(s)::text::bigint AS xmax FROM pg_current_snapshot() AS s`,
  /**
   * The change feed: rows changed after the cursor by transactions older than the
   * snapshot's xmin. Every transaction still running (or not yet begun) has an id
   * at or above xmin, so nothing can later commit below what this returns: a
   * reader never moves its cursor past a change that is still to come. Small
   * conversations and large groups are two sorted feeds, each cut at limit + 1;
   * each listed row then gets its last message by primary key.
   */
  changesSince: `WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin), f AS (
    (SELECT ${CHANGE_COLUMNS}, m.version
      FROM members m JOIN conversations c ON c.id = m.conv_id, horizon h
      WHERE m.user_id = $1 AND m.large = 0 AND m.version < h.xmin AND (m.version > $2 OR (m.version = $2 AND m.conv_id > $3))
      ORDER BY m.version, m.conv_id LIMIT $4)
    UNION ALL
    (SELECT ${CHANGE_COLUMNS}, ${LARGE_VERSION} AS version
      FROM members m JOIN conversations c ON c.id = m.conv_id, horizon h
      WHERE m.user_id = $1 AND m.large = 1 AND ${LARGE_VERSION} < h.xmin
        AND (${LARGE_VERSION} > $2 OR (${LARGE_VERSION} = $2 AND m.conv_id > $3))
      ORDER BY version, m.conv_id LIMIT $4))
    SELECT f.*, ${LAST_MESSAGE_COLUMNS} FROM f LEFT JOIN messages lm ON lm.conv_id = f.conv_id AND lm.seq = f.last_seq`,
} as const;
