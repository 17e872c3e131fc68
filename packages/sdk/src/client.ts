/**
 * ParleyClient: everything an app needs so that it never writes reconnect,
 * retransmit, dedup, ordering, gap fill or sync itself.
 *
 * The session loop: connect → Auth → resend the outbox → Sync (pull what each
 * changed conversation lacks) → online; on any loss of the connection, back off
 * with full jitter and do it again. Terminal outcomes (KICKED, an auth failure
 * with a fixed token, close()) end the loop in state 'closed'.
 *
 * Delivery to the app goes through one ConversationBuffer per conversation
 * (see conversation-buffer.ts): pushes, pulled pages and this device's own acked
 * sends are all offered there, so each (conversation, seq) reaches the app once,
 * in order. Cumulative Acks to the server follow what was delivered.
 *
 * Timers: one interval per client (while connected) checks heartbeats, ack
 * timeouts of sends, and gaps that outlived the reorder window.
 */
import {
  decodeFrame,
  encodeFrame,
  ConversationKind,
  ConversationSetting,
  ErrorCode,
  FriendOp,
  GroupInfoField,
  GroupOp,
  GroupRole,
  isRetryable,
  MessageFlag,
  MessageOpKind,
  parseDirectConversationId,
  Limits,
  MessageType,
  NoticeCode,
  ParleyError,
  PROTOCOL_VERSION,
  CloseCode,
  type FrameData,
  type FriendEvent,
  type HistoryEvent,
  type MembershipEvent,
  type SettingsEvent,
  type ReactionEvent,
  type MessageRecord,
  type parley,
} from '@parley/protocol';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { ConversationBuffer, HOLE } from './conversation-buffer.ts';
import { Emitter } from './emitter.ts';
import { MemorySessionStore, type OutboxEntry, type SessionStore } from './session-store.ts';
import { openTransport, type Transport, type WebSocketConstructor } from './transport.ts';

export type ConnectionState = 'idle' | 'connecting' | 'authenticating' | 'syncing' | 'online' | 'reconnecting' | 'closed';

/** A message as the app sees it. */
export interface Message extends MessageRecord {
  /** The body as text, for MessageType.TEXT. */
  text?: string;
  /** The event, for MessageType.MEMBERSHIP (group created, members invited, kicked, left). */
  membership?: MembershipEvent;
  /** The event, for MessageType.FRIEND (in your notice conversation "n:<you>"). */
  friend?: FriendEvent;
  /** The event, for MessageType.REACTION (on the message at refSeq). */
  reaction?: ReactionEvent;
  /** The event, for MessageType.HISTORY (in your notice conversation): you deleted a message or cleared a history. */
  history?: HistoryEvent;
  /** The event, for MessageType.SETTINGS (in your notice conversation): your settings of a conversation now. */
  settings?: SettingsEvent;
}

/** Your friends, pending requests both ways, blocks, and the stranger setting. */
export interface FriendList {
  friends: { userId: string; since: number }[];
  /** Requests waiting for your answer. */
  incoming: { userId: string; note: string; time: number }[];
  /** Your requests waiting for theirs. */
  outgoing: { userId: string; note: string; time: number }[];
  blocked: { userId: string; since: number }[];
  /** Whether users who are not your friends may start a 1:1 chat with you. */
  allowStrangers: boolean;
}

/** The server's durable acknowledgement of a send. */
export interface SendAck {
  conversationId: string;
  seq: number;
  messageId: string;
  serverTime: number;
  clientMsgId: string;
  /** True when the server had already stored this clientMsgId (a resend). */
  duplicate: boolean;
}

export interface SendInput {
  /** A user id: the 1:1 conversation with that user. */
  to?: string;
  /** Or an existing conversation. */
  conversationId?: string;
  /** Text body (type TEXT); or give `body` and `type`. */
  text?: string;
  body?: Uint8Array;
  type?: number;
  /** Chosen for you if omitted; must be unique for this user forever. */
  clientMsgId?: string;
  /** Groups: members this message mentions. */
  mentions?: string[];
  /** Groups: mention everyone (owner and admins only). */
  mentionAll?: boolean;
  /** The seq of the message in this conversation that this one replies to. */
  replyTo?: number;
}

/** The committed result of a group change: its MEMBERSHIP message and seq. */
export interface GroupChange {
  conversationId: string;
  seq: number;
  duplicate: boolean;
  message: Message;
}

/** What the client knows of one conversation (from sync, kept current live). */
export interface ConversationInfo {
  conversationId: string;
  kind: number;
  name: string;
  /** Highest seq this member can see. */
  maxSeq: number;
  /** This user's read position, the same on all their devices. */
  readSeq: number;
  /** Messages after readSeq that others sent (computed by the server). */
  unread: number;
  left: boolean;
  members: string[];
  /** Groups: info set by the owner and admins. */
  avatarUrl: string;
  announcement: string;
  /** Groups: anyone may join by id. */
  joinable: boolean;
  /** Groups: only the owner and admins may send. */
  mutedAll: boolean;
  /** Groups: your GroupRole while a member (0 otherwise). */
  role: number;
  /** Groups: you may not send before this time (ms since epoch; 0: not muted). */
  mutedUntil: number;
  /** Groups: the owner dismissed it. */
  dismissed: boolean;
  /** Unread messages that mention you or @all. */
  unreadMentions: number;
  /** You cleared this conversation's history up to here (0: never). */
  clearedSeq: number;
  /** Your own settings, the same on all your devices. */
  pinned: boolean;
  /** No offline notifications for it. */
  muted: boolean;
  /** 1:1: how far the other user has read, and how far their devices hold the messages (delivered). */
  peerReadSeq: number;
  peerDeliveredSeq: number;
  /**
   * The newest message you can see here, as it is now: from sync (no history
   * needed), then kept current as messages, edits and recalls arrive. Edited: the
   * latest content (flag EDITED); recalled: empty, flag RECALLED. Membership
   * events ("X joined") count; edit, recall and reaction events do not (they change
   * an earlier message). Skips what you deleted for yourself; undefined when
   * nothing is visible (e.g. after clearing the history).
   */
  lastMessage: Message | undefined;
}

/** A group's info and current members, as the server has them now. */
export interface GroupDetails {
  conversationId: string;
  name: string;
  avatarUrl: string;
  announcement: string;
  joinable: boolean;
  mutedAll: boolean;
  dismissed: boolean;
  maxSeq: number;
  members: { userId: string; role: number; mutedUntil: number; joinSeq: number }[];
}

/** Group info fields to change; the ones left out stay as they are. */
export interface GroupInfoUpdate {
  name?: string;
  avatarUrl?: string;
  announcement?: string;
  joinable?: boolean;
}

/** A user's read position in a conversation (yours from another device, or a read receipt). */
export interface ReadReceipt {
  conversationId: string;
  userId: string;
  readSeq: number;
}

/** Whether a user is online (any device), and when they were last seen (ms since epoch; 0: never). */
export interface PresenceInfo {
  userId: string;
  online: boolean;
  lastSeen: number;
}

/** One page of a conversation's members' presence (see groupPresence()). */
export interface GroupPresencePage {
  /** Members after the page's `after`, by user id. */
  users: PresenceInfo[];
  /** Pass as `after` for the next page; '' when this was the last. */
  next: string;
}

export interface Notice {
  code: string;
  message: string;
  endpoints: string[];
}

export interface ClientEvents {
  /** A message, exactly once per (conversationId, seq), in seq order per conversation. */
  message: [Message];
  state: [ConnectionState];
  /** Every ack of an outbox entry, including entries restored from a SessionStore. */
  ack: [SendAck];
  /** A send that can never succeed (its promise rejects too). */
  'send-failed': [{ clientMsgId: string; error: ParleyError }];
  /** A non-fatal problem (a failed pull, a dropped connection). */
  error: [Error];
  /** A sync finished: everything listed as changed has been delivered. */
  synced: [];
  /** A read position moved: this user's (from any device) or, as a receipt, another member's. */
  read: [ReadReceipt];
  /** What the client knows of a conversation changed (unread count, read position, name …). */
  conversation: [ConversationInfo];
  /** A watched user went online or offline (see presence()). */
  presence: [PresenceInfo];
  /** 1:1: a device of the other user now holds everything up to deliveredSeq. */
  delivered: [{ conversationId: string; userId: string; deliveredSeq: number }];
  /** Another member started or stopped typing. */
  typing: [{ conversationId: string; userId: string; typing: boolean }];
  notice: [Notice];
}

export interface ClientOptions {
  /**
   * One URL or several (tried in turn, moving on after each lost connection):
   * ws://host:8080/ws, wss://…, tcp://host:8081. May be left out when `nodesUrl` is given.
   */
  url?: string | string[];
  /**
   * A cluster's node list (GET /v1/nodes of any node or of a load balancer, e.g.
   * http://host:8080/v1/nodes). Read before connecting and after every lost
   * connection, so the client follows the cluster as nodes come, drain and die;
   * its nodes are tried before `url`, the least loaded first.
   */
  nodesUrl?: string;
  /** Which endpoint of a listed node to use: 'ws' (default) or 'tcp'. */
  transport?: 'ws' | 'tcp';
  /** A JWT, or a function returning a fresh one (called on every connect). */
  token: string | (() => string | Promise<string>);
  /** Stable id of this device/installation. */
  deviceId: string;
  platform?: string;
  store?: SessionStore;
  /** How long a gap may stay open before the missing range is pulled. Default 250 ms. */
  reorderWindowMs?: number;
  /** Resend a send on a live connection when no ack came for this long. Default 5000 ms. */
  ackTimeoutMs?: number;
  /** Give up a connection attempt after this long. Default 10000 ms. */
  connectTimeoutMs?: number;
  /**
   * A request (group change, pull, history, …) with no answer for this long on a
   * live connection rejects with the retryable UNAVAILABLE. Default 30000 ms.
   * (Sends are not requests: the outbox resends them until acked.)
   */
  requestTimeoutMs?: number;
  /** Reconnect delays. Default base 250 ms, max 10 s. */
  backoff?: BackoffOptions;
  /** Messages per pull request. Default 200. */
  pullPageSize?: number;
  /** WebSocket implementation to use instead of the global one / `ws`. */
  WebSocket?: WebSocketConstructor;
  /** TEST ONLY: never pull to fill a gap (the reliability harness's negative control). */
  testDisableGapPull?: boolean;
}

interface OutboxItem {
  entry: OutboxEntry;
  /** Request id of the transmission in flight on the current connection, if any. */
  requestId?: number;
  sentAt: number;
  /** Do not transmit before this time (after a retryable error). */
  notBefore: number;
  attempts: number;
  resolve?: (ack: SendAck) => void;
  reject?: (err: ParleyError) => void;
}

interface Waiting {
  resolve: (frame: parley.Frame) => void;
  reject: (err: Error) => void;
  /** When the request was written (ms since epoch). */
  since: number;
}

const TICK_MS = 50;
/** A pull refused with these means the user is no longer in the conversation: nothing more to hold there. */
const GONE: ReadonlySet<string> = new Set([ErrorCode.NOT_MEMBER, ErrorCode.CONVERSATION_NOT_FOUND]);
const decoder = new TextDecoder();
const encoder = new TextEncoder();

function newClientMsgId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** What the client keeps of a conversation, from its sync state (fields left out take their defaults). */
function conversationInfo(c: parley.IConversationState): ConversationInfo & { countedTo: number } {
  const maxSeq = Number(c.maxSeq ?? 0);
  return {
    conversationId: c.conversationId ?? '',
    kind: c.kind ?? 0,
    name: c.name ?? '',
    maxSeq,
    readSeq: Number(c.readSeq ?? 0),
    unread: Number(c.unread ?? 0),
    left: c.left ?? false,
    members: c.members ?? [],
    countedTo: maxSeq, // the server's unread count covers everything up to maxSeq
    avatarUrl: c.avatarUrl ?? '',
    announcement: c.announcement ?? '',
    joinable: c.joinable ?? false,
    mutedAll: c.mutedAll ?? false,
    role: c.role ?? 0,
    mutedUntil: Number(c.mutedUntil ?? 0),
    dismissed: c.dismissed ?? false,
    unreadMentions: Number(c.unreadMentions ?? 0),
    clearedSeq: Number(c.clearedSeq ?? 0),
    pinned: c.pinned ?? false,
    muted: c.muted ?? false,
    peerReadSeq: Number(c.peerReadSeq ?? 0),
    peerDeliveredSeq: Number(c.peerDeliveredSeq ?? 0),
    lastMessage: c.lastMessage ? toMessage(c.lastMessage) : undefined,
  };
}

/** A user's presence as the server reports it. */
function toPresence(p: parley.IPresence): PresenceInfo {
  return { userId: p.userId ?? '', online: p.online ?? false, lastSeen: Number(p.lastSeen ?? 0) };
}

/** Event types that change an earlier message rather than being one to show in a list. */
const CHANGES_ANOTHER = new Set<number>([MessageType.RECALL, MessageType.EDIT, MessageType.REACTION]);

/** A message with new content and flags (an edit or a recall of it). */
function withContent(m: Message, body: Uint8Array, flags: number): Message {
  return { ...m, body, flags, ...(m.type === MessageType.TEXT ? { text: decoder.decode(body) } : {}) };
}

/**
 * Keep a conversation's last message current with a message as it is delivered
 * (the rules the server applies at sync, see ConversationInfo.lastMessage).
 */
function applyLastMessage(info: ConversationInfo, m: Message): void {
  const last = info.lastMessage;
  if (!CHANGES_ANOTHER.has(m.type)) {
    if (!last || m.seq > last.seq) info.lastMessage = m;
    return;
  }
  if (!last || m.refSeq !== last.seq) return;
  if (m.type === MessageType.EDIT) info.lastMessage = withContent(last, m.body, last.flags | MessageFlag.EDITED);
  else if (m.type === MessageType.RECALL) info.lastMessage = withContent(last, new Uint8Array(0), last.flags | MessageFlag.RECALLED);
  else if (m.reaction) {
    const { op, emoji } = m.reaction;
    const reactions = last.reactions.map((r) => ({ emoji: r.emoji, users: [...r.users] }));
    const entry = reactions.find((r) => r.emoji === emoji);
    if (op === 'remove') {
      if (entry) entry.users = entry.users.filter((u) => u !== m.senderId);
    } else if (!entry) {
      reactions.push({ emoji, users: [m.senderId] });
    } else if (!entry.users.includes(m.senderId)) {
      entry.users.push(m.senderId);
    }
    info.lastMessage = { ...last, reactions: reactions.filter((r) => r.users.length > 0) };
  }
}

/** Keep a conversation's info current with a membership event as it is delivered. */
function applyMembership(info: ConversationInfo, e: MembershipEvent, me: string): void {
  const mine = e.users.includes(me);
  switch (e.op) {
    case 'create':
      info.name = e.name ?? info.name;
      info.role = e.actor === me ? GroupRole.OWNER : GroupRole.MEMBER;
      break;
    case 'invite':
      if (mine) info.role = GroupRole.MEMBER;
      break;
    case 'join':
      if (e.actor === me) info.role = GroupRole.MEMBER;
      break;
    case 'info':
      if (e.name !== undefined) info.name = e.name;
      if (e.avatarUrl !== undefined) info.avatarUrl = e.avatarUrl;
      if (e.announcement !== undefined) info.announcement = e.announcement;
      if (e.joinable !== undefined) info.joinable = e.joinable;
      break;
    case 'role':
      if (mine && e.role) info.role = e.role;
      break;
    case 'transfer':
      if (mine) info.role = GroupRole.OWNER;
      else if (e.actor === me) info.role = GroupRole.ADMIN;
      break;
    case 'mute':
      if (mine) info.mutedUntil = e.mutedUntil ?? 0;
      break;
    case 'mute_all':
      info.mutedAll = e.on ?? false;
      break;
    case 'kick':
      if (mine) info.left = true;
      break;
    case 'leave':
      if (e.actor === me) info.left = true;
      break;
    case 'dismiss':
      info.dismissed = true;
      info.joinable = false;
      info.left = true;
      break;
  }
  if (info.left) info.role = 0;
}

function toSendAck(a: parley.ISendAck, clientMsgId = a.clientMsgId ?? ''): SendAck {
  return {
    conversationId: a.conversationId ?? '',
    seq: Number(a.seq ?? 0),
    messageId: a.messageId ?? '',
    serverTime: Number(a.serverTime ?? 0),
    clientMsgId,
    duplicate: a.duplicate ?? false,
  };
}

function parseEvent<T>(body: Uint8Array): T | undefined {
  try {
    return JSON.parse(decoder.decode(body)) as T;
  } catch {
    return undefined;
  }
}

function toMessage(m: parley.IMessage): Message {
  const body = m.body ?? new Uint8Array(0);
  const event =
    m.type === MessageType.MEMBERSHIP
      ? { membership: parseEvent<MembershipEvent>(body) }
      : m.type === MessageType.FRIEND
        ? { friend: parseEvent<FriendEvent>(body) }
        : m.type === MessageType.REACTION
          ? { reaction: parseEvent<ReactionEvent>(body) }
          : m.type === MessageType.HISTORY
            ? { history: parseEvent<HistoryEvent>(body) }
            : m.type === MessageType.SETTINGS
              ? { settings: parseEvent<SettingsEvent>(body) }
              : {};
  return {
    ...event,
    id: m.id ?? '',
    conversationId: m.conversationId ?? '',
    seq: Number(m.seq ?? 0),
    senderId: m.senderId ?? '',
    senderDevice: m.senderDevice ?? '',
    clientMsgId: m.clientMsgId ?? '',
    type: m.type ?? 0,
    body,
    ...(m.type === MessageType.TEXT || m.type === MessageType.EDIT ? { text: decoder.decode(body) } : {}),
    serverTime: Number(m.serverTime ?? 0),
    flags: m.flags ?? 0,
    refSeq: Number(m.refSeq ?? 0),
    mentions: m.mentions ?? [],
    mentionAll: m.mentionAll ?? false,
    replyTo: Number(m.replyTo ?? 0),
    reactions: (m.reactions ?? []).map((r) => ({ emoji: r.emoji ?? '', users: r.users ?? [] })),
  };
}

class ConnectionLost extends Error {
  constructor(reason: string) {
    super(`connection lost: ${reason}`);
  }
}

/** An outcome that reconnecting cannot change: the session loop stops. */
class Terminal extends Error {
  constructor(readonly error: ParleyError) {
    super(error.message);
  }
}

export class ParleyClient extends Emitter<ClientEvents> {
  /** Where to connect: the cluster's live nodes (with `nodesUrl`), then the configured urls. */
  private urls: string[];
  private readonly configuredUrls: string[];
  private readonly store: SessionStore;
  private readonly reorderWindowMs: number;
  private readonly ackTimeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly requestTimeoutMs: number;
  private readonly backoff: BackoffOptions;
  private readonly pullPageSize: number;

  private currentState: ConnectionState = 'idle';
  private currentUserId = '';
  private transport: Transport | undefined;
  private connectionClosed: ((reason: string) => void) | undefined;
  private nextRequestId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private readonly outbox = new Map<string, OutboxItem>();
  private readonly conversations = new Map<string, ConversationBuffer<Message>>();
  private readonly infos = new Map<string, ConversationInfo & { countedTo: number }>();
  private readonly watched = new Set<string>();
  private duplicates = 0;
  private readonly ackDue = new Set<string>();
  private ackFlushQueued = false;
  private syncToken = '';
  private syncing: Promise<void> | undefined;
  private resyncRequested = false;
  private heartbeatMs = 15_000;
  private lastReceived = 0;
  private lastSent = 0;
  private tickTimer: ReturnType<typeof setInterval> | undefined;
  private loaded: Promise<void> | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private urlIndex = 0;
  private firstOnline: { resolve: () => void; reject: (err: Error) => void } | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: ClientOptions) {
    super();
    this.configuredUrls = options.url === undefined ? [] : Array.isArray(options.url) ? [...options.url] : [options.url];
    this.urls = [...this.configuredUrls];
    if (this.urls.length === 0 && !options.nodesUrl) throw new Error('at least one url (or a nodesUrl) is required');
    if (!Limits.DEVICE_ID.test(options.deviceId)) throw new Error('deviceId must be 1..64 characters of A-Z a-z 0-9 _ . : -');
    this.store = options.store ?? new MemorySessionStore();
    this.reorderWindowMs = options.reorderWindowMs ?? 250;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 5000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.pullPageSize = options.pullPageSize ?? 200;
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  /** The authenticated user id ('' before the first AuthOk). */
  get userId(): string {
    return this.currentUserId;
  }

  /** Deliveries the client dropped because the app already had them (retransmits, resyncs). */
  get duplicatesDropped(): number {
    return this.duplicates;
  }

  /** Sends not yet acknowledged by the server. */
  get pendingSends(): number {
    return this.outbox.size;
  }

  /** What is known of one conversation (after the first sync), or undefined. */
  conversation(conversationId: string): ConversationInfo | undefined {
    const info = this.infos.get(conversationId);
    if (!info) return undefined;
    const { countedTo: _, ...rest } = info;
    return { ...rest, members: [...rest.members] };
  }

  /**
   * Every conversation known: pinned ones first, then by last activity (the time
   * of the last message), newest first; conversations with nothing visible last.
   */
  conversationList(): ConversationInfo[] {
    const activity = (c: ConversationInfo) => c.lastMessage?.serverTime ?? 0;
    return [...this.infos.keys()]
      .map((id) => this.conversation(id)!)
      .sort((a, b) => Number(b.pinned) - Number(a.pinned) || activity(b) - activity(a) || (a.conversationId < b.conversationId ? -1 : 1));
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
    const info = this.infos.get(conversationId);
    const settings: SettingsEvent = { conversationId, pinned: change.pinned ?? info?.pinned ?? false, muted: change.muted ?? info?.muted ?? false };
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
    this.deliver([
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
    if (this.currentState === 'online') this.write({ typing: { conversationId, typing } });
  }

  /** Highest seq delivered to the app in a conversation (0 if none). */
  cursor(conversationId: string): number {
    return this.conversations.get(conversationId)?.cursor ?? 0;
  }

  /**
   * Start the session. Resolves when first online; rejects on a terminal failure
   * (bad token, kicked). After that, the client reconnects by itself until close().
   */
  connect(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('client is closed'));
    if (this.currentState === 'online') return Promise.resolve();
    const ready = new Promise<void>((resolve, reject) => {
      const previous = this.firstOnline;
      this.firstOnline = {
        resolve: () => (previous?.resolve(), resolve()),
        reject: (err) => (previous?.reject(err), reject(err)),
      };
    });
    this.running ??= this.run();
    return ready;
  }

  /** Send a message. Resolves with the durable ack; resends survive reconnects. */
  async send(input: SendInput): Promise<SendAck> {
    if (this.stopped) throw new ParleyError(ErrorCode.UNAVAILABLE, 'client is closed', { retryable: false });
    if ((input.to === undefined) === (input.conversationId === undefined)) {
      throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'give exactly one of `to` and `conversationId`');
    }
    const clientMsgId = input.clientMsgId ?? newClientMsgId();
    if (!Limits.CLIENT_MSG_ID.test(clientMsgId)) {
      throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'clientMsgId must be 1..64 printable ASCII characters');
    }
    if (this.outbox.has(clientMsgId)) throw new ParleyError(ErrorCode.INVALID_ARGUMENT, `clientMsgId ${clientMsgId} is already pending`);
    const entry: OutboxEntry = {
      clientMsgId,
      ...(input.to !== undefined ? { to: input.to } : { conversationId: input.conversationId! }),
      type: input.type ?? MessageType.TEXT,
      body: input.body ?? encoder.encode(input.text ?? ''),
      createdAt: Date.now(),
      ...(input.mentions?.length ? { mentions: [...input.mentions] } : {}),
      ...(input.mentionAll ? { mentionAll: true } : {}),
      ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    };
    await this.load();
    await this.store.putOutbox(entry); // saved before the first transmission
    return new Promise<SendAck>((resolve, reject) => {
      const item: OutboxItem = { entry, sentAt: 0, notBefore: 0, attempts: 0, resolve, reject };
      this.outbox.set(clientMsgId, item);
      if (this.currentState === 'online' || this.currentState === 'syncing') this.transmit(item);
    });
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

  /** Join a group by its id, when the group allows it. You see it from your join event on. */
  joinGroup(conversationId: string): Promise<GroupChange> {
    return this.changeGroup({ op: GroupOp.JOIN, conversationId, users: [] });
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
    };
  }

  private async changeFriends(request: parley.IFriendRequest): Promise<Message[]> {
    const reply = await this.request({ friend: { ...request, clientMsgId: request.clientMsgId ?? newClientMsgId() } });
    const events = (reply.friendResult?.events ?? []).map(toMessage);
    this.deliver(events); // this device's own events, at their seqs
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
    this.deliver([message]); // this device's own membership event, at its seq
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

  /** Close for good: no reconnect. Pending sends stay in the SessionStore. */
  async close(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.firstOnline?.reject(new Error('client closed'));
    this.firstOnline = undefined;
    this.transport?.close();
    this.wake?.();
    await this.running?.catch(() => {});
    for (const item of this.outbox.values()) item.reject?.(new ParleyError(ErrorCode.UNAVAILABLE, 'client closed before the ack', { retryable: false }));
    this.outbox.clear();
    this.setState('closed');
  }

  // ---------------------------------------------------------------- session loop

  private load(): Promise<void> {
    return (this.loaded ??= this.store.load().then((state) => {
      this.syncToken = state.syncToken;
      for (const [conv, seq] of Object.entries(state.cursors)) this.buffer(conv).cursor = Math.max(this.buffer(conv).cursor, seq);
      for (const entry of state.outbox) {
        if (!this.outbox.has(entry.clientMsgId)) this.outbox.set(entry.clientMsgId, { entry, sentAt: 0, notBefore: 0, attempts: 0 });
      }
    }));
  }

  private async run(): Promise<void> {
    await this.load();
    let attempt = 0;
    let lastUrl: string | undefined;
    while (!this.stopped) {
      if (this.options.nodesUrl) await this.discoverNodes(lastUrl);
      const url = this.urls[this.urlIndex % Math.max(1, this.urls.length)];
      let terminal: Error | undefined;
      try {
        if (url === undefined) throw new ConnectionLost('no node of the cluster is reachable');
        lastUrl = url;
        await this.session(url, () => (attempt = 0));
      } catch (err) {
        if (err instanceof Terminal) terminal = err.error;
        else if (!(err instanceof ConnectionLost)) this.emit('error', err as Error);
      }
      this.teardown();
      if (this.stopped) break;
      if (terminal) {
        this.stopped = true;
        this.firstOnline?.reject(terminal);
        this.firstOnline = undefined;
        this.emit('error', terminal);
        this.setState('closed');
        break;
      }
      this.urlIndex++;
      this.setState('reconnecting');
      const delay = backoffDelay(attempt++, this.backoff);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => (clearTimeout(timer), resolve());
      });
      this.wake = undefined;
    }
    this.setState('closed');
  }

  /**
   * Read the cluster's node list: its live nodes, the ones taking connections and
   * the least loaded first, then the configured urls; the node just lost is
   * tried last. A failed read keeps the list as it was.
   */
  private async discoverNodes(lastUrl: string | undefined): Promise<void> {
    const key = this.options.transport === 'tcp' ? 'tcpUrl' : 'wsUrl';
    let listed: string[];
    try {
      const res = await fetch(this.options.nodesUrl!, { signal: AbortSignal.timeout(this.connectTimeoutMs) });
      if (!res.ok) return;
      const body = (await res.json()) as { nodes?: { wsUrl?: string; tcpUrl?: string; draining?: boolean }[] };
      listed = (body.nodes ?? []).filter((n) => !n.draining && typeof n[key] === 'string').map((n) => n[key]!);
    } catch {
      return; // the lookup is down too: go on with the list we have
    }
    const urls = [...new Set([...listed, ...this.configuredUrls])];
    if (lastUrl !== undefined && urls.length > 1 && urls.includes(lastUrl)) urls.push(...urls.splice(urls.indexOf(lastUrl), 1));
    this.urls = urls;
    this.urlIndex = 0;
  }

  /** One connection, from dial to loss. Resolves/rejects when it ends. */
  private async session(url: string, onAuthenticated: () => void): Promise<void> {
    this.setState('connecting');
    const lost = new Promise<never>((_, reject) => {
      this.connectionClosed = (reason) => reject(new ConnectionLost(reason));
    });
    lost.catch(() => {});
    this.transport = await openTransport(
      url,
      {
        onFrame: (bytes) => this.onFrame(bytes),
        onClose: (code, reason) => this.onTransportClose(code, reason),
      },
      { maxFrameBytes: 16 * 1024 * 1024, connectTimeoutMs: this.connectTimeoutMs, WebSocket: this.options.WebSocket },
    );
    if (this.stopped) throw new ConnectionLost('closed');
    this.lastReceived = this.lastSent = Date.now();
    this.setState('authenticating');
    const token = typeof this.options.token === 'function' ? await this.options.token() : this.options.token;
    const reply = await Promise.race([
      this.request({ auth: { token, deviceId: this.options.deviceId, platform: this.options.platform ?? '', protocolVersion: PROTOCOL_VERSION } }),
      lost,
    ]).catch((err: unknown) => {
      if (!(err instanceof ParleyError) || err.retryable) throw err;
      // A fixed token that fails will always fail; a token function may yield a fresh one.
      if (err.code === ErrorCode.AUTH_FAILED && typeof this.options.token === 'function') {
        throw new ConnectionLost('token refused; fetching a new one');
      }
      throw new Terminal(err);
    });
    const ok = reply.authOk!;
    this.currentUserId = ok.userId ?? '';
    this.heartbeatMs = ok.heartbeatMs || 15_000;
    onAuthenticated();
    this.tickTimer = setInterval(() => this.tick(), TICK_MS);
    (this.tickTimer as { unref?: () => void }).unref?.();

    this.setState('syncing');
    for (const item of this.outbox.values()) this.transmit(item);
    await Promise.race([this.syncNow(), lost]);
    if (this.watched.size > 0) {
      // Subscriptions live as long as a connection: renew them, and report where things stand now.
      const now = await Promise.race([this.presence([...this.watched], true), lost]);
      for (const p of now) this.emit('presence', p);
    }
    this.setState('online');
    this.firstOnline?.resolve();
    this.firstOnline = undefined;
    await lost;
  }

  private teardown(): void {
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.tickTimer = undefined;
    this.transport?.close();
    this.transport = undefined;
    this.connectionClosed = undefined;
    const lost = new ConnectionLost('connection closed');
    for (const w of this.waiting.values()) w.reject(lost);
    this.waiting.clear();
    for (const item of this.outbox.values()) item.requestId = undefined;
    for (const buffer of this.conversations.values()) buffer.pulling = false;
    this.syncing = undefined;
  }

  private onTransportClose(code: number | undefined, reason: string): void {
    if (code === CloseCode.KICKED) {
      this.connectionClosed?.(reason);
      this.stopAsKicked(reason);
      return;
    }
    this.connectionClosed?.(`${code ?? ''} ${reason}`.trim());
  }

  private stopAsKicked(reason: string): void {
    const err = new ParleyError(ErrorCode.FORBIDDEN, `kicked: ${reason}`, { retryable: false });
    this.stopped = true;
    this.firstOnline?.reject(err);
    this.firstOnline = undefined;
    this.wake?.();
  }

  private setState(state: ConnectionState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    this.emit('state', state);
  }

  // ---------------------------------------------------------------- frames

  private write(frame: FrameData): void {
    if (!this.transport) return;
    this.lastSent = Date.now();
    this.transport.send(encodeFrame(frame));
  }

  private request(frame: FrameData): Promise<parley.Frame> {
    if (!this.transport) return Promise.reject(new ConnectionLost('not connected'));
    const id = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, since: Date.now() });
      this.write({ ...frame, id });
    });
  }

  private onFrame(bytes: Uint8Array): void {
    this.lastReceived = Date.now();
    let frame: parley.Frame;
    try {
      frame = decodeFrame(bytes);
    } catch (err) {
      this.emit('error', err as Error);
      return;
    }
    const id = frame.id ?? 0;
    switch (frame.body) {
      case 'push':
        this.deliver([toMessage(frame.push!.message ?? {})]);
        return;
      case 'ping':
        this.write({ id, pong: { time: frame.ping?.time ?? 0 } });
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
      case 'deliveryState': {
        const d = frame.deliveryState!;
        const delivered = { conversationId: d.conversationId ?? '', userId: d.userId ?? '', deliveredSeq: Number(d.deliveredSeq ?? 0) };
        this.emit('delivered', delivered);
        const info = this.infos.get(delivered.conversationId);
        if (info && delivered.userId !== this.currentUserId && delivered.deliveredSeq > info.peerDeliveredSeq) {
          info.peerDeliveredSeq = delivered.deliveredSeq;
          this.emit('conversation', this.conversation(delivered.conversationId)!);
        }
        return;
      }
      case 'readState':
        if (id === 0) {
          const r = frame.readState!;
          this.onRead({ conversationId: r.conversationId ?? '', userId: r.userId ?? '', readSeq: Number(r.readSeq ?? 0) });
          return;
        }
        break;
      case 'sendAck':
        if (this.waiting.has(id)) break; // the answer to a MessageOp request
        this.onSendAck(frame.sendAck!);
        return;
      case 'error':
        this.onError(id, frame.error!);
        return;
    }
    const w = this.waiting.get(id);
    if (w) {
      this.waiting.delete(id);
      w.resolve(frame);
    }
  }

  private onRead(receipt: ReadReceipt): void {
    this.emit('read', receipt);
    if (receipt.userId !== this.currentUserId) {
      const peer = this.infos.get(receipt.conversationId);
      if (peer?.kind === ConversationKind.DIRECT && receipt.readSeq > peer.peerReadSeq) {
        peer.peerReadSeq = receipt.readSeq;
        peer.peerDeliveredSeq = Math.max(peer.peerDeliveredSeq, receipt.readSeq);
        this.emit('conversation', this.conversation(receipt.conversationId)!);
      }
      return;
    }
    const info = this.infos.get(receipt.conversationId);
    if (!info || receipt.readSeq <= info.readSeq) return;
    info.readSeq = receipt.readSeq;
    if (info.readSeq >= info.maxSeq) info.unread = info.unreadMentions = 0;
    else this.syncInBackground(); // the exact count after a partial read comes from the server
    this.emit('conversation', this.conversation(receipt.conversationId)!);
  }

  private onError(id: number, error: parley.IError): void {
    const err = new ParleyError((error.code ?? ErrorCode.INTERNAL) as ErrorCode, error.message ?? '', {
      retryable: error.retryable ?? isRetryable(error.code ?? ''),
    });
    if (id === 0) {
      this.emit('error', err); // the server is about to close; the close drives what follows
      return;
    }
    const w = this.waiting.get(id);
    if (w) {
      this.waiting.delete(id);
      w.reject(err);
      return;
    }
    for (const item of this.outbox.values()) {
      if (item.requestId !== id) continue;
      item.requestId = undefined;
      if (err.retryable) {
        item.notBefore = Date.now() + backoffDelay(item.attempts, this.backoff);
      } else {
        this.outbox.delete(item.entry.clientMsgId);
        void this.store.deleteOutbox(item.entry.clientMsgId);
        item.reject?.(err);
        this.emit('send-failed', { clientMsgId: item.entry.clientMsgId, error: err });
      }
      return;
    }
  }

  private onNotice(notice: parley.INotice): void {
    const n: Notice = { code: notice.code ?? '', message: notice.message ?? '', endpoints: notice.endpoints ?? [] };
    this.emit('notice', n);
    if (n.code === NoticeCode.KICKED) {
      this.stopAsKicked(n.message);
      this.transport?.close();
    } else if (n.code === NoticeCode.RECONNECT) {
      // Only endpoints of the transport in use: a browser cannot dial tcp://.
      const family = (u: string) => (u.startsWith('tcp:') ? 'tcp' : 'ws');
      const current = this.urls[this.urlIndex % this.urls.length];
      for (const e of n.endpoints) if (current && family(e) === family(current) && !this.urls.includes(e)) this.urls.push(e);
      this.transport?.close();
    } else if (n.code === NoticeCode.RESYNC) {
      this.syncInBackground();
    }
  }

  // ---------------------------------------------------------------- sending

  private transmit(item: OutboxItem): void {
    if (!this.transport || item.requestId !== undefined || item.notBefore > Date.now()) return;
    const id = this.nextRequestId++;
    item.requestId = id;
    item.sentAt = Date.now();
    item.attempts++;
    const { entry } = item;
    this.write({
      id,
      send: {
        to: entry.to, conversationId: entry.conversationId, clientMsgId: entry.clientMsgId, type: entry.type, body: entry.body,
        mentions: entry.mentions, mentionAll: entry.mentionAll, replyTo: entry.replyTo,
      },
    });
  }

  private onSendAck(a: parley.ISendAck): void {
    const ack = toSendAck(a);
    // Any ack for the clientMsgId is the ack (a resend gets the original one); later copies are ignored.
    const item = this.outbox.get(ack.clientMsgId);
    if (!item) return;
    this.outbox.delete(ack.clientMsgId);
    void this.store.deleteOutbox(ack.clientMsgId);
    // This device learns its own message from the ack: deliver it at its seq like any other.
    this.deliver([
      {
        id: ack.messageId,
        conversationId: ack.conversationId,
        seq: ack.seq,
        senderId: this.currentUserId,
        senderDevice: this.options.deviceId,
        clientMsgId: ack.clientMsgId,
        type: item.entry.type,
        body: item.entry.body,
        ...(item.entry.type === MessageType.TEXT ? { text: decoder.decode(item.entry.body) } : {}),
        serverTime: ack.serverTime,
        flags: 0,
        refSeq: 0,
        mentions: item.entry.mentions ?? [],
        mentionAll: item.entry.mentionAll ?? false,
        replyTo: item.entry.replyTo ?? 0,
        reactions: [],
      },
    ]);
    item.resolve?.(ack);
    this.emit('ack', ack);
  }

  // ---------------------------------------------------------------- delivery

  private buffer(conversationId: string): ConversationBuffer<Message> {
    let b = this.conversations.get(conversationId);
    if (!b) this.conversations.set(conversationId, (b = new ConversationBuffer<Message>(0)));
    return b;
  }

  private deliver(messages: Message[]): void {
    const now = Date.now();
    for (const m of messages) {
      if (!m.conversationId || !(m.seq > 0)) continue;
      const buffer = this.buffer(m.conversationId);
      if (m.seq <= buffer.cursor) this.duplicates++;
      const before = buffer.cursor;
      this.release(m.conversationId, buffer.offer(m.seq, m, now), before);
    }
  }

  /** Hand messages to the app, then persist the cursor and schedule the cumulative ack. */
  private release(conversationId: string, ready: Message[], cursorBefore: number): void {
    for (const m of ready) this.emit('message', m);
    let info = this.infos.get(conversationId);
    if (!info && ready.length > 0) {
      // A conversation that appeared since the last sync (its first message just arrived).
      const direct = parseDirectConversationId(conversationId);
      const kind = direct ? ConversationKind.DIRECT : conversationId.startsWith('n:') ? ConversationKind.NOTICES : ConversationKind.GROUP;
      info = conversationInfo({ conversationId, kind, members: direct ?? [] });
      this.infos.set(conversationId, info);
    }
    if (info && ready.length > 0) {
      for (const m of ready) {
        if (m.seq <= info.countedTo) continue; // already in the server's count
        info.countedTo = m.seq;
        info.maxSeq = Math.max(info.maxSeq, m.seq);
        if (m.senderId !== this.currentUserId && m.seq > info.readSeq && m.type !== MessageType.REACTION) {
          info.unread++;
          if (m.mentionAll || m.mentions.includes(this.currentUserId)) info.unreadMentions++;
        }
        if (m.membership) applyMembership(info, m.membership, this.currentUserId);
        applyLastMessage(info, m);
        if (m.history?.op === 'clear') this.clearedElsewhere(m.history.conversationId, m.history.seq);
        if (m.history?.op === 'hide') this.hiddenElsewhere(m.history.conversationId, m.history.seq);
        if (m.settings) this.settingsChanged(m.settings);
      }
      this.emit('conversation', this.conversation(conversationId)!);
    }
    const buffer = this.buffer(conversationId);
    if (buffer.cursor === cursorBefore) return;
    void this.store.saveCursor(conversationId, buffer.cursor);
    this.ackDue.add(conversationId);
    if (!this.ackFlushQueued) {
      this.ackFlushQueued = true;
      queueMicrotask(() => this.flushAcks());
    }
  }

  private flushAcks(): void {
    this.ackFlushQueued = false;
    for (const conversationId of this.ackDue) this.write({ ack: { conversationId, seq: this.buffer(conversationId).cursor } });
    this.ackDue.clear();
  }

  private settingsChanged(e: SettingsEvent): void {
    const info = this.infos.get(e.conversationId);
    if (!info) return;
    info.pinned = e.pinned;
    info.muted = e.muted;
    this.emit('conversation', this.conversation(e.conversationId)!);
  }

  /** You deleted a message for yourself (on any device): if it was the last one, the server names the one before at sync. */
  private hiddenElsewhere(conversationId: string, seq: number): void {
    if (this.infos.get(conversationId)?.lastMessage?.seq === seq) this.syncInBackground();
  }

  /** One of your devices cleared a history: skip past it here too, and take the server's new counts. */
  private clearedElsewhere(conversationId: string, seq: number): void {
    const info = this.infos.get(conversationId);
    if (info) info.clearedSeq = Math.max(info.clearedSeq, seq);
    const buffer = this.buffer(conversationId);
    if (buffer.cursor < seq) {
      const before = buffer.cursor;
      this.release(conversationId, buffer.passTo(seq, Date.now()), before);
    }
    this.syncInBackground();
  }

  /** Apply one PullResponse to the conversation's buffer. */
  private applyPage(page: parley.IPullResponse): void {
    const conversationId = page.conversationId ?? '';
    const buffer = this.buffer(conversationId);
    const before = buffer.cursor;
    const now = Date.now();
    const from = Number(page.fromSeq ?? 0);
    // Seqs below the page's start are not visible to this member (before joining).
    const ready = buffer.passTo(from - 1, now);
    for (const m of page.messages ?? []) ready.push(...buffer.offer(Number(m.seq), toMessage(m), now));
    for (const h of page.holes ?? []) ready.push(...buffer.offer(Number(h), HOLE, now));
    this.release(conversationId, ready, before);
  }

  /** Pull until the conversation's cursor reaches `target` (or the server has nothing more). */
  private async catchUp(conversationId: string, target: number): Promise<void> {
    const buffer = this.buffer(conversationId);
    while (buffer.cursor < target) {
      const from = buffer.cursor + 1;
      const page = (
        await this.request({ pull: { conversationId, fromSeq: from, toSeq: target, limit: this.pullPageSize } })
      ).pullResult!;
      this.applyPage(page);
      if (Number(page.toSeq ?? 0) < Number(page.fromSeq ?? 0)) return; // nothing there (yet)
      if (buffer.cursor < from) return; // no progress: do not spin
    }
  }

  /**
   * A sync while online (after RESYNC, a read elsewhere, a clear elsewhere). A
   * retryable failure (the server busy) is tried again after a pause; a lost
   * connection needs nothing, as the reconnect syncs.
   */
  private syncInBackground(attempt = 0): void {
    this.syncNow().catch((err: unknown) => {
      if (err instanceof ConnectionLost || this.stopped) return;
      if (err instanceof ParleyError && err.retryable) {
        const timer = setTimeout(() => this.transport && this.syncInBackground(attempt + 1), backoffDelay(attempt, this.backoff));
        (timer as { unref?: () => void }).unref?.();
        return;
      }
      this.emit('error', err as Error);
    });
  }

  /** Sync: list changed conversations, pull what each lacks, then save the token. */
  private syncNow(): Promise<void> {
    if (this.syncing) {
      this.resyncRequested = true;
      return this.syncing;
    }
    const run = async () => {
      do {
        this.resyncRequested = false;
        let token = this.syncToken;
        for (;;) {
          const result = (
            await this.request({ sync: { token } }).catch((err: unknown) => {
              // A token the server cannot read (a corrupted store, say): start over from nothing.
              if (!(err instanceof ParleyError) || err.code !== ErrorCode.INVALID_ARGUMENT || token === '') throw err;
              token = '';
              return this.request({ sync: { token } });
            })
          ).syncResult!;
          for (const c of result.conversations ?? []) {
            const conversationId = c.conversationId ?? '';
            this.infos.set(conversationId, conversationInfo(c));
            this.emit('conversation', this.conversation(conversationId)!);
            const buffer = this.buffer(conversationId);
            // Nothing at or below the join point, or below what the user cleared, is visible.
            const joinSeq = Math.max(Number(c.joinSeq ?? 0), Number(c.clearedSeq ?? 0));
            if (buffer.cursor < joinSeq) {
              const before = buffer.cursor;
              this.release(conversationId, buffer.passTo(joinSeq, Date.now()), before);
            }
            await this.catchUp(conversationId, Number(c.maxSeq ?? 0)).catch((err: unknown) => {
              // Removed from the conversation meanwhile: there is nothing more to hold, go on.
              // Anything else (the server busy, the connection lost) leaves the token unsaved.
              if (!(err instanceof ParleyError) || !GONE.has(err.code)) throw err;
              this.emit('error', err);
            });
          }
          token = result.token ?? '';
          if (!result.more) break;
        }
        this.syncToken = token;
        await this.store.saveSyncToken(token);
      } while (this.resyncRequested);
      this.emit('synced');
    };
    this.syncing = run().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  // ---------------------------------------------------------------- timers

  private tick(): void {
    const now = Date.now();
    if (!this.transport) return;
    if (now - this.lastReceived > this.heartbeatMs * 2.5) {
      this.transport.close(); // dead peer: the loop reconnects
      return;
    }
    if (now - this.lastSent >= this.heartbeatMs) this.write({ ping: { time: now } });
    for (const [id, w] of this.waiting) {
      if (now - w.since < this.requestTimeoutMs) break; // in the order written: the rest are younger
      this.waiting.delete(id);
      w.reject(new ParleyError(ErrorCode.UNAVAILABLE, `no answer within ${this.requestTimeoutMs} ms`, { retryable: true }));
    }
    if (this.currentState === 'online' || this.currentState === 'syncing') {
      for (const item of this.outbox.values()) {
        if (item.requestId !== undefined && now - item.sentAt >= this.ackTimeoutMs) item.requestId = undefined;
        if (item.requestId === undefined) this.transmit(item);
      }
    }
    for (const [conversationId, buffer] of this.conversations) {
      if (this.options.testDisableGapPull) break;
      const gap = buffer.gapToPull(now, this.reorderWindowMs);
      if (!gap) continue;
      buffer.pulling = true;
      this.request({ pull: { conversationId, fromSeq: gap.from, toSeq: gap.to, limit: this.pullPageSize } })
        .then((reply) => this.applyPage(reply.pullResult!))
        .catch((err: unknown) => {
          if (!(err instanceof ConnectionLost)) this.emit('error', err as Error);
        })
        .finally(() => {
          buffer.pulling = false;
          // Still a gap after the pull (e.g. a partial page): look again on the next tick.
          if (buffer.gapSince !== undefined) buffer.gapSince = Date.now() - this.reorderWindowMs;
        });
    }
  }
}
