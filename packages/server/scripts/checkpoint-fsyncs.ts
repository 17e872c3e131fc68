/**
 * Shows, with strace, that every WAL checkpoint of the SQLite store is followed
 * by an fsync of the database file before the WAL is written again — the
 * power-loss promise of `sqliteSynchronous: full`. Needs strace (Linux).
 *
 *   npx tsx packages/server/scripts/checkpoint-fsyncs.ts
 *
 * It runs itself as a child under `strace -f -e trace=openat,fsync,fdatasync,pwrite64`:
 * 1,500 sends of 3 KB, each followed by a delivered-state flush (a second kind
 * of write transaction, the one that once relaxed durability), so the WAL
 * reaches SQLite's auto-checkpoint size many times. Then it reads the trace: a
 * checkpoint is a run of writes to the database file; each must be followed by an
 * fsync of that file before the next write to the WAL. Exits 1 if one is not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatService } from '../src/chat/chat-service.ts';
import { ChatStore } from '../src/chat/rules/chat-store.ts';
import { LocalBus } from '../src/cluster/local/local-bus.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';

async function workload(file: string): Promise<void> {
  const store = new ChatStore(new SqliteStore({ file, synchronous: 'full' }));
  const chat = new ChatService(store, new LocalBus(), {
    maxBodyBytes: 16384, maxBatch: 64, pullMaxLimit: 500, syncPageSize: 500, maxGroupChange: 100, readReceiptPushMax: 20,
    typingPushMax: 50, recallWindowMs: 120000, maxCustomBytes: 4096,
  });
  for (const u of ['ann', 'ben']) await store.createUser({ id: u, displayName: u, passwordHash: null, createdAt: 0 });
  const body = new TextEncoder().encode('x'.repeat(3000));
  for (let i = 0; i < 1500; i++) {
    const { message } = await chat.send({ userId: 'ann', deviceId: 'd', sessionId: 's' }, { to: 'ben', clientMsgId: `m${i}`, type: 1, body });
    chat.noteDelivered({ userId: 'ben', deviceId: 'd', sessionId: 's2' }, message.conversationId, message.seq);
    await chat.flushPending();
  }
  chat.close();
  await store.close();
}

function analyse(trace: string, file: string): { checkpoints: number; unsynced: number; walSyncs: number } {
  const lines = trace.split('\n');
  // The writer opens the database file first, then its WAL.
  const fdOf = (path: string) => lines.map((l) => new RegExp(`openat\\(AT_FDCWD, "${path}".* = (\\d+)$`).exec(l)?.[1]).find((fd) => fd !== undefined);
  const db = fdOf(file);
  const wal = fdOf(`${file}-wal`);
  const events = lines.flatMap((l) => {
    const m = /^\d+\s+(pwrite64|fsync|fdatasync)\((\d+)/.exec(l);
    return m ? [{ call: m[1]!, fd: m[2]! }] : [];
  });
  let checkpoints = 0;
  let unsynced = 0;
  for (let i = 0; i < events.length; ) {
    if (events[i]!.call !== 'pwrite64' || events[i]!.fd !== db) {
      i++;
      continue;
    }
    checkpoints++;
    while (i < events.length && events[i]!.call === 'pwrite64' && events[i]!.fd === db) i++;
    const next = events.slice(i).find((e) => (e.call !== 'pwrite64' && e.fd === db) || (e.call === 'pwrite64' && e.fd === wal));
    if (!next || next.call === 'pwrite64') unsynced++;
  }
  const walSyncs = events.filter((e) => e.call !== 'pwrite64' && e.fd === wal).length;
  return { checkpoints, unsynced, walSyncs };
}

if (process.argv[2] === '--child') {
  await workload(process.argv[3]!);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'parley-ckpt-'));
  const file = join(dir, 'parley.db');
  const out = join(dir, 'trace.txt');
  const run = spawnSync('strace', ['-f', '-e', 'trace=openat,fsync,fdatasync,pwrite64', '-o', out, process.execPath, ...process.execArgv, process.argv[1]!, '--child', file], {
    stdio: 'inherit',
  });
  if (run.error || run.status !== 0) throw new Error(`strace run failed: ${run.error?.message ?? `exit ${run.status}`}`);
  const result = analyse(readFileSync(out, 'utf8'), file);
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify(result));
  console.log(`${result.checkpoints} checkpoints, ${result.unsynced} not followed by an fsync of the database file`);
  process.exit(result.checkpoints > 0 && result.unsynced === 0 ? 0 : 1);
}
