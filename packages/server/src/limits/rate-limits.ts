/**
 * Rate limits: how often a user, an IP address or a connection may do a thing.
 *
 * Counting is rate-limiter-flexible's. On one node the counters live in memory.
 * With a Redis bus they live in that Redis under the cluster's prefix, so N nodes
 * allow a limit once, not N times. Every Redis limiter has an in-memory
 * `insuranceLimiter` with the same limit: while Redis is unreachable each node
 * counts alone (a cluster of N then allows up to N times a limit) instead of
 * refusing everything (failing closed) or nothing (failing open). The Redis
 * connection never queues commands while down, so a check never waits for a
 * reconnect: it fails at once and the insurance answers.
 *
 * A refusal is a ParleyError RATE_LIMITED carrying `retryAfterMs`, which the
 * gateway puts in the Error frame and the HTTP guard in `Retry-After`. A check
 * comes before the work it guards, so a limited send stores nothing.
 *
 * Per-user limits may be overridden for one user (store-backed, see
 * `UserLimitOverrides`); overrides are cached per node for OVERRIDE_CACHE_MS.
 * Frames are counted by `FrameBucket` below, not here: a user's connections on
 * one node share one, checked synchronously on the hot path so frames keep
 * their order, never shared between nodes; past it a connection is not refused
 * but read no faster than its rate (gateway/session.ts).
 *
 * To add a limit: a setting in config.ts (0 = off), a row in `userLimitSpecs`
 * or `ipLimitSpecs`, a call where the work starts, a test in rate-limits.e2e.
 */
import { Redis } from 'ioredis';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode, ParleyError } from '@parley/protocol';
import { BoundedMap } from '../bounded-map.ts';
import type { Config } from '../config/config.ts';

/** Per-user limits, by the name an override uses. */
export const USER_LIMIT_NAMES = ['sendsPerSecond', 'sendBurst', 'groupCreatesPerHour', 'friendRequestsPerHour', 'invitesPerHour'] as const;
export type UserLimitName = (typeof USER_LIMIT_NAMES)[number];
/** What a user does that is limited (sends count against sendsPerSecond, then sendBurst). */
export type UserAction = 'send' | 'groupCreate' | 'friendRequest' | 'invite';
export type IpAction = 'connection' | 'registration' | 'httpRequest';

/** One user's own limits: any of USER_LIMIT_NAMES; 0 means unlimited for this user. */
export type UserLimitOverride = Partial<Record<UserLimitName, number>>;

/** Where overrides are kept (the store): read per user, cached briefly. */
export interface UserLimitOverrides {
  userLimits(userId: string): Promise<UserLimitOverride | undefined>;
}

/** What the chat service asks before work a user asked for. */
export interface UserRateLimits {
  /** Resolves when `userId` may do `action` (`cost` times); rejects with RATE_LIMITED otherwise. */
  take(action: UserAction, userId: string, cost?: number): Promise<void>;
}

/** How long a node keeps a user's override before reading it again (another node's change shows within this). */
export const OVERRIDE_CACHE_MS = 30_000;
const OVERRIDE_CACHE_MAX = 100_000;

type RateSettings = Pick<
  Config,
  | 'limitSendsPerSecond'
  | 'limitSendBurst'
  | 'limitSendBurstSeconds'
  | 'limitGroupCreatesPerHour'
  | 'limitFriendRequestsPerHour'
  | 'limitInvitesPerHour'
  | 'limitConnectionsPerIpPerMinute'
  | 'limitRegistrationsPerIpPerHour'
  | 'limitHttpRequestsPerIpPerMinute'
>;

interface Spec {
  /** Points per window (0: unlimited). */
  points: number;
  seconds: number;
}

function userSpecs(s: RateSettings): Record<UserLimitName, Spec> {
  return {
    sendsPerSecond: { points: s.limitSendsPerSecond, seconds: 1 },
    sendBurst: { points: s.limitSendBurst, seconds: s.limitSendBurstSeconds },
    groupCreatesPerHour: { points: s.limitGroupCreatesPerHour, seconds: 3600 },
    friendRequestsPerHour: { points: s.limitFriendRequestsPerHour, seconds: 3600 },
    invitesPerHour: { points: s.limitInvitesPerHour, seconds: 3600 },
  };
}

function ipSpecs(s: RateSettings): Record<IpAction, Spec> {
  return {
    connection: { points: s.limitConnectionsPerIpPerMinute, seconds: 60 },
    registration: { points: s.limitRegistrationsPerIpPerHour, seconds: 3600 },
    httpRequest: { points: s.limitHttpRequestsPerIpPerMinute, seconds: 60 },
  };
}

const ACTION_LIMIT: Record<Exclude<UserAction, 'send'>, UserLimitName> = {
  groupCreate: 'groupCreatesPerHour',
  friendRequest: 'friendRequestsPerHour',
  invite: 'invitesPerHour',
};

const WHAT: Record<UserAction | IpAction, string> = {
  send: 'messages',
  groupCreate: 'group creations',
  friendRequest: 'friend requests',
  invite: 'invitations',
  connection: 'connections from this address',
  registration: 'registrations from this address',
  httpRequest: 'HTTP requests from this address',
};

export interface RateLimitsOptions {
  settings: RateSettings;
  /** The cluster's Redis (the bus URL) and key prefix; absent: this node counts alone, in memory. */
  redis?: { url: string; prefix: string };
  overrides?: UserLimitOverrides;
  log?: (msg: string, err?: unknown) => void;
}

export class RateLimits implements UserRateLimits {
  private readonly user: Record<UserLimitName, Spec>;
  private readonly ip: Record<IpAction, Spec>;
  /** Limiters by name and points: an override with other points counts apart. */
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly overrideCache = new BoundedMap<string, { at: number; value: UserLimitOverride | undefined }>(OVERRIDE_CACHE_MAX);
  private readonly client: Redis | undefined;
  private readonly prefix: string;
  /** Refusals since start, by action (for /metrics and the flood bench). */
  readonly refused: Record<UserAction | IpAction, number> = {
    send: 0, groupCreate: 0, friendRequest: 0, invite: 0, connection: 0, registration: 0, httpRequest: 0,
  };

  constructor(private readonly options: RateLimitsOptions) {
    this.user = userSpecs(options.settings);
    this.ip = ipSpecs(options.settings);
    this.prefix = `${options.redis?.prefix ?? 'parley'}:rl`;
    if (options.redis) {
      const log = options.log ?? (() => {});
      this.client = new Redis(options.redis.url, {
        connectionName: `${options.redis.prefix}:limits`,
        // Never wait for Redis: a check while it is away fails at once and the insurance answers.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: 1000,
        retryStrategy: (attempt) => Math.min(50 * attempt, 1000),
        lazyConnect: false,
      });
      let down = false;
      this.client.on('error', (err) => {
        if (!down) log('rate limits: Redis unreachable; counting per node until it is back', err);
        down = true;
      });
      this.client.on('ready', () => {
        if (down) log('rate limits: Redis is back; counting cluster-wide again');
        down = false;
      });
    }
  }

  /** True while the counts are the cluster's (Redis reachable); false on one node or while Redis is away. */
  get shared(): boolean {
    return this.client?.status === 'ready';
  }

  /** Drop the cached override of a user (after an admin changed it on this node). */
  forget(userId: string): void {
    this.overrideCache.delete(userId);
  }

  async take(action: UserAction, userId: string, cost = 1): Promise<void> {
    const override = this.options.overrides ? await this.overrideOf(userId) : undefined;
    const points = (name: UserLimitName) => override?.[name] ?? this.user[name].points;
    if (action === 'send') {
      const rate = points('sendsPerSecond');
      if (rate === 0) return;
      const burst = points('sendBurst');
      const main = this.limiter('sendsPerSecond', { points: rate, seconds: 1 });
      const limiter = burst > 0 ? new BurstyRateLimiter(main, this.limiter('sendBurst', { points: burst, seconds: this.user.sendBurst.seconds })) : main;
      await this.consume(limiter, action, userId, cost);
      return;
    }
    const name = ACTION_LIMIT[action];
    const p = points(name);
    if (p === 0) return;
    await this.consume(this.limiter(name, { points: p, seconds: this.user[name].seconds }), action, userId, cost);
  }

  /** Resolves when `address` may do `action`; rejects with RATE_LIMITED otherwise. */
  async takeIp(action: IpAction, address: string): Promise<void> {
    const spec = this.ip[action];
    if (spec.points === 0) return;
    await this.consume(this.limiter(action, spec), action, address, 1);
  }

  async close(): Promise<void> {
    this.client?.disconnect();
  }

  private async overrideOf(userId: string): Promise<UserLimitOverride | undefined> {
    const now = performance.now();
    const cached = this.overrideCache.get(userId);
    if (cached && now - cached.at < OVERRIDE_CACHE_MS) return cached.value;
    const value = await this.options.overrides!.userLimits(userId);
    this.overrideCache.set(userId, { at: now, value });
    return value;
  }

  private limiter(name: string, spec: Spec): RateLimiterAbstract {
    const key = `${name}:${spec.points}:${spec.seconds}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      const opts = { keyPrefix: `${this.prefix}:${key}`, points: spec.points, duration: spec.seconds };
      const memory = new RateLimiterMemory(opts);
      limiter = this.client
        ? new RateLimiterRedis({ ...opts, storeClient: this.client, rejectIfRedisNotReady: true, insuranceLimiter: memory })
        : memory;
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  private async consume(limiter: Pick<RateLimiterAbstract, 'consume'>, action: UserAction | IpAction, key: string, cost: number): Promise<void> {
    try {
      await limiter.consume(key, cost);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw new ParleyError(ErrorCode.INTERNAL, 'rate limit check failed', { cause: err });
      this.refused[action]++;
      throw rateLimited(`too many ${WHAT[action]}; retry in ${Math.ceil(err.msBeforeNext)} ms`, err.msBeforeNext);
    }
  }
}

/** The RATE_LIMITED failure, with the wait it asks for (at least 1 ms). */
export function rateLimited(message: string, retryAfterMs: number): ParleyError {
  return new ParleyError(ErrorCode.RATE_LIMITED, message, { retryAfterMs: Math.max(1, Math.ceil(retryAfterMs)) });
}

/**
 * Frames one connection may send: a token bucket of `burst` tokens refilled at
 * `perSecond`. Synchronous, so a frame is checked and handled in arrival order.
 */
export class FrameBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Take a token at monotonic time `now`: 0 when there was one, else the ms until there is. */
  take(now: number): number {
    if (this.perSecond === 0) return 0;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) * 1000) / this.perSecond);
  }
}

/** Validate an override as an admin sends it: known names, integers >= 0. */
export function parseUserLimitOverride(input: unknown): UserLimitOverride {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ParleyError(ErrorCode.INVALID_ARGUMENT, `limits must be an object of ${USER_LIMIT_NAMES.join(', ')}`);
  }
  const out: UserLimitOverride = {};
  for (const [name, value] of Object.entries(input)) {
    if (!(USER_LIMIT_NAMES as readonly string[]).includes(name)) {
      throw new ParleyError(ErrorCode.INVALID_ARGUMENT, `unknown limit "${name}" (known: ${USER_LIMIT_NAMES.join(', ')})`);
    }
    if (!Number.isSafeInteger(value) || (value as number) < 0) throw new ParleyError(ErrorCode.INVALID_ARGUMENT, `${name} must be an integer >= 0 (0: unlimited)`);
    out[name as UserLimitName] = value as number;
  }
  return out;
}
