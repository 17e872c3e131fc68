/**
 * Every kind of event the server records, seen by a device that was away when it
 * happened: it went offline (closed) and comes back as itself, with the same
 * device id and session store, so it resumes from its sync token and cursors;
 * or it is a device that has never connected. Each test asserts what the device
 * is shown after it comes back (those events, in order, once) and the state its
 * sync brought (roles, mutes, left, friend lists, cleared points), and what the
 * server then allows. Companion to the per-feature suites, which mostly watch
 * the same events arrive live.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pg from 'pg';
import { directConversationId, ErrorCode, GroupRole, MessageFlag, MessageType } from '@parley/protocol';
import { CLUSTER_JWT_SECRET, createTestDatabase, eventually, registerUser, startTestServer, waitUntil, WAIT_MS } from '@parley/testkit';
import { MemorySessionStore, noticeConversationId, ParleyClient, type Message, type ReadReceipt } from '../src/index.ts';
import { sdkWorld, type Device, type World } from './world.ts';

/** A device that can go away and come back as itself. */
interface Roaming extends Device {
  deviceId: string;
  store: MemorySessionStore;
}

function roaming(world: World) {
  let n = 0;
  /** A new device of `user`, online. */
  const online = async (user: string): Promise<Roaming> => {
    const deviceId = `${user}-roaming-${++n}`;
    const store = new MemorySessionStore();
    return { ...(await world.open(user, { deviceId, store })), deviceId, store };
  };
  /** The same device connecting again; `got` holds only what it is shown from now on. */
  const back = async (d: Roaming): Promise<Roaming> => ({ ...(await world.open(d.user, { deviceId: d.deviceId, store: d.store })), deviceId: d.deviceId, store: d.store });
  /**
   * Take a device away. It reconnects once first, so that its sync token covers
   * everything it holds, as a device's token does after its latest reconnect
   * (a token from before the conversation existed would make the next sync list
   * everything, and hide a change that failed to mark itself for sync).
   */
  const away = async (d: Roaming): Promise<void> => {
    await d.client.close();
    await (await back(d)).client.close();
  };
  return { online, back, away };
}

const encoder = new TextEncoder();
/** A text send the app made while the device was away: it waits in the device's outbox until the device is back. */
const queue = (d: Roaming, conversationId: string, clientMsgId: string) =>
  d.store.putOutbox({ clientMsgId, conversationId, type: MessageType.TEXT, body: encoder.encode(clientMsgId), createdAt: Date.now() });

/** What a device was shown of one conversation, in the order it was shown. */
const shown = (d: Device, conversationId: string) => d.got.filter((m) => m.conversationId === conversationId);
const seqs = (ms: Message[]) => ms.map((m) => m.seq);
const settle = () => new Promise((r) => setTimeout(r, 200));
/** The FRIEND events a device was shown in its user's notice conversation, as [op, from, to]. */
const friendEvents = (d: Device) => shown(d, noticeConversationId(d.user)).map((m) => [m.friend?.op, m.friend?.from, m.friend?.to]);

describe('Offline group events: a member who was away learns each membership change through sync', () => {
  const world = sdkWorld(['kora', 'kim', 'lou', 'lena', 'mo', 'nia', 'opal', 'pia', 'quy', 'rho', 'sia', 'tao', 'uli', 'vera', 'wu', 'xena', 'yuri', 'zed']);
  const { online, back, away } = roaming(world);

  test('kick while away: the kicked device gets the kick once, is left with no role, and nothing after it arrives or can be pulled', async () => {
    const kora = await online('kora');
    const kim = await online('kim');
    const { conversationId: g } = await kora.client.createGroup('Kick while away', ['kim', 'lou']);
    await waitUntil(() => kim.client.cursor(g) === 1, WAIT_MS, 'kim has the group');
    await away(kim);

    const during = await kora.client.send({ conversationId: g, text: 'while kim is away' });
    const kick = await kora.client.kick(g, ['kim']);
    const afterKick = await kora.client.send({ conversationId: g, text: 'after kim was removed' });
    assert.deepEqual([during.seq, kick.seq, afterKick.seq], [2, 3, 4]);
    await queue(kim, g, 'kim-written-while-away');

    const kimBack = await back(kim);
    await waitUntil(() => kimBack.failed.length === 1, WAIT_MS, 'the send kim queued fails');
    assert.deepEqual(kimBack.failed, [{ clientMsgId: 'kim-written-while-away', code: ErrorCode.NOT_MEMBER }]);
    assert.equal(kimBack.client.pendingSends, 0);
    await eventually(() => {
      assert.deepEqual(seqs(shown(kimBack, g)), [during.seq, kick.seq], 'the message before the kick and the kick, once each, nothing after');
      assert.deepEqual(shown(kimBack, g)[1]!.membership, { op: 'kick', actor: 'kora', users: ['kim'] });
      const state = kimBack.client.conversation(g)!;
      assert.deepEqual([state.left, state.role, state.maxSeq], [true, 0, kick.seq]);
    });
    assert.deepEqual(await kimBack.client.pull(g, afterKick.seq), [], 'a pull beyond the kick is clamped to nothing');
    assert.deepEqual(seqs(await kimBack.client.pull(g, 1)), [1, during.seq, kick.seq], 'history ends at the kick');
    await assert.rejects(kimBack.client.send({ conversationId: g, text: 'let me back' }), { code: ErrorCode.NOT_MEMBER });
    await assert.rejects(kimBack.client.groupInfo(g), { code: ErrorCode.NOT_MEMBER });

    // A device of kim that never connected before sees the same story, up to the kick.
    const kimNew = await online('kim');
    await eventually(() => {
      assert.deepEqual(seqs(shown(kimNew, g)), [1, during.seq, kick.seq]);
      assert.deepEqual([kimNew.client.conversation(g)!.left, kimNew.client.conversation(g)!.role], [true, 0]);
    });
    assert.equal((await kora.client.groupInfo(g)).maxSeq, afterKick.seq, 'nothing of kim’s was stored after the kick');
  });

  test('leave: the leaver’s other device and another member, both away, learn it; the leaver gets nothing after it', async () => {
    const lena = await online('lena');
    const mo = await online('mo');
    const moOther = await online('mo');
    const nia = await online('nia');
    const { conversationId: g } = await lena.client.createGroup('Leave while away', ['mo', 'nia']);
    await waitUntil(() => moOther.client.cursor(g) === 1 && nia.client.cursor(g) === 1, WAIT_MS, 'both have the group');
    await away(moOther);
    await away(nia);

    const left = await mo.client.leaveGroup(g);
    const later = await lena.client.send({ conversationId: g, text: 'mo has gone' });

    const moBack = await back(moOther);
    await eventually(() => {
      assert.deepEqual(seqs(shown(moBack, g)), [left.seq]);
      assert.deepEqual(shown(moBack, g)[0]!.membership, { op: 'leave', actor: 'mo', users: [] });
      assert.deepEqual([moBack.client.conversation(g)!.left, moBack.client.conversation(g)!.role], [true, 0]);
    });
    assert.deepEqual(await moBack.client.pull(g, later.seq), [], 'nothing after the leave');
    await assert.rejects(moBack.client.send({ conversationId: g, text: 'x' }), { code: ErrorCode.NOT_MEMBER });

    const niaBack = await back(nia);
    await eventually(() => {
      assert.deepEqual(seqs(shown(niaBack, g)), [left.seq, later.seq]);
      assert.equal(shown(niaBack, g)[0]!.membership?.op, 'leave');
      assert.equal(niaBack.client.conversation(g)!.left, false);
    });
    assert.deepEqual((await niaBack.client.groupInfo(g)).members.map((m) => m.userId), ['lena', 'nia']);
  });

  test('role change and transfer while away: the new owner and the old owner’s other device come back with their new roles', async () => {
    const opal = await online('opal');
    const opalOther = await online('opal');
    const pia = await online('pia');
    const { conversationId: g } = await opal.client.createGroup('Hand-over', ['pia', 'quy']);
    await waitUntil(() => pia.client.cursor(g) === 1 && opalOther.client.cursor(g) === 1, WAIT_MS, 'both have the group');
    await away(pia);
    await away(opalOther);

    const promoted = await opal.client.setRole(g, ['pia'], GroupRole.ADMIN);
    const handed = await opal.client.transferOwnership(g, 'pia');

    const piaBack = await back(pia);
    await eventually(() => {
      assert.deepEqual(shown(piaBack, g).map((m) => [m.seq, m.membership]), [
        [promoted.seq, { op: 'role', actor: 'opal', users: ['pia'], role: GroupRole.ADMIN }],
        [handed.seq, { op: 'transfer', actor: 'opal', users: ['pia'] }],
      ]);
      assert.equal(piaBack.client.conversation(g)!.role, GroupRole.OWNER);
    });

    const opalBack = await back(opalOther);
    await eventually(() => {
      assert.deepEqual(seqs(shown(opalBack, g)), [promoted.seq, handed.seq]);
      assert.equal(opalBack.client.conversation(g)!.role, GroupRole.ADMIN);
    });

    // The server agrees: pia now does what only an owner may, opal no longer can.
    await piaBack.client.setRole(g, ['quy'], GroupRole.ADMIN);
    await assert.rejects(opalBack.client.transferOwnership(g, 'quy'), { code: ErrorCode.FORBIDDEN });
    assert.deepEqual((await piaBack.client.groupInfo(g)).members.map((m) => [m.userId, m.role]), [
      ['pia', GroupRole.OWNER],
      ['opal', GroupRole.ADMIN],
      ['quy', GroupRole.ADMIN],
    ]);
  });

  test('mute and unmute while away: the member comes back knowing until when, and the server holds them to it', async () => {
    const rho = await online('rho');
    const sia = await online('sia');
    const { conversationId: g } = await rho.client.createGroup('Quiet please', ['sia']);
    await waitUntil(() => sia.client.cursor(g) === 1, WAIT_MS, 'sia has the group');
    await away(sia);

    const until = Date.now() + 60_000;
    const muted = await rho.client.mute(g, ['sia'], until);
    await queue(sia, g, 'sia-written-while-away');
    let siaBack = await back(sia);
    await waitUntil(() => siaBack.failed.length === 1, WAIT_MS, 'the send sia queued fails');
    assert.deepEqual(siaBack.failed, [{ clientMsgId: 'sia-written-while-away', code: ErrorCode.MUTED }]);
    await eventually(() => {
      assert.deepEqual(shown(siaBack, g).map((m) => [m.seq, m.membership]), [[muted.seq, { op: 'mute', actor: 'rho', users: ['sia'], mutedUntil: until }]]);
      assert.equal(siaBack.client.conversation(g)!.mutedUntil, until);
    });
    await assert.rejects(siaBack.client.send({ conversationId: g, text: 'hello?' }), { code: ErrorCode.MUTED });

    await away(siaBack);
    const lifted = await rho.client.mute(g, ['sia'], 0);
    siaBack = await back(sia);
    await eventually(() => {
      assert.deepEqual(seqs(shown(siaBack, g)), [lifted.seq]);
      assert.equal(siaBack.client.conversation(g)!.mutedUntil, 0);
    });
    await siaBack.client.send({ conversationId: g, text: 'thank you' });
  });

  test('mute-all on and off while away: the member comes back with the group’s flag, and sending follows it', async () => {
    const tao = await online('tao');
    const uli = await online('uli');
    const { conversationId: g } = await tao.client.createGroup('Announcements', ['uli']);
    await waitUntil(() => uli.client.cursor(g) === 1, WAIT_MS, 'uli has the group');
    await away(uli);

    const on = await tao.client.muteAll(g, true);
    let uliBack = await back(uli);
    await eventually(() => {
      assert.deepEqual(shown(uliBack, g).map((m) => [m.seq, m.membership]), [[on.seq, { op: 'mute_all', actor: 'tao', users: [], on: true }]]);
      assert.equal(uliBack.client.conversation(g)!.mutedAll, true);
    });
    await assert.rejects(uliBack.client.send({ conversationId: g, text: 'me too' }), { code: ErrorCode.MUTED });

    await away(uliBack);
    const off = await tao.client.muteAll(g, false);
    uliBack = await back(uli);
    await eventually(() => {
      assert.deepEqual(shown(uliBack, g).map((m) => [m.seq, m.membership?.on]), [[off.seq, false]]);
      assert.equal(uliBack.client.conversation(g)!.mutedAll, false);
    });
    await uliBack.client.send({ conversationId: g, text: 'now I may' });
  });

  test('info update while away: name, avatar, announcement and join policy arrive as the event and as state; fields not named stay', async () => {
    const vera = await online('vera');
    const wu = await online('wu');
    const { conversationId: g } = await vera.client.createGroup('Book club', ['wu']);
    await waitUntil(() => wu.client.cursor(g) === 1, WAIT_MS, 'wu has the group');
    await away(wu);

    const info = await vera.client.updateGroupInfo(g, { name: 'Book club 2', announcement: 'Dune next', avatarUrl: 'https://example.com/b.png', joinable: true });
    let wuBack = await back(wu);
    await eventually(() => {
      assert.deepEqual(shown(wuBack, g).map((m) => [m.seq, m.membership]), [
        [info.seq, { op: 'info', actor: 'vera', users: [], name: 'Book club 2', avatarUrl: 'https://example.com/b.png', announcement: 'Dune next', joinable: true }],
      ]);
      const state = wuBack.client.conversation(g)!;
      assert.deepEqual([state.name, state.announcement, state.avatarUrl, state.joinable], ['Book club 2', 'Dune next', 'https://example.com/b.png', true]);
    });

    await away(wuBack);
    const cleared = await vera.client.updateGroupInfo(g, { announcement: '' });
    wuBack = await back(wu);
    await eventually(() => {
      assert.deepEqual(seqs(shown(wuBack, g)), [cleared.seq]);
      const state = wuBack.client.conversation(g)!;
      assert.deepEqual([state.name, state.announcement, state.avatarUrl, state.joinable], ['Book club 2', '', 'https://example.com/b.png', true]);
    });
  });

  test('join while away: a member who was away sees the joiner arrive; the joiner’s new device starts at the join', async () => {
    const xena = await online('xena');
    const yuri = await online('yuri');
    const { conversationId: g } = await xena.client.createGroup('Open door', ['yuri']);
    await xena.client.send({ conversationId: g, text: 'before zed' });
    await waitUntil(() => yuri.client.cursor(g) === 2, WAIT_MS, 'yuri has both');
    await away(yuri);

    const opened = await xena.client.updateGroupInfo(g, { joinable: true });
    const zed = await online('zed');
    const joined = await zed.client.joinGroup(g);
    const welcome = await xena.client.send({ conversationId: g, text: 'welcome zed' });

    const yuriBack = await back(yuri);
    await eventually(() => {
      assert.deepEqual(seqs(shown(yuriBack, g)), [opened.seq, joined.seq, welcome.seq]);
      assert.deepEqual(shown(yuriBack, g)[1]!.membership, { op: 'join', actor: 'zed', users: [] });
    });
    assert.deepEqual((await yuriBack.client.groupInfo(g)).members.map((m) => m.userId), ['xena', 'yuri', 'zed']);

    const zedNew = await online('zed');
    await eventually(() => {
      assert.deepEqual(seqs(shown(zedNew, g)), [joined.seq, welcome.seq], 'nothing from before the join');
      assert.deepEqual([zedNew.client.conversation(g)!.role, zedNew.client.conversation(g)!.left], [GroupRole.MEMBER, false]);
    });
  });

  test('dismiss while a member’s device is away: it comes back to the dismissal, the group left and closed', async () => {
    const xena = await online('xena');
    const yuri = await online('yuri');
    const { conversationId: g } = await xena.client.createGroup('Short-lived', ['yuri']);
    await waitUntil(() => yuri.client.cursor(g) === 1, WAIT_MS, 'yuri has the group');
    await away(yuri);

    const last = await xena.client.send({ conversationId: g, text: 'closing soon' });
    const end = await xena.client.dismissGroup(g);
    await queue(yuri, g, 'yuri-written-while-away');
    const yuriBack = await back(yuri);
    await waitUntil(() => yuriBack.failed.length === 1, WAIT_MS, 'the send yuri queued fails');
    assert.deepEqual(yuriBack.failed, [{ clientMsgId: 'yuri-written-while-away', code: ErrorCode.GROUP_DISMISSED }]);
    await eventually(() => {
      assert.deepEqual(shown(yuriBack, g).map((m) => [m.seq, m.membership?.op ?? m.text]), [[last.seq, 'closing soon'], [end.seq, 'dismiss']]);
      const state = yuriBack.client.conversation(g)!;
      assert.deepEqual([state.dismissed, state.left, state.role, state.joinable], [true, true, 0, false]);
    });
  });
});

describe('Offline group events in a large group (read diffusion: sync reads the group’s version, not the member’s)', () => {
  const world = sdkWorld(['lg-own', 'lg-a', 'lg-b', 'lg-c'], { largeGroupThreshold: 2 });
  const { online, back, away } = roaming(world);

  test('kick and mute-all while away in a large group: the same events and state as in a small one', async () => {
    const own = await online('lg-own');
    const a = await online('lg-a');
    const b = await online('lg-b');
    const { conversationId: g } = await own.client.createGroup('Large', ['lg-a', 'lg-b', 'lg-c']);
    await waitUntil(() => a.client.cursor(g) === 1 && b.client.cursor(g) === 1, WAIT_MS, 'both have the group');
    await away(a);
    await away(b);

    const on = await own.client.muteAll(g, true);
    const kick = await own.client.kick(g, ['lg-a']);
    const afterKick = await own.client.send({ conversationId: g, text: 'after lg-a was removed' });

    const aBack = await back(a);
    await eventually(() => {
      assert.deepEqual(seqs(shown(aBack, g)), [on.seq, kick.seq], 'up to the kick, nothing after');
      assert.deepEqual([aBack.client.conversation(g)!.left, aBack.client.conversation(g)!.role], [true, 0]);
    });
    assert.deepEqual(await aBack.client.pull(g, afterKick.seq), []);

    const bBack = await back(b);
    await eventually(() => {
      assert.deepEqual(seqs(shown(bBack, g)), [on.seq, kick.seq, afterKick.seq]);
      assert.deepEqual([bBack.client.conversation(g)!.mutedAll, bBack.client.conversation(g)!.left], [true, false]);
    });
    await assert.rejects(bBack.client.send({ conversationId: g, text: 'hi' }), { code: ErrorCode.MUTED });
  });
});

describe('Offline friend events: the other side, or the actor’s other device, was away', () => {
  const world = sdkWorld(['abe', 'bex', 'cid', 'dot', 'ema', 'fio', 'gil', 'hana', 'ike', 'jo', 'ivo', 'jan']);
  const { online, back, away } = roaming(world);

  test('reject while the asker is away: the asker comes back to the rejection and no pending request, and may ask again', async () => {
    const abe = await online('abe');
    const bex = await online('bex');
    await abe.client.requestFriend('bex', 'hello');
    await waitUntil(() => friendEvents(abe).length === 1, WAIT_MS, 'abe has his own request');
    await away(abe);

    await bex.client.rejectFriend('abe');
    const abeBack = await back(abe);
    await eventually(() => {
      assert.deepEqual(friendEvents(abeBack), [['reject', 'bex', 'abe']]);
    });
    const list = await abeBack.client.friends();
    assert.deepEqual([list.outgoing, list.friends], [[], []]);
    assert.deepEqual((await bex.client.friends()).incoming, []);
    const [again] = await abeBack.client.requestFriend('bex', 'second try');
    assert.equal(again!.friend?.op, 'request', 'a rejected request may be made again');
  });

  test('request and accept while the other side is away: each comes back to the event and a current list', async () => {
    const ivo = await online('ivo');
    let jan = await online('jan');
    await away(jan);
    await ivo.client.requestFriend('jan', 'remember me?');
    jan = await back(jan);
    await eventually(() => {
      assert.deepEqual(friendEvents(jan), [['request', 'ivo', 'jan']]);
    });
    assert.deepEqual((await jan.client.friends()).incoming.map((e) => [e.userId, e.note]), [['ivo', 'remember me?']]);

    await away(ivo);
    await jan.client.acceptFriend('ivo');
    const ivoBack = await back(ivo);
    await eventually(() => {
      assert.deepEqual(friendEvents(ivoBack), [['accept', 'jan', 'ivo']]);
    });
    const list = await ivoBack.client.friends();
    assert.deepEqual([list.friends.map((f) => f.userId), list.outgoing], [['jan'], []]);
  });

  test('remove while the removed friend is away: they come back to the removal and an empty list; friends-only chat is closed again', async () => {
    const cid = await online('cid');
    const dot = await online('dot');
    await dot.client.allowStrangers(false);
    await cid.client.requestFriend('dot');
    await dot.client.acceptFriend('cid');
    await waitUntil(() => friendEvents(dot).length === 3, WAIT_MS, 'dot has setting, request and acceptance');
    await away(dot);

    await cid.client.removeFriend('dot');
    const dotBack = await back(dot);
    await eventually(() => {
      assert.deepEqual(friendEvents(dotBack), [['remove', 'cid', 'dot']]);
    });
    assert.deepEqual((await dotBack.client.friends()).friends, []);
    assert.deepEqual((await cid.client.friends()).friends, []);
    await assert.rejects(cid.client.send({ to: 'dot', text: 'still friends?' }), { code: ErrorCode.NOT_FRIENDS }, 'dot takes chats from friends only');
    await assert.rejects(cid.client.removeFriend('dot'), { code: ErrorCode.NOT_FRIENDS });
  });

  test('block while the blocked user and the blocker’s other device are away: one learns only the removal, the other the block', async () => {
    const ema = await online('ema');
    const emaOther = await online('ema');
    const fio = await online('fio');
    await fio.client.send({ to: 'ema', text: 'hi ema' });
    await ema.client.requestFriend('fio');
    await fio.client.acceptFriend('ema');
    await waitUntil(() => friendEvents(fio).length === 2 && friendEvents(emaOther).length === 2, WAIT_MS, 'both know the friendship');
    await away(fio);
    await away(emaOther);

    await ema.client.block('fio');
    const fioBack = await back(fio);
    await eventually(() => {
      assert.deepEqual(friendEvents(fioBack), [['remove', 'ema', 'fio']], 'the block itself is private');
    });
    assert.deepEqual((await fioBack.client.friends()).friends, []);
    await assert.rejects(fioBack.client.send({ to: 'ema', text: 'ema?' }), { code: ErrorCode.BLOCKED });
    await assert.rejects(fioBack.client.requestFriend('ema'), { code: ErrorCode.BLOCKED });

    const emaBack = await back(emaOther);
    await eventually(() => {
      assert.deepEqual(friendEvents(emaBack), [['block', 'ema', 'fio']]);
    });
    const list = await emaBack.client.friends();
    assert.deepEqual([list.blocked.map((b) => b.userId), list.friends], [['fio'], []]);
    await assert.rejects(emaBack.client.send({ to: 'fio', text: 'from my other device' }), { code: ErrorCode.BLOCKED });
  });

  test('unblock while the blocker’s other device and the blocked user are away: the other device learns it, the unblocked user may write again', async () => {
    const gil = await online('gil');
    const gilOther = await online('gil');
    const hana = await online('hana');
    await hana.client.send({ to: 'gil', text: 'hi gil' });
    await gil.client.block('hana');
    await waitUntil(() => friendEvents(gilOther).length === 1, WAIT_MS, 'the other device knows the block');
    await away(hana);
    await away(gilOther);

    await gil.client.unblock('hana');
    const gilBack = await back(gilOther);
    await eventually(() => {
      assert.deepEqual(friendEvents(gilBack), [['unblock', 'gil', 'hana']]);
    });
    assert.deepEqual((await gilBack.client.friends()).blocked, []);

    const hanaBack = await back(hana);
    await eventually(() => {
      assert.deepEqual(friendEvents(hanaBack), [], 'an unblock is private, as the block was');
    });
    const sent = await hanaBack.client.send({ to: 'gil', text: 'can we talk again?' });
    await waitUntil(() => gilBack.client.cursor(sent.conversationId) === sent.seq, WAIT_MS, 'gil gets it');
  });

  test('the stranger setting changed on one device reaches the other device that was away, and the server applies it', async () => {
    const ike = await online('ike');
    const ikeOther = await online('ike');
    const jo = await online('jo');
    await away(ikeOther);

    await ike.client.allowStrangers(false);
    let ikeBack = await back(ikeOther);
    await eventually(() => {
      assert.deepEqual(shown(ikeBack, noticeConversationId('ike')).map((m) => m.friend), [{ op: 'allow_strangers', from: 'ike', to: '', allow: false }]);
    });
    assert.equal((await ikeBack.client.friends()).allowStrangers, false);
    await assert.rejects(jo.client.send({ to: 'ike', text: 'hello stranger' }), { code: ErrorCode.NOT_FRIENDS });

    await away(ikeBack);
    await ike.client.allowStrangers(true);
    ikeBack = await back(ikeBack);
    await eventually(() => {
      assert.deepEqual(shown(ikeBack, noticeConversationId('ike')).map((m) => m.friend?.allow), [true]);
    });
    assert.equal((await ikeBack.client.friends()).allowStrangers, true);
    const sent = await jo.client.send({ to: 'ike', text: 'hello again' });
    await waitUntil(() => ikeBack.client.cursor(sent.conversationId) === sent.seq, WAIT_MS, 'ike gets it');
  });
});

describe('Offline history, message and state events: a device of the user was away', () => {
  const world = sdkWorld(['kai', 'lia', 'max', 'ned', 'ora', 'pat', 'rai', 'sol', 'tia', 'ugo']);
  const { online, back, away } = roaming(world);

  test('delete for me while my other device is away: it learns the hide, and the message is a hole there and on a new device', async () => {
    const kai = await online('kai');
    const kaiOther = await online('kai');
    const lia = await online('lia');
    const d = directConversationId('kai', 'lia');
    for (let i = 1; i <= 5; i++) await lia.client.send({ to: 'kai', text: `m${i}` });
    await waitUntil(() => kai.client.cursor(d) === 5 && kaiOther.client.cursor(d) === 5, WAIT_MS, 'both devices have all five');
    await away(kaiOther);

    await kai.client.deleteForMe(d, 2);
    const kaiBack = await back(kaiOther);
    await eventually(() => {
      assert.deepEqual(shown(kaiBack, noticeConversationId('kai')).map((m) => m.history), [{ op: 'hide', conversationId: d, seq: 2 }]);
      assert.deepEqual(shown(kaiBack, d), [], 'nothing of the conversation is shown again');
    });
    assert.deepEqual(seqs(await kaiBack.client.pull(d, 1)), [1, 3, 4, 5], 'a hole where the hidden message was');
    assert.deepEqual((await kaiBack.client.history(d)).map((m) => m.text), ['m1', 'm3', 'm4', 'm5']);

    const kaiNew = await online('kai');
    await eventually(() => {
      assert.deepEqual(shown(kaiNew, d).map((m) => m.text), ['m1', 'm3', 'm4', 'm5'], 'a new device is never shown it');
    });
    assert.deepEqual(seqs(await lia.client.pull(d, 1)), [1, 2, 3, 4, 5], 'lia keeps it');
  });

  test('clear history while my other device is away: it learns the cleared point, then gets only what came after', async () => {
    const max = await online('max');
    const maxOther = await online('max');
    const ned = await online('ned');
    const d = directConversationId('max', 'ned');
    for (let i = 1; i <= 4; i++) await ned.client.send({ to: 'max', text: `old ${i}` });
    await waitUntil(() => max.client.cursor(d) === 4 && maxOther.client.cursor(d) === 4, WAIT_MS, 'both devices have them');
    await away(maxOther);

    await max.client.clearHistory(d);
    const fresh = await ned.client.send({ to: 'max', text: 'new 5' });
    const maxBack = await back(maxOther);
    await eventually(() => {
      assert.deepEqual(shown(maxBack, noticeConversationId('max')).map((m) => m.history), [{ op: 'clear', conversationId: d, seq: 4 }]);
      assert.deepEqual(shown(maxBack, d).map((m) => m.text), ['new 5']);
      const state = maxBack.client.conversation(d)!;
      assert.deepEqual([state.clearedSeq, state.unread, state.maxSeq], [4, 1, fresh.seq]);
    });
    assert.deepEqual(seqs(await maxBack.client.pull(d, 1)), [fresh.seq]);
  });

  test('recall, edit and reaction while the recipient’s device is away: the events arrive once, in order, and history shows their result', async () => {
    const ora = await online('ora');
    const pat = await online('pat');
    const d = directConversationId('ora', 'pat');
    const gone = await ora.client.send({ to: 'pat', text: 'wrong chat' });
    const typo = await ora.client.send({ to: 'pat', text: 'tpyo' });
    await waitUntil(() => pat.client.cursor(d) === typo.seq, WAIT_MS, 'pat has both');
    await away(pat);

    const recall = await ora.client.recall(d, gone.seq);
    const edit = await ora.client.edit(d, typo.seq, 'typo');
    const react = await ora.client.react(d, typo.seq, '👍');
    const patBack = await back(pat);
    await eventually(() => {
      assert.deepEqual(shown(patBack, d).map((m) => [m.seq, m.type, m.refSeq]), [
        [recall.seq, MessageType.RECALL, gone.seq],
        [edit.seq, MessageType.EDIT, typo.seq],
        [react.seq, MessageType.REACTION, typo.seq],
      ]);
      assert.equal(shown(patBack, d)[1]!.text, 'typo');
      assert.deepEqual(shown(patBack, d)[2]!.reaction, { op: 'add', emoji: '👍' });
    });
    const [original, fixed] = await patBack.client.pull(d, gone.seq, typo.seq);
    assert.deepEqual([original!.flags & MessageFlag.RECALLED, original!.body.length], [MessageFlag.RECALLED, 0]);
    assert.deepEqual([fixed!.text, fixed!.flags & MessageFlag.EDITED, fixed!.reactions], ['typo', MessageFlag.EDITED, [{ emoji: '👍', users: ['ora'] }]]);
  });

  test('read position and settings set on one device reach my other device that was away; the peer who was away gets the receipt', async () => {
    const rai = await online('rai');
    const raiOther = await online('rai');
    const sol = await online('sol');
    const d = directConversationId('rai', 'sol');
    for (let i = 1; i <= 3; i++) await sol.client.send({ to: 'rai', text: `s${i}` });
    await waitUntil(() => raiOther.client.cursor(d) === 3 && raiOther.client.conversation(d)!.unread === 3, WAIT_MS, 'the other device has three unread');
    await waitUntil(() => sol.client.conversation(d)!.peerDeliveredSeq === 3, WAIT_MS, 'sol knows they were delivered');
    await away(raiOther);
    await away(sol);

    assert.equal(await rai.client.markRead(d), 3);
    await rai.client.setConversationSettings(d, { pinned: true, muted: true });

    const raiBack = await back(raiOther);
    await eventually(() => {
      const state = raiBack.client.conversation(d)!;
      assert.deepEqual([state.readSeq, state.unread, state.pinned, state.muted], [3, 0, true, true]);
      assert.deepEqual(shown(raiBack, noticeConversationId('rai')).map((m) => m.settings), [{ conversationId: d, pinned: true, muted: true }]);
      assert.deepEqual(shown(raiBack, d), []);
    });

    const solBack = await back(sol);
    await eventually(() => {
      assert.deepEqual([solBack.client.conversation(d)!.peerReadSeq, solBack.client.conversation(d)!.pinned], [3, false], 'the receipt, and rai’s settings stay rai’s');
    });
  });

  test('delivered state while the sender is away: the sender’s device comes back knowing how far the recipient holds the messages', async () => {
    const tia = await online('tia');
    const d = directConversationId('tia', 'ugo');
    await tia.client.send({ to: 'ugo', text: 'one' });
    const two = await tia.client.send({ to: 'ugo', text: 'two' });
    await away(tia);

    const ugo = await online('ugo'); // syncs, pulls and acks both
    await waitUntil(() => ugo.client.cursor(d) === two.seq, WAIT_MS, 'ugo has both');
    await settle(); // delivered positions are gathered for a moment before they are stored
    let tiaBack = await back(tia);
    await eventually(() => {
      assert.deepEqual([tiaBack.client.conversation(d)!.peerDeliveredSeq, tiaBack.client.conversation(d)!.peerReadSeq], [two.seq, 0]);
      assert.deepEqual(shown(tiaBack, d), []);
    });

    await away(tiaBack);
    await ugo.client.markRead(d);
    tiaBack = await back(tiaBack);
    assert.equal(tiaBack.client.conversation(d)!.peerReadSeq, two.seq);
  });
});

describe('Pushed state between users who are online', () => {
  const world = sdkWorld(['vic', 'wyn', 'xia', 'yas', 'zoe']);
  const { online, back, away } = roaming(world);

  test('presence: a friend who subscribes is told when the other goes offline (with last seen) and comes back', async () => {
    const vic = await online('vic');
    let wyn = await online('wyn');
    await vic.client.requestFriend('wyn');
    await wyn.client.acceptFriend('vic'); // friends, with no conversation between them
    const events: { userId: string; online: boolean; lastSeen: number }[] = [];
    vic.client.on('presence', (p) => events.push(p));
    const [now] = await vic.client.presence(['wyn'], true);
    assert.deepEqual([now!.userId, now!.online], ['wyn', true]);

    const before = Date.now();
    await wyn.client.close();
    await waitUntil(() => events.length === 1, WAIT_MS, 'offline pushed');
    assert.deepEqual([events[0]!.userId, events[0]!.online], ['wyn', false]);
    assert.ok(events[0]!.lastSeen >= before - 50 && events[0]!.lastSeen <= Date.now(), `last seen ${events[0]!.lastSeen} is when wyn left`);
    const [stored] = await vic.client.presence(['wyn']);
    assert.deepEqual([stored!.online, stored!.lastSeen], [false, events[0]!.lastSeen]);

    wyn = await back(wyn);
    await waitUntil(() => events.length === 2, WAIT_MS, 'online pushed');
    assert.deepEqual([events[1]!.userId, events[1]!.online], ['wyn', true]);
  });

  test('read receipts in a small group are pushed to the other members; one who was away pulls who read', async () => {
    const xia = await online('xia');
    const yas = await online('yas');
    const zoe = await online('zoe');
    const receipts = { xia: [] as ReadReceipt[], zoe: [] as ReadReceipt[] };
    xia.client.on('read', (r) => receipts.xia.push(r));
    zoe.client.on('read', (r) => receipts.zoe.push(r));
    const { conversationId: g } = await xia.client.createGroup('Small', ['yas', 'zoe']);
    const sent = await xia.client.send({ conversationId: g, text: 'read me' });
    await waitUntil(() => yas.client.cursor(g) === sent.seq, WAIT_MS, 'yas has it');

    assert.equal(await yas.client.markRead(g, sent.seq), sent.seq);
    const receipt = { conversationId: g, userId: 'yas', readSeq: sent.seq };
    await waitUntil(() => receipts.xia.length === 1 && receipts.zoe.length === 1, WAIT_MS, 'both other members get the receipt');
    assert.deepEqual([receipts.xia, receipts.zoe], [[receipt], [receipt]]);

    await away(zoe);
    await xia.client.markRead(g, sent.seq);
    const zoeBack = await back(zoe);
    assert.deepEqual((await zoeBack.client.readers(g, sent.seq)).users, ['xia', 'yas'], 'the read zoe missed is there to pull');
  });
});

describe('Offline events on PostgreSQL while another transaction is open on the database server', () => {
  test('a kick committed before the kicked device syncs is in that sync, though an older transaction elsewhere is still open', async () => {
    // Versions are transaction ids and the change feed stops below the oldest open
    // one in the database: an unrelated transaction there that began before the
    // kick must not make the sync leave the kick out (the client would not ask again).
    const db = await createTestDatabase();
    const server = await startTestServer({ store: db.url, jwtSecret: CLUSTER_JWT_SECRET });
    const clients: ParleyClient[] = [];
    const elsewhere = new pg.Client({ connectionString: db.url });
    try {
      const tokens = { own: await registerUser(server.httpUrl, 'pg-own'), kim: await registerUser(server.httpUrl, 'pg-kim') };
      const store = new MemorySessionStore();
      const open = async (token: string, deviceId: string, sessionStore = new MemorySessionStore()) => {
        const client = new ParleyClient({ url: server.wsUrl, token, deviceId, store: sessionStore, reorderWindowMs: 50 });
        const got: Message[] = [];
        client.on('message', (m) => got.push(m));
        clients.push(client);
        await client.connect();
        return { client, got };
      };
      const own = await open(tokens.own, 'own-1');
      let kim = await open(tokens.kim, 'kim-1', store);
      const { conversationId: g } = await own.client.createGroup('Held back', ['pg-kim']);
      await waitUntil(() => kim.client.cursor(g) === 1, WAIT_MS, 'kim has the group');
      await kim.client.close();
      await (await open(tokens.kim, 'kim-1', store)).client.close(); // a token that covers the group

      await elsewhere.connect();
      await elsewhere.query('BEGIN');
      await elsewhere.query('SELECT pg_current_xact_id()'); // an id older than the kick's, held open
      const kick = await own.client.kick(g, ['pg-kim']);
      const release = setTimeout(() => void elsewhere.query('COMMIT'), 300);
      try {
        kim = await open(tokens.kim, 'kim-1', store);
      } finally {
        clearTimeout(release);
      }
      await eventually(() => {
        assert.deepEqual(seqs(kim.got.filter((m) => m.conversationId === g)), [kick.seq], 'the kick, in the sync right after it');
        assert.equal(kim.client.conversation(g)?.left, true);
      });
    } finally {
      await elsewhere.end().catch(() => {});
      await Promise.all(clients.map((c) => c.close()));
      await server.stop();
      await db.drop();
    }
  });
});
