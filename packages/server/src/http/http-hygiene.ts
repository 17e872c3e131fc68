/**
 * What every HTTP answer carries for browsers' sake, and who may call the API
 * from another origin.
 *
 * - Every answer: `X-Content-Type-Options: nosniff` (a JSON error is never run as
 *   a script), `Referrer-Policy: no-referrer` (a signed file link in a page's URL
 *   never leaks to another site), and over TLS (this listener's, or a trusted
 *   proxy's) `Strict-Transport-Security`.
 * - CORS: no cross-origin access unless the origin is in `corsOrigins`. Such an
 *   origin's requests get `Access-Control-Allow-Origin` (and the response headers
 *   the SDK and tus clients read); its preflights are answered here, before any
 *   route, with the methods and headers the API takes. Same-origin pages (the web
 *   app served from the server's own address) need no setting: browsers do not
 *   ask CORS for them.
 * - WebSocket upgrades: with `corsOrigins` set, a browser's upgrade from an origin
 *   not in the list (nor the server's own) is refused 403; clients that send no
 *   Origin (apps, the SDK in Node) are not browsers and pass.
 * - `Cache-Control: no-store` on answers that carry a secret (NO_STORE).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, ParleyError } from '@parley/protocol';
import { clientUsedTls } from './client-address.ts';
import { answerEmpty } from './guard.ts';

/** HSTS for a year: once a browser has seen the site over TLS, it never asks it in plain HTTP again. */
export const HSTS = 'max-age=31536000';

/** Route headers for an answer that carries a token or a signed link: no cache may keep it. */
export const NO_STORE: Record<string, string> = { 'cache-control': 'no-store' };

/** Methods a cross-origin page may use (every method the API has). */
const CORS_METHODS = 'GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS';
/** Request headers a cross-origin page may send: the API's and tus's. */
const CORS_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'range',
  'if-none-match',
  'if-range',
  'tus-resumable',
  'upload-length',
  'upload-offset',
  'upload-metadata',
  'upload-concat',
  'upload-checksum',
  'upload-defer-length',
  'x-http-method-override',
  'x-requested-with',
].join(', ');
/** Response headers a cross-origin page may read (beyond the CORS-safelisted ones). */
const CORS_EXPOSED_HEADERS = [
  'location',
  'upload-offset',
  'upload-length',
  'upload-metadata',
  'upload-expires',
  'upload-concat',
  'tus-resumable',
  'tus-version',
  'tus-extension',
  'tus-max-size',
  'tus-checksum-algorithm',
  'content-range',
  'content-disposition',
  'accept-ranges',
  'etag',
].join(', ');
/** How long a browser may keep a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = '600';

/** An origin as browsers send it: scheme://host[:port], lower-case, no path. */
export function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text.toLowerCase() && text === text.toLowerCase();
  } catch {
    return false;
  }
}

/** Throws an Error naming the first entry of a corsOrigins list that is not an origin. */
export function validateCorsOrigins(list: readonly string[]): void {
  for (const origin of list) {
    if (!isOrigin(origin)) throw new Error(`corsOrigins: "${origin}" is not an origin (scheme://host[:port], lower-case, no path or trailing slash)`);
  }
}

export class HttpHygiene {
  private readonly allowed: Set<string>;

  constructor(corsOrigins: readonly string[]) {
    this.allowed = new Set(corsOrigins);
  }

  /** True if the request's Origin, if any, is one whose pages may read the answer. */
  private allowedOrigin(req: IncomingMessage): string | undefined {
    const origin = req.headers.origin;
    return origin !== undefined && this.allowed.has(origin) ? origin : undefined;
  }

  /** The headers every answer to `req` carries (serveHttp's commonHeaders). */
  headers(req: IncomingMessage): Record<string, string> {
    const headers: Record<string, string> = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    if (clientUsedTls(req)) headers['strict-transport-security'] = HSTS;
    if (this.allowed.size > 0) {
      // Caches must not give one origin's answer (with or without the CORS headers) to another.
      headers.vary = 'Origin';
      const origin = this.allowedOrigin(req);
      if (origin !== undefined) {
        headers['access-control-allow-origin'] = origin;
        headers['access-control-expose-headers'] = CORS_EXPOSED_HEADERS;
      }
    }
    return headers;
  }

  /**
   * Answer `req` if it is a CORS preflight (OPTIONS with Origin and
   * Access-Control-Request-Method); returns false for any other request. An
   * origin not in the list is refused 403 FORBIDDEN.
   */
  preflight(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'OPTIONS' || req.headers.origin === undefined || req.headers['access-control-request-method'] === undefined) return false;
    if (this.allowedOrigin(req) === undefined) {
      throw new ParleyError(ErrorCode.FORBIDDEN, `origin ${req.headers.origin.slice(0, 200)} may not call this API (corsOrigins)`);
    }
    answerEmpty(res, 204, {
      'access-control-allow-methods': CORS_METHODS,
      'access-control-allow-headers': CORS_REQUEST_HEADERS,
      'access-control-max-age': PREFLIGHT_MAX_AGE,
    });
    return true;
  }

  /**
   * Refuse (403 FORBIDDEN) a WebSocket upgrade from a browser page of an origin
   * not allowed: with corsOrigins set, only those origins and the server's own
   * (Origin's host equal to Host). Without corsOrigins nothing is refused, as
   * before: a token is needed to do anything on the socket anyway.
   */
  checkWebSocketOrigin(req: IncomingMessage): void {
    const origin = req.headers.origin;
    if (this.allowed.size === 0 || origin === undefined || this.allowed.has(origin)) return;
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== undefined && host === req.headers.host?.toLowerCase()) return;
    throw new ParleyError(ErrorCode.FORBIDDEN, `origin ${origin.slice(0, 200)} may not open a WebSocket here (corsOrigins)`);
  }
}
