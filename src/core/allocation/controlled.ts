// Controlled rounding of a grid: integers x[r][c] whose row sums and column sums are given integer
// totals, each cell the floor or the ceiling of its exact value e[r][c] (and within its bounds).
// Among those, the one closest to the exact values (least Σ |x − e|); among equally close ones, the
// one whose cells rounded up come first in key order (row key, then column key). The answer is a
// function of the cells' keys, never of the order in which the rows and columns are given.
//
// Why it exists: a grid's months (Kanwil × segment) were apportioned within both margins by the
// biproportional method, whose ties were settled by the order of the rows, so that --by kanwil,segment
// and --by segment,kanwil gave 22 cells one person apart. A rounding of a 2-D table within both margins
// exists whenever the margins are those of some real table within the cells' floor and ceiling (the
// transportation polytope's vertices are integral); the cells' own exact paths, adjusted by at most
// a person per margin, are almost always such a table. Where no rounding exists, the caller says so.
//
// Algorithm: every cell starts at its floor (or its lower bound, when higher); the units its row and
// column still need are a transportation problem over the cells that may still be rounded up (one
// unit each), solved as a min-cost flow (successive shortest paths, Dijkstra on reduced costs; the
// graph has R + C + 2 nodes). The cost of rounding a cell up is (1 − 2·frac) in units of 1/den — what
// it adds to Σ |x − e| — and then its key rank, which decides only among equally close roundings.
// Exact: every cost is a whole number, compared as a pair.
//
// Example: exact [[0.5, 0.5], [0.5, 0.5]], rows [1, 1], columns [1, 1] → [[1, 0], [0, 1]]: both
// roundings are equally close; the first cell (first row key, first column key) is rounded up.

import { floorDiv } from './exact.js';
import { MinHeap } from './heap.js';

export interface GridRoundingInput {
  /** The keys of the rows and of the columns (unique on each side): they, not the order, settle ties. */
  readonly rowKeys: readonly string[];
  readonly columnKeys: readonly string[];
  /** Each cell's exact value, num[r][c] / den (den > 0). */
  readonly num: readonly (readonly bigint[])[];
  readonly den: bigint;
  readonly rowTotals: readonly bigint[];
  readonly columnTotals: readonly bigint[];
  /** Bounds on the cells (a month's milestone never below the month before's, never above the target). */
  readonly lower?: readonly (readonly bigint[])[];
  readonly upper?: readonly (readonly (bigint | null)[])[];
}

/** The rounded grid, or undefined when no grid within the floors and ceilings meets both margins. */
export function roundGrid(input: GridRoundingInput): bigint[][] | undefined {
  const R = input.rowKeys.length;
  const C = input.columnKeys.length;
  if (input.den <= 0n) throw new RangeError('the exact values need a positive denominator');
  if (input.num.length !== R || input.num.some((row) => row.length !== C) || input.rowTotals.length !== R || input.columnTotals.length !== C) {
    throw new RangeError('the exact values do not match the rows and columns');
  }
  // The cells in key order: their rank settles ties, whatever order the rows and columns came in.
  const byKey = (keys: readonly string[]): number[] => keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const rowOrder = byKey(input.rowKeys);
  const colOrder = byKey(input.columnKeys);
  const x: bigint[][] = input.num.map((row) => row.map(() => 0n));
  const open: { r: number; c: number; cost: number; rank: number }[] = [];
  // A cell's rounding-up cost: what it adds to Σ |x − e| in units of 1/den (den − 2·rem), exact up to a
  // denominator of 2^40 (a national increase of 1.1 trillion people: scaled down past that), then its rank.
  const scale = input.den > 1n << 40n ? Number(input.den >> 40n) + 1 : 1;
  for (let i = 0; i < R; i++) {
    const r = rowOrder[i]!;
    for (let j = 0; j < C; j++) {
      const c = colOrder[j]!;
      const n = input.num[r]![c]!;
      const fl = floorDiv(n, input.den);
      const rem = n - fl * input.den;
      const low = input.lower?.[r]?.[c];
      const high = input.upper?.[r]?.[c] ?? null;
      const lo = low !== undefined && low > fl ? low : fl;
      const ce = rem === 0n ? fl : fl + 1n;
      const hi = high !== null && high < ce ? high : ce;
      if (lo > hi) return undefined;
      x[r]![c] = lo;
      if (hi > lo) open.push({ r, c, cost: Math.round(Number(input.den - 2n * rem) / scale), rank: i * C + j });
    }
  }
  const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);
  const rowNeed = input.rowTotals.map((t, r) => t - sum(x[r]!));
  const colNeed = input.columnTotals.map((t, c) => t - sum(x.map((row) => row[c]!)));
  if (rowNeed.some((v) => v < 0n) || colNeed.some((v) => v < 0n)) return undefined;
  const need = sum(rowNeed);
  if (need !== sum(colNeed)) return undefined;
  if (need === 0n) return x;
  // Nodes: source, the rows, the columns, sink (rows and columns in key order, for a fixed search order).
  const flow = new MinCostFlow(R + C + 2);
  const s = R + C;
  const t = s + 1;
  // Each cell gives at most one unit: every need is at most the number of cells, a small number.
  if (open.length < Number(need)) return undefined;
  rowOrder.forEach((r) => rowNeed[r]! > 0n && flow.addEdge(s, r, Number(rowNeed[r]!), 0, 0));
  const cellEdge = open.map((o) => flow.addEdge(o.r, R + o.c, 1, o.cost, o.rank));
  colOrder.forEach((c) => colNeed[c]! > 0n && flow.addEdge(R + c, t, Number(colNeed[c]!), 0, 0));
  if (flow.run(s, t, Number(need)) !== Number(need)) return undefined;
  open.forEach((o, k) => {
    if (flow.used(cellEdge[k]!)) x[o.r]![o.c] = x[o.r]![o.c]! + 1n;
  });
  return x;
}

/**
 * Successive shortest paths; costs may be negative (the graph starts acyclic, so no negative cycle).
 * A cost is a pair compared in order (how much farther from the exact values, then the key rank), each
 * part a whole number well inside 2^53, so that sums of a path stay exact in floating point.
 */
class MinCostFlow {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly tie: number[] = [];
  private readonly next: number[] = [];

  constructor(private readonly n: number) {
    this.head = new Array<number>(n).fill(-1);
  }

  /** Adds u → v and its residual; returns the forward edge's id. */
  addEdge(u: number, v: number, cap: number, cost: number, tie: number): number {
    const id = this.to.length;
    this.link(u, v, cap, cost, tie);
    this.link(v, u, 0, -cost, -tie);
    return id;
  }

  private link(u: number, v: number, cap: number, cost: number, tie: number): void {
    this.to.push(v);
    this.cap.push(cap);
    this.cost.push(cost);
    this.tie.push(tie);
    this.next.push(this.head[u]!);
    this.head[u] = this.to.length - 1;
  }

  used(edge: number): boolean {
    return this.cap[edge ^ 1]! > 0;
  }

  /**
   * Sends up to `limit` units from s to t at least cost; returns how many went. Potentials from one
   * Bellman–Ford pass (the costs of rounding up can be negative), then Dijkstra on reduced costs, which
   * stay non-negative: a path per unit, each found in O(E log V).
   */
  run(s: number, t: number, limit: number): number {
    const n = this.n;
    const [pd, pr] = [new Float64Array(n), new Float64Array(n)];
    this.bellmanFord(s, pd, pr);
    const [dd, dr] = [new Float64Array(n), new Float64Array(n)];
    const done = new Uint8Array(n);
    const via = new Int32Array(n);
    let sent = 0;
    while (sent < limit) {
      dd.fill(Infinity);
      dr.fill(Infinity);
      done.fill(0);
      dd[s] = 0;
      dr[s] = 0;
      const heap = new MinHeap<[number, number, number]>((x, y) => x[0] - y[0] || x[1] - y[1]);
      heap.push([0, 0, s]);
      for (let top = heap.pop(); top; top = heap.pop()) {
        const u = top[2];
        if (done[u]) continue;
        done[u] = 1;
        if (u === t) break;
        for (let e = this.head[u]!; e >= 0; e = this.next[e]!) {
          if (this.cap[e]! <= 0) continue;
          const v = this.to[e]!;
          if (done[v]) continue;
          const d = dd[u]! + this.cost[e]! + pd[u]! - pd[v]!;
          const r = dr[u]! + this.tie[e]! + pr[u]! - pr[v]!;
          if (d < dd[v]! || (d === dd[v]! && r < dr[v]!)) {
            dd[v] = d;
            dr[v] = r;
            via[v] = e;
            heap.push([d, r, v]);
          }
        }
      }
      if (!done[t]) return sent;
      // Settled nodes move by their distance, the others by t's: reduced costs stay non-negative.
      for (let v = 0; v < n; v++) {
        pd[v] = pd[v]! + (done[v] ? dd[v]! : dd[t]!);
        pr[v] = pr[v]! + (done[v] ? dr[v]! : dr[t]!);
      }
      let push = limit - sent;
      for (let v = t; v !== s; v = this.to[via[v]! ^ 1]!) if (this.cap[via[v]!]! < push) push = this.cap[via[v]!]!;
      for (let v = t; v !== s; v = this.to[via[v]! ^ 1]!) {
        this.cap[via[v]!] = this.cap[via[v]!]! - push;
        this.cap[via[v]! ^ 1] = this.cap[via[v]! ^ 1]! + push;
      }
      sent += push;
    }
    return sent;
  }

  /** Shortest distances from s over edges with room (a queue-based Bellman–Ford; no negative cycle). */
  private bellmanFord(s: number, dist: Float64Array, rank: Float64Array): void {
    dist.fill(Infinity);
    rank.fill(Infinity);
    dist[s] = 0;
    rank[s] = 0;
    const queued = new Uint8Array(this.n);
    const queue = [s];
    queued[s] = 1;
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi]!;
      queued[u] = 0;
      for (let e = this.head[u]!; e >= 0; e = this.next[e]!) {
        if (this.cap[e]! <= 0) continue;
        const v = this.to[e]!;
        const d = dist[u]! + this.cost[e]!;
        const r = rank[u]! + this.tie[e]!;
        if (d < dist[v]! || (d === dist[v]! && r < rank[v]!)) {
          dist[v] = d;
          rank[v] = r;
          if (!queued[v]) {
            queued[v] = 1;
            queue.push(v);
          }
        }
      }
    }
    // Nodes out of reach keep a potential of 0: no edge with room leads to them from s.
    for (let v = 0; v < this.n; v++) if (dist[v] === Infinity) [dist[v], rank[v]] = [0, 0];
  }
}
