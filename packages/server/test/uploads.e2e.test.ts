/**
 * Uploads › tus 1.0 over the HTTP API, on both stores, real sockets, server on
 * port 0: the core protocol and every extension, limits, the collector, and bad
 * input of every kind answered with a clear code while nothing is stored.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ErrorCode } from '@parley/protocol';
import { CLUSTER_JWT_SECRET, createTestDatabase, startTestServer, tempDir, waitUntil, type TestServer } from '@parley/testkit';
import { FsBlobStore } from '../src/media/blob/fs-blob-store.ts';
import { cutPatch, mediaServer, metadata, pngBytes, sha256, STORES, Uploader } from './media-helpers.ts';

const MAX = 1024 * 1024;

for (const kind of STORES) {
  describe(`Uploads (tus) on ${kind}`, () => {
    let server: TestServer;
    let ann: Uploader;
    let ben: Uploader;
    let blobs: FsBlobStore;
    let users = 0;
    const fresh = () => Uploader.register(server.httpUrl, `u${users++}`);
    const idOf = (path: string) => path.split('/').pop()!;

    before(async () => {
      server = await mediaServer(kind, { maxFileBytes: MAX, mediaSweepMs: 0, uploadQuotaBytesPerDay: 64 * MAX, maxUnfinishedUploads: 50 });
      blobs = new FsBlobStore(join(server.dataDir, 'blobs'));
      ann = await Uploader.register(server.httpUrl, 'ann');
      ben = await Uploader.register(server.httpUrl, 'ben');
    });
    after(async () => {
      await server.stop();
    });

    test('OPTIONS names the version, the extensions, the largest file and the checksum algorithm, without a token', async () => {
      const answer = await ann.send('OPTIONS', '/v1/uploads', { auth: false, tus: false });
      assert.equal(answer.status, 204);
      assert.equal(answer.headers.get('tus-version'), '1.0.0');
      assert.equal(answer.headers.get('tus-resumable'), '1.0.0');
      assert.deepEqual(answer.headers.get('tus-extension')!.split(',').sort(), [
        'checksum', 'concatenation', 'creation', 'creation-defer-length', 'creation-with-upload', 'expiration', 'termination',
      ]);
      assert.equal(answer.headers.get('tus-max-size'), String(MAX));
      assert.equal(answer.headers.get('tus-checksum-algorithm'), 'sha256');
    });

    test('a file uploaded in chunks: each PATCH acknowledged with its offset, HEAD reports it, the last names the file', async () => {
      const data = pngBytes(300_000);
      const { answer, path } = await ann.create(data.length, metadata({ filename: 'photo.png', filetype: 'image/png' }));
      assert.equal(answer.status, 201);
      assert.match(path, /^\/v1\/uploads\/[A-Za-z0-9_-]{22}$/);
      assert.equal(answer.headers.get('tus-resumable'), '1.0.0');
      assert.ok(Date.parse(answer.headers.get('upload-expires')!) > Date.now(), 'Upload-Expires is a date to come');
      let head = await ann.head(path);
      assert.deepEqual([head.status, head.headers.get('upload-offset'), head.headers.get('upload-length'), head.headers.get('cache-control')], [200, '0', String(data.length), 'no-store']);
      assert.equal(head.headers.get('upload-metadata'), metadata({ filename: 'photo.png', filetype: 'image/png' }));
      let fileId = '';
      for (let at = 0; at < data.length; at += 100_000) {
        const patched = await ann.patch(path, at, data.subarray(at, at + 100_000));
        assert.equal(patched.status, 204, patched.body);
        assert.equal(patched.headers.get('upload-offset'), String(Math.min(at + 100_000, data.length)));
        fileId = patched.headers.get('parley-file-id') ?? '';
        assert.equal(fileId !== '', at + 100_000 >= data.length, 'only the completing PATCH names the file');
      }
      head = await ann.head(path);
      assert.deepEqual([head.headers.get('upload-offset'), head.headers.get('parley-file-id')], [String(data.length), fileId]);
      const json = (await ann.send('GET', path, { tus: false })).json();
      assert.deepEqual(json, { uploadId: idOf(path), offset: data.length, length: data.length, fileId });
      const info = (await ann.json('GET', `/v1/files/${fileId}/info`)).json();
      assert.deepEqual([info.size, info.sha256, info.mime, info.name, info.ownerId], [data.length, sha256(data), 'image/png', 'photo.png', 'ann']);
      const got = await ann.download(fileId);
      assert.equal(got.status, 200);
      assert.equal(sha256(got.bytes), sha256(data));
    });

    test('the file\'s SHA-256 is that of every byte stored: PATCHes of MiBs on one node, and an upload resumed after a restart', async () => {
      const data = randomBytes(5 * 1024 * 1024 + 333);
      const dataDir = tempDir();
      const db = kind === 'postgres' ? await createTestDatabase() : undefined;
      const start = () => startTestServer({ ...(db ? { store: db.url, jwtSecret: CLUSTER_JWT_SECRET } : { store: 'sqlite' }), dataDir, maxFileBytes: 16 * MAX, uploadQuotaBytesPerDay: 64 * MAX, mediaSweepMs: 0 });
      let node = await start();
      try {
        const zed = await Uploader.register(node.httpUrl, 'zed');
        const whole = await zed.upload(data, undefined, 2 * 1024 * 1024 + 1);
        assert.equal((await zed.json('GET', `/v1/files/${whole}/info`)).json().sha256, sha256(data));

        const { path } = await zed.create(data.length);
        assert.equal((await zed.patch(path, 0, data.subarray(0, 3 * MAX))).status, 204);
        await node.stop();
        node = await start();
        const again = new Uploader(node.httpUrl, zed.token);
        const last = await again.patch(path, 3 * MAX, data.subarray(3 * MAX));
        assert.equal(last.status, 204, last.body);
        const info = (await again.json('GET', `/v1/files/${last.headers.get('parley-file-id')}/info`)).json();
        assert.deepEqual([info.size, info.sha256], [data.length, sha256(data)]);
      } finally {
        await node.stop();
        await db?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });

    test('creation-with-upload: the POST carries the first bytes (or all of them)', async () => {
      const data = randomBytes(5000);
      const { answer, path } = await ann.create(data.length, undefined, {}, data.subarray(0, 2000));
      assert.deepEqual([answer.status, answer.headers.get('upload-offset')], [201, '2000']);
      const rest = await ann.patch(path, 2000, data.subarray(2000));
      assert.equal(rest.status, 204);
      const info = (await ann.json('GET', `/v1/files/${rest.headers.get('parley-file-id')}/info`)).json();
      assert.equal(info.sha256, sha256(data));
      const whole = await ann.create(10, undefined, {}, Buffer.from('0123456789'));
      assert.ok(whole.answer.headers.get('parley-file-id'), 'a POST with every byte makes the file');
      const empty = await ann.create(0);
      const emptyFile = empty.answer.headers.get('parley-file-id');
      assert.ok(emptyFile, 'an empty file is made at its creation');
      assert.deepEqual([(await ann.download(emptyFile)).bytes.length, (await ann.download(emptyFile, { range: 'bytes=0-' })).status], [0, 416]);
      const wrongType = await ann.send('POST', '/v1/uploads', { headers: { 'upload-length': '3', 'content-type': 'text/plain' }, body: 'abc' });
      assert.deepEqual([wrongType.status, wrongType.json().error.code], [415, ErrorCode.UNSUPPORTED_MEDIA_TYPE]);
    });

    test('creation-defer-length: PATCHes without a length, the length given by a later PATCH', async () => {
      const parts = [randomBytes(3000), randomBytes(4000), randomBytes(1000)];
      const { answer, path } = await ann.create('defer', metadata({ filename: 'voice.ogg', filetype: 'audio/ogg' }));
      assert.equal(answer.status, 201);
      assert.equal((await ann.head(path)).headers.get('upload-defer-length'), '1');
      assert.equal((await ann.head(path)).headers.get('upload-length'), null);
      assert.equal((await ann.patch(path, 0, parts[0]!)).status, 204);
      assert.equal((await ann.patch(path, 3000, parts[1]!)).status, 204);
      const last = await ann.patch(path, 7000, parts[2]!, { 'upload-length': '8000' });
      assert.equal(last.status, 204, last.body);
      const fileId = last.headers.get('parley-file-id')!;
      const info = (await ann.json('GET', `/v1/files/${fileId}/info`)).json();
      assert.deepEqual([info.size, info.sha256, info.mime], [8000, sha256(Buffer.concat(parts)), 'application/octet-stream'], 'claimed audio/ogg, not Ogg: octet-stream');
      // The length is set once: another one is refused.
      const again = await ann.create('defer');
      await ann.patch(again.path, 0, Buffer.from('abc'), { 'upload-length': '10' });
      const changed = await ann.patch(again.path, 3, Buffer.from('d'), { 'upload-length': '11' });
      assert.deepEqual([changed.status, changed.json().error.code], [400, ErrorCode.INVALID_ARGUMENT]);
    });

    test('checksum: a PATCH whose bytes match is kept; one that does not is 460 and keeps nothing; another algorithm is 400', async () => {
      const data = randomBytes(10_000);
      const { path } = await ann.create(data.length);
      const sum = (b: Uint8Array) => `sha256 ${Buffer.from(sha256(b), 'hex').toString('base64')}`;
      const good = await ann.patch(path, 0, data.subarray(0, 4000), { 'upload-checksum': sum(data.subarray(0, 4000)) });
      assert.deepEqual([good.status, good.headers.get('upload-offset')], [204, '4000']);
      const bad = await ann.patch(path, 4000, data.subarray(4000), { 'upload-checksum': sum(data.subarray(4001)) });
      assert.deepEqual([bad.status, bad.json().error.code], [460, ErrorCode.CHECKSUM_MISMATCH]);
      assert.equal(await ann.offset(path), 4000, 'nothing of the bad PATCH counts');
      assert.equal(await blobs.length(idOf(path)), 4000, 'nothing of it is stored');
      const md5 = await ann.patch(path, 4000, data.subarray(4000), { 'upload-checksum': 'md5 AAAAAAAAAAAAAAAAAAAAAA==' });
      assert.deepEqual([md5.status, md5.json().error.code], [400, ErrorCode.INVALID_ARGUMENT]);
      const garbage = await ann.patch(path, 4000, data.subarray(4000), { 'upload-checksum': 'sha256 !!!' });
      assert.equal(garbage.status, 400);
      const rest = await ann.patch(path, 4000, data.subarray(4000), { 'upload-checksum': sum(data.subarray(4000)) });
      assert.equal(rest.status, 204);
      const info = (await ann.json('GET', `/v1/files/${rest.headers.get('parley-file-id')}/info`)).json();
      assert.equal(info.sha256, sha256(data));
    });

    test('concatenation: partial uploads sent in parallel, then a final one that becomes the file; the partials are consumed', async () => {
      const data = randomBytes(90_000);
      const slices = [data.subarray(0, 30_000), data.subarray(30_000, 60_000), data.subarray(60_000)];
      const partials = await Promise.all(
        slices.map(async (slice) => {
          const { answer, path } = await ann.create(slice.length, '', { 'upload-concat': 'partial' });
          assert.equal(answer.status, 201);
          assert.equal((await ann.patch(path, 0, slice)).status, 204);
          assert.equal((await ann.head(path)).headers.get('upload-concat'), 'partial');
          return path;
        }),
      );
      // Absolute URLs and paths alike name the partials.
      const urls = [`${server.httpUrl}${partials[0]}`, partials[1], partials[2]].join(' ');
      const final = await ann.send('POST', '/v1/uploads', { headers: { 'upload-concat': `final;${urls}`, 'upload-metadata': metadata({ filename: 'big.bin' }) } });
      assert.equal(final.status, 201, final.body);
      const fileId = final.headers.get('parley-file-id')!;
      assert.ok(fileId);
      const info = (await ann.json('GET', `/v1/files/${fileId}/info`)).json();
      assert.deepEqual([info.size, info.sha256, info.name], [data.length, sha256(data), 'big.bin']);
      for (const p of partials) assert.equal((await ann.head(p)).status, 404, 'a consumed partial is gone');
      const head = await ann.head(final.headers.get('location')!);
      assert.deepEqual([head.headers.get('upload-offset'), head.headers.get('upload-length')], [String(data.length), String(data.length)]);
      // A final of unfinished or someone else's partials, or of nothing, is refused.
      const unfinished = await ann.create(10, '', { 'upload-concat': 'partial' });
      const refused = await ann.send('POST', '/v1/uploads', { headers: { 'upload-concat': `final;${unfinished.path}` } });
      assert.deepEqual([refused.status, refused.json().error.code], [400, ErrorCode.INVALID_ARGUMENT]);
      const bens = await ben.create(1, '', { 'upload-concat': 'partial' }, Buffer.from('x'));
      const notMine = await ann.send('POST', '/v1/uploads', { headers: { 'upload-concat': `final;${bens.path}` } });
      assert.deepEqual([notMine.status, notMine.json().error.code], [404, ErrorCode.UPLOAD_NOT_FOUND]);
      const patchFinal = await ann.patch(final.headers.get('location')!, data.length, Buffer.alloc(0));
      assert.equal(patchFinal.status, 403, 'a final upload is not written');
    });

    test('termination: DELETE ends the upload and reclaims its bytes', async () => {
      const { path } = await ann.create(1000);
      await ann.patch(path, 0, randomBytes(500));
      assert.equal(await blobs.length(idOf(path)), 500);
      assert.equal((await ann.send('DELETE', path)).status, 204);
      const head = await ann.head(path);
      assert.equal(head.status, 404);
      assert.equal((await ann.send('GET', path, { tus: false })).json().error.code, ErrorCode.UPLOAD_NOT_FOUND);
      await server.media.sweep();
      assert.equal(await blobs.length(idOf(path)), undefined, 'the collector deleted the bytes');
      assert.equal((await ben.send('DELETE', (await ann.create(10)).path)).status, 404, "someone else's upload is not found");
    });

    test('a PATCH cut off at random offsets keeps what arrived; HEAD reports it and the upload resumes from there', async () => {
      const data = randomBytes(400_000);
      const { path } = await ann.create(data.length);
      let offset = 0;
      for (let cut = 0; cut < 6; cut++) {
        const send = 1 + Math.floor(Math.random() * 60_000);
        await cutPatch(server.httpUrl, ann.token, path, offset, data.subarray(offset, offset + 100_000), send);
        const before = offset;
        // The server records the cut PATCH's bytes once it has noticed the cut (a deadline, not a timing assertion).
        let now = before;
        for (const deadline = performance.now() + 10_000; now === before && performance.now() < deadline; ) {
          now = await ann.offset(path);
          if (now === before) await new Promise((r) => setTimeout(r, 20));
        }
        assert.ok(now > before && now <= before + send, `after a cut at +${send} of ${before}, HEAD says ${now}`);
        assert.equal(await blobs.length(idOf(path)), now, 'what HEAD says is what is stored');
        offset = now;
      }
      const rest = await ann.patch(path, offset, data.subarray(offset));
      assert.equal(rest.status, 204);
      const info = (await ann.json('GET', `/v1/files/${rest.headers.get('parley-file-id')}/info`)).json();
      assert.equal(info.sha256, sha256(data));
    });

    test('one PATCH per upload at a time: a second, while the first streams, is 409 UPLOAD_BUSY', async () => {
      const { path } = await ann.create(100_000);
      const { request } = await import('node:http');
      const slow = request(new URL(path, server.httpUrl), {
        method: 'PATCH',
        headers: { authorization: `Bearer ${ann.token}`, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'content-length': '100000' },
      });
      slow.on('error', () => {});
      const answered = new Promise<number>((resolve) => slow.on('response', (res) => (res.resume(), resolve(res.statusCode!))));
      slow.write(randomBytes(1000));
      // The first holds the lease once its bytes reach the blob; then the second finds it held.
      for (const deadline = performance.now() + 10_000; (await blobs.length(idOf(path))) === undefined; ) {
        if (performance.now() > deadline) throw new Error('the first PATCH never wrote');
        await new Promise((r) => setTimeout(r, 10));
      }
      const second = await ann.patch(path, 0, randomBytes(10));
      assert.deepEqual([second.status, second.json().error.code, second.headers.get('retry-after')], [409, ErrorCode.UPLOAD_BUSY, '1']);
      slow.end(randomBytes(99_000));
      assert.equal(await answered, 204);
      assert.equal(await ann.offset(path), 100_000);
    });

    test('bad tus headers get a clear code and store nothing', async () => {
      const before = (await ann.json('GET', '/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA')).status;
      assert.equal(before, 404);
      const noTus = await ann.send('POST', '/v1/uploads', { tus: false, headers: { 'upload-length': '10' } });
      assert.deepEqual([noTus.status, noTus.json().error.code, noTus.headers.get('tus-version')], [412, ErrorCode.UNSUPPORTED_TUS_VERSION, '1.0.0']);
      const oldTus = await ann.send('POST', '/v1/uploads', { tus: false, headers: { 'tus-resumable': '0.2.2', 'upload-length': '10' } });
      assert.equal(oldTus.status, 412);
      assert.equal((await ann.send('POST', '/v1/uploads', { auth: false, headers: { 'upload-length': '10' } })).status, 401);
      for (const headers of [
        {} as Record<string, string>,
        { 'upload-length': '10', 'upload-defer-length': '1' },
        { 'upload-length': '-1' },
        { 'upload-length': '1e3' },
        { 'upload-length': 'ten' },
        { 'upload-defer-length': '2' },
        { 'upload-length': '10', 'upload-metadata': 'filename' + ' not base64!' },
        { 'upload-length': '10', 'upload-metadata': 'a YQ==,a YQ==' },
        { 'upload-length': '10', 'upload-concat': 'sideways' },
      ]) {
        const answer = await ann.send('POST', '/v1/uploads', { headers });
        assert.deepEqual([answer.status, answer.json().error.code], [400, ErrorCode.INVALID_ARGUMENT], JSON.stringify(headers));
      }
      const { path } = await ann.create(100);
      for (const [headers, status, code] of [
        [{ 'upload-offset': '0', 'content-type': 'application/json' }, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE],
        [{ 'content-type': 'application/offset+octet-stream' }, 400, ErrorCode.INVALID_ARGUMENT],
        [{ 'upload-offset': 'zero', 'content-type': 'application/offset+octet-stream' }, 400, ErrorCode.INVALID_ARGUMENT],
        [{ 'upload-offset': '5', 'content-type': 'application/offset+octet-stream' }, 409, ErrorCode.UPLOAD_OFFSET_MISMATCH],
      ] as const) {
        const answer = await ann.send('PATCH', path, { headers, body: randomBytes(10) });
        assert.deepEqual([answer.status, answer.json().error.code, answer.headers.get('tus-resumable')], [status, code, '1.0.0'], JSON.stringify(headers));
      }
      assert.equal(await ann.offset(path), 0);
      assert.equal(await blobs.length(idOf(path)), undefined, 'no byte stored');
      const wrongMethod = await ann.send('PUT', path);
      assert.deepEqual([wrongMethod.status, wrongMethod.headers.get('tus-resumable')], [405, '1.0.0']);
      assert.equal((await ann.head('/v1/uploads/not-an-id')).status, 404);
    });

    test('too large: a declared length over maxFileBytes is 413 before any byte; more bytes than declared is 413 and keeps none of them', async () => {
      const declared = await ann.create(MAX + 1);
      assert.deepEqual([declared.answer.status, declared.answer.json().error.code, declared.path], [413, ErrorCode.FILE_TOO_LARGE, '']);
      const { path } = await ann.create(1000);
      assert.equal((await ann.patch(path, 0, randomBytes(600))).status, 204);
      const over = await ann.patch(path, 600, randomBytes(401));
      assert.deepEqual([over.status, over.json().error.code], [413, ErrorCode.FILE_TOO_LARGE]);
      assert.equal(await ann.offset(path), 600);
      assert.equal(await blobs.length(idOf(path)), 600);
      // Chunked (no Content-Length): found out while streaming; nothing of that PATCH is kept.
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve) => {
        const req = request(new URL(path, server.httpUrl), {
          method: 'PATCH',
          headers: { authorization: `Bearer ${ann.token}`, 'tus-resumable': '1.0.0', 'upload-offset': '600', 'content-type': 'application/offset+octet-stream', 'transfer-encoding': 'chunked' },
        });
        req.on('response', (res) => (res.resume(), resolve(res.statusCode!)));
        req.on('error', () => resolve(0));
        req.end(randomBytes(500));
      });
      assert.equal(status, 413);
      assert.equal(await blobs.length(idOf(path)), 600);
      // A deferred length cannot pass maxFileBytes either.
      const deferred = await ann.create('defer');
      const huge = await ann.patch(deferred.path, 0, Buffer.alloc(10), { 'upload-length': String(MAX + 1) });
      assert.deepEqual([huge.status, huge.json().error.code], [413, ErrorCode.FILE_TOO_LARGE]);
    });

    test('hostile names are sanitised, and Content-Disposition stays safe', async () => {
      const cases: [string, string][] = [
        ['../../etc/passwd', '_.._etc_passwd'],
        ['a/b\\c.txt', 'a_b_c.txt'],
        ['..', 'file'],
        ['.hidden', 'hidden'],
        ['bad\u0000na\u0007me\r\n.txt', 'badname.txt'],
        ['invoice\u202Egpj.exe', 'invoicegpj.exe'],
        ['CON.txt', '_CON.txt'],
        ['', 'file'],
      ];
      for (const [raw, stored] of cases) {
        const fileId = await ann.upload(Buffer.from('content'), metadata({ filename: raw, filetype: 'text/plain' }));
        const info = (await ann.json('GET', `/v1/files/${fileId}/info`)).json();
        assert.equal(info.name, stored, JSON.stringify(raw));
        const got = await ann.download(fileId);
        const disposition = got.headers.get('content-disposition')!;
        assert.match(disposition, /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]*$/, disposition);
      }
      const long = await ann.upload(Buffer.from('x'), metadata({ filename: `${'é'.repeat(300)}.pdf` }));
      const info = (await ann.json('GET', `/v1/files/${long}/info`)).json();
      assert.ok(Buffer.byteLength(info.name) <= 255 && info.name.endsWith('.pdf'), info.name);
      const quoted = await ann.upload(Buffer.from('x'), metadata({ filename: 'say "hi"; x=1.html', filetype: 'text/html' }));
      const got = await ann.download(quoted);
      assert.equal(got.headers.get('content-disposition'), `attachment; filename="say _hi_; x=1.html"; filename*=UTF-8''say%20%22hi%22%3B%20x%3D1.html`);
      assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
    });

    test('a type that lies is stored as application/octet-stream; one that holds is kept', async () => {
      const lie = await ann.upload(Buffer.from('<html>not a png</html>'), metadata({ filename: 'x.png', filetype: 'image/png' }));
      assert.equal((await ann.json('GET', `/v1/files/${lie}/info`)).json().mime, 'application/octet-stream');
      const truth = await ann.upload(pngBytes(100), metadata({ filename: 'x.png', filetype: 'IMAGE/PNG; charset=x' }));
      assert.equal((await ann.json('GET', `/v1/files/${truth}/info`)).json().mime, 'image/png');
      const svg = await ann.upload(Buffer.from('<svg/>'), metadata({ filename: 'x.svg', filetype: 'image/svg+xml' }));
      const got = await ann.download(svg);
      assert.deepEqual([got.headers.get('content-type'), got.headers.get('content-disposition')?.split(';')[0]], ['image/svg+xml', 'attachment']);
      const garbage = await ann.upload(Buffer.from('x'), metadata({ filetype: 'not a type' }));
      assert.equal((await ann.json('GET', `/v1/files/${garbage}/info`)).json().mime, 'application/octet-stream');
    });

    test('limits: the daily quota (429 with Retry-After) and the cap on unfinished uploads (429)', async () => {
      const quota = await mediaServer(kind, { uploadQuotaBytesPerDay: 10_000, maxUnfinishedUploads: 3, mediaSweepMs: 0 });
      try {
        const eve = await Uploader.register(quota.httpUrl, 'eve');
        const tooMuch = await eve.create(10_001);
        assert.deepEqual([tooMuch.answer.status, tooMuch.answer.json().error.code], [429, ErrorCode.QUOTA_EXCEEDED]);
        const retry = Number(tooMuch.answer.headers.get('retry-after'));
        assert.ok(retry >= 1 && retry <= 86_400, `Retry-After ${retry}`);
        await eve.upload(randomBytes(6000));
        const a = await eve.create(5000);
        assert.equal(a.answer.status, 429, 'only 4,000 bytes are left today');
        const b = await eve.create('defer');
        assert.equal((await eve.patch(b.path, 0, randomBytes(4000))).status, 204);
        const over = await eve.patch(b.path, 4000, randomBytes(1));
        assert.deepEqual([over.status, over.json().error.code], [429, ErrorCode.QUOTA_EXCEEDED]);
        const pat = await Uploader.register(quota.httpUrl, 'pat');
        for (let i = 0; i < 3; i++) assert.equal((await pat.create(10)).answer.status, 201);
        const fourth = await pat.create(10);
        assert.deepEqual([fourth.answer.status, fourth.answer.json().error.code], [429, ErrorCode.TOO_MANY_UPLOADS]);
      } finally {
        await quota.stop();
      }
    });

    test('expiration: an unfinished upload expires (410), then the collector reclaims it (404, bytes gone)', async () => {
      const short = await mediaServer(kind, { uploadExpiryMs: 300, mediaSweepMs: 0 });
      try {
        const zoe = await Uploader.register(short.httpUrl, 'zoe');
        const { answer, path } = await zoe.create(100);
        const expires = Date.parse(answer.headers.get('upload-expires')!);
        await zoe.patch(path, 0, randomBytes(50));
        const shortBlobs = new FsBlobStore(join(short.dataDir, 'blobs'));
        assert.equal(await shortBlobs.length(idOf(path)), 50);
        const done = await zoe.upload(randomBytes(10));
        await waitUntil(() => Date.now() > expires + 1000, 10_000, 'the upload to expire');
        const expired = await zoe.patch(path, 50, randomBytes(50));
        assert.deepEqual([expired.status, expired.json().error.code], [410, ErrorCode.UPLOAD_EXPIRED]);
        const report = await short.media.sweep();
        assert.equal(report.uploads, 2, JSON.stringify(report));
        assert.equal((await zoe.head(path)).status, 404);
        assert.equal(await shortBlobs.length(idOf(path)), undefined, 'bytes reclaimed');
        assert.equal((await zoe.download(done)).status, 200, 'a finished upload\'s file outlives its upload');
      } finally {
        await short.stop();
      }
    });

    test('the collector: a file no message carries goes after the grace period; its bytes with it', async () => {
      const gc = await mediaServer(kind, { unreferencedFileGraceMs: 200, mediaSweepMs: 0 });
      try {
        const kim = await Uploader.register(gc.httpUrl, 'kim');
        const fileId = await kim.upload(randomBytes(1000));
        await gc.media.sweep();
        assert.equal((await kim.download(fileId)).status, 200, 'a file just uploaded survives the grace period');
        await new Promise((r) => setTimeout(r, 300));
        const report = await gc.media.sweep();
        assert.deepEqual([report.files, report.blobs], [1, 1]);
        assert.equal((await kim.download(fileId)).status, 404);
      } finally {
        await gc.stop();
      }
    });

    test('another user cannot see, write or end an upload, nor read its file', async () => {
      const { path } = await ann.create(10);
      assert.equal((await ben.head(path)).status, 404);
      assert.equal((await ben.patch(path, 0, Buffer.from('x'))).status, 404);
      assert.equal((await ben.send('GET', path, { tus: false })).status, 404);
      const fileId = await ann.upload(randomBytes(10));
      const theirs = await ben.download(fileId);
      assert.equal(theirs.status, 404);
      assert.equal(JSON.parse(theirs.bytes.toString()).error.code, ErrorCode.FILE_NOT_FOUND);
      assert.equal((await (await fresh()).json('GET', `/v1/files/${fileId}/info`)).status, 404);
    });
  });
}
