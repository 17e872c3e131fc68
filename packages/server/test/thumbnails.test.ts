/**
 * Thumbnailer: every fixture is made here, by sharp itself or byte by byte, so
 * the test states exactly what each image holds.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { tempDir, WAIT_MS, waitUntil, withDeadline } from '@parley/testkit';
import { planThumbnails, Thumbnailer, type ThumbnailInput, type ThumbnailResult } from '../src/media/thumbnails.ts';

type Rgb = [number, number, number];
const RED: Rgb = [255, 0, 0];
const BLUE: Rgb = [0, 0, 255];

/** Raw RGB pixels: `color(x, y)` for each. */
function pixels(width: number, height: number, color: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(color(x, y), (y * width + x) * 3);
  return raw;
}

/** The channels of pixel (x, y) of an encoded image (page `page` of an animated one). */
async function pixelAt(image: Buffer, x: number, y: number, page = 0): Promise<number[]> {
  const { data, info } = await sharp(image, { page }).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + info.channels)];
}

function near(actual: number[], expected: number[], what: string): void {
  const ok = expected.every((v, i) => Math.abs((actual[i] ?? -999) - v) <= 24);
  assert.ok(ok, `${what}: expected about ${expected.join(',')}, got ${actual.join(',')}`);
}

/** `make`, bounded: a hang fails the test instead of the run. */
function make(thumbnailer: Thumbnailer, input: ThumbnailInput, what: string): Promise<ThumbnailResult> {
  return withDeadline(thumbnailer.make(input), `thumbnails of ${what}`);
}

function assertFailure(result: ThumbnailResult, reason: string, what: string): void {
  assert.equal(result.ok, false, `${what} should fail`);
  if (!result.ok) {
    assert.equal(result.reason, reason, `${what}: ${result.message}`);
    assert.ok(result.message.length > 0);
  }
}

function assertOk(result: ThumbnailResult): asserts result is Extract<ThumbnailResult, { ok: true }> {
  assert.ok(result.ok, result.ok ? '' : `${result.reason}: ${result.message}`);
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let crc = -1;
  for (const b of body) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE((crc ^ -1) >>> 0, 8 + data.length);
  return out;
}

/** A valid PNG header claiming `width` × `height` RGB pixels, with one row of data: a few hundred bytes. */
function pngBomb(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(width * 3 + 1))), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A GIF of `frames` frames, each `side` × `side` and empty (a clear code, then the end code): under 30 bytes a frame. */
function gifBomb(side: number, frames: number): Buffer {
  const le = (n: number) => [n & 0xff, n >> 8];
  const frame = [0x21, 0xf9, 0x04, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x2c, 0, 0, 0, 0, ...le(side), ...le(side), 0x00, 0x02, 0x01, 0x2c, 0x00];
  return Buffer.concat([
    Buffer.from('GIF89a', 'latin1'),
    Buffer.from([...le(side), ...le(side), 0x80, 0, 0, 0, 0, 0, 255, 255, 255]),
    Buffer.from([0x21, 0xff, 0x0b]),
    Buffer.from('NETSCAPE2.0', 'latin1'),
    Buffer.from([3, 1, 0, 0, 0]),
    Buffer.from(Array.from({ length: frames }, () => frame).flat()),
    Buffer.from([0x3b]),
  ]);
}

test('Thumbnailer › applies EXIF orientation 6: upright thumbnails, displayed width and height', async () => {
  // Stored 320 × 160 with a red square at the stored top left; orientation 6 says
  // "rotate 90° clockwise to display", so it is shown 160 × 320, red at the top right.
  const stored = pixels(320, 160, (x, y) => (x < 80 && y < 80 ? RED : BLUE));
  const jpeg = await sharp(stored, { raw: { width: 320, height: 160, channels: 3 } }).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
  assert.equal((await sharp(jpeg).metadata()).orientation, 6);

  const thumbnailer = new Thumbnailer({ sizes: [64, 640] });
  const result = await make(thumbnailer, jpeg, 'a rotated JPEG');
  assertOk(result);
  assert.deepEqual([result.format, result.width, result.height, result.animated, result.frames], ['jpeg', 160, 320, false, 1]);
  assert.deepEqual(
    result.thumbnails.map((t) => [t.size, t.width, t.height, t.mime, t.frames]),
    [
      [64, 32, 64, 'image/webp', 1],
      [640, 160, 320, 'image/webp', 1], // own size: not upscaled to 640
    ],
  );
  for (const t of result.thumbnails) {
    const meta = await sharp(t.bytes).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', t.width, t.height]);
    assert.equal(meta.orientation, undefined, 'the orientation is applied, not carried');
    assert.equal(meta.exif, undefined, 'EXIF is stripped');
    near(await pixelAt(t.bytes, t.width - 4, 3), RED, `top right of the ${t.size} thumbnail`);
    near(await pixelAt(t.bytes, 3, 3), BLUE, `top left of the ${t.size} thumbnail`);
    near(await pixelAt(t.bytes, t.width - 4, t.height - 4), BLUE, `bottom right of the ${t.size} thumbnail`);
  }
});

test('Thumbnailer › keeps the alpha of a PNG with transparency', async () => {
  // 200 × 100: the left half fully transparent, the right half opaque green.
  const raw = Buffer.alloc(200 * 100 * 4);
  for (let y = 0; y < 100; y++) for (let x = 0; x < 200; x++) raw.set(x < 100 ? [0, 0, 0, 0] : [0, 200, 0, 255], (y * 200 + x) * 4);
  const png = await sharp(raw, { raw: { width: 200, height: 100, channels: 4 } }).png().toBuffer();

  const result = await make(new Thumbnailer({ sizes: [80, 640] }), png, 'a transparent PNG');
  assertOk(result);
  assert.deepEqual([result.format, result.width, result.height], ['png', 200, 100]);
  assert.deepEqual(result.thumbnails.map((t) => [t.size, t.width, t.height]), [[80, 80, 40], [640, 200, 100]]);
  for (const t of result.thumbnails) {
    assert.equal((await sharp(t.bytes).metadata()).hasAlpha, true);
    assert.equal((await pixelAt(t.bytes, 2, t.height / 2))[3], 0, 'the left is transparent');
    near(await pixelAt(t.bytes, t.width - 3, t.height / 2), [0, 200, 0, 255], 'the right is opaque green');
  }
});

test('Thumbnailer › keeps an animated GIF or WebP animated: same frames, delays and loop', async () => {
  const colors: Rgb[] = [RED, [0, 255, 0], BLUE, [255, 255, 0]];
  const frames = Buffer.concat(colors.map((c) => pixels(200, 120, () => c)));
  const strip = () => sharp(frames, { raw: { width: 200, height: 120 * colors.length, channels: 3, pageHeight: 120 } });
  const gif = await strip().gif({ delay: [100, 200, 300, 400], loop: 0 }).toBuffer();
  const webp = await strip().webp({ delay: [100, 200, 300, 400], loop: 0, lossless: true }).toBuffer();

  const thumbnailer = new Thumbnailer({ sizes: [64, 160] });
  for (const [format, image] of [['gif', gif], ['webp', webp]] as const) {
    const result = await make(thumbnailer, image, `an animated ${format}`);
    assertOk(result);
    assert.deepEqual([result.format, result.width, result.height, result.animated, result.frames], [format, 200, 120, true, 4]);
    assert.deepEqual(result.thumbnails.map((t) => [t.size, t.width, t.height, t.frames]), [[64, 64, 38, 4], [160, 160, 96, 4]]);
    for (const t of result.thumbnails) {
      const meta = await sharp(t.bytes).metadata();
      assert.deepEqual([meta.format, meta.pages, meta.delay, meta.loop], ['webp', 4, [100, 200, 300, 400], 0]);
      for (const [page, color] of colors.entries()) near(await pixelAt(t.bytes, 5, 5, page), color, `frame ${page} of the ${t.size} thumbnail of the ${format}`);
    }
  }
});

test('Thumbnailer › never upscales: a small image gives one thumbnail at its own size', async () => {
  const small = await sharp({ create: { width: 50, height: 30, channels: 3, background: '#3366cc' } }).png().toBuffer();
  const result = await make(new Thumbnailer({ sizes: [640, 160] }), small, 'a small PNG');
  assertOk(result);
  assert.deepEqual([result.width, result.height], [50, 30]);
  assert.deepEqual(result.thumbnails.map((t) => [t.size, t.width, t.height]), [[160, 50, 30]]);

  assert.deepEqual(planThumbnails([160, 640], 100), [{ size: 160, side: 100 }]);
  assert.deepEqual(planThumbnails([160, 640], 160), [{ size: 160, side: 160 }]);
  assert.deepEqual(planThumbnails([160, 640], 300), [{ size: 160, side: 160 }, { size: 640, side: 300 }]);
  assert.deepEqual(planThumbnails([640, 160], 4000), [{ size: 160, side: 160 }, { size: 640, side: 640 }]);
});

test('Thumbnailer › refuses decompression bombs from their header, without decoding', async () => {
  const thumbnailer = new Thumbnailer({ sizes: [160, 640], maxInputPixels: 100_000_000 });
  const png = pngBomb(50_000, 50_000);
  assert.ok(png.length < 1024, `the bomb is ${png.length} bytes`);
  const result = await make(thumbnailer, png, 'a 50,000 × 50,000 PNG');
  assertFailure(result, 'too-many-pixels', 'a 50,000 × 50,000 PNG');
  assert.match(result.ok ? '' : result.message, /50000 × 50000 is 2500000000 pixels/);

  // Each frame is under the limit (9 MP); all 20 together are not.
  const gif = gifBomb(3000, 20);
  assert.ok(gif.length < 1024, `the bomb is ${gif.length} bytes`);
  const animated = await make(thumbnailer, gif, 'a GIF of 20 frames of 3000 × 3000');
  assertFailure(animated, 'too-many-pixels', 'a GIF of 20 frames of 3000 × 3000');
  assert.match(animated.ok ? '' : animated.message, /3000 × 3000 × 20 frames/);

  // The same from a file on disk.
  const file = join(tempDir(), 'bomb.png');
  writeFileSync(file, png);
  assertFailure(await make(thumbnailer, file, 'a PNG bomb on disk'), 'too-many-pixels', 'a PNG bomb on disk');
});

test('Thumbnailer › reports bad input as a failure, never a throw', async () => {
  const thumbnailer = new Thumbnailer({ sizes: [160] });
  const dir = tempDir();
  const jpeg = await sharp(pixels(400, 300, (x) => (x < 200 ? RED : BLUE)), { raw: { width: 400, height: 300, channels: 3 } }).jpeg().toBuffer();
  const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
  const textPng = join(dir, 'notes.png');
  writeFileSync(textPng, 'this is not a picture\n');
  const emptyFile = join(dir, 'empty.jpg');
  writeFileSync(emptyFile, '');
  const truncatedFile = join(dir, 'cut.jpg');
  writeFileSync(truncatedFile, truncated);
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');

  const cases: [string, ThumbnailInput, string][] = [
    ['a truncated JPEG', truncated, 'corrupt'],
    ['a truncated JPEG on disk', truncatedFile, 'corrupt'],
    ['a truncated JPEG as a stream', Readable.from([truncated]), 'corrupt'],
    ['a text file named .png', textPng, 'not-an-image'],
    ['text bytes', Buffer.from('hello\n'), 'not-an-image'],
    ['zero bytes', Buffer.alloc(0), 'not-an-image'],
    ['an empty Uint8Array', new Uint8Array(0), 'not-an-image'],
    ['an empty file', emptyFile, 'not-an-image'],
    ['an empty stream', Readable.from([]), 'not-an-image'],
    ['an SVG (a loader not trusted with hostile input)', svg, 'not-an-image'],
    ['a missing file', join(dir, 'nothing-here.jpg'), 'unreadable'],
    ['a directory', dir, 'unreadable'],
    ['a stream that errors', Readable.from((async function* () { yield jpeg.subarray(0, 100); throw new Error('connection reset'); })()), 'unreadable'],
    ['a stream of strings', Readable.from(['not', 'bytes'], { objectMode: true }), 'unreadable'],
    ['a number', 42 as unknown as ThumbnailInput, 'unreadable'],
    ['null', null as unknown as ThumbnailInput, 'unreadable'],
  ];
  for (const [what, input, reason] of cases) assertFailure(await make(thumbnailer, input, what), reason, what);

  // The good image still works after all that, from bytes, a file and a stream alike.
  const good = join(dir, 'good.jpg');
  writeFileSync(good, jpeg);
  for (const input of [jpeg, good, Readable.from([jpeg.subarray(0, 1000), jpeg.subarray(1000)])]) {
    const result = await make(thumbnailer, input, 'a good JPEG');
    assertOk(result);
    assert.deepEqual(result.thumbnails.map((t) => [t.width, t.height]), [[160, 120]]);
  }
});

test('Thumbnailer › bounds input bytes and time: too large, a stalled stream, a full queue', async () => {
  const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#808080' } }).jpeg().toBuffer();
  const small = new Thumbnailer({ sizes: [160], maxInputBytes: 100 });
  assertFailure(await make(small, jpeg, 'bytes over the limit'), 'too-large', 'bytes over the limit');
  const endless = new Readable({ read() { this.push(Buffer.alloc(64)); } });
  assertFailure(await make(small, endless, 'an endless stream'), 'too-large', 'an endless stream');
  assert.equal(endless.destroyed, true, 'the stream is not read further');

  // A stream that never ends: the answer comes at the deadline, and the stream is destroyed.
  const quick = new Thumbnailer({ sizes: [160], timeoutMs: 200, jobs: 1, maxQueued: 0 });
  const stalled = new Readable({ read() {} });
  stalled.push(jpeg.subarray(0, 10));
  const pending = make(quick, stalled, 'a stalled stream');
  // One job at a time and no queue: a second call meanwhile is refused at once.
  assertFailure(await make(quick, jpeg, 'a call while busy'), 'busy', 'a call while busy');
  assertFailure(await pending, 'timeout', 'a stalled stream');
  assert.equal(stalled.destroyed, true);
  // The turn is given back once the abandoned job has stopped: the next call is served.
  await waitUntil(() => quick.stats.running === 0, WAIT_MS, 'the timed-out job to give its turn back');
  const after = await make(quick, jpeg, 'a call after the timeout');
  // Served, not refused (whether 200 ms suffice for it on this machine is not the point).
  assert.ok(after.ok || after.reason !== 'busy', 'the call after the timeout is served');

  // Calls beyond `jobs` wait their turn and are all served.
  const queued = new Thumbnailer({ sizes: [64], jobs: 1, maxQueued: 10 });
  const calls = Array.from({ length: 5 }, () => queued.make(jpeg));
  assert.deepEqual(queued.stats, { running: 1, queued: 4 });
  const running: number[] = [];
  for (const call of calls) void call.then(() => running.push(queued.stats.running));
  const results = await withDeadline(Promise.all(calls), 'five queued calls');
  assert.deepEqual(results.map((r) => r.ok), [true, true, true, true, true]);
  assert.ok(running.every((n) => n <= 1), `never more than one job at once: ${running.join(',')}`);
  assert.deepEqual(queued.stats, { running: 0, queued: 0 });
});

test('Thumbnailer › rejects bad options when made (a start-up error)', () => {
  assert.throws(() => new Thumbnailer({ sizes: [] }), /sizes/);
  assert.throws(() => new Thumbnailer({ sizes: [160, 160] }), /repeat/);
  assert.throws(() => new Thumbnailer({ sizes: [0] }), /size/);
  assert.throws(() => new Thumbnailer({ sizes: [1.5] }), /size/);
  assert.throws(() => new Thumbnailer({ maxInputPixels: 0 }), /maxInputPixels/);
  assert.throws(() => new Thumbnailer({ timeoutMs: -1 }), /timeoutMs/);
  assert.throws(() => new Thumbnailer({ jobs: 0 }), /jobs/);
});
