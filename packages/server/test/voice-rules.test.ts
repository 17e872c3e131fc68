/**
 * Voice stream rules (media/rules/voice.ts) › the chunk order decisions and the
 * chunk index format, alone: the next index is taken, an earlier one is a
 * resend (same length) or refused, a later one is a gap naming the next index;
 * an end must give the count stored; a torn index entry is not read.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCode } from '@parley/protocol';
import { checkEndCount, chunkRange, decideChunk, entryRest, indexEntry, parseIndex } from '../src/media/rules/voice.ts';

describe('Voice rules', () => {
  const ends = [100, 250, 300];

  test('the next index is appended at the end of the last chunk; the first at 0', () => {
    assert.deepEqual(decideChunk(ends, 3, 10), { kind: 'append', offset: 300 });
    assert.deepEqual(decideChunk([], 0, 10), { kind: 'append', offset: 0 });
  });

  test('an index already stored is a resend when its length matches, INVALID_ARGUMENT when not', () => {
    assert.deepEqual(decideChunk(ends, 1, 150), { kind: 'resend' });
    assert.throws(() => decideChunk(ends, 1, 149), { code: ErrorCode.INVALID_ARGUMENT });
  });

  test('an index ahead of the stream is CHUNK_GAP naming the next index; a negative or fractional one INVALID_ARGUMENT', () => {
    assert.throws(() => decideChunk(ends, 5, 10), (err: Error & { code?: string }) => err.code === ErrorCode.CHUNK_GAP && /next index is 3/.test(err.message));
    assert.throws(() => decideChunk(ends, -1, 10), { code: ErrorCode.INVALID_ARGUMENT });
    assert.throws(() => decideChunk(ends, 1.5, 10), { code: ErrorCode.INVALID_ARGUMENT });
  });

  test('an end must name the chunks stored, at least one', () => {
    checkEndCount(ends, 3);
    assert.throws(() => checkEndCount(ends, 2), { code: ErrorCode.CHUNK_GAP });
    assert.throws(() => checkEndCount(ends, 4), { code: ErrorCode.CHUNK_GAP });
    assert.throws(() => checkEndCount([], 0), { code: ErrorCode.INVALID_ARGUMENT });
  });

  test('the index is 4-byte big-endian end offsets; a torn last entry is ignored; ranges follow from it', () => {
    const bytes = Buffer.concat([...ends.map(indexEntry), Buffer.from([0, 0])]);
    assert.deepEqual(parseIndex(bytes), ends);
    assert.deepEqual(parseIndex(indexEntry(0xffff_fff0)), [0xffff_fff0]);
    assert.deepEqual(chunkRange(ends, 0), { start: 0, end: 100 });
    assert.deepEqual(chunkRange(ends, 2), { start: 250, end: 300 });
  });

  test('a torn entry is completed only by the rest of the same entry', () => {
    const entry = indexEntry(0x0102_0304);
    assert.deepEqual([...entryRest(new Uint8Array(0), 0x0102_0304)], [...entry]);
    for (let cut = 1; cut < 4; cut++) assert.deepEqual([...entryRest(entry.subarray(0, cut), 0x0102_0304)], [...entry.subarray(cut)]);
    assert.throws(() => entryRest(new Uint8Array([1, 9]), 0x0102_0304), { code: ErrorCode.INTERNAL });
    assert.throws(() => entryRest(entry, 0x0102_0304), { code: ErrorCode.INTERNAL });
  });
});
