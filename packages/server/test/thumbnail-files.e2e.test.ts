/**
 * Thumbnails as files, end to end: an image upload gets a thumbnail made as it
 * completes, before the upload is answered (a file of the uploader's, named by
 * the image's thumbnailId, with the displayed width and height recorded); whoever may download the image may
 * download its thumbnail; a file that is not an image, or a decompression bomb,
 * gets none and its upload stands.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { MessageType } from '@parley/protocol';
import { waitUntil, WAIT_MS, type TestServer } from '@parley/testkit';
import { mediaServer, metadata, pngBytes, Uploader } from './media-helpers.ts';

describe('Thumbnails of uploaded images', () => {
  let server: TestServer;
  const u: Record<string, Uploader> = {};
  before(async () => {
    server = await mediaServer('sqlite', { mediaSweepMs: 0 });
    for (const name of ['ann', 'ben', 'cat']) u[name] = await Uploader.register(server.httpUrl, name);
  });
  after(async () => {
    await server.stop();
  });

  const info = async (user: Uploader, fileId: string) => (await user.json('GET', `/v1/files/${fileId}/info`)).json();

  test('a photo taken sideways (EXIF orientation 6) gets an upright WebP thumbnail; the recipient may fetch it, others may not', async () => {
    // 1200 × 800 stored, displayed 800 × 1200 (rotated 90°).
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 40, b: 40 } } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const fileId = await u.ann!.upload(photo, metadata({ filename: 'photo.jpg', filetype: 'image/jpeg' }));
    // Named by the time the upload is answered, so the message the client sends next carries it.
    const image = await info(u.ann!, fileId);
    assert.ok(image.thumbnailId, 'the thumbnail, as soon as the upload is answered');
    assert.deepEqual([image.width, image.height], [800, 1200], 'the displayed size, EXIF applied');
    const thumb = await u.ann!.download(image.thumbnailId);
    assert.equal(thumb.status, 200);
    assert.equal(thumb.headers.get('content-type')?.split(';')[0], 'image/webp');
    const meta = await sharp(thumb.bytes).metadata();
    assert.deepEqual([meta.width, meta.height], [427, 640], 'upright, the longest side 640, never the 1200 of the original');

    // Sent to ben: he may fetch the image and its thumbnail; cat, who is not in the conversation, neither.
    const body = Buffer.from(JSON.stringify({ fileId, thumbnailId: image.thumbnailId })).toString('base64');
    const sent = await u.ann!.json('POST', '/v1/users/ben/messages', { clientMsgId: 'photo-1', type: MessageType.IMAGE, body });
    assert.equal(sent.status, 201, sent.body);
    assert.equal((await u.ben!.download(image.thumbnailId)).status, 200);
    assert.equal((await u.ben!.download(fileId)).status, 200);
    assert.equal((await u.cat!.download(image.thumbnailId)).status, 404);
  });

  test('no thumbnail for what is not an image, or is a bomb; the upload stands', async () => {
    const notAnImage = pngBytes(3000); // a PNG signature, then noise
    const bomb = await sharp({ create: { width: 12_000, height: 12_000, channels: 3, background: '#000' } }).png({ compressionLevel: 9 }).toBuffer(); // 144 MP
    for (const [name, bytes] of [['noise.png', notAnImage], ['bomb.png', bomb]] as const) {
      const fileId = await u.ann!.upload(bytes, metadata({ filename: name, filetype: 'image/png' }));
      const before = await info(u.ann!, fileId);
      assert.equal(before.size, bytes.length, `${name}: uploaded whole`);
      // Give the thumbnailer its chance: another image's thumbnail made after it means it has run.
      const marker = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } }).png().toBuffer();
      const markerId = await u.ann!.upload(marker, metadata({ filename: 'marker.png', filetype: 'image/png' }));
      await waitUntil(async () => (await info(u.ann!, markerId)).thumbnailId !== undefined, WAIT_MS, 'the thumbnailer to have run');
      assert.equal((await info(u.ann!, fileId)).thumbnailId, undefined, `${name}: no thumbnail`);
      assert.equal((await u.ann!.download(fileId)).status, 200, `${name}: still downloadable`);
    }
  });
});
