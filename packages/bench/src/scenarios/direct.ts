/**
 * direct: P pairs of users; each sender keeps at most W messages in flight until
 * it has sent M messages of B bytes to its partner. A message counts when the
 * recipient has it. Figures: delivered msgs/s (delivered ÷ time from first send to
 * last delivery), e2e latency (send → recipient has it), ack latency (send → the
 * sender holds the durable ack). Each pair first exchanges `warmup` messages that
 * are not measured (the conversation is created, the JIT has settled); --warmup 0
 * measures from the first message.
 */
import { LeanClient } from '../lean-client.ts';
import { summarize } from '../stats.ts';
import { benchToken } from '../tokens.ts';
import { split } from '../worker-pool.ts';
import { BENCH_MESSAGE_TYPE, clientUrlOf, type Scenario } from './types.ts';

interface Pair {
  index: number;
  sender: LeanClient;
  receiver: LeanClient;
  senderId: string;
  receiverId: string;
}

interface RunResult {
  firstSend: number;
  lastDelivery: number;
  delivered: number;
  e2e: number[];
  ack: number[];
}

const now = () => performance.timeOrigin + performance.now();

export const direct: Scenario = {
  description: 'P pairs, W in flight per sender, M messages of B bytes per pair',
  defaults: { pairs: 100, messages: 200, window: 10, bytes: 100, warmup: 100, workers: 1 },
  workers: (o) => o.workers!,

  async run(ctx) {
    const { pairs, messages, window, bytes, warmup } = ctx.options as Record<string, number>;
    const run = `d${Date.now().toString(36)}`;
    const ranges = split(pairs!, ctx.pool.size);
    ctx.log(`connecting ${pairs! * 2} clients`);
    await ctx.pool.all('direct', 'setup', ranges.map((r) => ({ ...r, urls: ctx.clientUrls, appKey: ctx.appKey, run })));
    ctx.log(`sending ${pairs! * messages!} messages`);
    const results = await ctx.pool.all<RunResult>('direct', 'run', ranges.map(() => ({ messages, window, bytes, warmup })));
    await ctx.pool.all('direct', 'teardown', ranges.map(() => ({})));
    const delivered = results.reduce((s, r) => s + r.delivered, 0);
    const seconds = (Math.max(...results.map((r) => r.lastDelivery)) - Math.min(...results.map((r) => r.firstSend))) / 1000;
    const e2e = summarize(results.flatMap((r) => r.e2e));
    const ack = summarize(results.flatMap((r) => r.ack));
    const rate = Math.round(delivered / seconds);
    return {
      figures: { delivered, seconds, deliveredPerSecond: rate, e2eLatencyMs: e2e, ackLatencyMs: ack },
      table: [
        ['delivered', `${delivered} messages in ${seconds.toFixed(2)} s`],
        ['delivered msgs/s', rate.toLocaleString('en-US')],
        ['e2e latency ms', `p50 ${e2e.p50}  p99 ${e2e.p99}  p999 ${e2e.p999}  max ${e2e.max}`],
        ['ack latency ms', `p50 ${ack.p50}  p99 ${ack.p99}`],
      ],
    };
  },

  worker: {
    async setup(state, arg: { from: number; to: number; urls: string[]; appKey: string; run: string }) {
      const pairs: Pair[] = [];
      for (let i = arg.from; i < arg.to; i++) {
        const senderId = `${arg.run}-s${i}`;
        const receiverId = `${arg.run}-r${i}`;
        // On a cluster, sender and receiver sit on different nodes: every message crosses the bus.
        const receiver = await LeanClient.open(clientUrlOf(arg.urls, i));
        await receiver.auth(await benchToken(receiverId, arg.appKey), 'bench');
        const sender = await LeanClient.open(clientUrlOf(arg.urls, i + 1));
        await sender.auth(await benchToken(senderId, arg.appKey), 'bench');
        pairs.push({ index: i, sender, receiver, senderId, receiverId });
      }
      state.direct = pairs;
    },

    async run(state, arg: { messages: number; window: number; bytes: number; warmup: number }) {
      const pairs = state.direct as Pair[];
      // Warm-up rounds (not measured): create the conversations and let the JIT settle.
      if (arg.warmup > 0) await measure(pairs, { ...arg, messages: arg.warmup }, 'w');
      return measure(pairs, arg, 'm');
    },

    async teardown(state) {
      for (const pair of (state.direct as Pair[] | undefined) ?? []) {
        pair.sender.close();
        pair.receiver.close();
      }
      state.direct = [];
    },
  },
};

/** Run one round: every pair sends `messages` with `window` in flight; resolves with its figures. */
async function measure(pairs: Pair[], arg: { messages: number; window: number; bytes: number }, prefix: string): Promise<RunResult> {
  const e2e: number[] = [];
  const ack: number[] = [];
  let delivered = 0;
  let lastDelivery = 0;
  const firstSend = now();
  const expected = pairs.length * arg.messages;
  await new Promise<void>((resolve, reject) => {
    if (expected === 0) return resolve();
    const timer = setTimeout(() => reject(new Error(`direct: only ${delivered} of ${expected} delivered after 300 s`)), 300_000);
    // Done when every message is delivered and every ack is in (a push may beat its ack).
    const finish = () => {
      if (delivered < expected || ack.length < expected) return;
      clearTimeout(timer);
      resolve();
    };
    for (const pair of pairs) {
      pair.receiver.onPush = (message, at) => {
        const body = message.body;
        const sentAt = new DataView(body.buffer, body.byteOffset, 8).getFloat64(0, true);
        e2e.push(at - sentAt);
        delivered++;
        if (delivered === expected) lastDelivery = now();
        finish();
      };
      let sent = 0;
      const sendOne = () => {
        const n = sent++;
        const body = new Uint8Array(Math.max(8, arg.bytes));
        const t = performance.now();
        new DataView(body.buffer).setFloat64(0, t, true);
        pair.sender.requestCallback(
          { send: { to: pair.receiverId, clientMsgId: `${prefix}${n}`, type: BENCH_MESSAGE_TYPE, body } },
          (reply) => {
            if (reply.body !== 'sendAck') {
              clearTimeout(timer);
              reject(new Error(`send failed: ${reply.error?.code} ${reply.error?.message}`));
              return;
            }
            ack.push(performance.now() - t);
            if (sent < arg.messages) sendOne();
            finish();
          },
        );
      };
      for (let w = 0; w < Math.min(arg.window, arg.messages); w++) sendOne();
    }
  });
  return { firstSend, lastDelivery, delivered, e2e, ack };
}
