/**
 * The bad-input gauntlet: raw WebSocket protocol violations, bad handshakes, TCP
 * junk and hostile length prefixes, property-generated application frames of
 * every body the schema has (before and after auth, pipelined, full of naughty
 * strings, extreme numbers and unknown enum values), byte-level mutations of
 * valid frames inside valid transport framing, requests in the wrong state, and
 * floods.
 *
 * The oracle: every request that carries an id is answered within a bound, once,
 * with its id, by its documented answer or an Error whose code PROTOCOL.md
 * documents for that body (never INTERNAL); a frame the server cannot decode
 * gets Error BAD_FRAME with id 0 and a close (4000 on WebSocket); after
 * everything the process never exited and logged no unhandled failure, its
 * event loop never stalled past a bound, its memory levels off across the
 * rounds, and the chaos harness's workload run against it still gets every
 * checker count at 0.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { CloseCode, decodeFrame, encodeFrame, ErrorCode, GroupOp, Limits, lengthPrefixed, MessageType, type FrameData, type parley } from '@parley/protocol';
import {
  encodeWsFrame,
  fetchMetrics,
  fetchWithin,
  freePort,
  openAuthed,
  openRaw,
  openRawWebSocket,
  registerUser,
  spawnServer,
  tempDir,
  withDeadline,
  type ChildServer,
  type RawClient,
} from '@parley/testkit';
import { check, CHECKS, type CheckReport } from '../src/checker.ts';
import { History } from '../src/history.ts';
import { seededRandom, streamOf } from '../src/rng.ts';
import { readStore } from '../src/run.ts';
import { createDevices, drain, inviteAllBack, runChurner, runSenders, settle } from '../src/workload.ts';
import { ANSWERS, answerBeforeAuth, authArbitrary, encoded, judge, kindOf, requestArbitrary, type Answer } from './gauntlet-requests.ts';
import { mutate, mutationArbitrary } from './wire-mutations.ts';

const WS_PROTOCOL_ERROR = 1002;
const WS_INVALID_PAYLOAD = 1007;
const WS_TOO_BIG = 1009;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * The test process's own event-loop delay over the same span as the server's.
 * A machine too busy to schedule a process for a second stalls both; only the
 * server's stall beyond this one is the server's own doing.
 */
const ownLoopDelay = monitorEventLoopDelay({ resolution: 10 });

/** Rounds of generated input, and fast-check runs per property in each (sized for CI on two cores). */
const ROUNDS = Number(process.env.GAUNTLET_ROUNDS ?? 5);
const RUNS = { requests: 60, preAuth: 40, mutations: 150 };
/** Every request that must be answered is answered within this (generous: the machine may be loaded). */
const ANSWER_BOUND_MS = 10_000;
/** RSS may grow at most this much from the end of round 2 to the end of the last round. */
const LATE_ROUNDS_GROWTH_BOUND = 64 * 2 ** 20;
/** How long the checked workload runs after the gauntlet. */
const WORKLOAD_SECONDS = 4;
/** Request ids of this file: far above the ids the testkit's own `request` hands out. */
const ID_BASE = 0x40000000;
let nextId = ID_BASE;

type Transport = 'ws' | 'tcp';
const TRANSPORTS: readonly Transport[] = ['ws', 'tcp'];
/** What each body was answered with, over the whole file (reported at the end). */
const outcomes = new Map<string, Map<string, number>>();
function tally(kind: string, f: parley.Frame): void {
  const byKind = outcomes.get(kind) ?? new Map<string, number>();
  const key = f.body === 'error' ? f.error!.code! : f.body!;
  byKind.set(key, (byKind.get(key) ?? 0) + 1);
  outcomes.set(kind, byKind);
}

/** Frames with id 0 the server sends unasked. */
const UNASKED = new Set(['push', 'notice', 'readState', 'typing', 'presenceUpdate', 'deliveryState', 'ping', 'voicePush']);

async function metric(httpUrl: string, name: string): Promise<number> {
  const text = await fetchMetrics(httpUrl);
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return Number(m?.[1]);
}

const wire = (transport: Transport, bytes: Uint8Array) => (transport === 'tcp' ? lengthPrefixed(bytes) : bytes);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').slice(0, 200);

/** The connection was closed at the auth deadline (documented: AUTH_TIMEOUT with id 0, close 4002). */
function deadlinePassed(c: RawClient): boolean {
  const last = c.frames.at(-1);
  return c.isClosed() && (last?.id ?? 0) === 0 && last?.error?.code === ErrorCode.AUTH_TIMEOUT;
}

/** What the server must do with an Auth (PROTOCOL.md §3): device id first, then version, then token. */
function authOutcome(auth: parley.IAuth, validToken: string): { code?: string; close?: number } {
  if (!Limits.DEVICE_ID.test(auth.deviceId ?? '')) return { code: ErrorCode.INVALID_ARGUMENT, close: CloseCode.AUTH_FAILED };
  const version = auth.protocolVersion ?? 0;
  if (version !== 0 && version !== 1) return { code: ErrorCode.INVALID_ARGUMENT, close: CloseCode.PROTOCOL_ERROR };
  if (auth.token !== validToken) return { code: ErrorCode.AUTH_FAILED, close: CloseCode.AUTH_FAILED };
  return {};
}

/** Every request sent on one connection, by id, with what must answer it. */
class Ledger {
  readonly sent = new Map<number, { kind: string; expected: Answer | undefined; frame: string }[]>();
  /** Requests sent with id 0 (mutations can clear an id): their answers carry id 0 too. */
  readonly zero: { kind: string; expected: Answer | undefined }[] = [];

  /** `from`: frames of the connection before this ledger (its AuthOk) are not checked here. */
  constructor(readonly from = 0) {}

  expect(id: number, kind: string, answerOf: (kind: string) => Answer | undefined, frame = ''): Answer | undefined {
    const expected = answerOf(kind);
    if (id === 0) this.zero.push({ kind, expected });
    else this.sent.set(id, [...(this.sent.get(id) ?? []), { kind, expected, frame }]);
    return expected;
  }
}

const authedAnswer = (kind: string) => ANSWERS[kind];

/** Send frames pipelined, each with a fresh id; wait for every answer that must come. An undecodable frame ends the connection. */
async function exchange(c: RawClient, transport: Transport, frames: FrameData[], ledger: Ledger, answerOf: (kind: string) => Answer | undefined): Promise<'open' | 'closed'> {
  const waiting: number[] = [];
  for (const frame of frames) {
    const id = nextId++;
    const { bytes, ok } = encoded({ ...frame, id });
    if (!ok) {
      // Not decodable (a lone surrogate in a string): answered by a close, so first take the answers due.
      if ((await awaitAnswers(c, waiting, ledger)) === 'closed') return 'closed';
      c.sendBytes(wire(transport, bytes));
      await expectClose(c, transport, ErrorCode.BAD_FRAME, CloseCode.PROTOCOL_ERROR);
      return 'closed';
    }
    const expected = ledger.expect(id, kindOf(frame), answerOf, JSON.stringify(frame).slice(0, 300));
    c.sendBytes(wire(transport, bytes));
    if (expected?.mustAnswer !== false) waiting.push(id);
  }
  return awaitAnswers(c, waiting, ledger);
}

async function awaitAnswers(c: RawClient, ids: number[], ledger: Ledger): Promise<'open' | 'closed'> {
  for (const id of ids) {
    const answer = await c.waitFor((f) => f.id === id, ANSWER_BOUND_MS).catch((err: Error) => {
      if (deadlinePassed(c)) return undefined;
      const sent = ledger.sent.get(id)?.[0];
      assert.fail(`no answer to ${sent?.kind} ${sent?.frame}: ${err.message}`);
    });
    if (!answer) return 'closed';
    const sent = ledger.sent.get(id)!;
    const complaint = judge(sent[0]!.kind, answer, sent[0]!.expected);
    if (sent.length === 1) assert.equal(complaint, undefined, `${complaint} — request: ${sent[0]!.frame}`);
  }
  return c.isClosed() ? 'closed' : 'open';
}

/** Send one request (tracked in the ledger) and wait for its answer. */
async function ask(c: RawClient, transport: Transport, ledger: Ledger, frame: FrameData): Promise<parley.Frame> {
  const id = nextId++;
  ledger.expect(id, kindOf(frame), authedAnswer);
  c.sendBytes(wire(transport, encodeFrame({ ...frame, id })));
  return c.waitFor((f) => f.id === id, ANSWER_BOUND_MS);
}

/** The server must say why (Error with id 0 and `code`), then close (with `wsClose` on WebSocket). */
async function expectClose(c: RawClient, transport: Transport, code: string, wsClose: number): Promise<void> {
  const { code: closeCode } = await c.waitForClose(ANSWER_BOUND_MS);
  const last = c.frames.at(-1);
  if (deadlinePassed(c)) return;
  assert.equal(last?.body, 'error', `closed without an Error frame (last: ${last?.body})`);
  assert.equal(last!.id ?? 0, 0, 'the Error before a close has id 0');
  assert.equal(last!.error!.code, code);
  if (transport === 'ws') assert.equal(closeCode, wsClose);
}

/** Let late answers (of bodies answered only on failure) arrive: a ping barrier and a pause. */
async function settleAnswers(c: RawClient, transport: Transport, ledger: Ledger): Promise<void> {
  if (c.isClosed()) return;
  await ask(c, transport, ledger, { ping: { time: 0 } });
  await sleep(150);
}

/**
 * The whole oracle of one connection's frames: every frame with an id answers a
 * request of that id, at most once per request, as documented for its body;
 * id-0 frames are pushes, answers to id-0 requests, or the one Error that
 * precedes a close; every request that must be answered was.
 */
function verifyLedger(c: RawClient, ledger: Ledger): void {
  const answered = new Map<number, number>();
  c.frames.forEach((f, i) => {
    if (i < ledger.from) return;
    const id = f.id ?? 0;
    if (id === 0) {
      if (ledger.zero.some((z) => z.expected && judge(z.kind, f, z.expected) === undefined)) return;
      if (f.body === 'error') {
        assert.ok(i === c.frames.length - 1 && c.isClosed(), `an Error with id 0 (${f.error?.code}) that did not end the connection`);
        assert.ok([ErrorCode.BAD_FRAME, ErrorCode.AUTH_TIMEOUT].includes(f.error!.code as 'BAD_FRAME'), `closed with ${f.error?.code}`);
        return;
      }
      assert.ok(UNASKED.has(f.body!), `an unasked ${f.body} with id 0`);
      return;
    }
    const sent = ledger.sent.get(id);
    assert.ok(sent, `an answer (${f.body} ${f.error?.code ?? ''}) with id ${id}, which no request carried`);
    const n = (answered.get(id) ?? 0) + 1;
    answered.set(id, n);
    assert.ok(n <= sent.length, `${n} answers to one ${sent[0]!.kind} request: ${sent[0]!.frame}`);
    const complaints = sent.map((s) => judge(s.kind, f, s.expected));
    assert.ok(complaints.includes(undefined), `${complaints[0]} — request: ${sent[0]!.frame}`);
    tally(sent[0]!.kind, f);
  });
  if (c.isClosed() && deadlinePassed(c)) return;
  for (const [id, list] of ledger.sent) {
    if (list.some((s) => s.expected?.mustAnswer !== false)) assert.ok(answered.has(id), `no answer to ${list[0]!.kind} ${list[0]!.frame}`);
  }
}

/**
 * The chaos harness's workload (SDK devices over both transports, 1:1 and group
 * sends, membership churn), run calm against `server` for `seconds`, then drained
 * and checked against the store. Only the workload's own users and conversations
 * are read: the gauntlet's rows are not the workload's history.
 */
async function checkedWorkload(server: ChildServer, dbFile: string, seconds: number, seed: number): Promise<CheckReport> {
  const users = ['wl0', 'wl1', 'wl2'];
  const tokens = new Map<string, string>();
  for (const u of users) tokens.set(u, await registerUser(server.httpUrl, u));
  const history = new History();
  const devices = createDevices({ users, devicesPerUser: 2, tokens, urlOf: (_u, d) => (d % 2 === 0 ? server.wsUrl : server.tcpUrl), history });
  const read = () => {
    const { stored, members } = readStore(dbFile);
    const mine = members.filter((m) => users.includes(m.userId));
    const conversations = new Set(mine.map((m) => m.conversationId));
    return { stored: stored.filter((r) => conversations.has(r.conversationId)), members: mine };
  };
  try {
    await Promise.all(devices.map((d) => d.client.connect()));
    const owner = devices[0]!.client;
    const group = (await owner.createGroup('after the gauntlet', users.slice(1))).conversationId;
    const deadline = performance.now() + seconds * 1000;
    const running = () => performance.now() < deadline;
    const pending = new Set<Promise<unknown>>();
    await Promise.all([
      runSenders({ devices, users, group, sendIntervalMs: 40, randomOf: (id) => streamOf(seed, `sender:${id}`), running, history, pending }),
      runChurner({ owner, group, others: users.slice(1), random: seededRandom(seed ^ 0x5eed), running, counts: {} }),
    ]);
    await settle(pending);
    await inviteAllBack(owner, group, users.slice(1));
    await drain(devices, pending, async () => read());
    const final = read();
    return check(history, final.stored, final.members, devices);
  } finally {
    await Promise.all(devices.map((d) => d.client.close()));
  }
}

describe('Gauntlet', () => {
  let server: ChildServer;
  let dataDir: string;
  let httpPort: number;
  let tokens: Record<string, string>;
  let rssAtStart: number;
  const rssByRound: number[] = [];
  let requests: fc.Arbitrary<FrameData>;
  const urlOf = (transport: Transport) => (transport === 'ws' ? server.wsUrl : server.tcpUrl);

  before(async () => {
    ownLoopDelay.enable();
    dataDir = tempDir('parley-gauntlet-');
    httpPort = await freePort();
    // Every connection and request here comes from 127.0.0.1, hundreds a second: the per-address
    // limits (tested in rate-limits.e2e) are off, the per-connection frame limit stays on.
    const perAddressLimitsOff = ['--limit-connections-per-ip-per-minute', '0', '--limit-http-requests-per-ip-per-minute', '0'];
    server = await spawnServer(dataDir, ['--auth-timeout-ms', '2000', '--log-level', 'error', ...perAddressLimitsOff], { http: httpPort, tcp: await freePort() });
    tokens = {};
    for (const u of ['g1', 'g2', 'f1', 'f2', 'f3']) tokens[u] = await registerUser(server.httpUrl, u);
    // The world the generator aims at: f1 is the one fuzzing; it has a direct
    // conversation with f2, owns a group, is a member of f2's group, and is not in
    // f3's group nor in f2 and f3's direct conversation.
    const [f1, f2, f3] = await Promise.all(['f1', 'f2', 'f3'].map((u) => openAuthed(server.tcpUrl, tokens[u]!, 'setup')));
    for (let i = 0; i < 3; i++) await f1!.request({ send: { to: 'f2', clientMsgId: `setup-1-${i}`, type: MessageType.TEXT, body: new Uint8Array([104, 105]) } });
    for (let i = 0; i < 2; i++) await f2!.request({ send: { to: 'f1', clientMsgId: `setup-2-${i}`, type: MessageType.TEXT, body: new Uint8Array([104, 105]) } });
    await f2!.request({ send: { to: 'f3', clientMsgId: 'setup-2-f3', type: MessageType.TEXT, body: new Uint8Array([104]) } });
    const group = async (c: RawClient, users: string[], name: string) =>
      (await c.request({ group: { op: GroupOp.CREATE, users, name, clientMsgId: `setup-${name}` } })).groupResult!.conversationId!;
    const groups = [await group(f1!, ['f2'], 'owned'), await group(f2!, ['f1', 'f3'], 'member'), await group(f3!, ['f2'], 'outside')];
    [f1, f2, f3].forEach((c) => c!.close());
    requests = requestArbitrary({
      users: ['f1', 'f2', 'f3'],
      conversations: ['d:f1:f2', 'd:f2:f3', ...groups, 'n:f1', 'n:f2', 'd:f1:f1', 'd:f1:nobody', 'g:00000000-0000-4000-8000-000000000000'],
    });
    rssAtStart = await metric(server.httpUrl, 'parley_resident_memory_bytes');
  });

  after(async () => {
    server.process.kill('SIGKILL');
    await server.waitForExit();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Each hostile input must get a documented answer; the server must stay healthy. */
  async function assertHealthy(): Promise<void> {
    assert.equal(server.process.exitCode, null, `the server exited: ${server.stderr()}`);
    const res = await fetchWithin(`${server.httpUrl}/healthz`);
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
        const code = await ws.waitForClose();
        assert.ok(code !== undefined && expected.includes(code), `closed with ${code}`);
        await assertHealthy();
      });
    }

    test('a stalled half frame is cut off at the auth deadline', async () => {
      const ws = await openRawWebSocket(httpPort);
      ws.write(encodeWsFrame({ opcode: 0x2, payload: new Uint8Array(100) }).subarray(0, 20));
      // Closed by the auth deadline (4002), not by a frame that never completes.
      assert.equal(await ws.waitForClose(), CloseCode.AUTH_TIMEOUT);
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
          await withDeadline(new Promise((r) => socket.once('connect', r)), 'a TCP connection to the server');
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
        await c.waitForClose();
      }
      await assertHealthy();
    });
  });

  describe('application frames', () => {
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

  /**
   * The generated part, in rounds with seeds of their own; RSS is sampled after
   * each round, so the final check can tell memory that levels off from memory
   * that climbs with every round.
   */
  describe('generated rounds', () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const seed = 1000 + round;
      describe(`round ${round} (seed ${seed})`, () => {
        const opened: RawClient[] = [];
        const authed = async (transport: Transport, device: string) => {
          const c = await openAuthed(urlOf(transport), tokens.f1!, `${device}-${round}`);
          opened.push(c);
          return c;
        };
        after(async () => {
          opened.forEach((c) => c.close());
          await sleep(200);
          rssByRound.push(await metric(server.httpUrl, 'parley_resident_memory_bytes'));
        });

        for (const transport of TRANSPORTS) {
          test(`${transport}: generated requests of every kind, pipelined on an authenticated connection, each get a documented answer`, async () => {
            let conn = await authed(transport, `fuzz-${transport}`);
            let ledger = new Ledger(conn.frames.length);
            await fc.assert(
              fc.asyncProperty(fc.array(requests, { minLength: 1, maxLength: 6 }), async (frames) => {
                if (conn.isClosed()) {
                  conn = await authed(transport, `fuzz-${transport}`); // after a failed run, while shrinking
                  ledger = new Ledger(conn.frames.length);
                }
                if ((await exchange(conn, transport, frames, ledger, authedAnswer)) === 'closed') {
                  verifyLedger(conn, ledger);
                  conn = await authed(transport, `fuzz-${transport}`);
                  ledger = new Ledger(conn.frames.length);
                }
              }),
              { numRuns: RUNS.requests, seed: seed + (transport === 'ws' ? 0 : 500), includeErrorInReport: true },
            );
            await settleAnswers(conn, transport, ledger);
            verifyLedger(conn, ledger);
            await assertHealthy();
          });
        }

        test('before auth: every request but ping gets AUTH_REQUIRED; then an Auth wrong in any field gets its code and close', async () => {
          await fc.assert(
            fc.asyncProperty(fc.constantFrom(...TRANSPORTS), fc.array(requests, { minLength: 1, maxLength: 4 }), fc.option(authArbitrary(tokens.f1!)), async (transport, frames, auth) => {
              const c = await openRaw(urlOf(transport));
              const ledger = new Ledger();
              try {
                const preAuth = frames.filter((f) => kindOf(f) !== 'auth');
                if ((await exchange(c, transport, preAuth, ledger, answerBeforeAuth)) === 'closed' || c.isClosed() || !auth) return;
                const id = nextId++;
                const { bytes, ok } = encoded({ id, auth });
                c.sendBytes(wire(transport, bytes));
                if (!ok) return await expectClose(c, transport, ErrorCode.BAD_FRAME, CloseCode.PROTOCOL_ERROR);
                ledger.expect(id, 'auth', () => ({ ok: 'authOk', codes: [ErrorCode.INVALID_ARGUMENT, ErrorCode.AUTH_FAILED], mustAnswer: true }), JSON.stringify({ auth }).slice(0, 300));
                const expect = authOutcome(decodeFrame(bytes).auth!, tokens.f1!);
                const reply = await c.waitFor((f) => f.id === id, ANSWER_BOUND_MS).catch(() => undefined);
                if (!reply && deadlinePassed(c)) return; // the auth deadline came first: documented
                assert.ok(reply, `no answer to Auth ${JSON.stringify(auth).slice(0, 200)}`);
                if (expect.code === undefined) {
                  assert.equal(reply.body, 'authOk', `Auth ${JSON.stringify(auth).slice(0, 200)} → ${reply.error?.code}`);
                  const list = await ask(c, transport, ledger, { friendList: {} });
                  assert.equal(list.body, 'friendListResult');
                } else {
                  assert.equal(reply.error?.code, expect.code, `Auth ${JSON.stringify(auth).slice(0, 200)}`);
                  const { code } = await c.waitForClose(ANSWER_BOUND_MS);
                  if (transport === 'ws') assert.equal(code, expect.close);
                }
              } finally {
                verifyLedger(c, ledger);
                c.close();
              }
            }),
            { numRuns: RUNS.preAuth, seed, includeErrorInReport: true },
          );
          await assertHealthy();
        });

        test('wire-level mutations of valid frames (flipped, truncated, inserted, deleted bytes; wrong wire types and field numbers; 10+ byte varints; lengths past the end), inside a valid TCP length prefix and as WebSocket binary messages', async () => {
          const conns = { ws: await authed('ws', 'mut-ws'), tcp: await authed('tcp', 'mut-tcp') };
          const ledgers = { ws: new Ledger(conns.ws.frames.length), tcp: new Ledger(conns.tcp.frames.length) };
          const bystander = await openAuthed(server.tcpUrl, tokens.f2!, `bystander-${round}`);
          opened.push(bystander);
          const seeds = requests.filter((f) => encoded(f).ok);
          const mutations: Record<string, number> = {};
          await fc.assert(
            fc.asyncProperty(fc.constantFrom(...TRANSPORTS), seeds, fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), async (transport, frame, changes) => {
              if (conns[transport].isClosed()) {
                conns[transport] = await authed(transport, `mut-${transport}`); // after a failed run, while shrinking
                ledgers[transport] = new Ledger(conns[transport].frames.length);
              }
              const c = conns[transport];
              const ledger = ledgers[transport];
              const valid = encodeFrame({ ...frame, id: nextId++ });
              let bytes = changes.reduce(mutate, valid);
              changes.forEach((m) => (mutations[m.kind] = (mutations[m.kind] ?? 0) + 1));
              if (transport === 'tcp' && bytes.length === 0) bytes = valid; // a zero length prefix has its own test
              let decoded: parley.Frame | undefined;
              try {
                decoded = decodeFrame(bytes);
              } catch {
                decoded = undefined;
              }
              c.sendBytes(wire(transport, bytes));
              if (!decoded) {
                await expectClose(c, transport, ErrorCode.BAD_FRAME, CloseCode.PROTOCOL_ERROR);
                verifyLedger(c, ledger);
                conns[transport] = await authed(transport, `mut-${transport}`);
                ledgers[transport] = new Ledger(conns[transport].frames.length);
              } else {
                // It decodes: the server must treat it as the frame it now is.
                const id = decoded.id ?? 0;
                if (id >= nextId && id < ID_BASE + 2 ** 24) nextId = id + 1;
                const expected = ledger.expect(id, kindOf(decoded), authedAnswer, `${kindOf(decoded)} mutated to ${hex(bytes)}`);
                if (id !== 0 && expected?.mustAnswer !== false) await awaitAnswers(c, [id], ledger);
                const probe = await ask(c, transport, ledger, { ping: { time: 7 } }).catch((err: Error) => assert.fail(`the connection stopped answering after ${hex(bytes)}: ${err.message}`));
                assert.equal(probe.body, 'pong');
              }
              const other = await bystander.request({ ping: { time: 1 } }, ANSWER_BOUND_MS);
              assert.equal(other.body, 'pong', 'another connection is still served');
            }),
            { numRuns: RUNS.mutations, seed, includeErrorInReport: true },
          );
          for (const t of TRANSPORTS) {
            await settleAnswers(conns[t], t, ledgers[t]);
            verifyLedger(conns[t], ledgers[t]);
          }
          for (const kind of ['flip', 'truncate', 'insert', 'delete', 'wire-type', 'field-number', 'long-varint', 'length-past-end', 'duplicate']) {
            assert.ok((mutations[kind] ?? 0) > 0, `no ${kind} mutation was generated`);
          }
          await assertHealthy();
        });
      });
    }
  });
  describe('floods', () => {
    test('5,000 pings in one burst are read at the frame rate: every one answered, in order, the connection kept', async () => {
      // Shaped, not shed (PROTOCOL.md §8a): at the default 500 frames a second this takes about 10 s.
      const n = 5000;
      const c = await openAuthed(server.tcpUrl, tokens.g1!, 'flood');
      const burst = Buffer.concat(Array.from({ length: n }, (_, i) => lengthPrefixed(encodeFrame({ id: i + 1, ping: { time: i } }))));
      c.sendBytes(burst);
      await c.waitFor(() => c.frames.filter((f) => f.body === 'pong').length >= n, 120_000, 'a pong to every ping');
      const pongs = c.frames.filter((f) => f.body === 'pong');
      assert.deepEqual(pongs.map((f) => f.id), Array.from({ length: n }, (_, i) => i + 1), 'each answered once, in the order sent');
      assert.equal(c.isClosed(), false);
      c.close();
      await assertHealthy();
    });

    test('a send flood beyond the in-flight limit gets RATE_LIMITED, never silence', async () => {
      const c = await openAuthed(server.tcpUrl, tokens.g1!, 'send-flood');
      const n = 3000;
      // Ids of their own: the connection's AuthOk carries the id of its Auth, which must not count as one of these answers.
      const first = 10_000_000;
      const ours = (f: parley.Frame) => f.id! >= first && f.id! < first + n;
      const burst = Buffer.concat(
        Array.from({ length: n }, (_, i) =>
          lengthPrefixed(encodeFrame({ id: first + i, send: { to: 'g2', clientMsgId: `flood-${i}`, type: MessageType.TEXT, body: new Uint8Array(10) } })),
        ),
      );
      c.sendBytes(burst);
      await c.waitFor(() => c.frames.filter(ours).length >= n, 60_000);
      const answers = c.frames.filter(ours);
      const codes = new Set(answers.filter((f) => f.body === 'error').map((f) => f.error!.code));
      for (const code of codes) assert.ok(code === ErrorCode.RATE_LIMITED, `unexpected ${code}`);
      assert.equal(new Set(answers.map((f) => f.id)).size, n, 'each request answered once');
      c.close();
    });

    test('300 connections of one user at once are all served', async () => {
      // Opened in waves of 50, so that on a busy machine no connection waits past the
      // (short, 2 s) auth deadline of this server for its turn; all 300 are open together below.
      const clients: Awaited<ReturnType<typeof openAuthed>>[] = [];
      for (let wave = 0; wave < 6; wave++) clients.push(...(await Promise.all(Array.from({ length: 50 }, (_, i) => openAuthed(server.wsUrl, tokens.g2!, `many-${wave * 50 + i}`)))));
      const sender = await openAuthed(server.tcpUrl, tokens.g1!, 'to-many');
      const ack = await sender.request({ send: { to: 'g2', clientMsgId: 'to-all-devices', type: MessageType.TEXT, body: new Uint8Array([7]) } });
      await Promise.all(clients.map((c) => c.waitFor((f) => f.push?.message?.seq === ack.sendAck!.seq)));
      clients.forEach((c) => c.close());
      sender.close();
      await assertHealthy();
    });
  });

  test('afterwards: no exit, no logged failure, no long stall, memory levels off, and a real workload keeps the contract (every checker count 0)', async (t) => {
    await assertHealthy();
    assert.doesNotMatch(server.stderr(), /unhandled|"level":(50|60)/i, 'no unhandled failure was logged');
    const stallSeconds = await metric(server.httpUrl, 'parley_event_loop_delay_max_seconds');
    const machineSeconds = ownLoopDelay.max / 1e9;
    assert.ok(stallSeconds < 1 + machineSeconds, `the event loop stalled for ${stallSeconds} s (the test process's own longest delay, from the machine: ${machineSeconds} s)`);
    const mib = (b: number) => Math.round(b / 2 ** 20);
    for (const [kind, byOutcome] of [...outcomes].sort()) t.diagnostic(`${kind}: ${[...byOutcome].map(([o, n]) => `${o} ${n}`).join(', ')}`);
    t.diagnostic(`RSS at start ${mib(rssAtStart)} MiB; after each round ${rssByRound.map(mib).join(', ')} MiB`);
    assert.equal(rssByRound.length, ROUNDS);
    // Levels off: the later rounds, which do the same work as the earlier ones, add
    // little. A leak that grows with the work grows with every round.
    const late = rssByRound[ROUNDS - 1]! - rssByRound[1]!;
    assert.ok(late < LATE_ROUNDS_GROWTH_BOUND, `RSS grew by ${mib(late)} MiB from round 2 to round ${ROUNDS}: ${rssByRound.map(mib).join(', ')} MiB`);
    const rss = await metric(server.httpUrl, 'parley_resident_memory_bytes');
    assert.ok(rss - rssAtStart < 200 * 2 ** 20, `memory grew by ${mib(rss - rssAtStart)} MiB`);

    // The chaos harness's workload and checker, against the same server, with no faults.
    const report = await checkedWorkload(server, join(dataDir, 'parley.db'), WORKLOAD_SECONDS, 20261130);
    t.diagnostic(`workload: ${JSON.stringify(report.stats)}`);
    for (const c of CHECKS) assert.equal(report.violations[c].count, 0, `${c}: ${report.violations[c].examples.join('; ')}`);
    assert.ok(report.stats.acked > 50, `a real workload ran (${report.stats.acked} acked)`);
    assert.equal(report.stats.unknown, 0, 'every send settled');
    await assertHealthy();
    assert.doesNotMatch(server.stderr(), /unhandled|"level":(50|60)/i, 'no unhandled failure was logged');
  });
});
