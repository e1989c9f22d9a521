// `npm test` runs the type check, the lint and the build side by side (node scripts/checks.mjs typecheck
// lint build), then the tests. They are independent (the build emits without checking types: the type
// check does that), each single-threaded, and together they were half of `npm test` one after another
// on a 2-core machine. Each one's output is printed whole when it ends, never interleaved; the exit
// code is 1 when any of them failed.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = performance.now();

const results = await Promise.all(
  names.map(
    (name) =>
      new Promise((resolve) => {
        const chunks = [];
        const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
        child.stdout.on('data', (c) => chunks.push(c));
        child.stderr.on('data', (c) => chunks.push(c));
        child.on('error', (e) => resolve({ name, code: 1, output: `${e.message}\n`, seconds: 0 }));
        child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString('utf8'), seconds: (performance.now() - started) / 1000 }));
      }),
  ),
);

for (const r of results) {
  process.stdout.write(`checks: ${r.name} ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(1)} s\n`);
  if (r.output.trim() !== '') process.stdout.write(r.output.endsWith('\n') ? r.output : `${r.output}\n`);
}
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
