import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { directConversationId, ErrorCode, MessageFlag, MessageType } from '@parley/protocol';
import { waitUntil, WAIT_MS } from '@parley/testkit';
import { ParleyClient, type ConversationInfo } from '../src/index.ts';
import { sdkWorld } from './world.ts';

describe('Conversation list: each conversation with its last message', () => {
  const world = sdkWorld(['ana', 'bo', 'cy', 'di']);
  const open = async (user: string) => (await world.open(user)).client;

  test('a new device lists every conversation with its last message from sync, before pulling any history', async () => {
    const [ana, bo, cy, di] = await Promise.all(['ana', 'bo', 'cy', 'di'].map(open)) as [ParleyClient, ParleyClient, ParleyClient, ParleyClient];
    // Edited: bo's reply, edited after ana's device had it.
    await ana.send({ to: 'bo', text: 'hi bo' });
    const reply = await bo.send({ to: 'ana', text: 'hi ana' });
    await bo.edit(reply.conversationId, reply.seq, 'hello ana');
    // Recalled: ana's last message to cy.
    await ana.send({ to: 'cy', text: 'one' });
    const oops = await ana.send({ to: 'cy', text: 'oops' });
    await ana.recall(oops.conversationId, oops.seq);
    // Deleted for ana: di's last message; the one before shows.
    await di.send({ to: 'ana', text: 'keep' });
    const secret = await di.send({ to: 'ana', text: 'secret' });
    await waitUntil(() => ana.cursor(secret.conversationId) >= secret.seq, WAIT_MS, 'ana has the secret');
    await ana.deleteForMe(secret.conversationId, secret.seq);
    // Kicked: ana sees her removal and nothing after it.
    const { conversationId: g1 } = await bo.createGroup('Kicked from', ['ana', 'cy']);
    await cy.send({ conversationId: g1, text: 'before the kick' });
    const kick = await bo.kick(g1, ['ana']);
    await bo.send({ conversationId: g1, text: 'after the kick' });
    // Nothing said yet: the creation event is the last message.
    const { conversationId: g2, seq: created } = await ana.createGroup('Quiet', ['bo']);

    const fresh = new ParleyClient({ url: world.server.wsUrl, token: world.tokens.ana!, deviceId: 'ana-brand-new', reorderWindowMs: 50 });
    const firstSeen = new Map<string, { info: ConversationInfo; messagesBefore: number }>();
    const delivered = new Map<string, number>();
    fresh.on('message', (m) => delivered.set(m.conversationId, (delivered.get(m.conversationId) ?? 0) + 1));
    fresh.on('conversation', (info) => {
      if (!firstSeen.has(info.conversationId)) firstSeen.set(info.conversationId, { info, messagesBefore: delivered.get(info.conversationId) ?? 0 });
    });
    try {
      await fresh.connect();
      const seen = (id: string) => {
        const s = firstSeen.get(id);
        assert.ok(s, `${id} listed`);
        assert.equal(s.messagesBefore, 0, `${id}: known from sync before any of its history was delivered`);
        assert.ok(s.info.lastMessage, `${id} has a last message`);
        return s.info.lastMessage;
      };
      const edited = seen(directConversationId('ana', 'bo'));
      assert.deepEqual([edited.seq, edited.text, edited.flags & MessageFlag.EDITED, edited.senderId], [reply.seq, 'hello ana', MessageFlag.EDITED, 'bo']);
      const recalled = seen(directConversationId('ana', 'cy'));
      assert.deepEqual([recalled.seq, recalled.flags & MessageFlag.RECALLED, recalled.body.length], [oops.seq, MessageFlag.RECALLED, 0], 'shown as recalled, without its content');
      const kept = seen(directConversationId('ana', 'di'));
      assert.deepEqual([kept.seq, kept.text], [secret.seq - 1, 'keep'], 'the message deleted for ana is skipped');
      const removal = seen(g1);
      assert.deepEqual([removal.seq, removal.type, removal.membership?.op], [kick.seq, MessageType.MEMBERSHIP, 'kick'], 'her removal, not what came after');
      assert.equal(firstSeen.get(g1)!.info.left, true);
      const creation = seen(g2);
      assert.deepEqual([creation.seq, creation.membership?.op], [created, 'create']);

      const list = fresh.conversationList();
      assert.equal(list[0]!.conversationId, g2, 'the latest activity first');
      const times = list.map((c) => c.lastMessage?.serverTime ?? 0);
      assert.deepEqual(times, [...times].sort((a, b) => b - a), 'by last activity, newest first');
    } finally {
      await fresh.close();
    }
  });

  test('the last message follows new messages, edits, reactions, recalls and deletions live, on every device', async () => {
    const ana = await open('ana');
    const ana2 = await open('ana');
    const bo = await open('bo');
    const d = directConversationId('ana', 'bo');
    const last = (c: ParleyClient) => c.conversation(d)?.lastMessage;
    const x = await bo.send({ to: 'ana', text: 'x' });
    await waitUntil(() => last(ana)?.seq === x.seq && last(ana)?.text === 'x', WAIT_MS, 'a new message is the last one');
    await bo.edit(d, x.seq, 'x, edited');
    await waitUntil(() => last(ana)?.text === 'x, edited' && (last(ana)!.flags & MessageFlag.EDITED) !== 0, WAIT_MS, 'the edit shows');
    assert.equal(last(bo)?.text, 'x, edited', "the editor's own device too");
    await ana.react(d, x.seq, '👍');
    assert.deepEqual(last(ana)?.reactions, [{ emoji: '👍', users: ['ana'] }]);
    await waitUntil(() => last(bo)?.reactions.length === 1, WAIT_MS, 'bo sees the reaction on it');
    assert.equal(last(bo)?.seq, x.seq, 'a reaction is not a last message of its own');
    await bo.recall(d, x.seq);
    await waitUntil(() => ((last(ana)?.flags ?? 0) & MessageFlag.RECALLED) !== 0, WAIT_MS, 'the recall shows');
    assert.deepEqual([last(ana)?.seq, last(ana)?.body.length, last(ana)?.text], [x.seq, 0, '']);
    const y = await bo.send({ to: 'ana', text: 'y' });
    await waitUntil(() => last(ana)?.seq === y.seq && last(ana2)?.seq === y.seq, WAIT_MS, 'both devices have y');
    await ana.deleteForMe(d, y.seq);
    await waitUntil(() => last(ana)?.seq === x.seq && last(ana2)?.seq === x.seq, WAIT_MS, 'deleting the last message shows the one before, on both devices');
    assert.equal(last(bo)?.seq, y.seq, 'bo keeps it');
  });
});

describe('Group presence, pulled a page at a time', () => {
  const world = sdkWorld(['gia', 'hal', 'ivo', 'jon', 'kim']);
  const open = async (user: string) => (await world.open(user)).client;

  test('members only: who is online and when the others were last seen, in pages', async () => {
    const gia = await open('gia');
    const hal = await open('hal');
    const ivo = await open('ivo');
    const kim = await open('kim');
    const jon = await open('jon');
    const { conversationId: g } = await gia.createGroup('Presence', ['hal', 'ivo', 'kim']);
    await waitUntil(() => kim.conversation(g) !== undefined, WAIT_MS, 'kim knows the group');
    const leftAt = Date.now();
    await ivo.close();
    const all = async () => {
      const first = await gia.groupPresence(g, { limit: 2 });
      const rest = await gia.groupPresence(g, { after: first.next, limit: 2 });
      return { first, rest };
    };
    // Going offline is recorded just after the connection closes.
    for (let i = 0; ; i++) {
      if ((await gia.groupPresence(g)).users.some((u) => u.userId === 'ivo' && !u.online && u.lastSeen > 0)) break;
      assert.ok(i < 100, 'ivo offline with a last seen');
      await new Promise((r) => setTimeout(r, 30));
    }
    const { first, rest } = await all();
    assert.deepEqual(first.users.map((u) => [u.userId, u.online]), [['gia', true], ['hal', true]]);
    assert.equal(first.next, 'hal');
    assert.deepEqual(rest.users.map((u) => [u.userId, u.online]), [['ivo', false], ['kim', true]]);
    assert.equal(rest.next, '', 'the last page');
    const ivoSeen = rest.users[0]!.lastSeen;
    assert.ok(ivoSeen >= leftAt - 1000 && ivoSeen <= Date.now(), `last seen when ivo left (${ivoSeen})`);
    assert.ok(first.users.every((u) => u.lastSeen > 0), 'online members: now');

    await assert.rejects(jon.groupPresence(g), { code: ErrorCode.NOT_MEMBER }, 'not a member');
    await kim.leaveGroup(g);
    await assert.rejects(kim.groupPresence(g), { code: ErrorCode.NOT_MEMBER }, 'a member who left');
    assert.deepEqual((await hal.groupPresence(g)).users.map((u) => u.userId), ['gia', 'hal', 'ivo'], 'current members only');
    await assert.rejects(hal.groupPresence(g, { after: 'not a user id!' }), { code: ErrorCode.INVALID_ARGUMENT });
  });
});
