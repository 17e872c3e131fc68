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
 * Lock the notice conversations of these users that exist (in id order): changes
 * that write to one user's notices, or that concern a pair of users, take turns.
 * A notice conversation is created on first write (writeNotice), so a change that
 * writes nothing to a user — a private block — leaves nothing in their sync.
 */
export async function lockNotices(tx: WriteTx, userIds: readonly string[]): Promise<Map<string, ConversationRow>> {
  return tx.lockConversations([...new Set(userIds)].map(noticeConversationId));
}

/** Append a server-written event to `userId`'s notice conversation, creating it on first use. */
export async function writeNotice(
  tx: WriteTx,
  writer: MessageWriter,
  notices: Map<string, ConversationRow>,
  userId: string,
  event: { clientMsgId: string; actorId: string; actorDevice: string; type: number; body: object },
  now: number,
): Promise<StoredMessage> {
  const id = noticeConversationId(userId);
  let conv = notices.get(id);
  if (!conv) {
    await tx.createConversation({ id, kind: ConversationKind.NOTICES, name: '', createdAt: now }, [{ userId, role: GroupRole.MEMBER }]);
    conv = {
      id, kind: ConversationKind.NOTICES, maxSeq: 0, name: '', avatarUrl: '', announcement: '',
      joinable: false, mutedAll: false, dismissed: false, large: false, membersSeq: 0,
    };
    notices.set(id, conv);
  }
  return writer.append(conv, {
    senderId: event.actorId,
    senderDevice: event.actorDevice,
    clientMsgId: event.clientMsgId,
    type: event.type,
    body: eventBody(event.body),
  });
}
