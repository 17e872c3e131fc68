/**
 * From the wire to the app: protobuf frames become the app's Message, SendAck,
 * ConversationInfo and PresenceInfo, and a conversation's info follows the
 * messages delivered in it (its last message, and what membership events change).
 */
import {
  GroupRole,
  MessageFlag,
  MessageType,
  type FriendEvent,
  type HistoryEvent,
  type MembershipEvent,
  type ReactionEvent,
  type SettingsEvent,
  type parley,
} from '@parley/protocol';
import type { ConversationInfo, Message, MessageFile, PresenceInfo, SendAck } from './types.ts';
import type { FileInfo } from './uploads.ts';

const decoder = new TextDecoder();

/** What the client keeps of a conversation: its info, and up to which seq the server's unread count covers. */
export type KnownConversation = ConversationInfo & { countedTo: number };

export function newClientMsgId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** What the client keeps of a conversation, from its sync state (fields left out take their defaults). */
export function conversationInfo(c: parley.IConversationState): KnownConversation {
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
export function toPresence(p: parley.IPresence): PresenceInfo {
  return { userId: p.userId ?? '', online: p.online ?? false, lastSeen: Number(p.lastSeen ?? 0) };
}

/** Event types that change an earlier message rather than being one to show in a list. */
export const CHANGES_ANOTHER = new Set<number>([MessageType.RECALL, MessageType.EDIT, MessageType.REACTION]);

/** A message with new content and flags (an edit or a recall of it). */
function withContent(m: Message, body: Uint8Array, flags: number): Message {
  return { ...m, body, flags, ...(m.type === MessageType.TEXT ? { text: decoder.decode(body) } : {}) };
}

/**
 * Keep a conversation's last message current with a message as it is delivered
 * (the rules the server applies at sync, see ConversationInfo.lastMessage).
 */
export function applyLastMessage(info: ConversationInfo, m: Message): void {
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
export function applyMembership(info: ConversationInfo, e: MembershipEvent, me: string): void {
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
    case 'ban':
      // Members among the banned were removed.
      if (e.removed?.includes(me)) info.left = true;
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

export function toSendAck(a: parley.ISendAck, clientMsgId = a.clientMsgId ?? ''): SendAck {
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

/** Message types whose body names a file (see `Message.file`). */
const FILE_TYPES: ReadonlySet<number> = new Set(
  [MessageType.IMAGE, MessageType.FILE, MessageType.VOICE, (MessageType as Record<string, number>).VIDEO].filter((t): t is number => t !== undefined),
);

/** The file a message carries, from its JSON body; undefined for other types or a body that names none. */
function fileOf(type: number, body: Uint8Array): { file: MessageFile } | Record<string, never> {
  if (!FILE_TYPES.has(type)) return {};
  const f = parseEvent<Partial<FileInfo>>(body);
  if (!f || typeof f.fileId !== 'string' || !f.fileId) return {};
  const file: MessageFile = {
    fileId: f.fileId,
    size: Number(f.size ?? 0),
    mime: String(f.mime ?? 'application/octet-stream'),
    name: String(f.name ?? 'file'),
  };
  for (const k of ['width', 'height', 'durationMs'] as const) if (typeof f[k] === 'number') file[k] = f[k];
  if (typeof f.thumbnailId === 'string' && f.thumbnailId) file.thumbnailId = f.thumbnailId;
  return { file };
}

export function toMessage(m: parley.IMessage): Message {
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
    ...fileOf(m.type ?? 0, body),
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


/** This device's own message, as the server stored it, from the ack of its send. */
export function ownMessage(
  ack: SendAck,
  sent: { type: number; body: Uint8Array; mentions?: string[]; mentionAll?: boolean; replyTo?: number; refSeq?: number },
  senderId: string,
  senderDevice: string,
): Message {
  return {
    ...fileOf(sent.type, sent.body),
    id: ack.messageId,
    conversationId: ack.conversationId,
    seq: ack.seq,
    senderId,
    senderDevice,
    clientMsgId: ack.clientMsgId,
    type: sent.type,
    body: sent.body,
    ...(sent.type === MessageType.TEXT || sent.type === MessageType.EDIT ? { text: decoder.decode(sent.body) } : {}),
    serverTime: ack.serverTime,
    flags: 0,
    refSeq: sent.refSeq ?? 0,
    mentions: sent.mentions ?? [],
    mentionAll: sent.mentionAll ?? false,
    replyTo: sent.replyTo ?? 0,
    reactions: [],
  };
}
