// `npm test` runs the type check, the lint and the build side by side, and the tests as soon as the build
// is done (node scripts/checks.mjs typecheck lint build --then test:unit): the tests need dist/ (they
// spawn the built CLI), not the type check or the lint. On a 2-core machine the lint (single-threaded,
// ~14 CPU-s) outlasts the type check and the build; waiting for it left a core idle before the tests.
//
// Each check's output is printed whole when everything has ended, never interleaved; the step after
// `--then` (the tests) writes to the terminal as it runs. A check that fails still fails `npm test`
// (exit 1), after the tests have run; a failed build skips the step after it.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const at = args.indexOf('--then');
const names = at === -1 ? args : args.slice(0, at);
const then = at === -1 ? undefined : args[at + 1];
if (at !== -1 && (then === undefined || at === 0 || args.length !== at + 2)) {
  process.stderr.write('usage: node scripts/checks.mjs NAME... [--then NAME]  (--then runs after the last NAME before it passes)\n');
  process.exit(2);
}
const before = then === undefined ? undefined : names[names.length - 1];
const started = performance.now();
// Each script runs as `npm run` would run it (its line in package.json, in a shell, with
// node_modules/.bin first on PATH), without starting npm for it: npm's own start is ~0.25 CPU-s, four
// times a run. Nothing in the scripts reads npm's npm_* variables.
const root = fileURLToPath(new URL('..', import.meta.url));
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts ?? {};
const bin = join(root, 'node_modules', '.bin');
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };

/** Run the package script NAME: its output kept for the end (piped), or written as it comes (streamed). */
function runScript(name, streamed) {
  return new Promise((resolve) => {
    const chunks = [];
    const line = scripts[name];
    if (typeof line !== 'string') {
      resolve({ name, code: 1, output: `no script "${name}" in package.json\n`, seconds: 0 });
      return;
    }
    const child = spawn(line, { stdio: ['ignore', streamed ? 'inherit' : 'pipe', streamed ? 'inherit' : 'pipe'], shell: true, env, cwd: root });
    child.stdout?.on('data', (c) => chunks.push(c));
    child.stderr?.on('data', (c) => chunks.push(c));
    child.on('error', (e) => resolve({ name, code: 1, output: `${e.message}\n`, seconds: 0 }));
    child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString('utf8'), seconds: (performance.now() - started) / 1000 }));
  });
}

const checks = names.map((name) =>
  runScript(name, false).then(async (r) => {
    if (name !== before) return [r];
    if (r.code !== 0) return [r, { name: then, code: 1, output: `not run: ${name} failed\n`, seconds: (performance.now() - started) / 1000 }];
    return [r, await runScript(then, true)];
  }),
);
const results = (await Promise.all(checks)).flat();

for (const r of results) {
  process.stdout.write(`checks: ${r.name} ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(1)} s\n`);
  if (r.output.trim() !== '') process.stdout.write(r.output.endsWith('\n') ? r.output : `${r.output}\n`);
}
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
