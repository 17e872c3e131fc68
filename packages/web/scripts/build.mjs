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
  if (!quiet) {
    const kb = (gzTotal / 1024).toFixed(1);
    process.stdout.write(`@parley/web: built ${outDir}: first load ${kb} KB gzipped JS+CSS (budget ${BUDGET_GZ_BYTES / 1024} KB)\n`);
  }
  return { outDir, js, css, gzBytes: gzTotal };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-missing') && existsSync(join(pkg, 'dist/index.html'))) process.exit(0);
  const { gzBytes } = await buildWebApp();
  if (gzBytes > BUDGET_GZ_BYTES) {
    process.stderr.write(`@parley/web: over budget: ${gzBytes} bytes gzipped\n`);
    process.exit(1);
  }
}
