/**
 * Who may write to whom, as a person meets it: bob takes messages from friends
 * only, so alice's first message fails with the reason, and goes out on Retry
 * once bob lets strangers write again; bob blocks alice, her next message
 * fails and she discards it; unblocked, she can write again.
 */
import assert from 'node:assert/strict';
import { DESKTOP, openChat, PHONE, send, shot, signUp, startDirect, texts, tickOf, until, webTest } from './harness.ts';

webTest('stranger setting, a failed send retried and one discarded, block and unblock', async (w) => {
  const alice = await w.person(DESKTOP);
  await signUp(alice.page, 'alice');
  const bob = await w.person(PHONE);
  await signUp(bob.page, 'bob');

  await bob.page.getByRole('button', { name: /^People/ }).click();
  const strangers = bob.page.getByLabel('Let people who are not my friends message me');
  await strangers.waitFor();
  assert.equal(await strangers.isChecked(), true, 'strangers may write by default');
  await strangers.uncheck();
  await until(bob.page, async () => !(await strangers.isChecked()), 'the setting off');

  await startDirect(alice.page, 'bob');
  await send(alice.page, 'hello, we met at the meetup');
  await alice.page.getByText(/Not sent: .*only takes messages from friends/).waitFor();
  assert.equal(await tickOf(alice.page, 'we met at the meetup'), 'failed');
  await shot(alice.page, 'failed-send-desktop');

  await strangers.check();
  await until(bob.page, async () => await strangers.isChecked(), 'the setting on');
  await alice.page.getByRole('button', { name: 'Retry' }).click();
  await until(alice.page, async () => ['sent', 'delivered', 'read'].includes((await tickOf(alice.page, 'we met at the meetup')) ?? ''), 'the retried send stored');
  await bob.page.getByRole('button', { name: 'Close' }).click();
  await openChat(bob.page, 'alice');
  await until(bob.page, async () => (await texts(bob.page)).includes('hello, we met at the meetup'), 'bob gets it once');
  assert.deepEqual(await texts(bob.page), ['hello, we met at the meetup']);

  // Bob blocks alice: her next message fails; she discards it.
  await bob.page.getByRole('button', { name: 'Back to chats' }).click();
  await bob.page.getByRole('button', { name: /^People/ }).click();
  await bob.page.getByLabel('Find someone by user id').fill('alice');
  await bob.page.getByRole('button', { name: 'Block', exact: true }).click();
  await bob.page.getByRole('button', { name: 'Unblock alice' }).waitFor();
  await send(alice.page, 'are you there?');
  await alice.page.getByText(/Not sent: You cannot message this person/).waitFor();
  await alice.page.getByRole('button', { name: 'Discard' }).click();
  await until(alice.page, async () => !(await texts(alice.page)).includes('are you there?'), 'discarded');

  await bob.page.getByRole('button', { name: 'Unblock alice' }).click();
  await until(bob.page, async () => (await bob.page.getByRole('button', { name: 'Unblock alice' }).count()) === 0, 'unblocked');
  await bob.page.getByRole('button', { name: 'Close' }).click();
  await openChat(bob.page, 'alice');
  await send(alice.page, 'sorry, wrong person?');
  await until(bob.page, async () => (await texts(bob.page)).includes('sorry, wrong person?'), 'after the unblock, messages arrive');
  assert.deepEqual(await texts(bob.page), ['hello, we met at the meetup', 'sorry, wrong person?']);
  assert.deepEqual(w.foreignRequests, []);
  assert.deepEqual(w.cspViolations, []);
});
