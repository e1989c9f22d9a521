// The month a breakdown plans from, one rule for the command and the library: an input of several
// months (a glob of monthly files, a file with a period column) is planned from its latest month, the
// months before it left out and said; periods are never summed. `breakdown` (app/breakdown.ts) and the
// library's `planBreakdown` (src/index.ts) both come here.

import { latestPeriod, type Period } from '../core/calendar.js';
import type { Note } from '../core/facts.js';
import { atPeriod, dimIndex, keysOf, labelOf, type Table, type TableRow } from '../core/table.js';
import { InputError, say } from '../errors.js';

/**
 * The table a breakdown plans from: its latest month's rows (and rows without a month), with the
 * 'earlier-months' note when there were others. A table without a period, or of one month, is itself.
 * Example: examples/sulama-2024/*.csv (2024-01 … 2024-06) by province → the 2024-06 rows and
 * { code: 'earlier-months', period: '2024-06', months: ['2024-01', …, '2024-05'] }.
 */
export function fromLatestMonth(table: Table, grain: readonly string[]): { readonly base: Table; readonly period?: Period; readonly note?: Note } {
  const period = latestPeriod(keysOf(table, 'period'));
  if (!period) return { base: table };
  const note = latestMonthOnly(table, period, grain);
  return { base: atPeriod(table, period), period, ...(note ? { note } : {}) };
}

/**
 * An input of several months: the plan starts from the latest month (periods are never summed). A
 * unit (its keys at the grain) with rows for an earlier month but none for the latest is refused:
 * planned without it, its share of the target would go to the others (coverage, which only reports,
 * warns instead). So is a finer row (a regency of a province planned by province): its unit would be
 * planned from part of its figures. When every row is there, the months left out are said.
 */
export function latestMonthOnly(table: Table, period: Period, grain: readonly string[]): Note | undefined {
  const p = dimIndex(table, 'period');
  if (p < 0) return undefined;
  const months = new Set<string>();
  for (const r of table.rows) {
    const m = r.keys[p];
    if (m !== null && m !== undefined && m !== period) months.add(m);
  }
  if (!months.size) return undefined;
  const units = grain.map((g) => dimIndex(table, g)).filter((d) => d >= 0 && d !== p);
  const all = table.dims.flatMap((_, d) => (d === p ? [] : [d]));
  refuseGone(table, period, p, units, 'unit');
  if (all.length > units.length) refuseGone(table, period, p, all, 'part');
  return { code: 'earlier-months', period, months: [...months].sort() };
}

/** The rows of earlier months whose keys at `dims` the latest month lacks: refused, naming them. */
function refuseGone(table: Table, period: Period, p: number, dims: readonly number[], kind: 'unit' | 'part'): void {
  const keyOf = (r: TableRow): string => dims.map((d) => r.keys[d]).join('\u0000');
  const now = new Set<string>();
  const earlier = new Map<string, TableRow>();
  for (const r of table.rows) {
    // Only rows keyed at every one of the dimensions (not a wide row's province-level figures, nor the
    // segment rows made from its columns, which follow that row).
    if (r.parent !== undefined && kind === 'part') continue;
    if (dims.some((d) => r.keys[d] === null || r.keys[d] === undefined)) continue;
    const m = r.keys[p];
    if (m === null || m === undefined || m === period) now.add(keyOf(r));
    else {
      const k = keyOf(r);
      const seen = earlier.get(k);
      if (!seen || seen.keys[p]! < m) earlier.set(k, r);
    }
  }
  const gone = [...earlier].filter(([k]) => !now.has(k)).map(([, r]) => r);
  if (!gone.length) return;
  const label = (r: TableRow): string => dims.map((d) => labelOf(table.dims[d]!, r.keys[d]!)).join(' / ');
  const named = gone.slice(0, 5).map((r) => `${label(r)} (last seen ${r.keys[p]})`).join(', ') + (gone.length > 5 ? ` and ${gone.length - 5} more` : '');
  const namedId = gone.slice(0, 5).map((r) => `${label(r)} (terakhir ${r.keys[p]})`).join(', ') + (gone.length > 5 ? ` dan ${gone.length - 5} lainnya` : '');
  const one = gone.length === 1;
  const why =
    kind === 'unit'
      ? { en: `planned without ${one ? 'it' : 'them'}, ${one ? 'its' : 'their'} share of the target would go to the others`, id: `tanpa ${one ? 'unit itu' : 'unit-unit itu'}, bagian targetnya akan jatuh ke unit lain` }
      : { en: `${one ? 'its unit' : 'their units'} would be planned from part of ${one ? 'its' : 'their'} figures`, id: `unitnya akan direncanakan dari sebagian angkanya saja` };
  const first = gone[0]!;
  throw new InputError({
    file: table.sources[first.src]?.name,
    line: first.line,
    ...say(
      { message: `${period}, the latest month of the input, which breakdown plans from, has no rows for ${named}: ${why.en}`, hint: `add ${one ? 'its' : 'their'} figures for ${period}, or leave out the rows of earlier months (breakdown plans from one month)` },
      { message: `${period}, bulan terakhir input yang menjadi dasar breakdown, tidak memuat ${namedId}: ${why.id}`, hint: `tambahkan angka ${period}-nya, atau hilangkan baris bulan-bulan sebelumnya (breakdown berangkat dari satu bulan)` },
    ),
  });
}

