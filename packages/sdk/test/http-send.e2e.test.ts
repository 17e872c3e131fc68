import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { directConversationId } from '@parley/protocol';
import { fetchWithin, waitUntil, WAIT_MS } from '@parley/testkit';
import { sdkWorld } from './world.ts';

describe('HTTP send › SDK devices', () => {
  const world = sdkWorld(['hal', 'ivy']);

  test('a message sent over HTTP reaches the SDK devices of both users once, in order with socket sends', async () => {
    const ivy = await world.open('ivy');
    const hal = await world.open('hal');
    const d = directConversationId('hal', 'ivy');
    await hal.client.send({ to: 'ivy', text: 'from the socket' });
    const post = async (clientMsgId: string, text: string) => {
      const res = await fetchWithin(`${world.server.httpUrl}/v1/conversations/${encodeURIComponent(d)}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${world.tokens.hal}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientMsgId, text }),
      });
      return { status: res.status, ack: (await res.json()) as { seq: number; duplicate: boolean } };
    };
    const first = await post('hal-http-1', 'from http');
    const again = await post('hal-http-1', 'from http');
    assert.deepEqual([first.status, first.ack.seq, again.status, again.ack.seq, again.ack.duplicate], [201, 2, 200, 2, true]);

    for (const device of [ivy, hal]) {
      await waitUntil(() => device.client.cursor(d) === 2, WAIT_MS, `${device.user} gets the HTTP message`);
      const shown = device.got.filter((m) => m.conversationId === d).map((m) => [m.seq, m.senderId, new TextDecoder().decode(m.body)]);
      assert.deepEqual(shown.slice(-1), [[2, 'hal', 'from http']], `${device.user} is shown it`);
      assert.equal(device.got.filter((m) => m.conversationId === d && m.seq === 2).length, 1, 'once, though it was posted twice');
    }
  });
});
