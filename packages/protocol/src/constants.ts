/** Wire constants shared by server and clients. */

export const PROTOCOL_VERSION = 1;

/** Message.type values. Apps may use 1000 and above for their own kinds. */
export const MessageType = {
  /** UTF-8 text. */
  TEXT: 1,
  /** App data: UTF-8 JSON, at most maxCustomBytes. */
  CUSTOM: 2,
  IMAGE: 3,
  FILE: 4,
  VOICE: 5,
  /** A membership event (group created, members invited, kicked, left); body is JSON. */
  MEMBERSHIP: 100,
  /** A recall event: the message at ref_seq was deleted for everyone. */
  RECALL: 101,
  /** An edit event: the message at ref_seq now has this body. */
  EDIT: 102,
  /** A friend event in a user's notice conversation; body is JSON (FriendEvent). */
  FRIEND: 103,
  /** A reaction added or removed on the message at ref_seq; body is JSON (ReactionEvent). Not counted as unread. */
  REACTION: 104,
  /** In a user's notice conversation: they deleted a message for themselves or cleared a history; body is JSON (HistoryEvent). */
  HISTORY: 105,
  /** In a user's notice conversation: they changed their settings of a conversation; body is JSON (SettingsEvent). */
  SETTINGS: 106,
} as const;

/** Message types only the server writes (events); a Send with one is refused. */
export const SERVER_MESSAGE_TYPE_MIN = 100;

export const MessageFlag = {
  RECALLED: 1,
  EDITED: 2,
} as const;

export const MessageOpKind = {
  RECALL: 1,
  EDIT: 2,
  REACT: 3,
  UNREACT: 4,
  /** Delete one message for yourself (all your devices). */
  HIDE: 5,
  /** Clear your history of a conversation up to a seq (all your devices). */
  CLEAR: 6,
} as const;

/** ConversationSettings.fields bits. */
export const ConversationSetting = {
  PINNED: 1,
  MUTED: 2,
} as const;

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
export type MessageOpKind = (typeof MessageOpKind)[keyof typeof MessageOpKind];
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

export const ConversationKind = {
  DIRECT: 1,
  GROUP: 2,
  /** A user's own notice conversation ("n:<user>"): server-written events only. */
  NOTICES: 3,
} as const;

/** The notice conversation of a user. */
export function noticeConversationId(userId: string): string {
  return `n:${userId}`;
}

export const FriendOp = {
  REQUEST: 1,
  ACCEPT: 2,
  REJECT: 3,
  REMOVE: 4,
  BLOCK: 5,
  UNBLOCK: 6,
  ALLOW_STRANGERS: 7,
} as const;
export type FriendOp = (typeof FriendOp)[keyof typeof FriendOp];

/** The JSON body of a FRIEND message. `from` did it; `to` is the other user. */
export interface FriendEvent {
  op: 'request' | 'accept' | 'reject' | 'remove' | 'block' | 'unblock' | 'allow_strangers';
  from: string;
  to: string;
  note?: string;
  allow?: boolean;
}
export type ConversationKind = (typeof ConversationKind)[keyof typeof ConversationKind];

export const GroupOp = {
  CREATE: 1,
  INVITE: 2,
  KICK: 3,
  LEAVE: 4,
  INFO: 5,
  SET_ROLE: 6,
  TRANSFER: 7,
  DISMISS: 8,
  MUTE: 9,
  MUTE_ALL: 10,
  JOIN: 11,
} as const;
export type GroupOp = (typeof GroupOp)[keyof typeof GroupOp];

/** Roles of group members; a lower number outranks a higher one. */
export const GroupRole = {
  OWNER: 1,
  ADMIN: 2,
  MEMBER: 3,
} as const;
export type GroupRole = (typeof GroupRole)[keyof typeof GroupRole];

/** GroupRequest.fields bits for GroupOp.INFO: which fields the request sets. */
export const GroupInfoField = {
  NAME: 1,
  AVATAR_URL: 2,
  ANNOUNCEMENT: 4,
  JOINABLE: 8,
} as const;

/** Limits of group info fields, in characters. */
export const GroupLimits = {
  NAME: 128,
  AVATAR_URL: 1024,
  ANNOUNCEMENT: 4096,
} as const;

/** The JSON body of a MEMBERSHIP message: what changed, who did it, and to whom. */
export interface MembershipEvent {
  op: 'create' | 'invite' | 'kick' | 'leave' | 'info' | 'role' | 'transfer' | 'dismiss' | 'mute' | 'mute_all' | 'join';
  actor: string;
  users: string[];
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

export const NoticeCode = {
  /** The server is going away: reconnect (elsewhere if endpoints are given) and sync. */
  RECONNECT: 'RECONNECT',
  /** Pushes to this connection were dropped: run a sync to catch up. */
  RESYNC: 'RESYNC',
  /** Another device took this device's place; do not reconnect automatically. */
  KICKED: 'KICKED',
} as const;
export type NoticeCode = (typeof NoticeCode)[keyof typeof NoticeCode];

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
