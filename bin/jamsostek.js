#!/usr/bin/env node
// The command line runs from its bundle (dist/cli/, CommonJS, written by `npm run build`: see
// scripts/bundle-cli.mjs).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
await require('../dist/cli/cli.cjs').run();
