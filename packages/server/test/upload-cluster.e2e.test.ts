/**
 * Uploads › durable and anywhere: `parley serve` child processes, killed with
 * SIGKILL mid-PATCH. Two nodes on one fresh PostgreSQL database and a private
 * Redis share one blob directory: an upload started on one resumes on the
 * other after the first dies, a 50 MiB file goes up in parts PATCHed to both
 * nodes at once, and one embedded (SQLite) node resumes its upload after a
 * restart. Every wait has a deadline; nothing is asserted about time.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ErrorCode } from '@parley/protocol';
import {
  CLUSTER_JWT_SECRET,
  createTestDatabase,
  freePort,
  registerUser,
  spawnServer,
  startPrivateRedis,
  tempDir,
  type ChildServer,
  type PrivateRedis,
  type TestDatabase,
} from '@parley/testkit';
import { FsBlobStore } from '../src/media/blob/fs-blob-store.ts';
import { sha256, Uploader } from './media-helpers.ts';

/** The lease a dead node's PATCH leaves behind lapses after this. */
const LEASE_MS = 1500;
const DEADLINE_MS = 30_000;

/**
 * A PATCH that sends `first` bytes of `body` and then holds the connection open
 * (the node is to be killed under it). Resolves once the request is under way.
 */
function hangingPatch(baseUrl: string, token: string, path: string, offset: number, body: Buffer, first: number): Promise<void> {
  return new Promise((resolve) => {
    const req = request(new URL(path, baseUrl), {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', 'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream', 'content-length': String(body.length),
      },
    });
    req.on('error', () => {});
    req.write(body.subarray(0, first), () => resolve());
  });
}

/** Poll until `read` gives something `done` accepts (a liveness deadline, not a timing assertion). */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  const deadline = performance.now() + DEADLINE_MS;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * What a tus client does after a failure: HEAD for the offset, PATCH the rest
 * from there; a 409 (the dead writer's lease has not lapsed yet, or the offset
 * moved when its bytes were adopted) means HEAD again. Returns the file id and
 * the offset it resumed from.
 */
async function resume(user: Uploader, path: string, data: Buffer): Promise<{ fileId: string; resumedFrom: number }> {
  const deadline = performance.now() + DEADLINE_MS;
  let resumedFrom = 0;
  for (;;) {
    const offset = await user.offset(path);
    resumedFrom = offset;
    const answer = await user.patch(path, offset, data.subarray(offset));
    if (answer.status === 204) return { fileId: answer.headers.get('parley-file-id')!, resumedFrom };
    assert.equal(answer.status, 409, answer.body);
    assert.ok([ErrorCode.UPLOAD_BUSY, ErrorCode.UPLOAD_OFFSET_MISMATCH].includes(answer.json().error.code), answer.body);
    if (performance.now() > deadline) throw new Error(`the upload did not resume: ${answer.body}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Uploads › two nodes on PostgreSQL and Redis, one blob directory', () => {
  let db: TestDatabase;
  let redis: PrivateRedis;
  const dataDir = tempDir('parley-upload-cluster-');
  const blobDir = join(dataDir, 'blobs');
  const blobs = new FsBlobStore(blobDir);
  const nodes: (ChildServer | undefined)[] = [];
  const ports: { http: number; tcp: number }[] = [];

  const args = (i: number) => [
    '--store', db.url, '--bus', redis.url, '--bus-prefix', 'upload-cluster', '--node-id', `n${i}`, '--jwt-secret', CLUSTER_JWT_SECRET,
    '--blob-dir', blobDir, '--upload-lease-ms', String(LEASE_MS), '--heartbeat-ms', '1000',
  ];
  const start = async (i: number) => {
    nodes[i] = await spawnServer(join(dataDir, `n${i}`), args(i), ports[i]);
    return nodes[i]!;
  };
  const kill = async (i: number) => {
    const node = nodes[i]!;
    nodes[i] = undefined;
    node.process.kill('SIGKILL');
    await node.waitForExit();
  };
  const url = (i: number) => `http://127.0.0.1:${ports[i]!.http}`;

  before(async () => {
    db = await createTestDatabase();
    redis = await startPrivateRedis();
    for (let i = 0; i < 2; i++) ports.push({ http: await freePort(), tcp: await freePort() });
    await start(0);
    await start(1);
  });
  after(async () => {
    for (const node of nodes) node?.process.kill('SIGKILL');
    for (const node of nodes) await node?.waitForExit();
    await redis.stop();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('an upload started on one node resumes on the other after kill -9 of the first, from the bytes it had stored', async () => {
    const token = await registerUser(url(0), 'ann');
    const onA = new Uploader(url(0), token);
    const onB = new Uploader(url(1), token);
    const data = randomBytes(6 * 1024 * 1024);
    const { path } = await onA.create(data.length);
    const id = path.split('/').pop()!;
    await hangingPatch(url(0), token, path, 0, data, 3 * 1024 * 1024);
    await until(() => blobs.length(id), (n) => (n ?? 0) >= 1024 * 1024, 'node 0 to store the first MiB');
    await kill(0);
    // Node 1 adopts what node 0 stored once node 0's lease lapses: the client does not start from zero.
    const adopted = await until(() => onB.offset(path), (n) => n > 0, 'node 1 to adopt the bytes node 0 stored');
    assert.ok(adopted >= 1024 * 1024 && adopted <= 3 * 1024 * 1024, `adopted ${adopted}`);
    const { fileId, resumedFrom } = await resume(onB, path, data);
    assert.ok(resumedFrom >= adopted, `resumed from ${resumedFrom}`);
    const got = await onB.download(fileId);
    assert.equal(sha256(got.bytes), sha256(data));
    assert.equal((await onB.json('GET', `/v1/files/${fileId}/info`)).json().sha256, sha256(data));
    await start(0);
    assert.equal(sha256((await new Uploader(url(0), token).download(fileId)).bytes), sha256(data), 'and node 0, back, serves it too');
  });

  test('a 50 MiB file in parallel parts, PATCHed to both nodes at once, concatenated on one', async () => {
    const token = await registerUser(url(0), 'ben');
    const on = [new Uploader(url(0), token), new Uploader(url(1), token)];
    const data = randomBytes(50 * 1024 * 1024);
    const partSize = 10 * 1024 * 1024;
    const parts = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const user = on[i % 2]!;
        const slice = data.subarray(i * partSize, (i + 1) * partSize);
        const { answer, path } = await user.create(slice.length, '', { 'upload-concat': 'partial' });
        assert.equal(answer.status, 201, answer.body);
        for (let at = 0; at < slice.length; at += 4 * 1024 * 1024) {
          const patched = await user.patch(path, at, slice.subarray(at, at + 4 * 1024 * 1024));
          assert.equal(patched.status, 204, patched.body);
        }
        return path;
      }),
    );
    const final = await on[1]!.send('POST', '/v1/uploads', { headers: { 'upload-concat': `final;${parts.join(' ')}` } });
    assert.equal(final.status, 201, final.body);
    const fileId = final.headers.get('parley-file-id')!;
    const info = (await on[0]!.json('GET', `/v1/files/${fileId}/info`)).json();
    assert.deepEqual([info.size, info.sha256], [data.length, sha256(data)]);
    const got = await on[0]!.download(fileId);
    assert.equal(sha256(got.bytes), sha256(data));
  });
});

describe('Uploads › an embedded node resumes after a restart (kill -9 mid-PATCH)', () => {
  const dataDir = tempDir('parley-upload-restart-');
  let server: ChildServer | undefined;
  let port: { http: number; tcp: number };
  const boot = async () => {
    server = await spawnServer(dataDir, ['--upload-lease-ms', String(LEASE_MS)], port);
  };

  before(async () => {
    port = { http: await freePort(), tcp: await freePort() };
    await boot();
  });
  after(async () => {
    server?.process.kill('SIGKILL');
    await server?.waitForExit();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the acknowledged offset survives, the bytes stored past it are adopted, and the upload completes', async () => {
    const base = `http://127.0.0.1:${port.http}`;
    const token = await registerUser(base, 'cat');
    const user = new Uploader(base, token);
    const data = randomBytes(4 * 1024 * 1024);
    const { path } = await user.create(data.length);
    const id = path.split('/').pop()!;
    assert.equal((await user.patch(path, 0, data.subarray(0, 1024 * 1024))).status, 204);
    await hangingPatch(base, token, path, 1024 * 1024, data.subarray(1024 * 1024), 1024 * 1024);
    const blobs = new FsBlobStore(join(dataDir, 'blobs'));
    await until(() => blobs.length(id), (n) => (n ?? 0) > 1024 * 1024, 'the second PATCH to store bytes');
    server!.process.kill('SIGKILL');
    await server!.waitForExit();
    server = undefined;
    await boot();
    const offset = await user.offset(path);
    assert.ok(offset >= 1024 * 1024, `the acknowledged 1 MiB survives the crash (HEAD says ${offset})`);
    const { fileId } = await resume(user, path, data);
    assert.equal(sha256((await user.download(fileId)).bytes), sha256(data));
  });
});
