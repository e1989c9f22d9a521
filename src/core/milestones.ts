// Milestones of a breakdown: each unit's path from today (the baseline month) to its December target,
// by the one phasing function that coverage uses too. A revised target is one more stage: the months
// before it keep their milestones, the rest of the path goes to the new targets.

import { allocateMatrixByKey, InfeasibleMatrixError } from './allocation/biproportional.js';
import { roundGrid, type GridRoundingInput } from './allocation/controlled.js';
import type { DivisorMethodName } from './allocation/methods.js';
import type { AllocationResult } from './allocation/plan.js';
import type { Period } from './calendar.js';
import { phaseStages, type PathProblem, type Phasing, type StagedPath } from './phasing.js';

export type Milestones = StagedPath & {
  /**
   * A matrix whose cells could not follow their rows' and columns' own paths in some month (no integer
   * matrix within the cells' bounds met both): the cells are phased together instead, and a row's
   * cells can then differ from the row's own path by a few people. Undefined when they follow them.
   */
  readonly marginsOff?: { readonly month: Period; readonly rowsOff: number; readonly largest: bigint };
  /**
   * A matrix's months in which no grid of the cells' floors and ceilings met both margins: apportioned
   * within the margins instead, `cells` cell-months beyond their exact value's floor or ceiling (from
   * `first`). Undefined when every month is rounded as one grid.
   */
  readonly roundedWide?: { readonly months: number; readonly cells: number; readonly first: Period };
};

/** One stage of a breakdown: its result (the same units, another total), in force from a month on. */
export interface BreakdownStage {
  readonly from?: Period;
  readonly result: AllocationResult;
  /** National totals to pass through (the series' own Decembers on the way), national breakdowns only. */
  readonly waypoints?: ReadonlyMap<Period, bigint>;
  /** Of those Decembers, the ones whose figure is a revision's (or interpolated from one): its month. */
  readonly waypointRevisions?: ReadonlyMap<Period, Period>;
  /** Each unit's target for those Decembers (that year's breakdown under the same rule), flat breakdowns only. */
  readonly unitWaypoints?: ReadonlyMap<Period, readonly bigint[]>;
  /**
   * A stage of the path only: a revision of a December on the way (rv20 F1: 2024 revised from 2024-07
   * under --year 2026), the year's own target unchanged (`result` is the stage before's). The path is
   * redrawn from its month; the year's target has no revision, so the report's `from` leaves it out.
   */
  readonly along?: true;
  /** The first month the stage redraws, when later than `from` (a December on the way up to it keeps its target; rv22 G1). */
  readonly redrawFrom?: Period;
}

export type MilestoneProblem = Exclude<PathProblem, { problem: 'below-start' }> | (Omit<Extract<PathProblem, { problem: 'below-start' }>, 'unit'> & { readonly unit: string });

/**
 * Example: a 2023-12 baseline and year 2024 give 12 months, the last equal to every unit's target; with
 * a second stage from 2024-07, January–June are the first stage's and July–December lead to the second's.
 */
export function breakdownMilestones(stages: readonly BreakdownStage[], from: Period, year: number, phasing: Phasing): Milestones | MilestoneProblem {
  const first = stages[0]!.result;
  // A matrix's cells in key order (their ties settled by key, not by --by's order), mapped back after.
  const order = first.shape === 'matrix' ? cellsByKey(first) : first.units.map((_, i) => i);
  const inOrder = <T>(xs: readonly T[]): T[] => order.map((i) => xs[i]!);
  const drawn = phaseStages({
    baseline: inOrder(first.units.map((u) => BigInt(u.participants ?? 0))),
    from,
    year,
    stages: stages.map((s) => ({ from: s.from, redrawFrom: s.redrawFrom, targets: inOrder(s.result.units.map((u) => u.target)), waypoints: s.waypoints, ...(first.shape === 'flat' && s.unitWaypoints ? { unitWaypoints: s.unitWaypoints } : {}) })),
    phasing,
    method: first.method,
  });
  if ('problem' in drawn && drawn.problem === 'below-start') return { ...drawn, unit: first.units[order[drawn.unit]!]!.labels.join(' / ') };
  if ('problem' in drawn) return drawn;
  const units: bigint[][] = first.units.map(() => []);
  order.forEach((i, k) => (units[i] = drawn.units[k]!));
  const place = new Array<number>(order.length);
  order.forEach((i, k) => (place[i] = k));
  const path: StagedPath = { ...drawn, units, starts: drawn.starts.map((st) => ({ ...st, values: st.values.map((_, i) => st.values[place[i]!]!) })) };
  if (first.shape === 'nested' && first.dims.length === 2) return nestedPath(stages, path, from, year, phasing);
  if (first.shape !== 'matrix' || first.method === 'hamilton') return path;
  return matrixPath(stages, path, from, year, phasing, first.method);
}

/** A matrix's cells in key order: the dimension whose name comes first, then the other (whatever --by's order). */
function cellsByKey(result: AllocationResult): number[] {
  const [a, b] = result.dims[0]! <= result.dims[1]! ? [0, 1] : [1, 0];
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return result.units.map((_, i) => i).sort((i, j) => cmp(result.units[i]!.keys[a]!, result.units[j]!.keys[a]!) || cmp(result.units[i]!.keys[b]!, result.units[j]!.keys[b]!) || i - j);
}

/**
 * Nested keys (Kanwil › province, province › regency): each parent follows its own path (the one
 * `--by kanwil --months` draws), and its children are phased within it, every month of the parent's
 * path an anchor of theirs. Phased alone, the children of a parent added up to one person off its own
 * path in 34 of 132 Kanwil-months of the bundled year.
 */
function nestedPath(stages: readonly BreakdownStage[], flat: StagedPath, from: Period, year: number, phasing: Phasing): Milestones {
  const first = stages[0]!.result;
  const groups = new Map<string, number[]>();
  first.units.forEach((u, i) => {
    const g = groups.get(u.keys[0]!);
    if (g) g.push(i);
    else groups.set(u.keys[0]!, [i]);
  });
  const members = [...groups.values()];
  const baseline = first.units.map((u) => BigInt(u.participants ?? 0));
  const sum = (xs: readonly bigint[], of: readonly number[]): bigint => of.reduce((a, i) => a + xs[i]!, 0n);
  const parents = phaseStages({
    baseline: members.map((m) => sum(baseline, m)),
    from,
    year,
    stages: stages.map((s) => ({ from: s.from, redrawFrom: s.redrawFrom, targets: members.map((m) => sum(s.result.units.map((u) => u.target), m)), waypoints: s.waypoints, ...summedWaypoints(s, (v) => members.map((m) => sum(v, m))) })),
    phasing,
    method: first.method,
  });
  const kept = (rows: StagedPath | undefined): Milestones => withSetAside(withRowsOff(flat, first.units.map((u) => u.keys[0]!), rows), setAside(stages, undefined));
  if ('problem' in parents || parents.national.some((v, k) => v !== flat.national[k])) return kept('problem' in parents ? undefined : parents);
  const aside = setAside(stages, parents);
  const units: bigint[][] = first.units.map(() => []);
  for (let g = 0; g < members.length; g++) {
    const m = members[g]!;
    // Each stage passes through the parent's milestones of the months it is in force.
    const own = (stage: number): Map<Period, bigint> => new Map(parents.months.flatMap((month, k) => (parents.stage[k] === stage ? [[month, parents.units[g]![k]!] as const] : [])));
    const children = phaseStages({
      baseline: m.map((i) => baseline[i]!),
      from,
      year,
      // Each child through its own December targets where its parent passed through their sum.
      stages: stages.map((s, n) => ({ from: s.from, redrawFrom: s.redrawFrom, targets: m.map((i) => s.result.units[i]!.target), waypoints: own(n), ...(aside.includes(n) ? {} : summedWaypoints(s, (v) => m.map((i) => v[i]!))) })),
      phasing,
      method: first.method,
    });
    if ('problem' in children || children.unitWaypointsSetAside?.length) return kept(parents);
    m.forEach((i, j) => (units[i] = children.units[j]!));
  }
  return withSetAside({ ...flat, units }, aside);
}

/** A stage's unit waypoints added up by group (rows, columns, Kanwil): each group's December targets. */
function summedWaypoints(s: BreakdownStage, sum: (values: readonly bigint[]) => bigint[]): { unitWaypoints?: Map<Period, bigint[]> } {
  return s.unitWaypoints ? { unitWaypoints: new Map([...s.unitWaypoints].map(([m, v]) => [m, sum(v)])) } : {};
}

/** The stages whose unit waypoints a path of two keys does not pass through (set aside by its parents, or all of them when the cells' own path is kept). */
function setAside(stages: readonly BreakdownStage[], ...paths: readonly (StagedPath | undefined)[]): number[] {
  const out = new Set<number>();
  for (const p of paths) for (const s of p === undefined ? stages.map((_, i) => i) : (p.unitWaypointsSetAside ?? [])) if (stages[s]?.unitWaypoints) out.add(s);
  return [...out].sort((a, b) => a - b);
}

function withSetAside(path: Milestones, aside: readonly number[]): Milestones {
  const { unitWaypointsSetAside: _, ...rest } = path;
  return aside.length ? { ...rest, unitWaypointsSetAside: aside } : rest;
}

/** The cells' own path, and how far its rows (by `rowKey` of each unit) are from their own paths. */
function withRowsOff(flat: StagedPath, rowKey: readonly string[], rows: StagedPath | undefined): Milestones {
  if (!rows) return flat;
  const index = new Map<string, number>();
  for (const k of rowKey) if (!index.has(k)) index.set(k, index.size);
  let worst: { month: Period; rowsOff: number; largest: bigint } | undefined;
  flat.months.forEach((m, k) => {
    const sums = new Array<bigint>(index.size).fill(0n);
    flat.units.forEach((u, i) => {
      const r = index.get(rowKey[i]!)!;
      sums[r] = sums[r]! + u[k]!;
    });
    let n = 0;
    let largest = 0n;
    sums.forEach((v, r) => {
      const own = rows.units[r]![k]!;
      const d = v > own ? v - own : own - v;
      if (d > 0n) n++;
      if (d > largest) largest = d;
    });
    if (n && (!worst || largest > worst.largest)) worst = { month: m, rowsOff: n, largest };
  });
  return worst ? { ...flat, marginsOff: worst } : flat;
}

/**
 * A matrix's months: each row (province) follows its own path — the one `--by province --months` draws
 * from the same baseline to the same row targets — and so does each column (segment); each month's
 * cells are then one grid rounded within those two margins (roundGrid): each cell the floor or the
 * ceiling of its exact share of the national increase so far (from its piece's start to its end), never
 * below its milestone a month earlier, ties by key — so --by province,segment and --by segment,province
 * give the same cells (fx51: the biproportional apportionment settled its ties by the first --by's rows,
 * 132 of 5,472 cell-months of 2026 one apart). Phasing the cells alone as 152 units let a row's cells add
 * up to 1–2 people off its own path (Sulawesi Tengah 2024-01: 573,010 against 573,012).
 * Where no such grid exists in a month, the cells are apportioned within the margins (biproportional, in
 * key order) and `roundedWide` counts the cells beyond their share; where no matrix at all meets both
 * margins, the cells' own path is kept and `marginsOff` says by how much.
 */
function matrixPath(stages: readonly BreakdownStage[], flat: StagedPath, from: Period, year: number, phasing: Phasing, method: DivisorMethodName): Milestones {
  const first = stages[0]!.result;
  const rowOf = new Map<string, number>();
  const colOf = new Map<string, number>();
  const at = first.units.map((u) => {
    let r = rowOf.get(u.keys[0]!);
    if (r === undefined) rowOf.set(u.keys[0]!, (r = rowOf.size));
    let c = colOf.get(u.keys[1]!);
    if (c === undefined) colOf.set(u.keys[1]!, (c = colOf.size));
    return [r, c] as const;
  });
  const R = rowOf.size;
  const C = colOf.size;
  const sumBy = (values: readonly bigint[], side: 0 | 1, n: number): bigint[] => {
    const out = new Array<bigint>(n).fill(0n);
    values.forEach((v, i) => (out[at[i]![side]] = out[at[i]![side]]! + v));
    return out;
  };
  const baseline = first.units.map((u) => BigInt(u.participants ?? 0));
  const margin = (side: 0 | 1, n: number): StagedPath | PathProblem =>
    phaseStages({
      baseline: sumBy(baseline, side, n),
      from,
      year,
      stages: stages.map((s) => ({ from: s.from, redrawFrom: s.redrawFrom, targets: sumBy(s.result.units.map((u) => u.target), side, n), waypoints: s.waypoints, ...summedWaypoints(s, (v) => sumBy(v, side, n)) })),
      phasing,
      method,
    });
  const rows = margin(0, R);
  const cols = margin(1, C);
  const off = (): Milestones => withSetAside(withRowsOff(flat, first.units.map((u) => u.keys[0]!), 'problem' in rows ? undefined : rows), setAside(stages, undefined));
  if ('problem' in rows || 'problem' in cols || rows.national.some((v, k) => v !== flat.national[k])) return off();
  // The Decembers on the way each cell passes through (its own target of that year), where both its row
  // and its column passed through their sums (rv20 F4: the rows passed the national total alone, and a
  // province's subtotal was 1 off its --by province path in 228 of 1,368 province-months of --year 2026).
  const aside = setAside(stages, rows, cols);
  const pins = (s: number): ReadonlyMap<Period, readonly bigint[]> => (aside.includes(s) ? new Map() : (stages[s]!.unitWaypoints ?? new Map()));
  const units: bigint[][] = first.units.map(() => []);
  let start = baseline;
  let previous = baseline;
  // One orientation whatever --by's order: the dimension whose name comes first is the grid's rows.
  const rowKeys = [...rowOf.keys()];
  const colKeys = [...colOf.keys()];
  const flip = first.dims[0]! > first.dims[1]!;
  const turn = <T>(g: readonly (readonly T[])[]): T[][] => (g.length ? g[0]!.map((_, j) => g.map((row) => row[j]!)) : []);
  const oriented = (g: { num: bigint[][]; den: bigint; rowTotals: bigint[]; columnTotals: bigint[]; lower: bigint[][]; upper: bigint[][] }): GridRoundingInput =>
    flip
      ? { rowKeys: colKeys, columnKeys: rowKeys, num: turn(g.num), den: g.den, rowTotals: g.columnTotals, columnTotals: g.rowTotals, lower: turn(g.lower), upper: turn(g.upper) }
      : { rowKeys, columnKeys: colKeys, ...g };
  const back = (g: bigint[][]): bigint[][] => (flip ? turn(g) : g);
  let wide: { months: number; cells: number; first: Period } | undefined;
  for (let k = 0; k < flat.months.length; k++) {
    const s = flat.stage[k]!;
    const month = flat.months[k]!;
    // A new stage (a revision) starts from the month before it, a new piece from the December passed:
    // increases are counted from there.
    if (k > 0 && (s !== flat.stage[k - 1] || pins(s).has(flat.months[k - 1]!))) start = previous;
    const stage = stages[s]!.result;
    // The piece's end: the next December on the way the cells pass through, else the stage's targets.
    const next = [...pins(s).keys()].filter((p) => p >= month).sort()[0];
    const end = next !== undefined ? pins(s).get(next)! : stage.units.map((u) => u.target);
    const grid = <T>(fill: T): T[][] => Array.from({ length: R }, () => new Array<T>(C).fill(fill));
    // The month's exact grid: each cell as far along from its piece's start to its end as the nation
    // (its share of the national increase so far), num / den; within the month before's and its end.
    const N0 = start.reduce((x, y) => x + y, 0n);
    const D = end.reduce((x, y) => x + y, 0n) - N0;
    const den = D > 0n ? D : 1n;
    const [num, base, lower, upper] = [grid(0n), grid(0n), grid(0n), grid(0n)];
    stage.units.forEach((_, i) => {
      const [r, c] = at[i]!;
      num[r]![c] = D > 0n ? start[i]! * D + (end[i]! - start[i]!) * (flat.national[k]! - N0) : start[i]!;
      base[r]![c] = start[i]!;
      lower[r]![c] = previous[i]!;
      upper[r]![c] = end[i]!;
    });
    const rowTotals = rows.units.map((u) => u[k]!);
    const columnTotals = cols.units.map((u) => u[k]!);
    // Rounded once, as one grid (each cell its exact value's floor or ceiling, both margins met): the
    // same cells whichever of the two keys --by names first.
    let values = roundGrid(oriented({ num, den, rowTotals, columnTotals, lower, upper }));
    if (values) values = back(values);
    else {
      // No such grid (the margins' own roundings disagree with the cells'): apportioned within both
      // margins, each cell weighted by its increase, rows and columns in key order; the cells beyond
      // their exact value's floor or ceiling are counted and said.
      const less = (g: bigint[][]): bigint[][] => g.map((row, r) => row.map((v, c) => v - base[r]![c]!));
      const sumRows = (g: bigint[][]): bigint[] => g.map((row) => row.reduce((x, y) => x + y, 0n));
      try {
        const inc = allocateMatrixByKey({ weights: less(upper), rowTotals: rowTotals.map((t, r) => t - sumRows(base)[r]!), columnTotals: columnTotals.map((t, c) => t - sumRows(turn(base))[c]!), lower: less(lower), upper: less(upper), method }, rowKeys, colKeys, flip).values;
        values = inc.map((row, r) => row.map((v, c) => v + base[r]![c]!));
      } catch (e) {
        if (e instanceof InfeasibleMatrixError) return off();
        throw e;
      }
      const n = values.reduce((m, row, r) => m + row.filter((v, c) => v * den <= num[r]![c]! - den || v * den >= num[r]![c]! + den).length, 0);
      if (n) wide = { months: (wide?.months ?? 0) + 1, cells: (wide?.cells ?? 0) + n, first: wide?.first ?? month };
    }
    const got = values;
    previous = first.units.map((_, i) => got[at[i]![0]]![at[i]![1]]!);
    previous.forEach((v, i) => units[i]!.push(v));
  }
  return withSetAside({ ...flat, units, ...(wide ? { roundedWide: wide } : {}) }, aside);
}
