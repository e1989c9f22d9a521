// Golden files: one reviewable Markdown file per case (test/golden/…). A golden file is the expected
// answer, so a missing one is a failure, everywhere (CI or not): otherwise deleting a golden file would
// make its test pass and write whatever the code now prints. `UPDATE_GOLDEN=1` writes (or rewrites) the
// files, for a person to review in the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { expect } from 'vitest';

export const updating = (): boolean => process.env.UPDATE_GOLDEN === '1';

/** Compare `text` with the golden file `file` (an absolute path); with UPDATE_GOLDEN=1, write it instead. */
export function expectGoldenFile(file: string, text: string): void {
  if (updating()) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`golden file ${relative(process.cwd(), file)} is missing: run UPDATE_GOLDEN=1 npx vitest run <this test file>, review the new file and commit it`);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}
