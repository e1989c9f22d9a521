// filterSegmentRows (core/table.ts): a wide row kept with some of its segment rows dropped stands for the kept
// ones (rv34 R2, R3), so a like-for-like month reads the same at the province's grain (the wide rows) as at the
// segment's (their segment rows). Values by hand, then a property over both table kinds (row objects, columns).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsFor, filterSegmentRows, measureIndex, rollup, StoredTable, type Table, type TableRow } from '../../src/core/table.js';

const SEGMENTS = ['PU', 'BPU', 'JAKON', 'PMI'];

/** Wide rows (province, employed, participants = the segments' sum) each followed by its segment rows. */
function wide(areas: readonly { province: string; employed: number; segments: readonly (number | null)[] }[]): Table {
  const rows: TableRow[] = [];
  for (const a of areas) {
    const at = rows.length;
    let sum = 0;
    for (const v of a.segments) sum += v ?? 0;
    rows.push({ keys: [a.province, null], values: [sum, a.employed], src: 0, line: at + 2 });
    a.segments.forEach((v, k) => {
      if (v !== null) rows.push({ keys: [a.province, SEGMENTS[k]!], values: [v, null], src: 0, line: at + 2, parent: at });
    });
  }
  return {
    dims: [
      { name: 'province', kind: 'text', labels: new Map() },
      { name: 'segment', kind: 'segment', labels: new Map() },
    ],
    measures: [
      { name: 'participants', kind: 'count' },
      { name: 'employed', kind: 'count' },
    ],
    rows,
    sources: [{ name: 'wide.csv', format: 'csv', numberLocale: null, encoding: 'utf-8', sha256: '', bytes: 0, rows: rows.length, blankLines: 0, ignoredColumns: [] }],
  };
}

const stored = (t: Table): Table => new StoredTable(t.dims, t.measures, t.sources, columnsFor(t));

/** Per province (at its grain): participants and employed, as rollup gives them. */
function byProvince(t: Table): Map<string, [number | null, number | null]> {
  const agg = columnsFor(rollup(t, ['province']).table);
  const out = new Map<string, [number | null, number | null]>();
  for (let i = 0; i < agg.size; i++) out.set(agg.key(i, 0)!, [agg.value(i, measureIndex(t, 'participants')), agg.value(i, measureIndex(t, 'employed'))]);
  return out;
}

describe('filterSegmentRows', () => {
  it('Aceh without its PMI row: 600 + 300 = 900 by province, employed kept; Banten with none kept goes', () => {
    const t = wide([
      { province: 'Aceh', employed: 5000, segments: [600, 300, null, 100] },
      { province: 'Banten', employed: 9000, segments: [700, 200, 50, 50] },
    ]);
    for (const table of [t, stored(t)]) {
      const kept = filterSegmentRows(table, (c, i) => c.key(i, 0) === 'Aceh' && c.key(i, 1) !== 'PMI');
      expect([...byProvince(kept)]).toEqual([['Aceh', [900, 5000]]]);
    }
  });

  it('at the province\'s grain, the sum of the segment rows kept (property, row objects and columns)', () => {
    const area = fc.record({ employed: fc.integer({ min: 1, max: 1e6 }), segments: fc.tuple(...SEGMENTS.map(() => fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }))) });
    fc.assert(
      fc.property(fc.array(area, { minLength: 1, maxLength: 5 }), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), fc.boolean(), (areas, keep, asColumns) => {
        const list = areas.map((a, i) => ({ province: `P${i}`, ...a }));
        const t0 = wide(list);
        const t = asColumns ? stored(t0) : t0;
        const kept = filterSegmentRows(t, (c, i) => c.parent(i) === undefined || keep[i % keep.length]!);
        // By hand from the rows: each province's kept segment rows' sum; a province none of whose rows is kept
        // is gone unless it had no segment rows at all (then its wide row is asked alone, and kept).
        const want = new Map<string, [number | null, number | null]>();
        let j = 0;
        for (const a of list) {
          j++; // the wide row, always kept
          let sum = 0;
          let n = 0;
          let given = 0;
          a.segments.forEach((v) => {
            if (v === null) return;
            given++;
            if (keep[j++ % keep.length]) {
              sum += v;
              n++;
            }
          });
          if (given === 0) want.set(a.province, [0, a.employed]);
          else if (n > 0) want.set(a.province, [sum, a.employed]);
        }
        expect(byProvince(kept)).toEqual(want);
      }),
    );
  });
});
