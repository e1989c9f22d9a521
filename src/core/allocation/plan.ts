// planBreakdown(spec, table): the whole breakdown as data. Pure: no I/O, no words for people.
//
//   flat     the total split over the units of one key
//   nested   the total split over the first key's units (or their given totals), then each of those
//            targets over its own children: children always add up to their parent
//   matrix   row totals and column totals (given, or each split from the total by the rule), then the
//            cells by biproportional apportionment with the cells' own weights and bounds; in gap mode
//            the cells share out the increase (targets never below today), in level mode the targets
//
// The table must already be the baseline month's (the command and the library's planBreakdown filter it:
// app/latest-month.ts). Units come out in the order they first appear in the input.

import { labelOf, rollup, type Table } from '../table.js';
import { InfeasibleError, type InfeasibleFact, type Note, type UpperCaps } from '../facts.js';
import { allocate, InfeasibleAllocationError, type AllocationResult as EngineResult } from './apportion.js';
import { allocateMatrixByKey, InfeasibleMatrixError, type MatrixInfeasibility } from './biproportional.js';
import type { MethodName } from './methods.js';
import type { AllocationSpec, GivenMargin, Mode, SplitRule } from './spec.js';
import { addNote, resolveLevel, type ResolvedLevel, type UnitData } from './units.js';

export interface PlannedUnit {
  /** One key per dimension of the shape (flat: 1; nested and matrix: 2), and their labels. */
  readonly keys: readonly string[];
  readonly labels: readonly string[];
  readonly participants: number | null;
  readonly denominator: number | null;
  readonly weight: number | null;
  readonly min: bigint | null;
  readonly max: bigint | null;
  readonly target: bigint;
  readonly bound: 'min' | 'max' | 'held' | '';
  /** Which of `participants` and the denominator (by its name) are estimates (core/estimates.ts). */
  readonly estimated?: readonly string[];
}

export interface LevelExplain {
  readonly grain: readonly string[];
  readonly scope?: string;
  readonly mode: Mode;
  readonly basis: string;
  /** The interval of divisors that give this result (divisor methods). */
  readonly divisor?: { readonly low: number; readonly high: number };
  readonly atMin: readonly string[];
  readonly atMax: readonly string[];
  readonly held: readonly string[];
  readonly ties: readonly { readonly units: readonly string[]; readonly winners: readonly string[] }[];
}

export interface MatrixExplain {
  readonly rowTotals: readonly [string, bigint][];
  readonly columnTotals: readonly [string, bigint][];
  readonly rowsGiven: boolean;
  readonly columnsGiven: boolean;
  readonly columnDivisors: readonly [string, number][];
  readonly rowMultipliers: readonly [string, number][];
  readonly transfers: number;
  readonly scalings: number;
  readonly tiedCells: readonly string[];
}

export interface AllocationResult {
  readonly shape: AllocationSpec['shape']['kind'];
  /** The key dimensions, in order. */
  readonly dims: readonly string[];
  /** Detail units (nested: grouped under their parent; matrix: row by row). */
  readonly units: readonly PlannedUnit[];
  /** Nested: the first level's units; matrix: the rows. Empty for flat. */
  readonly parents: readonly PlannedUnit[];
  /** Matrix: the column units. */
  readonly columns: readonly PlannedUnit[];
  readonly total: { readonly target: bigint; readonly participants: number | null; readonly denominator: number | null; readonly source: string };
  readonly mode: Mode;
  /** The rule's basis, as resolved at the first level (flat: the units; nested: the parents; matrix: the rows). */
  readonly basis: string;
  /**
   * The grains whose units were weighted by another basis than `basis` (the rule's fell back there: no
   * workforce per segment, so the cells by participants); absent when every level used the rule's.
   */
  readonly basisElsewhere?: readonly { readonly grain: readonly string[]; readonly basis: string }[];
  readonly method: MethodName;
  readonly denominator: string | null;
  readonly levels: readonly LevelExplain[];
  readonly matrix?: MatrixExplain;
  readonly notes: readonly Note[];
}

interface Ctx {
  readonly spec: AllocationSpec;
  readonly notes: Note[];
  readonly levels: LevelExplain[];
}

/** The units of a table at a grain: today, denominator and the columns the rule names. */
function unitsAt(table: Table, grain: readonly string[], spec: AllocationSpec): UnitData[] {
  const agg = rollup(table, grain).table;
  const m = (name: string): number => agg.measures.findIndex((x) => x.name === name);
  const pi = m('participants');
  const di = spec.denominator ? m(spec.denominator) : -1;
  const named = new Set<string>();
  const r = spec.rule;
  if (r.basis?.kind === 'column') named.add(r.basis.column);
  if (r.lower.kind === 'column') named.add(r.lower.column);
  if (r.upper.kind === 'column') named.add(r.upper.column);
  return agg.rows.map((row) => {
    const labels = row.keys.map((k, d) => labelOf(agg.dims[d]!, k!));
    const columns = new Map<string, number | null>();
    for (const c of named) {
      const i = m(c);
      columns.set(c, i >= 0 ? (row.values[i] ?? null) : null);
    }
    const estimated = row.estimated?.filter((e) => e === 'participants' || e === spec.denominator);
    return {
      keys: row.keys as string[],
      label: labels.join(' / '),
      participants: pi >= 0 ? (row.values[pi] ?? null) : null,
      denominator: di >= 0 ? (row.values[di] ?? null) : null,
      columns,
      ...(estimated?.length ? { estimated } : {}),
    };
  });
}

const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

/**
 * The caps of a rule's upper bounds, for the way out of a plan they make impossible; the share only
 * where it applied (`applied`: false at a level without the denominator, e.g. segments).
 */
const capsOf = (rule: SplitRule, applied = true): UpperCaps => ({ max: rule.upper.kind, ...(rule.maxCoverage && applied ? { share: Number(rule.maxCoverage.num) / Number(rule.maxCoverage.den) } : {}) });

/** Split `total` over one level's units by the rule; throws InfeasibleError with the numbers. */
function splitLevel(total: bigint, units: readonly UnitData[], L: ResolvedLevel, ctx: Ctx, grain: readonly string[], scope?: string): bigint[] {
  const method = ctx.spec.rule.method;
  const sumLower = sum(L.lower);
  if (total < sumLower) {
    const bound = ctx.spec.rule.lower;
    // A unit's lower bound is --min's where it is above today's participants (gap mode keeps today).
    const fromMin = L.lower.map((l, i) => bound.kind === 'value' || bound.kind === 'column' ? !(L.mode === 'gap' && l === L.current[i]) : false);
    const source = fromMin.every(Boolean) ? 'min' : fromMin.some(Boolean) ? 'both' : 'today';
    const lowerIsToday = source === 'today';
    const min = bound.kind === 'value' ? { value: bound.value } : bound.kind === 'column' ? { column: bound.column } : undefined;
    const lowerFrom = { source, ...(min ? { min } : {}), ...(L.mode === 'gap' ? { today: sum(L.current) } : {}) } as const;
    throw new InfeasibleError({ kind: 'below-lower', grain, scope, total, sumLower, units: units.length, lowerIsToday, lowerFrom });
  }
  const sumUpper = L.upper.some((u) => u === null) ? null : sum(L.upper as bigint[]);
  if (sumUpper !== null && total > sumUpper) throw new InfeasibleError({ kind: 'above-upper', grain, scope, total, sumUpper, units: units.length, caps: capsOf(ctx.spec.rule, L.shareApplied) });
  let result: EngineResult;
  try {
    if (L.mode === 'gap') {
      const inc = allocate({
        total: total - sum(L.current),
        weights: L.weights,
        lower: L.lower.map((l, i) => l - L.current[i]!),
        upper: L.upper.map((u, i) => (u === null ? null : u - L.current[i]!)),
        method,
      });
      result = { ...inc, values: inc.values.map((v, i) => v + L.current[i]!) };
    } else {
      result = allocate({ total, weights: L.weights, lower: L.lower, upper: L.upper, method });
    }
  } catch (e) {
    if (e instanceof InfeasibleAllocationError && e.reason === 'above-upper') {
      // Units with zero weight cannot rise: what the others can take is less than the total. Say
      // which units and why, not "their upper bounds" (which may be none at all).
      const zero = units.filter((_, i) => L.weights[i] === 0n && (L.upper[i] === null || L.upper[i]! > L.lower[i]!)).map((u) => u.label);
      throw new InfeasibleError({
        kind: 'above-upper',
        grain,
        scope,
        total,
        // In gap mode the engine splits the increase: what the units can take is today's plus that.
        sumUpper: (e.details.sumUpper ?? 0n) + (L.mode === 'gap' ? sum(L.current) : 0n),
        units: units.length,
        ...(zero.length ? { zeroWeight: { units: zero, basis: L.basis } } : {}),
        maxNone: ctx.spec.rule.upper.kind === 'none',
        caps: capsOf(ctx.spec.rule, L.shareApplied),
      });
    }
    throw e;
  }
  const label = (i: number): string => units[i]!.label;
  ctx.levels.push({
    grain,
    scope,
    mode: L.mode,
    basis: L.basis,
    divisor: result.divisor,
    atMin: result.values.flatMap((v, i) => (v === L.lower[i] && !L.held[i] ? [label(i)] : [])),
    atMax: result.values.flatMap((v, i) => (L.upper[i] !== null && v === L.upper[i] && L.upper[i] !== L.lower[i] ? [label(i)] : [])),
    held: units.flatMap((u, i) => (L.held[i] ? [u.label] : [])),
    ties: result.ties.map((t) => ({ units: t.units.map(label), winners: t.winners.map(label) })),
  });
  for (const t of result.ties) addNote(ctx.notes, { code: 'tie', units: t.units.map(label), winners: t.winners.map(label) });
  // Units stopped by their upper bound: what they would take beyond it went to the others.
  const capped = result.values.flatMap((v, i) => (L.upper[i] !== null && v === L.upper[i] && L.upper[i] !== L.lower[i] && !L.held[i] ? [label(i)] : []));
  if (capped.length) addNote(ctx.notes, { code: 'capped', units: capped });
  // Units held at a lower bound that binds (rv26 F5): one above what the rule starts from (0, or today's
  // participants in gap mode), so the rule would have given them less. Said as the bound column says it.
  const floor = (i: number): bigint => (L.mode === 'gap' ? L.current[i]! : 0n);
  const atLower = (today: boolean): string[] =>
    result.values.flatMap((v, i) => (v === L.lower[i] && v > floor(i) && !L.held[i] && L.upper[i] !== L.lower[i] && (v === L.current[i]) === today ? [label(i)] : []));
  for (const today of [true, false]) {
    const held = atLower(today);
    if (held.length) addNote(ctx.notes, { code: 'at-lower', units: held, today });
  }
  return result.values;
}

function planned(u: UnitData, L: ResolvedLevel, i: number, target: bigint, labels: readonly string[]): PlannedUnit {
  const min = L.lower[i]!;
  const max = L.upper[i]!;
  const bound = L.held[i] ? 'held' : max !== null && target === max && max !== min ? 'max' : target === min ? 'min' : '';
  return { keys: u.keys, labels, participants: u.participants, denominator: u.denominator, weight: L.shownWeights[i] ?? null, min, max, target, bound, ...(u.estimated ? { estimated: u.estimated } : {}) };
}

/** Totals given for a dimension, in the order of the units; every unit needs one, every total a unit. */
function givenTotals(margin: GivenMargin, units: readonly UnitData[]): bigint[] {
  const known = new Set(units.map((u) => u.keys[u.keys.length - 1]!));
  for (const k of margin.totals.keys()) if (!known.has(k)) throw new InfeasibleError({ kind: 'margin-unknown', dim: margin.dim, key: k, source: margin.source });
  return units.map((u) => {
    const v = margin.totals.get(u.keys[u.keys.length - 1]!);
    if (v === undefined) throw new InfeasibleError({ kind: 'margin-missing', dim: margin.dim, key: u.label, source: margin.source, known: units.map((x) => x.label) });
    return v;
  });
}

function resolveTotal(spec: AllocationSpec, margins: readonly (GivenMargin | undefined)[]): { total: bigint; source: string } {
  const given = margins.filter((m): m is GivenMargin => m !== undefined);
  for (const m of given) {
    const s = sum([...m.totals.values()]);
    if (spec.total && s !== spec.total.value) throw new InfeasibleError({ kind: 'margin-vs-total', dim: m.dim, source: m.source, sum: s, total: spec.total.value, totalSource: spec.total.source });
  }
  if (given.length === 2) {
    const [a, b] = given as [GivenMargin, GivenMargin];
    const sa = sum([...a.totals.values()]);
    const sb = sum([...b.totals.values()]);
    if (sa !== sb) throw new InfeasibleError({ kind: 'margins-differ', rows: a.dim, rowSum: sa, columns: b.dim, columnSum: sb });
  }
  if (spec.total) return { total: spec.total.value, source: spec.total.source };
  if (given.length) return { total: sum([...given[0]!.totals.values()]), source: `the sum of ${given.map((m) => m.source).join(' and ')}` };
  throw new InfeasibleError({ kind: 'no-total' });
}

function totalsOf(units: readonly UnitData[]): { participants: number | null; denominator: number | null } {
  const add = (f: (u: UnitData) => number | null): number | null => {
    let s = 0;
    for (const u of units) {
      const v = f(u);
      if (v === null) return null;
      s += v;
    }
    return s;
  };
  return { participants: add((u) => u.participants), denominator: add((u) => u.denominator) };
}

/**
 * Plan a breakdown.
 * Example: flat over provinces, total 50,000,000, gap mode on the bundled baseline → 38 targets that
 * add up to 50,000,000, none below today, none above the denominator (unless held).
 */
/**
 * The rule with `--min participants` read as what it is, the default lower bound written out: a unit
 * already above its upper bound is then held at today and said so, as by default, where a --min the
 * user set above the upper bound is refused (rv25 F10: DKI Jakarta refused under --min participants).
 */
function withDefaultsWrittenOut(spec: AllocationSpec): AllocationSpec {
  const lower = spec.rule.lower;
  if (lower.kind !== 'column' || lower.column !== 'participants') return spec;
  return { ...spec, rule: { ...spec.rule, lower: { kind: 'default' } } };
}

export function planBreakdown(given: AllocationSpec, table: Table): AllocationResult {
  const spec = withDefaultsWrittenOut(given);
  const ctx: Ctx = { spec, notes: [], levels: [] };
  const shape = spec.shape;
  if (shape.kind === 'flat') {
    const grain = [shape.dim];
    const units = unitsAt(table, grain, spec);
    if (!units.length) throw new InfeasibleError({ kind: 'no-units', grain });
    const { total, source } = resolveTotal(spec, []);
    const L = resolveLevel(units, spec.rule, grain, spec.denominator, ctx.notes);
    const values = splitLevel(total, units, L, ctx, grain);
    return {
      shape: 'flat',
      dims: grain,
      units: units.map((u, i) => planned(u, L, i, values[i]!, [u.label])),
      parents: [],
      columns: [],
      total: { target: total, ...totalsOf(units), source },
      mode: L.mode,
      basis: L.basis,
      method: spec.rule.method,
      denominator: spec.denominator ?? null,
      levels: ctx.levels,
      notes: ctx.notes,
    };
  }
  if (shape.kind === 'nested') return planNested(spec, table, shape.levels, ctx);
  return planMatrix(spec, table, shape.rows, shape.columns, ctx);
}

function planNested(spec: AllocationSpec, table: Table, levels: readonly string[], ctx: Ctx): AllocationResult {
  const [p, c] = levels as [string, string];
  const parents = unitsAt(table, [p], spec);
  const children = unitsAt(table, [p, c], spec);
  if (!parents.length) throw new InfeasibleError({ kind: 'no-units', grain: [p] });
  // A given margin must name every unit (and no other) before its sum is compared with the total: a
  // margin with a unit missing is that, not a sum that disagrees.
  const given = spec.rowTotals ? givenTotals(spec.rowTotals, parents) : undefined;
  const { total, source } = resolveTotal(spec, [spec.rowTotals]);
  const PL = resolveLevel(parents, spec.rule, [p], spec.denominator, ctx.notes);
  const parentTargets = given ?? splitLevel(total, parents, PL, ctx, [p]);
  const units: PlannedUnit[] = [];
  const byParent = new Map<string, number[]>();
  children.forEach((u, i) => {
    const list = byParent.get(u.keys[0]!);
    if (list) list.push(i);
    else byParent.set(u.keys[0]!, [i]);
  });
  let mode: Mode = PL.mode;
  let childBasis: string | undefined;
  parents.forEach((pu, pi) => {
    const idx = byParent.get(pu.keys[0]!) ?? [];
    const kids = idx.map((i) => children[i]!);
    const CL = resolveLevel(kids, spec.rule, [p, c], spec.denominator, ctx.notes);
    mode = CL.mode;
    if (CL.basis !== PL.basis) childBasis ??= CL.basis;
    const values = splitLevel(parentTargets[pi]!, kids, CL, ctx, [p, c], pu.label);
    // A child's target is split from its parent's: an estimate when the parent's was planned on one.
    const margin = given ? undefined : pu.estimated;
    kids.forEach((k, i) => units.push(withinMargins(planned(k, CL, i, values[i]!, k.label.split(' / ')), margin)));
  });
  return {
    shape: 'nested',
    dims: [p, c],
    units,
    parents: parents.map((u, i) => planned(u, PL, i, parentTargets[i]!, [u.label])),
    columns: [],
    total: { target: total, ...totalsOf(parents), source },
    mode,
    basis: PL.basis,
    ...(childBasis !== undefined ? { basisElsewhere: [{ grain: [p, c], basis: childBasis }] } : {}),
    method: spec.rule.method,
    denominator: spec.denominator ?? null,
    levels: ctx.levels,
    notes: ctx.notes,
  };
}

function planMatrix(spec: AllocationSpec, table: Table, r: string, c: string, ctx: Ctx): AllocationResult {
  if (spec.rule.method === 'hamilton') throw new InfeasibleError({ kind: 'hamilton-matrix' });
  const rows = unitsAt(table, [r], spec);
  const cols = unitsAt(table, [c], spec);
  const cellUnits = unitsAt(table, [r, c], spec);
  if (!rows.length || !cols.length) throw new InfeasibleError({ kind: 'no-units', grain: [r, c] });
  // Given margins name every unit first (see planNested), then their sums are compared with the total.
  const givenRows = spec.rowTotals ? givenTotals(spec.rowTotals, rows) : undefined;
  const givenCols = spec.columnTotals ? givenTotals(spec.columnTotals, cols) : undefined;
  const { total, source } = resolveTotal(spec, [spec.rowTotals, spec.columnTotals]);
  const RL = resolveLevel(rows, spec.rule, [r], spec.denominator, ctx.notes);
  const CL = resolveLevel(cols, spec.rule, [c], spec.denominator, ctx.notes);
  const rowTotals = givenRows ?? splitLevel(total, rows, RL, ctx, [r]);
  const colTotals = givenCols ?? splitLevel(total, cols, CL, ctx, [c]);

  // The full grid of cells; a combination absent from the input is a cell with nothing today and no
  // weight (it stays at 0).
  const rowIndex = new Map(rows.map((u, i) => [u.keys[0]!, i]));
  const colIndex = new Map(cols.map((u, j) => [u.keys[0]!, j]));
  const grid: (UnitData | undefined)[][] = rows.map(() => cols.map(() => undefined));
  for (const u of cellUnits) grid[rowIndex.get(u.keys[0]!)!]![colIndex.get(u.keys[1]!)!] = u;
  const flat: UnitData[] = [];
  rows.forEach((ru, i) =>
    cols.forEach((cu, j) =>
      flat.push(grid[i]![j] ?? { keys: [ru.keys[0]!, cu.keys[0]!], label: `${ru.label} / ${cu.label}`, participants: 0, denominator: null, columns: new Map() }),
    ),
  );
  const XL = resolveLevel(flat, spec.rule, [r, c], spec.denominator, ctx.notes);
  const C = cols.length;
  const at = <T>(xs: readonly T[], i: number, j: number): T => xs[i * C + j]!;
  const absent = (i: number, j: number): boolean => grid[i]![j] === undefined;
  const weights = rows.map((_, i) => cols.map((_, j) => (absent(i, j) ? 0n : at(XL.weights, i, j))));
  const cur = rows.map((_, i) => cols.map((_, j) => at(XL.current, i, j)));
  const gap = XL.mode === 'gap';
  const lower = rows.map((_, i) => cols.map((_, j) => (absent(i, j) ? 0n : at(XL.lower, i, j) - (gap ? cur[i]![j]! : 0n))));
  const upper = rows.map((_, i) => cols.map((_, j) => {
    if (absent(i, j)) return 0n;
    const u = at(XL.upper, i, j);
    return u === null ? null : u - (gap ? cur[i]![j]! : 0n);
  }));
  const rowCur = cur.map((row) => sum(row));
  const colCur = cols.map((_, j) => sum(cur.map((row) => row[j]!)));
  const rowMargin = rowTotals.map((t, i) => t - (gap ? rowCur[i]! : 0n));
  const colMargin = colTotals.map((t, j) => t - (gap ? colCur[j]! : 0n));
  // A line whose cells' lower bounds ask more than its total: named, with the way out.
  const lineCheck = (dim: string, units: readonly UnitData[], margins: readonly bigint[], totals: readonly bigint[], lows: (k: number) => bigint[], ups: (k: number) => (bigint | null)[]): void => {
    units.forEach((u, k) => {
      const need = sum(lows(k));
      if (margins[k]! < need) {
        const base = gap ? (dim === r ? rowCur[k]! : colCur[k]!) : 0n;
        throw new InfeasibleError({ kind: 'line-below-lower', dim, key: u.label, total: totals[k]!, need: need + base, lowerIsToday: gap || spec.rule.lower.kind === 'default', smallestTotal: need + base });
      }
      const room = ups(k);
      if (room.every((x) => x !== null)) {
        const s = sum(room as bigint[]);
        if (margins[k]! > s) throw new InfeasibleError({ kind: 'line-above-upper', dim, key: u.label, total: totals[k]!, room: s + (gap ? (dim === r ? rowCur[k]! : colCur[k]!) : 0n), maxNone: spec.rule.upper.kind === 'none', caps: capsOf(spec.rule) });
      }
    });
  };
  lineCheck(r, rows, rowMargin, rowTotals, (i) => lower[i]!, (i) => upper[i]!);
  lineCheck(c, cols, colMargin, colTotals, (j) => lower.map((row) => row[j]!), (j) => upper.map((row) => row[j]!));
  let res;
  try {
    // Rows and columns in key order, the dimension whose name comes first as the rows: a tie between
    // cells is settled the same way whichever of the two --by names first.
    res = allocateMatrixByKey({ weights, rowTotals: rowMargin, columnTotals: colMargin, lower, upper, method: spec.rule.method as Exclude<MethodName, 'hamilton'> }, rows.map((u) => u.keys[0]!), cols.map((u) => u.keys[0]!), r > c);
  } catch (e) {
    if (e instanceof InfeasibleMatrixError && 'rows' in e.detail) {
      const d = e.detail as MatrixInfeasibility;
      const fact: InfeasibleFact = { kind: 'hall', rowsDim: r, rows: d.rows.map((i) => rows[i]!.label), columnsDim: c, columns: d.columns.map((j) => cols[j]!.label), need: d.need, offer: d.offer, elsewhere: d.elsewhere, maxNone: spec.rule.upper.kind === 'none', caps: capsOf(spec.rule) };
      throw new InfeasibleError(fact);
    }
    throw e;
  }
  const units: PlannedUnit[] = [];
  rows.forEach((_, i) =>
    cols.forEach((_, j) => {
      const k = i * C + j;
      const u = flat[k]!;
      const target = res.values[i]![j]! + (gap ? cur[i]![j]! : 0n);
      // A cell's target is apportioned within its row's and column's: an estimate when either was
      // planned (not given) on one.
      units.push(withinMargins(planned(u, XL, k, target, [rows[i]!.label, cols[j]!.label]), spec.rowTotals ? undefined : rows[i]!.estimated, spec.columnTotals ? undefined : cols[j]!.estimated));
    }),
  );
  // The columns (when split by the rule) and the cells may weigh by another basis than the rows.
  const elsewhere: { grain: readonly string[]; basis: string }[] = [];
  if (!spec.columnTotals && CL.basis !== RL.basis) elsewhere.push({ grain: [c], basis: CL.basis });
  if (XL.basis !== RL.basis) elsewhere.push({ grain: [r, c], basis: XL.basis });
  const tied = res.ties.map((t) => `${rows[t.row]!.label} / ${cols[t.column]!.label}`);
  if (tied.length) addNote(ctx.notes, { code: 'matrix-tie', cells: tied });
  return {
    shape: 'matrix',
    dims: [r, c],
    units,
    parents: rows.map((u, i) => ({ ...planned(u, RL, i, rowTotals[i]!, [u.label]), participants: Number(rowCur[i]!), bound: spec.rowTotals ? '' : planned(u, RL, i, rowTotals[i]!, [u.label]).bound })),
    columns: cols.map((u, j) => ({ ...planned(u, CL, j, colTotals[j]!, [u.label]), participants: Number(colCur[j]!) })),
    total: { target: total, participants: Number(sum(rowCur)), denominator: totalsOf(rows).denominator, source },
    mode: XL.mode,
    basis: RL.basis,
    ...(elsewhere.length ? { basisElsewhere: elsewhere } : {}),
    method: spec.rule.method,
    denominator: spec.denominator ?? null,
    levels: ctx.levels,
    matrix: {
      rowTotals: rows.map((u, i) => [u.label, rowTotals[i]!]),
      columnTotals: cols.map((u, j) => [u.label, colTotals[j]!]),
      rowsGiven: spec.rowTotals !== undefined,
      columnsGiven: spec.columnTotals !== undefined,
      columnDivisors: cols.map((u, j) => [u.label, res.columnDivisors[j]!]),
      rowMultipliers: rows.map((u, i) => [u.label, res.rowMultipliers[i]!]),
      transfers: res.transfers,
      scalings: res.scalings,
      tiedCells: tied,
    },
    notes: ctx.notes,
  };
}

export type { SplitRule };

/**
 * A unit planned within margins that were planned on estimates (a province's target split by segment,
 * the province's planned on an estimated workforce) has an estimated target: `target` is added to its
 * marks (core/estimates.ts plannedEstimates, report/estimates.ts unitFigures read it).
 */
function withinMargins(u: PlannedUnit, ...margins: (readonly string[] | undefined)[]): PlannedUnit {
  if (!margins.some((m) => m?.length) || u.estimated?.includes('target')) return u;
  return { ...u, estimated: [...(u.estimated ?? []), 'target'] };
}
