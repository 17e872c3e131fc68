/** A load-generator process: runs the scenario phases the coordinator asks for. */
import { scenarios } from './scenarios/index.ts';

const state: Record<string, unknown> = {};

process.on('message', (msg: { id: number; scenario: string; phase: string; arg: unknown }) => {
  const phase = scenarios[msg.scenario]?.worker[msg.phase];
  if (!phase) {
    process.send!({ id: msg.id, error: `no phase ${msg.scenario}.${msg.phase}` });
    return;
  }
  phase(state, msg.arg).then(
    (result) => process.send!({ id: msg.id, result }),
    (err: Error) => process.send!({ id: msg.id, error: err.stack ?? String(err) }),
  );
});

// The coordinator is done (or gone): leave, closing every connection with the process.
process.on('disconnect', () => process.exit(0));
