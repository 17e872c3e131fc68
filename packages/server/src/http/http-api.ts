/**
 * The HTTP API beside the socket: accounts, tokens, history pages, health. JSON in
 * and out; every failure is `{ "error": { "code", "message" } }` with a stable code.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, MessageType, ParleyError } from '@parley/protocol';
import type { Logger } from 'pino';
import type { Accounts } from '../auth/accounts.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { NodeInfo, StoredMessage } from '../chat/types.ts';

const MAX_BODY_BYTES = 64 * 1024;

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_ARGUMENT: 400,
  AUTH_FAILED: 401,
  AUTH_REQUIRED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_MEMBER: 403,
  NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  CONVERSATION_NOT_FOUND: 404,
  USER_EXISTS: 409,
  MESSAGE_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
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
}

type Handler = (req: IncomingMessage, url: URL, params: string[]) => Promise<[number, unknown]>;

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0; // keep draining, so the client reads the 413 rather than a reset
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        reject(new ParleyError(ErrorCode.MESSAGE_TOO_LARGE, `request body exceeds ${MAX_BODY_BYTES} bytes`));
        return;
      }
      try {
        const parsed: unknown = size === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        resolve(parsed as Record<string, unknown>);
      } catch {
        reject(new ParleyError(ErrorCode.INVALID_ARGUMENT, 'request body must be a JSON object'));
      }
    });
    req.on('error', reject);
  });
}

function bearer(req: IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() : '';
}

function int(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(n)) {
    throw new ParleyError(ErrorCode.INVALID_ARGUMENT, `query parameter ${name} must be a non-negative integer`);
  }
  return n;
}

export function messageJson(m: StoredMessage): Record<string, unknown> {
  const body = Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength);
  return { ...m, body: body.toString('base64'), ...(m.type === MessageType.TEXT ? { text: body.toString('utf8') } : {}) };
}

export function createHttpHandler(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const requireAdmin = (req: IncomingMessage) => {
    const given = Buffer.from(bearer(req));
    const key = Buffer.from(deps.adminKey);
    if (deps.adminKey === '' || given.length !== key.length || !timingSafeEqual(given, key)) {
      throw new ParleyError(ErrorCode.FORBIDDEN, 'admin key required (Authorization: Bearer <adminKey>)');
    }
  };
  const userOf = async (req: IncomingMessage) => (await deps.tokens.verify(bearer(req))).userId;

  const routes: { method: string; pattern: RegExp; handler: Handler }[] = [
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
    {
      method: 'GET',
      pattern: /^\/v1\/conversations\/([^/]+)\/messages$/,
      handler: async (req, url, [rawId]) => {
        const userId = await userOf(req);
        const conversationId = decodeURIComponent(rawId!);
        const page = await deps.chat.pull(
          { userId, deviceId: 'http', sessionId: 'http' },
          conversationId,
          int(url, 'from', 1),
          int(url, 'to', 0),
          int(url, 'limit', 100),
        );
        return [200, { ...page, messages: page.messages.map(messageJson) }];
      },
    },
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
    const route = routes.find((r) => r.pattern.test(url.pathname));
    if (!route) {
      send(404, { error: { code: ErrorCode.NOT_FOUND, message: `no route ${url.pathname}` } });
      return;
    }
    if (route.method !== req.method) {
      send(405, { error: { code: ErrorCode.NOT_FOUND, message: `${url.pathname} takes ${route.method}` } });
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
