/**
 * What the client knows of each conversation — the app's conversation list: the
 * state a sync lists, kept current as messages, read positions, receipts and
 * settings arrive. Unread counts are the server's (sync), advanced locally only
 * for messages past what the server counted; a partial read asks the server again.
 */
import { ConversationKind, parseDirectConversationId, type parley, type SettingsEvent } from '@parley/protocol';
import type { ConversationInfo, Message, ReadReceipt } from './types.ts';
import { applyLastMessage, applyMembership, CHANGES_ANOTHER, conversationInfo, type KnownConversation } from './wire.ts';

export class Conversations {
  private readonly infos = new Map<string, KnownConversation>();

  constructor(
    /** A conversation's info changed. */
    private readonly changed: (info: ConversationInfo) => void,
    /** The server's counts are needed again (after a partial read). */
    private readonly resync: () => void,
  ) {}

  /** The app's copy of one conversation's info, or undefined. */
  get(conversationId: string): ConversationInfo | undefined {
    const info = this.infos.get(conversationId);
    if (!info) return undefined;
    const { countedTo: _, ...rest } = info;
    return { ...rest, members: [...rest.members] };
  }

  /** Every conversation: pinned first, then by last activity, newest first; those with nothing visible last. */
  list(): ConversationInfo[] {
    const activity = (c: ConversationInfo) => c.lastMessage?.serverTime ?? 0;
    return [...this.infos.keys()]
      .map((id) => this.get(id)!)
      .sort((a, b) => Number(b.pinned) - Number(a.pinned) || activity(b) - activity(a) || (a.conversationId < b.conversationId ? -1 : 1));
  }

  /** A conversation as sync lists it (replaces what was known). */
  synced(state: parley.IConversationState): void {
    const info = conversationInfo(state);
    this.infos.set(info.conversationId, info);
    this.emit(info.conversationId);
  }

  private emit(conversationId: string): void {
    this.changed(this.get(conversationId)!);
  }

  /** Messages released in a conversation, in seq order. */
  released(conversationId: string, messages: readonly Message[], me: string): void {
    let info = this.infos.get(conversationId);
    if (!info) {
      // A conversation that appeared since the last sync (its first message just arrived).
      const direct = parseDirectConversationId(conversationId);
      const kind = direct ? ConversationKind.DIRECT : conversationId.startsWith('n:') ? ConversationKind.NOTICES : ConversationKind.GROUP;
      info = conversationInfo({ conversationId, kind, members: direct ?? [] });
      this.infos.set(conversationId, info);
    }
    for (const m of messages) {
      if (m.seq <= info.countedTo) continue; // already in the server's count
      info.countedTo = m.seq;
      info.maxSeq = Math.max(info.maxSeq, m.seq);
      // Edits, recalls and reactions change an earlier message: never unread.
      if (m.senderId !== me && m.seq > info.readSeq && !CHANGES_ANOTHER.has(m.type)) {
        info.unread++;
        if (m.mentionAll || m.mentions.includes(me)) info.unreadMentions++;
      }
      if (m.membership) applyMembership(info, m.membership, me);
      applyLastMessage(info, m);
    }
    this.emit(conversationId);
  }

  /** A read position moved: the user's own (any device), or a receipt of another member. */
  read(receipt: ReadReceipt, me: string): void {
    if (receipt.userId !== me) {
      const peer = this.infos.get(receipt.conversationId);
      if (peer?.kind === ConversationKind.DIRECT && receipt.readSeq > peer.peerReadSeq) {
        peer.peerReadSeq = receipt.readSeq;
        peer.peerDeliveredSeq = Math.max(peer.peerDeliveredSeq, receipt.readSeq);
        this.emit(receipt.conversationId);
      }
      return;
    }
    const info = this.infos.get(receipt.conversationId);
    if (!info || receipt.readSeq <= info.readSeq) return;
    info.readSeq = receipt.readSeq;
    if (info.readSeq >= info.maxSeq) info.unread = info.unreadMentions = 0;
    else this.resync(); // the exact count after a partial read comes from the server
    this.emit(receipt.conversationId);
  }

  /** 1:1: a device of the other user holds the conversation up to `deliveredSeq`. */
  delivered(conversationId: string, userId: string, deliveredSeq: number, me: string): void {
    const info = this.infos.get(conversationId);
    if (info && userId !== me && deliveredSeq > info.peerDeliveredSeq) {
      info.peerDeliveredSeq = deliveredSeq;
      this.emit(conversationId);
    }
  }

  settings(e: SettingsEvent): void {
    const info = this.infos.get(e.conversationId);
    if (!info) return;
    info.pinned = e.pinned;
    info.muted = e.muted;
    this.emit(e.conversationId);
  }

  /** One of the user's devices cleared a history up to `seq`. */
  cleared(conversationId: string, seq: number): void {
    const info = this.infos.get(conversationId);
    if (info) info.clearedSeq = Math.max(info.clearedSeq, seq);
  }

  /** The seq of a conversation's last message, as known. */
  lastSeq(conversationId: string): number | undefined {
    return this.infos.get(conversationId)?.lastMessage?.seq;
  }

  /** Settings to keep when changing one of them. */
  settingsOf(conversationId: string): { pinned: boolean; muted: boolean } | undefined {
    const info = this.infos.get(conversationId);
    return info && { pinned: info.pinned, muted: info.muted };
  }
}

