/**
 * Offline and reload in a real browser: a page on the SDK's browser build keeps
 * its session in IndexedDB. It goes offline, sends 3 messages (queued), is
 * reloaded while still offline, and comes back online: the other user (a Node
 * SDK client) gets the 3 messages once each and in order, and the reloaded page
 * is not given again what it had already seen (its cursors came back from
 * IndexedDB). Skipped without Chromium unless PARLEY_REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page, Route } from 'playwright-core';
import { registerUser, startTestServer, waitUntil, withDeadline } from '@parley/testkit';
import { directConversationId, ParleyClient, type Message } from '../src/index.ts';
import { ensureBrowserBuild } from '../scripts/build-browser.ts';
import { bundleForPage, launchChromium, servePages, skipWithoutBrowser } from './browser.ts';
import type { PageState } from './browser-offline-page.ts';

const here = dirname(fileURLToPath(import.meta.url));
/** Generous: the machine is shared and slow; these bound waits on state, they time nothing. */
const DEADLINE_MS = 60_000;

type PageApi = typeof import('./browser-offline-page.ts');

/** Call an export of the page module. */
function call<K extends keyof PageApi>(page: Page, name: K, ...args: Parameters<PageApi[K]>): Promise<Awaited<ReturnType<PageApi[K]>>> {
  return withDeadline(
    page.evaluate(async ({ name, args }) => {
      const mod = (await import('/page.js' as string)) as Record<string, (...a: unknown[]) => unknown>;
      return mod[name]!(...args);
    }, { name, args: args as unknown[] }) as Promise<Awaited<ReturnType<PageApi[K]>>>,
    `the page's ${name}()`,
    DEADLINE_MS,
  );
}

test('SDK in Chromium › sends made offline survive a reload and are delivered once, in order; cursors survive the reload', { skip: skipWithoutBrowser }, async () => {
  await ensureBrowserBuild();
  const pageJs = await bundleForPage(join(here, 'browser-offline-page.ts'));
  assert.ok(pageJs.includes('IndexedDbSessionStore'), 'the page is bundled with the browser build');
  assert.ok(readFileSync(join(here, '../dist/browser/parley-sdk.js'), 'utf8').length > 0);
  const pages = await servePages({ '/page.js': pageJs });
  const server = await startTestServer();
  // A page served through a route (below, for the reload while offline) has no
  // address of its own, so Chromium's local-network checks would block its
  // WebSocket to the loopback server; a real app is served from its own origin.
  const browser = await launchChromium(['--disable-features=LocalNetworkAccessChecks']);
  const bob = new ParleyClient({ url: server.tcpUrl, token: await registerUser(server.httpUrl, 'bob'), deviceId: 'node' });
  try {
    const aliceToken = await registerUser(server.httpUrl, 'alice');
    const conversation = directConversationId('alice', 'bob');
    // What bob receives from alice (his own sends come back to him too; they are left out).
    const got: Message[] = [];
    bob.on('message', (m) => m.senderId === 'alice' && got.push(m));
    await withDeadline(bob.connect(), 'bob to connect', DEADLINE_MS);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pages.url);
    const start = { url: server.wsUrl, token: aliceToken, user: 'alice' };
    await call(page, 'start', start);
    let last: PageState | undefined;
    const view = async () => (last = await call(page, 'view'));
    const shown = () => JSON.stringify(last);
    await waitUntil(async () => (await view()).state === 'online', DEADLINE_MS, 'the page to be online');

    // Two messages from bob reach the page, and its cursor for them reaches IndexedDB.
    await withDeadline(bob.send({ to: 'alice', text: 'hi 1' }), 'bob send 1', DEADLINE_MS);
    await withDeadline(bob.send({ to: 'alice', text: 'hi 2' }), 'bob send 2', DEADLINE_MS);
    await waitUntil(async () => (await view()).seen.length === 2, DEADLINE_MS, () => `the page to see bob's 2 messages: ${shown()}`);
    assert.deepEqual((await view()).seen, ['1:hi 1', '2:hi 2']);
    await waitUntil(async () => (await call(page, 'stored', 'alice')).cursors[conversation] === 2, DEADLINE_MS, 'the cursor to be stored');

    // Offline: the connection drops and the sends wait in the IndexedDB outbox.
    await context.setOffline(true);
    await waitUntil(async () => (await view()).state !== 'online', DEADLINE_MS, 'the page to notice it is offline');
    for (const text of ['offline 1', 'offline 2', 'offline 3']) await call(page, 'queue', 'bob', text);
    await waitUntil(async () => (await call(page, 'stored', 'alice')).outbox.length === 3, DEADLINE_MS, 'the 3 sends to be stored');
    assert.deepEqual((await call(page, 'stored', 'alice')).outbox, ['offline 1', 'offline 2', 'offline 3']);
    assert.equal((await view()).acks, 0, 'nothing was acked while offline');

    // Reload while offline: the page itself still loads (served through a route,
    // as a service worker would), and the new client finds its outbox in IndexedDB.
    const servePage = async (route: Route) => {
      const path = new URL(route.request().url()).pathname;
      await route.fulfill(path === '/page.js' ? { contentType: 'text/javascript', body: pageJs } : { contentType: 'text/html', body: '<!doctype html><title>parley</title>' });
    };
    await page.route(pages.url + '**', servePage);
    await page.reload();
    await call(page, 'start', start);
    await page.unroute(pages.url + '**', servePage);
    assert.deepEqual((await call(page, 'stored', 'alice')).outbox, ['offline 1', 'offline 2', 'offline 3'], 'the outbox after the reload');
    assert.equal(got.length, 0, 'bob got nothing while alice was offline');

    // Back online: delivered, once and in order.
    await context.setOffline(false);
    await waitUntil(async () => (await view(), got.length >= 3), DEADLINE_MS, () => `bob to get the 3 messages: ${got.map((m) => m.text).join(', ')}; the page: ${shown()}`);
    await waitUntil(async () => (await call(page, 'stored', 'alice')).outbox.length === 0, DEADLINE_MS, 'the outbox to empty');
    // A message after them: once the page has it, anything alice's client sent before has been delivered too.
    await withDeadline(bob.send({ to: 'alice', text: 'welcome back' }), 'bob send 3', DEADLINE_MS);
    await waitUntil(async () => (await view()).seen.includes('6:welcome back'), DEADLINE_MS, () => `the page to see bob's reply: ${shown()}`);
    assert.deepEqual(got.map((m) => `${m.seq}:${m.text}:${m.senderId}`), ['3:offline 1:alice', '4:offline 2:alice', '5:offline 3:alice'], 'bob got each once, in order');
    const history = await withDeadline(bob.history(conversation, { limit: 50 }), 'the history', DEADLINE_MS);
    assert.deepEqual(history.map((m) => `${m.seq}:${m.text}`), ['1:hi 1', '2:hi 2', '3:offline 1', '4:offline 2', '5:offline 3', '6:welcome back'], 'the server holds each message once');

    // The reloaded page was not given bob's first two messages again.
    const after: PageState = await view();
    assert.deepEqual(after.seen, ['3:offline 1', '4:offline 2', '5:offline 3', '6:welcome back']);
    assert.equal(after.acks, 3);
    assert.deepEqual(after.storeErrors, []);
  } finally {
    await bob.close();
    await browser.close();
    await server.stop();
    pages.close();
  }
});
