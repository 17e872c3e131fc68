/**
 * Offline send: alice's browser loses the server (the network goes offline
 * and the path to the server is cut), she writes three messages (queued, with
 * a banner), reloads the page while still offline (the service worker opens
 * the app; IndexedDB keeps the outbox), writes one more, and comes back:
 * bob gets every message once, in the order she wrote them.
 */
import assert from 'node:assert/strict';
import { startFaultProxy } from '@parley/testkit';
import { DESKTOP, online, openChat, PHONE, send, shot, signUp, startDirect, texts, tickOf, until, webTest } from './harness.ts';

webTest('offline send: queued, kept across a reload while offline, delivered once and in order', async (w) => {
  const proxy = await startFaultProxy(Number(new URL(w.server.httpUrl).port));
  try {
    const alice = await w.person(DESKTOP, { baseUrl: `http://127.0.0.1:${proxy.port}` });
    await signUp(alice.page, 'alice');
    const bob = await w.person(PHONE);
    await signUp(bob.page, 'bob');
    await startDirect(alice.page, 'bob');
    await send(alice.page, 'before the tunnel');
    await until(alice.page, async () => (await tickOf(alice.page, 'before the tunnel')) !== 'queued', 'the first send acked');
    await openChat(bob.page, 'alice');
    // The app shell is cached before the network goes.
    await alice.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await alice.context.setOffline(true);
    proxy.setBlackhole(true);
    proxy.cutAll();
    await alice.page.getByText(/Connection lost/).waitFor();
    await send(alice.page, 'offline one');
    await send(alice.page, 'offline two');
    await until(alice.page, async () => (await tickOf(alice.page, 'offline two')) === 'queued', 'queued while offline');
    assert.equal(await tickOf(alice.page, 'offline one'), 'queued');
    await shot(alice.page, 'offline-desktop');

    await alice.page.reload();
    await alice.page.getByRole('textbox', { name: 'Message' }).waitFor();
    await until(alice.page, async () => (await texts(alice.page)).includes('offline two'), 'the queued messages shown after the reload');
    await send(alice.page, 'offline three');
    await until(alice.page, async () => (await tickOf(alice.page, 'offline three')) === 'queued', 'the third queued');

    await alice.context.setOffline(false);
    proxy.setBlackhole(false);
    await online(alice.page);
    const expected = ['before the tunnel', 'offline one', 'offline two', 'offline three'];
    await until(bob.page, async () => (await texts(bob.page)).length >= expected.length, 'bob gets the queued messages', 90_000);
    await until(alice.page, async () => (await tickOf(alice.page, 'offline three')) !== 'queued', 'alice’s queue drained', 60_000);
    assert.deepEqual(await texts(bob.page), expected, 'each once, in order, on bob’s side');
    await until(alice.page, async () => JSON.stringify(await texts(alice.page)) === JSON.stringify(expected), 'each once on alice’s side');
    assert.deepEqual(w.foreignRequests, []);
    assert.deepEqual(w.cspViolations, []);
  } finally {
    await proxy.close();
  }
});
