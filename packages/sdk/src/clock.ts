/**
 * Time for measuring, not for telling: milliseconds on a monotonic clock, which
 * never steps back when the wall clock is corrected. Every timeout, heartbeat,
 * retransmit and reorder window of the client is measured with it; only times
 * that name a moment in the world (a message's createdAt) use Date.now().
 */
export function monotonicNow(): number {
  return performance.now();
}
