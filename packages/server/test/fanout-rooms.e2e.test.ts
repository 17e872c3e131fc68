/**
 * Large groups fan out through a room: the online sessions of the group's members
 * on this node, kept between messages while the member list does not change. The
 * room must follow every connect, disconnect, replaced connection, invite and
 * kick; a stale room would push to a removed member or miss a new device.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GroupOp, MessageType, type parley } from '@parley/protocol';
import { fetchMetrics, openAuthed, registerUser, startTestServer, type RawClient, type TestServer } from '@parley/testkit';

let server: TestServer;
const tokens = new Map<string, string>();
const users = ['owner', 'm1', 'm2', 'm3', 'outsider'];

before(async () => {
  // Groups of more than 3 members are large: they fan out through rooms.
  server = await startTestServer({ largeGroupThreshold: 3 });
  for (const u of users) tokens.set(u, await registerUser(server.httpUrl, u));
});
after(() => server.stop());

const open = (user: string, device: string, transport: 'ws' | 'tcp' = 'tcp') =>
  openAuthed(transport === 'ws' ? server.wsUrl : server.tcpUrl, tokens.get(user)!, device);

const pushesOf = (client: RawClient, clientMsgId: string): parley.Frame[] =>
  client.frames.filter((f) => f.body === 'push' && f.push!.message!.clientMsgId === clientMsgId);

async function metric(name: string): Promise<number> {
  const text = await fetchMetrics(server.httpUrl);
  return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)![1]);
}
const roomRuns = () => metric('parley_fanout_room_runs_total');

test('Rooms › a large group reaches exactly its online members through connects, disconnects, invites and kicks', async () => {
  const owner = await open('owner', 'o');
  const m1a = await open('m1', 'a', 'ws');
  const m2 = await open('m2', 'p');
  const outsider = await open('outsider', 'x');
  const clients: RawClient[] = [owner, m1a, m2, outsider];
  try {
    const created = await owner.request({ group: { op: GroupOp.CREATE, name: 'big', users: ['m1', 'm2', 'm3'], clientMsgId: 'create' } });
    assert.equal(created.body, 'groupResult', created.error?.message ?? '');
    const g = created.groupResult!.conversationId!;
    let n = 0;
    /** The owner sends one message; resolves once `expect` have it, then checks nobody else does. */
    const say = async (expect: RawClient[], others: RawClient[]) => {
      const id = `msg-${++n}`;
      const ack = await owner.request({ send: { conversationId: g, clientMsgId: id, type: MessageType.TEXT, body: new TextEncoder().encode(id) } });
      assert.equal(ack.body, 'sendAck', ack.error?.message ?? '');
      for (const c of expect) await c.waitFor((f) => f.push?.message?.clientMsgId === id);
      // A push to anyone else would have been written in the same turn as these.
      await new Promise((r) => setTimeout(r, 100));
      for (const c of expect) assert.equal(pushesOf(c, id).length, 1, `${id} pushed once`);
      for (const c of others) assert.equal(pushesOf(c, id).length, 0, `${id} not pushed to a non-member`);
    };

    const before = await roomRuns();
    await say([m1a, m2], [outsider, owner]);
    assert.ok((await roomRuns()) > before, 'the message went out through a room');

    // A member who connects after the room was built, and a second device of a member.
    const m3 = await open('m3', 'p');
    const m1b = await open('m1', 'b');
    clients.push(m3, m1b);
    await say([m1a, m1b, m2, m3], [outsider]);

    // Kicked: the kick event reaches m2, nothing after it does.
    const kicked = await owner.request({ group: { op: GroupOp.KICK, conversationId: g, users: ['m2'], clientMsgId: 'kick' } });
    assert.equal(kicked.body, 'groupResult', kicked.error?.message ?? '');
    await m2.waitFor((f) => f.push?.message?.clientMsgId === 'kick');
    await say([m1a, m1b, m3], [m2, outsider]);

    // Invited while online: the next message reaches them.
    const invited = await owner.request({ group: { op: GroupOp.INVITE, conversationId: g, users: ['outsider'], clientMsgId: 'invite' } });
    assert.equal(invited.body, 'groupResult', invited.error?.message ?? '');
    await say([m1a, m1b, m3, outsider], [m2]);

    // A device that disconnects leaves the room; the user's other device still gets pushes.
    m1a.close();
    await m1a.waitForClose();
    await say([m1b, m3, outsider], [m2]);

    // A device that reconnects replaces its old connection: one push, on the new one.
    const m3again = await open('m3', 'p', 'ws');
    clients.push(m3again);
    await m3.waitForClose();
    await say([m1b, m3again, outsider], [m2, m3]);
  } finally {
    for (const c of clients) c.close();
  }
});

test('Rooms › a burst to a large group costs each connection a few writes, not one per message', async () => {
  const owner = await open('owner', 'burst-o');
  const members = [await open('m1', 'burst-1'), await open('m3', 'burst-3', 'ws'), await open('outsider', 'burst-x')];
  try {
    const created = await owner.request({ group: { op: GroupOp.CREATE, name: 'burst', users: ['m1', 'm3', 'outsider'], clientMsgId: 'create-burst' } });
    assert.equal(created.body, 'groupResult', created.error?.message ?? '');
    const g = created.groupResult!.conversationId!;
    for (const c of members) await c.waitFor((f) => f.push?.message?.clientMsgId === 'create-burst');
    const N = 40;
    const writesBefore = await metric('parley_socket_writes_total');
    const acks = Array.from({ length: N }, (_, i) =>
      owner.request({ send: { conversationId: g, clientMsgId: `burst-${i}`, type: MessageType.TEXT, body: new TextEncoder().encode(`b${i}`) } }),
    );
    for (const a of await Promise.all(acks)) assert.equal(a.body, 'sendAck', a.error?.message ?? '');
    for (const c of members) await c.waitFor((f) => f.push?.message?.clientMsgId === `burst-${N - 1}`);
    const writes = (await metric('parley_socket_writes_total')) - writesBefore;
    for (const c of members) {
      const seqs = c.frames.filter((f) => f.push?.message?.clientMsgId?.startsWith('burst-')).map((f) => Number(f.push!.message!.seq));
      assert.deepEqual(seqs, Array.from({ length: N }, (_, i) => i + 2), 'every message once, in order');
    }
    // 40 acks and 120 pushes: one write per frame would be 160.
    assert.ok(writes < N, `${writes} writes for ${N} messages to ${members.length} devices and their ${N} acks`);
  } finally {
    owner.close();
    for (const c of members) c.close();
  }
});
