#!/usr/bin/env node
// Test-only entry point: drives the built writer (dist/io/output.js) with the CLI's process handlers,
// and holds the complete temporary files before the renames so that a test can kill or interrupt the
// process at exactly that point. The shipped CLI has no such hook.
//
//   node test/support/held-writer.mjs <hold-ms> <target>=<source-file> [<target>=<source-file>…]
//
// Prints "held" on stdout when every temporary file is complete, "done" after the renames.
import { readFileSync } from 'node:fs';
import { writeOutputs } from '../../dist/io/output.js';
import { installProcessHandlers } from '../../dist/io/process.js';

const [holdMs, ...pairs] = process.argv.slice(2);
installProcessHandlers();
const outputs = pairs.map((p) => {
  const i = p.lastIndexOf('=');
  return { target: p.slice(0, i), data: readFileSync(p.slice(i + 1)) };
});
try {
  await writeOutputs(outputs, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), now: () => new Date() }, {
    protect: [],
    beforeRename: async () => {
      process.stdout.write('held\n');
      await new Promise((r) => setTimeout(r, Number(holdMs)));
    },
  });
  process.stdout.write('done\n');
} catch (e) {
  process.stderr.write(`${e.diagnostics ? e.diagnostics.map((d) => `${d.file}: ${d.message}`).join('\n') : e.message}\n`);
  process.exitCode = e.exitCode ?? 70;
}
