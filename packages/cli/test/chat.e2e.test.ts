/**
 * `parley chat`, as a person uses it: two terminal clients (child processes, fed
 * through stdin) against a real server — a line sent and shown on the other
 * side; a file sent with `/file` (a progress line), listed by `/files` on the
 * other side and kept with `/save N PATH`, byte for byte.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { request } from 'node:https';
import { createTestCa, startTestServer, waitUntil, withDeadline, WAIT_MS, type TestServer } from '@parley/testkit';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
/** tsx by its URL: the terminals run in a scratch directory, where a bare name does not resolve. */
const TSX = import.meta.resolve('tsx');

interface Terminal {
  child: ChildProcess;
  output: () => string;
  type(line: string): void;
}

function terminal(server: TestServer, user: string, to: string, cwd: string, env: Record<string, string> = {}): Terminal {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, 'chat', '--server', server.httpUrl, '--user', user, '--password', `${user}-password`, '--to', to], {
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out, type: (line) => child.stdin!.write(`${line}\n`) };
}

describe('parley chat', () => {
  let server: TestServer;
  let dir: string;
  const terminals: Terminal[] = [];
  before(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
    for (const user of ['alice', 'bob']) {
      const res = await fetch(`${server.httpUrl}/v1/register`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: user, password: `${user}-password` }),
      });
      assert.equal(res.status, 201);
    }
  });
  after(async () => {
    for (const t of terminals) {
      t.child.stdin!.end();
      t.child.kill();
    }
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a line, then a file with /file: progress, /files on the other side, /save keeps it byte for byte', async () => {
    const alice = terminal(server, 'alice', 'bob', dir);
    const bob = terminal(server, 'bob', 'alice', dir);
    terminals.push(alice, bob);
    await waitUntil(() => alice.output().includes('-- connected') && bob.output().includes('-- connected'), 3 * WAIT_MS, () => `both terminals to connect:\n${alice.output()}\n${bob.output()}`);
    alice.type('hello bob');
    await waitUntil(() => bob.output().includes('alice: hello bob'), WAIT_MS, 'bob to see the line');

    const data = randomBytes(3 * 1024 * 1024 + 5);
    const path = join(dir, 'holiday.bin');
    writeFileSync(path, data);
    alice.type(`/file ${path}`);
    await waitUntil(() => alice.output().includes('-- holiday.bin sent'), 3 * WAIT_MS, 'alice to send the file');
    assert.match(alice.output(), /-- holiday\.bin: \d+ %/, 'a progress line');
    await waitUntil(() => bob.output().includes('file #1 holiday.bin'), WAIT_MS, 'bob to be told of the file');
    bob.type('/files');
    await waitUntil(() => bob.output().includes('-- #1 holiday.bin'), WAIT_MS, 'the list of files');
    bob.type('/save 1 kept.bin');
    await waitUntil(() => bob.output().includes('-- saved kept.bin'), WAIT_MS, 'bob to save it');
    assert.ok(readFileSync(join(dir, 'kept.bin')).equals(data), 'the same bytes');
    // A file that is not there is a clear line, not a crash.
    alice.type(`/file ${join(dir, 'nope.bin')}`);
    await waitUntil(() => alice.output().includes('-- failed'), WAIT_MS, 'the failure line');
    alice.type('still here');
    await waitUntil(() => bob.output().includes('alice: still here'), WAIT_MS, 'the terminal to go on after a failure');
  });
});

describe('parley chat over TLS', () => {
  let server: TestServer;
  let dir: string;
  const terminals: Terminal[] = [];
  after(async () => {
    for (const t of terminals) {
      t.child.stdin!.end();
      t.child.kill();
    }
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('against an https:// server whose CA the terminal trusts through NODE_EXTRA_CA_CERTS', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-cli-tls-'));
    const ca = createTestCa(dir);
    const cert = ca.issue('server');
    server = await startTestServer({ tlsCert: cert.certFile, tlsKey: cert.keyFile });
    assert.match(server.httpUrl, /^https:/);
    for (const user of ['carol', 'dan']) {
      const status = await withDeadline(
        new Promise<number>((resolve, reject) => {
          const req = request(`${server.httpUrl}/v1/register`, { method: 'POST', ca: ca.cert, headers: { 'content-type': 'application/json' } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end(JSON.stringify({ userId: user, password: `${user}-password` }));
        }),
        `registering ${user} over https`,
      );
      assert.equal(status, 201);
    }
    const env = { NODE_EXTRA_CA_CERTS: ca.certFile };
    const carol = terminal(server, 'carol', 'dan', dir, env);
    const dan = terminal(server, 'dan', 'carol', dir, env);
    terminals.push(carol, dan);
    await waitUntil(() => carol.output().includes('-- connected') && dan.output().includes('-- connected'), 3 * WAIT_MS, () => `both terminals to connect over TLS:\n${carol.output()}\n${dan.output()}`);
    carol.type('hello over wss');
    await waitUntil(() => dan.output().includes('carol: hello over wss'), WAIT_MS, 'dan to see the line');
  });
});
