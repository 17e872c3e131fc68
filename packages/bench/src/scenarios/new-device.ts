/**
 * new-device: a user with C conversations of M messages each installs the app
 * on a new device. Through the SDK (the first sync gives each conversation's
 * state and its newest N messages; older ones are for history()), the figures
 * are the time from connect() to online, the bytes the device received, and the
 * messages delivered — bounded by C × N, not by C × M. For contrast, a second
 * new device with firstSyncMessages = M (the whole history, as the SDK did
 * before) runs the same way.
 */
import WebSocket from 'ws';
import { ParleyClient, type WebSocketConstructor } from '@parley/sdk';
import { LeanClient } from '../lean-client.ts';
import { benchToken } from '../tokens.ts';
import { forEachLimited, split } from '../worker-pool.ts';
import { BENCH_MESSAGE_TYPE, clientUrlOf, type Scenario, type ScenarioContext } from './types.ts';

/** A WebSocket that counts the bytes it receives. */
function countingWebSocket(counter: { bytes: number }): WebSocketConstructor {
  return class extends WebSocket {
    constructor(url: string) {
      super(url);
      this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        counter.bytes += Array.isArray(data) ? data.reduce((s, b) => s + b.length, 0) : (data as Buffer).byteLength;
      });
    }
  } as unknown as WebSocketConstructor;
}

/** A new device of `userId`: time to online, bytes, messages delivered. */
async function measureNewDevice(ctx: ScenarioContext, userId: string, firstSyncMessages: number): Promise<{ ms: number; bytes: number; messages: number }> {
  const counter = { bytes: 0 };
  let messages = 0;
  const client = new ParleyClient({
    url: ctx.endpoints.ws,
    token: await benchToken(userId, ctx.appKey),
    deviceId: `new-${firstSyncMessages}-${Date.now().toString(36)}`,
    firstSyncMessages,
    onlineTimeoutMs: 600_000,
    WebSocket: countingWebSocket(counter),
  });
  client.on('message', () => messages++);
  const t0 = performance.now();
  await client.connect();
  const ms = performance.now() - t0;
  await client.close();
  return { ms, bytes: counter.bytes, messages };
}

export const newDevice: Scenario = {
  description: 'a user with C conversations of M messages each signs in on a new device; time to online and bytes, with the first N of each',
  defaults: { conversations: 200, messages: 1000, firstPage: 50, bytes: 100, workers: 2 },
  workers: (o) => o.workers!,

  async run(ctx) {
    const { conversations, messages, firstPage, bytes } = ctx.options as Record<string, number>;
    const run = `nd${Date.now().toString(36)}`;
    const userId = `${run}-me`;
    // The user exists from its first connection (an app-backend token).
    const me = await LeanClient.open(ctx.clientUrls[0]!);
    await me.auth(await benchToken(userId, ctx.appKey), 'old-phone');
    me.close();
    ctx.log(`filling ${conversations} conversations with ${messages} messages each`);
    await ctx.pool.all('new-device', 'fill', split(conversations!, ctx.pool.size).map((r) => ({ ...r, urls: ctx.clientUrls, appKey: ctx.appKey, run, userId, messages, bytes })));
    ctx.log(`a new device, first sync with ${firstPage} messages per conversation`);
    const page = await measureNewDevice(ctx, userId, firstPage!);
    ctx.log(`a new device, first sync with the whole history (${messages} per conversation)`);
    const whole = await measureNewDevice(ctx, userId, messages!);
    const mib = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MiB`;
    return {
      figures: {
        conversations, messagesPerConversation: messages, firstPage,
        timeToOnlineMs: Math.round(page.ms), bytesReceived: page.bytes, messagesDelivered: page.messages,
        wholeHistory: { timeToOnlineMs: Math.round(whole.ms), bytesReceived: whole.bytes, messagesDelivered: whole.messages },
      },
      table: [
        ['history', `${conversations} conversations × ${messages} messages of ${bytes} B`],
        ['new device, first page', `online in ${Math.round(page.ms)} ms, ${mib(page.bytes)} received, ${page.messages} messages delivered`],
        ['new device, whole history', `online in ${Math.round(whole.ms)} ms, ${mib(whole.bytes)} received, ${whole.messages} messages delivered`],
      ],
    };
  },

  worker: {
    /** One sender per conversation sends M messages to the user, W at a time. */
    async fill(_state, arg: { from: number; to: number; urls: string[]; appKey: string; run: string; userId: string; messages: number; bytes: number }) {
      const senders = Array.from({ length: arg.to - arg.from }, (_, k) => arg.from + k);
      await forEachLimited(senders, 16, async (i) => {
        const c = await LeanClient.open(clientUrlOf(arg.urls, i));
        await c.auth(await benchToken(`${arg.run}-s${i}`, arg.appKey), 'sender');
        const body = new Uint8Array(arg.bytes);
        for (let m = 0; m < arg.messages; m += 50) {
          const window = Array.from({ length: Math.min(50, arg.messages - m) }, (_, k) =>
            c.request({ send: { to: arg.userId, clientMsgId: `${i}-${m + k}`, type: BENCH_MESSAGE_TYPE, body } }),
          );
          for (const reply of await Promise.all(window)) if (reply.body !== 'sendAck') throw new Error(`fill: ${reply.error?.code} ${reply.error?.message}`);
        }
        c.close();
      });
    },
  },
};
