/**
 * Cluster mode under the reliability harness: `parley serve` nodes on a fresh
 * PostgreSQL database and a private Redis, devices spread over the nodes chatting
 * 1:1 and in one group (so senders on different nodes write into one
 * conversation all along), while nodes, Redis and PostgreSQL connections fail.
 * The checker must count no lost, duplicated, reordered or unfilled message.
 * PostgreSQL and Redis must be there: these tests fail, not skip, without them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '@parley/testkit';
import { CHECKS } from '../src/checker.ts';
import { CLUSTER_FAULTS, runClusterChaos, type ClusterFault } from '../src/cluster-run.ts';

async function clusterRun(name: string, nodes: number, faults: readonly ClusterFault[], seconds: number, seed: number): Promise<void> {
  test(`Cluster › ${name}`, async (t) => {
    const db = await createTestDatabase();
    try {
      // minRounds: each kind asked for is injected before the run ends, however slow the machine.
      const result = await runClusterChaos({ pgUrl: db.url, nodes, faults, seconds, seed, users: 4, devicesPerUser: 2, sendIntervalMs: 40, minRounds: 1 });
      const { report } = result;
      t.diagnostic(`sends ${report.stats.sends}, acked ${report.stats.acked}, deliveries ${report.stats.deliveries}, faults ${JSON.stringify(result.faults)}`);
      for (const c of CHECKS) assert.equal(report.violations[c].count, 0, `${c}: ${report.violations[c].examples.join('; ')}`);
      assert.equal(report.stats.unknown, 0, 'every send settled');
      assert.ok(report.stats.acked > 200, `a real workload ran (${report.stats.acked} acked)`);
      for (const kind of faults) assert.ok((result.faults[kind] ?? 0) > 0, `${kind} was injected`);
      // Membership changes ran (an invite may not come round in a short run whose database is cut).
      assert.ok((result.faults['membership:kick'] ?? 0) > 0, 'members were removed during the run');
      // Devices of one user sit on different nodes, and group sends come from all of them.
      const groupSenders = new Set([...result.history.sends.values()].filter((s) => s.outcome === 'ok' && s.conversationId?.startsWith('g:')).map((s) => s.deviceId));
      assert.ok(groupSenders.size >= 4, `concurrent group senders through different nodes (${groupSenders.size})`);
    } finally {
      await db.drop();
    }
  });
}

void clusterRun('two nodes, users spread over them, chatting 1:1 and in a group, keep the contract', 2, [], 10, 101);
void clusterRun('three nodes, one killed with kill -9 mid-stream and restarted, keep the contract', 3, ['kill-node'], 15, 102);
void clusterRun('a node drained with SIGTERM mid-stream: its clients move on and lose nothing', 2, ['drain-node'], 12, 103);
void clusterRun('Redis killed and restarted empty, and flushed, mid-stream: nothing acknowledged is lost', 2, ['redis-kill', 'redis-flush'], 14, 104);
void clusterRun("the nodes' PostgreSQL connections cut and blackholed, then restored, mid-stream", 2, ['pg-cut'], 12, 105);
void clusterRun('three nodes with every fault at once', 3, CLUSTER_FAULTS, 20, 106);

test('Cluster › negative control: nodes that ack before commit lose acked messages when killed, and the checker says so', async () => {
  const db = await createTestDatabase();
  try {
    const { report } = await runClusterChaos({
      pgUrl: db.url, nodes: 2, faults: ['kill-node'], seconds: 20, seed: 107, users: 4, devicesPerUser: 2, sendIntervalMs: 40, control: 'ack-before-commit',
    });
    // A kill loses acked messages only when it takes a node that holds acked, uncommitted
    // ones at that moment; 20 s of kills make that near certain even on a loaded machine.
    assert.equal(report.ok, false, `no violation found: ${JSON.stringify(report.stats)}`);
    assert.ok(report.violations.ackedLost.count > 0, JSON.stringify(report.stats));
  } finally {
    await db.drop();
  }
});
