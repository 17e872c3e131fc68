import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { directConversationId, ErrorCode } from '@parley/protocol';
import { waitUntil, WAIT_MS } from '@parley/testkit';
import { sdkWorld } from './world.ts';

describe('Conversation settings: pinned and muted', () => {
  const world = sdkWorld(['pia', 'quin', 'rex']);
  const open = async (user: string) => (await world.open(user)).client;


  test('a setting made on one device reaches the others live and through sync, and orders the list; it is yours alone', async () => {
    const pia = await open('pia');
    const pia2 = await open('pia');
    const quin = await open('quin');
    const d = directConversationId('pia', 'quin');
    await quin.send({ to: 'pia', text: 'first chat' });
    const { conversationId: g } = await quin.createGroup('Later', ['pia']);
    await quin.send({ conversationId: g, text: 'newer activity here' });
    await waitUntil(() => pia2.conversation(g)?.maxSeq === 2, WAIT_MS, 'pia2 knows both');
    assert.equal(pia2.conversationList()[0]!.conversationId, g, 'most recent first');

    await pia.setConversationSettings(d, { pinned: true });
    await pia.setConversationSettings(g, { muted: true });
    await waitUntil(() => pia2.conversation(d)!.pinned && pia2.conversation(g)!.muted, WAIT_MS, 'pia2 follows');
    assert.equal(pia2.conversationList()[0]!.conversationId, d, 'pinned first');
    assert.equal(pia2.conversation(g)!.pinned, false);
    assert.equal(pia.conversation(d)!.pinned, true, 'the device that made the change knows it too');

    const fresh = await open('pia');
    assert.deepEqual([fresh.conversation(d)!.pinned, fresh.conversation(d)!.muted], [true, false]);
    assert.deepEqual([fresh.conversation(g)!.pinned, fresh.conversation(g)!.muted], [false, true]);
    assert.equal(quin.conversation(d)!.pinned, false, 'quin’s settings are his own');

    await pia.setConversationSettings(d, { pinned: false });
    await waitUntil(() => !pia2.conversation(d)!.pinned, WAIT_MS, 'unpinned everywhere');
    assert.equal(pia2.conversation(g)!.muted, true, 'the other setting stays');

    const rex = await open('rex');
    await assert.rejects(rex.setConversationSettings(d, { pinned: true }), { code: ErrorCode.NOT_MEMBER });
  });
});
