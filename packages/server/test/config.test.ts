import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '@parley/testkit';
import { decodeSyncToken, encodeSyncToken } from '../src/chat/sync-token.ts';
import { defaults, loadConfig } from '../src/config/config.ts';

test('Config › file, env and flags merge in that order and are typed', () => {
  const file = join(tempDir(), 'parley.json');
  writeFileSync(file, JSON.stringify({ httpPort: 9000, tcpPort: 9001, heartbeatMs: 20000 }));
  const config = loadConfig({
    file,
    env: { PARLEY_TCP_PORT: '9100', PARLEY_APP_JWT_KEYS: 'k'.repeat(32) + ',' + 'j'.repeat(32) },
    flags: { 'heartbeat-ms': '30000' },
  });
  assert.equal(config.httpPort, 9000);
  assert.equal(config.tcpPort, 9100);
  assert.equal(config.heartbeatMs, 30000);
  assert.equal(config.appJwtKeys.length, 2);
  assert.equal(config.host, defaults.host);
});

test('Config › rejects bad values with a message naming the setting', () => {
  assert.throws(() => loadConfig({ flags: { 'http-port': '70000' } }), /httpPort/);
  assert.throws(() => loadConfig({ flags: { 'http-port': 'abc' } }), /httpPort must be a number/);
  assert.throws(() => loadConfig({ flags: { 'no-such-thing': '1' } }), /unknown flag/);
  assert.throws(() => loadConfig({ flags: { store: 'mongodb' } }), /store must be "sqlite" or a postgres:\/\/ URL/);
  assert.throws(() => loadConfig({ flags: { bus: 'nats://x' } }), /bus must be "local" or a redis:\/\/ URL/);
  assert.throws(() => loadConfig({ flags: { bus: 'redis://127.0.0.1:6379' } }), /Redis bus joins nodes that share one PostgreSQL store/);
  assert.throws(() => loadConfig({ flags: { 'bus-prefix': 'a b' } }), /busPrefix/);
  assert.throws(() => loadConfig({ flags: { 'node-id': 'x/y' } }), /nodeId/);
  assert.throws(() => loadConfig({ flags: { store: 'postgres://db/parley' } }), /set jwtSecret \(the same on every node\)/);
  const cluster = loadConfig({
    env: { PARLEY_STORE: 'postgres://db/parley', PARLEY_BUS: 'redis://cache:6379', PARLEY_NODE_ID: 'n1', PARLEY_JWT_SECRET: 'x'.repeat(32) },
  });
  assert.deepEqual([cluster.store, cluster.bus, cluster.nodeId], ['postgres://db/parley', 'redis://cache:6379', 'n1']);
  assert.throws(() => loadConfig({ overrides: { maxBodyBytes: 70000 } }), /maxBodyBytes/);
  assert.throws(() => loadConfig({ overrides: { jwtSecret: 'short' } }), /jwtSecret/);
  assert.throws(() => loadConfig({ flags: { 'device-policy': 'mobile=0' } }), /devicePolicy/);
  assert.throws(() => loadConfig({ flags: { 'device-policy': 'mobile=1,mobile=2' } }), /named twice/);
  assert.equal(loadConfig({ flags: { 'device-policy': 'mobile=1, desktop=2' } }).devicePolicy, 'mobile=1, desktop=2');
  const file = join(tempDir(), 'bad.json');
  writeFileSync(file, JSON.stringify({ colour: 'blue' }));
  assert.throws(() => loadConfig({ file }), /unknown setting "colour"/);
});

test('SyncToken › round-trips, voids tokens of another store, rejects junk', () => {
  const token = encodeSyncToken('store-a', { version: 42, conversationId: 'd:a:b' });
  assert.deepEqual(decodeSyncToken('store-a', token), { version: 42, conversationId: 'd:a:b' });
  assert.deepEqual(decodeSyncToken('store-b', token), { version: 0, conversationId: '' });
  assert.deepEqual(decodeSyncToken('store-a', ''), { version: 0, conversationId: '' });
  for (const junk of ['x', 'p1.', 'p1.!!!', `p1.${Buffer.from('[1,2]').toString('base64url')}`, `p1.${Buffer.from('["s",-1,""]').toString('base64url')}`]) {
    assert.throws(() => decodeSyncToken('store-a', junk), { code: 'INVALID_ARGUMENT' }, junk);
  }
});

test('Config › media settings: defaults, and bad values refused with the setting named', () => {
  const c = loadConfig({});
  assert.deepEqual(
    [c.blobDir, c.maxFileBytes, c.uploadQuotaBytesPerDay, c.maxUnfinishedUploads, c.uploadExpiryMs, c.unreferencedFileGraceMs],
    ['', 100 * 1024 * 1024, 1024 * 1024 * 1024, 20, 24 * 3600 * 1000, 24 * 3600 * 1000],
  );
  assert.equal(loadConfig({ flags: { 'blob-dir': '/mnt/blobs', 'max-file-bytes': '1000' } }).blobDir, '/mnt/blobs');
  assert.throws(() => loadConfig({ flags: { 'max-file-bytes': '0' } }), /maxFileBytes/);
  assert.throws(() => loadConfig({ flags: { 'upload-quota-bytes-per-day': '-1' } }), /uploadQuotaBytesPerDay/);
  assert.throws(() => loadConfig({ flags: { 'max-unfinished-uploads': '0' } }), /maxUnfinishedUploads/);
  assert.throws(() => loadConfig({ flags: { 'upload-expiry-ms': '10' } }), /uploadExpiryMs/);
  assert.throws(() => loadConfig({ flags: { 'instant-challenge-ms': '120000' } }), /instantChallengeMs must be at most 60000/);
  assert.throws(() => loadConfig({ flags: { 'file-link-ttl-ms': String(30 * 24 * 3600 * 1000) } }), /fileLinkTtlMs/);
  assert.throws(() => loadConfig({ flags: { 'upload-lease-ms': '1.5' } }), /uploadLeaseMs/);
});
