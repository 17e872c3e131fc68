import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { NoticeCode } from '@parley/protocol';
import { registerUser, startTestServer, waitUntil, type TestServer, WAIT_MS } from '@parley/testkit';
import { ParleyClient, type Notice } from '../src/index.ts';

describe('Multi-device policy', () => {
  let server: TestServer;
  let token = '';
  const clients: ParleyClient[] = [];
  const open = async (deviceId: string, platform: string) => {
    const client = new ParleyClient({ url: server.wsUrl, token, deviceId, platform });
    const notices: Notice[] = [];
    client.on('notice', (n) => notices.push(n));
    clients.push(client);
    await client.connect();
    return { client, notices };
  };

  before(async () => {
    server = await startTestServer({ devicePolicy: 'mobile=1,desktop=1' });
    token = await registerUser(server.httpUrl, 'mia');
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.stop();
  });

  test('one mobile and one desktop: a second of a class takes over with a clear kick notice; web is unlimited', async () => {
    const phone = await open('phone-1', 'ios');
    const laptop = await open('laptop', 'macos');
    const webA = await open('tab-a', 'web');
    const webB = await open('tab-b', 'web');

    const tablet = await open('phone-2', 'android'); // the same class as the iPhone
    await waitUntil(() => phone.notices.some((n) => n.code === NoticeCode.KICKED), WAIT_MS, 'the older mobile is told');
    assert.match(phone.notices.find((n) => n.code === NoticeCode.KICKED)!.message, /another mobile device \(phone-2\)/);
    await new Promise((r) => setTimeout(r, 300));
    assert.notEqual(phone.client.state, 'online', 'a kicked client does not reconnect by itself');
    assert.equal(tablet.client.state, 'online');
    for (const d of [laptop, webA, webB]) {
      assert.equal(d.client.state, 'online');
      assert.deepEqual(d.notices, [], 'other classes are untouched');
    }

    // The kicked device coming back takes its place again, the same way.
    const phoneAgain = await open('phone-1', 'ios');
    await waitUntil(() => tablet.notices.some((n) => n.code === NoticeCode.KICKED), WAIT_MS, 'now the android device goes');
    assert.equal(phoneAgain.client.state, 'online');

    // Messages still reach every device that stayed.
    const sender = new ParleyClient({ url: server.wsUrl, token: await registerUser(server.httpUrl, 'ola'), deviceId: 'ola-1' });
    clients.push(sender);
    await sender.connect();
    const got: string[] = [];
    for (const d of [phoneAgain, laptop, webA, webB]) d.client.on('message', (m) => got.push(`${m.text}`));
    await sender.send({ to: 'mia', text: 'hello all of you' });
    await waitUntil(() => got.length === 4, WAIT_MS, 'four devices get it');
  });
});
