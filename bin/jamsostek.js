#!/usr/bin/env node
// The command line runs from its bundle (dist/cli/, CommonJS, written by `npm run build`: see
// scripts/bundle-cli.mjs). An unsupported Node.js is refused first (exit 2, a setup error), before the
// bundle is loaded: parts of it need Node.js 20.19+ (bin/node-version.js).
import { createRequire } from 'node:module';
import { nodeVersionRefusal } from './node-version.js';

const refusal = nodeVersionRefusal(process.versions.node, process.argv.slice(2), process.env);
if (refusal) {
  process.stderr.write(refusal);
  process.exit(2);
}
const require = createRequire(import.meta.url);
await require('../dist/cli/cli.cjs').run();
