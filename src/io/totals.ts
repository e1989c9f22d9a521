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
// `within`), or the group a province's name may mean ("Jumlah Maluku": Maluku and Maluku Utara, rv30 T4);
// another subtotal is left out unchecked.

import type { ProblemList } from '../errors.js';
import type { Diagnostic } from '../errors.js';
import { canonicalColumn, roleOf, type ColumnRole, type ColumnWants } from '../core/columns.js';
import { readCell, wholeOfNoise, type NumberLocale } from '../core/numbers.js';
import type { FileFold, LoadFold } from './fold.js';
import type { JsonTotals } from './json-rows.js';
import type { TotalRow } from './typed-rows.js';
import { inputProblem } from './words.js';
import { parseEstimatedCell } from '../core/estimates.js';
import type { Cell } from './row-sink.js';
import { provinceRegistry } from './areas.js';

/** The provinces of a group by name, in the registry's order: "Maluku and Maluku Utara". */
function groupNames(codes: ReadonlySet<string>): string {
  const names = provinceRegistry().provinces.filter((p) => codes.has(p.kemendagri)).map((p) => p.name);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

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
    // A stored count with a formula's rounding noise is its whole number, as a row's is (rv35 D7).
    if (typeof v === 'number') value = fold.measures[m]!.kind === 'count' ? (wholeOfNoise(v) ?? v) : v;
    else if (typeof v === 'string' && v.trim() !== '') {
      const r = readCell(v, fold.measures[m]!.kind === 'count' ? 'count' : 'number');
      value = r.problem ? undefined : locale !== null ? r[locale] : r.id === r.en ? r.id : undefined;
    } else if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
    // A figure that cannot be read is left blank: checkTotals then names it as not compared.
    if (value !== undefined && (fold.measures[m]!.kind !== 'count' || Number.isSafeInteger(value))) values[m] = value;
  }
  return { row: { line: totals.place.line, label: 'totals', kind: 'grand', scope: new Map(), values, column: totals.place.column, object: true }, notCompared };
}

/**
 * A JSON file's "totals" object that gives a target (`-f json` of breakdown): 'estimated' when its
 * `estimated` member names the target, else 'given' (TypedRows.totalTarget for a CSV's own Total row, rv34 R9).
 */
export function jsonTotalTarget(totals: JsonTotals): 'given' | 'estimated' | undefined {
  const member = (name: string): Cell | undefined => totals.members.find((m) => canonicalColumn(m.name) === name)?.value;
  const target = member('target');
  if (target === null || target === undefined || target === '') return undefined;
  const marks = member('estimated');
  return typeof marks === 'string' && parseEstimatedCell(marks).includes('target') ? 'estimated' : 'given';
}

/**
 * The parts of a file that joins reports one after the other (two Kanwils' `breakdown --by province -f csv`
 * outputs, each ending in its Total row): where two or more grand totals total the same rows (the same
 * other keys), each part is the rows after the previous such total up to its own, and every total row is
 * checked against the rows of its part (fx53: each total was checked against every row of the file, and
 * such a join refused). Lines: a part is (from, to]; the last part runs to the end (`to`: Infinity).
 * Undefined for a file of one report, or whose rows are not one group each (an extract's sums mix lines).
 */
function joinedParts(totals: readonly CheckedTotal[], fold: LoadFold, file: FileFold): { readonly scope: readonly [number, string][]; readonly bounds: readonly number[]; readonly parts: number; readonly first: number } | undefined {
  const byScope = new Map<string, { scope: [number, string][]; lines: number[] }>();
  for (const t of totals) {
    if (t.kind !== 'grand' || t.within !== undefined || t.object) continue;
    const scope = [...t.scope].sort((a, b) => a[0] - b[0]);
    const key = scope.map(([d, k]) => `${d}\u0000${k}`).join('\u0001');
    const had = byScope.get(key);
    if (had) had.lines.push(t.line);
    else byScope.set(key, { scope, lines: [t.line] });
  }
  const joined = [...byScope.values()].filter((x) => x.lines.length > 1);
  // One way of cutting the file into parts, or none (two sets of repeated totals would cut it two ways).
  if (joined.length !== 1) return undefined;
  const bounds = joined[0]!.lines.sort((a, b) => a - b);
  // The parts with rows (a total repeated on the next line makes no part of its own): two or more, a join.
  const filled = new Set<number>();
  // The first row's line: part 1 starts there, not at the header (rv36 N2: "lines 1-7" named the header).
  let first = Infinity;
  for (let g = file.start; g < file.end; g++) {
    if (fold.store.parent(g) !== undefined) continue;
    if (file.rowsIn(g) !== 1) return undefined;
    const line = fold.store.lineAt(g);
    if (line < first) first = line;
    filled.add(partOf(bounds, line).index);
  }
  return filled.size > 1 ? { scope: joined[0]!.scope, bounds, parts: filled.size, first: Math.min(first, bounds[0]!) } : undefined;
}

/** The part of a joined file a total row at `line` belongs to: its index, and its lines (from, to]; part 1 from the line before `first`, the file's first row. */
function partOf(bounds: readonly number[], line: number, first = 1): { index: number; from: number; to: number } {
  let i = 0;
  while (i < bounds.length && bounds[i]! < line) i++;
  return { index: i, from: i === 0 ? first - 1 : bounds[i - 1]!, to: i < bounds.length ? bounds[i]! : Infinity };
}

/**
 * The sums of a file's rows by the keys of a total's scope, made in one pass per set of scope dimensions
 * (checkTotals), or each total's by a pass over every row of the file (off: tests compare the two).
 */
export const TOTALS_INDEX = { on: true };

/** Check each total row; the problems go to `problems`. Returns a line for the note per total row, and the parts of a joined file. */
export function checkTotals(
  totals: readonly CheckedTotal[],
  fold: LoadFold,
  file: FileFold,
  problems: ProblemList,
  place: (line: number, column?: number) => Pick<Diagnostic, 'file' | 'line' | 'column'>,
): { rows: { line: number; label: string; checked: boolean; notCompared?: string[] }[]; parts?: number } {
  const out: { line: number; label: string; checked: boolean; notCompared?: string[] }[] = [];
  const joined = joinedParts(totals, fold, file);
  const parts = joined?.parts;
  // A file with a total per regency and month (12,000 of them in a million rows) compared each with every
  // row of the file: 3 s of a 4.4 s read. The rows' sums by the scope's keys are made once per set of
  // dimensions a scope names, and each total takes its own (a total naming an area, `within`, or of a
  // part of a joined file, is rarer and still passes over the rows). The same rows, in the same order, so
  // the same sums to the last bit.
  const bySets = TOTALS_INDEX.on && totals.length > 1 ? new Map<string, ScopeSums>() : undefined;
  let everySaid = false;
  for (const t of totals) {
    let checked = false;
    let notCompared: string[] = [];
    const scope = [...t.scope];
    const within = t.within !== undefined && fold.keeps(t.within.dim) ? t.within : undefined;
    // In a joined file, a total row of the parts' scope (or a narrower one) totals the rows of its part.
    const part = joined && !t.object && joined.scope.every(([d, k]) => t.scope.get(d) === k) ? partOf(joined.bounds, t.line, joined.first) : undefined;
    if ((t.kind === 'grand' || within) && scope.every(([d]) => fold.keeps(d))) {
      const over = (keys: ReadonlySet<string> | undefined, inPart: typeof part | null = part): Compared =>
        bySets && keys === undefined && !inPart ? judge(t, fold, scopeSums(bySets, fold, file, scope).of(scope)) : compare(t, fold, file, scope, within?.dim ?? -1, keys, inPart ?? undefined);
      let c = over(within?.keys);
      // A grand total of every part after the parts' own ("Total" of each Kanwil, then "TOTAL" of both).
      if (c.disagrees.length && part) {
        const whole = over(within?.keys, null);
        if (!whole.disagrees.length) c = whole;
      }
      // A name that may mean a group of provinces ("Jumlah Maluku", rv30 T4): checked against the group
      // when it matches it. Matching neither the province's rows nor the group's, it is refused naming both
      // sums (fx44): a subtotal that no reading of its name adds up to means a row is missing, extra or
      // mistyped, as for "Jumlah Provinsi Maluku"; left out unchecked, a mistyped row went into the report.
      let said: (Compared['disagrees'][number] & { rows: number; group?: { names: string; rows: number; sum: number } })[] = c.disagrees.map((d) => ({ ...d, rows: c.rows }));
      if (c.disagrees.length && within?.group) {
        const g = over(within.group);
        if (!g.disagrees.length) {
          c = g;
          said = [];
        } else {
          const names = groupNames(within.group);
          const same = (x: Compared['disagrees'][number], d: Compared['disagrees'][number]): boolean => x.m === d.m && x.part?.name === d.part?.name;
          const both = c.disagrees.filter((d) => g.disagrees.some((x) => same(x, d)));
          // Neither reading adds up to these figures; or each fails on another figure: the group's said.
          said = both.length ? both.map((d) => ({ ...d, rows: c.rows, group: { names, rows: g.rows, sum: g.disagrees.find((x) => same(x, d))!.sum } })) : g.disagrees.map((d) => ({ ...d, rows: g.rows }));
        }
      }
      checked = c.checked;
      notCompared = c.notCompared;
      // A Kanwil's row with its province blank, over no row of its provinces: the empty column is the
      // problem, said once for a file of such rows only (fx52: "the 0 row(s) it totals", once per figure).
      if (t.blankProvince && c.rows === 0 && said.length) {
        const every = file.end === file.start;
        if (!every || !everySaid) problems.add(inputProblem({ code: 'kanwil-row-no-province', field: t.blankProvince.field, kanwil: t.label, every }, place(t.line, t.blankProvince.column)));
        everySaid ||= every;
        said = [];
      }
      const inPart = part ? { part: part.index + 1, parts: Math.max(parts!, part.index + 1), from: part.from + 1, ...(part.to < Infinity ? { to: part.to } : {}) } : undefined;
      for (const d of said) problems.add(inputProblem({ code: 'total-disagrees', label: t.label, measure: d.part?.name ?? fold.measures[d.m]!.name, total: d.total, sum: d.sum, rows: d.rows, ...(d.group ? { area: within!.area, group: d.group } : {}), ...(t.object ? { object: true } : {}), ...(t.own ? { own: t.own } : {}), ...(inPart ? { joined: inPart } : {}) }, place(t.line, d.part ? d.part.column : (t.columns?.[d.m] ?? t.column))));
    }
    // Unchecked with figures not compared: the total's are blank, or its rows lack them (said as why).
    out.push({ line: t.line, label: t.label, checked, ...(notCompared.length ? { notCompared } : {}) });
  }
  return { rows: out, ...(parts ? { parts } : {}) };
}


interface Compared {
  readonly rows: number;
  readonly checked: boolean;
  readonly notCompared: string[];
  readonly disagrees: { readonly m: number; readonly total: number; readonly sum: number; readonly part?: { readonly name: string; readonly column: number | undefined } }[];
}

/** The sums of the rows a total totals: as compare() adds them up, row by row in the file's order. */
interface Sums {
  rows: number;
  readonly sums: Float64Array;
  /** Per measure: 1 where some row lacks it, 1 where some row gives it. */
  readonly lacking: Uint8Array;
  readonly given: Uint8Array;
  /** The participants of the rows' segment rows, by segment (for a wide total row's segment columns). */
  bySegment: Map<string, number> | undefined;
}

const noSums = (nm: number): Sums => ({ rows: 0, sums: new Float64Array(nm), lacking: new Uint8Array(nm), given: new Uint8Array(nm), bySegment: undefined });

/** Group g of the file added to s (a segment row only to its segments' participants, when `sd` and `pm` are columns). */
function addRow(s: Sums, fold: LoadFold, file: FileFold, g: number, sd: number, pm: number): void {
  const store = fold.store;
  if (store.parent(g) !== undefined) {
    if (sd < 0 || pm < 0) return;
    const seg = store.key(g, sd);
    if (seg !== null) (s.bySegment ??= new Map()).set(seg, (s.bySegment.get(seg) ?? 0) + (store.value(g, pm) ?? 0));
    return;
  }
  s.rows += file.rowsIn(g);
  for (let m = 0; m < s.sums.length; m++) {
    const v = store.value(g, m);
    if (v === null || v === undefined || file.lacked(g, m)) s.lacking[m] = 1;
    else {
      s.sums[m]! += v;
      s.given[m] = 1;
    }
  }
}

/** The file's rows added up by their keys in some dimensions (a set of scope dimensions), in one pass. */
class ScopeSums {
  private readonly byKeys = new Map<string, Sums>();
  constructor(
    private readonly dims: readonly number[],
    private readonly nm: number,
  ) {}

  static of(fold: LoadFold, file: FileFold, dims: readonly number[]): ScopeSums {
    const out = new ScopeSums(dims, fold.measures.length);
    const store = fold.store;
    const sd = fold.dims.findIndex((d) => d.name === 'segment');
    const pm = fold.measures.findIndex((m) => m.name === 'participants');
    const keys: string[] = new Array<string>(dims.length);
    rows: for (let g = file.start; g < file.end; g++) {
      // A row with no key in a dimension of the set is in no scope that names it.
      for (let j = 0; j < dims.length; j++) {
        const k = store.key(g, dims[j]!);
        if (k === null) continue rows;
        keys[j] = k;
      }
      const id = tupleKey(keys);
      let s = out.byKeys.get(id);
      if (!s) out.byKeys.set(id, (s = noSums(out.nm)));
      addRow(s, fold, file, g, sd, pm);
    }
    return out;
  }

  /** The sums of the rows whose keys are the scope's (its dimensions are this set's). */
  of(scope: readonly [number, string][]): Sums {
    const keys = this.dims.map((d) => scope.find(([x]) => x === d)![1]);
    return this.byKeys.get(tupleKey(keys)) ?? noSums(this.nm);
  }
}

/** One text for a tuple of keys (JSON: no two tuples share one, whatever their keys hold). */
const tupleKey = (keys: readonly string[]): string => (keys.length === 1 ? keys[0]! : JSON.stringify(keys));

/** The ScopeSums of the scope's set of dimensions, made at its first total. */
function scopeSums(bySets: Map<string, ScopeSums>, fold: LoadFold, file: FileFold, scope: readonly [number, string][]): ScopeSums {
  const dims = scope.map(([d]) => d).sort((a, b) => a - b);
  const id = dims.join(',');
  let s = bySets.get(id);
  if (!s) bySets.set(id, (s = ScopeSums.of(fold, file, dims)));
  return s;
}

/** A total row's figures against the sums of the file's rows in its scope (and, given `keys`, whose key in `dim` is one of them; given `part`, on its lines). */
function compare(t: CheckedTotal, fold: LoadFold, file: FileFold, scope: readonly [number, string][], dim: number, keys: ReadonlySet<string> | undefined, part?: { readonly from: number; readonly to: number }): Compared {
  const s = noSums(fold.measures.length);
  const store = fold.store;
  // A wide total row's segment columns: the participants of its rows' segments (their segment rows), by segment.
  const sd = t.parts ? fold.dims.findIndex((d) => d.name === 'segment') : -1;
  const pm = fold.measures.findIndex((m) => m.name === 'participants');
  for (let g = file.start; g < file.end; g++) {
    if (part) {
      const line = store.lineAt(g);
      if (line <= part.from || line > part.to) continue;
    }
    if (!scope.every(([d, k]) => store.key(g, d) === k)) continue;
    if (keys && !keys.has(store.key(g, dim) ?? '')) continue;
    addRow(s, fold, file, g, sd, pm);
  }
  return judge(t, fold, s);
}

/** A total row's figures against the sums of its rows. */
function judge(t: CheckedTotal, fold: LoadFold, s: Sums): Compared {
  const nm = fold.measures.length;
  const { rows, sums, lacking, given, bySegment } = s;
  const pm = fold.measures.findIndex((m) => m.name === 'participants');
  let checked = false;
  const notCompared: string[] = [];
  const disagrees: Compared['disagrees'][number][] = [];
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
    if (!same) disagrees.push({ m, total, sum: sums[m]! });
  }
  // Each segment column of a wide total row against its rows' (rv31 V2: PU and BPU swapped in a row
  // added up to the row's participants, and the total row "agreed with its rows"); a blank one is not compared.
  for (const p of t.parts ?? []) {
    if (p.value === null) {
      notCompared.push(p.name);
      continue;
    }
    checked = true;
    const sum = bySegment?.get(p.segment) ?? 0;
    if (p.value !== sum) disagrees.push({ m: pm, total: p.value, sum, part: { name: p.name, column: p.column } });
  }
  return { rows, checked, notCompared, disagrees };
}
