/**
 * The checks every request passes at the edge, before it reaches a store: each
 * id of its documented character set, each text well-formed (no lone surrogates,
 * no NUL or other control characters) and within its length, each content valid
 * for its type. A value that passes is one every store can hold as it is, so one
 * request can never make a store refuse a transaction that carries others too.
 */
import { ErrorCode, Limits, MessageType, ParleyError } from '@parley/protocol';

export function invalid(message: string): ParleyError {
  return new ParleyError(ErrorCode.INVALID_ARGUMENT, message);
}

/** `op` must be one of the values of `kinds` (an op enum of the protocol). */
export function checkOp(kinds: Readonly<Record<string, number>>, op: number): void {
  if (!Object.values(kinds).includes(op)) throw invalid(`op must be one of ${Object.entries(kinds).map(([k, v]) => `${v} ${k}`).join(', ')}`);
}

export function checkClientMsgId(id: string): void {
  if (!Limits.CLIENT_MSG_ID.test(id)) throw invalid('clientMsgId must be 1..64 printable ASCII characters');
}

export function checkConversationId(id: string): void {
  if (!Limits.CONVERSATION_ID.test(id)) throw invalid('conversationId must be 1..160 characters of A-Z a-z 0-9 _ . @ : -');
}

export function checkUserId(id: string, field = 'userId'): void {
  if (!Limits.USER_ID.test(id)) throw invalid(`${field} "${id.slice(0, 70)}" is not a valid user id (1..64 characters of A-Z a-z 0-9 _ . @ -)`);
}

/** C0 controls but tab, newline and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Every C0 and C1 control, DEL. */
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A free text of at most `max` characters: well-formed Unicode without NUL or
 * other control characters (line breaks and tabs only where `multiline`).
 */
export function checkText(field: string, value: string, max: number, options: { multiline?: boolean } = {}): void {
  if (value.length > max) throw invalid(`${field} must be at most ${max} characters`);
  if (!value.isWellFormed()) throw invalid(`${field} must be well-formed Unicode (no lone surrogates)`);
  if ((options.multiline ? CONTROL : ANY_CONTROL).test(value)) {
    throw invalid(`${field} must not contain control characters${options.multiline ? ' (other than tab and line breaks)' : ''}`);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** TEXT must be UTF-8; CUSTOM must be UTF-8 JSON within its own size limit. Every path that stores content checks it. */
export function checkContent(type: number, body: Uint8Array, maxCustomBytes: number): void {
  if (type !== MessageType.TEXT && type !== MessageType.CUSTOM) return;
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    throw invalid(`a ${type === MessageType.TEXT ? 'TEXT' : 'CUSTOM'} body must be UTF-8`);
  }
  if (type === MessageType.CUSTOM) {
    if (body.length > maxCustomBytes) throw new ParleyError(ErrorCode.MESSAGE_TOO_LARGE, `a CUSTOM body may be at most ${maxCustomBytes} bytes`);
    try {
      JSON.parse(text);
    } catch {
      throw invalid('a CUSTOM body must be JSON');
    }
  }
}
