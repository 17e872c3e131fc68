/**
 * Test-only fault hooks, for the reliability harness. Crash points kill the
 * process (SIGKILL, like a power cut for the process) at a named moment in the
 * path of a message; unsafe modes break the delivery contract on purpose so the
 * harness can prove its checker notices. Both are off unless the test-only
 * settings `testCrashPoint` / `testUnsafe` are given; never set them in production.
 */
export const CrashPoint = {
  /** Inside the append transaction, after the insert, before the commit. */
  AFTER_INSERT: 'after-insert',
  /** After the commit, before the ack and the fan-out. */
  AFTER_COMMIT: 'after-commit',
  /** After the fan-out reached the first device (its bytes handed to the kernel), before the others and the ack. */
  MID_FANOUT: 'mid-fanout',
  /**
   * After the SendAck was handed to the kernel. The gateway queues a message's
   * pushes ahead of its SendAck, so they are out too.
   */
  AFTER_ACK: 'after-ack',
} as const;
export type CrashPoint = (typeof CrashPoint)[keyof typeof CrashPoint];

export const UnsafeMode = {
  /** Ack messages before their transaction commits (commits 300 ms later). */
  ACK_BEFORE_COMMIT: 'ack-before-commit',
  /** Store a resend as a new message instead of returning the original ack. */
  NO_DEDUP: 'no-dedup',
  /**
   * Never resend unacknowledged pushes. Not a break on its own (the SDK's gap pull
   * recovers lost pushes); with the SDK's gap pull disabled too it is the negative
   * control that shows the checker sees unfilled gaps.
   */
  NO_RETRANSMIT: 'no-retransmit',
} as const;
export type UnsafeMode = (typeof UnsafeMode)[keyof typeof UnsafeMode];

export type CrashHook = (point: CrashPoint) => void;

export const noCrash: CrashHook = () => {};

/** A hook that kills this process at `point` with the given probability. */
export function crashHook(point: string, probability: number, random: () => number = Math.random): CrashHook {
  if (point === '') return noCrash;
  if (!Object.values(CrashPoint).includes(point as CrashPoint)) throw new Error(`unknown crash point "${point}"`);
  return (at) => {
    if (at === point && random() < probability) process.kill(process.pid, 'SIGKILL');
  };
}

export function parseUnsafe(list: string): Set<UnsafeMode> {
  const modes = new Set<UnsafeMode>();
  for (const name of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!Object.values(UnsafeMode).includes(name as UnsafeMode)) throw new Error(`unknown unsafe mode "${name}"`);
    modes.add(name as UnsafeMode);
  }
  return modes;
}
