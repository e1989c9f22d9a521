// Review rv35 D5, D6, D9 (main 8c2fc30): files with no rows were worded by their form. A raw extract's
// header with no rows: "no data rows (header only)" as CSV, "every row was blank, a subtotal or a total"
// as Parquet, and without --extract the CSV was asked for a participants column with "did you mean
// participant_id?" (renaming the id would count every id). An empty JSON array: "missing column
// participants" (without --extract) where a header-only CSV says "no data rows". A file of one line
// break: "cannot tell the delimiter … pass --delimiter", where an empty file is "the file is empty".
// Now one wording per situation in every form, a hint that fits the file, exit 3, nothing written.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f = (name: string, text: string | Uint8Array): string => writeIn(dir, name, text);

const RAW = ['participant_id', 'province', 'period'];
const HEADER_ONLY = 'error: no data rows (header only)';
const EXTRACT_HINT = 'hint: an extract has a row per participant (counts: a row per key): did its query select no rows? check its WHERE and its period';
const REGIONAL_HINT = 'hint: fill in at least one row; jamsostek template writes a starting file';
const EMPTY = 'error: the file is empty';
const EMPTY_HINT = 'hint: give the file with its header and rows (an export that failed or was cut short leaves it empty); jamsostek template writes a file to fill in';

async function book(head: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Data').addRow(head);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const parquet = (head: string[]): Uint8Array => new Uint8Array(parquetWriteBuffer({ columnData: head.map((name) => ({ name, data: [] as string[], type: 'STRING' as const })) }));

/** Runs coverage with -o, and checks the refusal: exit 3, no output file, the two lines. */
async function refused(file: string, args: string[], message: string, hint: string): Promise<void> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.csv`);
  const r = await run(['coverage', file, ...args, '-o', out]);
  expect(r.code, r.stderr).toBe(3);
  expect(r.stderr).toContain(`${file}: ${message}\n  ${hint}`);
  expect(r.stderr).not.toContain('did you mean');
  expect(existsSync(out)).toBe(false);
}

describe('rv35 D5: a raw extract with no rows', () => {
  it.each([
    ['CSV', 'raw.csv', async () => `${RAW.join(',')}\n`],
    ['Parquet', 'raw.parquet', async () => parquet(RAW)],
    ['a workbook', 'raw.xlsx', async () => book(RAW)],
  ])('%s, with and without --extract: no data rows (header only), the extract hint (was: "every row was blank", "did you mean participant_id?")', async (_form, name, make) => {
    const file = f(name, await make());
    await refused(file, ['--extract'], HEADER_ONLY, EXTRACT_HINT);
    await refused(file, [], HEADER_ONLY, EXTRACT_HINT);
  });

  it('a regional header with no rows: the same words in every form, the template hint', async () => {
    const head = ['period', 'province', 'workforce', 'participants'];
    for (const [name, content] of [['reg.csv', `${head.join(',')}\n`], ['reg.parquet', parquet(head)], ['reg.xlsx', await book(head)]] as const) {
      await refused(f(name, content), [], HEADER_ONLY, REGIONAL_HINT);
    }
  });

  it('a regional file missing its participants column is never told to rename an id column (loadTable, rows refused)', async () => {
    const { loadTable } = await import('../../src/io/load.js');
    const path = f('ids.csv', 'province,workforce,participant_id\nGorontalo,600000,1\n');
    const required = [{ column: 'participants', why: 'active participants', whyId: 'peserta aktif' }];
    const err = await loadTable([path], { dims: ['province'], measures: new Map([['participants', 'count'], ['workforce', 'count']]), rule: 'refuse', required }, { maxErrors: 5, allowOverCoverage: false, numberLocale: 'auto', codeSystem: 'kemendagri' }).then(
      () => undefined,
      (e: unknown) => e as { diagnostics: { message: string; hint?: string }[] },
    );
    expect(err?.diagnostics[0]?.message).toContain('missing column "participants"');
    expect(err?.diagnostics[0]?.hint).not.toContain('participant_id');
  });
});

describe('rv35 D6: an empty JSON array', () => {
  it('no data rows (an empty array), with and without --extract (was: missing column "participants")', async () => {
    const file = f('arr0.json', '[]');
    await refused(file, [], 'error: no data rows (an empty array)', 'hint: fill in at least one row, e.g. [{"province": "Gorontalo", "participants": 256129}]; jamsostek template writes a starting file');
    await refused(file, ['--extract'], 'error: no data rows (an empty array)', EXTRACT_HINT);
    const id = await run(['validate', file, '--lang', 'id']);
    expect(id.code).toBe(3);
    expect(id.stderr).toContain('tidak ada baris data (array kosong)');
  });
});

describe('rv35 D9: a file with nothing in it', () => {
  it.each([
    ['no bytes', 'e0.csv', ''],
    ['a BOM', 'e1.csv', '\uFEFF'],
    ['one line break', 'e2.csv', '\n'],
    ['CRLF', 'e3.csv', '\r\n'],
    ['blank lines and spaces', 'e4.csv', '\n \n\t\n'],
    ['a BOM and a line break', 'e5.csv', '\uFEFF\n'],
    ['JSON: one line break', 'e6.json', '\n'],
    ['JSON: no bytes', 'e7.json', ''],
    ['a workbook of no bytes', 'e8.xlsx', ''],
    ['Parquet of no bytes', 'e9.parquet', ''],
  ])('%s: the file is empty, one hint (a line break was: "cannot tell the delimiter … pass --delimiter")', async (_what, name, content) => {
    const file = f(name, content);
    await refused(file, [], EMPTY, EMPTY_HINT);
    await refused(file, ['--extract'], EMPTY, EMPTY_HINT);
  });

  it('in Indonesian too', async () => {
    const r = await run(['validate', f('e-id.csv', '\n'), '--lang', 'id']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('error: berkas kosong');
  });
});
