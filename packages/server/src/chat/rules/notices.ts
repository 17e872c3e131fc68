/**
 * Notice conversations (`n:<user>`): each user's own timeline of server-written
 * events that concern them alone — friend changes, deletions and clears of their
 * history, their conversation settings. Being ordinary conversations, they get
 * the whole delivery contract.
 */
import { ConversationKind, GroupRole, noticeConversationId } from '@parley/protocol';
import type { ConversationRow, WriteTx } from '../store-port.ts';
import { eventBody } from './records.ts';
import type { MessageWriter } from './message-writer.ts';
import type { StoredMessage } from '../types.ts';

/**
 * Lock the notice conversations of these users (in id order, with any other
 * conversation the caller locks in the same call), creating those that do not
 * exist yet. Changes that write to one user's notices take turns.
 */
export async function lockNotices(tx: WriteTx, userIds: readonly string[], now: number): Promise<Map<string, ConversationRow>> {
  const locked = await tx.lockConversations([...new Set(userIds)].map(noticeConversationId));
  for (const userId of [...new Set(userIds)].sort()) {
    const id = noticeConversationId(userId);
    if (locked.has(id)) continue;
    await tx.createConversation({ id, kind: ConversationKind.NOTICES, name: '', createdAt: now }, [{ userId, role: GroupRole.MEMBER }]);
    locked.set(id, {
      id, kind: ConversationKind.NOTICES, maxSeq: 0, name: '', avatarUrl: '', announcement: '',
      joinable: false, mutedAll: false, dismissed: false, large: false, membersSeq: 0,
    });
  }
  return locked;
}

/** Append a server-written event to `userId`'s notice conversation (locked by lockNotices). */
export function writeNotice(
  writer: MessageWriter,
  notices: ReadonlyMap<string, ConversationRow>,
  userId: string,
  event: { clientMsgId: string; actorId: string; actorDevice: string; type: number; body: object },
): StoredMessage {
  const conv = notices.get(noticeConversationId(userId))!;
  return writer.append(conv, {
    senderId: event.actorId,
    senderDevice: event.actorDevice,
    clientMsgId: event.clientMsgId,
    type: event.type,
    body: eventBody(event.body),
  });
}
