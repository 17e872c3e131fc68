/**
 * What the accounts need of a store (both adapters implement it, as part of
 * StorePort): login names, the per-user token cut-off, and sign-in sessions.
 */
import type { User } from '../chat/types.ts';

/** A sign-in session: one per login (or admin-issued token); every token it issued carries its id. */
export interface AuthSessionRecord {
  id: string;
  userId: string;
  /** What the client called itself at login (or its User-Agent), at most 128 characters. */
  device: string;
  /** The network address of its last authentication. */
  address: string;
  createdAt: number;
  lastSeen: number;
  expiresAt: number;
  /** When it was signed out (null: active until expiresAt). */
  revokedAt: number | null;
}

export interface LoginRecord {
  /** The user's id (as stored: users from before case-insensitive ids keep theirs). */
  id: string;
  passwordHash: string | null;
  /** Tokens issued before this (ms since epoch) are refused: an admin revoked every session of the user. */
  tokensNotBefore: number;
}

export interface AccountsPort {
  /** Creates a user whose login name is its id (callers pass the canonical form); USER_EXISTS when either is taken. */
  createUser(user: User): Promise<void>;
  /** The user whose login name is `loginId` (a canonical form). */
  userByLogin(loginId: string): Promise<LoginRecord | undefined>;
  /** Users whose login name is not their id lowercased: renamed when ids became case-insensitive. */
  renamedLogins(): Promise<{ id: string; loginId: string }[]>;
  setTokensNotBefore(userId: string, time: number): Promise<void>;
  createAuthSession(session: AuthSessionRecord): Promise<void>;
  getAuthSession(id: string): Promise<AuthSessionRecord | undefined>;
  /** The user's active sessions (not revoked, not expired at `now`), newest first. */
  listAuthSessions(userId: string, now: number): Promise<AuthSessionRecord[]>;
  touchAuthSession(id: string, lastSeen: number, address: string): Promise<void>;
  /** Signs out one active session; returns it (with its user), or undefined if none was active. */
  revokeAuthSession(id: string, now: number): Promise<{ id: string; userId: string } | undefined>;
  /** Signs out every active session of the user but `exceptId` (''); returns their ids. */
  revokeUserSessions(userId: string, exceptId: string, now: number): Promise<string[]>;
  /** Forgets sessions that expired before `before`. */
  purgeAuthSessions(before: number): Promise<void>;
}

type SessionRow = {
  id: string;
  user_id: string;
  device: string;
  address: string;
  created_at: number;
  last_seen: number;
  expires_at: number;
  revoked_at: number | null;
};

export function authSessionOf(row: SessionRow): AuthSessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    device: row.device,
    address: row.address,
    createdAt: Number(row.created_at),
    lastSeen: Number(row.last_seen),
    expiresAt: Number(row.expires_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

export type { SessionRow };
