// The report columns a run can have, known from its options before any work: --fields and --sort are
// checked against them first (a typo in --fields must not cost a whole plan), and Session.emit checks
// --fields again against the report actually made. (coverage's check is in coverage-fields.ts: a
// breakdown run does not load the coverage report's modules.)

import { breakdownColumns } from '../report/breakdown.js';
import { keyColumns } from '../report/common.js';
import { milestoneColumns } from '../report/milestones.js';
import { checkFields } from '../options/keys.js';
import { fromConfigFile } from '../options/origin.js';

/**
 * breakdown: the breakdown, the milestones (--months, --phasing) or the comparison of these variants
 * (--compare, as planned before anything is read).
 */
export function checkBreakdownFields(grain: readonly string[], o: { fields?: readonly string[]; months?: boolean; phasing?: string }, comparison?: readonly string[]): void {
  // A config's "fields" is a default shared by many runs: Session.emit keeps the names this report has.
  if (!o.fields || fromConfigFile(o, 'fields')) return;
  const keys = comparison
    ? [...keyColumns(grain).map((c) => c.key), ...comparison]
    : (o.months || o.phasing ? milestoneColumns(grain, '') : breakdownColumns(grain, null)).map((c) => c.key);
  checkFields(o.fields, keys);
}
