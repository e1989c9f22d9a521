// Reading a small regional file through the general reader and listing its problems as
// "line:column message": shared by the reader-shortcut tests (test/io/reader-shortcuts.test.ts) and
// their 70,000-branch cases in test/scale/key-caches.test.ts.
import { InputError } from '../../src/errors.js';
import { loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';

/** The general reader (the extract fast path off), Kemendagri codes, up to 20 problems. */
export const GENERAL_READ: LoadOptions = { maxErrors: 20, allowOverCoverage: false, codeSystem: 'kemendagri', fastExtract: 'never' };
/** Rows by province, with participants and workforce, repeated rows refused. */
export const BY_PROVINCE: LoadSchema = { dims: ['province'], measures: new Map([['participants', 'count'], ['workforce', 'count']]), rule: 'refuse' };

/** The problems of a file as "line:column message", or [] when it is read. */
export async function loadProblems(path: string, schema: LoadSchema = BY_PROVINCE): Promise<string[]> {
  try {
    await loadTable([path], schema, GENERAL_READ);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => `${d.line}:${d.column ?? ''} ${d.message}`);
    throw e;
  }
  return [];
}
