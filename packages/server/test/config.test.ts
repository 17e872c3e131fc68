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
  assert.throws(() => loadConfig({ flags: { 'limit-sends-per-second': '-1' } }), /limitSendsPerSecond must be an integer >= 0/);
  assert.throws(() => loadConfig({ overrides: { limitSendBurstSeconds: 0 } }), /limitSendBurstSeconds/);
  assert.throws(() => loadConfig({ overrides: { limitFrameBurst: 0 } }), /limitFrameBurst/);
  assert.equal(loadConfig({ env: { PARLEY_LIMIT_CONNECTIONS_PER_IP_PER_MINUTE: '0' } }).limitConnectionsPerIpPerMinute, 0, '0 turns a limit off');
  const file = join(tempDir(), 'bad.json');
  writeFileSync(file, JSON.stringify({ colour: 'blue' }));
  assert.throws(() => loadConfig({ file }), /unknown setting "colour"/);
});

test('Config › thumbnail settings: sizes as comma-separated numbers, each setting checked', () => {
  assert.deepEqual(defaults.thumbnailSizes, [640]);
  assert.deepEqual(loadConfig({ env: { PARLEY_THUMBNAIL_SIZES: '96, 320,1280' } }).thumbnailSizes, [96, 320, 1280]);
  assert.deepEqual(loadConfig({ flags: { 'thumbnail-sizes': '200' } }).thumbnailSizes, [200]);
  const file = join(tempDir(), 'thumbs.json');
  writeFileSync(file, JSON.stringify({ thumbnailSizes: [100, 400], thumbnailTimeoutMs: 5000 }));
  const fromFile = loadConfig({ file });
  assert.deepEqual([fromFile.thumbnailSizes, fromFile.thumbnailTimeoutMs], [[100, 400], 5000]);
  assert.throws(() => loadConfig({ flags: { 'thumbnail-sizes': '160,big' } }), /thumbnailSizes must be comma-separated numbers/);
  assert.throws(() => loadConfig({ flags: { 'thumbnail-sizes': '' } }), /thumbnailSizes must list 1 to 8 sizes/);
  assert.throws(() => loadConfig({ flags: { 'thumbnail-sizes': '160,8' } }), /thumbnailSizes must be an integer from 16 to 4096, got 8/);
  assert.throws(() => loadConfig({ flags: { 'thumbnail-sizes': '160,160' } }), /thumbnailSizes must not name a size twice/);
  assert.throws(() => loadConfig({ overrides: { thumbnailSizes: ['160'] as unknown as number[] } }), /thumbnailSizes must be an integer/);
  assert.throws(() => loadConfig({ flags: { 'thumbnail-max-input-pixels': '1000' } }), /thumbnailMaxInputPixels/);
  assert.throws(() => loadConfig({ flags: { 'thumbnail-max-input-bytes': '0' } }), /thumbnailMaxInputBytes/);
  assert.throws(() => loadConfig({ flags: { 'thumbnail-timeout-ms': '10' } }), /thumbnailTimeoutMs/);
  assert.throws(() => loadConfig({ flags: { 'thumbnail-jobs': '0' } }), /thumbnailJobs/);
  assert.throws(() => loadConfig({ flags: { 'thumbnail-jobs': '100' } }), /thumbnailJobs must be at most 64/);
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

test('Config › blob store settings: fs by default; s3 needs a bucket; each s3 setting checked, booleans from env and flags', () => {
  const plain = loadConfig({});
  assert.deepEqual([plain.blobStore, plain.blobDir, plain.s3Prefix, plain.s3ForcePathStyle], ['fs', '', 'parley/blobs/', false]);
  const s3 = loadConfig({
    env: { PARLEY_BLOB_STORE: 's3', PARLEY_S3_BUCKET: 'media.example', PARLEY_S3_FORCE_PATH_STYLE: 'true', PARLEY_S3_PART_BYTES: '16777216' },
    flags: { 's3-endpoint': 'http://minio:9000', 's3-access-key-id': 'AKIA', 's3-secret-access-key': 'secret', 's3-prefix': '' },
  });
  assert.deepEqual(
    [s3.blobStore, s3.s3Bucket, s3.s3ForcePathStyle, s3.s3PartBytes, s3.s3Endpoint, s3.s3Prefix],
    ['s3', 'media.example', true, 16 * 1024 * 1024, 'http://minio:9000', ''],
  );
  assert.equal(loadConfig({ flags: { 's3-force-path-style': '0' } }).s3ForcePathStyle, false);
  assert.throws(() => loadConfig({ flags: { 's3-force-path-style': 'yes' } }), /s3ForcePathStyle must be true or false/);
  assert.throws(() => loadConfig({ flags: { 'blob-store': 's3' } }), /blobStore "s3" needs s3Bucket/);
  assert.throws(() => loadConfig({ flags: { 's3-bucket': 'Bad_Bucket' } }), /s3Bucket must be an S3 bucket name/);
  assert.throws(() => loadConfig({ flags: { 's3-endpoint': 'minio:9000' } }), /s3Endpoint must be an http/);
  assert.throws(() => loadConfig({ flags: { 's3-endpoint': 'ftp://minio' } }), /s3Endpoint must be an http/);
  for (const prefix of ['blobs', '/blobs/', 'a//b/', '../']) assert.throws(() => loadConfig({ flags: { 's3-prefix': prefix } }), /s3Prefix/, prefix);
  assert.equal(loadConfig({ flags: { 's3-prefix': 'team-a/parley.blobs/' } }).s3Prefix, 'team-a/parley.blobs/');
  assert.throws(() => loadConfig({ flags: { 's3-access-key-id': 'AKIA' } }), /set together, or neither/);
  assert.throws(() => loadConfig({ flags: { 's3-region': 'eu west' } }), /s3Region/);
  assert.throws(() => loadConfig({ flags: { 's3-part-bytes': '1000' } }), /s3PartBytes/);
  assert.throws(() => loadConfig({ flags: { 's3-part-bytes': String(2 * 1024 ** 3) } }), /s3PartBytes must be at most 1 GiB/);
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
