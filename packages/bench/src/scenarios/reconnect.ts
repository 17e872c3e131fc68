/**
 * reconnect: N devices each miss K messages while away, then all reconnect at
 * once (a reconnect storm). Each device authenticates, syncs from its token and
 * pulls what it lacks. Figure: time from the first reconnect until every device
 * has caught up.
 */
import { MessageType, type parley } from '@parley/protocol';
import { LeanClient } from '../lean-client.ts';
import { summarize } from '../stats.ts';
import { benchToken } from '../tokens.ts';
import { forEachLimited, split } from '../worker-pool.ts';
import { clientUrlOf, type Scenario } from './types.ts';

const CONCURRENCY = 512;
const now = () => performance.timeOrigin + performance.now();

interface Device {
  /** Its place among all devices: which node it connects to. */
  index: number;
  userId: string;
  token: string;
  syncToken: string;
}

export const reconnect: Scenario = {
  description: 'N devices with K missed messages each reconnect at once; time until all caught up',
  defaults: { n: 15_000, missed: 10, perWorker: 4000 },
  workers: (o) => Math.max(1, Math.ceil(o.n! / o.perWorker!)),

  async run(ctx) {
    const { n, missed } = ctx.options as Record<string, number>;
    const run = `r${Date.now().toString(36)}`;
    const ranges = split(n!, ctx.pool.size);
    ctx.log(`registering ${n} devices and taking their sync tokens`);
    await ctx.pool.all('reconnect', 'prepare', ranges.map((r) => ({ ...r, urls: ctx.clientUrls, appKey: ctx.appKey, run })));
    ctx.log(`sending ${n! * missed!} messages while they are away`);
    await ctx.pool.all('reconnect', 'fill', ranges.map((r) => ({ ...r, urls: ctx.clientUrls, appKey: ctx.appKey, run, missed })));
    ctx.log('reconnecting all devices at once');
    const results = await ctx.pool.all<{ start: number; end: number; caughtUp: number; times: number[]; retries: number }>(
      'reconnect', 'storm', ranges.map(() => ({ urls: ctx.clientUrls, missed })),
    );
    const seconds = (Math.max(...results.map((r) => r.end)) - Math.min(...results.map((r) => r.start))) / 1000;
    const caughtUp = results.reduce((s, r) => s + r.caughtUp, 0);
    const perDevice = summarize(results.flatMap((r) => r.times));
    const retries = results.reduce((s, r) => s + r.retries, 0);
    return {
      figures: { devices: n, missedPerDevice: missed, caughtUp, allCaughtUpSeconds: seconds, perDeviceCatchUpMs: perDevice, retries },
      table: [
        ['devices caught up', `${caughtUp} of ${n}, ${missed} missed messages each`],
        ['all caught up in', `${seconds.toFixed(2)} s`],
        ['per device ms', `p50 ${perDevice.p50}  p99 ${perDevice.p99}  max ${perDevice.max}`],
        ['retried requests', `${retries} (the server answered a retryable error: busy store)`],
      ],
    };
  },

  worker: {
    /** Connect each device once (creating its user), sync, keep the token, disconnect. */
    async prepare(state, arg: { from: number; to: number; urls: string[]; appKey: string; run: string }) {
      const devices: Device[] = [];
      for (let i = arg.from; i < arg.to; i++) devices.push({ index: i, userId: `${arg.run}-u${i}`, token: await benchToken(`${arg.run}-u${i}`, arg.appKey), syncToken: '' });
      await forEachLimited(devices, 256, async (d) => {
        const c = await LeanClient.open(clientUrlOf(arg.urls, d.index));
        await c.auth(d.token, 'phone');
        d.syncToken = (await c.request({ sync: { token: '' } })).syncResult!.token!;
        c.close();
      });
      state.reconnect = devices;
    },

    /** One sender per worker sends K messages to each of this worker's devices. */
    async fill(state, arg: { from: number; to: number; urls: string[]; appKey: string; run: string; missed: number }) {
      const devices = state.reconnect as Device[];
      const sender = await LeanClient.open(clientUrlOf(arg.urls, arg.from));
      await sender.auth(await benchToken(`${arg.run}-sender${arg.from}`, arg.appKey), 'sender');
      let n = 0;
      await forEachLimited(devices, 64, async (d) => {
        for (let k = 0; k < arg.missed; k++) {
          const reply = await sender.request({ send: { to: d.userId, clientMsgId: `m${n++}`, type: MessageType.TEXT, body: new Uint8Array(50) } });
          if (reply.body !== 'sendAck') throw new Error(`fill: ${reply.error?.code}`);
        }
      });
      sender.close();
    },

    /** All devices reconnect at once: auth, sync from the saved token, pull what is missing. */
    async storm(state, arg: { urls: string[]; missed: number }) {
      const devices = state.reconnect as Device[];
      const times: number[] = [];
      const clients: LeanClient[] = [];
      let retries = 0;
      /** A request, asked again after a pause while the server answers with a retryable error (as the SDK does). */
      const ask = async (c: LeanClient, frame: parley.IFrame, want: string): Promise<parley.Frame> => {
        for (;;) {
          const reply = await c.request(frame);
          if (reply.body === want) return reply;
          if (!reply.error?.retryable) throw new Error(`${want}: ${reply.error?.code} ${reply.error?.message}`);
          retries++;
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
        }
      };
      const start = now();
      await forEachLimited(devices, CONCURRENCY, async (d) => {
        const t0 = performance.now();
        let c: LeanClient;
        for (;;) {
          c = await LeanClient.open(clientUrlOf(arg.urls, d.index));
          clients.push(c);
          const failed = await c.auth(d.token, 'phone').then(() => undefined, (err: Error) => err);
          if (!failed) break;
          // A busy store refuses the auth with a retryable code and closes: connect again after a pause.
          if (!/UNAVAILABLE|RATE_LIMITED|INTERNAL/.test(failed.message)) throw failed;
          retries++;
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
        }
        let token = d.syncToken;
        let held = 0;
        for (;;) {
          const sync = (await ask(c, { sync: { token } }, 'syncResult')).syncResult!;
          for (const conv of sync.conversations ?? []) {
            let from = 1;
            const max = Number(conv.maxSeq);
            while (from <= max) {
              const page = (await ask(c, { pull: { conversationId: conv.conversationId, fromSeq: from, toSeq: max, limit: 200 } }, 'pullResult')).pullResult!;
              held += page.messages?.length ?? 0;
              from = Number(page.toSeq) + 1;
            }
            c.write({ ack: { conversationId: conv.conversationId, seq: max } });
          }
          token = sync.token!;
          if (!sync.more) break;
        }
        if (held < arg.missed) throw new Error(`${d.userId} caught up only ${held} of ${arg.missed}`);
        times.push(performance.now() - t0);
      });
      const end = now();
      for (const c of clients) c.close();
      return { start, end, caughtUp: times.length, times, retries };
    },
  },
};
