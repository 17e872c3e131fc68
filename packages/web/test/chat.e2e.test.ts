/**
 * Two people meet in the app: sign up, friend request, accept, chat both
 * ways; the ticks of alice's message move from sent (bob's browser closed) to
 * delivered (bob's browser open on the list) to read (bob opens the chat).
 * Also: the page loads nothing from another host and is served with a CSP.
 */
import assert from 'node:assert/strict';
import { befriend, badge, DESKTOP, openChat, PHONE, send, shot, signUp, texts, tickOf, until, webTest } from './harness.ts';

webTest('sign up twice, befriend, chat both ways; ticks go sent → delivered → read', async (w) => {
  const res = await fetch(w.server.httpUrl + '/');
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.equal(res.headers.get('cache-control'), 'no-cache');

  const phone = await w.person(PHONE);
  await shot(phone.page, 'signin-phone');
  const alice = await w.person(DESKTOP);
  await shot(alice.page, 'signin-desktop');
  await signUp(alice.page, 'alice');
  await signUp(phone.page, 'bob');
  const bob = phone;
  await befriend(alice.page, 'alice', bob.page, 'bob');

  // Bob starts the chat from his friends list.
  await bob.page.getByRole('button', { name: /^People/ }).click();
  await bob.page.getByRole('button', { name: 'Message alice' }).click();
  await send(bob.page, 'hi alice!');
  await until(bob.page, async () => (await tickOf(bob.page, 'hi alice')) !== 'queued', 'bob’s message acked');

  await until(alice.page, async () => (await badge(alice.page, 'bob')) === '1', 'alice’s unread badge for bob');
  await until(alice.page, async () => (await alice.page.title()) === '(1) Parley', 'the tab title shows 1 unread');
  await openChat(alice.page, 'bob');
  await until(alice.page, async () => (await texts(alice.page)).includes('hi alice!'), 'alice sees bob’s message');
  await until(alice.page, async () => (await alice.page.title()) === 'Parley', 'the title unread cleared');

  // Bob's browser is closed: alice's message is stored (sent) but on none of bob's devices.
  await bob.page.close();
  await send(alice.page, 'hello bob, how are you?');
  await until(alice.page, async () => (await tickOf(alice.page, 'hello bob')) === 'sent', 'tick: sent');

  // Bob opens the app again (still signed in): his device gets the message, not yet read.
  bob.page = await bob.context.newPage();
  await bob.page.goto(w.server.httpUrl + '/');
  await until(alice.page, async () => (await tickOf(alice.page, 'hello bob')) === 'delivered', 'tick: delivered');
  await until(bob.page, async () => (await badge(bob.page, 'alice')) === '1', 'bob’s unread badge after reload');
  await shot(bob.page, 'list-phone');

  await openChat(bob.page, 'alice');
  await until(alice.page, async () => (await tickOf(alice.page, 'hello bob')) === 'read', 'tick: read');
  await send(bob.page, 'Great! Lunch tomorrow?');
  await until(alice.page, async () => (await texts(alice.page)).includes('Great! Lunch tomorrow?'), 'alice sees bob’s reply');
  await send(alice.page, 'Sure, 12:30 at the usual place');
  await until(bob.page, async () => (await texts(bob.page)).includes('Sure, 12:30 at the usual place'), 'bob sees alice’s answer');
  assert.deepEqual(await texts(bob.page), ['hi alice!', 'hello bob, how are you?', 'Great! Lunch tomorrow?', 'Sure, 12:30 at the usual place']);
  await until(alice.page, async () => (await tickOf(alice.page, 'Sure, 12:30')) === 'read', 'the last tick read');
  await shot(alice.page, 'chat-desktop');
  await shot(bob.page, 'chat-phone');

  assert.deepEqual(w.foreignRequests, [], 'the app asks no other host for anything');
  assert.deepEqual(w.cspViolations, [], 'the app needs nothing its CSP forbids');
});
