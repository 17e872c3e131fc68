/**
 * Stable error codes. Clients branch on `code`, never on `message`. Each code says
 * whether retrying the same request later can succeed; the gateway maps codes to
 * error frames and close codes in one place.
 */
export const ErrorCode = {
  /** The bytes were not a valid Frame. */
  BAD_FRAME: 'BAD_FRAME',
  /** A frame (or its TCP length prefix) exceeds the server's max_frame_bytes. */
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
  /** Nothing at this HTTP route. */
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
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  ErrorCode.RATE_LIMITED,
  ErrorCode.UNAVAILABLE,
  ErrorCode.DRAINING,
  ErrorCode.INTERNAL,
]);

export function isRetryable(code: string): boolean {
  return RETRYABLE.has(code as ErrorCode);
}

/**
 * WebSocket close codes (4000–4999 are for applications). Raw TCP has no close
 * code: there the Error frame the server sends before every close (id 0, or the
 * Auth's id when it refuses an Auth) says why; on WebSocket it comes before the
 * close code too (PROTOCOL.md §8).
 */
export const CloseCode = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  PROTOCOL_ERROR: 4000,
  AUTH_FAILED: 4001,
  AUTH_TIMEOUT: 4002,
  FRAME_TOO_LARGE: 4003,
  HEARTBEAT_TIMEOUT: 4004,
  SLOW_CONSUMER: 4005,
  KICKED: 4006,
  DRAINING: 4007,
  /** A newer connection of the same (user, device) took over. */
  REPLACED: 4008,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** The one error class of Parley: a stable code, a human message, an optional cause. */
export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; retryable?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ParleyError';
    this.code = code;
    this.retryable = options?.retryable ?? isRetryable(code);
  }
}
