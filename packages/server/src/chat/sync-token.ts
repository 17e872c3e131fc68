/**
 * Sync tokens: opaque to clients, they name a position in a user's change feed of
 * one store. A token minted by another store (a wiped data dir, another cluster)
 * is treated as empty, so the client gets a full listing instead of silence.
 */
import { ErrorCode, Limits, ParleyError } from '@parley/protocol';
import type { ChangeCursor } from './types.ts';

const PREFIX = 'p1';
const START: ChangeCursor = { version: 0, conversationId: '' };

export function encodeSyncToken(storeId: string, cursor: ChangeCursor): string {
  const payload = JSON.stringify([storeId, cursor.version, cursor.conversationId]);
  return `${PREFIX}.${Buffer.from(payload).toString('base64url')}`;
}

export function decodeSyncToken(storeId: string, token: string): ChangeCursor {
  if (token === '') return START;
  const dot = token.indexOf('.');
  if (token.length > 1024 || dot < 0 || token.slice(0, dot) !== PREFIX) {
    throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'sync token is malformed');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token.slice(dot + 1), 'base64url').toString('utf8'));
  } catch {
    throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'sync token is malformed');
  }
  if (
    !Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[0] !== 'string' ||
    !Number.isSafeInteger(parsed[1]) || parsed[1] < 0 || typeof parsed[2] !== 'string' ||
    (parsed[2] !== '' && !Limits.CONVERSATION_ID.test(parsed[2]))
  ) {
    throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'sync token is malformed');
  }
  if (parsed[0] !== storeId) return START;
  return { version: parsed[1] as number, conversationId: parsed[2] };
}
