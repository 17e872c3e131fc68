/**
 * The SDK's public types: what an app sends and receives, the events it can
 * listen to, and the client's options. Every promise the client returns settles:
 * resolved, or rejected with a ParleyError whose `retryable` says whether trying
 * again can help (see docs/SDK.md).
 */
import type { FriendEvent, HistoryEvent, MembershipEvent, MessageRecord, ParleyError, ReactionEvent, SettingsEvent } from '@parley/protocol';
import type { BackoffOptions } from './backoff.ts';
import type { SessionStore } from './session-store.ts';
import type { TlsOptions, WebSocketConstructor } from './transport.ts';
import type { FileInfo, UploadProgress } from './uploads.ts';
import type { IncomingVoice, VoiceProgress } from './voice.ts';

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
  /** The file, for MessageType.IMAGE, FILE, VOICE and VIDEO: fetch it with `download(file.fileId)` or `fileLink`; an image's `thumbnailId` is a smaller file. */
  file?: MessageFile;
}

/** The file a message carries (what upload() returned, without the hash); may be sent on with `send({ to, file })`. */
export type MessageFile = Omit<FileInfo, 'sha256'>;

/** Your friends, pending requests both ways, blocks, and the stranger setting. */
/** A sign-in session of the user (one per login), as `client.sessions()` lists it. */
export interface SignInSession {
  sessionId: string;
  /** What the client called itself at login (or its User-Agent). */
  device: string;
  /** The network address it last authenticated from. */
  address: string;
  /** When it was created, last authenticated (minute resolution) and expires: ms since epoch. */
  createdAt: number;
  lastSeen: number;
  expiresAt: number;
  /** The session of this client's token. */
  current: boolean;
}

export interface FriendList {
  friends: { userId: string; since: number }[];
  /** Requests waiting for your answer. */
  incoming: { userId: string; note: string; time: number }[];
  /** Your requests waiting for theirs. */
  outgoing: { userId: string; note: string; time: number }[];
  blocked: { userId: string; since: number }[];
  /** Whether users who are not your friends may start a 1:1 chat with you. */
  allowStrangers: boolean;
  /** Who may add you to a group (GroupAdds); 0: not set (the server's default applies). */
  groupAdds: number;
}

/** An invitation to a group you have not answered yet (someone your GroupAdds setting did not let add you). */
export interface GroupInvitation {
  conversationId: string;
  /** The group's name. */
  name: string;
  inviter: string;
  /** When you were invited, and when the invitation lapses (ms since epoch). */
  time: number;
  expiresAt: number;
}

/** One entry of a group's ban list. */
export interface GroupBan {
  userId: string;
  bannedBy: string;
  time: number;
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
  /**
   * A file from upload(): the message carries it (type IMAGE for images, VOICE
   * for audio, VIDEO for video, FILE otherwise, unless `type` says which), with
   * what the app knows of it (dimensions, duration, thumbnail).
   */
  file?: MessageFile;
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
  /**
   * A SessionStore write failed. The client goes on (a cursor that lags only
   * costs a re-delivery), but saves no sync token for the rest of its life, so a
   * restart lists again what the failed write may have lost.
   */
  'store-error': [Error];
  /** A sync finished: everything listed as changed has been delivered. */
  synced: [];
  /** A read position moved: this user's (from any device) or, as a receipt, another member's. */
  read: [ReadReceipt];
  /** What the client knows of a conversation changed (unread count, read position, name …). */
  conversation: [ConversationInfo];
  /** An upload moved on (hashing, checking for an instant upload, sending, done). */
  upload: [UploadProgress];
  /** A watched user went online or offline (see presence()). */
  presence: [PresenceInfo];
  /** 1:1: a device of the other user now holds everything up to deliveredSeq. */
  delivered: [{ conversationId: string; userId: string; deliveredSeq: number }];
  /** Another member started or stopped typing. */
  typing: [{ conversationId: string; userId: string; typing: boolean }];
  notice: [Notice];
  /** Another device started streaming a voice message in one of your conversations (docs/SDK.md, Voice). */
  voice: [IncomingVoice];
  /** A voice recording of this client moved on (chunks stored, sent, cancelled, failed). */
  'voice-progress': [VoiceProgress];
}

export interface ClientOptions {
  /**
   * One URL or several (tried in turn, moving on after each lost connection):
   * ws://host:8080/ws, wss://…, tcp://host:8081, tls://host:8081 (TCP inside TLS). May be left out when `nodesUrl` is given.
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
  /**
   * A send() promise not settled after this long rejects with the retryable
   * UNAVAILABLE; the message stays in the outbox and is still sent (the 'ack'
   * event reports it). 0: wait for the ack however long it takes. Default 60000 ms.
   */
  sendTimeoutMs?: number;
  /**
   * An incoming voice stream with nothing new (no chunk, no end, no message) for
   * this long fails with the retryable UNAVAILABLE (the sender's app went away;
   * the server reclaims the stream later). Default 60000 ms.
   */
  voiceIdleTimeoutMs?: number;
  /**
   * connect() rejects with the retryable UNAVAILABLE when the client is not online
   * this long after it was called; the client keeps trying. Default 30000 ms.
   */
  onlineTimeoutMs?: number;
  /**
   * Exactly-once into the app's own storage: called with each message, in seq
   * order per conversation, and awaited. The client's cursor for the conversation
   * (what it saves in the SessionStore and acks to the server) moves past a
   * message only after this resolves, and the sync token is saved only once every
   * conversation it covers has been handled; so after a crash the app is given
   * again exactly what it had not finished storing (see docs/SDK.md). A rejection
   * is reported as an 'error' and the message is offered again after a pause. The
   * 'message' event still fires for each message, after this resolves.
   */
  handleMessage?: (message: Message) => void | Promise<void>;
  /**
   * A device's first sync (no sync token, no cursor for the conversation) gives
   * each conversation's state and at most this many of its newest messages; older
   * ones are there for history(). Default 50.
   */
  firstSyncMessages?: number;
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
  /**
   * The HTTP API's base URL, for uploads and downloads (e.g. http://host:8080).
   * Default: from a ws:// or wss:// `url` (its host, http or https); needed with tcp:// urls.
   */
  httpUrl?: string;
  /** Messages per pull request. Default 200. */
  pullPageSize?: number;
  /** WebSocket implementation to use instead of the global one / `ws`. */
  WebSocket?: WebSocketConstructor;
  /**
   * TLS for wss:// and tls:// urls in Node: `ca`, the certificate authorities
   * (PEM) to trust instead of Node's bundled ones (a private or test CA), and
   * `servername` when the certificate names a host other than the URL's. With
   * it, wss:// goes through the `ws` package even where a global WebSocket
   * exists. Browsers ignore it: they trust what the system trusts.
   */
  tls?: TlsOptions;
  /**
   * The fetch for HTTP: nodesUrl, uploads and downloads. Default: the global
   * fetch. In Node, pass one that trusts a private CA, e.g. undici's
   * `(url, init) => fetch(url, { ...init, dispatcher: new Agent({ connect: { ca } }) })`.
   */
  fetch?: typeof fetch;
  /** TEST ONLY: never pull to fill a gap (the reliability harness's negative control). */
  testDisableGapPull?: boolean;
}

