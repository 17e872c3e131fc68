/**
 * Who may send where: the checks before a message is stored, for a whole
 * group-commit batch in one transaction.
 *
 * The batch's rows are read up front, a few calls for all of it (the
 * conversations, locked; the stored messages of its dedup keys; the member rows
 * of its senders and mentions; the blocks between 1:1 pairs), each request is then
 * decided in memory in arrival order, and the new messages are stored together.
 * A request sees the effects of the ones before it in the batch: the direct
 * conversation the first created, the seq the previous took, a duplicate within
 * the batch.
 */
import { ConversationKind, ErrorCode, GroupRole, parseDirectConversationId } from '@parley/protocol';
import type { CrashHook } from '../../testing/faults.ts';
import type { FileRow } from '../../media/media-port.ts';
import { checkAttachment, filesOfBatch, recordAttachments } from '../../media/rules/attachments.ts';
import { pairKey, type ConversationRow, type MemberRow, type SentMessage, type WriteTx } from '../store-port.ts';
import type { AppendRequest, AppendResult, StoredMessage } from '../types.ts';
import { MessageWriter } from './message-writer.ts';
import { whoSees } from './recipients.ts';
import { reusedError, sameAppend } from './records.ts';
import { inVisibleRange } from './visibility.ts';

type Refusal = { ok: false; code: ErrorCode; message: string };
/** A request's message: new, or the original of a resend. */
type Stored = { ok: true; message: StoredMessage; duplicate: boolean };

function refusal(code: ErrorCode, message: string): Refusal {
  return { ok: false, code, message };
}

export interface AppendOptions {
  crash: CrashHook;
  /** TEST ONLY (unsafe mode no-dedup): a resend is stored again. */
  noDedup: boolean;
}

/** What the batch's transaction has read, and what its earlier requests changed. */
interface BatchState {
  tx: WriteTx;
  now: number;
  conversations: Map<string, ConversationRow>;
  sent: Map<string, SentMessage>;
  members: Map<string, MemberRow>;
  /** Blocks between the batch's 1:1 pairs, as pairKey(blocker, blocked). */
  blocks: Set<string>;
  writer: MessageWriter;
  noDedup: boolean;
  /** The files the batch's media messages name (media/rules/attachments.ts), and the new messages that carry them. */
  files: Map<string, FileRow>;
  carried: { message: StoredMessage; files: readonly string[] }[];
}

export async function appendBatch(tx: WriteTx, batch: readonly AppendRequest[], options: AppendOptions): Promise<AppendResult[]> {
  const now = Date.now();
  const pairs = batch.map((r) => r.directMembers ?? parseDirectConversationId(r.conversationId)).filter((p) => p !== undefined);
  const state: BatchState = {
    tx,
    now,
    conversations: await tx.lockConversations(batch.map((r) => r.conversationId)),
    sent: options.noDedup ? new Map() : await tx.findSent(batch.map((r) => [r.senderId, r.clientMsgId] as const)),
    members: await tx.memberRows(batch.flatMap((r) => [r.senderId, ...(r.mentions ?? [])].map((u) => [r.conversationId, u] as const))),
    blocks: pairs.length > 0 ? await tx.blocksAmong(pairs) : new Set(),
    writer: new MessageWriter(tx, now, options.noDedup),
    noDedup: options.noDedup,
    files: await filesOfBatch(tx, batch.map((r) => r.media)),
    carried: [],
  };
  const outcomes: (Refusal | Stored)[] = [];
  for (const req of batch) outcomes.push(await appendOne(req, state));
  await state.writer.flush();
  await recordAttachments(tx, state.carried);
  // A new message goes to the current members; the original of a resend to those who may see it.
  const recipients = await tx.currentMembers(outcomes.flatMap((o) => (o.ok && !o.duplicate ? [o.message.conversationId] : [])));
  const resent = new Map<string, readonly string[]>();
  for (const o of outcomes) if (o.ok && o.duplicate && !resent.has(o.message.id)) resent.set(o.message.id, await whoSees(tx, o.message));
  options.crash('after-insert');
  return outcomes.map((o): AppendResult => {
    if (!o.ok) return o;
    if (o.duplicate) return { ok: true, message: o.message, duplicate: true, members: resent.get(o.message.id)! };
    const conversationId = o.message.conversationId;
    // The member-list version, read under the conversation's lock.
    const membersVersion = state.conversations.get(conversationId)?.membersSeq ?? 0;
    return { ok: true, message: o.message, duplicate: false, members: recipients.get(conversationId) ?? [], membersVersion };
  });
}

/** One request of a batch: a refusal, the original of a resend, or a new message (stored with the batch). */
async function appendOne(req: AppendRequest, s: BatchState): Promise<Refusal | Stored> {
  const key = pairKey(req.senderId, req.clientMsgId);
  const original = s.sent.get(key);
  if (original) {
    if (!sameAppend(original, req)) {
      const { code, message } = reusedError(req.clientMsgId);
      return refusal(code, message);
    }
    return { ok: true, message: original.message, duplicate: true };
  }
  let conv = s.conversations.get(req.conversationId);
  if (!conv) {
    if (!req.directMembers) return refusal(ErrorCode.CONVERSATION_NOT_FOUND, `no conversation ${req.conversationId}`);
    const created = await createDirect(req, req.directMembers, s);
    if (!('id' in created)) return created;
    conv = created;
  }
  const sender = s.members.get(pairKey(req.conversationId, req.senderId));
  const barred = senderRefusal(conv, req.senderId, sender, s.blocks, s.now);
  if (barred) return barred;
  const refused = referenceRefusal(req, conv, sender!, s.members);
  if (refused) return refused;
  // A media body names files of the sender's; it is stored completed from the file record.
  const attached = req.media ? checkAttachment(req.senderId, req.media, req.body, s.files) : undefined;
  if (attached && !attached.ok) return refusal(attached.code, attached.message);
  const message = attached ? s.writer.append(conv, { ...req, body: attached.body }, attached.sentDigest) : s.writer.append(conv, req);
  if (attached) s.carried.push({ message, files: attached.files });
  if (!s.noDedup) s.sent.set(key, { message, sentDigest: attached?.sentDigest });
  return { ok: true, message, duplicate: false };
}

/**
 * Why `senderId` may not send to an existing conversation now, if they may not:
 * dismissed, a notice conversation, not a current member, a block in a 1:1, muted.
 * The one place these are decided, for sends and for what must obey the same
 * rules without being a send yet (a voice stream being recorded).
 */
export function senderRefusal(
  conv: ConversationRow, senderId: string, sender: MemberRow | undefined, blocks: ReadonlySet<string>, now: number,
): Refusal | undefined {
  if (conv.dismissed) return refusal(ErrorCode.GROUP_DISMISSED, `${conv.id} was dismissed`);
  if (conv.kind === ConversationKind.NOTICES) return refusal(ErrorCode.FORBIDDEN, 'notice conversations are written by the server only');
  if (!sender || sender.leftSeq !== null) return refusal(ErrorCode.NOT_MEMBER, `not a member of ${conv.id}`);
  if (conv.kind === ConversationKind.DIRECT) {
    const blocked = blockRefusal(senderId, parseDirectConversationId(conv.id)!, blocks);
    if (blocked) return blocked;
  }
  if (sender.mutedUntil > now) {
    return refusal(ErrorCode.MUTED, `muted in ${conv.id} until ${new Date(sender.mutedUntil).toISOString()}`);
  }
  if (conv.mutedAll && sender.role > GroupRole.ADMIN) {
    return refusal(ErrorCode.MUTED, `${conv.id} is muted: only the owner and admins may send`);
  }
  return undefined;
}

/**
 * Whether `userId` may send to the existing conversation `conversationId` now
 * (`senderRefusal`), read in the transaction `tx`: undefined if they may.
 */
export async function maySendNow(tx: WriteTx, conversationId: string, userId: string, now: number): Promise<Refusal | undefined> {
  const conv = (await tx.lockConversations([conversationId])).get(conversationId);
  if (!conv) return refusal(ErrorCode.CONVERSATION_NOT_FOUND, `no conversation ${conversationId}`);
  const pair = parseDirectConversationId(conversationId);
  const blocks = pair ? await tx.blocksAmong([pair]) : new Set<string>();
  const sender = (await tx.memberRows([[conversationId, userId]])).get(pairKey(conversationId, userId));
  return senderRefusal(conv, userId, sender, blocks, now);
}

/** Why the sender may not write to the other user of a 1:1 pair, if a block either way stands between them. */
function blockRefusal(sender: string, pair: readonly string[], blocks: ReadonlySet<string>): Refusal | undefined {
  const other = pair[0] === sender ? pair[1]! : pair[0]!;
  if (blocks.has(pairKey(sender, other)) || blocks.has(pairKey(other, sender))) {
    return refusal(ErrorCode.BLOCKED, `messages between you and ${other} are blocked`);
  }
  return undefined;
}

/**
 * Create a direct conversation on its first message, after the checks the first
 * message needs: both users exist, no block, and the other user takes chats from
 * strangers unless the two are friends.
 */
async function createDirect(req: AppendRequest, pair: readonly [string, string], s: BatchState): Promise<ConversationRow | Refusal> {
  const known = await s.tx.existingUsers(pair);
  for (const userId of pair) if (!known.has(userId)) return refusal(ErrorCode.USER_NOT_FOUND, `no user ${userId}`);
  const blocked = blockRefusal(req.senderId, pair, s.blocks);
  if (blocked) return blocked;
  const other = pair[0] === req.senderId ? pair[1] : pair[0];
  if (!(await s.tx.isFriend(req.senderId, other)) && !(await s.tx.allowsStrangers(other))) {
    return refusal(ErrorCode.NOT_FRIENDS, `${other} takes chats from friends only`);
  }
  await s.tx.createConversation(
    { id: req.conversationId, kind: ConversationKind.DIRECT, name: '', createdAt: s.now },
    pair.map((userId) => ({ userId, role: GroupRole.MEMBER })),
  );
  const conv: ConversationRow = {
    id: req.conversationId, kind: ConversationKind.DIRECT, maxSeq: 0, name: '', avatarUrl: '', announcement: '',
    joinable: false, mutedAll: false, dismissed: false, large: false, membersSeq: 0,
  };
  s.conversations.set(conv.id, conv);
  for (const userId of pair) {
    s.members.set(pairKey(conv.id, userId), {
      conversationId: conv.id, userId, joinSeq: 0, leftSeq: null, role: GroupRole.MEMBER, mutedUntil: 0, clearedSeq: 0,
      readSeq: 0, deliveredSeq: 0, pinned: false, muted: false, maxSeq: 0,
    });
  }
  return conv;
}

/** Why a message's mentions or reply-to cannot stand, if they cannot. */
function referenceRefusal(req: AppendRequest, conv: ConversationRow, sender: MemberRow, members: Map<string, MemberRow>): Refusal | undefined {
  if (req.mentionAll) {
    if (conv.kind !== ConversationKind.GROUP) return refusal(ErrorCode.INVALID_ARGUMENT, '@all is for groups');
    if (sender.role > GroupRole.ADMIN) return refusal(ErrorCode.FORBIDDEN, 'only the owner and admins may mention @all');
  }
  for (const u of req.mentions ?? []) {
    const m = members.get(pairKey(req.conversationId, u));
    if (!m || m.leftSeq !== null) return refusal(ErrorCode.NOT_MEMBER, `cannot mention ${u}: not a member of ${req.conversationId}`);
  }
  const replyTo = req.replyTo ?? 0;
  if (replyTo !== 0 && !inVisibleRange({ ...sender, maxSeq: conv.maxSeq }, replyTo)) {
    return refusal(ErrorCode.MESSAGE_NOT_FOUND, `no message ${replyTo} you can see in ${req.conversationId}`);
  }
  return undefined;
}
