// Issue 20, --previous at a key per row: the checks read a loaded table's columns (no row object per
// row), and each row's story is kept by its place and made when read. Properties: a table kept as
// columns (a load's) and the same rows as objects give the same plan, notes, problems and rows; and
// each detail row's months, pace and projection are those computed here by hand from its figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planCoverage, type CoverageResult } from '../../src/core/coverage/plan.js';
import { columnsFor, StoredTable, type Table } from '../../src/core/table.js';
import { tableOf } from '../support/tables.js';

const MONTHS = ['2024-03', '2024-04', '2024-05', '2024-06'];
const AREAS = ['A', 'B', 'C'];
const UNITS = ['u1', 'u2', 'u3', 'u4'];

const stored = (t: Table): Table => new StoredTable(t.dims, t.measures, t.sources, columnsFor(t));

type Rec = Record<string, string | number | null>;

/** Rows of the months given, each (area, unit) at most once a month. */
const records = (months: readonly string[]) =>
  fc
    .array(fc.record({ area: fc.constantFrom(...AREAS), unit: fc.constantFrom(...UNITS), month: fc.constantFrom(...months), participants: fc.integer({ min: 0, max: 900 }), workforce: fc.option(fc.integer({ min: 900, max: 2000 }), { nil: null }) }), { minLength: 1, maxLength: 24 })
    .map((xs) => {
      const seen = new Set<string>();
      const out: Rec[] = [];
      for (const x of xs) {
        const k = `${x.month}|${x.area}|${x.unit}`;
        if (seen.has(k)) continue;
        seen.add(k);
        out.push({ period: x.month, province: x.area, unit: x.unit, participants: x.participants, ...(x.workforce === null ? {} : { potential_workers: x.workforce }) });
      }
      return out;
    });

/** The plan as plain data, its rows read twice from the list (each read makes them again). */
function outcome(f: () => CoverageResult): unknown {
  try {
    const r = f();
    const first = Array.from(r.rowList);
    const again = Array.from({ length: r.rowList.length }, (_, i) => r.rowList.at(i));
    expect(again).toEqual(first);
    const { rowList: _, rows: __, ...facts } = r;
    return { facts: JSON.parse(JSON.stringify(facts)) as unknown, rows: JSON.parse(JSON.stringify(first)) as unknown, anyTarget: r.rowList.anyTarget, anyEstimate: r.rowList.anyEstimate };
  } catch (e) {
    return { error: e instanceof Error ? e.name : 'thrown', problem: JSON.parse(JSON.stringify((e as { problem?: unknown }).problem ?? null)) as unknown };
  }
}

describe('--previous on a table kept as columns (issue 20)', () => {
  it('the same plan from the columns as from the row objects (property)', () => {
    fc.assert(
      fc.property(records(['2024-05', '2024-06']), records(['2024-04', '2024-05']), fc.constantFrom(['province', 'unit'], ['province'], ['unit']), fc.boolean(), (now, then, grain, withDen) => {
        const spec = { grain, atRiskMargin: 0.05, ...(withDen ? { denominator: 'potential_workers' } : {}) };
        const cur = tableOf(now);
        const prev = tableOf(then);
        expect(outcome(() => planCoverage({ current: stored(cur), previous: stored(prev) }, spec))).toEqual(outcome(() => planCoverage({ current: cur, previous: prev }, spec)));
      }),
      { numRuns: 150 },
    );
  });

  it('a month given in both: the same refusal, at the same lines, from the columns', () => {
    const cur = tableOf([
      { period: '2024-05', province: 'A', unit: 'u1', participants: 10 },
      { period: '2024-06', province: 'A', unit: 'u1', participants: 12 },
    ]);
    const prev = tableOf([
      { period: '2024-04', province: 'A', unit: 'u1', participants: 9 },
      { period: '2024-05', province: 'A', unit: 'u1', participants: 10 },
    ]);
    const spec = { grain: ['province'], atRiskMargin: 0.05 };
    const got = outcome(() => planCoverage({ current: stored(cur), previous: stored(prev) }, spec));
    expect(got).toMatchObject({ problem: { kind: 'month-given-twice', period: '2024-05', input: { line: 2 }, previous: { line: 3 } } });
    expect(got).toEqual(outcome(() => planCoverage({ current: cur, previous: prev }, spec)));
  });

  it('each detail row’s story is its own months’, pace and projection (worked by hand), the Total’s their sums (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...UNITS), fc.array(fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }), { minLength: 4, maxLength: 4 })), { minLength: 1, maxLength: 4 }), (units) => {
        const seen = new Set<string>();
        const recs: Rec[] = [];
        const byUnit = new Map<string, (number | null)[]>();
        for (const [u, vals] of units) {
          if (seen.has(u)) continue;
          seen.add(u);
          byUnit.set(u, vals);
          vals.forEach((v, i) => {
            if (v !== null) recs.push({ period: MONTHS[i]!, unit: u, participants: v });
          });
        }
        if (!recs.some((r) => r.period === '2024-06')) return;
        const months = MONTHS.filter((m) => recs.some((r) => r.period === m));
        const r = planCoverage({ current: stored(tableOf(recs)) }, { grain: ['unit'], atRiskMargin: 0.05 });
        if (!r.story) {
          expect(months.length).toBeLessThan(2);
          return;
        }
        let total: (number | null)[] = months.map(() => 0);
        let projectedSum: number | null = 0;
        for (const row of r.rowList) {
          if (row.level !== 'detail') continue;
          const vals = byUnit.get(row.keys[0]!)!;
          const series = months.map((m) => vals[MONTHS.indexOf(m)] ?? null);
          expect(row.story!.series).toEqual(series);
          total = total.map((t, i) => (t === null || series[i] === null ? null : t + series[i]!));
          // The pace: from the earliest month of the 3-month window the unit reported, to June.
          const now = series[series.length - 1]!;
          const from = months.findIndex((m, i) => series[i] !== null && m >= '2024-03' && m < '2024-06');
          if (from < 0) {
            expect(row.story!.pace).toBeNull();
            projectedSum = null;
            continue;
          }
          const span = 6 - Number(months[from]!.slice(5));
          const change = now - series[from]!;
          const q = (change * 6) / span; // six months left to December, rounded half away from zero
          const projected = Math.max(0, now + Math.sign(q) * Math.round(Math.abs(q)));
          expect(row.story!.projected).toBe(projected);
          projectedSum = projectedSum === null ? null : projectedSum + projected;
        }
        const last = r.rowList.at(-1);
        expect(last.level).toBe('total');
        expect(last.story!.series).toEqual(total);
        expect(last.story!.projected).toBe(projectedSum);
      }),
      { numRuns: 200 },
    );
  });
});
