/**
 * History loads backwards as the person scrolls up: bob (an SDK client) wrote
 * 120 messages; alice's app, opened afresh, shows the newest, and scrolling to the top brings
 * the older pages until the first, each message once and in order.
 */
import assert from 'node:assert/strict';
import { ParleyClient } from '@parley/sdk';
import { registerUser, withDeadline } from '@parley/testkit';
import { DESKTOP, openChat, signUp, texts, until, webTest } from './harness.ts';

webTest('history loads backwards on scroll-up, once and in order', async (w) => {
  const alice = await w.person(DESKTOP);
  await signUp(alice.page, 'alice');
  const bob = new ParleyClient({ url: w.server.wsUrl, token: await registerUser(w.server.httpUrl, 'bob'), deviceId: 'bob-node' });
  try {
    await withDeadline(bob.connect(), 'bob online');
    const expected = Array.from({ length: 120 }, (_, i) => `line ${i + 1}`);
    for (const text of expected) await withDeadline(bob.send({ to: 'alice', text }), `send ${text}`);
    // A fresh page: its timeline starts from the newest page of history, not from what the last one saw live.
    await alice.page.reload();
    await alice.page.getByText('Online', { exact: true }).waitFor();
    await openChat(alice.page, 'bob');
    await until(alice.page, async () => (await texts(alice.page)).includes('line 120'), 'the newest message shown');
    const first = await texts(alice.page);
    assert.ok(first.length < 120, `not everything at once (${first.length})`);
    const timeline = alice.page.getByRole('log', { name: 'Messages' });
    await until(
      alice.page,
      async () => {
        await timeline.evaluate((el) => el.scrollTo({ top: 0 }));
        return (await texts(alice.page)).includes('line 1') && (await alice.page.getByText('This is the start of your chat with bob.').count()) === 1;
      },
      'scrolled back to the first message and the start of the chat',
      60_000,
    );
    assert.deepEqual(await texts(alice.page), expected);
  } finally {
    await bob.close();
  }
});
