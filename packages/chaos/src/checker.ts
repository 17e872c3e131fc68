/**
 * The checker: every count must be 0 for the delivery contract to hold. It reads
 * the history (what clients did and saw) and the store (read directly, not
 * through the server). Each count keeps up to 20 examples.
 */
import type { History } from './history.ts';

export interface StoredRow {
  conversationId: string;
  seq: number;
  id: string;
  senderId: string;
  payload: string;
  /** A server-written event (group membership), not one of the workload's sends. */
  system?: boolean;
}

export interface MemberRow {
  conversationId: string;
  userId: string;
  joinSeq: number;
  /**
   * The seq ranges the user may see, oldest first: seqs s with after < s ≤ upTo
   * (upTo null: still a member). A kicked and re-invited user has several.
   */
  periods: [after: number, upTo: number | null][];
}

export interface Violation {
  count: number;
  examples: string[];
}

export const CHECKS = [
  'ackedLost',
  'storedTwice',
  'shownTwice',
  'orderViolations',
  'twoMessagesAtOneSeq',
  'gapsNeverFilled',
  'phantomDeliveries',
  'nonMemberDeliveries',
] as const;
export type Check = (typeof CHECKS)[number];

export interface CheckReport {
  ok: boolean;
  violations: Record<Check, Violation>;
  stats: {
    sends: number;
    acked: number;
    failed: number;
    unknown: number;
    stored: number;
    deliveries: number;
    ackToDeliveryMs: { p50: number; p99: number; max: number };
  };
}

const MAX_EXAMPLES = 20;

export function check(history: History, stored: StoredRow[], members: MemberRow[], devices: { deviceId: string; userId: string }[]): CheckReport {
  const v = Object.fromEntries(CHECKS.map((c) => [c, { count: 0, examples: [] as string[] }])) as Record<Check, Violation>;
  const flag = (c: Check, example: string) => {
    v[c].count++;
    if (v[c].examples.length < MAX_EXAMPLES) v[c].examples.push(example);
  };

  const byPayload = new Map<string, StoredRow[]>();
  const bySeq = new Map<string, StoredRow>();
  const maxSeq = new Map<string, number>();
  for (const row of stored) {
    if (row.system) {
      maxSeq.set(row.conversationId, Math.max(maxSeq.get(row.conversationId) ?? 0, row.seq));
      bySeq.set(`${row.conversationId}#${row.seq}`, row);
      continue;
    }
    const list = byPayload.get(row.payload) ?? [];
    list.push(row);
    byPayload.set(row.payload, list);
    bySeq.set(`${row.conversationId}#${row.seq}`, row);
    maxSeq.set(row.conversationId, Math.max(maxSeq.get(row.conversationId) ?? 0, row.seq));
  }
  const membership = new Map(members.map((m) => [`${m.conversationId}#${m.userId}`, m.periods]));
  const visible = (periods: MemberRow['periods'] | undefined, seq: number) =>
    periods?.some(([after, upTo]) => seq > after && (upTo === null || seq <= upTo)) ?? false;

  // Sends: acked ones must be stored, at their seq, once.
  let acked = 0;
  let failed = 0;
  let unknown = 0;
  for (const op of history.sends.values()) {
    if (op.outcome === 'ok') acked++;
    else if (op.outcome === 'failed') failed++;
    else unknown++;
    const rows = byPayload.get(op.clientMsgId) ?? [];
    if (op.outcome === 'ok') {
      const at = rows.find((r) => r.conversationId === op.conversationId && r.seq === op.seq && r.id === op.messageId);
      if (!at) flag('ackedLost', `${op.clientMsgId} acked at ${op.conversationId}#${op.seq} (${op.messageId}) but the store has ${rows.map((r) => `${r.conversationId}#${r.seq}`).join(', ') || 'nothing'}`);
    }
  }
  for (const [payload, rows] of byPayload) {
    if (rows.length > 1) flag('storedTwice', `${payload} stored at ${rows.map((r) => `${r.conversationId}#${r.seq}`).join(', ')}`);
  }

  // Deliveries, per device.
  const seen = new Map<string, Set<string>>();
  const lastSeq = new Map<string, number>();
  const delivered = new Map<string, Set<number>>();
  const latencies: number[] = [];
  for (const d of history.deliveries) {
    const deviceConv = `${d.deviceId}|${d.conversationId}`;
    const keys = seen.get(d.deviceId) ?? new Set<string>();
    seen.set(d.deviceId, keys);
    const seqKey = `${d.conversationId}#${d.seq}`;
    if (keys.has(seqKey) || keys.has(`p:${d.payload}`)) flag('shownTwice', `${d.deviceId} shown ${seqKey} (${d.payload}) twice`);
    keys.add(seqKey);
    keys.add(`p:${d.payload}`);
    const last = lastSeq.get(deviceConv) ?? 0;
    if (d.seq <= last) flag('orderViolations', `${d.deviceId} shown ${seqKey} after seq ${last}`);
    lastSeq.set(deviceConv, Math.max(last, d.seq));
    const set = delivered.get(deviceConv) ?? new Set<number>();
    set.add(d.seq);
    delivered.set(deviceConv, set);

    const row = bySeq.get(seqKey);
    if (row && (row.id !== d.messageId || row.payload !== d.payload)) {
      flag('twoMessagesAtOneSeq', `${d.deviceId} shown ${d.payload} (${d.messageId}) at ${seqKey}, the store has ${row.payload} (${row.id})`);
    }
    if (row?.system && row.id === d.messageId) continue; // a membership event, not a send
    const op = history.sends.get(d.payload);
    if (!op) flag('phantomDeliveries', `${d.deviceId} shown ${d.payload}, which was never sent`);
    else if (op.outcome === 'failed') flag('phantomDeliveries', `${d.deviceId} shown ${d.payload}, whose send failed (${op.error})`);
    else if (op.completedAt !== undefined) latencies.push(Math.max(0, d.at - op.completedAt));
    if (!visible(membership.get(`${d.conversationId}#${d.userId}`), d.seq)) {
      flag('nonMemberDeliveries', `${d.deviceId} (${d.userId}) shown ${seqKey}, not a member at that seq`);
    }
  }

  // Every device of every member must have every stored seq of its latest
  // membership period. (Earlier periods: what a device had not fetched before a
  // removal is out of its reach after a re-invite, which starts a new join point.)
  for (const { deviceId, userId } of devices) {
    for (const m of members) {
      if (m.userId !== userId) continue;
      const have = delivered.get(`${deviceId}|${m.conversationId}`) ?? new Set<number>();
      const missing: number[] = [];
      const [after, upTo] = m.periods.at(-1) ?? [m.joinSeq, null];
      const end = Math.min(upTo ?? Infinity, maxSeq.get(m.conversationId) ?? 0);
      for (let s = after + 1; s <= end; s++) if (!have.has(s)) missing.push(s);
      if (missing.length > 0) {
        flag('gapsNeverFilled', `${deviceId} lacks ${missing.length} of ${m.conversationId}: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}`);
      }
    }
  }

  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!) : 0);
  return {
    ok: CHECKS.every((c) => v[c].count === 0),
    violations: v,
    stats: {
      sends: history.sends.size,
      acked,
      failed,
      unknown,
      stored: stored.length,
      deliveries: history.deliveries.length,
      ackToDeliveryMs: { p50: pct(50), p99: pct(99), max: latencies.length ? Math.round(latencies[latencies.length - 1]!) : 0 },
    },
  };
}
