import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFrameWriter, ErrorCode, FrameDecoder, lengthPrefixed, lengthPrefixedAll, ParleyError } from '../src/index.ts';

const frame = (n: number, fill = n) => new Uint8Array(n).fill(fill & 0xff);
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
};

test('FrameDecoder › reassembles a stream split at every possible offset, including inside the length prefix', () => {
  const payloads = [frame(1), frame(7), frame(300), frame(2)];
  const stream = concat(payloads.map(lengthPrefixed));
  for (let cut = 0; cut <= stream.length; cut++) {
    const d = new FrameDecoder(1024);
    const got = [...d.push(stream.subarray(0, cut)), ...d.push(stream.subarray(cut))];
    assert.deepEqual(got, payloads, `cut at ${cut}`);
    assert.equal(d.pendingBytes, 0);
  }
});

test('FrameDecoder › returns many frames coalesced in one chunk, in order', () => {
  const payloads = Array.from({ length: 50 }, (_, i) => frame(i + 1, i));
  const d = new FrameDecoder(1024);
  assert.deepEqual(d.push(concat(payloads.map(lengthPrefixed))), payloads);
});

test('FrameDecoder › byte-at-a-time input yields the frame only when complete', () => {
  const d = new FrameDecoder(1024);
  const bytes = lengthPrefixed(frame(5));
  for (let i = 0; i < bytes.length - 1; i++) assert.deepEqual(d.push(bytes.subarray(i, i + 1)), []);
  assert.deepEqual(d.push(bytes.subarray(bytes.length - 1)), [frame(5)]);
});

test('FrameDecoder › rejects an oversize length prefix before any body arrives', () => {
  const d = new FrameDecoder(100);
  assert.throws(() => d.push(new Uint8Array([0, 0, 0, 101])), (e: unknown) => e instanceof ParleyError && e.code === ErrorCode.FRAME_TOO_LARGE);
  const huge = new FrameDecoder(100);
  assert.throws(() => huge.push(new Uint8Array([0xff, 0xff, 0xff, 0xff])), { code: ErrorCode.FRAME_TOO_LARGE });
});

test('FrameDecoder › accepts a frame of exactly the maximum size', () => {
  const d = new FrameDecoder(100);
  assert.deepEqual(d.push(lengthPrefixed(frame(100))), [frame(100)]);
});

test('FrameDecoder › rejects a zero-length frame as BAD_FRAME', () => {
  assert.throws(() => new FrameDecoder(100).push(new Uint8Array([0, 0, 0, 0])), { code: ErrorCode.BAD_FRAME });
});

test('FrameDecoder › holds at most one partial frame', () => {
  const d = new FrameDecoder(1000);
  d.push(lengthPrefixed(frame(900)).subarray(0, 500));
  assert.equal(d.pendingBytes, 496);
});

test('FrameDecoder › random frames split at random points come back unchanged (seeded)', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 100; round++) {
    const payloads = Array.from({ length: 1 + Math.floor(random() * 20) }, () => {
      const p = new Uint8Array(1 + Math.floor(random() * 600));
      for (let i = 0; i < p.length; i++) p[i] = Math.floor(random() * 256);
      return p;
    });
    const stream = concat(payloads.map(lengthPrefixed));
    const d = new FrameDecoder(600);
    const got: Uint8Array[] = [];
    for (let at = 0; at < stream.length; ) {
      const n = 1 + Math.floor(random() * 700);
      got.push(...d.push(stream.subarray(at, at + n)));
      at += n;
    }
    assert.deepEqual(got, payloads);
  }
});

test('FrameDecoder › refuses a nonsensical limit', () => {
  assert.throws(() => new FrameDecoder(0), RangeError);
  assert.throws(() => new FrameDecoder(1.5), RangeError);
});

test('createFrameWriter › gathers a turn of frames into one write that a FrameDecoder reads back', () => {
  const written: Uint8Array[] = [];
  const deferred: (() => void)[] = [];
  const writer = createFrameWriter({ write: (c) => written.push(c) }, (fn) => deferred.push(fn));
  writer.write(frame(3));
  writer.write(frame(5));
  assert.equal(written.length, 0);
  assert.equal(deferred.length, 1, 'one deferred flush per turn');
  assert.equal(writer.gatheredBytes, 4 + 3 + 4 + 5);
  deferred.shift()!();
  assert.equal(written.length, 1, 'the turn leaves in one write');
  assert.equal(writer.gatheredBytes, 0);
  writer.write(frame(1));
  writer.flush();
  assert.equal(written.length, 2);
  deferred.shift()!(); // a flush already happened: the deferred one writes nothing
  assert.equal(written.length, 2);
  assert.deepEqual(new FrameDecoder(100).push(concat(written)), [frame(3), frame(5), frame(1)]);
});

test('createFrameWriter › a prefixed run alone leaves as the very same buffer; mixed with frames, in order', () => {
  const written: Uint8Array[] = [];
  const deferred: (() => void)[] = [];
  const writer = createFrameWriter({ write: (c) => written.push(c) }, (fn) => deferred.push(fn));
  const run = lengthPrefixedAll([frame(2), frame(4)]);
  assert.equal(run.length, 4 + 2 + 4 + 4);
  writer.writePrefixed(run);
  assert.equal(writer.gatheredBytes, run.length);
  deferred.shift()!();
  assert.equal(written[0], run, 'no copy');
  writer.write(frame(1));
  writer.writePrefixed(run);
  writer.write(frame(3));
  assert.equal(deferred.length, 1);
  deferred.shift()!();
  assert.equal(written.length, 2);
  assert.deepEqual(new FrameDecoder(100).push(concat(written)), [frame(2), frame(4), frame(1), frame(2), frame(4), frame(3)]);
});
