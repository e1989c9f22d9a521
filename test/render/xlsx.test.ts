// The workbook read back with an independent reader (exceljs): print setup, print titles, frozen
// panes, one named font, column widths against the real font's metrics, the cross-tab's sums against
// the long list, and the meta sheet as readable rows.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/index.js';
import type { Lang, Report } from '../../src/report/model.js';
import { breakdownReport, coverageReport, ctx, matrixReport, SEGMENTS } from './fixtures.js';
import { LIBERATION, readFont } from './font-metrics.js';
import { text } from './golden.js';

if (LIBERATION.regular === undefined && process.env.CI !== 'true') console.warn('test/render/xlsx.test.ts: column widths SKIPPED: Liberation Sans not found (apt-get install fonts-liberation2)');

async function workbook(report: Report, lang: Lang): Promise<ExcelJS.Workbook> {
  const out = await render('xlsx', report, ctx(lang));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out.output as unknown as ArrayBuffer);
  return wb;
}

const fixtures: [string, () => Report][] = [
  ['breakdown', breakdownReport],
  ['coverage', () => coverageReport({ notes: true })],
  ['matrix', matrixReport],
];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const grouped = (n: number): string => Math.abs(Math.round(n)).toLocaleString('en-US');

/** What a spreadsheet shows for a number under a format this tool writes (en-US; id separators are as wide). */
function shown(value: number, numFmt: string | undefined): string {
  switch (numFmt) {
    case '#,##0':
      return (value < 0 ? '-' : '') + grouped(value);
    case '+#,##0;-#,##0;0':
      return (value > 0 ? '+' : value < 0 ? '-' : '') + grouped(value);
    case '0.00%':
      return `${(value * 100).toFixed(2)}%`;
    case '+0.00;-0.00;0.00':
      return (value > 0 ? '+' : '') + value.toFixed(2);
    case '#,##0.0#####': {
      const [, frac] = Math.abs(value).toFixed(6).split('.');
      return (value < 0 ? '-' : '') + grouped(Math.trunc(Math.abs(value))) + '.' + (frac!.replace(/0+$/, '') || '0');
    }
    case undefined:
    case 'General':
      // General shows up to 11 characters.
      return String(value).length <= 11 ? String(value) : value.toPrecision(6);
    default:
      throw new Error(`unexpected number format ${numFmt} (${pad(value, 1)})`);
  }
}

describe.each(fixtures)('%s workbook', (name, build) => {
  it.each(['id', 'en'] as const)('prints landscape, one page wide, header rows on every page (%s)', async (lang) => {
    const wb = await workbook(build(), lang);
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toEqual(name === 'matrix' ? ['breakdown', 'crosstab', 'meta'] : [build().kind, 'meta']);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.orientation, ws.name).toBe('landscape');
      expect(ws.pageSetup.fitToPage, ws.name).toBe(true);
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.headerFooter.oddHeader, ws.name).toBe(`&L${build().title[lang]}`);
      expect(ws.headerFooter.oddFooter, ws.name).toBe(lang === 'id' ? '&Chalaman &P dari &N' : '&Cpage &P of &N');
    }
    const [list] = wb.worksheets;
    // A list that only just spills over a page (up to 60 rows: 38 provinces and the totals) is fitted on one.
    expect(list!.pageSetup.fitToHeight).toBe(list!.rowCount <= 60 ? 1 : 0);
    expect(list!.pageSetup.printTitlesRow).toBe('1:1');
    // The leading text columns: regency and baseline month; regency; code, province and segment.
    const keys = { breakdown: 2, coverage: 1, matrix: 3 }[name];
    expect(list!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: keys });
    if (name === 'matrix') {
      const ct = wb.getWorksheet('crosstab')!;
      expect(ct.pageSetup.printTitlesRow).toBe('1:2');
      expect(ct.pageSetup.fitToHeight).toBe(1);
      expect(ct.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 2 });
    }
  });

  it('one named font throughout, bold included', async () => {
    const wb = await workbook(build(), 'id');
    let bold = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.font?.name, `${ws.name}!${cell.address}`).toBe('Arial');
          expect(cell.font?.size).toBe(10);
          if (cell.font?.bold) bold++;
        }),
      );
    }
    expect(bold).toBeGreaterThan(10);
  });

  // A value wider than its column shows as ### (numbers) or is cut: measured with the metrics of the
  // font LibreOffice prints Arial with, read from the font file itself.
  it.runIf(LIBERATION.regular !== undefined || process.env.CI === 'true')('every column is as wide as its widest shown value, bold totals included', async () => {
    expect(LIBERATION.regular, 'Liberation Sans is not installed (apt-get install fonts-liberation2)').toBeDefined();
    const regular = readFont(LIBERATION.regular!);
    const bold = readFont(LIBERATION.bold!);
    for (const lang of ['id', 'en'] as const) {
      const wb = await workbook(build(), lang);
      for (const ws of wb.worksheets.filter((s) => s.name !== 'meta')) {
        ws.eachRow((row, r) => {
          if (r <= (ws.name === 'crosstab' ? 2 : 1)) return;
          row.eachCell((cell, c) => {
            const v = cell.value;
            const textShown = typeof v === 'number' ? shown(v, cell.numFmt) : String(v);
            const need = (cell.font?.bold ? bold : regular).width(textShown);
            const width = ws.getColumn(c).width ?? 8.43;
            // Text columns are capped at 50 (longer text wraps in print); numbers never are.
            if (typeof v === 'number' || need < 50) expect(width, `${ws.name}!${cell.address} "${textShown}" needs ${need.toFixed(2)}`).toBeGreaterThanOrEqual(need + 1);
          });
        });
        // Header words never break inside a word.
        const headerRows = ws.name === 'crosstab' ? [2] : [1];
        for (const r of headerRows) {
          ws.getRow(r).eachCell((cell, c) => {
            for (const word of String(cell.value).split(' ')) expect(ws.getColumn(c).width!, `${ws.name}!${cell.address} "${word}"`).toBeGreaterThanOrEqual(bold.width(word) + 1);
          });
        }
      }
    }
  });

  it('the header row is tall enough for its wrapped labels', async () => {
    const wb = await workbook(build(), 'id');
    const list = wb.worksheets[0]!;
    const longest = list.getRow(1).values as unknown[];
    const tall = longest.some((v) => typeof v === 'string' && v.includes(' '));
    if (tall) expect(list.getRow(1).height).toBeGreaterThanOrEqual(25.5);
    list.getRow(1).eachCell((cell) => {
      expect(cell.alignment?.wrapText).toBe(true);
      expect(cell.font?.bold).toBe(true);
    });
  });

  it('meta: readable rows in the report language, never one long JSON string', async () => {
    const wb = await workbook(build(), 'id');
    const meta = wb.getWorksheet('meta')!;
    const rows: [string, unknown][] = [];
    meta.eachRow((row) => rows.push([String(row.getCell(1).value ?? ''), row.getCell(2).value]));
    expect(rows[0]![0]).toBe(build().title.id);
    const labels = new Map(rows);
    expect(labels.has('Tentang laporan ini')).toBe(true);
    expect(labels.get('penyebut')).toMatch(/^(potensi pekerja|penduduk bekerja \(Sakernas\))$/);
    expect(String(labels.get('SHA-256'))).toMatch(/^[0-9a-f]{64}$/);
    for (const [label, value] of rows) {
      expect(String(value ?? '').startsWith('{'), label).toBe(false);
      expect(String(value ?? '').startsWith('['), label).toBe(false);
    }
    if (build().notes) {
      expect(labels.has('Catatan')).toBe(true);
      expect(rows.some(([, v]) => v === build().notes![0]!.id)).toBe(true);
    }
    // English labels in an English workbook.
    const en = await workbook(build(), 'en');
    const enLabels: string[] = [];
    en.getWorksheet('meta')!.eachRow((row) => enLabels.push(String(row.getCell(1).value ?? '')));
    expect(enLabels).toContain('About this report');
    expect(enLabels).toContain('denominator');
  });

  it('numbers are numbers with formats, equal to the CSV', async () => {
    const report = build();
    const csv = text((await render('csv', report, ctx('en'))).output).trim().split('\n').map((l) => l.split(','));
    const wb = await workbook(report, 'en');
    const sheet = wb.worksheets[0]!;
    const header = csv[0]!;
    const kinds = new Map(report.columns.map((c) => [c.key, c.kind]));
    for (let i = 1; i < csv.length; i++) {
      header.forEach((key, j) => {
        if (key === 'level') return;
        const value = csv[i]![j]!;
        const cell = sheet.getRow(i + 1).getCell(j + 1).value;
        if (kinds.get(key) === 'text' || kinds.get(key) === 'status') {
          if (value !== '') expect(typeof cell, `${key} row ${i}`).toBe('string');
        } else if (value !== '') {
          expect(typeof cell, `${key} row ${i}`).toBe('number');
          expect(cell).toBeCloseTo(Number(value), 6);
        } else if (value === '') expect(cell, `${key} row ${i}`).toBeNull();
      });
    }
    const formats = new Set<string>();
    sheet.getRow(2).eachCell((c) => c.numFmt && formats.add(c.numFmt));
    expect(formats.has('#,##0')).toBe(true);
    expect(formats.has('0.00%')).toBe(true);
  });
});

describe('small things people notice (issue 22)', () => {
  it('the weight column is grouped like a count (#,##0), a fractional weight keeps its decimals', async () => {
    const base = breakdownReport();
    const report: Report = { ...base, rows: base.rows.map((r, i) => (i === 1 ? { ...r, values: { ...r.values, weight: 1250.5 } } : r)) };
    const wb = await workbook(report, 'en');
    const sheet = wb.worksheets[0]!;
    const col = (sheet.getRow(1).values as unknown[]).indexOf('weight');
    expect(col).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(col).value).toBe(18644);
    expect(sheet.getRow(2).getCell(col).numFmt).toBe('#,##0');
    expect(sheet.getRow(3).getCell(col).value).toBe(1250.5);
    expect(sheet.getRow(3).getCell(col).numFmt).toBe('#,##0.0#####');
  });

  it.each(fixtures)('%s: the list has a filter on its header, over every column and the rows above the totals', async (_name, build) => {
    const report = build();
    const wb = await workbook(report, 'en');
    const sheet = wb.worksheets[0]!;
    const last = String.fromCharCode(64 + report.columns.length + 1);
    expect(sheet.autoFilter).toBe(`A1:${last}${1 + report.rows.length}`);
  });
});

describe('the cross-tab sheet', () => {
  it('provinces down, segments across, today and target; every sum equals the long list', async () => {
    const wb = await workbook(matrixReport(), 'en');
    const list = wb.getWorksheet('breakdown')!;
    const ct = wb.getWorksheet('crosstab')!;
    // The long list's detail rows, summed by province and segment, straight from the workbook.
    const head = (list.getRow(1).values as unknown[]).map(String);
    const col = (label: string): number => head.indexOf(label);
    const sums = new Map<string, number[]>();
    list.eachRow((row, r) => {
      if (r === 1) return;
      const segment = String(row.getCell(col('segment')).value);
      const province = String(row.getCell(col('province')).value);
      if (!(SEGMENTS as readonly string[]).includes(segment)) return;
      for (const key of [`${province}|${segment}`, `${province}|total`, `total|${segment}`, 'total|total']) {
        const s = sums.get(key) ?? [0, 0];
        sums.set(key, [s[0]! + Number(row.getCell(col('participants today')).value), s[1]! + Number(row.getCell(col('target')).value)]);
      }
    });
    expect(ct.getRow(1).getCell(3).value).toBe('PU');
    expect(ct.getRow(1).getCell(11).value).toBe('Total');
    expect(ct.getRow(2).getCell(3).value).toBe('today');
    expect(ct.getRow(2).getCell(4).value).toBe('target');
    const across = [...SEGMENTS, 'total'];
    let provinces = 0;
    ct.eachRow((row, r) => {
      if (r <= 2) return;
      const province = String(row.getCell(2).value);
      const key = province === 'Total' ? 'total' : province;
      if (key !== 'total') provinces++;
      across.forEach((a, j) => {
        const want = sums.get(`${key}|${a}`);
        expect(want, `${province} ${a}`).toBeDefined();
        expect(row.getCell(3 + 2 * j).value, `${province} ${a} today`).toBe(want![0]);
        expect(row.getCell(4 + 2 * j).value, `${province} ${a} target`).toBe(want![1]);
      });
    });
    expect(provinces).toBe(38);
    // The grand total is the report's own total.
    expect(sums.get('total|total')).toEqual([41_560_000, 50_000_000]);
    // Totals are bold: the last row and the total columns.
    expect(ct.getRow(41).getCell(3).font?.bold).toBe(true);
    expect(ct.getRow(3).getCell(11).font?.bold).toBe(true);
    expect(ct.getRow(3).getCell(3).font?.bold).toBeFalsy();
  });
});

describe('limits', () => {
  it('more rows than a sheet holds is an output error with a way out, not a crash', async () => {
    const report: Report = {
      kind: 'coverage',
      title: { en: 't', id: 't' },
      columns: [{ key: 'a', label: { en: 'a', id: 'a' }, kind: 'int' }],
      rows: new Array(1_048_576).fill({ values: { a: 1 } }),
      meta: {},
    };
    await expect(render('xlsx', report, ctx('en'))).rejects.toMatchObject({ exitCode: 4, diagnostics: [{ hint: expect.stringContaining('-f csv') }] });
  });
});
