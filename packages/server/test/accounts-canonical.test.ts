/**
 * Case-insensitive user ids, on both stores: one canonical form (NFKC, then
 * lowercase), so `Alice` cannot be registered beside `alice` and any case logs
 * in; and the accounts migration on data from before: ids that differ only by
 * case keep their ids (history names them), the oldest keeps the plain login
 * name, later ones get "<name>-<n>" and are listed for the operator.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { directConversationId, ErrorCode, MessageType } from '@parley/protocol';
import { APP_KEY, CLUSTER_JWT_SECRET, createTestDatabase, fetchWithin, openAuthed, startTestServer, tempDir, type TestServer } from '@parley/testkit';
import { SignJWT } from 'jose';
import type { AccountsPort } from '../src/auth/accounts-port.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { MIGRATIONS as PG_MIGRATIONS, SQL as PG_SQL } from '../src/store/postgres/queries.ts';
import { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { MIGRATIONS as SQLITE_MIGRATIONS } from '../src/store/sqlite/queries.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { mediaServer, STORES } from './media-helpers.ts';

const PASSWORD = 'correct horse battery';

async function post(base: string, path: string, body: unknown, key?: string): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetchWithin(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** Users of a store from before case-insensitive ids: Alice (oldest), alice, ALICE, and Bob alone. */
const LEGACY_USERS = [
  { id: 'alice', createdAt: 2000 },
  { id: 'Alice', createdAt: 1000 },
  { id: 'ALICE', createdAt: 3000 },
  { id: 'Bob', createdAt: 1500 },
];

/** The migration's outcome, read through the store. */
async function checkMigrated(store: AccountsPort): Promise<void> {
  assert.equal((await store.userByLogin('alice'))?.id, 'Alice', 'the oldest keeps the plain login name');
  assert.equal((await store.userByLogin('alice-2'))?.id, 'alice');
  assert.equal((await store.userByLogin('alice-3'))?.id, 'ALICE');
  assert.equal((await store.userByLogin('bob'))?.id, 'Bob', 'a mixed-case id without a twin logs in by its lowercase form');
  assert.deepEqual(await store.renamedLogins(), [
    { id: 'ALICE', loginId: 'alice-3' },
    { id: 'alice', loginId: 'alice-2' },
  ]);
  await assert.rejects(store.createUser({ id: 'bob', displayName: 'bob', passwordHash: null, createdAt: 5000 }), { code: ErrorCode.USER_EXISTS });
}

/** Over HTTP on a server started on the migrated store: any case of a login name logs in as the stored id. */
async function checkLogins(server: TestServer): Promise<void> {
  for (const [name, id] of [['alice', 'Alice'], ['ALICE', 'Alice'], ['Alice-2', 'alice'], ['alice-3', 'ALICE'], ['BOB', 'Bob']] as const) {
    const login = await post(server.httpUrl, '/v1/login', { userId: name, password: PASSWORD });
    assert.equal(login.status, 200, `${name}: ${JSON.stringify(login.body)}`);
    assert.equal(login.body.userId, id, name);
    const c = await openAuthed(server.wsUrl, login.body.token, `legacy-${name}`);
    assert.equal(c.userId, id);
    c.close();
  }
  const twin = await post(server.httpUrl, '/v1/register', { userId: 'BoB', password: PASSWORD });
  assert.deepEqual([twin.status, twin.body.error.code], [409, ErrorCode.USER_EXISTS]);
}

/**
 * Chat requests on the migrated store: an id stored as typed is that user (the
 * twins `alice` and `ALICE` stay apart); any other case reaches the user by its
 * login name (`bob` is `Bob`). Direct conversations are named by the stored ids.
 */
async function checkChatNames(server: TestServer): Promise<void> {
  const login = await post(server.httpUrl, '/v1/login', { userId: 'alice-2', password: PASSWORD });
  const c = await openAuthed(server.wsUrl, login.body.token, 'legacy-chat');
  try {
    for (const [to, peer] of [['BOB', 'Bob'], ['bob', 'Bob'], ['Bob', 'Bob'], ['ALICE', 'ALICE'], ['Alice', 'Alice']] as const) {
      const r = await c.request({ send: { to, clientMsgId: `legacy-${to}`, type: MessageType.TEXT, body: new TextEncoder().encode('hi') } });
      assert.equal(r.sendAck?.conversationId, directConversationId('alice', peer), `${to}: ${JSON.stringify(r.error)}`);
    }
    const self = await c.request({ send: { to: 'alice', clientMsgId: 'legacy-self', type: MessageType.TEXT, body: new TextEncoder().encode('me') } });
    assert.equal(self.error?.code, ErrorCode.INVALID_ARGUMENT, 'alice (stored as typed) is the caller');
  } finally {
    c.close();
  }
}

describe('The accounts migration on ids that differ only by case', () => {
  test('SQLite', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'parley.db');
    const old = new Database(file);
    const before = SQLITE_MIGRATIONS.length - 1; // the schema just before the accounts migration
    for (let v = 0; v < before; v++) old.exec(SQLITE_MIGRATIONS[v]!);
    old.pragma(`user_version = ${before}`);
    const hash = await hashPassword(PASSWORD);
    for (const u of LEGACY_USERS) old.prepare('INSERT INTO users (id, display_name, password_hash, created_at) VALUES (?, ?, ?, ?)').run(u.id, u.id, hash, u.createdAt);
    old.close();

    const store = new SqliteStore({ file, synchronous: 'normal' });
    try {
      await checkMigrated(store);
    } finally {
      await store.close();
    }
    const server = await startTestServer({ dataDir });
    try {
      await checkLogins(server);
      await checkChatNames(server);
    } finally {
      await server.stop();
    }
  });

  test('PostgreSQL', async () => {
    const db = await createTestDatabase();
    try {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query(PG_SQL.createMigrations);
      const before = PG_MIGRATIONS.length - 1;
      for (let v = 0; v < before; v++) {
        await client.query(PG_MIGRATIONS[v]!);
        await client.query(PG_SQL.recordMigration, [v + 1]);
      }
      const hash = await hashPassword(PASSWORD);
      for (const u of LEGACY_USERS) await client.query('INSERT INTO users (id, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4)', [u.id, u.id, hash, u.createdAt]);
      await client.end();

      const store = await PostgresStore.open({ url: db.url, poolSize: 2 });
      try {
        await checkMigrated(store);
      } finally {
        await store.close();
      }
      const server = await startTestServer({ store: db.url, jwtSecret: CLUSTER_JWT_SECRET });
      try {
        await checkLogins(server);
      await checkChatNames(server);
      } finally {
        await server.stop();
      }
    } finally {
      await db.drop();
    }
  });
});

for (const kind of STORES) {
  describe(`Case-insensitive user ids (${kind})`, () => {
    let server: TestServer | undefined;
    after(() => server?.stop());

    test('one canonical form: registered, logged in, connected and named by tokens in any case', async () => {
      server = await mediaServer(kind);
      const base = server.httpUrl;
      const made = await post(base, '/v1/register', { userId: 'Alice', password: PASSWORD });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.equal(made.body.userId, 'alice');
      // The same user in another case, or in full-width letters (NFKC folds them): taken.
      for (const twin of ['alice', 'ALICE', 'ａｌｉｃｅ', 'ＡＬＩＣＥ']) {
        const again = await post(base, '/v1/register', { userId: twin, password: PASSWORD });
        assert.deepEqual([again.status, again.body.error.code], [409, ErrorCode.USER_EXISTS], twin);
      }
      for (const name of ['alice', 'aLiCe', 'ALICE', 'ａｌｉｃｅ']) {
        const login = await post(base, '/v1/login', { userId: name, password: PASSWORD });
        assert.equal(login.status, 200, `${name}: ${JSON.stringify(login.body)}`);
        assert.equal(login.body.userId, 'alice');
      }
      const login = await post(base, '/v1/login', { userId: 'Alice', password: PASSWORD });
      const c = await openAuthed(server.wsUrl, login.body.token, 'alice-1');
      assert.equal(c.userId, 'alice');
      c.close();

      // An app backend's token names the user in any case: the same user.
      const appToken = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('ALICE').setExpirationTime('1h').sign(new TextEncoder().encode(APP_KEY));
      const viaApp = await openAuthed(server.tcpUrl, appToken, 'alice-app');
      assert.equal(viaApp.userId, 'alice');
      viaApp.close();
      const appNew = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('NewComer').setExpirationTime('1h').sign(new TextEncoder().encode(APP_KEY));
      const newcomer = await openAuthed(server.wsUrl, appNew, 'nc-1');
      assert.equal(newcomer.userId, 'newcomer');
      newcomer.close();

      // The admin API too.
      const token = await post(base, '/v1/admin/tokens', { userId: 'ALICE' }, 'test-admin-key-0123456789');
      assert.deepEqual([token.status, token.body.userId], [200, 'alice']);
      const created = await post(base, '/v1/admin/users', { userId: 'Service.Bot' }, 'test-admin-key-0123456789');
      assert.deepEqual([created.status, created.body.userId], [201, 'service.bot']);
    });
  });
}
