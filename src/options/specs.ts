// Typed options → the core's specs: one rule, one shape, one denominator, whichever command asks.
// `breakdown` and `coverage --year` build their AllocationSpec here, from the same options, so the same
// setting gives the same targets whether it came from a flag or from jamsostek.json.

import { DENOMINATORS } from '../core/domain.js';
import type { Rational } from '../core/allocation/exact.js';
import { DIVISOR_METHOD_NAMES, type MethodName } from '../core/allocation/methods.js';
import type { Basis, Bound, Mode, Shape, SplitRule } from '../core/allocation/spec.js';
import { hasMeasure, isNested, type Table } from '../core/table.js';
import { usage } from '../errors.js';
import type { CompareAxis } from './parse.js';
import { canonicalColumn, OUTPUT_COLUMNS } from '../core/columns.js';
import { fileList, ruleNamedColumns, tableColumns, unknownName, type NamedColumn } from './keys.js';

export interface RuleOptions {
  readonly mode?: Mode;
  readonly basis?: Basis;
  readonly min?: Bound;
  readonly max?: Bound;
  readonly maxCoverage?: Rational;
  readonly method?: MethodName;
}

const canonicalBound = (b: Bound | undefined): Bound => (b === undefined ? { kind: 'default' } : b.kind === 'column' ? { kind: 'column', column: canonicalColumn(b.column) } : b);

export function splitRule(o: RuleOptions): SplitRule {
  const basis = o.basis?.kind === 'column' ? { kind: 'column' as const, column: canonicalColumn(o.basis.column) } : o.basis;
  return { mode: o.mode, basis, lower: canonicalBound(o.min), upper: canonicalBound(o.max), maxCoverage: o.maxCoverage, method: o.method ?? 'webster' };
}

/** The columns a rule reads besides the usual measures (a --basis or bound column), with the flags that name them. */
export function ruleColumns(rule: SplitRule): NamedColumn[] {
  return ruleNamedColumns({ basis: rule.basis, min: rule.lower, max: rule.upper });
}

/** --by, in canonical names; refused when a key would collide with an output column. */
export function grainOf(by: readonly string[] | undefined, max: number): string[] {
  const grain = (by ?? ['province']).map(canonicalColumn);
  if (grain.length > max) {
    throw usage(
      `--by takes at most ${max} columns${max === 2 ? ' (two nested ones such as province,regency, or two crossed ones such as province,segment)' : ''}`,
      `--by menerima paling banyak ${max} kolom${max === 2 ? ' (dua kolom bertingkat seperti province,regency, atau dua kolom bersilang seperti province,segment)' : ''}`,
    );
  }
  for (const g of grain) {
    if (g === 'period') throw usage('--by period: the report is for one month; choose it with --period', '--by period: laporan berlaku untuk satu bulan; pilih bulannya dengan --period');
    if (g === 'province_code') throw usage('--by province_code: use --by province (codes and names are both shown)', '--by province_code: pakai --by province (kode dan nama sama-sama ditampilkan)');
    if (OUTPUT_COLUMNS.has(g)) {
      throw usage(
        { message: `--by ${g}: "${g}" is also an output column of the report`, hint: 'rename that column of the input (e.g. to "jenjang"), then --by the new name' },
        { message: `--by ${g}: "${g}" juga merupakan kolom keluaran laporan`, hint: 'ganti nama kolom itu di input (mis. menjadi "jenjang"), lalu pakai --by dengan nama baru' },
      );
    }
  }
  return grain;
}

/**
 * Two --by columns are nested when every key of the second lies in one key of the first (kanwil,province;
 * province,regency), else crossed (a matrix). Written the other way round (province,kanwil) they are
 * refused with the order to write: as a matrix they have no solution, and a silent swap would move the
 * meaning of --row-totals.
 */
export function shapeOf(grain: readonly string[], table: Table, methods: { method?: MethodName; compare?: readonly CompareAxis[] } = {}): Shape {
  if (grain.length === 1) return { kind: 'flat', dim: grain[0]! };
  const [a, b] = grain as [string, string];
  if (isNested(table, a, b)) return { kind: 'nested', levels: [a, b] };
  if (isNested(table, b, a)) {
    throw usage(
      { message: `--by ${a},${b}: each ${a} lies in one ${b}, so ${b} groups ${a} (nested keys go outer first)`, hint: `write --by ${b},${a}` },
      { message: `--by ${a},${b}: setiap ${a} berada dalam satu ${b}, jadi ${b} mengelompokkan ${a} (kunci bertingkat ditulis dari yang terluar)`, hint: `tulis --by ${b},${a}` },
    );
  }
  // Hamilton has no matrix version (the core refuses it too): said here, naming the flag that asked.
  const list = (or: string): string => `${DIVISOR_METHOD_NAMES.slice(0, -1).join(', ')} ${or} ${DIVISOR_METHOD_NAMES[DIVISOR_METHOD_NAMES.length - 1]}`;
  const divisors = list('or');
  const divisorsId = list('atau');
  if (methods.compare?.some((axis) => axis.values.some((v) => v.set.method === 'hamilton'))) {
    throw usage(
      { message: `--compare hamilton: a matrix (${a},${b} are crossed) needs a divisor method; Hamilton has none for two dimensions`, hint: `compare divisor methods: ${divisors}, e.g. --compare webster,dhondt` },
      { message: `--compare hamilton: matriks (${a},${b} bersilang) memerlukan metode pembagi; Hamilton tidak memilikinya untuk dua dimensi`, hint: `bandingkan metode pembagi: ${divisorsId}, mis. --compare webster,dhondt` },
    );
  }
  if (methods.method === 'hamilton') {
    throw usage(
      { message: `--method hamilton: a matrix (${a},${b} are crossed) needs a divisor method; Hamilton has none for two dimensions`, hint: `use --method ${divisors}` },
      { message: `--method hamilton: matriks (${a},${b} bersilang) memerlukan metode pembagi; Hamilton tidak memilikinya untuk dua dimensi`, hint: `gunakan --method ${divisorsId}` },
    );
  }
  return { kind: 'matrix', rows: a, columns: b };
}

/** --denominator, checked against the table; by default the first of workforce, employed, potential_workers it has. */
export function chooseDenominator(wanted: string | undefined, tables: readonly Table[]): string | undefined {
  if (wanted !== undefined) {
    const d = canonicalColumn(wanted);
    if (!tables.some((t) => hasMeasure(t, d))) {
      const names = fileList(tables.flatMap((t) => t.sources.map((s) => s.name)));
      const namesId = names.replace(/ files\)$/, ' berkas)');
      unknownName('--denominator', wanted, { en: `the input (${names}) has no column "${d}"`, id: `input (${namesId}) tidak memiliki kolom "${d}"` }, tableColumns(tables), { en: 'columns it has', id: 'kolom yang ada' });
    }
    return d;
  }
  return DENOMINATORS.find((x) => tables.some((t) => hasMeasure(t, x)));
}

export { DENOMINATORS };
