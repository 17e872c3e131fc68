/**
 * The SessionStore contract against IndexedDbSessionStore in headless Chromium:
 * every case writes, the page is reloaded (so only what reached IndexedDB is
 * left), and every case checks. Also: the store reopens after another
 * connection deletes its database, and it rejects (does not hang) once closed.
 */
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { withDeadline } from '@parley/testkit';
import { bundleForPage, launchChromium, servePages, skipWithoutBrowser } from './browser.ts';
import { sessionStoreContract } from './session-store-contract.ts';

const here = dirname(fileURLToPath(import.meta.url));
const PAGE_DEADLINE_MS = 60_000;

test('SessionStore contract › IndexedDB in Chromium, across a page reload', { skip: skipWithoutBrowser }, async () => {
  const pages = await servePages({ '/contract.js': await bundleForPage(join(here, 'indexeddb-page.ts')) });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(pages.url);
    const run = `contract-${Date.now()}`;
    const phase = (p: 'write' | 'check') =>
      withDeadline(
        page.evaluate(async ({ run, p }) => (await import('/contract.js' as string)).runPhase(run, p) as Promise<string[]>, { run, p }),
        `the ${p} phase in the page`,
        PAGE_DEADLINE_MS,
      );
    assert.deepEqual(await page.evaluate(async () => (await import('/contract.js' as string)).caseNames as string[]), sessionStoreContract.map((c) => c.name));
    assert.deepEqual(await phase('write'), [], 'the write phase');
    await page.reload();
    assert.deepEqual(await phase('check'), [], 'the check phase after a reload');
  } finally {
    await browser.close();
    pages.close();
  }
});

test('IndexedDbSessionStore › reopens after its database was deleted elsewhere, and rejects once closed', { skip: skipWithoutBrowser }, async () => {
  const pages = await servePages({ '/sdk.js': await bundleForPage(join(here, '../src/index.ts')) });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(pages.url);
    const result = await withDeadline(
      page.evaluate(async () => {
        const { IndexedDbSessionStore } = await import('/sdk.js' as string);
        const store = await IndexedDbSessionStore.open('reopen');
        await store.saveSyncToken('before');
        // Another tab signs out: its delete closes our connection (versionchange) and goes through.
        await IndexedDbSessionStore.destroy('reopen');
        const afterDelete = (await store.load()).syncToken;
        await store.saveSyncToken('after');
        const other = await IndexedDbSessionStore.open('reopen');
        const seenElsewhere = (await other.load()).syncToken;
        other.close();
        store.close();
        const closed = await store.saveCursor('c', 1).then(
          () => 'resolved',
          (err: { code?: string; message: string }) => `${err.code}: ${err.message}`,
        );
        return { afterDelete, seenElsewhere, closed };
      }),
      'the page',
      PAGE_DEADLINE_MS,
    );
    assert.deepEqual(result, { afterDelete: '', seenElsewhere: 'after', closed: 'UNAVAILABLE: the IndexedDbSessionStore reopen is closed' });
  } finally {
    await browser.close();
    pages.close();
  }
});
