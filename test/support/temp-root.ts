// Vitest global setup: one temporary folder for the whole run, removed at its end. Every test file makes
// its scratch folders with os.tmpdir() (mkdtempSync(join(tmpdir(), 'jamsostek-…'))); pointing TMPDIR at
// this folder before the workers start puts all of them, and whatever the tools the tests start
// (npm, tsc, LibreOffice, Chromium) leave in TMPDIR, inside it, so a run leaves nothing behind in the
// system's temporary directory (it used to leave a jamsostek-e2e-*, jamsostek-safety-*, … folder per
// test), however a test ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    tempRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'jamsostek-tests-'));
  const before = process.env.TMPDIR;
  // os.tmpdir() reads TMPDIR on every call, and the workers (forks) inherit this environment.
  process.env.TMPDIR = root;
  project.provide('tempRoot', root);
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
