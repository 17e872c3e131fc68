/**
 * What both store adapters share: the row shapes their SQL selects (the two
 * schemas keep the same column names and 0/1 flags), the mapping of rows to the
 * port's types, and the change feed's SQL, written once for both dialects. No
 * rule lives here: the rules are in chat/rules/.
 */
import { MessageType } from '@parley/protocol';
import type { ChangeRow, ConversationRow, FriendRow, MemberRow, SentMessage } from '../chat/store-port.ts';
import type { StoredMessage } from '../chat/types.ts';
import type { ChallengeRow, FileAccessRow, FileRow, UploadKind, UploadRow } from '../media/media-port.ts';

/** A stored message as both stores' SQL selects it (MESSAGE_COLUMNS). */
export interface MessageSqlRow {
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
  mentions: string;
  mention_all: number;
  reply_to: number;
  reactions: string;
  sent_digest?: Buffer | null;
}

/** The message columns, in MessageSqlRow's names. */
export const MESSAGE_COLUMNS = `conv_id, seq, id, sender_id, sender_device, client_msg_id, type, body, server_time, flags, ref_seq,
  mentions, mention_all, reply_to, reactions`;

export function toMessage(row: MessageSqlRow): StoredMessage {
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
    mentions: row.mentions === '' ? [] : row.mentions.split(' '),
    mentionAll: row.mention_all === 1,
    replyTo: row.reply_to,
    reactions: row.reactions === '' ? [] : (JSON.parse(row.reactions) as StoredMessage['reactions']),
  };
}

export function toSent(row: MessageSqlRow): SentMessage {
  return { message: toMessage(row), sentDigest: row.sent_digest ?? undefined };
}

/** Reactions as stored ('' for none). */
export function reactionsText(reactions: StoredMessage['reactions']): string {
  return reactions.length === 0 ? '' : JSON.stringify(reactions);
}

/** Mentions as stored (space-separated user ids). */
export function mentionsText(mentions: readonly string[]): string {
  return mentions.join(' ');
}

/** The same bytes as a Buffer, without copying. */
export function asBuffer(a: Uint8Array): Buffer {
  return Buffer.isBuffer(a) ? a : Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** A member row joined with its conversation's max_seq (MEMBER_COLUMNS). */
export interface MemberSqlRow {
  conv_id: string;
  user_id: string;
  join_seq: number;
  left_seq: number | null;
  role: number;
  muted_until: number;
  cleared_seq: number;
  read_seq: number;
  delivered_seq: number;
  pinned: number;
  muted: number;
  max_seq: number;
}

/** The member columns (`m`: members, `c`: its conversation), in MemberSqlRow's names. */
export const MEMBER_COLUMNS = `m.conv_id, m.user_id, m.join_seq, m.left_seq, m.role, m.muted_until, m.cleared_seq, m.read_seq,
  m.delivered_seq, m.pinned, m.muted, c.max_seq`;

export function toMember(r: MemberSqlRow): MemberRow {
  return {
    conversationId: r.conv_id, userId: r.user_id, joinSeq: r.join_seq, leftSeq: r.left_seq, role: r.role, mutedUntil: r.muted_until,
    clearedSeq: r.cleared_seq, readSeq: r.read_seq, deliveredSeq: r.delivered_seq, pinned: r.pinned === 1, muted: r.muted === 1, maxSeq: r.max_seq,
  };
}

export interface ConversationSqlRow {
  id: string;
  kind: number;
  max_seq: number;
  name: string;
  avatar_url: string;
  announcement: string;
  joinable: number;
  muted_all: number;
  dismissed: number;
  large: number;
  members_seq: number;
}

export const CONVERSATION_COLUMNS = `id, kind, max_seq, name, avatar_url, announcement, joinable, muted_all, dismissed, large, members_seq`;

export function toConversation(r: ConversationSqlRow): ConversationRow {
  return {
    id: r.id, kind: r.kind, maxSeq: r.max_seq, name: r.name, avatarUrl: r.avatar_url, announcement: r.announcement,
    joinable: r.joinable === 1, mutedAll: r.muted_all === 1, dismissed: r.dismissed === 1, large: r.large === 1, membersSeq: r.members_seq,
  };
}

/** A friend, request or block row, as the list queries select it. */
export type FriendSqlRow = FriendRow;

/**
 * The message types that never stand on their own in a conversation list: events
 * that change an earlier message (its stored row shows the change). They are
 * never a conversation's last message and never count as unread. Both stores'
 * partial index `messages_shown` has this exact WHERE, so the planner matches it.
 */
export const SHOWN_TYPES = `type NOT IN (${MessageType.RECALL}, ${MessageType.EDIT}, ${MessageType.REACTION})`;

/** What differs between the two SQL dialects in the change feed. */
export interface Dialect {
  /** The largest of several values. */
  greatest(...values: string[]): string;
  /** Whether space-separated `list` contains `word`. */
  hasWord(list: string, word: string): string;
  /** What follows `messages x` to make the planner read `messages_shown` (SQLite needs telling). */
  shownIndex: string;
}

/**
 * One change-feed query: a conversation as the member `m` sees it in `c`, with
 * unread counts and its last message, and `version` as the position. The
 * visibility of these counts follows chat/rules/visibility.ts: a member sees the
 * seqs after max(join, cleared) up to their leave event (or the end); unread and
 * the last message count only messages of SHOWN_TYPES (an edit, recall or reaction
 * changes an earlier message and is never counted); the last message skips what
 * the member deleted for themselves. `range` is the FROM and WHERE of one index
 * range, `version` its version expression, and `tail` its ORDER BY and LIMIT.
 */
export function changeFeedQuery(d: Dialect, range: { from: string; version: string; tail: string }): string {
  const seen = d.greatest('m.read_seq', 'm.join_seq', 'm.cleared_seq');
  const visibleEnd = 'COALESCE(m.left_seq, c.max_seq)';
  const page = `SELECT m.conv_id, m.join_seq, m.left_seq, m.read_seq, m.role, m.muted_until, m.cleared_seq, m.pinned, m.muted,
      c.kind, c.max_seq, c.name, c.avatar_url, c.announcement, c.joinable, c.muted_all, c.dismissed, ${range.version} AS version,
      CASE WHEN c.kind = 1 THEN (SELECT p.read_seq FROM members p WHERE p.conv_id = m.conv_id AND p.user_id <> m.user_id) END
        AS peer_read_seq,
      CASE WHEN c.kind = 1 THEN (SELECT ${d.greatest('p.delivered_seq', 'p.read_seq')} FROM members p WHERE p.conv_id = m.conv_id AND p.user_id <> m.user_id) END
        AS peer_delivered_seq,
      (SELECT COUNT(*) FROM messages x WHERE x.conv_id = m.conv_id AND x.${SHOWN_TYPES} AND x.seq > ${seen}
        AND x.seq <= ${visibleEnd} AND x.sender_id <> m.user_id) AS unread,
      (SELECT COUNT(*) FROM messages x WHERE x.conv_id = m.conv_id AND x.seq > ${seen}
        AND x.seq <= ${visibleEnd} AND x.sender_id <> m.user_id
        AND (x.mention_all = 1 OR (x.mentions <> '' AND ${d.hasWord('x.mentions', 'm.user_id')}))) AS unread_mentions,
      (SELECT x.seq FROM messages x ${d.shownIndex} WHERE x.conv_id = m.conv_id AND x.${SHOWN_TYPES}
        AND x.seq > ${d.greatest('m.join_seq', 'm.cleared_seq')} AND x.seq <= ${visibleEnd}
        AND NOT EXISTS (SELECT 1 FROM hidden h WHERE h.user_id = m.user_id AND h.conv_id = x.conv_id AND h.seq = x.seq)
        ORDER BY x.seq DESC LIMIT 1) AS last_seq
    ${range.from}
    ${range.tail}`;
  // The last message by primary key, after the page is cut: one lookup per listed row.
  return `SELECT f.*, lm.id AS lm_id, lm.sender_id AS lm_sender_id, lm.sender_device AS lm_sender_device,
      lm.client_msg_id AS lm_client_msg_id, lm.type AS lm_type, lm.body AS lm_body, lm.server_time AS lm_server_time,
      lm.flags AS lm_flags, lm.ref_seq AS lm_ref_seq, lm.mentions AS lm_mentions, lm.mention_all AS lm_mention_all,
      lm.reply_to AS lm_reply_to, lm.reactions AS lm_reactions
    FROM (${page}) f LEFT JOIN messages lm ON lm.conv_id = f.conv_id AND lm.seq = f.last_seq`;
}

/** One row of a change-feed query. */
export interface ChangeSqlRow {
  conv_id: string; join_seq: number; version: number; left_seq: number | null; read_seq: number; kind: number;
  max_seq: number; name: string; unread: number; role: number; muted_until: number; avatar_url: string;
  announcement: string; joinable: number; muted_all: number; dismissed: number; unread_mentions: number; cleared_seq: number;
  pinned: number; muted: number; peer_read_seq: number | null; peer_delivered_seq: number | null;
  last_seq: number | null;
  lm_id: string | null; lm_sender_id: string; lm_sender_device: string; lm_client_msg_id: string; lm_type: number;
  lm_body: Buffer; lm_server_time: number; lm_flags: number; lm_ref_seq: number; lm_mentions: string;
  lm_mention_all: number; lm_reply_to: number; lm_reactions: string;
}

export function toChangeRow(r: ChangeSqlRow): ChangeRow {
  const lastMessage =
    r.last_seq === null || r.lm_id === null
      ? undefined
      : toMessage({
          conv_id: r.conv_id, seq: r.last_seq, id: r.lm_id, sender_id: r.lm_sender_id, sender_device: r.lm_sender_device,
          client_msg_id: r.lm_client_msg_id, type: r.lm_type, body: r.lm_body, server_time: r.lm_server_time, flags: r.lm_flags,
          ref_seq: r.lm_ref_seq, mentions: r.lm_mentions, mention_all: r.lm_mention_all, reply_to: r.lm_reply_to, reactions: r.lm_reactions,
        });
  return {
    version: Number(r.version), conversationId: r.conv_id, kind: r.kind, joinSeq: r.join_seq, leftSeq: r.left_seq, readSeq: r.read_seq,
    maxSeq: r.max_seq, name: r.name, unread: Number(r.unread), role: r.role, mutedUntil: r.muted_until, avatarUrl: r.avatar_url,
    announcement: r.announcement, joinable: r.joinable === 1, mutedAll: r.muted_all === 1, dismissed: r.dismissed === 1,
    unreadMentions: Number(r.unread_mentions), clearedSeq: r.cleared_seq, pinned: r.pinned === 1, muted: r.muted === 1,
    peerReadSeq: r.peer_read_seq ?? 0, peerDeliveredSeq: r.peer_delivered_seq ?? 0, lastMessage,
  };
}

// ---------------------------------------------------------------- media rows (media/media-port.ts)

/** An upload as both stores' SQL selects it (UPLOAD_COLUMNS). */
export interface UploadSqlRow {
  id: string;
  owner_id: string;
  length: number | null;
  upload_offset: number;
  metadata: string;
  name: string;
  mime: string;
  kind: number;
  parts: string;
  consumed_by: string;
  created_at: number;
  expires_at: number;
  lease_token: string;
  lease_until: number;
  file_id: string;
}

export const UPLOAD_COLUMNS = `id, owner_id, length, upload_offset, metadata, name, mime, kind, parts, consumed_by, created_at, expires_at,
  lease_token, lease_until, file_id`;

export function toUpload(r: UploadSqlRow): UploadRow {
  return {
    id: r.id, ownerId: r.owner_id, length: r.length, offset: r.upload_offset, metadata: r.metadata, name: r.name, mime: r.mime,
    kind: r.kind as UploadKind, parts: r.parts === '' ? [] : r.parts.split(' '), consumedBy: r.consumed_by, createdAt: r.created_at,
    expiresAt: r.expires_at, leaseToken: r.lease_token, leaseUntil: r.lease_until, fileId: r.file_id,
  };
}

/** An upload's values in UPLOAD_COLUMNS order. */
export function uploadValues(u: UploadRow): unknown[] {
  return [
    u.id, u.ownerId, u.length, u.offset, u.metadata, u.name, u.mime, u.kind, u.parts.join(' '), u.consumedBy, u.createdAt, u.expiresAt,
    u.leaseToken, u.leaseUntil, u.fileId,
  ];
}

/** A file as both stores' SQL selects it (FILE_COLUMNS). */
export interface FileSqlRow {
  id: string;
  owner_id: string;
  size: number;
  sha256: string;
  mime: string;
  name: string;
  blob_key: string;
  created_at: number;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  thumbnail_id: string;
  gc_after: number | null;
}

export const FILE_COLUMNS = `id, owner_id, size, sha256, mime, name, blob_key, created_at, width, height, duration_ms, thumbnail_id, gc_after`;

export function toFile(r: FileSqlRow): FileRow {
  return {
    id: r.id, ownerId: r.owner_id, size: r.size, sha256: r.sha256, mime: r.mime, name: r.name, blobKey: r.blob_key, createdAt: r.created_at,
    width: r.width, height: r.height, durationMs: r.duration_ms, thumbnailId: r.thumbnail_id, gcAfter: r.gc_after,
  };
}

/** A file's values in FILE_COLUMNS order. */
export function fileValues(f: FileRow): unknown[] {
  return [f.id, f.ownerId, f.size, f.sha256, f.mime, f.name, f.blobKey, f.createdAt, f.width, f.height, f.durationMs, f.thumbnailId, f.gcAfter];
}

/** A file-access row: a message carrying the file, with the user's member row there (MEMBER_COLUMNS) and whether they hid it. */
export type FileAccessSqlRow = MemberSqlRow & { seq: number; hidden: number | boolean };

export function toFileAccess(r: FileAccessSqlRow): FileAccessRow {
  return { conversationId: r.conv_id, seq: r.seq, member: toMember(r), hidden: Boolean(r.hidden) };
}

export interface ChallengeSqlRow {
  id: string;
  user_id: string;
  sha256: string;
  size: number;
  range_start: number;
  range_end: number;
  name: string;
  mime: string;
  expires_at: number;
}

export const CHALLENGE_COLUMNS = `id, user_id, sha256, size, range_start, range_end, name, mime, expires_at`;

export function toChallenge(r: ChallengeSqlRow): ChallengeRow {
  return { id: r.id, userId: r.user_id, sha256: r.sha256, size: r.size, start: r.range_start, end: r.range_end, name: r.name, mime: r.mime, expiresAt: r.expires_at };
}

export function challengeValues(c: ChallengeRow): unknown[] {
  return [c.id, c.userId, c.sha256, c.size, c.start, c.end, c.name, c.mime, c.expiresAt];
}
