/**
 * Deadlines for every wait in the tests. A liveness bug (a close that never
 * comes, a frame never sent, an ack never given) must fail its test in seconds,
 * naming what was awaited, instead of hanging the run until the runner's own
 * timeout. The default is a liveness bound, not a timing assertion: it is far
 * above anything a correct system needs, even on a loaded two-core machine, so
 * a test never fails for being slow. Pass a longer one where a wait really is
 * long (a crash and a restart, a long run of sends).
 */

/** The default deadline of a wait in the tests (ms). */
export const WAIT_MS = 20_000;

/**
 * Poll `cond` (which may ask a server) until it holds; fail with `what` after
 * `timeoutMs`. `what` may be a function, to describe the state at the deadline.
 */
export async function waitUntil(cond: () => boolean | Promise<boolean>, timeoutMs = WAIT_MS, what: string | (() => string) = 'condition'): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await cond())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * `promise`, or a rejection naming `what` if it has not settled after
 * `timeoutMs`. For waits on events and on APIs without a deadline of their own.
 * `what` may be a function, to describe the state at the deadline (the frames
 * received by then, say).
 */
export function withDeadline<T>(promise: Promise<T>, what: string | (() => string), timeoutMs = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`)), timeoutMs);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** `fetch` with a deadline on the answer and its body; a timeout names the request. */
export async function fetchWithin(url: string, init: RequestInit = {}, timeoutMs = WAIT_MS): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    if ((err as Error).name !== 'TimeoutError') throw err;
    throw new Error(`timed out after ${timeoutMs} ms waiting for the answer to ${init.method ?? 'GET'} ${url}`, { cause: err });
  }
}

/**
 * Wait until `check` passes (it throws, as `assert` does, while it does not),
 * then give anything late a moment to arrive and check once more. For what a
 * device was shown "once and in order" after it comes back: the server may
 * finish a sync on its own a little later (after a write that was in flight
 * when it answered), so the first look may be early; the second catches a
 * duplicate or an extra that arrives after the expected state was reached.
 */
export async function eventually(check: () => void | Promise<void>, timeoutMs = WAIT_MS, quietMs = 200): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      break;
    } catch (err) {
      if (performance.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  await new Promise((r) => setTimeout(r, quietMs));
  await check();
}
