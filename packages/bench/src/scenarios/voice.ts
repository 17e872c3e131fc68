/**
 * voice: voice messages streamed while they are recorded, through the SDK. P
 * pairs of users; in each, one records a voice message of C chunks of B bytes,
 * one chunk every I ms (250 ms of Opus is a few KiB), and the other listens.
 * All pairs record at once. Figures: the chunk ack latency (push() to the
 * server's ack: the chunk is durable), the chunk latency to the listener
 * (push() to the chunk handed to the app, in order), and the end latency
 * (stop() to the sent VOICE message: the file made and the message committed).
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { directConversationId, ParleyClient, type WebSocketConstructor } from '@parley/sdk';
import { registerUser } from '@parley/testkit';
import { summarize } from '../stats.ts';
import type { Scenario } from './types.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const voice: Scenario = {
  description: 'P pairs record voice at once (C chunks of B bytes every I ms): chunk ack latency, chunk latency to the listener, end latency',
  defaults: { pairs: 4, chunks: 40, bytes: 4000, intervalMs: 250, workers: 1 },
  workers: () => 1,

  async run(ctx) {
    const { pairs, chunks, bytes, intervalMs } = ctx.options as Record<string, number>;
    const run = `vo${Date.now().toString(36)}`;
    const ackMs: number[] = [];
    const listenMs: number[] = [];
    const endMs: number[] = [];
    const clients: ParleyClient[] = [];
    const open = async (user: string) => {
      const client = new ParleyClient({
        url: ctx.endpoints.ws, token: await registerUser(ctx.endpoints.http, user), deviceId: `${user}-bench`, onlineTimeoutMs: 600_000,
        WebSocket: WebSocket as unknown as WebSocketConstructor,
      });
      clients.push(client);
      await client.connect();
      return client;
    };
    try {
      ctx.log(`${pairs} pairs recording ${chunks} chunks of ${bytes} B every ${intervalMs} ms`);
      await Promise.all(Array.from({ length: pairs! }, async (_, p) => {
        const speaker = await open(`${run}-s${p}`);
        const listener = await open(`${run}-l${p}`);
        await speaker.send({ to: listener.userId, text: 'listen' });
        const pushedAt: number[] = [];
        const heard = new Promise<void>((resolve, reject) => {
          listener.on('voice', (stream) => {
            stream.onChunk((c) => listenMs.push(performance.now() - pushedAt[c.index]!));
            stream.done.then(() => resolve(), reject);
          });
        });
        let acked = 0;
        const recorder = speaker.recordVoice(directConversationId(speaker.userId, listener.userId), {
          onProgress: (pr) => {
            for (; acked < pr.chunksAcked; acked++) ackMs.push(performance.now() - pushedAt[acked]!);
          },
        });
        await recorder.ready();
        for (let i = 0; i < chunks!; i++) {
          pushedAt.push(performance.now());
          recorder.push(randomBytes(bytes!));
          await sleep(intervalMs!);
        }
        const t0 = performance.now();
        await recorder.stop({ durationMs: chunks! * intervalMs! });
        endMs.push(performance.now() - t0);
        await heard;
      }));
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
    const ack = summarize(ackMs);
    const listen = summarize(listenMs);
    const end = summarize(endMs);
    return {
      figures: { pairs, chunks, bytes, intervalMs, chunkAckMs: ack, chunkToListenerMs: listen, endMs: end },
      table: [
        ['chunk ack ms (durable)', `p50 ${ack.p50}  p99 ${ack.p99}  max ${ack.max}  (${ack.count} chunks)`],
        ['chunk to listener ms', `p50 ${listen.p50}  p99 ${listen.p99}  max ${listen.max}`],
        ['stop to message ms', `p50 ${end.p50}  p99 ${end.p99}  max ${end.max}`],
      ],
    };
  },

  worker: {},
};
