/**
 * Voice that streams while it is recorded, through the SDK against a real
 * server (PARLEY_TEST_STORE=postgres for the PostgreSQL store): the receiver
 * gets the chunks in order before the sender stops, a chunk push lost on the
 * way (dropped by the fault proxy) is fetched again, the sent message's file is
 * the recorded bytes, a cut connection mid-recording loses nothing and doubles
 * nothing, a cancel leaves nothing, and a non-member cannot record.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { ErrorCode, MessageType } from '@parley/protocol';
import { startFaultProxy, waitUntil, withDeadline, WAIT_MS, type FaultProxy } from '@parley/testkit';
import type { IncomingVoice, VoiceChunk, VoiceProgress } from '../src/index.ts';
import { sdkWorld, type Device } from './world.ts';

const world = sdkWorld(['ann', 'ben', 'cat']);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const DM = 'd:ann:ben';

/** The next stream the device is told of, with every chunk it hands out, in the order handed out. */
function nextStream(device: Device): Promise<{ stream: IncomingVoice; chunks: VoiceChunk[] }> {
  return new Promise((resolve) => {
    const off = device.client.on('voice', (stream) => {
      off();
      const chunks: VoiceChunk[] = [];
      stream.onChunk((c) => chunks.push(c));
      resolve({ stream, chunks });
    });
  });
}

async function dm(ann: Device): Promise<void> {
  await ann.client.send({ to: 'ben', text: 'listen' });
}

describe('Voice streams through the SDK', () => {
  const proxies: FaultProxy[] = [];
  after(async () => {
    for (const p of proxies) await p.close();
  });

  test('chunks play in order before the sender stops; dropped pushes are refetched; the message’s file is the recorded bytes', async () => {
    const proxy = await startFaultProxy(world.server.tcpPort, { framed: true });
    proxies.push(proxy);
    const ann = await world.open('ann');
    const ben = await world.open('ben', { url: `tcp://127.0.0.1:${proxy.port}`, httpUrl: world.server.httpUrl, deviceId: 'ben-lossy' });
    await dm(ann);
    // Lose the live pushes of chunk 2 (a gap in the middle) and chunk 7 (the last: only the end says it exists).
    proxy.setDropVoicePushes((p) => !p.ended && (p.index === 2 || p.index === 7));
    const incoming = nextStream(ben);
    const progress: VoiceProgress[] = [];
    const recorder = ann.client.recordVoice(DM, { mime: 'audio/ogg; codecs=opus', onProgress: (p) => progress.push(p) });
    const recorded = Array.from({ length: 8 }, (_, i) => randomBytes(400 + i * 13));
    for (let i = 0; i < 4; i++) recorder.push(recorded[i]!);
    const { stream, chunks } = await withDeadline(incoming, 'ben to hear of the stream');
    assert.equal(stream.senderId, 'ann');
    assert.equal(stream.conversationId, DM);
    assert.equal(ben.client.voiceStreams.get(stream.streamId), stream);
    // Still recording, and ben can play the first four chunks — the missing 2 fetched again.
    await waitUntil(() => chunks.length === 4, WAIT_MS, () => `4 chunks at ben, got ${chunks.map((c) => c.index).join(',')}`);
    assert.ok(stream.refetched >= 1, 'chunk 2 was fetched');
    for (let i = 4; i < 8; i++) recorder.push(recorded[i]!);
    const message = await recorder.stop({ durationMs: 2000 });
    assert.equal(message.type, MessageType.VOICE);
    assert.equal(message.file?.durationMs, 2000);
    assert.equal(message.file?.size, Buffer.concat(recorded).length);
    const done = await withDeadline(stream.done, 'ben’s stream to complete');
    assert.equal(done.seq, message.seq);
    assert.deepEqual(chunks.map((c) => c.index), [0, 1, 2, 3, 4, 5, 6, 7], 'every chunk once, in order');
    assert.equal(sha256(Buffer.concat(chunks.map((c) => c.data))), sha256(Buffer.concat(recorded)), 'ben played exactly what ann recorded');
    assert.equal(proxy.dropped.voicePushes, 2);
    assert.equal(ben.client.voiceStreams.size, 0, 'a completed stream is no longer active');
    // The message is a message like any other, and its file the recorded bytes.
    await waitUntil(() => ben.got.some((m) => m.seq === message.seq && m.conversationId === DM), WAIT_MS, 'ben to get the voice message');
    await waitUntil(() => ann.got.some((m) => m.seq === message.seq && m.conversationId === DM), WAIT_MS, 'ann to see her own voice message');
    const download = await ben.client.download(message.file!.fileId);
    assert.equal(sha256(download.bytes), sha256(Buffer.concat(recorded)));
    // Progress only moves forward and ends sent, everything stored.
    const acked = progress.map((p) => p.chunksAcked);
    assert.deepEqual(acked, [...acked].sort((a, b) => a - b));
    assert.deepEqual(progress.at(-1), {
      streamId: recorder.streamId, conversationId: DM, phase: 'sent', chunks: 8, chunksAcked: 8, bytes: message.file!.size, bytesAcked: message.file!.size,
    });
  });

  test('the sender’s connection cut mid-recording: unacked chunks are sent again, stored once, and the file is the recorded bytes', async () => {
    const proxy = await startFaultProxy(world.server.httpPort);
    proxies.push(proxy);
    const ann = await world.open('ann', { url: `ws://127.0.0.1:${proxy.port}/ws`, deviceId: 'ann-cut', backoff: { baseMs: 5, maxMs: 50 } });
    const ben = await world.open('ben');
    await dm(ann);
    const incoming = nextStream(ben);
    const recorder = ann.client.recordVoice(DM);
    const recorded = Array.from({ length: 12 }, () => randomBytes(1000));
    for (let i = 0; i < 6; i++) recorder.push(recorded[i]!);
    proxy.cutAll(); // chunks in flight lose their acks (or never arrive)
    for (let i = 6; i < 12; i++) recorder.push(recorded[i]!);
    const message = await recorder.stop({ durationMs: 3000 });
    const { stream, chunks } = await withDeadline(incoming, 'ben to hear of the stream');
    await withDeadline(stream.done, 'ben’s stream to complete');
    assert.deepEqual(chunks.map((c) => c.index), [...Array(12).keys()]);
    assert.equal(sha256(Buffer.concat(chunks.map((c) => c.data))), sha256(Buffer.concat(recorded)));
    assert.equal(sha256((await ben.client.download(message.file!.fileId)).bytes), sha256(Buffer.concat(recorded)), 'nothing lost, nothing doubled');
  });

  test('a cancelled recording leaves nothing: the receiver’s stream fails CANCELLED, no message, no bytes', async () => {
    const ann = await world.open('ann');
    const ben = await world.open('ben');
    await dm(ann);
    const incoming = nextStream(ben);
    const recorder = ann.client.recordVoice(DM);
    recorder.push(randomBytes(500));
    recorder.push(randomBytes(500));
    const streamId = await recorder.ready();
    const { stream, chunks } = await withDeadline(incoming, 'ben to hear of the stream');
    await waitUntil(() => chunks.length === 2, WAIT_MS, 'ben to get both chunks');
    const before = ben.got.length;
    await recorder.cancel();
    await assert.rejects(withDeadline(stream.done, 'ben’s stream to end'), { code: ErrorCode.CANCELLED });
    assert.equal(await world.server.blobs.length(streamId), undefined, 'the bytes are gone');
    await assert.rejects(recorder.stop({ durationMs: 10 }), { code: ErrorCode.INVALID_ARGUMENT });
    assert.throws(() => recorder.push(randomBytes(10)), { code: ErrorCode.INVALID_ARGUMENT });
    // No message came of it.
    await ann.client.send({ to: 'ben', text: 'never mind' });
    await waitUntil(() => ben.got.some((m) => m.text === 'never mind'), WAIT_MS, 'ben to get the text after the cancel');
    assert.equal(ben.got.slice(before).filter((m) => m.type === MessageType.VOICE).length, 0);
  });

  test('someone who may not send there cannot record: every promise rejects with the code', async () => {
    const cat = await world.open('cat');
    const recorder = cat.client.recordVoice(DM);
    recorder.ready().catch(() => undefined);
    await assert.rejects(recorder.ready(), { code: ErrorCode.NOT_MEMBER });
    assert.throws(() => recorder.push(randomBytes(10)), { code: ErrorCode.NOT_MEMBER });
    await assert.rejects(recorder.stop({ durationMs: 10 }), { code: ErrorCode.NOT_MEMBER });
  });
});
