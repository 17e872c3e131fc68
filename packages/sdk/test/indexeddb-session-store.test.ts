/**
 * The SessionStore contract against IndexedDbSessionStore in headless Chromium:
 * every case writes, the page is reloaded (so only what reached IndexedDB is
 * left), and every case checks. Also: the store reopens after another
 * connection deletes its database, it rejects (does not hang) once closed, and
 * what it said was written survives the browser being killed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { withDeadline } from '@parley/testkit';
import { bundleForPage, launchChromium, launchChromiumWithProfile, servePages, skipWithoutBrowser } from './browser.ts';
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

/** The pids of the Chromium processes using `userDataDir` (a directory of this test's own). */
function chromiumPids(userDataDir: string): number[] {
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps
    .split('\n')
    .filter((line) => line.includes(`--user-data-dir=${userDataDir}`))
    .map((line) => Number.parseInt(line.trim(), 10))
    .filter((pid) => Number.isInteger(pid) && pid !== process.pid);
}

test('IndexedDbSessionStore › a write that resolved survives the browser being killed (kill -9)', { skip: skipWithoutBrowser }, async () => {
  const pages = await servePages({ '/sdk.js': await bundleForPage(join(here, '../src/index.ts')) });
  const profile = mkdtempSync(join(tmpdir(), 'parley-idb-profile-'));
  try {
    const first = await launchChromiumWithProfile(profile);
    const page = await first.newPage();
    await page.goto(pages.url);
    await withDeadline(
      page.evaluate(async () => {
        const { IndexedDbSessionStore } = await import('/sdk.js' as string);
        const store = await IndexedDbSessionStore.open('crash');
        for (const id of ['s1', 's2', 's3']) await store.putOutbox({ clientMsgId: id, to: 'bob', type: 1, body: new TextEncoder().encode(id), createdAt: 1 });
        await store.deleteOutbox('s2');
        await store.saveCursor('d:alice:bob', 41);
        await store.saveSyncToken('token-before-the-crash');
      }),
      'the writes',
      PAGE_DEADLINE_MS,
    );
    // Every write above has resolved: now the browser dies without a chance to flush anything.
    const closed = new Promise<void>((resolve) => first.on('close', () => resolve()));
    const pids = chromiumPids(profile);
    assert.ok(pids.length > 0, 'the browser processes were found');
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone with its parent
      }
    }
    await withDeadline(closed, 'the killed browser to be noticed', PAGE_DEADLINE_MS);

    const second = await launchChromiumWithProfile(profile);
    try {
      const again = await second.newPage();
      await again.goto(pages.url);
      const state = await withDeadline(
        again.evaluate(async () => {
          const { IndexedDbSessionStore } = await import('/sdk.js' as string);
          const s = await (await IndexedDbSessionStore.open('crash')).load();
          return { outbox: s.outbox.map((e: { clientMsgId: string }) => e.clientMsgId), cursors: s.cursors, syncToken: s.syncToken };
        }),
        'the load after the crash',
        PAGE_DEADLINE_MS,
      );
      assert.deepEqual(state, { outbox: ['s1', 's3'], cursors: { 'd:alice:bob': 41 }, syncToken: 'token-before-the-crash' });
    } finally {
      await second.close();
    }
  } finally {
    pages.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
