/**
 * Thumbnails as files: when an image upload completes, the Thumbnailer makes its
 * thumbnails and the largest becomes a file of the uploader's, named as the
 * image's thumbnail (FileRow.thumbnailId), with the image's displayed width and
 * height recorded on it. Who may download the image may download its thumbnail
 * (media/rules/files.ts). A failure costs the image its preview, never its upload.
 */
import type { Logger } from 'pino';
import type { BlobStore } from './blob-store.ts';
import type { FileListener, MediaService } from './media-service.ts';
import type { Thumbnailer } from './thumbnails.ts';

export function thumbnailFiles(thumbnailer: Thumbnailer, blobs: BlobStore, media: () => MediaService, log: Logger): FileListener {
  return async (file) => {
    if (!file.mime.startsWith('image/') || file.size === 0) return;
    const result = await thumbnailer.make(await blobs.read(file.blobKey));
    if (!result.ok) {
      log.info({ fileId: file.id, reason: result.reason }, `no thumbnail: ${result.message}`);
      return;
    }
    const largest = result.thumbnails[result.thumbnails.length - 1];
    let thumbnailId = '';
    if (largest) {
      const thumb = await media().addFile(file.ownerId, largest.bytes, { name: `${file.name}.thumbnail.webp`, mime: largest.mime });
      await media().setFileMedia(thumb.id, { width: largest.width, height: largest.height, durationMs: null, thumbnailId: '' });
      thumbnailId = thumb.id;
    }
    await media().setFileMedia(file.id, { width: result.width, height: result.height, durationMs: null, thumbnailId });
  };
}
