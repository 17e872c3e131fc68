/**
 * Voice streams › across nodes: two `parley serve` child processes on one fresh
 * PostgreSQL database and a private Redis, sharing one blob directory. The
 * sender records on one node, the receiver listens on the other: chunks cross
 * the bus, a fetch is served by the receiver's node from the shared store, and
 * the sender, reconnected to the other node mid-recording, goes on with the
 * same stream there. Every wait has a deadline; nothing is asserted about time.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MessageType } from '@parley/protocol';
import {
  CLUSTER_JWT_SECRET,
  createTestDatabase,
  openAuthed,
  registerUser,
  spawnServer,
  startPrivateRedis,
  tempDir,
  waitUntil,
  type ChildServer,
  type PrivateRedis,
  type TestDatabase,
} from '@parley/testkit';
import { sha256, Uploader } from './media-helpers.ts';

describe('Voice streams › two nodes on PostgreSQL and Redis, one blob directory', () => {
  let db: TestDatabase;
  let redis: PrivateRedis;
  const dataDir = tempDir('parley-voice-cluster-');
  const nodes: ChildServer[] = [];

  before(async () => {
    db = await createTestDatabase();
    redis = await startPrivateRedis();
    for (let i = 0; i < 2; i++) {
      nodes.push(await spawnServer(join(dataDir, `n${i}`), [
        '--store', db.url, '--bus', redis.url, '--bus-prefix', 'voice-cluster', '--node-id', `n${i}`, '--jwt-secret', CLUSTER_JWT_SECRET,
        '--blob-dir', join(dataDir, 'blobs'),
      ]));
    }
  });
  after(async () => {
    for (const node of nodes) node.process.kill('SIGKILL');
    for (const node of nodes) await node.waitForExit();
    await redis.stop();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('chunks recorded on one node reach a listener on the other, are fetched there, and the stream goes on after the sender moves nodes', async () => {
    const annToken = await registerUser(nodes[0]!.httpUrl, 'ann');
    const benToken = await registerUser(nodes[0]!.httpUrl, 'ben');
    let ann = await openAuthed(nodes[0]!.wsUrl, annToken, 'ann-phone');
    const ben = await openAuthed(nodes[1]!.tcpUrl, benToken, 'ben-phone');
    try {
      assert.equal((await ann.request({ send: { to: 'ben', clientMsgId: 'hello', type: MessageType.TEXT, body: Buffer.from('hi') } })).body, 'sendAck');
      const started = await ann.request({ voiceStart: { conversationId: 'd:ann:ben', mime: 'audio/ogg' } });
      const streamId = started.voiceState!.streamId!;
      const chunks = Array.from({ length: 6 }, () => randomBytes(900));
      for (let i = 0; i < 3; i++) assert.equal((await ann.request({ voiceChunk: { streamId, index: i, data: chunks[i] } })).body, 'voiceChunkAck');
      const pushed = () => ben.frames.filter((f) => f.body === 'voicePush' && !f.id && f.voicePush!.streamId === streamId);
      await waitUntil(() => pushed().length === 3, undefined, () => `3 pushes on the other node, got ${pushed().length}`);
      assert.deepEqual(pushed().map((f) => Buffer.from(f.voicePush!.data!)), chunks.slice(0, 3));
      // The listener's node answers a fetch from the shared store.
      const fetched = await ben.request({ voiceFetch: { streamId, index: 1 } });
      assert.deepEqual(Buffer.from(fetched.voicePush!.data!), chunks[1]);
      // The sender's connection moves to the other node; the stream goes on there, a resend of chunk 2 included.
      ann.close();
      ann = await openAuthed(nodes[1]!.wsUrl, annToken, 'ann-phone');
      assert.equal((await ann.request({ voiceChunk: { streamId, index: 2, data: chunks[2] } })).voiceChunkAck!.duplicate, true);
      for (let i = 3; i < 6; i++) assert.equal((await ann.request({ voiceChunk: { streamId, index: i, data: chunks[i] } })).body, 'voiceChunkAck');
      const ended = await ann.request({ voiceEnd: { streamId, chunkCount: 6, durationMs: 1500 } });
      assert.equal(ended.body, 'voiceEnded', ended.error?.message ?? '');
      const body = JSON.parse(Buffer.from(ended.voiceEnded!.message!.body!).toString());
      await ben.waitFor((f) => f.body === 'push' && f.push!.message!.clientMsgId === `voice:${streamId}`);
      await waitUntil(() => pushed().length === 7, undefined, 'the other 3 chunks and the end');
      const download = await new Uploader(nodes[0]!.httpUrl, benToken).download(body.fileId);
      assert.equal(sha256(download.bytes), sha256(Buffer.concat(chunks)), 'the file is the recorded bytes, once each');
    } finally {
      ann.close();
      ben.close();
    }
  });
});
