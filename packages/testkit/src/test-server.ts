/**
 * Servers for tests: in-process on port 0 with a fresh data dir, or as a child
 * process (for crash tests) that can be killed with any signal and restarted on
 * the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, loadConfig, startServer, type Config, type RunningServer, type ServerOptions } from '@parley/server';
import { createTestDatabase } from './postgres.ts';
import { fetchWithin, WAIT_MS, withDeadline } from './wait.ts';

/** The deadline for a server to start or to stop: longer than other waits, for a database to create or a child process to load (tsx compiling the server on a machine under heavy load takes tens of seconds). */
const SERVER_START_STOP_MS = 6 * WAIT_MS;

export const ADMIN_KEY = 'test-admin-key-0123456789';
export const APP_KEY = 'test-app-backend-key-0123456789-abcdef';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Close the server and delete its data dir. */
  stop(): Promise<void>;
}

export function tempDir(prefix = 'parley-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The token secret of test servers that share a store (cluster nodes). */
export const CLUSTER_JWT_SECRET = 'test-cluster-jwt-secret-0123456789-abcdef';

/**
 * A server on port 0 with a fresh data dir. With PARLEY_TEST_STORE=postgres (and
 * no store given), it gets a fresh PostgreSQL database of its own instead of
 * SQLite, dropped when it stops: `npm test` runs the SDK's end-to-end suite
 * that way too, so every feature is proven on both stores. `options` injects
 * what is not a setting (a clock the test steps).
 */
export async function startTestServer(overrides: Partial<Config> = {}, options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDir();
  const database = overrides.store === undefined && process.env.PARLEY_TEST_STORE === 'postgres' ? await createTestDatabase() : undefined;
  const config = loadConfig({
    overrides: {
      httpPort: 0,
      tcpPort: 0,
      dataDir,
      adminKey: ADMIN_KEY,
      appJwtKeys: [APP_KEY],
      logLevel: 'silent',
      sqliteSynchronous: 'normal',
      ...(database ? { store: database.url, jwtSecret: CLUSTER_JWT_SECRET } : {}),
      ...overrides,
    },
  });
  const server = await withDeadline(startServer(config, createLogger(config.logLevel), options), 'the test server to start', SERVER_START_STOP_MS);
  return {
    ...server,
    dataDir,
    stop: async () => {
      await withDeadline(server.close(), 'the test server to close', SERVER_START_STOP_MS);
      await database?.drop();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The Prometheus text of a test server's GET /metrics (served to the admin key only). */
export async function fetchMetrics(httpUrl: string, adminKey = ADMIN_KEY): Promise<string> {
  const res = await fetchWithin(`${httpUrl}/metrics`, { headers: { authorization: `Bearer ${adminKey}` } });
  if (res.status !== 200) throw new Error(`GET /metrics: ${res.status} ${await res.text()}`);
  return res.text();
}

/** POST a user's id and password to `path` and return the token of the answer (which must have `status`). */
async function tokenFrom(httpUrl: string, path: string, status: number, userId: string, password: string): Promise<string> {
  const res = await fetchWithin(`${httpUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, password }),
  });
  const body = (await res.json()) as { token?: string; error?: { code: string } };
  if (res.status !== status || !body.token) throw new Error(`${path} ${userId}: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** Register a user over HTTP and return its token. */
export function registerUser(httpUrl: string, userId: string, password = 'correct horse battery'): Promise<string> {
  return tokenFrom(httpUrl, '/v1/register', 201, userId, password);
}

/** Log a registered user in over HTTP (a new sign-in session, as another device would) and return its token. */
export function loginUser(httpUrl: string, userId: string, password = 'correct horse battery'): Promise<string> {
  return tokenFrom(httpUrl, '/v1/login', 200, userId, password);
}

/**
 * A free loopback port for a server that will be restarted on it. It is taken
 * below the kernel's ephemeral range, so that while the server is down (killed
 * by a test) the port cannot be handed out as the local end of some outgoing
 * connection, which would make the restart fail with EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  const low = ephemeralLow();
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 10_000 + Math.floor(Math.random() * Math.max(1, low - 10_000));
    // Never the same port twice in one process: two ports asked for together
    // (HTTP and TCP of one server) were both free, and may be the same one.
    if (handedOut.has(port)) continue;
    if (await canListen(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port found in 10000..${low - 1}`);
}

/** The first port of the kernel's ephemeral range (32768 where it cannot be read). */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return low > 10_001 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

const handedOut = new Set<number>();

function canListen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createNetServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

const here = dirname(fileURLToPath(import.meta.url));
const MAIN = resolve(here, '../../cli/src/main.ts');

/**
 * Every child server still running. Should a test leave one behind (a bug in
 * the test), it is killed when the test process exits rather than holding its
 * port and keeping the test run waiting.
 */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export interface ChildServer {
  process: ChildProcess;
  httpUrl: string;
  wsUrl: string;
  tcpUrl: string;
  /** Resolves when the process has exited (an event to react to; a test waits with waitForExit). */
  exited: Promise<number | null>;
  /** Wait for the process to exit; resolves with its exit code. */
  waitForExit(timeoutMs?: number): Promise<number | null>;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
}

/**
 * Run `parley serve` in a child process (on port 0 unless `ports` are given);
 * resolves once it listens. A child that does not listen in time is killed.
 */
export function spawnServer(dataDir: string, extraArgs: string[] = [], ports = { http: 0, tcp: 0 }): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, 'serve', '--http-port', String(ports.http), '--tcp-port', String(ports.tcp), '--data-dir', dataDir,
      '--admin-key', ADMIN_KEY, '--log-level', 'warn', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  live.add(child);
  child.once('exit', () => live.delete(child));
  let err = '';
  const listening = new Promise<ChildServer>((resolveServer, reject) => {
    let out = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /HTTP (\S+)\s+WebSocket (\S+)\s+TCP (\S+)/.exec(out);
      if (!m) return;
      resolveServer({
        process: child,
        httpUrl: m[1]!,
        wsUrl: m[2]!,
        tcpUrl: m[3]!,
        exited,
        waitForExit: (timeoutMs) => withDeadline(exited, () => `the server process ${child.pid} to exit; stderr: ${err.slice(-600)}`, timeoutMs),
        stderr: () => err,
      });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening: ${err}`)));
  });
  return withDeadline(listening, () => `the server process ${child.pid} to listen; stderr: ${err.slice(-600)}`, SERVER_START_STOP_MS).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw e;
  });
}
