// Estimate marks in every format (issue 19): the report says which cells are estimates (Row.estimated,
// Report.totalsEstimated) and what the mark means (Report.legend); human formats mark the cells and
// print the legend, machine formats carry the `estimated` column as any other.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/index.js';
import { ESTIMATED_REPORT_COLUMN, estimateLegend } from '../../src/report/estimates.js';
import type { Column, Report } from '../../src/report/model.js';
import { ctx } from './fixtures.js';
import { text } from './golden.js';

const col = (key: string, kind: Column['kind']): Column => ({ key, label: { en: key, id: key }, kind });

function report(): Report {
  return {
    kind: 'coverage',
    title: { en: 'Coverage', id: 'Cakupan' },
    columns: [col('province', 'text'), col('denominator', 'int'), col('participants', 'int'), col('status', 'status'), ESTIMATED_REPORT_COLUMN],
    rows: [
      { values: { province: 'Gorontalo', denominator: 422934, participants: 256129, status: 'on-track', estimated: null } },
      { values: { province: 'Papua Barat Daya', denominator: 188076, participants: 221642, status: 'achieved', estimated: 'denominator,participants,status' }, estimated: ['denominator', 'participants', 'status'] },
    ],
    totals: { province: 'Total', denominator: 611010, participants: 477771, status: null, estimated: 'denominator,participants' },
    totalsEstimated: ['denominator', 'participants'],
    legend: estimateLegend(true),
    meta: {},
  };
}

describe('estimate marks', () => {
  it('table: the marked cells end in *, the others do not; the legend follows the table', async () => {
    const out = text((await render('table', report(), ctx('en'))).output);
    expect(out).toMatch(/│ Gorontalo +│ +422,934 │ +256,129 │ on track +│/);
    expect(out).toMatch(/│ Papua Barat Daya +│ +188,076\* │ +221,642\* │ achieved\* +│/);
    expect(out).toMatch(/│ Total +│ +611,010\* │ +477,771\* │/);
    expect(out).toMatch(/┘\n\* estimate: the data labels this figure an estimate/);
  });

  it('Markdown and HTML: the same marks and the legend, in the report language', async () => {
    const md = text((await render('md', report(), ctx('id'))).output);
    expect(md).toContain('| Papua Barat Daya | 188.076\\* | 221.642\\* | tercapai\\* |');
    expect(md).toContain('| Gorontalo | 422.934 | 256.129 | sesuai jalur |');
    expect(md).toContain('\\* perkiraan: data menandai angka ini sebagai perkiraan');
    const html = text((await render('html', report(), ctx('en'))).output);
    expect(html).toContain('<td class="num">188,076*</td>');
    expect(html).toContain('<td class="num">422,934</td>');
    expect(html).toContain('<p class="legend">* estimate: ');
  });

  it('CSV and JSON: the column, no mark in the numbers', async () => {
    const csv = text((await render('csv', report(), ctx('en'))).output);
    expect(csv.split('\n')[0]).toBe('province,denominator,participants,status,estimated,level');
    expect(csv).toContain('Papua Barat Daya,188076,221642,achieved,"denominator,participants,status",detail');
    expect(csv).toContain('Gorontalo,422934,256129,on-track,,detail');
    const json = JSON.parse(text((await render('json', report(), ctx('en'))).output));
    expect(json.rows[1].estimated).toBe('denominator,participants,status');
    expect(json.rows[1].denominator).toBe(188076);
  });

  it('xlsx: an estimated number keeps its value and shows the mark through its format; the legend is on the meta sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await render('xlsx', report(), ctx('en'))).output as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const pbd = sheet.getRow(3);
    expect(pbd.getCell(2).value).toBe(188076);
    expect(pbd.getCell(2).numFmt).toBe('#,##0"*"');
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('#,##0');
    expect(pbd.getCell(5).value).toBe('denominator,participants,status');
    const meta = wb.getWorksheet('meta')!;
    const texts: string[] = [];
    meta.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => t.startsWith('* estimate: '))).toBe(true);
  });

  it('no legend and no mark when nothing is an estimate', async () => {
    const plain: Report = { ...report(), rows: [report().rows[0]!], totalsEstimated: undefined, legend: estimateLegend(false) };
    const out = text((await render('table', plain, ctx('en'))).output);
    expect(out).not.toContain('*');
  });
});
