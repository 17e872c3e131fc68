/**
 * A chaos run: a seeded workload of several users with several devices each
 * (SDK clients over WebSocket and TCP, through fault proxies) sending 1:1 and
 * group messages while faults are injected — connection cuts, latency, random resets,
 * dropped SendAck and device Ack frames, kill -9 of the server, SIGSTOP pauses
 * longer than the heartbeat, a slow consumer, a reconnect storm. Faults come in
 * shuffled rounds, so every kind fires in a run long enough for one round. At
 * the end every fault is healed, every device drains, the store is read
 * directly, and the checker counts contract violations.
 *
 * Replay: every consumer of randomness (each device's sender loop, the nemesis,
 * each proxy, the churner, each server start's crash coin) draws from a seeded
 * stream of its own (`streamOf`), so one consumer's draws do not shift when the
 * others' interleave differently in time. Timing itself is not replayed.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { NoticeCode, MessageType } from '@parley/protocol';
import { freePort, openAuthed, registerUser, spawnServer, startFaultProxy, tempDir, type ChildServer, type FaultProxy, type RawClient } from '@parley/testkit';
import { check, type CheckReport, type MemberRow, type StoredRow } from './checker.ts';
import { fromRows, type MemberTableRow, type MessageRow } from './store-rows.ts';
import { History, type FaultEvent } from './history.ts';
import { inRounds, streamOf } from './rng.ts';
import { createDevices, drain, inviteAllBack, joinParts, now, runChurner, runSenders, settle, sleep, type Device } from './workload.ts';

export interface ChaosOptions {
  seconds: number;
  seed: number;
  users: number;
  devicesPerUser: number;
  /** Mean pause between two sends of one device, ms. */
  sendIntervalMs: number;
  /**
   * '' or a negative control that breaks the contract on purpose: a test-only
   * server mode (ack-before-commit, no-dedup), or no-gap-pull (the server does not
   * retransmit pushes and the SDK does not pull gaps). no-retransmit alone is its
   * positive twin: the SDK's gap pull must still keep the contract.
   */
  control: '' | 'ack-before-commit' | 'no-dedup' | 'no-gap-pull' | 'no-retransmit';
  /** Only these fault kinds (default: all). */
  faultKinds?: string[];
  /** Inject faults (false: a calm baseline run). */
  faults: boolean;
  /** Also let the server kill itself at named crash points (test-only setting). */
  crashPoints: boolean;
  /** Kick and re-invite group members while the run goes on. */
  membershipChanges: boolean;
  /** Extra raw connections the reconnect storm opens at once (and drops). */
  stormConnections: number;
  /**
   * Whole rounds of faults the run injects at least (each round every kind once,
   * see `inRounds`): the run, workload and all, goes on past `seconds` until
   * they have fired. 0: as many as `seconds` allow, which on a loaded machine
   * may be fewer than one round.
   */
  minRounds: number;
  log?: (line: string) => void;
}

export const DEFAULT_CHAOS: ChaosOptions = {
  seconds: 30,
  seed: 1,
  users: 4,
  devicesPerUser: 2,
  sendIntervalMs: 40,
  control: '',
  faults: true,
  crashPoints: true,
  membershipChanges: true,
  stormConnections: 300,
  minRounds: 0,
};

/** Every fault kind of a single-node run; `--faults` picks a subset. */
export const FAULTS = [
  'cut-all',
  'reconnect-storm',
  'latency',
  'random-resets',
  'drop-acks',
  'drop-device-acks',
  'drop-pushes',
  'trickle',
  'blackhole-one-way',
  'blackhole',
  'close-after-bytes',
  'slow-consumer',
  'kill-9',
  'sigstop',
] as const;
export type Fault = (typeof FAULTS)[number];

/**
 * The chaos server's delivery limits, low enough for the slow-consumer fault to
 * reach: more than this many unacknowledged pushes and the connection is told to
 * RESYNC (its pending pushes dropped). The byte limit stays at its default: a
 * connection over it is cut (close 4005) — see `slowConsumerBytes`.
 */
const MAX_UNACKED_PUSHES = 200;

const CRASH_POINTS = ['after-insert', 'after-commit', 'mid-fanout', 'after-ack'] as const;

export interface Recovery {
  count: number;
  p50: number;
  max: number;
}

export interface ChaosResult {
  options: Omit<ChaosOptions, 'log'>;
  /** Deliveries the SDK dropped as duplicates (server retransmits, resyncs): allowed, measured. */
  rawRedeliveries: number;
  report: CheckReport;
  faults: Record<string, number>;
  /** Time from healing a fault until every device was online again: overall and per kind. */
  recoveryMs: Recovery & { byKind: Record<string, Recovery> };
  /** Server exits the harness did not cause (not a kill of its own, not a crash point): must be 0. */
  unexpectedExits: string[];
  /** How long the workload ran under faults, ms: `seconds`, or longer where `minRounds` needed it. */
  runMs: number;
  history: History;
}

function summarize(values: number[]): Recovery {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

const HEARTBEAT_MS = 1000;

export async function runChaos(input: Partial<ChaosOptions> = {}): Promise<ChaosResult> {
  const options = { ...DEFAULT_CHAOS, ...input };
  const log = options.log ?? (() => {});
  // One seeded stream per consumer (see the module comment).
  const random = streamOf(options.seed, 'nemesis');
  const crashRandom = streamOf(options.seed, 'crash-points');
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const history = new History();
  const dataDir = tempDir('parley-chaos-');
  const ports = { http: await freePort(), tcp: await freePort() };
  const unsafe = options.control === 'no-gap-pull' ? 'no-retransmit' : options.control;
  const baseArgs = [
    '--retransmit-ms', '300',
    '--heartbeat-ms', String(HEARTBEAT_MS),
    '--max-unacked-pushes', String(MAX_UNACKED_PUSHES),
    ...(unsafe ? ['--test-unsafe', unsafe] : []),
  ];
  const counts: Record<string, number> = {};
  const unexpectedExits: string[] = [];
  let stopping = false;
  let server: ChildServer | undefined;
  let starts = 0;
  /**
   * The restart after a crash point, while it runs. Whoever stops or starts the
   * server next waits for it first: two servers starting on the same ports would
   * fail with EADDRINUSE, and one left running would outlive the run.
   */
  let restarting: Promise<void> = Promise.resolve();
  /**
   * Start the server; with crash points on, it may kill itself at one (its crash
   * coin seeded per start), and is then restarted. Any other exit is a failure
   * of the server, recorded in `unexpectedExits`, and restarted too.
   */
  const start = async (): Promise<void> => {
    const point = CRASH_POINTS[Math.floor(crashRandom() * CRASH_POINTS.length)]!;
    const crashSeed = String(streamOf(options.seed, `crash-coin:${starts++}`)() * 0xffffffff >>> 0 || 1);
    const args = options.crashPoints && options.faults
      ? [...baseArgs, '--test-crash-point', point, '--test-crash-probability', '0.002', '--test-crash-seed', crashSeed]
      : baseArgs;
    const child = await spawnServer(dataDir, args, ports);
    server = child;
    void child.exited.then((code) => {
      if (server !== child || stopping) return; // the nemesis or the end of the run stopped it
      const kind = code === null ? `crash-point:${point}` : 'server-exit';
      if (code !== null) unexpectedExits.push(`exit code ${code}: ${child.stderr().slice(-2000)}`);
      counts[kind] = (counts[kind] ?? 0) + 1;
      server = undefined;
      restarting = start();
    });
  };
  await start();
  let paused = false;
  const proxies: FaultProxy[] = [
    await startFaultProxy(ports.http, { random: streamOf(options.seed, 'proxy:ws') }),
    await startFaultProxy(ports.tcp, { random: streamOf(options.seed, 'proxy:tcp'), framed: true }),
  ];
  const [wsProxy, tcpProxy] = proxies as [FaultProxy, FaultProxy];
  const devices: Device[] = [];
  const pendingSends = new Set<Promise<unknown>>();
  const storm: RawClient[] = [];

  try {
    // Users and devices.
    const users = Array.from({ length: options.users }, (_, i) => `user${i}`);
    const tokens = new Map<string, string>();
    const httpUrl = `http://127.0.0.1:${ports.http}`;
    for (const u of users) tokens.set(u, await registerUser(httpUrl, u));
    // Users outside the checked workload: the slow consumer's pair and the reconnect storm's crowd.
    const sinkToken = await registerUser(httpUrl, 'slow-sink');
    const sourceToken = await registerUser(httpUrl, 'slow-source');
    const stormUsers = Array.from({ length: 10 }, (_, i) => `storm${i}`);
    const stormTokens = await Promise.all(stormUsers.map((u) => registerUser(httpUrl, u)));
    devices.push(
      ...createDevices({
        users,
        devicesPerUser: options.devicesPerUser,
        tokens,
        urlOf: (_u, d) => (d % 2 === 0 ? `ws://127.0.0.1:${wsProxy.port}/ws` : `tcp://127.0.0.1:${tcpProxy.port}`),
        history,
        testDisableGapPull: options.control === 'no-gap-pull',
      }),
    );
    await Promise.all(devices.map((d) => d.client.connect()));
    // One group of every user, created before the nemesis starts; a share of the sends go there.
    const group = (await devices[0]!.client.createGroup('chaos', users.slice(1))).conversationId;
    log(`${devices.length} devices online; running ${options.seconds} s, seed ${options.seed}${options.control ? `, control ${options.control}` : ''}`);

    const kinds = FAULTS.filter((kind) => !options.faultKinds || options.faultKinds.includes(kind));
    // Faults owed to the rounds asked for: until they have fired, the run goes on.
    let owed = options.faults ? kinds.length * options.minRounds : 0;
    const startedAt = now();
    const deadline = startedAt + options.seconds * 1000;
    const running = () => now() < deadline || owed > 0;

    // The workload: each device sends to random other users at random intervals.
    const senders = runSenders({
      devices,
      users,
      group,
      sendIntervalMs: options.sendIntervalMs,
      randomOf: (id) => streamOf(options.seed, `sender:${id}`),
      running,
      history,
      pending: pendingSends,
    });

    const allOnline = () => devices.every((d) => d.client.state === 'online');
    const recordFault = async (event: FaultEvent, heal: () => Promise<string | void>) => {
      counts[event.kind] = (counts[event.kind] ?? 0) + 1;
      history.faults.push(event);
      const detail = await heal();
      if (detail) event.detail = detail;
      const healedAt = now();
      while (!allOnline() && now() - healedAt < 15_000) await sleep(10);
      event.recoveryMs = now() - healedAt;
    };
    const tcpUrl = `tcp://127.0.0.1:${ports.tcp}`;

    // The nemesis: one fault at a time, at random moments; each returns a detail for the history.
    const faults: Record<Fault, () => Promise<string | void>> = {
      'cut-all': async () => proxies.forEach((p) => p.cutAll()),
      // A crowd of extra devices (other users, straight to the server) connects
      // and authenticates at once, then all drop at once, while the checked
      // devices go on through the proxies.
      'reconnect-storm': async () => {
        const n = options.stormConnections;
        // Each tries again for up to 10 s, as a real client would: the server may be
        // restarting after a crash point just then.
        const connect = async (i: number): Promise<RawClient> => {
          const giveUpAt = now() + 10_000;
          for (;;) {
            try {
              return await openAuthed(tcpUrl, stormTokens[i % stormTokens.length]!, `storm-${i}`);
            } catch (err) {
              if (now() > giveUpAt) throw err;
              await sleep(50 + (i % 10) * 20);
            }
          }
        };
        const opened = await Promise.allSettled(Array.from({ length: n }, (_, i) => connect(i)));
        const clients = opened.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        storm.push(...clients);
        await sleep(200 + random() * 500);
        for (const c of clients) c.close();
        storm.length = 0;
        return `${clients.length}/${n} connected and authenticated, then dropped`;
      },
      latency: async () => {
        const ms = Math.floor(20 + random() * 150);
        proxies.forEach((p) => p.setLatency(ms));
        await sleep(800);
        proxies.forEach((p) => p.setLatency(0));
        return `${ms} ms`;
      },
      'random-resets': async () => {
        proxies.forEach((p) => p.setCutProbability(0.05));
        await sleep(800);
        proxies.forEach((p) => p.setCutProbability(0));
      },
      // Stored but unacknowledged: the SDK must resend, and the server must dedup.
      'drop-acks': async () => {
        tcpProxy.setDropAcks(0.5);
        await sleep(1500);
        tcpProxy.setDropAcks(0);
      },
      // The device has the message, the server does not learn it: it must
      // retransmit, and the device must drop the duplicates.
      'drop-device-acks': async () => {
        tcpProxy.setDropDeviceAcks(0.5);
        await sleep(1500);
        tcpProxy.setDropDeviceAcks(0);
      },
      // Lost pushes: retransmits or the SDK's gap pull must fill the holes.
      'drop-pushes': async () => {
        tcpProxy.setDropPushes(0.3);
        await sleep(1500);
        tcpProxy.setDropPushes(0);
      },
      trickle: async () => {
        proxies.forEach((p) => p.setTrickle(true));
        await sleep(800);
        proxies.forEach((p) => p.setTrickle(false));
      },
      'blackhole-one-way': async () => {
        const direction = random() < 0.5 ? 'up' : 'down';
        proxies.forEach((p) => p.setBlackholeDirection(direction));
        await sleep(1000);
        proxies.forEach((p) => p.setBlackholeDirection('none'));
        return direction;
      },
      // A partition: nothing passes either way for up to three heartbeats, so both
      // sides' dead-peer detection fires.
      blackhole: async () => {
        const ms = Math.round(300 + random() * HEARTBEAT_MS * 3);
        proxies.forEach((p) => p.setBlackhole(true));
        await sleep(ms);
        proxies.forEach((p) => p.setBlackhole(false));
        return `${ms} ms`;
      },
      'close-after-bytes': async () => {
        const bytes = 1 + Math.floor(random() * 4000);
        proxies.forEach((p) => p.closeAfterBytes(bytes));
        await sleep(800);
        proxies.forEach((p) => p.closeAfterBytes(0));
        return `${bytes} bytes`;
      },
      // A device that stops reading while more pushes than the server's limit
      // (MAX_UNACKED_PUSHES) come its way: the server must tell it to RESYNC and
      // drop what it holds for it, not stall or grow. Its user is outside the
      // checked workload; a second extra user sends it a burst.
      'slow-consumer': async () => {
        const detail = await slowConsumer(tcpUrl, sinkToken, sourceToken, random);
        if (detail.endsWith('RESYNC received')) counts['slow-consumer:resync'] = (counts['slow-consumer:resync'] ?? 0) + 1;
        return detail;
      },
      'kill-9': async () => {
        await restarting;
        const victim = server;
        if (!victim) return;
        server = undefined;
        victim.process.kill('SIGKILL');
        await victim.exited;
        await sleep(random() * 300);
        await start();
      },
      sigstop: async () => {
        const target = server;
        if (!target) return;
        target.process.kill('SIGSTOP');
        paused = true;
        await sleep(HEARTBEAT_MS * 3);
        target.process.kill('SIGCONT');
        paused = false;
      },
    };
    // Faults come in rounds: every kind fires once a run is long enough for one
    // round, and `minRounds` makes it that long.
    const nextFault = inRounds(kinds, random);
    const nemesis = (async () => {
      if (!options.faults || kinds.length === 0) return;
      while (running()) {
        await sleep(200 + random() * 600);
        if (!running()) break;
        const kind = nextFault();
        log(`fault ${kind}`);
        await recordFault({ at: now(), kind }, faults[kind]);
        owed = Math.max(0, owed - 1);
      }
    })();

    // Membership changes, on a random stream of their own.
    const owner = devices[0]!.client;
    const others = users.slice(1);
    const churner = options.membershipChanges
      ? runChurner({ owner, group, others, random: streamOf(options.seed, 'churn'), running, counts })
      : Promise.resolve();

    await joinParts({ senders, nemesis, churner }, running);
    const runMs = Math.round(now() - startedAt);

    // Heal everything and let every device drain. From here the server stays up.
    log('healing and draining');
    if (options.crashPoints) {
      // Restart once more without crash points, so the drain is not interrupted.
      stopping = true;
      await restarting;
      const last = server as ChildServer | undefined;
      if (last) {
        last.process.kill('SIGCONT');
        last.process.kill('SIGKILL');
        await last.exited;
      }
      server = await spawnServer(dataDir, baseArgs, ports);
      paused = false;
    }
    proxies.forEach((p) => {
      p.setLatency(0);
      p.setCutProbability(0);
      p.setBlackhole(false);
      p.setBlackholeDirection('none');
      p.setTrickle(false);
      p.closeAfterBytes(0);
      p.setDropAcks(0);
      p.setDropDeviceAcks(0);
      p.setDropPushes(0);
    });
    if (paused) server?.process.kill('SIGCONT');
    await settle(pendingSends);
    if (options.membershipChanges) await inviteAllBack(owner, group, others);
    await drain(devices, pendingSends, async () => readStore(join(dataDir, 'parley.db')));

    const final = readStore(join(dataDir, 'parley.db'));
    const report = check(history, final.stored, final.members, devices);
    const last = server as ChildServer | undefined;
    if (last && last.process.exitCode !== null) unexpectedExits.push(`exit code ${last.process.exitCode} while draining: ${last.stderr().slice(-2000)}`);
    const measured = history.faults.filter((f) => f.recoveryMs !== undefined);
    const byKind: Record<string, Recovery> = {};
    for (const kind of new Set(measured.map((f) => f.kind))) byKind[kind] = summarize(measured.filter((f) => f.kind === kind).map((f) => f.recoveryMs!));
    return {
      options: { ...options, log: undefined } as Omit<ChaosOptions, 'log'>,
      rawRedeliveries: devices.reduce((sum, d) => sum + d.client.duplicatesDropped, 0),
      report,
      faults: counts,
      recoveryMs: { ...summarize(measured.map((f) => f.recoveryMs!)), byKind },
      unexpectedExits,
      runMs,
      history,
    };
  } finally {
    stopping = true;
    await restarting.catch(() => {}); // a failed restart was thrown above
    await Promise.all(devices.map((d) => d.client.close()));
    for (const c of storm) c.close();
    await Promise.all(proxies.map((p) => p.close()));
    const last = server as ChildServer | undefined;
    if (last) {
      if (paused) last.process.kill('SIGCONT');
      last.process.kill('SIGKILL');
      await last.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The slow-consumer fault: a device of `slow-sink` stops reading while a device
 * of `slow-source` sends it more messages than MAX_UNACKED_PUSHES (small ones,
 * so the bytes stay within the kernel's socket buffers). The server must drop
 * what it holds for the stalled device and send Notice RESYNC; once the device
 * reads again the notice must be there. Returns what happened, for the history.
 */
async function slowConsumer(url: string, sinkToken: string, sourceToken: string, random: () => number): Promise<string> {
  const tag = Math.floor(random() * 1e9);
  const sink = await openAuthed(url, sinkToken, `stalled-${tag}`).catch(() => undefined);
  const source = await openAuthed(url, sourceToken, `burst-${tag}`).catch(() => undefined);
  try {
    if (!sink || !source) return 'could not connect';
    sink.pause();
    const burst = MAX_UNACKED_PUSHES + 100;
    const answers = await Promise.allSettled(
      Array.from({ length: burst }, (_, i) => {
        // Every payload unique: the checker reads a stored payload twice as a send stored twice.
        const clientMsgId = `burst-${tag}-${i}`;
        const body = Buffer.from(`${clientMsgId} ${'x'.repeat(1000)}`);
        return source.request({ send: { to: 'slow-sink', clientMsgId, type: MessageType.TEXT, body } }, 15_000);
      }),
    );
    const acked = answers.filter((a) => a.status === 'fulfilled' && a.value.body === 'sendAck').length;
    await sleep(300);
    sink.resume();
    const resync = await sink.waitFor((f) => f.body === 'notice' && f.notice?.code === NoticeCode.RESYNC, 5000).then(
      () => true,
      () => false,
    );
    return `${acked}/${burst} sent to a stalled device; ${resync ? 'RESYNC received' : 'no RESYNC'}`;
  } finally {
    sink?.close();
    source?.close();
  }
}

/** Read messages and memberships straight from the SQLite file (read-only). */
export function readStore(file: string): { stored: StoredRow[]; members: MemberRow[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fromRows(
      db.prepare('SELECT conv_id, seq, id, sender_id, type, body FROM messages ORDER BY conv_id, seq').all() as MessageRow[],
      db.prepare('SELECT conv_id, user_id, join_seq FROM members').all() as MemberTableRow[],
    );
  } finally {
    db.close();
  }
}
