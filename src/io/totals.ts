// The check of a file's total rows (total-rows.ts) against the rows they total, when the file ends.
//
// A grand total ("Jumlah", "INDONESIA") totals the rows of its file that agree with it on its other key
// cells (none: every row; "Gorontalo" in the province column and "Jumlah" in the regency column: the rows
// of Gorontalo). Each measure the total row gives is compared with the sum of those rows: equal, and the
// note says so; different, and the file is refused (exit 3) — a total that disagrees means a row is
// missing, extra or mistyped, and a report built from such rows would be a plausible wrong number. A
// measure some of those rows lack, or that the total leaves blank, is not compared (the note names it); a
// grand total over no rows is compared with 0 (the rows it totals are missing); a subtotal whose words
// name a Kanwil or a province ("Total Kanwil Sulawesi Maluku") is checked against that area's rows (its
// `within`); another subtotal is left out unchecked.

import type { ProblemList } from '../errors.js';
import type { Diagnostic } from '../errors.js';
import { canonicalColumn, roleOf, type ColumnRole, type ColumnWants } from '../core/columns.js';
import { readCell, type NumberLocale } from '../core/numbers.js';
import type { FileFold, LoadFold } from './fold.js';
import type { JsonTotals } from './json-rows.js';
import type { TotalRow } from './typed-rows.js';
import { inputProblem } from './words.js';

/** A total row, or a JSON file's "totals" object read as one (`object`). */
export type CheckedTotal = TotalRow & { readonly object?: boolean };

/**
 * A JSON file's "totals" object (`{"rows": […], "totals": {"participants": 999}}`, as `-f json` writes)
 * as a grand total of every row of the file, checked as a CSV "Total" row is: its members that name a
 * measure of the load are compared with the sums of the rows. Other members (keys, a coverage, a level)
 * are not figures to compare; a segment column's total is listed as not compared here, and a number that
 * cannot be read by checkTotals (left blank, while the rows give it).
 */
export function jsonTotalRow(totals: JsonTotals, fold: LoadFold, wants: ColumnWants, locale: NumberLocale | null, roleInFile?: (name: string) => ColumnRole | undefined): { row: CheckedTotal; notCompared: string[] } {
  const values = new Array<number | null>(fold.measures.length).fill(null);
  const notCompared: string[] = [];
  for (const member of totals.members) {
    // A member is what the rows' column of that name was read as (a report's "denominator" is the
    // measure its meta names), else what such a column would be.
    const canonical = canonicalColumn(member.name);
    const role = roleInFile?.(member.name) ?? roleOf(canonical, wants);
    if (role.kind === 'segment-part') {
      if (member.value !== null) notCompared.push(member.name);
      continue;
    }
    if (role.kind !== 'measure') continue;
    const m = fold.measures.findIndex((x) => x.name === role.measure);
    if (m < 0) continue;
    const v = member.value;
    let value: number | undefined;
    if (typeof v === 'number') value = v;
    else if (typeof v === 'string' && v.trim() !== '') {
      const r = readCell(v, fold.measures[m]!.kind === 'count' ? 'count' : 'number');
      value = r.problem ? undefined : locale !== null ? r[locale] : r.id === r.en ? r.id : undefined;
    } else if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
    // A figure that cannot be read is left blank: checkTotals then names it as not compared.
    if (value !== undefined && (fold.measures[m]!.kind !== 'count' || Number.isSafeInteger(value))) values[m] = value;
  }
  return { row: { line: totals.place.line, label: 'totals', kind: 'grand', scope: new Map(), values, column: totals.place.column, object: true }, notCompared };
}

/** Check each total row; the problems go to `problems`. Returns a line for the note per total row. */
export function checkTotals(
  totals: readonly CheckedTotal[],
  fold: LoadFold,
  file: FileFold,
  problems: ProblemList,
  place: (line: number, column?: number) => Pick<Diagnostic, 'file' | 'line' | 'column'>,
): { line: number; label: string; checked: boolean; notCompared?: string[] }[] {
  const out: { line: number; label: string; checked: boolean; notCompared?: string[] }[] = [];
  for (const t of totals) {
    let checked = false;
    const notCompared: string[] = [];
    const scope = [...t.scope];
    const within = t.within !== undefined && fold.keeps(t.within.dim) ? t.within : undefined;
    if ((t.kind === 'grand' || within) && scope.every(([d]) => fold.keeps(d))) {
      const nm = fold.measures.length;
      const sums = new Array<number>(nm).fill(0);
      const lacking = new Array<boolean>(nm).fill(false);
      const given = new Array<boolean>(nm).fill(false);
      let rows = 0;
      for (let g = file.start; g < file.end; g++) {
        const store = fold.store;
        if (store.parent(g) !== undefined) continue;
        if (!scope.every(([d, k]) => store.key(g, d) === k)) continue;
        if (within && !within.keys.has(store.key(g, within.dim) ?? '')) continue;
        rows += file.rowsIn(g);
        for (let m = 0; m < nm; m++) {
          const v = store.value(g, m);
          if (v === null || v === undefined || file.lacked(g, m)) lacking[m] = true;
          else {
            sums[m]! += v;
            given[m] = true;
          }
        }
      }
      for (let m = 0; m < nm; m++) {
        const total = t.values[m];
        // A figure the total leaves blank, or that some of its rows lack, is not compared (and the note
        // says which); a total over no rows at all is compared with 0: the rows it totals are missing.
        if (total === null || total === undefined || lacking[m]) {
          if (given[m] || (total !== null && total !== undefined)) notCompared.push(fold.measures[m]!.name);
          continue;
        }
        checked = true;
        const measure = fold.measures[m]!;
        const same = measure.kind === 'count' ? total === sums[m] : Math.abs(total - sums[m]!) <= 1e-9 * Math.max(1, Math.abs(total));
        if (!same) problems.add(inputProblem({ code: 'total-disagrees', label: t.label, measure: measure.name, total, sum: sums[m]!, rows, ...(t.object ? { object: true } : {}), ...(t.own ? { own: t.own } : {}) }, place(t.line, t.columns?.[m])));
      }
    }
    out.push({ line: t.line, label: t.label, checked, ...(checked && notCompared.length ? { notCompared } : {}) });
  }
  return out;
}
