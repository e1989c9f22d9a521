// A sum past 2^53 − 1 named at the row of a file that takes it there.
//
// A load's Table has the files' rows added up into groups (fold.ts): its rows are sums. When the core
// adds them up further (rollup(): the report's Total, a Kanwil, a month) and a count passes 2^53 − 1,
// the row it can name is the first row of the group it was adding, which is not the row whose addition
// passes the limit (the Total of 38 provinces passes it while a province's rows are added, not at its
// first row). Here the files are read again, in the load's order, and that group's sum is made anew row
// by row, exactly (every partial sum up to 2^53 − 1 is exact in a double): the first row after which it
// is not a safe integer is the one named. Only on that error; a source that cannot be read again (standard
// input, a pipe), or a sum that the files' rows do not take past the limit (a Table made of other
// tables), leaves the group's first row, said as such (report/problems.ts).

import { SumOverflowError, type RowRef, type SourceFacts } from '../core/table.js';
import type { NumberLocale } from '../core/numbers.js';
import type { TappedRow } from './typed-rows.js';

/** How to read a load's files again with their rows' measures. */
export interface OverflowRows {
  /** The names of the load's dimensions and measures, in the order of a tapped row's keys and values. */
  readonly dims: readonly string[];
  readonly measures: readonly string[];
  /** Per source: its number locale, or undefined when it cannot be read again (or was not loaded). */
  readonly sources: readonly ({ locale: NumberLocale | null } | undefined)[];
  readonly read: (src: number, locale: NumberLocale | null, tap: (row: TappedRow) => void) => Promise<unknown>;
}

const loads = new WeakMap<SourceFacts, OverflowRows>();

/** Make the sources of a load found again by the error of a sum of their rows. */
export function registerOverflowRows(sources: readonly SourceFacts[], rows: OverflowRows): void {
  for (const s of sources) loads.set(s, rows);
}

/**
 * The error with the row of the files that takes the group's sum past 2^53 − 1 (`rowFound` true), or
 * with its group's first row said as such (`rowFound` false); an error of a table not loaded from files
 * (the library's rows) is returned as it is.
 */
export async function locateOverflowRow(e: SumOverflowError): Promise<SumOverflowError> {
  const source = e.sources?.[e.at.src];
  const rows = source ? loads.get(source) : undefined;
  if (!rows || !e.group || e.rowFound !== undefined) return e;
  const at = await crossing(rows, e.group, e.measure).catch(() => undefined);
  // The loads' sources in the error's table: the row's source numbered as the table numbers it.
  const mine = at ? sourceOf(e.sources!, rows, at.src) : undefined;
  const src = mine ? e.sources!.indexOf(mine) : -1;
  const found = at !== undefined && src >= 0;
  return new SumOverflowError(e.measure, found ? { src, line: at.line } : e.at, e.sources, e.group, found);
}

/** The source of a load numbered `src` in the load, among the table's sources (the same object). */
function sourceOf(sources: readonly SourceFacts[], rows: OverflowRows, src: number): SourceFacts | undefined {
  const mine = sources.filter((s) => loads.get(s) === rows);
  return mine.length === rows.sources.length ? mine[src] : undefined;
}

async function crossing(rows: OverflowRows, group: NonNullable<SumOverflowError['group']>, measure: string): Promise<RowRef | undefined> {
  const dims = group.dims.map((name) => rows.dims.indexOf(name));
  const m = rows.measures.indexOf(measure);
  if (m < 0 || dims.some((d) => d < 0)) return undefined;
  let sum = 0;
  for (let src = 0; src < rows.sources.length; src++) {
    const s = rows.sources[src];
    // A source that cannot be read again: the sum cannot be made anew in order.
    if (!s) return undefined;
    let line = -1;
    await rows.read(src, s.locale, (row) => {
      if (line >= 0) return;
      for (let j = 0; j < dims.length; j++) if (row.keys[dims[j]!] !== group.keys[j]) return;
      const v = row.values?.[m];
      if (v === null || v === undefined) return;
      sum += v;
      if (!Number.isSafeInteger(sum)) line = row.line;
    });
    if (line >= 0) return { src, line };
  }
  return undefined;
}
