/**
 * `npm run bench -- <scenario> [--option value ...]`
 *
 * Starts a server of its own (embedded store, default durability, fresh data dir)
 * unless --url names a running one, runs the scenario from separate load-generator
 * processes, prints a table and, with --json FILE, writes the figures with the
 * machine, the options and the server's CPU seconds and peak RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarios } from './scenarios/index.ts';
import type { Endpoints } from './scenarios/types.ts';
import { machineInfo, processUsage } from './stats.ts';
import { BENCH_APP_KEY } from './tokens.ts';
import { WorkerPool } from './worker-pool.ts';

const ADMIN_KEY = 'parley-bench-admin-key-0123456789';
const CLI = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url));

const COMMON = `common options:
  --url HTTP_URL        use a running server (its --app-jwt-keys must include --app-key)
  --app-key KEY         token signing key for --url mode
  --admin-key KEY       the running server's admin key (for --url mode)
  --transport tcp|ws    how load clients connect (default tcp)
  --json FILE           also write the figures as JSON
  --sqlite-synchronous full|normal   durability of the server the bench starts (default full)`;

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

function startServer(synchronous: string): Promise<StartedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const child = spawn(
    process.execPath,
    [...(process.env.PARLEY_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), '--expose-gc', '--import', 'tsx', CLI, 'serve', '--http-port', '0', '--tcp-port', '0', '--data-dir', dataDir,
      '--app-jwt-keys', BENCH_APP_KEY, '--admin-key', ADMIN_KEY, '--log-level', 'warn', '--sqlite-synchronous', synchronous],
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

async function main(): Promise<void> {
  const { scenario: name, flags } = parseArgs(process.argv.slice(2));
  const scenario = scenarios[name];
  if (!scenario) {
    process.stderr.write(usage());
    process.exit(2);
  }
  const options: Record<string, number> = { ...scenario.defaults };
  const common = ['url', 'app-key', 'admin-key', 'transport', 'json', 'sqlite-synchronous'];
  for (const [k, v] of Object.entries(flags)) {
    if (common.includes(k)) continue;
    if (!(k in scenario.defaults)) throw new Error(`${name} has no option --${k} (options: ${Object.keys(scenario.defaults).join(', ')})`);
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${k} must be a non-negative number`);
    options[k] = n;
  }
  const transport = flags.transport ?? 'tcp';
  if (transport !== 'tcp' && transport !== 'ws') throw new Error('--transport must be tcp or ws');

  let server: StartedServer | undefined;
  let endpoints: Endpoints;
  if (flags.url) {
    const http = flags.url.replace(/\/$/, '');
    const res = await fetch(`${http}/healthz`);
    if (!res.ok) throw new Error(`${http} is not a healthy Parley server`);
    const host = new URL(http).hostname;
    endpoints = { http, ws: `${http.replace(/^http/, 'ws')}/ws`, tcp: `tcp://${host}:${flags['tcp-port'] ?? 8081}` };
  } else {
    server = await startServer(flags['sqlite-synchronous'] ?? 'full');
    endpoints = server.endpoints;
  }
  const pool = WorkerPool.start(scenario.workers(options));
  const log = (m: string) => process.stderr.write(`bench: ${m}\n`);
  const cpuBefore = server ? processUsage(server.child.pid!)?.cpuSeconds ?? 0 : 0;
  try {
    const result = await scenario.run({
      endpoints,
      clientUrl: transport === 'tcp' ? endpoints.tcp : endpoints.ws,
      options,
      pool,
      appKey: flags['app-key'] ?? BENCH_APP_KEY,
      adminKey: flags['admin-key'] ?? ADMIN_KEY,
      serverPid: server?.child.pid,
      log,
    });
    const usage = server ? processUsage(server.child.pid!) : undefined;
    const serverFigures = usage
      ? { cpuSeconds: Math.round((usage.cpuSeconds - cpuBefore) * 100) / 100, peakRssBytes: usage.peakRssBytes }
      : undefined;
    const report = {
      scenario: name,
      time: new Date().toISOString(),
      machine: machineInfo(),
      options: { ...options, transport, sqliteSynchronous: server ? flags['sqlite-synchronous'] ?? 'full' : 'unknown (--url)', loadWorkers: pool.size },
      server: serverFigures ?? null,
      figures: result.figures,
    };
    const rows: [string, string][] = [
      ['scenario', `${name} ${Object.entries(options).map(([k, v]) => `--${k} ${v}`).join(' ')} (${transport})`],
      ['machine', `${report.machine.cpuModel}, ${report.machine.cores} cores, node ${report.machine.node}`],
      ...result.table,
      ...(serverFigures
        ? ([['server CPU', `${serverFigures.cpuSeconds} s`], ['server peak RSS', `${(serverFigures.peakRssBytes / 2 ** 20).toFixed(1)} MiB`]] as [string, string][])
        : []),
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n');
    if (flags.json) writeFileSync(flags.json, JSON.stringify(report, null, 2) + '\n');
  } finally {
    await pool.stop();
    if (server) {
      // A graceful stop first, so flags like --cpu-prof (PARLEY_BENCH_NODE_FLAGS) can write their output.
      const exited = new Promise((r) => server!.child.once('exit', r));
      server.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      server.child.kill('SIGKILL');
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`bench: ${err.message}\n`);
    process.exit(1);
  },
);
