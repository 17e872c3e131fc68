/**
 * A group: alice creates it with bob, invites carol, renames it, kicks bob;
 * each step is an event line in everyone's timeline, and bob, removed, can no
 * longer write there.
 */
import assert from 'node:assert/strict';
import { DESKTOP, openChat, PHONE, send, shot, signUp, texts, until, webTest } from './harness.ts';
import type { Page } from 'playwright-core';

async function events(page: Page): Promise<string[]> {
  return page.locator('.timeline .event').allTextContents();
}

webTest('a group with an invite and a kick', async (w) => {
  const alice = await w.person(DESKTOP);
  const bob = await w.person(PHONE);
  const carol = await w.person(DESKTOP);
  await signUp(alice.page, 'alice');
  await signUp(bob.page, 'bob');
  await signUp(carol.page, 'carol');

  await alice.page.getByRole('button', { name: 'New group' }).click();
  await alice.page.getByLabel('Group name').fill('Weekend hike');
  await alice.page.getByLabel(/^Members/).fill('bob');
  await alice.page.getByRole('button', { name: 'Create group' }).click();
  await alice.page.getByRole('textbox', { name: 'Message' }).waitFor();
  await send(alice.page, 'Saturday at 9?');

  await openChat(bob.page, 'Weekend hike');
  await until(bob.page, async () => (await texts(bob.page)).includes('Saturday at 9?'), 'bob sees the group message');
  assert.ok((await events(bob.page)).some((e) => /alice created the group/.test(e)), 'the create event is in bob’s timeline');
  await send(bob.page, 'I am in');

  // Invite carol from the group info.
  await alice.page.getByRole('button', { name: 'Group info' }).click();
  await alice.page.getByLabel('Invite by user id').fill('carol');
  await alice.page.getByRole('button', { name: 'Invite', exact: true }).click();
  await alice.page.getByText('Invited.').waitFor();
  await alice.page.getByRole('button', { name: 'Remove carol' }).waitFor();
  await shot(alice.page, 'group-info-desktop');
  await alice.page.getByRole('button', { name: 'Close' }).click();

  await openChat(carol.page, 'Weekend hike');
  await until(carol.page, async () => (await events(carol.page)).some((e) => e === 'alice added carol' || e === 'alice added you'), 'carol sees that she was added');
  await until(bob.page, async () => (await events(bob.page)).includes('alice added carol'), 'bob sees carol added');
  await send(carol.page, 'Count me in too');
  await until(bob.page, async () => (await texts(bob.page)).includes('Count me in too'), 'bob sees carol’s message');
  await until(alice.page, async () => (await texts(alice.page)).includes('Count me in too'), 'alice sees carol’s message');
  await send(carol.page, '@bob can you bring snacks?');
  await until(bob.page, async () => (await bob.page.locator('.bubble.mention', { hasText: 'can you bring snacks?' }).count()) === 1, 'bob sees carol’s mention of him highlighted');
  assert.equal(await alice.page.locator('.bubble.mention').count(), 0, 'not a mention of alice');
  await shot(bob.page, 'group-phone');

  // Kick bob.
  await alice.page.getByRole('button', { name: 'Group info' }).click();
  await alice.page.getByRole('button', { name: 'Remove bob' }).click();
  await until(alice.page, async () => (await alice.page.getByRole('button', { name: 'Remove bob' }).count()) === 0, 'bob gone from the member list');
  await alice.page.getByRole('button', { name: 'Close' }).click();
  await until(carol.page, async () => (await events(carol.page)).includes('alice removed bob'), 'carol sees bob removed');
  await until(bob.page, async () => (await events(bob.page)).includes('alice removed you'), 'bob sees he was removed');
  await bob.page.getByText('You are no longer a member of this group.').waitFor();
  assert.equal(await bob.page.getByRole('textbox', { name: 'Message' }).count(), 0, 'no composer for a removed member');

  await send(alice.page, 'See you there');
  await until(carol.page, async () => (await texts(carol.page)).includes('See you there'), 'carol gets messages after the kick');
  assert.ok(!(await texts(bob.page)).includes('See you there'), 'bob gets nothing after the kick');
  assert.deepEqual(w.foreignRequests, []);
  assert.deepEqual(w.cspViolations, []);
});
