/**
 * Voice that streams while it is recorded (issue 14): alice holds the record
 * button (Chromium's fake microphone); while she is still holding it, bob's
 * page shows "alice is recording… (live)", has chunks, and Listen plays them
 * through MediaSource; she releases and both have one voice message with its
 * length. A recording cancelled with Escape, or by sliding off the button,
 * leaves nothing on either side; a refused microphone is said in words.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DESKTOP, openChat, send, shot, signUp, startDirect, texts, until, webTest } from './harness.ts';

const MIC = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

/** Bob's live bubble, as numbers: chunks received, bytes appended to the MediaSource (-1 when there is no bubble). */
async function live(page: Page): Promise<{ chunks: number; appended: number }> {
  // Read in one go in the page: the bubble may go between two reads.
  return page.evaluate(() => {
    const bubble = document.querySelector('[data-testid="live-voice"]');
    if (!bubble) return { chunks: -1, appended: -1 };
    return { chunks: Number(bubble.getAttribute('data-chunks')), appended: Number(bubble.getAttribute('data-appended')) };
  });
}

async function recordingState(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-testid="recording"]')?.getAttribute('data-state') ?? null);
}

const voiceMessages = (page: Page) => page.locator('.timeline .player audio[aria-label^="Voice message"]');

webTest(
  'hold to record: bob listens live before alice releases; both get one voice message; a cancelled recording leaves nothing',
  async (w) => {
    const alice = await w.person(DESKTOP, { permissions: ['microphone'] });
    await signUp(alice.page, 'alice');
    const bob = await w.person(DESKTOP, { permissions: ['microphone'] });
    await signUp(bob.page, 'bob');
    await startDirect(alice.page, 'bob');
    await send(alice.page, 'a voice message is coming');
    await openChat(bob.page, 'alice');
    await until(bob.page, async () => (await texts(bob.page)).includes('a voice message is coming'), 'bob has the chat open');

    // Alice presses and holds the record button.
    const record = alice.page.getByRole('button', { name: 'Hold to record a voice message' });
    await record.hover();
    await alice.page.mouse.down();
    await until(alice.page, async () => (await recordingState(alice.page)) === 'recording', 'alice is recording');

    // While she holds it: bob sees the live bubble, with chunks, and listens.
    await bob.page.getByText('alice is recording a voice message…').waitFor();
    await until(bob.page, async () => (await live(bob.page)).chunks >= 2, 'bob has received chunks of the live recording');
    await bob.page.getByRole('button', { name: 'Listen live to alice' }).click();
    await until(bob.page, async () => (await live(bob.page)).appended > 0, 'bob’s MediaSource has been given audio');
    const audio = bob.page.getByLabel('Live voice message from alice');
    await until(bob.page, async () => audio.evaluate((a: HTMLAudioElement) => a.buffered.length > 0 && a.buffered.end(0) > 0), 'bob’s player has buffered audio');
    assert.equal(await recordingState(alice.page), 'recording', 'alice is still holding the button');
    assert.equal(await voiceMessages(bob.page).count(), 0, 'no finished voice message yet');
    await shot(bob.page, 'voice-live-desktop');

    // She releases: one voice message, with its length, on both sides; the live bubble has gone.
    await alice.page.mouse.up();
    for (const page of [alice.page, bob.page]) {
      await until(page, async () => (await voiceMessages(page).count()) === 1, 'one voice message');
      const length = await page.locator('.timeline [data-testid="duration"]').textContent();
      assert.match(length ?? '', /^\d+:\d\d$/);
      assert.notEqual(length, '0:00');
    }
    await until(bob.page, async () => (await live(bob.page)).chunks === -1, 'bob’s live bubble has gone');
    await until(bob.page, async () => voiceMessages(bob.page).evaluate((a: HTMLAudioElement) => a.readyState >= 1), 'bob’s player read the recording');

    // A recording cancelled with Escape (held with the keyboard this time): nothing on either side.
    await alice.page.getByRole('button', { name: 'Hold to record a voice message' }).focus();
    await alice.page.keyboard.down('Space');
    await until(alice.page, async () => (await recordingState(alice.page)) === 'recording', 'alice records again');
    await until(bob.page, async () => (await live(bob.page)).chunks >= 1, 'bob sees the second recording live');
    await alice.page.keyboard.press('Escape');
    await alice.page.keyboard.up('Space');
    await until(alice.page, async () => (await recordingState(alice.page)) === null, 'alice’s recording ended');
    await until(bob.page, async () => (await live(bob.page)).chunks === -1, 'bob’s live bubble has gone');
    // Held with the pointer and slid off the button: cancelled too.
    await alice.page.getByRole('button', { name: 'Hold to record a voice message' }).hover();
    await alice.page.mouse.down();
    await until(alice.page, async () => (await recordingState(alice.page)) === 'recording', 'alice records a third time');
    await until(bob.page, async () => (await live(bob.page)).chunks >= 1, 'bob sees the third recording live');
    await alice.page.mouse.move(5, 5);
    await until(alice.page, async () => (await recordingState(alice.page)) === null, 'sliding away ended it');
    await alice.page.mouse.up();
    await until(bob.page, async () => (await live(bob.page)).chunks === -1, 'bob’s live bubble has gone again');
    // A message after them: once bob has it, anything the cancelled recordings could have sent would be there too.
    await send(alice.page, 'never mind');
    await until(bob.page, async () => (await texts(bob.page)).includes('never mind'), 'bob has the next message');
    await until(alice.page, async () => (await texts(alice.page)).includes('never mind'), 'alice has the next message');
    assert.equal(await voiceMessages(alice.page).count(), 1);
    assert.equal(await voiceMessages(bob.page).count(), 1);

    // A browser that refuses the microphone: the composer says so, and nothing is sent.
    const carol = await w.person(DESKTOP, {
      initScript: () => {
        navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      },
    });
    await signUp(carol.page, 'carol');
    await startDirect(carol.page, 'bob');
    const carolRecord = carol.page.getByRole('button', { name: 'Hold to record a voice message' });
    await carolRecord.hover();
    await carol.page.mouse.down();
    await carol.page.getByRole('alert').filter({ hasText: 'Microphone access was denied' }).waitFor();
    await carol.page.mouse.up();
    await until(carol.page, async () => (await recordingState(carol.page)) === null, 'carol’s composer is back');
    assert.equal(await voiceMessages(carol.page).count(), 0);

    assert.deepEqual(w.foreignRequests, []);
    assert.deepEqual(w.cspViolations, []);
  },
  { browserArgs: MIC },
);
