/**
 * Every rule of a group: creation, who may invite, kick, leave, join, change the
 * info, give roles, transfer ownership, dismiss, mute; where a member's view
 * starts and ends; when a group becomes large. Each change is one transaction
 * with the MEMBERSHIP event that records it in the group's timeline.
 *
 * Join and leave points: a member added at event seq N sees seqs from N on (their
 * join point is N − 1: they see their own join event); a member removed at event
 * seq N sees up to N (their own removal) and nothing after. A member added again
 * starts over at the new event. Roles: a lower GroupRole number outranks a higher
 * one; an actor may act on members of a lower role only.
 */
import { randomUUID } from 'node:crypto';
import { ConversationKind, ErrorCode, GroupInfoField, GroupOp, GroupRole, MessageType, ParleyError, type MembershipEvent } from '@parley/protocol';
import { pairKey, type ConversationRow, type MemberRow, type WriteTx } from '../store-port.ts';
import type { AppendResult, GroupChangeRequest } from '../types.ts';
import { MessageWriter } from './message-writer.ts';
import { whoSees } from './recipients.ts';
import { eventBody, reusedError, sameGroupChange } from './records.ts';

function fail(code: ErrorCode, message: string): ParleyError {
  return new ParleyError(code, message);
}

export interface GroupOptions {
  /** Groups with more current members than this become large for good. */
  largeGroupThreshold: number;
}

/** Create a group or change it. Refusals are thrown (the transaction rolls back). */
export async function changeGroup(tx: WriteTx, req: GroupChangeRequest, options: GroupOptions): Promise<AppendResult> {
  const now = Date.now();
  // A change to an existing group locks it first: changes and messages take turns, and a resend waits for the original.
  const locked = req.op === GroupOp.CREATE ? undefined : (await tx.lockConversations([req.conversationId])).get(req.conversationId);
  const original = (await tx.findSent([[req.actorId, req.clientMsgId]])).get(pairKey(req.actorId, req.clientMsgId));
  if (original) {
    if (!sameGroupChange(original.message, req)) throw reusedError(req.clientMsgId);
    return { ok: true, message: original.message, duplicate: true, members: await whoSees(tx, original.message) };
  }
  const users = [...new Set(req.users)];
  let conv: ConversationRow;
  let event: MembershipEvent;
  const removed: string[] = [];
  if (req.op === GroupOp.CREATE) {
    await mustExist(tx, users);
    const others = users.filter((u) => u !== req.actorId);
    conv = {
      id: `g:${randomUUID()}`, kind: ConversationKind.GROUP, maxSeq: 0, name: req.name, avatarUrl: '', announcement: '',
      joinable: false, mutedAll: false, dismissed: false, large: false, membersSeq: 0,
    };
    await tx.createConversation({ id: conv.id, kind: conv.kind, name: req.name, createdAt: now }, [
      { userId: req.actorId, role: GroupRole.OWNER },
      ...others.map((userId) => ({ userId, role: GroupRole.MEMBER })),
    ]);
    event = { op: 'create', actor: req.actorId, users: others, name: req.name };
  } else {
    if (!locked || locked.kind !== ConversationKind.GROUP) throw fail(ErrorCode.CONVERSATION_NOT_FOUND, `no group ${req.conversationId}`);
    if (locked.dismissed) throw fail(ErrorCode.GROUP_DISMISSED, `${req.conversationId} was dismissed`);
    conv = locked;
    const rows = await tx.memberRows([req.actorId, ...users].map((u) => [conv.id, u] as const));
    const current = (id: string) => {
      const m = rows.get(pairKey(conv.id, id));
      return m && m.leftSeq === null ? m : undefined;
    };
    const actor = current(req.actorId);
    if (req.op === GroupOp.JOIN) {
      if (actor) throw fail(ErrorCode.ALREADY_MEMBER, `already a member of ${conv.id}`);
      if (!conv.joinable) throw fail(ErrorCode.FORBIDDEN, `${conv.id} does not take joins; ask an admin for an invite`);
      // A new member sees the group from their own join event on.
      await tx.addMembers(conv.id, conv.maxSeq, [{ userId: req.actorId, role: GroupRole.MEMBER }]);
      event = { op: 'join', actor: req.actorId, users: [] };
    } else {
      if (!actor) throw fail(ErrorCode.NOT_MEMBER, `not a member of ${conv.id}`);
      event = await applyGroupOp(tx, req, conv, actor, current, removed);
    }
  }
  // Past the threshold a group becomes large for good: messages stop stamping every member.
  if (!conv.large && (await tx.countMembers(conv.id)) > options.largeGroupThreshold) {
    await tx.markLarge(conv.id);
    conv.large = true;
  }
  const writer = new MessageWriter(tx, now);
  const message = writer.append(conv, {
    senderId: req.actorId, senderDevice: req.actorDevice, clientMsgId: req.clientMsgId, type: MessageType.MEMBERSHIP, body: eventBody(event),
  });
  await writer.flush();
  // The removed see their own removal event and nothing after it.
  if (removed.length > 0) await tx.removeMembers(conv.id, message.seq, removed);
  await tx.setMembersSeq(conv.id, message.seq);
  const members = (await tx.currentMembers([conv.id])).get(conv.id) ?? [];
  return { ok: true, message, duplicate: false, members: [...new Set([...members, ...removed])] };
}

async function mustExist(tx: WriteTx, ids: readonly string[]): Promise<void> {
  const known = await tx.existingUsers(ids);
  for (const id of ids) if (!known.has(id)) throw fail(ErrorCode.USER_NOT_FOUND, `no user ${id}`);
}

/** One change to an existing group by a current member; returns its event. Throws refusals. */
async function applyGroupOp(
  tx: WriteTx,
  req: GroupChangeRequest,
  conv: ConversationRow,
  actor: MemberRow,
  current: (id: string) => MemberRow | undefined,
  removed: string[],
): Promise<MembershipEvent> {
  const users = [...new Set(req.users)];
  const need = (role: number, what: string) => {
    if (actor.role > role) throw fail(ErrorCode.FORBIDDEN, `only ${role === GroupRole.OWNER ? 'the owner' : 'the owner and admins'} may ${what}`);
  };
  /** Every target must be a current member with a lower role than the actor. */
  const outranked = (what: string) => {
    for (const u of users) {
      const target = current(u);
      if (!target) throw fail(ErrorCode.NOT_MEMBER, `${u} is not a member`);
      if (target.role <= actor.role) throw fail(ErrorCode.FORBIDDEN, `cannot ${what} ${u}: same or higher role`);
    }
  };
  const base = { actor: req.actorId, users };
  switch (req.op) {
    case GroupOp.INVITE: {
      need(GroupRole.ADMIN, 'invite');
      await mustExist(tx, users);
      for (const u of users) if (current(u)) throw fail(ErrorCode.ALREADY_MEMBER, `${u} is already a member`);
      // New members see the group from their own join event on.
      await tx.addMembers(conv.id, conv.maxSeq, users.map((userId) => ({ userId, role: GroupRole.MEMBER })));
      return { op: 'invite', ...base };
    }
    case GroupOp.KICK:
      need(GroupRole.ADMIN, 'remove members');
      outranked('remove');
      removed.push(...users);
      return { op: 'kick', ...base };
    case GroupOp.LEAVE:
      if (actor.role === GroupRole.OWNER) throw fail(ErrorCode.FORBIDDEN, 'the owner cannot leave; transfer ownership first');
      removed.push(req.actorId);
      return { op: 'leave', actor: req.actorId, users: [] };
    case GroupOp.INFO: {
      need(GroupRole.ADMIN, 'change the group info');
      const f = req.fields;
      const event: MembershipEvent = { op: 'info', actor: req.actorId, users: [] };
      if (f & GroupInfoField.NAME) event.name = req.name;
      if (f & GroupInfoField.AVATAR_URL) event.avatarUrl = req.avatarUrl;
      if (f & GroupInfoField.ANNOUNCEMENT) event.announcement = req.announcement;
      if (f & GroupInfoField.JOINABLE) event.joinable = req.joinable;
      await tx.setGroupInfo(conv.id, {
        name: event.name ?? conv.name,
        avatarUrl: event.avatarUrl ?? conv.avatarUrl,
        announcement: event.announcement ?? conv.announcement,
        joinable: event.joinable ?? conv.joinable,
      });
      return event;
    }
    case GroupOp.SET_ROLE:
      need(GroupRole.OWNER, 'change roles');
      outranked('change the role of');
      await tx.setRole(conv.id, users, req.role);
      return { op: 'role', ...base, role: req.role };
    case GroupOp.TRANSFER: {
      need(GroupRole.OWNER, 'transfer ownership');
      const [to] = users;
      if (users.length !== 1 || !to || to === req.actorId) throw fail(ErrorCode.INVALID_ARGUMENT, 'name exactly one other member as the new owner');
      if (!current(to)) throw fail(ErrorCode.NOT_MEMBER, `${to} is not a member`);
      await tx.setRole(conv.id, [to], GroupRole.OWNER);
      await tx.setRole(conv.id, [req.actorId], GroupRole.ADMIN);
      return { op: 'transfer', ...base };
    }
    case GroupOp.DISMISS:
      need(GroupRole.OWNER, 'dismiss the group');
      await tx.setDismissed(conv.id);
      // Everyone leaves at the dismiss event: they see it, and nothing can follow it.
      removed.push(...((await tx.currentMembers([conv.id])).get(conv.id) ?? []));
      return { op: 'dismiss', actor: req.actorId, users: [] };
    case GroupOp.MUTE:
      need(GroupRole.ADMIN, 'mute members');
      outranked('mute');
      await tx.setMutedUntil(conv.id, users, req.mutedUntil);
      return { op: 'mute', ...base, mutedUntil: req.mutedUntil };
    case GroupOp.MUTE_ALL:
      need(GroupRole.ADMIN, 'mute the group');
      await tx.setMutedAll(conv.id, req.on);
      return { op: 'mute_all', actor: req.actorId, users: [], on: req.on };
    default:
      throw fail(ErrorCode.INVALID_ARGUMENT, `unknown group op ${req.op}`);
  }
}
