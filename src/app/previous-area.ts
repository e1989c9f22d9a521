// The previous month's areas against the input's (--previous, or a glob's earlier month).
//
// A month with no area column (a recap by segment) against an input that has one: its figures cannot be
// placed in the input's areas, and over the bundled denominators it would be divided by every area's
// (rv31 V12: +25.56 pp shown for a Kanwil's +0.13 pp). Where the input is every area of the country, the
// recap IS the input's whole: read, for the --by it can answer (no area in --by: a segment's row and the
// Total; rv32 W1); refused for a --by by area, and for a region's input, with the column that works
// (rv32 W10: `province` for a province's regencies, `kanwil` for a whole Kanwil's provinces). The same
// rule for a glob's earlier month as for --previous (rv32 W11).
//
// A month by an area wider than the input's (a Kanwil's recap against one of its provinces' regencies)
// would be compared as one area: Sulama's 3,160,000 against Gorontalo's 256,129, a change of −2,903,871
// (rv32 W10). Refused where the input covers that wider area only in part.

import { areaDimOf, incompleteAreas, scopeOf, type AreaBook, type AreaDim } from '../core/scope.js';
import { atPeriod, dimIndex, hasMeasure, keysOf, labelOf, type Table } from '../core/table.js';
import { latestPeriod } from '../core/calendar.js';
import { InputError, say } from '../errors.js';
import { areaBook } from '../io/geography.js';

const AREA_DIMS: readonly AreaDim[] = ['regency', 'province', 'kanwil'];

/** The finest area dimension the rows give a key for (a glob's month from a file without the column has none). */
export function areaOfRows(t: Table): AreaDim | undefined {
  return AREA_DIMS.find((d) => keysOf(t, d).length > 0);
}

/** "Sulawesi Maluku (Sulama)" → "Sulama", the name a recap's kanwil column is typed with. */
const shortKanwil = (name: string): string => /\(([^)]+)\)\s*$/.exec(name)?.[1] ?? name;

/** The input's areas, each at `up` (a regency's province, a province's Kanwil), the input's keys under each. */
function areasAt(current: Table, dim: AreaDim, up: AreaDim, book: AreaBook): Map<string, Set<string>> | undefined {
  const out = new Map<string, Set<string>>();
  for (const k of keysOf(current, dim)) {
    let p: string | undefined = k;
    if (dim === 'regency') p = book.regencies.get(k)?.province;
    if (p !== undefined && up === 'kanwil' && dim !== 'kanwil') p = book.provinces.get(p)?.kanwil;
    if (p === undefined) return undefined;
    const set = out.get(p);
    if (set) set.add(k);
    else out.set(p, new Set([k]));
  }
  return out;
}

/** The provinces the input's rows are in (a regency's row names its province too). */
function provincesOf(current: Table, book: AreaBook): Set<string> | undefined {
  const own = keysOf(current, 'province');
  if (own.length) return new Set(own);
  const up = areasAt(current, 'regency', 'province', book);
  return up ? new Set(up.keys()) : undefined;
}

/** Provinces by their Kanwil. */
function kanwilsOf(provinces: ReadonlySet<string>, book: AreaBook): Map<string, Set<string>> | undefined {
  const out = new Map<string, Set<string>>();
  for (const p of provinces) {
    const kw = book.provinces.get(p)?.kanwil;
    if (kw === undefined) return undefined;
    const set = out.get(kw);
    if (set) set.add(p);
    else out.set(kw, new Set([p]));
  }
  return out;
}

/**
 * The area column a previous month needs to be compared with the input: the widest area the input
 * covers whole (Gorontalo's 6 regencies → province Gorontalo; Sulama's 8 provinces → kanwil Sulama),
 * else the input's own. Names as typed in a file.
 */
export function columnThatWorks(current: Table, book: AreaBook = areaBook()): { dim: AreaDim; names: string[] } {
  const dim = areaOfRows(current)!;
  const own = (): { dim: AreaDim; names: string[] } => {
    const d = current.dims[dimIndex(current, dim)]!;
    return { dim, names: keysOf(current, dim).map((k) => (dim === 'kanwil' ? shortKanwil(labelOf(d, k)) : labelOf(d, k))) };
  };
  if (dim === 'kanwil') return own();
  const provinces = provincesOf(current, book);
  if (!provinces) return own();
  // A province given by some of its regencies only (and no province row): the regencies' column.
  const byRegency = dim === 'regency' ? areasAt(current, 'regency', 'province', book) : undefined;
  if (byRegency && byRegency.size === provinces.size && incompleteAreas('regency', byRegency, 'province', book).length) return own();
  const kanwils = kanwilsOf(provinces, book);
  if (!kanwils) return own();
  if (!incompleteAreas('province', kanwils, 'kanwil', book).length) return { dim: 'kanwil', names: [...kanwils.keys()].map(shortKanwil) };
  return { dim: 'province', names: [...provinces.keys()].map((p) => book.provinces.get(p)?.name ?? p) };
}

/** What the previous month is, for the words: --previous's file, or a glob's earlier month. */
export interface PreviousMonth {
  readonly table: Table;
  readonly file: string;
  /** A glob's earlier month (its period), not --previous. */
  readonly month?: string;
}

const header = (t: Table, dim: string): string => ['period', dim, ...t.dims.map((d) => d.name).filter((n) => n !== 'period' && !(AREA_DIMS as readonly string[]).includes(n)), ...t.measures.map((m) => m.name).filter((m) => hasMeasure(t, m))].join(',');

/**
 * Refuses a previous month whose areas cannot be the input's: no area column against a region's input,
 * or against a national input by area (--by province); an area wider than the input covers. Returns
 * without a word where it can be compared like for like.
 */
export function checkPreviousAreas(current: Table, prev: PreviousMonth, grain: readonly string[], book: AreaBook = areaBook()): void {
  const dim = areaOfRows(current);
  if (!dim) return;
  const prevDim = areaOfRows(prev.table);
  const what = prev.month ? { en: `the earlier month ${prev.month} of the input`, id: `bulan sebelumnya ${prev.month} dari input` } : { en: '--previous: the file', id: '--previous: berkas ini' };
  const d = current.dims[dimIndex(current, dim)]!;
  const keys = keysOf(current, dim);
  const shown = `${keys.slice(0, 3).map((k) => labelOf(d, k)).join(', ')}${keys.length > 3 ? `, … (${keys.length})` : ''}`;
  // A glob's month is compared at the areas both months give (a Kanwil's month against provinces shows
  // no change by province): the input's own column; --previous's file, the widest the input covers whole.
  const fit = prev.month ? { dim, names: keysOf(current, dim).map((k) => labelOf(current.dims[dimIndex(current, dim)]!, k)) } : columnThatWorks(current, book);
  const named = `${fit.dim} ${fit.names[0]}${fit.names.length > 1 ? ', …' : ''}`;
  const withColumn = header(prev.table, fit.dim);
  if (!prevDim) {
    const scope = scopeOf(dim, new Set(keys), book);
    // The tool's own JSON report by segment says its scope (meta.scope): read where it is the input's.
    if ('name' in scope && prev.table.sources.length > 0 && prev.table.sources.every((s) => s.scope === scope.kind && s.scopeName === scope.name)) return;
    const byArea = areaDimOf(grain);
    if (scope.kind === 'national') {
      // The whole country's month: its recap is the input's whole, for a --by without an area.
      if (!byArea) return;
      const others = grain.filter((g) => !(AREA_DIMS as readonly string[]).includes(g));
      const recapDims = prev.table.dims.map((x) => x.name).filter((n) => n !== 'period' && dimIndex(current, n) >= 0);
      const inputDims = current.dims.map((x) => x.name).filter((n) => n !== 'period' && !(AREA_DIMS as readonly string[]).includes(n));
      const by = others.length ? others : recapDims.length ? recapDims : inputDims.slice(0, 1);
      const per = by.filter((b) => recapDims.includes(b));
      const gives = per.length ? { en: `the recap gives the country's figures per ${per.join(' × ')} and the Total`, id: `rekap memberi angka seluruh negeri per ${per.join(' × ')} dan Total` } : { en: "the recap gives the country's Total only: the Total compares", id: 'rekap hanya memberi Total seluruh negeri: Total yang dibandingkan' };
      const way = by.length ? { en: `report --by ${by.join(',')} (${gives.en}), or `, id: `laporkan dengan --by ${by.join(',')} (${gives.id}), atau ` } : { en: '', id: '' };
      throw new InputError({
        file: prev.file,
        code: 'previous-no-area',
        ...say(
          { message: `${what.en} has no area column (province, regency or kanwil): it is the whole country's, which the input is too (${keys.length} ${dim} units), but the report is by ${byArea} and it cannot be split by ${byArea}`, hint: `${way.en}give the previous month by ${dim} (${header(prev.table, dim)})` },
          { message: `${what.id} tidak memiliki kolom wilayah (province, regency atau kanwil): angkanya milik seluruh negeri, seperti input (${keys.length} ${dim}), tetapi laporan per ${byArea} dan angka itu tidak dapat dibagi per ${byArea}`, hint: `${way.id}berikan bulan sebelumnya per ${dim} (${header(prev.table, dim)})` },
        ),
      });
    }
    throw new InputError({
      file: prev.file,
      code: 'previous-no-area',
      ...say(
        {
          message: `${what.en} has no area column (province, regency or kanwil), but the input has one (${dim}: ${shown}): the previous month's figures cannot be placed in the input's areas, and over the denominators they would be the whole country's`,
          hint: `add an area column to ${prev.file}: ${named} (${withColumn})${fit.dim !== dim ? `, or ${dim} as the input has it` : prev.month ? ' as the input has it' : ''}`,
        },
        {
          message: `${what.id} tidak memiliki kolom wilayah (province, regency atau kanwil), padahal input memilikinya (${dim}: ${shown}): angka bulan sebelumnya tidak dapat ditempatkan di wilayah input, dan atas penyebutnya akan menjadi angka seluruh negeri`,
          hint: `tambahkan kolom wilayah ke ${prev.file}: ${named} (${withColumn})${fit.dim !== dim ? `, atau ${dim} seperti pada input` : prev.month ? ' seperti pada input' : ''}`,
        },
      ),
    });
  }
  // A Kanwil's month against some of its provinces (a province's regencies are its province's report, as
  // a branch that switches between the two is read: rv26 F7).
  if (prevDim !== 'kanwil' || dim === 'kanwil') return;
  const provinces = provincesOf(current, book);
  const wide = provinces && kanwilsOf(provinces, book);
  if (!wide) return;
  const had = new Set(keysOf(prev.table, prevDim));
  const part = incompleteAreas('province', wide, 'kanwil', book).filter((a) => had.has(a.key));
  if (!part.length) return;
  const pd = prev.table.dims[dimIndex(prev.table, prevDim)]!;
  const a = part[0]!;
  const label = prevDim === 'kanwil' ? labelOf(pd, a.key) : a.label;
  throw new InputError({
    file: prev.file,
    code: 'previous-wider-area',
    ...say(
      {
        message: `${what.en} gives its figures by ${prevDim} (${label}), but the input covers only ${a.have} of its ${a.of} provinces (${[...wide.get(a.key)!].map((p) => book.provinces.get(p)?.name ?? p).join(', ')}): the change would be between two different areas`,
        hint: `give the previous month of the input's areas: ${named} (${withColumn})`,
      },
      {
        message: `${what.id} memberi angkanya per ${prevDim} (${label}), tetapi input hanya mencakup ${a.have} dari ${a.of} provinsinya (${[...wide.get(a.key)!].map((p) => book.provinces.get(p)?.name ?? p).join(', ')}): perubahannya akan antara dua wilayah yang berbeda`,
        hint: `berikan bulan sebelumnya untuk wilayah input: ${named} (${withColumn})`,
      },
    ),
  });
}

/**
 * A glob's months: the earlier month the change is from (the latest before the month reported), held to
 * the rule --previous is (rv32 W11: a month without an area column was read, with a "same employed
 * figures" warning and no coverage_change_pp).
 */
export function checkEarlierMonth(table: Table, period: string | undefined, grain: readonly string[], book: AreaBook = areaBook()): void {
  if (dimIndex(table, 'period') < 0) return;
  const periods = keysOf(table, 'period');
  const now = period ?? latestPeriod(periods);
  if (now === undefined) return;
  const before = latestPeriod(periods.filter((p) => p < now));
  if (before === undefined) return;
  const cur = atPeriod(table, now);
  const prev = atPeriod(table, before);
  const srcs = new Set<number>();
  for (const r of prev.rows) srcs.add(r.src);
  const file = table.sources.filter((_, i) => srcs.has(i)).map((s) => s.name).join(', ');
  checkPreviousAreas(cur, { table: prev, file, month: before }, grain, book);
}
