/**
 * The unread matrix: alice on two devices (two browser contexts), bob writing.
 * Reading on one of alice's devices clears the badge and the tab title on the
 * other; a reload keeps the counts; a muted chat still counts in its own
 * badge but neither in the title nor as a browser notification.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { badge, DESKTOP, online, openChat, PHONE, send, signIn, signUp, startDirect, tickOf, until, webTest } from './harness.ts';

/** Stands in for the Notification API (granted), recording what the app shows. */
function notificationSpy(): void {
  const w = window as unknown as { __notes: string[]; Notification: unknown };
  w.__notes = [];
  w.Notification = class {
    static permission = 'granted';
    static requestPermission() {
      return Promise.resolve('granted');
    }
    constructor(title: string, options?: { body?: string }) {
      w.__notes.push(`${title}: ${options?.body ?? ''}`);
    }
  };
}

const notes = (page: Page) => page.evaluate(() => (window as unknown as { __notes: string[] }).__notes.slice());

webTest('unread matrix: read on one device clears the other, reloads keep counts, a muted chat does not notify', async (w) => {
  const laptop = await w.person(DESKTOP);
  await signUp(laptop.page, 'alice');
  const desk = await w.person(DESKTOP, { initScript: notificationSpy });
  await signIn(desk.page, 'alice');
  // The desk window loses the focus (as when the person works in another window): new messages notify there.
  // (Headless pages all keep the focus; the blur event is what a browser fires when its window loses it.)
  const blur = () => desk.page.evaluate(() => void window.dispatchEvent(new Event('blur')));
  const bob = await w.person(PHONE);
  await signUp(bob.page, 'bob');

  await startDirect(bob.page, 'alice');
  await blur();
  await send(bob.page, 'are you there?');
  await send(bob.page, 'ping me when you are back');
  await until(bob.page, async () => (await tickOf(bob.page, 'ping me')) !== 'queued', 'bob’s sends acked');
  await until(laptop.page, async () => (await badge(laptop.page, 'bob')) === '2', 'laptop badge 2');
  await until(desk.page, async () => (await badge(desk.page, 'bob')) === '2', 'desk badge 2');
  await until(desk.page, async () => (await desk.page.title()) === '(2) Parley', 'desk title (2)');
  await until(desk.page, async () => (await notes(desk.page)).length === 2, 'two notifications on the background desk page');
  assert.deepEqual(await notes(desk.page), ['bob: are you there?', 'bob: ping me when you are back']);

  // Read on the laptop: the desk's badge and title clear.
  await openChat(laptop.page, 'bob');
  await until(desk.page, async () => (await badge(desk.page, 'bob')) === '', 'desk badge cleared by the laptop’s read');
  await until(desk.page, async () => (await desk.page.title()) === 'Parley', 'desk title cleared');
  await desk.page.reload();
  await online(desk.page);
  await desk.page.locator('.conv').first().waitFor();
  assert.equal(await badge(desk.page, 'bob'), '', 'still read after a reload');

  // A new message while neither device looks at the chat: 1 on both, also after a reload.
  await laptop.page.goto(w.server.httpUrl + '/');
  await online(laptop.page);
  await send(bob.page, 'third one');
  await until(laptop.page, async () => (await badge(laptop.page, 'bob')) === '1', 'laptop badge 1');
  await until(desk.page, async () => (await badge(desk.page, 'bob')) === '1', 'desk badge 1');
  await desk.page.reload();
  await online(desk.page);
  await blur();
  await until(desk.page, async () => (await badge(desk.page, 'bob')) === '1', 'desk badge 1 after a reload');
  await until(desk.page, async () => (await desk.page.title()) === '(1) Parley', 'desk title (1) after a reload');

  // Mute on the laptop (reading the chat on the way): the desk follows the setting.
  await openChat(laptop.page, 'bob');
  await laptop.page.getByRole('button', { name: 'Mute chat' }).click();
  await laptop.page.getByRole('button', { name: 'Unmute chat' }).waitFor();
  await laptop.page.goto(w.server.httpUrl + '/');
  await online(laptop.page);
  await until(desk.page, async () => (await desk.page.locator('.conv[aria-label="bob, muted"]').count()) === 1, 'desk shows the chat muted and read');
  const before = (await notes(desk.page)).length;
  await send(bob.page, 'muted news');
  await until(desk.page, async () => (await badge(desk.page, 'bob')) === '1', 'the muted chat still counts in its own badge');
  assert.equal(await desk.page.locator('.badge.muted').count(), 1, 'a muted badge');
  assert.equal(await desk.page.title(), 'Parley', 'a muted chat is not in the title');
  assert.equal((await notes(desk.page)).length, before, 'no notification for a muted chat');
  assert.deepEqual(w.foreignRequests, []);
  assert.deepEqual(w.cspViolations, []);
});
