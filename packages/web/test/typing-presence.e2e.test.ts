/**
 * Typing and presence: bob sees "alice is typing…" while she writes, and her
 * state go from online to last seen when she closes the app.
 */
import { DESKTOP, openChat, PHONE, send, signUp, startDirect, texts, until, webTest } from './harness.ts';

webTest('typing indicator and presence', async (w) => {
  const alice = await w.person(DESKTOP);
  await signUp(alice.page, 'alice');
  const bob = await w.person(PHONE);
  await signUp(bob.page, 'bob');
  await startDirect(alice.page, 'bob');
  await send(alice.page, 'hey');
  await openChat(bob.page, 'alice');
  await until(bob.page, async () => (await texts(bob.page)).includes('hey'), 'bob has the chat');
  const status = bob.page.getByTestId('status');
  await until(bob.page, async () => (await status.textContent()) === 'online', 'alice shown online');

  await alice.page.getByRole('textbox', { name: 'Message' }).pressSequentially('how are', { delay: 20 });
  await until(bob.page, async () => (await status.textContent()) === 'alice is typing…', 'typing shown');
  await alice.page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await until(bob.page, async () => (await texts(bob.page)).includes('how are'), 'the message');
  await until(bob.page, async () => (await status.textContent()) === 'online', 'typing over when the message came');

  await alice.context.close();
  await until(bob.page, async () => /^last seen/.test((await status.textContent()) ?? ''), 'alice last seen after closing the app', 60_000);
});
