/**
 * Login throttling: growing waits after failed logins, per account and per
 * network address. The first `freeFailures` failures of a key cost nothing;
 * after that each attempt must wait `baseMs`, doubling with each further failure
 * up to `maxMs`. An attempt during the wait is refused (RATE_LIMITED, HTTP 429
 * with Retry-After) without checking the password, so guessing is bounded by the
 * waits, not by how fast a client can ask. A successful login clears its
 * account's failures and its address's.
 *
 * The counts live in this node's memory (bounded: the oldest keys are forgotten
 * first). In a cluster each node counts on its own, so N nodes allow N times
 * the free failures; the waits still grow on each of them.
 */
import { ErrorCode, ParleyError } from '@parley/protocol';
import { BoundedMap } from '../bounded-map.ts';

export interface LoginThrottleSettings {
  freeFailures: number;
  freeFailuresPerAddress: number;
  baseMs: number;
  maxMs: number;
}

interface Failures {
  count: number;
  /** No attempt before this (ms, the throttle's clock). */
  until: number;
}

/** A refusal that says how long to wait. */
export class ThrottledError extends ParleyError {
  constructor(retryAfterMs: number, what: string) {
    super(ErrorCode.RATE_LIMITED, `too many failed logins for this ${what}; retry in ${Math.ceil(retryAfterMs / 1000)} s`, { retryAfterMs });
  }
}

/** Keys remembered per kind (account, address). */
const MAX_KEYS = 100_000;

export class LoginThrottle {
  private readonly accounts = new BoundedMap<string, Failures>(MAX_KEYS);
  private readonly addresses = new BoundedMap<string, Failures>(MAX_KEYS);

  constructor(
    private readonly settings: LoginThrottleSettings,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Throws ThrottledError while the account or the address must wait. */
  check(account: string, address: string): void {
    const now = this.now();
    const a = this.accounts.get(account);
    if (a && a.until > now) throw new ThrottledError(a.until - now, 'account');
    const b = this.addresses.get(address);
    if (b && b.until > now) throw new ThrottledError(b.until - now, 'address');
  }

  failed(account: string, address: string): void {
    this.count(this.accounts, account, this.settings.freeFailures);
    this.count(this.addresses, address, this.settings.freeFailuresPerAddress);
  }

  succeeded(account: string, address: string): void {
    this.accounts.delete(account);
    this.addresses.delete(address);
  }

  private count(map: BoundedMap<string, Failures>, key: string, free: number): void {
    const entry = map.get(key) ?? { count: 0, until: 0 };
    entry.count++;
    if (entry.count >= free) {
      const { baseMs, maxMs } = this.settings;
      const doublings = Math.min(entry.count - free, 40);
      entry.until = this.now() + Math.min(maxMs, baseMs * 2 ** doublings);
    }
    map.set(key, entry);
  }
}
