/**
 * Edit, recall, reply and react: what alice changes shows on bob's side;
 * delete for me and clear history change only bob's own view.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DESKTOP, openChat, PHONE, send, signUp, startDirect, texts, until, webTest } from './harness.ts';

async function action(page: Page, text: string, item: string | RegExp): Promise<void> {
  const bubble = page.locator('.bubble', { has: page.locator('[data-testid="text"]', { hasText: text }) }).last();
  await bubble.focus();
  await bubble.getByRole('button', { name: 'Message actions' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

webTest('edit and recall seen on the other side; replies and reactions', async (w) => {
  const alice = await w.person(DESKTOP);
  await signUp(alice.page, 'alice');
  const bob = await w.person(PHONE);
  await signUp(bob.page, 'bob');
  await startDirect(alice.page, 'bob');
  await send(alice.page, 'see you at 5');
  await send(alice.page, 'wrong chat, sorry');
  await openChat(bob.page, 'alice');
  await until(bob.page, async () => (await texts(bob.page)).includes('wrong chat, sorry'), 'bob has both');

  await action(alice.page, 'see you at 5', 'Edit');
  const box = alice.page.getByRole('textbox', { name: 'Message' });
  await until(alice.page, async () => (await box.inputValue()) === 'see you at 5', 'the composer holds the text to edit');
  await box.fill('see you at 6');
  await box.press('Enter');
  await until(bob.page, async () => (await texts(bob.page)).includes('see you at 6'), 'bob sees the edit');
  assert.ok(!(await texts(bob.page)).includes('see you at 5'));
  await bob.page.locator('.row', { hasText: 'see you at 6' }).getByText('edited').waitFor();

  await action(alice.page, 'wrong chat, sorry', 'Recall for everyone');
  await until(bob.page, async () => !(await texts(bob.page)).includes('wrong chat, sorry'), 'the recalled text gone on bob’s side');
  await bob.page.getByText('This message was recalled').waitFor();

  await action(bob.page, 'see you at 6', 'React 👍');
  await alice.page.getByRole('button', { name: '👍 1, bob' }).waitFor();
  await action(bob.page, 'see you at 6', 'Reply');
  await send(bob.page, 'works for me');
  await alice.page.locator('.row', { hasText: 'works for me' }).locator('.quote', { hasText: 'see you at 6' }).waitFor();

  await action(bob.page, 'works for me', 'Delete for me');
  await until(bob.page, async () => !(await texts(bob.page)).includes('works for me'), 'deleted for bob');
  assert.ok((await texts(alice.page)).includes('works for me'), 'alice keeps it');

  // Clear history: bob's chat is empty, alice keeps hers.
  bob.page.once('dialog', (d) => void d.accept());
  await bob.page.getByRole('button', { name: 'More' }).click();
  await bob.page.getByRole('menuitem', { name: 'Clear history' }).click();
  await until(bob.page, async () => (await texts(bob.page)).length === 0, 'bob’s history cleared');
  assert.ok((await texts(alice.page)).includes('see you at 6'), 'alice keeps her history');
  assert.deepEqual(w.foreignRequests, []);
  assert.deepEqual(w.cspViolations, []);
});
