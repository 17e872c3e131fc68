/**
 * Login throttling: growing waits after failed logins, per account and per
 * network address. The first `freeFailures` failures of a key cost nothing;
 * after that each attempt must wait `baseMs`, doubling with each further failure
 * up to `maxMs`. An attempt during the wait is refused (RATE_LIMITED, HTTP 429
 * with Retry-After) without checking the password, so guessing is bounded by the
 * waits, not by how fast a client can ask. A successful login clears its
 * account's failures and its address's. A key's failures are forgotten
 * FORGET_AFTER_MS after its last failure.
 *
 * Where the counts live:
 * - One node (local bus): in this node's memory (bounded: the least recently
 *   used keys are forgotten first).
 * - A cluster (Redis bus): in that Redis under the cluster's prefix, so N nodes
 *   allow the free failures once, not N times. Per key a hash of the failure
 *   count and the until-time (wall-clock ms, since every node reads it), with
 *   a TTL; a failure is counted by one Lua script, so two nodes counting at
 *   once both count.
 * - While Redis is unreachable each node counts in its own memory, as on one
 *   node (a cluster then allows up to N times the free failures) — neither
 *   failing open (no throttle) nor closed (no logins). As in rate-limits.ts the
 *   connection never queues commands while down, so a login never waits for a
 *   reconnect. A check also reads the memory counts, so a key throttled on this
 *   node during an outage stays throttled when Redis is back.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { ErrorCode, ParleyError } from '@parley/protocol';
import { BoundedMap } from '../bounded-map.ts';

export interface LoginThrottleSettings {
  freeFailures: number;
  freeFailuresPerAddress: number;
  baseMs: number;
  maxMs: number;
}

export interface LoginThrottleOptions {
  /** The cluster's Redis (the bus URL) and key prefix; absent: this node counts alone, in memory. */
  redis?: { url: string; prefix: string };
  log?: (msg: string, err?: unknown) => void;
  /** Wall-clock ms (nodes compare each other's until-times). */
  now?: () => number;
}

interface Failures {
  count: number;
  /** No attempt before this (wall-clock ms). */
  until: number;
  /** Forgotten after this (wall-clock ms). */
  expires: number;
}

/** A refusal that says how long to wait. */
export class ThrottledError extends ParleyError {
  constructor(retryAfterMs: number, what: string) {
    super(ErrorCode.RATE_LIMITED, `too many failed logins for this ${what}; retry in ${Math.ceil(retryAfterMs / 1000)} s`, { retryAfterMs });
  }
}

/** Keys remembered per kind (account, address) in memory. */
const MAX_KEYS = 100_000;
/** Longest login name or address kept as itself in a Redis key (user ids have at most 64 characters). */
const MAX_KEY_TEXT = 128;
/** Failures are forgotten this long after a key's last one (at least twice the longest wait). */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Count one failure of each of KEYS (account, address). ARGV: now, base, max,
 * keep (TTL ms), then the free failures of each key. Returns nothing: the next
 * check reads the until-times.
 */
const FAILED_SCRIPT = `
local now, base, max, keep = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
for i, key in ipairs(KEYS) do
  local free = tonumber(ARGV[4 + i])
  local count = redis.call('HINCRBY', key, 'count', 1)
  if count >= free then
    local wait = math.min(max, base * 2 ^ math.min(count - free, 40))
    redis.call('HSET', key, 'until', string.format('%.0f', now + wait))
  end
  redis.call('PEXPIRE', key, keep)
end
return 0
`;

type RedisWithScripts = Redis & { loginFailed(account: string, address: string, ...args: (string | number)[]): Promise<unknown> };

export class LoginThrottle {
  private readonly accounts = new BoundedMap<string, Failures>(MAX_KEYS);
  private readonly addresses = new BoundedMap<string, Failures>(MAX_KEYS);
  private readonly client: RedisWithScripts | undefined;
  private readonly prefix: string;
  private readonly now: () => number;
  private readonly keepMs: number;
  private readonly log: (msg: string, err?: unknown) => void;
  /** True once a Redis command failed, until one succeeds again (to log the switch once). */
  private down = false;

  constructor(
    private readonly settings: LoginThrottleSettings,
    options: LoginThrottleOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
    this.keepMs = Math.max(FORGET_AFTER_MS, 2 * settings.maxMs);
    this.prefix = `${options.redis?.prefix ?? 'parley'}:login`;
    if (options.redis) {
      const client = new Redis(options.redis.url, {
        connectionName: `${options.redis.prefix}:login-throttle`,
        // Never wait for Redis: a command while it is away fails at once and memory answers.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: 1000,
        retryStrategy: (attempt) => Math.min(50 * attempt, 1000),
      });
      client.defineCommand('loginFailed', { numberOfKeys: 2, lua: FAILED_SCRIPT });
      // Connection errors surface as failed commands (see viaRedis()); this only keeps them from being unhandled.
      client.on('error', () => {});
      this.client = client as RedisWithScripts;
    }
  }

  /** True while the counts are the cluster's (Redis connected); false on one node or while Redis is away. */
  get shared(): boolean {
    return this.client?.status === 'ready';
  }

  /** Throws ThrottledError while the account or the address must wait. */
  async check(account: string, address: string): Promise<void> {
    const now = this.now();
    let accountUntil = this.live(this.accounts, account, now)?.until ?? 0;
    let addressUntil = this.live(this.addresses, address, now)?.until ?? 0;
    await this.viaRedis('check', async (client) => {
      const [a, b] = await Promise.all([client.hget(this.key('account', account), 'until'), client.hget(this.key('address', address), 'until')]);
      accountUntil = Math.max(accountUntil, Number(a ?? 0));
      addressUntil = Math.max(addressUntil, Number(b ?? 0));
    });
    if (accountUntil > now) throw new ThrottledError(accountUntil - now, 'account');
    if (addressUntil > now) throw new ThrottledError(addressUntil - now, 'address');
  }

  async failed(account: string, address: string): Promise<void> {
    const { freeFailures, freeFailuresPerAddress, baseMs, maxMs } = this.settings;
    const counted = await this.viaRedis('failure', (client) =>
      client.loginFailed(this.key('account', account), this.key('address', address), this.now(), baseMs, maxMs, this.keepMs, freeFailures, freeFailuresPerAddress),
    );
    if (counted) return;
    this.count(this.accounts, account, freeFailures);
    this.count(this.addresses, address, freeFailuresPerAddress);
  }

  async succeeded(account: string, address: string): Promise<void> {
    this.accounts.delete(account);
    this.addresses.delete(address);
    await this.viaRedis('success', (client) => client.del(this.key('account', account), this.key('address', address)));
  }

  async close(): Promise<void> {
    this.client?.disconnect();
  }

  private key(kind: 'account' | 'address', id: string): string {
    // A login name is whatever a client typed: a long one is kept as its hash, so guesses cannot fill Redis with big keys.
    return `${this.prefix}:${kind}:${id.length <= MAX_KEY_TEXT ? id : `sha256:${createHash('sha256').update(id).digest('base64url')}`}`;
  }

  /**
   * Run `work` on Redis: true when it ran, false on one node or when Redis
   * failed (then the memory counts answer; the switch is logged once each way).
   */
  private async viaRedis(what: string, work: (client: RedisWithScripts) => Promise<unknown>): Promise<boolean> {
    if (!this.client) return false;
    try {
      await work(this.client);
    } catch (err) {
      if (!this.down) this.log(`login throttle: Redis unreachable (${what}); counting failed logins per node until it is back`, err);
      this.down = true;
      return false;
    }
    if (this.down) this.log('login throttle: Redis is back; counting failed logins cluster-wide again');
    this.down = false;
    return true;
  }

  private live(map: BoundedMap<string, Failures>, key: string, now: number): Failures | undefined {
    const entry = map.get(key);
    if (entry && entry.expires <= now) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  private count(map: BoundedMap<string, Failures>, key: string, free: number): void {
    const now = this.now();
    const entry = this.live(map, key, now) ?? { count: 0, until: 0, expires: 0 };
    entry.count++;
    if (entry.count >= free) {
      const { baseMs, maxMs } = this.settings;
      const doublings = Math.min(entry.count - free, 40);
      entry.until = now + Math.min(maxMs, baseMs * 2 ** doublings);
    }
    entry.expires = now + this.keepMs;
    map.set(key, entry);
  }
}
