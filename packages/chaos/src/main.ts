/**
 * `npm run chaos -- --seconds N --seed S [--users U --devices D --min-rounds N --control MODE --no-membership 1 --json FILE --history FILE]`
 * Runs the workload under faults and prints the checker's counts (all must be 0)
 * and the fault figures as a table, then the same as JSON (to stdout; also to
 * FILE with `--json FILE`); `--history FILE` writes every operation of the run.
 * Exits 1 if any count is not 0 or the server exited on its own. With
 * `--cluster N` the run is against N nodes on a fresh PostgreSQL database and a
 * private Redis. `--min-rounds N` makes the run last until every fault kind has
 * fired N times, however long that takes on this machine.
 */
import { writeFileSync } from 'node:fs';
import { createTestDatabase } from '@parley/testkit';
import { CHECKS, type CheckReport } from './checker.ts';
import { CLUSTER_FAULTS, runClusterChaos, type ClusterFault } from './cluster-run.ts';
import type { History } from './history.ts';
import { DEFAULT_CHAOS, FAULTS, runChaos, type ChaosOptions, type Recovery } from './run.ts';

const NAMES: Record<string, keyof ChaosOptions> = {
  seconds: 'seconds',
  seed: 'seed',
  users: 'users',
  devices: 'devicesPerUser',
  interval: 'sendIntervalMs',
  'min-rounds': 'minRounds',
};

const USAGE = `usage: chaos [--seconds N] [--seed S] [--users U] [--devices D] [--interval MS] [--min-rounds N] [--control ack-before-commit|no-dedup|no-gap-pull|no-retransmit] [--faults kind,kind] [--no-faults 1] [--no-membership 1] [--cluster NODES] [--json FILE|-] [--history FILE]
  faults: ${FAULTS.join(', ')}
  cluster faults: ${CLUSTER_FAULTS.join(', ')}`;

/** A cluster run: a database of its own, dropped afterwards. */
async function clusterRun(nodes: number, options: Partial<ChaosOptions>, log: (l: string) => void) {
  const kinds = options.faults === false ? [] : (options.faultKinds ?? [...CLUSTER_FAULTS]);
  for (const k of kinds) if (!(CLUSTER_FAULTS as readonly string[]).includes(k)) throw new Error(`unknown cluster fault ${k}\n${USAGE}`);
  if (options.control && options.control !== 'ack-before-commit') throw new Error('a cluster run takes --control ack-before-commit only');
  const db = await createTestDatabase();
  try {
    const merged = { ...DEFAULT_CHAOS, ...options };
    const result = await runClusterChaos({
      pgUrl: db.url,
      nodes,
      seconds: merged.seconds,
      seed: merged.seed,
      users: merged.users,
      devicesPerUser: merged.devicesPerUser,
      sendIntervalMs: merged.sendIntervalMs,
      faults: kinds as ClusterFault[],
      control: options.control === 'ack-before-commit' ? 'ack-before-commit' : '',
      membershipChanges: merged.membershipChanges,
      minRounds: merged.minRounds,
      log,
    });
    return { ...result, options: { ...merged, cluster: nodes, faultKinds: kinds, log: undefined } };
  } finally {
    await db.drop();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options: Partial<ChaosOptions> = {};
  let json: string | undefined;
  let historyFile: string | undefined;
  let cluster = 0;
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i]!, args[i + 1]];
    if (!flag.startsWith('--') || value === undefined) throw new Error(USAGE);
    const name = flag.slice(2);
    if (name === 'json') json = value;
    else if (name === 'history') historyFile = value;
    else if (name === 'control') options.control = value as ChaosOptions['control'];
    else if (name === 'no-faults') options.faults = value !== '1';
    else if (name === 'no-membership') options.membershipChanges = value !== '1';
    else if (name === 'faults') options.faultKinds = value.split(',');
    else if (name === 'cluster') cluster = Number(value);
    else if (NAMES[name]) (options as Record<string, number>)[NAMES[name]!] = Number(value);
    else throw new Error(`unknown option ${flag}`);
  }
  if (!(Number.isInteger(cluster) && cluster >= 0 && cluster <= 8)) throw new Error('--cluster must be a node count from 1 to 8');
  if (cluster === 0) for (const k of options.faultKinds ?? []) if (!(FAULTS as readonly string[]).includes(k)) throw new Error(`unknown fault ${k}\n${USAGE}`);
  const log = (l: string) => process.stderr.write(`chaos: ${l}\n`);
  const result: {
    options: Record<string, unknown>;
    report: CheckReport;
    faults: Record<string, number>;
    rawRedeliveries: number;
    recoveryMs?: Recovery & { byKind: Record<string, Recovery> };
    unexpectedExits?: string[];
    runMs?: number;
    history: History;
  } = cluster > 0 ? await clusterRun(cluster, options, log) : await runChaos({ ...options, log });
  const { report } = result;
  const o = result.options as { seed: number; seconds: number; users: number; devicesPerUser: number };
  const rows: [string, string][] = [
    ['seed / seconds', `${o.seed} / ${o.seconds} s (${o.users} users × ${o.devicesPerUser} devices${cluster > 0 ? `, ${cluster} nodes` : ''})${result.runMs !== undefined ? `; ran ${(result.runMs / 1000).toFixed(1)} s` : ''}`],
    ['sends', `${report.stats.sends} (acked ${report.stats.acked}, failed ${report.stats.failed}, unknown ${report.stats.unknown}); stored ${report.stats.stored}`],
    ['deliveries to apps', `${report.stats.deliveries} (raw re-deliveries dropped by the SDK: ${result.rawRedeliveries})`],
    ['faults', Object.entries(result.faults).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'],
    ...(result.recoveryMs
      ? [
          ['recovery after fault', `p50 ${result.recoveryMs.p50} ms, max ${result.recoveryMs.max} ms (${result.recoveryMs.count} faults)`] as [string, string],
          ...Object.entries(result.recoveryMs.byKind).map(([k, r]): [string, string] => [`  ${k}`, `p50 ${r.p50} ms, max ${r.max} ms (${r.count})`]),
        ]
      : []),
    ['ack → delivery', `p50 ${report.stats.ackToDeliveryMs.p50} ms, p99 ${report.stats.ackToDeliveryMs.p99} ms, max ${report.stats.ackToDeliveryMs.max} ms`],
    ...CHECKS.map((c): [string, string] => [c, String(report.violations[c].count)]),
    ...(result.unexpectedExits ? [['server exits not caused by the harness', String(result.unexpectedExits.length)] as [string, string]] : []),
  ];
  const ok = report.ok && (result.unexpectedExits?.length ?? 0) === 0;
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n');
  for (const c of CHECKS) for (const e of report.violations[c].examples) process.stdout.write(`  ${c}: ${e}\n`);
  for (const e of result.unexpectedExits ?? []) process.stdout.write(`  server exit: ${e}\n`);
  process.stdout.write(ok ? 'checker: all counts 0\n' : report.ok ? 'checker: all counts 0, but the server exited on its own\n' : 'checker: CONTRACT VIOLATED\n');
  const out = {
    options: result.options,
    faults: result.faults,
    faultEvents: result.history.faults,
    recoveryMs: result.recoveryMs ?? null,
    unexpectedExits: result.unexpectedExits ?? null,
    runMs: result.runMs ?? null,
    rawRedeliveries: result.rawRedeliveries,
    ...report,
  };
  const text = JSON.stringify(out, null, 2) + '\n';
  process.stdout.write(text);
  if (json && json !== '-') writeFileSync(json, text);
  if (historyFile) writeFileSync(historyFile, JSON.stringify({ options: result.options, ...(result.history.toJSON() as object) }) + '\n');
  process.exit(ok ? 0 : 1);
}

main().catch((err: Error) => {
  process.stderr.write(`chaos: ${err.stack ?? err.message}\n`);
  process.exit(2);
});
