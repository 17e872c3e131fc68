/**
 * Uploads › interoperate with tus-js-client (the reference tus client), on both
 * stores: a plain upload, a parallel upload (its `parallelUploads`, which uses
 * concatenation), and an upload through a proxy that cuts every connection
 * after a few hundred KiB, which the client resumes (HEAD, PATCH) until done.
 * Each verifies the SHA-256 of the stored file.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import * as tus from 'tus-js-client';
import { startFaultProxy, withDeadline, type FaultProxy, type TestServer } from '@parley/testkit';
import { mediaServer, sha256, STORES, Uploader } from './media-helpers.ts';

/** Upload `data` with tus-js-client; resolves with the upload's URL once it succeeds. */
function tusUpload(endpoint: string, token: string, data: Buffer, options: Partial<tus.UploadOptions> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(data, {
      endpoint,
      headers: { authorization: `Bearer ${token}` },
      metadata: { filename: 'interop.bin', filetype: 'application/octet-stream' },
      storeFingerprintForResuming: false,
      retryDelays: [0, 50, 100, 200, 400],
      onError: reject,
      onSuccess: () => resolve(upload.url!),
      ...options,
    });
    upload.start();
  });
}

for (const kind of STORES) {
  describe(`Uploads › tus-js-client on ${kind}`, () => {
    let server: TestServer;
    let ann: Uploader;
    let proxy: FaultProxy;

    before(async () => {
      server = await mediaServer(kind, { mediaSweepMs: 0 });
      ann = await Uploader.register(server.httpUrl, 'ann');
      proxy = await startFaultProxy(server.httpPort);
    });
    after(async () => {
      await proxy.close();
      await server.stop();
    });

    /** The file an upload URL became, and its SHA-256 as the server has it. */
    const stored = async (url: string) => {
      const upload = (await ann.send('GET', new URL(url).pathname, { tus: false })).json();
      assert.ok(upload.fileId, JSON.stringify(upload));
      const info = (await ann.json('GET', `/v1/files/${upload.fileId}/info`)).json();
      const bytes = (await ann.download(upload.fileId)).bytes;
      return { info, downloaded: sha256(bytes) };
    };

    test('a plain upload, in chunks', async () => {
      const data = randomBytes(3 * 1024 * 1024 + 17);
      const url = await withDeadline(tusUpload(`${server.httpUrl}/v1/uploads`, ann.token, data, { chunkSize: 1024 * 1024 }), 'tus-js-client to upload');
      const { info, downloaded } = await stored(url);
      assert.deepEqual([info.size, info.sha256, downloaded, info.name], [data.length, sha256(data), sha256(data), 'interop.bin']);
    });

    test('a parallel upload (parallelUploads: partial uploads, then a final one)', async () => {
      const data = randomBytes(2 * 1024 * 1024 + 5);
      const url = await withDeadline(tusUpload(`${server.httpUrl}/v1/uploads`, ann.token, data, { parallelUploads: 4 }), 'tus-js-client to upload in parallel');
      const { info, downloaded } = await stored(url);
      assert.deepEqual([info.size, info.sha256, downloaded], [data.length, sha256(data), sha256(data)]);
    });

    test('a resume after cut connections: every connection is cut after 256 KiB, the client resumes from the offset the server kept', async () => {
      const data = randomBytes(2 * 1024 * 1024);
      const cutsBefore = proxy.cuts;
      proxy.closeAfterBytes(256 * 1024);
      try {
        const url = await withDeadline(
          tusUpload(`http://127.0.0.1:${proxy.port}/v1/uploads`, ann.token, data, { retryDelays: Array.from({ length: 40 }, () => 20) }),
          'tus-js-client to upload through the cutting proxy',
          60_000,
        );
        assert.ok(proxy.cuts - cutsBefore >= 4, `connections cut: ${proxy.cuts - cutsBefore}`);
        const { info, downloaded } = await stored(url.replace(`127.0.0.1:${proxy.port}`, new URL(server.httpUrl).host));
        assert.deepEqual([info.size, info.sha256, downloaded], [data.length, sha256(data), sha256(data)]);
      } finally {
        proxy.closeAfterBytes(0);
      }
    });
  });
}
