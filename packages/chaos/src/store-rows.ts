/**
 * What the checker needs from a store, from its raw rows: both stores keep
 * messages and members under the same column names, so the embedded and the
 * cluster runs read them the same way (each with its own driver).
 */
import { MessageType, type MembershipEvent } from '@parley/protocol';
import type { MemberRow, StoredRow } from './checker.ts';

export interface MessageRow {
  conv_id: string;
  seq: number;
  id: string;
  sender_id: string;
  type: number;
  body: Uint8Array;
}

export interface MemberTableRow {
  conv_id: string;
  user_id: string;
  join_seq: number;
}

/**
 * Messages (ordered by conversation and seq) and members as the checker takes
 * them. A group member's periods come from the group's MEMBERSHIP events (the
 * members table keeps only the latest join point); a direct conversation's from its row.
 */
export function fromRows(rows: readonly MessageRow[], memberRows: readonly MemberTableRow[]): { stored: StoredRow[]; members: MemberRow[] } {
  const decoder = new TextDecoder();
  const periods = new Map<string, [number, number | null][]>();
  const open = (key: string, after: number) => {
    const list = periods.get(key) ?? [];
    list.push([after, null]);
    periods.set(key, list);
  };
  const close = (key: string, upTo: number) => {
    const last = periods.get(key)?.at(-1);
    if (last && last[1] === null) last[1] = upTo;
  };
  const stored = rows.map((r) => {
    const system = r.type === MessageType.MEMBERSHIP;
    if (system) {
      const e = JSON.parse(decoder.decode(r.body)) as MembershipEvent;
      const key = (u: string) => `${r.conv_id}#${u}`;
      if (e.op === 'create') for (const u of [e.actor, ...e.users]) open(key(u), 0);
      else if (e.op === 'invite') for (const u of e.users) open(key(u), r.seq - 1);
      else if (e.op === 'kick') for (const u of e.users) close(key(u), r.seq);
      else if (e.op === 'leave') close(key(e.actor), r.seq);
    }
    return { conversationId: r.conv_id, seq: Number(r.seq), id: r.id, senderId: r.sender_id, system, payload: system ? `#${r.id}` : decoder.decode(r.body) };
  });
  const members = memberRows.map((r) => ({
    conversationId: r.conv_id,
    userId: r.user_id,
    joinSeq: Number(r.join_seq),
    periods: periods.get(`${r.conv_id}#${r.user_id}`) ?? [[Number(r.join_seq), null] as [number, number | null]],
  }));
  return { stored, members };
}
