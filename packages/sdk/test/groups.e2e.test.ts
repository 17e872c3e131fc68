import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ErrorCode, MessageType } from '@parley/protocol';
import { registerUser, startTestServer, waitUntil, type TestServer, WAIT_MS } from '@parley/testkit';
import { ParleyClient, type Message } from '../src/index.ts';

describe('Groups', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const clients: ParleyClient[] = [];
  const open = async (user: string, device = `${user}-1`) => {
    const client = new ParleyClient({ url: server.wsUrl, token: tokens[user]!, deviceId: device, reorderWindowMs: 50 });
    const got: Message[] = [];
    client.on('message', (m) => got.push(m));
    clients.push(client);
    await client.connect();
    return { client, got };
  };

  before(async () => {
    server = await startTestServer();
    for (const u of ['owner', 'amy', 'bo', 'cy', 'late']) tokens[u] = await registerUser(server.httpUrl, u);
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.stop();
  });

  test('create, chat, invite, kick and leave: membership events are timeline messages every device sees in order', async () => {
    const owner = await open('owner');
    const amy = await open('amy');
    const bo = await open('bo');
    const group = await owner.client.createGroup('Team', ['amy', 'bo']);
    assert.equal(group.seq, 1);
    assert.match(group.conversationId, /^g:/);
    assert.deepEqual(group.message.membership, { op: 'create', actor: 'owner', users: ['amy', 'bo'], name: 'Team' });
    const g = group.conversationId;
    await amy.client.send({ conversationId: g, text: 'hi all' });
    await bo.client.send({ conversationId: g, text: 'hey' });
    for (const d of [owner, amy, bo]) await waitUntil(() => d.got.length === 3, WAIT_MS, 'three timeline items');
    for (const d of [owner, amy, bo]) assert.deepEqual(d.got.map((m) => m.seq), [1, 2, 3]);

    // A late joiner sees the group from their own join event on, not before.
    const inv = await owner.client.invite(g, ['late']);
    assert.equal(inv.seq, 4);
    const late = await open('late');
    await owner.client.send({ conversationId: g, text: 'welcome' });
    await waitUntil(() => late.got.length === 2, WAIT_MS, 'late joiner catch-up');
    assert.deepEqual(late.got.map((m) => [m.seq, m.type]), [[4, MessageType.MEMBERSHIP], [5, MessageType.TEXT]]);
    const history = await late.client.pull(g, 1);
    assert.deepEqual(history.map((m) => m.seq), [4, 5], 'history starts at the join point');

    // Kicked: sees the kick event, nothing after, and cannot send or pull beyond it.
    const kick = await owner.client.kick(g, ['bo']);
    await owner.client.send({ conversationId: g, text: 'after bo left' });
    await waitUntil(() => amy.got.length === 7, WAIT_MS, 'amy sees everything');
    await waitUntil(() => bo.got.some((m) => m.seq === kick.seq), WAIT_MS, 'bo sees his removal');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(Math.max(...bo.got.map((m) => m.seq)), kick.seq, 'nothing after the kick reaches bo');
    await assert.rejects(bo.client.send({ conversationId: g, text: 'still here?' }), { code: ErrorCode.NOT_MEMBER });
    const boHistory = await bo.client.pull(g, 1);
    assert.equal(boHistory[boHistory.length - 1]!.seq, kick.seq, 'bo cannot pull past his removal');

    // Leave.
    const left = await amy.client.leaveGroup(g);
    assert.deepEqual(left.message.membership, { op: 'leave', actor: 'amy', users: [] });
    await assert.rejects(amy.client.send({ conversationId: g, text: 'x' }), { code: ErrorCode.NOT_MEMBER });
  });

  test('roles: members cannot invite or kick, nobody kicks the owner, the owner cannot leave', async () => {
    const owner = await open('owner', 'owner-2');
    const cy = await open('cy');
    const { conversationId: g } = await owner.client.createGroup('Roles', ['cy', 'amy']);
    await assert.rejects(cy.client.invite(g, ['bo']), { code: ErrorCode.FORBIDDEN });
    await assert.rejects(cy.client.kick(g, ['amy']), { code: ErrorCode.FORBIDDEN });
    await assert.rejects(owner.client.leaveGroup(g), { code: ErrorCode.FORBIDDEN });
    await assert.rejects(owner.client.kick(g, ['owner']), { code: ErrorCode.FORBIDDEN });
    await assert.rejects(owner.client.invite(g, ['cy']), { code: ErrorCode.ALREADY_MEMBER });
    await assert.rejects(owner.client.invite(g, ['ghost']), { code: ErrorCode.USER_NOT_FOUND });
    await assert.rejects(owner.client.kick(g, ['bo']), { code: ErrorCode.NOT_MEMBER });
    await assert.rejects(owner.client.createGroup('', ['cy']), { code: ErrorCode.INVALID_ARGUMENT });
    await assert.rejects(owner.client.send({ conversationId: g, type: MessageType.MEMBERSHIP, body: new Uint8Array([123]) }), { code: ErrorCode.INVALID_ARGUMENT });
    const stranger = await open('bo', 'bo-2');
    await assert.rejects(stranger.client.pull(g, 1), { code: ErrorCode.NOT_MEMBER });
  });

  test('an offline member catches up on group messages and membership events through sync', async () => {
    const owner = await open('owner', 'owner-3');
    const { conversationId: g } = await owner.client.createGroup('Offline', ['cy']);
    for (let i = 0; i < 5; i++) await owner.client.send({ conversationId: g, text: `m${i}` });
    await owner.client.invite(g, ['amy']);
    const cy = await open('cy', 'cy-fresh');
    await waitUntil(() => cy.got.filter((m) => m.conversationId === g).length === 7, WAIT_MS, 'cy catches up');
    assert.deepEqual(cy.got.filter((m) => m.conversationId === g).map((m) => m.seq), [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(cy.got.find((m) => m.conversationId === g && m.seq === 7)!.membership?.op, 'invite');
  });
});
