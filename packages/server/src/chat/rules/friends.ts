/**
 * Friends, requests, blocks and the stranger setting. Each change is one
 * transaction with the FRIEND events that record it: in the actor's notice
 * conversation, and in the other user's when it concerns them (a request, an
 * answer, a removal). A block is private: the blocked user learns only that the
 * friendship ended, if there was one. Asking someone who already asked you is
 * accepting; asking again while one's request waits is a no-op (no new event).
 * The group-adds setting (who may put the user into a group) is recorded like
 * the stranger setting.
 */
import { ErrorCode, FriendOp, MessageType, ParleyError, type FriendEvent } from '@parley/protocol';
import { pairKey, type WriteTx } from '../store-port.ts';
import type { FriendChangeRequest, FriendChangeResult, StoredMessage } from '../types.ts';
import { checkFriendCap, checkPendingRequests, isGroupAdds, type ConsentOptions } from './consent.ts';
import { MessageWriter } from './message-writer.ts';
import { lockNotices, writeNotice } from './notices.ts';
import { FRIEND_OP_NAMES, peerKey, reusedError, sameFriendChange } from './records.ts';

function fail(code: ErrorCode, message: string): ParleyError {
  return new ParleyError(code, message);
}

/** Refusals are thrown (the transaction rolls back). */
export async function changeFriends(tx: WriteTx, req: FriendChangeRequest, consent: ConsentOptions): Promise<FriendChangeResult> {
  const me = req.actorId;
  const them = req.userId;
  const now = Date.now();
  const pair = req.op !== FriendOp.ALLOW_STRANGERS && req.op !== FriendOp.GROUP_ADDS;
  // Both users' notice conversations, locked in id order: changes between one pair of users take turns.
  const notices = await lockNotices(tx, pair && them !== me ? [me, them] : [me]);
  const sent = await tx.findSent([[me, req.clientMsgId], [me, peerKey(req.clientMsgId)]]);
  const original = sent.get(pairKey(me, req.clientMsgId));
  if (original) {
    if (!sameFriendChange(original.message, req)) throw reusedError(req.clientMsgId);
    const copies = [original, sent.get(pairKey(me, peerKey(req.clientMsgId)))].filter((c) => c !== undefined);
    const members = await tx.currentMembers(copies.map((c) => c.message.conversationId));
    return { ok: true, duplicate: true, events: copies.map((c) => ({ message: c.message, members: members.get(c.message.conversationId) ?? [] })) };
  }
  if (pair) {
    if (them === me) throw fail(ErrorCode.INVALID_ARGUMENT, 'that is you');
    if ((await tx.existingUsers([them])).size === 0) throw fail(ErrorCode.USER_NOT_FOUND, `no user ${them}`);
  }
  const writer = new MessageWriter(tx, now);
  const events: { message: StoredMessage; members: readonly string[] }[] = [];
  const write = async (userId: string, clientMsgId: string, body: FriendEvent) => {
    const message = await writeNotice(tx, writer, notices, userId, { clientMsgId, actorId: me, actorDevice: req.actorDevice, type: MessageType.FRIEND, body }, now);
    events.push({ message, members: [userId] });
  };
  const blockedEitherWay = async () => (await tx.blocksAmong([[me, them]])).size > 0;
  const befriend = async () => {
    await checkFriendCap(tx, [me, them], consent);
    await tx.addFriendship(me, them, now);
    await tx.deleteFriendRequest(me, them);
    await tx.deleteFriendRequest(them, me);
  };
  const op = FRIEND_OP_NAMES[req.op]!;
  // Who hears of it: both users, or only the actor (blocks and settings are private).
  let event: FriendEvent = { op, from: me, to: them };
  let both = true;
  switch (req.op) {
    case FriendOp.REQUEST:
      if (await blockedEitherWay()) throw fail(ErrorCode.BLOCKED, `you and ${them} cannot be friends: blocked`);
      if (await tx.isFriend(me, them)) throw fail(ErrorCode.ALREADY_FRIENDS, `${them} is already your friend`);
      if ((await tx.friendRequest(them, me)) !== undefined) {
        // They asked first: asking back is accepting.
        await befriend();
        event = { op: 'accept', from: me, to: them };
      } else if ((await tx.friendRequest(me, them)) !== undefined) {
        // Asking again while the request waits changes nothing, and tells no one again.
        return { ok: true, duplicate: true, events: [] };
      } else {
        await checkPendingRequests(tx, me, consent);
        await tx.putFriendRequest(me, them, req.note, now);
        event.note = req.note;
      }
      break;
    case FriendOp.ACCEPT:
    case FriendOp.REJECT:
      if ((await tx.friendRequest(them, me)) === undefined) throw fail(ErrorCode.REQUEST_NOT_FOUND, `no pending friend request from ${them}`);
      if (req.op === FriendOp.ACCEPT) await befriend();
      else await tx.deleteFriendRequest(them, me);
      break;
    case FriendOp.REMOVE:
      if (!(await tx.isFriend(me, them))) throw fail(ErrorCode.NOT_FRIENDS, `${them} is not your friend`);
      await tx.removeFriendship(me, them);
      break;
    case FriendOp.BLOCK:
      // Blocking ends the friendship (they learn that much, as a removal) and any requests.
      if (await tx.isFriend(me, them)) {
        await tx.removeFriendship(me, them);
        await write(them, peerKey(req.clientMsgId), { op: 'remove', from: me, to: them });
      }
      await tx.deleteFriendRequest(me, them);
      await tx.deleteFriendRequest(them, me);
      await tx.addBlock(me, them, now);
      both = false;
      break;
    case FriendOp.UNBLOCK:
      await tx.removeBlock(me, them);
      both = false;
      break;
    case FriendOp.ALLOW_STRANGERS:
      await tx.setAllowStrangers(me, req.allow);
      event = { op, from: me, to: '', allow: req.allow };
      both = false;
      break;
    case FriendOp.GROUP_ADDS:
      if (!isGroupAdds(req.groupAdds ?? 0)) throw fail(ErrorCode.INVALID_ARGUMENT, 'groupAdds must be 1 ANYONE, 2 FRIENDS or 3 NOBODY');
      await tx.setGroupAdds(me, req.groupAdds!);
      event = { op, from: me, to: '', groupAdds: req.groupAdds };
      both = false;
      break;
  }
  await write(me, req.clientMsgId, event);
  if (both) await write(them, peerKey(req.clientMsgId), event);
  await writer.flush();
  return { ok: true, duplicate: false, events };
}
