// coverage's --fields and --sort, checked against the columns its options make before any work (see
// fields.ts for breakdown's).

import { FLAGS } from '../options/flags.js';
import { checkFields, checkSort } from '../options/keys.js';
import { fromConfigFile } from '../options/origin.js';
import { coverageColumns } from '../report/coverage.js';

/**
 * coverage: --sort (a sort word or any column of the coverage report, the months' story included) and
 * --fields of the coverage report. The trend view and --compare-targets make other columns (the months,
 * one target per plan): their --fields are checked against the report made (Session.emit).
 */
export function checkCoverageFields(grain: readonly string[], o: { fields?: readonly string[]; sort?: string; trend?: boolean; compareTargets?: readonly string[] }): void {
  const columns = coverageColumns(grain, undefined, true, true).map((c) => c.key);
  // A config's "fields" is a default shared by many runs: Session.emit keeps the names this report has.
  if (!o.trend && !o.compareTargets?.length && !fromConfigFile(o, 'fields')) checkFields(o.fields, columns);
  checkSort(o.sort, FLAGS.sort.choices ?? [], columns);
}
