// Estimate marks: which figures of a row are estimates, carried the one way data goes.
//
//   data      an `estimated` column lists a row's figures that are estimates: the bundled baseline
//             writes one from its labels (data/figures.csv), and anyone's file may carry one
//   Table     each row keeps the names of its estimated measures (TableRow.estimated); rollup() unites
//             them, so a province total made of an estimated cell is an estimate too
//   plan      coverage and breakdown rows say which of their figures are estimates (this file)
//   Report    the `estimated` column of machine formats; a mark and a legend in human ones
//
// Example: `estimated` = "potential_workers participants" on Papua Barat Daya's row → a coverage row
// with `estimated` = denominator,participants when the report's denominator is potential_workers; with
// --year, its target and status are marked too (they were planned and reached on those estimates).

import { canonicalColumn } from './columns.js';

/** The column name, in files and reports. */
export const ESTIMATED_COLUMN = 'estimated';

/** Words in an `estimated` cell that mean every figure of the row. */
const ALL = new Set(['all', 'semua', 'yes', 'ya', 'true']);

/**
 * A report's figures, in the order they are listed in the `estimated` column. With two months or more
 * (the story), `projected` when the pace it follows starts or ends on an estimated month, and
 * `projected_status` when it was reached on an estimated projection or target.
 */
export const ESTIMATED_FIGURES = ['denominator', 'participants', 'target', 'milestone', 'status', 'projected', 'projected_status'] as const;
export type EstimatedFigure = (typeof ESTIMATED_FIGURES)[number];

/**
 * The names in an `estimated` cell: separated by commas, semicolons, `|` or spaces, any spelling of a
 * column name (`Peserta` → participants). `denominator` stands for the row's denominator columns and
 * `all` (or `semua`, `yes`) for every figure; both come back as they are, for the reader to expand.
 */
export function parseEstimatedCell(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/[\s,;|]+/)) {
    if (!word) continue;
    const name = ALL.has(word.toLowerCase()) ? 'all' : canonicalColumn(word);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

export interface FigureFlags {
  readonly denominator?: boolean;
  readonly participants?: boolean;
  readonly target?: boolean;
  readonly milestone?: boolean;
  /** The row has a status at all (with targets). */
  readonly hasStatus?: boolean;
}

/**
 * The figures of a report row that are estimates, in the column's order. A status is an estimate when
 * it was reached on one: on estimated participants, target or milestone.
 */
export function estimatedFigures(f: FigureFlags): readonly EstimatedFigure[] {
  if (!f.denominator && !f.participants && !f.target && !f.milestone) return NO_FIGURES;
  const out: EstimatedFigure[] = [];
  if (f.denominator) out.push('denominator');
  if (f.participants) out.push('participants');
  if (f.target) out.push('target');
  if (f.milestone) out.push('milestone');
  if (f.hasStatus && (f.participants || f.target || f.milestone)) out.push('status');
  return out;
}

/** The figures of a row with no estimate: one shared empty list (a report can have a million rows). */
const NO_FIGURES: readonly EstimatedFigure[] = Object.freeze([]);

/** Is measure `name` an estimate on this row (a Table row, a rolled-up group, a target row)? */
export function isEstimated(row: { readonly estimated?: readonly string[] } | undefined, name: string | undefined): boolean {
  return name !== undefined && row?.estimated?.includes(name) === true;
}

/**
 * A target planned from estimated figures is an estimate: the target of a unit whose participants or
 * denominator are estimates (they set its bounds and its share), and the milestones on its way.
 */
export function plannedEstimates(unit: { readonly estimated?: readonly string[] }): readonly string[] | undefined {
  return unit.estimated?.length ? ['target', 'milestone', ...(unit.estimated.includes('participants') ? ['participants'] : [])] : undefined;
}
