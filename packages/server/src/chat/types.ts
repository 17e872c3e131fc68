/**
 * The chat domain's view of the world: what it needs from a store and a bus.
 * Adapters (store/sqlite, later store/postgres; cluster/local, later cluster/redis)
 * implement these; chat logic imports only this file, never an adapter.
 */
import type { ErrorCode, FriendOp, GroupOp, MessageOpKind, MessageRecord } from '@parley/protocol';
import type { MediaClaim } from '../media/media-body.ts';

export interface User {
  id: string;
  displayName: string;
  /** scrypt hash, or null for users whose tokens come from an app backend. */
  passwordHash: string | null;
  createdAt: number;
}

/** A committed message: it has the wire shape, so it is pushed and pulled as is. */
export type StoredMessage = MessageRecord;

/** One message to append; the store assigns seq, id and time inside its transaction. */
export interface AppendRequest {
  senderId: string;
  senderDevice: string;
  clientMsgId: string;
  conversationId: string;
  /** For a direct conversation: its two members, so the store can create it on first use. */
  directMembers?: readonly [string, string];
  type: number;
  body: Uint8Array;
  /** For event messages (RECALL, EDIT): the seq they refer to. */
  refSeq?: number;
  mentions?: readonly string[];
  mentionAll?: boolean;
  replyTo?: number;
  /** A media kind's body, its shape checked (media/media-body.ts): the files it names are checked in the transaction. */
  media?: MediaClaim;
}

/** Recall or edit an earlier message; recorded as an event message. */
export interface MessageOpRequest {
  actorId: string;
  actorDevice: string;
  clientMsgId: string;
  op: MessageOpKind;
  conversationId: string;
  seq: number;
  /** EDIT: the new body. */
  body: Uint8Array;
  /** REACT / UNREACT */
  emoji: string;
  /** A sender may recall within this many ms of sending; group owners and admins at any time. */
  recallWindowMs: number;
  /** A sender may edit within this many ms of sending (undefined: no limit). */
  editWindowMs?: number;
}

export type AppendResult =
  | {
      ok: true;
      message: StoredMessage;
      duplicate: boolean;
      members: readonly string[];
      /**
       * Which member list `members` is: the seq of the conversation's last group
       * change (0 for a direct conversation). Two messages of a conversation with the
       * same version have the same members, so a node may keep the list's online
       * devices between them. Set on new messages only.
       */
      membersVersion?: number;
      /** Group changes: the invitation notices written to invitees' notice conversations, each with the one user it goes to. */
      notices?: { message: StoredMessage; members: readonly string[] }[];
    }
  | { ok: false; code: ErrorCode; message: string };

/** A conversation as one member sees it, as listed by sync. */
export interface ConversationState {
  conversationId: string;
  kind: number;
  /** Highest seq this member may see (their leave event, if they left). */
  maxSeq: number;
  joinSeq: number;
  members: readonly string[];
  name: string;
  left: boolean;
  readSeq: number;
  unread: number;
  /** Groups only (empty / false / 0 otherwise). */
  avatarUrl: string;
  announcement: string;
  joinable: boolean;
  mutedAll: boolean;
  role: number;
  mutedUntil: number;
  dismissed: boolean;
  /** Unread messages that mention the user or @all. */
  unreadMentions: number;
  /** The user cleared their history up to here. */
  clearedSeq: number;
  /** The user's own settings. */
  pinned: boolean;
  muted: boolean;
  /** Direct conversations: the other user's read position and how far their devices have acked. */
  peerReadSeq: number;
  peerDeliveredSeq: number;
  /**
   * The newest message this member may see, as it is now (see
   * ConversationState.last_message in parley.proto); undefined if none is visible.
   */
  lastMessage: StoredMessage | undefined;
}

/** A user's own settings of one conversation; recorded as a SETTINGS event in their notice conversation. */
export interface SettingsRequest {
  userId: string;
  deviceId: string;
  clientMsgId: string;
  conversationId: string;
  /** ConversationSetting bits of the fields to set. */
  fields: number;
  pinned: boolean;
  muted: boolean;
}

/** A group's info and current members (GroupInfo on the wire). */
export interface GroupRecord {
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

/** A group creation or change; stored as a MEMBERSHIP message. */
export interface GroupChangeRequest {
  actorId: string;
  actorDevice: string;
  clientMsgId: string;
  op: GroupOp;
  /** The group; ignored for CREATE (the store names the new group). */
  conversationId: string;
  users: readonly string[];
  name: string;
  /** INFO: GroupInfoField bits of the fields to set. */
  fields: number;
  avatarUrl: string;
  announcement: string;
  joinable: boolean;
  /** SET_ROLE */
  role: number;
  /** MUTE (ms since epoch; 0 lifts it) */
  mutedUntil: number;
  /** MUTE_ALL */
  on: boolean;
}

/** A friend, block or setting change (see FriendOp). */
export interface FriendChangeRequest {
  actorId: string;
  actorDevice: string;
  clientMsgId: string;
  op: FriendOp;
  /** The other user (not for ALLOW_STRANGERS). */
  userId: string;
  note: string;
  allow: boolean;
  /** GROUP_ADDS: the GroupAdds value to set. */
  groupAdds?: number;
}

/** The FRIEND events a change wrote, each with the one user it goes to. */
export type FriendChangeResult =
  | { ok: true; duplicate: boolean; events: { message: StoredMessage; members: readonly string[] }[] }
  | { ok: false; code: ErrorCode; message: string };

export interface FriendEntry {
  userId: string;
  note: string;
  time: number;
}

export interface FriendListRecord {
  friends: FriendEntry[];
  incoming: FriendEntry[];
  outgoing: FriendEntry[];
  blocked: FriendEntry[];
  allowStrangers: boolean;
  /** The GroupAdds setting as set (0: not set). */
  groupAdds: number;
}

/** A pending group invitation, as its invitee lists it. */
export interface InvitationRecord {
  conversationId: string;
  name: string;
  inviter: string;
  time: number;
  expiresAt: number;
}

/** A ban in a group's ban list. */
export interface BanRecord {
  userId: string;
  bannedBy: string;
  time: number;
}

/** Position in a user's change feed; opaque to clients (see sync-token.ts). */
export interface ChangeCursor {
  version: number;
  conversationId: string;
}

export interface ChangePage {
  conversations: ConversationState[];
  next: ChangeCursor;
  more: boolean;
  /**
   * Set when the page may lack changes committed before it was asked, held back
   * by transactions still open on the store; resolves once a sync from `next`
   * would get them (see StorePort.changesSince).
   */
  withheld?: Promise<void>;
}

export interface Membership {
  joinSeq: number;
  maxSeq: number;
  /** The seq of the member's leave event, or null while a member. */
  leftSeq: number | null;
  role: number;
  /** The member cleared their history up to here (0: never). */
  clearedSeq: number;
}

/**
 * The system of record. Every method is async so that a networked store fits
 * the same interface. `appendMessages` is the group-commit primitive: it stores
 * a batch in one transaction and resolves only once that transaction is durable.
 */
export interface Store {
  /** Identifies this store's data set; sync tokens from another data set are void. */
  readonly storeId: string;
  createUser(user: User): Promise<void>;
  getUser(id: string): Promise<User | undefined>;
  /** The user whose login name is `loginId` (a canonical form, auth/user-ids.ts): its stored id. */
  userByLogin(loginId: string): Promise<{ id: string } | undefined>;
  appendMessages(batch: readonly AppendRequest[]): Promise<AppendResult[]>;
  /**
   * Create a group or change its membership, in one transaction with the
   * MEMBERSHIP message that records it. `members` of the result are everyone to
   * deliver the event to (including users it removed).
   */
  changeGroup(request: GroupChangeRequest): Promise<AppendResult>;
  /** Recall or edit a message, in one transaction with the event that records it. */
  modifyMessage(request: MessageOpRequest): Promise<AppendResult>;
  /**
   * Move a member's read position forward to `seq` (clamped to what they can see).
   * Returns the position now stored and the current members; undefined if the
   * user is not (and never was) a member.
   */
  markRead(conversationId: string, userId: string, seq: number): Promise<{ readSeq: number; changed: boolean; members: readonly string[] } | undefined>;
  getMembership(conversationId: string, userId: string): Promise<Membership | undefined>;
  /** Why `userId` may not send to the existing conversation now (the send rules), or undefined if they may. */
  sendRefusal(conversationId: string, userId: string): Promise<{ code: ErrorCode; message: string } | undefined>;
  /** Friends, requests, blocks and the stranger setting, with their FRIEND events, in one transaction. */
  changeFriends(request: FriendChangeRequest): Promise<FriendChangeResult>;
  listFriends(userId: string): Promise<FriendListRecord>;
  /** The user's pending (unexpired) group invitations, oldest first. */
  listInvitations(userId: string, now: number): Promise<InvitationRecord[]>;
  /** A group's ban list. */
  listBans(conversationId: string): Promise<BanRecord[]>;
  /** A group's info and current members; undefined if there is no such group. */
  getGroup(conversationId: string): Promise<GroupRecord | undefined>;
  /** Record when a user's last device went away. */
  setLastSeen(userId: string, time: number): Promise<void>;
  /** When the user's last device went away (0: never), or undefined for an unknown user. */
  getLastSeen(userId: string): Promise<number | undefined>;
  /**
   * A page of a conversation's current members, by user id, after `after`: each
   * with when they were last seen (0: never). Leaves out members between whom and
   * `viewerId` there is a block either way. One query for the page.
   */
  memberPresence(conversationId: string, viewerId: string, after: string, limit: number): Promise<{ userId: string; lastSeen: number }[]>;
  /** Whether `a` may see `b`'s presence: friends, or sharing a conversation, and neither blocked the other. */
  presenceVisible(a: string, b: string): Promise<boolean>;
  /** Current members of a conversation (for fan-out of ephemeral events). */
  listMembers(conversationId: string): Promise<readonly string[]>;
  /** Messages with fromSeq <= seq <= toSeq, ascending, at most `limit`. */
  readMessages(conversationId: string, fromSeq: number, toSeq: number, limit: number): Promise<StoredMessage[]>;
  changeSettings(request: SettingsRequest): Promise<AppendResult>;
  /** Current members who have read up to `seq` (by id, at most `limit`), and how many have and have not. */
  readers(conversationId: string, seq: number, limit: number): Promise<{ users: string[]; readCount: number; unreadCount: number }>;
  /**
   * Raise members' delivered positions (clamped to what they can see; never back).
   * Returns those that moved, with the conversation's members.
   */
  markDelivered(entries: readonly { conversationId: string; userId: string; seq: number }[]): Promise<{ conversationId: string; userId: string; seq: number; members: readonly string[] }[]>;
  /** Seqs in fromSeq..toSeq that `userId` deleted for themselves. */
  hiddenSeqs(userId: string, conversationId: string, fromSeq: number, toSeq: number): Promise<number[]>;
  /** Conversations of `userId` changed after `after`, oldest change first. */
  changesSince(userId: string, after: ChangeCursor, limit: number): Promise<ChangePage>;
  close(): Promise<void>;
}

/** Events carried between the chat logic and the gateways, possibly across nodes. */
export type BusEvent =
  | {
      kind: 'message';
      message: StoredMessage;
      /** Users to deliver to (all members of the conversation). */
      recipients: readonly string[];
      /** Which member list `recipients` is (AppendResult.membersVersion), when the store said. */
      membersVersion?: number;
      /** The connection that sent it: it learns the message from its SendAck. */
      originSession: string;
    }
  | {
      kind: 'typing';
      conversationId: string;
      userId: string;
      typing: boolean;
      recipients: readonly string[];
      originSession: string;
    }
  | {
      kind: 'read';
      conversationId: string;
      userId: string;
      readSeq: number;
      recipients: readonly string[];
      originSession: string;
    }
  | {
      /** A block between two users: presence subscriptions between them end. */
      kind: 'block';
      userId: string;
      blockedId: string;
      recipients: readonly string[];
      originSession: string;
    }
  | {
      /**
       * A user came online (their first device on some node) or went offline
       * (their last device on that node left). Goes to every node, whose gateway
       * tells its own presence watchers; `recipients` is empty.
       */
      kind: 'presence';
      userId: string;
      online: boolean;
      /** When it happened (ms since epoch). */
      time: number;
      recipients: readonly string[];
      originSession: string;
    }
  | {
      /**
       * A group's membership changed (a committed GroupRequest): every node drops
       * what it cached of the group's members. `recipients` is empty.
       */
      kind: 'membership';
      conversationId: string;
      recipients: readonly string[];
      originSession: string;
    }
  | {
      /**
       * A device of a limited platform class (see the device policy) connected.
       * `sessions` are the user's connections of that class on the announcing
       * node, the new one among them, each with when it connected: every other
       * node ranks its own connections of the class with these, newest first, and
       * kicks those past the limit. `recipients` is the user.
       */
      kind: 'device';
      userId: string;
      platformClass: string;
      sessions: readonly { id: string; at: number }[];
      recipients: readonly string[];
      originSession: string;
    }
  | {
      /**
       * A voice stream's chunk as it was stored, or its end or cancellation
       * (docs/PROTOCOL.md §10b): pushed once, not tracked — a device that
       * misses one fetches it. `data` is base64 (events cross nodes as JSON).
       */
      kind: 'voice';
      conversationId: string;
      streamId: string;
      senderId: string;
      mime: string;
      index: number;
      data: string;
      ended: boolean;
      chunkCount: number;
      cancelled: boolean;
      recipients: readonly string[];
      originSession: string;
    }
  | {
      /**
       * Sign-in sessions were signed out (or, with `all`, every token of the
       * user, an app backend's too): every node closes their live connections
       * (KICKED, with `reason`). `recipients` is empty.
       */
      kind: 'revoke';
      userId: string;
      sessionIds: readonly string[];
      all: boolean;
      reason: string;
      recipients: readonly string[];
      originSession: string;
    }
  | {
      kind: 'delivered';
      conversationId: string;
      userId: string;
      deliveredSeq: number;
      recipients: readonly string[];
      originSession: string;
    };

export type BusListener = (event: BusEvent) => void;

/**
 * Routes events to the nodes where the recipients are connected. Each node's
 * gateway subscribes once and receives each event once, however many of its
 * recipients are connected there; it resolves the recipients against its own
 * index of live sessions, so a group message costs one bus event per node, not
 * one per member.
 */
export interface Bus {
  publish(event: BusEvent): void;
  /** This node's listener; returns the unsubscribe. */
  subscribe(listener: BusListener): () => void;
  /**
   * Called when this node may have missed events (the bus lost its connection):
   * the gateway then tells its sessions to sync, which recovers every committed
   * message from the store. Returns the unsubscribe.
   */
  onMissed(listener: () => void): () => void;
  /**
   * The online registry: `userId` has `devices` devices connected to this node
   * (0: none left here). Entries of a node that stops announcing itself expire.
   */
  setLocalDevices(userId: string, devices: number): void;
  /** Whether `userId` has a device connected to any live node. */
  isOnline(userId: string): Promise<boolean>;
  /** Which of `userIds` have a device connected to any live node: one round trip for all of them. */
  onlineOf(userIds: readonly string[]): Promise<Set<string>>;
  /**
   * The node registry: keep announcing this node (its `describe()` as it is at
   * each heartbeat) until close; a node that stops announcing drops out.
   */
  announce(describe: () => NodeInfo): void;
  /** Live nodes, this one included, draining ones flagged. */
  nodes(): Promise<NodeInfo[]>;
  close(): Promise<void>;
}

/** A node as the registry lists it (GET /v1/nodes). */
export interface NodeInfo {
  id: string;
  /** Where clients reach it. */
  httpUrl: string;
  wsUrl: string;
  tcpUrl: string;
  startedAt: number;
  /** Draining nodes take no new connections. */
  draining: boolean;
  connections: number;
}
