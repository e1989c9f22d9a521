// The denominators of counts without their own (an extract, against --workforce or the bundled
// baseline), at a month. Pure.
//
// A workforce file may hold several months, and not every area's figure is of every month (Sakernas is
// published in February and August; an office sends its own when it has one). Each area takes its
// figure of the month reported; without one, its latest before that month; without one, its earliest
// after it (an area is never dropped for a figure of another month). Every area whose figure is of
// another month is named, so the report can say so: coverage against 2019's workforce is a different
// number from coverage against 2024's. A row without a month (a file without a period column) is an
// area's figure for every month, and is used only where the area has no dated figure.
//
//   denominatorsAt(workforce with Gorontalo 2024-05, Aceh 2024-05 and 2024-06, '2024-06')
//     → Gorontalo's 2024-05 row and Aceh's 2024-06 row; other: [{ period: '2024-05', areas: ['Gorontalo'] }]

import type { Period } from '../calendar.js';
import { dimIndex, filterRows, labelOf, type Table } from '../table.js';

export interface DenominatorMonths {
  /** Each area's rows of the month chosen for it. */
  readonly table: Table;
  /** The areas whose figure is of another month than the one asked for, by month (earliest first). */
  readonly other: readonly { readonly period: Period; readonly areas: readonly string[] }[];
  /** The month chosen for each area (null: its rows have no month), by the area's key. */
  readonly chosen: ReadonlyMap<string, Period | null>;
}

/** Is month `p` a better figure for month `at` than `q` (null: a row without a month, the last resort)? */
function nearer(p: Period | null, q: Period | null, at: Period | undefined): boolean {
  if (p === null) return false;
  if (q === null) return true;
  if (at === undefined) return p > q; // no month asked for: the latest
  const pBefore = p <= at;
  const qBefore = q <= at;
  if (pBefore !== qBefore) return pBefore;
  return pBefore ? p > q : p < q;
}

/** Each area's denominators at month `at` (undefined: each area's latest), and the areas of another month. */
export function denominatorsAt(table: Table, at: Period | undefined): DenominatorMonths {
  const pd = dimIndex(table, 'period');
  if (pd < 0) return { table, other: [], chosen: new Map() };
  // The area of a row: its keys but the month (a Kanwil is derived from the province, not named).
  const dims = table.dims.map((_, i) => i).filter((i) => i !== pd);
  const named = dims.filter((i) => table.dims[i]!.name !== 'kanwil');
  const areaOf = (keys: readonly (string | null)[]): string => dims.map((i) => keys[i] ?? '').join('\u0000');
  const chosen = new Map<string, Period | null>();
  const label = new Map<string, string>();
  for (const r of table.rows) {
    if (r.parent !== undefined) continue; // a wide row's segment rows go with it
    const k = areaOf(r.keys);
    const p = r.keys[pd] ?? null;
    if (!chosen.has(k)) {
      chosen.set(k, p);
      label.set(
        k,
        named
          .filter((i) => r.keys[i] !== null)
          .map((i) => labelOf(table.dims[i]!, r.keys[i]!))
          .join(' / '),
      );
    } else if (nearer(p, chosen.get(k)!, at)) chosen.set(k, p);
  }
  const kept = filterRows(table, (r) => chosen.get(areaOf(r.keys)) === (r.keys[pd] ?? null));
  const byMonth = new Map<Period, string[]>();
  for (const [k, p] of chosen) {
    if (p === null || p === at) continue;
    const list = byMonth.get(p);
    if (list) list.push(label.get(k)!);
    else byMonth.set(p, [label.get(k)!]);
  }
  const other = [...byMonth.keys()].sort().map((period) => ({ period, areas: byMonth.get(period)! }));
  return { table: kept, other, chosen };
}

/**
 * Every area has the same month (or the same undated row) at both months: the same figures. An area of
 * `b` that `a` has not is another figure (rv31 V12: a previous month without an area column took every
 * province's, said to be "the same" as a Kanwil's).
 */
export function sameFigures(a: DenominatorMonths, b: DenominatorMonths): boolean {
  for (const [k, p] of b.chosen) if (!a.chosen.has(k) || a.chosen.get(k) !== p) return false;
  return true;
}
