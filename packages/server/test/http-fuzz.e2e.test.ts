/**
 * HTTP server › survives hostile requests: raw requests over `net` sockets to a
 * server in a child process (so a crash fails the test instead of killing it),
 * drawn by fast-check from a fixed seed: request lines with garbage methods and
 * targets (`//[`, `%`, `%zz`, absolute-form, `*`, unicode, very long), missing,
 * duplicated, oversized and malformed headers, Content-Length lies, bad chunked
 * framing, garbage Authorization, bodies of invalid JSON, deep nesting, huge
 * numbers and every documented field of every route with a value of every type;
 * sent whole or in pieces, pipelined, half-closed or reset mid-way; plus
 * WebSocket upgrade handshakes of every shape.
 *
 * The oracle: every answer that comes back is a well-formed HTTP response whose
 * status is a documented one (never 500: INTERNAL is a server bug), every error
 * carries `{ error: { code, message } }` with a protocol ErrorCode, and every
 * complete request is answered; and, every few hundred cases and at the end, the
 * process is alive, /healthz answers 200, it logged no error, and a WebSocket and
 * a TCP client connected before the fuzz still send and receive messages.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { directConversationId, ErrorCode, MessageType } from '@parley/protocol';
import { ADMIN_KEY, openAuthed, registerUser, spawnServer, tempDir, type ChildServer, type RawClient } from '@parley/testkit';

/** Fixed, so CI draws the same cases every run; change it to explore. */
const SEED = Number(process.env.HTTP_FUZZ_SEED ?? 20_261_130);
const RUNS = { requests: 2000, pipelined: 300, upgrades: 300 };
/** Every this many cases, check that the server still serves everyone. */
const CHECK_EVERY = 250;
/** A complete request must be answered within this (generous: the machine may be loaded). */
const ANSWER_BOUND_MS = 10_000;
/** No byte for this long after an incomplete request: the server is waiting for the rest. */
const INCOMPLETE_IDLE_MS = 150;

/** Shrinking replays requests against a server whose state moved on: a failure is reported as drawn. */
const FC_OPTIONS = (numRuns: number, seed: number) => ({ numRuns, seed, endOnFailure: true, includeErrorInReport: true });

const ERROR_CODES = new Set<string>(Object.values(ErrorCode));
/** Every status the API documents (docs/PROTOCOL.md §10), interim ones included; 500 is not among them. */
const DOCUMENTED = new Set([100, 101, 200, 201, 204, 206, 304, 400, 401, 403, 404, 405, 408, 409, 410, 412, 413, 415, 416, 429, 431, 460, 503]);

// ---------------------------------------------------------------- requests

type Framing = 'length' | 'none' | 'short' | 'long' | 'chunked' | 'chunked-bad' | 'chunked-open' | 'two-lengths' | 'bad-length' | 'length-and-chunked';
type Ending = 'wait' | 'half-close' | 'reset' | 'reset-later';

interface RawRequest {
  method: string;
  target: string;
  version: string;
  headers: [string, string][];
  body: Buffer;
  framing: Framing;
}

/** Framings after which the server has the whole request (or a parse error it must answer). */
const COMPLETE: ReadonlySet<Framing> = new Set(['length', 'none', 'short', 'chunked', 'chunked-bad', 'two-lengths', 'bad-length', 'length-and-chunked']);

/** How a request shows in a counterexample: its head and the start of its body, not kilobytes of byte values. */
function summary(r: RawRequest): string {
  const head = `${r.method} ${r.target} ${r.version}`;
  const clip = (t: string, n: number) => (t.length > n ? `${t.slice(0, n)}…(${t.length} chars)` : t);
  return JSON.stringify({ line: clip(head, 200), headers: r.headers.map(([n, v]) => [n, clip(v, 60)]), body: clip(r.body.toString('latin1'), 200), framing: r.framing });
}

function encode(r: RawRequest): Buffer {
  const framing: [string, string][] = [];
  let body = r.body;
  switch (r.framing) {
    case 'length':
      framing.push(['content-length', String(body.length)]);
      break;
    case 'short':
      framing.push(['content-length', String(Math.floor(body.length / 2))]);
      break;
    case 'long':
      framing.push(['content-length', String(body.length + 1 + (body.length % 7))]);
      break;
    case 'two-lengths':
      framing.push(['content-length', String(body.length)], ['content-length', String(body.length + 1)]);
      break;
    case 'bad-length':
      framing.push(['content-length', ['-1', 'abc', '1e3', '0x10', ' ', '99999999999999999999999'][body.length % 6]!]);
      break;
    case 'length-and-chunked':
      framing.push(['content-length', String(body.length)], ['transfer-encoding', 'chunked']);
      break;
    case 'chunked':
    case 'chunked-bad':
    case 'chunked-open': {
      framing.push(['transfer-encoding', 'chunked']);
      const half = Math.floor(body.length / 2);
      const pieces = [body.subarray(0, half), body.subarray(half)].filter((p) => p.length > 0);
      const chunks = pieces.map((p) => Buffer.concat([Buffer.from(`${p.length.toString(16)}\r\n`), p, Buffer.from('\r\n')]));
      if (r.framing === 'chunked-bad') chunks.unshift(Buffer.from('zz\r\nnot a chunk\r\n'));
      if (r.framing !== 'chunked-open') chunks.push(Buffer.from('0\r\n\r\n'));
      body = Buffer.concat(chunks);
      break;
    }
    case 'none':
      break;
  }
  const head = [`${r.method} ${r.target} ${r.version}`, ...[...r.headers, ...framing].map(([n, v]) => `${n}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'utf8'), body]);
}

const NAUGHTY = ['', ' ', '\u0000', '\t\r\n', '%', '%zz', '\ud800', '\u202e', '𝕏', '你好', '<script>', "'; DROP TABLE users; --", '../../etc/passwd', 'a'.repeat(300), 'null', '__proto__', 'constructor'];

/** A JSON value of any type, biased to the edges. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1.5, 1e308, -0, true, false, null, [], {}, '', 'alice', 'bob', 'nobody'),
  fc.constantFrom(...NAUGHTY),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)), { maxLength: 6 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Every field a route documents (chat-routes.ts, http-api.ts) and a few it does not. */
const FIELDS = [
  'userId', 'password', 'displayName', 'ttlSeconds', 'clientMsgId', 'text', 'body', 'type', 'mentions', 'mentionAll', 'replyTo',
  'emoji', 'seq', 'pinned', 'muted', 'name', 'users', 'role', 'mutedUntil', 'on', 'avatarUrl', 'announcement', 'joinable',
  'allowStrangers', 'note', 'token', 'sha256', 'size', 'mime', '__proto__', 'constructor', '',
];

/** Raw JSON no `JSON.stringify` would write. */
const RAW_BODIES = [
  '{', '}', '{"a":}', "{'a':1}", 'nul', '\u0000', '"a string"', '[]', '[1,2]', '123', 'null', 'true', '\ufeff{}', '{"a":1}{"b":2}',
  '{"seq":1e400}', '{"seq":123456789012345678901234567890}', '{"seq":-0}', '{"text":"\\ud800"}', '{"clientMsgId":"x","text":"\\u0000"}',
  '{"users":"alice"}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}',
  `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`, `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
];

type Fields = Record<string, unknown>;

/** Bodies each kind of route takes (chat-routes.ts, http-api.ts), to be spoiled by fields laid over them. */
const SEND: Fields[] = [
  { clientMsgId: 'c1', text: 'hi' }, { clientMsgId: 'c1', text: 'other' }, { clientMsgId: 'c2', body: 'aGk=', type: 1 },
  { clientMsgId: 'c3', text: 'hi', mentions: ['bob'], mentionAll: false, replyTo: 1 }, { clientMsgId: 'c4', body: 'aGk', type: 99 },
];
const ACCOUNT: Fields[] = [{ userId: 'fuzzed', password: 'long enough pw' }, { userId: 'alice', password: 'correct horse battery' }, { userId: 'bob', ttlSeconds: 60 }];
const GROUP_ACTION: Fields[] = [{}, { users: ['bob'] }, { users: ['bob'], role: 2 }, { users: ['bob'], mutedUntil: 1 }, { on: true }, { userId: 'bob' }];
const INSTANT: Fields[] = [
  { sha256: 'a'.repeat(64), size: 10, name: 'x.bin', mime: 'image/png' }, { sha256: '0'.repeat(63), size: 1 }, { sha256: 'A'.repeat(64), size: 0 },
];
const ANY_BODY: Fields[] = [
  ...INSTANT,
  {}, ...SEND, ...ACCOUNT, ...GROUP_ACTION, { name: 'g', users: ['bob'] }, { seq: 1 }, { emoji: '👍' }, { text: 'edited' },
  { pinned: true, muted: false }, { allowStrangers: true }, { userId: 'bob', note: 'hello' }, { name: 'n', joinable: true },
];

/** A body for a route that takes `bases`: mostly one of them, fresh or spoiled; else anything, or no JSON at all. */
function bodyFor(bases: Fields[]): fc.Arbitrary<Buffer> {
  const shaped = (from: Fields[]) =>
    fc
      .tuple(
        fc.constantFrom(...from),
        // A fresh clientMsgId half the time (a new message), else the base's (a resend, or a reuse with other content).
        fc.option(fc.nat().map((n) => `m${n.toString(36)}`)),
        fc.option(fc.dictionary(fc.constantFrom(...FIELDS), jsonValue, { maxKeys: 3 }), { nil: {} }),
      )
      .map(([base, fresh, spoil]) => Buffer.from(JSON.stringify({ ...base, ...(fresh !== null ? { clientMsgId: fresh } : {}), ...spoil })));
  return fc.oneof(
    { weight: 8, arbitrary: shaped(bases.length > 0 ? bases : ANY_BODY) },
    { weight: 2, arbitrary: shaped(ANY_BODY) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES).map((s) => Buffer.from(s)) },
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)) },
    { weight: 1, arbitrary: fc.constantFrom(66 * 1024, 200 * 1024).map((n) => Buffer.from(`{"text":"${'x'.repeat(n)}"}`)) },
  );
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'get', 'PRI', 'PROPFIND', 'M-SEARCH'];
/** Mostly one of the methods the route takes; sometimes any method, or garbage. */
function method(takes: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...takes) },
    { weight: 3, arbitrary: fc.constantFrom(...METHODS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 12 }).filter((s) => !/[\r\n ]/.test(s)) },
  );
}

/** Path segments: real ids, ids that exist nowhere, and percent-encoding garbage. */
function idSegment(real: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...real.map(encodeURIComponent)) },
    { weight: 3, arbitrary: fc.constantFrom('alice', 'bob', 'nobody', 'g:none', 'd:alice:nobody', '%', '%zz', '%2', '%E0%A4%A', '%00', '%ff', '..', '.', '%2e%2e', 'x'.repeat(5000)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  );
}

const seqSegment = fc.constantFrom('1', '2', '0', '-1', '99999999999999999999', '1e3', 'abc', '9007199254740993');

const QUERY_KEYS = ['before', 'from', 'to', 'limit', 'seq', 'users', 'token', 'x'];
const queryValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('0', '1', '2', '50', 'alice', 'alice,bob', '') },
  { weight: 1, arbitrary: fc.constantFrom('-1', '1e999', '9007199254740993', 'abc', '%zz', '%', 'alice,,', ',', 'x'.repeat(3000)) },
);
const query = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), queryValue), { maxLength: 4 }).map((kv) => `?${kv.map(([k, v]) => `${k}=${v}`).join('&')}`) },
);

/** Targets that are not paths of any route: the malformed and the odd. */
const ODD_TARGETS = [
  '//[', '//[/healthz', '*', '%', '/%', '/%zz', '/%2', '//', '///', '/healthz#frag', '/healthz?%', '/v1/../healthz', '/./healthz',
  'http://localhost/healthz', 'HTTP://x/v1/nodes', 'https://x:99999/healthz', 'http://[', 'http://[::1/healthz', 'http://', 'ftp://x/healthz',
  'healthz', '?x=1', '/a b', '/你好', '/\u0000', '/\u007f', '/\\healthz', '/[', '/]', '/{}', '/|', '/^', '/`', '/"', '/<>',
  `/${'a'.repeat(20_000)}`, `/healthz?${'q'.repeat(8_000)}`,
];

/**
 * A method, a target and a body: a route of the API (its ids real, absent or
 * garbage, with a query) with a body shaped for it, or an odd target.
 */
function requestLine(real: { conversations: string[]; users: string[]; groups: string[]; uploads: string[]; files: string[] }): fc.Arbitrary<[string, string, Buffer]> {
  const c = idSegment(real.conversations);
  const u = idSegment(real.users);
  const g = idSegment(real.groups);
  const up = idSegment(real.uploads);
  const f = idSegment(real.files);
  const route = (takes: string[], path: fc.Arbitrary<string>, bases: Fields[] = [{}]) =>
    fc.tuple(method(takes), fc.tuple(path, query).map(([p, q]) => p + q), bodyFor(bases));
  const fixed = (takes: string[], paths: string[], bases?: Fields[]) => route(takes, fc.constantFrom(...paths), bases);
  const op = (ops: string[]) => fc.tuple(c, seqSegment, fc.constantFrom(...ops)).map(([id, n, o]) => `/v1/conversations/${id}/messages/${n}/${o}`);
  return fc.oneof(
    { weight: 2, arbitrary: fixed(['GET'], ['/healthz', '/readyz', '/metrics', '/v1/nodes', '/v1/conversations', '/v1/friends', '/v1/presence', '/nowhere', '/', '/ws']) },
    { weight: 2, arbitrary: fixed(['POST'], ['/v1/register', '/v1/login', '/v1/admin/users', '/v1/admin/tokens', '/v1/admin/gc'], ACCOUNT) },
    { weight: 1, arbitrary: fixed(['POST'], ['/v1/groups'], [{ name: 'g', users: ['bob'] }, { name: 'g' }]) },
    { weight: 1, arbitrary: fixed(['POST'], ['/v1/friends/requests'], [{ userId: 'bob', note: 'hello' }]) },
    { weight: 1, arbitrary: fixed(['PATCH'], ['/v1/friends'], [{ allowStrangers: true }]) },
    { weight: 2, arbitrary: route(['GET'], c.map((id) => `/v1/conversations/${id}/messages`)) },
    { weight: 3, arbitrary: route(['POST'], c.map((id) => `/v1/conversations/${id}/messages`), SEND) },
    { weight: 3, arbitrary: route(['POST'], u.map((id) => `/v1/users/${id}/messages`), SEND) },
    { weight: 1, arbitrary: route(['POST'], op(['recall', 'hide', 'nope'])) },
    { weight: 1, arbitrary: route(['POST'], op(['edit']), [{ text: 'edited' }, { body: 'aGk=' }]) },
    { weight: 1, arbitrary: route(['POST'], op(['reactions']), [{ emoji: '👍' }]) },
    { weight: 1, arbitrary: route(['DELETE'], fc.tuple(op(['reactions']), idSegment(['👍', 'x'])).map(([path, e]) => `${path}/${e}`)) },
    { weight: 1, arbitrary: route(['POST'], fc.tuple(c, fc.constantFrom('clear', 'read')).map(([id, o]) => `/v1/conversations/${id}/${o}`), [{ seq: 1 }, { seq: 2 }]) },
    { weight: 1, arbitrary: route(['GET'], c.map((id) => `/v1/conversations/${id}/readers`)) },
    { weight: 1, arbitrary: route(['PATCH'], c.map((id) => `/v1/conversations/${id}/settings`), [{ pinned: true, muted: false }, { muted: true }]) },
    { weight: 1, arbitrary: route(['GET', 'PATCH'], g.map((id) => `/v1/groups/${id}`), [{ name: 'n', joinable: true }, { announcement: 'a' }]) },
    {
      weight: 2,
      arbitrary: route(
        ['POST'],
        fc.tuple(g, fc.constantFrom('invite', 'kick', 'join', 'leave', 'role', 'transfer', 'mute', 'mute-all', 'dismiss', 'nope')).map(([id, o]) => `/v1/groups/${id}/${o}`),
        GROUP_ACTION,
      ),
    },
    { weight: 1, arbitrary: route(['POST'], fc.tuple(u, fc.constantFrom('accept', 'reject')).map(([id, o]) => `/v1/friends/requests/${id}/${o}`)) },
    { weight: 1, arbitrary: route(['DELETE'], u.map((id) => `/v1/friends/${id}`)) },
    { weight: 1, arbitrary: route(['PUT', 'DELETE'], u.map((id) => `/v1/blocks/${id}`)) },
    // Uploads (tus) and files: bodies are bytes, not JSON, for most of them.
    { weight: 2, arbitrary: fixed(['POST', 'OPTIONS'], ['/v1/uploads'], [{}]) },
    { weight: 3, arbitrary: route(['HEAD', 'PATCH', 'DELETE', 'GET'], up.map((id) => `/v1/uploads/${id}`)) },
    { weight: 2, arbitrary: route(['GET', 'HEAD'], f.map((id) => `/v1/files/${id}`)) },
    { weight: 1, arbitrary: route(['GET'], f.map((id) => `/v1/files/${id}/info`)) },
    { weight: 1, arbitrary: route(['POST'], f.map((id) => `/v1/files/${id}/link`)) },
    { weight: 1, arbitrary: fixed(['POST'], ['/v1/files/instant'], INSTANT) },
    { weight: 1, arbitrary: route(['POST'], idSegment(['AAAAAAAAAAAAAAAAAAAAAA']).map((id) => `/v1/files/instant/${id}`), [{ sha256: 'b'.repeat(64) }]) },
    { weight: 3, arbitrary: fc.tuple(method(['GET', 'POST']), fc.constantFrom(...ODD_TARGETS), bodyFor([])) },
  );
}

function headers(authorization: fc.Arbitrary<string>): fc.Arbitrary<[string, string][]> {
  const extra = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom<[string, string]>(
      ['connection', 'keep-alive'], ['connection', 'close'], ['connection', 'upgrade'], ['upgrade', 'h2c'], ['upgrade', 'websocket'],
      ['expect', '100-continue'], ['expect', 'the-unexpected'], ['content-type', 'text/plain'], ['content-type', 'application/json; charset=latin1'],
      ['content-encoding', 'gzip'], ['accept', '*/*'], ['x-forwarded-for', '1.2.3.4'], ['cookie', 'a=b'], ['range', 'bytes=0-1'],
      ['authorization', 'Bearer x'], ['host', 'other'], ['x-empty', ''], ['x-unicode', 'naïve ✓'],
    ) },
    // tus and download headers, right and wrong.
    { weight: 10, arbitrary: fc.constantFrom<[string, string]>(
      ['tus-resumable', '1.0.0'], ['tus-resumable', '1.0.0'], ['tus-resumable', '0.2.2'], ['upload-length', '10'], ['upload-length', '99999999999'],
      ['upload-length', '-1'], ['upload-defer-length', '1'], ['upload-offset', '0'], ['upload-offset', '3'], ['upload-offset', 'x'],
      ['content-type', 'application/offset+octet-stream'], ['upload-metadata', 'filename Li4vLi4vZXRjL3Bhc3N3ZA==,filetype aW1hZ2UvcG5n'],
      ['upload-metadata', 'bad metadata here'], ['upload-concat', 'partial'], ['upload-concat', 'final;/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA'],
      ['upload-concat', 'final;http://[/x'], ['upload-checksum', 'sha256 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='], ['upload-checksum', 'md5 x'],
      ['range', 'bytes=-1'], ['range', 'bytes=0-1,2-3,-1'], ['range', 'bytes=99999-'], ['range', 'bytes=a-b'], ['if-none-match', '*'], ['if-range', '"x"'],
    ) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('x-huge', 'authorization', 'cookie'), fc.constantFrom(9_000, 20_000, 70_000)).map(([n, size]): [string, string] => [n, 'v'.repeat(size)]),
    },
    // Names and values the parser must refuse: spaces, controls, non-tokens.
    { weight: 1, arbitrary: fc.constantFrom<[string, string]>(['bad name', 'x'], ['x-ctl', 'a\u0001b'], ['', 'x'], ['x(y)', 'z'], ['x-nul', '\u0000']) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 30 }))
        .filter(([n, v]) => !/[\r\n:]/.test(n) && !/[\r\n]/.test(v)),
    },
  );
  return fc
    .record({
      host: fc.oneof(
        { weight: 12, arbitrary: fc.constant<string[]>(['localhost']) },
        { weight: 1, arbitrary: fc.constantFrom<string[]>([], ['a', 'b'], ['[::1'], ['\u00ff']) },
      ),
      auth: authorization,
      json: fc.boolean(),
      extra: fc.oneof(fc.constant<[string, string][]>([]), fc.array(extra, { maxLength: 3 })),
    })
    .map(({ host, auth, json, extra }) => {
      const list: [string, string][] = host.map((h) => ['host', h]);
      if (auth !== '') list.push(['authorization', auth]);
      if (json) list.push(['content-type', 'application/json']);
      list.push(...extra);
      // The server closes after answering unless the request says otherwise: a quick end to each case.
      if (!extra.some(([n]) => n === 'connection')) list.push(['connection', 'close']);
      return list;
    });
}

function requestArbitrary(real: { conversations: string[]; users: string[]; groups: string[]; uploads: string[]; files: string[] }, authorization: fc.Arbitrary<string>): fc.Arbitrary<RawRequest> {
  return fc.record({
    line: requestLine(real),
    version: fc.oneof({ weight: 12, arbitrary: fc.constant('HTTP/1.1') }, { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.2', 'HTTP/9', 'FOO', '') }),
    headers: headers(authorization),
    framing: fc.oneof(
      { weight: 14, arbitrary: fc.constant<Framing>('length') },
      { weight: 2, arbitrary: fc.constant<Framing>('chunked') },
      { weight: 2, arbitrary: fc.constantFrom<Framing>('none', 'short', 'chunked-bad', 'two-lengths', 'bad-length', 'length-and-chunked') },
      { weight: 1, arbitrary: fc.constantFrom<Framing>('long', 'chunked-open') },
    ),
  }).map(({ line: [method, target, body], ...rest }): RawRequest => {
    const request = { method, target, body, ...rest };
    return Object.assign(request, { [fc.toStringMethod]: () => summary(request) });
  });
}

// ---------------------------------------------------------------- exchanges

interface Exchange {
  bytes: Buffer;
  /** How it ended: the server closed (or reset) it, a complete answer was read, we stopped waiting, or we reset it. */
  end: 'closed' | 'answered' | 'idle' | 'reset';
}

/**
 * Send `parts` (one write each) on a fresh connection and read until the server
 * closes, `answers` final responses have been read, `ending` says to reset, or
 * nothing arrives for a while: ANSWER_BOUND_MS while fewer than `owed` answers
 * are in (a complete request is owed one), else INCOMPLETE_IDLE_MS.
 */
function exchange(port: number, parts: Buffer[], o: { ending: Ending; answers: number; owed: number; methods: string[] }): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    let idle: NodeJS.Timeout | undefined;
    let answered = 0;
    const finish = (end: Exchange['end']) => {
      if (done) return;
      done = true;
      clearTimeout(idle);
      if (end === 'reset') socket.resetAndDestroy();
      else socket.destroy();
      resolve({ bytes: Buffer.concat(chunks), end });
    };
    const waitIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(() => finish('idle'), answered < o.owed ? ANSWER_BOUND_MS : INCOMPLETE_IDLE_MS);
    };
    socket.on('error', () => finish('closed'));
    socket.on('close', () => finish('closed'));
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      const read = readReplies(Buffer.concat(chunks), o.methods);
      answered = read.replies.filter((r) => r.status >= 200).length;
      if (read.malformed || read.upgraded || answered >= o.answers) finish('answered');
      else waitIdle();
    });
    socket.once('connect', async () => {
      for (const part of parts) {
        if (done) return;
        socket.write(part);
        await new Promise((r) => setImmediate(r));
      }
      if (o.ending === 'reset') return finish('reset');
      if (o.ending === 'reset-later') setTimeout(() => finish('reset'), 1 + (parts[0]!.length % 15));
      if (o.ending === 'half-close') socket.end();
      waitIdle();
    });
  });
}

interface Reply {
  /** The method of the request it answers (a HEAD answer has no body). */
  method: string;
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

/**
 * The responses in `bytes`, in order, as far as they are complete; `malformed`
 * says what is wrong with the first one that is not HTTP. `methods` are the
 * requests' methods (a HEAD answer has no body).
 */
function readReplies(bytes: Buffer, methods: string[], closed = false): { replies: Reply[]; malformed?: string; upgraded: boolean; rest: number } {
  const replies: Reply[] = [];
  let at = 0;
  let final = 0;
  while (at < bytes.length) {
    const lineEnd = bytes.indexOf('\r\n', at);
    const firstLine = bytes.subarray(at, lineEnd < 0 ? bytes.length : lineEnd).toString('latin1');
    if (!'HTTP/1.1 '.startsWith(firstLine.slice(0, 9)) || (lineEnd >= 0 && !/^HTTP\/1\.1 \d{3} [^\r\n]*$/.test(firstLine))) {
      return { replies, malformed: `not a status line: ${JSON.stringify(firstLine.slice(0, 80))}`, upgraded: false, rest: bytes.length - at };
    }
    const headEnd = bytes.indexOf('\r\n\r\n', at);
    if (headEnd < 0) break;
    const lines = bytes.subarray(at, headEnd).toString('latin1').split('\r\n');
    const status = Number(lines[0]!.slice(9, 12));
    const headers = new Map<string, string>();
    for (const line of lines.slice(1)) {
      const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+): ?(.*)$/.exec(line);
      if (!m) return { replies, malformed: `bad header line ${JSON.stringify(line.slice(0, 80))}`, upgraded: false, rest: bytes.length - at };
      headers.set(m[1]!.toLowerCase(), m[2]!);
    }
    let next = headEnd + 4;
    if (status === 101) {
      replies.push({ method: methods[final] ?? 'GET', status, headers, body: Buffer.alloc(0) });
      return { replies, upgraded: true, rest: 0 };
    }
    if (status < 200) {
      at = next;
      continue; // interim (100 Continue)
    }
    const method = methods[final] ?? 'GET';
    let body: Buffer = Buffer.alloc(0);
    if (method !== 'HEAD' && status !== 204 && status !== 304) {
      if (headers.get('transfer-encoding')?.toLowerCase() === 'chunked') {
        const parts: Buffer[] = [];
        let complete = false;
        while (true) {
          const sizeEnd = bytes.indexOf('\r\n', next);
          if (sizeEnd < 0) break;
          const size = parseInt(bytes.subarray(next, sizeEnd).toString('latin1'), 16);
          if (!Number.isFinite(size)) return { replies, malformed: 'bad chunk size', upgraded: false, rest: bytes.length - at };
          if (bytes.length < sizeEnd + 2 + size + 2) break;
          parts.push(bytes.subarray(sizeEnd + 2, sizeEnd + 2 + size));
          next = sizeEnd + 2 + size + 2;
          if (size === 0) {
            complete = true;
            break;
          }
        }
        if (!complete) break;
        body = Buffer.concat(parts);
      } else if (headers.has('content-length')) {
        const length = Number(headers.get('content-length'));
        if (!Number.isSafeInteger(length) || length < 0) return { replies, malformed: 'bad content-length', upgraded: false, rest: bytes.length - at };
        if (bytes.length < next + length) break;
        body = bytes.subarray(next, next + length);
        next += length;
      } else {
        if (!closed) break; // delimited by the close
        body = bytes.subarray(next);
        next = bytes.length;
      }
    }
    replies.push({ method, status, headers, body });
    final++;
    at = next;
    if (headers.get('connection')?.toLowerCase() === 'close') return { replies, upgraded: false, rest: 0 }; // nothing follows it
  }
  return { replies, upgraded: false, rest: bytes.length - at };
}

/** What was answered, over the whole file (reported at the end). */
const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

/** Fails unless every response in `ex` is well-formed, documented and coded; returns them. */
function judge(ex: Exchange, methods: string[], what: string, upgrade = false): Reply[] {
  const read = readReplies(ex.bytes, methods, ex.end === 'closed');
  assert.equal(read.malformed, undefined, `${what}: ${read.malformed}`);
  // Bytes left over are only a response cut short by our own reset or impatience.
  if (ex.end === 'closed' && read.rest > 0) assert.fail(`${what}: the server closed in the middle of a response: ${JSON.stringify(ex.bytes.toString('latin1').slice(-200))}`);
  for (const reply of read.replies) {
    const text = reply.body.toString('utf8');
    count(String(reply.status));
    assert.ok(DOCUMENTED.has(reply.status), `${what}: undocumented status ${reply.status} ${text.slice(0, 300)}`);
    if (reply.status === 101) assert.ok(upgrade, `${what}: 101 to a request that asked for no upgrade`);
    if (reply.status >= 400) assert.match(reply.headers.get('content-type') ?? '', /^application\/json/, `${what}: ${reply.status} without a JSON body`);
    if (reply.method === 'HEAD') continue;
    if (reply.status >= 400) {
      let parsed: { error?: { code?: unknown; message?: unknown } };
      try {
        parsed = JSON.parse(text);
      } catch {
        assert.fail(`${what}: ${reply.status} body is not JSON: ${text.slice(0, 200)}`);
      }
      assert.ok(ERROR_CODES.has(parsed.error?.code as string), `${what}: ${reply.status} code ${JSON.stringify(parsed.error?.code)} is not an ErrorCode`);
      assert.equal(typeof parsed.error?.message, 'string', `${what}: no error message`);
      count(parsed.error!.code as string);
    } else if (/^application\/json/.test(reply.headers.get('content-type') ?? '')) {
      assert.doesNotThrow(() => JSON.parse(text), `${what}: ${reply.status} body is not JSON`);
    }
  }
  return read.replies;
}

const show = (bytes: Buffer) => JSON.stringify(bytes.subarray(0, 600).toString('latin1'));

// ---------------------------------------------------------------- the tests

describe('HTTP server › survives hostile requests', () => {
  let server: ChildServer;
  let dataDir: string;
  let port: number;
  let alice: string;
  let wsClient: RawClient;
  let tcpClient: RawClient;
  let group: string;
  const uploads: string[] = [];
  const files: string[] = [];
  /** Error-level lines the server logged: each one is a failure nobody expected. */
  const errorLogs: string[] = [];
  let checks = 0;

  before(async () => {
    dataDir = tempDir('parley-http-fuzz-');
    server = await spawnServer(dataDir);
    port = Number(new URL(server.httpUrl).port);
    let pending = '';
    server.process.stdout!.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (/"level":(50|60)/.test(line)) errorLogs.push(line);
    });
    alice = await registerUser(server.httpUrl, 'alice');
    await registerUser(server.httpUrl, 'bob');
    const created = await fetch(`${server.httpUrl}/v1/groups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'fuzz', users: ['bob'] }),
    });
    group = ((await created.json()) as { conversationId: string }).conversationId;
    // An unfinished upload and a file of alice's, for the upload and file routes to name.
    const tus = { authorization: `Bearer ${alice}`, 'tus-resumable': '1.0.0' };
    for (const length of ['100000', '3']) {
      const upload = await fetch(`${server.httpUrl}/v1/uploads`, { method: 'POST', headers: { ...tus, 'upload-length': length } });
      uploads.push(upload.headers.get('location')!.split('/').pop()!);
    }
    const done = await fetch(`${server.httpUrl}/v1/uploads/${uploads[1]}`, {
      method: 'PATCH', headers: { ...tus, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body: 'abc',
    });
    files.push(done.headers.get('parley-file-id')!);
    // Two bystanders the fuzz never names, connected before it starts.
    wsClient = await openAuthed(server.wsUrl, await registerUser(server.httpUrl, 'watcher-ws'), 'ws-device');
    tcpClient = await openAuthed(server.tcpUrl, await registerUser(server.httpUrl, 'watcher-tcp'), 'tcp-device');
  });

  after(async () => {
    wsClient?.close();
    tcpClient?.close();
    if (server && server.process.exitCode === null) {
      server.process.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const alive = () => `the server process is gone (exit ${server.process.exitCode}); stderr:\n${server.stderr()}`;

  /** The process is up, /healthz is 200, nothing was logged as an error, and the bystanders still talk. */
  async function stillServes(withMessages = false): Promise<void> {
    checks++;
    assert.equal(server.process.exitCode, null, alive());
    const health = await fetch(`${server.httpUrl}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    assert.deepEqual(errorLogs, [], 'the server logged errors');
    assert.equal(server.stderr(), '', 'the server wrote to stderr');
    for (const client of [wsClient, tcpClient]) assert.equal((await client.request({ ping: { time: checks } })).body, 'pong');
    if (!withMessages) return;
    for (const [from, to, toUser] of [[wsClient, tcpClient, 'watcher-tcp'], [tcpClient, wsClient, 'watcher-ws']] as const) {
      const text = `still here ${checks} ${toUser}`;
      const ack = await from.request({ send: { to: toUser, clientMsgId: randomBytes(8).toString('hex'), type: MessageType.TEXT, body: new TextEncoder().encode(text) } });
      assert.equal(ack.body, 'sendAck', JSON.stringify(ack.error));
      const push = await to.waitFor((f) => f.push?.message?.seq === ack.sendAck!.seq && f.push?.message?.conversationId === ack.sendAck!.conversationId);
      assert.equal(new TextDecoder().decode(push.push!.message!.body!), text);
    }
  }

  const real = () => ({
    conversations: [group, directConversationId('alice', 'bob')],
    users: ['alice', 'bob'],
    groups: [group],
    uploads,
    files,
  });
  /** Mostly alice's good token (so the routes run), else none, the admin key, or garbage. */
  const authorizations = () =>
    fc.oneof(
      { weight: 10, arbitrary: fc.constant(`Bearer ${alice}`) },
      { weight: 2, arbitrary: fc.constantFrom('', `Bearer ${ADMIN_KEY}`) },
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          'Bearer ', 'Bearer', 'Bearer garbage', 'Basic Zm9vOmJhcg==', `Bearer ${alice.slice(0, -3)}AAA`, `Bearer ${alice.split('.').slice(0, 2).join('.')}`,
          `bearer ${alice}`, `Bearer  ${alice}`, `Bearer ${'x'.repeat(9000)}`, 'Bearer e30.e30.', 'Bearer a.b.c', 'Bearer %zz', `Bearer ${ADMIN_KEY}x`,
        ),
      },
    );

  test('GET //[ HTTP/1.1 is a 400 INVALID_ARGUMENT, and everyone else keeps chatting', async () => {
    const ex = await exchange(port, [Buffer.from('GET //[ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')], {
      ending: 'wait', answers: 1, owed: 1, methods: ['GET'],
    });
    const [reply] = judge(ex, ['GET'], 'GET //[');
    assert.equal(reply?.status, 400, show(ex.bytes));
    assert.equal(JSON.parse(reply!.body.toString()).error.code, ErrorCode.INVALID_ARGUMENT);
    await stillServes(true);
  });

  test('a bad WebSocket upgrade gets a coded answer, and everyone else keeps chatting', async () => {
    const upgrade = (path: string, extra = '') =>
      Buffer.from(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n${extra}\r\n`);
    const key = `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n`;
    for (const [request, status, code] of [
      [upgrade('/ws', 'Sec-WebSocket-Version: 13\r\n'), 400, ErrorCode.INVALID_ARGUMENT], // no key
      [upgrade('/ws', `${key}Sec-WebSocket-Version: 99\r\n`), 400, ErrorCode.INVALID_ARGUMENT],
      [upgrade('/ws', 'Sec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n'), 400, ErrorCode.INVALID_ARGUMENT],
      [upgrade('/elsewhere', `${key}Sec-WebSocket-Version: 13\r\n`), 404, ErrorCode.NOT_FOUND],
      [upgrade('//[', `${key}Sec-WebSocket-Version: 13\r\n`), 400, ErrorCode.INVALID_ARGUMENT],
      [Buffer.from(`POST /ws HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n${key}Sec-WebSocket-Version: 13\r\n\r\n`), 400, ErrorCode.INVALID_ARGUMENT],
    ] as const) {
      const ex = await exchange(port, [request], { ending: 'wait', answers: 1, owed: 1, methods: ['GET'] });
      const [reply] = judge(ex, ['GET'], request.toString());
      assert.deepEqual([reply?.status, JSON.parse(reply!.body.toString()).error.code], [status, code], show(ex.bytes));
    }
    // A refused upgrade whose client resets at once: the refusal meets a dead socket
    // (this used to throw ECONNRESET from the event loop and end the process).
    const big = Buffer.alloc(64 * 1024, 'x');
    for (let i = 0; i < 100; i++) {
      await exchange(port, [Buffer.concat([upgrade('/elsewhere', key), big])], { ending: 'reset', answers: 1, owed: 0, methods: ['GET'] });
    }
    await stillServes(true);
  });

  test('a request body cut off mid-way costs nothing but that request', async () => {
    for (let i = 0; i < 50; i++) {
      const head = `POST /v1/users/bob/messages HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${alice}\r\nContent-Length: 1000\r\n\r\n{"clientMsgId":`;
      await exchange(port, [Buffer.from(head)], { ending: i % 2 === 0 ? 'reset-later' : 'half-close', answers: 1, owed: 0, methods: ['POST'] });
    }
    await stillServes(true);
  });

  test(`random raw requests (${RUNS.requests} cases) get well-formed, coded answers`, async (t) => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        requestArbitrary(real(), authorizations()),
        fc.constantFrom<Ending>('wait', 'wait', 'wait', 'wait', 'half-close', 'reset', 'reset-later'),
        fc.integer({ min: 1, max: 3 }),
        async (request, ending, pieces) => {
          const bytes = encode(request);
          const cut = Array.from({ length: pieces }, (_, i) => Math.floor((bytes.length * i) / pieces));
          const parts = cut.map((from, i) => bytes.subarray(from, cut[i + 1] ?? bytes.length)).filter((p) => p.length > 0);
          const owed = COMPLETE.has(request.framing) && ending === 'wait' ? 1 : 0;
          const ex = await exchange(port, parts, { ending, answers: 1, owed, methods: [request.method] });
          const what = `${request.method} ${request.target.slice(0, 100)} (${request.framing}, ${ending})`;
          const replies = judge(ex, [request.method], what, request.headers.some(([n, v]) => n === 'upgrade' && v === 'websocket'));
          count(`end:${ex.end}`);
          if (owed > 0) assert.ok(replies.length > 0, `${what}: a complete request went unanswered (${ex.end}): sent ${show(bytes)}`);
          if (++n % CHECK_EVERY === 0) await stillServes();
        },
      ),
      FC_OPTIONS(RUNS.requests, SEED),
    );
    await stillServes(true);
    t.diagnostic(`answers: ${JSON.stringify(Object.fromEntries([...tally].sort()))}`);
  });

  test(`pipelined raw requests (${RUNS.pipelined} cases) are answered in order, each well-formed`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(requestArbitrary(real(), authorizations()), { minLength: 2, maxLength: 4 }), async (requests) => {
        // Keep-alive for all but the last, so the server reads on after each answer.
        const framed = requests.map((r, i) => ({
          ...r,
          headers: r.headers.filter(([name]) => name !== 'connection').concat(i === requests.length - 1 ? [['connection', 'close']] : []),
        }));
        const methods = framed.map((r) => r.method);
        // The first is owed an answer if it is complete; a later one may be cut short by a refusal of one before it.
        const owed = COMPLETE.has(framed[0]!.framing) ? 1 : 0;
        const ex = await exchange(port, [Buffer.concat(framed.map(encode))], { ending: 'wait', answers: framed.length, owed, methods });
        const replies = judge(ex, methods, `pipelined ${methods.join(' ')}`, framed.some((r) => r.headers.some(([name]) => name === 'upgrade')));
        if (owed > 0) assert.ok(replies.length > 0, `the first of a pipeline went unanswered (${ex.end})`);
        if (++n % CHECK_EVERY === 0) await stillServes();
      }),
      FC_OPTIONS(RUNS.pipelined, SEED + 1),
    );
    await stillServes(true);
  });

  test(`WebSocket upgrade handshakes of every shape (${RUNS.upgrades} cases) get 101 or a coded refusal`, async () => {
    const header = (name: string, values: string[]) => fc.option(fc.constantFrom(...values).map((v) => `${name}: ${v}\r\n`), { nil: '' });
    const handshake = fc.record({
      method: fc.constantFrom('GET', 'GET', 'POST', 'HEAD', 'PUT'),
      path: fc.constantFrom('/ws', '/ws', '/ws?x=1', '/ws/', '/WS', '/', '/healthz', '//[', '/%zz', '*', 'http://localhost/ws', '/ws#x'),
      upgrade: header('Upgrade', ['websocket', 'WebSocket', 'h2c', '', 'websocket, h2c']),
      connection: header('Connection', ['Upgrade', 'upgrade, keep-alive', 'close', '']),
      key: header('Sec-WebSocket-Key', ['dGhlIHNhbXBsZSBub25jZQ==', 'short', '', '%%%%', 'dGhlIHNhbXBsZSBub25jZSE=' /* 17 bytes */]),
      version: header('Sec-WebSocket-Version', ['13', '8', '99', '', 'abc']),
      protocol: header('Sec-WebSocket-Protocol', ['chat', 'a,,b', '', '\u00ff']),
      extensions: header('Sec-WebSocket-Extensions', ['permessage-deflate', 'x; y=', ';;;']),
      trailing: fc.oneof(fc.constant(Buffer.alloc(0)), fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a))),
      ending: fc.constantFrom<Ending>('wait', 'wait', 'half-close', 'reset', 'reset-later'),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(handshake, async (h) => {
        const head = `${h.method} ${h.path} HTTP/1.1\r\nHost: localhost\r\n${h.upgrade}${h.connection}${h.key}${h.version}${h.protocol}${h.extensions}\r\n`;
        const owed = h.ending === 'wait' && h.trailing.length === 0 ? 1 : 0;
        const ex = await exchange(port, [Buffer.concat([Buffer.from(head), h.trailing])], { ending: h.ending, answers: 1, owed, methods: [h.method] });
        // After a 101 the bytes are WebSocket frames, not HTTP: judge stops there.
        judge(ex, [h.method], head, true);
        if (owed > 0) assert.ok(readReplies(ex.bytes, [h.method]).replies.length > 0, `unanswered handshake: ${head} (${ex.end})`);
        if (++n % CHECK_EVERY === 0) await stillServes();
      }),
      FC_OPTIONS(RUNS.upgrades, SEED + 2),
    );
    await stillServes(true);
  });
});
