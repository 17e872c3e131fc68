/**
 * Who gets a stored message pushed when it is not a new one: the original of a
 * resend (republished in case a crash came between its commit and its fan-out)
 * and an event that changes an earlier message. Only the members, current or
 * former, who may see it (visibility.ts): a resend never reaches someone who
 * joined after the message, an edit never reaches someone who cannot see what it edits.
 */
import type { WriteTx } from '../store-port.ts';
import type { StoredMessage } from '../types.ts';
import { aboutSeq, membersWhoSee } from './visibility.ts';

export async function whoSees(tx: WriteTx, message: StoredMessage): Promise<string[]> {
  const rows = await tx.allMemberRows(message.conversationId);
  const hidden = await tx.hiddenBy(message.conversationId, aboutSeq(message));
  return membersWhoSee(rows, hidden, message).map((m) => m.userId);
}
