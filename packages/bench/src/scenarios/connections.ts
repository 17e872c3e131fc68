/**
 * connections: N idle, authenticated connections that answer the server's
 * heartbeats, opened in steps (1,000, N/4, N/2, N). At each step the server is
 * asked to collect garbage and its RSS is read from /proc: the figure that matters
 * is RSS per connection, which should stay flat as N grows.
 */
import { LeanClient } from '../lean-client.ts';
import { processUsage } from '../stats.ts';
import { benchToken } from '../tokens.ts';
import { forEachLimited, split } from '../worker-pool.ts';
import type { Scenario } from './types.ts';

const CONNECT_CONCURRENCY = 256;

async function serverGc(http: string, adminKey: string): Promise<void> {
  await fetch(`${http}/v1/admin/gc`, { method: 'POST', headers: { authorization: `Bearer ${adminKey}` } });
  await new Promise((r) => setTimeout(r, 200));
}

export const connections: Scenario = {
  description: 'N idle authenticated connections with heartbeats; connect rate and server RSS per connection',
  defaults: { n: 10_000, hold: 60, perWorker: 5000 },
  workers: (o) => Math.max(1, Math.ceil(o.n! / o.perWorker!)),

  async run(ctx) {
    const { n, hold } = ctx.options as Record<string, number>;
    if (ctx.serverPid === undefined) throw new Error('connections needs a server the bench starts itself (it reads /proc)');
    const run = `c${Date.now().toString(36)}`;
    await serverGc(ctx.endpoints.http, ctx.adminKey);
    const baseline = processUsage(ctx.serverPid)!.rssBytes;
    const steps = [...new Set([Math.min(1000, n!), Math.floor(n! / 4), Math.floor(n! / 2), n!].filter((s) => s > 0))].sort((a, b) => a - b);
    const perStep: { connections: number; rssBytes: number; rssPerConnectionBytes: number; marginalRssPerConnectionBytes: number }[] = [];
    let opened = 0;
    let connectSeconds = 0;
    for (const target of steps) {
      const ranges = split(target - opened, ctx.pool.size).map((r) => ({ from: opened + r.from, to: opened + r.to }));
      ctx.log(`opening connections ${opened}..${target}`);
      const started = performance.now();
      await ctx.pool.all('connections', 'open', ranges.map((r) => ({ ...r, url: ctx.clientUrls[0]!, appKey: ctx.appKey, run })));
      connectSeconds += (performance.now() - started) / 1000;
      opened = target;
      await serverGc(ctx.endpoints.http, ctx.adminKey);
      const rss = processUsage(ctx.serverPid)!.rssBytes;
      const previous = perStep[perStep.length - 1] ?? { connections: 0, rssBytes: baseline };
      perStep.push({
        connections: target,
        rssBytes: rss,
        rssPerConnectionBytes: Math.round((rss - baseline) / target),
        // What the connections of this step added, apart from fixed start-up costs.
        marginalRssPerConnectionBytes: Math.round((rss - previous.rssBytes) / (target - previous.connections)),
      });
    }
    ctx.log(`holding ${n} connections for ${hold} s`);
    await new Promise((r) => setTimeout(r, hold! * 1000));
    const alive = (await ctx.pool.all<number>('connections', 'count', split(n!, ctx.pool.size))).reduce((a, b) => a + b, 0);
    await serverGc(ctx.endpoints.http, ctx.adminKey);
    const rssAfterHold = processUsage(ctx.serverPid)!.rssBytes;
    await ctx.pool.all('connections', 'close', split(n!, ctx.pool.size));
    const perConn = Math.round((rssAfterHold - baseline) / n!);
    const rate = Math.round(n! / connectSeconds);
    return {
      figures: {
        connections: n,
        connectPerSecond: rate,
        baselineRssBytes: baseline,
        rssAfterHoldBytes: rssAfterHold,
        rssPerConnectionBytes: perConn,
        aliveAfterHold: alive,
        holdSeconds: hold,
        steps: perStep,
      },
      table: [
        ['connections', `${n} (alive after ${hold} s hold: ${alive})`],
        ['connect rate', `${rate.toLocaleString('en-US')} /s`],
        ['RSS per connection', `${(perConn / 1024).toFixed(2)} KiB after the hold`],
        ...perStep.map((s): [string, string] => [
          `  at ${s.connections}`,
          `${(s.rssPerConnectionBytes / 1024).toFixed(2)} KiB/conn (this step ${(s.marginalRssPerConnectionBytes / 1024).toFixed(2)} KiB/conn), RSS ${(s.rssBytes / 2 ** 20).toFixed(1)} MiB`,
        ]),
      ],
    };
  },

  worker: {
    async open(state, arg: { from: number; to: number; url: string; appKey: string; run: string }) {
      const clients = (state.connections ??= []) as LeanClient[];
      const indexes = Array.from({ length: arg.to - arg.from }, (_, k) => arg.from + k);
      await forEachLimited(indexes, CONNECT_CONCURRENCY, async (i) => {
        const c = await LeanClient.open(arg.url);
        await c.auth(await benchToken(`${arg.run}-u${i}`, arg.appKey), 'idle');
        let alive = true;
        c.onClose = () => (alive = false);
        clients.push(Object.assign(c, { alive: () => alive }));
      });
    },
    async count(state) {
      return ((state.connections ?? []) as (LeanClient & { alive: () => boolean })[]).filter((c) => c.alive()).length;
    },
    async close(state) {
      for (const c of (state.connections ?? []) as LeanClient[]) c.close();
      state.connections = [];
    },
  },
};
