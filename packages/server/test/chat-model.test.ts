/**
 * ChatService against a reference model of who may see what (chat-model.ts), on
 * both stores. fast-check draws command sequences over a small universe — five
 * users, their direct conversations, up to two groups, their notice
 * conversations — and runs each against a fresh store and the model side by side.
 * After every command:
 *
 * - its answer (ack, or refusal code) must be the model's;
 * - what it published on the bus goes to exactly the users who may see it;
 * - each user's pull of every conversation they belong or belonged to shows
 *   exactly the seqs the model lets them see, as they are now, and reports every
 *   other seq of the range as a hole;
 * - each user's sync from the empty token lists exactly those conversations in
 *   the model's state (max seq, join point, left, read position, unread, cleared
 *   point, last message).
 *
 * Each user also keeps a sync token and a view built only from incremental syncs
 * (the `sync` command, and once more at the end): it must equal the model too,
 * which catches a change missing from the change feed. At the end, a pull of any
 * conversation a user never belonged to is NOT_MEMBER.
 *
 * Run just this file: node --import tsx --test packages/server/test/chat-model.test.ts
 * Knobs: PARLEY_MODEL_STORE=sqlite|postgres (one store only), PARLEY_MODEL_RUNS=<n>
 * (random runs per store), PARLEY_MODEL_SEED=<n>; PARLEY_MODEL_PATH=<path> and
 * PARLEY_MODEL_REPLAY=<replayPath> with the seed replay the counterexample a failure
 * printed (the failure prints the whole line); PARLEY_MODEL_STATS=1
 * (print how often each command succeeded or was refused, and why).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  directConversationId,
  ErrorCode,
  FriendOp,
  GroupInfoField,
  GroupAdds,
  GroupOp,
  GroupRole,
  MessageOpKind,
  MessageType,
  noticeConversationId,
  ParleyError,
} from '@parley/protocol';
import { createTestDatabase, tempDir, type TestDatabase } from '@parley/testkit';
import { ChatService, type Caller, type ChatLimits } from '../src/chat/chat-service.ts';
import type { ConversationState, Store, StoredMessage } from '../src/chat/types.ts';
import { LocalBus } from '../src/cluster/local/local-bus.ts';
import { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { ChatStore } from '../src/chat/rules/chat-store.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import {
  ChatModel,
  describeMessage,
  friendSummary,
  historySummary,
  membershipSummary,
  reactionSummary,
  type Ack,
  type ConvView,
  type Msg,
  type Result,
} from './chat-model.ts';

const NAMES = ['ann', 'ben', 'cat', 'dan', 'eve'] as const;
/** Groups of more than 3 current members are large (their change feed works differently). */
const LARGE_GROUP_THRESHOLD = 3;
const LIMITS: ChatLimits = {
  maxBodyBytes: 1000, maxBatch: 64, pullMaxLimit: 500, readReceiptPushMax: 20, typingPushMax: 50, maxCustomBytes: 4096, maxGroupChange: 100,
  // Small pages, so syncs page.
  syncPageSize: 3,
  // Time never matters: a sender may always recall.
  recallWindowMs: 10 * 365 * 24 * 3600 * 1000,
};
const EMOJI = ['👍', '🎉'] as const;
/** Fixed seeds, one per store (so the two explore different sequences); PARLEY_MODEL_SEED sets both. */
const SEEDS = { sqlite: 20_250_607, postgres: 20_250_608 };
const ONLY = process.env.PARLEY_MODEL_STORE;
const STATS = process.env.PARLEY_MODEL_STATS ? new Map<string, number>() : undefined;

// ---- one run: the model, and the system under test as a client sees it ---------------

/** The model side of a run, and what the commands draw on. */
interface World {
  model: ChatModel;
  users: string[];
  /** Group ids by slot, as the store named them. */
  groups: string[];
  /** Each user's sends so far, to resend. */
  sends: Map<string, { clientMsgId: string; target: { to: string } | { conversationId: string }; text: string }[]>;
  counter: number;
}

/** The real side of a run: a ChatService on a fresh store, and what each user's client keeps. */
interface Real {
  chat: ChatService;
  /** Sync answers may be held back by other sessions' open transactions (PostgreSQL): retry a difference this often. */
  syncRetries: number;
  prefix: string;
  /** Each user's sync token, and the view built from incremental syncs only. */
  tokens: Map<string, string>;
  views: Map<string, Map<string, ConvView>>;
  /** What each command did, for failure messages. */
  history: string[];
  /** Messages the running command published on the bus, with the users they go to. */
  pushed: { message: StoredMessage; recipients: readonly string[] }[];
  /** Check pulls and syncs after every command (else only at the end; answers and pushes always). */
  viewsEachStep: boolean;
}

const caller = (userId: string): Caller => ({ userId, deviceId: 'd', sessionId: `s-${userId}` });

/** A readable name: no run prefix, groups by slot. */
function show(w: World, r: Real, text: string): string {
  text = text.split(r.prefix).join('');
  w.groups.forEach((id, i) => (text = text.split(id).join(`G${i}`)));
  return text;
}

/** A discrepancy: what was checked, and the lines that differ. */
interface Finding {
  what: string;
  lines: string[];
}

/** The findings of one step, with the commands run so far, as one error. */
function mismatch(w: World, r: Real, findings: Finding[]): Error {
  const body = findings.map((f) => [f.what, ...f.lines.map((l) => `  ${l}`)].join('\n')).join('\n');
  const steps = r.history.map((h, i) => `  ${i + 1}. ${h}`).join('\n');
  return new Error(show(w, r, `after \`${r.history.at(-1) ?? 'the start'}\`:\n${body}\ncommands run:\n${steps}`));
}

/** Run a real call and reduce it to a Result like the model's; an error that is not a ParleyError is a crash. */
async function attempt<T = Ack>(fn: () => Promise<T>): Promise<{ ok: true; ack: T } | { ok: false; code: ErrorCode }> {
  try {
    return { ok: true, ack: await fn() };
  } catch (err) {
    if (err instanceof ParleyError) return { ok: false, code: err.code };
    throw err;
  }
}

function sendAck(out: { message: StoredMessage; duplicate: boolean }): Ack {
  return { conversationId: out.message.conversationId, seq: out.message.seq, duplicate: out.duplicate };
}

// ---- reading real answers in the model's terms --------------------------------------

function summaryOf(m: StoredMessage): string {
  const text = Buffer.from(m.body).toString('utf8');
  type Event = { op: string; users: string[]; from: string; to: string; allow: boolean; conversationId: string; seq: number; emoji: string };
  const e = () => JSON.parse(text) as Event;
  switch (m.type) {
    case MessageType.MEMBERSHIP:
      return membershipSummary(e().op, e().users);
    case MessageType.FRIEND:
      return e().op === 'allow_strangers' ? `allow_strangers ${e().from} ${e().allow}` : friendSummary(e().op, e().from, e().to);
    case MessageType.HISTORY:
      return historySummary(e().op, e().conversationId, e().seq);
    case MessageType.REACTION:
      return reactionSummary(e().op, e().emoji);
    default:
      return text;
  }
}

function asMsg(m: StoredMessage): Msg {
  return {
    seq: m.seq, sender: m.senderId, type: m.type, body: summaryOf(m), flags: m.flags, refSeq: m.refSeq,
    reactions: m.reactions.map((x) => ({ emoji: x.emoji, users: [...x.users] })),
  };
}

function asView(s: ConversationState): ConvView {
  return {
    maxSeq: s.maxSeq, joinSeq: s.joinSeq, left: s.left, readSeq: s.readSeq, unread: s.unread, clearedSeq: s.clearedSeq,
    last: s.lastMessage ? describeMessage(asMsg(s.lastMessage)) : null,
  };
}

// ---- the checks: each returns what differs from the model ----------------------------

function checkAnswer(expected: Result, actual: Result, did: string): Finding[] {
  const text = (x: Result) => (x.ok ? `ok ${JSON.stringify(x.ack)}` : x.code);
  if (text(expected) === text(actual)) return [];
  return [{ what: `the answer to \`${did}\``, lines: [`expected ${text(expected)}`, `actual   ${text(actual)}`] }];
}

/**
 * What the command published goes to exactly the users who may see it (push is one
 * of the places where visibility must hold). A resend's duplicate is published
 * again, for devices that missed it: for it only "to nobody who may not see it"
 * holds (members who left since may be spared it).
 */
function checkPushes(w: World, r: Real, duplicate: boolean): Finding[] {
  const lines: string[] = [];
  for (const { message, recipients } of r.pushed) {
    const id = message.conversationId;
    const what = `${id} ${describeMessage(asMsg(message))}`;
    for (const u of new Set(recipients)) {
      const why = w.model.whyHidden(u, id, message.seq);
      if (why) lines.push(`${what} is pushed to ${u}, who may not see it: ${why}`);
    }
    if (duplicate) continue;
    for (const u of w.users) {
      if (!recipients.includes(u) && w.model.convs.get(id)?.members.has(u) && !w.model.whyHidden(u, id, message.seq)) {
        lines.push(`${what} is not pushed to ${u}, who may see it`);
      }
    }
  }
  return lines.length > 0 ? [{ what: 'pushes', lines }] : [];
}

/** `user`'s pull of the whole of `conversationId`: each seq a message as it is now, or a hole. */
async function checkPull(w: World, r: Real, user: string, conversationId: string): Promise<Finding[]> {
  const what = `${user}'s pull of ${conversationId}`;
  const want = w.model.pull(user, conversationId);
  const got = await attempt(async () => {
    const p = await r.chat.pull(caller(user), conversationId, 1, 0, 0);
    return { fromSeq: p.fromSeq, toSeq: p.toSeq, maxSeq: p.maxSeq, holes: p.holes, messages: p.messages.map((m) => describeMessage(asMsg(m))) };
  });
  if (!want) {
    if (!got.ok && got.code === ErrorCode.NOT_MEMBER) return [];
    return [{ what, lines: ['expected NOT_MEMBER (never a member)', `actual   ${got.ok ? JSON.stringify(got.ack) : got.code}`] }];
  }
  if (!got.ok) return [{ what, lines: [`expected seqs ${want.fromSeq}..${want.toSeq}`, `actual   ${got.code}`] }];
  const actual = got.ack;
  const lines: string[] = [];
  for (const key of ['fromSeq', 'toSeq', 'maxSeq'] as const) {
    if (actual[key] !== want[key]) lines.push(`${key}: expected ${want[key]}, actual ${actual[key]}`);
  }
  // Seq by seq: what the model says (and why a hole is one), and what came.
  const bySeq = new Map<number, string>(actual.messages.map((m) => [Number(/^#(\d+)/.exec(m)![1]), m]));
  for (const h of actual.holes) bySeq.set(h, bySeq.has(h) ? `${bySeq.get(h)} AND a hole` : 'hole');
  const expected = new Map<number, string>(want.messages.map((m) => [m.seq, describeMessage(m)]));
  const hi = Math.max(want.toSeq, actual.toSeq, ...bySeq.keys());
  for (let s = Math.min(want.fromSeq, actual.fromSeq); s <= hi; s++) {
    const wantText = expected.get(s) ?? (s >= want.fromSeq && s <= want.toSeq ? 'hole' : 'not reported');
    const gotText = bySeq.get(s) ?? 'not reported';
    if (wantText === gotText) continue;
    const why = wantText === 'hole' ? ` (${w.model.whyHidden(user, conversationId, s)})` : '';
    lines.push(`seq ${s}:`, `  expected ${wantText}${why}`, `  actual   ${gotText}`);
  }
  return lines.length > 0 ? [{ what, lines }] : [];
}

/** Differences between the model's view of `user`'s conversations and `actual` (conversation id → state). */
function viewDiffs(w: World, user: string, actual: ReadonlyMap<string, ConvView>): string[] {
  const lines: string[] = [];
  for (const id of [...new Set([...w.model.conversationsOf(user), ...actual.keys()])].sort()) {
    const want = w.model.view(user, id);
    const got = actual.get(id);
    if (JSON.stringify(want) === JSON.stringify(got)) continue;
    lines.push(`${id}:`, `  expected ${want ? JSON.stringify(want) : 'not listed (never a member)'}`, `  actual   ${got ? JSON.stringify(got) : 'not listed'}`);
  }
  return lines;
}

/** Sync from `token` while `more`, handing each listed conversation to `take`; returns the last token. */
async function syncAll(r: Real, user: string, token: string, take: (s: ConversationState) => void): Promise<string> {
  for (let page = 0; ; page++) {
    const out = await r.chat.sync(caller(user), token);
    for (const s of out.conversations) take(s);
    token = out.token;
    if (!out.more) return token;
    if (page > 100) throw new Error(`${user}'s sync pages without end`);
  }
}

/**
 * A sync-based check, repeated (PostgreSQL) while it differs: a change feed may hold
 * back what another session's open transaction keeps below its horizon, but not
 * for good. On SQLite a difference is final at once.
 */
async function settle(r: Real, what: string, check: () => Promise<string[]>): Promise<Finding[]> {
  let lines = await check();
  for (let i = 0; lines.length > 0 && i < r.syncRetries; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    lines = await check();
  }
  return lines.length > 0 ? [{ what, lines }] : [];
}

/** `user`'s sync from the empty token lists exactly their conversations, each in the model's state. */
function checkFreshSync(w: World, r: Real, user: string): Promise<Finding[]> {
  return settle(r, `${user}'s sync from the empty token`, async () => {
    const fresh = new Map<string, ConvView>();
    await syncAll(r, user, '', (s) => fresh.set(s.conversationId, asView(s)));
    return viewDiffs(w, user, fresh);
  });
}

/** `user`'s client syncs from its token: the view it built from incremental syncs alone is the model's. */
function checkIncrementalSync(w: World, r: Real, user: string): Promise<Finding[]> {
  const view = r.views.get(user)!;
  return settle(r, `${user}'s view built from incremental syncs (a change missing from the change feed?)`, async () => {
    r.tokens.set(user, await syncAll(r, user, r.tokens.get(user)!, (s) => view.set(s.conversationId, asView(s))));
    return viewDiffs(w, user, view);
  });
}

/** After every command: each user's pulls and sync from the empty token. */
async function checkViews(w: World, r: Real): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const user of w.users) {
    for (const id of w.model.conversationsOf(user)) findings.push(...(await checkPull(w, r, user, id)));
    findings.push(...(await checkFreshSync(w, r, user)));
  }
  return findings;
}

/** At the end of a run: the views, every incremental view, and no pull of what a user never belonged to. */
async function checkEnd(w: World, r: Real): Promise<void> {
  r.history.push('(end of the run: every user syncs from their token)');
  const findings = await checkViews(w, r);
  for (const user of w.users) {
    findings.push(...(await checkIncrementalSync(w, r, user)));
    for (const id of w.model.convs.keys()) if (!w.model.conversationsOf(user).includes(id)) findings.push(...(await checkPull(w, r, user, id)));
  }
  if (findings.length > 0) throw mismatch(w, r, findings);
}

// ---- commands ----------------------------------------------------------------------

type Cmd = fc.AsyncCommand<World, Real>;
type Outcome = { did: string; expected?: Result; actual?: Result; findings?: Finding[] };

/**
 * One command. Its arguments are indexes into what exists when it runs (users,
 * members, conversations, messages), so that a shrunk sequence still means
 * something; `act` resolves them and returns what it did (the history line that
 * failures print), the model's answer and the real one. Then every check.
 */
function command(label: string, act: (w: World, r: Real) => Promise<Outcome>, check: (w: World) => boolean = () => true): Cmd {
  return {
    check,
    async run(w, r) {
      r.history.push(label);
      r.pushed = [];
      const out = await act(w, r);
      const findings = out.findings ?? [];
      r.history[r.history.length - 1] = out.did;
      if (out.expected && out.actual) {
        const answer = (x: Result) => (x.ok ? 'ok' : x.code);
        const same = answer(out.expected) === answer(out.actual);
        r.history[r.history.length - 1] += same ? ` → ${answer(out.actual)}` : ` → model: ${answer(out.expected)}, server: ${answer(out.actual)}`;
        findings.push(...checkAnswer(out.expected, out.actual, out.did), ...checkPushes(w, r, out.expected.ok && out.expected.ack.duplicate === true));
        const key = `${label.split('(')[0]} ${out.expected.ok ? 'ok' : out.expected.code}`;
        STATS?.set(key, (STATS.get(key) ?? 0) + 1);
      }
      if (r.viewsEachStep) findings.push(...(await checkViews(w, r)));
      if (findings.length > 0) throw mismatch(w, r, findings);
    },
    toString: () => label,
  };
}

const peerOf = (u: number, offset: number) => (u + offset) % NAMES.length;
const hasGroups = (w: World) => w.groups.length > 0;
const groupId = (w: World, g: number) => w.groups[g % w.groups.length]!;

/** Who acts on a group, or is acted on: its owner, one of its current members (owner first), one who is not a member, or anyone. */
type Actor = { owner: true } | { member: number } | { outsider: number } | { user: number };
const actorLabel = (a: Actor) => ('owner' in a ? 'owner' : 'member' in a ? `member#${a.member}` : 'outsider' in a ? `outsider#${a.outsider}` : NAMES[a.user]);
function resolveActor(w: World, id: string, a: Actor): string {
  const members = w.model.currentMembers(id);
  const outsiders = w.users.filter((u) => !members.includes(u));
  if ('owner' in a && members.length > 0) return members[0]!;
  if ('member' in a && members.length > 0) return members[a.member % members.length]!;
  if ('outsider' in a && outsiders.length > 0) return outsiders[a.outsider % outsiders.length]!;
  return w.users['user' in a ? a.user : 0]!;
}

/**
 * A conversation for user `u`: one they belong or belonged to (by index), one they
 * sent to and are still in (if any), a direct one (maybe not started), a group
 * slot, or their notices.
 */
type Where = { mine: number } | { sent: number } | { peer: number } | { group: number } | { notice: true };
const whereLabel = (x: Where) =>
  'mine' in x ? `theirs#${x.mine}` : 'sent' in x ? `sent#${x.sent}` : 'peer' in x ? `peer+${x.peer}` : 'group' in x ? `G${x.group}` : 'notices';
const whereOk = (u: number, x: Where) => (w: World) =>
  'group' in x ? hasGroups(w) : 'mine' in x || 'sent' in x ? w.model.conversationsOf(w.users[u]!).length > 0 : true;
function resolve(w: World, u: number, x: Where): string {
  const me = w.users[u]!;
  if ('mine' in x || 'sent' in x) {
    const sentTo = new Set(w.sends.get(me)!.map((s) => ('to' in s.target ? directConversationId(me, s.target.to) : s.target.conversationId)));
    const all = w.model.conversationsOf(me);
    const sent = all.filter((id) => sentTo.has(id) && w.model.currentMembers(id).includes(me));
    const from = 'sent' in x && sent.length > 0 ? sent : all;
    return from[('mine' in x ? x.mine : x.sent) % from.length]!;
  }
  if ('peer' in x) return directConversationId(me, w.users[peerOf(u, x.peer)]!);
  if ('group' in x) return groupId(w, x.group);
  return noticeConversationId(me);
}

/** A seq: the k-th newest text message of the actor's, or of anyone's; or any seq from `from` to one past the newest. */
type Pick = { own: number } | { text: number } | { any: number };
const pickLabel = (p: Pick) => ('own' in p ? `own#${p.own}` : 'text' in p ? `text#${p.text}` : `seq~${p.any}`);
function resolveSeq(w: World, id: string, me: string, p: Pick, from = 1): number {
  const messages = w.model.convs.get(id)?.messages ?? [];
  const texts = messages.filter((m) => m.type === MessageType.TEXT && (!('own' in p) || m.sender === me)).reverse();
  if (!('any' in p) && texts.length > 0) return texts[('own' in p ? p.own : p.text) % texts.length]!.seq;
  return from + (('any' in p ? p.any : 0) % (messages.length + 2 - from));
}

function sendAs(r: Real, me: string, target: { to: string } | { conversationId: string }, clientMsgId: string, text: string): Promise<Result> {
  return attempt(async () => sendAck(await r.chat.send(caller(me), { ...target, clientMsgId, type: MessageType.TEXT, body: Buffer.from(text) })));
}

function friendAs(r: Real, me: string, input: { op: FriendOp; userId?: string; allow?: boolean; groupAdds?: number; clientMsgId: string }): Promise<Result> {
  return attempt(async () => {
    const out = await r.chat.changeFriends(caller(me), input);
    return { duplicate: out.duplicate, events: out.events.map((e) => `${e.conversationId}#${e.seq}`) };
  });
}

const OP_NAMES: Record<number, string> = { 1: 'recall', 2: 'edit', 3: 'react', 4: 'unreact', 5: 'hide', 6: 'clear' };
const FRIEND_NAMES: Record<number, string> = { 1: 'request', 2: 'accept', 3: 'reject', 4: 'remove', 5: 'block', 6: 'unblock' };

/** The commands, each from its drawn arguments. */
const Commands = {
  send: ({ u, to }: { u: number; to: { peer: number } | { group: number } }) =>
    command(`send(${NAMES[u]}, ${'peer' in to ? `peer+${to.peer}` : `G${to.group}`})`, async (w, r) => {
      const me = w.users[u]!;
      const text = `m${++w.counter}`;
      const clientMsgId = `c${w.counter}`;
      const target = 'peer' in to ? { to: w.users[peerOf(u, to.peer)]! } : { conversationId: groupId(w, to.group) };
      w.sends.get(me)!.push({ clientMsgId, target, text });
      const did = `${me} sends "${text}" to ${'to' in target ? target.to : target.conversationId}`;
      return { did, expected: w.model.send(me, target, clientMsgId, text), actual: await sendAs(r, me, target, clientMsgId, text) };
    }, (w) => !('group' in to) || hasGroups(w)),

  /** The same clientMsgId again: the original ack; with another text, CLIENT_MSG_ID_REUSED. */
  resend: ({ u, n, changed }: { u: number; n: number; changed: boolean }) =>
    command(`resend(${NAMES[u]}, #${n}${changed ? ', changed' : ''})`, async (w, r) => {
      const me = w.users[u]!;
      const mine = w.sends.get(me)!;
      const s = mine[n % mine.length]!;
      const text = changed ? `${s.text}!` : s.text;
      const did = `${me} resends ${s.clientMsgId} "${text}" to ${'to' in s.target ? s.target.to : s.target.conversationId}`;
      return { did, expected: w.model.send(me, s.target, s.clientMsgId, text), actual: await sendAs(r, me, s.target, s.clientMsgId, text) };
    }, (w) => w.sends.get(w.users[u]!)!.length > 0),

  create: ({ u, others }: { u: number; others: number[] }) =>
    command(`create(${NAMES[u]}, [${others.map((o) => NAMES[peerOf(u, o)])}])`, async (w, r) => {
      const me = w.users[u]!;
      const users = others.map((o) => w.users[peerOf(u, o)]!);
      const actual = await attempt(async () => sendAck(await r.chat.changeGroup(caller(me), { op: GroupOp.CREATE, name: 'g', users, clientMsgId: `c${++w.counter}` })));
      const id = actual.ok ? String(actual.ack.conversationId) : 'g:?';
      if (actual.ok) w.groups.push(id);
      return { did: `${me} creates G${w.groups.length - 1} with [${users}]`, expected: w.model.createGroup(me, users, id), actual };
    }, (w) => w.groups.length < 2),

  /** A change of group slot `g` by `by`; `users` names the users it names. */
  group: (op: GroupOp, label: string, { g, by, users, joinable, role }: { g: number; by: Actor; users?: Actor[]; joinable?: boolean; role?: number }) =>
    command(`${label}(G${g}, ${actorLabel(by)}${users ? `, [${users.map(actorLabel)}]` : ''}${joinable === undefined ? '' : `, ${joinable}`})`, async (w, r) => {
      const id = groupId(w, g);
      const me = resolveActor(w, id, by);
      const named = users?.map((a) => resolveActor(w, id, a));
      const expected = w.model.changeGroup(me, op, id, { users: named, joinable, role });
      const actual = await attempt(async () =>
        sendAck(await r.chat.changeGroup(caller(me), {
          op, conversationId: id, users: named, joinable, fields: op === GroupOp.INFO ? GroupInfoField.JOINABLE : 0, role, clientMsgId: `c${++w.counter}`,
        })),
      );
      const verb = { joinable: `sets joinable ${joinable}`, 'make-admin': 'makes admin', 'make-member': 'makes member', dismiss: 'dismisses' }[label] ?? `${label}s`;
      return { did: `${me} ${verb}${named ? ` [${named}]` : ''} in ${id}`, expected, actual };
    }, hasGroups),

  messageOp: (op: MessageOpKind, { u, x, p, e }: { u: number; x: Where; p: Pick; e: number }) =>
    command(`${OP_NAMES[op]}(${NAMES[u]}, ${whereLabel(x)}, ${pickLabel(p)})`, async (w, r) => {
      const me = w.users[u]!;
      const id = resolve(w, u, x);
      const seq = resolveSeq(w, id, me, p);
      const arg = op === MessageOpKind.EDIT ? `e${++w.counter}` : op === MessageOpKind.REACT || op === MessageOpKind.UNREACT ? EMOJI[e]! : '';
      const expected = w.model.modifyMessage(me, op, id, seq, arg);
      const actual = await attempt(async () =>
        sendAck(await r.chat.modifyMessage(caller(me), {
          op, conversationId: id, seq, clientMsgId: `c${++w.counter}`, emoji: arg, body: op === MessageOpKind.EDIT ? Buffer.from(arg) : undefined,
        })),
      );
      return { did: `${me} ${OP_NAMES[op]}s ${id} #${seq}${arg ? ` ${arg}` : ''}`, expected, actual };
    }, whereOk(u, x)),

  /** React with the emoji, or take the reaction back if the user made it (the model says which). */
  toggleReaction: ({ u, x, p, e }: { u: number; x: Where; p: Pick; e: number }) =>
    command(`toggle-reaction(${NAMES[u]}, ${whereLabel(x)}, ${pickLabel(p)}, ${EMOJI[e]})`, async (w, r) => {
      const me = w.users[u]!;
      const id = resolve(w, u, x);
      const seq = resolveSeq(w, id, me, p);
      const reacted = w.model.convs.get(id)?.messages[seq - 1]?.reactions.some((x) => x.emoji === EMOJI[e] && x.users.includes(me));
      const op = reacted ? MessageOpKind.UNREACT : MessageOpKind.REACT;
      const expected = w.model.modifyMessage(me, op, id, seq, EMOJI[e]);
      const actual = await attempt(async () => sendAck(await r.chat.modifyMessage(caller(me), { op, conversationId: id, seq, clientMsgId: `c${++w.counter}`, emoji: EMOJI[e] })));
      return { did: `${me} ${OP_NAMES[op]}s ${id} #${seq} ${EMOJI[e]}`, expected, actual };
    }, whereOk(u, x)),

  markRead: ({ u, x, p }: { u: number; x: Where; p: Pick }) =>
    command(`read(${NAMES[u]}, ${whereLabel(x)}, ${pickLabel(p)})`, async (w, r) => {
      const me = w.users[u]!;
      const id = resolve(w, u, x);
      const seq = resolveSeq(w, id, me, p, 0);
      const expected = w.model.markRead(me, id, seq);
      const actual = await attempt(async () => ({ readSeq: await r.chat.markRead(caller(me), id, seq) }));
      return { did: `${me} reads ${id} up to #${seq}`, expected, actual };
    }, whereOk(u, x)),

  friend: ({ u, o, op }: { u: number; o: number; op: FriendOp }) =>
    command(`friend(${NAMES[u]}, ${FRIEND_NAMES[op]}, ${NAMES[peerOf(u, o)]})`, async (w, r) => {
      const me = w.users[u]!;
      const them = w.users[peerOf(u, o)]!;
      const expected = w.model.changeFriends(me, op, them);
      return { did: `${me} friend-${FRIEND_NAMES[op]}s ${them}`, expected, actual: await friendAs(r, me, { op, userId: them, clientMsgId: `c${++w.counter}` }) };
    }),

  strangers: ({ u, allow }: { u: number; allow: boolean }) =>
    command(`strangers(${NAMES[u]}, ${allow})`, async (w, r) => {
      const me = w.users[u]!;
      const expected = w.model.changeFriends(me, FriendOp.ALLOW_STRANGERS, '', allow);
      const actual = await friendAs(r, me, { op: FriendOp.ALLOW_STRANGERS, allow, clientMsgId: `c${++w.counter}` });
      return { did: `${me} takes chats from ${allow ? 'anyone' : 'friends only'}`, expected, actual };
    }),

  /** Who may add the user to groups (GroupAdds): others' adds become invitations. */
  groupAdds: ({ u, value }: { u: number; value: number }) =>
    command(`group-adds(${NAMES[u]}, ${value})`, async (w, r) => {
      const me = w.users[u]!;
      const expected = w.model.changeFriends(me, FriendOp.GROUP_ADDS, '', true, value);
      const actual = await friendAs(r, me, { op: FriendOp.GROUP_ADDS, groupAdds: value, clientMsgId: `c${++w.counter}` });
      return { did: `${me} lets ${['', 'anyone', 'friends', 'nobody'][value]} add them to groups`, expected, actual };
    }),

  sync: (u: number) =>
    command(`sync(${NAMES[u]})`, async (w, r) => ({ did: `${w.users[u]} syncs from their token`, findings: await checkIncrementalSync(w, r, w.users[u]!) })),
};

// ---- how commands are drawn --------------------------------------------------------

const user = fc.nat(NAMES.length - 1);
/** Another user, as an offset from the actor. */
const other = fc.integer({ min: 1, max: NAMES.length - 1 });
const slot = fc.nat(1);
const actor: fc.Arbitrary<Actor> = fc.oneof(
  { arbitrary: fc.constant({ owner: true as const }), weight: 2 },
  { arbitrary: fc.nat(4).map((member) => ({ member })), weight: 2 },
  { arbitrary: user.map((u) => ({ user: u })), weight: 1 },
);
const outsider: fc.Arbitrary<Actor> = fc.oneof(
  { arbitrary: fc.nat(4).map((k) => ({ outsider: k })), weight: 3 },
  { arbitrary: user.map((u) => ({ user: u })), weight: 1 },
);
const where: fc.Arbitrary<Where> = fc.oneof(
  { arbitrary: fc.nat(9).map((mine) => ({ mine })), weight: 3 },
  { arbitrary: fc.nat(9).map((sent) => ({ sent })), weight: 3 },
  { arbitrary: other.map((peer) => ({ peer })), weight: 1 },
  { arbitrary: slot.map((group) => ({ group })), weight: 1 },
  { arbitrary: fc.constant({ notice: true as const }), weight: 1 },
);
const pick: fc.Arbitrary<Pick> = fc.oneof(
  fc.nat(3).map((own) => ({ own })),
  fc.nat(3).map((text) => ({ text })),
  fc.nat(40).map((n) => ({ any: n })),
);

const send = fc.record({ u: user, to: fc.oneof(other.map((peer) => ({ peer })), slot.map((group) => ({ group }))) }).map(Commands.send);
const resend = fc.record({ u: user, n: fc.nat(20), changed: fc.boolean() }).map(Commands.resend);
// Often three others: a group of four is large.
const create = fc.record({ u: user, others: fc.oneof(fc.constant<number[]>([1, 2, 3]), fc.subarray([1, 2, 3, 4])) }).map(Commands.create);
const invite = fc.record({ g: slot, by: actor, users: fc.uniqueArray(outsider, { minLength: 1, maxLength: 2, selector: actorLabel }) })
  .map((a) => Commands.group(GroupOp.INVITE, 'invite', a));
const joinGroup = fc.record({ g: slot, by: outsider }).map((a) => Commands.group(GroupOp.JOIN, 'join', a));
const joinable = fc.record({ g: slot, by: actor, joinable: fc.boolean() }).map((a) => Commands.group(GroupOp.INFO, 'joinable', a));
const kick = fc.record({ g: slot, by: actor, users: actor.map((a) => [a]) }).map((a) => Commands.group(GroupOp.KICK, 'kick', a));
const leave = fc.record({ g: slot, by: actor }).map((a) => Commands.group(GroupOp.LEAVE, 'leave', a));
const setRole = fc.record({ g: slot, by: actor, users: actor.map((a) => [a]), role: fc.constantFrom(GroupRole.ADMIN, GroupRole.MEMBER) })
  .map((a) => Commands.group(GroupOp.SET_ROLE, a.role === GroupRole.ADMIN ? 'make-admin' : 'make-member', a));
const dismiss = fc.record({ g: slot, by: actor }).map((a) => Commands.group(GroupOp.DISMISS, 'dismiss', a));
const messageOp = (op: MessageOpKind) => fc.record({ u: user, x: where, p: pick, e: fc.nat(1) }).map((a) => Commands.messageOp(op, a));
const toggleReaction = fc.record({ u: user, x: where, p: pick, e: fc.nat(1) }).map(Commands.toggleReaction);
const markRead = fc.record({ u: user, x: where, p: pick }).map(Commands.markRead);
const friendOp = fc.constantFrom(FriendOp.REQUEST, FriendOp.REQUEST, FriendOp.ACCEPT, FriendOp.ACCEPT, FriendOp.REJECT, FriendOp.REMOVE, FriendOp.BLOCK, FriendOp.UNBLOCK);
const friend = fc.record({ u: user, o: other, op: friendOp }).map(Commands.friend);
const strangers = fc.record({ u: user, allow: fc.boolean() }).map(Commands.strangers);
const groupAdds = fc.record({ u: user, value: fc.constantFrom(GroupAdds.ANYONE, GroupAdds.FRIENDS, GroupAdds.NOBODY) }).map(Commands.groupAdds);
const ban = fc.record({ g: slot, by: actor, users: fc.oneof(actor, outsider).map((a) => [a]) }).map((a) => Commands.group(GroupOp.BAN, 'ban', a));
const unban = fc.record({ g: slot, by: actor, users: outsider.map((a) => [a]) }).map((a) => Commands.group(GroupOp.UNBAN, 'unban', a));
const acceptInvitation = fc.record({ g: slot, by: outsider }).map((a) => Commands.group(GroupOp.ACCEPT_INVITATION, 'accept', a));
const declineInvitation = fc.record({ g: slot, by: outsider }).map((a) => Commands.group(GroupOp.DECLINE_INVITATION, 'decline', a));
const sync = user.map(Commands.sync);

/** The commands, weighted by repetition. */
const COMMANDS: fc.Arbitrary<Cmd>[] = [
  send, send, send, send, send, send, resend,
  create, create, invite, invite, invite, joinGroup, joinable, kick, leave, setRole,
  // Dismissal ends a group for the rest of the run: rarely.
  fc.oneof({ arbitrary: dismiss, weight: 1 }, { arbitrary: kick, weight: 2 }),
  messageOp(MessageOpKind.RECALL), messageOp(MessageOpKind.EDIT), messageOp(MessageOpKind.EDIT),
  toggleReaction, toggleReaction, messageOp(MessageOpKind.REACT), messageOp(MessageOpKind.UNREACT),
  messageOp(MessageOpKind.HIDE), messageOp(MessageOpKind.CLEAR),
  markRead, markRead, friend, friend, strangers,
  // Consent and moderation.
  groupAdds, ban, unban, acceptInvitation, acceptInvitation, declineInvitation,
  sync, sync, sync, sync, sync,
];

// ---- stores and runs ---------------------------------------------------------------

interface Backend {
  /** A store for one run, holding nothing its users can see from other runs. */
  open(): Promise<{ store: Store; close(): Promise<void> }>;
  syncRetries: number;
}

let runs = 0;

/** Run `cmds` on a fresh store and model, check everything after each command and at the end. */
async function runCommands(backend: Backend, cmds: Iterable<Cmd>, viewsEachStep = true): Promise<void> {
  const { store, close } = await backend.open();
  const prefix = `r${++runs}x${Math.random().toString(36).slice(2, 6)}.`;
  const users = NAMES.map((n) => `${prefix}${n}`);
  for (const id of users) await store.createUser({ id, displayName: id, passwordHash: null, createdAt: 0 });
  const bus = new LocalBus();
  const chat = new ChatService(store, bus, LIMITS);
  const w: World = { model: new ChatModel(), users, groups: [], sends: new Map(users.map((u) => [u, []])), counter: 0 };
  const r: Real = {
    chat, syncRetries: backend.syncRetries, prefix, history: [], pushed: [], viewsEachStep,
    tokens: new Map(users.map((u) => [u, ''])), views: new Map(users.map((u) => [u, new Map()])),
  };
  bus.subscribe((e) => {
    if (e.kind === 'message') r.pushed.push({ message: e.message, recipients: e.recipients });
  });
  try {
    await fc.asyncModelRun(() => ({ model: w, real: r }), cmds);
    await checkEnd(w, r);
  } finally {
    chat.close();
    await close();
  }
}

/** Random command sequences on `backend`; a failure is shrunk and reported with how to replay it. */
async function runRandom(name: 'sqlite' | 'postgres', backend: Backend, numRuns: number, timeMs: number): Promise<void> {
  const replayPath = process.env.PARLEY_MODEL_REPLAY;
  const property = fc.asyncProperty(fc.commands(COMMANDS, { maxCommands: 50, size: 'max', replayPath }), (cmds) => runCommands(backend, cmds));
  const details = await fc.check(property, {
    seed: Number(process.env.PARLEY_MODEL_SEED ?? SEEDS[name]),
    numRuns: Number(process.env.PARLEY_MODEL_RUNS ?? numRuns),
    path: process.env.PARLEY_MODEL_PATH,
    // A bound on the whole search, shrinking included: the counterexample shrunk so far is still
    // reported; on a slow machine a passing search may end with fewer runs, never with a failure.
    plugins: [fc.interruptAfterTimeLimit(Number(process.env.PARLEY_MODEL_TIME_MS ?? timeMs))],
  });
  if (STATS) console.log([...STATS].sort().map(([k, v]) => `${k}: ${v}`).join('\n'));
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const counterexample = String((details.counterexample as unknown[] | null)?.[0] ?? '(none)');
  const replay = /replayPath="([^"]*)"/.exec(counterexample)?.[1] ?? '';
  throw new Error(
    `the model and ChatService disagree (run ${details.numRuns}, shrunk ${details.numShrinks} times)\n` +
      `replay: PARLEY_MODEL_STORE=${name} PARLEY_MODEL_SEED=${details.seed} PARLEY_MODEL_PATH=${details.counterexamplePath} PARLEY_MODEL_REPLAY='${replay}'\n` +
      `counterexample: ${counterexample}\n${cause}`,
  );
}

/** The scenarios of known bugs, as plain command sequences (ann=0 … eve=4). */
const SCENARIOS: { name: string; commands: () => Cmd[]; viewsEachStep?: boolean }[] = [
  {
    name: 'a member invited into a large group learns its later messages through incremental sync',
    commands: () => [
      Commands.create({ u: 0, others: [1, 2, 3] }), // four members: large
      Commands.group(GroupOp.INVITE, 'invite', { g: 0, by: { owner: true }, users: [{ user: 4 }] }),
      Commands.sync(4),
      Commands.send({ u: 0, to: { group: 0 } }),
      Commands.send({ u: 1, to: { group: 0 } }),
      Commands.send({ u: 4, to: { group: 0 } }),
      Commands.sync(4),
    ],
  },
  {
    name: 'an edit of a message from before a member joined is not theirs: not in pull, push or unread',
    commands: () => [
      Commands.create({ u: 0, others: [1] }),
      Commands.send({ u: 0, to: { group: 0 } }),
      Commands.group(GroupOp.INVITE, 'invite', { g: 0, by: { owner: true }, users: [{ user: 2 }] }),
      Commands.messageOp(MessageOpKind.EDIT, { u: 0, x: { group: 0 }, p: { own: 0 }, e: 0 }),
    ],
  },
  {
    name: 'a resend of a message from before a member joined is not pushed to them',
    commands: () => [
      Commands.create({ u: 0, others: [1] }),
      Commands.send({ u: 0, to: { group: 0 } }),
      Commands.group(GroupOp.INVITE, 'invite', { g: 0, by: { owner: true }, users: [{ user: 2 }] }),
      Commands.resend({ u: 0, n: 0, changed: false }),
    ],
  },
  {
    name: 'a member who left and deleted their leave event for themselves learns through sync that their last message was edited',
    commands: () => [
      Commands.create({ u: 0, others: [1] }),
      Commands.send({ u: 0, to: { group: 0 } }),
      Commands.group(GroupOp.LEAVE, 'leave', { g: 0, by: { user: 1 } }),
      Commands.messageOp(MessageOpKind.HIDE, { u: 1, x: { group: 0 }, p: { any: 2 }, e: 0 }), // #3, the leave event
      Commands.sync(1),
      Commands.messageOp(MessageOpKind.EDIT, { u: 0, x: { group: 0 }, p: { own: 0 }, e: 0 }),
      Commands.sync(1),
    ],
  },
  {
    name: 'a private block or unblock leaves nothing in the other user\'s sync',
    commands: () => [Commands.friend({ u: 0, o: 1, op: FriendOp.BLOCK }), Commands.friend({ u: 0, o: 1, op: FriendOp.UNBLOCK })],
  },
  {
    name: 'consent: invitations accepted and declined, a ban voids one, a block stops a group add, an edit and a reaction',
    commands: () => [
      Commands.groupAdds({ u: 1, value: GroupAdds.NOBODY }),
      Commands.groupAdds({ u: 2, value: GroupAdds.FRIENDS }),
      Commands.create({ u: 0, others: [1, 2, 3] }), // ben and cat are invited, dan added
      Commands.group(GroupOp.ACCEPT_INVITATION, 'accept', { g: 0, by: { user: 1 } }),
      Commands.group(GroupOp.DECLINE_INVITATION, 'decline', { g: 0, by: { user: 2 } }),
      Commands.group(GroupOp.INVITE, 'invite', { g: 0, by: { owner: true }, users: [{ user: 2 }] }),
      Commands.group(GroupOp.BAN, 'ban', { g: 0, by: { owner: true }, users: [{ user: 2 }] }),
      Commands.group(GroupOp.ACCEPT_INVITATION, 'accept', { g: 0, by: { user: 2 } }),
      Commands.group(GroupOp.BAN, 'ban', { g: 0, by: { owner: true }, users: [{ user: 3 }] }),
      Commands.group(GroupOp.UNBAN, 'unban', { g: 0, by: { owner: true }, users: [{ user: 2 }] }),
      Commands.send({ u: 4, to: { peer: 4 } }), // eve → dan
      Commands.send({ u: 3, to: { peer: 1 } }), // dan → eve
      Commands.friend({ u: 3, o: 1, op: FriendOp.BLOCK }), // dan blocks eve
      Commands.create({ u: 4, others: [4] }), // eve creates a group with dan: BLOCKED
      Commands.messageOp(MessageOpKind.EDIT, { u: 4, x: { sent: 0 }, p: { own: 0 }, e: 0 }),
      Commands.messageOp(MessageOpKind.REACT, { u: 4, x: { sent: 0 }, p: { text: 0 }, e: 0 }),
    ],
  },
  {
    name: 'a resend after the message was edited is answered with the original ack',
    // Pulls and syncs at the end only: the edit's unread count would be found first.
    viewsEachStep: false,
    commands: () => [
      Commands.send({ u: 0, to: { peer: 1 } }),
      Commands.messageOp(MessageOpKind.EDIT, { u: 0, x: { sent: 0 }, p: { own: 0 }, e: 0 }),
      Commands.resend({ u: 0, n: 0, changed: false }),
    ],
  },
];

function storeTests(name: 'sqlite' | 'postgres', label: string, backend: () => Backend, numRuns: number, timeMs: number): void {
  describe(`ChatService against the model of who may see what, on ${label}`, { skip: ONLY !== undefined && ONLY !== name }, () => {
    for (const s of SCENARIOS) test(`${label}: ${s.name}`, () => runCommands(backend(), s.commands(), s.viewsEachStep));
    test(`${label}: random command sequences agree with the model (answers, pushes, pulls, syncs, change feed)`, () =>
      runRandom(name, backend(), numRuns, timeMs));
  });
}

// SQLite: a new file per run.
let dir = '';
let files = 0;
before(() => (dir = tempDir('parley-model-')));
after(() => rmSync(dir, { recursive: true, force: true }));
storeTests('sqlite', 'SqliteStore', () => ({
  syncRetries: 0,
  async open() {
    const file = join(dir, `m${files++}.db`);
    const store = new ChatStore(new SqliteStore({ file, synchronous: 'normal' }), { largeGroupThreshold: LARGE_GROUP_THRESHOLD });
    return {
      store,
      close: async () => {
        await store.close();
        for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      },
    };
  },
}), 120, 45_000);

// PostgreSQL: one database for the file; each run has users of its own, so runs never see each other.
let db: TestDatabase | undefined;
let pgStore: Store | undefined;
async function postgres(): Promise<Store> {
  db ??= await createTestDatabase();
  pgStore ??= new ChatStore(await PostgresStore.open({ url: db.url, poolSize: 4 }), { largeGroupThreshold: LARGE_GROUP_THRESHOLD });
  return pgStore;
}
after(async () => {
  await pgStore?.close();
  await db?.drop();
});
storeTests('postgres', 'PostgresStore', () => ({ syncRetries: 3, open: async () => ({ store: await postgres(), close: async () => {} }) }), 25, 50_000);
