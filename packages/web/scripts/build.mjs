/**
 * Builds the web app into dist/: content-hashed assets under dist/assets (each
 * with a .gz beside it, which the server sends to clients that take gzip) and
 * an index.html naming them. Prints the gzipped size of what a first load
 * fetches (all JavaScript and CSS): the budget is 150 KB.
 *
 *   node scripts/build.mjs              build
 *   node scripts/build.mjs --if-missing build only when dist/index.html is missing (npm start)
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, '..');
export const BUDGET_GZ_BYTES = 150 * 1024;

/** Builds into `outDir` (default dist/); resolves with the asset names and the gzipped first-load size. */
export async function buildWebApp({ outDir = join(pkg, 'dist'), quiet = false } = {}) {
  const { build } = await import('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  const assets = join(outDir, 'assets');
  mkdirSync(assets, { recursive: true });
  const result = await build({
    entryPoints: [join(pkg, 'src/main.tsx')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify: true,
    sourcemap: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // Node-only branches of the SDK (its `ws` fallback, raw TCP) are never taken in a browser.
    external: ['ws', 'node:net', 'node:crypto'],
    outdir: assets,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.svg': 'file' },
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((p) => resolve(p));
  const js = outputs.filter((p) => p.endsWith('.js')).map((p) => basename(p));
  const css = outputs.filter((p) => p.endsWith('.css')).map((p) => basename(p));
  let gzTotal = 0;
  for (const path of outputs) {
    const gz = gzipSync(readFileSync(path), { level: 9 });
    writeFileSync(`${path}.gz`, gz);
    if (path.endsWith('.js') || path.endsWith('.css')) gzTotal += gz.length;
  }
  const icon = readFileSync(join(pkg, 'src/icon.svg'));
  const iconName = `icon-${(await import('node:crypto')).createHash('sha256').update(icon).digest('hex').slice(0, 8)}.svg`;
  writeFileSync(join(assets, iconName), icon);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="color-scheme" content="light">
<meta name="theme-color" content="#4f46e5">
<title>Parley</title>
<link rel="icon" type="image/svg+xml" href="/assets/${iconName}">
${css.map((name) => `<link rel="stylesheet" href="/assets/${name}">`).join('\n')}
${js.map((name) => `<script type="module" src="/assets/${name}"></script>`).join('\n')}
</head>
<body>
<div id="app"></div>
<noscript>Parley needs JavaScript.</noscript>
</body>
</html>
`;
  writeFileSync(join(outDir, 'index.html'), html);
  writeFileSync(join(outDir, 'sw.js'), serviceWorker([...js, ...css, iconName].map((name) => `/assets/${name}`)));
  if (!quiet) {
    const kb = (gzTotal / 1024).toFixed(1);
    process.stdout.write(`@parley/web: built ${outDir}: first load ${kb} KB gzipped JS+CSS (budget ${BUDGET_GZ_BYTES / 1024} KB)\n`);
  }
  return { outDir, js, css, gzBytes: gzTotal };
}

/**
 * The service worker: keeps the app shell (the page and this build's assets) so
 * the app opens, with its queued messages, while the server cannot be reached.
 * The page comes from the network when it answers within a few seconds (a new
 * build is picked up at once), else from the cache; hashed assets from the
 * cache first. API and socket traffic is never touched.
 */
function serviceWorker(assets) {
  return `const CACHE = ${JSON.stringify(`parley-app:${assets.join(',')}`)};
const SHELL = ${JSON.stringify(['/', ...assets])};
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  // Older builds' caches go: their assets are no longer named by any page.
  e.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});
function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((v) => { clearTimeout(t); resolve(v); }, (err) => { clearTimeout(t); reject(err); });
  });
}
self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === '/' || url.pathname === '/index.html') {
    e.respondWith(
      withTimeout(fetch(e.request), 4000).then(
        (res) => {
          if (res.ok) { const copy = res.clone(); caches.open(CACHE).then((c) => c.put('/', copy)); }
          return res;
        },
        () => caches.match('/').then((hit) => hit || Response.error()),
      ),
    );
  } else if (url.pathname.startsWith('/assets/')) {
    e.respondWith(
      caches.match(e.request).then((hit) => hit || fetch(e.request).then((res) => {
        if (res.ok) { const copy = res.clone(); caches.open(CACHE).then((c) => c.put(e.request, copy)); }
        return res;
      })),
    );
  }
});
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-missing') && existsSync(join(pkg, 'dist/index.html'))) process.exit(0);
  const { gzBytes } = await buildWebApp();
  if (gzBytes > BUDGET_GZ_BYTES) {
    process.stderr.write(`@parley/web: over budget: ${gzBytes} bytes gzipped\n`);
    process.exit(1);
  }
}
