/**
 * Access tokens are JWTs (HS256). Parley signs its own with `issuerSecret` (issuer
 * "parley"), each naming the sign-in session it belongs to (`sid`), so that
 * signing the session out refuses every token it issued. An app backend may sign
 * tokens for its users with one of `appKeys`, and Parley accepts those too, taking
 * the user id from `sub` (`exp` is required; `iss` and `aud` are checked when
 * configured).
 */
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ErrorCode, Limits, ParleyError } from '@parley/protocol';
import { canonicalUserId } from './user-ids.ts';

const ISSUER = 'parley';
const encoder = new TextEncoder();

export interface VerifiedToken {
  /** The subject in canonical form (a login name: Accounts resolves it to the stored id). */
  userId: string;
  /** True when an app backend signed it (the user may not exist yet). */
  external: boolean;
  /** The sign-in session of a Parley-issued token. */
  sessionId: string | undefined;
  /** When it was issued (ms since epoch; 0 when the token does not say). */
  issuedAt: number;
  /** When it expires (ms since epoch). */
  expiresAt: number;
}

export interface AppTokenChecks {
  /** Required `iss`; empty: not checked. */
  issuer?: string;
  /** Required `aud`; empty: not checked. */
  audience?: string;
}

export class TokenService {
  private readonly issuerKey: Uint8Array;
  private readonly appKeys: Uint8Array[];

  constructor(
    issuerSecret: string,
    appKeys: readonly string[],
    readonly ttlSeconds: number,
    private readonly appChecks: AppTokenChecks = {},
  ) {
    this.issuerKey = encoder.encode(issuerSecret);
    this.appKeys = appKeys.map((k) => encoder.encode(k));
  }

  /** A token of `sessionId` for `userId`, expiring at `expiresAt` (ms since epoch). */
  async issue(userId: string, sessionId: string, expiresAt: number): Promise<string> {
    return new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(this.issuerKey);
  }

  async verify(token: string): Promise<VerifiedToken> {
    if (token.length === 0 || token.length > 8192) throw new ParleyError(ErrorCode.AUTH_FAILED, 'token is missing or too long');
    try {
      const { payload } = await jwtVerify(token, this.issuerKey, { algorithms: ['HS256'], issuer: ISSUER });
      // Every token Parley issues names its session; one without (issued before
      // sessions existed) could never be signed out, so it is refused: log in again.
      if (typeof payload.sid !== 'string' || payload.sid === '') {
        throw new ParleyError(ErrorCode.AUTH_FAILED, 'token has no sign-in session (issued by an older version); log in again');
      }
      return this.verified(payload, false, payload.sid);
    } catch (err) {
      if (err instanceof ParleyError) throw err;
    }
    const { issuer, audience } = this.appChecks;
    for (const key of this.appKeys) {
      try {
        // An app token without exp would never expire: refused.
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          requiredClaims: ['exp'],
          ...(issuer ? { issuer } : {}),
          ...(audience ? { audience } : {}),
        });
        return this.verified(payload, true, undefined);
      } catch (err) {
        if (err instanceof ParleyError) throw err;
      }
    }
    throw new ParleyError(ErrorCode.AUTH_FAILED, 'token is invalid, expired, signed by an unknown key, or for another issuer or audience');
  }

  private verified(payload: JWTPayload, external: boolean, sessionId: string | undefined): VerifiedToken {
    return {
      userId: this.subject(payload.sub),
      external,
      sessionId,
      issuedAt: typeof payload.iat === 'number' ? payload.iat * 1000 : 0,
      expiresAt: (payload.exp as number) * 1000,
    };
  }

  private subject(sub: string | undefined): string {
    const id = sub === undefined ? undefined : canonicalUserId(sub);
    if (id === undefined || !Limits.USER_ID.test(id)) {
      throw new ParleyError(ErrorCode.AUTH_FAILED, 'token subject is not a valid user id');
    }
    return id;
  }
}
