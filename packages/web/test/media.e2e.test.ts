/**
 * Pictures and files: alice picks an image (drawn by the browser, a few MB of
 * PNG), sees the upload's progress bar, and bob gets a thumbnail that opens
 * full size; a file arrives as a download link carrying its name; a voice
 * clip as a player.
 */
import assert from 'node:assert/strict';
import { DESKTOP, openChat, PHONE, send, shot, signUp, startDirect, texts, until, webTest } from './harness.ts';

webTest('image upload with progress, a thumbnail on the other side that opens full size; a file with its name', async (w) => {
  const alice = await w.person(DESKTOP);
  await signUp(alice.page, 'alice');
  const bob = await w.person(PHONE);
  await signUp(bob.page, 'bob');
  await startDirect(alice.page, 'bob');
  await send(alice.page, 'look at this');
  await openChat(bob.page, 'alice');
  await until(bob.page, async () => (await texts(bob.page)).includes('look at this'), 'bob has the chat open');

  // A noisy 1600×1200 PNG (hard to compress: several MB) drawn in the page.
  const png = await alice.page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 1600;
    canvas.height = 1200;
    const g = canvas.getContext('2d')!;
    const img = g.createImageData(1600, 1200);
    let x = 12345;
    for (let i = 0; i < img.data.length; i += 4) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      img.data[i] = x & 255;
      img.data[i + 1] = (x >> 8) & 255;
      img.data[i + 2] = 120 + ((i / 4) % 1600) / 16;
      img.data[i + 3] = 255;
    }
    g.putImageData(img, 0, 0);
    const blob: Blob = await new Promise((r) => canvas.toBlob((b) => r(b!), 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  });
  const buffer = Buffer.from(png, 'base64');
  assert.ok(buffer.length > 1_000_000, `a large picture (${buffer.length} bytes)`);

  await alice.page.getByLabel('Choose files to send').setInputFiles({ name: 'sunset.png', mimeType: 'image/png', buffer });
  await alice.page.getByRole('progressbar', { name: 'Upload progress of sunset.png' }).waitFor();
  await until(alice.page, async () => (await alice.page.locator('.thumb img').count()) === 1, 'alice’s own picture in her timeline');

  const thumb = bob.page.locator('.thumb img');
  await until(bob.page, async () => (await thumb.count()) === 1 && (await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)), 'bob’s thumbnail loaded');
  const thumbWidth = await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth);
  assert.ok(thumbWidth > 0 && thumbWidth < 1600, `a thumbnail, not the original (${thumbWidth} px wide)`);
  await shot(bob.page, 'picture-phone');
  await bob.page.getByRole('button', { name: 'Open picture sunset.png' }).click();
  const full = bob.page.locator('.viewer img');
  await until(bob.page, async () => (await full.count()) === 1 && (await full.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1600)), 'the full-size picture');
  await bob.page.keyboard.press('Escape');

  // A file: a download link with its name.
  await alice.page.getByLabel('Choose files to send').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('bring water\n') });
  const link = bob.page.getByRole('link', { name: 'Download notes.txt' });
  await link.waitFor();
  await until(bob.page, async () => (await link.getAttribute('href')) !== null, 'the link’s address');
  assert.equal(await link.getAttribute('download'), 'notes.txt');
  const body = await bob.page.evaluate(async (href) => (await fetch(href!)).text(), await link.getAttribute('href'));
  assert.equal(body, 'bring water\n');
  // A voice clip (a WAV of one second): a player on bob's side that reads its length.
  const rate = 8000;
  const pcm = Buffer.alloc(rate * 2);
  for (let i = 0; i < rate; i++) pcm.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(pcm.length, 40);
  await alice.page.getByLabel('Choose files to send').setInputFiles({ name: 'memo.wav', mimeType: 'audio/wav', buffer: Buffer.concat([header, pcm]) });
  const player = bob.page.getByLabel('Voice message memo.wav');
  await player.waitFor();
  await until(bob.page, async () => (await player.evaluate((a: HTMLAudioElement) => a.readyState >= 1 && Math.abs(a.duration - 1) < 0.05)), 'bob’s player read the clip (1 s)');
  await shot(alice.page, 'picture-desktop');
  assert.deepEqual(w.foreignRequests, []);
  assert.deepEqual(w.cspViolations, []);
});
