// jamsostek as a library: the exact, bounded apportionment engine (one dimension and biproportional),
// the planners behind `breakdown` and `coverage`, and the loader that turns files into Tables.
//
//   import { apportion, apportionMatrix } from 'jamsostek';
//   apportion([2560, 3315, 995, 5012], 20, { method: 'webster' });        // → [4n, 6n, 2n, 8n]
//   apportionMatrix([[123, 45, 815], [912, 714, 414], [312, 255, 215]],
//     { rowTotals: [5, 11, 4], columnTotals: [7, 5, 8], method: 'webster' }); // → [[1n,0n,4n],[4n,4n,3n],[2n,1n,1n]]
//
// Every result is exact (integers, BigInt comparisons): the parts add up to the total, every bound holds,
// and a problem without a solution throws a typed error with the numbers that show why
// (InfeasibleAllocationError, InfeasibleMatrixError; planBreakdown: InfeasibleError with a fact).
//
// planBreakdown and planCoverage are the commands' planners with the commands' boundary around them
// (below): what the command line checks and supplies before it plans, the library does too, with the
// same functions, so that a library caller gets the command's numbers and warnings.

import { allocate } from './core/allocation/apportion.js';
import { allocateMatrix } from './core/allocation/biproportional.js';

export { InfeasibleAllocationError } from './core/allocation/apportion.js';
export { InfeasibleMatrixError } from './core/allocation/biproportional.js';
import { scaleToIntegers } from './core/allocation/exact.js';
import { DEFAULT_METHOD, DIVISOR_METHOD_NAMES, METHOD_NAMES, resolveMethod, type DivisorMethodAlias, type MethodAlias, type MethodName } from './core/allocation/methods.js';

import { planBreakdown as planAllocation, type AllocationResult } from './core/allocation/plan.js';
import type { AllocationSpec } from './core/allocation/spec.js';
import { planCoverage as planReport, CoverageError, type CoverageInputs, type CoverageResult, type CoverageSpec } from './core/coverage/plan.js';
import { TargetFrameError } from './core/coverage/targets.js';
import { InfeasibleError } from './core/facts.js';
import type { Table } from './core/table.js';
import { DENOMINATORS } from './core/domain.js';
import { fromLatestMonth } from './app/latest-month.js';
import { formatDiagnostic, JamsostekError, type MessageLang } from './errors.js';
import { areaBook } from './io/geography.js';
import { overCoverageExceptions } from './io/exceptions.js';
import { describeCoreError } from './report/problems.js';
import { argumentError, describeLibraryError } from './report/library-errors.js';
import { noteKind } from './report/note-kinds.js';
import { noteText } from './report/vocabulary.js';
import type { Note } from './core/facts.js';

export type { AllocationResult, PlannedUnit, LevelExplain, MatrixExplain } from './core/allocation/plan.js';
export type { AllocationSpec, SplitRule, Basis, Bound, Mode, Shape, GivenTotal, GivenMargin } from './core/allocation/spec.js';
export { thresholdBreaches, CoverageError } from './core/coverage/plan.js';
export type { CoverageSpec, CoverageInputs, CoverageResult, CoverageRow, CoverageRowList, CoverageProblem } from './core/coverage/plan.js';
export type { Targets, TargetFrameProblem } from './core/coverage/targets.js';
export { targetsFromAllocation, TargetFrameError } from './core/coverage/targets.js';
export type { AreaBook } from './core/scope.js';
/** The bundled geography (data/provinces.csv, data/regencies.csv): what `planCoverage` uses unless `spec.areas` is given. */
export { areaBook } from './io/geography.js';
export { aggregate, rollup, findConflicts, atPeriod, TableConflictError, SumOverflowError } from './core/table.js';
export type { Table, TableRow, Dimension, Measure, SourceFacts, Conflict, Aggregated } from './core/table.js';
import type { SourceFacts } from './core/table.js';
export { InfeasibleError } from './core/facts.js';
export type { InfeasibleFact, Note } from './core/facts.js';
export { loadTable } from './io/load.js';
export type { LoadSchema, LoadOptions, LoadedTable } from './io/load.js';
export { InputError, UsageError } from './errors.js';
export { METHOD_NAMES, DIVISOR_METHOD_NAMES } from './core/allocation/methods.js';
export type { MethodName, DivisorMethodName, MethodAlias, DivisorMethodAlias } from './core/allocation/methods.js';
/** The output formats of the command line (`--format`). The formats `loadTable` reads are `InputFormat`. */
export { FORMATS } from './render/output-formats.js';
export type { Format } from './render/output-formats.js';
export type InputFormat = SourceFacts['format'];

type Whole = number | bigint;

export interface ApportionOptions {
  /** webster (default; alias sainte-lague), hamilton (largest-remainder), dhondt (jefferson), huntington-hill, adams, dean: see METHOD_NAMES. */
  readonly method?: MethodAlias;
  /** A lower bound for every unit, or one per unit. */
  readonly min?: Whole | readonly Whole[];
  /** An upper bound for every unit, or one per unit (null: none). */
  readonly max?: Whole | readonly (Whole | null)[] | null;
}

function whole(x: Whole, what: string): bigint {
  if (typeof x === 'bigint') return x;
  if (!Number.isSafeInteger(x)) throw argumentError(`${what} must be a whole number (got ${x}); pass a bigint beyond 2^53`, `${what} harus bilangan bulat (diberikan ${x}); berikan bigint di atas 2^53`);
  return BigInt(x);
}

function weightsOf(ws: readonly Whole[]): bigint[] {
  // A negative weight is a wrong argument, whether a number or a bigint (not an infeasible problem).
  for (const w of ws) if (typeof w === 'bigint' && w < 0n) throw argumentError(`weights must be finite and ≥ 0 (got ${w})`, `bobot harus terhingga dan ≥ 0 (diberikan ${w})`);
  if (ws.every((w) => typeof w === 'bigint' || (Number.isSafeInteger(w) && w >= 0))) return ws.map((w) => BigInt(w));
  for (const w of ws) if (typeof w === 'number' && !(w >= 0 && Number.isFinite(w))) throw argumentError(`weights must be finite and ≥ 0 (got ${w})`, `bobot harus terhingga dan ≥ 0 (diberikan ${w})`);
  // Decimal weights are scaled to integers exactly (a common factor changes no method's result).
  return scaleToIntegers(ws);
}

// The types refuse an unknown method; JavaScript callers (and values cast from strings) are checked here.
function methodOf(m: string | undefined): MethodName {
  const r = resolveMethod(m ?? DEFAULT_METHOD);
  if (!r) throw argumentError(`unknown method "${m}" (methods: ${METHOD_NAMES.join(', ')})`, `metode "${m}" tidak dikenal (metode: ${METHOD_NAMES.join(', ')})`);
  return r;
}

function perUnit<T>(v: T | readonly T[] | undefined, n: number): readonly T[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) {
    if (v.length !== n) throw argumentError(`expected ${n} bounds, got ${v.length}`, `diharapkan ${n} batas, diberikan ${v.length}`);
    return v as readonly T[];
  }
  return new Array<T>(n).fill(v as T);
}

/**
 * Split `total` over units in proportion to `weights`, in integers that add up to `total` exactly,
 * each within its bounds.
 * Example: apportion([2560, 3315, 995, 5012], 20) → [4n, 6n, 2n, 8n] (Webster).
 */
export function apportion(weights: readonly Whole[], total: Whole, options: ApportionOptions = {}): bigint[] {
  const n = weights.length;
  const min = perUnit(options.min, n)?.map((x) => whole(x, 'min'));
  const max = perUnit(options.max, n)?.map((x) => (x === null ? null : whole(x, 'max')));
  return allocate({ total: whole(total, 'total'), weights: weightsOf(weights), lower: min, upper: max, method: methodOf(options.method) }).values;
}

export interface MatrixOptions {
  readonly rowTotals: readonly Whole[];
  readonly columnTotals: readonly Whole[];
  /** A divisor method (Hamilton has no biproportional form): see DIVISOR_METHOD_NAMES. Default webster. */
  readonly method?: DivisorMethodAlias;
  /** Cell lower bounds: one for all cells, or a matrix. */
  readonly min?: Whole | readonly (readonly Whole[])[];
  /** Cell upper bounds: one for all cells, or a matrix (null: none). */
  readonly max?: Whole | null | readonly (readonly (Whole | null)[])[];
}

/**
 * Biproportional apportionment: integers whose row sums and column sums both equal the given totals
 * exactly, each cell round(weight × row multiplier × column multiplier) by the method, within its bounds.
 * Example (Sainte-Laguë): weights [[123,45,815],[912,714,414],[312,255,215]], rows [5,11,4],
 * columns [7,5,8] → [[1n,0n,4n],[4n,4n,3n],[2n,1n,1n]].
 */
export function apportionMatrix(weights: readonly (readonly Whole[])[], options: MatrixOptions): bigint[][] {
  const method = methodOf(options.method);
  if (method === 'hamilton') throw argumentError(`a matrix needs a divisor method (${DIVISOR_METHOD_NAMES.join(', ')})`, `matriks memerlukan metode pembagi (${DIVISOR_METHOD_NAMES.join(', ')})`);
  const R = weights.length;
  const C = options.columnTotals.length;
  // Every row has a weight per column total (a longer or shorter row would be cut and wrapped into its
  // neighbours' weights by the flat copy below), and so does every row of a min or max grid.
  const shaped = (grid: readonly (readonly unknown[])[], what: string): void => {
    grid.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== C) throw argumentError(`${what}: row ${r + 1} has ${Array.isArray(row) ? row.length : 'no'} values, expected ${C} (one per column total)`, `${what}: baris ${r + 1} memiliki ${Array.isArray(row) ? row.length : 'tanpa'} nilai, diharapkan ${C} (satu per total kolom)`);
    });
  };
  shaped(weights, 'weights');
  for (const [what, v] of [['min', options.min], ['max', options.max]] as const) {
    if (!Array.isArray(v)) continue;
    if (v.length !== R) throw argumentError(`${what}: ${v.length} rows, expected ${R} (one per row of weights)`, `${what}: ${v.length} baris, diharapkan ${R} (satu per baris bobot)`);
    shaped(v as readonly (readonly unknown[])[], what);
  }
  const flat = weightsOf(weights.flat());
  const w = Array.from({ length: R }, (_, r) => flat.slice(r * C, r * C + C));
  const grid = <T>(v: unknown, conv: (x: Whole | null) => T): T[][] | undefined => {
    if (v === undefined) return undefined;
    if (Array.isArray(v)) return (v as (Whole | null)[][]).map((row) => row.map(conv));
    return w.map((row) => row.map(() => conv(v as Whole | null)));
  };
  return allocateMatrix({
      weights: w,
      rowTotals: options.rowTotals.map((x) => whole(x, 'row total')),
      columnTotals: options.columnTotals.map((x) => whole(x, 'column total')),
      lower: grid(options.min, (x) => whole(x ?? 0, 'min')),
      upper: grid(options.max, (x) => (x === null ? null : whole(x, 'max'))),
      method,
    }).values;
}

/**
 * The words of an error the library throws, as the command line prints them (`file:line: error: …` and
 * `  hint: …`), in English or Indonesian; undefined for an error that is not the library's (a bug).
 * The planners' errors also carry the English as their `message`, and what went wrong as data: a
 * `fact` (InfeasibleError: `fact.kind`, e.g. 'below-lower', and the numbers) or a `problem`
 * (CoverageError, TargetFrameError: `problem.kind`, e.g. 'no-period').
 * Example: describeError(e, 'id') → 'error: tidak ada baris untuk 2024-07 di input\n  hint: periode di input: 2024-06'.
 */
export function describeError(e: unknown, lang: MessageLang = 'en'): string | undefined {
  const diagnostics = e instanceof JamsostekError ? e.diagnostics : (describeCoreError(e) ?? describeLibraryError(e));
  return diagnostics?.map((d) => formatDiagnostic(d, lang)).join('\n');
}

/**
 * A note of `planBreakdown` / `planCoverage` (`result.notes`) in words, as the command line prints it:
 * `warning: …` for a note that changes what a number means (an area missing this month, targets for
 * some rows only, a year deduced, …) or a tie, else `note: …`; in English or Indonesian.
 * Example: describeNote({ code: 'earlier-months', period: '2024-06', months: ['2024-05'] }) →
 * 'note: the input has several months: breakdown plans from the latest, 2024-06 (every unit has rows for it); the rows of 2024-05 are left out'.
 */
export function describeNote(note: Note, lang: MessageLang = 'en'): string {
  return `${noteKind(note.code)}: ${noteText(note, lang)}`;
}

/** Run a planner; a planner's error gets its English words as its message (it was the bare code, 'below-lower'). */
function worded<T>(plan: () => T): T {
  try {
    return plan();
  } catch (e) {
    if (e instanceof InfeasibleError || e instanceof CoverageError || e instanceof TargetFrameError) {
      const words = describeCoreError(e)!;
      const code = e.message;
      e.message = words.map((d) => (d.hint ? `${d.message}\n  hint: ${d.hint}` : d.message)).join('\n');
      // The stack's first line is the message as it was when the stack was made, if it is made already.
      if (typeof e.stack === 'string' && e.stack.startsWith(`${e.name}: ${code}\n`)) e.stack = `${e.name}: ${e.message}${e.stack.slice(e.name.length + 2 + code.length)}`;
    }
    throw e;
  }
}

const dimNames = (t: Table): string => t.dims.map((d) => d.name).join(', ') || 'none';

/**
 * What the command line checks before it plans (its flags are checked when they are parsed; a
 * JavaScript caller passes any value): the method, the mode, the key columns of the shape and the
 * denominator, each against what exists. The method by any of its names (sainte-lague: webster).
 */
function checkedSpec(spec: AllocationSpec, table: Table): AllocationSpec {
  const method = methodOf(spec.rule.method);
  const mode = spec.rule.mode as string | undefined;
  if (mode !== undefined && mode !== 'gap' && mode !== 'level') throw argumentError(`unknown mode "${mode}" (modes: gap, level)`, `mode "${mode}" tidak dikenal (mode: gap, level)`);
  for (const d of shapeDims(spec.shape)) {
    if (!table.dims.some((x) => x.name === d)) throw argumentError(`the table has no key column "${d}" to plan by (its key columns: ${dimNames(table)})`, `tabel tidak memiliki kolom kunci "${d}" untuk dasar perencanaan (kolom kuncinya: ${dimNames(table)})`);
  }
  if (spec.denominator !== undefined && !table.measures.some((m) => m.name === spec.denominator)) {
    throw argumentError(`denominator "${spec.denominator}": the table has no such column (its figures: ${table.measures.map((m) => m.name).join(', ') || 'none'}); leave it out to plan without a denominator`, `penyebut "${spec.denominator}": tabel tidak memiliki kolom itu (angkanya: ${table.measures.map((m) => m.name).join(', ') || 'tidak ada'}); hilangkan untuk merencanakan tanpa penyebut`);
  }
  return method === spec.rule.method ? spec : { ...spec, rule: { ...spec.rule, method } };
}

function shapeDims(shape: AllocationSpec['shape']): readonly string[] {
  if (shape.kind === 'flat') return [shape.dim];
  if (shape.kind === 'nested') return shape.levels;
  if (shape.kind === 'matrix') return [shape.rows, shape.columns];
  throw argumentError(`unknown shape "${String((shape as { kind: unknown }).kind)}" (shapes: flat, nested, matrix)`, `bentuk "${String((shape as { kind: unknown }).kind)}" tidak dikenal (bentuk: flat, nested, matrix)`);
}

/**
 * Plan a breakdown: the planner behind `breakdown`, on a Table from `loadTable`.
 * A table of several months (a glob of monthly files) is planned from its latest month, as `breakdown`
 * plans it, with the note `{ code: 'earlier-months', period, months }` first in `notes`; a unit (or a
 * finer row, a regency of a province planned by province) with rows for an earlier month but none for
 * the latest is refused (InputError), since its share would go to the others. To plan from another
 * month, pass `atPeriod(table, '2024-03')`. Periods are never added up.
 * A method, mode, key column or denominator that does not exist is a RangeError; a problem without a
 * solution an InfeasibleError whose `fact` has the numbers and whose `message` says them.
 * Example: flat by province, total 50,000,000, the default rule on data/baseline.csv → 38 targets that
 * add up to 50,000,000, each at or above today and at most the denominator (unless held).
 */
export function planBreakdown(spec: AllocationSpec, table: Table): AllocationResult {
  return worded(() => {
    const checked = checkedSpec(spec, table);
    const { base, period, note } = fromLatestMonth(table, shapeDims(checked.shape));
    // One rule with `breakdown --year` (refuseYearPast): targets for a December at or before the month
    // planned from have no month left to reach them.
    const year = checked.total?.year;
    if (year !== undefined && period !== undefined && period >= `${year}-12`) {
      throw argumentError(`targets for December ${year}: the table is of ${period}, ${period > `${year}-12` ? 'after' : 'the same month as'} that December: there is no month left to reach them (plan for ${Number(period.slice(0, 4)) + (period.endsWith('-12') ? 1 : 0)} or later, or atPeriod an earlier month)`, `target untuk Desember ${year}: tabelnya untuk ${period}, ${period > `${year}-12` ? 'setelah' : 'bulan yang sama dengan'} Desember itu: tidak ada bulan tersisa untuk mencapainya (rencanakan untuk ${Number(period.slice(0, 4)) + (period.endsWith('-12') ? 1 : 0)} atau sesudahnya, atau atPeriod bulan yang lebih awal)`);
    }
    const result = planAllocation(checked, base);
    return note ? { ...result, notes: [note, ...result.notes] } : result;
  });
}

/**
 * Plan a coverage report: the planner behind `coverage`. Without `spec.areas` the bundled geography
 * (`areaBook()`) is used, as the command uses it: it names the report's scope and warns of an area
 * reported in part against a target for the whole of it (3 of Sulawesi Utara's 15 regencies against
 * the province's target: the note 'partial-areas').
 * A key column of `spec.grain`, or a `spec.denominator`, the table (or `inputs.denominators`) does not
 * have is a RangeError naming those it has; without `spec.denominator` the table's own denominator
 * column is used (workforce, employed, potential_workers), as `coverage` uses it. A problem
 * is a CoverageError (or TargetFrameError) whose `problem` has the facts and whose `message` says them.
 */
export function planCoverage(inputs: CoverageInputs, spec: CoverageSpec): CoverageResult {
  for (const d of spec.grain) {
    if (inputs.current.dims.some((x) => x.name === d)) continue;
    const kanwil = d === 'kanwil' ? "; loadTable finds each province's with deriveKanwil: true in its schema" : '';
    throw argumentError(`the table has no key column "${d}" to group by (its key columns: ${dimNames(inputs.current)})${kanwil}`, `tabel tidak memiliki kolom kunci "${d}" untuk pengelompokan (kolom kuncinya: ${dimNames(inputs.current)})${kanwil ? '; loadTable menurunkan Kanwil setiap provinsi dengan deriveKanwil: true di skemanya' : ''}`);
  }
  const denominator = coverageDenominator(inputs, spec.denominator);
  return worded(() => planReport(inputs, { ...spec, ...(denominator !== undefined ? { denominator } : {}), areas: spec.areas ?? areaBook(), exceptions: spec.exceptions ?? overCoverageExceptions() }));
}

/**
 * The denominator planCoverage uses, as `coverage` chooses it (rv24 G8): the one named, which the table
 * or `denominators` must have (else a RangeError naming their figures, as planBreakdown's); none named,
 * the table's own (workforce, employed, potential_workers, the first it has), else the denominators
 * table's; none at all: undefined (the note 'no-denominator' then says so, truly).
 */
function coverageDenominator(inputs: CoverageInputs, named: string | undefined): string | undefined {
  const has = (t: Table | undefined, m: string): boolean => t !== undefined && t.measures.some((x) => x.name === m);
  if (named !== undefined) {
    if (has(inputs.current, named) || has(inputs.denominators, named)) return named;
    const figures = (t: Table): string => t.measures.map((m) => m.name).join(', ') || 'none';
    const theirs = inputs.denominators ? `; the denominators table's: ${figures(inputs.denominators)}` : '';
    throw argumentError(
      `denominator "${named}": neither the table nor the denominators have such a column (the table's figures: ${figures(inputs.current)}${theirs}); leave it out to use the table's own (${DENOMINATORS.join(', ')})`,
      `penyebut "${named}": tabel maupun tabel penyebut tidak memiliki kolom itu (angka tabel: ${figures(inputs.current)}${inputs.denominators ? `; angka tabel penyebut: ${figures(inputs.denominators)}` : ''}); hilangkan untuk memakai kolom tabel itu sendiri (${DENOMINATORS.join(', ')})`,
    );
  }
  return DENOMINATORS.find((d) => has(inputs.current, d)) ?? DENOMINATORS.find((d) => has(inputs.denominators, d));
}
