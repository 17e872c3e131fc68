/**
 * Access tokens are JWTs (HS256). Parley signs its own with `issuerSecret` (issuer
 * "parley"); an app backend may sign tokens for its users with one of `appKeys`,
 * and Parley accepts those too, taking the user id from `sub` (`exp` is required).
 */
import { jwtVerify, SignJWT } from 'jose';
import { ErrorCode, Limits, ParleyError } from '@parley/protocol';

const ISSUER = 'parley';
const encoder = new TextEncoder();

export interface VerifiedToken {
  userId: string;
  /** True when an app backend signed it (the user may not exist yet). */
  external: boolean;
}

export class TokenService {
  private readonly issuerKey: Uint8Array;
  private readonly appKeys: Uint8Array[];

  constructor(issuerSecret: string, appKeys: readonly string[], private readonly ttlSeconds: number) {
    this.issuerKey = encoder.encode(issuerSecret);
    this.appKeys = appKeys.map((k) => encoder.encode(k));
  }

  async issue(userId: string, ttlSeconds = this.ttlSeconds): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.issuerKey);
  }

  async verify(token: string): Promise<VerifiedToken> {
    if (token.length === 0 || token.length > 8192) throw new ParleyError(ErrorCode.AUTH_FAILED, 'token is missing or too long');
    try {
      const { payload } = await jwtVerify(token, this.issuerKey, { algorithms: ['HS256'], issuer: ISSUER });
      return { userId: this.subject(payload.sub), external: false };
    } catch (err) {
      if (err instanceof ParleyError) throw err;
    }
    for (const key of this.appKeys) {
      try {
        // An app token without exp would never expire: refused.
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], requiredClaims: ['exp'] });
        return { userId: this.subject(payload.sub), external: true };
      } catch (err) {
        if (err instanceof ParleyError) throw err;
      }
    }
    throw new ParleyError(ErrorCode.AUTH_FAILED, 'token is invalid, expired or signed by an unknown key');
  }

  private subject(sub: string | undefined): string {
    if (sub === undefined || !Limits.USER_ID.test(sub)) {
      throw new ParleyError(ErrorCode.AUTH_FAILED, 'token subject is not a valid user id');
    }
    return sub;
  }
}
