#!/usr/bin/env node
// The command line runs from its bundle (dist/cli/, written by `npm run build`: scripts/bundle-cli.mjs).
import { run } from '../dist/cli/cli.js';

await run();
