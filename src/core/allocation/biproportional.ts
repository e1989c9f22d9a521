// Biproportional apportionment: integers x[r][c] whose row sums and column sums both equal given
// totals, with x[r][c] = round(w[r][c] · a_r · b_c) for row multipliers a_r and column multipliers
// b_c under the method's rounding, each cell kept within its bounds. It is the integer counterpart of
// iterative proportional fitting (raking), with exact margins instead of "converged to 1e-6".
//
// Algorithm (Tie-and-Transfer, after Maier, Zachariasen & Zachariassen / Pukelsheim):
//   1. Check feasibility exactly with a max-flow over the cell bounds. If the margins cannot be met,
//      the minimum cut names a set of rows whose need the columns they can use cannot supply.
//   2. Start from float IPF multipliers with the cell bounds (only a starting point; exactness never
//      depends on it) and apportion every column exactly: all columns are right, some rows off.
//      Then alternate exact row and column apportionments while the rows' deviation shrinks (each step
//      picks short multipliers again, so the numbers stay small); most problems end here.
//   3. From the over-represented rows, follow cells standing exactly at a rounding tie (a row can give
//      up a unit in a column; the column can pass it to another row). Reaching an under-represented
//      row moves one unit along the path. Otherwise scale the multipliers of everything reached by the
//      largest factor that keeps every rounding valid, which creates a new tie, and search again.
// All comparisons are exact. For Huntington–Hill the squares of the multipliers are kept, so that
// every quantity stays rational.
//
// Example (Wikipedia): weights [[123,45,815],[912,714,414],[312,255,215]], rows [5,11,4],
// columns [7,5,8], Sainte-Laguë → [[1,0,4],[4,4,3],[2,1,1]].

import { allocate, InfeasibleAllocationError } from './apportion.js';
import { compareRational, floatToRational, gcd, mulRational, rationalToNumber, reduce, type Rational } from './exact.js';
import { DIVISOR_METHODS, type DivisorMethodName } from './methods.js';

export interface MatrixInput {
  readonly weights: readonly (readonly bigint[])[];
  readonly rowTotals: readonly bigint[];
  readonly columnTotals: readonly bigint[];
  readonly lower?: readonly (readonly bigint[])[];
  readonly upper?: readonly (readonly (bigint | null)[])[];
  readonly method: DivisorMethodName;
}

export interface MatrixResult {
  readonly values: bigint[][];
  /** Row multipliers and column divisors as floats, for --explain. */
  readonly rowMultipliers: number[];
  readonly columnDivisors: number[];
  /** Cells (row, column) lying on a cycle of exact ties: another valid answer exists. */
  readonly ties: { row: number; column: number }[];
  readonly transfers: number;
  readonly scalings: number;
}

export interface MatrixInfeasibility {
  readonly rows: number[];
  readonly columns: number[];
  readonly need: bigint;
  readonly offer: bigint;
  /** What the cells from these rows into other columns can take at most. */
  readonly elsewhere: bigint;
}

export class InfeasibleMatrixError extends Error {
  constructor(
    message: string,
    readonly detail: MatrixInfeasibility | { rowSum: bigint; columnSum: bigint } | { row?: number; column?: number },
  ) {
    super(message);
    this.name = 'InfeasibleMatrixError';
  }
}

interface Problem {
  R: number;
  C: number;
  w: readonly (readonly bigint[])[];
  lo: bigint[][];
  hi: (bigint | null)[][];
  rowTotals: readonly bigint[];
  colTotals: readonly bigint[];
}

export function allocateMatrix(input: MatrixInput): MatrixResult {
  const R = input.rowTotals.length;
  const C = input.columnTotals.length;
  if (input.weights.length !== R || input.weights.some((row) => row.length !== C)) {
    throw new RangeError('weights do not match the number of row and column totals');
  }
  const lo = input.weights.map((row, r) => row.map((_, c) => input.lower?.[r]?.[c] ?? 0n));
  const hi = input.weights.map((row, r) =>
    row.map((w, c) => (w === 0n ? lo[r]![c]! : (input.upper?.[r]?.[c] ?? null))),
  );
  const p: Problem = { R, C, w: input.weights, lo, hi, rowTotals: input.rowTotals, colTotals: input.columnTotals };
  checkFeasible(p);
  return solve(p, input.method);
}

/**
 * allocateMatrix with the rows and columns put in key order first (and the grid transposed when
 * `transpose`: the caller's fixed orientation, e.g. by the dimensions' names), the answer mapped back:
 * a tie between cells is then settled the same way whatever order the rows and columns came in
 * (--by kanwil,segment and --by segment,kanwil are one grid).
 */
export function allocateMatrixByKey(input: MatrixInput, rowKeys: readonly string[], columnKeys: readonly string[], transpose = false): MatrixResult {
  const order = (keys: readonly string[]): number[] => keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const ro = order(rowKeys);
  const co = order(columnKeys);
  const pick = <T>(grid: readonly (readonly T[])[] | undefined): T[][] | undefined => {
    if (!grid) return undefined;
    const sorted = ro.map((r) => co.map((c) => grid[r]![c]!));
    return transpose ? co.map((_, j) => ro.map((_, i) => sorted[i]![j]!)) : sorted;
  };
  const rows = ro.map((r) => input.rowTotals[r]!);
  const cols = co.map((c) => input.columnTotals[c]!);
  let res: MatrixResult;
  try {
    res = allocateMatrix({
      weights: pick(input.weights)!,
      rowTotals: transpose ? cols : rows,
      columnTotals: transpose ? rows : cols,
      ...(input.lower ? { lower: pick(input.lower)! } : {}),
      ...(input.upper ? { upper: pick(input.upper)! } : {}),
      method: input.method,
    });
  } catch (e) {
    // No grid meets the margins, in any order: the caller's own rows and columns name why.
    if (e instanceof InfeasibleMatrixError) return allocateMatrix(input);
    throw e;
  }
  const values: bigint[][] = input.rowTotals.map(() => input.columnTotals.map(() => 0n));
  ro.forEach((r, i) => co.forEach((c, j) => (values[r]![c] = transpose ? res.values[j]![i]! : res.values[i]![j]!)));
  const rowMultipliers = new Array<number>(ro.length).fill(0);
  const columnDivisors = new Array<number>(co.length).fill(0);
  // Transposed, a row's multiplier is the column's 1 / divisor.
  ro.forEach((r, i) => (rowMultipliers[r] = transpose ? 1 / res.columnDivisors[i]! : res.rowMultipliers[i]!));
  co.forEach((c, j) => (columnDivisors[c] = transpose ? 1 / res.rowMultipliers[j]! : res.columnDivisors[j]!));
  const ties = res.ties
    .map((t) => (transpose ? { row: ro[t.column]!, column: co[t.row]! } : { row: ro[t.row]!, column: co[t.column]! }))
    .sort((a, b) => a.row - b.row || a.column - b.column);
  return { ...res, values, rowMultipliers, columnDivisors, ties };
}

// ---------------------------------------------------------------------------------------------
// Feasibility: Dinic's max-flow on source → rows → cells → columns → sink, after the lower bounds.

export function checkFeasible(p: Problem): void {
  const rowSum = p.rowTotals.reduce((a, b) => a + b, 0n);
  const colSum = p.colTotals.reduce((a, b) => a + b, 0n);
  if (rowSum !== colSum) {
    throw new InfeasibleMatrixError(`the row totals add up to ${rowSum} but the column totals to ${colSum}`, { rowSum, columnSum: colSum });
  }
  const need = p.rowTotals.map((t, r) => t - p.lo[r]!.reduce((a, b) => a + b, 0n));
  const supply = p.colTotals.map((t, c) => t - p.lo.reduce((a, row) => a + row[c]!, 0n));
  for (let r = 0; r < p.R; r++) {
    if (p.rowTotals[r]! < 0n || need[r]! < 0n) {
      throw new InfeasibleMatrixError(`row ${r + 1}: its cells' lower bounds add up to more than its total ${p.rowTotals[r]}`, { row: r });
    }
  }
  for (let c = 0; c < p.C; c++) {
    if (p.colTotals[c]! < 0n || supply[c]! < 0n) {
      throw new InfeasibleMatrixError(`column ${c + 1}: its cells' lower bounds add up to more than its total ${p.colTotals[c]}`, {
        column: c,
      });
    }
  }
  const total = need.reduce((a, b) => a + b, 0n);
  const INF = total + 1n;
  const cap = (r: number, c: number): bigint => {
    const h = p.hi[r]![c]!;
    return h === null ? INF : h - p.lo[r]![c]!;
  };
  const flow = new MaxFlow(p.R + p.C + 2);
  const s = p.R + p.C;
  const t = s + 1;
  for (let r = 0; r < p.R; r++) flow.addEdge(s, r, need[r]!);
  for (let c = 0; c < p.C; c++) flow.addEdge(p.R + c, t, supply[c]!);
  for (let r = 0; r < p.R; r++) for (let c = 0; c < p.C; c++) if (cap(r, c) > 0n) flow.addEdge(r, p.R + c, cap(r, c));
  const got = flow.run(s, t);
  if (got === total) return;
  const side = flow.sourceSide(s);
  const rows = [...Array(p.R).keys()].filter((r) => side[r]);
  const columns = [...Array(p.C).keys()].filter((c) => side[p.R + c]);
  const rowNeed = rows.reduce((a, r) => a + need[r]!, 0n);
  const offer = columns.reduce((a, c) => a + supply[c]!, 0n);
  let elsewhere = 0n;
  for (const r of rows) for (let c = 0; c < p.C; c++) if (!side[p.R + c]) elsewhere += cap(r, c);
  throw new InfeasibleMatrixError(
    `no integer matrix meets both margins: rows ${rows.map((r) => r + 1).join(', ')} together need ${rowNeed}, ` +
      `but the columns they can use (${columns.map((c) => c + 1).join(', ') || 'none'}) offer only ${offer}` +
      (elsewhere > 0n ? ` and their cells in other columns allow ${elsewhere} more` : ''),
    { rows, columns, need: rowNeed, offer, elsewhere },
  );
}

class MaxFlow {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: bigint[] = [];
  private readonly next: number[] = [];

  constructor(private readonly n: number) {
    this.head = new Array<number>(n).fill(-1);
  }

  addEdge(u: number, v: number, c: bigint): void {
    for (const [a, b, k] of [
      [u, v, c],
      [v, u, 0n],
    ] as const) {
      this.to.push(b);
      this.cap.push(k);
      this.next.push(this.head[a]!);
      this.head[a] = this.to.length - 1;
    }
  }

  private levels(s: number): number[] {
    const level = new Array<number>(this.n).fill(-1);
    level[s] = 0;
    const queue = [s];
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi]!;
      for (let e = this.head[u]!; e >= 0; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! > 0n && level[v]! < 0) {
          level[v] = level[u]! + 1;
          queue.push(v);
        }
      }
    }
    return level;
  }

  run(s: number, t: number): bigint {
    let total = 0n;
    for (;;) {
      const level = this.levels(s);
      if (level[t]! < 0) return total;
      const it = [...this.head];
      const push = (u: number, f: bigint): bigint => {
        if (u === t) return f;
        for (; it[u]! >= 0; it[u] = this.next[it[u]!]!) {
          const e = it[u]!;
          const v = this.to[e]!;
          if (this.cap[e]! > 0n && level[v] === level[u]! + 1) {
            const d = push(v, f < this.cap[e]! ? f : this.cap[e]!);
            if (d > 0n) {
              this.cap[e] = this.cap[e]! - d;
              this.cap[e ^ 1] = this.cap[e ^ 1]! + d;
              return d;
            }
          }
        }
        return 0n;
      };
      for (let f = push(s, 1n << 120n); f > 0n; f = push(s, 1n << 120n)) total += f;
    }
  }

  sourceSide(s: number): boolean[] {
    return this.levels(s).map((l) => l >= 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Tie-and-Transfer

function solve(p: Problem, methodName: DivisorMethodName): MatrixResult {
  const method = DIVISOR_METHODS[methodName];
  const squared = method.signpost(1n).squared;
  const power = (r: Rational): Rational => (squared ? mulRational(r, r) : r);
  const wp = p.w.map((row) => row.map((w) => (squared ? w * w : w)));

  // Float IPF with the cell bounds (each margin step solves Σ clamp(w·a·b, lo, hi) = total for one
  // multiplier) for a starting point. Exactness never depends on it; a good start only means few exact
  // transfer steps, so that the cost does not grow with the totals.
  const a = new Array<number>(p.R).fill(1);
  const b = new Array<number>(p.C).fill(1);
  const wf = p.w.map((row) => row.map(Number));
  const lof = p.lo.map((row) => row.map(Number));
  const hif = p.hi.map((row) => row.map((h) => (h === null ? Infinity : Number(h))));
  const colCells = (c: number) => ({ w: wf.map((row, r) => row[c]! * a[r]!), lo: lof.map((row) => row[c]!), hi: hif.map((row) => row[c]!) });
  const rowCells = (r: number) => ({ w: wf[r]!.map((x, c) => x * b[c]!), lo: lof[r]!, hi: hif[r]! });
  for (let sweep = 0; sweep < 2000; sweep++) {
    for (let c = 0; c < p.C; c++) b[c] = solveScale(colCells(c), Number(p.colTotals[c]!), b[c]!);
    let worst = 0;
    for (let r = 0; r < p.R; r++) {
      const cells = rowCells(r);
      const target = Number(p.rowTotals[r]!);
      worst = Math.max(worst, Math.abs(filled(cells, a[r]!) - target) / Math.max(target, 1));
      a[r] = solveScale(cells, target, a[r]!);
    }
    if (worst < 1e-12) break;
  }
  const maxA = a.reduce((m, x) => (x > m ? x : m), 1);
  const aRat = a.map((x) => floatToRational(x > maxA * 1e-12 ? x : maxA * 1e-12));
  let A: Rational[] = aRat.map(power);
  let B: Rational[] = [];
  const x: bigint[][] = p.w.map((row) => row.map(() => 0n));

  // One exact one-dimensional apportionment per column (given row multipliers), or per row (given
  // column multipliers). Each returns the line's multiplier, a short number chosen inside its interval.
  const apportionColumns = (rowMult: Rational[]): Rational[] => {
    const L = lcmOf(rowMult.map((m) => m.den));
    return Array.from({ length: p.C }, (_, c) => {
      const res = allocate({
        total: p.colTotals[c]!,
        weights: rowMult.map((m, r) => p.w[r]![c]! * m.num * (L / m.den)),
        lower: p.lo.map((row) => row[c]!),
        upper: p.hi.map((row) => row[c]!),
        method: methodName,
      });
      res.values.forEach((v, r) => (x[r]![c] = v));
      return reduce(mulRational(res.multiplier!, { num: squared ? L * L : L, den: 1n }));
    });
  };
  const apportionRows = (colMult: Rational[]): Rational[] => {
    const L = lcmOf(colMult.map((m) => m.den));
    return Array.from({ length: p.R }, (_, r) => {
      const res = allocate({
        total: p.rowTotals[r]!,
        weights: colMult.map((m, c) => p.w[r]![c]! * m.num * (L / m.den)),
        lower: p.lo[r]!,
        upper: p.hi[r]!,
        method: methodName,
      });
      res.values.forEach((v, c) => (x[r]![c] = v));
      return reduce(mulRational(res.multiplier!, { num: L, den: 1n }));
    });
  };
  const rowFlaw = (): bigint => x.reduce((f, row, r) => f + abs(row.reduce((a2, v) => a2 + v, 0n) - p.rowTotals[r]!), 0n);
  const colFlaw = (): bigint => p.colTotals.reduce((f, t, c) => f + abs(x.reduce((a2, row) => a2 + row[c]!, 0n) - t), 0n);

  B = apportionColumns(aRat);
  // Alternating exact scaling (rows, then columns) while it helps: every step starts from fresh short
  // multipliers, so the numbers stay small; Tie-and-Transfer then finishes from a column step.
  // (Huntington–Hill keeps squared multipliers, whose square roots a row step would need: TT only.)
  if (!squared) {
    let best = rowFlaw();
    for (let round = 0; round < 25 && best > 0n; round++) {
      let rowsA: Rational[];
      let colsB: Rational[];
      try {
        rowsA = apportionRows(B);
        if (colFlaw() === 0n) {
          A = rowsA;
          break;
        }
        colsB = apportionColumns(rowsA);
      } catch (e) {
        // A zero multiplier (a tie at zero, e.g. Adams) leaves a line no weight: TT handles that.
        if (!(e instanceof InfeasibleAllocationError)) throw e;
        B = apportionColumns(A);
        break;
      }
      const f = rowFlaw();
      if (f >= best) {
        // No progress: back to the last column step; Tie-and-Transfer finishes from there.
        B = apportionColumns(A);
        break;
      }
      A = rowsA;
      B = colsB;
      best = f;
    }
  }

  // V(r,c) = w^p · A_r · B_c, compared with S(k) = s(k)^p.
  const V = (r: number, c: number): Rational => ({ num: wp[r]![c]! * A[r]!.num * B[c]!.num, den: A[r]!.den * B[c]!.den });
  const S = (k: bigint): Rational => {
    const s = method.signpost(k);
    return { num: s.num, den: s.den };
  };
  const canDec = (r: number, c: number): boolean =>
    x[r]![c]! > p.lo[r]![c]! && compareRational(S(x[r]![c]! - 1n), V(r, c)) >= 0;
  const canInc = (r: number, c: number): boolean => {
    const h = p.hi[r]![c]!;
    return p.w[r]![c]! > 0n && (h === null || x[r]![c]! < h) && compareRational(S(x[r]![c]!), V(r, c)) <= 0;
  };
  const rowSum = (r: number): bigint => x[r]!.reduce((s, v) => s + v, 0n);

  let transfers = 0;
  let scalings = 0;
  const sums = [...Array(p.R).keys()].map(rowSum);
  for (;;) {
    const over = sums.map((s, r) => s > p.rowTotals[r]!);
    if (!over.some(Boolean)) break;
    // Breadth-first search over tie edges.
    const rowLabel = new Array<number>(p.R).fill(-2); // -2 unlabeled, -1 root, else parent column
    const colLabel = new Array<number>(p.C).fill(-2); // parent row
    const queue: number[] = [];
    for (let r = 0; r < p.R; r++) {
      if (!over[r]) continue;
      rowLabel[r] = -1;
      queue.push(r);
    }
    let found = -1;
    for (let qi = 0; qi < queue.length && found < 0; qi++) {
      const r = queue[qi]!;
      for (let c = 0; c < p.C && found < 0; c++) {
        if (colLabel[c] !== -2 || !canDec(r, c)) continue;
        colLabel[c] = r;
        for (let r2 = 0; r2 < p.R; r2++) {
          if (rowLabel[r2] !== -2 || !canInc(r2, c)) continue;
          rowLabel[r2] = c;
          if (sums[r2]! < p.rowTotals[r2]!) {
            found = r2;
            break;
          }
          queue.push(r2);
        }
      }
    }
    if (found >= 0) {
      let r = found;
      while (rowLabel[r]! >= 0) {
        const c = rowLabel[r]!;
        const from = colLabel[c]!;
        x[r]![c] = x[r]![c]! + 1n;
        x[from]![c] = x[from]![c]! - 1n;
        r = from;
      }
      sums[found] = sums[found]! + 1n;
      sums[r] = sums[r]! - 1n;
      transfers++;
      continue;
    }
    // Scale: labeled rows by Δ < 1, labeled columns by 1/Δ; take the Δ closest to 1 that makes a new tie.
    let delta: Rational | null = null;
    const consider = (d: Rational): void => {
      if (delta === null || compareRational(d, delta) > 0) delta = d;
    };
    for (let r = 0; r < p.R; r++) {
      for (let c = 0; c < p.C; c++) {
        const rowIn = rowLabel[r] !== -2;
        const colIn = colLabel[c] !== -2;
        if (rowIn && !colIn && x[r]![c]! > p.lo[r]![c]!) {
          const v = V(r, c);
          const s = S(x[r]![c]! - 1n);
          consider({ num: s.num * v.den, den: s.den * v.num });
        } else if (!rowIn && colIn && p.w[r]![c]! > 0n) {
          const h = p.hi[r]![c]!;
          if (h !== null && x[r]![c]! >= h) continue;
          const v = V(r, c);
          const s = S(x[r]![c]!);
          if (s.num > 0n) consider({ num: v.num * s.den, den: v.den * s.num });
        }
      }
    }
    if (delta === null) throw new Error('biproportional apportionment: no scaling step exists although the problem is feasible');
    const d: Rational = delta;
    for (let r = 0; r < p.R; r++) if (rowLabel[r] !== -2) A[r] = compact(mulRational(A[r]!, d));
    for (let c = 0; c < p.C; c++) if (colLabel[c] !== -2) B[c] = compact(mulRational(B[c]!, { num: d.den, den: d.num }));
    scalings++;
  }

  const root = (r: Rational): number => (squared ? Math.sqrt(rationalToNumber(r)) : rationalToNumber(r));
  return {
    values: x,
    rowMultipliers: A.map(root),
    columnDivisors: B.map((bc) => 1 / root(bc)),
    ties: findTieCycles(p, canDec, canInc),
    transfers,
    scalings,
  };
}

/** Cells on a directed cycle of tie edges (row →dec→ column →inc→ row): moving a unit round it gives another answer. */
function findTieCycles(
  p: Problem,
  canDec: (r: number, c: number) => boolean,
  canInc: (r: number, c: number) => boolean,
): { row: number; column: number }[] {
  // Nodes 0..R-1 rows, R..R+C-1 columns. Tarjan's strongly connected components.
  const n = p.R + p.C;
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (let r = 0; r < p.R; r++) {
    for (let c = 0; c < p.C; c++) {
      if (canDec(r, c)) adj[r]!.push(p.R + c);
      if (canInc(r, c)) adj[p.R + c]!.push(r);
    }
  }
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const comp = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let comps = 0;
  const strong = (v0: number): void => {
    const work: [number, number][] = [[v0, 0]];
    index[v0] = low[v0] = counter++;
    stack.push(v0);
    onStack[v0] = true;
    while (work.length) {
      const top = work[work.length - 1]!;
      const [v, i] = top;
      if (i < adj[v]!.length) {
        top[1]++;
        const u = adj[v]![i]!;
        if (index[u] === -1) {
          index[u] = low[u] = counter++;
          stack.push(u);
          onStack[u] = true;
          work.push([u, 0]);
        } else if (onStack[u]) low[v] = Math.min(low[v]!, index[u]!);
      } else {
        work.pop();
        if (work.length) {
          const parent = work[work.length - 1]![0];
          low[parent] = Math.min(low[parent]!, low[v]!);
        }
        if (low[v] === index[v]) {
          for (;;) {
            const u = stack.pop()!;
            onStack[u] = false;
            comp[u] = comps;
            if (u === v) break;
          }
          comps++;
        }
      }
    }
  };
  for (let v = 0; v < n; v++) if (index[v] === -1) strong(v);
  const cells: { row: number; column: number }[] = [];
  for (let r = 0; r < p.R; r++) {
    for (let c = 0; c < p.C; c++) {
      if (comp[r] === comp[p.R + c] && (canDec(r, c) || canInc(r, c))) cells.push({ row: r, column: c });
    }
  }
  return cells;
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

function lcmOf(values: readonly bigint[]): bigint {
  let l = 1n;
  for (const v of values) l = (l / gcd(l, v)) * v;
  return l;
}

/** Reduce a multiplier only once it has grown large: gcd on every step dominated the running time. */
function compact(r: Rational): Rational {
  return r.num > LARGE || r.den > LARGE ? reduce(r) : r;
}
const LARGE = 1n << 512n;

interface Cells {
  w: number[];
  lo: number[];
  hi: number[];
}

/** Σ clamp(w_i·x, lo_i, hi_i). */
function filled(cells: Cells, x: number): number {
  let s = 0;
  for (let i = 0; i < cells.w.length; i++) s += Math.min(Math.max(cells.w[i]! * x, cells.lo[i]!), cells.hi[i]!);
  return s;
}

/** A multiplier x > 0 with Σ clamp(w_i·x, lo_i, hi_i) ≈ target (bisection on a log scale; floats). */
function solveScale(cells: Cells, target: number, guess: number): number {
  let lo = guess > 0 && Number.isFinite(guess) ? guess : 1;
  let hi = lo;
  for (let k = 0; k < 200 && filled(cells, lo) > target; k++) lo /= 4;
  for (let k = 0; k < 200 && filled(cells, hi) < target; k++) hi *= 4;
  for (let k = 0; k < 100; k++) {
    const mid = Math.sqrt(lo * hi);
    if (!(mid > lo && mid < hi)) break;
    if (filled(cells, mid) < target) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi) || Number.MIN_VALUE;
}
