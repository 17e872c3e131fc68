/** Accounts of Parley's self-contained setup: register, log in, admin create. */
import { ErrorCode, Limits, ParleyError } from '@parley/protocol';
import type { Store } from '../chat/types.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { TokenService } from './tokens.ts';

export interface NewAccount {
  userId?: unknown;
  password?: unknown;
  displayName?: unknown;
}

function invalid(message: string): ParleyError {
  return new ParleyError(ErrorCode.INVALID_ARGUMENT, message);
}

/** How many users an Accounts remembers as existing (oldest forgotten first). */
const KNOWN_USERS_MAX = 200_000;

export class Accounts {
  /**
   * Users known to exist. Users are never deleted, so a user once seen needs no
   * store lookup on its next connect: after a node restart, a reconnect storm of
   * app-token users costs the store nothing at authentication.
   */
  private readonly known = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly tokens: TokenService,
  ) {}

  private remember(userId: string): void {
    if (this.known.size >= KNOWN_USERS_MAX) this.known.delete(this.known.values().next().value!);
    this.known.add(userId);
  }

  /** Creates a user; a password is required unless `passwordOptional` (admin-created users). */
  async create(input: NewAccount, passwordOptional = false): Promise<{ userId: string }> {
    const { userId, password, displayName } = input;
    if (typeof userId !== 'string' || !Limits.USER_ID.test(userId)) {
      throw invalid('userId must be 1..64 characters of A-Z a-z 0-9 _ . @ -');
    }
    if (password !== undefined || !passwordOptional) {
      if (typeof password !== 'string' || password.length < 8 || password.length > 256) {
        throw invalid('password must be 8..256 characters');
      }
    }
    if (displayName !== undefined && (typeof displayName !== 'string' || displayName.length > 128)) {
      throw invalid('displayName must be a string of at most 128 characters');
    }
    await this.store.createUser({
      id: userId,
      displayName: (displayName as string | undefined) ?? userId,
      passwordHash: typeof password === 'string' ? await hashPassword(password) : null,
      createdAt: Date.now(),
    });
    return { userId };
  }

  async register(input: NewAccount): Promise<{ userId: string; token: string }> {
    const { userId } = await this.create(input);
    return { userId, token: await this.tokens.issue(userId) };
  }

  async login(userId: unknown, password: unknown): Promise<{ userId: string; token: string }> {
    if (typeof userId !== 'string' || typeof password !== 'string') throw invalid('userId and password are required');
    const user = Limits.USER_ID.test(userId) ? await this.store.getUser(userId) : undefined;
    if (!user || user.passwordHash === null || !(await verifyPassword(password, user.passwordHash))) {
      throw new ParleyError(ErrorCode.BAD_CREDENTIALS, 'wrong userId or password');
    }
    return { userId, token: await this.tokens.issue(userId) };
  }

  async exists(userId: string): Promise<boolean> {
    return Limits.USER_ID.test(userId) && (await this.store.getUser(userId)) !== undefined;
  }

  /** Makes sure a user named by an app backend's token exists. */
  async ensureExternalUser(userId: string): Promise<void> {
    if (this.known.has(userId)) return;
    if (!(await this.store.getUser(userId))) {
      try {
        await this.store.createUser({ id: userId, displayName: userId, passwordHash: null, createdAt: Date.now() });
      } catch (err) {
        if (!(err instanceof ParleyError && err.code === ErrorCode.USER_EXISTS)) throw err;
      }
    }
    this.remember(userId);
  }
}
