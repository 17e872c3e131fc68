import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CloseCode, ErrorCode, MessageType, type parley } from '@parley/protocol';
import { fetchWithin, openAuthed, openRaw, registerUser, startTestServer, withDeadline, type TestServer } from '@parley/testkit';

const isError = (code: string) => (f: parley.Frame) => f.error?.code === code;

describe('Bad input', () => {
  let server: TestServer;
  let token: string;

  before(async () => {
    server = await startTestServer({ authTimeoutMs: 300 });
    token = await registerUser(server.httpUrl, 'victim');
    await registerUser(server.httpUrl, 'friend');
  });
  after(() => server.stop());

  /** After each attack, a well-behaved client must still be served. */
  async function stillServes(): Promise<void> {
    const c = await openAuthed(server.wsUrl, token, 'healthy');
    const ack = await c.request({ send: { to: 'friend', clientMsgId: `ok-${Math.random()}`, type: MessageType.TEXT, body: new Uint8Array([104, 105]) } });
    assert.equal(ack.body, 'sendAck');
    c.close();
  }

  for (const transport of ['ws', 'tcp'] as const) {
    const urlOf = () => (transport === 'ws' ? server.wsUrl : server.tcpUrl);
    // Over TCP the bytes must carry a valid length prefix to reach the decoder.
    const frameBytes = (payload: number[]) =>
      transport === 'tcp' ? new Uint8Array([0, 0, 0, payload.length, ...payload]) : new Uint8Array(payload);

    test(`${transport}: garbage bytes get BAD_FRAME and a close`, async () => {
      const c = await openRaw(urlOf());
      c.sendBytes(frameBytes([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
      await c.waitFor(isError(ErrorCode.BAD_FRAME));
      const { code } = await c.waitForClose();
      if (transport === 'ws') assert.equal(code, CloseCode.PROTOCOL_ERROR);
      await stillServes();
    });

    test(`${transport}: an unknown frame type gets UNKNOWN_FRAME and the connection stays`, async () => {
      const c = await openRaw(urlOf());
      // Frame{id: 5, field 99 (unknown) = 1}
      c.sendBytes(frameBytes([0x08, 0x05, 0x98, 0x06, 0x01]));
      const err = await c.waitFor(isError(ErrorCode.UNKNOWN_FRAME));
      assert.equal(err.id, 5);
      const pong = await c.request({ ping: { time: 1 } });
      assert.equal(pong.body, 'pong');
      c.close();
    });

    test(`${transport}: requests before auth get AUTH_REQUIRED; no Auth in time closes`, async () => {
      const c = await openRaw(urlOf());
      const reply = await c.request({ send: { to: 'friend', clientMsgId: 'early', type: 1 } });
      assert.equal(reply.error?.code, ErrorCode.AUTH_REQUIRED);
      const { code } = await c.waitForClose();
      if (transport === 'ws') assert.equal(code, CloseCode.AUTH_TIMEOUT);
      await stillServes();
    });

    test(`${transport}: a wrong token gets AUTH_FAILED and a close`, async () => {
      for (const bad of ['', 'not-a-jwt', token.slice(0, -3) + 'AAA']) {
        const c = await openRaw(urlOf());
        const reply = await c.request({ auth: { token: bad, deviceId: 'd' } });
        assert.equal(reply.error?.code, ErrorCode.AUTH_FAILED, `token ${JSON.stringify(bad)}`);
        const { code } = await c.waitForClose();
        if (transport === 'ws') assert.equal(code, CloseCode.AUTH_FAILED);
      }
      await stillServes();
    });

    test(`${transport}: a bad device id is refused`, async () => {
      const c = await openRaw(urlOf());
      const reply = await c.request({ auth: { token, deviceId: 'has space' } });
      assert.equal(reply.error?.code, ErrorCode.INVALID_ARGUMENT);
      await c.waitForClose();
    });
  }

  test('tcp: an oversize length prefix gets FRAME_TOO_LARGE before any body is sent', async () => {
    const c = await openRaw(server.tcpUrl);
    c.sendBytes(new Uint8Array([0x7f, 0xff, 0xff, 0xff]));
    await c.waitFor(isError(ErrorCode.FRAME_TOO_LARGE));
    await c.waitForClose();
    await stillServes();
  });

  test('tcp: a zero length prefix is a BAD_FRAME', async () => {
    const c = await openRaw(server.tcpUrl);
    c.sendBytes(new Uint8Array([0, 0, 0, 0]));
    await c.waitFor(isError(ErrorCode.BAD_FRAME));
    await c.waitForClose();
  });

  test('tcp: a frame split into single bytes is still understood', async () => {
    const c = await openRaw(server.tcpUrl);
    const { encodeFrame, lengthPrefixed } = await import('@parley/protocol');
    const bytes = lengthPrefixed(encodeFrame({ id: 77, ping: { time: 3 } }));
    for (const b of bytes) {
      c.sendBytes(new Uint8Array([b]));
      await new Promise((r) => setImmediate(r));
    }
    const pong = await c.waitFor((f) => f.id === 77);
    assert.equal(pong.pong?.time, 3);
    c.close();
  });

  test('ws: a message over maxFrameBytes closes with 1009', async () => {
    const c = await openRaw(server.wsUrl);
    c.sendBytes(new Uint8Array(server.config.maxFrameBytes + 1));
    const { code } = await c.waitForClose();
    assert.equal(code, 1009);
    await stillServes();
  });

  test('ws: a text message is a BAD_FRAME', async () => {
    const WebSocket = (await import('ws')).default;
    const ws = new WebSocket(server.wsUrl);
    await withDeadline(new Promise((r) => ws.once('open', r)), 'the WebSocket to open');
    const closed = new Promise<number>((r) => ws.once('close', (code: number) => r(code)));
    ws.send('hello');
    assert.equal(await withDeadline(closed, 'the close after a text message'), CloseCode.PROTOCOL_ERROR);
  });

  test('ws: upgrades on other paths are refused', async () => {
    const WebSocket = (await import('ws')).default;
    const ws = new WebSocket(server.wsUrl.replace('/ws', '/other'));
    const err = await withDeadline(new Promise<Error>((r) => ws.once('error', r)), 'the refused upgrade to fail');
    assert.match(err.message, /404/);
  });

  test('http: bad requests get coded JSON errors', async () => {
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetchWithin(`${server.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const cases: [() => Promise<Response>, number, string][] = [
      [() => post('/v1/register', '{nope'), 400, ErrorCode.INVALID_ARGUMENT],
      [() => post('/v1/register', JSON.stringify({ userId: 'bad id', password: 'long enough' })), 400, ErrorCode.INVALID_ARGUMENT],
      [() => post('/v1/register', JSON.stringify({ userId: 'short', password: 'x' })), 400, ErrorCode.WEAK_PASSWORD],
      [() => post('/v1/register', JSON.stringify({ userId: 'victim', password: 'long enough' })), 409, ErrorCode.USER_EXISTS],
      [() => post('/v1/login', JSON.stringify({ userId: 'victim', password: 'wrong password' })), 401, ErrorCode.BAD_CREDENTIALS],
      [() => post('/v1/admin/users', JSON.stringify({ userId: 'x1' })), 403, ErrorCode.FORBIDDEN],
      [() => post('/v1/admin/users', JSON.stringify({ userId: 'x1' }), { authorization: 'Bearer wrong' }), 403, ErrorCode.FORBIDDEN],
      [() => post('/v1/register', 'x'.repeat(70_000)), 413, ErrorCode.MESSAGE_TOO_LARGE],
      [() => fetchWithin(`${server.httpUrl}/v1/conversations/d:friend:victim/messages`), 401, ErrorCode.AUTH_FAILED],
      [() => fetchWithin(`${server.httpUrl}/v1/conversations/d:friend:victim/messages?from=-1`, { headers: { authorization: `Bearer ${token}` } }), 400, ErrorCode.INVALID_ARGUMENT],
      [() => fetchWithin(`${server.httpUrl}/nowhere`), 404, ErrorCode.NOT_FOUND],
    ];
    for (const [request, status, code] of cases) {
      const res = await request();
      const body = (await res.json()) as { error: { code: string } };
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(body.error.code, code);
    }
    await stillServes();
  });
});
