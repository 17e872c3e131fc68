/**
 * group: one group of G members, all online; S of them send, each keeping W
 * messages in flight, M messages each. Every message is delivered to the other
 * G − 1 members. Figures: deliveries/s (deliveries ÷ time from first send to last
 * delivery) and, per message, the time from send to its delivery to the last
 * member (p50/p99/max).
 */
import { GroupOp, MessageType } from '@parley/protocol';
import { LeanClient } from '../lean-client.ts';
import { summarize } from '../stats.ts';
import { benchToken } from '../tokens.ts';
import { forEachLimited, split } from '../worker-pool.ts';
import { BENCH_MESSAGE_TYPE, clientUrlOf, type Scenario } from './types.ts';

const now = () => performance.timeOrigin + performance.now();
const CHANGE_CHUNK = 500;
/** The byte that ends the key at the start of every body. */
const BAR = 0x7c;

interface MemberState {
  clients: LeanClient[];
  /** seq → [message key, deliveries seen here, time of the last one] (the key is read from the body of the first) */
  seen: Map<number, [string, number, number]>;
  deliveries: number;
  firstSend: number;
}

export const group: Scenario = {
  description: 'one group of G online members, S senders with W in flight, M messages each',
  defaults: { members: 2000, senders: 4, window: 4, messages: 50, bytes: 100, perWorker: 1000 },
  workers: (o) => Math.max(1, Math.ceil(o.members! / o.perWorker!)),

  async run(ctx) {
    const { members, senders, window, messages, bytes } = ctx.options as Record<string, number>;
    if (senders! > members!) throw new Error('--senders cannot exceed --members');
    const run = `g${Date.now().toString(36)}`;
    const ids = Array.from({ length: members! }, (_, i) => `${run}-m${i}`);
    ctx.log(`creating a group of ${members}`);
    const admin = await LeanClient.open(ctx.clientUrls[0]!);
    // Every member must exist before they are added: a first connection creates them.
    await forEachLimited(ids, 64, async (id) => {
      const c = await LeanClient.open(ctx.clientUrls[0]!);
      await c.auth(await benchToken(id, ctx.appKey), 'setup');
      c.close();
    });
    await admin.auth(await benchToken(ids[0]!, ctx.appKey), 'admin');
    const created = await admin.request({ group: { op: GroupOp.CREATE, name: run, users: ids.slice(1, CHANGE_CHUNK), clientMsgId: `${run}-create` } });
    if (created.body !== 'groupResult') throw new Error(`create group: ${created.error?.code} ${created.error?.message}`);
    const conversationId = created.groupResult!.conversationId!;
    for (let i = CHANGE_CHUNK; i < members!; i += CHANGE_CHUNK) {
      const r = await admin.request({ group: { op: GroupOp.INVITE, conversationId, users: ids.slice(i, i + CHANGE_CHUNK), clientMsgId: `${run}-invite-${i}` } });
      if (r.body !== 'groupResult') throw new Error(`invite: ${r.error?.code} ${r.error?.message}`);
    }
    admin.close();
    ctx.log(`connecting ${members} members`);
    const ranges = split(members!, ctx.pool.size);
    await ctx.pool.all('group', 'connect', ranges.map((r) => ({ ...r, urls: ctx.clientUrls, appKey: ctx.appKey, run })));
    ctx.log(`${senders} senders × ${messages} messages`);
    // Senders are members 0..S-1 (in the first worker's range or spread); each worker sends for those it holds.
    const results = await ctx.pool.all<{ firstSend: number; deliveries: number; seen: [string, number, number][] }>(
      'group',
      'run',
      ranges.map((r) => ({ from: r.from, conversationId, senders: Math.max(0, Math.min(senders!, r.to) - r.from), window, messages, bytes, totalMessages: senders! * messages! })),
    );
    await ctx.pool.all('group', 'close', ranges.map(() => ({})));
    const deliveries = results.reduce((s, r) => s + r.deliveries, 0);
    const perMessage = new Map<string, [number, number]>();
    for (const r of results) {
      for (const [key, count, last] of r.seen) {
        const prev = perMessage.get(key) ?? [0, 0];
        perMessage.set(key, [prev[0] + count, Math.max(prev[1], last)]);
      }
    }
    const firstSend = Math.min(...results.filter((r) => r.firstSend > 0).map((r) => r.firstSend));
    const lastDelivery = Math.max(...[...perMessage.values()].map(([, last]) => last));
    const seconds = (lastDelivery - firstSend) / 1000;
    const toLast = summarize([...perMessage.entries()].map(([k, [, last]]) => last - Number(k.split('@')[1])));
    const rate = Math.round(deliveries / seconds);
    return {
      figures: { members, deliveries, seconds, deliveriesPerSecond: rate, sendToLastDeliveryMs: toLast },
      table: [
        ['deliveries', `${deliveries} in ${seconds.toFixed(2)} s`],
        ['deliveries/s', rate.toLocaleString('en-US')],
        ['send → last member ms', `p50 ${toLast.p50}  p99 ${toLast.p99}  max ${toLast.max}`],
      ],
    };
  },

  worker: {
    async connect(state, arg: { from: number; to: number; urls: string[]; appKey: string; run: string }) {
      const s: MemberState = { clients: [], seen: new Map(), deliveries: 0, firstSend: 0 };
      const indexes = Array.from({ length: arg.to - arg.from }, (_, k) => arg.from + k);
      await forEachLimited(indexes, 128, async (i) => {
        const c = await LeanClient.open(clientUrlOf(arg.urls, i));
        await c.auth(await benchToken(`${arg.run}-m${i}`, arg.appKey), 'bench');
        c.onPush = (m, received) => {
          if (m.type === MessageType.MEMBERSHIP) return;
          const at = performance.timeOrigin + received;
          const entry = s.seen.get(m.seq);
          if (entry) {
            entry[1]++;
            entry[2] = at;
          } else {
            const end = m.body.indexOf(BAR);
            s.seen.set(m.seq, [Buffer.from(m.body.buffer, m.body.byteOffset, end < 0 ? 0 : end).toString('latin1'), 1, at]);
          }
          s.deliveries++;
        };
        s.clients[i - arg.from] = c;
      });
      state.group = s;
    },

    async run(state, arg: { from: number; conversationId: string; senders: number; window: number; messages: number; bytes: number; totalMessages: number }) {
      const s = state.group as MemberState;
      const senders = s.clients.slice(0, arg.senders);
      await Promise.all(
        senders.map(
          (c, index) =>
            new Promise<void>((resolve, reject) => {
              let sent = 0;
              let acked = 0;
              const sendOne = () => {
                const n = sent++;
                const t = now();
                if (s.firstSend === 0 || t < s.firstSend) s.firstSend = t;
                // The body starts with a key naming the message and its send time: "<sender>.<n>@<time>|".
                const head = new TextEncoder().encode(`${arg.from + index}.${n}@${t}|`);
                const body = new Uint8Array(Math.max(arg.bytes, head.length));
                body.set(head);
                c.requestCallback({ send: { conversationId: arg.conversationId, clientMsgId: `g${n}`, type: BENCH_MESSAGE_TYPE, body } }, (reply) => {
                  if (reply.body !== 'sendAck') return reject(new Error(`send: ${reply.error?.code} ${reply.error?.message}`));
                  acked++;
                  if (sent < arg.messages) sendOne();
                  else if (acked === arg.messages) resolve();
                });
              };
              for (let w = 0; w < Math.min(arg.window, arg.messages); w++) sendOne();
            }),
        ),
      );
      // Every member here receives every message but its own: wait for all of them.
      const expected = arg.totalMessages * s.clients.length - arg.senders * arg.messages;
      const deadline = performance.now() + 120_000;
      while (s.deliveries < expected) {
        if (performance.now() > deadline) throw new Error(`group: ${s.deliveries} of ${expected} deliveries after 120 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      return { firstSend: s.firstSend, deliveries: s.deliveries, seen: [...s.seen.values()] };
    },

    async close(state) {
      for (const c of (state.group as MemberState | undefined)?.clients ?? []) c.close();
      state.group = undefined;
    },
  },
};
