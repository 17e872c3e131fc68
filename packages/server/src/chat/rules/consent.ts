/**
 * Consent and moderation: who may put whom into a group, the ban lists of
 * groups, and the caps that bound what one user can make the server hold.
 *
 * - A block (either way) between the actor and a user stops every add of that
 *   user to a group by the actor, at creation as at invite: the whole change is
 *   refused (BLOCKED), so a blocked user cannot reach the blocker through a group.
 * - Each user's GroupAdds setting says whose adds put them straight into a group:
 *   ANYONE, FRIENDS (the actor is their friend), NOBODY. Any other add becomes an
 *   invitation the user accepts (and so joins) or declines; it expires after
 *   `invitationTtlMs`. Not set, the setting is FRIENDS for a user who takes 1:1
 *   chats from friends only (so a group is no way around that setting), and the
 *   server's `groupAddsDefault` for everyone else.
 * - A banned user cannot join, be invited, be added at creation (a new group has
 *   no bans) or accept an invitation, until an owner or admin lifts the ban.
 * - Caps: members per group, groups a user is a current member of, friends per
 *   user, pending friend requests a user has sent. Reaching one is LIMIT_REACHED.
 */
import { ErrorCode, GroupAdds, ParleyError } from '@parley/protocol';
import { pairKey, type WriteTx } from '../store-port.ts';

export interface ConsentOptions {
  /** Who may add a user who has not chosen (and takes 1:1 chats from strangers). */
  groupAddsDefault: GroupAdds;
  /** An invitation expires this long after it was made. */
  invitationTtlMs: number;
  /** Current members one group may have. */
  maxGroupMembers: number;
  /** Groups one user may be a current member of. */
  maxGroupsPerUser: number;
  /** Friends one user may have. */
  maxFriends: number;
  /** Friend requests one user may have waiting for an answer. */
  maxPendingRequests: number;
}

export const DEFAULT_CONSENT: ConsentOptions = {
  groupAddsDefault: GroupAdds.ANYONE,
  invitationTtlMs: 7 * 24 * 3600 * 1000,
  maxGroupMembers: 100_000,
  maxGroupsPerUser: 10_000,
  maxFriends: 5_000,
  maxPendingRequests: 500,
};

function fail(code: ErrorCode, message: string): ParleyError {
  return new ParleyError(code, message);
}

/** The GroupAdds values a request may set. */
export function isGroupAdds(value: number): value is GroupAdds {
  return value === GroupAdds.ANYONE || value === GroupAdds.FRIENDS || value === GroupAdds.NOBODY;
}

/** Refuse (BLOCKED) if any of `users` has a block either way with the actor. */
export async function refuseBlockedAdds(tx: WriteTx, actorId: string, users: readonly string[]): Promise<void> {
  const others = users.filter((u) => u !== actorId);
  if (others.length === 0) return;
  const blocks = await tx.blocksAmong(others.map((u) => [actorId, u] as const));
  for (const u of others) {
    if (blocks.has(pairKey(actorId, u)) || blocks.has(pairKey(u, actorId))) {
      throw fail(ErrorCode.BLOCKED, `you and ${u} are blocked: ${u} cannot be added to a group by you`);
    }
  }
}

/** Refuse (BANNED) if any of `users` is on the group's ban list. */
export async function refuseBanned(tx: WriteTx, conversationId: string, users: readonly string[], who: 'you' | 'them'): Promise<void> {
  if (users.length === 0) return;
  const banned = await tx.bannedAmong(conversationId, users);
  for (const u of users) {
    if (banned.has(u)) {
      throw fail(ErrorCode.BANNED, who === 'you' ? `you are banned from ${conversationId}` : `${u} is banned from ${conversationId}; an admin must lift the ban first`);
    }
  }
}

/**
 * Split the users an actor adds into those who join now and those who get an
 * invitation (their GroupAdds setting does not let the actor add them).
 */
export async function splitAdds(
  tx: WriteTx,
  actorId: string,
  users: readonly string[],
  options: ConsentOptions,
): Promise<{ added: string[]; invited: string[] }> {
  const others = users.filter((u) => u !== actorId);
  const consent = await tx.consentOf(others);
  const friends = await tx.friendsAmong(actorId, others);
  const added: string[] = [];
  const invited: string[] = [];
  for (const u of others) {
    const c = consent.get(u);
    const setting = c?.groupAdds || (c && !c.allowStrangers ? GroupAdds.FRIENDS : options.groupAddsDefault);
    const allowed = setting === GroupAdds.ANYONE || (setting === GroupAdds.FRIENDS && friends.has(u));
    (allowed ? added : invited).push(u);
  }
  return { added, invited };
}

/** Refuse (LIMIT_REACHED) a group that would have more current members than the cap. */
export async function checkGroupSize(tx: WriteTx, conversationId: string | undefined, adding: number, options: ConsentOptions): Promise<void> {
  const now = conversationId === undefined ? 0 : await tx.countMembers(conversationId);
  if (now + adding > options.maxGroupMembers) {
    throw fail(ErrorCode.LIMIT_REACHED, `a group may have at most ${options.maxGroupMembers} members`);
  }
}

/** Refuse (LIMIT_REACHED) if any of `users` is already in as many groups as the cap allows. */
export async function checkGroupsPerUser(tx: WriteTx, users: readonly string[], options: ConsentOptions): Promise<void> {
  if (users.length === 0) return;
  const counts = await tx.countGroups(users);
  for (const u of users) {
    if ((counts.get(u) ?? 0) >= options.maxGroupsPerUser) {
      throw fail(ErrorCode.LIMIT_REACHED, `${u} is in ${options.maxGroupsPerUser} groups, as many as one user may be`);
    }
  }
}

/** Refuse (LIMIT_REACHED) a friendship that would give either user more friends than the cap. */
export async function checkFriendCap(tx: WriteTx, users: readonly string[], options: ConsentOptions): Promise<void> {
  for (const u of users) {
    if ((await tx.countFriends(u)) >= options.maxFriends) throw fail(ErrorCode.LIMIT_REACHED, `${u} has ${options.maxFriends} friends, as many as one user may have`);
  }
}

/** Refuse (LIMIT_REACHED) a new friend request from a user with as many waiting as the cap allows. */
export async function checkPendingRequests(tx: WriteTx, userId: string, options: ConsentOptions): Promise<void> {
  if ((await tx.countOutgoingRequests(userId)) >= options.maxPendingRequests) {
    throw fail(ErrorCode.LIMIT_REACHED, `you have ${options.maxPendingRequests} friend requests waiting for an answer; wait for answers first`);
  }
}
