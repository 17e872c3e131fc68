/**
 * `npm run bench -- <scenario> [--option value ...]`
 *
 * Starts a server of its own (embedded store, default durability, fresh data dir),
 * or with --cluster N that many nodes on a fresh PostgreSQL database and Redis,
 * unless --url names a running one; runs the scenario from separate load-generator
 * processes, prints a table and, with --json FILE, writes the figures with the
 * machine, the options and the server's CPU seconds and peak RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, setGlobalDispatcher } from 'undici';
import { createTestCa, createTestDatabase, type TestDatabase } from '@parley/testkit';
import { scenarios } from './scenarios/index.ts';
import type { Endpoints } from './scenarios/types.ts';
import { machineInfo, processUsage } from './stats.ts';
import { BENCH_APP_KEY } from './tokens.ts';
import { WorkerPool } from './worker-pool.ts';

const ADMIN_KEY = 'parley-bench-admin-key-0123456789';
/** Every rate limit off (config limit* = 0): capacity scenarios run from one address with few users. */
const LIMITS_OFF = [
  'limit-sends-per-second', 'limit-group-creates-per-hour', 'limit-friend-requests-per-hour', 'limit-invites-per-hour',
  'limit-connections-per-ip-per-minute', 'limit-registrations-per-ip-per-hour', 'limit-http-requests-per-ip-per-minute', 'limit-frames-per-second',
].flatMap((flag) => [`--${flag}`, '0']);
const CLI = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url));

const COMMON = `common options:
  --url HTTP_URL        use a running server (its --app-jwt-keys must include --app-key)
  --app-key KEY         token signing key for --url mode
  --admin-key KEY       the running server's admin key (for --url mode)
  --transport tcp|ws    how load clients connect (default tcp)
  --tls 1               the bench's own server speaks TLS on both ports (a throwaway CA made with
                        openssl): load clients use tls:// or wss://, HTTP goes over https://
  --json FILE           also write the figures as JSON
  --sqlite-synchronous full|normal   durability of the server the bench starts (default full)
  --cluster N           start N nodes on a fresh PostgreSQL database and Redis instead; load
                        clients are spread over the nodes (not for connections)
  --redis-url URL       the Redis of --cluster (default redis://127.0.0.1:6379); PostgreSQL is
                        PARLEY_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres)`;

function usage(): string {
  const lines = Object.entries(scenarios).map(
    ([name, s]) => `  ${name.padEnd(12)} ${s.description}\n${' '.repeat(15)}${Object.entries(s.defaults).map(([k, v]) => `--${k} ${v}`).join(' ')}`,
  );
  return `usage: npm run bench -- <scenario> [options]\n\nscenarios:\n${lines.join('\n')}\n\n${COMMON}\n`;
}

function parseArgs(argv: string[]): { scenario: string; flags: Record<string, string> } {
  const [scenario, ...rest] = argv;
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const v = rest[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
    flags[a.slice(2)] = v;
    i++;
  }
  return { scenario: scenario ?? '', flags };
}

interface StartedServer {
  child: ChildProcess;
  endpoints: Endpoints;
  dataDir: string;
}

/**
 * TLS for the servers the bench starts: a throwaway CA and a certificate for
 * 127.0.0.1, trusted by this process (undici's global dispatcher, which the
 * global fetch uses) and by the load workers (NODE_EXTRA_CA_CERTS, read when
 * they start). Returns the serve flags, and the directory to delete.
 */
function benchTls(): { args: string[]; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-tls-'));
  const ca = createTestCa(dir, 'Parley Bench CA');
  const cert = ca.issue('server');
  setGlobalDispatcher(new Agent({ connect: { ca: ca.cert } }));
  process.env.NODE_EXTRA_CA_CERTS = ca.certFile;
  return { args: ['--tls-cert', cert.certFile, '--tls-key', cert.keyFile], dir };
}

function startServer(extraArgs: string[]): Promise<StartedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const child = spawn(
    process.execPath,
    [...(process.env.PARLEY_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), '--expose-gc', '--import', 'tsx', CLI, 'serve', '--http-port', '0', '--tcp-port', '0', '--data-dir', dataDir,
      '--app-jwt-keys', BENCH_APP_KEY, '--admin-key', ADMIN_KEY, '--log-level', 'warn', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /HTTP (\S+)\s+WebSocket (\S+)\s+TCP (\S+)/.exec(out);
      if (m) resolve({ child, dataDir, endpoints: { http: m[1]!, ws: m[2]!, tcp: m[3]! } });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
}

/** What the bench started: one embedded node, or the nodes of a cluster and the database under them. */
interface Started {
  nodes: StartedServer[];
  database?: TestDatabase;
  describe: string;
}

/**
 * `n` nodes on a fresh PostgreSQL database and the machine's Redis (under a
 * prefix of this run), as `parley serve --store postgres://… --bus redis://…`.
 */
async function startCluster(n: number, redisUrl: string, extraArgs: string[]): Promise<Started> {
  const database = await createTestDatabase();
  const prefix = `parley-bench-${randomBytes(4).toString('hex')}`;
  const args = ['--store', database.url, '--bus', redisUrl, '--bus-prefix', prefix, '--jwt-secret', randomBytes(24).toString('base64url'), ...extraArgs];
  const nodes: StartedServer[] = [];
  try {
    // The first node migrates the fresh database; the others find it ready.
    nodes.push(await startServer(args));
    nodes.push(...(await Promise.all(Array.from({ length: n - 1 }, () => startServer(args)))));
  } catch (err) {
    for (const node of nodes) node.child.kill('SIGKILL');
    await database.drop();
    throw err;
  }
  return { nodes, database, describe: `cluster of ${n} nodes (PostgreSQL ${database.name}, Redis prefix ${prefix})` };
}

async function stopServer(server: StartedServer): Promise<void> {
  // A graceful stop first, so flags like --cpu-prof (PARLEY_BENCH_NODE_FLAGS) can write their output.
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  server.child.kill('SIGKILL');
  rmSync(server.dataDir, { recursive: true, force: true });
}

/** CPU seconds and peak RSS of every node, read from /proc. */
function nodesUsage(nodes: readonly StartedServer[]): { cpuSeconds: number; peakRssBytes: number }[] {
  return nodes.map((n) => {
    const u = processUsage(n.child.pid!);
    return { cpuSeconds: u?.cpuSeconds ?? 0, peakRssBytes: u?.peakRssBytes ?? 0 };
  });
}

async function main(): Promise<void> {
  const { scenario: name, flags } = parseArgs(process.argv.slice(2));
  const scenario = scenarios[name];
  if (!scenario) {
    process.stderr.write(usage());
    process.exit(2);
  }
  const options: Record<string, number> = { ...scenario.defaults };
  const common = ['url', 'app-key', 'admin-key', 'transport', 'json', 'sqlite-synchronous', 'cluster', 'redis-url', 'tls'];
  for (const [k, v] of Object.entries(flags)) {
    if (common.includes(k)) continue;
    if (!(k in scenario.defaults)) throw new Error(`${name} has no option --${k} (options: ${Object.keys(scenario.defaults).join(', ')})`);
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${k} must be a non-negative number`);
    options[k] = n;
  }
  const transport = flags.transport ?? 'tcp';
  if (transport !== 'tcp' && transport !== 'ws') throw new Error('--transport must be tcp or ws');
  const clusterSize = flags.cluster === undefined ? 0 : Number(flags.cluster);
  if (flags.cluster !== undefined && !(Number.isInteger(clusterSize) && clusterSize >= 1 && clusterSize <= 8)) throw new Error('--cluster must be a node count from 1 to 8');
  if (clusterSize > 0 && flags.url) throw new Error('--cluster starts its own nodes; it does not go with --url');
  if (clusterSize > 0 && name === 'connections') throw new Error('connections measures one node’s memory per connection; run it without --cluster');

  if (flags.tls !== undefined && flags.tls !== '1' && flags.tls !== '0') throw new Error('--tls must be 1 or 0');
  const useTls = flags.tls === '1';
  if (useTls && flags.url) throw new Error('--tls is for the server the bench starts; with --url, give an https:// url');
  if (useTls && name === 'upload') throw new Error('upload drives its own node:http client: it has no --tls');
  const tls = useTls ? benchTls() : undefined;
  const limitArgs = scenario.rateLimited ? (scenario.serverArgs?.(options) ?? []) : LIMITS_OFF;
  let started: Started | undefined;
  let endpoints: Endpoints[];
  if (flags.url) {
    const http = flags.url.replace(/\/$/, '');
    const res = await fetch(`${http}/healthz`);
    if (!res.ok) throw new Error(`${http} is not a healthy Parley server`);
    const host = new URL(http).hostname;
    endpoints = [{ http, ws: `${http.replace(/^http/, 'ws')}/ws`, tcp: `tcp://${host}:${flags['tcp-port'] ?? 8081}` }];
  } else {
    const synchronous = flags['sqlite-synchronous'] ?? 'full';
    started =
      clusterSize > 0
        ? await startCluster(clusterSize, flags['redis-url'] ?? 'redis://127.0.0.1:6379', [...(tls?.args ?? []), ...limitArgs])
        : { nodes: [await startServer(['--sqlite-synchronous', synchronous, ...(tls?.args ?? []), ...limitArgs])], describe: `embedded (SQLite, synchronous ${synchronous})${tls ? ', TLS' : ''}` };
    endpoints = started.nodes.map((n) => n.endpoints);
  }
  const pool = WorkerPool.start(scenario.workers(options));
  const log = (m: string) => process.stderr.write(`bench: ${m}\n`);
  const before = started ? nodesUsage(started.nodes) : [];
  try {
    const result = await scenario.run({
      endpoints: endpoints[0]!,
      clientUrls: endpoints.map((e) => (transport === 'tcp' ? e.tcp : e.ws)),
      options,
      pool,
      appKey: flags['app-key'] ?? BENCH_APP_KEY,
      adminKey: flags['admin-key'] ?? ADMIN_KEY,
      serverPid: started?.nodes.length === 1 ? started.nodes[0]!.child.pid : undefined,
      dataDir: started?.nodes[0]?.dataDir,
      log,
    });
    const after = started ? nodesUsage(started.nodes) : [];
    const perNode = after.map((u, i) => ({ cpuSeconds: Math.round((u.cpuSeconds - before[i]!.cpuSeconds) * 100) / 100, peakRssBytes: u.peakRssBytes }));
    const serverFigures = started
      ? {
          cpuSeconds: Math.round(perNode.reduce((sum, u) => sum + u.cpuSeconds, 0) * 100) / 100,
          peakRssBytes: Math.max(...perNode.map((u) => u.peakRssBytes)),
          nodes: perNode,
        }
      : undefined;
    const report = {
      scenario: name,
      time: new Date().toISOString(),
      machine: machineInfo(),
      options: {
        ...options,
        transport,
        tls: useTls,
        store: clusterSize > 0 ? 'postgres' : 'sqlite',
        clusterNodes: started?.nodes.length ?? null,
        sqliteSynchronous: clusterSize > 0 ? null : started ? flags['sqlite-synchronous'] ?? 'full' : 'unknown (--url)',
        loadWorkers: pool.size,
      },
      server: serverFigures ?? null,
      figures: result.figures,
    };
    const rows: [string, string][] = [
      ['scenario', `${name} ${Object.entries(options).map(([k, v]) => `--${k} ${v}`).join(' ')} (${transport}${useTls ? ' over TLS' : ''})`],
      ['server', started?.describe ?? flags.url!],
      ['machine', `${report.machine.cpuModel}, ${report.machine.cores} cores, node ${report.machine.node}`],
      ...result.table,
      ...(serverFigures
        ? ([
            ['server CPU', `${serverFigures.cpuSeconds} s${perNode.length > 1 ? ` (${perNode.map((u) => u.cpuSeconds).join(' + ')})` : ''}`],
            ['server peak RSS', `${(serverFigures.peakRssBytes / 2 ** 20).toFixed(1)} MiB${perNode.length > 1 ? ' (largest node)' : ''}`],
          ] as [string, string][])
        : []),
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n');
    if (flags.json) writeFileSync(flags.json, JSON.stringify(report, null, 2) + '\n');
  } finally {
    await pool.stop();
    await Promise.all((started?.nodes ?? []).map(stopServer));
    await started?.database?.drop();
    if (tls) rmSync(tls.dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`bench: ${err.message}\n`);
    process.exit(1);
  },
);
