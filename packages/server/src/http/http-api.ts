/**
 * The HTTP API beside the socket: accounts, tokens, health, nodes, and (in
 * chat-routes.ts) the chat features that suit request/response. JSON in and out;
 * every failure is `{ "error": { "code", "message" } }` with a stable code and
 * its HTTP status (guard.ts, which also makes sure no failure ends the process).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, ParleyError } from '@parley/protocol';
import type { Accounts } from '../auth/accounts.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { NodeInfo } from '../chat/types.ts';
import type { MediaService } from '../media/media-service.ts';
import { chatRoutes, type ChatRouteDeps } from './chat-routes.ts';
import { fileRoutes } from './file-routes.ts';
import { answerJson, type RequestHandler } from './guard.ts';
import { readJson, requestUrl } from './parse.ts';
import { uploadRoutes } from './upload-routes.ts';
import { createWebApp } from './web-app.ts';

export interface HttpDeps {
  accounts: Accounts;
  tokens: TokenService;
  chat: ChatService;
  adminKey: string;
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
  /** Uploads, files and downloads. */
  media: MediaService;
  /** The largest file (config `maxFileBytes`), advertised as Tus-Max-Size. */
  maxFileBytes: number;
  /** The built web app's directory, served at `/` (web-app.ts); undefined: none. */
  webAppDir?: string;
}

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

/** The API as one request handler; serve it behind guard.ts's `serveHttp`, which answers what it throws. */
export function createHttpHandler(deps: HttpDeps): RequestHandler {
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
    ...uploadRoutes({ media: deps.media, authenticate, maxFileBytes: deps.maxFileBytes }),
    ...fileRoutes({ media: deps.media, authenticate }),
  ];

  const webApp = deps.webAppDir === undefined ? undefined : createWebApp(deps.webAppDir);

  return async (req, res) => {
    const url = requestUrl(req.url ?? '/');
    if (webApp && (await webApp.handle(req, url, res))) return;
    if (req.method === 'GET' && url.pathname === '/metrics') {
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
    if (answer) answerJson(res, answer[0], answer[1]);
  };
}
