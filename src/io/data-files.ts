import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CsvScanner } from './csv-scanner.js';
import { packageUrl } from './package-files.js';

/** Path of a bundled file in data/ (from src/ under tests, from dist/ when installed). */
export function dataPath(name: string): string {
  return fileURLToPath(packageUrl(`data/${name}`));
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
