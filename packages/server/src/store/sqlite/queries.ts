/** SQL of the SQLite store, in one visible place. Migrations are append-only. */
import { CHALLENGE_COLUMNS, changeFeedQuery, CONVERSATION_COLUMNS, FILE_COLUMNS, MEMBER_COLUMNS, MESSAGE_COLUMNS, UPLOAD_COLUMNS, type Dialect } from '../common.ts';

export const MIGRATIONS: readonly string[] = [
  // 1: users, conversations, members (with each member's change version), messages.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    password_hash TEXT,
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    kind INTEGER NOT NULL,
    max_seq INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  -- version: the store-wide change version at which this member's view of the
  -- conversation last changed; a user's sync reads this index from the token on.
  CREATE TABLE members (
    conv_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    join_seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (conv_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX members_by_user_version ON members (user_id, version, conv_id);
  CREATE TABLE messages (
    conv_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    sender_id TEXT NOT NULL,
    sender_device TEXT NOT NULL,
    client_msg_id TEXT NOT NULL,
    type INTEGER NOT NULL,
    body BLOB NOT NULL,
    server_time INTEGER NOT NULL,
    PRIMARY KEY (conv_id, seq)
  ) WITHOUT ROWID;
  -- The dedup record of the delivery contract: one row per (sender, clientMsgId), forever.
  CREATE UNIQUE INDEX messages_dedup ON messages (sender_id, client_msg_id);
  `,
  // 2: groups — a name per conversation; a role and a leave point per member.
  `
  ALTER TABLE conversations ADD COLUMN name TEXT NOT NULL DEFAULT '';
  ALTER TABLE members ADD COLUMN role INTEGER NOT NULL DEFAULT 3;
  ALTER TABLE members ADD COLUMN left_seq INTEGER;
  `,
  // 3: one read position per user and conversation.
  `
  ALTER TABLE members ADD COLUMN read_seq INTEGER NOT NULL DEFAULT 0;
  `,
  // 4: presence — when a user's last device went away.
  `
  ALTER TABLE users ADD COLUMN last_seen INTEGER NOT NULL DEFAULT 0;
  `,
  // 5: recall and edit — a message's flags, and the seq an event message refers to.
  `
  ALTER TABLE messages ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE messages ADD COLUMN ref_seq INTEGER NOT NULL DEFAULT 0;
  `,
  // 6: group management — info, join policy, group-wide mute, dismissal; per-member mute.
  `
  ALTER TABLE conversations ADD COLUMN avatar_url TEXT NOT NULL DEFAULT '';
  ALTER TABLE conversations ADD COLUMN announcement TEXT NOT NULL DEFAULT '';
  ALTER TABLE conversations ADD COLUMN joinable INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversations ADD COLUMN muted_all INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversations ADD COLUMN dismissed INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE members ADD COLUMN muted_until INTEGER NOT NULL DEFAULT 0;
  `,
  // 7: friends, pending friend requests, blocks, and whether strangers may start a 1:1 chat.
  `
  CREATE TABLE friends (
    user_id TEXT NOT NULL,
    friend_id TEXT NOT NULL,
    since INTEGER NOT NULL,
    PRIMARY KEY (user_id, friend_id)
  ) WITHOUT ROWID;
  CREATE TABLE friend_requests (
    from_id TEXT NOT NULL,
    to_id TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (from_id, to_id)
  ) WITHOUT ROWID;
  CREATE INDEX friend_requests_to ON friend_requests (to_id, from_id);
  CREATE TABLE blocks (
    user_id TEXT NOT NULL,
    blocked_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, blocked_id)
  ) WITHOUT ROWID;
  ALTER TABLE users ADD COLUMN allow_strangers INTEGER NOT NULL DEFAULT 1;
  `,
  // 8: mentions (space-separated user ids), @all, and reply-to.
  `
  ALTER TABLE messages ADD COLUMN mentions TEXT NOT NULL DEFAULT '';
  ALTER TABLE messages ADD COLUMN mention_all INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE messages ADD COLUMN reply_to INTEGER NOT NULL DEFAULT 0;
  `,
  // 9: reactions on a message: JSON [{"emoji": "…", "users": [...]}], '' for none.
  `
  ALTER TABLE messages ADD COLUMN reactions TEXT NOT NULL DEFAULT '';
  `,
  // 10: per-user history: messages deleted for one user, and how far they cleared a conversation.
  `
  CREATE TABLE hidden (
    user_id TEXT NOT NULL,
    conv_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (user_id, conv_id, seq)
  ) WITHOUT ROWID;
  ALTER TABLE members ADD COLUMN cleared_seq INTEGER NOT NULL DEFAULT 0;
  `,
  // 11: a member's own settings of the conversation.
  `
  ALTER TABLE members ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE members ADD COLUMN muted INTEGER NOT NULL DEFAULT 0;
  `,
  // 12: how far some device of a member has acknowledged (delivered state, for 1:1 senders).
  `
  ALTER TABLE members ADD COLUMN delivered_seq INTEGER NOT NULL DEFAULT 0;
  `,
  // 13: large groups — the change version of their last message lives on the conversation.
  `
  ALTER TABLE conversations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversations ADD COLUMN large INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE members ADD COLUMN large INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX members_large ON members (user_id, conv_id) WHERE large = 1;
  `,
  // 14: a conversation's last message in one index probe: its messages that may be shown
  // as the last one (not RECALL 101, EDIT 102 or REACTION 104 events). The WHERE is
  // common.ts's SHOWN_TYPES word for word, so the planner matches it.
  `
  CREATE INDEX messages_shown ON messages (conv_id, seq) WHERE type NOT IN (101, 102, 104);
  `,
  // 15: the version of a conversation's member list (the seq of its last group change).
  `
  ALTER TABLE conversations ADD COLUMN members_seq INTEGER NOT NULL DEFAULT 0;
  `,
  // 16: a large group's change feed is an index range over the conversations stamped
  // after a cursor (not a per-member flag, which members added later never got);
  // who deleted a message for themselves, by message; the digest of what was first
  // sent under a clientMsgId, kept once a message is edited or recalled.
  `
  DROP INDEX members_large;
  ALTER TABLE members DROP COLUMN large;
  CREATE INDEX conversations_large_version ON conversations (version, id) WHERE large = 1;
  CREATE INDEX hidden_by_message ON hidden (conv_id, seq);
  ALTER TABLE messages ADD COLUMN sent_digest BLOB;
  `,
  // 17: media — uploads (tus resources: offset, lease, concatenation), files (content hash, blob,
  // when the collector may look at them), the messages that carry files, each user's upload
  // bytes per UTC day, instant-upload challenges, and blobs waiting to be deleted.
  `
  CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    length INTEGER,
    upload_offset INTEGER NOT NULL,
    metadata TEXT NOT NULL,
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    kind INTEGER NOT NULL,
    parts TEXT NOT NULL,
    consumed_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    lease_token TEXT NOT NULL,
    lease_until INTEGER NOT NULL,
    file_id TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX uploads_unfinished ON uploads (owner_id, expires_at) WHERE file_id = '';
  CREATE INDEX uploads_by_expiry ON uploads (expires_at);
  CREATE TABLE files (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    mime TEXT NOT NULL,
    name TEXT NOT NULL,
    blob_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    width INTEGER,
    height INTEGER,
    duration_ms INTEGER,
    thumbnail_id TEXT NOT NULL,
    gc_after INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX files_by_content ON files (sha256, size);
  CREATE INDEX files_by_blob ON files (blob_key);
  CREATE INDEX files_by_thumbnail ON files (thumbnail_id) WHERE thumbnail_id <> '';
  CREATE INDEX files_collectable ON files (gc_after) WHERE gc_after IS NOT NULL;
  CREATE TABLE file_refs (
    file_id TEXT NOT NULL,
    conv_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (file_id, conv_id, seq)
  ) WITHOUT ROWID;
  CREATE INDEX file_refs_by_message ON file_refs (conv_id, seq);
  CREATE TABLE upload_usage (
    user_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    PRIMARY KEY (user_id, day)
  ) WITHOUT ROWID;
  CREATE TABLE instant_challenges (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    range_start INTEGER NOT NULL,
    range_end INTEGER NOT NULL,
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE blob_trash (key TEXT PRIMARY KEY, since INTEGER NOT NULL) WITHOUT ROWID;
  `,
  // 18: consent and moderation — who may add a user to a group (0: not set), groups' ban
  // lists, pending group invitations (by invitee, for their list).
  `
  ALTER TABLE users ADD COLUMN group_adds INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE group_bans (
    conv_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    banned_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (conv_id, user_id)
  ) WITHOUT ROWID;
  CREATE TABLE group_invitations (
    conv_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    inviter TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (conv_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX group_invitations_by_user ON group_invitations (user_id, expires_at);
  `,
  // 19: rate limits: a user's own limits, set by an admin (JSON object of limit name -> points).
  `
  CREATE TABLE user_limits (user_id TEXT PRIMARY KEY, limits TEXT NOT NULL) WITHOUT ROWID;
  `,
  // 20 (accounts): a unique login name per user — the canonical form of its id
  // (NFKC, lowercase: ids are ASCII, so lower() is that form) — and sign-in
  // sessions. Ids are never rewritten (messages, members and 1:1 conversation ids
  // name users by them): a user keeps its id and logs in by its login name. Where
  // existing ids differ only by case, the oldest account keeps the plain login
  // name and each later one gets "<name>-<n>" (n = 2, 3, … by age); the server
  // logs every such rename at start (see renamedLogins). If a renamed login would
  // itself collide with an existing one, the unique index fails and the store
  // refuses to open, naming nothing lost.
  `
  ALTER TABLE users ADD COLUMN login_id TEXT;
  ALTER TABLE users ADD COLUMN tokens_not_before INTEGER NOT NULL DEFAULT 0;
  UPDATE users SET login_id = (
    SELECT CASE WHEN r.n = 1 THEN lower(r.id) ELSE lower(r.id) || '-' || r.n END
    FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY lower(id) ORDER BY created_at, id) AS n FROM users) r
    WHERE r.id = users.id
  );
  CREATE UNIQUE INDEX users_by_login ON users (login_id);
  CREATE TABLE auth_sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    device TEXT NOT NULL,
    address TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX auth_sessions_by_user ON auth_sessions (user_id, created_at);
  `,
];

const dialect: Dialect = {
  greatest: (...values) => `MAX(${values.join(', ')})`,
  hasWord: (list, word) => `instr(' ' || ${list} || ' ', ' ' || ${word} || ' ') > 0`,
  shownIndex: 'INDEXED BY messages_shown',
};



/** The member row of (conversation, user) with its conversation's max_seq. */
const MEMBER_ROW = `SELECT ${MEMBER_COLUMNS} FROM members m JOIN conversations c ON c.id = m.conv_id`;

export const SQL = {
  getMeta: `SELECT value FROM meta WHERE key = ?`,
  setMeta: `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,

  insertUser: `INSERT INTO users (id, display_name, password_hash, created_at, login_id) VALUES (?, ?, ?, ?, ?)`,
  userByLogin: `SELECT id, password_hash, tokens_not_before FROM users WHERE login_id = ?`,
  renamedLogins: `SELECT id, login_id FROM users WHERE login_id <> lower(id) ORDER BY id`,
  setTokensNotBefore: `UPDATE users SET tokens_not_before = ? WHERE id = ?`,
  insertAuthSession: `INSERT INTO auth_sessions (id, user_id, device, address, created_at, last_seen, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
  getAuthSession: `SELECT * FROM auth_sessions WHERE id = ?`,
  listAuthSessions: `SELECT * FROM auth_sessions WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id LIMIT 1000`,
  touchAuthSession: `UPDATE auth_sessions SET last_seen = ?, address = ? WHERE id = ?`,
  revokeAuthSession: `UPDATE auth_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL AND expires_at > ? RETURNING id, user_id`,
  revokeUserSessions: `UPDATE auth_sessions SET revoked_at = ? WHERE user_id = ? AND id <> ? AND revoked_at IS NULL AND expires_at > ? RETURNING id`,
  purgeAuthSessions: `DELETE FROM auth_sessions WHERE expires_at < ?`,
  getUser: `SELECT id, display_name, password_hash, created_at FROM users WHERE id = ?`,
  userExists: `SELECT 1 FROM users WHERE id = ?`,
  setLastSeen: `UPDATE users SET last_seen = ? WHERE id = ?`,
  getLastSeen: `SELECT last_seen FROM users WHERE id = ?`,
  getUserLimits: `SELECT limits FROM user_limits WHERE user_id = ?`,
  setUserLimits: `INSERT INTO user_limits (user_id, limits) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET limits = excluded.limits`,
  deleteUserLimits: `DELETE FROM user_limits WHERE user_id = ?`,
  getAllowStrangers: `SELECT allow_strangers FROM users WHERE id = ?`,
  setAllowStrangers: `UPDATE users SET allow_strangers = ? WHERE id = ?`,

  isFriend: `SELECT 1 FROM friends WHERE user_id = ? AND friend_id = ?`,
  addFriend: `INSERT OR IGNORE INTO friends (user_id, friend_id, since) VALUES (?, ?, ?)`,
  removeFriend: `DELETE FROM friends WHERE user_id = ? AND friend_id = ?`,
  getFriendRequest: `SELECT note FROM friend_requests WHERE from_id = ? AND to_id = ?`,
  putFriendRequest: `INSERT INTO friend_requests (from_id, to_id, note, created_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (from_id, to_id) DO UPDATE SET note = excluded.note, created_at = excluded.created_at`,
  deleteFriendRequest: `DELETE FROM friend_requests WHERE from_id = ? AND to_id = ?`,
  isBlocked: `SELECT 1 FROM blocks WHERE user_id = ? AND blocked_id = ?`,
  addBlock: `INSERT OR IGNORE INTO blocks (user_id, blocked_id, created_at) VALUES (?, ?, ?)`,
  removeBlock: `DELETE FROM blocks WHERE user_id = ? AND blocked_id = ?`,
  listFriends: `SELECT friend_id AS userId, '' AS note, since AS time FROM friends WHERE user_id = ? ORDER BY friend_id`,
  listIncoming: `SELECT from_id AS userId, note, created_at AS time FROM friend_requests WHERE to_id = ? ORDER BY created_at, from_id`,
  listOutgoing: `SELECT to_id AS userId, note, created_at AS time FROM friend_requests WHERE from_id = ? ORDER BY created_at, to_id`,
  listBlocked: `SELECT blocked_id AS userId, '' AS note, created_at AS time FROM blocks WHERE user_id = ? ORDER BY blocked_id`,
  sharesConversation: `SELECT 1 FROM members a JOIN members b ON b.conv_id = a.conv_id
    WHERE a.user_id = ? AND b.user_id = ? AND a.left_seq IS NULL AND b.left_seq IS NULL LIMIT 1`,

  getConversation: `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = ?`,
  insertConversation: `INSERT INTO conversations (id, kind, max_seq, created_at, name) VALUES (?, ?, 0, ?, ?)`,
  setMaxSeq: `UPDATE conversations SET max_seq = ? WHERE id = ?`,
  touchConversation: `UPDATE conversations SET version = ? WHERE id = ?`,
  setGroupInfo: `UPDATE conversations SET name = ?, avatar_url = ?, announcement = ?, joinable = ? WHERE id = ?`,
  setMutedAll: `UPDATE conversations SET muted_all = ? WHERE id = ?`,
  setDismissed: `UPDATE conversations SET dismissed = 1, joinable = 0 WHERE id = ?`,
  setMembersSeq: `UPDATE conversations SET members_seq = ? WHERE id = ?`,
  markLarge: `UPDATE conversations SET large = 1 WHERE id = ?`,

  memberRow: `${MEMBER_ROW} WHERE m.conv_id = ? AND m.user_id = ?`,
  allMemberRows: `${MEMBER_ROW} WHERE m.conv_id = ? ORDER BY m.user_id`,
  listMembers: `SELECT user_id FROM members WHERE conv_id = ? AND left_seq IS NULL ORDER BY user_id`,
  countMembers: `SELECT COUNT(*) AS n FROM members WHERE conv_id = ? AND left_seq IS NULL`,
  insertMember: `INSERT INTO members (conv_id, user_id, join_seq, version, role) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (conv_id, user_id) DO UPDATE SET join_seq = excluded.join_seq, version = excluded.version,
      role = excluded.role, left_seq = NULL`,
  removeMember: `UPDATE members SET left_seq = ?, version = ? WHERE conv_id = ? AND user_id = ?`,
  setRole: `UPDATE members SET role = ? WHERE conv_id = ? AND user_id = ?`,
  setMutedUntil: `UPDATE members SET muted_until = ? WHERE conv_id = ? AND user_id = ?`,
  touchMembers: `UPDATE members SET version = ? WHERE conv_id = ? AND left_seq IS NULL`,
  touchMember: `UPDATE members SET version = ? WHERE conv_id = ? AND user_id = ?`,
  setReadSeq: `UPDATE members SET read_seq = ?, version = ? WHERE conv_id = ? AND user_id = ?`,
  setDelivered: `UPDATE members SET delivered_seq = ? WHERE conv_id = ? AND user_id = ?`,
  setSettings: `UPDATE members SET pinned = ?, muted = ?, version = ? WHERE conv_id = ? AND user_id = ?`,
  setClearedSeq: `UPDATE members SET cleared_seq = ?, version = ? WHERE conv_id = ? AND user_id = ?`,
  // A page of a conversation's current members with their last seen, by user id (the primary key's order).
  memberPage: `SELECT m.user_id AS userId, u.last_seen AS lastSeen FROM members m JOIN users u ON u.id = m.user_id
    WHERE m.conv_id = ? AND m.user_id > ? AND m.left_seq IS NULL ORDER BY m.user_id LIMIT ?`,
  groupMembers: `SELECT user_id AS userId, role, muted_until AS mutedUntil, join_seq AS joinSeq FROM members
    WHERE conv_id = ? AND left_seq IS NULL ORDER BY role, user_id`,
  readersOf: `SELECT user_id FROM members WHERE conv_id = ? AND left_seq IS NULL AND read_seq >= ? ORDER BY user_id LIMIT ?`,
  readerCounts: `SELECT SUM(read_seq >= ?) AS read_count, SUM(read_seq < ?) AS unread_count FROM members WHERE conv_id = ? AND left_seq IS NULL`,

  findSent: `SELECT ${MESSAGE_COLUMNS}, sent_digest FROM messages WHERE sender_id = ? AND client_msg_id = ?`,
  getMessage: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_id = ? AND seq = ?`,
  insertMessage: `INSERT INTO messages (conv_id, seq, id, sender_id, sender_device, client_msg_id, type, body, server_time, ref_seq,
      mentions, mention_all, reply_to, sent_digest)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  // The digest of what was first sent is set by the first change only.
  updateMessage: `UPDATE messages SET body = ?, flags = ?, sent_digest = COALESCE(sent_digest, ?) WHERE conv_id = ? AND seq = ?`,
  setReactions: `UPDATE messages SET reactions = ? WHERE conv_id = ? AND seq = ?`,
  readMessages: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conv_id = ? AND seq >= ? AND seq <= ? ORDER BY seq LIMIT ?`,
  hide: `INSERT OR IGNORE INTO hidden (user_id, conv_id, seq) VALUES (?, ?, ?)`,
  hiddenBy: `SELECT user_id FROM hidden WHERE conv_id = ? AND seq = ?`,
  hiddenIn: `SELECT seq FROM hidden WHERE user_id = ? AND conv_id = ? AND seq >= ? AND seq <= ? ORDER BY seq`,

  // Media (media/media-port.ts).
  insertUpload: `INSERT INTO uploads (${UPLOAD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  getUpload: `SELECT ${UPLOAD_COLUMNS} FROM uploads WHERE id = ?`,
  updateUpload: `UPDATE uploads SET length = ?, upload_offset = ?, metadata = ?, name = ?, mime = ?, kind = ?, parts = ?, consumed_by = ?,
      expires_at = ?, lease_token = ?, lease_until = ?, file_id = ? WHERE id = ?`,
  deleteUpload: `DELETE FROM uploads WHERE id = ?`,
  countUnfinishedUploads: `SELECT COUNT(*) AS n FROM uploads WHERE owner_id = ? AND file_id = '' AND expires_at > ?`,
  expiredUploads: `SELECT ${UPLOAD_COLUMNS} FROM uploads WHERE expires_at < ? ORDER BY expires_at LIMIT ?`,
  insertFile: `INSERT INTO files (${FILE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  getFile: `SELECT ${FILE_COLUMNS} FROM files WHERE id = ?`,
  fileByContent: `SELECT ${FILE_COLUMNS} FROM files WHERE sha256 = ? AND size = ? ORDER BY created_at, id LIMIT 1`,
  deleteFile: `DELETE FROM files WHERE id = ?`,
  fileReferenced: `SELECT EXISTS (SELECT 1 FROM file_refs WHERE file_id = @id) OR EXISTS (SELECT 1 FROM files WHERE thumbnail_id = @id) AS used`,
  blobInUse: `SELECT 1 FROM files WHERE blob_key = ? LIMIT 1`,
  setFileMedia: `UPDATE files SET width = ?, height = ?, duration_ms = ?, thumbnail_id = ? WHERE id = ?`,
  setFileGcAfter: `UPDATE files SET gc_after = ? WHERE id = ?`,
  collectableFiles: `SELECT id FROM files WHERE gc_after IS NOT NULL AND gc_after < ? ORDER BY gc_after LIMIT ?`,
  insertFileRef: `INSERT OR IGNORE INTO file_refs (file_id, conv_id, seq) VALUES (?, ?, ?)`,
  fileRefsOf: `SELECT file_id FROM file_refs WHERE conv_id = ? AND seq = ?`,
  deleteFileRefs: `DELETE FROM file_refs WHERE conv_id = ? AND seq = ?`,
  // The messages carrying a file (or a file whose thumbnail it is) where the user is or was a member.
  fileAccess: `SELECT r.seq, ${MEMBER_COLUMNS},
      EXISTS (SELECT 1 FROM hidden h WHERE h.user_id = m.user_id AND h.conv_id = r.conv_id AND h.seq = r.seq) AS hidden
    FROM file_refs r JOIN members m ON m.conv_id = r.conv_id AND m.user_id = @user JOIN conversations c ON c.id = r.conv_id
    WHERE r.file_id IN (SELECT @file UNION SELECT id FROM files WHERE thumbnail_id = @file)
    ORDER BY r.conv_id, r.seq LIMIT @limit`,
  addUsage: `INSERT INTO upload_usage (user_id, day, bytes) VALUES (?, ?, ?)
    ON CONFLICT (user_id, day) DO UPDATE SET bytes = bytes + excluded.bytes RETURNING bytes`,
  usage: `SELECT bytes FROM upload_usage WHERE user_id = ? AND day = ?`,
  insertChallenge: `INSERT INTO instant_challenges (${CHALLENGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  takeChallenge: `DELETE FROM instant_challenges WHERE id = ? RETURNING ${CHALLENGE_COLUMNS}`,
  deleteExpiredChallenges: `DELETE FROM instant_challenges WHERE expires_at < ?`,
  trashBlob: `INSERT OR IGNORE INTO blob_trash (key, since) VALUES (?, ?)`,
  untrashBlob: `DELETE FROM blob_trash WHERE key = ?`,
  trashedBlobs: `SELECT key FROM blob_trash ORDER BY since, key LIMIT ?`,

  // The change feed, as two index ranges (see chat/rules/change-feed.ts). A large group's current
  // member is listed at the later of their row's and the conversation's version, so each row is in
  // exactly one range. The user's member rows stamped after the cursor (members_by_user_version):
  changesSinceMembers: changeFeedQuery(dialect, {
    from: `FROM members m JOIN conversations c ON c.id = m.conv_id
      WHERE m.user_id = @user AND (m.version, m.conv_id) > (@version, @conv)
        AND NOT (c.large = 1 AND m.left_seq IS NULL AND c.version >= m.version)`,
    version: 'm.version',
    tail: 'ORDER BY m.version, m.conv_id LIMIT @limit',
  }),
  // The large groups stamped after the cursor (conversations_large_version), each with the
  // user's member row by primary key; CROSS JOIN keeps the conversations as the outer loop.
  changesSinceLarge: changeFeedQuery(dialect, {
    from: `FROM conversations c CROSS JOIN members m ON m.conv_id = c.id AND m.user_id = @user
      WHERE c.large = 1 AND (c.version, c.id) > (@version, @conv) AND m.left_seq IS NULL AND c.version >= m.version`,
    version: 'c.version',
    tail: 'ORDER BY c.version, c.id LIMIT @limit',
  }),
  // Consent and moderation.
  consentOf: `SELECT group_adds, allow_strangers FROM users WHERE id = ?`,
  setGroupAdds: `UPDATE users SET group_adds = ? WHERE id = ?`,
  countFriends: `SELECT COUNT(*) AS n FROM friends WHERE user_id = ?`,
  countOutgoing: `SELECT COUNT(*) AS n FROM friend_requests WHERE from_id = ?`,
  countGroups: `SELECT COUNT(*) AS n FROM members WHERE user_id = ? AND left_seq IS NULL AND conv_id LIKE 'g:%'`,
  isBanned: `SELECT 1 FROM group_bans WHERE conv_id = ? AND user_id = ?`,
  addBan: `INSERT OR IGNORE INTO group_bans (conv_id, user_id, banned_by, created_at) VALUES (?, ?, ?, ?)`,
  removeBan: `DELETE FROM group_bans WHERE conv_id = ? AND user_id = ?`,
  listBans: `SELECT user_id AS userId, banned_by AS bannedBy, created_at AS time FROM group_bans WHERE conv_id = ? ORDER BY user_id`,
  putInvitation: `INSERT OR REPLACE INTO group_invitations (conv_id, user_id, inviter, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
  getInvitation: `SELECT conv_id AS conversationId, user_id AS userId, inviter, created_at AS time, expires_at AS expiresAt
    FROM group_invitations WHERE conv_id = ? AND user_id = ?`,
  deleteInvitation: `DELETE FROM group_invitations WHERE conv_id = ? AND user_id = ?`,
  listInvitations: `SELECT i.conv_id AS conversationId, i.user_id AS userId, i.inviter, i.created_at AS time, i.expires_at AS expiresAt, c.name
    FROM group_invitations i JOIN conversations c ON c.id = i.conv_id
    WHERE i.user_id = ? AND i.expires_at > ? AND c.dismissed = 0 ORDER BY i.created_at, i.conv_id`,
} as const;
