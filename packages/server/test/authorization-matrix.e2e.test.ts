/**
 * The authorization matrix: every HTTP route of the route table (http-api.ts's
 * `httpRoutes`, alternations like `(accept|decline)` taken one by one) and every
 * Frame body kind of parley.proto, each asked by every role a caller can have
 * towards a group — owner, admin, member, former member (left), kicked, banned,
 * non-member, blocked (the owner blocked them), anonymous (no token) — against a
 * real server, each answer compared with the one written here.
 *
 * Completeness is checked, not hoped for: a route or a Frame kind without a row,
 * or a row for one that no longer exists, fails the test. So a new route or
 * request type cannot ship without someone writing down who may call it.
 *
 * Each cell builds its own world (fresh users, a fresh group), so one cell's
 * effect (a dismissal, a block) never changes another's answer. The world is set
 * up through the server's ChatService in process; the cell itself goes over HTTP
 * or a WebSocket, as a client would.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ErrorCode, FriendOp, GroupInfoField, GroupOp, GroupRole, MessageType, type FrameData } from '@parley/protocol';
import { ADMIN_KEY, fetchWithin, openAuthed, openRaw, startTestServer, type RawClient, type TestServer } from '@parley/testkit';
import { httpRoutes } from '../src/http/http-api.ts';

const ROLES = ['owner', 'admin', 'member', 'former', 'kicked', 'banned', 'nonMember', 'blocked', 'anonymous'] as const;
type Role = (typeof ROLES)[number];
/** What a cell must answer: an HTTP status, with the error code when it is an error ("403 NOT_MEMBER"); on the socket "OK" or the code. */
type Outcome = string;
type Expect = Record<Role, Outcome>;

const CONCURRENCY = 6;
const PASSWORD = 'correct horse battery';

/** One world: the users of each role, the group and what is in it. */
interface World {
  user: Record<Exclude<Role, 'anonymous'>, string> & { nu: string };
  token: Record<Role, string>;
  group: string;
  /** The owner's text message in the group, sent while everyone but the non-members was in it. */
  seq: number;
  /** An upload of the owner's, unfinished, and a file of the owner's (sent nowhere). */
  upload: string;
  file: string;
  /** The owner's sign-in session (of its token). */
  ownerSession: string;
}

let server: TestServer;
let worlds = 0;

async function http(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const init: RequestInit = { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } };
  if (body instanceof Uint8Array) init.body = Buffer.from(body);
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  return fetchWithin(`${server.httpUrl}${path}`, init);
}

async function outcomeOf(res: Response): Promise<Outcome> {
  const text = await res.text();
  if (res.status < 400) return String(res.status);
  let code = '';
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? '';
  } catch {
    // HEAD and tus answers may carry no JSON body: the status alone.
  }
  return code ? `${res.status} ${code}` : String(res.status);
}

/** A fresh world: users of every role, a group as the roles say, an upload and a file of the owner's. */
async function world(options: { joinable?: boolean } = {}): Promise<World> {
  const p = `z${++worlds}`;
  const user = {
    owner: `${p}-own`, admin: `${p}-adm`, member: `${p}-mem`, former: `${p}-lft`, kicked: `${p}-kck`, banned: `${p}-ban`,
    nonMember: `${p}-out`, blocked: `${p}-blk`, nu: `${p}-nu`,
  };
  await Promise.all(
    Object.values(user).map(async (userId) => {
      const res = await http('POST', '/v1/admin/users', ADMIN_KEY, { userId });
      assert.equal(res.status, 201, `create ${userId}: ${await res.text()}`);
    }),
  );
  const token = { anonymous: '' } as Record<Role, string>;
  let ownerSession = '';
  for (const r of ROLES) {
    if (r === 'anonymous') continue;
    const res = await http('POST', '/v1/admin/tokens', ADMIN_KEY, { userId: user[r] });
    assert.equal(res.status, 200, `a token for ${user[r]}`);
    const issued = (await res.json()) as { token: string; sessionId: string };
    token[r] = issued.token;
    if (r === 'owner') ownerSession = issued.sessionId;
  }
  const as = (userId: string) => ({ userId, deviceId: 'setup', sessionId: `setup-${userId}` });
  let n = 0;
  const cid = () => `${p}-setup-${++n}`;
  const chat = server.chat;
  const created = await chat.changeGroup(as(user.owner), {
    op: GroupOp.CREATE, name: 'G', users: [user.admin, user.member, user.former, user.kicked, user.banned], clientMsgId: cid(),
  });
  const group = created.message.conversationId;
  const change = (actor: string, op: GroupOp, extra: object = {}) => chat.changeGroup(as(actor), { op, conversationId: group, clientMsgId: cid(), ...extra });
  await change(user.owner, GroupOp.SET_ROLE, { users: [user.admin], role: GroupRole.ADMIN });
  const sent = await chat.send(as(user.owner), { conversationId: group, clientMsgId: cid(), type: MessageType.TEXT, body: new TextEncoder().encode('hello') });
  await change(user.former, GroupOp.LEAVE);
  await change(user.owner, GroupOp.KICK, { users: [user.kicked] });
  await change(user.owner, GroupOp.BAN, { users: [user.banned] });
  if (options.joinable) await change(user.owner, GroupOp.INFO, { fields: GroupInfoField.JOINABLE, joinable: true });
  await chat.changeFriends(as(user.owner), { op: FriendOp.BLOCK, userId: user.blocked, clientMsgId: cid() });
  // An upload of 5 bytes, unfinished; and one finished: a file.
  const tus = { 'tus-resumable': '1.0.0' };
  const open = async () => {
    const res = await http('POST', '/v1/uploads', token.owner, undefined, { ...tus, 'upload-length': '5' });
    assert.equal(res.status, 201, await res.text());
    return res.headers.get('location')!.split('/').pop()!;
  };
  const upload = await open();
  const done = await open();
  const patched = await http('PATCH', `/v1/uploads/${done}`, token.owner, new Uint8Array([1, 2, 3, 4, 5]), {
    ...tus, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream',
  });
  assert.equal(patched.status, 204, await patched.text());
  const file = patched.headers.get('parley-file-id')!;
  assert.ok(file, 'the finished upload names its file');
  return { user, token, group, seq: sent.message.seq, upload, file, ownerSession };
}

// ---------------------------------------------------------------------------
// Expected answers

const NOT_MEMBER = `403 ${ErrorCode.NOT_MEMBER}`;
const FORBIDDEN = `403 ${ErrorCode.FORBIDDEN}`;
const ANONYMOUS = `401 ${ErrorCode.AUTH_FAILED}`;
/** The same answer for every role, the anonymous caller included. */
const everyone = (o: Outcome): Expect => Object.fromEntries(ROLES.map((r) => [r, o])) as Expect;
/** One answer for every signed-in role; the anonymous caller's token is refused. */
const signedIn = (o: Outcome, anonymous = ANONYMOUS): Expect => ({ ...everyone(o), anonymous });
/** By role; the anonymous caller's token is refused. */
const byRole = (o: Outcome, a: Outcome, m: Outcome, f: Outcome, k: Outcome, b: Outcome, n: Outcome, bl: Outcome, anonymous = ANONYMOUS): Expect => ({
  owner: o, admin: a, member: m, former: f, kicked: k, banned: b, nonMember: n, blocked: bl, anonymous,
});
/** Owner, admin and member answer as given; everyone else is not a member. */
const members = (o: Outcome, a: Outcome, m: Outcome): Expect => byRole(o, a, m, NOT_MEMBER, NOT_MEMBER, NOT_MEMBER, NOT_MEMBER, NOT_MEMBER);
/** Current and former members answer `yes`; those never in it are not members. */
const everMembers = (yes: Outcome): Expect => byRole(yes, yes, yes, yes, yes, yes, NOT_MEMBER, NOT_MEMBER);
/** Only the owner's own thing: the others are told it does not exist. */
const ownersOnly = (yes: Outcome, no: Outcome): Expect => ({ ...signedIn(no), owner: yes });

interface HttpRow {
  request: (w: World, role: Role) => { method?: string; path: string; body?: unknown; headers?: Record<string, string> };
  expect: Expect;
  setup?: { joinable?: boolean };
}

const SELF = `400 ${ErrorCode.INVALID_ARGUMENT}`;
const msg = (w: World) => `/v1/conversations/${w.group}/messages/${w.seq}`;
const grp = (w: World) => `/v1/groups/${w.group}`;
const tusHeaders = { 'tus-resumable': '1.0.0' };
const sha = 'ab'.repeat(32);

/** Rows by `METHOD pattern` (a pattern's alternations taken one by one, as in `(accept|decline)` → accept, decline). */
const HTTP_ROWS: Record<string, HttpRow> = {
  'GET ^\\/healthz$': { request: () => ({ path: '/healthz' }), expect: everyone('200') },
  'GET ^\\/v1\\/nodes$': { request: () => ({ path: '/v1/nodes' }), expect: everyone('200') },
  'GET ^\\/readyz$': { request: () => ({ path: '/readyz' }), expect: everyone('200') },
  'POST ^\\/v1\\/register$': {
    request: (w, role) => ({ path: '/v1/register', body: { userId: `${w.user.nu}-r-${role}`, password: PASSWORD } }), expect: everyone('201'),
  },
  'POST ^\\/v1\\/login$': {
    request: (w) => ({ path: '/v1/login', body: { userId: w.user.owner, password: 'not the password' } }), expect: everyone(`401 ${ErrorCode.BAD_CREDENTIALS}`),
  },
  // The admin API takes the admin key, never a user's token.
  'POST ^\\/v1\\/admin\\/users$': { request: (w) => ({ path: '/v1/admin/users', body: { userId: `${w.user.nu}-a` } }), expect: everyone(FORBIDDEN) },
  'POST ^\\/v1\\/admin\\/tokens$': { request: (w) => ({ path: '/v1/admin/tokens', body: { userId: w.user.owner } }), expect: everyone(FORBIDDEN) },
  'POST ^\\/v1\\/admin\\/gc$': { request: () => ({ path: '/v1/admin/gc', body: {} }), expect: everyone(FORBIDDEN) },
  'GET ^\\/v1\\/admin\\/users\\/([^/]+)\\/sessions$': { request: (w) => ({ path: `/v1/admin/users/${w.user.owner}/sessions` }), expect: everyone(FORBIDDEN) },
  'POST ^\\/v1\\/admin\\/users\\/([^/]+)\\/sign-out$': { request: (w) => ({ path: `/v1/admin/users/${w.user.owner}/sign-out`, body: {} }), expect: everyone(FORBIDDEN) },
  'GET ^\\/v1\\/admin\\/users\\/([^/]+)\\/limits$': { request: (w) => ({ path: `/v1/admin/users/${w.user.owner}/limits` }), expect: everyone(FORBIDDEN) },
  'PUT ^\\/v1\\/admin\\/users\\/([^/]+)\\/limits$': {
    request: (w) => ({ path: `/v1/admin/users/${w.user.owner}/limits`, body: { limits: { sendsPerSecond: 0 } } }), expect: everyone(FORBIDDEN),
  },
  'DELETE ^\\/v1\\/admin\\/users\\/([^/]+)\\/limits$': { request: (w) => ({ path: `/v1/admin/users/${w.user.owner}/limits` }), expect: everyone(FORBIDDEN) },
  'DELETE ^\\/v1\\/admin\\/sessions\\/([^/]+)$': { request: (w) => ({ path: `/v1/admin/sessions/${w.ownerSession}` }), expect: everyone(FORBIDDEN) },

  // One's own sign-in sessions: another user's session is one that does not exist.
  'GET ^\\/v1\\/sessions$': { request: () => ({ path: '/v1/sessions' }), expect: signedIn('200') },
  'POST ^\\/v1\\/sessions\\/sign-out-others$': { request: () => ({ path: '/v1/sessions/sign-out-others', body: {} }), expect: signedIn('200') },
  'DELETE ^\\/v1\\/sessions\\/([^/]+)$': {
    request: (w) => ({ path: `/v1/sessions/${w.ownerSession}` }), expect: ownersOnly('200', `404 ${ErrorCode.SESSION_NOT_FOUND}`),
  },

  'GET ^\\/v1\\/conversations$': { request: () => ({ path: '/v1/conversations' }), expect: signedIn('200') },
  'GET ^\\/v1\\/conversations\\/([^/]+)\\/messages$': { request: (w) => ({ path: `/v1/conversations/${w.group}/messages` }), expect: everMembers('200') },
  'POST ^\\/v1\\/conversations\\/([^/]+)\\/messages$': {
    request: (w, role) => ({ path: `/v1/conversations/${w.group}/messages`, body: { clientMsgId: `send-${role}`, text: 'hi' } }), expect: members('201', '201', '201'),
  },
  // A 1:1 message to the owner: the one they blocked is BLOCKED; to oneself is no conversation.
  'POST ^\\/v1\\/users\\/([^/]+)\\/messages$': {
    request: (w, role) => ({ path: `/v1/users/${w.user.owner}/messages`, body: { clientMsgId: `dm-${role}`, text: 'hi' } }),
    expect: byRole(SELF, '201', '201', '201', '201', '201', '201', `403 ${ErrorCode.BLOCKED}`),
  },
  // The owner's message: its sender recalls it, and so may an admin; a member may not.
  'POST ^\\/v1\\/conversations\\/([^/]+)\\/messages\\/(\\d+)\\/recall$': { request: (w) => ({ path: `${msg(w)}/recall`, body: {} }), expect: members('200', '200', FORBIDDEN) },
  'POST ^\\/v1\\/conversations\\/([^/]+)\\/messages\\/(\\d+)\\/edit$': { request: (w) => ({ path: `${msg(w)}/edit`, body: { text: 'changed' } }), expect: members('200', FORBIDDEN, FORBIDDEN) },
  'POST ^\\/v1\\/conversations\\/([^/]+)\\/messages\\/(\\d+)\\/reactions$': { request: (w) => ({ path: `${msg(w)}/reactions`, body: { emoji: '👍' } }), expect: members('200', '200', '200') },
  'DELETE ^\\/v1\\/conversations\\/([^/]+)\\/messages\\/(\\d+)\\/reactions\\/([^/]+)$': {
    request: (w) => ({ path: `${msg(w)}/reactions/${encodeURIComponent('👍')}`, body: {} }),
    expect: members(`400 ${ErrorCode.INVALID_ARGUMENT}`, `400 ${ErrorCode.INVALID_ARGUMENT}`, `400 ${ErrorCode.INVALID_ARGUMENT}`),
  },
  // One's own history: also of a conversation one left or was removed from.
  'POST ^\\/v1\\/conversations\\/([^/]+)\\/messages\\/(\\d+)\\/hide$': { request: (w) => ({ path: `${msg(w)}/hide`, body: {} }), expect: everMembers('200') },
  'POST ^\\/v1\\/conversations\\/([^/]+)\\/clear$': { request: (w) => ({ path: `/v1/conversations/${w.group}/clear`, body: { seq: w.seq } }), expect: everMembers('200') },
  'POST ^\\/v1\\/conversations\\/([^/]+)\\/read$': { request: (w) => ({ path: `/v1/conversations/${w.group}/read`, body: { seq: w.seq } }), expect: everMembers('200') },
  'GET ^\\/v1\\/conversations\\/([^/]+)\\/readers$': { request: (w) => ({ path: `/v1/conversations/${w.group}/readers?seq=${w.seq}` }), expect: members('200', '200', '200') },
  'PATCH ^\\/v1\\/conversations\\/([^/]+)\\/settings$': { request: (w) => ({ path: `/v1/conversations/${w.group}/settings`, body: { pinned: true } }), expect: everMembers('200') },

  // A new group with the owner in it: not for the one they blocked.
  'POST ^\\/v1\\/groups$': {
    request: (w) => ({ path: '/v1/groups', body: { name: 'New', users: [w.user.owner] } }),
    expect: byRole('201', '201', '201', '201', '201', '201', '201', `403 ${ErrorCode.BLOCKED}`),
  },
  'GET ^\\/v1\\/groups\\/([^/]+)$': { request: (w) => ({ path: grp(w) }), expect: members('200', '200', '200') },
  'PATCH ^\\/v1\\/groups\\/([^/]+)$': { request: (w) => ({ path: grp(w), body: { name: 'Renamed' } }), expect: members('200', '200', FORBIDDEN) },
  'POST ^\\/v1\\/groups\\/([^/]+)\\/invite$': { request: (w) => ({ path: `${grp(w)}/invite`, body: { users: [w.user.nu] } }), expect: members('200', '200', FORBIDDEN) },
  'POST ^\\/v1\\/groups\\/([^/]+)\\/kick$': { request: (w) => ({ path: `${grp(w)}/kick`, body: { users: [w.user.member] } }), expect: members('200', '200', FORBIDDEN) },
  // Joinable: anyone not in it joins, but the banned; the owner's block stops adds, not joins.
  'POST ^\\/v1\\/groups\\/([^/]+)\\/join$': {
    setup: { joinable: true }, request: (w) => ({ path: `${grp(w)}/join`, body: {} }),
    expect: byRole(...(Array(3).fill(`409 ${ErrorCode.ALREADY_MEMBER}`) as [string, string, string]), '200', '200', `403 ${ErrorCode.BANNED}`, '200', '200'),
  },
  'POST ^\\/v1\\/groups\\/([^/]+)\\/leave$': { request: (w) => ({ path: `${grp(w)}/leave`, body: {} }), expect: members(FORBIDDEN, '200', '200') },
  'POST ^\\/v1\\/groups\\/([^/]+)\\/role$': { request: (w) => ({ path: `${grp(w)}/role`, body: { users: [w.user.member], role: 2 } }), expect: members('200', FORBIDDEN, FORBIDDEN) },
  'POST ^\\/v1\\/groups\\/([^/]+)\\/transfer$': { request: (w) => ({ path: `${grp(w)}/transfer`, body: { userId: w.user.member } }), expect: members('200', FORBIDDEN, FORBIDDEN) },
  'POST ^\\/v1\\/groups\\/([^/]+)\\/mute$': {
    request: (w) => ({ path: `${grp(w)}/mute`, body: { users: [w.user.member], mutedUntil: Date.now() + 3_600_000 } }), expect: members('200', '200', FORBIDDEN),
  },
  'POST ^\\/v1\\/groups\\/([^/]+)\\/mute-all$': { request: (w) => ({ path: `${grp(w)}/mute-all`, body: { on: true } }), expect: members('200', '200', FORBIDDEN) },
  'POST ^\\/v1\\/groups\\/([^/]+)\\/dismiss$': { request: (w) => ({ path: `${grp(w)}/dismiss`, body: {} }), expect: members('200', FORBIDDEN, FORBIDDEN) },
  'POST ^\\/v1\\/groups\\/([^/]+)\\/ban$': { request: (w) => ({ path: `${grp(w)}/ban`, body: { users: [w.user.nu] } }), expect: members('200', '200', FORBIDDEN) },
  'POST ^\\/v1\\/groups\\/([^/]+)\\/unban$': { request: (w) => ({ path: `${grp(w)}/unban`, body: { users: [w.user.banned] } }), expect: members('200', '200', FORBIDDEN) },
  'GET ^\\/v1\\/groups\\/([^/]+)\\/bans$': { request: (w) => ({ path: `${grp(w)}/bans` }), expect: members('200', '200', FORBIDDEN) },
  'GET ^\\/v1\\/invitations$': { request: () => ({ path: '/v1/invitations' }), expect: signedIn('200') },
  // Nobody here holds an invitation (the ban took the banned one's, had there been one).
  'POST ^\\/v1\\/invitations\\/([^/]+)\\/accept$': {
    request: (w) => ({ path: `/v1/invitations/${w.group}/accept`, body: {} }),
    expect: byRole(...(Array(3).fill(`409 ${ErrorCode.ALREADY_MEMBER}`) as [string, string, string]), ...(Array(5).fill(`404 ${ErrorCode.INVITATION_NOT_FOUND}`) as [string, string, string, string, string])),
  },
  'POST ^\\/v1\\/invitations\\/([^/]+)\\/decline$': { request: (w) => ({ path: `/v1/invitations/${w.group}/decline`, body: {} }), expect: signedIn(`404 ${ErrorCode.INVITATION_NOT_FOUND}`) },

  'GET ^\\/v1\\/friends$': { request: () => ({ path: '/v1/friends' }), expect: signedIn('200') },
  'PATCH ^\\/v1\\/friends$': { request: () => ({ path: '/v1/friends', body: { groupAdds: 2 } }), expect: signedIn('200') },
  'POST ^\\/v1\\/friends\\/requests$': {
    request: (w) => ({ path: '/v1/friends/requests', body: { userId: w.user.owner } }), expect: { ...signedIn('200'), owner: SELF, blocked: `403 ${ErrorCode.BLOCKED}` },
  },
  'POST ^\\/v1\\/friends\\/requests\\/([^/]+)\\/accept$': {
    request: (w) => ({ path: `/v1/friends/requests/${w.user.owner}/accept`, body: {} }), expect: { ...signedIn(`404 ${ErrorCode.REQUEST_NOT_FOUND}`), owner: SELF },
  },
  'POST ^\\/v1\\/friends\\/requests\\/([^/]+)\\/reject$': {
    request: (w) => ({ path: `/v1/friends/requests/${w.user.owner}/reject`, body: {} }), expect: { ...signedIn(`404 ${ErrorCode.REQUEST_NOT_FOUND}`), owner: SELF },
  },
  'DELETE ^\\/v1\\/friends\\/([^/]+)$': { request: (w) => ({ path: `/v1/friends/${w.user.owner}` }), expect: { ...signedIn(`403 ${ErrorCode.NOT_FRIENDS}`), owner: SELF } },
  'PUT ^\\/v1\\/blocks\\/([^/]+)$': { request: (w) => ({ path: `/v1/blocks/${w.user.owner}` }), expect: { ...signedIn('200'), owner: SELF } },
  'DELETE ^\\/v1\\/blocks\\/([^/]+)$': { request: (w) => ({ path: `/v1/blocks/${w.user.owner}` }), expect: { ...signedIn('200'), owner: SELF } },
  'GET ^\\/v1\\/presence$': { request: (w) => ({ path: `/v1/presence?users=${w.user.owner}` }), expect: signedIn('200') },

  // Uploads and files belong to their uploader: anyone else is told there is none.
  'OPTIONS ^\\/v1\\/uploads$': { request: () => ({ path: '/v1/uploads' }), expect: everyone('204') },
  'POST ^\\/v1\\/uploads$': { request: () => ({ path: '/v1/uploads', headers: { ...tusHeaders, 'upload-length': '3' } }), expect: signedIn('201') },
  'HEAD ^\\/v1\\/uploads\\/([^/]+)$': { request: (w) => ({ path: `/v1/uploads/${w.upload}`, headers: tusHeaders }), expect: { ...ownersOnly('200', '404'), anonymous: '401' } },
  'PATCH ^\\/v1\\/uploads\\/([^/]+)$': {
    request: (w) => ({
      path: `/v1/uploads/${w.upload}`, body: new Uint8Array([1]), headers: { ...tusHeaders, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    }),
    expect: ownersOnly('204', `404 ${ErrorCode.UPLOAD_NOT_FOUND}`),
  },
  'DELETE ^\\/v1\\/uploads\\/([^/]+)$': { request: (w) => ({ path: `/v1/uploads/${w.upload}`, headers: tusHeaders }), expect: ownersOnly('204', `404 ${ErrorCode.UPLOAD_NOT_FOUND}`) },
  'GET ^\\/v1\\/uploads\\/([^/]+)$': { request: (w) => ({ path: `/v1/uploads/${w.upload}`, headers: tusHeaders }), expect: ownersOnly('200', `404 ${ErrorCode.UPLOAD_NOT_FOUND}`) },
  'GET ^\\/v1\\/files\\/([^/]+)$': {
    request: (w) => ({ path: `/v1/files/${w.file}` }), expect: { ...ownersOnly('200', `404 ${ErrorCode.FILE_NOT_FOUND}`), anonymous: ANONYMOUS },
  },
  'HEAD ^\\/v1\\/files\\/([^/]+)$': { request: (w) => ({ path: `/v1/files/${w.file}` }), expect: { ...ownersOnly('200', '404'), anonymous: '401' } },
  'GET ^\\/v1\\/files\\/([^/]+)\\/info$': { request: (w) => ({ path: `/v1/files/${w.file}/info` }), expect: ownersOnly('200', `404 ${ErrorCode.FILE_NOT_FOUND}`) },
  'POST ^\\/v1\\/files\\/([^/]+)\\/link$': { request: (w) => ({ path: `/v1/files/${w.file}/link`, body: {} }), expect: ownersOnly('200', `404 ${ErrorCode.FILE_NOT_FOUND}`) },
  'POST ^\\/v1\\/files\\/instant$': { request: () => ({ path: '/v1/files/instant', body: { sha256: sha, size: 5 } }), expect: signedIn(`404 ${ErrorCode.NOT_FOUND}`) },
  'POST ^\\/v1\\/files\\/instant\\/([^/]+)$': { request: () => ({ path: '/v1/files/instant/no-such-challenge', body: { sha256: sha } }), expect: signedIn(`404 ${ErrorCode.NOT_FOUND}`) },
};
// The anonymous caller of a user route is refused whatever the rest would say (set above per row only where it differs).
for (const row of Object.values(HTTP_ROWS)) row.expect.anonymous ??= ANONYMOUS;

/** Route keys as the table has them, alternations one by one. */
function routeKeys(): string[] {
  const keys: string[] = [];
  for (const r of httpRoutes({} as never)) {
    const source = r.pattern.source;
    const alternation = /\(((?:[a-z-]+\|)+[a-z-]+)\)/.exec(source);
    if (!alternation) keys.push(`${r.method} ${source}`);
    else for (const option of alternation[1]!.split('|')) keys.push(`${r.method} ${source.replace(alternation[0], option)}`);
  }
  return keys;
}

// ---------------------------------------------------------------------------
// The socket

/** Frame body kinds of parley.proto's `Frame` (its oneof), by their proto names. */
function frameKinds(): string[] {
  const proto = readFileSync(new URL('../../protocol/parley.proto', import.meta.url), 'utf8');
  const body = /message Frame \{[\s\S]*?oneof body \{([\s\S]*?)\n {2}\}/.exec(proto)![1]!;
  return [...body.matchAll(/^\s+\w+ (\w+) = \d+;/gm)].map((m) => m[1]!);
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const AUTH_REQUIRED = ErrorCode.AUTH_REQUIRED;
const SOCKET_NOT_MEMBER = ErrorCode.NOT_MEMBER;
const sock = (o: Outcome, a: Outcome, m: Outcome, f: Outcome, k: Outcome, b: Outcome, n: Outcome, bl: Outcome, anonymous: Outcome = AUTH_REQUIRED): Expect => ({
  owner: o, admin: a, member: m, former: f, kicked: k, banned: b, nonMember: n, blocked: bl, anonymous,
});
const sockAll = (o: Outcome, anonymous: Outcome = AUTH_REQUIRED) => sock(o, o, o, o, o, o, o, o, anonymous);
const sockMembers = (o: Outcome, a: Outcome, m: Outcome) => sock(o, a, m, SOCKET_NOT_MEMBER, SOCKET_NOT_MEMBER, SOCKET_NOT_MEMBER, SOCKET_NOT_MEMBER, SOCKET_NOT_MEMBER);
const sockEver = (yes: Outcome) => sock(yes, yes, yes, yes, yes, yes, SOCKET_NOT_MEMBER, SOCKET_NOT_MEMBER);

interface FrameRow {
  /** The frame's body, or undefined for a kind only the server sends (every caller gets UNEXPECTED_FRAME). */
  body?: (w: World, role: Role) => FrameData;
  expect: Expect;
}

const serverOnly: FrameRow = { expect: sockAll(ErrorCode.UNEXPECTED_FRAME, ErrorCode.UNEXPECTED_FRAME) };
const FRAME_ROWS: Record<string, FrameRow> = {
  // An authenticated connection may not authenticate again; a bad token is refused.
  auth: { body: () => ({ auth: { token: 'not-a-token', deviceId: 'again' } }), expect: sockAll(ErrorCode.ALREADY_AUTHENTICATED, ErrorCode.AUTH_FAILED) },
  ping: { body: () => ({ ping: { time: 1 } }), expect: sockAll('OK', 'OK') },
  // A client answers the server's pings (§4): taken, never answered, also before Auth.
  pong: { body: () => ({ pong: { time: 1 } }), expect: sockAll('OK', 'OK') },
  send: {
    body: (w, role) => ({ send: { conversationId: w.group, clientMsgId: `s-${role}`, type: MessageType.TEXT, body: new TextEncoder().encode('hi') } }),
    expect: sockMembers('OK', 'OK', 'OK'),
  },
  ack: { body: (w) => ({ ack: { conversationId: w.group, seq: w.seq } }), expect: sockAll('OK') },
  sync: { body: () => ({ sync: {} }), expect: sockAll('OK') },
  pull: { body: (w) => ({ pull: { conversationId: w.group } }), expect: sockEver('OK') },
  group: {
    body: (w) => ({ group: { op: GroupOp.INFO, conversationId: w.group, fields: GroupInfoField.NAME, name: 'Renamed', clientMsgId: 'rename' } }),
    expect: sockMembers('OK', 'OK', ErrorCode.FORBIDDEN),
  },
  mark_read: { body: (w) => ({ markRead: { conversationId: w.group, seq: w.seq } }), expect: sockEver('OK') },
  typing: { body: (w) => ({ typing: { conversationId: w.group, typing: true } }), expect: sockMembers('OK', 'OK', 'OK') },
  presence: { body: (w) => ({ presence: { users: [w.user.owner] } }), expect: sockAll('OK') },
  message_op: { body: (w) => ({ messageOp: { op: 3, conversationId: w.group, seq: w.seq, emoji: '👍', clientMsgId: 'react' } }), expect: sockMembers('OK', 'OK', 'OK') },
  group_info: { body: (w) => ({ groupInfo: { conversationId: w.group } }), expect: sockMembers('OK', 'OK', 'OK') },
  friend: {
    body: (w) => ({ friend: { op: FriendOp.REQUEST, userId: w.user.owner, clientMsgId: 'ask' } }),
    expect: { ...sockAll('OK'), owner: ErrorCode.INVALID_ARGUMENT, blocked: ErrorCode.BLOCKED },
  },
  friend_list: { body: () => ({ friendList: {} }), expect: sockAll('OK') },
  settings: { body: (w) => ({ settings: { conversationId: w.group, fields: 1, pinned: true, clientMsgId: 'pin' } }), expect: sockEver('OK') },
  readers: { body: (w) => ({ readers: { conversationId: w.group, seq: w.seq } }), expect: sockMembers('OK', 'OK', 'OK') },
  consent_invitations: { body: () => ({ consentInvitations: {} }), expect: sockAll('OK') },
  consent_bans: { body: (w) => ({ consentBans: { conversationId: w.group } }), expect: sockMembers('OK', 'OK', ErrorCode.FORBIDDEN) },
  // One's own sign-in sessions (op 1: LIST).
  sessions: { body: () => ({ sessions: { op: 1 } }), expect: sockAll('OK') },
  // Voice streams: starting one is a send (members only); a stream id the caller may not use is one that does not exist.
  voice_start: { body: (w) => ({ voiceStart: { conversationId: w.group, mime: 'audio/ogg' } }), expect: sockMembers('OK', 'OK', 'OK') },
  voice_chunk: { body: () => ({ voiceChunk: { streamId: 'no-such-stream', index: 0, data: new Uint8Array([1]) } }), expect: sockAll(ErrorCode.STREAM_NOT_FOUND) },
  voice_end: { body: () => ({ voiceEnd: { streamId: 'no-such-stream', chunkCount: 1, durationMs: 250 } }), expect: sockAll(ErrorCode.STREAM_NOT_FOUND) },
  voice_cancel: { body: () => ({ voiceCancel: { streamId: 'no-such-stream' } }), expect: sockAll(ErrorCode.STREAM_NOT_FOUND) },
  voice_fetch: { body: () => ({ voiceFetch: { streamId: 'no-such-stream', index: 0 } }), expect: sockAll(ErrorCode.STREAM_NOT_FOUND) },
  auth_ok: serverOnly, send_ack: serverOnly, push: serverOnly, sync_result: serverOnly, pull_result: serverOnly, error: serverOnly,
  notice: serverOnly, group_result: serverOnly, read_state: serverOnly, presence_result: serverOnly, presence_update: serverOnly,
  group_info_result: serverOnly, friend_result: serverOnly, friend_list_result: serverOnly, readers_result: serverOnly, delivery_state: serverOnly,
  consent_invitations_result: serverOnly, consent_bans_result: serverOnly,
  sessions_result: serverOnly, voice_state: serverOnly, voice_chunk_ack: serverOnly, voice_ended: serverOnly, voice_push: serverOnly,
};

/** A placeholder body of a server-only kind (its content does not matter: the kind is refused). */
function serverOnlyBody(kind: string): FrameData {
  return { [camel(kind)]: {} } as FrameData;
}

/** Send one frame on a fresh connection of the role and say how it was answered: OK, or the error's code. */
async function frameOutcome(w: World, role: Role, kind: string, row: FrameRow): Promise<Outcome> {
  const client: RawClient = role === 'anonymous' ? await openRaw(server.wsUrl) : await openAuthed(server.wsUrl, w.token[role], `dev-${role}`);
  try {
    const frame = row.body ? row.body(w, role) : serverOnlyBody(kind);
    const id = 900_001;
    client.send({ ...frame, id });
    // A ping after it: once its pong is in, the request's answer (if it has one) is in too. A refused
    // Auth closes the connection after its answer: then the answer is in already.
    await client.request({ ping: { time: 2 } }).catch((err: unknown) => {
      if (!client.isClosed()) throw err;
    });
    const answer = client.frames.find((f) => f.id === id);
    return answer?.error ? answer.error.code! : 'OK';
  } finally {
    client.close();
  }
}

// ---------------------------------------------------------------------------
// The runs

/** Run `cells` at most `limit` at a time; collect what differs. */
async function runAll<T>(items: T[], limit: number, run: (item: T) => Promise<string | undefined>): Promise<string[]> {
  const wrong: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const diff = await run(item);
        if (diff) wrong.push(diff);
      }
    }),
  );
  return wrong.sort();
}

describe('Authorization matrix: every route and socket request × every role', () => {
  before(async () => {
    // Thousands of requests a minute from 127.0.0.1: the per-address limits (rate-limits.e2e tests
    // them) are off, so that every cell is answered by the rule it asks about.
    server = await startTestServer({ limitHttpRequestsPerIpPerMinute: 0, limitConnectionsPerIpPerMinute: 0, limitRegistrationsPerIpPerHour: 0 });
  });
  after(() => server?.stop());

  test('every HTTP route of the route table has a row, and every row a route', () => {
    const keys = routeKeys();
    assert.deepEqual(keys.filter((k) => !HTTP_ROWS[k]), [], 'routes without a row: write down who may call them');
    assert.deepEqual(Object.keys(HTTP_ROWS).filter((k) => !keys.includes(k)), [], 'rows for routes that no longer exist');
  });

  test('every Frame kind of parley.proto has a row, and every row a kind', () => {
    const kinds = frameKinds();
    assert.ok(kinds.length > 30, 'the Frame oneof was read');
    assert.deepEqual(kinds.filter((k) => !FRAME_ROWS[k]), [], 'Frame kinds without a row: write down who may send them');
    assert.deepEqual(Object.keys(FRAME_ROWS).filter((k) => !kinds.includes(k)), [], 'rows for Frame kinds that no longer exist');
  });

  test('every HTTP route answers each role as its row says', async () => {
    const cells = Object.entries(HTTP_ROWS).flatMap(([key, row]) => ROLES.map((role) => ({ key, row, role })));
    const wrong = await runAll(cells, CONCURRENCY, async ({ key, row, role }) => {
      const w = await world(row.setup);
      const r = row.request(w, role);
      const method = r.method ?? key.split(' ')[0]!;
      const got = await outcomeOf(await http(method, r.path, w.token[role], r.body, r.headers));
      return got === row.expect[role] ? undefined : `${key} as ${role}: expected ${row.expect[role]}, got ${got}`;
    });
    assert.deepEqual(wrong, []);
  });

  test('every Frame kind answers each role as its row says', async () => {
    const cells = Object.entries(FRAME_ROWS).flatMap(([kind, row]) => ROLES.map((role) => ({ kind, row, role })));
    const wrong = await runAll(cells, CONCURRENCY, async ({ kind, row, role }) => {
      const w = await world();
      const got = await frameOutcome(w, role, kind, row);
      return got === row.expect[role] ? undefined : `${kind} as ${role}: expected ${row.expect[role]}, got ${got}`;
    });
    assert.deepEqual(wrong, []);
  });
});
