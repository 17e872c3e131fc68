/**
 * The HTTP API beside the socket: accounts, tokens, health, nodes, and (in
 * chat-routes.ts) the chat features that suit request/response. JSON in and out;
 * every failure is `{ "error": { "code", "message" } }` with a stable code and
 * its HTTP status (guard.ts, which also makes sure no failure ends the process).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, ParleyError } from '@parley/protocol';
import type { Accounts, ClientContext } from '../auth/accounts.ts';
import { ThrottledError } from '../auth/login-throttle.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { NodeInfo } from '../chat/types.ts';
import type { MediaService } from '../media/media-service.ts';
import { chatRoutes, type ChatRouteDeps } from './chat-routes.ts';
import { clientAddress } from './client-address.ts';
import { fileRoutes } from './file-routes.ts';
import { answerJson, type RequestHandler } from './guard.ts';
import { NO_STORE, type HttpHygiene } from './http-hygiene.ts';
import { readJson, requestUrl, segment } from './parse.ts';
import { uploadRoutes } from './upload-routes.ts';
import { parseUserLimitOverride, type RateLimits, type UserLimitOverride } from '../limits/rate-limits.ts';
import { createWebApp } from './web-app.ts';

export interface HttpDeps {
  accounts: Accounts;
  chat: ChatService;
  adminKey: string;
  /** Prometheus text for /metrics (served here to the admin key only; see metricsListen). */
  metrics: () => string;
  /** Security headers, CORS and its preflights (http-hygiene.ts). */
  hygiene: HttpHygiene;
  /** False while starting or draining. */
  ready: () => boolean;
  /** The cluster's live nodes (this one alone on the embedded store). */
  nodes: () => Promise<NodeInfo[]>;
  /** Presence as clients get it (Gateway.presence): online now, and last seen. */
  presence: ChatRouteDeps['presence'];
  /** The most seqs one pull covers (config `pullMaxLimit`). */
  pullMaxLimit: number;
  /** Uploads, files and downloads. */
  media: MediaService;
  /** The largest file (config `maxFileBytes`), advertised as Tus-Max-Size. */
  maxFileBytes: number;
  /** Per-IP limits (HTTP requests, registrations) and users' overrides; absent: none. */
  rates?: Pick<RateLimits, 'takeIp' | 'forget'>;
  /** Where users' limit overrides are kept (the admin's limits routes); absent: no such routes. */
  limitOverrides?: LimitOverrideStore;
  /** The built web app's directory, served at `/` (web-app.ts); undefined: none. */
  webAppDir?: string;
}

/** Users' own rate limits, as an admin sets them (kept in the store). */
export interface LimitOverrideStore {
  userLimits(userId: string): Promise<UserLimitOverride | undefined>;
  /** Set a user's override (undefined: remove it, the settings apply again). */
  setUserLimits(userId: string, limits: UserLimitOverride | undefined): Promise<void>;
}

/** Paths never rate limited: load balancers and monitoring poll them. */
const UNLIMITED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** Resolves with a status and a JSON body to answer, or with nothing when it answered itself (guard.ts's answerEmpty, answerStream). */
export type Handler = (req: IncomingMessage, url: URL, params: string[], res: ServerResponse) => Promise<[number, unknown] | void>;

export interface Route {
  method: string;
  /** Matches the whole path; its groups are the handler's params (still percent-encoded). */
  pattern: RegExp;
  handler: Handler;
  /** Headers every answer to a path this pattern matches carries, whatever its method or outcome (tus's Tus-Resumable). */
  headers?: Record<string, string>;
}

function bearer(req: IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() : '';
}

/** True if a JSON answer holds a token at its top level (login, register, refresh, admin tokens, and any route added later). */
function carriesToken(body: unknown): boolean {
  return typeof body === 'object' && body !== null && Object.keys(body).some((key) => /token/i.test(key));
}

/** FORBIDDEN unless the request carries the admin key (compared in constant time); no key configured refuses everyone. */
function requireAdminKey(req: IncomingMessage, adminKey: string): void {
  const given = Buffer.from(bearer(req));
  const key = Buffer.from(adminKey);
  if (adminKey === '' || given.length !== key.length || !timingSafeEqual(given, key)) {
    throw new ParleyError(ErrorCode.FORBIDDEN, 'admin key required (Authorization: Bearer <adminKey>)');
  }
}

/** Where a login comes from: its address, and the device it names (or its User-Agent). */
function clientOf(req: IncomingMessage, device: unknown): ClientContext {
  const agent = req.headers['user-agent'];
  return { address: clientAddress(req), device: typeof device === 'string' && device !== '' ? device : agent };
}

/** A throttled login says when to come back (429 + Retry-After, in whole seconds). */
async function throttled<T>(res: ServerResponse, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ThrottledError) res.setHeader('retry-after', Math.max(1, Math.ceil(err.retryAfterMs / 1000)));
    throw err;
  }
}

/**
 * Every route of the API: the one table both the handler and the authorization
 * matrix test (test/authorization-matrix.e2e.test.ts) read, so a new route
 * cannot be served without the test asking who may call it.
 */
export function httpRoutes(deps: HttpDeps): Route[] {
  const requireAdmin = (req: IncomingMessage) => requireAdminKey(req, deps.adminKey);
  // As at connect: checked against its sign-in session; a user whose token their app's backend signed exists from first use.
  const signedIn = (req: IncomingMessage) => deps.accounts.authenticate(bearer(req), { address: clientAddress(req) });
  const authenticate = async (req: IncomingMessage) => (await signedIn(req)).userId;
  const sessionParam = (raw: string | undefined) => {
    try {
      return decodeURIComponent(raw ?? '');
    } catch {
      throw new ParleyError(ErrorCode.SESSION_NOT_FOUND, 'no such active session');
    }
  };

  const routes: Route[] = [
    { method: 'GET', pattern: /^\/healthz$/, handler: async () => [200, { status: 'ok' }] },
    // Where clients may connect: live nodes, the ones taking connections first.
    {
      method: 'GET',
      pattern: /^\/v1\/nodes$/,
      handler: async () => {
        const nodes = await deps.nodes();
        nodes.sort((a, b) => Number(a.draining) - Number(b.draining) || a.connections - b.connections);
        return [200, { nodes }];
      },
    },
    {
      method: 'GET',
      pattern: /^\/readyz$/,
      handler: async () => (deps.ready() ? [200, { status: 'ready' }] : [503, { status: 'not ready' }]),
    },
    {
      method: 'POST',
      pattern: /^\/v1\/register$/,
      headers: NO_STORE,
      handler: async (req) => {
        await deps.rates?.takeIp('registration', clientAddress(req));
        const body = await readJson(req);
        return [201, await deps.accounts.register(body, clientOf(req, body.device))];
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/login$/,
      headers: NO_STORE,
      handler: async (req, _url, _params, res) => {
        const body = await readJson(req);
        return [200, await throttled(res, () => deps.accounts.login(body.userId, body.password, clientOf(req, body.device)))];
      },
    },
    // The caller's sign-in sessions (PROTOCOL.md: Sessions and revocation).
    {
      method: 'GET',
      pattern: /^\/v1\/sessions$/,
      handler: async (req) => {
        const { userId, sessionId } = await signedIn(req);
        return [200, { sessions: await deps.accounts.sessions(userId, sessionId) }];
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/sessions\/sign-out-others$/,
      handler: async (req) => {
        const { userId, sessionId } = await signedIn(req);
        return [200, { revoked: await deps.accounts.revokeOthers(userId, sessionId ?? '', 'signed out by the user from another device') }];
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/v1\/sessions\/([^/]+)$/,
      handler: async (req, _url, params) => {
        const { userId } = await signedIn(req);
        return [200, { revoked: await deps.accounts.revokeSession(sessionParam(params[0]), userId, 'signed out by the user') }];
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/admin\/users\/([^/]+)\/sessions$/,
      handler: async (req, _url, params) => {
        requireAdmin(req);
        const userId = await deps.accounts.resolve(sessionParam(params[0]));
        if (userId === undefined) throw new ParleyError(ErrorCode.USER_NOT_FOUND, 'no such user');
        return [200, { userId, sessions: await deps.accounts.sessions(userId, undefined) }];
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/admin\/users\/([^/]+)\/sign-out$/,
      handler: async (req, _url, params) => {
        requireAdmin(req);
        return [200, await deps.accounts.revokeUser(sessionParam(params[0]), 'signed out by an administrator')];
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/v1\/admin\/sessions\/([^/]+)$/,
      handler: async (req, _url, params) => {
        requireAdmin(req);
        return [200, { revoked: await deps.accounts.revokeSession(sessionParam(params[0]), undefined, 'signed out by an administrator') }];
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/admin\/users$/,
      handler: async (req) => {
        requireAdmin(req);
        return [201, await deps.accounts.create(await readJson(req), true)];
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/admin\/tokens$/,
      headers: NO_STORE,
      handler: async (req) => {
        requireAdmin(req);
        const body = await readJson(req);
        const named = typeof body.userId === 'string' ? body.userId : '';
        const userId = await deps.accounts.resolve(named);
        if (userId === undefined) throw new ParleyError(ErrorCode.USER_NOT_FOUND, `no user ${named.slice(0, 70)}`);
        const ttl = body.ttlSeconds;
        if (ttl !== undefined && (!Number.isInteger(ttl) || (ttl as number) < 60 || (ttl as number) > 366 * 24 * 3600)) {
          throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'ttlSeconds must be an integer from 60 to 31622400');
        }
        const device = typeof body.device === 'string' && body.device !== '' ? body.device : 'issued by an administrator';
        return [200, await deps.accounts.openSession(userId, { address: clientAddress(req), device }, ttl as number | undefined)];
      },
    },
    {
      // Runs a full garbage collection when the process was started with --expose-gc
      // (the bench does, to measure memory per connection).
      method: 'POST',
      pattern: /^\/v1\/admin\/gc$/,
      handler: async (req) => {
        requireAdmin(req);
        const gc = (globalThis as { gc?: () => void }).gc;
        gc?.();
        return [200, { collected: gc !== undefined, rssBytes: process.memoryUsage.rss() }];
      },
    },
    ...limitRoutes(deps, requireAdmin),
    ...chatRoutes({ chat: deps.chat, authenticate, presence: deps.presence, pullMaxLimit: deps.pullMaxLimit }),
    ...uploadRoutes({ media: deps.media, authenticate, maxFileBytes: deps.maxFileBytes }),
    ...fileRoutes({ media: deps.media, authenticate }),
  ];
  return routes;
}

/** The API as one request handler; serve it behind guard.ts's `serveHttp`, which answers what it throws. */
export function createHttpHandler(deps: HttpDeps): RequestHandler {
  const routes = httpRoutes(deps);

  const webApp = deps.webAppDir === undefined ? undefined : createWebApp(deps.webAppDir);

  return async (req, res) => {
    const url = requestUrl(req.url ?? '/');
    if (deps.hygiene.preflight(req, res)) return;
    if (!UNLIMITED_PATHS.has(url.pathname)) await deps.rates?.takeIp('httpRequest', clientAddress(req));
    if (webApp && (await webApp.handle(req, url, res))) return;
    if (req.method === 'GET' && url.pathname === '/metrics') {
      // Counts of connections and messages help an attacker size the service: admins only.
      requireAdminKey(req, deps.adminKey);
      const text = deps.metrics();
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(text);
      return;
    }
    const matching = routes.filter((r) => r.pattern.test(url.pathname));
    for (const r of matching) for (const [name, value] of Object.entries(r.headers ?? {})) res.setHeader(name, value);
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      if (matching.length === 0) throw new ParleyError(ErrorCode.NOT_FOUND, `no route ${url.pathname}`);
      const allowed = matching.map((r) => r.method).join(', ');
      res.setHeader('allow', allowed);
      answerJson(res, 405, { error: { code: ErrorCode.NOT_FOUND, message: `${url.pathname} takes ${allowed}` } });
      return;
    }
    const params = route.pattern.exec(url.pathname)!.slice(1);
    const answer = await route.handler(req, url, params, res);
    if (!answer) return;
    // A token in an answer must never be kept by a cache, whatever route gave it.
    if (carriesToken(answer[1])) res.setHeader('cache-control', 'no-store');
    answerJson(res, answer[0], answer[1]);
  };
}

/** GET, PUT and DELETE /v1/admin/users/{id}/limits: one user's own rate limits (0: unlimited). */
function limitRoutes(deps: HttpDeps, requireAdmin: (req: IncomingMessage) => void): Route[] {
  // Always in the route table (so the authorization matrix sees them); a server built without an override store says so.
  const overrides = (): LimitOverrideStore => {
    if (!deps.limitOverrides) throw new ParleyError(ErrorCode.UNAVAILABLE, 'this server keeps no per-user limits');
    return deps.limitOverrides;
  };
  const pattern = /^\/v1\/admin\/users\/([^/]+)\/limits$/;
  const userOf = async (raw: string) => {
    const named = segment(raw);
    const userId = await deps.accounts.resolve(named);
    if (userId === undefined) throw new ParleyError(ErrorCode.USER_NOT_FOUND, `no user ${named.slice(0, 70)}`);
    return userId;
  };
  return [
    {
      method: 'GET',
      pattern,
      handler: async (req, _url, [raw]) => {
        requireAdmin(req);
        const userId = await userOf(raw!);
        return [200, { userId, limits: (await overrides().userLimits(userId)) ?? {} }];
      },
    },
    {
      method: 'PUT',
      pattern,
      handler: async (req, _url, [raw]) => {
        requireAdmin(req);
        const userId = await userOf(raw!);
        const limits = parseUserLimitOverride((await readJson(req)).limits);
        await overrides().setUserLimits(userId, limits);
        deps.rates?.forget(userId);
        return [200, { userId, limits }];
      },
    },
    {
      method: 'DELETE',
      pattern,
      handler: async (req, _url, [raw]) => {
        requireAdmin(req);
        const userId = await userOf(raw!);
        await overrides().setUserLimits(userId, undefined);
        deps.rates?.forget(userId);
        return [200, { userId, limits: {} }];
      },
    },
  ];
}
