/**
 * SQL of the PostgreSQL store, in one visible place. Migrations are append-only.
 *
 * Ids are `COLLATE "C"` so that ORDER BY and the change-feed cursor compare them
 * byte-wise, as the SQLite store and JavaScript string comparison do. Columns keep
 * the SQLite store's names and 0/1 integer flags, so rows map through common.ts.
 */
import { CHALLENGE_COLUMNS, changeFeedQuery, CONVERSATION_COLUMNS, FILE_COLUMNS, MEMBER_COLUMNS, MESSAGE_COLUMNS, UPLOAD_COLUMNS, type Dialect } from '../common.ts';

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
  // 4: a large group's change feed is an index range over the conversations stamped
  // after a cursor (not a per-member flag, which members added later never got), so
  // every member row is in one feed index; who deleted a message for themselves, by
  // message; the digest of what was first sent, kept once a message is edited or recalled.
  `
  DROP INDEX members_large;
  DROP INDEX members_by_user_version;
  ALTER TABLE members DROP COLUMN large;
  CREATE INDEX members_by_user_version ON members (user_id, version, conv_id);
  CREATE INDEX conversations_large_version ON conversations (version, id) WHERE large = 1;
  CREATE INDEX hidden_by_message ON hidden (conv_id, seq);
  ALTER TABLE messages ADD COLUMN sent_digest BYTEA;
  `,
  // 5: media — as SQLite migration 17: uploads, files, the messages that carry files, each
  // user's upload bytes per UTC day, instant-upload challenges, blobs waiting to be deleted.
  `
  CREATE TABLE uploads (
    id TEXT COLLATE "C" PRIMARY KEY,
    owner_id TEXT COLLATE "C" NOT NULL,
    length BIGINT,
    upload_offset BIGINT NOT NULL,
    metadata TEXT NOT NULL,
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    kind INTEGER NOT NULL,
    parts TEXT NOT NULL,
    consumed_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    lease_token TEXT NOT NULL,
    lease_until BIGINT NOT NULL,
    file_id TEXT NOT NULL
  );
  CREATE INDEX uploads_unfinished ON uploads (owner_id, expires_at) WHERE file_id = '';
  CREATE INDEX uploads_by_expiry ON uploads (expires_at);
  CREATE TABLE files (
    id TEXT COLLATE "C" PRIMARY KEY,
    owner_id TEXT COLLATE "C" NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    mime TEXT NOT NULL,
    name TEXT NOT NULL,
    blob_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    width INTEGER,
    height INTEGER,
    duration_ms BIGINT,
    thumbnail_id TEXT NOT NULL,
    gc_after BIGINT
  );
  CREATE INDEX files_by_content ON files (sha256, size);
  CREATE INDEX files_by_blob ON files (blob_key);
  CREATE INDEX files_by_thumbnail ON files (thumbnail_id) WHERE thumbnail_id <> '';
  CREATE INDEX files_collectable ON files (gc_after) WHERE gc_after IS NOT NULL;
  CREATE TABLE file_refs (
    file_id TEXT COLLATE "C" NOT NULL,
    conv_id TEXT COLLATE "C" NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (file_id, conv_id, seq)
  );
  CREATE INDEX file_refs_by_message ON file_refs (conv_id, seq);
  CREATE TABLE upload_usage (
    user_id TEXT COLLATE "C" NOT NULL,
    day INTEGER NOT NULL,
    bytes BIGINT NOT NULL,
    PRIMARY KEY (user_id, day)
  );
  CREATE TABLE instant_challenges (
    id TEXT COLLATE "C" PRIMARY KEY,
    user_id TEXT COLLATE "C" NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    range_start BIGINT NOT NULL,
    range_end BIGINT NOT NULL,
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE TABLE blob_trash (key TEXT COLLATE "C" PRIMARY KEY, since BIGINT NOT NULL);
  `,
  // 6: consent and moderation (as SQLite migration 18) — who may add a user to a group
  // (0: not set), groups' ban lists, pending group invitations (by invitee, for their list).
  `
  ALTER TABLE users ADD COLUMN group_adds INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE group_bans (
    conv_id TEXT COLLATE "C" NOT NULL,
    user_id TEXT COLLATE "C" NOT NULL,
    banned_by TEXT COLLATE "C" NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (conv_id, user_id)
  );
  CREATE TABLE group_invitations (
    conv_id TEXT COLLATE "C" NOT NULL,
    user_id TEXT COLLATE "C" NOT NULL,
    inviter TEXT COLLATE "C" NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (conv_id, user_id)
  );
  CREATE INDEX group_invitations_by_user ON group_invitations (user_id, expires_at);
  `,
  // 7: rate limits (as SQLite migration 19): a user's own limits, set by an admin (JSON object of limit name -> points).
  `
  CREATE TABLE user_limits (user_id TEXT COLLATE "C" PRIMARY KEY, limits TEXT NOT NULL);
  `,
  // 8 (accounts): as SQLite migration 20 — a unique login name
  // per user (oldest keeps it where ids differ only by case, later ones get
  // "<name>-<n>"), a token cut-off per user, and sign-in sessions.
  `
  ALTER TABLE users ADD COLUMN login_id TEXT COLLATE "C";
  ALTER TABLE users ADD COLUMN tokens_not_before BIGINT NOT NULL DEFAULT 0;
  UPDATE users u SET login_id = CASE WHEN r.n = 1 THEN lower(r.id) ELSE lower(r.id) || '-' || r.n END
    FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY lower(id) ORDER BY created_at, id) AS n FROM users) r
    WHERE r.id = u.id;
  CREATE UNIQUE INDEX users_by_login ON users (login_id);
  CREATE TABLE auth_sessions (
    id TEXT COLLATE "C" PRIMARY KEY,
    user_id TEXT COLLATE "C" NOT NULL,
    device TEXT NOT NULL,
    address TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
  );
  CREATE INDEX auth_sessions_by_user ON auth_sessions (user_id, created_at);
  `,
];


/** Any number: the advisory lock that serialises migrations of nodes starting together. */
export const MIGRATION_LOCK = 0x7061726c; // 'parl'

/** The current transaction's id as a bigint: the change version it stamps. */
export const XID = `pg_current_xact_id()::text::bigint`;

const dialect: Dialect = {
  greatest: (...values) => `GREATEST(${values.join(', ')})`,
  hasWord: (list, word) => `strpos(' ' || ${list} || ' ', ' ' || ${word} || ' ') > 0`,
  shownIndex: '',
};

/** Member rows with their conversation's max_seq. */
const MEMBER_ROWS = `SELECT ${MEMBER_COLUMNS} FROM members m JOIN conversations c ON c.id = m.conv_id`;

export const SQL = {
  createMigrations: `CREATE TABLE IF NOT EXISTS parley_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
  migrationLock: `SELECT pg_advisory_xact_lock($1)`,
  appliedMigrations: `SELECT COALESCE(MAX(version), 0) AS v FROM parley_migrations`,
  recordMigration: `INSERT INTO parley_migrations (version) VALUES ($1)`,
  initMeta: `INSERT INTO parley_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
  getMeta: `SELECT value FROM parley_meta WHERE key = $1`,

  insertUser: `INSERT INTO users (id, display_name, password_hash, created_at, login_id) VALUES ($1, $2, $3, $4, $5)`,
  userByLogin: `SELECT id, password_hash, tokens_not_before FROM users WHERE login_id = $1`,
  renamedLogins: `SELECT id, login_id FROM users WHERE login_id <> lower(id) ORDER BY id`,
  setTokensNotBefore: `UPDATE users SET tokens_not_before = $1 WHERE id = $2`,
  insertAuthSession: `INSERT INTO auth_sessions (id, user_id, device, address, created_at, last_seen, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)`,
  getAuthSession: `SELECT * FROM auth_sessions WHERE id = $1`,
  listAuthSessions: `SELECT * FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at DESC, id LIMIT 1000`,
  touchAuthSession: `UPDATE auth_sessions SET last_seen = $1, address = $2 WHERE id = $3`,
  revokeAuthSession: `UPDATE auth_sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL AND expires_at > $3 RETURNING id, user_id`,
  revokeUserSessions: `UPDATE auth_sessions SET revoked_at = $1 WHERE user_id = $2 AND id <> $3 AND revoked_at IS NULL AND expires_at > $4 RETURNING id`,
  purgeAuthSessions: `DELETE FROM auth_sessions WHERE expires_at < $1`,
  getUser: `SELECT id, display_name, password_hash, created_at FROM users WHERE id = $1`,
  getUserLimits: `SELECT limits FROM user_limits WHERE user_id = $1`,
  setUserLimits: `INSERT INTO user_limits (user_id, limits) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET limits = excluded.limits`,
  deleteUserLimits: `DELETE FROM user_limits WHERE user_id = $1`,
  existingUsers: `SELECT id FROM users WHERE id = ANY($1::text[])`,
  setLastSeen: `UPDATE users SET last_seen = $1 WHERE id = $2`,
  getLastSeen: `SELECT last_seen FROM users WHERE id = $1`,
  getAllowStrangers: `SELECT allow_strangers FROM users WHERE id = $1`,
  setAllowStrangers: `UPDATE users SET allow_strangers = $1 WHERE id = $2`,

  isFriend: `SELECT 1 FROM friends WHERE user_id = $1 AND friend_id = $2`,
  addFriends: `INSERT INTO friends (user_id, friend_id, since) VALUES ($1, $2, $3), ($2, $1, $3) ON CONFLICT DO NOTHING`,
  removeFriends: `DELETE FROM friends WHERE (user_id = $1 AND friend_id = $2) OR (user_id = $2 AND friend_id = $1)`,
  getFriendRequest: `SELECT note FROM friend_requests WHERE from_id = $1 AND to_id = $2`,
  putFriendRequest: `INSERT INTO friend_requests (from_id, to_id, note, created_at) VALUES ($1, $2, $3, $4)
    ON CONFLICT (from_id, to_id) DO UPDATE SET note = excluded.note, created_at = excluded.created_at`,
  deleteFriendRequest: `DELETE FROM friend_requests WHERE from_id = $1 AND to_id = $2`,
  /** Blocks between any of the given pairs, either way. */
  blocksAmong: `SELECT user_id, blocked_id FROM blocks b JOIN unnest($1::text[], $2::text[]) AS p(a, b2)
    ON (b.user_id = p.a AND b.blocked_id = p.b2) OR (b.user_id = p.b2 AND b.blocked_id = p.a)`,
  /** Which of $2 have a block with $1, either way. */
  blockedAmong: `SELECT blocked_id AS user_id FROM blocks WHERE user_id = $1 AND blocked_id = ANY($2::text[])
    UNION SELECT user_id FROM blocks WHERE blocked_id = $1 AND user_id = ANY($2::text[])`,
  addBlock: `INSERT INTO blocks (user_id, blocked_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
  removeBlock: `DELETE FROM blocks WHERE user_id = $1 AND blocked_id = $2`,
  listFriends: `SELECT friend_id AS "userId", '' AS note, since AS time FROM friends WHERE user_id = $1 ORDER BY friend_id`,
  listIncoming: `SELECT from_id AS "userId", note, created_at AS time FROM friend_requests WHERE to_id = $1 ORDER BY created_at, from_id`,
  listOutgoing: `SELECT to_id AS "userId", note, created_at AS time FROM friend_requests WHERE from_id = $1 ORDER BY created_at, to_id`,
  listBlocked: `SELECT blocked_id AS "userId", '' AS note, created_at AS time FROM blocks WHERE user_id = $1 ORDER BY blocked_id`,
  sharesConversation: `SELECT 1 FROM members a JOIN members b ON b.conv_id = a.conv_id
    WHERE a.user_id = $1 AND b.user_id = $2 AND a.left_seq IS NULL AND b.left_seq IS NULL LIMIT 1`,

  getConversation: `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = $1`,
  /** Lock conversations, in id order so that concurrent writers never deadlock on them. */
  lockConversations: `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
  insertConversation: `INSERT INTO conversations (id, kind, max_seq, created_at, name) VALUES ($1, $2, 0, $3, $4)
    ON CONFLICT (id) DO NOTHING RETURNING id`,
  setMaxSeqs: `UPDATE conversations c SET max_seq = t.max_seq FROM unnest($1::text[], $2::int[]) AS t(id, max_seq) WHERE c.id = t.id`,
  touchConversations: `UPDATE conversations SET version = ${XID} WHERE id = ANY($1::text[])`,
  setGroupInfo: `UPDATE conversations SET name = $1, avatar_url = $2, announcement = $3, joinable = $4 WHERE id = $5`,
  setMutedAll: `UPDATE conversations SET muted_all = $1 WHERE id = $2`,
  setMembersSeq: `UPDATE conversations SET members_seq = $1 WHERE id = $2`,
  setDismissed: `UPDATE conversations SET dismissed = 1, joinable = 0 WHERE id = $1`,
  markLarge: `UPDATE conversations SET large = 1 WHERE id = $1`,

  /** Member rows by conversation and user. */
  memberRows: `${MEMBER_ROWS} JOIN unnest($1::text[], $2::text[]) AS k(conv_id, user_id) ON m.conv_id = k.conv_id AND m.user_id = k.user_id`,
  memberRow: `${MEMBER_ROWS} WHERE m.conv_id = $1 AND m.user_id = $2`,
  /** Every member row of a conversation, current and former. */
  allMemberRows: `${MEMBER_ROWS} WHERE m.conv_id = $1 ORDER BY m.user_id`,
  /** Current members of several conversations. */
  listMembersOf: `SELECT conv_id, user_id FROM members WHERE conv_id = ANY($1::text[]) AND left_seq IS NULL ORDER BY conv_id, user_id`,
  countMembers: `SELECT COUNT(*) AS n FROM members WHERE conv_id = $1 AND left_seq IS NULL`,
  insertMembers: `INSERT INTO members (conv_id, user_id, join_seq, version, role)
    SELECT $1::text, u, $2::int, ${XID}, r FROM unnest($3::text[], $4::int[]) AS t(u, r)
    ON CONFLICT (conv_id, user_id) DO UPDATE SET join_seq = excluded.join_seq, version = excluded.version,
      role = excluded.role, left_seq = NULL`,
  removeMembers: `UPDATE members SET left_seq = $1, version = ${XID} WHERE conv_id = $2 AND user_id = ANY($3::text[])`,
  setRole: `UPDATE members SET role = $1 WHERE conv_id = $2 AND user_id = ANY($3::text[])`,
  setMutedUntil: `UPDATE members SET muted_until = $1 WHERE conv_id = $2 AND user_id = ANY($3::text[])`,
  /** Every current member of these conversations learns of the change. */
  touchMembers: `UPDATE members SET version = ${XID} WHERE conv_id = ANY($1::text[]) AND left_seq IS NULL`,
  touchRows: `UPDATE members m SET version = ${XID} FROM unnest($1::text[], $2::text[]) AS k(conv_id, user_id)
    WHERE m.conv_id = k.conv_id AND m.user_id = k.user_id`,
  setReadSeq: `UPDATE members SET read_seq = $1, version = ${XID} WHERE conv_id = $2 AND user_id = $3`,
  setDelivered: `UPDATE members m SET delivered_seq = k.seq FROM unnest($1::text[], $2::text[], $3::int[]) AS k(conv_id, user_id, seq)
    WHERE m.conv_id = k.conv_id AND m.user_id = k.user_id`,
  setSettings: `UPDATE members SET pinned = $1, muted = $2, version = ${XID} WHERE conv_id = $3 AND user_id = $4`,
  setClearedSeq: `UPDATE members SET cleared_seq = $1, version = ${XID} WHERE conv_id = $2 AND user_id = $3`,
  listMembers: `SELECT user_id FROM members WHERE conv_id = $1 AND left_seq IS NULL ORDER BY user_id`,
  // A page of a conversation's current members with their last seen, by user id (the primary key's order).
  memberPage: `SELECT m.user_id AS "userId", u.last_seen AS "lastSeen" FROM members m JOIN users u ON u.id = m.user_id
    WHERE m.conv_id = $1 AND m.user_id > $2 AND m.left_seq IS NULL ORDER BY m.user_id LIMIT $3`,
  groupMembers: `SELECT user_id AS "userId", role, muted_until AS "mutedUntil", join_seq AS "joinSeq" FROM members
    WHERE conv_id = $1 AND left_seq IS NULL ORDER BY role, user_id`,
  readersOf: `SELECT user_id FROM members WHERE conv_id = $1 AND left_seq IS NULL AND read_seq >= $2 ORDER BY user_id LIMIT $3`,
  readerCounts: `SELECT COUNT(*) FILTER (WHERE read_seq >= $1) AS read_count, COUNT(*) FILTER (WHERE read_seq < $1) AS unread_count
    FROM members WHERE conv_id = $2 AND left_seq IS NULL`,

  /** The stored messages of the given (sender, clientMsgId) pairs. */
  findSent: `SELECT ${MESSAGE_COLUMNS}, sent_digest FROM messages
    WHERE (sender_id, client_msg_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
  getMessage: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_id = $1 AND seq = $2`,
  insertMessages: `INSERT INTO messages (conv_id, seq, id, sender_id, sender_device, client_msg_id, type, body, server_time, ref_seq,
      mentions, mention_all, reply_to, sent_digest)
    SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::bytea[], $9::bigint[],
      $10::int[], $11::text[], $12::int[], $13::int[], $14::bytea[])`,
  // The digest of what was first sent is set by the first change only.
  updateMessage: `UPDATE messages SET body = $1, flags = $2, sent_digest = COALESCE(sent_digest, $3) WHERE conv_id = $4 AND seq = $5`,
  setReactions: `UPDATE messages SET reactions = $1 WHERE conv_id = $2 AND seq = $3`,
  readMessages: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_id = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
  hide: `INSERT INTO hidden (user_id, conv_id, seq) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
  hiddenBy: `SELECT user_id FROM hidden WHERE conv_id = $1 AND seq = $2`,
  hiddenIn: `SELECT seq FROM hidden WHERE user_id = $1 AND conv_id = $2 AND seq >= $3 AND seq <= $4 ORDER BY seq`,

  /** What decides whether a COMMIT is durable when it returns. */
  // Media (media/media-port.ts).
  insertUpload: `INSERT INTO uploads (${UPLOAD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
  getUpload: `SELECT ${UPLOAD_COLUMNS} FROM uploads WHERE id = $1`,
  lockUploads: `SELECT ${UPLOAD_COLUMNS} FROM uploads WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
  updateUpload: `UPDATE uploads SET length = $1, upload_offset = $2, metadata = $3, name = $4, mime = $5, kind = $6, parts = $7,
      consumed_by = $8, expires_at = $9, lease_token = $10, lease_until = $11, file_id = $12 WHERE id = $13`,
  deleteUploads: `DELETE FROM uploads WHERE id = ANY($1::text[])`,
  countUnfinishedUploads: `SELECT COUNT(*) AS n FROM uploads WHERE owner_id = $1 AND file_id = '' AND expires_at > $2`,
  expiredUploads: `SELECT ${UPLOAD_COLUMNS} FROM uploads WHERE expires_at < $1 ORDER BY expires_at LIMIT $2`,
  insertFile: `INSERT INTO files (${FILE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
  getFile: `SELECT ${FILE_COLUMNS} FROM files WHERE id = $1`,
  keepFiles: `SELECT ${FILE_COLUMNS} FROM files WHERE id = ANY($1::text[]) ORDER BY id FOR SHARE`,
  lockFiles: `SELECT ${FILE_COLUMNS} FROM files WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
  fileByContent: `SELECT ${FILE_COLUMNS} FROM files WHERE sha256 = $1 AND size = $2 ORDER BY created_at, id LIMIT 1`,
  keepFileByContent: `SELECT ${FILE_COLUMNS} FROM files WHERE sha256 = $1 AND size = $2 ORDER BY created_at, id LIMIT 1 FOR SHARE`,
  deleteFiles: `DELETE FROM files WHERE id = ANY($1::text[])`,
  referencedFiles: `SELECT f.id FROM unnest($1::text[]) AS f(id)
    WHERE EXISTS (SELECT 1 FROM file_refs r WHERE r.file_id = f.id) OR EXISTS (SELECT 1 FROM files t WHERE t.thumbnail_id = f.id)`,
  blobsInUse: `SELECT DISTINCT blob_key FROM files WHERE blob_key = ANY($1::text[])`,
  setFileMedia: `UPDATE files SET width = $1, height = $2, duration_ms = $3, thumbnail_id = $4 WHERE id = $5`,
  setFilesGcAfter: `UPDATE files SET gc_after = $2 WHERE id = ANY($1::text[])`,
  collectableFiles: `SELECT id FROM files WHERE gc_after IS NOT NULL AND gc_after < $1 ORDER BY gc_after LIMIT $2`,
  insertFileRefs: `INSERT INTO file_refs (file_id, conv_id, seq) SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) ON CONFLICT DO NOTHING`,
  deleteFileRefs: `DELETE FROM file_refs WHERE conv_id = $1 AND seq = ANY($2::int[]) RETURNING file_id`,
  // The messages carrying a file (or a file whose thumbnail it is) where the user is or was a member.
  fileAccess: `SELECT r.seq, ${MEMBER_COLUMNS},
      EXISTS (SELECT 1 FROM hidden h WHERE h.user_id = m.user_id AND h.conv_id = r.conv_id AND h.seq = r.seq) AS hidden
    FROM file_refs r JOIN members m ON m.conv_id = r.conv_id AND m.user_id = $2 JOIN conversations c ON c.id = r.conv_id
    WHERE r.file_id IN (SELECT $1::text UNION SELECT id FROM files WHERE thumbnail_id = $1::text)
    ORDER BY r.conv_id, r.seq LIMIT $3`,
  addUsage: `INSERT INTO upload_usage (user_id, day, bytes) VALUES ($1, $2, $3)
    ON CONFLICT (user_id, day) DO UPDATE SET bytes = upload_usage.bytes + EXCLUDED.bytes RETURNING bytes`,
  usage: `SELECT bytes FROM upload_usage WHERE user_id = $1 AND day = $2`,
  insertChallenge: `INSERT INTO instant_challenges (${CHALLENGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
  takeChallenge: `DELETE FROM instant_challenges WHERE id = $1 RETURNING ${CHALLENGE_COLUMNS}`,
  deleteExpiredChallenges: `DELETE FROM instant_challenges WHERE expires_at < $1`,
  trashBlobs: `INSERT INTO blob_trash (key, since) SELECT k, $2 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING`,
  untrashBlobs: `DELETE FROM blob_trash WHERE key = ANY($1::text[])`,
  trashedBlobs: `SELECT key FROM blob_trash ORDER BY since, key LIMIT $1`,

  durability: `SELECT current_setting('synchronous_commit') AS synchronous_commit, current_setting('fsync') AS fsync`,
  /**
   * This database's transaction horizon now: every transaction of this database
   * with an id below xmin has ended; ids from xmax on had not ended when the
   * statement began. Only this database's transactions count: a session writes
   * only the database it is connected to, so a long transaction of another
   * database on the same server (another app, a test run) must not hold back
   * this one's syncs, as the server-wide pg_snapshot_xmin would. xmax comes from
   * the statement's snapshot, taken before pg_stat_activity is read (under the
   * ProcArray lock), so a transaction that gets its id after the read has one
   * at or above xmax. Prepared transactions (two-phase commit: Parley never
   * prepares one, and the server allows none by default) belong to no session,
   * so they are read from pg_prepared_xacts. An xid is 32 bits: it is widened
   * against xmax, from which every running id is less than 2^31 away
   * (PostgreSQL's own rule).
   */
  snapshotBounds: `SELECT LEAST(b.xmax, (
      SELECT MIN(b.xmax + (((r.xid::text::bigint - b.xmax) % 4294967296) + 4294967296 + 2147483648) % 4294967296 - 2147483648)
      FROM (SELECT backend_xid AS xid FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL
            UNION ALL SELECT transaction FROM pg_prepared_xacts WHERE database = current_database()) AS r)) AS xmin, b.xmax
    FROM (SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax) AS b`,
  /**
   * The change feed, as two index ranges (see chat/rules/change-feed.ts), each
   * returning only versions below $5, a horizon (snapshotBounds' xmin) read
   * before the statement: every transaction with a smaller id had ended by
   * then, so this statement sees all of their changes, and every transaction
   * still running (or not yet begun) has an id at or above it, so nothing can
   * later commit below what this returns, and a reader never moves its cursor
   * past a change still to come. Both ranges take the same horizon: each with its
   * own snapshot's xmin, a transaction that ended between the two snapshots
   * could be missing from one range while the other moved the page's cursor past
   * it. A large group's current member is listed at the later of their row's and
   * the conversation's version, so each row is in exactly one range. The user's
   * member rows stamped after the cursor (members_by_user_version):
   */
  changesSinceMembers: `${changeFeedQuery(dialect, {
    from: `FROM members m JOIN conversations c ON c.id = m.conv_id
      WHERE m.user_id = $1 AND (m.version, m.conv_id) > ($2, $3) AND m.version < $5
        AND NOT (c.large = 1 AND m.left_seq IS NULL AND c.version >= m.version)`,
    version: 'm.version',
    tail: 'ORDER BY m.version, m.conv_id LIMIT $4',
  })}`,
  /** The large groups stamped after the cursor (conversations_large_version), each with the user's member row by primary key. */
  changesSinceLarge: `${changeFeedQuery(dialect, {
    from: `FROM conversations c JOIN members m ON m.conv_id = c.id AND m.user_id = $1
      WHERE c.large = 1 AND (c.version, c.id) > ($2, $3) AND c.version < $5 AND m.left_seq IS NULL AND c.version >= m.version`,
    version: 'c.version',
    tail: 'ORDER BY c.version, c.id LIMIT $4',
  })}`,
  // Consent and moderation.
  consentOf: `SELECT id, group_adds, allow_strangers FROM users WHERE id = ANY($1::text[])`,
  setGroupAdds: `UPDATE users SET group_adds = $1 WHERE id = $2`,
  getGroupAdds: `SELECT group_adds FROM users WHERE id = $1`,
  friendsAmong: `SELECT friend_id FROM friends WHERE user_id = $1 AND friend_id = ANY($2::text[])`,
  countFriends: `SELECT COUNT(*) AS n FROM friends WHERE user_id = $1`,
  countOutgoing: `SELECT COUNT(*) AS n FROM friend_requests WHERE from_id = $1`,
  countGroups: `SELECT user_id, COUNT(*) AS n FROM members WHERE user_id = ANY($1::text[]) AND left_seq IS NULL AND conv_id LIKE 'g:%' GROUP BY user_id`,
  bannedAmong: `SELECT user_id FROM group_bans WHERE conv_id = $1 AND user_id = ANY($2::text[])`,
  addBans: `INSERT INTO group_bans (conv_id, user_id, banned_by, created_at) SELECT $1, u, $3, $4 FROM unnest($2::text[]) AS u ON CONFLICT DO NOTHING`,
  removeBans: `DELETE FROM group_bans WHERE conv_id = $1 AND user_id = ANY($2::text[])`,
  listBans: `SELECT user_id AS "userId", banned_by AS "bannedBy", created_at AS time FROM group_bans WHERE conv_id = $1 ORDER BY user_id`,
  putInvitations: `INSERT INTO group_invitations (conv_id, user_id, inviter, created_at, expires_at) SELECT $1, u, $3, $4, $5 FROM unnest($2::text[]) AS u
    ON CONFLICT (conv_id, user_id) DO UPDATE SET inviter = excluded.inviter, created_at = excluded.created_at, expires_at = excluded.expires_at`,
  getInvitation: `SELECT conv_id AS "conversationId", user_id AS "userId", inviter, created_at AS time, expires_at AS "expiresAt"
    FROM group_invitations WHERE conv_id = $1 AND user_id = $2`,
  deleteInvitations: `DELETE FROM group_invitations WHERE conv_id = $1 AND user_id = ANY($2::text[])`,
  listInvitations: `SELECT i.conv_id AS "conversationId", i.user_id AS "userId", i.inviter, i.created_at AS time, i.expires_at AS "expiresAt", c.name
    FROM group_invitations i JOIN conversations c ON c.id = i.conv_id
    WHERE i.user_id = $1 AND i.expires_at > $2 AND c.dismissed = 0 ORDER BY i.created_at, i.conv_id`,
} as const;
