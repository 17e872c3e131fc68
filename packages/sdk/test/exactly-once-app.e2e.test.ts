/**
 * Exactly once, into the app's own storage, across app crashes: a Node app
 * (fixtures/exactly-once-app.ts, bundled and run as a child process) keeps every
 * message it is given in a file, through the SDK's `handleMessage`. While
 * messages stream in, the test kills it with SIGKILL at random moments and
 * starts it again on the same files, PARLEY_EXACTLY_ONCE_KILLS times (default
 * 200). At the end its file must hold every message exactly once, in order.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { directConversationId } from '@parley/protocol';
import { registerUser, startTestServer, waitUntil, withDeadline, WAIT_MS, type TestServer } from '@parley/testkit';
import { ParleyClient } from '../src/index.ts';

const KILLS = Number(process.env.PARLEY_EXACTLY_ONCE_KILLS ?? 200);

describe('Exactly once into the app’s own storage', () => {
  let server: TestServer;
  let dir: string;
  let app: string;
  const tokens: Record<string, string> = {};
  before(async () => {
    server = await startTestServer();
    for (const u of ['app', 'sender']) tokens[u] = await registerUser(server.httpUrl, u);
    dir = mkdtempSync(join(tmpdir(), 'parley-exactly-once-'));
    app = join(dir, 'app.mjs');
    // Bundled once, so that each start costs a Node start, not a TypeScript compile.
    await build({
      entryPoints: [fileURLToPath(new URL('./fixtures/exactly-once-app.ts', import.meta.url))],
      bundle: true, platform: 'node', format: 'esm', outfile: app, logLevel: 'silent',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test(`the app is killed ${KILLS} times while messages stream in; its file holds each message once, in order`, async () => {
    const log = join(dir, 'messages.log');
    const env = { ...process.env, PARLEY_URL: server.wsUrl, PARLEY_TOKEN: tokens.app!, PARLEY_DEVICE: 'app-1', LOG: log, STATE: join(dir, 'state.json') };
    const start = (): { child: ChildProcess; exited: Promise<void> } => {
      const child = spawn(process.execPath, [app], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      return { child, exited };
    };
    const sender = new ParleyClient({ url: server.wsUrl, token: tokens.sender!, deviceId: 'sender-1' });
    sender.on('error', () => {});
    await withDeadline(sender.connect(), 'the sender to connect');
    const random = seeded(2026);
    let sent = 0;
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        // A few more messages arrive, before or while the app runs.
        const burst = Math.floor(random() * 3);
        const sending = Promise.all(Array.from({ length: burst }, () => sender.send({ to: 'app', text: String(++sent) })));
        const { child, exited } = start();
        await new Promise((r) => setTimeout(r, 20 + random() * 250));
        child.kill('SIGKILL');
        await withDeadline(exited, `app run ${kill} to exit after SIGKILL`);
        await withDeadline(sending, 'the burst to be acked');
      }
      // One last run, left alone until it has everything.
      const { child, exited } = start();
      const conversation = directConversationId('app', 'sender');
      const stored = () => messages(log).filter((l) => l.c === conversation);
      try {
        await waitUntil(() => stored().length >= sent, 3 * WAIT_MS, `the app to hold all ${sent} messages`).catch((err: Error) => {
          const seqs = stored().map((l) => l.s);
          const missing = Array.from({ length: sent }, (_, i) => i + 1).filter((s) => !seqs.includes(s));
          throw new Error(`${err.message}: it holds ${seqs.length}, missing ${missing.slice(0, 20).join(', ')}; the log ends ${readFileSync(log, 'utf8').slice(-600)}`);
        });
        await new Promise((r) => setTimeout(r, 200)); // nothing more arrives (a duplicate would)
      } finally {
        child.kill('SIGKILL');
        await withDeadline(exited, 'the last run to exit');
      }
      const got = stored();
      assert.deepEqual(got.map((l) => l.t), Array.from({ length: sent }, (_, i) => String(i + 1)), 'each message once, in order');
      assert.deepEqual(got.map((l) => l.s), Array.from({ length: sent }, (_, i) => i + 1));
    } finally {
      await sender.close();
    }
  });
});

type Line = { c: string; s: number; t?: string; cursor?: true };

/** The messages the app stored, as its log has them (cursor lines and a cut last line left out). */
function messages(file: string): Line[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').flatMap((l) => {
    try {
      const line = JSON.parse(l) as Line;
      return line.cursor ? [] : [line];
    } catch {
      return [];
    }
  });
}

function seeded(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}
