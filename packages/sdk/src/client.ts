/**
 * ParleyClient: everything an app needs so that it never writes reconnect,
 * retransmit, dedup, ordering, gap fill or sync itself. This file is the public
 * API and the feature calls (groups, friends, settings, presence, history); the
 * machinery is in parts that can each be read alone:
 *
 *   connection.ts     the session state machine: dial, auth, heartbeat, requests, reconnect
 *   outbox.ts         sends until acked, in call order per conversation
 *   delivery.ts       exactly once and in order to the app, cursors, acks, gap pulls
 *   sync.ts           catching up from the sync token; a new device's first pages
 *   conversations.ts  the conversation list: state, unread counts, receipts
 *   store-queue.ts    SessionStore writes in the order they were made
 *   wire.ts           frames to the app's types
 *
 * Every promise the client returns settles — resolved, or rejected with a
 * ParleyError whose `retryable` says whether trying again can help — within a
 * bound: requests within `requestTimeoutMs`, sends within `sendTimeoutMs`,
 * connect() within `onlineTimeoutMs`, and all of them at close().
 */
import {
  AccountsSessionOp,
  ConversationSetting,
  ErrorCode,
  FriendOp,
  GroupAdds,
  GroupInfoField,
  GroupOp,
  GroupRole,
  Limits,
  MessageOpKind,
  MessageType,
  NoticeCode,
  ParleyError,
  type FrameData,
  type SettingsEvent,
  type parley,
} from '@parley/protocol';
import { DEFAULT_BACKOFF } from './backoff.ts';
import { Connection, errorOf } from './connection.ts';
import { Conversations } from './conversations.ts';
import { Delivery } from './delivery.ts';
import { Emitter } from './emitter.ts';
import { Outbox } from './outbox.ts';
import { MemorySessionStore, type OutboxEntry } from './session-store.ts';
import { StoreQueue } from './store-queue.ts';
import { Sync } from './sync.ts';
import type {
  ClientEvents,
  ClientOptions,
  ConnectionState,
  ConversationInfo,
  FriendList,
  GroupBan,
  SignInSession,
  GroupChange,
  GroupDetails,
  GroupInfoUpdate,
  GroupInvitation,
  GroupPresencePage,
  Message,
  Notice,
  PresenceInfo,
  ReadReceipt,
  SendAck,
  SendInput,
} from './types.ts';
import { Uploads, type FileInfo, type UploadOptions } from './uploads.ts';
import { IncomingVoice, VoiceRecorder, VoiceStreams, type RecordVoiceOptions, type VoiceHost } from './voice.ts';
import { newClientMsgId, ownMessage, toMessage, toPresence, toSendAck } from './wire.ts';

export type {
  MessageFile,
  ClientEvents,
  ClientOptions,
  ConnectionState,
  ConversationInfo,
  FriendList,
  GroupBan,
  GroupChange,
  GroupDetails,
  GroupInfoUpdate,
  GroupInvitation,
  GroupPresencePage,
  Message,
  Notice,
  PresenceInfo,
  ReadReceipt,
  SendAck,
  SendInput,
  SignInSession,
} from './types.ts';

const encoder = new TextEncoder();

export class ParleyClient extends Emitter<ClientEvents> {
  private readonly connection: Connection;
  private readonly store: StoreQueue;
  private readonly outbox: Outbox;
  private readonly delivery: Delivery;
  private readonly sync: Sync;
  private readonly conversations: Conversations;
  private readonly uploads: Uploads;
  private readonly voice: VoiceStreams;
  private readonly voiceHost: VoiceHost;
  private readonly recorders = new Set<VoiceRecorder>();
  private readonly onlineTimeoutMs: number;
  private readonly onlineWaiters = new Set<{ resolve: () => void; reject: (err: ParleyError) => void }>();
  private readonly watched = new Set<string>();
  private currentUserId = '';
  private loaded: Promise<void> | undefined;
  private started: Promise<void> | undefined;

  constructor(private readonly options: ClientOptions) {
    super();
    const urls = options.url === undefined ? [] : Array.isArray(options.url) ? [...options.url] : [options.url];
    if (urls.length === 0 && !options.nodesUrl) throw new Error('at least one url (or a nodesUrl) is required');
    if (!Limits.DEVICE_ID.test(options.deviceId)) throw new Error('deviceId must be 1..64 characters of A-Z a-z 0-9 _ . : -');
    const backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.onlineTimeoutMs = options.onlineTimeoutMs ?? 30_000;
    this.store = new StoreQueue(options.store ?? new MemorySessionStore(), (err) => this.emit('store-error', err));
    this.conversations = new Conversations(
      (info) => this.emit('conversation', info),
      () => this.sync.background(),
    );
    // Looked up at each call, not now: a test or an app may replace the global fetch later.
    const httpFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.connection = new Connection(
      {
        urls,
        nodesUrl: options.nodesUrl,
        transport: options.transport,
        token: options.token,
        deviceId: options.deviceId,
        platform: options.platform ?? '',
        connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
        requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
        backoff,
        WebSocket: options.WebSocket,
        ...(options.tls ? { tls: options.tls } : {}),
        fetch: httpFetch,
      },
      {
        opened: (userId) => this.opened(userId),
        frame: (frame) => this.onFrame(frame),
        tick: (now) => {
          this.outbox.tick(now);
          this.delivery.tick(now);
        },
        lost: () => {
          this.outbox.lost();
          this.delivery.lost();
        },
        ended: (error) => this.ended(error),
        state: (state) => this.onState(state),
        error: (error) => this.emit('error', error),
      },
    );
    const client = this;
    this.outbox = new Outbox(
      {
        get ready() {
          return client.connection.ready;
        },
        get userId() {
          return client.currentUserId;
        },
        newRequestId: () => this.connection.newRequestId(),
        write: (frame) => this.connection.write(frame),
      },
      this.store,
      { ackTimeoutMs: options.ackTimeoutMs ?? 5000, sendTimeoutMs: options.sendTimeoutMs ?? 60_000, backoff },
      {
        acked: (ack, entry) => {
          // This device learns its own message from the ack: delivered at its seq like any other.
          this.delivery.offer([ownMessage(ack, entry, this.currentUserId, this.options.deviceId)]);
          this.emit('ack', ack);
        },
        refused: (clientMsgId, error) => this.emit('send-failed', { clientMsgId, error }),
      },
    );
    this.delivery = new Delivery(
      this.store,
      { reorderWindowMs: options.reorderWindowMs ?? 250, handleMessage: options.handleMessage, backoff, disableGapPull: options.testDisableGapPull },
      {
        released: (conversationId, messages) => this.released(conversationId, messages),
        message: (m) => {
          this.emit('message', m);
          this.voice.message(m);
        },
        ack: (conversationId, seq) => this.connection.write({ ack: { conversationId, seq } }),
        pull: async (conversationId, fromSeq, toSeq) =>
          (await this.request({ pull: { conversationId, fromSeq, toSeq, limit: this.pullPageSize } })).pullResult!,
        error: (error) => this.emit('error', error),
      },
    );
    this.uploads = new Uploads(
      {
        base: httpBaseOf(options.httpUrl, urls),
        token: async () => (typeof options.token === 'function' ? options.token() : options.token),
        backoff,
        requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
        fetch: httpFetch,
      },
      this.store,
      (p) => this.emit('upload', p),
    );
    this.voiceHost = {
      request: (frame) => this.request(frame),
      backoff,
      deadlineMs: options.sendTimeoutMs || 60_000,
      progress: (p) => this.emit('voice-progress', p),
      sent: (message) => this.delivery.offer([message]),
    };
    this.voice = new VoiceStreams(this.voiceHost, options.voiceIdleTimeoutMs ?? 60_000, (stream) => this.emit('voice', stream));
    this.sync = new Sync(
      this.delivery,
      this.store,
      { pullPageSize: this.pullPageSize, firstSyncMessages: options.firstSyncMessages ?? 50, backoff },
      {
        request: (frame) => this.request(frame),
        listed: (state) => this.conversations.synced(state),
        synced: () => this.emit('synced'),
        error: (error) => this.emit('error', error),
        get ready() {
          return client.connection.ready;
        },
      },
    );
  }

  private get pullPageSize(): number {
    return this.options.pullPageSize ?? 200;
  }

  get state(): ConnectionState {
    return this.connection.state;
  }

  /** The authenticated user id ('' before the first AuthOk). */
  get userId(): string {
    return this.currentUserId;
  }

  /** Deliveries the client dropped because the app already had them (retransmits, resyncs). */
  get duplicatesDropped(): number {
    return this.delivery.duplicates;
  }

  /** Sends not yet acknowledged by the server. */
  get pendingSends(): number {
    return this.outbox.size;
  }

  /** What is known of one conversation (after the first sync), or undefined. */
  conversation(conversationId: string): ConversationInfo | undefined {
    return this.conversations.get(conversationId);
  }

  /**
   * Every conversation known: pinned ones first, then by last activity (the time
   * of the last message), newest first; conversations with nothing visible last.
   */
  conversationList(): ConversationInfo[] {
    return this.conversations.list();
  }

  /**
   * Who has read a conversation up to `seq`: the receipts large groups pull
   * instead of having them pushed. Up to `limit` user ids, and the counts.
   */
  async readers(conversationId: string, seq: number, limit = 0): Promise<{ users: string[]; readCount: number; unreadCount: number }> {
    const r = (await this.request({ readers: { conversationId, seq, limit } })).readersResult!;
    return { users: r.users ?? [], readCount: r.readCount ?? 0, unreadCount: r.unreadCount ?? 0 };
  }

  /**
   * Pin or mute a conversation for yourself; all your devices follow (a SETTINGS
   * event in your notice conversation) and sync carries the settings.
   */
  async setConversationSettings(conversationId: string, change: { pinned?: boolean; muted?: boolean }): Promise<SendAck> {
    const current = this.conversations.settingsOf(conversationId);
    const settings: SettingsEvent = { conversationId, pinned: change.pinned ?? current?.pinned ?? false, muted: change.muted ?? current?.muted ?? false };
    const clientMsgId = newClientMsgId();
    const fields = ConversationSetting.PINNED | ConversationSetting.MUTED;
    return this.requestEvent({ settings: { conversationId, fields, pinned: settings.pinned, muted: settings.muted, clientMsgId } }, clientMsgId, {
      type: MessageType.SETTINGS,
      body: encoder.encode(JSON.stringify(settings)),
      refSeq: 0,
    });
  }

  /**
   * Mark a conversation read up to `seq` (default: everything delivered). The
   * position is one per user: all your devices learn it. Resolves with the stored
   * position (it never moves back).
   */
  async markRead(conversationId: string, seq = this.cursor(conversationId)): Promise<number> {
    const reply = await this.request({ markRead: { conversationId, seq } });
    const readSeq = Number(reply.readState?.readSeq ?? 0);
    this.onRead({ conversationId, userId: this.currentUserId, readSeq });
    return readSeq;
  }

  /**
   * Recall (delete for everyone) one of your messages within the server's recall
   * window, or any message of a group you administer. Everyone's devices get a
   * RECALL event (refSeq = seq); history keeps the message with the RECALLED flag
   * and no content. Needs a connection.
   */
  recall(conversationId: string, seq: number): Promise<SendAck> {
    return this.messageOp(MessageOpKind.RECALL, conversationId, seq, new Uint8Array(0));
  }

  /** Replace the content of one of your messages; everyone's devices get an EDIT event. Needs a connection. */
  edit(conversationId: string, seq: number, content: string | Uint8Array): Promise<SendAck> {
    return this.messageOp(MessageOpKind.EDIT, conversationId, seq, typeof content === 'string' ? encoder.encode(content) : content);
  }

  /**
   * React to a message with an emoji (or take your reaction back). Everyone's
   * devices get a REACTION event (refSeq = seq, `reaction` = { op, emoji }) that
   * does not count as unread; pulled messages carry their current `reactions`.
   */
  react(conversationId: string, seq: number, emoji: string): Promise<SendAck> {
    return this.messageOp(MessageOpKind.REACT, conversationId, seq, new Uint8Array(0), emoji);
  }

  unreact(conversationId: string, seq: number, emoji: string): Promise<SendAck> {
    return this.messageOp(MessageOpKind.UNREACT, conversationId, seq, new Uint8Array(0), emoji);
  }

  /**
   * Delete a message for yourself: gone from your history (pulls report it as a
   * hole) on all your devices; others keep it. Your devices get a HISTORY event
   * (`message.history`) in your notice conversation. Needs a connection.
   */
  deleteForMe(conversationId: string, seq: number): Promise<SendAck> {
    return this.messageOp(MessageOpKind.HIDE, conversationId, seq, new Uint8Array(0));
  }

  /** Clear your history of a conversation up to `seq` (default: everything delivered), on all your devices. */
  clearHistory(conversationId: string, seq = this.cursor(conversationId)): Promise<SendAck> {
    return this.messageOp(MessageOpKind.CLEAR, conversationId, seq, new Uint8Array(0));
  }

  private async messageOp(op: MessageOpKind, conversationId: string, seq: number, content: Uint8Array, emoji = ''): Promise<SendAck> {
    const clientMsgId = newClientMsgId();
    // This device's own event, as the server stored it (same type, same body bytes).
    let type: number = op === MessageOpKind.RECALL ? MessageType.RECALL : MessageType.EDIT;
    let body = content;
    let refSeq = seq;
    if (op === MessageOpKind.REACT || op === MessageOpKind.UNREACT) {
      type = MessageType.REACTION;
      body = encoder.encode(JSON.stringify({ op: op === MessageOpKind.REACT ? 'add' : 'remove', emoji }));
    } else if (op === MessageOpKind.HIDE || op === MessageOpKind.CLEAR) {
      type = MessageType.HISTORY; // in your notice conversation (ack.conversationId)
      body = encoder.encode(JSON.stringify({ op: op === MessageOpKind.HIDE ? 'hide' : 'clear', conversationId, seq }));
      refSeq = 0;
    }
    const frame = { messageOp: { op, conversationId, seq, body: content, clientMsgId, emoji } };
    return this.requestEvent(frame, clientMsgId, { type, body, refSeq });
  }

  /** A request answered by a SendAck for an event the server wrote: this device is shown its own event at its seq. */
  private async requestEvent(frame: FrameData, clientMsgId: string, event: { type: number; body: Uint8Array; refSeq: number }): Promise<SendAck> {
    const ack = toSendAck((await this.request(frame)).sendAck!, clientMsgId);
    this.delivery.offer([
      toMessage({
        id: ack.messageId, conversationId: ack.conversationId, seq: ack.seq, senderId: this.currentUserId, senderDevice: this.options.deviceId,
        clientMsgId, ...event, serverTime: ack.serverTime,
      }),
    ]);
    return ack;
  }

  /**
   * The presence of `users` you share a conversation with (others are left out).
   * With `subscribe`, the 'presence' event reports their changes from now on,
   * across reconnects, until close().
   */
  async presence(users: string[], subscribe = false): Promise<PresenceInfo[]> {
    if (subscribe) for (const u of users) this.watched.add(u);
    const reply = await this.request({ presence: { users, subscribe } });
    return (reply.presenceResult?.users ?? []).map(toPresence);
  }

  /**
   * The presence of a conversation's members, a page at a time: what large groups
   * pull instead of subscribing. Members by user id after `after` ('' from the
   * first), at most `limit` (0: the server's maximum, 500). Members only
   * (NOT_MEMBER otherwise, also after leaving); members between whom and you there
   * is a block are left out. Continue with `after` = the page's `next` until it is ''.
   */
  async groupPresence(conversationId: string, options: { after?: string; limit?: number } = {}): Promise<GroupPresencePage> {
    const reply = await this.request({ presence: { conversationId, after: options.after ?? '', limit: options.limit ?? 0 } });
    const r = reply.presenceResult!;
    return {
      users: (r.users ?? []).map(toPresence),
      next: r.next ?? '',
    };
  }

  /**
   * Tell the other members you are typing (or stopped). Ephemeral: never stored,
   * dropped while offline, rate-limited by the server (a few per second).
   */
  setTyping(conversationId: string, typing = true): void {
    if (this.connection.state === 'online') this.connection.write({ typing: { conversationId, typing } });
  }

  /** Highest seq the app has been given in a conversation (with `handleMessage`: has finished with), 0 if none. */
  cursor(conversationId: string): number {
    return this.delivery.delivered(conversationId);
  }

  /**
   * Start the session. Resolves when online; rejects on a terminal failure (a
   * refused token, kicked, replaced, closed) or, with the retryable UNAVAILABLE,
   * when not online within `onlineTimeoutMs` — the client keeps trying, and the
   * 'state' event says when it is online. After that the client reconnects by
   * itself until close().
   */
  connect(): Promise<void> {
    const ended = this.connection.ended;
    if (ended) return Promise.reject(ended);
    if (this.connection.state === 'online') return Promise.resolve();
    const online = new Promise<void>((resolve, reject) => {
      const waiter = {
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (err: ParleyError) => (clearTimeout(timer), reject(err)),
      };
      const timer = setTimeout(() => {
        this.onlineWaiters.delete(waiter);
        reject(new ParleyError(ErrorCode.UNAVAILABLE, `not online within ${this.onlineTimeoutMs} ms; still trying`, { retryable: true }));
      }, this.onlineTimeoutMs);
      (timer as { unref?: () => void }).unref?.();
      this.onlineWaiters.add(waiter);
    });
    this.started ??= this.load().then(
      () => this.connection.start(),
      (err: unknown) => this.connection.stop(new ParleyError(ErrorCode.UNAVAILABLE, `the SessionStore could not be read: ${(err as Error).message}`, { retryable: false, cause: err })),
    );
    return online;
  }

  /**
   * Send a message. Resolves with the durable ack. The send is stored in the
   * SessionStore first and resent (same clientMsgId) across reconnects and
   * restarts until the server acks or refuses it; one device's sends to one
   * conversation are stored in the order of these calls. Rejects with the
   * server's refusal, after `sendTimeoutMs` (retryable; still queued), or on
   * close() (still stored, for the next session).
   */
  async send(input: SendInput): Promise<SendAck> {
    const ended = this.connection.ended;
    if (ended) throw ended;
    if ((input.to === undefined) === (input.conversationId === undefined)) {
      throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'give exactly one of `to` and `conversationId`', { retryable: false });
    }
    const clientMsgId = input.clientMsgId ?? newClientMsgId();
    if (!Limits.CLIENT_MSG_ID.test(clientMsgId)) {
      throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'clientMsgId must be 1..64 printable ASCII characters', { retryable: false });
    }
    const entry: OutboxEntry = {
      clientMsgId,
      ...(input.to !== undefined ? { to: input.to } : { conversationId: input.conversationId! }),
      type: input.type ?? (input.file ? fileMessageType(input.file.mime) : MessageType.TEXT),
      body: input.body ?? (input.file ? encoder.encode(JSON.stringify(fileMessageBody(input.file))) : encoder.encode(input.text ?? '')),
      createdAt: Date.now(),
      ...(input.mentions?.length ? { mentions: [...input.mentions] } : {}),
      ...(input.mentionAll ? { mentionAll: true } : {}),
      ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    };
    await this.load().catch((err: unknown) => {
      throw new ParleyError(ErrorCode.UNAVAILABLE, `the SessionStore could not be read: ${(err as Error).message}`, { retryable: true, cause: err });
    });
    return this.outbox.send(entry);
  }

  /** Create a group with `members` (besides you, its owner). Resolves once committed. */
  async createGroup(name: string, members: string[]): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.CREATE, name, users: members });
  }

  /** Add members to a group (owner or admin only). They see the group from this event on. */
  invite(conversationId: string, users: string[]): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.INVITE, conversationId, users });
  }

  /** Remove members from a group (owner or admin, over lower roles only). */
  kick(conversationId: string, users: string[]): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.KICK, conversationId, users });
  }

  /** Leave a group: nothing after your leave event reaches you. */
  leaveGroup(conversationId: string): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.LEAVE, conversationId, users: [] });
  }

  /** Change a group's name, avatar URL, announcement or join policy (owner or admin). */
  updateGroupInfo(conversationId: string, update: GroupInfoUpdate): Promise<GroupChange> {
    let fields = 0;
    if (update.name !== undefined) fields |= GroupInfoField.NAME;
    if (update.avatarUrl !== undefined) fields |= GroupInfoField.AVATAR_URL;
    if (update.announcement !== undefined) fields |= GroupInfoField.ANNOUNCEMENT;
    if (update.joinable !== undefined) fields |= GroupInfoField.JOINABLE;
    return this.changeGroup({ op: GroupOp.INFO, conversationId, fields, ...update });
  }

  /** Make members admins or plain members again (owner only). */
  setRole(conversationId: string, users: string[], role: typeof GroupRole.ADMIN | typeof GroupRole.MEMBER): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.SET_ROLE, conversationId, users, role });
  }

  /** Hand the group to another member (owner only); you become an admin. */
  transferOwnership(conversationId: string, to: string): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.TRANSFER, conversationId, users: [to] });
  }

  /** End the group (owner only): every member leaves at this event. */
  dismissGroup(conversationId: string): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.DISMISS, conversationId, users: [] });
  }

  /** Stop members from sending until `until` (ms since epoch); 0 lifts it. Owner or admin, over lower roles. */
  mute(conversationId: string, users: string[], until: number): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.MUTE, conversationId, users, mutedUntil: until });
  }

  /** Mute (or unmute) the whole group: only the owner and admins may send while on. */
  muteAll(conversationId: string, on: boolean): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.MUTE_ALL, conversationId, users: [], on });
  }

  /** Join a group by its id, when the group allows it and you are not banned. You see it from your join event on. */
  joinGroup(conversationId: string): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.JOIN, conversationId, users: [] });
  }

  /**
   * Ban users from a group (owner or admin): members among them (of a lower role)
   * are removed, and none of them can join, be invited or accept an invitation
   * until `unban`. "Kick with ban" is a ban of a member.
   */
  ban(conversationId: string, users: string[]): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.BAN, conversationId, users });
  }

  /** Lift bans (owner or admin). */
  unban(conversationId: string, users: string[]): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.UNBAN, conversationId, users });
  }

  /** A group's ban list (owner or admin). */
  async bans(conversationId: string): Promise<GroupBan[]> {
    const r = (await this.request({ consentBans: { conversationId } })).consentBansResult!;
    return (r.bans ?? []).map((b) => ({ userId: b.userId ?? '', bannedBy: b.bannedBy ?? '', time: Number(b.time ?? 0) }));
  }

  /**
   * Your pending group invitations: adds your GroupAdds setting did not allow.
   * Each also arrives as a FRIEND event (`op: 'invitation'`) in your notice conversation.
   */
  async invitations(): Promise<GroupInvitation[]> {
    const r = (await this.request({ consentInvitations: {} })).consentInvitationsResult!;
    return (r.invitations ?? []).map((i) => ({
      conversationId: i.conversationId ?? '', name: i.name ?? '', inviter: i.inviter ?? '', time: Number(i.time ?? 0), expiresAt: Number(i.expiresAt ?? 0),
    }));
  }

  /** Accept an invitation: you join the group (its join event names the inviter). */
  acceptInvitation(conversationId: string): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.ACCEPT_INVITATION, conversationId, users: [] });
  }

  /** Decline an invitation: it goes; the change is recorded in your notice conversation (its `message`). */
  declineInvitation(conversationId: string): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.DECLINE_INVITATION, conversationId, users: [] });
  }

  /**
   * Ask `userId` to be friends (a pending request from them is accepted instead).
   * Every friend change is a FRIEND event in the notice conversation ("n:<user>")
   * of each user it concerns, so both sides and all their devices learn it in
   * order, also after being offline. Need a connection; idempotent by clientMsgId.
   */
  requestFriend(userId: string, note = ''): Promise<Message[]> {
    return this.changeFriends({ op: FriendOp.REQUEST, userId, note });
  }

  acceptFriend(userId: string): Promise<Message[]> {
    return this.changeFriends({ op: FriendOp.ACCEPT, userId });
  }

  rejectFriend(userId: string): Promise<Message[]> {
    return this.changeFriends({ op: FriendOp.REJECT, userId });
  }

  removeFriend(userId: string): Promise<Message[]> {
    return this.changeFriends({ op: FriendOp.REMOVE, userId });
  }

  /** Block a user: they cannot message you or befriend you; a friendship and requests end. */
  block(userId: string): Promise<Message[]> {
    return this.changeFriends({ op: FriendOp.BLOCK, userId });
  }

  unblock(userId: string): Promise<Message[]> {
    return this.changeFriends({ op: FriendOp.UNBLOCK, userId });
  }

  /** Whether users who are not your friends may start a 1:1 chat with you (default true). */
  allowStrangers(allow: boolean): Promise<Message[]> {
    return this.changeFriends({ op: FriendOp.ALLOW_STRANGERS, allow });
  }

  /**
   * Who may add you to a group: GroupAdds.ANYONE, FRIENDS or NOBODY. Anyone else's
   * add becomes an invitation you accept or decline (see `invitations`).
   */
  setGroupAdds(value: GroupAdds): Promise<Message[]> {
    return this.changeFriends({ op: FriendOp.GROUP_ADDS, groupAdds: value });
  }

  /** Your sign-in sessions (one per login), newest first; `current` marks this client's. */
  async sessions(): Promise<SignInSession[]> {
    const r = (await this.request({ sessions: { op: AccountsSessionOp.LIST } })).sessionsResult!;
    return (r.sessions ?? []).map((s) => ({
      sessionId: s.sessionId ?? '',
      device: s.device ?? '',
      address: s.address ?? '',
      createdAt: Number(s.createdAt ?? 0),
      lastSeen: Number(s.lastSeen ?? 0),
      expiresAt: Number(s.expiresAt ?? 0),
      current: s.current ?? false,
    }));
  }

  /**
   * Signs out a session: `sessionId` (one of yours, from `sessions()`), or this
   * client's own. A signed-out session's connections close everywhere (KICKED)
   * and its token is refused from then on — so signing out this client's own
   * session ends this client too (it resolves once the server has done it).
   * SESSION_NOT_FOUND for a session that is not yours or not active.
   */
  async signOut(sessionId?: string): Promise<void> {
    try {
      await this.request({ sessions: { op: AccountsSessionOp.REVOKE, sessionId: sessionId ?? '' } });
    } catch (err) {
      // Our own session: the server closed this connection (KICKED) as it signed it out, before answering.
      if (sessionId === undefined && (this.state === 'closed' || (err instanceof ParleyError && err.code === ErrorCode.KICKED))) return;
      throw err;
    }
  }

  /** Signs out every session but this client's; resolves with the ids signed out. */
  async signOutOthers(): Promise<string[]> {
    return (await this.request({ sessions: { op: AccountsSessionOp.REVOKE_OTHERS } })).sessionsResult!.revoked ?? [];
  }

  async friends(): Promise<FriendList> {
    const l = (await this.request({ friendList: {} })).friendListResult!;
    const entries = (list: parley.IFriendEntry[] | null | undefined) =>
      (list ?? []).map((e) => ({ userId: e.userId ?? '', note: e.note ?? '', time: Number(e.time ?? 0) }));
    return {
      friends: entries(l.friends).map((e) => ({ userId: e.userId, since: e.time })),
      incoming: entries(l.incoming),
      outgoing: entries(l.outgoing),
      blocked: entries(l.blocked).map((e) => ({ userId: e.userId, since: e.time })),
      allowStrangers: l.allowStrangers ?? false,
      groupAdds: l.groupAdds ?? 0,
    };
  }

  private async changeFriends(request: parley.IFriendRequest): Promise<Message[]> {
    const reply = await this.request({ friend: { ...request, clientMsgId: request.clientMsgId ?? newClientMsgId() } });
    const events = (reply.friendResult?.events ?? []).map(toMessage);
    this.delivery.offer(events); // this device's own events, at their seqs
    return events;
  }

  /** A group's info and current members (for members, or anyone while it is joinable). */
  async groupInfo(conversationId: string): Promise<GroupDetails> {
    const g = (await this.request({ groupInfo: { conversationId } })).groupInfoResult!;
    return {
      conversationId: g.conversationId ?? '',
      name: g.name ?? '',
      avatarUrl: g.avatarUrl ?? '',
      announcement: g.announcement ?? '',
      joinable: g.joinable ?? false,
      mutedAll: g.mutedAll ?? false,
      dismissed: g.dismissed ?? false,
      maxSeq: Number(g.maxSeq ?? 0),
      members: (g.members ?? []).map((m) => ({ userId: m.userId ?? '', role: m.role ?? 0, mutedUntil: Number(m.mutedUntil ?? 0), joinSeq: Number(m.joinSeq ?? 0) })),
    };
  }

  /**
   * Membership changes are requests, not outbox entries: they need a connection
   * (they reject while offline). A retry with the same `clientMsgId` is idempotent.
   */
  private async changeGroup(request: parley.IGroupRequest): Promise<GroupChange> {
    const reply = await this.request({ group: { ...request, clientMsgId: request.clientMsgId ?? newClientMsgId() } });
    const result = reply.groupResult!;
    const message = toMessage(result.message ?? {});
    this.delivery.offer([message]); // this device's own membership event, at its seq
    return { conversationId: result.conversationId ?? '', seq: Number(result.seq ?? 0), duplicate: result.duplicate ?? false, message };
  }

  /** Convenience: send a text message to a user. */
  sendText(to: string, text: string): Promise<SendAck> {
    return this.send({ to, text });
  }

  /**
   * Read history (fromSeq..toSeq, toSeq 0 = newest) without affecting live
   * delivery. Follows the server's paging until the range is covered or `limit`
   * messages are collected.
   */
  /**
   * Page backwards through history: up to `limit` messages before seq `before`
   * (default: after the newest delivered), oldest first. Deleted-for-me messages,
   * and anything before your join or cleared point, are left out; an empty page
   * means you have reached the start. Continue with `before` = the first seq returned.
   */
  async history(conversationId: string, options: { before?: number; limit?: number } = {}): Promise<Message[]> {
    const limit = Math.max(1, Math.min(options.limit ?? 50, 500));
    let before = options.before ?? this.cursor(conversationId) + 1;
    const out: Message[] = [];
    // Holes (deleted for me, events not visible) can thin a range: widen backwards until full or at the start.
    while (out.length < limit && before > 1) {
      const from = Math.max(1, before - (limit - out.length));
      const page = (await this.request({ pull: { conversationId, fromSeq: from, toSeq: before - 1, limit: before - from } })).pullResult!;
      out.unshift(...(page.messages ?? []).map(toMessage));
      // The server starts no lower than the join or cleared point: nothing earlier exists for you.
      if (Number(page.fromSeq ?? 0) > from) break;
      before = from;
    }
    return out;
  }

  async pull(conversationId: string, fromSeq: number, toSeq = 0, limit = this.pullPageSize): Promise<Message[]> {
    const out: Message[] = [];
    let from = fromSeq;
    while (out.length < limit) {
      const page = (await this.request({ pull: { conversationId, fromSeq: from, toSeq, limit: Math.min(limit - out.length, 500) } })).pullResult!;
      out.push(...(page.messages ?? []).map(toMessage));
      const end = Number(page.toSeq ?? 0);
      const target = toSeq === 0 ? Number(page.maxSeq ?? 0) : toSeq;
      if (end < Number(page.fromSeq ?? 0) || end >= target) break;
      from = end + 1;
    }
    return out;
  }

  /**
   * Upload a file (a Blob or File in the browser, bytes anywhere; in Node,
   * `fs.openAsBlob(path)`). Hashes it, asks the server whether it already has
   * the content (an instant upload, proven from this copy), and otherwise sends
   * it in resumable chunks, in parallel parts when large. Resumes after a cut, a
   * reconnect, and — with a SessionStore that keeps uploads — an app restart
   * (call upload() again with the same content). Resolves with the file; send it
   * with `send({ to, file })`. Progress comes to `options.onProgress` and the
   * 'upload' event; `options.signal` cancels (CANCELLED).
   */
  upload(file: Blob | Uint8Array, options: UploadOptions = {}): Promise<FileInfo> {
    return this.load().then(() => this.uploads.upload(file, options));
  }

  /** Uploads left unfinished by an earlier run (from the SessionStore), to offer to resume. */
  async pendingUploads(): Promise<{ name: string; size: number; mime: string; createdAt: number }[]> {
    await this.load();
    return this.uploads.pending().map((r) => ({ name: r.name, size: r.size, mime: r.mime, createdAt: r.createdAt }));
  }

  /** A file's bytes (those you may see: your own, or sent where you can see the message), or a range of them. */
  download(fileId: string, options: { range?: { start: number; end?: number }; signal?: AbortSignal } = {}) {
    return this.uploads.download(fileId, options);
  }

  /** A file's metadata. */
  fileInfo(fileId: string): Promise<FileInfo> {
    return this.uploads.info(fileId);
  }

  /** A short-lived URL of a file that works without a token, for `<img>` and `<audio>` tags. */
  fileLink(fileId: string): Promise<{ url: string; expiresAt: number }> {
    return this.uploads.link(fileId);
  }

  /**
   * Record a voice message that streams while it is recorded: push() each audio
   * chunk as the recorder makes it (e.g. Opus every ~250 ms); the other members'
   * devices get the chunks as they are stored and can play them before you
   * stop. stop({ durationMs }) resolves with the sent VOICE message (its file is
   * exactly the pushed bytes); cancel() leaves nothing. Progress comes to
   * `options.onProgress` and the 'voice-progress' event. Needs a connection
   * (chunks wait through reconnects, within sendTimeoutMs).
   */
  recordVoice(conversationId: string, options: RecordVoiceOptions = {}): VoiceRecorder {
    const recorder = new VoiceRecorder(conversationId, this.voiceHost, {
      ...options,
      onProgress: (p) => {
        if (p.phase === 'sent' || p.phase === 'cancelled' || p.phase === 'failed') this.recorders.delete(recorder);
        options.onProgress?.(p);
      },
    });
    this.recorders.add(recorder);
    return recorder;
  }

  /** Voice messages other devices are streaming to you right now, by stream id (see the 'voice' event). */
  get voiceStreams(): ReadonlyMap<string, IncomingVoice> {
    return this.voice.active;
  }

  /**
   * Close for good: no reconnect. Every pending promise settles (sends with the
   * non-retryable UNAVAILABLE; they stay in the SessionStore for the next
   * session), and it resolves once the SessionStore has every write made so far.
   */
  async close(): Promise<void> {
    await this.connection.close();
    await this.store.settled();
  }

  // ---------------------------------------------------------------- the session

  /** What a previous session left in the SessionStore (once). */
  private load(): Promise<void> {
    return (this.loaded ??= this.store.load().then((state) => {
      this.sync.token = state.syncToken;
      for (const [conversationId, seq] of Object.entries(state.cursors)) this.delivery.restore(conversationId, seq);
      this.outbox.restore(state.outbox);
      this.uploads.restore(state.uploads ?? []);
    }));
  }

  /** A new connection is authenticated: resend, sync, renew presence subscriptions. */
  private async opened(userId: string): Promise<void> {
    this.currentUserId = userId;
    this.outbox.pump();
    await this.sync.run();
    if (this.watched.size > 0) {
      // Subscriptions live as long as a connection: renew them, and report where things stand now.
      for (const p of await this.presence([...this.watched], true)) this.emit('presence', p);
    }
  }

  private onState(state: ConnectionState): void {
    this.emit('state', state);
    if (state === 'online') for (const w of [...this.onlineWaiters]) (this.onlineWaiters.delete(w), w.resolve());
  }

  /** The session ended (close() or a terminal outcome): settle everything. */
  private ended(error: ParleyError): void {
    for (const w of [...this.onlineWaiters]) (this.onlineWaiters.delete(w), w.reject(error));
    this.outbox.close(error);
    this.delivery.stop();
    for (const r of [...this.recorders]) r.abort(error);
    this.voice.abort(error);
    if (error.code !== ErrorCode.UNAVAILABLE) this.emit('error', error);
  }

  private request(frame: FrameData): Promise<parley.Frame> {
    return this.connection.request(frame);
  }

  /** Frames that answer no request. */
  private onFrame(frame: parley.Frame): void {
    switch (frame.body) {
      case 'push':
        this.delivery.offer([toMessage(frame.push!.message ?? {})]);
        return;
      case 'sendAck':
        this.outbox.acked(toSendAck(frame.sendAck!));
        return;
      case 'error':
        if (!this.outbox.failed(frame.id ?? 0, errorOf(frame.error!))) this.emit('error', errorOf(frame.error!));
        return;
      case 'notice':
        this.onNotice(frame.notice!);
        return;
      case 'presenceUpdate':
        this.emit('presence', toPresence(frame.presenceUpdate!));
        return;
      case 'typing': {
        const t = frame.typing!;
        this.emit('typing', { conversationId: t.conversationId ?? '', userId: t.userId ?? '', typing: t.typing ?? false });
        return;
      }
      case 'voicePush':
        this.voice.push(frame.voicePush!);
        return;
      case 'deliveryState': {
        const d = frame.deliveryState!;
        const delivered = { conversationId: d.conversationId ?? '', userId: d.userId ?? '', deliveredSeq: Number(d.deliveredSeq ?? 0) };
        this.emit('delivered', delivered);
        this.conversations.delivered(delivered.conversationId, delivered.userId, delivered.deliveredSeq, this.currentUserId);
        return;
      }
      case 'readState': {
        const r = frame.readState!;
        this.onRead({ conversationId: r.conversationId ?? '', userId: r.userId ?? '', readSeq: Number(r.readSeq ?? 0) });
        return;
      }
    }
  }

  private onRead(receipt: ReadReceipt): void {
    this.emit('read', receipt);
    this.conversations.read(receipt, this.currentUserId);
  }

  private onNotice(notice: parley.INotice): void {
    const n: Notice = { code: notice.code ?? '', message: notice.message ?? '', endpoints: notice.endpoints ?? [] };
    this.emit('notice', n);
    if (n.code === NoticeCode.RECONNECT) {
      this.connection.addEndpoints(n.endpoints);
      this.connection.drop();
    } else if (n.code === NoticeCode.RESYNC) {
      this.sync.background();
    }
  }

  /** Messages released in a conversation, in order: the conversation list follows them, and so do this user's other devices' changes. */
  private released(conversationId: string, messages: Message[]): void {
    this.conversations.released(conversationId, messages, this.currentUserId);
    for (const m of messages) {
      if (m.settings) this.conversations.settings(m.settings);
      if (m.history?.op === 'clear') {
        // One of the user's devices cleared a history: skip past it here too, and take the server's new counts.
        this.conversations.cleared(m.history.conversationId, m.history.seq);
        this.delivery.passTo(m.history.conversationId, m.history.seq);
        this.sync.background();
      } else if (m.history?.op === 'hide' && this.conversations.lastSeq(m.history.conversationId) === m.history.seq) {
        // The last message was deleted for this user: the server names the one before at sync.
        this.sync.background();
      }
    }
  }
}

/** The HTTP API's base: given, or from the first ws:// / wss:// url. */
function httpBaseOf(httpUrl: string | undefined, urls: readonly string[]): string {
  if (httpUrl) return httpUrl.replace(/\/+$/, '');
  const ws = urls.find((u) => u.startsWith('ws://') || u.startsWith('wss://'));
  if (!ws) return '';
  const url = new URL(ws);
  return `${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}`;
}

/** The message type of a file: by its MIME type. */
function fileMessageType(mime: string): number {
  if (mime.startsWith('image/')) return MessageType.IMAGE;
  if (mime.startsWith('audio/')) return MessageType.VOICE;
  if (mime.startsWith('video/')) return (MessageType as Record<string, number>).VIDEO ?? MessageType.FILE;
  return MessageType.FILE;
}

/** The body of a message that carries a file (the server checks it against the file it has). */
function fileMessageBody(file: NonNullable<SendInput['file']>): Record<string, unknown> {
  const { fileId, size, mime, name, width, height, durationMs, thumbnailId } = file;
  return { fileId, size, mime, name, width, height, durationMs, thumbnailId };
}
