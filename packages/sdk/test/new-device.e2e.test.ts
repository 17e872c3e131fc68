/**
 * A brand-new device follows change, not history: its first sync gives each
 * conversation's state and only its newest `firstSyncMessages` messages; the
 * rest comes from history() on demand. A device that already knows a
 * conversation still gets everything it missed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { directConversationId } from '@parley/protocol';
import { waitUntil, WAIT_MS } from '@parley/testkit';
import { sdkWorld } from './world.ts';

const SENDERS = ['s1', 's2', 's3', 's4', 's5'];
const MESSAGES = 80;
const FIRST = 10;
const world = sdkWorld(['me', ...SENDERS]);

describe('A new device', () => {
  test(`gets each conversation's state and its newest ${FIRST} messages, not its history; history() pages back`, async () => {
    const old = await world.open('me');
    await Promise.all(
      SENDERS.map(async (s) => {
        const d = await world.open(s);
        for (let i = 1; i <= MESSAGES; i++) await d.client.send({ to: 'me', text: `${s}-${i}` });
      }),
    );
    const fresh = await world.open('me', { firstSyncMessages: FIRST });
    for (const s of SENDERS) {
      const conversationId = directConversationId('me', s);
      const got = fresh.got.filter((m) => m.conversationId === conversationId);
      assert.deepEqual(got.map((m) => m.text), Array.from({ length: FIRST }, (_, i) => `${s}-${MESSAGES - FIRST + i + 1}`), `${s}: the newest ${FIRST}, in order`);
      const info = fresh.client.conversation(conversationId)!;
      assert.deepEqual([info.maxSeq, info.unread, fresh.client.cursor(conversationId)], [MESSAGES, MESSAGES, MESSAGES], 'the state is whole');
      const page = await fresh.client.history(conversationId, { before: got[0]!.seq, limit: 30 });
      assert.deepEqual(page.map((m) => m.seq), Array.from({ length: 30 }, (_, i) => MESSAGES - FIRST - 30 + i + 1), 'history pages back from the first one shown');
    }
    // The device that was there all along has everything, as the contract says.
    assert.equal(old.got.filter((m) => !m.conversationId.startsWith('n:')).length, SENDERS.length * MESSAGES);
    // And the new device, once it knows a conversation, misses nothing after.
    await (await world.open('s1')).client.send({ to: 'me', text: 'later' });
    await waitUntil(() => fresh.got.some((m) => m.text === 'later'), WAIT_MS, 'the new device to get the next message');
  });
});
