// Generated from parley.proto by scripts/gen-enums.mjs: do not edit.
// Change the .proto and run `npm run gen -w @parley/protocol`.

/**
 * The stable error codes. On the wire `code` is a string: the NAME of one of
 * these values (e.g. "NOT_MEMBER"); the numbers are never sent and mean
 * nothing. Branch on the code, never on `message`. A client must accept names
 * it does not know (newer servers add codes).
 */
export const ErrorCode = {
  /** The bytes were not a valid Frame (connection closed). */
  BAD_FRAME: 'BAD_FRAME',
  /** A frame (or its TCP length prefix) exceeds the server's max_frame_bytes (connection closed). */
  FRAME_TOO_LARGE: 'FRAME_TOO_LARGE',
  /** The frame carries no body the server knows. */
  UNKNOWN_FRAME: 'UNKNOWN_FRAME',
  /** This frame kind is not something a client may send. */
  UNEXPECTED_FRAME: 'UNEXPECTED_FRAME',
  /** A request other than Auth (or Ping) before authentication. */
  AUTH_REQUIRED: 'AUTH_REQUIRED',
  /** The token is missing, malformed, expired or signed by an unknown key. */
  AUTH_FAILED: 'AUTH_FAILED',
  /** Auth sent on a connection that is already authenticated. */
  ALREADY_AUTHENTICATED: 'ALREADY_AUTHENTICATED',
  /** A field is missing, malformed or out of range; `message` names it. */
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  /** Login with a wrong username or password. */
  BAD_CREDENTIALS: 'BAD_CREDENTIALS',
  /** The user id is taken (register, admin create). */
  USER_EXISTS: 'USER_EXISTS',
  /** The user named does not exist. */
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  /** The conversation does not exist. */
  CONVERSATION_NOT_FOUND: 'CONVERSATION_NOT_FOUND',
  /** The caller is not a member of the conversation. */
  NOT_MEMBER: 'NOT_MEMBER',
  /** A recall came after the recall window, or the message cannot be changed (recalled, an event). */
  MESSAGE_LOCKED: 'MESSAGE_LOCKED',
  /** The message does not exist (or is not visible to the caller). */
  MESSAGE_NOT_FOUND: 'MESSAGE_NOT_FOUND',
  /** The sender is muted in this group, or the group is muted for members. */
  MUTED: 'MUTED',
  /** The group was dismissed by its owner; nothing more can happen in it. */
  GROUP_DISMISSED: 'GROUP_DISMISSED',
  /** One of the two users blocked the other. */
  BLOCKED: 'BLOCKED',
  /** The users are not friends (REMOVE), or the recipient takes 1:1 chats from friends only. */
  NOT_FRIENDS: 'NOT_FRIENDS',
  /** A friend request to someone who is already a friend. */
  ALREADY_FRIENDS: 'ALREADY_FRIENDS',
  /** ACCEPT or REJECT with no pending request from that user. */
  REQUEST_NOT_FOUND: 'REQUEST_NOT_FOUND',
  /** The user is already a member of the group. */
  ALREADY_MEMBER: 'ALREADY_MEMBER',
  /** A clientMsgId was reused for different content or a different conversation. */
  CLIENT_MSG_ID_REUSED: 'CLIENT_MSG_ID_REUSED',
  /** The message body exceeds the configured limit. */
  MESSAGE_TOO_LARGE: 'MESSAGE_TOO_LARGE',
  /** Too many requests; slow down and retry. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The caller lacks the right for this (admin key, role). */
  FORBIDDEN: 'FORBIDDEN',
  /** Nothing at this HTTP route; for instant upload, no file with that content, or no such challenge (spent or expired). */
  NOT_FOUND: 'NOT_FOUND',
  /** The server is draining or its store is unavailable; retry elsewhere or later. */
  UNAVAILABLE: 'UNAVAILABLE',
  /** The peer sent nothing for longer than the heartbeat allows (connection closed, 4004). */
  HEARTBEAT_TIMEOUT: 'HEARTBEAT_TIMEOUT',
  /** The client could not keep up with its pushes (connection closed, 4005); reconnect and sync. */
  SLOW_CONSUMER: 'SLOW_CONSUMER',
  /** A bug or an unexpected failure on the server. The request may be retried. */
  INTERNAL: 'INTERNAL',
  /** No Auth arrived within the server's auth timeout (connection closed, 4002); reconnect and authenticate sooner. */
  AUTH_TIMEOUT: 'AUTH_TIMEOUT',
  /** A newer connection of the same (user, device) took this one's place (connection closed, 4008): do not reconnect automatically. */
  REPLACED: 'REPLACED',
  /** The device policy closed this connection for a newer device of its platform class (connection closed, 4006): do not reconnect automatically. */
  KICKED: 'KICKED',
  /** The server is shutting down (connection closed, 4007): reconnect, to another node if one is listed. */
  DRAINING: 'DRAINING',
  /** The file does not exist, or the caller may not see it (HTTP 404; never 403, so a file's existence is not confirmed). */
  FILE_NOT_FOUND: 'FILE_NOT_FOUND',
  /** The upload does not exist, is someone else's, was terminated, or expired and was reclaimed (HTTP 404). */
  UPLOAD_NOT_FOUND: 'UPLOAD_NOT_FOUND',
  /** The upload expired unfinished; its bytes are being reclaimed (HTTP 410). Start a new one. */
  UPLOAD_EXPIRED: 'UPLOAD_EXPIRED',
  /** A PATCH's Upload-Offset is not the upload's offset (HTTP 409): HEAD for the offset, resume from there. */
  UPLOAD_OFFSET_MISMATCH: 'UPLOAD_OFFSET_MISMATCH',
  /** Another request is writing this upload right now (HTTP 409): retry once it has ended. */
  UPLOAD_BUSY: 'UPLOAD_BUSY',
  /** The Upload-Checksum of a PATCH does not match its bytes (HTTP 460): nothing of that PATCH was kept. */
  CHECKSUM_MISMATCH: 'CHECKSUM_MISMATCH',
  /** The upload is (or would become) larger than the server's maxFileBytes (HTTP 413): nothing of it was kept. */
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  /** The user's upload bytes for today (UTC) are used up (HTTP 429, Retry-After: seconds until the next UTC day). */
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  /** The user has as many unfinished uploads as the server allows (HTTP 429): finish, terminate or let some expire. */
  TOO_MANY_UPLOADS: 'TOO_MANY_UPLOADS',
  /** A tus request without Tus-Resumable: 1.0.0 (HTTP 412; the answer's Tus-Version lists what the server speaks). */
  UNSUPPORTED_TUS_VERSION: 'UNSUPPORTED_TUS_VERSION',
  /** A request body of the wrong Content-Type, e.g. a PATCH not application/offset+octet-stream (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** No range of a Range header lies within the file (HTTP 416; the answer's Content-Range gives the size). */
  RANGE_NOT_SATISFIABLE: 'RANGE_NOT_SATISFIABLE',
  /** An operation the app itself cancelled (an upload's AbortSignal). Set by SDKs; the server never sends it. */
  CANCELLED: 'CANCELLED',
  /** The voice stream does not exist, was cancelled, expired, or the caller may not see it (never a hint that it exists). */
  STREAM_NOT_FOUND: 'STREAM_NOT_FOUND',
  /** The voice stream has ended (or is ending): no more chunks; VoiceEnd again returns the message. */
  STREAM_ENDED: 'STREAM_ENDED',
  /** A chunk's index is not the next one the stream expects, or VoiceEnd's chunk_count is not the chunks received; `message` names the next index. Resend from there. */
  CHUNK_GAP: 'CHUNK_GAP',
  /** A voice chunk is larger than the server's maxVoiceChunkBytes (VoiceState.max_chunk_bytes). */
  CHUNK_TOO_LARGE: 'CHUNK_TOO_LARGE',
  /** The user has as many voice streams open as the server allows: end or cancel one. */
  TOO_MANY_STREAMS: 'TOO_MANY_STREAMS',
  /** The user is on the group's ban list (JOIN, INVITE, accepting an invitation) until an admin lifts the ban. */
  BANNED: 'BANNED',
  /** A cap of the server was reached: members per group, groups per user, friends per user, pending friend requests. */
  LIMIT_REACHED: 'LIMIT_REACHED',
  /** No pending (unexpired) invitation of the caller to that group. */
  INVITATION_NOT_FOUND: 'INVITATION_NOT_FOUND',
  /** A new password is too short, too long, or among the most common passwords (HTTP 400): choose another. */
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  /** No such sign-in session of the caller (or, for an admin, of anyone) that is still active (HTTP 404). */
  SESSION_NOT_FOUND: 'SESSION_NOT_FOUND',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * What the notice asks for. On the wire `code` is a string: the NAME of one of
 * these values; the numbers are never sent. Ignore names you do not know.
 */
export const NoticeCode = {
  /** The server is going away: reconnect (elsewhere if endpoints are given) and sync. */
  RECONNECT: 'RECONNECT',
  /** Pushes to this connection were dropped: run a sync to catch up. */
  RESYNC: 'RESYNC',
  /** Another device took this device's place; do not reconnect automatically. */
  KICKED: 'KICKED',
} as const;
export type NoticeCode = (typeof NoticeCode)[keyof typeof NoticeCode];

/**
 * Message.type and Send.type. Apps may use 1000 and above for their own kinds;
 * 100-999 are events only the server writes (a Send with one is refused).
 */
export const MessageType = {
  /** UTF-8 text. */
  TEXT: 1,
  /** App data: UTF-8 JSON, at most maxCustomBytes. */
  CUSTOM: 2,
  /**
   * Media kinds carry a JSON body naming an uploaded file (docs/PROTOCOL.md §10a):
   * {fileId, size, mime, name, width?, height?, durationMs?, thumbnailId?}.
   */
  IMAGE: 3,
  FILE: 4,
  VOICE: 5,
  VIDEO: 6,
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
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Message.flags bits. */
export const MessageFlag = {
  /** The content is gone (recalled): body empty. */
  RECALLED: 1,
  /** The body is the latest edit. */
  EDITED: 2,
} as const;
export type MessageFlag = (typeof MessageFlag)[keyof typeof MessageFlag];

/** MessageOp.op. */
export const MessageOpKind = {
  /** Delete for everyone. */
  RECALL: 1,
  EDIT: 2,
  REACT: 3,
  UNREACT: 4,
  /** Delete one message for yourself (all your devices). */
  HIDE: 5,
  /** Clear your history of a conversation up to a seq (all your devices). */
  CLEAR: 6,
} as const;
export type MessageOpKind = (typeof MessageOpKind)[keyof typeof MessageOpKind];

/** ConversationState.kind. */
export const ConversationKind = {
  /** 1:1, id "d:<a>:<b>". */
  DIRECT: 1,
  /** A group, id "g:<id>". */
  GROUP: 2,
  /** A user's own notice conversation ("n:<user>"): server-written events only. */
  NOTICES: 3,
} as const;
export type ConversationKind = (typeof ConversationKind)[keyof typeof ConversationKind];

/** ConversationSettings.fields bits: which settings the request sets. */
export const ConversationSetting = {
  PINNED: 1,
  MUTED: 2,
} as const;
export type ConversationSetting = (typeof ConversationSetting)[keyof typeof ConversationSetting];

/** AccountsSessionsRequest.op. */
export const AccountsSessionOp = {
  LIST: 1,
  REVOKE: 2,
  REVOKE_OTHERS: 3,
} as const;
export type AccountsSessionOp = (typeof AccountsSessionOp)[keyof typeof AccountsSessionOp];

/** FriendRequest.op. */
export const FriendOp = {
  REQUEST: 1,
  ACCEPT: 2,
  REJECT: 3,
  REMOVE: 4,
  BLOCK: 5,
  UNBLOCK: 6,
  ALLOW_STRANGERS: 7,
  /** The caller's setting of who may add them to a group (FriendRequest.group_adds). */
  GROUP_ADDS: 8,
} as const;
export type FriendOp = (typeof FriendOp)[keyof typeof FriendOp];

/**
 * Who may add a user to a group (FriendRequest.group_adds, FriendList.group_adds).
 * An add the setting does not allow becomes an invitation the user accepts or declines.
 */
export const GroupAdds = {
  ANYONE: 1,
  FRIENDS: 2,
  NOBODY: 3,
} as const;
export type GroupAdds = (typeof GroupAdds)[keyof typeof GroupAdds];

/** GroupRequest.op. */
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
  /** The caller accepts their invitation to the group (joins it) or declines it. */
  ACCEPT_INVITATION: 12,
  DECLINE_INVITATION: 13,
  /** Owner, admins: put users on the group's ban list (current members of a lower role are removed), or lift bans. */
  BAN: 14,
  UNBAN: 15,
} as const;
export type GroupOp = (typeof GroupOp)[keyof typeof GroupOp];

/**
 * Roles of group members (GroupRequest.role, GroupMember.role,
 * ConversationState.role); a lower number outranks a higher one.
 */
export const GroupRole = {
  OWNER: 1,
  ADMIN: 2,
  MEMBER: 3,
} as const;
export type GroupRole = (typeof GroupRole)[keyof typeof GroupRole];

/** GroupRequest.fields bits for GroupOp INFO: which fields the request sets. */
export const GroupInfoField = {
  NAME: 1,
  AVATAR_URL: 2,
  ANNOUNCEMENT: 4,
  JOINABLE: 8,
} as const;
export type GroupInfoField = (typeof GroupInfoField)[keyof typeof GroupInfoField];

/**
 * WebSocket close codes (4000-4999 are for applications). Not a field of any
 * message: a WebSocket close frame carries it. Raw TCP has no close code: there
 * the Error frame the server sends before every close says why
 * (docs/PROTOCOL.md §8 pairs each with its Error.Code).
 */
export const CloseCode = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  /** An undecodable frame, a text message, too many frames before AuthOk, an unknown protocol version. */
  PROTOCOL_ERROR: 4000,
  /** A bad token or device id: do not retry with the same token. */
  AUTH_FAILED: 4001,
  /** No Auth in time. */
  AUTH_TIMEOUT: 4002,
  /** (TCP: the Error FRAME_TOO_LARGE; a WebSocket message over the limit gets 1009.) */
  FRAME_TOO_LARGE: 4003,
  /** Nothing received for 2.5 heartbeats. */
  HEARTBEAT_TIMEOUT: 4004,
  /** The client did not read its pushes. */
  SLOW_CONSUMER: 4005,
  /** Closed by the device policy for a newer device of the class: do not reconnect automatically. */
  KICKED: 4006,
  /** The server is shutting down: reconnect elsewhere. */
  DRAINING: 4007,
  /** A newer connection of the same (user, device) took over: do not reconnect automatically. */
  REPLACED: 4008,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
