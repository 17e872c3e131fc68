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
import { ConversationKind, ErrorCode, GroupInfoField, GroupOp, GroupRole, MessageType, ParleyError, type FriendEvent, type MembershipEvent } from '@parley/protocol';
import { pairKey, type ConversationRow, type MemberRow, type WriteTx } from '../store-port.ts';
import type { AppendResult, GroupChangeRequest, StoredMessage } from '../types.ts';
import { checkGroupSize, checkGroupsPerUser, refuseBanned, refuseBlockedAdds, splitAdds, type ConsentOptions } from './consent.ts';
import { MessageWriter } from './message-writer.ts';
import { lockNotices, writeNotice } from './notices.ts';
import { whoSees } from './recipients.ts';
import { eventBody, invitationKey, reusedError, sameGroupChange } from './records.ts';

function fail(code: ErrorCode, message: string): ParleyError {
  return new ParleyError(code, message);
}

export interface GroupOptions {
  /** Groups with more current members than this become large for good. */
  largeGroupThreshold: number;
  /** Who may add whom, bans, caps (consent.ts). */
  consent: ConsentOptions;
}

/** What a change decided beyond its event: invitations to write after it. */
interface Pending {
  invited: string[];
  removed: string[];
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
  const pending: Pending = { invited: [], removed: [] };
  const removed = pending.removed;
  if (req.op === GroupOp.CREATE) {
    await mustExist(tx, users);
    // A blocked user cannot put the blocker into a group; those whose setting does not allow the actor are invited.
    await refuseBlockedAdds(tx, req.actorId, users);
    const { added: others, invited } = await splitAdds(tx, req.actorId, users, options.consent);
    await checkGroupSize(tx, undefined, 1 + others.length, options.consent);
    await checkGroupsPerUser(tx, [req.actorId, ...others], options.consent);
    pending.invited = invited;
    conv = {
      id: `g:${randomUUID()}`, kind: ConversationKind.GROUP, maxSeq: 0, name: req.name, avatarUrl: '', announcement: '',
      joinable: false, mutedAll: false, dismissed: false, large: false, membersSeq: 0,
    };
    await tx.createConversation({ id: conv.id, kind: conv.kind, name: req.name, createdAt: now }, [
      { userId: req.actorId, role: GroupRole.OWNER },
      ...others.map((userId) => ({ userId, role: GroupRole.MEMBER })),
    ]);
    event = { op: 'create', actor: req.actorId, users: others, name: req.name };
    if (invited.length > 0) event.invited = invited;
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
    if (req.op === GroupOp.JOIN || req.op === GroupOp.ACCEPT_INVITATION) {
      if (actor) throw fail(ErrorCode.ALREADY_MEMBER, `already a member of ${conv.id}`);
      const invitation = await tx.invitation(conv.id, req.actorId);
      const valid = invitation && invitation.expiresAt > now ? invitation : undefined;
      if (req.op === GroupOp.ACCEPT_INVITATION && !valid) throw fail(ErrorCode.INVITATION_NOT_FOUND, `no pending invitation of yours to ${conv.id}`);
      if (req.op === GroupOp.JOIN && !conv.joinable) throw fail(ErrorCode.FORBIDDEN, `${conv.id} does not take joins; ask an admin for an invite`);
      await refuseBanned(tx, conv.id, [req.actorId], 'you');
      await checkGroupSize(tx, conv.id, 1, options.consent);
      await checkGroupsPerUser(tx, [req.actorId], options.consent);
      // A new member sees the group from their own join event on.
      await tx.addMembers(conv.id, conv.maxSeq, [{ userId: req.actorId, role: GroupRole.MEMBER }]);
      if (invitation) await tx.deleteInvitations(conv.id, [req.actorId]);
      event = { op: 'join', actor: req.actorId, users: [] };
      if (req.op === GroupOp.ACCEPT_INVITATION) event.invitedBy = valid!.inviter;
    } else if (req.op === GroupOp.DECLINE_INVITATION) {
      return declineInvitation(tx, req, conv, now);
    } else {
      if (!actor) throw fail(ErrorCode.NOT_MEMBER, `not a member of ${conv.id}`);
      event = await applyGroupOp(tx, req, conv, actor, current, pending, options.consent);
    }
  }
  // Past the threshold a group becomes large for good: messages stop stamping every member.
  if (!conv.large && (await tx.countMembers(conv.id)) > options.largeGroupThreshold) {
    await tx.markLarge(conv.id);
    conv.large = true;
  }
  // The invitees' notice conversations are locked after the group, as every change that writes both does.
  const notices = pending.invited.length > 0 ? await lockNotices(tx, pending.invited) : undefined;
  const writer = new MessageWriter(tx, now);
  const message = writer.append(conv, {
    senderId: req.actorId, senderDevice: req.actorDevice, clientMsgId: req.clientMsgId, type: MessageType.MEMBERSHIP, body: eventBody(event),
  });
  const invitations: { message: StoredMessage; members: readonly string[] }[] = [];
  if (notices) {
    const expiresAt = now + options.consent.invitationTtlMs;
    await tx.putInvitations(conv.id, pending.invited, req.actorId, now, expiresAt);
    for (const userId of pending.invited) {
      const body: FriendEvent = { op: 'invitation', from: req.actorId, to: userId, conversationId: conv.id, name: conv.name, expiresAt };
      const notice = await writeNotice(tx, writer, notices, userId, {
        clientMsgId: invitationKey(req.clientMsgId, userId), actorId: req.actorId, actorDevice: req.actorDevice, type: MessageType.FRIEND, body,
      }, now);
      invitations.push({ message: notice, members: [userId] });
    }
  }
  await writer.flush();
  // The removed see their own removal event and nothing after it.
  if (removed.length > 0) await tx.removeMembers(conv.id, message.seq, removed);
  await tx.setMembersSeq(conv.id, message.seq);
  const members = (await tx.currentMembers([conv.id])).get(conv.id) ?? [];
  return { ok: true, message, duplicate: false, members: [...new Set([...members, ...removed])], notices: invitations };
}

/** The invitee declines: the invitation goes, recorded in their notice conversation (their other devices learn it there). */
async function declineInvitation(tx: WriteTx, req: GroupChangeRequest, conv: ConversationRow, now: number): Promise<AppendResult> {
  const invitation = await tx.invitation(conv.id, req.actorId);
  if (!invitation || invitation.expiresAt <= now) throw fail(ErrorCode.INVITATION_NOT_FOUND, `no pending invitation of yours to ${conv.id}`);
  await tx.deleteInvitations(conv.id, [req.actorId]);
  const notices = await lockNotices(tx, [req.actorId]);
  const writer = new MessageWriter(tx, now);
  const body: FriendEvent = { op: 'invitation_declined', from: req.actorId, to: invitation.inviter, conversationId: conv.id, name: conv.name };
  const message = await writeNotice(tx, writer, notices, req.actorId, {
    clientMsgId: req.clientMsgId, actorId: req.actorId, actorDevice: req.actorDevice, type: MessageType.FRIEND, body,
  }, now);
  await writer.flush();
  return { ok: true, message, duplicate: false, members: [req.actorId] };
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
  pending: Pending,
  consent: ConsentOptions,
): Promise<MembershipEvent> {
  const removed = pending.removed;
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
      await refuseBlockedAdds(tx, req.actorId, users);
      await refuseBanned(tx, conv.id, users, 'them');
      const { added, invited } = await splitAdds(tx, req.actorId, users, consent);
      await checkGroupSize(tx, conv.id, added.length, consent);
      await checkGroupsPerUser(tx, added, consent);
      // New members see the group from their own join event on; an invitation they had is spent.
      if (added.length > 0) {
        await tx.addMembers(conv.id, conv.maxSeq, added.map((userId) => ({ userId, role: GroupRole.MEMBER })));
        await tx.deleteInvitations(conv.id, added);
      }
      pending.invited = invited;
      const event: MembershipEvent = { op: 'invite', actor: req.actorId, users: added };
      if (invited.length > 0) event.invited = invited;
      return event;
    }
    case GroupOp.BAN: {
      need(GroupRole.ADMIN, 'ban users');
      await mustExist(tx, users);
      if (users.includes(req.actorId)) throw fail(ErrorCode.INVALID_ARGUMENT, 'you cannot ban yourself');
      // Members among them are removed, as a kick would (so only those of a lower role).
      const members = users.filter((u) => current(u));
      for (const u of members) if (current(u)!.role <= actor.role) throw fail(ErrorCode.FORBIDDEN, `cannot ban ${u}: same or higher role`);
      removed.push(...members);
      await tx.addBans(conv.id, users, req.actorId, Date.now());
      await tx.deleteInvitations(conv.id, users);
      const event: MembershipEvent = { op: 'ban', ...base };
      if (members.length > 0) event.removed = members;
      return event;
    }
    case GroupOp.UNBAN:
      need(GroupRole.ADMIN, 'lift bans');
      await tx.removeBans(conv.id, users);
      return { op: 'unban', ...base };
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
