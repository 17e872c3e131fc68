/**
 * Who may see which message of a conversation: one rule, used everywhere a
 * message reaches a member — its push (the recipients of an event), pulls and
 * history pages, the target of a recall, edit, reaction or delete-for-me — so
 * that no path can show what another hides. The change feed's SQL (unread counts
 * and the last message, in store/change-feed-sql.ts) counts and picks only
 * messages that stand on their own, never the events below, and bounds them by
 * the same range.
 *
 * A member sees the seqs after their join point and after what they cleared, up
 * to their leave event (or the conversation's end while a member), except those
 * they deleted for themselves. An event that changes an earlier message (recall,
 * edit, reaction) follows the message it changes: whoever may not see that
 * message may not see its change either — not the new text of an edit of a
 * message sent before they joined, not a reaction to one they deleted.
 */
import { MessageType } from '@parley/protocol';

/** What bounds one member's view of a conversation. */
export interface MemberView {
  joinSeq: number;
  clearedSeq: number;
  /** Their leave event, or null while a member. */
  leftSeq: number | null;
  /** The conversation's highest seq. */
  maxSeq: number;
}

/** The lowest seq the member may see. */
export function firstVisibleSeq(view: MemberView): number {
  return Math.max(view.joinSeq, view.clearedSeq) + 1;
}

/** The highest seq the member may see. */
export function lastVisibleSeq(view: MemberView): number {
  return view.leftSeq ?? view.maxSeq;
}

/** Whether `seq` lies in the member's visible range (before deletions for themselves). */
export function inVisibleRange(view: MemberView, seq: number): boolean {
  return seq >= firstVisibleSeq(view) && seq <= lastVisibleSeq(view);
}

/** Event types that change an earlier message (`refSeq`) rather than stand on their own. */
export function changesEarlierMessage(type: number): boolean {
  return type === MessageType.RECALL || type === MessageType.EDIT || type === MessageType.REACTION;
}

/**
 * Whether a member may see `message`. `hidden` says which seqs they deleted for
 * themselves (it is asked about the message and, for an event, the message it changes).
 */
export function canSee(view: MemberView, hidden: (seq: number) => boolean, message: { seq: number; type: number; refSeq: number }): boolean {
  const shown = (seq: number) => inVisibleRange(view, seq) && !hidden(seq);
  return shown(message.seq) && (!changesEarlierMessage(message.type) || shown(message.refSeq));
}

/** The seq whose deletion-for-oneself hides `message`: the message it changes, for an event; itself otherwise. */
export function aboutSeq(message: { seq: number; type: number; refSeq: number }): number {
  return changesEarlierMessage(message.type) ? message.refSeq : message.seq;
}

/**
 * Those of `members` (current or former) who may see `message`: who gets it
 * pushed. `hiddenBy` are the users who deleted `aboutSeq(message)` for themselves.
 */
export function membersWhoSee<M extends MemberView & { userId: string }>(
  members: readonly M[],
  hiddenBy: ReadonlySet<string>,
  message: { seq: number; type: number; refSeq: number },
): M[] {
  const about = aboutSeq(message);
  return members.filter((m) => canSee(m, (seq) => seq === about && hiddenBy.has(m.userId), message));
}
