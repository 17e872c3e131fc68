/**
 * Accounts of Parley's self-contained setup: register, log in, admin create —
 * and the sign-in sessions every Parley-issued token belongs to.
 *
 * - User ids are case-insensitive (user-ids.ts): a new user is stored under the
 *   canonical form; every user is found by its login name, which is that form.
 * - Login costs the same whether or not the user exists: an unknown user's
 *   password is checked against a dummy hash of the same scrypt parameters, so
 *   the answer's timing does not tell which user ids exist.
 * - Failed logins make further attempts wait (login-throttle.ts).
 * - New passwords follow password-rules.ts.
 * - Each login (or register, or admin-issued token) opens a sign-in session
 *   (store table auth_sessions); its tokens name it (`sid`). Signing a session
 *   out marks it revoked in the store — every node then refuses its tokens — and
 *   publishes a `revoke` bus event, on which every node's gateway closes the
 *   session's live connections (KICKED).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { ErrorCode, Limits, ParleyError } from '@parley/protocol';
import type { Bus } from '../chat/types.ts';
import type { AccountsPort, AuthSessionRecord } from './accounts-port.ts';
import { LoginThrottle, type LoginThrottleOptions, type LoginThrottleSettings } from './login-throttle.ts';
import { checkNewPassword } from './password-rules.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { TokenService } from './tokens.ts';
import { canonicalUserId } from './user-ids.ts';

export interface NewAccount {
  userId?: unknown;
  password?: unknown;
  displayName?: unknown;
}

/** Where a login or a request comes from. */
export interface ClientContext {
  /** The client's network address (no port). */
  address: string;
  /** What the client calls itself (a login's `device`, or its User-Agent). */
  device?: string;
}

/** A token and the session it belongs to. */
export interface IssuedToken {
  userId: string;
  token: string;
  sessionId: string;
  expiresAt: number;
}

/** Who a token is, once verified and checked against its session. */
export interface Authenticated {
  userId: string;
  /** The sign-in session (Parley-issued tokens; undefined for an app backend's). */
  sessionId: string | undefined;
  /** When the token expires (ms since epoch): its connections are closed then. */
  expiresAt: number;
}

/** A session as its user sees it. */
export interface SessionView {
  sessionId: string;
  device: string;
  address: string;
  createdAt: number;
  lastSeen: number;
  expiresAt: number;
  current: boolean;
}

export interface AccountsSettings extends LoginThrottleSettings {
  passwordMinLength: number;
}

export const DEFAULT_ACCOUNTS_SETTINGS: AccountsSettings = {
  freeFailures: 5,
  freeFailuresPerAddress: 20,
  baseMs: 1000,
  maxMs: 15 * 60 * 1000,
  passwordMinLength: 8,
};

function invalid(message: string): ParleyError {
  return new ParleyError(ErrorCode.INVALID_ARGUMENT, message);
}

/** How many app-token users an Accounts remembers (oldest forgotten first). */
const KNOWN_USERS_MAX = 200_000;
/** A session's last seen is written at most this often. */
const TOUCH_EVERY_MS = 60_000;
/** Longest device label kept. */
const DEVICE_MAX = 128;

/** `1.2.3.4:5678` or `::1:5678` → the address without its port. */
export function addressOf(remote: string): string {
  const i = remote.lastIndexOf(':');
  return i > 0 ? remote.slice(0, i) : remote;
}

function deviceLabel(device: string | undefined): string {
  const clean = (device ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return clean === '' ? 'unknown device' : clean.slice(0, DEVICE_MAX);
}

export class Accounts {
  /**
   * App-token users known to exist, by login name: their stored id and token
   * cut-off. A user once seen needs no store lookup on its next connect, so a
   * reconnect storm of app-token users after a node restart costs the store
   * nothing at authentication. An admin's revoke of a user drops its entry on
   * every node (forgetUser, from the bus).
   */
  private readonly known = new Map<string, { id: string; tokensNotBefore: number }>();
  private readonly throttle: LoginThrottle;
  /** A hash of a random password, checked when the user is unknown: the same work as a real check. */
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly store: AccountsPort,
    private readonly tokens: TokenService,
    private readonly bus: Bus,
    private readonly settings: AccountsSettings = DEFAULT_ACCOUNTS_SETTINGS,
    throttleOptions: LoginThrottleOptions = {},
  ) {
    this.throttle = new LoginThrottle(settings, throttleOptions);
    this.dummyHash = hashPassword(randomBytes(16).toString('base64url'));
  }

  /** True while failed-login counts are the cluster's (Redis connected). */
  get loginThrottleShared(): boolean {
    return this.throttle.shared;
  }

  /** Closes the login throttle's Redis connection (if any). */
  async close(): Promise<void> {
    await this.throttle.close();
  }

  private remember(login: string, entry: { id: string; tokensNotBefore: number }): void {
    if (this.known.size >= KNOWN_USERS_MAX) this.known.delete(this.known.keys().next().value!);
    this.known.set(login, entry);
  }

  /** Creates a user; a password is required unless `passwordOptional` (admin-created users). */
  async create(input: NewAccount, passwordOptional = false): Promise<{ userId: string }> {
    const { password, displayName } = input;
    const userId = typeof input.userId === 'string' ? canonicalUserId(input.userId) : undefined;
    if (userId === undefined || !Limits.USER_ID.test(userId)) {
      throw invalid('userId must be 1..64 characters of A-Z a-z 0-9 _ . @ - (case does not matter)');
    }
    if (password !== undefined || !passwordOptional) checkNewPassword(password, this.settings.passwordMinLength);
    if (displayName !== undefined && (typeof displayName !== 'string' || displayName.length > 128)) {
      throw invalid('displayName must be a string of at most 128 characters');
    }
    await this.store.createUser({
      id: userId,
      // The name as typed, for display; the id is its canonical form.
      displayName: (displayName as string | undefined) ?? (input.userId as string),
      passwordHash: typeof password === 'string' ? await hashPassword(password) : null,
      createdAt: Date.now(),
    });
    return { userId };
  }

  async register(input: NewAccount, client: ClientContext): Promise<IssuedToken> {
    const { userId } = await this.create(input);
    return this.openSession(userId, client);
  }

  async login(userIdInput: unknown, password: unknown, client: ClientContext): Promise<IssuedToken> {
    if (typeof userIdInput !== 'string' || typeof password !== 'string') throw invalid('userId and password are required');
    const login = canonicalUserId(userIdInput);
    // Before any password work, whether or not the user exists.
    await this.throttle.check(login, client.address);
    // The same steps whether or not the user exists: one store lookup, one scrypt.
    const user = Limits.USER_ID.test(login) && password.length <= 1024 ? await this.store.userByLogin(login) : undefined;
    const hash = user?.passwordHash ?? (await this.dummyHash);
    const matches = await verifyPassword(password.slice(0, 1024), hash);
    if (!user || user.passwordHash === null || !matches) {
      await this.throttle.failed(login, client.address);
      throw new ParleyError(ErrorCode.BAD_CREDENTIALS, 'wrong userId or password');
    }
    await this.throttle.succeeded(login, client.address);
    return this.openSession(user.id, client);
  }

  /** A token for `userId` in a new session (admin-issued: `ttlSeconds` may differ from the default). */
  async openSession(userId: string, client: ClientContext, ttlSeconds = this.tokens.ttlSeconds): Promise<IssuedToken> {
    const now = Date.now();
    const session: AuthSessionRecord = {
      id: randomUUID(),
      userId,
      device: deviceLabel(client.device),
      address: client.address,
      createdAt: now,
      lastSeen: now,
      expiresAt: now + ttlSeconds * 1000,
      revokedAt: null,
    };
    await this.store.createAuthSession(session);
    const token = await this.tokens.issue(userId, session.id, session.expiresAt);
    return { userId, token, sessionId: session.id, expiresAt: session.expiresAt };
  }

  /** The stored id of the user whose login name `userId` is (any case), or undefined. */
  async resolve(userId: string): Promise<string | undefined> {
    const login = canonicalUserId(userId);
    if (!Limits.USER_ID.test(login)) return undefined;
    return (await this.store.userByLogin(login))?.id;
  }

  /**
   * Verifies a token and checks it against its session (Parley's) or its user's
   * token cut-off (an app backend's, whose user is created on first use).
   * AUTH_FAILED when the session was signed out or has expired.
   */
  async authenticate(token: string, client: ClientContext): Promise<Authenticated> {
    const verified = await this.tokens.verify(token);
    if (verified.sessionId !== undefined) {
      const session = await this.store.getAuthSession(verified.sessionId);
      const now = Date.now();
      if (!session || session.revokedAt !== null || session.expiresAt <= now || canonicalUserId(session.userId) !== verified.userId) {
        throw new ParleyError(ErrorCode.AUTH_FAILED, 'this sign-in session was signed out or has expired; log in again');
      }
      if (now - session.lastSeen >= TOUCH_EVERY_MS || session.address !== client.address) {
        // Best effort: a failed write must not refuse a good token.
        this.store.touchAuthSession(session.id, now, client.address).catch(() => {});
      }
      return { userId: session.userId, sessionId: session.id, expiresAt: Math.min(verified.expiresAt, session.expiresAt) };
    }
    const user = await this.ensureExternalUser(verified.userId);
    if (user.tokensNotBefore > 0 && verified.issuedAt < user.tokensNotBefore) {
      throw new ParleyError(ErrorCode.AUTH_FAILED, "this user's tokens were revoked; get a new one from the app");
    }
    return { userId: user.id, sessionId: undefined, expiresAt: verified.expiresAt };
  }

  /** Makes sure a user named by an app backend's token (its canonical form) exists; returns its stored id and token cut-off. */
  private async ensureExternalUser(login: string): Promise<{ id: string; tokensNotBefore: number }> {
    const cached = this.known.get(login);
    if (cached) return cached;
    let user = await this.store.userByLogin(login);
    if (!user) {
      try {
        await this.store.createUser({ id: login, displayName: login, passwordHash: null, createdAt: Date.now() });
      } catch (err) {
        if (!(err instanceof ParleyError && err.code === ErrorCode.USER_EXISTS)) throw err;
      }
      user = (await this.store.userByLogin(login)) ?? { id: login, passwordHash: null, tokensNotBefore: 0 };
    }
    const entry = { id: user.id, tokensNotBefore: user.tokensNotBefore };
    this.remember(login, entry);
    return entry;
  }

  /** An admin revoked every token of the user: its cached cut-off is stale. */
  forgetUser(userId: string): void {
    this.known.delete(canonicalUserId(userId));
  }

  /** The user's active sessions, newest first; `current` marks the asking one. */
  async sessions(userId: string, currentSessionId: string | undefined): Promise<SessionView[]> {
    const rows = await this.store.listAuthSessions(userId, Date.now());
    return rows.map((s) => ({
      sessionId: s.id,
      device: s.device,
      address: s.address,
      createdAt: s.createdAt,
      lastSeen: s.lastSeen,
      expiresAt: s.expiresAt,
      current: s.id === currentSessionId,
    }));
  }

  /**
   * Signs out one session: the user's own (`userId` set), or any (an admin,
   * `userId` undefined). SESSION_NOT_FOUND unless it was active (and theirs).
   */
  async revokeSession(sessionId: string, userId: string | undefined, reason: string): Promise<string[]> {
    if (typeof sessionId !== 'string' || sessionId === '' || sessionId.length > 64) throw new ParleyError(ErrorCode.SESSION_NOT_FOUND, 'no such active session');
    if (userId !== undefined) {
      // Checked before the write: another user's session is not touched (nor confirmed to exist).
      const session = await this.store.getAuthSession(sessionId);
      if (!session || session.userId !== userId) throw new ParleyError(ErrorCode.SESSION_NOT_FOUND, 'no such active session of yours');
    }
    const revoked = await this.store.revokeAuthSession(sessionId, Date.now());
    if (!revoked) throw new ParleyError(ErrorCode.SESSION_NOT_FOUND, 'no such active session');
    this.announce(revoked.userId, [revoked.id], false, reason);
    return [revoked.id];
  }

  /** Signs out every session of the user but `keepSessionId` (''): all others. */
  async revokeOthers(userId: string, keepSessionId: string, reason: string): Promise<string[]> {
    const revoked = await this.store.revokeUserSessions(userId, keepSessionId, Date.now());
    if (revoked.length > 0) this.announce(userId, revoked, false, reason);
    return revoked;
  }

  /**
   * An admin signs the user out everywhere: every session, and every app-backend
   * token issued until now (the user's token cut-off). Connections close on every node.
   */
  async revokeUser(userIdInput: string, reason: string): Promise<{ userId: string; revoked: string[] }> {
    const userId = await this.resolve(userIdInput);
    if (userId === undefined) throw new ParleyError(ErrorCode.USER_NOT_FOUND, `no user ${userIdInput.slice(0, 70)}`);
    const now = Date.now();
    // A second later than now, so that a token issued in this very second (iat has second resolution) is refused too.
    await this.store.setTokensNotBefore(userId, Math.ceil(now / 1000) * 1000 + 1000);
    const revoked = await this.store.revokeUserSessions(userId, '', now);
    this.announce(userId, revoked, true, reason);
    return { userId, revoked };
  }

  private announce(userId: string, sessionIds: string[], all: boolean, reason: string): void {
    this.bus.publish({ kind: 'revoke', userId, sessionIds, all, reason, recipients: [], originSession: '' });
  }

  /** Forgets sessions that expired more than a day ago (run now and then). */
  async purgeExpired(): Promise<void> {
    await this.store.purgeAuthSessions(Date.now() - 24 * 3600 * 1000);
  }
}
