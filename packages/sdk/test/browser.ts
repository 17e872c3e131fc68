/**
 * What the SDK's browser tests share: headless Chromium (skipped when it is not
 * installed, unless PARLEY_REQUIRE_BROWSER=1, as CI sets, where a missing browser
 * fails the test) and a small HTTP server for the page and its scripts.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { withDeadline } from '@parley/testkit';

export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.PARLEY_REQUIRE_BROWSER === '1';

/** The `skip` option of a browser test: a reason when Chromium is missing and not required. */
export const skipWithoutBrowser: string | false = !required && !existsSync(CHROMIUM) && `no browser at ${CHROMIUM}`;

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run'];

/** Chromium with a profile on disk (`userDataDir`), as a user's browser keeps it between runs. */
export function launchChromiumWithProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** Bundle a test module (and what it imports) into one ES module for the page. */
export async function bundleForPage(entry: string): Promise<string> {
  const out = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, external: ['ws', 'node:*'] });
  return out.outputFiles[0]!.text;
}

export interface PageServer {
  /** http://127.0.0.1:port/ — serves a blank page at any path not in `scripts`. */
  url: string;
  close(): void;
}

/** Serve `scripts` (path → JavaScript source) and a blank page everywhere else. */
export async function servePages(scripts: Record<string, string>): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const script = scripts[path];
    if (script !== undefined) {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
      res.end('<!doctype html><title>parley</title>');
    }
  });
  await withDeadline(new Promise<void>((r) => server.listen(0, '127.0.0.1', r)), 'the page server to listen');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}
