/**
 * Store-agnostic pieces of the stores: the domain constants, the row shapes both
 * stores' SQL returns, and the pure checks that decide what a resend or a change
 * means. Kept here so SqliteStore and PostgresStore cannot drift apart on them.
 */
import {
  ConversationKind,
  ErrorCode,
  FriendOp,
  GroupOp,
  MessageOpKind,
  MessageType,
  ParleyError,
  parseDirectConversationId,
  ReactionLimits,
  type FriendEvent,
  type HistoryEvent,
  type MembershipEvent,
  type ReactionEvent,
  type SettingsEvent,
} from '@parley/protocol';
import type {
  ChangeCursor,
  ChangePage,
  FriendChangeRequest,
  GroupChangeRequest,
  MessageOpRequest,
  SettingsRequest,
  StoredMessage,
} from '../chat/types.ts';

/** The event message type each MessageOp records. */
export const EVENT_TYPES: Record<number, number> = {
  [MessageOpKind.RECALL]: MessageType.RECALL,
  [MessageOpKind.EDIT]: MessageType.EDIT,
  [MessageOpKind.REACT]: MessageType.REACTION,
  [MessageOpKind.UNREACT]: MessageType.REACTION,
  [MessageOpKind.HIDE]: MessageType.HISTORY,
  [MessageOpKind.CLEAR]: MessageType.HISTORY,
};

export const FRIEND_OP_NAMES: Record<number, FriendEvent['op']> = {
  [FriendOp.REQUEST]: 'request',
  [FriendOp.ACCEPT]: 'accept',
  [FriendOp.REJECT]: 'reject',
  [FriendOp.REMOVE]: 'remove',
  [FriendOp.BLOCK]: 'block',
  [FriendOp.UNBLOCK]: 'unblock',
  [FriendOp.ALLOW_STRANGERS]: 'allow_strangers',
};

export const GROUP_OP_NAMES: Record<number, MembershipEvent['op']> = {
  [GroupOp.CREATE]: 'create',
  [GroupOp.INVITE]: 'invite',
  [GroupOp.KICK]: 'kick',
  [GroupOp.LEAVE]: 'leave',
  [GroupOp.INFO]: 'info',
  [GroupOp.SET_ROLE]: 'role',
  [GroupOp.TRANSFER]: 'transfer',
  [GroupOp.DISMISS]: 'dismiss',
  [GroupOp.MUTE]: 'mute',
  [GroupOp.MUTE_ALL]: 'mute_all',
  [GroupOp.JOIN]: 'join',
};

/**
 * The dedup key of the copy of a friend event written to the other user's notice
 * conversation. A space cannot occur in a client's clientMsgId, so it never collides.
 */
export function peerKey(clientMsgId: string): string {
  return `${clientMsgId} peer`;
}

/** A stored message as both stores' SQL selects it. */
export interface MessageRow {
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
}

/** A member's row joined with its conversation's max_seq. */
export interface MemberRow {
  join_seq: number;
  left_seq: number | null;
  role: number;
  muted_until: number;
  cleared_seq: number;
  max_seq: number;
}

export interface ConversationRow {
  kind: number;
  max_seq: number;
  muted_all: number;
  dismissed: number;
  joinable: number;
  /** 1: a large group (see largeGroupThreshold). */
  large?: number;
  /** The seq of the last group change: the version of the member list (see AppendResult). */
  members_seq?: number;
}

export interface GroupRow extends ConversationRow {
  name: string;
  avatar_url: string;
  announcement: string;
}

export function toMessage(row: MessageRow): StoredMessage {
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

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(asBuffer(a), asBuffer(b)) === 0;
}

/** The same bytes as a Buffer, without copying. */
export function asBuffer(a: Uint8Array): Buffer {
  return Buffer.isBuffer(a) ? a : Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** The JSON body of a stored server-written event, if `row` is one of `type`. */
export function eventOf<T>(row: { type: number; body: Uint8Array }, type: number): T | undefined {
  return row.type === type ? (JSON.parse(asBuffer(row.body).toString('utf8')) as T) : undefined;
}

/** The body of a server-written event. */
export function eventBody(event: object): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(event));
}

/** The body of the REACTION event a REACT or UNREACT records. */
export function reactionBody(req: MessageOpRequest): Uint8Array {
  const event: ReactionEvent = { op: req.op === MessageOpKind.REACT ? 'add' : 'remove', emoji: req.emoji };
  return eventBody(event);
}

export function reusedError(clientMsgId: string): ParleyError {
  return new ParleyError(ErrorCode.CLIENT_MSG_ID_REUSED, `clientMsgId ${clientMsgId} was already used for a different message`);
}

/** Whether a stored message is what a resend of a plain append would store. */
export function sameAppend(existing: MessageRow, req: { conversationId: string; type: number; body: Uint8Array }): boolean {
  return existing.conv_id === req.conversationId && existing.type === req.type && sameBytes(existing.body, req.body);
}

/** Whether `existing` (stored under the request's clientMsgId) records this message op. */
export function sameMessageOp(existing: MessageRow, req: MessageOpRequest): boolean {
  const eventType = EVENT_TYPES[req.op]!;
  const history = eventOf<HistoryEvent>(existing, MessageType.HISTORY);
  return history
    ? eventType === MessageType.HISTORY && history.conversationId === req.conversationId && history.seq === req.seq &&
        history.op === (req.op === MessageOpKind.HIDE ? 'hide' : 'clear')
    : existing.type === eventType && existing.conv_id === req.conversationId && existing.ref_seq === req.seq &&
        (eventType !== MessageType.REACTION || sameBytes(existing.body, reactionBody(req)));
}

/** Whether `existing` records this settings change. */
export function sameSettings(existing: MessageRow, req: SettingsRequest): boolean {
  const e = eventOf<SettingsEvent>(existing, MessageType.SETTINGS);
  return e !== undefined && e.conversationId === req.conversationId;
}

/** Whether `existing` records this friend change. */
export function sameFriendChange(existing: MessageRow, req: FriendChangeRequest): boolean {
  const e = eventOf<FriendEvent>(existing, MessageType.FRIEND);
  const op = FRIEND_OP_NAMES[req.op]!;
  // A request the other side had already made was recorded as what it became: an acceptance.
  const sameOp = e && (e.op === op || (op === 'request' && e.op === 'accept'));
  return Boolean(e && sameOp && (req.op === FriendOp.ALLOW_STRANGERS || e.to === req.userId || e.from === req.userId));
}

/** The MEMBERSHIP event `existing` records, if it records this group change. */
export function sameGroupChange(existing: MessageRow, req: GroupChangeRequest): MembershipEvent | undefined {
  const event = eventOf<MembershipEvent>(existing, MessageType.MEMBERSHIP);
  const sameUsers = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((u) => b.includes(u));
  if (
    !event ||
    event.op !== GROUP_OP_NAMES[req.op] ||
    !sameUsers(event.users, [...new Set(req.users)].filter((u) => u !== req.actorId || req.op !== GroupOp.CREATE)) ||
    (req.op !== GroupOp.CREATE && existing.conv_id !== req.conversationId)
  ) {
    return undefined;
  }
  return event;
}

/**
 * The reactions of a message after a REACT or UNREACT by `req.actorId`, as stored
 * ('' for none). Throws the refusal if the op cannot apply.
 */
export function applyReaction(current: StoredMessage['reactions'], req: MessageOpRequest): string {
  const fail = (message: string) => new ParleyError(ErrorCode.INVALID_ARGUMENT, message);
  const reactions = current.map((r) => ({ emoji: r.emoji, users: [...r.users] }));
  const entry = reactions.find((r) => r.emoji === req.emoji);
  if (req.op === MessageOpKind.REACT) {
    if (entry?.users.includes(req.actorId)) throw fail(`you already reacted with ${req.emoji}`);
    if (!entry && reactions.length >= ReactionLimits.PER_MESSAGE) throw fail(`at most ${ReactionLimits.PER_MESSAGE} different reactions per message`);
    if (reactions.filter((r) => r.users.includes(req.actorId)).length >= ReactionLimits.PER_USER) {
      throw fail(`at most ${ReactionLimits.PER_USER} reactions of yours per message`);
    }
    if (entry) entry.users.push(req.actorId);
    else reactions.push({ emoji: req.emoji, users: [req.actorId] });
  } else {
    if (!entry?.users.includes(req.actorId)) throw fail(`you have not reacted with ${req.emoji}`);
    entry.users = entry.users.filter((u) => u !== req.actorId);
  }
  const left = reactions.filter((r) => r.users.length > 0);
  return left.length === 0 ? '' : JSON.stringify(left);
}

/**
 * The message types that are never a conversation's last message: events that
 * change an earlier message (its stored row shows the change). Both stores' SQL
 * and their partial index `messages_shown` use this exact text.
 */
export const SHOWN_TYPES = `type NOT IN (${MessageType.RECALL}, ${MessageType.EDIT}, ${MessageType.REACTION})`;

/** The last message's columns in a change-feed row (`lm_` + the MessageRow name; null when there is none). */
export const LAST_MESSAGE_COLUMNS = `lm.id AS lm_id, lm.sender_id AS lm_sender_id, lm.sender_device AS lm_sender_device,
      lm.client_msg_id AS lm_client_msg_id, lm.type AS lm_type, lm.body AS lm_body, lm.server_time AS lm_server_time,
      lm.flags AS lm_flags, lm.ref_seq AS lm_ref_seq, lm.mentions AS lm_mentions, lm.mention_all AS lm_mention_all,
      lm.reply_to AS lm_reply_to, lm.reactions AS lm_reactions`;

/** One row of a change feed query (both stores select the same columns). */
export interface ChangeRow {
  conv_id: string; join_seq: number; version: number; left_seq: number | null; read_seq: number; kind: number;
  max_seq: number; name: string; unread: number; role: number; muted_until: number; avatar_url: string;
  announcement: string; joinable: number; muted_all: number; dismissed: number; unread_mentions: number; cleared_seq: number;
  pinned: number; muted: number; peer_read_seq: number | null; peer_delivered_seq: number | null;
  /** The seq of the newest message the member may see, and that message's columns (all null if none). */
  last_seq: number | null;
  lm_id: string | null; lm_sender_id: string; lm_sender_device: string; lm_client_msg_id: string; lm_type: number;
  lm_body: Buffer; lm_server_time: number; lm_flags: number; lm_ref_seq: number; lm_mentions: string;
  lm_mention_all: number; lm_reply_to: number; lm_reactions: string;
}

/** The last message a change-feed row carries, if any. */
function lastMessageOf(r: ChangeRow): StoredMessage | undefined {
  if (r.last_seq === null || r.lm_id === null) return undefined;
  return toMessage({
    conv_id: r.conv_id, seq: r.last_seq, id: r.lm_id, sender_id: r.lm_sender_id, sender_device: r.lm_sender_device,
    client_msg_id: r.lm_client_msg_id, type: r.lm_type, body: r.lm_body, server_time: r.lm_server_time, flags: r.lm_flags,
    ref_seq: r.lm_ref_seq, mentions: r.lm_mentions, mention_all: r.lm_mention_all, reply_to: r.lm_reply_to, reactions: r.lm_reactions,
  });
}

/**
 * A page of the change feed from rows that are each sorted by (version,
 * conv_id) and cut at limit + 1: their merge's first limit + 1 rows are the page.
 */
export function changePage(rows: ChangeRow[], after: ChangeCursor, limit: number): ChangePage {
  rows.sort((a, b) => a.version - b.version || (a.conv_id < b.conv_id ? -1 : a.conv_id > b.conv_id ? 1 : 0));
  if (rows.length > limit + 1) rows.length = limit + 1;
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
      avatarUrl: r.avatar_url,
      announcement: r.announcement,
      joinable: Boolean(r.joinable),
      mutedAll: Boolean(r.muted_all),
      role: r.left_seq === null && r.kind === ConversationKind.GROUP ? r.role : 0,
      mutedUntil: r.muted_until,
      dismissed: Boolean(r.dismissed),
      unreadMentions: r.unread_mentions,
      clearedSeq: r.cleared_seq,
      pinned: Boolean(r.pinned),
      muted: Boolean(r.muted),
      peerReadSeq: r.peer_read_seq ?? 0,
      peerDeliveredSeq: r.peer_delivered_seq ?? 0,
      lastMessage: lastMessageOf(r),
    })),
    next: last ? { version: last.version, conversationId: last.conv_id } : after,
    more,
  };
}
