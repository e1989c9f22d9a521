// The terminal table fits the terminal: headers wrap first, then the least needed columns go (the
// command prints the note); --wide, or no terminal width (a pipe), shows every column.
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/measure.js';
import type { Report } from '../../src/report/model.js';
import { columnPriority } from '../../src/render/rows.js';
import { renderTableWithNotes } from '../../src/render/table.js';
import { coverageReport, ctx, forFormat, matrixReport } from './fixtures.js';
import { text } from './golden.js';

const widest = (out: string): number => out.split('\n').reduce((m, l) => Math.max(m, displayWidth(l)), 0);
const tableLines = (out: string): string[] => out.split('\n').filter((l) => /^[┌│├└]/.test(l));
const headerCells = (out: string): string[] => tableLines(out)[1]!.split('│').slice(1, -1).map((c) => c.trim());

describe('terminal table width', () => {
  it('without a terminal width it is drawn whole (247 characters for this coverage report)', () => {
    const r = renderTableWithNotes(coverageReport(), ctx('id'));
    expect(widest(text(r.output))).toBe(247);
    expect(r.notes).toEqual([]);
  });

  it.each([80, 100, 120])('fits %i columns: headers wrap, the least needed columns go, one note names them', (columns) => {
    const report = coverageReport();
    const r = renderTableWithNotes(report, ctx('en', { columns }));
    const out = text(r.output);
    for (const line of tableLines(out)) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]!.code).toBe('table-columns-dropped');
    // The key column stays; the rightmost ordinary columns go first, the status last.
    expect(out).toContain('Kab. Gorontalo Utara');
    expect(out).toContain('Total');
    const shown = report.columns.filter((c) => out.includes(c.label.en.split(' ')[0]!));
    expect(shown[0]!.key).toBe('regency');
    expect(r.notes[0]!.en).toContain('coverage change');
    expect(r.notes[0]!.en).toContain('--wide');
    expect(r.notes[0]!.id).toContain('kolom tidak ditampilkan');
  });

  it('at 80 columns in Indonesian: the regency, the first measures and the wrapped headers', () => {
    const r = renderTableWithNotes(coverageReport(), ctx('id', { columns: 80 }));
    const out = text(r.output);
    const lines = tableLines(out);
    // Headers take two lines or more (wrapped at spaces), then the rule, then 7 rows and the bottom.
    expect(lines.length).toBeGreaterThan(1 + 2 + 1 + 7 + 1);
    expect(headerCells(out)[0]).toBe('kabupaten/kota');
    expect(out).toContain('42.810');
    expect(out).not.toContain('perubahan cakupan');
    expect(r.notes[0]!.id).toMatch(/^\d+ kolom tidak ditampilkan agar muat dalam 80 karakter: /);
  });

  it('--wide shows every column whatever the terminal', () => {
    const all = renderTableWithNotes(coverageReport(), ctx('en'));
    const wide = renderTableWithNotes(coverageReport(), ctx('en', { columns: 80, wide: true }));
    expect(wide.output).toBe(all.output);
    expect(wide.notes).toEqual([]);
  });

  it('a table that fits is not touched', () => {
    const r = renderTableWithNotes(coverageReport(), ctx('en', { columns: 400 }));
    expect(r.output).toBe(renderTableWithNotes(coverageReport(), ctx('en')).output);
    expect(r.notes).toEqual([]);
  });

  it('priorities decide: a column of priority 3 is never dropped, lower ones go first', () => {
    const base = coverageReport();
    const report: Report = { ...base, columns: base.columns.map((c) => (c.key === 'coverage_change_pp' ? { ...c, priority: 3 } : c.key === 'denominator' ? { ...c, priority: 0 } : c)) };
    expect(columnPriority(report, 0)).toBe(3);
    const r = renderTableWithNotes(report, ctx('en', { columns: 100 }));
    const out = text(r.output);
    expect(out).toContain('+1.18');
    expect(r.notes[0]!.en).toMatch(/: workforce \(potential\)/);
  });

  it('the keys of a matrix and the --chart bar stay even on a very narrow terminal (the code beside the name goes)', () => {
    const report = forFormat(matrixReport(), 'table');
    const r = renderTableWithNotes({ ...report, chart: { label: 'province', value: 'coverage', target: 'target_coverage' } }, ctx('en', { columns: 40, chart: true }));
    const out = text(r.output);
    expect(headerCells(out).slice(0, 2)).toEqual(['province', 'segment']);
    expect(r.notes[0]!.en).toMatch(/: .*\bcode\b/);
    expect(out).toContain('coverage vs target');
    expect(out).toContain('█');
  });
});
