// Every format of one small breakdown and one small coverage report, in both languages.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectGolden, spawnCli as run } from '../e2e/helpers.js';

const reports: Record<string, string[]> = {
  breakdown: ['breakdown', '--target', '287599', '--input', 'examples/gorontalo-regencies.csv', '--by', 'regency'],
  coverage: ['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '--targets', 'examples/targets-2024-gorontalo.csv'],
};

describe.each(Object.entries(reports))('%s report', (name, base) => {
  it.each(['table', 'md', 'html'])('%s in Indonesian and English', (format) => {
    for (const lang of ['id', 'en']) {
      const args = [...base, '-f', format, '--lang', lang];
      const r = run(args);
      expect(r.code, r.stderr).toBe(0);
      expectGolden(`render/${name}-${format}-${lang}`, args, r);
    }
  });

  it.each(['csv', 'tsv', 'json', 'jsonl'])('%s is the same in both languages', (format) => {
    const args = [...base, '-f', format];
    const id = run([...args, '--lang', 'id']);
    const en = run([...args, '--lang', 'en']);
    expect(id.code).toBe(0);
    expect(id.stdout).toBe(en.stdout);
    expect(id.stdout).not.toMatch(/\d\.\d{3}\.\d{3}|\d,\d{2} ?%/);
    expectGolden(`render/${name}-${format}`, args, en);
  });

  it('csv --csv-dialect excel-id: ; decimal comma, CRLF, BOM', () => {
    const r = run([...base, '-f', 'csv', '--csv-dialect', 'excel-id']);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    expect(r.stdout).toContain(';');
    expect(r.stdout.split('\r\n').length).toBeGreaterThan(5);
    expect(r.stdout).toMatch(/;0,\d+;/);
  });

  it('--fields selects and orders columns in machine formats', () => {
    const r = run([...base, '-f', 'csv', '--fields', 'target,regency']);
    expect(r.stdout.split('\n')[0]).toBe('target,regency,level');
    const bad = run([...base, '-f', 'csv', '--fields', 'nope']);
    expect(bad.code).toBe(2);
  });

  it('xlsx: numbers stored as numbers that match the CSV, read back with an independent reader', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jamsostek-xlsx-'));
    const file = join(dir, 'report.xlsx');
    const w = run([...base, '-o', file, '--lang', 'en']);
    expect(w.code, w.stderr).toBe(0);
    const csv = run([...base, '-f', 'csv']).stdout.trim().split('\n').map((l) => l.split(','));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(wb.worksheets.map((s) => s.name)).toEqual([name, 'meta']);
    const header = csv[0]!;
    // The xlsx has the same rows in the same order; numeric cells are numbers equal to the CSV values.
    for (let i = 1; i < csv.length; i++) {
      const row = sheet.getRow(i + 1);
      header.forEach((key, j) => {
        if (key === 'level') return;
        const text = csv[i]![j]!;
        const cell = row.getCell(j + 1).value;
        if (text !== '' && !Number.isNaN(Number(text))) {
          expect(typeof cell, `${key} row ${i}`).toBe('number');
          expect(cell).toBeCloseTo(Number(text), 6);
        }
      });
    }
    const numFmts = new Set<string>();
    sheet.getRow(2).eachCell((c) => c.numFmt && numFmts.add(c.numFmt));
    expect(numFmts.has('#,##0')).toBe(true);
    expect(numFmts.has('0.00%')).toBe(true);
    expect(sheet.views[0]?.state).toBe('frozen');
  });
});

describe('formula injection is inert in every format', () => {
  const base = ['coverage', 'test/fixtures/good/branch-formula.csv', '--by', 'branch'];
  it('csv, tsv, md, html, xlsx', async () => {
    expect(run([...base, '-f', 'csv']).stdout).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(run([...base, '-f', 'tsv']).stdout).toContain(`'=HYPERLINK("http://x","y")`);
    expect(run([...base, '-f', 'md']).stdout).toContain('\\=HYPERLINK\\(');
    const html = run([...base, '-f', 'html']).stdout;
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(html).not.toMatch(/<a |href=|<script|src=/i);
    const dir = mkdtempSync(join(tmpdir(), 'jamsostek-xlsx-'));
    const file = join(dir, 'f.xlsx');
    expect(run([...base, '-o', file]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const cell = wb.worksheets[0]!.getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x","y")');
  });
});
