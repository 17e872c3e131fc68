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
import { CLUSTER_JWT_SECRET, createTestDatabase, postgresAdminUrl, registerUser, startTestServer, waitUntil } from '@parley/testkit';
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

describe('Offline events on PostgreSQL while another transaction is open on the database server', () => {
  test('a kick committed before the kicked device syncs is in that sync, though an older transaction elsewhere is still open', async () => {
    // Versions are transaction ids and the change feed stops below the oldest open
    // one, on the whole server: an unrelated transaction that began before the kick
    // must not make the sync leave the kick out (the client would not ask again).
    const db = await createTestDatabase();
    const server = await startTestServer({ store: db.url, jwtSecret: CLUSTER_JWT_SECRET });
    const clients: ParleyClient[] = [];
    const elsewhere = new pg.Client({ connectionString: postgresAdminUrl() });
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
      await waitUntil(() => kim.client.cursor(g) === 1, 3000, 'kim has the group');
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
      await settle();
      assert.deepEqual(seqs(kim.got.filter((m) => m.conversationId === g)), [kick.seq], 'the kick, in the sync right after it');
      assert.equal(kim.client.conversation(g)?.left, true);
    } finally {
      await elsewhere.end().catch(() => {});
      await Promise.all(clients.map((c) => c.close()));
      await server.stop();
      await db.drop();
    }
  });
});
