// What the revisions of a --targets file (its rows' `from` months) say to the month reported: the one in
// force (rv26 F4), a revision of a December on the way only, which leaves the file's targets as they were
// and redraws its milestones (rv27 F4: a `breakdown --year 2026 --months` file under the 2024 revision
// from 2024-07), and one the file holds that is not in force yet (rv27 F8: May read from the months file
// of a series revised from July).

import { addMonths, type Period } from '../calendar.js';
import type { Note } from '../facts.js';
import { dimIndex, keysOf, measureIndex, type Table } from '../table.js';
import { isMonthly, TargetFrameError, targetsAt, type RevisionFacts, type Targets } from './targets.js';

/** A December a month-by-month file's path passes, and the milestones of its units there added up. */
export interface PathPass {
  readonly month: Period;
  readonly total: number;
}

/** The revision in force read from a targets file. */
export interface FileRevision extends RevisionFacts {
  readonly fileFrom: Period;
  /**
   * A revision of a December on the way only (every unit's target as it was the month before): the
   * Decembers the file's path passes from it on, before the year's own. Undefined: the file's targets
   * were revised.
   */
  readonly along?: readonly PathPass[];
}

const sumOf = (t: Table, measure: string): number => {
  const i = measureIndex(t, measure);
  let total = 0;
  if (i >= 0) for (const r of t.rows) total += r.values[i] ?? 0;
  return total;
};

const isMonthFile = (t: Table): boolean => isMonthly(t) && dimIndex(t, 'period') >= 0;

/** The targets of a month of a month-by-month file, as the file gives them (its own revision that month). */
const monthOf = (targets: Targets, month: Period): Table => targetsAt({ ...targets, asOf: undefined }, month).table;

/** Every unit's target the same in both tables (by the units' keys), and the same units. */
function sameTargets(a: Table, b: Table): boolean {
  const ai = measureIndex(a, 'target');
  const bi = measureIndex(b, 'target');
  if (a.rows.length !== b.rows.length) return false;
  const byKey = new Map(b.rows.map((r) => [r.keys.join('\u0000'), r.values[bi] ?? null]));
  return a.rows.every((r) => {
    const k = r.keys.join('\u0000');
    return byKey.has(k) && byKey.get(k) === (r.values[ai] ?? null);
  });
}

/**
 * Of a month-by-month file, whether the revision from `from` leaves every target as it was the month
 * before (a revision of a December on the way), and if so the Decembers its path passes from then on.
 * Undefined when the file revised its targets, or has no month before `from` to tell.
 */
function alongPasses(targets: Targets, from: Period): PathPass[] | undefined {
  const t = targets.table;
  const periods = keysOf(t, 'period');
  const prior = addMonths(from, -1);
  if (!periods.includes(prior) || !periods.includes(from)) return undefined;
  if (!sameTargets(monthOf(targets, from), monthOf(targets, prior))) return undefined;
  const passes: PathPass[] = [];
  for (const m of periods.filter((p) => p.endsWith('-12') && p >= from && p < `${targets.year}-12`).sort()) passes.push({ month: m, total: sumOf(monthOf(targets, m), 'milestone') });
  return passes;
}

/**
 * A revision read from a targets file (rows with `from`): the targets in force add up to `total`, those
 * in force the month before it to `before` (null when none were: a file of revisions only). Example: the
 * `breakdown --year 2024 --months` file of a series revised to 52 M from 2024-07, read for 2024-08:
 * 52,000,000, before 50,000,000; the `--year 2026 --months` file of the same series: 70,000,000 as
 * before, `along` 52,000,000 in 2024-12 and 61,000,000 in 2025-12.
 */
export function fileRevision(targets: Targets, inForce: Table, from: Period, period: Period | undefined, asOf: Period | undefined): FileRevision {
  let before: number | null = null;
  const prior = addMonths(from, -1);
  // A month-by-month file gives the targets in force before the revision on its month before it.
  const monthly = isMonthFile(targets.table);
  let along: PathPass[] | undefined;
  try {
    if (!monthly) before = sumOf(targetsAt(targets, period, prior).table, 'target');
    else if (keysOf(targets.table, 'period').includes(prior)) {
      before = sumOf(monthOf(targets, prior), 'target');
      along = alongPasses(targets, from);
    }
  } catch (e) {
    if (!(e instanceof TargetFrameError)) throw e;
  }
  return { from, total: sumOf(inForce, 'target'), before, asOf: asOf ?? null, fileFrom: from, ...(along ? { along } : {}) };
}

/**
 * A revision the file holds that is not in force in the month reported (its `from` after the month, or
 * after --as-of): the earliest such one, as a note, for a file whose targets are read for that month
 * (rv27 F8: the months file of a series revised from 2024-07, read for 2024-05, said nothing of it).
 */
export function laterFileRevision(targets: Targets, period: Period | undefined, asOf: Period | undefined, source: string): Note | undefined {
  const t = targets.table;
  const ref = asOf ?? period;
  if (ref === undefined || dimIndex(t, 'from') < 0) return undefined;
  const later = keysOf(t, 'from').filter((f) => /^\d{4}-\d{2}$/.test(f) && f > ref).sort()[0];
  if (later === undefined) return undefined;
  const monthly = isMonthFile(t);
  let total: number | undefined;
  let along = false;
  try {
    if (monthly) {
      if (keysOf(t, 'period').includes(later)) total = sumOf(monthOf(targets, later), 'target');
      along = alongPasses(targets, later) !== undefined;
    } else total = sumOf(targetsAt(targets, period, later).table, 'target');
  } catch (e) {
    if (!(e instanceof TargetFrameError)) throw e;
  }
  return { code: 'revision-later', source, later, period: period ?? ref, ...(asOf !== undefined && asOf !== period ? { asOf } : {}), monthly, ...(along ? { along: true } : total !== undefined ? { total } : {}) };
}
