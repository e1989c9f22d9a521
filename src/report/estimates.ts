// Estimate marks in the report (issue 19): machine formats get an `estimated` column listing the row's
// figures that are estimates (`denominator,participants,target,status`); human formats mark those cells
// with ESTIMATE_MARK and print the legend once. The figures come from the data (core/estimates.ts).

import type { Column, Row, Value } from './model.js';
import { ESTIMATED_COLUMN } from '../core/estimates.js';
import type { Words } from './vocabulary.js';

/** The mark after an estimated figure in the table, Markdown, HTML and the workbook. */
export const ESTIMATE_MARK = '*';

export const ESTIMATED_WORDS: Words = { en: 'estimated', id: 'perkiraan' };

/** The `estimated` column: last among the figures, before a csv's `level`. */
export const ESTIMATED_REPORT_COLUMN: Column = { key: ESTIMATED_COLUMN, label: ESTIMATED_WORDS, kind: 'text', priority: 0 };

/** The `estimated` cell: the figures joined by commas, or null for none. */
export function estimatedCell(figures: readonly string[] | undefined): Value {
  return figures?.length ? figures.join(',') : null;
}

/** A report row with its estimate marks (nothing added when it has none). */
export function withEstimates(row: Row, figures: readonly string[] | undefined): Row {
  return figures?.length ? { ...row, estimated: figures } : row;
}

/** The legend, when some row of the report is marked. */
export function estimateLegend(marked: boolean): Words | undefined {
  if (!marked) return undefined;
  return {
    en: `${ESTIMATE_MARK} estimate: the data labels this figure an estimate (for the bundled baseline, data/README.md says how each was made), or it was planned or reached on one`,
    id: `${ESTIMATE_MARK} perkiraan: data menandai angka ini sebagai perkiraan (untuk data dasar bawaan, cara membuatnya ada di data/README.md), atau angka ini direncanakan atau dicapai dengan perkiraan`,
  };
}

/**
 * A breakdown unit's estimated figures: its denominator and participants as the data labels them, and
 * its target when it was planned on either (they set its bounds and its share).
 */
export function unitFigures(u: { readonly estimated?: readonly string[] }, denominator: string | null): readonly string[] | undefined {
  if (!u.estimated?.length) return undefined;
  const out: string[] = [];
  if (denominator !== null && u.estimated.includes(denominator)) out.push('denominator');
  if (u.estimated.includes('participants')) out.push('participants');
  if (out.length || u.estimated.includes('target')) out.push('target');
  return out.length ? out : undefined;
}

/**
 * The estimated figures of a unit's row in `breakdown --months` or `--compare`: its participants under
 * the name the report gives them, and every planned column when the unit was planned on an estimate.
 */
export function plannedFigures(u: { readonly estimated?: readonly string[] }, participants: string, planned: readonly string[]): readonly string[] | undefined {
  if (!u.estimated?.length) return undefined;
  return [...(u.estimated.includes('participants') ? [participants] : []), ...planned];
}
