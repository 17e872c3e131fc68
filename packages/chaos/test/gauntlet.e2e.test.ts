/**
 * The bad-input gauntlet: raw WebSocket protocol violations, bad handshakes, TCP
 * junk and hostile length prefixes, property-generated application frames full of
 * naughty strings and extreme numbers, requests in the wrong state, and floods.
 *
 * The oracle, checked after everything: the server process never exited and
 * logged no unhandled failure, its event loop never stalled past a bound, its
 * memory did not climb without limit, every bad request got a documented error
 * code or close code, and a well-behaved exchange still works exactly once.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { CloseCode, encodeFrame, ErrorCode, lengthPrefixed, MessageType, type FrameData, type parley } from '@parley/protocol';
import {
  encodeWsFrame,
  freePort,
  openAuthed,
  openRaw,
  openRawWebSocket,
  registerUser,
  spawnServer,
  tempDir,
  type ChildServer,
} from '@parley/testkit';
import { NAUGHTY_STRINGS } from './naughty-strings.ts';

const CODES = new Set<string>(Object.values(ErrorCode));
const WS_PROTOCOL_ERROR = 1002;
const WS_INVALID_PAYLOAD = 1007;
const WS_TOO_BIG = 1009;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function metric(httpUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text();
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return Number(m?.[1]);
}

describe('Gauntlet', () => {
  let server: ChildServer;
  let dataDir: string;
  let httpPort: number;
  let tokens: Record<string, string>;
  let rssAtStart: number;

  before(async () => {
    dataDir = tempDir('parley-gauntlet-');
    httpPort = await freePort();
    server = await spawnServer(dataDir, ['--auth-timeout-ms', '500', '--log-level', 'error'], { http: httpPort, tcp: await freePort() });
    tokens = { g1: await registerUser(server.httpUrl, 'g1'), g2: await registerUser(server.httpUrl, 'g2') };
    rssAtStart = await metric(server.httpUrl, 'parley_resident_memory_bytes');
  });

  after(async () => {
    server.process.kill('SIGKILL');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Each hostile input must get a documented answer; the server must stay healthy. */
  async function assertHealthy(): Promise<void> {
    assert.equal(server.process.exitCode, null, `the server exited: ${server.stderr()}`);
    const res = await fetch(`${server.httpUrl}/healthz`);
    assert.equal(res.status, 200);
  }

  describe('raw WebSocket frames', () => {
    const cases: [string, Buffer[], number[]][] = [
      ['a reserved data opcode (0x3)', [encodeWsFrame({ opcode: 0x3, payload: new Uint8Array([1]) })], [WS_PROTOCOL_ERROR]],
      ['a reserved control opcode (0xB)', [encodeWsFrame({ opcode: 0xb })], [WS_PROTOCOL_ERROR]],
      ['RSV1 set without an extension', [encodeWsFrame({ opcode: 0x2, rsv: 4, payload: new Uint8Array([1]) })], [WS_PROTOCOL_ERROR]],
      ['RSV3 set', [encodeWsFrame({ opcode: 0x2, rsv: 1, payload: new Uint8Array([1]) })], [WS_PROTOCOL_ERROR]],
      ['an unmasked client frame', [encodeWsFrame({ opcode: 0x2, mask: false, payload: new Uint8Array([1, 2]) })], [WS_PROTOCOL_ERROR]],
      ['a control frame over 125 bytes', [encodeWsFrame({ opcode: 0x9, payload: new Uint8Array(126) })], [WS_PROTOCOL_ERROR]],
      ['a fragmented control frame', [encodeWsFrame({ opcode: 0x9, fin: false, payload: new Uint8Array(3) })], [WS_PROTOCOL_ERROR]],
      ['a continuation with nothing to continue', [encodeWsFrame({ opcode: 0x0, payload: new Uint8Array(3) })], [WS_PROTOCOL_ERROR]],
      ['text with invalid UTF-8', [encodeWsFrame({ opcode: 0x1, payload: new Uint8Array([0xc3, 0x28]) })], [WS_INVALID_PAYLOAD]],
      ['valid text (not a frame)', [encodeWsFrame({ opcode: 0x1, payload: new TextEncoder().encode('hello') })], [CloseCode.PROTOCOL_ERROR]],
      ['a close frame with code 999', [encodeWsFrame({ opcode: 0x8, payload: new Uint8Array([0x03, 0xe7]) })], [WS_PROTOCOL_ERROR]],
      ['a close frame with reserved code 1005', [encodeWsFrame({ opcode: 0x8, payload: new Uint8Array([0x03, 0xed]) })], [WS_PROTOCOL_ERROR]],
      ['a close frame with a 1-byte body', [encodeWsFrame({ opcode: 0x8, payload: new Uint8Array([0x03]) })], [WS_PROTOCOL_ERROR]],
      ['a binary message over the size limit', [encodeWsFrame({ opcode: 0x2, payload: new Uint8Array(70_000) })], [WS_TOO_BIG]],
      ['a fragmented message over the size limit', [
        encodeWsFrame({ opcode: 0x2, fin: false, payload: new Uint8Array(40_000) }),
        encodeWsFrame({ opcode: 0x0, fin: true, payload: new Uint8Array(40_000) }),
      ], [WS_TOO_BIG]],
      ['garbage protobuf in a binary message', [encodeWsFrame({ opcode: 0x2, payload: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) })], [CloseCode.PROTOCOL_ERROR]],
    ];
    for (const [name, frames, expected] of cases) {
      test(`${name} → close ${expected.join(' or ')}`, async () => {
        const ws = await openRawWebSocket(httpPort);
        assert.match(ws.status, / 101 /);
        for (const f of frames) ws.write(f);
        const code = await ws.closed;
        assert.ok(code !== undefined && expected.includes(code), `closed with ${code}`);
        await assertHealthy();
      });
    }

    test('a stalled half frame is cut off at the auth deadline', async () => {
      const ws = await openRawWebSocket(httpPort);
      ws.write(encodeWsFrame({ opcode: 0x2, payload: new Uint8Array(100) }).subarray(0, 20));
      const started = Date.now();
      await ws.closed;
      assert.ok(Date.now() - started < 5000);
    });

    test('bad handshakes are refused with an HTTP error', async () => {
      const bad = [
        `GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        `GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 7\r\n\r\n`,
        `GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        `POST /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        `GET /elsewhere HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        `\x00\x01\x02 not http at all\r\n\r\n`,
      ];
      for (const request of bad) {
        const ws = await openRawWebSocket(httpPort, '/ws', request);
        assert.match(ws.status, /^HTTP\/1\.1 (4\d\d)|^$/, `answer to ${JSON.stringify(request.slice(0, 30))}: ${ws.status}`);
        assert.doesNotMatch(ws.status, / 101 /);
        ws.socket.destroy();
      }
      await assertHealthy();
    });
  });

  describe('raw TCP', () => {
    test('random junk bytes (property-based) never hurt the server', async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 400 }), async (bytes) => {
          const socket = connect(Number(new URL(server.tcpUrl.replace('tcp:', 'http:')).port), '127.0.0.1');
          socket.on('error', () => {});
          await new Promise((r) => socket.once('connect', r));
          socket.write(bytes);
          await Promise.race([new Promise((r) => socket.once('close', r)), sleep(30)]);
          socket.destroy();
        }),
        { numRuns: 150, seed: 42 },
      );
      await assertHealthy();
    });

    test('hostile length prefixes get FRAME_TOO_LARGE or BAD_FRAME and a close', async () => {
      for (const [prefix, code] of [
        [[0xff, 0xff, 0xff, 0xff], ErrorCode.FRAME_TOO_LARGE],
        [[0x80, 0, 0, 0], ErrorCode.FRAME_TOO_LARGE],
        [[0, 1, 0, 1], ErrorCode.FRAME_TOO_LARGE],
        [[0, 0, 0, 0], ErrorCode.BAD_FRAME],
      ] as const) {
        const c = await openRaw(server.tcpUrl);
        c.sendBytes(new Uint8Array(prefix));
        const err = await c.waitFor((f) => f.body === 'error');
        assert.equal(err.error!.code, code);
        await c.closed;
      }
      await assertHealthy();
    });
  });

  describe('application frames', () => {
    const text = fc.oneof(fc.constantFrom(...NAUGHTY_STRINGS), fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 20 }));
    const big = fc.oneof(fc.nat(), fc.constantFrom(0, 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1), fc.maxSafeNat());
    const u32 = fc.oneof(fc.nat({ max: 2 ** 32 - 1 }), fc.constantFrom(0, 1, 2 ** 31, 2 ** 32 - 1));
    const bytes = fc.uint8Array({ maxLength: 300 });
    const request: fc.Arbitrary<FrameData> = fc.oneof(
      fc.record({ send: fc.record({ conversationId: text, to: text, clientMsgId: text, type: u32, body: bytes }, { requiredKeys: [] }) }),
      fc.record({ sync: fc.record({ token: text }, { requiredKeys: [] }) }),
      fc.record({ pull: fc.record({ conversationId: text, fromSeq: big, toSeq: big, limit: u32 }, { requiredKeys: [] }) }),
      fc.record({ auth: fc.record({ token: text, deviceId: text, platform: text, protocolVersion: u32 }, { requiredKeys: [] }) }),
      fc.record({ ping: fc.record({ time: big }, { requiredKeys: [] }) }),
      fc.record({ pushFromClient: fc.constant(true) }).map(() => ({ push: { message: { seq: 1 } } }) as FrameData),
    );

    test('generated requests (naughty strings, extreme numbers) each get one documented answer', async () => {
      let client = await openAuthed(server.tcpUrl, tokens.g1!, 'fuzz');
      let closes = 0;
      try {
        await fc.assert(
          fc.asyncProperty(request, async (frame) => {
            if (client.isClosed()) client = await openAuthed(server.tcpUrl, tokens.g1!, 'fuzz');
            const reply = await client.request(frame, 5000).catch(() => undefined);
            if (reply === undefined) {
              // The server may only drop a connection after saying why: an Error with id 0.
              closes++;
              const last = client.frames[client.frames.length - 1];
              assert.equal(last?.body, 'error', 'a close without an Error frame');
              assert.equal(last!.id ?? 0, 0);
              assert.equal(last!.error!.code, ErrorCode.BAD_FRAME, `closed with ${last!.error!.code}`);
              return;
            }
            if (reply.body === 'error') {
              assert.ok(CODES.has(reply.error!.code!), `undocumented code ${reply.error!.code}`);
            } else {
              const kind = Object.keys(frame).find((k) => k !== 'id');
              const expected: Record<string, string> = { send: 'sendAck', sync: 'syncResult', pull: 'pullResult', ping: 'pong' };
              assert.equal(reply.body, expected[kind!], `answer to ${kind}`);
            }
          }),
          { numRuns: 400, seed: 7 },
        );
        // Strings that are not valid UTF-8 (lone surrogates) make the frame undecodable: the
        // only reason the server closes here. Everything else is answered on the same connection.
        assert.ok(closes < 100, `${closes} connections closed`);
      } finally {
        client.close();
      }
      await assertHealthy();
    });

    test('requests in the wrong state get their codes', async () => {
      const fresh = await openRaw(server.wsUrl);
      assert.equal((await fresh.request({ sync: {} })).error?.code, ErrorCode.AUTH_REQUIRED);
      assert.equal((await fresh.request({ pull: { conversationId: 'd:g1:g2', fromSeq: 1 } })).error?.code, ErrorCode.AUTH_REQUIRED);
      fresh.close();
      const c = await openAuthed(server.wsUrl, tokens.g1!, 'state');
      assert.equal((await c.request({ auth: { token: tokens.g1, deviceId: 'x' } })).error?.code, ErrorCode.ALREADY_AUTHENTICATED);
      c.send({ ack: { conversationId: 'd:nobody:here', seq: 12345 } }); // ack of unknown ids: ignored
      assert.equal((await c.request({ pull: { conversationId: 'd:g1:g2', fromSeq: 10, toSeq: 3 } })).error?.code, ErrorCode.INVALID_ARGUMENT);
      await c.request({ send: { to: 'g2', clientMsgId: 'once', type: MessageType.TEXT, body: new Uint8Array([1]) } });
      const huge = await c.request({ pull: { conversationId: 'd:g1:g2', fromSeq: 1, toSeq: 2 ** 53 - 1, limit: 2 ** 32 - 1 } });
      assert.equal(huge.body, 'pullResult');
      assert.ok(huge.pullResult!.toSeq! <= huge.pullResult!.maxSeq!, 'a huge range is clamped to what exists');
      const reuse = await c.request({ send: { to: 'g2', clientMsgId: 'once', type: MessageType.TEXT, body: new Uint8Array([2]) } });
      assert.equal(reuse.error?.code, ErrorCode.CLIENT_MSG_ID_REUSED);
      const stranger = await openAuthed(server.wsUrl, await registerUser(server.httpUrl, 'g3'), 'x');
      assert.equal((await stranger.request({ pull: { conversationId: 'd:g1:g2', fromSeq: 1 } })).error?.code, ErrorCode.NOT_MEMBER);
      assert.equal((await stranger.request({ send: { conversationId: 'd:g1:g2', clientMsgId: 'z', type: 1 } })).error?.code, ErrorCode.NOT_MEMBER);
      c.close();
      stranger.close();
    });
  });

  describe('floods', () => {
    test('20,000 pings in one burst are all answered or the connection is shed', async () => {
      const c = await openAuthed(server.tcpUrl, tokens.g1!, 'flood');
      const burst = Buffer.concat(Array.from({ length: 20_000 }, (_, i) => lengthPrefixed(encodeFrame({ id: i + 1, ping: { time: i } }))));
      c.sendBytes(burst);
      await Promise.race([c.waitFor((f) => f.id === 20_000, 20_000), c.closed]);
      const pongs = c.frames.filter((f) => f.body === 'pong').length;
      assert.ok(pongs === 20_000 || c.isClosed(), `${pongs} pongs`);
      c.close();
      await assertHealthy();
    });

    test('a send flood beyond the in-flight limit gets RATE_LIMITED, never silence', async () => {
      const c = await openAuthed(server.tcpUrl, tokens.g1!, 'send-flood');
      const n = 3000;
      const burst = Buffer.concat(
        Array.from({ length: n }, (_, i) =>
          lengthPrefixed(encodeFrame({ id: i + 1, send: { to: 'g2', clientMsgId: `flood-${i}`, type: MessageType.TEXT, body: new Uint8Array(10) } })),
        ),
      );
      c.sendBytes(burst);
      await c.waitFor(() => c.frames.filter((f) => f.id! > 0).length >= n, 30_000);
      const answers = c.frames.filter((f) => f.id! > 0);
      const codes = new Set(answers.filter((f) => f.body === 'error').map((f) => f.error!.code));
      for (const code of codes) assert.ok(code === ErrorCode.RATE_LIMITED, `unexpected ${code}`);
      assert.equal(new Set(answers.map((f) => f.id)).size, n, 'each request answered once');
      c.close();
    });

    test('300 connections of one user at once are all served', async () => {
      const clients = await Promise.all(Array.from({ length: 300 }, (_, i) => openAuthed(server.wsUrl, tokens.g2!, `many-${i}`)));
      const sender = await openAuthed(server.tcpUrl, tokens.g1!, 'to-many');
      const ack = await sender.request({ send: { to: 'g2', clientMsgId: 'to-all-devices', type: MessageType.TEXT, body: new Uint8Array([7]) } });
      await Promise.all(clients.map((c) => c.waitFor((f) => f.push?.message?.seq === ack.sendAck!.seq)));
      clients.forEach((c) => c.close());
      sender.close();
      await assertHealthy();
    });
  });

  test('afterwards: no exit, no logged failure, no long stall, bounded memory, and delivery still exact', async () => {
    await assertHealthy();
    assert.doesNotMatch(server.stderr(), /unhandled|"level":(50|60)/i, 'no unhandled failure was logged');
    const stallSeconds = await metric(server.httpUrl, 'parley_event_loop_delay_max_seconds');
    assert.ok(stallSeconds < 1, `the event loop stalled for ${stallSeconds} s`);
    const rss = await metric(server.httpUrl, 'parley_resident_memory_bytes');
    assert.ok(rss - rssAtStart < 200 * 2 ** 20, `memory grew by ${Math.round((rss - rssAtStart) / 2 ** 20)} MiB`);
    const a = await openAuthed(server.wsUrl, tokens.g1!, 'final-a');
    const b = await openAuthed(server.tcpUrl, tokens.g2!, 'final-b');
    const sent = await a.request({ send: { to: 'g2', clientMsgId: 'final-check', type: MessageType.TEXT, body: new Uint8Array([42]) } });
    const seq = sent.sendAck!.seq!;
    const got = await b.waitFor((f) => f.push?.message?.seq === seq);
    assert.equal(got.push!.message!.clientMsgId, 'final-check');
    const pulled = await b.request({ pull: { conversationId: sent.sendAck!.conversationId, fromSeq: 1 } });
    const seqs = (pulled.pullResult!.messages ?? []).map((m: parley.IMessage) => Number(m.seq));
    assert.deepEqual(seqs, Array.from({ length: seqs.length }, (_, i) => i + 1), 'the conversation is still 1..N with no gap');
    assert.equal(new Set((pulled.pullResult!.messages ?? []).map((m) => m.clientMsgId)).size, seqs.length, 'no clientMsgId twice');
    a.close();
    b.close();
  });
});
