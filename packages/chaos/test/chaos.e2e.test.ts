/**
 * The reliability harness in CI: a short seeded run under every kind of fault must
 * report all zeros, and each negative control (a server switch that breaks the
 * contract on purpose) must make the checker fail. A checker that cannot fail
 * proves nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHECKS } from '../src/checker.ts';
import { runChaos } from '../src/run.ts';

test('Chaos › a seeded run under faults and crash points keeps the contract (all counts 0)', async (t) => {
  const result = await runChaos({ seconds: 45, seed: 20261123 });
  const { report } = result;
  t.diagnostic(`sends ${report.stats.sends}, deliveries ${report.stats.deliveries}, faults ${JSON.stringify(result.faults)}`);
  for (const c of CHECKS) assert.equal(report.violations[c].count, 0, `${c}: ${report.violations[c].examples.join('; ')}`);
  assert.ok(report.stats.acked > 1000, 'a real workload ran');
  assert.equal(report.stats.unknown, 0, 'every send settled');
  const faults = Object.values(result.faults).reduce((a, b) => a + b, 0);
  assert.ok(faults >= 10, `faults were injected (${faults})`);
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
