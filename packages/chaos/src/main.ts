/**
 * `npm run chaos -- --seconds N --seed S [--users U --devices D --control MODE --no-membership 1 --json FILE]`
 * Runs the workload under faults and prints the checker's counts (all must be 0)
 * and the fault figures; exits 1 if any count is not 0.
 */
import { writeFileSync } from 'node:fs';
import { CHECKS } from './checker.ts';
import { runChaos, type ChaosOptions } from './run.ts';

const NAMES: Record<string, keyof ChaosOptions> = {
  seconds: 'seconds',
  seed: 'seed',
  users: 'users',
  devices: 'devicesPerUser',
  interval: 'sendIntervalMs',
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options: Partial<ChaosOptions> = {};
  let json: string | undefined;
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i]!, args[i + 1]];
    if (!flag.startsWith('--') || value === undefined) throw new Error(`usage: chaos [--seconds N] [--seed S] [--users U] [--devices D] [--interval MS] [--control ack-before-commit|no-dedup|no-gap-pull|no-retransmit] [--faults kind,kind] [--no-faults 1] [--no-membership 1] [--json FILE]`);
    const name = flag.slice(2);
    if (name === 'json') json = value;
    else if (name === 'control') options.control = value as ChaosOptions['control'];
    else if (name === 'no-faults') options.faults = value !== '1';
    else if (name === 'no-membership') options.membershipChanges = value !== '1';
    else if (name === 'faults') options.faultKinds = value.split(',');
    else if (NAMES[name]) (options as Record<string, number>)[NAMES[name]!] = Number(value);
    else throw new Error(`unknown option ${flag}`);
  }
  const result = await runChaos({ ...options, log: (l) => process.stderr.write(`chaos: ${l}\n`) });
  const { report } = result;
  const rows: [string, string][] = [
    ['seed / seconds', `${result.options.seed} / ${result.options.seconds} s (${result.options.users} users × ${result.options.devicesPerUser} devices)`],
    ['sends', `${report.stats.sends} (acked ${report.stats.acked}, failed ${report.stats.failed}, unknown ${report.stats.unknown}); stored ${report.stats.stored}`],
    ['deliveries to apps', `${report.stats.deliveries} (raw re-deliveries dropped by the SDK: ${result.rawRedeliveries})`],
    ['faults', Object.entries(result.faults).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'],
    ['recovery after fault', `p50 ${result.recoveryMs.p50} ms, max ${result.recoveryMs.max} ms`],
    ['ack → delivery', `p50 ${report.stats.ackToDeliveryMs.p50} ms, p99 ${report.stats.ackToDeliveryMs.p99} ms, max ${report.stats.ackToDeliveryMs.max} ms`],
    ...CHECKS.map((c): [string, string] => [c, String(report.violations[c].count)]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n');
  for (const c of CHECKS) for (const e of report.violations[c].examples) process.stdout.write(`  ${c}: ${e}\n`);
  process.stdout.write(report.ok ? 'checker: all counts 0\n' : 'checker: CONTRACT VIOLATED\n');
  if (json) {
    const out = { options: result.options, faults: result.faults, recoveryMs: result.recoveryMs, rawRedeliveries: result.rawRedeliveries, ...report };
    writeFileSync(json, JSON.stringify(out, null, 2) + '\n');
  }
  process.exit(report.ok ? 0 : 1);
}

main().catch((err: Error) => {
  process.stderr.write(`chaos: ${err.stack ?? err.message}\n`);
  process.exit(2);
});
