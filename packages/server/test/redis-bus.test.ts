/**
 * RedisBus against a real Redis (PARLEY_TEST_REDIS_URL, default 127.0.0.1:6379).
 * Each run uses its own key prefix and deletes its keys at the end, so runs can
 * share a server. Without a reachable Redis these tests fail: they do not skip.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { Redis } from 'ioredis';
import { withDeadline } from '@parley/testkit';
import type { BusEvent, NodeInfo } from '../src/chat/types.ts';
import { decodeBusFrame, encodeBusFrame } from '../src/cluster/redis/event-codec.ts';
import { RedisBus } from '../src/cluster/redis/redis-bus.ts';

const REDIS_URL = process.env.PARLEY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `parley-test-${randomBytes(6).toString('hex')}`;
const HEARTBEAT_MS = 100;

const admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });

after(async () => {
  if (admin.status === 'ready') {
    const keys = await prefixKeys();
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  } else {
    admin.disconnect();
  }
});

async function prefixKeys(): Promise<string[]> {
  if (admin.status === 'wait') await admin.connect();
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await admin.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

/** The tests kill connections on purpose: the errors that follow are expected. */
const quiet = () => {};

/** A node's bus, closed when the test ends. */
async function node(t: { after(fn: () => Promise<void>): void }, id: string): Promise<RedisBus> {
  const bus = await RedisBus.open({ url: REDIS_URL, prefix: PREFIX, nodeId: id, heartbeatMs: HEARTBEAT_MS, log: quiet });
  t.after(() => bus.close());
  return bus;
}

function received(bus: RedisBus): BusEvent[] {
  const events: BusEvent[] = [];
  bus.subscribe((e) => events.push(e));
  return events;
}

function missedCount(bus: RedisBus): { count: number } {
  const counter = { count: 0 };
  bus.onMissed(() => counter.count++);
  return counter;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await sleep(10);
  }
}

/** Kill one of a node's connections, found by the name RedisBus gives it. */
async function killConnection(nodeId: string, which: 'events' | 'commands'): Promise<void> {
  if (admin.status === 'wait') await admin.connect();
  const list = (await admin.client('LIST')) as string;
  const line = list.split('\n').find((l) => l.includes(` name=${PREFIX}:${nodeId}:${which} `));
  const id = line?.match(/^id=(\d+)/)?.[1];
  assert.ok(id, `no ${which} connection of ${nodeId}`);
  await admin.client('KILL', 'ID', id);
}

function info(id: string, connections = 0): NodeInfo {
  return { id, httpUrl: `http://${id}`, wsUrl: `ws://${id}`, tcpUrl: `tcp://${id}`, startedAt: 1700000000000, draining: false, connections };
}

/** One event of every kind, with every field set to something other than its default. */
function everyKind(): BusEvent[] {
  const body = new Uint8Array(256);
  for (let i = 0; i < 256; i++) body[i] = i;
  return [
    {
      kind: 'message',
      message: {
        id: 'm-1',
        conversationId: 'g:team',
        seq: Number.MAX_SAFE_INTEGER,
        senderId: 'alice',
        senderDevice: 'phone',
        clientMsgId: 'c-1',
        type: 7,
        body,
        serverTime: 1764428400123,
        flags: 3,
        refSeq: 41,
        mentions: ['bob', 'carol'],
        mentionAll: true,
        replyTo: 40,
        reactions: [
          { emoji: '👍', users: ['bob', 'carol'] },
          { emoji: '🎉', users: ['dave'] },
        ],
      },
      recipients: ['alice', 'bob', 'carol', 'dave'],
      originSession: 's-1',
    },
    { kind: 'typing', conversationId: 'd:alice:bob', userId: 'alice', typing: true, recipients: ['bob'], originSession: 's-2' },
    { kind: 'read', conversationId: 'd:alice:bob', userId: 'bob', readSeq: 17, recipients: ['alice', 'bob'], originSession: 's-3' },
    { kind: 'block', userId: 'alice', blockedId: 'eve', recipients: ['alice', 'eve'], originSession: 's-4' },
    { kind: 'presence', userId: 'carol', online: true, time: 1764428400999, recipients: [], originSession: 's-5' },
    { kind: 'delivered', conversationId: 'g:team', userId: 'dave', deliveredSeq: 12, recipients: ['alice', 'dave'], originSession: 's-6' },
  ];
}

test('the codec keeps every field of every event kind, and control frames', () => {
  const emptyMessage: BusEvent = {
    kind: 'message',
    message: { id: '', conversationId: '', seq: 0, senderId: '', senderDevice: '', clientMsgId: '', type: 0, body: new Uint8Array(0), serverTime: 0, flags: 0, refSeq: 0, mentions: [], mentionAll: false, replyTo: 0, reactions: [] },
    recipients: [],
    originSession: '',
  };
  for (const event of [...everyKind(), emptyMessage]) {
    assert.deepStrictEqual(decodeBusFrame(encodeBusFrame({ from: 'node-a', event })), { from: 'node-a', event });
  }
  assert.deepStrictEqual(decodeBusFrame(encodeBusFrame({ from: 'node-a', control: 'missed' })), { from: 'node-a', control: 'missed' });
  assert.throws(() => decodeBusFrame(Buffer.from('garbage')));
});

test('an event reaches every other node once and the publisher once, at once', async (t) => {
  const [a, b, c] = await Promise.all([node(t, 'fan-a'), node(t, 'fan-b'), node(t, 'fan-c')]);
  const [atA, atB, atC] = [received(a), received(b), received(c)];
  const events = everyKind();
  for (const event of events) a.publish(event);
  assert.equal(atA.length, events.length, "the publisher's listener gets its events in the same tick");
  await waitFor('b and c got every event', () => atB.length >= events.length && atC.length >= events.length);
  await sleep(5 * HEARTBEAT_MS); // room for a duplicate or an echo to show up
  assert.deepStrictEqual(atB, events, 'in order, each once, every field intact');
  assert.deepStrictEqual(atC, events);
  assert.equal(atA.length, events.length, 'a node ignores its own events coming back');
  assert.equal(b.stats.received, events.length);
});

test('the online registry spans nodes', async (t) => {
  const [a, b] = await Promise.all([node(t, 'online-a'), node(t, 'online-b')]);
  assert.equal(await b.isOnline('u1'), false);
  a.setLocalDevices('u1', 2);
  assert.equal(await a.isOnline('u1'), true);
  await waitFor('b sees u1 online', () => b.isOnline('u1'));
  b.setLocalDevices('u1', 1);
  a.setLocalDevices('u1', 0);
  await waitFor('a sees u1 online through b only', async () => (await admin.hexists(`${PREFIX}:online:u1`, 'online-a')) === 0);
  assert.equal(await a.isOnline('u1'), true);
  b.setLocalDevices('u1', 0);
  await waitFor('u1 offline everywhere', async () => !(await a.isOnline('u1')) && !(await b.isOnline('u1')));
});

test('onlineOf answers for many users at once, across nodes, without closed nodes', async (t) => {
  const [a, b, c] = await Promise.all([node(t, 'many-a'), node(t, 'many-b'), node(t, 'many-c')]);
  a.setLocalDevices('m1', 1);
  a.setLocalDevices('m2', 2);
  b.setLocalDevices('m3', 1);
  c.setLocalDevices('m4', 1);
  const users = ['m1', 'm2', 'm3', 'm4', 'm5', 'm1'];
  const sorted = async (bus: RedisBus) => [...(await bus.onlineOf(users))].sort();
  await waitFor('every node sees m1–m4 online', async () => (await sorted(a)).join() === 'm1,m2,m3,m4' && (await sorted(b)).join() === 'm1,m2,m3,m4');
  assert.deepEqual([...(await b.onlineOf([]))], []);
  await c.close();
  assert.deepEqual(await sorted(a), ['m1', 'm2', 'm3'], "a closed node's users are offline");
  a.setLocalDevices('m2', 0);
  await waitFor('m2 offline for b', async () => (await sorted(b)).join() === 'm1,m3');
});

test('the node registry lists live nodes with their latest description; close removes a node at once', async (t) => {
  const [a, b] = await Promise.all([node(t, 'reg-a'), node(t, 'reg-b')]);
  let connections = 0;
  a.announce(() => info('reg-a', connections));
  b.announce(() => info('reg-b'));
  const ids = async () => (await a.nodes()).map((n) => n.id).sort();
  await waitFor('both listed', async () => (await ids()).join() === 'reg-a,reg-b');
  assert.deepStrictEqual((await b.nodes()).find((n) => n.id === 'reg-a'), info('reg-a', 0));
  connections = 5;
  await waitFor('a heartbeat carries the new description', async () => (await b.nodes()).find((n) => n.id === 'reg-a')?.connections === 5);
  b.setLocalDevices('u2', 1);
  await waitFor('u2 online', () => a.isOnline('u2'));
  await b.close();
  assert.deepStrictEqual(await ids(), ['reg-a']);
  assert.equal(await a.isOnline('u2'), false);
});

test('a node killed with SIGKILL drops out of both registries within three heartbeats', async (t) => {
  const watcher = await node(t, 'kill-watcher');
  const fixture = fileURLToPath(new URL('./fixtures/redis-bus-node.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, REDIS_URL, PREFIX, 'kill-victim', 'u3'], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => void child.kill('SIGKILL'));
  const ready = Promise.race([once(child.stdout, 'data'), once(child, 'exit').then(() => assert.fail('the node exited'))]);
  const [line] = (await withDeadline(ready, 'the victim node to say ready', 30_000)) as [Buffer];
  assert.equal(line.toString().trim(), 'ready');
  await waitFor('the victim is listed and u3 online', async () => (await watcher.nodes()).some((n) => n.id === 'kill-victim') && (await watcher.isOnline('u3')));
  child.kill('SIGKILL');
  await withDeadline(once(child, 'exit'), 'the victim node to exit');
  const killedAt = Date.now();
  await waitFor('u3 offline', async () => !(await watcher.isOnline('u3')));
  await waitFor('the victim is not listed', async () => !(await watcher.nodes()).some((n) => n.id === 'kill-victim'));
  assert.ok(Date.now() - killedAt < 3 * HEARTBEAT_MS + 500, 'expired about 3 heartbeats after the last one');
  assert.equal(await admin.hexists(`${PREFIX}:online:u3`, 'kill-victim'), 0, "isOnline removed the dead node's entry");
  assert.equal(await admin.sismember(`${PREFIX}:nodes`, 'kill-victim'), 0, 'nodes() removed the dead node from the set');
});

test('entries lost in Redis (keys deleted, as by FLUSHALL) are written again by the next heartbeat', async (t) => {
  const [a, b] = await Promise.all([node(t, 'loss-a'), node(t, 'loss-b')]);
  a.announce(() => info('loss-a'));
  a.setLocalDevices('u4', 1);
  a.setLocalDevices('u5', 3);
  await waitFor('a listed and its users online', async () => (await b.nodes()).some((n) => n.id === 'loss-a') && (await b.isOnline('u4')) && (await b.isOnline('u5')));
  const keys = await prefixKeys();
  assert.ok(keys.length > 0);
  await admin.del(...keys);
  assert.equal(await b.isOnline('u4'), false, 'gone for now');
  await waitFor('a listed again and its users online again', async () => (await b.nodes()).some((n) => n.id === 'loss-a') && (await b.isOnline('u4')) && (await b.isOnline('u5')));
  assert.equal(await admin.hget(`${PREFIX}:online:u5`, 'loss-a'), '3');
});

test('a killed subscriber connection: onMissed fires once it is back, and events flow again', async (t) => {
  const [a, b] = await Promise.all([node(t, 'sub-a'), node(t, 'sub-b')]);
  const [missedA, missedB] = [missedCount(a), missedCount(b)];
  const atB = received(b);
  await killConnection('sub-b', 'events');
  await waitFor('b was told it missed events', () => missedB.count === 1);
  const typing: BusEvent = { kind: 'typing', conversationId: 'c', userId: 'u', typing: true, recipients: ['v'], originSession: 's' };
  a.publish(typing);
  await waitFor('b receives again', () => atB.length === 1);
  assert.deepStrictEqual(atB, [typing]);
  assert.equal(missedA.count, 0, 'a lost nothing');
  assert.equal(missedB.count, 1);
});

test('events dropped while the command connection is down: the other nodes are told to resync once it is back', async (t) => {
  const [a, b, c] = await Promise.all([node(t, 'pub-a'), node(t, 'pub-b'), node(t, 'pub-c')]);
  const [missedA, missedB, missedC] = [missedCount(a), missedCount(b), missedCount(c)];
  const atA = received(a);
  const typing: BusEvent = { kind: 'typing', conversationId: 'c', userId: 'u', typing: false, recipients: ['v'], originSession: 's' };
  await killConnection('pub-a', 'commands');
  // The close may reach the bus a moment after the kill; publish until one is dropped.
  let published = 0;
  while (a.stats.dropped === 0) {
    assert.doesNotThrow(() => a.publish(typing), 'publishing while Redis is gone does not throw');
    published++;
    assert.ok(published < 1000, 'no event was dropped');
    await sleep(1);
  }
  assert.equal(atA.length, published, 'local listeners got every event anyway');
  await waitFor('b and c were told they missed events', () => missedB.count === 1 && missedC.count === 1);
  assert.equal(missedA.count, 0);
  const atB = received(b);
  a.publish(typing);
  await waitFor('b receives again', () => atB.length === 1);
});

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await withDeadline(once(server, 'listening'), 'a probe server to listen');
  const { port } = server.address() as AddressInfo;
  server.close();
  await withDeadline(once(server, 'close'), 'the probe server to close');
  return port;
}

/** A Redis server of this test alone, without persistence, so a restart loses everything. */
async function privateRedis(port: number): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  server.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await waitFor('redis-server is ready', () => out.includes('Ready to accept connections'));
  return server;
}

test('Redis restarting empty: nothing throws while it is down, and once it is back the nodes resync and rewrite their entries', async (t) => {
  const port = await freePort();
  let server = await privateRedis(port);
  t.after(() => void server.kill('SIGKILL'));
  const open = async (id: string) => {
    const bus = await RedisBus.open({ url: `redis://127.0.0.1:${port}`, prefix: PREFIX, nodeId: id, heartbeatMs: HEARTBEAT_MS, log: quiet });
    t.after(() => bus.close());
    return bus;
  };
  const [a, b] = await Promise.all([open('restart-a'), open('restart-b')]);
  a.announce(() => info('restart-a'));
  a.setLocalDevices('u6', 1);
  const [missedA, missedB] = [missedCount(a), missedCount(b)];
  const atB = received(b);
  await waitFor('u6 online', () => b.isOnline('u6'));

  server.kill('SIGKILL');
  await withDeadline(once(server, 'exit'), 'redis-server to exit');
  const typing: BusEvent = { kind: 'typing', conversationId: 'c', userId: 'u', typing: true, recipients: ['v'], originSession: 's' };
  await waitFor('a publish is dropped', async () => {
    a.publish(typing);
    await sleep(5);
    return a.stats.dropped > 0;
  });
  a.setLocalDevices('u7', 2); // written once Redis is back
  await assert.rejects(b.isOnline('u6'), 'isOnline does not guess while Redis is gone');
  await assert.rejects(b.onlineOf(['u6', 'u7']), 'nor does onlineOf');
  await assert.rejects(b.nodes());
  await sleep(3 * HEARTBEAT_MS);

  server = await privateRedis(port);
  await waitFor('both were told they missed events', () => missedA.count >= 1 && missedB.count >= 1);
  await waitFor('the entries are back', async () => (await b.isOnline('u6')) && (await b.isOnline('u7')) && (await b.nodes()).some((n) => n.id === 'restart-a'));
  assert.deepEqual([...(await b.onlineOf(['u6', 'u7', 'u8']))].sort(), ['u6', 'u7']);
  atB.length = 0;
  a.publish(typing);
  await waitFor('events flow again', () => atB.length === 1);
});

test('open fails when Redis cannot be reached', async () => {
  await assert.rejects(RedisBus.open({ url: 'redis://127.0.0.1:1', prefix: PREFIX, nodeId: 'nowhere', log: quiet }));
});
