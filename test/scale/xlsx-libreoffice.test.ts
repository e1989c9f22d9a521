// The workbook opened by a real spreadsheet program: LibreOffice (Debian: libreoffice-calc-nogui)
// converts it to CSV, sheet by sheet, and the numbers must be the tool's own CSV; and prints it to
// PDF, where no value may show as ### and the page count stays small. Measured on LibreOffice 7.4:
// the province × segment breakdown prints on 8 pages (5 list, 1 cross-tab, 2 meta; it was 39), a
// Gorontalo coverage report on 2.
//
// CI installs LibreOffice and poppler-utils (.ci/run); on a developer machine without them the test
// says it was skipped and why. In CI it always runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/index.js';
import type { Lang, Report } from '../../src/report/model.js';
import { coverageReport, ctx, matrixReport, SEGMENTS } from '../render/fixtures.js';
import { text } from '../render/golden.js';
import { run } from '../e2e/helpers.js';

const which = (names: string[]): string | undefined => {
  for (const name of names) {
    for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
};
const SOFFICE = which(['soffice', 'libreoffice']);
const PDFTOTEXT = which(['pdftotext']);
const RUN = SOFFICE !== undefined || process.env.CI === 'true';
const title = (what: string): string => (RUN ? what : `${what} — SKIPPED: soffice not found (apt-get install libreoffice-calc-nogui fonts-liberation2 poppler-utils)`);

if (!RUN) console.warn(`test/scale/xlsx-libreoffice.test.ts: ${title('the workbook in LibreOffice')}`);

const dir = mkdtempSync(join(tmpdir(), 'jamsostek-lo-'));

/** Run LibreOffice headless with a profile of its own (two at once would fight over the default one). */
function soffice(args: string[]): void {
  expect(SOFFICE, 'LibreOffice is not installed (apt-get install libreoffice-calc-nogui)').toBeDefined();
  const r = spawnSync(SOFFICE!, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', ...args], { encoding: 'utf8', timeout: 180_000 });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
}

async function workbook(name: string, report: Report, lang: Lang): Promise<string> {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, (await render('xlsx', report, ctx(lang))).output);
  return file;
}

/** CSV as LibreOffice writes it: no quotes inside our data, so a split is enough. Percent cells come as "0.8753%". */
const parse = (csv: string): string[][] => csv.trimEnd().split('\n').map((l) => l.split(','));
const number = (cell: string): number => (cell.endsWith('%') ? Number(cell.slice(0, -1)) / 100 : Number(cell));

describe.runIf(RUN)(title('the workbook in LibreOffice'), () => {
  it('converts to CSV, every sheet; the numbers are the tool\'s own CSV, the cross-tab sums the list', async () => {
    const report = matrixReport();
    const file = await workbook('matrix', report, 'en');
    // Field separator, quote, UTF-8, first row, default cell format, en-US, …, values not as shown, …, every sheet.
    soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1', '--outdir', join(dir, 'csv'), file]);
    expect(readdirSync(join(dir, 'csv')).sort()).toEqual(['matrix-breakdown.csv', 'matrix-crosstab.csv', 'matrix-meta.csv']);
    const ours = parse(text((await render('csv', report, ctx('en'))).output));
    const theirs = parse(readFileSync(join(dir, 'csv', 'matrix-breakdown.csv'), 'utf8'));
    expect(theirs.length).toBe(ours.length);
    const kinds = report.columns.map((c) => c.kind);
    let compared = 0;
    for (let i = 1; i < ours.length; i++) {
      kinds.forEach((kind, j) => {
        const a = ours[i]![j]!;
        const b = theirs[i]![j]!;
        if (kind === 'text' || a === '') return expect(b, `row ${i} ${report.columns[j]!.key}`).toBe(kind === 'text' ? a : '');
        expect(number(b), `row ${i} ${report.columns[j]!.key}: ${b} vs ${a}`).toBeCloseTo(Number(a), 9);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(1000);
    // The cross-tab: each cell is the sum of the list's detail rows for its province and segment.
    const level = ours[0]!.indexOf('level');
    const at = (key: string): number => ours[0]!.indexOf(key);
    const sums = new Map<string, [number, number]>();
    for (const row of ours.slice(1)) {
      if (row[level] !== 'detail') continue;
      for (const key of [`${row[at('province')]}|${row[at('segment')]}`, `${row[at('province')]}|Total`, `Total|${row[at('segment')]}`, 'Total|Total']) {
        const s = sums.get(key) ?? [0, 0];
        sums.set(key, [s[0] + Number(row[at('participants')]), s[1] + Number(row[at('target')])]);
      }
    }
    const ct = parse(readFileSync(join(dir, 'csv', 'matrix-crosstab.csv'), 'utf8'));
    expect(ct[0]!.slice(2).filter(Boolean)).toEqual([...SEGMENTS, 'Total']);
    expect(ct.length).toBe(2 + 38 + 1);
    for (const row of ct.slice(2)) {
      [...SEGMENTS, 'Total'].forEach((segment, k) => {
        const want = sums.get(`${row[1]}|${segment}`)!;
        expect([Number(row[2 + 2 * k]), Number(row[3 + 2 * k])], `${row[1]} ${segment}`).toEqual(want);
      });
    }
    const meta = readFileSync(join(dir, 'csv', 'matrix-meta.csv'), 'utf8');
    expect(meta).toMatch(/^SHA-256,[0-9a-f]{64}$/m);
    expect(meta).toMatch(/^denominator,employed population \(Sakernas\)$/m);
  }, 240_000);

  // Issue 22: the method comparison's 38 provinces and total spilled 3 rows onto a second page.
  it('the method comparison (breakdown --compare) prints its list on one page', async () => {
    const file = join(dir, 'compare.xlsx');
    const r = await run(['breakdown', '--year', '2024', '--compare', 'webster,hamilton', '--quiet', '-o', file]);
    expect(r.code, r.stderr).toBe(0);
    soffice(['--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), file]);
    const r2 = spawnSync(PDFTOTEXT!, ['-layout', join(dir, 'pdf', 'compare.pdf'), '-'], { encoding: 'utf8' });
    expect(r2.status).toBe(0);
    const pages = r2.stdout.split('\f');
    const pageOf = (text: string): number => pages.findIndex((p) => p.includes(text));
    expect(pageOf('Aceh')).toBe(0);
    expect(pageOf('Papua Barat Daya')).toBe(0);
    // The 38 provinces hold 41,145,132 of the national 41,560,000 (data/README.md); the sum has estimates in it (*).
    expect(pages[0]).toMatch(/^\s+Total\s+41,145,132\*\s+50,000,000/m);
  }, 240_000);

  it('prints to PDF on few pages, and no value shows as ###', async () => {
    const files = [await workbook('matrix-print', matrixReport(), 'en'), await workbook('coverage-print', coverageReport({ notes: true }), 'id')];
    soffice(['--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...files]);
    const pages = (name: string): number => (readFileSync(join(dir, 'pdf', `${name}.pdf`), 'latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    // Measured: 8 (was 39 before print setup) and 2.
    expect(pages('matrix-print')).toBeLessThanOrEqual(9);
    expect(pages('coverage-print')).toBeLessThanOrEqual(2);
    expect(PDFTOTEXT, 'pdftotext is not installed (apt-get install poppler-utils)').toBeDefined();
    for (const [name, total, footer] of [
      ['matrix-print', '50,000,000', 'page 1 of 8'],
      ['coverage-print', '287,599', 'halaman 1 dari 2'],
    ] as const) {
      const r = spawnSync(PDFTOTEXT!, ['-layout', join(dir, 'pdf', `${name}.pdf`), '-'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout, name).not.toContain('###');
      expect(r.stdout, name).toContain(total);
      expect(r.stdout, name).toContain(footer);
    }
  }, 240_000);
});
