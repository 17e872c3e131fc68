/**
 * flood: one abusive client sends as fast as it can while honest clients chat.
 *
 * P honest pairs: each sender sends `rate` messages a second to its partner for
 * `seconds`; a message's latency is send → the partner has it. The abuser (its own
 * load process, one connection) keeps `window` sends in flight and answers every
 * reply — ack or refusal — with a new send at once, ignoring retryAfterMs.
 *
 * After an unmeasured warm-up of the honest clients, R times (--rounds):
 *   quiet     honest clients alone
 *   flood     honest clients and the abuser under the server's rate limits
 * with each kind's latencies pooled over the rounds (alternating them puts the
 * machine's own noise on both kinds alike), then once:
 *   unlimited the same, with the abuser's per-user send limit lifted by an admin
 *             override (its frame limit still applies): what the limits save
 *             the honest clients from
 * --sendsPerSecond and --sendBurst set the server's per-user send limit (its
 * defaults: 100 and 1000). Figures: honest latency of each kind (pooled), the
 * p99 ratio flood / quiet (goal: at most 2) pooled and per round, and the
 * abuser's sends, acks and RATE_LIMITED refusals.
 */
import { LeanClient } from '../lean-client.ts';
import { summarize, type LatencySummary } from '../stats.ts';
import { benchToken } from '../tokens.ts';
import { BENCH_MESSAGE_TYPE, clientUrlOf, type Scenario } from './types.ts';

interface HonestPair {
  sender: LeanClient;
  receiver: LeanClient;
  receiverId: string;
}

interface AbuseResult {
  sent: number;
  acked: number;
  rateLimited: number;
  otherErrors: number;
  /** Times the server closed the abuser's connection (it reconnected at once, when allowed). */
  closed: number;
  /** Reconnects refused (connections per address). */
  refusedConnects: number;
  seconds: number;
}

interface Abuser {
  /** The abuser's latest connection. */
  client: LeanClient;
  victimId: string;
  url: string;
  token: string;
}

/** Two rounds' abuse as one. */
function addAbuse(a: AbuseResult, b: AbuseResult): AbuseResult {
  return {
    sent: a.sent + b.sent, acked: a.acked + b.acked, rateLimited: a.rateLimited + b.rateLimited, otherErrors: a.otherErrors + b.otherErrors,
    closed: a.closed + b.closed, refusedConnects: a.refusedConnects + b.refusedConnects, seconds: a.seconds + b.seconds,
  };
}

const HONEST = 0;
const ABUSER = 1;

export const flood: Scenario = {
  description: 'honest pairs chat at a steady rate while one client floods; honest latency quiet vs flood, the abuser\'s refusals',
  defaults: { pairs: 20, rate: 5, seconds: 10, rounds: 3, window: 512, bytes: 100, warmup: 2, unlimited: 1, sendsPerSecond: 100, sendBurst: 1000 },
  workers: () => 2,
  rateLimited: true,
  // The server's per-user send limit (its defaults unless given), to compare settings.
  serverArgs: (o) => ['--limit-sends-per-second', String(o.sendsPerSecond), '--limit-send-burst', String(o.sendBurst)],

  async run(ctx) {
    const { pairs, rate, seconds, window, bytes, warmup, unlimited, rounds } = ctx.options as Record<string, number>;
    const run = `f${Date.now().toString(36)}`;
    const abuserId = `${run}-abuser`;
    ctx.log(`connecting ${pairs! * 2} honest clients and the abuser`);
    await ctx.pool.call(HONEST, 'flood', 'setupHonest', { pairs, urls: ctx.clientUrls, appKey: ctx.appKey, run });
    await ctx.pool.call(ABUSER, 'flood', 'setupAbuser', { url: ctx.clientUrls[0], appKey: ctx.appKey, abuserId, victimId: `${run}-victim` });
    if (warmup! > 0) await ctx.pool.call(HONEST, 'flood', 'honest', { rate, seconds: warmup, bytes, prefix: 'w' });

    // Quiet and flood rounds alternate, R times, and each kind's latencies are pooled: the
    // machine's own noise (other jobs, the disk) then falls on both kinds alike, not on one round.
    const quiet: number[] = [];
    const flooded: number[] = [];
    const perRound: { quietP99: number; floodP99: number }[] = [];
    let abuse: AbuseResult | undefined;
    for (let round = 1; round <= rounds!; round++) {
      ctx.log(`round ${round}/${rounds}, quiet: ${seconds} s of honest traffic`);
      const q = await ctx.pool.call<number[]>(HONEST, 'flood', 'honest', { rate, seconds, bytes, prefix: `q${round}-` });
      ctx.log(`round ${round}/${rounds}, flood: ${seconds} s of honest traffic and the abuser`);
      const [f, a] = await Promise.all([
        ctx.pool.call<number[]>(HONEST, 'flood', 'honest', { rate, seconds, bytes, prefix: `f${round}-` }),
        ctx.pool.call<AbuseResult>(ABUSER, 'flood', 'abuse', { seconds, window, bytes, prefix: `a${round}-` }),
      ]);
      quiet.push(...q);
      flooded.push(...f);
      perRound.push({ quietP99: summarize(q).p99, floodP99: summarize(f).p99 });
      abuse = abuse ? addAbuse(abuse, a) : a;
    }
    let open: { latency: LatencySummary; abuse: AbuseResult } | undefined;
    if (unlimited) {
      await setSendLimit(ctx.endpoints.http, ctx.adminKey, abuserId, { sendsPerSecond: 0 });
      ctx.log(`unlimited: ${seconds} s with the abuser's send limit lifted`);
      const [honest, result] = await Promise.all([
        ctx.pool.call<number[]>(HONEST, 'flood', 'honest', { rate, seconds, bytes, prefix: 'u' }),
        ctx.pool.call<AbuseResult>(ABUSER, 'flood', 'abuse', { seconds, window, bytes, prefix: 'b' }),
      ]);
      open = { latency: summarize(honest), abuse: result };
    }
    await ctx.pool.call(HONEST, 'flood', 'teardown', {});
    await ctx.pool.call(ABUSER, 'flood', 'teardown', {});

    const q = summarize(quiet);
    const f = summarize(flooded);
    const ratio = Math.round((f.p99 / q.p99) * 100) / 100;
    const abuseRow = (a: AbuseResult) =>
      `${a.sent} sends (${Math.round(a.sent / a.seconds)}/s): ${a.acked} stored, ${a.rateLimited} RATE_LIMITED` +
      `${a.otherErrors ? `, ${a.otherErrors} other errors` : ''}; closed ${a.closed}×, ${a.refusedConnects} reconnects refused`;
    const latencyRow = (l: LatencySummary) => `p50 ${l.p50}  p99 ${l.p99}  max ${l.max}  (${l.count} messages)`;
    return {
      figures: {
        honestLatencyMs: { quiet: q, flood: f, ...(open ? { unlimited: open.latency } : {}) },
        p99FloodOverQuiet: ratio,
        rounds: perRound,
        abuser: { flood: abuse!, ...(open ? { unlimited: open.abuse } : {}) },
      },
      table: [
        ['honest quiet ms', latencyRow(q)],
        ['honest flood ms', latencyRow(f)],
        ['p99 flood/quiet', `${ratio} (goal: at most 2); per round ${perRound.map((r) => (r.floodP99 / r.quietP99).toFixed(2)).join(' / ')}`],
        [`abuser (limited, ${rounds} rounds)`, abuseRow(abuse!)],
        ...(open
          ? ([
              ['honest, abuser unlimited ms', latencyRow(open.latency)],
              ['abuser (send limit lifted)', abuseRow(open.abuse)],
            ] as [string, string][])
          : []),
      ],
    };
  },

  worker: {
    async setupHonest(state, arg: { pairs: number; urls: string[]; appKey: string; run: string }) {
      const pairs: HonestPair[] = [];
      for (let i = 0; i < arg.pairs; i++) {
        const receiverId = `${arg.run}-r${i}`;
        const receiver = await LeanClient.open(clientUrlOf(arg.urls, i));
        await receiver.auth(await benchToken(receiverId, arg.appKey), 'bench');
        const sender = await LeanClient.open(clientUrlOf(arg.urls, i + 1));
        await sender.auth(await benchToken(`${arg.run}-s${i}`, arg.appKey), 'bench');
        pairs.push({ sender, receiver, receiverId });
      }
      state.honest = pairs;
    },

    async setupAbuser(state, arg: { url: string; appKey: string; abuserId: string; victimId: string }) {
      // The victim exists (a first sign-in makes an app-signed user) and stays offline:
      // the flood costs the server its checks and commits, not pushes to a victim.
      const victim = await LeanClient.open(arg.url);
      await victim.auth(await benchToken(arg.victimId, arg.appKey), 'bench');
      victim.close();
      const token = await benchToken(arg.abuserId, arg.appKey);
      const client = await LeanClient.open(arg.url);
      await client.auth(token, 'bench');
      state.abuser = { client, victimId: arg.victimId, url: arg.url, token } satisfies Abuser;
    },

    /** Every sender sends `rate` a second for `seconds`; resolves with each message's latency (ms). */
    async honest(state, arg: { rate: number; seconds: number; bytes: number; prefix: string }) {
      const pairs = state.honest as HonestPair[];
      const latencies: number[] = [];
      const expected = Math.round(arg.rate * arg.seconds) * pairs.length;
      await new Promise<void>((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`flood: only ${latencies.length} of ${expected} honest messages arrived`)), (arg.seconds + 120) * 1000);
        const arrived = () => {
          if (latencies.length < expected) return;
          clearTimeout(deadline);
          resolve();
        };
        pairs.forEach((pair, p) => {
          pair.receiver.onPush = (message, at) => {
            const body = message.body;
            if (body.length < 8) return;
            latencies.push(at - new DataView(body.buffer, body.byteOffset, 8).getFloat64(0, true));
            arrived();
          };
          const total = Math.round(arg.rate * arg.seconds);
          const interval = 1000 / arg.rate;
          let n = 0;
          // Senders start spread over one interval, so the load is steady, not in waves.
          const sendNext = () => {
            if (n >= total) return;
            const body = new Uint8Array(Math.max(8, arg.bytes));
            new DataView(body.buffer).setFloat64(0, performance.now(), true);
            pair.sender.requestCallback({ send: { to: pair.receiverId, clientMsgId: `${arg.prefix}${p}-${n++}`, type: BENCH_MESSAGE_TYPE, body } }, (reply) => {
              if (reply.body !== 'sendAck') {
                clearTimeout(deadline);
                reject(new Error(`an honest send failed: ${reply.error?.code} ${reply.error?.message}`));
              }
            });
            setTimeout(sendNext, interval);
          };
          setTimeout(sendNext, (interval * p) / pairs.length);
        });
      });
      return latencies;
    },

    /**
     * Send at full speed for `seconds`, `window` in flight, a new send for every
     * answer; when the server closes the connection, reconnect at once (and again
     * at once when the reconnect is refused), ignoring every retryAfterMs.
     */
    async abuse(state, arg: { seconds: number; window: number; bytes: number; prefix: string }) {
      const abuser = state.abuser as Abuser;
      const result: AbuseResult = { sent: 0, acked: 0, rateLimited: 0, otherErrors: 0, closed: 0, refusedConnects: 0, seconds: arg.seconds };
      const body = new Uint8Array(arg.bytes);
      const start = performance.now();
      const end = start + arg.seconds * 1000;
      await new Promise<void>((resolve) => {
        let generation = 0;
        const flood = (client: LeanClient) => {
          const mine = ++generation;
          let inFlight = 0;
          let closed = false;
          client.onClose = () => {
            closed = true;
            if (mine !== generation) return;
            result.closed++;
            void reconnect();
          };
          const sendOne = () => {
            inFlight++;
            result.sent++;
            client.requestCallback({ send: { to: abuser.victimId, clientMsgId: `${arg.prefix}${result.sent}`, type: BENCH_MESSAGE_TYPE, body } }, (reply) => {
              inFlight--;
              if (reply.body === 'sendAck') result.acked++;
              else if (reply.error?.code === 'RATE_LIMITED') result.rateLimited++;
              else result.otherErrors++;
              if (closed) return;
              if (performance.now() < end) sendOne();
              else if (inFlight === 0) {
                generation++; // its close is ours, not the server's
                resolve();
              }
            });
          };
          for (let i = 0; i < arg.window; i++) sendOne();
        };
        const reconnect = async () => {
          while (performance.now() < end) {
            try {
              const client = await LeanClient.open(abuser.url);
              // A refused connection answers the Auth with nothing: an Error (id 0) and the close.
              await new Promise<void>((admitted, refused) => {
                client.onClose = () => refused(new Error('closed'));
                client.auth(abuser.token, 'bench').then(admitted, refused);
              });
              abuser.client = client;
              flood(client);
              return;
            } catch {
              result.refusedConnects++;
            }
          }
          resolve();
        };
        // Each round on a fresh connection: the last one may have been closed after its round ended.
        abuser.client.onClose = () => {};
        abuser.client.close();
        void reconnect();
      });
      result.seconds = Math.round((performance.now() - start) / 10) / 100;
      return result;
    },

    async teardown(state) {
      for (const pair of (state.honest as HonestPair[] | undefined) ?? []) {
        pair.sender.close();
        pair.receiver.close();
      }
      (state.abuser as { client: LeanClient } | undefined)?.client.close();
      state.honest = [];
      state.abuser = undefined;
    },
  },
};

async function setSendLimit(http: string, adminKey: string, userId: string, limits: Record<string, number>): Promise<void> {
  const res = await fetch(`${http}/v1/admin/users/${encodeURIComponent(userId)}/limits`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ limits }),
  });
  if (!res.ok) throw new Error(`setting the abuser's limits: HTTP ${res.status} ${await res.text()}`);
}
