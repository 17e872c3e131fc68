// Regenerates the protobuf code and the wire constants (scripts/gen-enums.mjs)
// into a temp dir and fails if they differ from the checked-in copies, so the
// schema and the generated code can never drift apart.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'parley-gen-'));
const js = join(out, 'parley.js');
execFileSync('npx', ['pbjs', '-t', 'static-module', '-w', 'es6', '--no-create', '--no-verify', '--no-delimited', '--no-convert', '--force-number', '-o', js, 'parley.proto'], { stdio: 'inherit' });
execFileSync('npx', ['pbts', '-o', join(out, 'parley.d.ts'), js], { stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/gen-enums.mjs', join(out, 'enums.ts')], { stdio: 'inherit' });
let stale = false;
for (const name of ['parley.js', 'parley.d.ts', 'enums.ts']) {
  if (readFileSync(join(out, name), 'utf8') !== readFileSync(join('src/gen', name), 'utf8')) {
    console.error(`src/gen/${name} is out of date with parley.proto: run \`npm run gen\``);
    stale = true;
  }
}
if (stale) process.exit(1);
console.log('generated protocol code is up to date');
