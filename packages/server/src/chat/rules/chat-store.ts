/**
 * The Store the chat service uses: a store adapter (the StorePort) with the
 * domain rules on top. Every write runs one rule module inside one of the port's
 * transactions; reads that decide who may see what (presence, member pages) are
 * composed here from the port's plain reads. The rules are in this folder, one
 * file per subject:
 *
 *   append.ts        who may send where (membership, blocks, strangers, mutes, mentions, replies)
 *   groups.ts        create, invite, join, kick, leave, roles, info, transfer, dismiss, mutes, large groups
 *   message-ops.ts   recall, edit, reactions, delete for me, clear history
 *   friends.ts       friend requests and answers, blocks, the stranger and group-adds settings
 *   consent.ts       who may add whom to a group (blocks, the group-adds setting, invitations), bans, caps
 *   member-state.ts  settings, read and delivered positions
 *   visibility.ts    which seqs a member may see, and which events follow them
 *   change-feed.ts   a sync page from the store's two index ranges
 *   records.ts       event bodies and resend recognition
 */
import { ConversationKind, ParleyError } from '@parley/protocol';
import { noCrash, UnsafeMode, type CrashHook } from '../../testing/faults.ts';
import type { StorePort } from '../store-port.ts';
import type {
  AppendRequest,
  AppendResult,
  BanRecord,
  ChangeCursor,
  ChangePage,
  FriendChangeRequest,
  FriendChangeResult,
  FriendListRecord,
  GroupChangeRequest,
  GroupRecord,
  InvitationRecord,
  Membership,
  MessageOpRequest,
  SettingsRequest,
  Store,
  StoredMessage,
  User,
} from '../types.ts';
import { appendBatch, maySendNow } from './append.ts';
import { changePage } from './change-feed.ts';
import { changeFriends } from './friends.ts';
import { DEFAULT_CONSENT, type ConsentOptions } from './consent.ts';
import { changeGroup } from './groups.ts';
import { changeSettings, markDelivered, markRead } from './member-state.ts';
import { modifyMessage } from './message-ops.ts';

export interface ChatStoreOptions {
  /** Groups with more current members than this become large for good (default 200). */
  largeGroupThreshold?: number;
  /** Who may add whom to groups, invitation lifetime, caps (consent.ts; defaults DEFAULT_CONSENT). */
  consent?: Partial<ConsentOptions>;
  /** TEST ONLY: the after-insert crash point. */
  crash?: CrashHook;
  /** TEST ONLY: contract-breaking modes (ack-before-commit, no-dedup). */
  unsafe?: ReadonlySet<UnsafeMode>;
}

type Refusal = { ok: false; code: ParleyError['code']; message: string };

/** Run a rule whose refusals are thrown ParleyErrors (its transaction rolls back): a refusal becomes a result. */
async function refused<R>(run: () => Promise<R>): Promise<R | Refusal> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ParleyError && !err.retryable) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

export class ChatStore implements Store {
  readonly storeId: string;
  private readonly largeGroupThreshold: number;
  private readonly consent: ConsentOptions;
  private readonly crash: CrashHook;
  private readonly unsafe: ReadonlySet<UnsafeMode>;

  constructor(
    private readonly port: StorePort,
    options: ChatStoreOptions = {},
  ) {
    this.storeId = port.storeId;
    this.largeGroupThreshold = options.largeGroupThreshold ?? 200;
    this.consent = { ...DEFAULT_CONSENT, ...options.consent };
    this.crash = options.crash ?? noCrash;
    this.unsafe = options.unsafe ?? new Set();
  }

  createUser(user: User): Promise<void> {
    return this.port.createUser(user);
  }

  getUser(id: string): Promise<User | undefined> {
    return this.port.getUser(id);
  }

  userByLogin(loginId: string): Promise<{ id: string } | undefined> {
    return this.port.userByLogin(loginId);
  }

  appendMessages(batch: readonly AppendRequest[]): Promise<AppendResult[]> {
    if (batch.length === 0) return Promise.resolve([]);
    const options = { crash: this.crash, noDedup: this.unsafe.has(UnsafeMode.NO_DEDUP) };
    return this.port.write((tx) => appendBatch(tx, batch, options), { ackBeforeCommit: this.unsafe.has(UnsafeMode.ACK_BEFORE_COMMIT) });
  }

  changeGroup(request: GroupChangeRequest): Promise<AppendResult> {
    return refused(() => this.port.write((tx) => changeGroup(tx, request, { largeGroupThreshold: this.largeGroupThreshold, consent: this.consent })));
  }

  modifyMessage(request: MessageOpRequest): Promise<AppendResult> {
    return refused(() => this.port.write((tx) => modifyMessage(tx, request)));
  }

  changeFriends(request: FriendChangeRequest): Promise<FriendChangeResult> {
    return refused(() => this.port.write((tx) => changeFriends(tx, request, this.consent)));
  }

  changeSettings(request: SettingsRequest): Promise<AppendResult> {
    return refused(() => this.port.write((tx) => changeSettings(tx, request)));
  }

  markRead(conversationId: string, userId: string, seq: number) {
    return this.port.write((tx) => markRead(tx, conversationId, userId, seq));
  }

  markDelivered(entries: readonly { conversationId: string; userId: string; seq: number }[]) {
    if (entries.length === 0) return Promise.resolve([]);
    return this.port.write((tx) => markDelivered(tx, entries));
  }

  async getMembership(conversationId: string, userId: string): Promise<Membership | undefined> {
    const row = await this.port.getMembership(conversationId, userId);
    return row && { joinSeq: row.joinSeq, maxSeq: row.maxSeq, leftSeq: row.leftSeq, role: row.role, clearedSeq: row.clearedSeq };
  }

  sendRefusal(conversationId: string, userId: string): Promise<Refusal | undefined> {
    return this.port.write((tx) => maySendNow(tx, conversationId, userId, Date.now()));
  }

  async listFriends(userId: string): Promise<FriendListRecord> {
    const [friends, incoming, outgoing, blocked, allowStrangers, groupAdds] = await Promise.all([
      this.port.friends(userId),
      this.port.incomingRequests(userId),
      this.port.outgoingRequests(userId),
      this.port.blocked(userId),
      this.port.allowsStrangers(userId),
      this.port.groupAdds(userId),
    ]);
    return { friends, incoming, outgoing, blocked, allowStrangers, groupAdds };
  }

  async listInvitations(userId: string, now: number): Promise<InvitationRecord[]> {
    return (await this.port.invitations(userId, now)).map((i) => ({ conversationId: i.conversationId, name: i.name, inviter: i.inviter, time: i.time, expiresAt: i.expiresAt }));
  }

  listBans(conversationId: string): Promise<BanRecord[]> {
    return this.port.bans(conversationId);
  }

  async getGroup(conversationId: string): Promise<GroupRecord | undefined> {
    const g = await this.port.conversation(conversationId);
    if (!g || g.kind !== ConversationKind.GROUP) return undefined;
    return {
      conversationId,
      name: g.name,
      avatarUrl: g.avatarUrl,
      announcement: g.announcement,
      joinable: g.joinable,
      mutedAll: g.mutedAll,
      dismissed: g.dismissed,
      maxSeq: g.maxSeq,
      members: await this.port.groupMembers(conversationId),
    };
  }

  setLastSeen(userId: string, time: number): Promise<void> {
    return this.port.setLastSeen(userId, time);
  }

  getLastSeen(userId: string): Promise<number | undefined> {
    return this.port.getLastSeen(userId);
  }

  /**
   * A page of current members after `after`, leaving out those with a block
   * either way with the viewer (as presence does): pages of the store are read
   * until `limit` remain or the members run out.
   */
  async memberPresence(conversationId: string, viewerId: string, after: string, limit: number) {
    const page: { userId: string; lastSeen: number }[] = [];
    for (let cursor = after; page.length < limit; ) {
      const rows = await this.port.memberPage(conversationId, cursor, limit - page.length);
      if (rows.length === 0) break;
      const blocked = await this.port.blockedAmong(viewerId, rows.map((r) => r.userId));
      page.push(...rows.filter((r) => !blocked.has(r.userId)));
      cursor = rows[rows.length - 1]!.userId;
    }
    return page;
  }

  /** Whether `a` may see `b`'s presence: friends, or sharing a conversation, and neither blocked the other. */
  async presenceVisible(a: string, b: string): Promise<boolean> {
    if ((await this.port.blockedAmong(a, [b])).size > 0) return false;
    return (await this.port.isFriend(a, b)) || (await this.port.sharesConversation(a, b));
  }

  listMembers(conversationId: string): Promise<readonly string[]> {
    return this.port.listMembers(conversationId);
  }

  readMessages(conversationId: string, fromSeq: number, toSeq: number, limit: number): Promise<StoredMessage[]> {
    return this.port.readMessages(conversationId, fromSeq, toSeq, limit);
  }

  readers(conversationId: string, seq: number, limit: number) {
    return this.port.readers(conversationId, seq, limit);
  }

  hiddenSeqs(userId: string, conversationId: string, fromSeq: number, toSeq: number): Promise<number[]> {
    return this.port.hiddenSeqs(userId, conversationId, fromSeq, toSeq);
  }

  async changesSince(userId: string, after: ChangeCursor, limit: number): Promise<ChangePage> {
    return changePage(await this.port.changesSince(userId, after, limit + 1), after, limit);
  }

  close(): Promise<void> {
    return this.port.close();
  }
}
