// Tests leave nothing in the system's temporary directory: every scratch folder is made under the run's
// own folder (test/support/temp-root.ts), which is removed when the run ends.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { tmp } from '../e2e/helpers.js';

describe('temporary folders', () => {
  it("are made inside the run's own folder, which the run removes at its end", () => {
    const root = inject('tempRoot');
    expect(root, 'vitest.config.ts names test/support/temp-root.ts as globalSetup').toBeTypeOf('string');
    expect(basename(root)).toMatch(/^jamsostek-tests-/);
    expect(existsSync(root)).toBe(true);
    expect(tmpdir()).toBe(root);
    expect(dirname(tmp())).toBe(root);
    expect(dirname(mkdtempSync(join(tmpdir(), 'jamsostek-e2e-')))).toBe(root);
  });
});
