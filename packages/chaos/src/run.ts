/**
 * A chaos run: a seeded workload of several users with several devices each
 * (SDK clients over WebSocket and TCP, through fault proxies) sending 1:1 and
 * group messages while faults are injected — connection cuts, latency, random resets,
 * dropped SendAck frames, kill -9 of the server, SIGSTOP pauses longer than the
 * heartbeat. At the end
 * every fault is healed, every device drains, the store is read directly, and the
 * checker counts contract violations.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { freePort, openAuthed, registerUser, spawnServer, startFaultProxy, tempDir, type ChildServer, type FaultProxy } from '@parley/testkit';
import { check, type CheckReport, type MemberRow, type StoredRow } from './checker.ts';
import { fromRows, type MemberTableRow, type MessageRow } from './store-rows.ts';
import { History, type FaultEvent } from './history.ts';
import { seededRandom } from './rng.ts';
import { createDevices, drain, inviteAllBack, runChurner, runSenders, settle, sleep, type Device } from './workload.ts';

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
};

const CRASH_POINTS = ['after-insert', 'after-commit', 'mid-fanout', 'after-ack'] as const;

export interface ChaosResult {
  options: Omit<ChaosOptions, 'log'>;
  /** Deliveries the SDK dropped as duplicates (server retransmits, resyncs): allowed, measured. */
  rawRedeliveries: number;
  report: CheckReport;
  faults: Record<string, number>;
  recoveryMs: { p50: number; max: number };
  history: History;
}

const HEARTBEAT_MS = 1000;

export async function runChaos(input: Partial<ChaosOptions> = {}): Promise<ChaosResult> {
  const options = { ...DEFAULT_CHAOS, ...input };
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const history = new History();
  const dataDir = tempDir('parley-chaos-');
  const ports = { http: await freePort(), tcp: await freePort() };
  const unsafe = options.control === 'no-gap-pull' ? 'no-retransmit' : options.control;
  const baseArgs = ['--retransmit-ms', '300', '--heartbeat-ms', String(HEARTBEAT_MS), ...(unsafe ? ['--test-unsafe', unsafe] : [])];
  const counts: Record<string, number> = {};
  let stopping = false;
  let server: ChildServer | undefined;
  /**
   * The restart after a crash point, while it runs. Whoever stops or starts the
   * server next waits for it first: two servers starting on the same ports would
   * fail with EADDRINUSE, and one left running would outlive the run.
   */
  let restarting: Promise<void> = Promise.resolve();
  /** Start the server; with crash points on, it may kill itself at one, and is then restarted. */
  const start = async (): Promise<void> => {
    const point = pick(CRASH_POINTS);
    const args = options.crashPoints && options.faults ? [...baseArgs, '--test-crash-point', point, '--test-crash-probability', '0.002'] : baseArgs;
    const child = await spawnServer(dataDir, args, ports);
    server = child;
    void child.exited.then(() => {
      if (server !== child || stopping) return; // the nemesis or the end of the run stopped it
      counts[`crash-point:${point}`] = (counts[`crash-point:${point}`] ?? 0) + 1;
      server = undefined;
      restarting = start();
    });
  };
  await start();
  let paused = false;
  const proxies: FaultProxy[] = [
    await startFaultProxy(ports.http, { random }),
    await startFaultProxy(ports.tcp, { random, framed: true }),
  ];
  const [wsProxy, tcpProxy] = proxies as [FaultProxy, FaultProxy];
  const devices: Device[] = [];
  const recoveries: number[] = [];
  const pendingSends = new Set<Promise<unknown>>();

  try {
    // Users and devices.
    const users = Array.from({ length: options.users }, (_, i) => `user${i}`);
    const tokens = new Map<string, string>();
    for (const u of users) tokens.set(u, await registerUser(`http://127.0.0.1:${ports.http}`, u));
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

    const deadline = Date.now() + options.seconds * 1000;
    const running = () => Date.now() < deadline;

    // The workload: each device sends to random other users at random intervals.
    const senders = runSenders({ devices, users, group, sendIntervalMs: options.sendIntervalMs, random, running, history, pending: pendingSends });

    const allOnline = () => devices.every((d) => d.client.state === 'online');
    const recordFault = async (event: FaultEvent, heal: () => Promise<void>) => {
      counts[event.kind] = (counts[event.kind] ?? 0) + 1;
      history.faults.push(event);
      await heal();
      const healedAt = Date.now();
      while (!allOnline() && Date.now() - healedAt < 15_000) await sleep(10);
      event.recoveryMs = Date.now() - healedAt;
      recoveries.push(event.recoveryMs);
    };

    // The nemesis: one fault at a time, at random moments.
    // The nemesis: one fault at a time, at random moments, drawn from `faultKinds`.
    const faults: Record<string, { weight: number; run: () => Promise<void> }> = {
      'cut-all': { weight: 12, run: async () => proxies.forEach((p) => p.cutAll()) },
      latency: {
        weight: 10,
        run: async () => {
          const ms = Math.floor(20 + random() * 150);
          proxies.forEach((p) => p.setLatency(ms));
          await sleep(800);
          proxies.forEach((p) => p.setLatency(0));
        },
      },
      'random-resets': {
        weight: 7,
        run: async () => {
          proxies.forEach((p) => p.setCutProbability(0.05));
          await sleep(800);
          proxies.forEach((p) => p.setCutProbability(0));
        },
      },
      // Stored but unacknowledged: the SDK must resend, and the server must dedup.
      'drop-acks': {
        weight: 5,
        run: async () => {
          tcpProxy.setDropAcks(0.5);
          await sleep(1500);
          tcpProxy.setDropAcks(0);
        },
      },
      // Lost pushes: retransmits or the SDK's gap pull must fill the holes.
      'drop-pushes': {
        weight: 5,
        run: async () => {
          tcpProxy.setDropPushes(0.3);
          await sleep(1500);
          tcpProxy.setDropPushes(0);
        },
      },
      trickle: {
        weight: 4,
        run: async () => {
          proxies.forEach((p) => p.setTrickle(true));
          await sleep(800);
          proxies.forEach((p) => p.setTrickle(false));
        },
      },
      'blackhole-one-way': {
        weight: 4,
        run: async () => {
          const direction = random() < 0.5 ? 'up' : 'down';
          proxies.forEach((p) => p.setBlackholeDirection(direction));
          await sleep(1000);
          proxies.forEach((p) => p.setBlackholeDirection('none'));
        },
      },
      // A partition: nothing passes either way for up to three heartbeats, so both
      // sides' dead-peer detection fires.
      blackhole: {
        weight: 4,
        run: async () => {
          proxies.forEach((p) => p.setBlackhole(true));
          await sleep(300 + random() * HEARTBEAT_MS * 3);
          proxies.forEach((p) => p.setBlackhole(false));
        },
      },
      'close-after-bytes': {
        weight: 4,
        run: async () => {
          proxies.forEach((p) => p.closeAfterBytes(1 + Math.floor(random() * 4000)));
          await sleep(800);
          proxies.forEach((p) => p.closeAfterBytes(0));
        },
      },
      // A device of a real user that stops reading its pushes: the server must shed it, not stall.
      'slow-consumer': {
        weight: 3,
        run: async () => {
          const url = `tcp://127.0.0.1:${ports.tcp}`;
          const raw = await openAuthed(url, tokens.get(pick(users))!, `stalled-${Math.floor(random() * 1e9)}`).catch(() => undefined);
          if (!raw) return;
          raw.pause();
          await sleep(2000);
          raw.close();
        },
      },
      'kill-9': {
        weight: 12,
        run: async () => {
          await restarting;
          const victim = server;
          if (!victim) return;
          server = undefined;
          victim.process.kill('SIGKILL');
          await victim.exited;
          await sleep(random() * 300);
          await start();
        },
      },
      sigstop: {
        weight: 6,
        run: async () => {
          const target = server;
          if (!target) return;
          target.process.kill('SIGSTOP');
          paused = true;
          await sleep(HEARTBEAT_MS * 3);
          target.process.kill('SIGCONT');
          paused = false;
        },
      },
    };
    const allowed = Object.entries(faults).filter(([kind]) => !options.faultKinds || options.faultKinds.includes(kind));
    const totalWeight = allowed.reduce((sum, [, f]) => sum + f.weight, 0);
    const nemesis = (async () => {
      if (!options.faults || allowed.length === 0) return;
      while (running()) {
        await sleep(300 + random() * 1200);
        if (!running()) break;
        let roll = random() * totalWeight;
        const [kind, fault] = allowed.find(([, f]) => (roll -= f.weight) < 0) ?? allowed[allowed.length - 1]!;
        await recordFault({ at: Date.now(), kind }, fault.run);
      }
    })();

    // Membership changes, on a random stream of their own.
    const owner = devices[0]!.client;
    const others = users.slice(1);
    const churner = options.membershipChanges
      ? runChurner({ owner, group, others, random: seededRandom(options.seed ^ 0x5eed), running, counts })
      : Promise.resolve();

    await Promise.all([senders, nemesis, churner]);

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
      p.setDropPushes(0);
    });
    if (paused) server?.process.kill('SIGCONT');
    await settle(pendingSends);
    if (options.membershipChanges) await inviteAllBack(owner, group, others);
    await drain(devices, pendingSends, async () => readStore(join(dataDir, 'parley.db')));

    const final = readStore(join(dataDir, 'parley.db'));
    const report = check(history, final.stored, final.members, devices);
    recoveries.sort((a, b) => a - b);
    return {
      options: { ...options, log: undefined } as Omit<ChaosOptions, 'log'>,
      rawRedeliveries: devices.reduce((sum, d) => sum + d.client.duplicatesDropped, 0),
      report,
      faults: counts,
      recoveryMs: { p50: recoveries[Math.floor(recoveries.length / 2)] ?? 0, max: recoveries[recoveries.length - 1] ?? 0 },
      history,
    };
  } finally {
    stopping = true;
    await restarting.catch(() => {}); // a failed restart was thrown above
    await Promise.all(devices.map((d) => d.client.close()));
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
