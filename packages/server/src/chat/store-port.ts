/**
 * The store port: what the chat rules (chat/rules/) need of a database, and all
 * a store adapter (store/sqlite, store/postgres) implements. Reads and writes of
 * rows by purpose, inside one transaction, plus the committed reads that run
 * outside one. No rule lives behind this interface: an adapter turns each method
 * into SQL and maps rows, and owns its transaction mechanics (locks, retries,
 * durability); who may see, send, join, edit what is decided above it, once.
 *
 * Invariants an adapter keeps:
 * - `write(fn)` runs `fn` in one transaction that commits durably (the store's
 *   durability setting, never relaxed) before the returned promise resolves, and
 *   rolls back everything `fn` wrote if it throws. An adapter may run `fn` again
 *   from the start (a serialization failure, a concurrent creation): `fn` must
 *   have no effect outside the transaction.
 * - Reads outside `write` see committed data only.
 * - `lockConversations` orders every writer of a conversation's rows (its seq,
 *   its members) behind the others: on a store with several writers, it locks the
 *   rows in id order for the rest of the transaction.
 * - Every method that says it "stamps" raises the row's change version to this
 *   transaction's version, which the change feed (`changesSince`) reads.
 */
import type { AccountsPort } from '../auth/accounts-port.ts';
import type { MediaReads, MediaTx } from '../media/media-port.ts';
import type { ChangeCursor, StoredMessage, User } from './types.ts';

/** A conversation row, as a write transaction reads it. */
export interface ConversationRow {
  id: string;
  kind: number;
  maxSeq: number;
  name: string;
  avatarUrl: string;
  announcement: string;
  joinable: boolean;
  mutedAll: boolean;
  dismissed: boolean;
  /** A large group: messages stamp the conversation, not every member. */
  large: boolean;
  /** The seq of the conversation's last group change: the version of its member list. */
  membersSeq: number;
}

/** A member row (current or former), with its conversation's max seq. */
export interface MemberRow {
  conversationId: string;
  userId: string;
  joinSeq: number;
  /** The seq of the member's leave event, or null while a member. */
  leftSeq: number | null;
  role: number;
  mutedUntil: number;
  clearedSeq: number;
  readSeq: number;
  deliveredSeq: number;
  pinned: boolean;
  muted: boolean;
  maxSeq: number;
}

/** A stored message with what was first sent under its clientMsgId (for resends after an edit or recall). */
export interface SentMessage {
  message: StoredMessage;
  /** SHA-256 of the body as first sent; set once the message was edited or recalled, undefined before. */
  sentDigest: Uint8Array | undefined;
}

/** One row of the change feed: a conversation as one member sees it, at a change version. */
export interface ChangeRow {
  version: number;
  conversationId: string;
  kind: number;
  joinSeq: number;
  leftSeq: number | null;
  readSeq: number;
  maxSeq: number;
  name: string;
  unread: number;
  role: number;
  mutedUntil: number;
  avatarUrl: string;
  announcement: string;
  joinable: boolean;
  mutedAll: boolean;
  dismissed: boolean;
  unreadMentions: number;
  clearedSeq: number;
  pinned: boolean;
  muted: boolean;
  peerReadSeq: number;
  peerDeliveredSeq: number;
  lastMessage: StoredMessage | undefined;
}

/** The change feed's answer, as a store gives it (see StorePort.changesSince). */
export interface ChangeParts {
  members: ChangeRow[];
  large: ChangeRow[];
  /**
   * Set when the answer may leave out changes committed before it was asked,
   * because transactions that were open then were still open when it was cut (a
   * store with several writers, whose feed stops below the oldest one). Resolves
   * once they have all ended, when the same question gets every such change.
   * Undefined when nothing was left out for that reason — always on a store with
   * one writer.
   */
  withheld?: Promise<void>;
}

/** A friend, request or block entry. */
export interface FriendRow {
  userId: string;
  note: string;
  time: number;
}

/** A pending group invitation. */
export interface InvitationRow {
  conversationId: string;
  userId: string;
  inviter: string;
  time: number;
  expiresAt: number;
}

/** A group's ban of a user. */
export interface BanRow {
  userId: string;
  bannedBy: string;
  time: number;
}

/** A key of two parts (conversation and user, user and user) as the port's maps use it. */
export function pairKey(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

/** Reads and writes of one transaction (the media rows' are in media/media-port.ts). */
export interface WriteTx extends MediaTx {
  // Conversations
  /** The rows of those of `ids` that exist, locked for this transaction. */
  lockConversations(ids: readonly string[]): Promise<Map<string, ConversationRow>>;
  /**
   * Create a conversation and its first members (joined at seq `joinSeq`), stamped.
   * If another writer created it meanwhile, the adapter runs the transaction again.
   */
  createConversation(row: { id: string; kind: number; name: string; createdAt: number }, members: readonly { userId: string; role: number }[]): Promise<void>;
  /** Raise each conversation's max seq. */
  setMaxSeqs(maxSeqs: ReadonlyMap<string, number>): Promise<void>;
  /** Stamp these conversations (large groups: what their members' change feed reads). */
  touchConversations(ids: readonly string[]): Promise<void>;
  setGroupInfo(id: string, info: { name: string; avatarUrl: string; announcement: string; joinable: boolean }): Promise<void>;
  setMutedAll(id: string, on: boolean): Promise<void>;
  /** Dismissed for good, and no longer joinable. */
  setDismissed(id: string): Promise<void>;
  setMembersSeq(id: string, seq: number): Promise<void>;
  markLarge(id: string): Promise<void>;

  // Members
  /** Member rows (current or former) of the given (conversation, user) pairs, by `pairKey`. */
  memberRows(pairs: readonly (readonly [string, string])[]): Promise<Map<string, MemberRow>>;
  /** Every member row of a conversation, current and former. */
  allMemberRows(conversationId: string): Promise<MemberRow[]>;
  /** Current members of each conversation, by user id. */
  currentMembers(conversationIds: readonly string[]): Promise<Map<string, readonly string[]>>;
  countMembers(conversationId: string): Promise<number>;
  /** Make users members from `joinSeq` on (again, if they were before: their row starts over), stamped. */
  addMembers(conversationId: string, joinSeq: number, members: readonly { userId: string; role: number }[]): Promise<void>;
  /** Users leave at `leftSeq`, stamped. */
  removeMembers(conversationId: string, leftSeq: number, userIds: readonly string[]): Promise<void>;
  setRole(conversationId: string, userIds: readonly string[], role: number): Promise<void>;
  setMutedUntil(conversationId: string, userIds: readonly string[], mutedUntil: number): Promise<void>;
  /** Stamp every current member of these conversations. */
  touchMembers(conversationIds: readonly string[]): Promise<void>;
  /** Stamp these (conversation, user) rows. */
  touchRows(pairs: readonly (readonly [string, string])[]): Promise<void>;
  /** Set a member's read position, stamped. */
  setReadSeq(conversationId: string, userId: string, seq: number): Promise<void>;
  /** Set members' delivered positions (not stamped). */
  setDelivered(entries: readonly { conversationId: string; userId: string; seq: number }[]): Promise<void>;
  /** Set a member's own settings, stamped. */
  setSettings(conversationId: string, userId: string, settings: { pinned: boolean; muted: boolean }): Promise<void>;
  /** Set how far a member cleared their history, stamped. */
  setClearedSeq(conversationId: string, userId: string, seq: number): Promise<void>;

  // Messages
  /** Messages stored under these (sender, clientMsgId) keys, by `pairKey(sender, clientMsgId)`. */
  findSent(keys: readonly (readonly [string, string])[]): Promise<Map<string, SentMessage>>;
  getMessage(conversationId: string, seq: number): Promise<StoredMessage | undefined>;
  /** Store new messages; `sentDigest`, when set, records that the body stored is not the body sent (a media body the server completed). */
  insertMessages(messages: readonly SentMessage[]): Promise<void>;
  /** Change a message's body and flags; `sentDigest` is kept only if the message has none yet (it records what was first sent). */
  updateMessage(conversationId: string, seq: number, change: { body: Uint8Array; flags: number; sentDigest: Uint8Array }): Promise<void>;
  setReactions(conversationId: string, seq: number, reactions: StoredMessage['reactions']): Promise<void>;
  /** Delete a message for one user; false if it already was. */
  hide(userId: string, conversationId: string, seq: number): Promise<boolean>;
  /** Users who deleted this message for themselves. */
  hiddenBy(conversationId: string, seq: number): Promise<Set<string>>;

  // Users, friends, blocks
  existingUsers(ids: readonly string[]): Promise<Set<string>>;
  /** Blocks among the given pairs, either way, as `pairKey(blocker, blocked)`. */
  blocksAmong(pairs: readonly (readonly [string, string])[]): Promise<Set<string>>;
  isFriend(a: string, b: string): Promise<boolean>;
  /** Whether `userId` takes 1:1 chats from users who are not their friends. */
  allowsStrangers(userId: string): Promise<boolean>;
  setAllowStrangers(userId: string, allow: boolean): Promise<void>;
  /** Friends both ways. */
  addFriendship(a: string, b: string, since: number): Promise<void>;
  removeFriendship(a: string, b: string): Promise<void>;
  /** The note of a pending request from `from` to `to`, or undefined. */
  friendRequest(from: string, to: string): Promise<string | undefined>;
  putFriendRequest(from: string, to: string, note: string, time: number): Promise<void>;
  deleteFriendRequest(from: string, to: string): Promise<void>;
  addBlock(userId: string, blockedId: string, time: number): Promise<void>;
  removeBlock(userId: string, blockedId: string): Promise<void>;

  // Consent and moderation
  /** Each existing user's GroupAdds setting (0: not set) and stranger setting. */
  consentOf(userIds: readonly string[]): Promise<Map<string, { groupAdds: number; allowStrangers: boolean }>>;
  setGroupAdds(userId: string, value: number): Promise<void>;
  /** Friends of `userId` among `userIds`. */
  friendsAmong(userId: string, userIds: readonly string[]): Promise<Set<string>>;
  countFriends(userId: string): Promise<number>;
  countOutgoingRequests(userId: string): Promise<number>;
  /** How many groups each of the users is a current member of (one query for all). */
  countGroups(userIds: readonly string[]): Promise<Map<string, number>>;
  /** Those of `userIds` on the group's ban list. */
  bannedAmong(conversationId: string, userIds: readonly string[]): Promise<Set<string>>;
  /** Ban users (a ban already there is kept as it was). */
  addBans(conversationId: string, userIds: readonly string[], bannedBy: string, time: number): Promise<void>;
  removeBans(conversationId: string, userIds: readonly string[]): Promise<void>;
  /** Invite users (an invitation already there is replaced). */
  putInvitations(conversationId: string, userIds: readonly string[], inviter: string, time: number, expiresAt: number): Promise<void>;
  /** The invitation of the user to the group, expired or not. */
  invitation(conversationId: string, userId: string): Promise<InvitationRow | undefined>;
  deleteInvitations(conversationId: string, userIds: readonly string[]): Promise<void>;
}

/** How a write transaction is to commit. */
export interface WriteOptions {
  /** TEST ONLY (unsafe mode ack-before-commit): resolve before the commit, which follows 300 ms later. */
  ackBeforeCommit?: boolean;
}

/** What a store adapter implements (the media rows' committed reads are in media/media-port.ts). */
export interface StorePort extends MediaReads, AccountsPort {
  /** Identifies this store's data set; sync tokens from another data set are void. */
  readonly storeId: string;
  write<R>(fn: (tx: WriteTx) => Promise<R>, options?: WriteOptions): Promise<R>;

  // Committed reads
  createUser(user: User): Promise<void>;
  getUser(id: string): Promise<User | undefined>;
  setLastSeen(userId: string, time: number): Promise<void>;
  getLastSeen(userId: string): Promise<number | undefined>;
  /** A user's own rate limits as an admin set them (JSON text), or undefined. */
  userLimits(userId: string): Promise<string | undefined>;
  /** Set (or, with undefined, remove) a user's own rate limits (JSON text). */
  setUserLimits(userId: string, limits: string | undefined): Promise<void>;
  getMembership(conversationId: string, userId: string): Promise<MemberRow | undefined>;
  /** Current members of a conversation, by user id. */
  listMembers(conversationId: string): Promise<readonly string[]>;
  /** A page of current members by user id after `after`, each with their last seen. */
  memberPage(conversationId: string, after: string, limit: number): Promise<{ userId: string; lastSeen: number }[]>;
  /** Which of `userIds` have a block with `userId`, either way. */
  blockedAmong(userId: string, userIds: readonly string[]): Promise<Set<string>>;
  isFriend(a: string, b: string): Promise<boolean>;
  sharesConversation(a: string, b: string): Promise<boolean>;
  conversation(id: string): Promise<ConversationRow | undefined>;
  /** Current members with role, mute and join point, owner first, then by role and id. */
  groupMembers(conversationId: string): Promise<{ userId: string; role: number; mutedUntil: number; joinSeq: number }[]>;
  readMessages(conversationId: string, fromSeq: number, toSeq: number, limit: number): Promise<StoredMessage[]>;
  hiddenSeqs(userId: string, conversationId: string, fromSeq: number, toSeq: number): Promise<number[]>;
  readers(conversationId: string, seq: number, limit: number): Promise<{ users: string[]; readCount: number; unreadCount: number }>;
  friends(userId: string): Promise<FriendRow[]>;
  incomingRequests(userId: string): Promise<FriendRow[]>;
  outgoingRequests(userId: string): Promise<FriendRow[]>;
  blocked(userId: string): Promise<FriendRow[]>;
  allowsStrangers(userId: string): Promise<boolean>;
  /** The user's GroupAdds setting (0: not set). */
  groupAdds(userId: string): Promise<number>;
  /** The user's invitations that expire after `now`, with each group's name, oldest first. */
  invitations(userId: string, now: number): Promise<(InvitationRow & { name: string })[]>;
  /** A group's ban list, by user id. */
  bans(conversationId: string): Promise<BanRow[]>;
  /**
   * The change feed of `userId` after `after`, as two sorted parts, each cut at
   * `limit` rows: `members`, their member rows stamped after the cursor (by version,
   * conversation); `large`, the large groups they are a current member of whose
   * conversation was stamped after the cursor (by the conversation's version).
   * Only versions that no transaction still running can fall below; if that
   * leaves out changes committed before the call, `withheld` says when they come.
   */
  changesSince(userId: string, after: ChangeCursor, limit: number): Promise<ChangeParts>;
  /** TEST/DIAGNOSTIC: the durability setting a write transaction commits with, as the database reports it. */
  durability(): Promise<Record<string, string>>;
  close(): Promise<void>;
}
