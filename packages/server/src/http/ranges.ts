/**
 * HTTP Range requests (RFC 9110 §14) for downloads: which bytes of a
 * representation of `size` bytes a `Range` header asks for. Pure.
 */
import type { ByteRange } from '../media/blob-store.ts';

export type RangeAnswer =
  /** Send the whole representation (no Range, one we ignore, or one not of bytes). */
  | { kind: 'full' }
  /** Send these ranges (206), in the order asked, overlapping ones merged. */
  | { kind: 'partial'; ranges: ByteRange[] }
  /** None of the ranges lies within the representation (416). */
  | { kind: 'unsatisfiable' };

/** More ranges than this in one request are not served as ranges (the whole file is). */
export const MAX_RANGES = 16;

const SPEC = /^(?:(\d{1,16})-(\d{0,16})|-(\d{1,16}))$/;

/**
 * The ranges a Range header asks of `size` bytes. A header that is not a valid
 * `bytes=` range set is ignored (the whole file), as RFC 9110 allows; so is one
 * with more than MAX_RANGES ranges. Ranges past the end are dropped; if none
 * is left, the request is unsatisfiable.
 */
export function parseRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return { kind: 'full' };
  const m = /^bytes=(.+)$/i.exec(header.trim());
  if (!m) return { kind: 'full' };
  const specs = m[1]!.split(',').map((s) => s.trim());
  if (specs.length > MAX_RANGES) return { kind: 'full' };
  const ranges: ByteRange[] = [];
  for (const spec of specs) {
    const s = SPEC.exec(spec);
    if (!s) return { kind: 'full' };
    if (s[3] !== undefined) {
      const suffix = Number(s[3]);
      if (suffix > 0 && size > 0) ranges.push({ start: Math.max(0, size - suffix), end: size - 1 });
      continue;
    }
    const start = Number(s[1]);
    const end = s[2] === '' ? Infinity : Number(s[2]);
    if (end < start) return { kind: 'full' }; // invalid: the whole header is ignored
    if (start < size) ranges.push({ start, end: Math.min(end, size - 1) });
  }
  if (ranges.length === 0) return { kind: 'unsatisfiable' };
  return { kind: 'partial', ranges: merged(ranges) };
}

/** Ranges in the order asked, with any that overlap or touch another merged into the first of them. */
function merged(ranges: ByteRange[]): ByteRange[] {
  const out: ByteRange[] = [];
  for (const r of ranges) {
    const overlapping = out.find((o) => r.start <= o.end + 1 && o.start <= r.end + 1);
    if (overlapping) {
      overlapping.start = Math.min(overlapping.start, r.start);
      overlapping.end = Math.max(overlapping.end, r.end);
    } else {
      out.push({ ...r });
    }
  }
  // A merge can make two earlier ranges overlap: merge again until none do.
  return out.length === ranges.length ? out : merged(out);
}
