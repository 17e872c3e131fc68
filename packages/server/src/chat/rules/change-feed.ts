/**
 * A page of a user's change feed: the conversations that changed for them after
 * their sync cursor, oldest change first.
 *
 * A conversation's change version, for one member, is their member row's
 * version — except in a large group while they are a member, where it is the
 * later of their row's (their own changes: join, read, settings) and the
 * conversation's (its messages, which stamp the conversation alone). The store
 * gives the feed as two index ranges, each sorted by that version and cut at the
 * page size plus one (StorePort.changesSince): member rows whose version is their
 * row's, by the user's member-row index; and large groups whose version is the
 * conversation's, by the index of large conversations' versions. Every
 * conversation is in exactly one of them, so their merge by (version, id), cut at
 * the page size, is the page one query over both would give: nothing after the
 * cursor is skipped, nothing is listed twice, and the next page starts after the
 * last entry taken.
 */
import { ConversationKind, parseDirectConversationId } from '@parley/protocol';
import type { ChangeParts, ChangeRow } from '../store-port.ts';
import type { ChangeCursor, ChangePage, ConversationState } from '../types.ts';

function byPosition(a: ChangeRow, b: ChangeRow): number {
  return a.version - b.version || (a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0);
}

/** The conversation as the member sees it. */
function stateOf(r: ChangeRow): ConversationState {
  const left = r.leftSeq !== null;
  return {
    conversationId: r.conversationId,
    kind: r.kind,
    maxSeq: r.leftSeq ?? r.maxSeq,
    joinSeq: r.joinSeq,
    members: parseDirectConversationId(r.conversationId) ?? [],
    name: r.name,
    left,
    readSeq: r.readSeq,
    unread: r.unread,
    avatarUrl: r.avatarUrl,
    announcement: r.announcement,
    joinable: r.joinable,
    mutedAll: r.mutedAll,
    role: !left && r.kind === ConversationKind.GROUP ? r.role : 0,
    mutedUntil: r.mutedUntil,
    dismissed: r.dismissed,
    unreadMentions: r.unreadMentions,
    clearedSeq: r.clearedSeq,
    pinned: r.pinned,
    muted: r.muted,
    peerReadSeq: r.peerReadSeq,
    peerDeliveredSeq: r.peerDeliveredSeq,
    lastMessage: r.lastMessage,
  };
}

/** Merge the two ranges (each sorted and cut at `limit` + 1 rows) into one page of at most `limit` entries. */
export function changePage(parts: ChangeParts, after: ChangeCursor, limit: number): ChangePage {
  const rows = [...parts.members, ...parts.large].sort(byPosition);
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const last = rows[rows.length - 1];
  return {
    conversations: rows.map(stateOf),
    next: last ? { version: last.version, conversationId: last.conversationId } : after,
    more,
    withheld: parts.withheld,
  };
}
