/**
 * An upload a reload cut short resumes by itself: alice attaches a 6 MiB file
 * (two tus chunks of at most 4 MiB); the first chunk reaches the server, the
 * second is held back, and the page is reloaded. The app kept the file in
 * IndexedDB, so after the reload it uploads the rest, from the server's offset,
 * without any file picker, shows the progress bar again and sends the message:
 * bob downloads exactly the bytes alice attached.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { Route } from 'playwright-core';
import { DESKTOP, online, openChat, PHONE, send, signUp, startDirect, texts, until, webTest } from './harness.ts';

webTest('an upload cut short by a reload resumes from the server’s offset without picking the file again', async (w) => {
  const alice = await w.person(DESKTOP);
  await signUp(alice.page, 'alice');
  const bob = await w.person(PHONE);
  await signUp(bob.page, 'bob');
  await startDirect(alice.page, 'bob');
  await send(alice.page, 'a big one is coming');
  await openChat(bob.page, 'alice');
  await until(bob.page, async () => (await texts(bob.page)).includes('a big one is coming'), 'bob has the chat open');

  const file = randomBytes(6 * 1024 * 1024);
  const sha256 = createHash('sha256').update(file).digest('hex');

  // Before the reload: the first PATCH goes through, the next is held (never reaches the server).
  // After it: every PATCH is counted, and the first is held until the test has seen the progress bar again.
  let phase: 'before' | 'after' = 'before';
  let bytesBefore = 0;
  let bytesAfter = 0;
  let patchesBefore = 0;
  const held: Route[] = [];
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await alice.page.route('**/v1/uploads/**', async (route) => {
    const req = route.request();
    if (req.method() !== 'PATCH') return route.continue();
    const length = req.postDataBuffer()?.length ?? 0;
    if (phase === 'before') {
      patchesBefore++;
      if (patchesBefore === 1) {
        bytesBefore += length;
        return route.continue();
      }
      held.push(route);
      return;
    }
    bytesAfter += length;
    await released;
    await route.continue();
  });

  await alice.page.getByLabel('Choose files to send').setInputFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: file });
  const progress = alice.page.getByRole('progressbar', { name: 'Upload progress of big.bin' });
  await until(alice.page, async () => held.length > 0 && (await progress.count()) === 1 && (await progress.evaluate((p: HTMLProgressElement) => p.value)) > 0, 'part of the file sent, the rest held');
  assert.ok(bytesBefore > 0 && bytesBefore < file.length, `a first chunk went through (${bytesBefore} bytes)`);

  phase = 'after';
  await alice.page.reload();
  for (const r of held) await r.abort().catch(() => undefined); // its page is gone
  await online(alice.page);
  await openChat(alice.page, 'bob');
  // No file picker: the app found the kept file and resumed by itself, from the server's offset.
  await progress.waitFor();
  await until(alice.page, async () => (await progress.evaluate((p: HTMLProgressElement) => p.value)) >= bytesBefore, 'the bar starts where the reload left it');
  release();

  const link = bob.page.getByRole('link', { name: 'Download big.bin' });
  await link.waitFor();
  await until(bob.page, async () => (await link.getAttribute('href')) !== null, 'the link’s address');
  const got = await bob.page.evaluate(async (href) => {
    const bytes = await (await fetch(href!)).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return { size: bytes.byteLength, sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') };
  }, await link.getAttribute('href'));
  assert.deepEqual(got, { size: file.length, sha256 }, 'bob has exactly the bytes alice attached');
  assert.ok(bytesAfter > 0 && bytesAfter < file.length, `after the reload only the rest was sent (${bytesAfter} of ${file.length} bytes)`);
  assert.equal(bytesBefore + bytesAfter, file.length, 'nothing was sent twice');
  await until(alice.page, async () => (await progress.count()) === 0, 'alice’s upload row gone');
  // Sent once: the kept copy is gone, so another reload neither uploads nor sends it again.
  await alice.page.reload();
  await online(alice.page);
  await openChat(alice.page, 'bob');
  await alice.page.getByRole('link', { name: 'Download big.bin' }).waitFor();
  assert.equal(await alice.page.locator('.bubble.upload').count(), 0, 'nothing left to upload');
  assert.equal(await alice.page.getByRole('link', { name: 'Download big.bin' }).count(), 1, 'the file was sent once');
});
