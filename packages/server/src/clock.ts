/**
 * The server's two clocks. They answer different questions and must not be mixed:
 *
 * - `monotonic()`: milliseconds on a clock that only moves forward at a steady
 *   rate (performance.now()), from an arbitrary origin. For everything that
 *   measures elapsed time or waits for a deadline: the timer wheels, heartbeats,
 *   the auth deadline, retransmits, rate windows, bounded waits. When the
 *   machine's clock is stepped (NTP, a VM resumed, an operator), these neither
 *   stall (a step back) nor fire all at once (a step forward).
 * - `wall()`: milliseconds since the Unix epoch (Date.now()). For a time that is
 *   a point in the world, which clients show and other nodes compare: a
 *   message's server time, last seen, a mute's end, token expiry, when a
 *   connection was made (the device policy ranks connections across nodes).
 *
 * The composition root passes one Clock down; tests inject their own (a wall
 * clock stepped back, say) instead of patching globals. Values of the two
 * clocks are never compared with each other.
 */
export interface Clock {
  /** Milliseconds from an arbitrary origin, never going back: for elapsed time and deadlines. */
  monotonic(): number;
  /** Milliseconds since the Unix epoch: for points in time. */
  wall(): number;
}

/** The process's clocks. */
export const systemClock: Clock = {
  monotonic: () => performance.now(),
  wall: () => Date.now(),
};
