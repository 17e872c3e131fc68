/**
 * Stable error codes and WebSocket close codes, generated from parley.proto
 * (Error.Code and CloseCode; src/gen/enums.ts, `npm run gen`): change them there.
 * Clients branch on `code`, never on `message`. Each code says whether retrying
 * the same request later can succeed; the gateway sends an Error before every
 * close, with the close code for the same reason (PROTOCOL.md §8).
 */
import { CloseCode, ErrorCode } from './gen/enums.ts';

export { CloseCode, ErrorCode };

const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  ErrorCode.RATE_LIMITED,
  ErrorCode.UPLOAD_BUSY,
  ErrorCode.UNAVAILABLE,
  ErrorCode.DRAINING,
  ErrorCode.INTERNAL,
]);

export function isRetryable(code: string): boolean {
  return RETRYABLE.has(code as ErrorCode);
}

export interface ParleyErrorOptions {
  cause?: unknown;
  retryable?: boolean;
  /** How long to wait before the same request may succeed (RATE_LIMITED); 0 or absent: not said. */
  retryAfterMs?: number;
}

/** The one error class of Parley: a stable code, a human message, an optional cause. */
export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  /** Wait at least this long before retrying (set with RATE_LIMITED; 0: not said). */
  readonly retryAfterMs: number;

  constructor(code: ErrorCode, message: string, options?: ParleyErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ParleyError';
    this.code = code;
    this.retryable = options?.retryable ?? isRetryable(code);
    this.retryAfterMs = Math.max(0, Math.ceil(options?.retryAfterMs ?? 0));
  }
}
