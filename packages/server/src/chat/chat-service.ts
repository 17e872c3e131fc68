/**
 * The chat logic of the spine: send (with dedup and group commit), sync, pull.
 * It knows the store and the bus only through their interfaces, and knows nothing
 * of sockets: the gateway calls it with an authenticated (user, device, session).
 */
import {
  ConversationSetting,
  directConversationId,
  FriendOp,
  GroupInfoField,
  GroupLimits,
  GroupOp,
  GroupRole,
  ErrorCode,
  Limits,
  MessageOpKind,
  MessageType,
  ParleyError,
  ReactionLimits,
  SERVER_MESSAGE_TYPE_MIN,
  parseDirectConversationId,
} from '@parley/protocol';
import { noCrash, type CrashHook } from '../testing/faults.ts';
import { BoundedMap } from '../bounded-map.ts';
import { checkClientMsgId, checkContent, checkConversationId, checkOp, checkText, checkUserId, invalid } from './input-checks.ts';
import { canSee, changesEarlierMessage, firstVisibleSeq, lastVisibleSeq } from './rules/visibility.ts';
import { GroupCommitter } from './group-commit.ts';
import { UserResolver } from './user-resolver.ts';
import { isMediaType, parseMediaBody } from '../media/media-body.ts';
import { decodeSyncToken, encodeSyncToken } from './sync-token.ts';
import type { UserRateLimits } from '../limits/rate-limits.ts';
import type { AppendResult, BanRecord, Bus, ConversationState, FriendListRecord, GroupRecord, InvitationRecord, StoredMessage, Store } from './types.ts';

export interface ChatLimits {
  /** Largest message body accepted, in bytes. */
  maxBodyBytes: number;
  /** Most sends stored by one transaction. */
  maxBatch: number;
  /** Most messages (plus holes) one pull returns. */
  pullMaxLimit: number;
  /** Most conversations one sync page lists. */
  syncPageSize: number;
  /** Most users one group change (or creation) may name. */
  maxGroupChange: number;
  /** Read receipts are pushed to the other members of conversations up to this size. */
  readReceiptPushMax: number;
  /** Typing indicators are pushed in conversations up to this size. */
  typingPushMax: number;
  /** A sender may recall a message within this many ms of sending it. */
  recallWindowMs: number;
  /** A sender may edit a message within this many ms of sending it (undefined: no limit). */
  editWindowMs?: number;
  /** Largest CUSTOM (app JSON) body, in bytes. */
  maxCustomBytes: number;
}

/** How long acked positions gather before they are stored and pushed as delivered state. */
const DELIVERED_FLUSH_MS = 50;
/** Groups whose members one node keeps for typing indicators. */
const MEMBER_CACHE_MAX = 10_000;

export interface Caller {
  userId: string;
  deviceId: string;
  sessionId: string;
}

export interface SendInput {
  conversationId?: string | null;
  to?: string | null;
  clientMsgId?: string | null;
  type?: number | null;
  body?: Uint8Array | null;
  mentions?: string[] | null;
  mentionAll?: boolean | null;
  replyTo?: number | null;
}

export interface SendOutput {
  message: StoredMessage;
  duplicate: boolean;
}

/** The answer to a committed send or message event, as SendAck carries it (and the HTTP API). */
export function sendAckOf({ message, duplicate }: SendOutput) {
  return {
    conversationId: message.conversationId,
    seq: message.seq,
    messageId: message.id,
    serverTime: message.serverTime,
    clientMsgId: message.clientMsgId,
    duplicate,
  };
}

export interface GroupInput {
  op?: number | null;
  conversationId?: string | null;
  users?: string[] | null;
  name?: string | null;
  clientMsgId?: string | null;
  avatarUrl?: string | null;
  announcement?: string | null;
  role?: number | null;
  mutedUntil?: number | null;
  on?: boolean | null;
  fields?: number | null;
  joinable?: boolean | null;
}

export interface FriendInput {
  op?: number | null;
  userId?: string | null;
  note?: string | null;
  clientMsgId?: string | null;
  allow?: boolean | null;
  groupAdds?: number | null;
}

export interface MessageOpInput {
  op?: number | null;
  conversationId?: string | null;
  seq?: number | null;
  body?: Uint8Array | null;
  clientMsgId?: string | null;
  emoji?: string | null;
}

export interface SyncOutput {
  conversations: ConversationState[];
  token: string;
  more: boolean;
  /**
   * Set when the answer may lack changes held back by transactions still open
   * on the store; resolves once a sync from `token` would carry them. Not part
   * of the answer: the gateway then tells the session to sync again (RESYNC).
   */
  withheld?: Promise<void>;
}

export interface PullOutput {
  conversationId: string;
  fromSeq: number;
  toSeq: number;
  messages: StoredMessage[];
  holes: number[];
  maxSeq: number;
}

const EMPTY = new Uint8Array(0);

export class ChatService {
  private readonly committer: GroupCommitter;
  /** Turns the user ids a request names (any case) into stored ids: every method that takes one goes through it. */
  private readonly users: UserResolver;
  /** Per device, the end of its sends' steps before the commit (see inTurn). */
  private readonly turns = new Map<string, Promise<void>>();
  /** Members of groups, by conversation (see groupMembers), least recently used dropped first. */
  private readonly memberCache = new BoundedMap<string, readonly string[]>(MEMBER_CACHE_MAX);
  /** Bumped by every invalidation, so a read racing one is not cached. */
  private invalidations = 0;
  private readonly detach: () => void;
  private deliveredDue = new Map<string, { conversationId: string; userId: string; seq: number; session: string }>();
  private deliveredTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly bus: Bus,
    private readonly limits: ChatLimits,
    private readonly crash: CrashHook = noCrash,
    /** Per-user rate limits, checked before the work (so a limited send stores nothing). */
    private readonly rates: UserRateLimits = { take: async () => {} },
  ) {
    this.committer = new GroupCommitter(store, limits.maxBatch);
    this.users = new UserResolver(store);
    // The member cache is invalidated explicitly: by every node's committed group
    // change, and wholesale when the bus may have lost events (invalidations too).
    const unsubscribe = bus.subscribe((event) => {
      if (event.kind === 'membership') {
        this.memberCache.delete(event.conversationId);
        this.invalidations++;
      }
    });
    const unMissed = bus.onMissed(() => {
      this.memberCache.clear();
      this.invalidations++;
    });
    this.detach = () => {
      unsubscribe();
      unMissed();
    };
  }

  /**
   * Current members of a group, for typing indicators: ephemeral events, where a
   * list a few milliseconds stale costs at most one indicator. Messages never use
   * it: their recipients come from the store's own transaction.
   */
  private async groupMembers(conversationId: string): Promise<readonly string[]> {
    const cached = this.memberCache.get(conversationId);
    if (cached) return cached;
    const seen = this.invalidations;
    const members = await this.store.listMembers(conversationId);
    // Cache only if no invalidation came while the store was read.
    if (seen === this.invalidations) this.memberCache.set(conversationId, members);
    return members;
  }

  /** Stop listening to the bus. */
  close(): void {
    this.detach();
    this.memberCache.clear();
  }

  /** Commit statistics: how many transactions stored how many sends. */
  get commitStats(): { batches: number; committed: number } {
    return { batches: this.committer.batches, committed: this.committer.committed };
  }

  /** True when no send is waiting for its commit. */
  get idle(): boolean {
    return this.committer.idle;
  }

  async send(caller: Caller, input: SendInput): Promise<SendOutput> {
    const clientMsgId = input.clientMsgId ?? '';
    checkClientMsgId(clientMsgId);
    const type = input.type ?? 0;
    if (!Number.isInteger(type) || type < 1 || type > 0xffff_ffff) throw invalid('type must be a positive 32-bit integer (see MessageType)');
    if (type >= SERVER_MESSAGE_TYPE_MIN && type < 1000) throw invalid('types 100-999 are events the server writes (use GroupRequest or MessageOp)');
    const body = input.body ?? EMPTY;
    if (body.length > this.limits.maxBodyBytes) {
      throw new ParleyError(ErrorCode.MESSAGE_TOO_LARGE, `body of ${body.length} bytes exceeds ${this.limits.maxBodyBytes}`);
    }
    checkContent(type, body, this.limits.maxCustomBytes);
    // A media kind names a file: its shape here, the file itself in the send's transaction.
    const media = isMediaType(type) ? parseMediaBody(body) : undefined;
    const mentioned = [...new Set(input.mentions ?? [])];
    if (mentioned.length > Limits.MENTIONS_MAX) throw invalid(`at most ${Limits.MENTIONS_MAX} mentions`);
    const mentionNames = mentioned.map((u) => this.users.check(u, 'a mention'));
    const replyTo = input.replyTo ?? 0;
    if (!Number.isSafeInteger(replyTo) || replyTo < 0) throw invalid('replyTo must be a seq, or 0');
    const to = input.to ?? '';
    const conversationId = input.conversationId ?? '';
    if ((to === '') === (conversationId === '')) throw invalid('set exactly one of `to` and `conversationId`');

    const toName = to === '' ? '' : this.users.check(to, '`to`');
    if (to === '') checkConversationId(conversationId);
    if (toName === caller.userId) throw invalid('cannot open a direct conversation with yourself');

    // The steps before the commit wait (the rate limit, reading names), and a name not
    // yet cached waits longer than one that is: one device's sends take them in turn, so
    // that they reach the group committer, and get their seqs, in the order they arrived.
    const { pending } = await this.inTurn(`${caller.userId}\n${caller.deviceId}`, async () => {
      await this.rates.take('send', caller.userId);
      // The names a client typed, as stored ids (after the limit: a flood of unknown names costs no queries).
      const mentions = [...new Set(await this.users.resolveAll(mentionNames))];
      let target = conversationId;
      let directMembers: [string, string] | undefined;
      if (toName !== '') {
        const peer = await this.users.resolve(toName);
        if (peer === caller.userId) throw invalid('cannot open a direct conversation with yourself');
        target = directConversationId(caller.userId, peer);
        directMembers = caller.userId < peer ? [caller.userId, peer] : [peer, caller.userId];
      }
      // Queued here, inside the turn; its commit is not waited for in it.
      const queued = this.committer.append({
        senderId: caller.userId,
        senderDevice: caller.deviceId,
        clientMsgId,
        conversationId: target,
        directMembers,
        type,
        body,
        mentions,
        mentionAll: input.mentionAll ?? false,
        replyTo,
        media,
      });
      return { pending: queued };
    });
    const result = await pending;
    if (result.ok) this.crash('after-commit');
    return this.fanOut(caller, result);
  }

  /**
   * Runs `step` after the steps queued before it under `key` have ended (a failed
   * one does not hold the next back). The queue of a key is dropped once it is empty.
   */
  private inTurn<T>(key: string, step: () => Promise<T>): Promise<T> {
    const prior = this.turns.get(key) ?? Promise.resolve();
    const run = prior.then(step);
    const tail = run.then(
      () => {},
      () => {},
    );
    this.turns.set(key, tail);
    void tail.then(() => {
      if (this.turns.get(key) === tail) this.turns.delete(key);
    });
    return run;
  }

  /**
   * Publish a committed message to its recipients, or throw the store's refusal.
   * Duplicates are published too: if a crash came between commit and fan-out, the
   * resend is what brings the message to the online devices that missed it.
   */
  private fanOut(caller: Caller, result: AppendResult): SendOutput {
    if (!result.ok) throw new ParleyError(result.code, result.message);
    this.publish(caller, result.message, result.members, result.membersVersion);
    return { message: result.message, duplicate: result.duplicate };
  }

  private publish(caller: Caller, message: StoredMessage, recipients: readonly string[], membersVersion?: number): void {
    this.bus.publish({ kind: 'message', message, recipients, membersVersion, originSession: caller.sessionId });
  }

  /** Create a group or change its membership (a MEMBERSHIP message in its timeline). */
  async changeGroup(caller: Caller, input: GroupInput): Promise<SendOutput> {
    const clientMsgId = input.clientMsgId ?? '';
    checkClientMsgId(clientMsgId);
    const op = input.op ?? 0;
    checkOp(GroupOp, op);
    const named = input.users ?? [];
    if (named.length > this.limits.maxGroupChange) throw invalid(`at most ${this.limits.maxGroupChange} users per change`);
    const userNames = named.map((u) => this.users.check(u, 'a user'));
    const name = input.name ?? '';
    const avatarUrl = input.avatarUrl ?? '';
    const announcement = input.announcement ?? '';
    checkText('name', name, GroupLimits.NAME);
    checkText('avatarUrl', avatarUrl, GroupLimits.AVATAR_URL);
    if (avatarUrl !== '' && !/^https?:\/\/[\x21-\x7e]+$/.test(avatarUrl)) throw invalid('avatarUrl must be an http(s) URL of printable ASCII');
    checkText('announcement', announcement, GroupLimits.ANNOUNCEMENT, { multiline: true });
    const fields = input.fields ?? 0;
    const role = input.role ?? 0;
    const mutedUntil = input.mutedUntil ?? 0;
    const conversationId = input.conversationId ?? '';
    const needUsers = () => {
      if (named.length === 0) throw invalid('name at least one user');
    };
    if (op === GroupOp.CREATE) {
      if (name.trim() === '') throw invalid('a new group needs a name');
    } else {
      checkConversationId(conversationId);
      if (
        op === GroupOp.INVITE || op === GroupOp.KICK || op === GroupOp.SET_ROLE || op === GroupOp.MUTE || op === GroupOp.TRANSFER ||
        op === GroupOp.BAN || op === GroupOp.UNBAN
      ) {
        needUsers();
      }
    }
    if (op === GroupOp.INFO) {
      const all = GroupInfoField.NAME | GroupInfoField.AVATAR_URL | GroupInfoField.ANNOUNCEMENT | GroupInfoField.JOINABLE;
      if (fields === 0 || (fields & ~all) !== 0) throw invalid(`fields must be a non-empty set of GroupInfoField bits (${all} for all)`);
      if (fields & GroupInfoField.NAME && name.trim() === '') throw invalid('a group name cannot be empty');
    }
    if (op === GroupOp.SET_ROLE && role !== GroupRole.ADMIN && role !== GroupRole.MEMBER) {
      throw invalid(`role must be ${GroupRole.ADMIN} ADMIN or ${GroupRole.MEMBER} MEMBER (use TRANSFER for ownership)`);
    }
    if (op === GroupOp.MUTE && (!Number.isSafeInteger(mutedUntil) || mutedUntil < 0)) throw invalid('mutedUntil must be a time in ms since epoch, or 0');
    if (op === GroupOp.CREATE) await this.rates.take('groupCreate', caller.userId);
    if (op === GroupOp.INVITE) await this.rates.take('invite', caller.userId, named.length);
    const users = await this.users.resolveAll(userNames);
    const result = await this.store.changeGroup({
      actorId: caller.userId,
      actorDevice: caller.deviceId,
      clientMsgId,
      op: op as GroupOp,
      conversationId,
      users,
      name,
      fields,
      avatarUrl,
      announcement,
      joinable: input.joinable ?? false,
      role,
      mutedUntil,
      on: input.on ?? false,
    });
    // A declined invitation changes no group: its one event is in the invitee's notices.
    if (result.ok && !result.duplicate && op !== GroupOp.DECLINE_INVITATION) {
      this.bus.publish({ kind: 'membership', conversationId: result.message.conversationId, recipients: [], originSession: caller.sessionId });
    }
    if (result.ok) for (const n of result.notices ?? []) this.publish(caller, n.message, n.members);
    return this.fanOut(caller, result);
  }

  /** The caller's pending group invitations. */
  async invitations(caller: Caller): Promise<InvitationRecord[]> {
    return this.store.listInvitations(caller.userId, Date.now());
  }

  /** A group's ban list: for its owner and admins. */
  async bans(caller: Caller, conversationId: string): Promise<{ conversationId: string; bans: BanRecord[] }> {
    checkConversationId(conversationId);
    const membership = await this.store.getMembership(conversationId, caller.userId);
    if (!membership || membership.leftSeq !== null) throw new ParleyError(ErrorCode.NOT_MEMBER, `not a member of ${conversationId}`);
    if (membership.role > GroupRole.ADMIN) throw new ParleyError(ErrorCode.FORBIDDEN, 'only the owner and admins may see the ban list');
    return { conversationId, bans: await this.store.listBans(conversationId) };
  }

  /** Recall (delete for everyone) or edit an earlier message. */
  async modifyMessage(caller: Caller, input: MessageOpInput): Promise<SendOutput> {
    const clientMsgId = input.clientMsgId ?? '';
    checkClientMsgId(clientMsgId);
    const op = input.op ?? 0;
    checkOp(MessageOpKind, op);
    const emoji = input.emoji ?? '';
    const reaction = op === MessageOpKind.REACT || op === MessageOpKind.UNREACT;
    if (reaction && (!ReactionLimits.EMOJI.test(emoji) || !emoji.isWellFormed())) {
      throw invalid('emoji must be 1..32 characters without spaces or control characters');
    }
    const conversationId = input.conversationId ?? '';
    checkConversationId(conversationId);
    const seq = input.seq ?? 0;
    if (!Number.isSafeInteger(seq) || seq < 1) throw invalid('seq must be a positive integer');
    const body = input.body ?? EMPTY;
    if (op === MessageOpKind.EDIT && body.length === 0) throw invalid('an edit needs the new body');
    if (body.length > this.limits.maxBodyBytes) {
      throw new ParleyError(ErrorCode.MESSAGE_TOO_LARGE, `body of ${body.length} bytes exceeds ${this.limits.maxBodyBytes}`);
    }
    if (op === MessageOpKind.EDIT) {
      // The new body must be what a send of the message's type may carry. A message's type never
      // changes, so it is read here, before the transaction (which refuses a message not there or not seen).
      const [target] = await this.store.readMessages(conversationId, seq, seq, 1);
      if (target) checkContent(target.type, body, this.limits.maxCustomBytes);
    }
    await this.rates.take('send', caller.userId);
    const result = await this.store.modifyMessage({
      actorId: caller.userId,
      actorDevice: caller.deviceId,
      clientMsgId,
      op: op as MessageOpKind,
      conversationId,
      seq,
      body,
      emoji: reaction ? emoji : '',
      recallWindowMs: this.limits.recallWindowMs,
      editWindowMs: this.limits.editWindowMs,
    });
    return this.fanOut(caller, result);
  }

  /**
   * Move the caller's read position forward. Their other devices are told at once;
   * so are the other members of direct and small group conversations (read
   * receipts); larger groups learn read positions by pulling.
   */
  async markRead(caller: Caller, conversationId: string, seq: number): Promise<number> {
    checkConversationId(conversationId);
    if (!Number.isSafeInteger(seq) || seq < 0) throw invalid('seq must be a non-negative integer');
    const result = await this.store.markRead(conversationId, caller.userId, seq);
    if (!result) throw new ParleyError(ErrorCode.NOT_MEMBER, `not a member of ${conversationId}`);
    if (result.changed) {
      const receipts = result.members.length <= this.limits.readReceiptPushMax;
      this.bus.publish({
        kind: 'read',
        conversationId,
        userId: caller.userId,
        readSeq: result.readSeq,
        recipients: receipts ? [...new Set([...result.members, caller.userId])] : [caller.userId],
        originSession: caller.sessionId,
      });
    }
    return result.readSeq;
  }

  /**
   * Refuse unless the caller may send to the existing conversation now (the
   * send rules, chat/rules/append.ts): a voice stream obeys them while it is
   * recorded, before its message is a send.
   */
  async requireSender(caller: Caller, conversationId: string): Promise<void> {
    checkConversationId(conversationId);
    const refusal = await this.store.sendRefusal(conversationId, caller.userId);
    if (refusal) throw new ParleyError(refusal.code, refusal.message);
  }

  /** Whether the user is a current member of the conversation. */
  async isMember(userId: string, conversationId: string): Promise<boolean> {
    const membership = await this.store.getMembership(conversationId, userId);
    return membership !== undefined && membership.leftSeq === null;
  }

  /** Current members of a conversation: who an ephemeral event (a voice chunk) goes to. */
  members(conversationId: string): Promise<readonly string[]> {
    return this.store.listMembers(conversationId);
  }

  /** A typing indicator: checked, never stored, pushed to the other members of small conversations. */
  async typing(caller: Caller, conversationId: string, typing: boolean): Promise<void> {
    checkConversationId(conversationId);
    let members: readonly string[];
    if (parseDirectConversationId(conversationId)) {
      const membership = await this.store.getMembership(conversationId, caller.userId);
      if (!membership || membership.leftSeq !== null) throw new ParleyError(ErrorCode.NOT_MEMBER, `not a member of ${conversationId}`);
      members = await this.store.listMembers(conversationId);
    } else {
      members = await this.groupMembers(conversationId);
      if (!members.includes(caller.userId)) throw new ParleyError(ErrorCode.NOT_MEMBER, `not a member of ${conversationId}`);
    }
    if (members.length > this.limits.typingPushMax) return;
    this.bus.publish({
      kind: 'typing',
      conversationId,
      userId: caller.userId,
      typing,
      recipients: members.filter((m) => m !== caller.userId),
      originSession: caller.sessionId,
    });
  }

  /**
   * Friends, blocks and the stranger setting. The FRIEND events go to the notice
   * conversations of the users concerned; the caller gets the ones in their own.
   */
  async changeFriends(caller: Caller, input: FriendInput): Promise<{ duplicate: boolean; events: StoredMessage[] }> {
    const clientMsgId = input.clientMsgId ?? '';
    checkClientMsgId(clientMsgId);
    const op = input.op ?? 0;
    checkOp(FriendOp, op);
    const own = op === FriendOp.ALLOW_STRANGERS || op === FriendOp.GROUP_ADDS;
    const userName = own ? '' : this.users.check(input.userId ?? '', 'userId');
    const note = input.note ?? '';
    checkText('note', note, 256, { multiline: true });
    if (op === FriendOp.REQUEST) await this.rates.take('friendRequest', caller.userId);
    const userId = own ? '' : await this.users.resolve(userName);
    const result = await this.store.changeFriends({
      actorId: caller.userId,
      actorDevice: caller.deviceId,
      clientMsgId,
      op: op as FriendOp,
      userId,
      note,
      allow: input.allow ?? false,
      groupAdds: input.groupAdds ?? 0,
    });
    if (!result.ok) throw new ParleyError(result.code, result.message);
    for (const e of result.events) this.publish(caller, e.message, e.members);
    if (op === FriendOp.BLOCK) {
      this.bus.publish({ kind: 'block', userId: caller.userId, blockedId: userId, recipients: [caller.userId, userId], originSession: caller.sessionId });
    }
    return { duplicate: result.duplicate, events: result.events.filter((e) => e.members.includes(caller.userId)).map((e) => e.message) };
  }

  async listFriends(caller: Caller): Promise<FriendListRecord> {
    return this.store.listFriends(caller.userId);
  }

  /** Who has read `conversationId` up to `seq`: for its current members. */
  async readers(caller: Caller, conversationId: string, seq: number, limit: number) {
    checkConversationId(conversationId);
    if (!Number.isSafeInteger(seq) || seq < 1) throw invalid('seq must be a positive integer');
    const membership = await this.store.getMembership(conversationId, caller.userId);
    if (!membership || membership.leftSeq !== null) throw new ParleyError(ErrorCode.NOT_MEMBER, `not a member of ${conversationId}`);
    const cap = Math.min(limit > 0 ? limit : this.limits.pullMaxLimit, this.limits.pullMaxLimit);
    return { conversationId, seq, ...(await this.store.readers(conversationId, seq, cap)) };
  }

  /**
   * A device acked a direct conversation up to `seq`. Positions are gathered and
   * stored together every DELIVERED_FLUSH_MS (one transaction for all of them), and
   * each one that moved is pushed to the other member. Delivered state
   * is advisory: one lost in a crash is raised again by the next ack.
   */
  noteDelivered(caller: Caller, conversationId: string, seq: number): void {
    if (!Number.isSafeInteger(seq) || seq < 1) return;
    const key = `${caller.userId}\n${conversationId}`;
    if ((this.deliveredDue.get(key)?.seq ?? 0) >= seq) return;
    this.deliveredDue.set(key, { conversationId, userId: caller.userId, seq, session: caller.sessionId });
    this.deliveredTimer ??= setTimeout(() => void this.flushDelivered(), DELIVERED_FLUSH_MS);
  }

  private async flushDelivered(): Promise<void> {
    this.deliveredTimer = undefined;
    const due = this.deliveredDue;
    this.deliveredDue = new Map();
    if (due.size === 0) return;
    try {
      for (const moved of await this.store.markDelivered([...due.values()])) {
        const origin = due.get(`${moved.userId}\n${moved.conversationId}`)?.session ?? '';
        this.bus.publish({
          kind: 'delivered',
          conversationId: moved.conversationId,
          userId: moved.userId,
          deliveredSeq: moved.seq,
          recipients: moved.members.filter((u) => u !== moved.userId), // the sender's side wants it
          originSession: origin,
        });
      }
    } catch {
      // Advisory state: the next ack raises it again.
    }
  }

  /** Store what is gathered now (at shutdown). */
  async flushPending(): Promise<void> {
    if (this.deliveredTimer) clearTimeout(this.deliveredTimer);
    await this.flushDelivered();
  }

  /** The caller's own settings of a conversation (pinned, muted), kept on all their devices. */
  async changeSettings(caller: Caller, input: { conversationId?: string | null; fields?: number | null; pinned?: boolean | null; muted?: boolean | null; clientMsgId?: string | null }): Promise<SendOutput> {
    const clientMsgId = input.clientMsgId ?? '';
    checkClientMsgId(clientMsgId);
    const conversationId = input.conversationId ?? '';
    checkConversationId(conversationId);
    const fields = input.fields ?? 0;
    const all = ConversationSetting.PINNED | ConversationSetting.MUTED;
    if (fields === 0 || (fields & ~all) !== 0) throw invalid(`fields must be a non-empty set of ConversationSetting bits (${all} for all)`);
    const result = await this.store.changeSettings({
      userId: caller.userId,
      deviceId: caller.deviceId,
      clientMsgId,
      conversationId,
      fields,
      pinned: input.pinned ?? false,
      muted: input.muted ?? false,
    });
    return this.fanOut(caller, result);
  }

  /** A group's info and members: for its members, and for anyone while it is joinable. */
  async groupInfo(caller: Caller, conversationId: string): Promise<GroupRecord> {
    checkConversationId(conversationId);
    const group = await this.store.getGroup(conversationId);
    if (!group) throw new ParleyError(ErrorCode.CONVERSATION_NOT_FOUND, `no group ${conversationId}`);
    if (!group.joinable && !group.members.some((m) => m.userId === caller.userId)) {
      throw new ParleyError(ErrorCode.NOT_MEMBER, `not a member of ${conversationId}`);
    }
    return group;
  }

  /**
   * Which of `users` the caller may see the presence of (themself, friends, and
   * users they share a conversation with), each with when they were last seen (0: never).
   */
  async presenceOf(caller: Caller, users: readonly string[]): Promise<Map<string, number>> {
    if (users.length > this.limits.maxGroupChange) throw invalid(`at most ${this.limits.maxGroupChange} users per presence request`);
    const visible = new Map<string, number>();
    const names = users.map((u) => this.users.check(u, 'a user'));
    for (const u of new Set(await this.users.resolveAll([...new Set(names)]))) {
      if (u !== caller.userId && !(await this.store.presenceVisible(caller.userId, u))) continue;
      const lastSeen = await this.store.getLastSeen(u);
      if (lastSeen !== undefined) visible.set(u, lastSeen);
    }
    return visible;
  }

  /**
   * A page of a conversation's current members, for pulling the presence of a
   * large group (no subscription: a group of thousands would flood the caller).
   * Current members only. The page goes by user id after `after`, at most `limit`
   * (0 or more than pullMaxLimit: pullMaxLimit); `next` is the `after` of the next
   * page, '' after the last. Each member comes with when they were last seen;
   * whether they are online now is the gateway's to say (it asks the bus for the
   * whole page at once). Members with a block either way are left out, as in
   * `presenceOf`. One store query per page.
   */
  async groupPresence(
    caller: Caller,
    input: { conversationId: string; after: string; limit: number; users: readonly string[]; subscribe: boolean },
  ): Promise<{ members: { userId: string; lastSeen: number }[]; next: string }> {
    const { conversationId, after } = input;
    checkConversationId(conversationId);
    if (input.users.length > 0 || input.subscribe) throw invalid('a presence request names users or a conversation, not both; a conversation takes no subscription');
    if (after !== '') checkUserId(after, 'after');
    if (!Number.isSafeInteger(input.limit) || input.limit < 0) throw invalid('limit must be a non-negative integer');
    const membership = await this.store.getMembership(conversationId, caller.userId);
    if (!membership || membership.leftSeq !== null) throw new ParleyError(ErrorCode.NOT_MEMBER, `not a member of ${conversationId}`);
    const cap = Math.min(input.limit > 0 ? input.limit : this.limits.pullMaxLimit, this.limits.pullMaxLimit);
    const rows = await this.store.memberPresence(conversationId, caller.userId, after, cap + 1);
    const more = rows.length > cap;
    const members = more ? rows.slice(0, cap) : rows;
    return { members, next: more ? members[members.length - 1]!.userId : '' };
  }

  /** The user's last device went away. */
  async wentOffline(userId: string, time: number): Promise<void> {
    await this.store.setLastSeen(userId, time);
  }

  async sync(caller: Caller, token: string): Promise<SyncOutput> {
    const cursor = decodeSyncToken(this.store.storeId, token);
    const page = await this.store.changesSince(caller.userId, cursor, this.limits.syncPageSize);
    return {
      conversations: page.conversations,
      token: encodeSyncToken(this.store.storeId, page.next),
      more: page.more,
      withheld: page.withheld,
    };
  }

  /**
   * Messages fromSeq..toSeq (toSeq 0 = newest) as this member may see them. The
   * answer covers a contiguous range starting at max(fromSeq, joinSeq + 1) and at
   * most `limit` seqs long; each seq in it is a message or a hole.
   */
  async pull(caller: Caller, conversationId: string, fromSeq: number, toSeq: number, limit: number): Promise<PullOutput> {
    checkConversationId(conversationId);
    if (!Number.isSafeInteger(fromSeq) || !Number.isSafeInteger(toSeq) || fromSeq < 0 || toSeq < 0) {
      throw invalid('fromSeq and toSeq must be non-negative integers');
    }
    if (toSeq !== 0 && toSeq < fromSeq) throw invalid('toSeq is below fromSeq');
    const membership = await this.store.getMembership(conversationId, caller.userId);
    if (!membership) throw new ParleyError(ErrorCode.NOT_MEMBER, `not a member of ${conversationId}`);
    const span = Math.min(limit > 0 ? limit : this.limits.pullMaxLimit, this.limits.pullMaxLimit);
    // The member's visible range (rules/visibility.ts); in it, what they may not see is a hole.
    const visibleMax = lastVisibleSeq(membership);
    const from = Math.max(fromSeq, firstVisibleSeq(membership));
    const end = Math.min(toSeq === 0 ? visibleMax : toSeq, visibleMax, from + span - 1);
    let messages = end >= from ? await this.store.readMessages(conversationId, from, end, span) : [];
    if (messages.length > 0) {
      // What they deleted for themselves, down to the oldest message an event here changes.
      const low = Math.min(from, ...messages.filter((m) => changesEarlierMessage(m.type)).map((m) => m.refSeq));
      const hidden = new Set(await this.store.hiddenSeqs(caller.userId, conversationId, low, end));
      messages = messages.filter((m) => canSee(membership, (s) => hidden.has(s), m));
    }
    const holes: number[] = [];
    let expect = from;
    for (const m of messages) {
      while (expect < m.seq) holes.push(expect++);
      expect = m.seq + 1;
    }
    while (expect <= end) holes.push(expect++);
    return { conversationId, fromSeq: from, toSeq: end, messages, holes, maxSeq: visibleMax };
  }
}

