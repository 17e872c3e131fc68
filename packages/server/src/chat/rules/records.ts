/**
 * What the server writes into timelines and how a resend is recognised: the
 * event bodies of group, friend, history and settings changes, and the checks
 * that decide whether a request repeats the one stored under its clientMsgId (and
 * so gets the original answer) or reuses the id for something else (refused).
 */
import { createHash } from 'node:crypto';
import {
  ErrorCode,
  FriendOp,
  GroupOp,
  MessageOpKind,
  MessageType,
  ParleyError,
  ReactionLimits,
  type FriendEvent,
  type HistoryEvent,
  type MembershipEvent,
  type ReactionEvent,
  type SettingsEvent,
} from '@parley/protocol';
import type { SentMessage } from '../store-port.ts';
import type { AppendRequest, FriendChangeRequest, GroupChangeRequest, MessageOpRequest, SettingsRequest, StoredMessage } from '../types.ts';

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
  [FriendOp.GROUP_ADDS]: 'group_adds',
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
  [GroupOp.ACCEPT_INVITATION]: 'join',
  [GroupOp.BAN]: 'ban',
  [GroupOp.UNBAN]: 'unban',
};

/** The dedup key of the invitation notice an add writes to one invitee's notice conversation (a space never occurs in a client's key). */
export function invitationKey(clientMsgId: string, userId: string): string {
  return `${clientMsgId} invitation ${userId}`;
}

/**
 * The dedup key of the copy of a friend event written to the other user's notice
 * conversation. A space cannot occur in a client's clientMsgId, so it never collides.
 */
export function peerKey(clientMsgId: string): string {
  return `${clientMsgId} peer`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(asBuffer(a), asBuffer(b)) === 0;
}

/** The same bytes as a Buffer, without copying. */
function asBuffer(a: Uint8Array): Buffer {
  return Buffer.isBuffer(a) ? a : Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** SHA-256 of a body: what an edit or recall keeps of the body first sent, for recognising its resends. */
export function digestOf(body: Uint8Array): Uint8Array {
  return createHash('sha256').update(body).digest();
}

/** The JSON body of a stored server-written event, if `message` is one of `type`. */
export function eventOf<T>(message: { type: number; body: Uint8Array }, type: number): T | undefined {
  return message.type === type ? (JSON.parse(asBuffer(message.body).toString('utf8')) as T) : undefined;
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

/**
 * Whether a stored message is what a resend of this append first stored: the
 * same conversation, type and body as sent — compared with the body as first
 * sent even after the message was edited or recalled.
 */
export function sameAppend(sent: SentMessage, req: Pick<AppendRequest, 'conversationId' | 'type' | 'body'>): boolean {
  const m = sent.message;
  if (m.conversationId !== req.conversationId || m.type !== req.type) return false;
  return sent.sentDigest ? sameBytes(sent.sentDigest, digestOf(req.body)) : sameBytes(m.body, req.body);
}

/** Whether `existing` (stored under the request's clientMsgId) records this message op. */
export function sameMessageOp(existing: StoredMessage, req: MessageOpRequest): boolean {
  const eventType = EVENT_TYPES[req.op]!;
  const history = eventOf<HistoryEvent>(existing, MessageType.HISTORY);
  return history
    ? eventType === MessageType.HISTORY && history.conversationId === req.conversationId && history.seq === req.seq &&
        history.op === (req.op === MessageOpKind.HIDE ? 'hide' : 'clear')
    : existing.type === eventType && existing.conversationId === req.conversationId && existing.refSeq === req.seq &&
        (eventType !== MessageType.REACTION || sameBytes(existing.body, reactionBody(req)));
}

/** Whether `existing` records this settings change. */
export function sameSettings(existing: StoredMessage, req: SettingsRequest): boolean {
  const e = eventOf<SettingsEvent>(existing, MessageType.SETTINGS);
  return e !== undefined && e.conversationId === req.conversationId;
}

/** Whether `existing` records this friend change. */
export function sameFriendChange(existing: StoredMessage, req: FriendChangeRequest): boolean {
  const e = eventOf<FriendEvent>(existing, MessageType.FRIEND);
  const op = FRIEND_OP_NAMES[req.op]!;
  // A request the other side had already made was recorded as what it became: an acceptance.
  const sameOp = e && (e.op === op || (op === 'request' && e.op === 'accept'));
  const own = req.op === FriendOp.ALLOW_STRANGERS || req.op === FriendOp.GROUP_ADDS;
  return Boolean(e && sameOp && (own || e.to === req.userId || e.from === req.userId));
}

/** Whether `existing` records this group change (a declined invitation: the notice that records it). */
export function sameGroupChange(existing: StoredMessage, req: GroupChangeRequest): boolean {
  if (req.op === GroupOp.DECLINE_INVITATION) {
    const notice = eventOf<FriendEvent>(existing, MessageType.FRIEND);
    return notice?.op === 'invitation_declined' && notice.conversationId === req.conversationId;
  }
  const event = eventOf<MembershipEvent>(existing, MessageType.MEMBERSHIP);
  const sameUsers = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((u) => b.includes(u));
  if (
    !event ||
    event.op !== GROUP_OP_NAMES[req.op] ||
    // Those invited rather than added were named by the request too.
    !sameUsers([...event.users, ...(event.invited ?? [])], [...new Set(req.users)].filter((u) => u !== req.actorId || req.op !== GroupOp.CREATE)) ||
    (req.op !== GroupOp.CREATE && existing.conversationId !== req.conversationId)
  ) {
    return false;
  }
  return true;
}

/**
 * The reactions of a message after a REACT or UNREACT by `req.actorId`. Throws
 * the refusal if the op cannot apply.
 */
export function applyReaction(current: StoredMessage['reactions'], req: MessageOpRequest): StoredMessage['reactions'] {
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
  return reactions.filter((r) => r.users.length > 0);
}
