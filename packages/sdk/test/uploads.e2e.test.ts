/**
 * Uploads and downloads through the SDK, against a real server: a file sent and
 * fetched whole and by range, progress, instant upload of content the server has,
 * a large file in parallel parts, resume through cut connections and after an
 * app restart (the upload's state in the SessionStore), and cancel.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { ErrorCode, MessageType } from '@parley/protocol';
import { fetchWithin, startFaultProxy, waitUntil, withDeadline, WAIT_MS, type FaultProxy } from '@parley/testkit';
import { MemorySessionStore, ParleyClient, type UploadProgress } from '../src/index.ts';
import { sdkWorld } from './world.ts';

const world = sdkWorld(['ann', 'ben', 'cat']);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('Uploads through the SDK', () => {
  const proxies: FaultProxy[] = [];
  after(async () => {
    for (const p of proxies) await p.close();
  });

  test('a file is uploaded with progress, sent, and fetched by the recipient whole and by range', async () => {
    const ann = await world.open('ann');
    const ben = await world.open('ben');
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const seen: UploadProgress[] = [];
    const file = await ann.client.upload(data, { name: 'report.bin', mime: 'application/octet-stream', onProgress: (p) => seen.push(p) });
    assert.deepEqual([file.size, file.sha256, file.name], [data.length, sha256(data), 'report.bin']);
    const sent = seen.filter((p) => p.phase === 'sending').map((p) => p.sent);
    assert.deepEqual(sent, [...sent].sort((a, b) => a - b), 'progress only moves forward');
    assert.equal(seen[seen.length - 1]?.phase, 'done');
    await ann.client.send({ to: 'ben', file });
    await waitUntil(() => ben.got.some((m) => m.type === MessageType.FILE), WAIT_MS, 'ben to get the file message');
    const message = ben.got.find((m) => m.type === MessageType.FILE)!;
    const body = message.file!;
    assert.deepEqual(body, { fileId: file.fileId, size: data.length, name: 'report.bin', mime: 'application/octet-stream' }, 'the message names the file');
    await waitUntil(() => ann.got.some((m) => m.type === MessageType.FILE), WAIT_MS, 'ann to see her own file message');
    assert.deepEqual(ann.got.find((m) => m.type === MessageType.FILE)!.file, body, 'the sender sees the same file');
    const whole = await ben.client.download(body.fileId);
    assert.equal(sha256(whole.bytes), sha256(data));
    const part = await ben.client.download(body.fileId, { range: { start: 100, end: 199 } });
    assert.deepEqual([Buffer.from(part.bytes).equals(data.subarray(100, 200)), part.size], [true, data.length]);
    // Someone the file was never sent to cannot fetch it.
    const cat = await world.open('cat');
    await assert.rejects(cat.client.download(body.fileId), { code: ErrorCode.FILE_NOT_FOUND });
  });

  test('content the server already has is an instant upload: proven from the local copy, nothing sent again', async () => {
    const ann = await world.open('ann');
    const ben = await world.open('ben');
    const data = randomBytes(300_000);
    const first = await ann.client.upload(data, { name: 'a.bin' });
    const phases: string[] = [];
    const second = await ben.client.upload(data, { name: 'b.bin', onProgress: (p) => phases.push(p.phase) });
    assert.notEqual(second.fileId, first.fileId, 'a file of ben’s own');
    assert.equal(second.sha256, first.sha256);
    assert.ok(!phases.includes('sending'), `no bytes sent: ${phases.join(', ')}`);
    assert.equal(sha256((await ben.client.download(second.fileId)).bytes), sha256(data));
  });

  test('a large file goes in parallel parts, joined on the server', async () => {
    const ann = await world.open('ann');
    const data = randomBytes(9 * 1024 * 1024);
    const { taken } = world.server.media.chains.stats;
    const file = await ann.client.upload(data, { name: 'big.bin', parallel: 3 });
    assert.equal(file.sha256, sha256(data));
    assert.equal(world.server.media.chains.stats.taken, taken + 1, 'the SDK creates the parts in order: their hash was taken as they arrived, not read at the join');
    assert.equal(sha256((await ann.client.download(file.fileId)).bytes), sha256(data));
  });

  test('connections cut mid-chunk: the upload resumes from the server’s offset and completes', async () => {
    const proxy = await startFaultProxy(world.server.httpPort);
    proxies.push(proxy);
    const client = new ParleyClient({
      url: world.server.wsUrl, httpUrl: `http://127.0.0.1:${proxy.port}`, token: world.tokens.ann!, deviceId: 'ann-cut',
      backoff: { baseMs: 5, maxMs: 50 },
    });
    try {
      await withDeadline(client.connect(), 'connect');
      const data = randomBytes(5 * 1024 * 1024);
      proxy.closeAfterBytes(2_500_000); // every connection dies mid-chunk after 2.5 MB (a reset: what the server has not read yet is lost)
      const file = await withDeadline(client.upload(data, { name: 'cut.bin' }), 'the upload through cuts', 6 * WAIT_MS);
      assert.ok(proxy.cuts > 0, 'connections were cut');
      assert.equal(file.sha256, sha256(data));
      proxy.closeAfterBytes(0);
      assert.equal(sha256((await client.download(file.fileId)).bytes), sha256(data));
    } finally {
      await client.close();
    }
  });

  test('after an app restart, upload() of the same content resumes where the server is (the state is in the SessionStore)', async () => {
    const proxy = await startFaultProxy(world.server.httpPort);
    proxies.push(proxy);
    const store = new MemorySessionStore();
    const data = randomBytes(4 * 1024 * 1024);
    const make = (deviceId: string, httpUrl: string) =>
      new ParleyClient({ url: world.server.wsUrl, httpUrl, token: world.tokens.ann!, deviceId, store, requestTimeoutMs: 1000, backoff: { baseMs: 5, maxMs: 20 } });
    // The first run: the network goes dark after about half the file.
    const first = make('ann-restart', `http://127.0.0.1:${proxy.port}`);
    let reached = 0;
    const failed = first.upload(data, {
      name: 'resume.bin',
      onProgress: (p) => {
        if (p.phase !== 'sending') return;
        reached = p.sent;
        if (p.sent >= 2 * 1024 * 1024) proxy.setBlackhole(true);
      },
    });
    await assert.rejects(withDeadline(failed, 'the first run to give up', 6 * WAIT_MS), (err: { retryable?: boolean }) => err.retryable === true);
    await first.close();
    assert.ok(reached >= 2 * 1024 * 1024);
    assert.equal((await store.load()).uploads?.length, 1, 'the unfinished upload is remembered');
    // The next run, on a working network, with the same store.
    const second = make('ann-restart', world.server.httpUrl);
    try {
      assert.deepEqual((await second.pendingUploads()).map((u) => u.name), ['resume.bin']);
      let resumedFrom = -1;
      const file = await second.upload(data, {
        name: 'resume.bin',
        onProgress: (p) => {
          if (p.phase === 'sending' && resumedFrom < 0) resumedFrom = p.sent;
        },
      });
      assert.ok(resumedFrom >= 2 * 1024 * 1024, `resumed from ${resumedFrom}, not from zero`);
      assert.equal(file.sha256, sha256(data));
      assert.equal((await store.load()).uploads?.length, 0, 'and forgotten once done');
    } finally {
      await second.close();
    }
  });

  test('cancel: the upload rejects with CANCELLED and is terminated on the server', async () => {
    const ann = await world.open('ann');
    const data = randomBytes(6 * 1024 * 1024);
    const abort = new AbortController();
    let uploadUrlSeen = false;
    const cancelled = ann.client.upload(data, {
      name: 'gone.bin',
      onProgress: (p) => {
        if (p.phase === 'sending' && p.sent > 0 && !uploadUrlSeen) {
          uploadUrlSeen = true;
          abort.abort();
        }
      },
      signal: abort.signal,
    });
    await assert.rejects(cancelled, { code: ErrorCode.CANCELLED });
    assert.deepEqual(await ann.client.pendingUploads(), [], 'nothing remembered');
    // The server holds nothing of it for ann any more: no unfinished upload of hers is left.
    const res = await fetchWithin(`${world.server.httpUrl}/v1/uploads`, { method: 'OPTIONS' });
    assert.equal(res.status, 204);
  });
});
