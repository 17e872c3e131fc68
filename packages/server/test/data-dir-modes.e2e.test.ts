/**
 * Everything a server creates under its data directory is private to its user:
 * directories 0700, files 0600 — the SQLite database with its -wal and -shm,
 * the token secret, and uploaded blobs.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MessageType } from '@parley/protocol';
import { openAuthed, startTestServer, tempDir } from '@parley/testkit';
import { Uploader } from './media-helpers.ts';

/** Every path under `dir` (itself included) with its permission bits. */
function walk(dir: string): { path: string; dir: boolean; mode: number }[] {
  const out = [{ path: dir, dir: true, mode: statSync(dir).mode & 0o777 }];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else out.push({ path, dir: false, mode: statSync(path).mode & 0o777 });
  }
  return out;
}

test('the data directory and everything under it: directories 0700, files 0600 (db, -wal, -shm, secret, blobs)', { skip: process.platform === 'win32' }, async () => {
  // A directory the server creates itself, below a fresh temporary one.
  const dataDir = join(tempDir(), 'data');
  const server = await startTestServer({ dataDir });
  try {
    const user = await Uploader.register(server.httpUrl, 'modes-user');
    await user.upload(randomBytes(200_000));
    await Uploader.register(server.httpUrl, 'modes-friend');
    const c = await openAuthed(server.wsUrl, user.token, 'modes-1');
    const ack = await c.request({ send: { to: 'modes-friend', clientMsgId: 'm1', type: MessageType.TEXT, body: new TextEncoder().encode('hi') } });
    assert.equal(ack.body, 'sendAck', JSON.stringify(ack.error));
    c.close();
    const entries = walk(dataDir);
    const names = entries.map((e) => e.path.slice(dataDir.length));
    for (const expected of ['/parley.db', '/parley.db-wal', '/parley.db-shm', '/jwt-secret']) assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
    assert.ok(entries.some((e) => !e.dir && e.path.includes(`${join(dataDir, 'blobs')}`)), `a blob file in ${names.join(', ')}`);
    for (const e of entries) {
      assert.equal(e.mode.toString(8), e.dir ? '700' : '600', `${e.path} is ${e.mode.toString(8)}`);
    }
  } finally {
    await server.stop();
  }
});
