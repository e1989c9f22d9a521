// How loud each of the core's notes is: the command line and the library (describeNote) say them alike.
import type { Note } from '../core/facts.js';

/**
 * Notes that change what a number of the report means: warnings, said even under --quiet. Among them
 * (rv19) `interpolated`, a national target nobody published (computed between two published years),
 * and `below-later-actual`, a target already below a figure published later.
 * Left out on purpose: `gap-nets` and `projection-nets` (a Total's gap is net of the rows over their
 * targets): the gap is what the Total's sums give, as every such Total's; they explain it, and --quiet
 * may hush them.
 */
export const MEANING: ReadonlySet<Note['code']> = new Set<Note['code']>(['interpolated', 'below-later-actual', 'missing-in-period', 'no-target', 'no-target-parts', 'projection-in-part', 'projection-of-parts', 'targets-no-rows', 'like-for-like', 'deduced-year', 'unknown-year', 'year-chosen', 'milestone-missing', 'milestone-sums', 'no-waypoints', 'mixed-baselines', 'phasing-unused', 'partial-areas', 'partial-target-coverage', 'months-missing', 'row-months-missing', 'no-milestones', 'bundled-denominators', 'plan-denominator', 'plan-denominator-values', 'coverage-disagrees', 'denominator-missing', 'incomplete', 'coarser', 'denominator-column', 'change-span', 'projection-floored', 'projection-capped', 'projection-over', 'targets-total-only', 'plans-rows', 'plans-years', 'no-month-for-targets', 'profile-cut', 'months-rows-off', 'denominator-month', 'partial-denominators', 'status-column', 'no-participant-id', 'id-forms', 'partial-targets', 'denominator-same', 'added-over', 'extract-parts', 'area-in-part', 'over-denominators', 'zero-denominator', 'revision-left-out', 'other-year', 'hidden-data-rows', 'taken-national', 'targets-own-scope', 'fell-to-zero', 'segments-in-part', 'target-parts-missing', 'zero-targets', 'targets-over-denominator', 'year-grid', 'previous-denominator-part', 'segment-rows-missing', 'split-in-part', 'segments-short']);
/** Other warnings (hushed by --quiet). */
export const WARNINGS: ReadonlySet<Note['code']> = new Set<Note['code']>(['tie', 'matrix-tie', 'total-rows-unchecked']);

/** 'warning' for a note the command line prints as a warning, else 'note'. */
export function noteKind(code: Note['code']): 'warning' | 'note' {
  return MEANING.has(code) || WARNINGS.has(code) ? 'warning' : 'note';
}
