/**
 * Running a group: the owner renames it (everyone sees the new name and the
 * event line), makes bob an admin (bob then gets the admin controls: invite and
 * remove), lets only the owner and admins send for a while (carol, a member,
 * sees why she cannot write; bob still can), and carol leaves (the others see
 * "carol left"; carol can no longer write there).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DESKTOP, openChat, PHONE, send, signUp, texts, until, webTest } from './harness.ts';

async function events(page: Page): Promise<string[]> {
  return page.locator('.timeline .event').allTextContents();
}

async function listTitles(page: Page): Promise<string[]> {
  return page.locator('.conv .conv-title').allTextContents();
}

webTest('group admin: rename, make admin, only admins send, leave', async (w) => {
  const alice = await w.person(DESKTOP);
  const bob = await w.person(DESKTOP);
  const carol = await w.person(PHONE);
  await signUp(alice.page, 'alice');
  await signUp(bob.page, 'bob');
  await signUp(carol.page, 'carol');

  await alice.page.getByRole('button', { name: 'New group' }).click();
  await alice.page.getByLabel('Group name').fill('Book club');
  await alice.page.getByLabel(/^Members/).fill('bob, carol');
  await alice.page.getByRole('button', { name: 'Create group' }).click();
  await alice.page.getByRole('textbox', { name: 'Message' }).waitFor();
  await send(alice.page, 'First book?');
  await openChat(bob.page, 'Book club');
  await openChat(carol.page, 'Book club');
  await until(bob.page, async () => (await texts(bob.page)).includes('First book?'), 'bob sees the group');
  await until(carol.page, async () => (await texts(carol.page)).includes('First book?'), 'carol sees the group');

  // Rename.
  await alice.page.getByRole('button', { name: 'Group info' }).click();
  const name = alice.page.getByRole('dialog').getByLabel('Group name');
  await name.fill('Reading circle');
  await alice.page.getByRole('button', { name: 'Rename', exact: true }).click();
  await alice.page.getByText('Renamed.').waitFor();
  for (const p of [alice.page, bob.page, carol.page]) {
    const renamed = `${p === alice.page ? 'You' : 'alice'} renamed the group to “Reading circle”`;
    await until(p, async () => (await events(p)).includes(renamed), 'the rename event in every timeline');
    await until(p, async () => (await listTitles(p)).includes('Reading circle') && !(await listTitles(p)).includes('Book club'), 'the new name in every list');
  }
  await until(bob.page, async () => (await bob.page.locator('h2', { hasText: 'Reading circle' }).count()) === 1, 'the new name in bob’s open chat');

  // Bob, a member, has no admin controls yet.
  await bob.page.getByRole('button', { name: 'Group info' }).click();
  await bob.page.getByRole('button', { name: 'Leave group' }).waitFor();
  assert.equal(await bob.page.getByLabel('Invite by user id').count(), 0, 'a member cannot invite');
  assert.equal(await bob.page.getByRole('button', { name: 'Remove carol' }).count(), 0, 'a member cannot remove');
  await bob.page.getByRole('button', { name: 'Close' }).click();

  // Make bob an admin.
  await alice.page.getByRole('button', { name: 'Make bob an admin' }).click();
  await alice.page.getByRole('button', { name: 'Make bob a member' }).waitFor();
  await alice.page.getByRole('button', { name: 'Close' }).click();
  await until(alice.page, async () => (await events(alice.page)).includes('You made bob an admin'), 'the role event in alice’s timeline');
  await until(bob.page, async () => (await events(bob.page)).includes('alice made you an admin'), 'the role event in bob’s timeline');
  await until(carol.page, async () => (await events(carol.page)).includes('alice made bob an admin'), 'the role event in carol’s timeline');
  await bob.page.getByRole('button', { name: 'Group info' }).click();
  await bob.page.getByRole('button', { name: 'Remove carol' }).waitFor();
  await bob.page.getByLabel('Invite by user id').waitFor();
  assert.equal(await bob.page.getByRole('button', { name: 'Remove alice' }).count(), 0, 'an admin cannot remove the owner');
  assert.equal(await bob.page.getByRole('button', { name: /^Make .* an admin$/ }).count(), 0, 'only the owner sets roles');
  await bob.page.getByRole('button', { name: 'Close' }).click();

  // Only the owner and admins may send: carol, a member, gets the reason instead of a composer; bob, an admin, still writes.
  const onlyAdmins = alice.page.getByLabel('Only the owner and admins can send');
  await alice.page.getByRole('button', { name: 'Group info' }).click();
  await onlyAdmins.click();
  await until(alice.page, async () => (await events(alice.page)).includes('You allowed only admins to send'), 'the mute-all event in alice’s timeline');
  await until(alice.page, () => onlyAdmins.isChecked(), "the box shows the group muted");
  await alice.page.getByRole('button', { name: 'Close' }).click();
  await until(carol.page, async () => (await events(carol.page)).includes('alice allowed only admins to send'), 'carol sees the group muted');
  await carol.page.getByText('Only the owner and admins can send in this group for now.').waitFor();
  assert.equal(await carol.page.getByRole('textbox', { name: 'Message' }).count(), 0, 'no composer for a member while only admins may send');
  await until(bob.page, async () => (await events(bob.page)).includes('alice allowed only admins to send'), 'bob sees the group muted');
  assert.equal(await bob.page.getByText('Only the owner and admins can send in this group for now.').count(), 0, 'an admin keeps the composer');
  await send(bob.page, 'Admins only for a moment');
  await until(carol.page, async () => (await texts(carol.page)).includes('Admins only for a moment'), 'carol still reads the group');
  await alice.page.getByRole('button', { name: 'Group info' }).click();
  await onlyAdmins.click();
  await until(alice.page, async () => (await events(alice.page)).includes('You let everyone send again'), 'the unmute event in alice’s timeline');
  await until(alice.page, async () => !(await onlyAdmins.isChecked()), 'the box shows everyone may send');
  await alice.page.getByRole('button', { name: 'Close' }).click();
  await carol.page.getByRole('textbox', { name: 'Message' }).waitFor();
  await send(carol.page, 'Thanks, bye');
  await until(alice.page, async () => (await texts(alice.page)).includes('Thanks, bye'), 'carol writes again');

  // Carol leaves.
  await carol.page.getByRole('button', { name: 'Group info' }).click();
  await carol.page.getByRole('button', { name: 'Leave group' }).click();
  await carol.page.getByText('You are no longer a member of this group.').waitFor();
  assert.equal(await carol.page.getByRole('textbox', { name: 'Message' }).count(), 0, 'no composer once she left');
  for (const p of [alice.page, bob.page]) await until(p, async () => (await events(p)).includes('carol left'), 'the others see carol left');

  await send(bob.page, 'Just us two then');
  await until(alice.page, async () => (await texts(alice.page)).includes('Just us two then'), 'alice gets bob’s message');
  assert.ok(!(await texts(carol.page)).includes('Just us two then'), 'carol gets nothing after leaving');
  assert.deepEqual(w.foreignRequests, []);
  assert.deepEqual(w.cspViolations, []);
});
