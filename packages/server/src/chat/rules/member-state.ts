/**
 * A member's own state of a conversation: their settings (pinned, muted), their
 * read position (one value for all their devices) and how far some device of
 * theirs holds the conversation (delivered). Positions only move forward, and
 * never past what the member may see. In a 1:1 conversation each user's position
 * is the other's receipt, so a move stamps the other's row too.
 */
import { ConversationSetting, ErrorCode, MessageType, ParleyError, parseDirectConversationId, type SettingsEvent } from '@parley/protocol';
import { pairKey, type WriteTx } from '../store-port.ts';
import type { AppendResult, SettingsRequest } from '../types.ts';
import { MessageWriter } from './message-writer.ts';
import { lockNotices, writeNotice } from './notices.ts';
import { reusedError, sameSettings } from './records.ts';
import { lastVisibleSeq } from './visibility.ts';

/** Change the caller's settings of a conversation (current or former member); recorded in their notice conversation. */
export async function changeSettings(tx: WriteTx, req: SettingsRequest): Promise<AppendResult> {
  const now = Date.now();
  const notices = await lockNotices(tx, [req.userId]);
  const original = (await tx.findSent([[req.userId, req.clientMsgId]])).get(pairKey(req.userId, req.clientMsgId));
  if (original) {
    if (!sameSettings(original.message, req)) throw reusedError(req.clientMsgId);
    return { ok: true, message: original.message, duplicate: true, members: [req.userId] };
  }
  const current = (await tx.memberRows([[req.conversationId, req.userId]])).get(pairKey(req.conversationId, req.userId));
  if (!current) throw new ParleyError(ErrorCode.NOT_MEMBER, `not a member of ${req.conversationId}`);
  const event: SettingsEvent = {
    conversationId: req.conversationId,
    pinned: req.fields & ConversationSetting.PINNED ? req.pinned : current.pinned,
    muted: req.fields & ConversationSetting.MUTED ? req.muted : current.muted,
  };
  await tx.setSettings(req.conversationId, req.userId, { pinned: event.pinned, muted: event.muted });
  const writer = new MessageWriter(tx, now);
  const message = await writeNotice(tx, writer, notices, req.userId, {
    clientMsgId: req.clientMsgId, actorId: req.userId, actorDevice: req.deviceId, type: MessageType.SETTINGS, body: event,
  }, now);
  await writer.flush();
  return { ok: true, message, duplicate: false, members: [req.userId] };
}

/** The other user of a 1:1 conversation, or undefined in any other. */
function peerOf(conversationId: string, userId: string): string | undefined {
  const pair = parseDirectConversationId(conversationId);
  return pair && (pair[0] === userId ? pair[1] : pair[0]);
}

/**
 * Move a member's read position forward to `seq`, clamped to what they may see.
 * Undefined if the user is not (and never was) a member.
 */
export async function markRead(tx: WriteTx, conversationId: string, userId: string, seq: number) {
  // The conversation first, as every writer of member rows does (the store's lock order).
  await tx.lockConversations([conversationId]);
  const row = (await tx.memberRows([[conversationId, userId]])).get(pairKey(conversationId, userId));
  if (!row) return undefined;
  const target = Math.min(seq, lastVisibleSeq(row));
  const members = (await tx.currentMembers([conversationId])).get(conversationId) ?? [];
  if (target <= row.readSeq) return { readSeq: row.readSeq, changed: false, members };
  await tx.setReadSeq(conversationId, userId, target);
  const peer = peerOf(conversationId, userId);
  if (peer) await tx.touchRows([[conversationId, peer]]);
  return { readSeq: target, changed: true, members };
}

/**
 * Raise members' delivered positions (clamped to what they may see; never back).
 * Returns those that moved, with the conversation's current members.
 */
export async function markDelivered(tx: WriteTx, entries: readonly { conversationId: string; userId: string; seq: number }[]) {
  const wanted = new Map<string, { conversationId: string; userId: string; seq: number }>();
  for (const e of entries) {
    const key = pairKey(e.conversationId, e.userId);
    if ((wanted.get(key)?.seq ?? 0) < e.seq) wanted.set(key, e);
  }
  // The conversations first, in id order, as every writer of member rows does.
  await tx.lockConversations([...wanted.values()].map((e) => e.conversationId));
  const rows = await tx.memberRows([...wanted.values()].map((e) => [e.conversationId, e.userId] as const));
  const moved: { conversationId: string; userId: string; seq: number }[] = [];
  for (const [key, e] of wanted) {
    const row = rows.get(key);
    if (!row) continue;
    const target = Math.min(e.seq, lastVisibleSeq(row));
    if (target > row.deliveredSeq) moved.push({ conversationId: e.conversationId, userId: e.userId, seq: target });
  }
  if (moved.length === 0) return [];
  await tx.setDelivered(moved);
  // The other member's sync reports it as peer_delivered_seq (1:1 conversations only).
  const peers = moved.flatMap((m) => {
    const peer = peerOf(m.conversationId, m.userId);
    return peer ? [[m.conversationId, peer] as const] : [];
  });
  if (peers.length > 0) await tx.touchRows(peers);
  const members = await tx.currentMembers(moved.map((m) => m.conversationId));
  moved.sort((a, b) => (a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : a.userId < b.userId ? -1 : 1));
  return moved.map((m) => ({ ...m, members: members.get(m.conversationId) ?? [] }));
}
