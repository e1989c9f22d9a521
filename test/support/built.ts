// Vitest global setup: the end-to-end tests spawn the built CLI (dist/), and `npm ci` no longer builds
// it (package.json has no install script: see README, "Installing it on another machine"). A checkout
// without dist/ is built once here, saying so, rather than failing every spawned test with
// ERR_MODULE_NOT_FOUND. `npm test` builds before the tests, so there it is never needed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default function setup(): void {
  if (existsSync(join(ROOT, 'dist', 'cli.js')) && existsSync(join(ROOT, 'man', 'jamsostek.1'))) return;
  process.stderr.write('test setup: dist/ is not built; running npm run build\n');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}
