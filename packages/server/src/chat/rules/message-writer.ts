/**
 * The new messages of one write transaction. Each takes the next seq of its
 * conversation, whose row the transaction has locked (so the seq is gap-free and
 * never reused, on any store); `flush` stores them all with one call per kind —
 * the messages, the conversations' max seqs, and the change versions: every
 * current member's row for a small conversation, the conversation's own row for a
 * large group (read diffusion: a 2,000-member group costs one row per message).
 */
import { randomUUID } from 'node:crypto';
import type { ConversationRow, SentMessage, WriteTx } from '../store-port.ts';
import type { AppendRequest, StoredMessage } from '../types.ts';

/** What a new message carries; the writer adds its id, seq and time, and the conversation it is appended to. */
export type NewMessage = Omit<AppendRequest, 'conversationId' | 'directMembers'>;

export class MessageWriter {
  private readonly fresh: SentMessage[] = [];
  private readonly conversations = new Map<string, ConversationRow>();

  /**
   * @param noDedup TEST ONLY (unsafe mode no-dedup): store each message under a
   *   unique dedup key, so a resend is stored again.
   */
  constructor(
    private readonly tx: WriteTx,
    private readonly now: number,
    private readonly noDedup = false,
  ) {}

  /** Messages appended so far. */
  get messages(): readonly StoredMessage[] {
    return this.fresh.map((f) => f.message);
  }

  /**
   * Append a message to `conversation` at its next seq. `sentDigest`: the digest
   * of the body as sent, when the body stored is another (a media body the
   * server completed), so that a resend is still recognised.
   */
  append(conversation: ConversationRow, m: NewMessage, sentDigest?: Uint8Array): StoredMessage {
    const message: StoredMessage = {
      id: randomUUID(),
      conversationId: conversation.id,
      seq: ++conversation.maxSeq,
      senderId: m.senderId,
      senderDevice: m.senderDevice,
      clientMsgId: m.clientMsgId,
      type: m.type,
      body: m.body,
      serverTime: this.now,
      flags: 0,
      refSeq: m.refSeq ?? 0,
      mentions: [...(m.mentions ?? [])],
      mentionAll: m.mentionAll ?? false,
      replyTo: m.replyTo ?? 0,
      reactions: [],
    };
    this.fresh.push({ message, sentDigest });
    this.conversations.set(conversation.id, conversation);
    return message;
  }

  /** Store what was appended, raise max seqs, and stamp who learns of it. */
  async flush(): Promise<void> {
    if (this.fresh.length === 0) return;
    const stored = this.noDedup
      ? this.fresh.map((f) => ({ ...f, message: { ...f.message, clientMsgId: `${f.message.clientMsgId}#${f.message.id}` } }))
      : this.fresh;
    await this.tx.insertMessages(stored);
    const convs = [...this.conversations.values()];
    await this.tx.setMaxSeqs(new Map(convs.map((c) => [c.id, c.maxSeq])));
    const large = convs.filter((c) => c.large).map((c) => c.id);
    const small = convs.filter((c) => !c.large).map((c) => c.id);
    if (large.length > 0) await this.tx.touchConversations(large);
    if (small.length > 0) await this.tx.touchMembers(small);
    this.fresh.length = 0;
    this.conversations.clear();
  }
}
