/**
 * Thumbnails of uploaded images, made with sharp (libvips). The media layer calls
 * this once an image upload is complete and stores what it gets back; a failure
 * here costs the message its preview, never the upload.
 *
 * API
 * ```ts
 * const thumbnailer = new Thumbnailer({
 *   sizes: config.thumbnailSizes,                    // [160, 640]: longest side, px
 *   maxInputPixels: config.thumbnailMaxInputPixels,  // 100 MP
 *   maxInputBytes: config.thumbnailMaxInputBytes,    // 64 MiB
 *   timeoutMs: config.thumbnailTimeoutMs,            // 15 s
 *   jobs: config.thumbnailJobs,                      // 1 at a time
 * });
 * const result = await thumbnailer.make(input);  // a file path, bytes, or a stream (blobStore.read(key))
 * if (result.ok) {
 *   // result.width, result.height: the original as displayed (EXIF orientation applied)
 *   // result.format ('jpeg', 'png', …), result.animated, result.frames
 *   for (const t of result.thumbnails) store(t.size, t.mime, t.width, t.height, t.bytes);
 * } else {
 *   log(result.reason, result.message); // 'not-an-image', 'too-many-pixels', 'corrupt', …
 * }
 * ```
 * `make` never rejects and never throws: every bad input (not an image, empty,
 * truncated, a decompression bomb, an unsupported format, a stream that errors or
 * stalls) comes back as `{ ok: false, reason, message }`. A stream passed in is
 * read to its end or destroyed. A stream (the BlobStore port's `read(key)`) or
 * bytes are held in memory whole, at most `maxInputBytes` of them (sharp itself
 * buffers a stream whole too); given a file path, libvips reads the file itself.
 *
 * What comes out
 * - One thumbnail per preset size, the image scaled to fit a square of that side,
 *   aspect kept. Never upscaled: presets smaller than the image's longest side
 *   give a thumbnail of that size; the first preset at least as large as the image
 *   gives a thumbnail at the image's own size (still useful: it is upright, small,
 *   stripped of metadata and in a format every client decodes, which the original
 *   may not be); larger presets give nothing, as they would be the same picture.
 *   So every image gets at least one thumbnail, `thumbnails` is in ascending
 *   order, and a client that wants side S takes the first with `size >= S`, or
 *   the last.
 * - WebP, always (`image/webp`, lossy, quality 80): one format covers photos
 *   (smaller than JPEG at the same quality), transparency (alpha kept, where JPEG
 *   has none and PNG is several times larger for photos) and animation (where the
 *   alternative, GIF, has 256 colours and 1-bit alpha). Every current browser,
 *   Android and iOS (14+) decodes it.
 * - EXIF orientation applied; EXIF, GPS, XMP and ICC data stripped (colours are
 *   converted to sRGB first), so a thumbnail never leaks where a photo was taken.
 * - An animated GIF or WebP gives animated WebP thumbnails with the same frames,
 *   delays and loop count. Other multi-page images (TIFF) give their first page.
 *
 * Bounds (why a bad file cannot hurt the server)
 * - Only JPEG, PNG, WebP, GIF, TIFF and AVIF are decoded. Every other libvips
 *   loader (SVG, and the exotic formats libvips would sniff in a file) is blocked
 *   process-wide, so hostile bytes never reach their parsers.
 * - The pixel count (width × height × frames) is read from the header and checked
 *   against `maxInputPixels` before anything is decoded: a 50,000 × 50,000 PNG of a
 *   few hundred bytes is refused in milliseconds. sharp's `limitInputPixels` checks
 *   the same again when the pixels are loaded.
 * - At most `maxInputBytes` are read from a stream or buffer (a larger file is
 *   refused, and a stream is not read further).
 * - Each call is bounded by `timeoutMs`: the answer comes by then, and libvips
 *   stops its work within a second or two more (sharp's own timeout, in whole
 *   seconds). A stream that stalls is abandoned and destroyed at the deadline.
 * - At most `jobs` images are processed at once, each on one libvips thread (so
 *   one core) plus one libuv pool thread; up to `maxQueued` more wait, and past
 *   that a call is refused as 'busy' at once. Keep `jobs` below the libuv pool
 *   size (UV_THREADPOOL_SIZE, 4 by default), or file I/O (the blob store's
 *   appends and fsyncs) waits behind thumbnails. libvips' operation cache is off:
 *   each image is seen once, and a cache would only hold memory and open files.
 * The libvips settings (cache, threads, blocked loaders) are process-wide; a
 * Thumbnailer applies them when made. The decoders are native code running in
 * this process: these bounds stop bombs and slow files, not a memory-safety bug in
 * a decoder (keep sharp up to date; a child process would be the next step).
 *
 * To support another input format: add it to DECODED_FORMATS and its libvips
 * loader class to LOADERS, and test a sample of it.
 */
import { stat } from 'node:fs/promises';
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';

export interface ThumbnailOptions {
  /** Longest side of each thumbnail, in px (each 1..8192, no repeats; sorted here). */
  sizes: readonly number[];
  /** Images with more pixels than this (width × height × frames) are refused. */
  maxInputPixels: number;
  /** Inputs longer than this many bytes are refused. */
  maxInputBytes: number;
  /** A call answers within this many ms (queue wait not counted). */
  timeoutMs: number;
  /** Images processed at once. */
  jobs: number;
  /** Calls that may wait for a free job; past that a call answers 'busy'. */
  maxQueued: number;
}

export const defaultThumbnailOptions: ThumbnailOptions = {
  sizes: [160, 640],
  maxInputPixels: 100_000_000,
  maxInputBytes: 64 * 1024 * 1024,
  timeoutMs: 15_000,
  jobs: 1,
  maxQueued: 256,
};

/**
 * An image: a file path, its bytes, or a stream of them (a Node Readable, such as
 * `BlobStore.read`'s, or any async iterable of byte chunks).
 */
export type ThumbnailInput = string | Uint8Array | AsyncIterable<Uint8Array>;

export interface Thumbnail {
  /** The preset this thumbnail answers (one of `sizes`). */
  size: number;
  /** Pixels, of one frame; at most `size` on the longer side, less if the image is smaller. */
  width: number;
  height: number;
  mime: 'image/webp';
  /** Frames: 1 unless the image is animated. */
  frames: number;
  bytes: Buffer;
}

/** The original image, as the message describes it. */
export interface ImageInfo {
  /** Its format, as libvips names it: 'jpeg', 'png', 'webp', 'gif', 'tiff' or 'heif' (AVIF). */
  format: string;
  /** As displayed: after EXIF orientation (a portrait photo stored sideways is taller than wide); of one frame. */
  width: number;
  height: number;
  animated: boolean;
  frames: number;
}

export type ThumbnailFailureReason =
  /** Empty, or bytes that are none of the formats decoded (text, SVG, PDF, …). */
  | 'not-an-image'
  /** A recognised container whose coding is not decoded here (HEIC, i.e. HEVC in HEIF). */
  | 'unsupported-format'
  /** The format is known but the data is bad: truncated, invalid. */
  | 'corrupt'
  /** More pixels than `maxInputPixels` (a decompression bomb, or just too big). */
  | 'too-many-pixels'
  /** More bytes than `maxInputBytes`. */
  | 'too-large'
  /** Not done within `timeoutMs`. */
  | 'timeout'
  /** `jobs` running and `maxQueued` waiting already. */
  | 'busy'
  /** The file or stream could not be read. */
  | 'unreadable'
  /** Anything else (a bug, or libvips out of memory); `message` says what. */
  | 'failed';

export type ThumbnailResult =
  | ({ ok: true; thumbnails: Thumbnail[] } & ImageInfo)
  | { ok: false; reason: ThumbnailFailureReason; message: string };

/** libvips' names of the formats decoded. */
const DECODED_FORMATS: ReadonlySet<string> = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif']);
/** The libvips loader classes left unblocked (each covers its file, buffer and source loaders). */
const LOADERS = [
  'VipsForeignLoadJpeg',
  'VipsForeignLoadPng',
  'VipsForeignLoadWebp',
  'VipsForeignLoadGif',
  'VipsForeignLoadNsgif',
  'VipsForeignLoadTiff',
  'VipsForeignLoadHeif',
];
/** WebP quality of every thumbnail (sharp's default too; alpha is kept lossless). */
const WEBP_QUALITY = 80;
const MAX_SIZE = 8192;

class Failure extends Error {
  constructor(readonly reason: ThumbnailFailureReason, message: string) {
    super(message);
  }
}

/** Check options; a bad one is a start-up error (RangeError), not a per-image failure. */
function checkOptions(o: ThumbnailOptions): ThumbnailOptions {
  const integer = (name: keyof ThumbnailOptions, min: number) => {
    const v = o[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new RangeError(`thumbnails: ${name} must be an integer >= ${min}, got ${String(v)}`);
  };
  if (!Array.isArray(o.sizes) || o.sizes.length === 0) throw new RangeError('thumbnails: sizes must list at least one size');
  for (const s of o.sizes) {
    if (!Number.isInteger(s) || s < 1 || s > MAX_SIZE) throw new RangeError(`thumbnails: each size must be an integer from 1 to ${MAX_SIZE}, got ${s}`);
  }
  if (new Set(o.sizes).size !== o.sizes.length) throw new RangeError('thumbnails: sizes must not repeat');
  integer('maxInputPixels', 1);
  integer('maxInputBytes', 1);
  integer('timeoutMs', 1);
  integer('jobs', 1);
  integer('maxQueued', 0);
  return { ...o, sizes: [...o.sizes].sort((a, b) => a - b) };
}

let libvipsConfigured = false;

/** The process-wide libvips settings: no operation cache, one thread per image, only our loaders. */
function configureLibvips(): void {
  if (libvipsConfigured) return;
  sharp.cache(false);
  sharp.concurrency(1);
  sharp.block({ operation: ['VipsForeignLoad'] });
  sharp.unblock({ operation: LOADERS });
  libvipsConfigured = true;
}

/** Which thumbnails an image whose displayed longest side is `longest` gets: [preset, side] pairs. */
export function planThumbnails(sizes: readonly number[], longest: number): { size: number; side: number }[] {
  const plan: { size: number; side: number }[] = [];
  for (const size of [...sizes].sort((a, b) => a - b)) {
    if (longest > size) {
      plan.push({ size, side: size });
    } else {
      plan.push({ size, side: longest });
      break;
    }
  }
  return plan;
}

export class Thumbnailer {
  readonly options: ThumbnailOptions;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(options: Partial<ThumbnailOptions> = {}) {
    this.options = checkOptions({ ...defaultThumbnailOptions, ...options });
    configureLibvips();
  }

  /** Images being processed, and calls waiting for a turn (for metrics). */
  get stats(): { running: number; queued: number } {
    return { running: this.#running, queued: this.#waiting.length };
  }

  /** Thumbnails and metadata of an image; never rejects (see the top of this file). */
  async make(input: ThumbnailInput): Promise<ThumbnailResult> {
    try {
      if (this.#running >= this.options.jobs) {
        if (this.#waiting.length >= this.options.maxQueued) {
          destroyStream(input);
          return failure('busy', `thumbnailer busy: ${this.#running} running, ${this.#waiting.length} waiting`);
        }
        // The job that ends hands its turn over directly (see below): #running stays.
        await new Promise<void>((resolve) => this.#waiting.push(resolve));
      } else {
        this.#running++;
      }
      // The deadline answers the caller; the job keeps its turn until it has really
      // stopped (libvips' own timeout ends it soon after), so work never piles up.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
      const job = this.#process(input, controller.signal)
        .catch((err: unknown) => failure('failed', String(err)))
        .finally(() => {
          clearTimeout(timer);
          const next = this.#waiting.shift();
          if (next) next();
          else this.#running--;
        });
      return await Promise.race([job, untilAborted(controller.signal).then(() => timedOut(this.options.timeoutMs))]);
    } catch (err) {
      return failure('failed', `thumbnails: ${(err as Error)?.message ?? String(err)}`);
    }
  }

  async #process(input: ThumbnailInput, signal: AbortSignal): Promise<ThumbnailResult> {
    const deadline = performance.now() + this.options.timeoutMs;
    try {
      const source = await readInput(input, this.options.maxInputBytes, signal);
      const base: SharpOptions = { limitInputPixels: this.options.maxInputPixels, failOn: 'error', autoOrient: true };
      const meta = await sharp(source, { ...base, limitInputPixels: false }).metadata();
      const info = describe(meta, this.options.maxInputPixels);
      const longest = Math.max(info.width, info.height);
      const thumbnails: Thumbnail[] = [];
      for (const { size, side } of planThumbnails(this.options.sizes, longest)) {
        if (signal.aborted) throw timedOutFailure(this.options.timeoutMs);
        const seconds = Math.max(1, Math.ceil((deadline - performance.now()) / 1000));
        const pipeline: Sharp = sharp(source, { ...base, animated: info.animated })
          .timeout({ seconds })
          .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: WEBP_QUALITY });
        const { data, info: out } = await pipeline.toBuffer({ resolveWithObject: true });
        const frames = out.pages ?? 1;
        thumbnails.push({ size, width: out.width, height: frames > 1 ? (out.pageHeight ?? out.height / frames) : out.height, mime: 'image/webp', frames, bytes: data });
      }
      return { ok: true, ...info, thumbnails };
    } catch (err) {
      return classify(err, signal, this.options);
    }
  }
}

/** The image's displayed size and frames from its header; refuses what is not to be decoded. */
function describe(meta: Metadata, maxInputPixels: number): ImageInfo {
  if (!DECODED_FORMATS.has(meta.format)) throw new Failure('not-an-image', `${meta.format} images are not thumbnailed`);
  if (meta.format === 'heif' && meta.compression !== 'av1') throw new Failure('unsupported-format', `HEIF with ${meta.compression ?? 'unknown'} coding (HEIC) is not decoded; AVIF is`);
  const pages = meta.pages ?? 1;
  const animated = pages > 1 && (meta.format === 'gif' || meta.format === 'webp');
  const frameHeight = meta.pageHeight ?? meta.height;
  const pixels = meta.width * frameHeight * (animated ? pages : 1);
  if (!(pixels <= maxInputPixels)) {
    const frames = animated ? ` × ${pages} frames` : '';
    throw new Failure('too-many-pixels', `${meta.width} × ${frameHeight}${frames} is ${pixels} pixels, more than the limit of ${maxInputPixels}`);
  }
  // autoOrient holds the displayed size of one page (width and height swapped for orientations 5-8).
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? frameHeight;
  if (!(width > 0 && height > 0)) throw new Failure('corrupt', `image claims ${width} × ${height} pixels`);
  return { format: meta.format, width, height, animated, frames: animated ? pages : 1 };
}

/** The bytes or path to hand to sharp: a path as it is (libvips reads the file), anything else as one Buffer. */
async function readInput(input: ThumbnailInput, maxBytes: number, signal: AbortSignal): Promise<string | Buffer> {
  if (typeof input === 'string') {
    let size: number;
    try {
      const st = await stat(input);
      if (!st.isFile()) throw new Failure('unreadable', `${input} is not a file`);
      size = st.size;
    } catch (err) {
      if (err instanceof Failure) throw err;
      throw new Failure('unreadable', `cannot read ${input}: ${(err as Error).message}`);
    }
    if (size === 0) throw new Failure('not-an-image', 'empty file');
    if (size > maxBytes) throw new Failure('too-large', `${size} bytes, more than the limit of ${maxBytes}`);
    return input;
  }
  if (input instanceof Uint8Array) {
    if (input.byteLength === 0) throw new Failure('not-an-image', 'empty input');
    if (input.byteLength > maxBytes) throw new Failure('too-large', `${input.byteLength} bytes, more than the limit of ${maxBytes}`);
    return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  }
  if (input === null || typeof input !== 'object' || typeof (input as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] !== 'function') {
    throw new Failure('unreadable', `not a path, bytes or a stream: ${typeof input}`);
  }
  return readStream(input, maxBytes, signal);
}

/** Collect a stream, at most `maxBytes` of it, giving up (and destroying it) at the deadline. */
async function readStream(input: AsyncIterable<Uint8Array>, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const iterator = input[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  const aborted = untilAborted(signal);
  let finished = false;
  try {
    for (;;) {
      const next = iterator.next();
      next.catch(() => {}); // if the deadline wins the race, a later error of this read is nobody's
      const step = await Promise.race([next, aborted]);
      if (step === undefined) throw new Failure('timeout', 'the input stream stalled');
      if (step.done) {
        finished = true;
        break;
      }
      const chunk = step.value;
      if (!(chunk instanceof Uint8Array)) throw new Failure('unreadable', 'the input stream gave something other than bytes');
      length += chunk.byteLength;
      if (length > maxBytes) throw new Failure('too-large', `more than the limit of ${maxBytes} bytes`);
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
  } catch (err) {
    if (err instanceof Failure) throw err;
    throw new Failure('unreadable', `the input stream failed: ${(err as Error)?.message ?? String(err)}`);
  } finally {
    if (!finished) {
      destroyStream(input);
      // Ends a generator or a Readable's iterator; not awaited, as a stalled one may never answer.
      iterator.return?.()?.catch(() => {});
    }
  }
  if (length === 0) throw new Failure('not-an-image', 'empty input');
  return Buffer.concat(chunks, length);
}

function destroyStream(input: unknown): void {
  const destroy = (input as { destroy?: unknown } | null)?.destroy;
  if (typeof destroy === 'function') {
    try {
      destroy.call(input);
    } catch {
      // a stream that cannot even be destroyed is left to its owner
    }
  }
}

/** Resolves (with undefined) when `signal` aborts; never rejects. */
function untilAborted(signal: AbortSignal): Promise<undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(undefined), { once: true }));
}

function failure(reason: ThumbnailFailureReason, message: string): ThumbnailResult {
  return { ok: false, reason, message };
}

function timedOutFailure(timeoutMs: number): Failure {
  return new Failure('timeout', `not done within ${timeoutMs} ms`);
}

function timedOut(timeoutMs: number): ThumbnailResult {
  return failure('timeout', `not done within ${timeoutMs} ms`);
}

/** Turn what sharp or the input threw into a reason. */
function classify(err: unknown, signal: AbortSignal, options: ThumbnailOptions): ThumbnailResult {
  if (err instanceof Failure) return failure(err.reason, err.message);
  const message = ((err as Error)?.message ?? String(err)).split('\n')[0] ?? '';
  if (/exceeds pixel limit/i.test(message)) return failure('too-many-pixels', `more than the limit of ${options.maxInputPixels} pixels`);
  if (/^timeout/i.test(message) || signal.aborted) return timedOut(options.timeoutMs);
  if (/unsupported image format|Input Buffer is empty/i.test(message)) return failure('not-an-image', 'not an image in a format thumbnailed (JPEG, PNG, WebP, GIF, TIFF, AVIF)');
  if (/Input file is missing/i.test(message)) return failure('unreadable', message);
  if (/out of memory|memory allocation/i.test(message)) return failure('failed', message);
  // A known format (the header was read) whose data libvips could not decode.
  return failure('corrupt', message);
}
