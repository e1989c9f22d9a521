// rv10 F1 (main at 3aaef96): a participant id that is a number in one file (an xlsx number cell, a JSON
// number, a Parquet integer) and zero-padded text in another was counted twice with no word: ids are
// compared as text (README), so 1003 and 00000001003 are two ids. The load now warns of that mix (a
// warning --quiet keeps, in meta.notes too), naming the column and the files, on every path (the
// byte-level engine, Parquet's fast path, the general path), across files or within one; and of ids
// written `1003.0` (a float column written out) beside whole ones. Each test with a mix failed on main.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../src/core/facts.js';
import { loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';
import { run, tmp } from '../e2e/helpers.js';

const DIR = tmp();
function file(name: string, content: string | Uint8Array): string {
  writeFileSync(join(DIR, name), content);
  return name;
}
const cli = (args: string[]) => run(args, { cwd: DIR });

const WORKFORCE = file('w.csv', 'period,province,workforce\n2026-05,Gorontalo,600000\n');
const PADDED = file('padded.csv', 'period,province,kpj\n2026-05,Gorontalo,00000001003\n2026-05,Gorontalo,00000001004\n');

async function numbersBook(name: string, ids: readonly (number | string)[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  ws.addRow(['period', 'province', 'kpj']);
  for (const id of ids) ws.addRow(['2026-05', 'Gorontalo', id]);
  return file(name, new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** The participants of the CSV report's Total row. */
const total = (stdout: string): number => Number(stdout.split('\n').find((l) => l.startsWith(',Total,'))!.split(',')[3]);

describe('ids that are numbers in one file and zero-padded text in another', () => {
  it('xlsx number cells beside a zero-padded CSV: counted as text (4), with a warning --quiet keeps, in meta.notes too', async () => {
    const book = await numbersBook('numbers.xlsx', [1003, 1005]);
    const r = await cli(['coverage', PADDED, book, '--workforce', WORKFORCE, '-f', 'csv', '--quiet']);
    expect(r.code).toBe(0);
    // 00000001003, 00000001004, 1003, 1005: four ids as text (the file's own rule, documented).
    expect(total(r.stdout)).toBe(4);
    expect(r.stderr).toContain('warning: participant ids (column "kpj") are numbers (not text) in numbers.xlsx and text with leading zeros in padded.csv');
    expect(r.stderr).toContain('keep ids as text in every file');
    const j = await cli(['coverage', PADDED, book, '--workforce', WORKFORCE, '-f', 'json']);
    const notes = (JSON.parse(j.stdout) as { meta: { notes: { en: string }[] } }).meta.notes;
    expect(notes.some((n) => n.en.includes('leading zeros in padded.csv'))).toBe(true);
    const id = await cli(['coverage', PADDED, book, '--workforce', WORKFORCE, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('berupa angka (bukan teks) di numbers.xlsx dan teks dengan nol di depan di padded.csv');
  });

  it('within one file: a JSON number beside a zero-padded string', async () => {
    const f = file('mixed.json', '[{"period":"2026-05","province":"Gorontalo","kpj":1003},{"period":"2026-05","province":"Gorontalo","kpj":"00000001004"}]');
    const r = await cli(['coverage', f, '--workforce', WORKFORCE, '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('are numbers (not text) in mixed.json and text with leading zeros in mixed.json');
  });

  it('no warning when the forms cannot make two ids of one: all padded text, or numbers beside unpadded text', async () => {
    const book = await numbersBook('plain.xlsx', [1003, 1005]);
    const a = await cli(['coverage', PADDED, file('padded2.csv', 'period,province,kpj\n2026-05,Gorontalo,00000001005\n'), '--workforce', WORKFORCE, '-f', 'csv']);
    expect(a.stderr).not.toContain('participant ids');
    const b = await cli(['coverage', book, file('plain.csv', 'period,province,kpj\n2026-05,Gorontalo,1004\n'), '--workforce', WORKFORCE, '-f', 'csv']);
    expect(b.code).toBe(0);
    expect(b.stderr).not.toContain('participant ids');
    expect(total(b.stdout)).toBe(3);
  });

  it('a text cell of a workbook keeps its zeros: no warning beside a padded CSV', async () => {
    const book = await numbersBook('text.xlsx', ['00000001005']);
    const r = await cli(['coverage', PADDED, book, '--workforce', WORKFORCE, '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('participant ids');
  });
});

describe('every path sets the flags: the engine, Parquet, the general path', () => {
  const SCHEMA: LoadSchema = { measures: new Map([['participants', 'count']]), rule: 'sum', dims: ['province'] };
  const BASE: LoadOptions = { maxErrors: 20, allowOverCoverage: false };
  const notesOf = async (names: string[], fastExtract: 'always' | 'never', routes: string[] = []): Promise<Note[]> => {
    const t = await loadTable(
      names.map((n) => join(DIR, n)),
      SCHEMA,
      { ...BASE, fastExtract, onRoute: (_f, r) => routes.push(r) },
    );
    return t.sources.flatMap((s) => s.notes ?? []).filter((n) => n.code === 'id-forms');
  };
  const parquet = file(
    'ids.parquet',
    new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'period', data: ['2026-05', '2026-05'], type: 'STRING' },
          { name: 'province', data: ['Gorontalo', 'Gorontalo'], type: 'STRING' },
          { name: 'kpj', data: [1003n, 1006n], type: 'INT64' },
        ],
      }),
    ),
  );
  const json = file('numbers.json', '[{"period":"2026-05","province":"Gorontalo","kpj":1003}]');

  it('a padded CSV read by the engine beside a JSON number, and beside Parquet INT64 ids (its fast path and the general one)', async () => {
    for (const mode of ['always', 'never'] as const) {
      const routes: string[] = [];
      const withJson = await notesOf([PADDED, json], mode, routes);
      expect(withJson, mode).toEqual([expect.objectContaining({ code: 'id-forms', columns: ['kpj'], numbers: [expect.stringMatching(/numbers\.json$/)], padded: [expect.stringMatching(/padded\.csv$/)] })]);
      if (mode === 'always') expect(routes[0]).toBe('fast');
      const parquetRoutes: string[] = [];
      const withParquet = await notesOf([parquet, PADDED], mode, parquetRoutes);
      if (mode === 'always') expect(parquetRoutes).toEqual(['fast', 'fast']);
      expect(withParquet, mode).toEqual([expect.objectContaining({ numbers: [expect.stringMatching(/ids\.parquet$/)], padded: [expect.stringMatching(/padded\.csv$/)] })]);
    }
  });

  it('ids written "1003.0" (a float column as text) beside whole ids: said on either path', async () => {
    const decimal = file('decimal.csv', 'period,province,kpj\n2026-05,Gorontalo,1003.0\n2026-05,Gorontalo,1007.0\n');
    const whole = file('whole.csv', 'period,province,kpj\n2026-05,Gorontalo,1003\n');
    for (const mode of ['always', 'never'] as const) {
      const notes = await notesOf([decimal, whole], mode);
      expect(notes, mode).toEqual([expect.objectContaining({ decimal: [expect.stringMatching(/decimal\.csv$/)], whole: [expect.stringMatching(/whole\.csv$/)] })]);
    }
    const r = await cli(['coverage', decimal, whole, '--workforce', WORKFORCE, '-f', 'csv']);
    expect(total(r.stdout)).toBe(3);
    expect(r.stderr).toContain('participant ids (column "kpj") end in ".0" in decimal.csv (1003.0: a number column written out as text) and are whole in whole.csv');
  });

  it('a number is its digits whatever its JSON spelling: 1000, 1000.0 and 1e3 are one id (refused as twice)', async () => {
    const f = file('spellings.json', '[{"period":"2026-05","province":"Gorontalo","kpj":1000},{"period":"2026-05","province":"Gorontalo","kpj":1e3}]');
    const r = await cli(['coverage', f, '--workforce', WORKFORCE, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('participant 1000 appears twice in 2026-05');
  });
});
