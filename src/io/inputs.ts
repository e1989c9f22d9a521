// Input arguments → paths: glob patterns expanded here (Windows shells and quoted patterns in cron
// jobs do not expand them), `-` kept for stdin.

import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { InputError, say, usage } from '../errors.js';
import type { Io } from './terminal.js';

const GLOB = /[*?[\]{}]/;

/**
 * Expand glob patterns, each expansion sorted; keep `-` (stdin, at most once) and plain paths as
 * given (a missing one is reported when it is opened). A pattern that matches no file is an input
 * error (exit 3), like a missing file: a monthly job whose folder is empty must not look like a typo
 * in a flag (exit 2).
 */
export async function expandInputs(patterns: readonly string[], io: Pick<Io, 'cwd'>, onLockFiles?: (skipped: readonly LockFile[]) => void): Promise<string[]> {
  const locks: LockFile[] = [];
  const out: string[] = [];
  let stdin = 0;
  for (const p of patterns) {
    if (p === '-') {
      stdin++;
      out.push(p);
      continue;
    }
    // A file whose name contains glob characters (report[2024].csv) is taken as it is.
    if (!GLOB.test(p) || existsSync(resolve(io.cwd, p))) {
      out.push(p);
      continue;
    }
    const { glob } = await import('tinyglobby');
    // An absolute pattern is globbed from its fixed leading folders: from the working folder, the glob
    // walks / and every folder on the way (all of /tmp for /tmp/x/*.csv: 100 ms a pattern, t3).
    const fixed = isAbsolute(p) ? fixedFolder(p) : undefined;
    let found = fixed
      ? (await glob(p.slice(fixed.length + 1), { cwd: fixed, onlyFiles: true, expandDirectories: false })).map((f) => join(fixed, f)).sort()
      : (await glob(p, { cwd: io.cwd, onlyFiles: true, expandDirectories: false })).sort();
    // Excel's lock file of an open workbook (~$gorontalo.xlsx beside gorontalo.xlsx) is no data: a glob
    // leaves it out, and the caller says so (rv24 G14). A lock file named as such is still opened (and refused).
    if (onLockFiles) {
      const lock = found.filter(isLockFile);
      for (const f of lock) locks.push({ file: f, pattern: p });
      if (lock.length) found = found.filter((f) => !isLockFile(f));
    }
    if (found.length === 0) {
      throw new InputError({
        file: p,
        ...say(
          { message: 'no file matches this pattern', hint: 'check the folder and the pattern; quote it so the shell passes it on unchanged' },
          { message: 'tidak ada berkas yang cocok dengan pola ini', hint: 'periksa folder dan polanya; apit dengan tanda kutip agar shell meneruskannya tanpa diubah' },
        ),
      });
    }
    for (const f of found) out.push(f);
  }
  if (stdin > 1) throw usage('standard input (-) can be read only once', 'masukan standar (-) hanya dapat dibaca sekali');
  if (locks.length && onLockFiles) onLockFiles(locks);
  return out;
}

/** The leading folders of an absolute pattern before its first segment with glob syntax (`/tmp/x` of `/tmp/x/*.csv`). */
function fixedFolder(pattern: string): string | undefined {
  const parts = pattern.split(sep);
  let n = 0;
  while (n < parts.length - 1 && !/[*?[\]{}()!+@\\]/.test(parts[n]!)) n++;
  const folder = parts.slice(0, n).join(sep);
  return folder === '' ? undefined : folder;
}

/** A file a glob matched and left out: Excel's lock file (`~$…`), and the pattern that matched it. */
export interface LockFile {
  readonly file: string;
  readonly pattern: string;
}

/** Excel (and LibreOffice's ~lock) write `~$name.xlsx` beside a workbook while it is open. */
const isLockFile = (path: string): boolean => /(^|[\\/])~\$[^\\/]*$/.test(path);

/**
 * The warning on lock files left out of globs: the workbook is open, so what is read is its last saved
 * state (kept under -q: an office may be editing the month's sheet as the report is made).
 */
export function lockFilesWords(locks: readonly LockFile[]): { en: string; id: string } {
  const each = (lang: 'en' | 'id'): string =>
    locks
      .map(({ file }) => {
        const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        const book = file.slice(0, slash + 1) + file.slice(slash + 3);
        return lang === 'en' ? `${file} (the lock file of ${book}, open in Excel)` : `${file} (berkas kunci ${book}, yang sedang dibuka di Excel)`;
      })
      .join(', ');
  return {
    en: `left out of ${locks.map((l) => `'${l.pattern}'`).filter((x, i, a) => a.indexOf(x) === i).join(', ')}: ${each('en')}; the workbook's last saved state is read, not changes still unsaved`,
    id: `tidak diikutkan dari ${locks.map((l) => `'${l.pattern}'`).filter((x, i, a) => a.indexOf(x) === i).join(', ')}: ${each('id')}; yang dibaca adalah keadaan buku kerja yang terakhir disimpan, bukan perubahan yang belum disimpan`,
  };
}
