// rv27 F4, F8: what the revisions of a targets file say to the month reported (core, by hand).
import { describe, expect, it } from 'vitest';
import { fileRevision, laterFileRevision } from '../../src/core/coverage/file-revisions.js';
import { targetsAt, type Targets } from '../../src/core/coverage/targets.js';
import { tableOf } from '../support/tables.js';

type Month = { period: string; from: string; a: [number, number]; b: [number, number] };
/** A months file of two units: each month, its `from` and each unit's [milestone, target]. */
const monthsFile = (year: number, months: readonly Month[]): Targets => ({
  table: tableOf(months.flatMap((m) => [
    { period: m.period, year: String(year), from: m.from, province: 'A', milestone: m.a[0], target: m.a[1] },
    { period: m.period, year: String(year), from: m.from, province: 'B', milestone: m.b[0], target: m.b[1] },
  ])),
  year,
  yearFrom: 'file',
  phasing: { kind: 'even' },
  method: 'webster',
  source: 't.csv',
});

// The year's targets (A 200, B 100) unchanged; a December on the way revised from 2024-11: the path
// redrawn from November, through A 130 + B 60 = 190 in 2024-12.
const along = monthsFile(2025, [
  { period: '2024-10', from: '', a: [110, 200], b: [52, 100] },
  { period: '2024-11', from: '2024-11', a: [120, 200], b: [56, 100] },
  { period: '2024-12', from: '2024-11', a: [130, 200], b: [60, 100] },
  { period: '2025-06', from: '2024-11', a: [165, 200], b: [80, 100] },
  { period: '2025-12', from: '2024-11', a: [200, 200], b: [100, 100] },
]);
// The year's own targets revised from 2024-11: A 200 → 220, B 100 → 110 (300 → 330).
const own = monthsFile(2024, [
  { period: '2024-10', from: '', a: [180, 200], b: [90, 100] },
  { period: '2024-11', from: '2024-11', a: [200, 220], b: [100, 110] },
  { period: '2024-12', from: '2024-11', a: [220, 220], b: [110, 110] },
]);

describe('fileRevision', () => {
  it('a revision of a December on the way: the targets as before (300), and the Decembers the path passes', () => {
    const at = targetsAt(along, '2024-11');
    expect(at.revisionFrom).toBe('2024-11');
    expect(fileRevision(along, at.table, '2024-11', '2024-11', undefined)).toEqual({ from: '2024-11', total: 300, before: 300, asOf: null, fileFrom: '2024-11', along: [{ month: '2024-12', total: 190 }] });
  });

  it('a revision of the year\'s own targets: 330, was 300, no `along`', () => {
    const at = targetsAt(own, '2024-12');
    expect(fileRevision(own, at.table, '2024-11', '2024-12', undefined)).toEqual({ from: '2024-11', total: 330, before: 300, asOf: null, fileFrom: '2024-11' });
  });
});

describe('laterFileRevision', () => {
  it('a month before the revision: the revision named, with its total (330) or as a December on the way', () => {
    expect(laterFileRevision(own, '2024-10', undefined, 't.csv')).toEqual({ code: 'revision-later', source: 't.csv', later: '2024-11', period: '2024-10', monthly: true, total: 330 });
    expect(laterFileRevision(along, '2024-10', undefined, 't.csv')).toEqual({ code: 'revision-later', source: 't.csv', later: '2024-11', period: '2024-10', monthly: true, along: true });
  });

  it('from the revision on, or as of it, nothing', () => {
    expect(laterFileRevision(own, '2024-11', undefined, 't.csv')).toBeUndefined();
    expect(laterFileRevision(own, '2024-10', '2024-11', 't.csv')).toBeUndefined();
  });

  it('a file without `from`: nothing', () => {
    const plain = monthsFile(2024, [{ period: '2024-12', from: '', a: [200, 200], b: [100, 100] }]);
    expect(laterFileRevision(plain, '2024-12', undefined, 't.csv')).toBeUndefined();
  });
});
