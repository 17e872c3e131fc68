/**
 * The SDK's sign-in sessions against a real server: list them, sign out all
 * others (their clients end, KICKED), sign out one by id, and sign out this
 * client's own session (the client ends; its token is refused from then on).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { APP_KEY, fetchWithin, waitUntil } from '@parley/testkit';
import { ErrorCode, ParleyClient, ParleyError } from '../src/index.ts';
import { sdkWorld } from './world.ts';

const PASSWORD = 'correct horse battery';

describe('SDK: sessions', () => {
  const world = sdkWorld(['sia']);
  let devices = 0;

  const login = async (device: string): Promise<string> => {
    const res = await fetchWithin(`${world.server.httpUrl}/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'sia', password: PASSWORD, device }),
    });
    assert.equal(res.status, 200);
    return ((await res.json()) as { token: string }).token;
  };
  /** A client of its own login; records how it ended. */
  const open = async (device: string) => {
    const client = new ParleyClient({ url: world.server.wsUrl, token: await login(device), deviceId: `sia-${++devices}`, backoff: { baseMs: 20, maxMs: 200 } });
    const errors: Error[] = [];
    client.on('error', (e) => errors.push(e));
    await client.connect();
    return { client, errors };
  };
  const kicked = (errors: Error[]) => errors.some((e) => e instanceof ParleyError && e.code === ErrorCode.KICKED);

  test('sessions() lists each login with its device; signOutOthers() ends the other clients', async () => {
    const phone = await open('Phone');
    const laptop = await open('Laptop');
    const tablet = await open('Tablet');
    const listed = await laptop.client.sessions();
    const byDevice = new Map(listed.map((s) => [s.device, s]));
    for (const d of ['Phone', 'Laptop', 'Tablet']) assert.ok(byDevice.has(d), `${d} in ${JSON.stringify(listed)}`);
    assert.equal(byDevice.get('Laptop')!.current, true);
    assert.equal(byDevice.get('Phone')!.current, false);
    assert.ok(byDevice.get('Phone')!.lastSeen > 0 && byDevice.get('Phone')!.address !== '');

    const revoked = await laptop.client.signOutOthers();
    assert.ok(revoked.includes(byDevice.get('Phone')!.sessionId) && revoked.includes(byDevice.get('Tablet')!.sessionId));
    await waitUntil(() => phone.client.state === 'closed' && tablet.client.state === 'closed', 10_000, 'the other clients to end');
    assert.ok(kicked(phone.errors) && kicked(tablet.errors), 'they ended KICKED');
    assert.equal(laptop.client.state, 'online');
    assert.deepEqual((await laptop.client.sessions()).map((s) => s.device), ['Laptop']);
    await laptop.client.close();
  });

  test('signOut(id) ends that session; signOut() ends this one; a foreign id is SESSION_NOT_FOUND', async () => {
    const a = await open('A');
    const b = await open('B');
    const bId = (await b.client.sessions()).find((s) => s.current)!.sessionId;
    await a.client.signOut(bId);
    await waitUntil(() => b.client.state === 'closed', 10_000, 'B to end');
    await assert.rejects(a.client.signOut(bId), { code: ErrorCode.SESSION_NOT_FOUND });
    await assert.rejects(a.client.signOut('not-a-session'), { code: ErrorCode.SESSION_NOT_FOUND });
    await a.client.signOut();
    await waitUntil(() => a.client.state === 'closed', 10_000, 'A to end');
  });

  test('a token that expires ends its connection; with a token function the client comes back with a fresh one', async () => {
    let issued = 0;
    const token = async () => {
      issued++;
      // Each token lives 3 s: the server closes the connection when it expires.
      const exp = Math.floor(Date.now() / 1000) + 3;
      return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('sia-app').setIssuedAt().setExpirationTime(exp).sign(new TextEncoder().encode(APP_KEY));
    };
    const client = new ParleyClient({ url: world.server.wsUrl, token, deviceId: `sia-${++devices}`, backoff: { baseMs: 20, maxMs: 200 } });
    await client.connect();
    await waitUntil(() => issued >= 2 && client.state === 'online', 30_000, () => `a reconnect with a second token (issued ${issued}, state ${client.state})`);
    await client.close();
  });
});
