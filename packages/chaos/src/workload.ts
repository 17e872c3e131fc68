/**
 * The workload every chaos run drives, whatever it runs against: SDK devices of
 * several users, each sending 1:1 and group messages at random moments, with
 * every send and every message shown recorded in the history; then the drain
 * that waits until every device has everything the store holds for it.
 */
import { ErrorCode } from '@parley/protocol';
import { ParleyClient } from '@parley/sdk';
import type { MemberRow, StoredRow } from './checker.ts';
import type { History } from './history.ts';

export interface Device {
  deviceId: string;
  userId: string;
  client: ParleyClient;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The harness's clock, for its deadlines and the times in a run's history:
 * monotonic (a step of the machine's clock neither ends a run early nor stretches
 * it), in ms since the epoch as it was when the process started.
 */
export const now = () => performance.timeOrigin + performance.now();

/** Devices `${user}-dev${d}`; `urlOf` says where each connects; every message shown goes to the history. */
export function createDevices(input: {
  users: readonly string[];
  devicesPerUser: number;
  tokens: ReadonlyMap<string, string>;
  urlOf: (userIndex: number, device: number) => string | string[];
  history: History;
  testDisableGapPull?: boolean;
}): Device[] {
  const devices: Device[] = [];
  input.users.forEach((userId, u) => {
    for (let d = 0; d < input.devicesPerUser; d++) {
      const deviceId = `${userId}-dev${d}`;
      const client = new ParleyClient({
        url: input.urlOf(u, d),
        token: input.tokens.get(userId)!,
        deviceId,
        backoff: { baseMs: 20, maxMs: 300 },
        ackTimeoutMs: 1000,
        reorderWindowMs: 100,
        connectTimeoutMs: 2000,
        // Every send's outcome must be known at the end: a send still queued when the
        // SDK's own deadline (a minute by default) passes is "unknown" to the checker,
        // and on a heavily loaded machine a healthy backlog can take longer than that.
        sendTimeoutMs: 10 * 60_000,
        testDisableGapPull: input.testDisableGapPull,
      });
      client.on('error', () => {});
      client.on('message', (m) =>
        input.history.deliveries.push({ deviceId, userId, conversationId: m.conversationId, seq: m.seq, messageId: m.id, payload: m.text ?? `#${m.id}`, at: now() }),
      );
      devices.push({ deviceId, userId, client });
    }
  });
  return devices;
}

/**
 * Each device sends to a random other user, or to the group (30 %), after a
 * random pause (from its own seeded stream), until `running()` says stop. Sends still in flight are in `pending`.
 */
export function runSenders(input: {
  devices: readonly Device[];
  users: readonly string[];
  group: string;
  sendIntervalMs: number;
  /** Each device's own random stream (see `streamOf`), so one device's choices do not depend on the others' timing. */
  randomOf: (deviceId: string) => () => number;
  running: () => boolean;
  history: History;
  pending: Set<Promise<unknown>>;
}): Promise<void[]> {
  const { devices, users, group, running, history, pending } = input;
  return Promise.all(
    devices.map(async (device) => {
      const random = input.randomOf(device.deviceId);
      const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
      let counter = 0;
      while (running()) {
        await sleep(random() * 2 * input.sendIntervalMs);
        if (!running()) break;
        const toGroup = random() < 0.3;
        const to = toGroup ? group : pick(users.filter((u) => u !== device.userId));
        const clientMsgId = `${device.deviceId}.${counter++}`;
        const op = history.invoke({ clientMsgId, userId: device.userId, deviceId: device.deviceId, to, invokedAt: now() });
        const target = toGroup ? { conversationId: group } : { to };
        const p = device.client.send({ ...target, text: clientMsgId, clientMsgId }).then(
          (ack) => Object.assign(op, { outcome: 'ok', completedAt: now(), seq: ack.seq, messageId: ack.messageId, conversationId: ack.conversationId }),
          // A retryable rejection (the SDK's sendTimeoutMs) leaves the send queued: its outcome is not known yet.
          (err: { code?: string; message: string; retryable?: boolean }) =>
            err.retryable ? Object.assign(op, { error: err.code ?? err.message }) : Object.assign(op, { outcome: 'failed', completedAt: now(), error: err.code ?? err.message }),
        );
        pending.add(p);
        void p.finally(() => pending.delete(p));
      }
    }),
  );
}

/**
 * Wait for the workload's parts (senders, nemesis, churner) to end. One still
 * going two minutes after `running` turned false is named in the error that ends
 * the run: a hang would otherwise last until the test's own timeout, with
 * nothing to show.
 */
export async function joinParts(parts: Record<string, Promise<unknown>>, running: () => boolean): Promise<void> {
  const going = new Set(Object.keys(parts));
  const all = Promise.all(Object.entries(parts).map(([name, p]) => p.finally(() => going.delete(name))));
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    const watch = () => {
      if (running()) {
        timer = setTimeout(watch, 250);
        return;
      }
      timer = setTimeout(() => reject(new Error(`the workload did not end within 2 minutes of the run's end; still going: ${[...going].join(', ')}`)), 120_000);
    };
    watch();
  });
  try {
    await Promise.race([all, watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Wait while `progress` keeps moving until `done`, giving up only after `stallMs`
 * without any progress (or `capMs` in all). A deadline measured from the start
 * fails a loaded machine that is merely slow; one measured from the last
 * progress fails only a run that has really stopped, which is what a liveness
 * check must catch.
 */
async function waitWhileProgressing(done: () => boolean, progress: () => number, stallMs: number, capMs = 5 * 60_000): Promise<void> {
  const giveUpAt = now() + capMs;
  let last = progress();
  let stalledSince = now();
  while (!done() && now() < giveUpAt) {
    await sleep(20);
    const p = progress();
    if (p !== last) {
      last = p;
      stalledSince = now();
    } else if (now() - stalledSince > stallMs) return;
  }
}

/** Wait until every send in flight has settled (given up after a minute in which none settled). */
export async function settle(pending: Set<Promise<unknown>>): Promise<void> {
  await waitWhileProgressing(() => pending.size === 0, () => pending.size, 60_000);
}

/**
 * Wait until every send settled and every device has shown all the store holds
 * for it (given up after 30 s in which no device moved).
 */
export async function drain(devices: readonly Device[], pending: Set<Promise<unknown>>, readStore: () => Promise<{ stored: StoredRow[]; members: MemberRow[] }>): Promise<void> {
  await settle(pending);
  const { stored, members } = await readStore();
  const maxSeq = new Map<string, number>();
  for (const r of stored) maxSeq.set(r.conversationId, Math.max(maxSeq.get(r.conversationId) ?? 0, r.seq));
  const owed = devices.flatMap((d) => members.filter((m) => m.userId === d.userId).map((m) => ({ d, conversationId: m.conversationId, maxSeq: maxSeq.get(m.conversationId) ?? 0 })));
  const drained = () => owed.every((o) => o.d.client.cursor(o.conversationId) >= o.maxSeq);
  const shown = () => owed.reduce((sum, o) => sum + Math.min(o.d.client.cursor(o.conversationId), o.maxSeq), 0);
  await waitWhileProgressing(drained, shown, 30_000);
  await sleep(300); // a duplicate or stray delivery would show up now
}

/**
 * Membership changes: the group's owner kicks a random member, or invites one
 * back, every second or two, through whatever faults are on. `random` is a
 * stream of its own, so the senders' choices are the same with churn on or off.
 * Each change done is counted in `counts` as membership:kick / membership:invite.
 */
export async function runChurner(input: {
  owner: ParleyClient;
  group: string;
  others: readonly string[];
  random: () => number;
  running: () => boolean;
  counts: Record<string, number>;
}): Promise<void> {
  const { owner, group, others, random, running, counts } = input;
  const outOfGroup = new Set<string>();
  while (running()) {
    await sleep(800 + random() * 1200);
    if (!running()) break;
    const user = others[Math.floor(random() * others.length)]!;
    const kicking = !outOfGroup.has(user);
    try {
      await (kicking ? owner.kick(group, [user]) : owner.invite(group, [user]));
      if (kicking) outOfGroup.add(user);
      else outOfGroup.delete(user);
      const kind = kicking ? 'membership:kick' : 'membership:invite';
      counts[kind] = (counts[kind] ?? 0) + 1;
    } catch (err) {
      // The answer tells the state; a lost connection leaves it to the next try.
      const code = (err as { code?: string }).code;
      if (code === ErrorCode.NOT_MEMBER) outOfGroup.add(user);
      else if (code === ErrorCode.ALREADY_MEMBER) outOfGroup.delete(user);
    }
  }
}

/** Everyone back in the group, so every device ends as a member of everything. */
export async function inviteAllBack(owner: ParleyClient, group: string, others: readonly string[]): Promise<void> {
  for (const user of others) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const done = await owner.invite(group, [user]).then(
        () => true,
        (err: { code?: string }) => err.code === ErrorCode.ALREADY_MEMBER,
      );
      if (done) break;
      await sleep(50);
    }
  }
}
