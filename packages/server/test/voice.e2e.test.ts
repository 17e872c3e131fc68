/**
 * Voice streams › chunks over real sockets (raw frames), on both stores: a
 * stream's chunks reach the other member as they are stored, in order and
 * before the recording ends; a missed chunk is fetched again; the end makes one
 * VOICE message whose file is the recorded bytes; a cancel leaves nothing; the
 * send rules decide who may stream, membership who may fetch; bad input gets
 * its code.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ErrorCode, FriendOp, MessageType, type parley } from '@parley/protocol';
import { openAuthed, waitUntil, type RawClient, type TestServer } from '@parley/testkit';
import { indexEntry } from '../src/media/rules/voice.ts';
import { mediaServer, sha256, STORES, Uploader } from './media-helpers.ts';

type Raw = RawClient & { userId: string };

const DM = 'd:ann:ben';

function chunksOf(count: number, size = 700): Buffer[] {
  return Array.from({ length: count }, (_, i) => randomBytes(size + i));
}

async function expectError(client: Raw, frame: Parameters<Raw['request']>[0], code: ErrorCode): Promise<parley.IError> {
  const reply = await client.request(frame);
  assert.equal(reply.body, 'error', `expected ${code}, got ${reply.body}`);
  assert.equal(reply.error!.code, code, reply.error!.message ?? '');
  return reply.error!;
}

async function startStream(client: Raw, conversationId = DM): Promise<string> {
  const reply = await client.request({ voiceStart: { conversationId, mime: 'audio/ogg; codecs=opus' } });
  assert.equal(reply.body, 'voiceState', reply.error?.message ?? '');
  return reply.voiceState!.streamId!;
}

async function sendChunk(client: Raw, streamId: string, index: number, data: Uint8Array): Promise<parley.IVoiceChunkAck> {
  const reply = await client.request({ voiceChunk: { streamId, index, data } });
  assert.equal(reply.body, 'voiceChunkAck', `${reply.error?.code}: ${reply.error?.message}`);
  return reply.voiceChunkAck!;
}

/** The bytes as a body for the media service's write (one chunk). */
async function* bytesOf(b: Uint8Array) {
  yield b;
}

const pushesOf = (client: Raw, streamId: string) => client.frames.filter((f) => f.body === 'voicePush' && f.voicePush!.streamId === streamId && !f.id).map((f) => f.voicePush!);

for (const kind of STORES) {
  describe(`Voice streams on ${kind}`, () => {
    let server: TestServer;
    const token: Record<string, string> = {};
    let ann: Raw;
    let ben: Raw;
    let cat: Raw;

    before(async () => {
      server = await mediaServer(kind, { mediaSweepMs: 0, maxVoiceChunkBytes: 4096 });
      for (const name of ['ann', 'ben', 'cat']) token[name] = (await Uploader.register(server.httpUrl, name)).token;
      ann = await openAuthed(server.wsUrl, token.ann!, 'ann-phone');
      ben = await openAuthed(server.wsUrl, token.ben!, 'ben-phone');
      cat = await openAuthed(server.tcpUrl, token.cat!, 'cat-phone');
      const hello = await ann.request({ send: { to: 'ben', clientMsgId: 'hello', type: MessageType.TEXT, body: Buffer.from('hi') } });
      assert.equal(hello.body, 'sendAck');
    });
    after(async () => {
      for (const c of [ann, ben, cat]) c?.close();
      await server.stop();
    });

    test('chunks reach the member in order before the end; the end sends one VOICE message whose file is the recorded bytes', async () => {
      const streamId = await startStream(ann);
      const chunks = chunksOf(6);
      for (let i = 0; i < 3; i++) assert.equal((await sendChunk(ann, streamId, i, chunks[i]!)).duplicate, false);
      // Playing may start now: the first three chunks are with the receiver while the recording goes on.
      await waitUntil(() => pushesOf(ben, streamId).length === 3, undefined, () => `3 pushes, got ${pushesOf(ben, streamId).length}`);
      for (let i = 3; i < 6; i++) await sendChunk(ann, streamId, i, chunks[i]!);
      await waitUntil(() => pushesOf(ben, streamId).length === 6, undefined, 'all 6 pushes');
      const pushed = pushesOf(ben, streamId);
      assert.deepEqual(pushed.map((p) => p.index), [0, 1, 2, 3, 4, 5]);
      pushed.forEach((p, i) => assert.deepEqual(Buffer.from(p.data!), chunks[i]));
      assert.equal(pushed[0]!.senderId, 'ann');
      assert.equal(pushed[0]!.conversationId, DM);
      assert.equal(pushesOf(ann, streamId).length, 0, 'the sending connection gets no pushes of its own chunks');

      const recorded = Buffer.concat(chunks);
      const ended = await ann.request({ voiceEnd: { streamId, chunkCount: 6, durationMs: 1500, sha256: createHash('sha256').update(recorded).digest() } });
      assert.equal(ended.body, 'voiceEnded', ended.error?.message ?? '');
      const message = ended.voiceEnded!.message!;
      assert.equal(message.type, MessageType.VOICE);
      assert.equal(message.clientMsgId, `voice:${streamId}`);
      const body = JSON.parse(Buffer.from(message.body!).toString());
      assert.equal(body.size, recorded.length);
      assert.equal(body.durationMs, 1500);
      // The receiver gets the message as any message, and the stream's end.
      const push = await ben.waitFor((f) => f.body === 'push' && f.push!.message!.clientMsgId === `voice:${streamId}`);
      assert.deepEqual(JSON.parse(Buffer.from(push.push!.message!.body!).toString()), body);
      await ben.waitFor((f) => f.body === 'voicePush' && f.voicePush!.streamId === streamId && f.voicePush!.ended === true && f.voicePush!.chunkCount === 6);
      const download = await new Uploader(server.httpUrl, token.ben!).download(body.fileId);
      assert.equal(download.status, 200);
      assert.equal(sha256(download.bytes), sha256(recorded), 'the file is the recorded bytes');
      // VoiceEnd again: the same message, once.
      const again = await ann.request({ voiceEnd: { streamId, chunkCount: 6, durationMs: 1500 } });
      assert.equal(again.voiceEnded!.duplicate, true);
      assert.equal(again.voiceEnded!.message!.seq, message.seq);
      // Chunks of the ended stream may still be fetched (until its upload record expires).
      const fetched = await ben.request({ voiceFetch: { streamId, index: 4 } });
      assert.deepEqual(Buffer.from(fetched.voicePush!.data!), chunks[4]);
      assert.equal(fetched.voicePush!.ended, true);
    });

    test('a chunk the receiver missed is fetched again by index, with the same bytes', async () => {
      const streamId = await startStream(ann);
      const chunks = chunksOf(4);
      for (let i = 0; i < 4; i++) await sendChunk(ann, streamId, i, chunks[i]!);
      // A device that connects mid-recording has no pushes at all: it fetches from index 0.
      const late = await openAuthed(server.wsUrl, token.ben!, 'ben-laptop');
      try {
        for (let i = 0; i < 4; i++) {
          const reply = await late.request({ voiceFetch: { streamId, index: i } });
          assert.equal(reply.body, 'voicePush', reply.error?.message ?? '');
          assert.equal(reply.voicePush!.index, i);
          assert.deepEqual(Buffer.from(reply.voicePush!.data!), chunks[i]);
          assert.equal(reply.voicePush!.ended, false);
        }
        await expectError(late, { voiceFetch: { streamId, index: 4 } }, ErrorCode.INVALID_ARGUMENT);
      } finally {
        late.close();
      }
      await ann.request({ voiceCancel: { streamId } });
    });

    test('a resent chunk is acked again and stored once', async () => {
      const streamId = await startStream(ann);
      const chunks = chunksOf(3);
      await sendChunk(ann, streamId, 0, chunks[0]!);
      await sendChunk(ann, streamId, 1, chunks[1]!);
      assert.equal((await sendChunk(ann, streamId, 1, chunks[1]!)).duplicate, true);
      assert.equal((await sendChunk(ann, streamId, 0, chunks[0]!)).duplicate, true);
      await expectError(ann, { voiceChunk: { streamId, index: 1, data: randomBytes(5) } }, ErrorCode.INVALID_ARGUMENT);
      await expectError(ann, { voiceChunk: { streamId, index: 1, data: randomBytes(chunks[1]!.length) } }, ErrorCode.INVALID_ARGUMENT);
      await sendChunk(ann, streamId, 2, chunks[2]!);
      const ended = await ann.request({ voiceEnd: { streamId, chunkCount: 3, durationMs: 700 } });
      const body = JSON.parse(Buffer.from(ended.voiceEnded!.message!.body!).toString());
      const download = await new Uploader(server.httpUrl, token.ann!).download(body.fileId);
      assert.equal(sha256(download.bytes), sha256(Buffer.concat(chunks)));
    });

    /** Ann ends the stream as `chunks`: one VOICE message whose file is exactly their bytes. */
    async function endsAs(streamId: string, chunks: Buffer[]): Promise<void> {
      const ended = await ann.request({ voiceEnd: { streamId, chunkCount: chunks.length, durationMs: 750, sha256: createHash('sha256').update(Buffer.concat(chunks)).digest() } });
      assert.equal(ended.body, 'voiceEnded', ended.error?.message ?? '');
      const body = JSON.parse(Buffer.from(ended.voiceEnded!.message!.body!).toString());
      assert.equal(sha256((await new Uploader(server.httpUrl, token.ann!).download(body.fileId)).bytes), sha256(Buffer.concat(chunks)));
    }

    test('a chunk whose bytes were stored but whose index entry was not (a crash between the two) is taken once when sent again', async () => {
      const streamId = await startStream(ann);
      const chunks = chunksOf(3);
      await sendChunk(ann, streamId, 0, chunks[0]!);
      // The node stored chunk 1's bytes through the upload path and died before its index entry and its ack.
      await server.media.write('ann', streamId, { offset: chunks[0]!.length, contentLength: chunks[1]!.length, body: bytesOf(chunks[1]!) });
      assert.equal(await server.blobs.length(`${streamId}_voice`), 4, 'one index entry: chunk 0');
      // The sender, never acked, sends chunk 1 again: its bytes are adopted, not written twice.
      assert.equal((await sendChunk(ann, streamId, 1, chunks[1]!)).duplicate, false);
      await sendChunk(ann, streamId, 2, chunks[2]!);
      await endsAs(streamId, chunks);
    });

    test('an index entry torn by a crash (its chunk stored, 2 of its 4 bytes written) is completed when the chunk is sent again; a torn entry that is not its own is refused', async () => {
      const streamId = await startStream(ann);
      const chunks = chunksOf(3);
      await sendChunk(ann, streamId, 0, chunks[0]!);
      // The node stored chunk 1's bytes, began its index entry and died after its first 2 bytes.
      const end = chunks[0]!.length + chunks[1]!.length;
      await server.media.write('ann', streamId, { offset: chunks[0]!.length, contentLength: chunks[1]!.length, body: bytesOf(chunks[1]!) });
      await server.blobs.append(`${streamId}_voice`, 4, bytesOf(indexEntry(end).subarray(0, 2)), 2);
      assert.equal((await sendChunk(ann, streamId, 1, chunks[1]!)).duplicate, false, 'the resend is taken');
      assert.equal(await server.blobs.length(`${streamId}_voice`), 8, 'two whole entries');
      await sendChunk(ann, streamId, 2, chunks[2]!);
      await endsAs(streamId, chunks);

      // Bytes that do not begin the entry: damage, not a crash of this chunk's append. Refused, and nothing is lost of what was stored.
      const other = await startStream(ann);
      await sendChunk(ann, other, 0, chunks[0]!);
      await server.blobs.append(`${other}_voice`, 4, bytesOf(new Uint8Array([0xff, 0xff])), 2);
      const refused = await ann.request({ voiceChunk: { streamId: other, index: 1, data: chunks[1]! } });
      assert.equal(refused.body, 'error');
      assert.equal(refused.error!.code, ErrorCode.INTERNAL, refused.error!.message ?? '');
      assert.equal(await server.blobs.length(`${other}_voice`), 6, 'the index untouched');
      assert.equal(await server.blobs.length(other), chunks[0]!.length + chunks[1]!.length, 'the chunk stored (its ack withheld), adopted if the index is mended');
    });

    test('bad input gets a clear code: a gap, an oversize chunk, an unknown stream, a wrong count, a wrong hash', async () => {
      const streamId = await startStream(ann);
      const gap = await expectError(ann, { voiceChunk: { streamId, index: 1, data: randomBytes(10) } }, ErrorCode.CHUNK_GAP);
      assert.match(gap.message!, /next index is 0/);
      await expectError(ann, { voiceChunk: { streamId, index: 0, data: randomBytes(4097) } }, ErrorCode.CHUNK_TOO_LARGE);
      await expectError(ann, { voiceChunk: { streamId, index: 0, data: new Uint8Array(0) } }, ErrorCode.INVALID_ARGUMENT);
      await expectError(ann, { voiceChunk: { streamId: 'AAAAAAAAAAAAAAAAAAAAAA', index: 0, data: randomBytes(10) } }, ErrorCode.STREAM_NOT_FOUND);
      await expectError(ann, { voiceChunk: { streamId: 'no such/stream', index: 0, data: randomBytes(10) } }, ErrorCode.STREAM_NOT_FOUND);
      await expectError(ann, { voiceEnd: { streamId, chunkCount: 0, durationMs: 10 } }, ErrorCode.INVALID_ARGUMENT);
      await sendChunk(ann, streamId, 0, randomBytes(100));
      await expectError(ann, { voiceEnd: { streamId, chunkCount: 2, durationMs: 10 } }, ErrorCode.CHUNK_GAP);
      await expectError(ann, { voiceEnd: { streamId, chunkCount: 1, durationMs: 24 * 3600 * 1000 } }, ErrorCode.INVALID_ARGUMENT);
      await expectError(ann, { voiceEnd: { streamId, chunkCount: 1, durationMs: 10, sha256: randomBytes(32) } }, ErrorCode.CHECKSUM_MISMATCH);
      await expectError(ann, { voiceFetch: { streamId: 'AAAAAAAAAAAAAAAAAAAAAA', index: 0 } }, ErrorCode.STREAM_NOT_FOUND);
      await expectError(ann, { voiceStart: { conversationId: 'g:nope' } }, ErrorCode.CONVERSATION_NOT_FOUND);
      // Nothing was sent for the refused ends.
      const pulled = await ann.request({ pull: { conversationId: DM, fromSeq: 1 } });
      assert.equal(pulled.pullResult!.messages!.filter((m) => m.clientMsgId === `voice:${streamId}`).length, 0);
      await ann.request({ voiceCancel: { streamId } });
    });

    test('a cancelled recording leaves nothing: no bytes, no message, fetch is STREAM_NOT_FOUND', async () => {
      const streamId = await startStream(ann);
      for (let i = 0; i < 3; i++) await sendChunk(ann, streamId, i, randomBytes(300));
      assert.equal(await server.blobs.length(streamId), 900);
      const cancelled = await ann.request({ voiceCancel: { streamId } });
      assert.equal(cancelled.body, 'voiceState', cancelled.error?.message ?? '');
      assert.equal(cancelled.voiceState!.cancelled, true);
      await ben.waitFor((f) => f.body === 'voicePush' && f.voicePush!.streamId === streamId && f.voicePush!.cancelled === true);
      assert.equal(await server.blobs.length(streamId), undefined, 'the bytes are gone');
      assert.equal(await server.blobs.length(`${streamId}_voice`), undefined, 'the chunk index is gone');
      await expectError(ben, { voiceFetch: { streamId, index: 0 } }, ErrorCode.STREAM_NOT_FOUND);
      await expectError(ann, { voiceChunk: { streamId, index: 3, data: randomBytes(10) } }, ErrorCode.STREAM_NOT_FOUND);
      await expectError(ann, { voiceEnd: { streamId, chunkCount: 3, durationMs: 10 } }, ErrorCode.STREAM_NOT_FOUND);
      await expectError(ann, { voiceCancel: { streamId } }, ErrorCode.STREAM_NOT_FOUND);
      const pulled = await ann.request({ pull: { conversationId: DM, fromSeq: 1 } });
      assert.equal(pulled.pullResult!.messages!.filter((m) => m.clientMsgId === `voice:${streamId}`).length, 0);
      // Nothing is left for the collector either.
      const swept = await server.media.sweep();
      assert.equal(swept.uploads, 0);
    });

    test('a non-member can neither start a stream, add to one, nor fetch from one; a block stops a stream', async () => {
      await expectError(cat, { voiceStart: { conversationId: DM } }, ErrorCode.NOT_MEMBER);
      const streamId = await startStream(ann);
      await sendChunk(ann, streamId, 0, randomBytes(50));
      await expectError(cat, { voiceFetch: { streamId, index: 0 } }, ErrorCode.STREAM_NOT_FOUND);
      await expectError(cat, { voiceChunk: { streamId, index: 1, data: randomBytes(10) } }, ErrorCode.STREAM_NOT_FOUND);
      await expectError(cat, { voiceEnd: { streamId, chunkCount: 1, durationMs: 10 } }, ErrorCode.STREAM_NOT_FOUND);
      await expectError(cat, { voiceCancel: { streamId } }, ErrorCode.STREAM_NOT_FOUND);
      assert.equal(pushesOf(cat, streamId).length, 0);
      // ben blocks ann: her stream takes no more chunks, and she cannot start another.
      const blocked = await ben.request({ friend: { op: FriendOp.BLOCK, userId: 'ann', clientMsgId: 'block-ann' } });
      assert.equal(blocked.body, 'friendResult', blocked.error?.message ?? '');
      await expectError(ann, { voiceChunk: { streamId, index: 1, data: randomBytes(10) } }, ErrorCode.BLOCKED);
      await expectError(ann, { voiceStart: { conversationId: DM } }, ErrorCode.BLOCKED);
      const unblocked = await ben.request({ friend: { op: FriendOp.UNBLOCK, userId: 'ann', clientMsgId: 'unblock-ann' } });
      assert.equal(unblocked.body, 'friendResult', unblocked.error?.message ?? '');
      await ann.request({ voiceCancel: { streamId } });
    });
  });

  describe(`Voice streams on ${kind} › expiry`, () => {
    let server: TestServer;
    before(async () => {
      server = await mediaServer(kind, { mediaSweepMs: 0, voiceStreamExpiryMs: 3000 });
    });
    after(async () => {
      await server.stop();
    });

    test('a stream abandoned without an end expires, and the collector reclaims its bytes and index', async () => {
      const tokens = [await Uploader.register(server.httpUrl, 'ann'), await Uploader.register(server.httpUrl, 'ben')].map((u) => u.token);
      const ann = await openAuthed(server.wsUrl, tokens[0]!, 'ann-phone');
      const ben = await openAuthed(server.wsUrl, tokens[1]!, 'ben-phone');
      try {
        assert.equal((await ann.request({ send: { to: 'ben', clientMsgId: 'hello', type: MessageType.TEXT, body: Buffer.from('hi') } })).body, 'sendAck');
        const streamId = await startStream(ann);
        await sendChunk(ann, streamId, 0, randomBytes(200));
        // The sender goes away mid-recording; nobody ends or cancels the stream.
        ann.close();
        await waitUntil(async () => {
          await server.media.sweep();
          return (await server.blobs.length(streamId)) === undefined && (await server.blobs.length(`${streamId}_voice`)) === undefined;
        }, undefined, 'the abandoned stream to be reclaimed');
        await expectError(ben, { voiceFetch: { streamId, index: 0 } }, ErrorCode.STREAM_NOT_FOUND);
        const pulled = await ben.request({ pull: { conversationId: DM, fromSeq: 1 } });
        assert.deepEqual(pulled.pullResult!.messages!.map((m) => m.clientMsgId), ['hello'], 'no message came of it');
      } finally {
        ann.close();
        ben.close();
      }
    });
  });
}
