/**
 * Permission matrix: every role × every operation, each cell with the answer
 * docs/PROTOCOL.md gives (success, or the exact error code), run against both
 * stores through ChatService.
 *
 * Why it exists: permissions were tested only by example, so a store that let
 * any group member recall anyone's message, even past the recall window, passed
 * the whole suite. Here a table says, for each role, what each operation must
 * answer, and every cell is run.
 *
 * Invariants:
 * - Each cell builds its own fixture (a fresh group or 1:1 conversation whose
 *   users are named by a per-cell prefix), so one cell's effect (a kick, a
 *   dismissal, a block) can never change another cell's answer.
 * - Only the `Store` interface (to create users) and ChatService's public methods
 *   are used: no SQL, nothing from src/store/common.ts.
 * - "Past the recall window" is a second ChatService over the same store with
 *   recallWindowMs 0, used once the clock has moved past the fixture's last
 *   message: no sleeping, and nothing is asserted about time.
 * - Expected answers come from PROTOCOL.md (and BRIEF.md); where the answer is not
 *   obvious the line is quoted beside the column. Where the code disagrees with the
 *   docs, the cell keeps the docs' answer and fails.
 *
 * Extending: a new operation gets a column in GROUP_COLUMNS (and DIRECT_COLUMNS if
 * it is a message op). The completeness test at the end fails until every GroupOp
 * and MessageOpKind has a column.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ErrorCode, FriendOp, GroupAdds, GroupInfoField, GroupOp, GroupRole, MessageOpKind, MessageType, ParleyError } from '@parley/protocol';
import { createTestDatabase, tempDir } from '@parley/testkit';
import { ChatService, type Caller, type ChatLimits, type GroupInput, type SendInput } from '../src/chat/chat-service.ts';
import type { Store, StoredMessage } from '../src/chat/types.ts';
import { LocalBus } from '../src/cluster/local/local-bus.ts';
import { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { ChatStore } from '../src/chat/rules/chat-store.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const {
  ALREADY_MEMBER, BLOCKED, CONVERSATION_NOT_FOUND, FORBIDDEN, GROUP_DISMISSED, INVALID_ARGUMENT, INVITATION_NOT_FOUND, MESSAGE_LOCKED, MESSAGE_NOT_FOUND, MUTED, NOT_MEMBER,
} = ErrorCode;
/** The operation succeeded. */
const OK = 'OK';
/** Not applicable: the actor has no such message (an outsider's "own message"). The cell checks that there is none. */
const NA = 'n/a';
type Outcome = typeof OK | typeof NA | ErrorCode;
type Six = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
type Five = readonly [Outcome, Outcome, Outcome, Outcome, Outcome];

/** Cells run at once per store (each has its own fixture; the PostgreSQL pool has as many connections). */
const CONCURRENCY = 8;

const LIMITS: ChatLimits = {
  maxBodyBytes: 16_384, maxBatch: 512, pullMaxLimit: 500, syncPageSize: 500, maxGroupChange: 500, readReceiptPushMax: 20, typingPushMax: 50,
  recallWindowMs: 120_000, maxCustomBytes: 4096,
};

interface Services {
  store: Store;
  /** Every fixture and every cell within the recall window. */
  chat: ChatService;
  /** The same store with a recall window of 0: every message is past it once the clock has ticked. */
  pastWindow: ChatService;
}

interface Fixture {
  conversationId: string;
  /** The server time of the fixture's newest message. */
  lastTime: number;
}

/** What a cell does, declared as data so the completeness test can read which ops the matrix covers. */
type Act<F extends Fixture> =
  /** A TEXT send into the fixture's conversation, with these extra fields. */
  | { send: (f: F, me: string) => Omit<SendInput, 'conversationId' | 'clientMsgId'> }
  | { group: GroupOp; input?: (f: F) => GroupInput }
  /** A MessageOp on the message `seq` picks (undefined: the actor has none such, the cell is n/a). */
  | { message: MessageOpKind; seq: (f: F, me: string) => number | undefined; emoji?: string; pastWindow?: boolean }
  | { call: 'markRead' | 'readers'; at: (f: F) => number }
  | { call: 'groupInfo' | 'groupPresence' | 'typing' | 'voiceStart' };

let ids = 0;
const nextId = () => `m${++ids}`;
const utf8 = (text: string) => new TextEncoder().encode(text);
const callerOf = (userId: string): Caller => ({ userId, deviceId: 'dev', sessionId: `s-${userId}` });

/** Resolve once Date.now() is past `time`, so a message sent at `time` is past a recall window of 0 ms. */
async function clockPast(time: number): Promise<void> {
  while (Date.now() <= time) await new Promise((resolve) => setImmediate(resolve));
}

/** Run one cell's act as `me`; its outcome is OK or the ParleyError's code. */
async function perform<F extends Fixture>(s: Services, act: Act<F>, f: F, me: string): Promise<Outcome> {
  const caller = callerOf(me);
  const conversationId = f.conversationId;
  let run: () => Promise<unknown>;
  if ('send' in act) {
    run = () => s.chat.send(caller, { type: MessageType.TEXT, body: utf8('hello'), ...act.send(f, me), conversationId, clientMsgId: nextId() });
  } else if ('group' in act) {
    const target = act.group === GroupOp.CREATE ? '' : conversationId;
    run = () => s.chat.changeGroup(caller, { ...act.input?.(f), op: act.group, conversationId: target, clientMsgId: nextId() });
  } else if ('message' in act) {
    const seq = act.seq(f, me);
    if (seq === undefined) return NA;
    const chat = act.pastWindow ? s.pastWindow : s.chat;
    if (act.pastWindow) await clockPast(f.lastTime);
    const body = act.message === MessageOpKind.EDIT ? utf8('edited') : undefined;
    run = () => chat.modifyMessage(caller, { op: act.message, conversationId, seq, body, emoji: act.emoji, clientMsgId: nextId() });
  } else if (act.call === 'markRead') {
    run = () => s.chat.markRead(caller, conversationId, act.at(f));
  } else if (act.call === 'readers') {
    run = () => s.chat.readers(caller, conversationId, act.at(f), 0);
  } else if (act.call === 'groupInfo') {
    run = () => s.chat.groupInfo(caller, conversationId);
  } else if (act.call === 'groupPresence') {
    run = () => s.chat.groupPresence(caller, { conversationId, after: '', limit: 0, users: [], subscribe: false });
  } else if (act.call === 'voiceStart') {
    // Who may start (and go on with) a voice stream: the send rules, asked as the voice service asks them (§10b).
    run = () => s.chat.requireSender(caller, conversationId);
  } else {
    run = () => s.chat.typing(caller, conversationId, true);
  }
  try {
    await run();
    return OK;
  } catch (err) {
    if (err instanceof ParleyError) return err.code;
    throw err;
  }
}

// ---------------------------------------------------------------------------
// Groups

/**
 * The users of a group fixture. `fnd` founds the group, sends `early`, invites
 * everyone else (so every actor's join point is after `early`), makes `adm` and
 * `ta` admins and hands ownership to `own` (staying an admin). Then each of own,
 * adm, ta, mem, tm, lft, kck sends one message; `lft` leaves, `own` kicks `kck`,
 * and `tm` sends `late`. `out` and `nu` never belong to the group.
 * Targets: `tm` a member, `ta` an admin, `own` the owner; `nu` a user to invite.
 */
const GROUP_USERS = ['fnd', 'own', 'adm', 'ta', 'mem', 'tm', 'lft', 'kck', 'out', 'nu'] as const;
type GroupUser = (typeof GROUP_USERS)[number];
const SPEAKERS = ['own', 'adm', 'ta', 'mem', 'tm', 'lft', 'kck'] as const;
type Speaker = (typeof SPEAKERS)[number];

interface GroupSetup {
  /** The actor reacts 👍 to tm's message while still a member (for UNREACT). */
  reactFirst?: boolean;
  /** The owner makes the group joinable at the end. */
  joinable?: boolean;
  /** The owner mutes the group at the end. */
  mutedAll?: boolean;
  /** The owner dismisses the group at the end (after making it joinable, if asked). */
  dismissed?: boolean;
  /** An actor who is not a member lets nobody add them to groups, and the owner invites them: they hold an invitation. */
  invited?: boolean;
}

interface GroupFixture extends Fixture {
  user: Record<GroupUser, string>;
  /** Each speaker's own message. */
  sent: Record<Speaker, StoredMessage>;
  /** Sent by fnd before any actor joined. */
  early: StoredMessage;
  /** Sent by tm after lft left and kck was kicked. */
  late: StoredMessage;
  /** The MEMBERSHIP event of the kick: an event every current member can see. */
  kick: StoredMessage;
}

const GROUP_ROWS = [
  { name: 'owner', actor: 'own' },
  { name: 'admin', actor: 'adm' },
  { name: 'member', actor: 'mem' },
  { name: 'former member (left)', actor: 'lft' },
  { name: 'former member (kicked)', actor: 'kck' },
  { name: 'outsider (never a member)', actor: 'out' },
] as const satisfies readonly { name: string; actor: GroupUser }[];

async function groupFixture(s: Services, prefix: string, actor: GroupUser, setup: GroupSetup): Promise<GroupFixture> {
  const user = Object.fromEntries(GROUP_USERS.map((u) => [u, `${prefix}-${u}`])) as Record<GroupUser, string>;
  await Promise.all(GROUP_USERS.map((u) => s.store.createUser({ id: user[u], displayName: u, passwordHash: null, createdAt: 0 })));
  let lastTime = 0;
  const noted = (m: StoredMessage) => {
    lastTime = Math.max(lastTime, m.serverTime);
    return m;
  };
  const created = await s.chat.changeGroup(callerOf(user.fnd), { op: GroupOp.CREATE, name: 'G', clientMsgId: nextId() });
  const conversationId = created.message.conversationId;
  const change = async (u: GroupUser, op: GroupOp, input: GroupInput = {}) =>
    noted((await s.chat.changeGroup(callerOf(user[u]), { ...input, op, conversationId, clientMsgId: nextId() })).message);
  const say = async (u: GroupUser) =>
    noted((await s.chat.send(callerOf(user[u]), { conversationId, clientMsgId: nextId(), type: MessageType.TEXT, body: utf8(`from ${u}`) })).message);

  const early = await say('fnd');
  await change('fnd', GroupOp.INVITE, { users: SPEAKERS.map((u) => user[u]) });
  await change('fnd', GroupOp.SET_ROLE, { users: [user.adm, user.ta], role: GroupRole.ADMIN });
  await change('fnd', GroupOp.TRANSFER, { users: [user.own] });
  const messages = await Promise.all(SPEAKERS.map(say));
  const sent = Object.fromEntries(SPEAKERS.map((u, i) => [u, messages[i]!])) as Record<Speaker, StoredMessage>;
  if (setup.reactFirst && (SPEAKERS as readonly string[]).includes(actor)) {
    const reacted = await s.chat.modifyMessage(callerOf(user[actor]), { op: MessageOpKind.REACT, conversationId, seq: sent.tm.seq, emoji: '👍', clientMsgId: nextId() });
    noted(reacted.message);
  }
  await change('lft', GroupOp.LEAVE);
  const kick = await change('own', GroupOp.KICK, { users: [user.kck] });
  const late = await say('tm');
  if (setup.joinable) await change('own', GroupOp.INFO, { fields: GroupInfoField.JOINABLE, joinable: true });
  if (setup.mutedAll) await change('own', GroupOp.MUTE_ALL, { on: true });
  if (setup.dismissed) await change('own', GroupOp.DISMISS);
  if (setup.invited && (['lft', 'kck', 'out'] as const).some((u) => u === actor)) {
    await s.chat.changeFriends(callerOf(user[actor]), { op: FriendOp.GROUP_ADDS, groupAdds: GroupAdds.NOBODY, clientMsgId: nextId() });
    await change('own', GroupOp.INVITE, { users: [user[actor]] });
  }
  return { conversationId, lastTime, user, sent, early, late, kick };
}

interface GroupColumn {
  name: string;
  setup?: GroupSetup;
  act: Act<GroupFixture>;
  /** In GROUP_ROWS order: owner, admin, member, left, kicked, outsider. */
  expect: Six;
}

/** The actor's own message, if they have one. */
const ownMessage = (f: GroupFixture, me: string) => SPEAKERS.map((u) => f.sent[u]).find((m) => m.senderId === me)?.seq;
const formerNone = [NOT_MEMBER, NOT_MEMBER, NOT_MEMBER] as const;

const GROUP_COLUMNS: GroupColumn[] = [
  // Sends. "A member who left or was removed: `send` fails with `NOT_MEMBER`" (§7a).
  { name: 'send', act: { send: () => ({}) }, expect: [OK, OK, OK, ...formerNone] },
  {
    // "MUTE_ALL | owner, admin | on | while on, members' sends fail with `MUTED`; the owner and admins still speak"
    name: 'send while the group is muted (mute all)', setup: { mutedAll: true }, act: { send: () => ({}) },
    expect: [OK, OK, MUTED, ...formerNone],
  },
  // "The send rules decide, as for a message" (§10b): a voice stream is refused exactly where a send is.
  { name: 'start a voice stream', act: { call: 'voiceStart' }, expect: [OK, OK, OK, ...formerNone] },
  { name: 'start a voice stream while the group is muted (mute all)', setup: { mutedAll: true }, act: { call: 'voiceStart' }, expect: [OK, OK, MUTED, ...formerNone] },
  {
    // "`mention_all`: @all, in groups only (`INVALID_ARGUMENT` elsewhere), by the owner and admins only (`FORBIDDEN`)"
    name: 'send mentioning @all', act: { send: () => ({ mentionAll: true }) }, expect: [OK, OK, FORBIDDEN, ...formerNone],
  },
  { name: 'send mentioning a member', act: { send: (f) => ({ mentions: [f.user.tm] }) }, expect: [OK, OK, OK, ...formerNone] },
  {
    // "`mentions`: up to 50 user ids, each a current member of the conversation (otherwise `NOT_MEMBER`)"
    name: 'send mentioning a non-member', act: { send: (f) => ({ mentions: [f.user.nu] }) }, expect: [NOT_MEMBER, NOT_MEMBER, NOT_MEMBER, ...formerNone],
  },
  {
    name: 'send mentioning a member who left', act: { send: (f) => ({ mentions: [f.user.lft] }) },
    expect: [NOT_MEMBER, NOT_MEMBER, NOT_MEMBER, ...formerNone],
  },
  { name: 'send replying to a visible message', act: { send: (f) => ({ replyTo: f.sent.tm.seq }) }, expect: [OK, OK, OK, ...formerNone] },
  {
    // "`reply_to`: the seq of an earlier message of the conversation that the sender can see (after their join point), or 0; otherwise `MESSAGE_NOT_FOUND`"
    name: 'send replying to a message from before the join point', act: { send: (f) => ({ replyTo: f.early.seq }) },
    expect: [MESSAGE_NOT_FOUND, MESSAGE_NOT_FOUND, MESSAGE_NOT_FOUND, ...formerNone],
  },

  // Recall. "1 RECALL | the sender within `recallWindowMs` (default 120 s); a group's owner or admins at any time"
  // (§7e). Nothing there limits an admin to lower roles (unlike KICK and MUTE): an admin may recall another
  // admin's message and the owner's. Former members: "A member who left or was removed" is not a member.
  { name: 'recall own message (within the window)', act: { message: MessageOpKind.RECALL, seq: ownMessage }, expect: [OK, OK, OK, NOT_MEMBER, NOT_MEMBER, NA] },
  {
    // "`MESSAGE_LOCKED` (already recalled, an event message, or the recall window has passed ...)"; owner and admins "at any time".
    name: 'recall own message (past the window)', act: { message: MessageOpKind.RECALL, seq: ownMessage, pastWindow: true },
    expect: [OK, OK, MESSAGE_LOCKED, NOT_MEMBER, NOT_MEMBER, NA],
  },
  {
    name: "recall a member's message (within the window)", act: { message: MessageOpKind.RECALL, seq: (f) => f.sent.tm.seq },
    expect: [OK, OK, FORBIDDEN, ...formerNone],
  },
  {
    name: "recall an admin's message (within the window)", act: { message: MessageOpKind.RECALL, seq: (f) => f.sent.ta.seq },
    expect: [OK, OK, FORBIDDEN, ...formerNone],
  },
  {
    // For the owner this is their own message.
    name: "recall the owner's message (within the window)", act: { message: MessageOpKind.RECALL, seq: (f) => f.sent.own.seq },
    expect: [OK, OK, FORBIDDEN, ...formerNone],
  },
  {
    // HTTP table: "403 `FORBIDDEN` (not yours, not an admin), 409 `MESSAGE_LOCKED` (window passed ...)": not yours comes first.
    name: "recall a member's message (past the window)", act: { message: MessageOpKind.RECALL, seq: (f) => f.sent.tm.seq, pastWindow: true },
    expect: [OK, OK, FORBIDDEN, ...formerNone],
  },
  {
    name: "recall an admin's message (past the window)", act: { message: MessageOpKind.RECALL, seq: (f) => f.sent.ta.seq, pastWindow: true },
    expect: [OK, OK, FORBIDDEN, ...formerNone],
  },
  {
    name: "recall the owner's message (past the window)", act: { message: MessageOpKind.RECALL, seq: (f) => f.sent.own.seq, pastWindow: true },
    expect: [OK, OK, FORBIDDEN, ...formerNone],
  },
  {
    // "Errors: `MESSAGE_NOT_FOUND` (no such seq, or before the caller's join point)" — an admin's right does not reach it.
    name: 'recall a message from before the join point', act: { message: MessageOpKind.RECALL, seq: (f) => f.early.seq },
    expect: [MESSAGE_NOT_FOUND, MESSAGE_NOT_FOUND, MESSAGE_NOT_FOUND, ...formerNone],
  },
  {
    name: 'recall an event message (a kick)', act: { message: MessageOpKind.RECALL, seq: (f) => f.kick.seq },
    expect: [MESSAGE_LOCKED, MESSAGE_LOCKED, MESSAGE_LOCKED, ...formerNone],
  },

  // Edit. "2 EDIT | the sender" (§7e): nobody else, whatever their role.
  { name: 'edit own message', act: { message: MessageOpKind.EDIT, seq: ownMessage }, expect: [OK, OK, OK, NOT_MEMBER, NOT_MEMBER, NA] },
  { name: "edit a member's message", act: { message: MessageOpKind.EDIT, seq: (f) => f.sent.tm.seq }, expect: [FORBIDDEN, FORBIDDEN, FORBIDDEN, ...formerNone] },
  { name: "edit an admin's message", act: { message: MessageOpKind.EDIT, seq: (f) => f.sent.ta.seq }, expect: [FORBIDDEN, FORBIDDEN, FORBIDDEN, ...formerNone] },
  // For the owner this is their own message.
  { name: "edit the owner's message", act: { message: MessageOpKind.EDIT, seq: (f) => f.sent.own.seq }, expect: [OK, FORBIDDEN, FORBIDDEN, ...formerNone] },
  {
    name: 'edit a message from before the join point', act: { message: MessageOpKind.EDIT, seq: (f) => f.early.seq },
    expect: [MESSAGE_NOT_FOUND, MESSAGE_NOT_FOUND, MESSAGE_NOT_FOUND, ...formerNone],
  },

  // Reactions. "3 REACT | any member"; "4 UNREACT | the member who reacted".
  { name: "react to a member's message", act: { message: MessageOpKind.REACT, seq: (f) => f.sent.tm.seq, emoji: '🎉' }, expect: [OK, OK, OK, ...formerNone] },
  {
    name: 'react to a message from before the join point', act: { message: MessageOpKind.REACT, seq: (f) => f.early.seq, emoji: '🎉' },
    expect: [MESSAGE_NOT_FOUND, MESSAGE_NOT_FOUND, MESSAGE_NOT_FOUND, ...formerNone],
  },
  {
    // Former members reacted while they were members; the outsider never could.
    name: 'unreact (own reaction, made while a member)', setup: { reactFirst: true },
    act: { message: MessageOpKind.UNREACT, seq: (f) => f.sent.tm.seq, emoji: '👍' }, expect: [OK, OK, OK, ...formerNone],
  },

  // One's own history. "Two ops change only the caller's own history (also of a conversation they left)" (§7e).
  { name: "delete for me (HIDE) a member's message", act: { message: MessageOpKind.HIDE, seq: (f) => f.sent.tm.seq }, expect: [OK, OK, OK, OK, OK, NOT_MEMBER] },
  {
    name: 'delete for me (HIDE) a message from before the join point', act: { message: MessageOpKind.HIDE, seq: (f) => f.early.seq },
    expect: [MESSAGE_NOT_FOUND, MESSAGE_NOT_FOUND, MESSAGE_NOT_FOUND, MESSAGE_NOT_FOUND, MESSAGE_NOT_FOUND, NOT_MEMBER],
  },
  {
    // Former members never saw it: "`pull` is clamped to their leave event"; "`MESSAGE_NOT_FOUND` | recall/edit of a seq that does not exist for the caller" (§9).
    name: 'delete for me (HIDE) a message sent after the former members left', act: { message: MessageOpKind.HIDE, seq: (f) => f.late.seq },
    expect: [OK, OK, OK, MESSAGE_NOT_FOUND, MESSAGE_NOT_FOUND, NOT_MEMBER],
  },
  { name: 'clear history (CLEAR) up to a member\'s message', act: { message: MessageOpKind.CLEAR, seq: (f) => f.sent.tm.seq }, expect: [OK, OK, OK, OK, OK, NOT_MEMBER] },

  // Reads and ephemera.
  {
    // Read state covers a former member's history up to their leave: "`unread` — the number of messages after
    // `read_seq` (and after the join point, up to the leave point)" (§7b), and MarkRead "is clamped to the
    // highest seq the member can see". So a former member may still mark what they saw as read.
    name: 'markRead', act: { call: 'markRead', at: (f) => f.late.seq }, expect: [OK, OK, OK, OK, OK, NOT_MEMBER],
  },
  // "In any conversation, a current member may pull **who has read up to `seq`**" (§7b).
  { name: 'read receipts (readers)', act: { call: 'readers', at: (f) => f.sent.tm.seq }, expect: [OK, OK, OK, ...formerNone] },
  // "`GroupInfoRequest` answers `GroupInfo` ... for members, and for anyone while the group is joinable ... Otherwise `NOT_MEMBER`"
  { name: 'group info (groupInfo), not joinable', act: { call: 'groupInfo' }, expect: [OK, OK, OK, ...formerNone] },
  { name: 'group info (groupInfo), joinable', setup: { joinable: true }, act: { call: 'groupInfo' }, expect: [OK, OK, OK, OK, OK, OK] },
  // "Errors: `NOT_MEMBER` (not a member, or no longer: a member who left or was removed)" (§7d).
  { name: 'group presence (groupPresence)', act: { call: 'groupPresence' }, expect: [OK, OK, OK, ...formerNone] },
  // "It is never stored and gets no answer unless it fails (`NOT_MEMBER`, ...)" (§7c).
  { name: 'typing', act: { call: 'typing' }, expect: [OK, OK, OK, ...formerNone] },

  // Group changes (§7a table). "`NOT_MEMBER` (the caller, or a user named)".
  { name: 'create a group', act: { group: GroupOp.CREATE, input: () => ({ name: 'Another' }) }, expect: [OK, OK, OK, OK, OK, OK] },
  { name: 'invite a new user', act: { group: GroupOp.INVITE, input: (f) => ({ users: [f.user.nu] }) }, expect: [OK, OK, FORBIDDEN, ...formerNone] },
  {
    // "`ALREADY_MEMBER` | a group invite names a current member"; a member may not invite at all (judgement: the right comes first).
    name: 'invite a current member', act: { group: GroupOp.INVITE, input: (f) => ({ users: [f.user.tm] }) },
    expect: [ALREADY_MEMBER, ALREADY_MEMBER, FORBIDDEN, ...formerNone],
  },
  {
    // "A former member who is invited (or joins) again starts over at the new event"
    name: 'invite a former member back', act: { group: GroupOp.INVITE, input: (f) => ({ users: [f.user.lft] }) },
    expect: [OK, OK, FORBIDDEN, ...formerNone],
  },
  {
    // "11 JOIN | anyone not a member, when the group is `joinable`"; "`ALREADY_MEMBER` | ... or a member asks to join"
    name: 'join a joinable group', setup: { joinable: true }, act: { group: GroupOp.JOIN },
    expect: [ALREADY_MEMBER, ALREADY_MEMBER, ALREADY_MEMBER, OK, OK, OK],
  },
  {
    // "`FORBIDDEN` (role, or JOIN on a group that is not joinable)"
    name: 'join a group that is not joinable', act: { group: GroupOp.JOIN },
    expect: [ALREADY_MEMBER, ALREADY_MEMBER, ALREADY_MEMBER, FORBIDDEN, FORBIDDEN, FORBIDDEN],
  },
  // "4 LEAVE | any member but the owner"
  { name: 'leave', act: { group: GroupOp.LEAVE }, expect: [FORBIDDEN, OK, OK, ...formerNone] },
  // "3 KICK | owner, admin; only members of a lower role"
  { name: 'kick a member', act: { group: GroupOp.KICK, input: (f) => ({ users: [f.user.tm] }) }, expect: [OK, OK, FORBIDDEN, ...formerNone] },
  { name: 'kick an admin', act: { group: GroupOp.KICK, input: (f) => ({ users: [f.user.ta] }) }, expect: [OK, FORBIDDEN, FORBIDDEN, ...formerNone] },
  // For the owner this names themself: not of a lower role.
  { name: 'kick the owner', act: { group: GroupOp.KICK, input: (f) => ({ users: [f.user.own] }) }, expect: [FORBIDDEN, FORBIDDEN, FORBIDDEN, ...formerNone] },
  {
    // "`NOT_MEMBER` (the caller, or a user named)"; a member may not kick at all (judgement: the right comes first).
    name: 'kick a non-member', act: { group: GroupOp.KICK, input: (f) => ({ users: [f.user.nu] }) },
    expect: [NOT_MEMBER, NOT_MEMBER, FORBIDDEN, ...formerNone],
  },
  // "6 SET_ROLE | owner"
  {
    name: 'set role: a member to admin', act: { group: GroupOp.SET_ROLE, input: (f) => ({ users: [f.user.tm], role: GroupRole.ADMIN }) },
    expect: [OK, FORBIDDEN, FORBIDDEN, ...formerNone],
  },
  {
    name: 'set role: an admin to member', act: { group: GroupOp.SET_ROLE, input: (f) => ({ users: [f.user.ta], role: GroupRole.MEMBER }) },
    expect: [OK, FORBIDDEN, FORBIDDEN, ...formerNone],
  },
  // "9 MUTE | owner, admin; only members of a lower role"
  {
    name: 'mute a member', act: { group: GroupOp.MUTE, input: (f) => ({ users: [f.user.tm], mutedUntil: Date.now() + 3_600_000 }) },
    expect: [OK, OK, FORBIDDEN, ...formerNone],
  },
  {
    name: 'mute an admin', act: { group: GroupOp.MUTE, input: (f) => ({ users: [f.user.ta], mutedUntil: Date.now() + 3_600_000 }) },
    expect: [OK, FORBIDDEN, FORBIDDEN, ...formerNone],
  },
  {
    name: 'mute the owner', act: { group: GroupOp.MUTE, input: (f) => ({ users: [f.user.own], mutedUntil: Date.now() + 3_600_000 }) },
    expect: [FORBIDDEN, FORBIDDEN, FORBIDDEN, ...formerNone],
  },
  // "10 MUTE_ALL | owner, admin"
  { name: 'mute all', act: { group: GroupOp.MUTE_ALL, input: () => ({ on: true }) }, expect: [OK, OK, FORBIDDEN, ...formerNone] },
  // "5 INFO | owner, admin"
  {
    name: 'rename (INFO)', act: { group: GroupOp.INFO, input: () => ({ fields: GroupInfoField.NAME, name: 'Renamed' }) },
    expect: [OK, OK, FORBIDDEN, ...formerNone],
  },
  // "7 TRANSFER | owner | `users`: exactly one other member"
  { name: 'transfer ownership to a member', act: { group: GroupOp.TRANSFER, input: (f) => ({ users: [f.user.tm] }) }, expect: [OK, FORBIDDEN, FORBIDDEN, ...formerNone] },
  // "8 DISMISS | owner"
  { name: 'dismiss', act: { group: GroupOp.DISMISS }, expect: [OK, FORBIDDEN, FORBIDDEN, ...formerNone] },

  // Consent and moderation (§7a, docs/SECURITY.md). "14 BAN | owner, admin | users | members of a lower role are removed too".
  { name: 'ban a member', act: { group: GroupOp.BAN, input: (f) => ({ users: [f.user.tm] }) }, expect: [OK, OK, FORBIDDEN, ...formerNone] },
  { name: 'ban an admin', act: { group: GroupOp.BAN, input: (f) => ({ users: [f.user.ta] }) }, expect: [OK, FORBIDDEN, FORBIDDEN, ...formerNone] },
  { name: 'ban the owner', act: { group: GroupOp.BAN, input: (f) => ({ users: [f.user.own] }) }, expect: [INVALID_ARGUMENT, FORBIDDEN, FORBIDDEN, ...formerNone] },
  { name: 'ban a user who never was a member', act: { group: GroupOp.BAN, input: (f) => ({ users: [f.user.nu] }) }, expect: [OK, OK, FORBIDDEN, ...formerNone] },
  // "15 UNBAN | owner, admin"
  { name: 'unban', act: { group: GroupOp.UNBAN, input: (f) => ({ users: [f.user.nu] }) }, expect: [OK, OK, FORBIDDEN, ...formerNone] },
  // "12 ACCEPT_INVITATION / 13 DECLINE_INVITATION | the invitee". Without an invitation: nothing to answer.
  {
    name: 'accept an invitation (none held)', act: { group: GroupOp.ACCEPT_INVITATION },
    expect: [ALREADY_MEMBER, ALREADY_MEMBER, ALREADY_MEMBER, INVITATION_NOT_FOUND, INVITATION_NOT_FOUND, INVITATION_NOT_FOUND],
  },
  {
    name: 'accept an invitation (held by the non-members)', setup: { invited: true }, act: { group: GroupOp.ACCEPT_INVITATION },
    expect: [ALREADY_MEMBER, ALREADY_MEMBER, ALREADY_MEMBER, OK, OK, OK],
  },
  {
    name: 'decline an invitation (held by the non-members)', setup: { invited: true }, act: { group: GroupOp.DECLINE_INVITATION },
    expect: [INVITATION_NOT_FOUND, INVITATION_NOT_FOUND, INVITATION_NOT_FOUND, OK, OK, OK],
  },

  // After the owner dismissed the group (it was joinable first, so JOIN is not refused for that). Rows are the
  // roles the actors had before. "8 DISMISS | owner | — | the group ends: every member leaves at this event
  // (they all receive it), `dismissed` is set, and any later request on the group is `GROUP_DISMISSED`" (§7a);
  // §10: "afterwards any change is 410 `GROUP_DISMISSED`". One's own history (HIDE, CLEAR) stays one's own,
  // "also of a conversation they left".
  ...((): GroupColumn[] => {
    const dismissed: GroupSetup = { joinable: true, dismissed: true };
    const gone = [GROUP_DISMISSED, GROUP_DISMISSED, GROUP_DISMISSED, GROUP_DISMISSED, GROUP_DISMISSED, GROUP_DISMISSED] as const;
    return [
      { name: 'after dismissal: send', setup: dismissed, act: { send: () => ({}) }, expect: gone },
      { name: 'after dismissal: start a voice stream', setup: dismissed, act: { call: 'voiceStart' }, expect: gone },
      {
        name: 'after dismissal: recall own message (within the window)', setup: dismissed, act: { message: MessageOpKind.RECALL, seq: ownMessage },
        expect: [GROUP_DISMISSED, GROUP_DISMISSED, GROUP_DISMISSED, GROUP_DISMISSED, GROUP_DISMISSED, NA],
      },
      {
        name: 'after dismissal: edit own message', setup: dismissed, act: { message: MessageOpKind.EDIT, seq: ownMessage },
        expect: [GROUP_DISMISSED, GROUP_DISMISSED, GROUP_DISMISSED, GROUP_DISMISSED, GROUP_DISMISSED, NA],
      },
      { name: "after dismissal: react to a member's message", setup: dismissed, act: { message: MessageOpKind.REACT, seq: (f) => f.sent.tm.seq, emoji: '🎉' }, expect: gone },
      {
        name: "after dismissal: delete for me (HIDE) a member's message", setup: dismissed, act: { message: MessageOpKind.HIDE, seq: (f) => f.sent.tm.seq },
        expect: [OK, OK, OK, OK, OK, NOT_MEMBER],
      },
      {
        name: "after dismissal: clear history (CLEAR) up to a member's message", setup: dismissed, act: { message: MessageOpKind.CLEAR, seq: (f) => f.sent.tm.seq },
        expect: [OK, OK, OK, OK, OK, NOT_MEMBER],
      },
      { name: 'after dismissal: invite a new user', setup: dismissed, act: { group: GroupOp.INVITE, input: (f) => ({ users: [f.user.nu] }) }, expect: gone },
      { name: 'after dismissal: join (it was joinable)', setup: dismissed, act: { group: GroupOp.JOIN }, expect: gone },
      { name: 'after dismissal: leave', setup: dismissed, act: { group: GroupOp.LEAVE }, expect: gone },
      { name: 'after dismissal: kick a member', setup: dismissed, act: { group: GroupOp.KICK, input: (f) => ({ users: [f.user.tm] }) }, expect: gone },
      { name: 'after dismissal: rename (INFO)', setup: dismissed, act: { group: GroupOp.INFO, input: () => ({ fields: GroupInfoField.NAME, name: 'Renamed' }) }, expect: gone },
    ];
  })(),
];

// ---------------------------------------------------------------------------
// Direct (1:1) conversations

/** `a` starts a chat with `b` (a message each way); `c` is neither. In the block rows `b` blocks `a` afterwards. */
const DIRECT_USERS = ['a', 'b', 'c'] as const;
type DirectUser = (typeof DIRECT_USERS)[number];

interface DirectFixture extends Fixture {
  user: Record<DirectUser, string>;
  sent: { a: StoredMessage; b: StoredMessage };
}

const DIRECT_ROWS = [
  { name: 'participant who started the chat', actor: 'a', block: false },
  { name: 'the other participant', actor: 'b', block: false },
  { name: 'blocked participant (the other blocked them)', actor: 'a', block: true },
  { name: 'participant who blocked the other', actor: 'b', block: true },
  { name: 'outsider', actor: 'c', block: false },
] as const satisfies readonly { name: string; actor: DirectUser; block: boolean }[];

interface DirectSetup {
  /** The actor reacts 👍 to the other's message (before any block). */
  reactFirst?: boolean;
}

async function directFixture(s: Services, prefix: string, actor: DirectUser, setup: DirectSetup & { block: boolean }): Promise<DirectFixture> {
  const user = Object.fromEntries(DIRECT_USERS.map((u) => [u, `${prefix}-${u}`])) as Record<DirectUser, string>;
  await Promise.all(DIRECT_USERS.map((u) => s.store.createUser({ id: user[u], displayName: u, passwordHash: null, createdAt: 0 })));
  const text = () => ({ clientMsgId: nextId(), type: MessageType.TEXT, body: utf8('hi') });
  const a = (await s.chat.send(callerOf(user.a), { ...text(), to: user.b })).message;
  const conversationId = a.conversationId;
  const b = (await s.chat.send(callerOf(user.b), { ...text(), conversationId })).message;
  let lastTime = Math.max(a.serverTime, b.serverTime);
  if (setup.reactFirst && actor !== 'c') {
    const other = actor === 'a' ? b : a;
    const reacted = await s.chat.modifyMessage(callerOf(user[actor]), { op: MessageOpKind.REACT, conversationId, seq: other.seq, emoji: '👍', clientMsgId: nextId() });
    lastTime = Math.max(lastTime, reacted.message.serverTime);
  }
  if (setup.block) await s.chat.changeFriends(callerOf(user.b), { op: FriendOp.BLOCK, userId: user.a, clientMsgId: nextId() });
  return { conversationId, lastTime, user, sent: { a, b } };
}

interface DirectColumn {
  name: string;
  setup?: DirectSetup;
  act: Act<DirectFixture>;
  /** In DIRECT_ROWS order: started, other, blocked, blocker, outsider. */
  expect: Five;
}

const mine = (f: DirectFixture, me: string) => [f.sent.a, f.sent.b].find((m) => m.senderId === me)?.seq;
/** The other participant's message (for the outsider: a's). */
const theirs = (f: DirectFixture, me: string) => (me === f.user.a ? f.sent.b : f.sent.a).seq;

// Blocks: "Sends in 1:1 conversations are checked against these: a block either way is `BLOCKED` (every
// message)" (§7f); BLOCK: "they cannot message you (nor you them) in 1:1". A block also stops what would reach
// the other through an earlier message (§7e): an edit in the 1:1, a reaction to the other's message — both
// `BLOCKED` either way. Recalls, taking a reaction back, one's own history and typing are not refused.
const DIRECT_COLUMNS: DirectColumn[] = [
  { name: 'send', act: { send: () => ({}) }, expect: [OK, OK, BLOCKED, BLOCKED, NOT_MEMBER] },
  { name: 'start a voice stream', act: { call: 'voiceStart' }, expect: [OK, OK, BLOCKED, BLOCKED, NOT_MEMBER] },
  { name: "send replying to the other's message", act: { send: (f, me) => ({ replyTo: theirs(f, me) }) }, expect: [OK, OK, BLOCKED, BLOCKED, NOT_MEMBER] },
  { name: 'recall own message (within the window)', act: { message: MessageOpKind.RECALL, seq: mine }, expect: [OK, OK, OK, OK, NA] },
  {
    name: 'recall own message (past the window)', act: { message: MessageOpKind.RECALL, seq: mine, pastWindow: true },
    expect: [MESSAGE_LOCKED, MESSAGE_LOCKED, MESSAGE_LOCKED, MESSAGE_LOCKED, NA],
  },
  // Admins exist only in groups: in 1:1 only the sender recalls.
  {
    name: "recall the other's message (within the window)", act: { message: MessageOpKind.RECALL, seq: theirs },
    expect: [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_MEMBER],
  },
  {
    name: "recall the other's message (past the window)", act: { message: MessageOpKind.RECALL, seq: theirs, pastWindow: true },
    expect: [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_MEMBER],
  },
  { name: 'edit own message', act: { message: MessageOpKind.EDIT, seq: mine }, expect: [OK, OK, BLOCKED, BLOCKED, NA] },
  { name: "edit the other's message", act: { message: MessageOpKind.EDIT, seq: theirs }, expect: [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_MEMBER] },
  { name: 'react to own message', act: { message: MessageOpKind.REACT, seq: mine, emoji: '🎉' }, expect: [OK, OK, OK, OK, NA] },
  { name: "react to the other's message", act: { message: MessageOpKind.REACT, seq: theirs, emoji: '🎉' }, expect: [OK, OK, BLOCKED, BLOCKED, NOT_MEMBER] },
  {
    name: "unreact (own reaction to the other's message)", setup: { reactFirst: true }, act: { message: MessageOpKind.UNREACT, seq: theirs, emoji: '👍' },
    expect: [OK, OK, OK, OK, NOT_MEMBER],
  },
  { name: "delete for me (HIDE) the other's message", act: { message: MessageOpKind.HIDE, seq: theirs }, expect: [OK, OK, OK, OK, NOT_MEMBER] },
  { name: "clear history (CLEAR) up to the other's message", act: { message: MessageOpKind.CLEAR, seq: theirs }, expect: [OK, OK, OK, OK, NOT_MEMBER] },
  { name: 'typing', act: { call: 'typing' }, expect: [OK, OK, OK, OK, NOT_MEMBER] },
  { name: 'markRead', act: { call: 'markRead', at: (f) => f.sent.b.seq }, expect: [OK, OK, OK, OK, NOT_MEMBER] },
  // "In any conversation, a current member may pull who has read up to `seq`" (§7b).
  { name: 'read receipts (readers)', act: { call: 'readers', at: (f) => f.sent.a.seq }, expect: [OK, OK, OK, OK, NOT_MEMBER] },
  // "With `conversation_id` set, the answer is a page of that conversation's current members" (§7d), any conversation.
  { name: 'presence by conversation (groupPresence)', act: { call: 'groupPresence' }, expect: [OK, OK, OK, OK, NOT_MEMBER] },
  // "`CONVERSATION_NOT_FOUND` if there is no such group" (§7a, GroupInfoRequest).
  { name: 'group info (groupInfo) of the 1:1 conversation', act: { call: 'groupInfo' }, expect: [CONVERSATION_NOT_FOUND, CONVERSATION_NOT_FOUND, CONVERSATION_NOT_FOUND, CONVERSATION_NOT_FOUND, CONVERSATION_NOT_FOUND] },
  {
    // GroupRequest errors: "`CONVERSATION_NOT_FOUND` (no such group, or not a group)" (§7a).
    name: 'a group change (INVITE) on the 1:1 conversation', act: { group: GroupOp.INVITE, input: (f) => ({ users: [f.user.c] }) },
    expect: [CONVERSATION_NOT_FOUND, CONVERSATION_NOT_FOUND, CONVERSATION_NOT_FOUND, CONVERSATION_NOT_FOUND, CONVERSATION_NOT_FOUND],
  },
];

// ---------------------------------------------------------------------------
// The runs

function permissionMatrix(storeName: string, open: () => Promise<{ store: Store; dispose: () => Promise<void> }>): void {
  describe(`Permission matrix on ${storeName}`, { concurrency: CONCURRENCY }, () => {
    let s: Services;
    let dispose: () => Promise<void>;
    let cells = 0;
    const prefix = () => `c${++cells}`;
    before(async () => {
      const opened = await open();
      dispose = opened.dispose;
      const bus = new LocalBus();
      s = {
        store: opened.store,
        chat: new ChatService(opened.store, bus, LIMITS),
        pastWindow: new ChatService(opened.store, bus, { ...LIMITS, recallWindowMs: 0 }),
      };
    });
    after(async () => {
      s?.chat.close();
      s?.pastWindow.close();
      await s?.store.close();
      await dispose?.();
    });

    // The rows mean what they say only if the fixture gives each actor that role and a join point after `early`.
    test('group: the fixture has the roles and join points the rows assume', async () => {
      const f = await groupFixture(s, prefix(), 'mem', {});
      const info = await s.chat.groupInfo(callerOf(f.user.own), f.conversationId);
      const byUser = new Map(info.members.map((m) => [m.userId, m]));
      const roles = (['own', 'adm', 'ta', 'fnd', 'mem', 'tm'] as const).map((u) => byUser.get(f.user[u])?.role);
      assert.deepEqual(roles, [GroupRole.OWNER, GroupRole.ADMIN, GroupRole.ADMIN, GroupRole.ADMIN, GroupRole.MEMBER, GroupRole.MEMBER]);
      assert.equal(info.members.length, 6, 'lft, kck, out and nu are not members');
      for (const u of ['own', 'adm', 'mem'] as const) assert.ok(byUser.get(f.user[u])!.joinSeq >= f.early.seq, `${u} joined after early`);
      for (const u of ['lft', 'kck'] as const) {
        const pulled = await s.chat.pull(callerOf(f.user[u]), f.conversationId, 1, 0, 0);
        assert.ok(pulled.fromSeq > f.early.seq && pulled.maxSeq < f.late.seq, `${u} joined after early and was gone before late`);
      }
    });

    for (const column of GROUP_COLUMNS) {
      GROUP_ROWS.forEach((row, i) => {
        const expected = column.expect[i]!;
        test(`group: ${row.name} × ${column.name} → ${expected}`, async () => {
          const f = await groupFixture(s, prefix(), row.actor, column.setup ?? {});
          assert.equal(await perform(s, column.act, f, f.user[row.actor]), expected);
        });
      });
    }
    for (const column of DIRECT_COLUMNS) {
      DIRECT_ROWS.forEach((row, i) => {
        const expected = column.expect[i]!;
        test(`1:1: ${row.name} × ${column.name} → ${expected}`, async () => {
          const f = await directFixture(s, prefix(), row.actor, { ...column.setup, block: row.block });
          assert.equal(await perform(s, column.act, f, f.user[row.actor]), expected);
        });
      });
    }
  });
}

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

permissionMatrix('SqliteStore', async () => ({
  store: new ChatStore(new SqliteStore({ file: join(dir, 'matrix.db'), synchronous: 'normal' })),
  dispose: async () => {},
}));

permissionMatrix('PostgresStore', async () => {
  const db = await createTestDatabase();
  try {
    return { store: new ChatStore(await PostgresStore.open({ url: db.url, poolSize: CONCURRENCY })), dispose: () => db.drop() };
  } catch (err) {
    await db.drop();
    throw err;
  }
});

describe('Permission matrix: completeness', () => {
  /** The GroupOps and MessageOpKinds the columns run (read from their acts, which are what the cells do). */
  function opsOf<F extends Fixture>(columns: readonly { act: Act<F> }[]) {
    return {
      group: new Set<number>(columns.flatMap(({ act }) => ('group' in act ? [act.group] : []))),
      message: new Set<number>(columns.flatMap(({ act }) => ('message' in act ? [act.message] : []))),
    };
  }

  test('every GroupOp has a group column', () => {
    const covered = opsOf(GROUP_COLUMNS).group;
    for (const [name, op] of Object.entries(GroupOp)) assert.ok(covered.has(op), `no column for GroupOp.${name}`);
  });

  test('every MessageOpKind has a group column and a 1:1 column', () => {
    for (const [what, covered] of [['group', opsOf(GROUP_COLUMNS).message], ['1:1', opsOf(DIRECT_COLUMNS).message]] as const) {
      for (const [name, op] of Object.entries(MessageOpKind)) assert.ok(covered.has(op), `no ${what} column for MessageOpKind.${name}`);
    }
  });

  test('every column answers for every row, and column names are unique', () => {
    for (const [columns, rows] of [[GROUP_COLUMNS, GROUP_ROWS], [DIRECT_COLUMNS, DIRECT_ROWS]] as const) {
      for (const c of columns) assert.equal(c.expect.length, rows.length, c.name);
      assert.equal(new Set(columns.map((c) => c.name)).size, columns.length);
    }
  });
});
