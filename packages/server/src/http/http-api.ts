/**
 * The HTTP API beside the socket: accounts, tokens, health, nodes, and (in
 * chat-routes.ts) the chat features that suit request/response. JSON in and out;
 * every failure is `{ "error": { "code", "message" } }` with a stable code, and
 * every code has its HTTP status here, so no coded error comes out as a 500.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, ParleyError } from '@parley/protocol';
import type { Logger } from 'pino';
import type { Accounts } from '../auth/accounts.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { NodeInfo } from '../chat/types.ts';
import { chatRoutes, type ChatRouteDeps } from './chat-routes.ts';
import { readJson } from './parse.ts';

/** The HTTP status of each error code. A `Record` over all codes: a new code does not compile until it has one. */
const STATUS: Record<ErrorCode, number> = {
  BAD_FRAME: 400,
  FRAME_TOO_LARGE: 413,
  UNKNOWN_FRAME: 400,
  UNEXPECTED_FRAME: 400,
  AUTH_REQUIRED: 401,
  AUTH_FAILED: 401,
  ALREADY_AUTHENTICATED: 409,
  INVALID_ARGUMENT: 400,
  BAD_CREDENTIALS: 401,
  USER_EXISTS: 409,
  USER_NOT_FOUND: 404,
  CONVERSATION_NOT_FOUND: 404,
  NOT_MEMBER: 403,
  MESSAGE_LOCKED: 409,
  MESSAGE_NOT_FOUND: 404,
  MUTED: 403,
  GROUP_DISMISSED: 410,
  BLOCKED: 403,
  NOT_FRIENDS: 403,
  ALREADY_FRIENDS: 409,
  REQUEST_NOT_FOUND: 404,
  ALREADY_MEMBER: 409,
  CLIENT_MSG_ID_REUSED: 409,
  MESSAGE_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
  HEARTBEAT_TIMEOUT: 408,
  SLOW_CONSUMER: 503,
  INTERNAL: 500,
};

export interface HttpDeps {
  accounts: Accounts;
  tokens: TokenService;
  chat: ChatService;
  adminKey: string;
  log: Logger;
  /** Prometheus text for /metrics. */
  metrics: () => string;
  /** False while starting or draining. */
  ready: () => boolean;
  /** The cluster's live nodes (this one alone on the embedded store). */
  nodes: () => Promise<NodeInfo[]>;
  /** Presence as clients get it (Gateway.presence): online now, and last seen. */
  presence: ChatRouteDeps['presence'];
  /** The most seqs one pull covers (config `pullMaxLimit`). */
  pullMaxLimit: number;
}

export type Handler = (req: IncomingMessage, url: URL, params: string[]) => Promise<[number, unknown]>;

export interface Route {
  method: string;
  /** Matches the whole path; its groups are the handler's params (still percent-encoded). */
  pattern: RegExp;
  handler: Handler;
}

function bearer(req: IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() : '';
}

export function createHttpHandler(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const requireAdmin = (req: IncomingMessage) => {
    const given = Buffer.from(bearer(req));
    const key = Buffer.from(deps.adminKey);
    if (deps.adminKey === '' || given.length !== key.length || !timingSafeEqual(given, key)) {
      throw new ParleyError(ErrorCode.FORBIDDEN, 'admin key required (Authorization: Bearer <adminKey>)');
    }
  };
  // As at connect: a user whose token their app's backend signed exists from first use.
  const authenticate = async (req: IncomingMessage) => {
    const verified = await deps.tokens.verify(bearer(req));
    if (verified.external) await deps.accounts.ensureExternalUser(verified.userId);
    return verified.userId;
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
      handler: async (req) => [201, await deps.accounts.register(await readJson(req))],
    },
    {
      method: 'POST',
      pattern: /^\/v1\/login$/,
      handler: async (req) => {
        const body = await readJson(req);
        return [200, await deps.accounts.login(body.userId, body.password)];
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
      handler: async (req) => {
        requireAdmin(req);
        const body = await readJson(req);
        const userId = typeof body.userId === 'string' ? body.userId : '';
        if (!(await deps.accounts.exists(userId))) throw new ParleyError(ErrorCode.USER_NOT_FOUND, `no user ${userId}`);
        const ttl = body.ttlSeconds;
        if (ttl !== undefined && (!Number.isInteger(ttl) || (ttl as number) < 60 || (ttl as number) > 366 * 24 * 3600)) {
          throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'ttlSeconds must be an integer from 60 to 31622400');
        }
        return [200, { userId, token: await deps.tokens.issue(userId, ttl as number | undefined) }];
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
    ...chatRoutes({ chat: deps.chat, authenticate, presence: deps.presence, pullMaxLimit: deps.pullMaxLimit }),
  ];

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.method === 'GET' && url.pathname === '/metrics') {
      const text = deps.metrics();
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(text);
      return;
    }
    const matching = routes.filter((r) => r.pattern.test(url.pathname));
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      if (matching.length === 0) {
        send(404, { error: { code: ErrorCode.NOT_FOUND, message: `no route ${url.pathname}` } });
      } else {
        const allowed = matching.map((r) => r.method).join(', ');
        res.setHeader('allow', allowed);
        send(405, { error: { code: ErrorCode.NOT_FOUND, message: `${url.pathname} takes ${allowed}` } });
      }
      return;
    }
    const params = route.pattern.exec(url.pathname)!.slice(1);
    route
      .handler(req, url, params)
      .then(([status, body]) => send(status, body))
      .catch((err: unknown) => {
        const failure = err instanceof ParleyError ? err : new ParleyError(ErrorCode.INTERNAL, 'internal error', { cause: err });
        if (failure.code === ErrorCode.INTERNAL) deps.log.error({ err }, 'http request failed');
        if (!res.headersSent) send(STATUS[failure.code] ?? 500, { error: { code: failure.code, message: failure.message } });
      });
  };
}
