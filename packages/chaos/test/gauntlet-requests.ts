/**
 * The gauntlet's application-frame generator and its oracle.
 *
 * `requestArbitrary` draws a Frame of every body a client can put on the wire —
 * each client → server request of the schema, every server-only body (a client
 * may not send them), and a frame with no body — with fields that are valid,
 * malformed or out of range: naughty strings, empty and oversized strings, lone
 * surrogates (undecodable), uint64s near 2^31, 2^32, 2^53 and 2^64 and negative
 * numbers (encoded as 10-byte varints), unknown enum values, 501-user lists,
 * oversized bodies, conversations the caller is not in, unknown seqs, and
 * clientMsgIds shared across kinds (reuse with other content).
 *
 * `ANSWERS` is the oracle, taken from docs/PROTOCOL.md §2 and §5–7g: for each
 * body, the frame a success is answered with (or none: ack, typing, pong) and
 * the error codes the protocol documents for it. INTERNAL is never allowed: it
 * is a server bug by definition. When the protocol grows a body, add it here
 * and to the generator; the test fails on a body it has no entry for.
 */
import fc from 'fast-check';
import {
  decodeFrame,
  encodeFrame,
  ErrorCode,
  FriendOp,
  GroupOp,
  MessageOpKind,
  MessageType,
  type FrameData,
  type parley,
} from '@parley/protocol';
import { NAUGHTY_STRINGS } from './naughty-strings.ts';

type Code = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface Answer {
  /** The body a success is answered with; undefined: a success is not answered. */
  ok?: string;
  /** Documented error codes for this body. */
  codes: readonly Code[];
  /** True when the body must be answered (by `ok` or an Error). */
  mustAnswer: boolean;
}

const E = ErrorCode;
/** Any request may be refused for load (in-flight limit) or a store that cannot commit. */
const ANY: readonly Code[] = [E.RATE_LIMITED, E.UNAVAILABLE];
const req = (ok: string, codes: Code[]): Answer => ({ ok, codes: [...codes, ...ANY], mustAnswer: true });

/** Server-only bodies: a client sending one gets UNEXPECTED_FRAME. */
export const SERVER_ONLY = [
  'authOk',
  'sendAck',
  'push',
  'syncResult',
  'pullResult',
  'error',
  'notice',
  'groupResult',
  'readState',
  'presenceResult',
  'presenceUpdate',
  'groupInfoResult',
  'friendResult',
  'friendListResult',
  'readersResult',
  'deliveryState',
  'voiceState',
  'voiceChunkAck',
  'voiceEnded',
  'voicePush',
  'consentInvitationsResult',
  'consentBansResult',
  'sessionsResult',
] as const;

/** What an authenticated connection answers to each body (PROTOCOL.md §2, §5–7g, §9). */
export const ANSWERS: Record<string, Answer> = {
  send: req('sendAck', [
    E.INVALID_ARGUMENT, E.MESSAGE_TOO_LARGE, E.USER_NOT_FOUND, E.CONVERSATION_NOT_FOUND, E.NOT_MEMBER, E.FORBIDDEN,
    E.MESSAGE_NOT_FOUND, E.MUTED, E.GROUP_DISMISSED, E.BLOCKED, E.NOT_FRIENDS, E.CLIENT_MSG_ID_REUSED,
  ]),
  sync: req('syncResult', [E.INVALID_ARGUMENT]),
  pull: req('pullResult', [E.INVALID_ARGUMENT, E.NOT_MEMBER]),
  group: req('groupResult', [
    E.INVALID_ARGUMENT, E.CONVERSATION_NOT_FOUND, E.NOT_MEMBER, E.FORBIDDEN, E.ALREADY_MEMBER, E.USER_NOT_FOUND,
    E.GROUP_DISMISSED, E.CLIENT_MSG_ID_REUSED, E.BLOCKED, E.BANNED, E.LIMIT_REACHED, E.INVITATION_NOT_FOUND,
  ]),
  markRead: req('readState', [E.NOT_MEMBER, E.INVALID_ARGUMENT]),
  presence: req('presenceResult', [E.INVALID_ARGUMENT]),
  messageOp: req('sendAck', [
    E.MESSAGE_NOT_FOUND, E.MESSAGE_LOCKED, E.FORBIDDEN, E.NOT_MEMBER, E.INVALID_ARGUMENT, E.MESSAGE_TOO_LARGE,
    E.CLIENT_MSG_ID_REUSED, E.BLOCKED,
  ]),
  groupInfo: req('groupInfoResult', [E.NOT_MEMBER, E.CONVERSATION_NOT_FOUND, E.INVALID_ARGUMENT]),
  friend: req('friendResult', [
    E.INVALID_ARGUMENT, E.USER_NOT_FOUND, E.BLOCKED, E.ALREADY_FRIENDS, E.REQUEST_NOT_FOUND, E.NOT_FRIENDS,
    E.CLIENT_MSG_ID_REUSED, E.LIMIT_REACHED,
  ]),
  friendList: req('friendListResult', []),
  settings: req('sendAck', [E.INVALID_ARGUMENT, E.NOT_MEMBER, E.CLIENT_MSG_ID_REUSED]),
  readers: req('readersResult', [E.NOT_MEMBER, E.INVALID_ARGUMENT]),
  // Voice streams (§10b): the send rules decide who may stream; a stream is an upload underneath.
  voiceStart: req('voiceState', [
    E.INVALID_ARGUMENT, E.CONVERSATION_NOT_FOUND, E.NOT_MEMBER, E.FORBIDDEN, E.MUTED, E.GROUP_DISMISSED, E.BLOCKED, E.TOO_MANY_STREAMS,
  ]),
  voiceChunk: req('voiceChunkAck', [
    E.INVALID_ARGUMENT, E.STREAM_NOT_FOUND, E.STREAM_ENDED, E.CHUNK_GAP, E.CHUNK_TOO_LARGE, E.CONVERSATION_NOT_FOUND, E.NOT_MEMBER, E.FORBIDDEN,
    E.MUTED, E.GROUP_DISMISSED, E.BLOCKED, E.FILE_TOO_LARGE, E.QUOTA_EXCEEDED, E.UPLOAD_BUSY, E.UPLOAD_OFFSET_MISMATCH, E.UPLOAD_EXPIRED,
  ]),
  voiceEnd: req('voiceEnded', [
    E.INVALID_ARGUMENT, E.STREAM_NOT_FOUND, E.CHUNK_GAP, E.CHECKSUM_MISMATCH, E.UPLOAD_BUSY, E.UPLOAD_EXPIRED, E.NOT_MEMBER, E.FORBIDDEN,
    E.MUTED, E.GROUP_DISMISSED, E.BLOCKED, E.CONVERSATION_NOT_FOUND, E.FILE_NOT_FOUND,
  ]),
  voiceCancel: req('voiceState', [E.STREAM_NOT_FOUND, E.STREAM_ENDED, E.UPLOAD_BUSY]),
  voiceFetch: req('voicePush', [E.STREAM_NOT_FOUND, E.INVALID_ARGUMENT]),
  // Consent (§7a) and sign-in sessions (§10c).
  consentInvitations: req('consentInvitationsResult', [E.INVALID_ARGUMENT]),
  consentBans: req('consentBansResult', [E.INVALID_ARGUMENT, E.CONVERSATION_NOT_FOUND, E.NOT_MEMBER, E.FORBIDDEN, E.GROUP_DISMISSED]),
  sessions: req('sessionsResult', [E.INVALID_ARGUMENT, E.SESSION_NOT_FOUND]),
  ping: { ok: 'pong', codes: [], mustAnswer: true },
  // Answered only when they fail.
  ack: { codes: [E.INVALID_ARGUMENT], mustAnswer: false },
  typing: { codes: [E.NOT_MEMBER, E.INVALID_ARGUMENT, E.RATE_LIMITED], mustAnswer: false },
  pong: { codes: [], mustAnswer: false },
  // A second Auth on an authenticated connection.
  auth: { codes: [E.ALREADY_AUTHENTICATED], mustAnswer: true },
  // No body this server knows.
  none: { codes: [E.UNKNOWN_FRAME], mustAnswer: true },
  ...Object.fromEntries(SERVER_ONLY.map((k) => [k, { codes: [E.UNEXPECTED_FRAME], mustAnswer: true } satisfies Answer])),
};

/** Before AuthOk: every request but ping (and auth) is AUTH_REQUIRED (PROTOCOL.md §3). */
export function answerBeforeAuth(kind: string): Answer {
  if (kind === 'ping' || kind === 'pong' || kind === 'none' || SERVER_ONLY.includes(kind as (typeof SERVER_ONLY)[number])) return ANSWERS[kind]!;
  return { codes: [E.AUTH_REQUIRED], mustAnswer: true };
}

export function kindOf(frame: FrameData | parley.Frame): string {
  return ((frame as parley.Frame).body as string | undefined) ?? Object.keys(frame).find((k) => k !== 'id') ?? 'none';
}

/** Whether the server can decode the frame (strings with lone surrogates cannot be). */
export function decodable(bytes: Uint8Array): boolean {
  try {
    decodeFrame(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Check one answer against the oracle; returns a complaint, or undefined when it is documented. */
export function judge(kind: string, answer: parley.Frame, expected: Answer = ANSWERS[kind]!): string | undefined {
  if (!expected) return `no oracle entry for a ${kind} frame`;
  if (answer.body === 'error') {
    const code = answer.error?.code ?? '';
    if (code === E.INTERNAL) return `${kind} → INTERNAL (a server bug): ${answer.error?.message}`;
    if (!expected.codes.includes(code as Code)) return `${kind} → ${code} (${answer.error?.message}), not a documented code for it (${expected.codes.join(', ')})`;
    return undefined;
  }
  if (expected.ok === undefined || answer.body !== expected.ok) return `${kind} answered with ${answer.body}, expected ${expected.ok ?? 'an Error or nothing'}`;
  return undefined;
}

/** The world the generator aims at: users and conversations set up before the gauntlet. */
export interface World {
  users: readonly string[];
  conversations: readonly string[];
}

const naughty = fc.constantFrom(...NAUGHTY_STRINGS);
const oversized = fc.constantFrom(65, 129, 161, 257, 1025, 4097, 16_385).map((n) => 'y'.repeat(n));
const text = fc.oneof(
  { weight: 3, arbitrary: naughty },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: oversized },
);
/** uint64 values: small, at 32/53/64-bit edges, and negative (a 10-byte varint, decoded near 2^64). */
const u64 = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 5, 8, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1, 2 ** 53, 2 ** 63, 2 ** 64 - 2 ** 11, -1, -(2 ** 31), Number.MIN_SAFE_INTEGER),
  fc.nat({ max: 50 }),
  fc.maxSafeNat(),
);
/** uint32 values: enum values known and unknown, edges, negative (wraps to 2^32 - n). */
const u32 = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 99, 100, 101, 106, 999, 1000, 2 ** 31, 2 ** 32 - 1, -1),
  fc.nat({ max: 2 ** 32 - 1 }),
);
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 48 }),
  fc.constantFrom('{"a":1}', '[]', 'null', '{', '"\\ud800"', 'plain').map((s) => new TextEncoder().encode(s)),
  fc.constantFrom(4097, 16_385).map((n) => new Uint8Array(n).fill(0x7b)),
);
const bool = fc.boolean();
const emoji = fc.oneof(fc.constantFrom('👍', '❤️', '🏳️‍🌈', 'a b', '', 'x'.repeat(33), '\u0000', '\u200b'), text);
const opOf = (kinds: Record<string, number>) => fc.oneof(fc.constantFrom(...Object.values(kinds)), u32);
const messageType = fc.oneof(fc.constantFrom(...Object.values(MessageType), 1000, 65_535), u32);

export function requestArbitrary(world: World): fc.Arbitrary<FrameData> {
  const user = fc.oneof(fc.constantFrom(...world.users, 'nobody-here', 'F1'), text);
  const users = fc.oneof(
    { weight: 6, arbitrary: fc.array(user, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: 501 }, (_, i) => `u${i}`)) },
  );
  const conversation = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...world.conversations) }, { weight: 2, arbitrary: text });
  const clientMsgId = fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom('fixed-a', 'fixed-b', 'fixed-c') }, { weight: 1, arbitrary: text });
  // Half the time every field is there (so requests get past the first check and
  // reach the store), half the time any of them may be missing.
  const rec = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) => fc.oneof(fc.record(fields, { requiredKeys: [] }), fc.record(fields));
  const known = <T>(good: fc.Arbitrary<T>, any: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: any });
  const knownConversation = known(fc.constantFrom(...world.conversations), conversation);
  const seq = known(fc.integer({ min: 1, max: 8 }), u64);
  const streamId = known(fc.constantFrom('AAAAAAAAAAAAAAAAAAAAAA', 'voice-stream-id-of-nobody'), text);
  const body = (name: string, arb: fc.Arbitrary<unknown>) => arb.map((v) => ({ [name]: v }) as FrameData);
  return fc.oneof(
    body('send', rec({ conversationId: conversation, to: user, clientMsgId, type: messageType, body: bytes, mentions: users, mentionAll: bool, replyTo: u64 })),
    // Sends that are well-formed but for one field or two, so the store is reached.
    body('send', fc.record({ conversationId: knownConversation, clientMsgId, type: known(fc.constant(MessageType.TEXT), messageType), body: known(fc.constant(new Uint8Array([104, 105])), bytes), replyTo: known(fc.constant(0), seq) }, { requiredKeys: ['conversationId', 'clientMsgId', 'type'] })),
    body('ack', rec({ conversationId: conversation, seq: u64 })),
    body('sync', rec({ token: fc.oneof(text, fc.base64String({ maxLength: 40 })) })),
    body('pull', rec({ conversationId: knownConversation, fromSeq: seq, toSeq: u64, limit: u32 })),
    body('group', rec({
      op: opOf(GroupOp), conversationId: knownConversation, users, name: known(fc.constant('a group'), text), clientMsgId, avatarUrl: fc.oneof(text, fc.constantFrom('https://x.test/a.png', 'javascript:alert(1)')),
      announcement: text, role: u32, mutedUntil: u64, on: bool, fields: u32, joinable: bool,
    })),
    body('group', fc.record({
      op: known(fc.constantFrom(...Object.values(GroupOp)), u32), conversationId: knownConversation, clientMsgId,
      users: known(fc.constantFrom<string[]>(['f1'], ['f2'], ['f3'], ['f2', 'f3']), users), name: fc.constant('a group'),
      fields: known(fc.constantFrom(1, 4, 8), u32), role: known(fc.constantFrom(2, 3), u32), mutedUntil: known(fc.constant(0), u64), on: bool, joinable: bool,
    }, { requiredKeys: ['op', 'conversationId', 'clientMsgId', 'users'] })),
    body('markRead', rec({ conversationId: knownConversation, seq })),
    body('typing', rec({ conversationId: conversation, typing: bool, userId: user })),
    body('presence', rec({ users, subscribe: bool })),
    body('messageOp', rec({ op: opOf(MessageOpKind), conversationId: knownConversation, seq, body: bytes, clientMsgId, emoji })),
    body('groupInfo', rec({ conversationId: conversation })),
    body('friend', rec({ op: opOf(FriendOp), userId: known(fc.constantFrom(...world.users), user), note: text, clientMsgId, allow: bool })),
    body('friendList', fc.constant({})),
    body('settings', rec({ conversationId: knownConversation, fields: known(fc.constantFrom(1, 2, 3), u32), pinned: bool, muted: bool, clientMsgId })),
    body('readers', rec({ conversationId: knownConversation, seq, limit: u32 })),
    body('voiceStart', rec({ conversationId: knownConversation, mime: known(fc.constant('audio/ogg; codecs=opus'), text) })),
    body('voiceChunk', rec({ streamId, index: known(fc.nat({ max: 3 }), u32), data: bytes })),
    body('voiceEnd', rec({ streamId, chunkCount: u32, durationMs: u32, sha256: bytes })),
    body('voiceCancel', rec({ streamId })),
    body('voiceFetch', rec({ streamId, index: u32 })),
    body('consentInvitations', fc.constant({})),
    body('consentBans', rec({ conversationId: knownConversation })),
    // Sessions: list, sign out a session that is not this connection's (an empty id would be this
    // connection's own: it would end the connection the test pipelines on), or an unknown op.
    body('sessions', fc.oneof(fc.constant({ op: 1 }), fc.record({ op: fc.constant(2), sessionId: fc.string({ minLength: 1, maxLength: 40 }) }), fc.record({ op: fc.integer({ min: 4, max: 1000 }) }))),
    body('ping', rec({ time: u64 })),
    body('pong', rec({ time: u64 })),
    body('auth', rec({ token: text, deviceId: text, platform: text, protocolVersion: u32 })),
    fc.constantFrom(...SERVER_ONLY).chain((k) => fc.constantFrom<FrameData>({ [k]: {} }, { [k]: { conversationId: 'd:a:b', seq: 1 } } as FrameData)),
    fc.constant<FrameData>({}),
  );
}

/** An Auth frame that may be wrong in any field; `expect` says what the server must do with it. */
export function authArbitrary(validToken: string): fc.Arbitrary<parley.IAuth> {
  return fc.record(
    {
      token: fc.oneof(fc.constant(validToken), text, fc.constant(validToken.slice(0, -2) + 'xx')),
      deviceId: fc.oneof(fc.constantFrom('dev-ok', 'a:b.c_d-e', 'x'.repeat(64)), text),
      platform: text,
      protocolVersion: fc.oneof(fc.constantFrom(0, 1), u32),
    },
    { requiredKeys: [] },
  );
}

/** Encode, then tell whether the server will be able to decode it. */
export function encoded(frame: FrameData): { bytes: Uint8Array; ok: boolean } {
  const bytes = encodeFrame(frame);
  return { bytes, ok: decodable(bytes) };
}
