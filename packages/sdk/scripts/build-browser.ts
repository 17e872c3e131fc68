/**
 * The SDK's browser build: one ES module, dist/browser/parley-sdk.js, that a page
 * can import as it is or a bundler can take through `@parley/sdk/browser` (whose
 * types are the source's, src/index.ts: the bundle exports exactly what it does).
 * Node-only code (the `ws` package, raw TCP) is loaded by the SDK only when no
 * global WebSocket exists, through dynamic imports left out of the bundle.
 *
 * Run: `npm run build -w @parley/sdk` (root `npm install` runs it through `prepare`).
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const sdkRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BROWSER_BUNDLE = join(sdkRoot, 'dist/browser/parley-sdk.js');
/** What the bundle is made of, to tell a stale build. */
const SOURCES = [join(sdkRoot, 'src'), join(sdkRoot, '../protocol/src')];

export async function buildBrowser(): Promise<string> {
  mkdirSync(dirname(BROWSER_BUNDLE), { recursive: true });
  await build({
    entryPoints: [join(sdkRoot, 'src/index.ts')],
    outfile: BROWSER_BUNDLE,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    external: ['ws', 'node:*'],
    logLevel: 'warning',
  });
  return BROWSER_BUNDLE;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The bundle, built first when it is missing or older than a source file. */
export async function ensureBrowserBuild(): Promise<string> {
  let built = 0;
  try {
    built = statSync(BROWSER_BUNDLE).mtimeMs;
  } catch {
    // missing: build it
  }
  if (built === 0 || Math.max(...SOURCES.map(newestSource)) > built) await buildBrowser();
  return BROWSER_BUNDLE;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = await buildBrowser();
  console.log(`built ${out} (${Math.round(statSync(out).size / 1024)} KiB)`);
}
