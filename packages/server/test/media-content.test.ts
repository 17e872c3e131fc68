/**
 * The pure parts of media: file names made safe, types checked against content,
 * tus metadata, HTTP ranges, Content-Disposition, media message bodies.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCode } from '@parley/protocol';
import { checkedMime, normalizeMime, sanitizeFileName } from '../src/media/content.ts';
import { parseMediaBody, storedMediaBody } from '../src/media/media-body.ts';
import { contentDisposition, isInline } from '../src/http/file-routes.ts';
import { parseRange } from '../src/http/ranges.ts';
import { describedFile, parseMetadata } from '../src/http/upload-routes.ts';

test('sanitizeFileName › one safe path segment, whatever the client sent', () => {
  const cases: [string, string][] = [
    ['photo.png', 'photo.png'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['C:\\Windows\\win.ini', 'C:_Windows_win.ini'],
    ['..', 'file'],
    ['.', 'file'],
    ['...', 'file'],
    ['  .bashrc  ', 'bashrc'],
    ['a\u0000b\u001fc\u007fd\u0085e.txt', 'abcde.txt'],
    ['evil\u202Etxt.exe', 'eviltxt.exe'],
    ['x\u2066y\u2069z\u200Bw\uFEFF', 'xyzw'],
    ['nul', '_nul'],
    ['LPT1.doc', '_LPT1.doc'],
    ['\ud800lone.txt', '\ufffdlone.txt'],
    ['e\u0301.txt', '\u00e9.txt'],
    ['', 'file'],
  ];
  for (const [raw, want] of cases) assert.equal(sanitizeFileName(raw), want, JSON.stringify(raw));
  const long = sanitizeFileName(`${'日'.repeat(200)}.jpeg`);
  assert.ok(Buffer.byteLength(long) <= 255 && long.endsWith('.jpeg'), long);
  assert.ok(Buffer.byteLength(sanitizeFileName('a'.repeat(1000))) <= 255);
});

test('checkedMime › a claimed type we know is kept only if the content has its signature', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  assert.equal(checkedMime('image/png', png), 'image/png');
  assert.equal(checkedMime('image/png', Buffer.from('GIF89a')), 'application/octet-stream');
  assert.equal(checkedMime('image/gif', Buffer.from('GIF89a...')), 'image/gif');
  assert.equal(checkedMime('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
  assert.equal(checkedMime('image/webp', Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'image/webp');
  assert.equal(checkedMime('audio/wav', Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'application/octet-stream');
  assert.equal(checkedMime('video/mp4', Buffer.from('\0\0\0\x18ftypmp42')), 'video/mp4');
  assert.equal(checkedMime('application/pdf', Buffer.from('%PDF-1.7')), 'application/pdf');
  assert.equal(checkedMime('text/plain', Buffer.from([0, 1, 2])), 'text/plain', 'a type without a signature is kept');
  assert.equal(checkedMime('Image/PNG; q=1', png), 'image/png');
  assert.equal(checkedMime('image/png', Buffer.alloc(0)), 'application/octet-stream', 'an empty file is no PNG');
  assert.equal(normalizeMime('not a type'), 'application/octet-stream');
  assert.equal(normalizeMime('text/html\r\nx: y'), 'application/octet-stream');
  assert.equal(normalizeMime(''), 'application/octet-stream');
});

test('parseMetadata › tus Upload-Metadata pairs; malformed is INVALID_ARGUMENT', () => {
  const m = parseMetadata('filename d29ybGRfZG9taW5hdGlvbl9wbGFuLnBkZg==,is_confidential,filetype aW1hZ2UvcG5n');
  assert.deepEqual([...m.keys()], ['filename', 'is_confidential', 'filetype']);
  assert.equal(m.get('filename')!.toString(), 'world_domination_plan.pdf');
  assert.equal(m.get('is_confidential')!.length, 0);
  assert.deepEqual(describedFile(m), { name: 'world_domination_plan.pdf', mime: 'image/png' });
  assert.deepEqual(describedFile(parseMetadata(undefined)), { name: 'file', mime: 'application/octet-stream' });
  assert.deepEqual(describedFile(parseMetadata(`name ${Buffer.from('../a.txt').toString('base64')},type ${Buffer.from('text/plain').toString('base64')}`)), { name: '_a.txt', mime: 'text/plain' });
  for (const bad of ['a b c', 'a !!!', 'a YQ==,a YQ==', 'k\u00e9y YQ==', ' , ']) {
    assert.throws(() => parseMetadata(bad), { code: ErrorCode.INVALID_ARGUMENT }, bad);
  }
});

test('parseRange › single, open-ended, suffix, several, merged, beyond the end, ignored', () => {
  assert.deepEqual(parseRange(undefined, 100), { kind: 'full' });
  assert.deepEqual(parseRange('bytes=0-9', 100), { kind: 'partial', ranges: [{ start: 0, end: 9 }] });
  assert.deepEqual(parseRange('bytes=90-', 100), { kind: 'partial', ranges: [{ start: 90, end: 99 }] });
  assert.deepEqual(parseRange('bytes=-10', 100), { kind: 'partial', ranges: [{ start: 90, end: 99 }] });
  assert.deepEqual(parseRange('bytes=-1000', 100), { kind: 'partial', ranges: [{ start: 0, end: 99 }] });
  assert.deepEqual(parseRange('bytes=50-1000', 100), { kind: 'partial', ranges: [{ start: 50, end: 99 }] });
  assert.deepEqual(parseRange('bytes=0-1, 5-6', 100), { kind: 'partial', ranges: [{ start: 0, end: 1 }, { start: 5, end: 6 }] });
  assert.deepEqual(parseRange('bytes=0-10,5-20,21-30', 100), { kind: 'partial', ranges: [{ start: 0, end: 30 }] }, 'overlapping and touching ranges merge');
  assert.deepEqual(parseRange('bytes=100-', 100), { kind: 'unsatisfiable' });
  assert.deepEqual(parseRange('bytes=100-200,-0', 100), { kind: 'unsatisfiable' });
  assert.deepEqual(parseRange('bytes=0-0', 0), { kind: 'unsatisfiable' });
  assert.deepEqual(parseRange('bytes=200-300,0-0', 100), { kind: 'partial', ranges: [{ start: 0, end: 0 }] }, 'the satisfiable ones are served');
  for (const ignored of ['bytes=5-1', 'bytes=a-b', 'items=0-1', 'bytes=', 'bytes=1-2-3', `bytes=${Array.from({ length: 17 }, (_, i) => `${i * 2}-${i * 2}`).join(',')}`]) {
    assert.deepEqual(parseRange(ignored, 100), { kind: 'full' }, ignored);
  }
});

test('contentDisposition › inline only for safe types; filename ASCII-safe, filename* exact', () => {
  assert.equal(contentDisposition('a.png', 'image/png'), `inline; filename="a.png"; filename*=UTF-8''a.png`);
  assert.equal(contentDisposition('x.html', 'text/html'), `attachment; filename="x.html"; filename*=UTF-8''x.html`);
  assert.equal(contentDisposition('x.svg', 'image/svg+xml').split(';')[0], 'attachment');
  assert.equal(contentDisposition('résumé "final".pdf', 'application/pdf'), `attachment; filename="r_sum_ _final_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22.pdf`);
  assert.equal(contentDisposition("it's (1)*.txt", 'text/plain'), `attachment; filename="it's (1)*.txt"; filename*=UTF-8''it%27s%20%281%29%2A.txt`);
  assert.ok(isInline('audio/ogg') && isInline('video/mp4') && !isInline('video/quicktime') && !isInline('application/pdf'));
});

test('media message bodies › shape checked; stored with the file record\'s size, mime and name', () => {
  const id = 'AAAAAAAAAAAAAAAAAAAAAA';
  const body = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
  assert.deepEqual(parseMediaBody(body({ fileId: id, size: 1, mime: 'x', name: 'y', width: 3, height: 4, durationMs: 5, thumbnailId: id })), {
    fileId: id, thumbnailId: id, width: 3, height: 4, durationMs: 5,
  });
  for (const bad of [{}, { fileId: 'short' }, { fileId: id, extra: 1 }, { fileId: id, width: 1.5 }, { fileId: id, size: 'big' }, [id], 'text']) {
    assert.throws(() => parseMediaBody(body(bad)), { code: ErrorCode.INVALID_ARGUMENT }, JSON.stringify(bad));
  }
  assert.throws(() => parseMediaBody(new Uint8Array([0xff])), { code: ErrorCode.INVALID_ARGUMENT });
  const file = {
    id, ownerId: 'ann', size: 10, sha256: '', mime: 'image/png', name: 'a.png', blobKey: id, createdAt: 0, width: 100, height: null,
    durationMs: null, thumbnailId: '', gcAfter: null,
  };
  assert.deepEqual(JSON.parse(new TextDecoder().decode(storedMediaBody(file, { fileId: id, width: 1, height: 2 }))), {
    fileId: id, size: 10, mime: 'image/png', name: 'a.png', width: 100, height: 2,
  });
});
