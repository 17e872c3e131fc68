/**
 * What a file's name and type may be: names as clients send them are hostile
 * until made safe (path separators, `..`, control and bidirectional-override
 * characters, absurd lengths), and a claimed type is believed only when its
 * content agrees for the types whose signature we know (a "PNG" that is not one
 * is stored as application/octet-stream). Pure functions, no I/O.
 */

/** The type of content we cannot vouch for. */
export const OCTET_STREAM = 'application/octet-stream';

/** Longest stored file name, in UTF-8 bytes (a common filesystem limit). */
export const MAX_NAME_BYTES = 255;

/** The name a file gets when its own is empty or nothing of it survives. */
const FALLBACK_NAME = 'file';

/**
 * C0 and C1 controls and DEL; bidirectional formatting (LRM, RLM, ALM, the
 * embeddings, overrides and isolates), which can make `gpj.exe` look like
 * `exe.jpg`; zero-width and other invisible format characters; the BOM.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/gu;

/** Names Windows reserves for devices, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A file name safe to store and to show: one path segment (separators become
 * `_`), no control, bidirectional-override or invisible characters, well-formed
 * Unicode in NFC, no leading or trailing dots or spaces (so never `.`, `..` or a
 * hidden file), not a Windows device name, at most MAX_NAME_BYTES bytes of UTF-8
 * (cut before the extension, which is kept). Empty after all that: `file`.
 */
export function sanitizeFileName(raw: string): string {
  let name = raw.toWellFormed().normalize('NFC').replace(UNSAFE, '').replace(/[/\\]/g, '_');
  name = name.replace(/^[\s.]+|[\s.]+$/gu, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name === '') return FALLBACK_NAME;
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const stem = truncateUtf8(name.slice(0, name.length - ext.length), MAX_NAME_BYTES - Buffer.byteLength(ext));
  return (stem.replace(/[\s.]+$/u, '') || FALLBACK_NAME) + ext;
}

/** The longest prefix of `text` (whole code points) that fits in `bytes` bytes of UTF-8. */
function truncateUtf8(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (used + size > bytes) break;
    out += ch;
    used += size;
  }
  return out;
}

/** type/subtype of RFC 6838's restricted-name characters. */
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/**
 * A claimed MIME type as it is stored: lowercase `type/subtype` without
 * parameters; anything that is not one is application/octet-stream.
 */
export function normalizeMime(raw: string): string {
  const type = raw.split(';', 1)[0]!.trim().toLowerCase();
  return MIME.test(type) ? type : OCTET_STREAM;
}

/** How many leading bytes of a file `sniff` looks at. */
export const SNIFF_BYTES = 64;

const ascii = (head: Uint8Array, at: number, text: string) => Buffer.from(head.subarray(at, at + text.length)).toString('latin1') === text;
const bytes = (head: Uint8Array, at: number, values: number[]) => values.every((v, i) => head[at + i] === v);

/** Whether `head` starts like a file of that kind. */
type Signature = (head: Uint8Array) => boolean;

const PNG: Signature = (h) => bytes(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG: Signature = (h) => bytes(h, 0, [0xff, 0xd8, 0xff]);
const GIF: Signature = (h) => ascii(h, 0, 'GIF87a') || ascii(h, 0, 'GIF89a');
const WEBP: Signature = (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WEBP');
const BMP: Signature = (h) => ascii(h, 0, 'BM');
const TIFF: Signature = (h) => bytes(h, 0, [0x49, 0x49, 0x2a, 0x00]) || bytes(h, 0, [0x4d, 0x4d, 0x00, 0x2a]);
const PDF: Signature = (h) => ascii(h, 0, '%PDF-');
const ZIP: Signature = (h) => bytes(h, 0, [0x50, 0x4b, 0x03, 0x04]) || bytes(h, 0, [0x50, 0x4b, 0x05, 0x06]);
const GZIP: Signature = (h) => bytes(h, 0, [0x1f, 0x8b]);
const WAV: Signature = (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WAVE');
const OGG: Signature = (h) => ascii(h, 0, 'OggS');
const FLAC: Signature = (h) => ascii(h, 0, 'fLaC');
const MP3: Signature = (h) => ascii(h, 0, 'ID3') || (h[0] === 0xff && ((h[1] ?? 0) & 0xe0) === 0xe0);
/** ISO base media (MP4, M4A, QuickTime, 3GP): a box of type `ftyp` first. */
const ISO_MEDIA: Signature = (h) => ascii(h, 4, 'ftyp');
/** EBML (WebM, Matroska). */
const EBML: Signature = (h) => bytes(h, 0, [0x1a, 0x45, 0xdf, 0xa3]);

/** The types whose content we can check, and their signatures. */
const SIGNATURES: Record<string, Signature> = {
  'image/png': PNG,
  'image/apng': PNG,
  'image/jpeg': JPEG,
  'image/gif': GIF,
  'image/webp': WEBP,
  'image/bmp': BMP,
  'image/tiff': TIFF,
  'application/pdf': PDF,
  'application/zip': ZIP,
  'application/gzip': GZIP,
  'audio/wav': WAV,
  'audio/wave': WAV,
  'audio/x-wav': WAV,
  'audio/ogg': OGG,
  'audio/opus': OGG,
  'video/ogg': OGG,
  'application/ogg': OGG,
  'audio/flac': FLAC,
  'audio/mpeg': MP3,
  'audio/mp4': ISO_MEDIA,
  'audio/x-m4a': ISO_MEDIA,
  'audio/aac': (h) => ISO_MEDIA(h) || (h[0] === 0xff && ((h[1] ?? 0) & 0xf6) === 0xf0),
  'video/mp4': ISO_MEDIA,
  'video/quicktime': ISO_MEDIA,
  'video/3gpp': ISO_MEDIA,
  'video/webm': EBML,
  'audio/webm': EBML,
  'video/x-matroska': EBML,
};

/**
 * The type a file is stored with: its claimed type (normalized), unless that is
 * a type whose signature we know and `head` (the file's first SNIFF_BYTES bytes)
 * does not have it — then application/octet-stream. A type we cannot check is
 * kept as claimed; downloads never render it inline unless it is on the
 * inline allow-list (http/media-routes.ts).
 */
export function checkedMime(claimed: string, head: Uint8Array): string {
  const type = normalizeMime(claimed);
  const signature = SIGNATURES[type];
  return signature && !signature(head) ? OCTET_STREAM : type;
}
