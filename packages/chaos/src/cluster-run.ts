/**
 * A chaos run against a cluster: several `parley serve` nodes on one PostgreSQL
 * database and a private Redis, with the same workload and checker as the
 * embedded runs. Devices are spread over the nodes (each lists every node, its
 * own first) and move to another node when theirs goes away. The nemesis kills
 * a node with kill -9, drains one with SIGTERM, kills or flushes Redis, and
 * cuts the nodes' PostgreSQL connections (through a proxy in front of it).
 * Group sends from devices on different nodes make concurrent senders into one
 * conversation through different nodes all along, while the group's owner
 * removes and re-invites members.
 */
import pg from 'pg';
import {
  freePort,
  registerUser,
  spawnServer,
  startFaultProxy,
  startPrivateRedis,
  tempDir,
  type ChildServer,
  type FaultProxy,
  type PrivateRedis,
} from '@parley/testkit';
import { rmSync } from 'node:fs';
import { check, type CheckReport, type MemberRow, type StoredRow } from './checker.ts';
import { History, type FaultEvent } from './history.ts';
import { inRounds, seededRandom, streamOf } from './rng.ts';
import { fromRows, type MemberTableRow, type MessageRow } from './store-rows.ts';
import { createDevices, drain, inviteAllBack, joinParts, now, runChurner, runSenders, settle, sleep, type Device } from './workload.ts';

export const CLUSTER_FAULTS = ['kill-node', 'drain-node', 'redis-kill', 'redis-flush', 'pg-cut'] as const;
export type ClusterFault = (typeof CLUSTER_FAULTS)[number];

export interface ClusterChaosOptions {
  /** A PostgreSQL database of the run's own (it is written to, not dropped). */
  pgUrl: string;
  nodes: number;
  seconds: number;
  seed: number;
  users: number;
  devicesPerUser: number;
  sendIntervalMs: number;
  /** The faults to inject (empty: a calm run). */
  faults: readonly ClusterFault[];
  /** Kick and re-invite group members while the run goes on (default true). */
  membershipChanges?: boolean;
  /** A negative control: every node acks before its commit (the checker must then find acked messages lost). */
  control?: '' | 'ack-before-commit';
  /** Whole rounds of `faults` injected at least: the run goes on past `seconds` until they have (default 0; see ChaosOptions). */
  minRounds?: number;
  log?: (line: string) => void;
}

export interface ClusterChaosResult {
  report: CheckReport;
  faults: Record<string, number>;
  /** Deliveries the SDK dropped as duplicates (retransmits, resyncs, moves between nodes): allowed, measured. */
  rawRedeliveries: number;
  history: History;
}

const HEARTBEAT_MS = 1000;
/** Every node signs and checks tokens with this, as a real cluster shares its secret. */
const JWT_SECRET = 'cluster-chaos-shared-secret-0123456789';

/** Read messages and memberships straight from PostgreSQL, not through a node. */
async function readPg(url: string): Promise<{ stored: StoredRow[]; members: MemberRow[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const messages = await client.query<MessageRow>('SELECT conv_id, seq, id, sender_id, type, body FROM messages ORDER BY conv_id, seq');
    const members = await client.query<MemberTableRow>('SELECT conv_id, user_id, join_seq FROM members');
    return fromRows(messages.rows, members.rows);
  } finally {
    await client.end();
  }
}

/** The same database, reached through the proxy at `port`. */
function viaProxy(url: string, port: number): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.toString();
}

interface Node {
  index: number;
  ports: { http: number; tcp: number };
  server: ChildServer | undefined;
}

export async function runClusterChaos(options: ClusterChaosOptions): Promise<ClusterChaosResult> {
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const history = new History();
  const counts: Record<string, number> = {};
  const dataDir = tempDir('parley-cluster-');
  const redis: PrivateRedis = await startPrivateRedis();
  const pgTarget = new URL(options.pgUrl);
  const pgProxy: FaultProxy = await startFaultProxy(Number(pgTarget.port || 5432), { targetHost: pgTarget.hostname, random });
  const nodeArgs = (i: number) => [
    '--store', viaProxy(options.pgUrl, pgProxy.port),
    '--bus', redis.url,
    '--bus-prefix', `chaos-${options.seed}`,
    '--node-id', `node${i}`,
    '--jwt-secret', JWT_SECRET,
    '--heartbeat-ms', String(HEARTBEAT_MS),
    '--retransmit-ms', '300',
    '--drain-timeout-ms', '2000',
    ...(options.control ? ['--test-unsafe', options.control] : []),
  ];
  const nodes: Node[] = [];
  for (let i = 0; i < options.nodes; i++) nodes.push({ index: i, ports: { http: await freePort(), tcp: await freePort() }, server: undefined });
  const startNode = async (node: Node) => {
    node.server = await spawnServer(`${dataDir}/n${node.index}`, nodeArgs(node.index), node.ports);
  };
  const stopNode = async (node: Node, signal: 'SIGKILL' | 'SIGTERM') => {
    const victim = node.server;
    if (!victim) return;
    node.server = undefined;
    victim.process.kill(signal);
    await victim.exited;
  };
  const devices: Device[] = [];
  const pending = new Set<Promise<unknown>>();

  try {
    for (const node of nodes) await startNode(node);
    const users = Array.from({ length: options.users }, (_, i) => `user${i}`);
    const tokens = new Map<string, string>();
    for (const u of users) tokens.set(u, await registerUser(`http://127.0.0.1:${nodes[0]!.ports.http}`, u));
    devices.push(
      ...createDevices({
        users,
        devicesPerUser: options.devicesPerUser,
        tokens,
        // Round the nodes, each device starting at its own; every other device on TCP.
        urlOf: (u, d) => {
          const first = (u * options.devicesPerUser + d) % nodes.length;
          const order = nodes.map((_, k) => nodes[(first + k) % nodes.length]!);
          return order.map((n) => (d % 2 === 0 ? `ws://127.0.0.1:${n.ports.http}/ws` : `tcp://127.0.0.1:${n.ports.tcp}`));
        },
        history,
      }),
    );
    await Promise.all(devices.map((d) => d.client.connect()));
    const group = (await devices[0]!.client.createGroup('chaos', users.slice(1))).conversationId;
    log(`${devices.length} devices on ${nodes.length} nodes; running ${options.seconds} s, seed ${options.seed}, faults ${options.faults.join(', ') || 'none'}`);

    let owed = options.faults.length * (options.minRounds ?? 0); // faults the rounds asked for still owe
    const deadline = now() + options.seconds * 1000;
    const running = () => now() < deadline || owed > 0;
    const senders = runSenders({ devices, users, group, sendIntervalMs: options.sendIntervalMs, randomOf: (id) => streamOf(options.seed, `sender:${id}`), running, history, pending });

    const faults: Record<ClusterFault, () => Promise<void>> = {
      'kill-node': async () => {
        const node = pick(nodes);
        await stopNode(node, 'SIGKILL');
        await sleep(300 + random() * 1200);
        await startNode(node);
      },
      'drain-node': async () => {
        const node = pick(nodes);
        await stopNode(node, 'SIGTERM');
        await sleep(300 + random() * 1200);
        await startNode(node);
      },
      'redis-kill': async () => {
        await redis.kill();
        await sleep(300 + random() * 1500);
        await redis.start();
      },
      'redis-flush': async () => redis.flushAll(),
      'pg-cut': async () => {
        pgProxy.cutAll();
        pgProxy.setBlackhole(true);
        await sleep(200 + random() * 1500);
        pgProxy.setBlackhole(false);
      },
    };
    const owner = devices[0]!.client;
    const others = users.slice(1);
    const churner =
      options.membershipChanges === false
        ? Promise.resolve()
        : runChurner({ owner, group, others, random: seededRandom(options.seed ^ 0x5eed), running, counts });
    // Faults come in rounds: every kind asked for is injected once the run is long enough for one round.
    const nextFault = inRounds(options.faults, random);
    const nemesis = (async () => {
      while (options.faults.length > 0 && running()) {
        await sleep(500 + random() * 1500);
        if (!running()) break;
        const kind = nextFault();
        const event: FaultEvent = { at: now(), kind };
        counts[kind] = (counts[kind] ?? 0) + 1;
        history.faults.push(event);
        await faults[kind]();
        owed = Math.max(0, owed - 1);
      }
    })();
    await joinParts({ senders, nemesis, churner }, running);

    log('healing and draining');
    pgProxy.setBlackhole(false);
    for (const node of nodes) if (!node.server) await startNode(node);
    await settle(pending);
    if (options.membershipChanges !== false) await inviteAllBack(owner, group, others);
    await drain(devices, pending, () => readPg(options.pgUrl));
    const final = await readPg(options.pgUrl);
    return {
      report: check(history, final.stored, final.members, devices),
      faults: counts,
      rawRedeliveries: devices.reduce((sum, d) => sum + d.client.duplicatesDropped, 0),
      history,
    };
  } finally {
    await Promise.all(devices.map((d) => d.client.close()));
    for (const node of nodes) await stopNode(node, 'SIGKILL');
    await pgProxy.close();
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
