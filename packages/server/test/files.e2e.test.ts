/**
 * Files › messages that carry them, who may download them (the visibility rule
 * of messages: uploader, members who may see a message carrying the file; 404
 * for everyone else), HTTP Range and conditional requests, signed links, and
 * instant upload — on both stores, real sockets, server on port 0.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ErrorCode, MessageType } from '@parley/protocol';
import { fetchWithin, waitUntil, type TestServer } from '@parley/testkit';
import { mediaServer, metadata, pngBytes, sha256, STORES, Uploader } from './media-helpers.ts';

const enc = (id: string) => encodeURIComponent(id);

/** Send a media message over HTTP to a conversation, or to a user (`@name`: the 1:1 conversation, opened on first use). */
function sendFile(user: Uploader, target: string, clientMsgId: string, body: unknown, type: number = MessageType.IMAGE) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const path = target.startsWith('@') ? `/v1/users/${target.slice(1)}/messages` : `/v1/conversations/${enc(target)}/messages`;
  return user.json('POST', path, { clientMsgId, type, body: Buffer.from(raw).toString('base64') });
}

/** Parse a multipart/byteranges body into its parts' Content-Range and bytes. */
function multipart(bytes: Buffer, contentType: string): { range: string; bytes: Buffer }[] {
  const boundary = /boundary=([^;]+)/.exec(contentType)![1]!;
  const parts: { range: string; bytes: Buffer }[] = [];
  let at = 0;
  for (;;) {
    const start = bytes.indexOf(`--${boundary}`, at);
    if (bytes.subarray(start + boundary.length + 2, start + boundary.length + 4).toString() === '--') break;
    const headEnd = bytes.indexOf('\r\n\r\n', start);
    const head = bytes.subarray(start, headEnd).toString();
    const range = /content-range: bytes (\S+)/i.exec(head)![1]!;
    const [from, to] = range.split('/')[0]!.split('-').map(Number) as [number, number];
    parts.push({ range, bytes: bytes.subarray(headEnd + 4, headEnd + 4 + (to - from + 1)) });
    at = headEnd + 4 + (to - from + 1) + 2;
  }
  return parts;
}

for (const kind of STORES) {
  describe(`Files on ${kind}`, () => {
    let server: TestServer;
    const u: Record<string, Uploader> = {};

    before(async () => {
      server = await mediaServer(kind, { mediaSweepMs: 0 });
      for (const name of ['ann', 'ben', 'cat', 'dan', 'eve', 'fay', 'gus', 'hal']) u[name] = await Uploader.register(server.httpUrl, name);
    });
    after(async () => {
      await server.stop();
    });

    test('a message carries a file of its sender: size, mime and name come from the file; a resend is the same message', async () => {
      const data = pngBytes(2000);
      const fileId = await u.ann!.upload(data, metadata({ filename: 'cat.png', filetype: 'image/png' }));
      const claimed = { fileId, size: 1, mime: 'text/html', name: 'evil.html', width: 640, height: 480 };
      const sent = await sendFile(u.ann!, '@ben', 'img-1', claimed);
      assert.equal(sent.status, 201, sent.body);
      const page = (await u.ben!.json('GET', `/v1/conversations/${enc('d:ann:ben')}/messages?from=${sent.json().seq}`)).json();
      const body = JSON.parse(Buffer.from(page.messages[0].body, 'base64').toString());
      assert.deepEqual(body, { fileId, size: 2000, mime: 'image/png', name: 'cat.png', width: 640, height: 480 });
      const again = await sendFile(u.ann!, '@ben', 'img-1', claimed);
      assert.deepEqual([again.status, again.json().seq, again.json().duplicate], [200, sent.json().seq, true]);
      const reused = await sendFile(u.ann!, '@ben', 'img-1', { fileId });
      assert.deepEqual([reused.status, reused.json().error.code], [409, ErrorCode.CLIENT_MSG_ID_REUSED]);
      // Every media kind, VIDEO too.
      for (const type of [MessageType.FILE, MessageType.VOICE, MessageType.VIDEO]) {
        assert.equal((await sendFile(u.ann!, '@ben', `kind-${type}`, { fileId, durationMs: 1200 }, type)).status, 201);
      }
    });

    test("a send naming someone else's file is FORBIDDEN, an unknown one FILE_NOT_FOUND, a malformed body INVALID_ARGUMENT; nothing is stored", async () => {
      const bens = await u.ben!.upload(randomBytes(100));
      await u.ann!.json('POST', '/v1/users/ben/messages', { clientMsgId: 'hello', text: 'hello' });
      const before = (await u.ann!.json('GET', `/v1/conversations/${enc('d:ann:ben')}/messages?before=0&limit=1`)).json().maxSeq;
      const cases: [unknown, number, string][] = [
        [{ fileId: bens }, 403, ErrorCode.FORBIDDEN],
        [{ fileId: 'AAAAAAAAAAAAAAAAAAAAAA' }, 404, ErrorCode.FILE_NOT_FOUND],
        [{ fileId: await u.ann!.upload(randomBytes(5)), thumbnailId: bens }, 403, ErrorCode.FORBIDDEN],
        ['not json', 400, ErrorCode.INVALID_ARGUMENT],
        [{ fileId: '../../etc' }, 400, ErrorCode.INVALID_ARGUMENT],
        [{ fileId: bens, caption: 'x' }, 400, ErrorCode.INVALID_ARGUMENT],
        [{ fileId: bens, width: -1 }, 400, ErrorCode.INVALID_ARGUMENT],
        [[bens], 400, ErrorCode.INVALID_ARGUMENT],
      ];
      for (const [body, status, code] of cases) {
        const answer = await sendFile(u.ann!, '@ben', `bad-${Math.random()}`, body);
        assert.deepEqual([answer.status, answer.json().error.code], [status, code], JSON.stringify(body));
      }
      const after = (await u.ann!.json('GET', `/v1/conversations/${enc('d:ann:ben')}/messages?before=0&limit=1`)).json().maxSeq;
      assert.equal(after, before, 'no message was stored');
      assert.equal((await u.ben!.download(bens)).status, 200);
      assert.equal((await u.ann!.download(bens)).status, 404, 'and ann still cannot read it');
    });

    test('who may download: the uploader, members who may see the message; not others, not after a kick-before, a join-after, delete-for-me, a clear', async () => {
      const data = randomBytes(3000);
      const fileId = await u.ann!.upload(data, metadata({ filename: 'plan.pdf', filetype: 'application/pdf' }));
      const group = (await u.ann!.json('POST', '/v1/groups', { name: 'g', users: ['ben', 'dan', 'fay', 'gus'] })).json().conversationId as string;
      const sent = await sendFile(u.ann!, group, 'plan', { fileId }, MessageType.FILE);
      assert.equal(sent.status, 201, sent.body);
      const seq = sent.json().seq as number;
      await u.ann!.json('POST', `/v1/groups/${enc(group)}/kick`, { users: ['dan'] });
      await u.ann!.json('POST', `/v1/groups/${enc(group)}/invite`, { users: ['eve'] });
      assert.equal((await u.fay!.json('POST', `/v1/conversations/${enc(group)}/messages/${seq}/hide`, {})).status, 200);
      assert.equal((await u.gus!.json('POST', `/v1/conversations/${enc(group)}/clear`, { seq })).status, 200);
      const expect: Record<string, number> = { ann: 200, ben: 200, dan: 200, cat: 404, eve: 404, fay: 404, gus: 404 };
      for (const [name, status] of Object.entries(expect)) {
        const got = await u[name]!.download(fileId);
        assert.equal(got.status, status, `${name}: ${got.bytes.toString().slice(0, 200)}`);
        if (status === 200) assert.equal(sha256(got.bytes), sha256(data));
        else assert.equal(JSON.parse(got.bytes.toString()).error.code, ErrorCode.FILE_NOT_FOUND);
        assert.equal((await u[name]!.json('GET', `/v1/files/${fileId}/info`)).status, status, `${name} info`);
      }
      // A recall takes the file back from everyone but its uploader.
      assert.equal((await u.ann!.json('POST', `/v1/conversations/${enc(group)}/messages/${seq}/recall`, {})).status, 200);
      assert.equal((await u.ben!.download(fileId)).status, 404);
      assert.equal((await u.ann!.download(fileId)).status, 200);
      // A message carrying a file cannot be edited into another.
      const other = await sendFile(u.ann!, group, 'plan-2', { fileId }, MessageType.FILE);
      const edit = await u.ann!.json('POST', `/v1/conversations/${enc(group)}/messages/${other.json().seq}/edit`, { body: Buffer.from('{}').toString('base64') });
      assert.deepEqual([edit.status, edit.json().error.code], [409, ErrorCode.MESSAGE_LOCKED]);
    });

    test('Range: single, open-ended, suffix, several (multipart), beyond the end (416); If-None-Match (304), If-Range; HEAD', async () => {
      const data = randomBytes(1000);
      const fileId = await u.ann!.upload(data, metadata({ filename: 'r.png', filetype: 'image/png' }));
      const ann = u.ann!;
      const full = await ann.download(fileId);
      const etag = full.headers.get('etag')!;
      assert.deepEqual([full.status, etag, full.headers.get('accept-ranges'), full.headers.get('cache-control')?.startsWith('private')], [200, `"${sha256(data)}"`, 'bytes', true]);
      assert.equal(full.headers.get('content-disposition')?.split(';')[0], 'attachment', 'claimed png, not one: octet-stream, not inline');
      const single = await ann.download(fileId, { range: 'bytes=10-19' });
      assert.deepEqual([single.status, single.headers.get('content-range'), single.bytes], [206, 'bytes 10-19/1000', data.subarray(10, 20)]);
      const open = await ann.download(fileId, { range: 'bytes=990-' });
      assert.deepEqual([open.status, open.headers.get('content-range'), open.bytes], [206, 'bytes 990-999/1000', data.subarray(990)]);
      const suffix = await ann.download(fileId, { range: 'bytes=-5' });
      assert.deepEqual([suffix.status, suffix.headers.get('content-range'), suffix.bytes], [206, 'bytes 995-999/1000', data.subarray(995)]);
      const past = await ann.download(fileId, { range: 'bytes=500-5000' });
      assert.deepEqual([past.status, past.headers.get('content-range'), past.bytes.length], [206, 'bytes 500-999/1000', 500]);
      const many = await ann.download(fileId, { range: 'bytes=0-1, 100-109, -3' });
      assert.equal(many.status, 206);
      assert.match(many.headers.get('content-type')!, /^multipart\/byteranges; boundary=/);
      assert.equal(Number(many.headers.get('content-length')), many.bytes.length);
      assert.deepEqual(multipart(many.bytes, many.headers.get('content-type')!), [
        { range: '0-1/1000', bytes: data.subarray(0, 2) },
        { range: '100-109/1000', bytes: data.subarray(100, 110) },
        { range: '997-999/1000', bytes: data.subarray(997) },
      ]);
      const beyond = await ann.download(fileId, { range: 'bytes=1000-' });
      assert.deepEqual([beyond.status, beyond.headers.get('content-range'), JSON.parse(beyond.bytes.toString()).error.code], [416, 'bytes */1000', ErrorCode.RANGE_NOT_SATISFIABLE]);
      assert.equal((await ann.download(fileId, { range: 'bytes=5-1' })).status, 200, 'an invalid range is ignored');
      assert.equal((await ann.download(fileId, { range: 'lines=1-2' })).status, 200, 'a unit not of bytes is ignored');
      const cached = await ann.download(fileId, { 'if-none-match': etag });
      assert.deepEqual([cached.status, cached.bytes.length, cached.headers.get('etag')], [304, 0, etag]);
      assert.equal((await ann.download(fileId, { 'if-none-match': '"other"' })).status, 200);
      assert.equal((await ann.download(fileId, { range: 'bytes=0-0', 'if-range': etag })).status, 206);
      assert.equal((await ann.download(fileId, { range: 'bytes=0-0', 'if-range': '"stale"' })).status, 200, 'If-Range of another entity: the whole file');
      const head = await fetchWithin(`${server.httpUrl}/v1/files/${fileId}`, { method: 'HEAD', headers: { authorization: `Bearer ${ann.token}` } });
      assert.deepEqual([head.status, head.headers.get('content-length'), (await head.arrayBuffer()).byteLength], [200, '1000', 0]);
      const png = await ann.upload(pngBytes(50), metadata({ filetype: 'image/png' }));
      assert.equal((await ann.download(png)).headers.get('content-disposition')?.split(';')[0], 'inline', 'a real PNG is shown inline');
    });

    test('a signed link works without a token until it expires; a tampered one does not; a link to what you may not see is 404', async () => {
      const data = pngBytes(500);
      const fileId = await u.ann!.upload(data, metadata({ filetype: 'image/png' }));
      const link = await u.ann!.json('POST', `/v1/files/${fileId}/link`);
      assert.equal(link.status, 200);
      const { url, expiresAt } = link.json();
      assert.ok(url.startsWith(`/v1/files/${fileId}?`) && expiresAt > Date.now(), url);
      const got = await fetchWithin(`${server.httpUrl}${url}`);
      assert.equal(got.status, 200);
      assert.equal(sha256(Buffer.from(await got.arrayBuffer())), sha256(data));
      const ranged = await fetchWithin(`${server.httpUrl}${url}`, { headers: { range: 'bytes=0-7' } });
      assert.equal(ranged.status, 206);
      const tampered = url.replace(/sig=./, (m: string) => (m.endsWith('A') ? m.slice(0, -1) + 'B' : m.slice(0, -1) + 'A'));
      assert.equal((await fetchWithin(`${server.httpUrl}${tampered}`)).status, 401);
      const otherUser = url.replace('user=ann', 'user=cat');
      assert.equal((await fetchWithin(`${server.httpUrl}${otherUser}`)).status, 401);
      assert.equal((await u.cat!.json('POST', `/v1/files/${fileId}/link`)).status, 404);
      const short = await mediaServer(kind, { fileLinkTtlMs: 1000, mediaSweepMs: 0 });
      try {
        const kim = await Uploader.register(short.httpUrl, 'kim');
        const id = await kim.upload(randomBytes(10));
        const { url: soon, expiresAt: when } = (await kim.json('POST', `/v1/files/${id}/link`)).json();
        assert.equal((await fetchWithin(`${short.httpUrl}${soon}`)).status, 200);
        await waitUntil(() => Date.now() > when + 50, 10_000, 'the link to expire');
        assert.equal((await fetchWithin(`${short.httpUrl}${soon}`)).status, 401);
      } finally {
        await short.stop();
      }
    });

    test('instant upload: a hit with the right proof makes a file of your own; a wrong proof is 403 and spends the challenge', async () => {
      const data = randomBytes(20_000);
      await u.ann!.upload(data, metadata({ filename: 'movie.bin' }));
      const hal = u.hal!;
      const ask = () => hal.json('POST', '/v1/files/instant', { sha256: sha256(data), size: data.length, name: 'copy.bin', mime: 'application/octet-stream' });
      const challenge = await ask();
      assert.equal(challenge.status, 200, challenge.body);
      const { challengeId, start, end } = challenge.json();
      assert.ok(start >= 0 && end < data.length && end - start + 1 === 4096, JSON.stringify(challenge.json()));
      const proof = sha256(data.subarray(start, end + 1));
      // Someone else cannot answer hal's challenge (and it stays hal's).
      assert.equal((await u.cat!.json('POST', `/v1/files/instant/${challengeId}`, { sha256: proof })).status, 404);
      const made = await hal.json('POST', `/v1/files/instant/${challengeId}`, { sha256: proof });
      assert.equal(made.status, 201, made.body);
      const file = made.json();
      assert.deepEqual([file.ownerId, file.sha256, file.size, file.name], ['hal', sha256(data), data.length, 'copy.bin']);
      const got = await hal.download(file.fileId);
      assert.equal(sha256(got.bytes), sha256(data));
      assert.equal((await sendFile(hal, '@cat', 'fwd', { fileId: file.fileId }, MessageType.FILE)).status, 201, 'hal may send their copy');
      // Used twice: spent.
      assert.equal((await hal.json('POST', `/v1/files/instant/${challengeId}`, { sha256: proof })).status, 404);
      // A wrong proof: 403, and the challenge is spent.
      const second = (await ask()).json();
      const wrong = await hal.json('POST', `/v1/files/instant/${second.challengeId}`, { sha256: sha256(Buffer.from('guess')) });
      assert.deepEqual([wrong.status, wrong.json().error.code], [403, ErrorCode.FORBIDDEN]);
      const late = await hal.json('POST', `/v1/files/instant/${second.challengeId}`, { sha256: sha256(data.subarray(second.start, second.end + 1)) });
      assert.deepEqual([late.status, late.json().error.code], [404, ErrorCode.NOT_FOUND]);
    });

    test('instant upload: an unknown hash is 404, the same hash with another size too; bad input is 400', async () => {
      const data = randomBytes(100);
      await u.ann!.upload(data);
      const unknown = await u.hal!.json('POST', '/v1/files/instant', { sha256: sha256(randomBytes(10)), size: 10, name: 'x', mime: 'x/y' });
      assert.deepEqual([unknown.status, unknown.json().error.code], [404, ErrorCode.NOT_FOUND]);
      const size = await u.hal!.json('POST', '/v1/files/instant', { sha256: sha256(data), size: 101 });
      assert.equal(size.status, 404);
      for (const body of [{ sha256: 'xyz', size: 1 }, { sha256: sha256(data) }, { sha256: sha256(data), size: 0 }, { sha256: sha256(data), size: '100' }]) {
        assert.equal((await u.hal!.json('POST', '/v1/files/instant', body)).status, 400, JSON.stringify(body));
      }
      // A small file: the proof is all of it.
      const small = (await u.hal!.json('POST', '/v1/files/instant', { sha256: sha256(data), size: 100 })).json();
      assert.deepEqual([small.start, small.end], [0, 99]);
      assert.equal((await u.hal!.json('POST', '/v1/files/instant/not-a-challenge', { sha256: sha256(data) })).status, 404);
    });

    test('instant upload: a challenge expires; a copy is charged to the quota', async () => {
      const quick = await mediaServer(kind, { instantChallengeMs: 200, uploadQuotaBytesPerDay: 10_000, mediaSweepMs: 0 });
      try {
        const owner = await Uploader.register(quick.httpUrl, 'own');
        const taker = await Uploader.register(quick.httpUrl, 'tak');
        const data = randomBytes(6000);
        await owner.upload(data);
        const ask = async () => (await taker.json('POST', '/v1/files/instant', { sha256: sha256(data), size: data.length })).json();
        const old = await ask();
        await waitUntil(() => Date.now() > old.expiresAt + 20, 10_000, 'the challenge to expire');
        const expired = await taker.json('POST', `/v1/files/instant/${old.challengeId}`, { sha256: sha256(data.subarray(old.start, old.end + 1)) });
        assert.deepEqual([expired.status, expired.json().error.code], [404, ErrorCode.NOT_FOUND]);
        const fresh = await ask();
        assert.equal((await taker.json('POST', `/v1/files/instant/${fresh.challengeId}`, { sha256: sha256(data.subarray(fresh.start, fresh.end + 1)) })).status, 201);
        const over = await taker.json('POST', '/v1/files/instant', { sha256: sha256(data), size: data.length });
        assert.deepEqual([over.status, over.json().error.code], [429, ErrorCode.QUOTA_EXCEEDED], '6,000 of 10,000 used: another 6,000 would pass');
      } finally {
        await quick.stop();
      }
    });
  });
}
