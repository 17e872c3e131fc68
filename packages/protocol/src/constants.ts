/**
 * Wire constants shared by server and clients. The codes (MessageType, GroupOp,
 * GroupRole, MessageOpKind, FriendOp, GroupAdds, MessageFlag, ConversationKind,
 * ConversationSetting, GroupInfoField, NoticeCode) are generated from the enums
 * of parley.proto (src/gen/enums.ts, `npm run gen`): change them there.
 */
export {
  AccountsSessionOp,
  ConversationKind,
  ConversationSetting,
  FriendOp,
  GroupAdds,
  GroupInfoField,
  GroupOp,
  GroupRole,
  MessageFlag,
  MessageOpKind,
  MessageType,
  NoticeCode,
} from './gen/enums.ts';

export const PROTOCOL_VERSION = 1;

/** Message types only the server writes (events); a Send with one is refused. */
export const SERVER_MESSAGE_TYPE_MIN = 100;

/** The JSON body of a SETTINGS message: the conversation's settings after the change. */
export interface SettingsEvent {
  conversationId: string;
  pinned: boolean;
  muted: boolean;
}

/** The JSON body of a HISTORY message in the user's notice conversation. */
export interface HistoryEvent {
  op: 'hide' | 'clear';
  conversationId: string;
  seq: number;
}

/** The JSON body of a REACTION message. */
export interface ReactionEvent {
  op: 'add' | 'remove';
  emoji: string;
}

/** Reaction limits: distinct emoji per message, and emoji one user may put on one message. */
export const ReactionLimits = {
  EMOJI: /^[^\s\p{Cc}]{1,32}$/u,
  PER_MESSAGE: 50,
  PER_USER: 20,
} as const;

/** The notice conversation of a user. */
export function noticeConversationId(userId: string): string {
  return `n:${userId}`;
}

/**
 * The JSON body of a FRIEND message. `from` did it; `to` is the other user.
 * Group invitations are notices between two users too: `invitation` (from the
 * inviter, in the invitee's notice conversation), `invitation_accepted` and
 * `invitation_declined` (the invitee's answer, in their own).
 */
export interface FriendEvent {
  op:
    | 'request' | 'accept' | 'reject' | 'remove' | 'block' | 'unblock' | 'allow_strangers' | 'group_adds'
    | 'invitation' | 'invitation_accepted' | 'invitation_declined';
  from: string;
  to: string;
  note?: string;
  allow?: boolean;
  /** group_adds: the GroupAdds value set. */
  groupAdds?: number;
  /** invitation*: the group, its name and when the invitation expires. */
  conversationId?: string;
  name?: string;
  expiresAt?: number;
}

/** Limits of group info fields, in characters. */
export const GroupLimits = {
  NAME: 128,
  AVATAR_URL: 1024,
  ANNOUNCEMENT: 4096,
} as const;

/** The JSON body of a MEMBERSHIP message: what changed, who did it, and to whom. */
export interface MembershipEvent {
  op: 'create' | 'invite' | 'kick' | 'leave' | 'info' | 'role' | 'transfer' | 'dismiss' | 'mute' | 'mute_all' | 'join' | 'ban' | 'unban';
  actor: string;
  users: string[];
  /** create, invite: users who were invited rather than added (their GroupAdds setting does not allow the actor). */
  invited?: string[];
  /** join: the inviter, when the joiner accepted an invitation. */
  invitedBy?: string;
  /** ban: those of `users` who were members and were removed. */
  removed?: string[];
  /** create, info: the name (info: only when it changed). */
  name?: string;
  /** info: the fields that changed. */
  avatarUrl?: string;
  announcement?: string;
  joinable?: boolean;
  /** role: the role given to `users`. */
  role?: number;
  /** mute: until when `users` may not send (0: lifted). */
  mutedUntil?: number;
  /** mute_all: on or off. */
  on?: boolean;
}

/** Length of the big-endian size prefix of a TCP frame. */
export const TCP_HEADER_BYTES = 4;

/** Identifier rules, shared so clients can validate before sending. */
export const Limits = {
  USER_ID: /^[A-Za-z0-9_.@-]{1,64}$/,
  DEVICE_ID: /^[A-Za-z0-9_.:-]{1,64}$/,
  CLIENT_MSG_ID: /^[\x21-\x7e]{1,64}$/,
  /** Conversation ids: `d:<user>:<user>`, `g:<id>`, `n:<user>`; always of these characters. */
  CONVERSATION_ID: /^[A-Za-z0-9_.@:-]{1,160}$/,
  CONVERSATION_ID_MAX: 160,
  /** Users one message may mention. */
  MENTIONS_MAX: 50,
} as const;

/** The 1:1 conversation id of two users: order-independent and stable. */
export function directConversationId(a: string, b: string): string {
  return a < b ? `d:${a}:${b}` : `d:${b}:${a}`;
}

/** The two user ids of a direct conversation id, or undefined if it is not one. */
export function parseDirectConversationId(id: string): [string, string] | undefined {
  const parts = id.split(':');
  if (parts.length !== 3 || parts[0] !== 'd') return undefined;
  const [, a, b] = parts as [string, string, string];
  if (!Limits.USER_ID.test(a) || !Limits.USER_ID.test(b) || !(a < b)) return undefined;
  return [a, b];
}
