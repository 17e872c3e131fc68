/**
 * Replay: a run's randomness comes from seeded streams, one per consumer, and
 * the server's crash coin can be seeded too (test-only `testCrashSeed`), so the
 * same seed makes the same draws however the consumers interleave in time.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { MessageType } from '@parley/protocol';
import { openAuthed, registerUser, spawnServer, tempDir } from '@parley/testkit';
import { deriveSeed, streamOf } from '../src/rng.ts';

test('Replay › each consumer draws from its own stream: its draws do not depend on the others', () => {
  const alone = streamOf(7, 'sender:user0-dev0');
  const aloneDraws = Array.from({ length: 5 }, () => alone());
  const mine = streamOf(7, 'sender:user0-dev0');
  const other = streamOf(7, 'nemesis');
  const mixed: number[] = [];
  for (let i = 0; i < 5; i++) {
    other();
    other();
    mixed.push(mine());
  }
  assert.deepEqual(mixed, aloneDraws);
  assert.notEqual(deriveSeed(7, 'proxy:ws'), deriveSeed(7, 'proxy:tcp'));
  assert.notEqual(deriveSeed(7, 'nemesis'), deriveSeed(8, 'nemesis'));
});

/** Send one message at a time until the crash point kills the server; how many were acked. */
async function ackedUntilCrash(crashSeed: number): Promise<number> {
  const dataDir = tempDir('parley-replay-');
  const server = await spawnServer(dataDir, ['--test-crash-point', 'after-commit', '--test-crash-probability', '0.05', '--test-crash-seed', String(crashSeed)]);
  try {
    await registerUser(server.httpUrl, 'bob');
    const ann = await openAuthed(server.tcpUrl, await registerUser(server.httpUrl, 'ann'), 'ann-app');
    let acked = 0;
    for (let i = 0; i < 1000; i++) {
      const reply = await ann.request({ send: { to: 'bob', clientMsgId: `m${i}`, type: MessageType.TEXT, body: Buffer.from(`m${i}`) } }, 10_000).catch(() => undefined);
      if (reply?.body !== 'sendAck') break;
      acked++;
    }
    ann.close();
    return acked;
  } finally {
    server.process.kill('SIGKILL');
    await server.waitForExit();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

test('Replay › a seeded crash coin kills the server at the same commit every time', async () => {
  const first = await ackedUntilCrash(4242);
  const second = await ackedUntilCrash(4242);
  assert.ok(first < 1000, 'the crash point fired');
  assert.equal(second, first, `the same seed, the same commit (${first} then ${second} acked)`);
});
