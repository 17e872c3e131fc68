/**
 * The reliability harness in CI: a seeded run of at least a minute in which every
 * kind of fault fires (the run goes on until a whole round of them has) must
 * report all zeros, and each negative control (a server switch that breaks the
 * contract on purpose) must make the checker fail. A checker that cannot fail
 * proves nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHECKS } from '../src/checker.ts';
import { FAULTS, runChaos } from '../src/run.ts';

test('Chaos › a seeded run under every fault kind and crash points keeps the contract (all counts 0)', async (t) => {
  // A round of every kind takes about 40 s on an idle machine and can take longer
  // than the minute on a loaded one: `minRounds: 1` makes the run last until each
  // kind has fired, so the assertions below check what the harness controls.
  const result = await runChaos({ seconds: 60, seed: 20261123, minRounds: 1 });
  const { report } = result;
  t.diagnostic(`ran ${(result.runMs / 1000).toFixed(1)} s; sends ${report.stats.sends}, deliveries ${report.stats.deliveries}, faults ${JSON.stringify(result.faults)}`);
  t.diagnostic(`fault details: ${JSON.stringify(result.history.faults.filter((f) => f.detail).map((f) => `${f.kind}: ${f.detail}`))}`);
  for (const c of CHECKS) assert.equal(report.violations[c].count, 0, `${c}: ${report.violations[c].examples.join('; ')}`);
  assert.deepEqual(result.unexpectedExits, [], 'the server never exited on its own');
  assert.ok(report.stats.acked > 1000, 'a real workload ran');
  assert.equal(report.stats.unknown, 0, 'every send settled');
  // One whole round was asked for: every kind fired, and its recovery was measured.
  for (const kind of FAULTS) assert.ok((result.faults[kind] ?? 0) >= 1, `${kind} fired (faults: ${JSON.stringify(result.faults)})`);
  for (const kind of FAULTS) assert.ok(result.recoveryMs.byKind[kind], `a recovery time was measured after ${kind}`);
  const storm = result.history.faults.find((f) => f.kind === 'reconnect-storm');
  assert.match(storm?.detail ?? '', /^[1-9]\d{2,}\/\d+ connected/, 'the reconnect storm connected hundreds of extra devices');
  assert.ok((result.faults['membership:kick'] ?? 0) > 0 && (result.faults['membership:invite'] ?? 0) > 0, 'members were removed and invited back during the run');
});

test('Chaos › negative control: acking before commit loses acked messages, and the checker says so', async () => {
  const { report } = await runChaos({ seconds: 12, seed: 5, control: 'ack-before-commit' });
  assert.equal(report.ok, false);
  assert.ok(report.violations.ackedLost.count > 0, JSON.stringify(report.stats));
});

test('Chaos › negative control: without dedup, resends are stored twice, and the checker says so', async () => {
  const { report } = await runChaos({ seconds: 12, seed: 6, control: 'no-dedup' });
  assert.equal(report.ok, false);
  assert.ok(report.violations.storedTwice.count > 0, JSON.stringify(report.stats));
});

test('Chaos › negative control: with pushes lost, no retransmit and no gap pull, gaps stay unfilled, and the checker says so', async () => {
  const { report, faults } = await runChaos({ seconds: 10, seed: 8, control: 'no-gap-pull', faultKinds: ['drop-pushes'], crashPoints: false });
  assert.ok((faults['drop-pushes'] ?? 0) > 0, 'pushes were dropped');
  assert.equal(report.ok, false);
  assert.ok(report.violations.gapsNeverFilled.count > 0, JSON.stringify(report.stats));
});
