// A file's own coverage column, held to participants ÷ a denominator, with its scale decided once for the
// column (rv35 D10). A cell with a `%` says its scale, and a cell above 1 is a percentage (or a fraction
// over 100 %: either reading agrees, coverage-agrees.ts). A cell of 1 or less without a `%` may be either:
// 0.16 is 16 % in a column of fractions (0.6056) and 0.16 % in a column of points (44.2). Read cell by
// cell, a column of points had its small cells (0.01, 0.16) taken as fractions and warned of as typing
// errors. The column's small cells decide: the scale more of them agree with the counts in (points only
// when strictly more agree as points; else fractions, as before). Said in a note when it is points.

import { coverageAgrees } from './coverage-agrees.js';

/** A row whose stated coverage disagrees with its counts: the stated value as a fraction, and the computed one. */
export interface CoverageMiss {
  readonly line: number;
  readonly column: number | undefined;
  readonly stated: number;
  readonly computed: number;
}

/** The column read in percentage points: how many small cells agree only so (and only as fractions), and the first. */
export interface PointsScale {
  readonly cells: number;
  readonly fractions: number;
  readonly first: { readonly line: number; readonly column: number | undefined; readonly raw: number };
}

/**
 * A row's own coverage column against participants ÷ each of its denominators (> 0): within half a
 * percentage point of one of them agrees. Returns the first computed coverage when none agrees, else
 * undefined (also when no denominator could be compared).
 */
export function coverageDisagreement(participants: number, dens: readonly number[], stated: number, statedFraction: number): number | undefined {
  let compared = false;
  let computed = 0;
  for (const d of dens) {
    if (!(d > 0)) continue;
    const c = participants / d;
    if (!compared) computed = c;
    compared = true;
    if (coverageAgrees(c, stated, statedFraction)) return undefined;
  }
  return compared ? computed : undefined;
}

/** How many rows of each list are kept while rows stream past (the note shows 5). */
const SHOWN = 5;

export class CoverageColumn {
  /** Rows that disagree in either scale; `small`: a cell of 1 or less without %, shown in the scale decided. */
  private readonly misses: (CoverageMiss & { readonly small?: number })[] = [];
  /** Small cells that agree only as a fraction (each a miss if the column is in points), the first few. */
  private readonly onlyFraction: CoverageMiss[] = [];
  /** Small cells that agree only in points (each a miss if the column is of fractions), the first few. */
  private readonly onlyPoints: CoverageMiss[] = [];
  private fractionCells = 0;
  private pointsCells = 0;
  private firstPoints: PointsScale['first'] | undefined;
  /** Rows checked once the file's locale is known (after the others, with earlier lines): all kept. */
  private late = false;

  /** One row: `raw` the cell as written (a fraction, or points), `signed` when it had a `%`. */
  check(line: number, column: number | undefined, participants: number, dens: readonly number[], raw: number, signed: boolean): void {
    if (signed || raw > 1) {
      const stated = raw > 1 ? raw / 100 : raw;
      const c = coverageDisagreement(participants, dens, stated, raw);
      if (c !== undefined) this.misses.push({ line, column, stated, computed: c });
      return;
    }
    const asFraction = coverageDisagreement(participants, dens, raw, raw);
    const asPoints = coverageDisagreement(participants, dens, raw / 100, raw / 100);
    if (asFraction === undefined && asPoints === undefined) return;
    if (asFraction !== undefined && asPoints !== undefined) {
      this.misses.push({ line, column, stated: raw, computed: asFraction, small: raw });
    } else if (asFraction === undefined) {
      this.fractionCells++;
      if (this.late || this.onlyFraction.length < SHOWN) this.onlyFraction.push({ line, column, stated: raw / 100, computed: asPoints! });
    } else {
      this.pointsCells++;
      this.firstPoints ??= { line, column, raw };
      if (this.late || this.onlyPoints.length < SHOWN) this.onlyPoints.push({ line, column, stated: raw, computed: asFraction });
    }
  }

  /** The rows checked from here on come after the others but may have earlier lines (typed-rows.ts finish). */
  deferring(): void {
    this.late = true;
  }

  /** The column's scale, when it is points (undefined: fractions, or no small cell to tell). */
  get points(): PointsScale | undefined {
    return this.pointsCells > this.fractionCells ? { cells: this.pointsCells, fractions: this.fractionCells, first: this.firstPoints! } : undefined;
  }

  /** The rows that disagree in the scale decided, in the order of the file: the first SHOWN, and how many. */
  disagreements(): { readonly rows: readonly CoverageMiss[]; readonly count: number } {
    const points = this.points !== undefined;
    const other = points ? this.onlyFraction : this.onlyPoints;
    const all: CoverageMiss[] = [];
    for (const m of this.misses) all.push(m.small === undefined ? m : { line: m.line, column: m.column, stated: points ? m.small / 100 : m.small, computed: m.computed });
    for (const m of other) all.push(m);
    all.sort((x, y) => x.line - y.line);
    return { rows: all.slice(0, SHOWN), count: this.misses.length + (points ? this.fractionCells : this.pointsCells) };
  }
}
