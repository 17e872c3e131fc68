/**
 * Serves the built web app (packages/web/dist) at `/`:
 * - `/` (and `/index.html`) is the page: `Cache-Control: no-cache`, so a new
 *   build is picked up at the next load;
 * - `/sw.js`, the service worker that keeps the app shell for offline use: `no-cache`;
 * - `/assets/<name>` are content-hashed files: cached for a year, `immutable`;
 * - every answer carries a strict Content-Security-Policy (scripts, styles and
 *   connections only from this server; no inline script), so a page served
 *   here can load nothing from another host.
 * Only names made of `A-Z a-z 0-9 . _ -` directly inside the app's directory
 * are ever read: no `..`, no separators, no symlinks out (the resolved path is
 * checked to stay inside). A file the build wrote gzipped beside itself
 * (`name.gz`) is sent as such to clients that accept gzip.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerEmpty, answerStream } from './guard.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/** The app's directory when the config leaves it empty: packages/web/dist beside this server's package. */
export function defaultWebAppDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');
}

/**
 * The CSP of every app answer. `connect-src` names this host's ws:/wss: too:
 * 'self' covers same-host WebSockets only in newer browsers. The Host header
 * is the client's, so it is used only when it is a plain host[:port].
 */
export function contentSecurityPolicy(host: string | undefined): string {
  const sockets = host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface WebApp {
  /** Answers GET/HEAD of the app's paths and returns true; false for any other request (the API's routes). */
  handle(req: IncomingMessage, url: URL, res: ServerResponse): Promise<boolean>;
}

export function createWebApp(dir: string): WebApp {
  const root = resolve(dir);
  let realRoot: string | undefined;

  /** The bytes of `name` in the app's directory (or its `assets`), or undefined when that is not a file inside it. */
  const read = async (sub: '' | 'assets', name: string): Promise<Buffer | undefined> => {
    if (!SAFE_NAME.test(name) || name.includes('..')) return undefined;
    try {
      realRoot ??= await realpath(root);
      const path = await realpath(join(root, sub, name));
      if (!path.startsWith(realRoot + sep) || !(await stat(path)).isFile()) return undefined;
      return await readFile(path);
    } catch {
      return undefined;
    }
  };

  return {
    async handle(req, url, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const path = url.pathname;
      let name: string;
      let immutable: boolean;
      let sub: '' | 'assets';
      if (path === '/' || path === '/index.html') {
        name = 'index.html';
        immutable = false;
        sub = '';
      } else if (path === '/sw.js') {
        // The service worker must live at the root to control the page; never cached, so a new build replaces it.
        name = 'sw.js';
        immutable = false;
        sub = '';
      } else if (path.startsWith('/assets/')) {
        name = path.slice('/assets/'.length);
        immutable = true;
        sub = 'assets';
      } else {
        return false;
      }
      const body = await read(sub, name);
      // No app built (or no such asset): the API's own NOT_FOUND answers it.
      if (!body) return false;
      const ext = name.slice(name.lastIndexOf('.'));
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? await read(sub, `${name}.gz`) : undefined;
      const sent = gzip ?? body;
      const headers: Record<string, string | number> = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'content-length': sent.length,
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'content-security-policy': contentSecurityPolicy(req.headers.host),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        vary: 'accept-encoding',
      };
      if (gzip) headers['content-encoding'] = 'gzip';
      if (req.method === 'HEAD') answerEmpty(res, 200, headers);
      else answerStream(res, 200, headers, (async function* () {
        yield sent;
      })());
      return true;
    },
  };
}
