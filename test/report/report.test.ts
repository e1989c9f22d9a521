// Results → Report, in-process: the column contract, totals that add up, subtotals in place, the
// cross-tab equal to the long list, comparisons, and notes in both languages.
import { describe, expect, it } from 'vitest';
import { planBreakdown } from '../../src/core/allocation/plan.js';
import type { SplitRule } from '../../src/core/allocation/spec.js';
import { planCoverage } from '../../src/core/coverage/plan.js';
import { breakdownReport } from '../../src/report/breakdown.js';
import { compareReport } from '../../src/report/compare.js';
import { coverageReport } from '../../src/report/coverage.js';
import { noteText } from '../../src/report/vocabulary.js';
import { tableOf } from '../support/tables.js';

const rule: SplitRule = { lower: { kind: 'default' }, upper: { kind: 'default' }, method: 'webster' };
const cells = tableOf([
  { province: 'G', segment: 'PU', participants: 90, workforce: 300 },
  { province: 'G', segment: 'BPU', participants: 60, workforce: 500 },
  { province: 'A', segment: 'PU', participants: 200, workforce: 900 },
  { province: 'A', segment: 'BPU', participants: 100, workforce: 700 },
]);
const ctx = { sources: cells.sources, codeSystem: 'auto', period: '2024-06' };

describe('breakdown report', () => {
  const matrix = planBreakdown({ total: { value: 1000n, source: 't' }, shape: { kind: 'matrix', rows: 'province', columns: 'segment' }, rule, denominator: 'workforce' }, cells);
  const r = breakdownReport(matrix, ctx);

  it('the column contract, in order', () => {
    expect(r.columns.map((c) => c.key)).toEqual(['province_code', 'province', 'segment', 'period', 'year', 'denominator', 'participants', 'coverage', 'weight', 'min', 'max', 'target', 'increase', 'target_coverage', 'share', 'bound', 'estimated']);
  });

  it('each row\'s cells, then its subtotal; the totals add up', () => {
    expect(r.rows.map((x) => [x.level ?? 'detail', x.values['province'], x.values['segment']])).toEqual([
      ['detail', 'G', 'PU'],
      ['detail', 'G', 'BPU'],
      ['subtotal', 'G', 'Total'],
      ['detail', 'A', 'PU'],
      ['detail', 'A', 'BPU'],
      ['subtotal', 'A', 'Total'],
    ]);
    const detail = r.rows.filter((x) => !x.level);
    expect(detail.reduce((a, x) => a + (x.values['target'] as number), 0)).toBe(r.totals!['target']);
    for (const x of detail) expect(x.values['bound'] === null || typeof x.values['bound'] === 'string').toBe(true);
  });

  it('the cross-tab is the long list, laid out', () => {
    const ct = r.crosstab!;
    expect(ct.across.map((a) => a.key)).toEqual(['PU', 'BPU', 'total']);
    const detail = r.rows.filter((x) => !x.level);
    ct.rows.slice(0, 2).forEach((row, i) => {
      row.cells.slice(0, 2).forEach((cell, j) => expect(cell[1]).toBe(detail[i * 2 + j]!.values['target']));
      expect(row.cells[2]![1]).toBe((row.cells[0]![1] as number) + (row.cells[1]![1] as number));
    });
    expect(ct.rows[2]!.cells[2]![1]).toBe(1000);
  });

  it('notes in both languages', () => {
    const n = breakdownReport(planBreakdown({ total: { value: 1000n, source: 't' }, shape: { kind: 'flat', dim: 'segment' }, rule, denominator: undefined }, cells), ctx).notes!;
    expect(n.length).toBeGreaterThan(0);
    for (const x of n) {
      expect(x.en).not.toBe(x.id);
      expect(x.id).not.toMatch(/\b(the|is|not|per segment)\b/);
    }
  });
});

describe('coverage report', () => {
  const result = planCoverage({ current: cells }, { grain: ['province', 'segment'], denominator: 'workforce', atRiskMargin: 0.05 });

  it('subtotals after each first key, the total last', () => {
    const r = coverageReport(result, { sources: cells.sources, extract: false, atRiskMargin: 0.05, codeSystem: 'auto' });
    expect([...r.rows].map((x) => x.level ?? 'detail')).toEqual(['detail', 'detail', 'subtotal', 'detail', 'detail', 'subtotal']);
    expect(r.totals!['participants']).toBe(450);
    expect(r.totals!['denominator']).toBe(2400);
  });

  it('--sort and --top choose rows; the total still covers every row', () => {
    const r = coverageReport(result, { sources: cells.sources, extract: false, atRiskMargin: 0.05, codeSystem: 'auto', sort: 'coverage', top: 1 });
    const rows = [...r.rows];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.values['segment']).toBe('BPU');
    expect(rows[0]!.values['province']).toBe('G');
    expect(r.totals!['participants']).toBe(450);
  });
});

describe('comparison report', () => {
  // Balinski–Young: weights 5117, 4400, 162, 161, 160 and 100 seats. Webster 51/43/2/2/2, D'Hondt
  // 52/45/1/1/1, Hamilton (quotas 51.17, 44, 1.62, 1.61, 1.60: floors 98, the two seats to the largest
  // remainders c and d) 51/44/2/2/1.
  const t = tableOf([{ unit: 'a', participants: 0, workforce: 5117 }, { unit: 'b', participants: 0, workforce: 4400 }, { unit: 'c', participants: 0, workforce: 162 }, { unit: 'd', participants: 0, workforce: 161 }, { unit: 'e', participants: 0, workforce: 160 }]);
  const plan = (method: 'webster' | 'dhondt' | 'hamilton') => planBreakdown({ total: { value: 100n, source: 't' }, shape: { kind: 'flat' as const, dim: 'unit' }, rule: { ...rule, method, mode: 'level' as const, lower: { kind: 'none' as const } }, denominator: 'workforce' }, t);
  const variant = (name: 'webster' | 'dhondt' | 'hamilton') => ({ name, label: name, result: plan(name), choices: [['method', name]] as const, words: { en: name, id: name }, bounds: { min: 'none', max: 'default', maxCoverage: null } });

  it('two methods: one target column each, the difference, which units differ, the change in people and in %', () => {
    const w = variant('webster');
    const r = compareReport({ fields: ['method'], variants: [w, variant('dhondt')] }, breakdownReport(w.result, { sources: t.sources, codeSystem: 'auto' }));
    expect(r.columns.map((c) => c.key)).toEqual(['unit', 'participants', 'target_webster', 'target_dhondt', 'diff', 'changed', 'diff_dhondt', 'diff_pct_dhondt', 'estimated']);
    expect(r.rows.map((x) => [x.values['target_webster'], x.values['target_dhondt'], x.values['diff'], x.values['changed'], x.values['diff_dhondt'], x.values['diff_pct_dhondt']])).toEqual([
      [51, 52, 1, 'yes', 1, 1 / 51],
      [43, 45, 2, 'yes', 2, 2 / 43],
      [2, 1, -1, 'yes', -1, -1 / 2],
      [2, 1, -1, 'yes', -1, -1 / 2],
      [2, 1, -1, 'yes', -1, -1 / 2],
    ]);
    expect(r.totals!['diff']).toBe(0);
    expect(r.chart?.changes).toEqual({ label: ['unit'], series: [{ value: 'diff_dhondt', share: 'diff_pct_dhondt' }] });
    expect(noteText({ code: 'tie', units: ['a', 'b'], winners: ['a'] }, 'id')).toContain('seri');
  });

  it('three methods: diff is the spread; each later variant against the first; the summary of each', () => {
    const w = variant('webster');
    const c = { fields: ['method'], variants: [w, variant('hamilton'), variant('dhondt')] };
    const r = compareReport(c, breakdownReport(w.result, { sources: t.sources, codeSystem: 'auto' }));
    expect(r.columns.map((x) => x.key)).toEqual(['unit', 'participants', 'target_webster', 'target_hamilton', 'target_dhondt', 'diff', 'changed', 'diff_hamilton', 'diff_pct_hamilton', 'diff_dhondt', 'diff_pct_dhondt', 'estimated']);
    expect(r.rows.map((x) => [x.values['target_hamilton'], x.values['diff'], x.values['diff_hamilton'], x.values['diff_dhondt']])).toEqual([
      [51, 1, 0, 1],
      [44, 2, 1, 2],
      [2, 1, 0, -1],
      [2, 1, 0, -1],
      [1, 1, -1, -1],
    ]);
    const summary = r.meta['summary'] as { variant: string; changedUnits: number; gainsMost: unknown; losesMost: unknown; largestChange: unknown; largestChangePct: unknown }[];
    // Hamilton against Webster: b +1 (1/43 = 2.33 %), e −1 (−50 %); b and e tie on people: the first in row order.
    expect(summary[0]).toEqual({ variant: 'hamilton', against: 'webster', changedUnits: 2, units: 5, gainsMost: { unit: 'b', people: 1, pct: 0.023256 }, losesMost: { unit: 'e', people: -1, pct: -0.5 }, largestChange: { unit: 'b', people: 1, pct: 0.023256 }, largestChangePct: { unit: 'e', people: -1, pct: -0.5 } });
    expect(summary[1]).toMatchObject({ variant: 'dhondt', changedUnits: 5, gainsMost: { unit: 'b', people: 2 }, losesMost: { unit: 'c', people: -1, pct: -0.5 } });
    expect(r.notes![0]!.en).toBe('hamilton vs webster: 2 of 5 unit units change; gains most: b (+1, +2.33%); loses most: e (-1, -50.00%); largest change in %: e (-1, -50.00%)');
    expect(r.notes![0]!.id).toBe('hamilton dibanding webster: 2 dari 5 unit unit berubah; naik paling banyak: b (+1, +2,33%); turun paling banyak: e (-1, -50,00%); perubahan terbesar dalam %: e (-1, -50,00%)');
    expect(r.humanColumns).toEqual(['unit', 'participants', 'target_webster', 'target_hamilton', 'target_dhondt', 'diff_hamilton', 'diff_pct_hamilton', 'diff_dhondt', 'diff_pct_dhondt', 'diff', 'changed']);
  });
});
