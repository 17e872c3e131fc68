/**
 * Byte-level mutations of valid encoded Frames, for the gauntlet: what a broken
 * or hostile encoder can put inside a correct TCP length prefix or WebSocket
 * binary message, which `encodeFrame` never would.
 *
 * A mutation is drawn as data (kind plus positions as plain numbers) and applied
 * to whatever bytes it gets: positions are taken modulo what is there, so a
 * mutation stays meaningful after an earlier one changed the layout. The
 * structural kinds (wire type, field number, long varint, length past the end)
 * work on the fields a small protobuf walker finds, nested messages included.
 */
import fc from 'fast-check';

interface Field {
  /** Offsets of the tag varint, and where the field ends. */
  tagAt: number;
  tagEnd: number;
  wireType: number;
  /** Varint fields: the value varint. Length-delimited: the length varint. */
  valueAt: number;
  valueEnd: number;
}

function readVarint(b: Uint8Array, at: number): [value: number, end: number] | undefined {
  let value = 0;
  let mul = 1;
  for (let i = at; i < b.length && i < at + 10; i++) {
    value += (b[i]! & 0x7f) * mul;
    mul *= 128;
    if ((b[i]! & 0x80) === 0) return [value, i + 1];
  }
  return undefined;
}

/** Every field the walker can find, outer first; payloads that parse as messages are walked too. */
export function fields(b: Uint8Array, from = 0, to = b.length, depth = 0): Field[] {
  const out: Field[] = [];
  let at = from;
  while (at < to) {
    const tag = readVarint(b, at);
    if (!tag || tag[1] > to) return depth === 0 ? out : [];
    const wireType = tag[0] & 7;
    const field = Math.floor(tag[0] / 8);
    if (field === 0) return depth === 0 ? out : [];
    const f: Field = { tagAt: at, tagEnd: tag[1], wireType, valueAt: tag[1], valueEnd: tag[1] };
    if (wireType === 0) {
      const v = readVarint(b, tag[1]);
      if (!v) return depth === 0 ? out : [];
      f.valueEnd = v[1];
      at = v[1];
    } else if (wireType === 2) {
      const len = readVarint(b, tag[1]);
      if (!len || len[1] + len[0] > to) return depth === 0 ? out : [];
      f.valueEnd = len[1];
      at = len[1] + len[0];
      out.push(f);
      if (depth < 4 && len[0] > 0) out.push(...fields(b, len[1], at, depth + 1));
      continue;
    } else if (wireType === 1) at = tag[1] + 8;
    else if (wireType === 5) at = tag[1] + 4;
    else return depth === 0 ? out : [];
    if (at > to) return depth === 0 ? out : [];
    out.push(f);
  }
  return out;
}

function varint(value: number, minBytes = 1): number[] {
  const out: number[] = [];
  let v = value;
  do {
    out.push(v % 128);
    v = Math.floor(v / 128);
  } while (v > 0);
  while (out.length < minBytes) out.push(0);
  return out.map((byte, i) => (i < out.length - 1 ? byte | 0x80 : byte));
}

const splice = (b: Uint8Array, at: number, end: number, insert: number[] | Uint8Array) =>
  Uint8Array.from([...b.subarray(0, at), ...insert, ...b.subarray(end)]);

export type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; n: number }
  | { kind: 'wire-type'; field: number; wireType: number }
  | { kind: 'field-number'; field: number; number: number }
  | { kind: 'long-varint'; field: number; bytes: number; value: boolean }
  | { kind: 'length-past-end'; field: number; extra: number }
  | { kind: 'duplicate'; field: number };

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 12 }), fc.constant(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('wire-type' as const), field: fc.nat(), wireType: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    kind: fc.constant('field-number' as const),
    field: fc.nat(),
    // Known bodies (a different one), the id, unknown numbers, the largest field number.
    number: fc.oneof(fc.integer({ min: 1, max: 45 }), fc.constantFrom(99, 1000, 19_000, 2 ** 29 - 1)),
  }),
  fc.record({ kind: fc.constant('long-varint' as const), field: fc.nat(), bytes: fc.integer({ min: 10, max: 12 }), value: fc.boolean() }),
  fc.record({ kind: fc.constant('length-past-end' as const), field: fc.nat(), extra: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.constantFrom(2 ** 31 - 1, 2 ** 32 - 1, 2 ** 35)) }),
  fc.record({ kind: fc.constant('duplicate' as const), field: fc.nat() }),
);

export function mutate(b: Uint8Array, m: Mutation): Uint8Array {
  const n = b.length;
  switch (m.kind) {
    case 'flip': {
      if (n === 0) return b;
      const out = b.slice();
      out[m.at % n]! ^= m.mask;
      return out;
    }
    case 'truncate':
      return b.subarray(0, n === 0 ? 0 : m.at % n);
    case 'insert':
      return splice(b, m.at % (n + 1), m.at % (n + 1), m.bytes);
    case 'delete': {
      const at = n === 0 ? 0 : m.at % n;
      return splice(b, at, Math.min(n, at + m.n), []);
    }
  }
  const all = fields(b);
  if (all.length === 0) return mutate(b, { kind: 'flip', at: m.field, mask: 0x80 });
  const f = all[m.field % all.length]!;
  const tag = readVarint(b, f.tagAt)![0];
  switch (m.kind) {
    case 'wire-type':
      return splice(b, f.tagAt, f.tagEnd, varint(tag - (tag % 8) + m.wireType));
    case 'field-number':
      return splice(b, f.tagAt, f.tagEnd, varint(m.number * 8 + f.wireType));
    case 'long-varint': {
      // The tag, or the value/length, re-encoded in 10 or more bytes (11+ is invalid protobuf).
      const [at, end] = m.value && f.valueEnd > f.valueAt ? [f.valueAt, f.valueEnd] : [f.tagAt, f.tagEnd];
      return splice(b, at, end, varint(readVarint(b, at)![0], m.bytes));
    }
    case 'length-past-end': {
      if (f.wireType !== 2) return splice(b, f.tagAt, f.tagEnd, varint(tag - (tag % 8) + 2)); // now it claims to be length-delimited
      const rest = n - f.valueEnd;
      return splice(b, f.valueAt, f.valueEnd, varint(rest + m.extra));
    }
    case 'duplicate': {
      const end = f.wireType === 2 ? f.valueEnd + readVarint(b, f.valueAt)![0] : f.wireType === 1 ? f.tagEnd + 8 : f.wireType === 5 ? f.tagEnd + 4 : f.valueEnd;
      return splice(b, end, end, b.subarray(f.tagAt, Math.min(n, end)));
    }
  }
}
