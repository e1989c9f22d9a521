// Bundles the command line (dist/cli.js and every module it imports, at once or lazily) into dist/cli/:
// a few dozen chunks instead of ~90 modules that Node resolves, reads and links one by one at every
// start. CommonJS, because Node 20 loads it synchronously (ES modules are read and linked through
// promises: the start waited on them) and require() takes the ES-only packages without a flag or a
// warning since Node 20.19 and 22.12 (hence `engines`: ^20.19.0 || >=22.12.0). Measured on 2 cores,
// Node 20 (farm-bench, 21 pairs, against the unbundled build): `breakdown --year 2024` 0.78× the time,
// `--help` 0.95× (an ES-module bundle: 0.87× and 0.99×); against `node -e 0`, 2.27× and 1.40×. Run by
// `npm run build`; bin/jamsostek.js starts it. The library (dist/index.js) stays the ES modules tsc wrote.
//
// The packages the tool depends on stay outside (imported from node_modules, as by the library), and so
// do the worker threads' modules: src/io/package-files.ts finds them, and data/, from the package's
// root, which is two folders above dist/cli/ as it is above dist/io/.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});
const OUT = join(ROOT, 'dist', 'cli');

rmSync(OUT, { recursive: true, force: true });
await build({
  input: { cli: join(ROOT, 'dist', 'cli.js') },
  platform: 'node',
  logLevel: 'warn',
  external: (id) => id.startsWith('node:') || dependencies.some((d) => id === d || id.startsWith(`${d}/`)),
  output: { dir: OUT, format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' },
});
