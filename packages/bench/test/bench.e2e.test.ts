/**
 * Keeps the bench from rotting: every scenario runs once at a small size through
 * the real command, and its JSON report carries the documented fields. No timing
 * assertions: figures are measured by running the bench, not by tests.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tempDir } from '@parley/testkit';

const run = promisify(execFile);
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

async function bench(args: string[]): Promise<{ stdout: string; report: Record<string, any> }> {
  const dir = tempDir('parley-bench-test-');
  const json = join(dir, 'out.json');
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', MAIN, ...args, '--json', json], { timeout: 120_000 });
    return { stdout, report: JSON.parse(readFileSync(json, 'utf8')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function assertCommon(report: Record<string, any>, scenario: string): void {
  assert.equal(report.scenario, scenario);
  for (const k of ['cpuModel', 'cores', 'memoryBytes', 'node']) assert.ok(report.machine[k], `machine.${k}`);
  assert.ok(report.server.cpuSeconds > 0, 'server CPU seconds from /proc');
  assert.ok(report.server.peakRssBytes > 10 * 2 ** 20, 'server peak RSS from /proc');
}

test('bench › direct runs end to end and reports every message delivered', async () => {
  const { stdout, report } = await bench(['direct', '--pairs', '5', '--messages', '20', '--window', '4']);
  assertCommon(report, 'direct');
  assert.match(stdout, /delivered msgs\/s/);
  assert.equal(report.figures.delivered, 100);
  assert.equal(report.figures.e2eLatencyMs.count, 100);
  assert.equal(report.figures.ackLatencyMs.count, 100);
  assert.ok(report.figures.deliveredPerSecond > 0);
  assert.equal(report.options.pairs, 5);
});

test('bench › direct over WebSocket', async () => {
  const { report } = await bench(['direct', '--pairs', '2', '--messages', '10', '--transport', 'ws']);
  assert.equal(report.figures.delivered, 20);
  assert.equal(report.options.transport, 'ws');
});

test('bench › voice: every chunk acked and heard, every recording sent', async () => {
  const { stdout, report } = await bench(['voice', '--pairs', '2', '--chunks', '5', '--intervalMs', '10']);
  assertCommon(report, 'voice');
  assert.match(stdout, /chunk to listener ms/);
  assert.equal(report.figures.chunkAckMs.count, 10);
  assert.equal(report.figures.chunkToListenerMs.count, 10);
  assert.equal(report.figures.endMs.count, 2);
});

test('bench › group delivers every message to every other member', async () => {
  const { report } = await bench(['group', '--members', '60', '--senders', '3', '--messages', '5', '--perWorker', '30']);
  assertCommon(report, 'group');
  assert.equal(report.figures.deliveries, 3 * 5 * 59);
  assert.equal(report.figures.sendToLastDeliveryMs.count, 15);
  assert.equal(report.options.loadWorkers, 2);
});

test('bench › connections holds its connections and reports memory per connection', async () => {
  const { report } = await bench(['connections', '--n', '300', '--hold', '1', '--perWorker', '150']);
  assertCommon(report, 'connections');
  assert.equal(report.figures.connections, 300);
  assert.equal(report.figures.aliveAfterHold, 300);
  assert.equal(report.options.loadWorkers, 2, 'clients spread over worker processes');
  assert.ok(report.figures.steps.length >= 2);
  assert.ok(Number.isFinite(report.figures.rssPerConnectionBytes));
});

test('bench › reconnect catches every device up', async () => {
  const { report } = await bench(['reconnect', '--n', '200', '--missed', '3']);
  assertCommon(report, 'reconnect');
  assert.equal(report.figures.caughtUp, 200);
  assert.ok(report.figures.allCaughtUpSeconds > 0);
});

test('bench › direct, group and reconnect run against a two-node cluster, clients spread over the nodes', async () => {
  const direct = await bench(['direct', '--pairs', '4', '--messages', '20', '--window', '4', '--cluster', '2']);
  assertCommon(direct.report, 'direct');
  assert.equal(direct.report.figures.delivered, 80);
  assert.deepEqual([direct.report.options.store, direct.report.options.clusterNodes], ['postgres', 2]);
  assert.equal(direct.report.server.nodes.length, 2);
  assert.ok(direct.report.server.nodes.every((n: { cpuSeconds: number }) => n.cpuSeconds > 0), 'both nodes worked');
  assert.match(direct.stdout, /cluster of 2 nodes/);
  const group = await bench(['group', '--members', '40', '--senders', '2', '--messages', '5', '--perWorker', '20', '--cluster', '2']);
  assert.equal(group.report.figures.deliveries, 2 * 5 * 39);
  const reconnect = await bench(['reconnect', '--n', '60', '--missed', '2', '--cluster', '2']);
  assert.equal(reconnect.report.figures.caughtUp, 60);
});

test('bench › flood: the abuser is refused with RATE_LIMITED while every honest message arrives', async () => {
  const { report } = await bench(['flood', '--pairs', '2', '--rate', '5', '--seconds', '2', '--rounds', '2', '--warmup', '0', '--window', '64', '--sendsPerSecond', '5', '--sendBurst', '5']);
  assertCommon(report, 'flood');
  // 2 pairs × 5 a second × 2 s, in each of 2 rounds of each kind, pooled.
  assert.equal(report.figures.honestLatencyMs.quiet.count, 40, 'every honest message of the quiet rounds arrived');
  assert.equal(report.figures.honestLatencyMs.flood.count, 40, 'every honest message of the flood rounds arrived');
  assert.equal(report.figures.rounds.length, 2, 'a ratio per round');
  assert.ok(report.figures.abuser.flood.rateLimited > 0, 'the abuser was refused');
  assert.ok(report.figures.abuser.flood.acked < report.figures.abuser.flood.sent, 'not everything the abuser sent was stored');
});

test('bench › upload: both uploads name a file in every round, each compared with the raw writes around it; instant uploads answer', async () => {
  const { report } = await bench(['upload', '--mb', '4', '--chunkMb', '1', '--rounds', '2', '--instant', '2']);
  assertCommon(report, 'upload');
  assert.equal(report.figures.perRound.length, 2, 'the warm-up round is not counted');
  for (const r of report.figures.perRound) {
    for (const k of ['raw', 'rawAroundSingle', 'rawAroundParallel', 'single', 'parallel']) assert.ok(r[k] > 0, `${k} measured`);
  }
  assert.ok(report.figures.singleToRaw > 0 && report.figures.parallelToRaw > 0);
  assert.equal(report.figures.instantUploadMs.count, 2);
});

test('bench › unknown scenarios and options are refused with a usage message', async () => {
  await assert.rejects(run(process.execPath, ['--import', 'tsx', MAIN, 'nonsense']), (err: { code: number; stderr: string }) => {
    assert.equal(err.code, 2);
    assert.match(err.stderr, /scenarios:/);
    return true;
  });
  await assert.rejects(run(process.execPath, ['--import', 'tsx', MAIN, 'direct', '--bogus', '1']), /no option --bogus/);
  await assert.rejects(run(process.execPath, ['--import', 'tsx', MAIN, 'connections', '--cluster', '2']), /run it without --cluster/);
  await assert.rejects(run(process.execPath, ['--import', 'tsx', MAIN, 'direct', '--cluster', '0']), /--cluster must be a node count/);
});
