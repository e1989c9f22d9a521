import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsvScanner } from './csv-scanner.js';
import { packageUrl } from './package-files.js';

/** Path of a bundled file in data/ (from src/ under tests, from dist/ when installed). */
export function dataPath(name: string): string {
  return fileURLToPath(packageUrl(`data/${name}`));
}

/**
 * Every file of the package's data/ folder (baseline, targets, actuals, provinces, regencies…), by its
 * path: runs read them, so no output may replace one (io/output.ts). All of them, not only those this
 * run opened: a report written over regencies.csv by `breakdown` changes every later `coverage --by
 * regency`. Empty where the folder cannot be listed (a library bundled without it).
 */
export function bundledDataFiles(): string[] {
  const dir = fileURLToPath(packageUrl('data'));
  try {
    return readdirSync(dir).map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** A bundled CSV file as rows of fields (header first). A broken bundled file is a bug, not input. */
export function readBundledCsv(name: string): string[][] {
  const rows: string[][] = [];
  const scanner = new CsvScanner(',', {
    onRecord: (f) => rows.push(f),
    onError: (e) => {
      throw new Error(`data/${name}:${e.line}:${e.column}: ${e.message}`);
    },
  });
  scanner.push(readFileSync(dataPath(name), 'utf8'));
  scanner.end();
  return rows;
}
