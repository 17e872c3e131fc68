/**
 * Changes to an earlier message: recall (delete for everyone), edit, reactions —
 * each recorded as an event in the conversation's timeline — and the changes a
 * user makes to their own history alone: delete for me, clear history, recorded
 * in their notice conversation.
 *
 * Who may: the target must be a message the actor can see (visibility.ts), not an
 * event, not recalled. Only its sender edits it; its sender recalls it within the
 * recall window, edits it within the edit window; a group's owner and admins
 * recall any message at any time. Any current member who can see a message may
 * react to it. A block stops edits in a 1:1 and reactions across it (see
 * refuseAcrossBlock). Former members may still
 * delete for themselves and clear. An event goes only to the members who can
 * see the message it changes.
 */
import {
  ConversationKind, ErrorCode, GroupRole, MessageFlag, MessageOpKind, MessageType, ParleyError, parseDirectConversationId, SERVER_MESSAGE_TYPE_MIN, type HistoryEvent,
} from '@parley/protocol';
import { pairKey, type ConversationRow, type MemberRow, type WriteTx } from '../store-port.ts';
import type { AppendResult, MessageOpRequest, StoredMessage } from '../types.ts';
import { MessageWriter } from './message-writer.ts';
import { isMediaType } from '../../media/media-body.ts';
import { dropAttachments } from '../../media/rules/attachments.ts';
import { lockNotices, writeNotice } from './notices.ts';
import { applyReaction, digestOf, EVENT_TYPES, reactionBody, reusedError, sameMessageOp } from './records.ts';
import { whoSees } from './recipients.ts';
import { canSee, changesEarlierMessage, firstVisibleSeq, lastVisibleSeq, membersWhoSee } from './visibility.ts';

function fail(code: ErrorCode, message: string): ParleyError {
  return new ParleyError(code, message);
}

/** Recall, edit, react, or change one's own history. Refusals are thrown (the transaction rolls back). */
export async function modifyMessage(tx: WriteTx, req: MessageOpRequest): Promise<AppendResult> {
  const now = Date.now();
  const mine = req.op === MessageOpKind.HIDE || req.op === MessageOpKind.CLEAR;
  // Lock what this op writes to before the dedup lookup, so that a resend through another node waits for this one.
  const notices = mine ? await lockNotices(tx, [req.actorId]) : undefined;
  const conv = mine ? undefined : (await tx.lockConversations([req.conversationId])).get(req.conversationId);
  const original = (await tx.findSent([[req.actorId, req.clientMsgId]])).get(pairKey(req.actorId, req.clientMsgId));
  if (original) {
    if (!sameMessageOp(original.message, req)) throw reusedError(req.clientMsgId);
    return { ok: true, message: original.message, duplicate: true, members: await whoSees(tx, original.message) };
  }
  // Nothing can change in a dismissed group but each member's own history.
  if (conv?.dismissed) throw fail(ErrorCode.GROUP_DISMISSED, `${req.conversationId} was dismissed`);
  const actor = (await tx.memberRows([[req.conversationId, req.actorId]])).get(pairKey(req.conversationId, req.actorId));
  if (!actor || (actor.leftSeq !== null && !mine)) throw fail(ErrorCode.NOT_MEMBER, `not a member of ${req.conversationId}`);
  const writer = new MessageWriter(tx, now);
  if (notices) {
    const message = await changeOwnHistory(tx, writer, notices, req, actor);
    await writer.flush();
    return { ok: true, message, duplicate: false, members: [req.actorId] };
  }
  const target = await tx.getMessage(req.conversationId, req.seq);
  const hiddenBy = await tx.hiddenBy(req.conversationId, req.seq);
  // An event's visibility is the visibility of the message it changes (events cannot be changed, but are not found first).
  const refHiddenBy = target && changesEarlierMessage(target.type) ? await tx.hiddenBy(req.conversationId, target.refSeq) : new Set<string>();
  const hiddenForActor = (seq: number) => (seq === req.seq ? hiddenBy : seq === target?.refSeq ? refHiddenBy : new Set<string>()).has(req.actorId);
  if (!target || !conv || !canSee(actor, hiddenForActor, target)) {
    throw fail(ErrorCode.MESSAGE_NOT_FOUND, `no message ${req.seq} in ${req.conversationId}`);
  }
  if (target.type >= SERVER_MESSAGE_TYPE_MIN) throw fail(ErrorCode.MESSAGE_LOCKED, 'events cannot be recalled, edited or reacted to');
  if (target.flags & MessageFlag.RECALLED) throw fail(ErrorCode.MESSAGE_LOCKED, 'the message was recalled');
  let body: Uint8Array;
  if (req.op === MessageOpKind.REACT || req.op === MessageOpKind.UNREACT) {
    await refuseAcrossBlock(tx, req, conv, target);
    await tx.setReactions(req.conversationId, req.seq, applyReaction(target.reactions, req));
    body = reactionBody(req);
  } else {
    const own = target.senderId === req.actorId;
    let flags: number;
    if (req.op === MessageOpKind.RECALL) {
      const admin = actor.role <= GroupRole.ADMIN && conv.kind === ConversationKind.GROUP;
      if (!own && !admin) throw fail(ErrorCode.FORBIDDEN, 'only the sender or a group admin may recall a message');
      if (!admin && now - target.serverTime > req.recallWindowMs) {
        throw fail(ErrorCode.MESSAGE_LOCKED, `messages can be recalled within ${Math.round(req.recallWindowMs / 1000)} s of sending`);
      }
      body = new Uint8Array(0); // the content is gone for everyone
      flags = target.flags | MessageFlag.RECALLED;
      // So are its files: the message carries them no more (downloads through it end).
      await dropAttachments(tx, req.conversationId, req.seq, now);
    } else {
      if (!own) throw fail(ErrorCode.FORBIDDEN, 'only the sender may edit a message');
      await refuseAcrossBlock(tx, req, conv, target);
      // A media message names a file checked at send; an edit would name another unchecked.
      if (isMediaType(target.type)) throw fail(ErrorCode.MESSAGE_LOCKED, 'a message carrying a file cannot be edited: send a new one');
      if (req.editWindowMs !== undefined && now - target.serverTime > req.editWindowMs) {
        throw fail(ErrorCode.MESSAGE_LOCKED, `messages can be edited within ${Math.round(req.editWindowMs / 1000)} s of sending`);
      }
      body = req.body;
      flags = target.flags | MessageFlag.EDITED;
    }
    // What was first sent is kept as a digest (the first change's), so a resend of the original send is still recognised.
    await tx.updateMessage(req.conversationId, req.seq, { body, flags, sentDigest: digestOf(target.body) });
  }
  const message = writer.append(conv, {
    senderId: req.actorId, senderDevice: req.actorDevice, clientMsgId: req.clientMsgId, type: EVENT_TYPES[req.op]!, body, refSeq: req.seq,
  });
  await writer.flush();
  // Read after the event was stored: each row's maxSeq includes it.
  const rows = await tx.allMemberRows(req.conversationId);
  // Former members who still see the changed message: its new state is a change in their list too.
  const former = membersWhoSee(rows, hiddenBy, target).filter((m) => m.leftSeq !== null);
  if (former.length > 0) await tx.touchRows(former.map((m) => [req.conversationId, m.userId] as const));
  return { ok: true, message, duplicate: false, members: membersWhoSee(rows, hiddenBy, message).map((m) => m.userId) };
}

/**
 * A block stops what would reach the other user through an earlier message: an
 * edit in a 1:1 conversation whose users are blocked (either way), and a
 * reaction to a message of a user with whom the actor has a block either way.
 * Recalls and taking one's own reaction back stay possible: they add nothing.
 */
async function refuseAcrossBlock(tx: WriteTx, req: MessageOpRequest, conv: ConversationRow, target: StoredMessage): Promise<void> {
  let other: string | undefined;
  if (req.op === MessageOpKind.EDIT && conv.kind === ConversationKind.DIRECT) {
    const pair = parseDirectConversationId(conv.id);
    other = pair && (pair[0] === req.actorId ? pair[1] : pair[0]);
  } else if (req.op === MessageOpKind.REACT && target.senderId !== req.actorId) {
    other = target.senderId;
  }
  if (!other || other === req.actorId) return;
  if ((await tx.blocksAmong([[req.actorId, other]])).size > 0) throw fail(ErrorCode.BLOCKED, `you and ${other} are blocked`);
}

/** Delete a message, or clear a history, for the actor alone; recorded in their notice conversation. */
async function changeOwnHistory(
  tx: WriteTx,
  writer: MessageWriter,
  notices: Map<string, ConversationRow>,
  req: MessageOpRequest,
  actor: MemberRow,
): Promise<StoredMessage> {
  if (req.seq < firstVisibleSeq(actor) || req.seq > lastVisibleSeq(actor)) {
    throw fail(ErrorCode.MESSAGE_NOT_FOUND, `no message ${req.seq} in your history of ${req.conversationId}`);
  }
  let event: HistoryEvent;
  if (req.op === MessageOpKind.HIDE) {
    const target = await tx.getMessage(req.conversationId, req.seq);
    // A change to a message the actor cannot see is no message of theirs to delete.
    if (!target || (changesEarlierMessage(target.type) && !canSee(actor, () => false, target))) {
      throw fail(ErrorCode.MESSAGE_NOT_FOUND, `no message ${req.seq} in ${req.conversationId}`);
    }
    if (!(await tx.hide(req.actorId, req.conversationId, req.seq))) throw fail(ErrorCode.INVALID_ARGUMENT, `message ${req.seq} is already deleted for you`);
    // It may have been the last message the user sees there: their sync lists the conversation again.
    await tx.touchRows([[req.conversationId, req.actorId]]);
    event = { op: 'hide', conversationId: req.conversationId, seq: req.seq };
  } else {
    await tx.setClearedSeq(req.conversationId, req.actorId, req.seq);
    event = { op: 'clear', conversationId: req.conversationId, seq: req.seq };
  }
  return writeNotice(tx, writer, notices, req.actorId, {
    clientMsgId: req.clientMsgId, actorId: req.actorId, actorDevice: req.actorDevice, type: MessageType.HISTORY, body: event,
  }, Date.now());
}
