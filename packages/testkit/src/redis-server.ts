/**
 * A private Redis server for a cluster test: the machine's own `redis-server`
 * binary on a port of the test's own, with nothing kept on disk, so a test may
 * kill it, restart it or flush it without touching anyone else's data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './test-server.ts';
import { withDeadline } from './wait.ts';

export interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  /** kill -9: every connection drops, every key is gone. */
  kill(): Promise<void>;
  /** Start it again on the same port (empty: it keeps nothing). */
  start(): Promise<void>;
  /** FLUSHALL: the data goes, the connections stay. */
  flushAll(): Promise<void>;
  stop(): Promise<void>;
}

/** Send one inline command and read the first reply line. */
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(2000, () => socket.destroy(new Error(`redis on ${port}: no reply to ${line}`)));
    socket.on('connect', () => socket.write(`${line}\r\n`));
    socket.on('data', (d) => {
      reply += d.toString();
      if (reply.includes('\r\n')) {
        socket.end();
        resolve(reply.split('\r\n')[0]!);
      }
    });
    socket.on('error', reject);
  });
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: 'ignore',
    });
    child = proc;
    exited = new Promise((r) => proc.once('exit', () => r()));
    const deadline = performance.now() + 10_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`redis-server on ${port} exited with ${proc.exitCode}`);
      const pong = await command(port, 'PING').catch(() => '');
      if (pong === '+PONG') return;
      if (performance.now() > deadline) throw new Error(`redis-server on ${port} did not answer PING`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const kill = async () => {
    child?.kill('SIGKILL');
    await withDeadline(exited, `redis-server on ${port} to exit after SIGKILL`);
    child = undefined;
  };

  // Never outlive the test process, whichever child is current then.
  process.once('exit', () => child?.kill('SIGKILL'));
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    start,
    flushAll: async () => {
      const reply = await command(port, 'FLUSHALL');
      if (reply !== '+OK') throw new Error(`FLUSHALL: ${reply}`);
    },
    stop: kill,
  };
}
