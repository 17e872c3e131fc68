/** The bench signs app-backend tokens itself (the server trusts its key), so setup costs no HTTP. */
import { SignJWT } from 'jose';

export const BENCH_APP_KEY = 'parley-bench-app-key-0123456789-abcdef';

export async function benchToken(userId: string, key = BENCH_APP_KEY): Promise<string> {
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setExpirationTime('2h').sign(new TextEncoder().encode(key));
}
