// The report columns a run can have, known from its options before any work: --fields and --sort are
// checked against them first (a typo in --fields must not cost a whole plan), and Session.emit checks
// --fields again against the report actually made.

import { breakdownColumns } from '../report/breakdown.js';
import { keyColumns } from '../report/common.js';
import { comparisonKeys } from '../report/compare.js';
import { coverageColumns } from '../report/coverage.js';
import { milestoneColumns } from '../report/milestones.js';
import { FLAGS } from '../options/flags.js';
import { checkFields, checkSort } from '../options/keys.js';

/**
 * breakdown: the breakdown, the milestones (--months, --phasing) or the comparison of these variants
 * (--compare, as planned before anything is read).
 */
export function checkBreakdownFields(grain: readonly string[], o: { fields?: readonly string[]; months?: boolean; phasing?: string }, variants?: { readonly variants: readonly { readonly name: string }[] }): void {
  if (!o.fields) return;
  const keys = variants
    ? [...keyColumns(grain).map((c) => c.key), ...comparisonKeys(variants.variants.map((v) => v.name))]
    : (o.months || o.phasing ? milestoneColumns(grain, '') : breakdownColumns(grain, null)).map((c) => c.key);
  checkFields(o.fields, keys);
}

/**
 * coverage: --sort (a sort word or any column of the coverage report, the months' story included) and
 * --fields of the coverage report. The trend view and --compare-targets make other columns (the months,
 * one target per plan): their --fields are checked against the report made (Session.emit).
 */
export function checkCoverageFields(grain: readonly string[], o: { fields?: readonly string[]; sort?: string; trend?: boolean; compareTargets?: readonly string[] }): void {
  const columns = coverageColumns(grain, undefined, true, true).map((c) => c.key);
  if (!o.trend && !o.compareTargets?.length) checkFields(o.fields, columns);
  checkSort(o.sort, FLAGS.sort.choices ?? [], columns);
}
