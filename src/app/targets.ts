// Totals and targets from options, with their frame: --target or --year (with --scenario, --series and
// --as-of) for breakdown; --targets FILE or --year for coverage. `coverage --year` plans the breakdown
// through the core with the same rule as `breakdown` (flags or jamsostek.json alike), never by calling
// the breakdown command, and reads its milestones from the same path function as `breakdown --months`.

import { planBreakdown, type AllocationResult } from '../core/allocation/plan.js';
import type { GivenTotal, Shape, SplitRule } from '../core/allocation/spec.js';
import { addMonths, latestPeriod, monthsBetween, monthsUntilDecember, periodYear, type Period } from '../core/calendar.js';
import { baselineMonths, isMonthly, monthlyTargetsFromPath, targetsFromAllocation, targetYearOf, type RevisionFacts, type RuleFacts, type SeriesWay, type Targets } from '../core/coverage/targets.js';
import type { Note } from '../core/facts.js';
import { breakdownMilestones, type BreakdownStage, type MilestoneProblem, type Milestones } from '../core/milestones.js';
import { monthWeights, type Phasing, type StagedPath } from '../core/phasing.js';
import { canonicalColumn, GENERIC_DENOMINATOR } from '../core/columns.js';
import { atPeriod, columnsFor, dimIndex, hasMeasure, keysOf, measureIndex, type SourceFacts, type Table } from '../core/table.js';
import { pathStages, targetForYear, targetStages } from '../core/targets.js';
import { InputError, say, usage } from '../errors.js';
import { baselineFacts, baselinePeriod, loadBaseline } from '../io/bundled.js';
import { expandInputs } from '../io/inputs.js';
import { shellWord } from '../io/shell-word.js';
import { loadTable, type LoadOptions } from '../io/load.js';
import { bundledSeries, userSeries, type TargetSeries } from '../io/series.js';
import type { Io } from '../io/terminal.js';
import { chooseDenominator, DENOMINATORS, ruleColumns, shapeOf, splitRule, type RuleOptions } from '../options/specs.js';
import { requireColumns, whereOf } from '../options/keys.js';
import { originsOf } from '../options/origin.js';
import type { MarginSpec } from '../options/parse.js';
import { areaDimOf, missingOfScope, parentScopes, scopeOf, type Scope } from '../core/scope.js';
import { areaBook } from '../io/geography.js';
import { dimLabel, groupDigits } from '../report/vocabulary.js';
import { scopeWords } from '../report/common.js';
import { latestMonthOnly } from './latest-month.js';
import { marginDims, planMargins } from './plan-margins.js';
import { breakdownSchema, refuseSpareGaps } from './read.js';
import { laterActualNotes } from './actuals.js'; // issue 19
import { nationalOfTime } from './no-area.js';
import { refuseSummedKeys, unknownKeyOf } from './target-keys.js';
import type { InertRule } from './inert.js';

export interface TotalOptions {
  readonly target?: bigint;
  readonly year?: number;
  readonly scenario?: string;
  readonly series?: string;
  readonly asOf?: Period;
}

/** The total of a breakdown, stage by stage: the original, then each revision in force (the last one rules). */
export interface Totals {
  readonly stages: readonly { readonly from?: Period; readonly total: GivenTotal }[];
  readonly year?: number;
  /** The series the totals come from (--year), for the Decembers on the way of a multi-year path. */
  readonly series?: TargetSeries;
  /** The month the series was read as of (--as-of, or coverage's month): revisions from later months are left out. */
  readonly asOf?: Period;
  readonly revision?: RevisionFacts;
  /**
   * Why --as-of has nothing to pick: the year's target has no revision in the series (undefined when it
   * has one, or the total is --target's, which --as-of is refused for anyway).
   */
  readonly nothingAsOf?: Words;
  readonly notes: Note[];
}

type Words = { readonly en: string; readonly id: string };

/** --as-of given on the command line with no revision to pick: refused, as a flag with no effect is. */
export const asOfRule = (nothing: Words | undefined): InertRule => ({
  flag: 'asOf',
  inert: nothing !== undefined,
  why: nothing ?? { en: '', id: '' },
  hint: { en: 'leave out --as-of: it picks among revisions, rows with a `from` month (scenario,year,target,from in a --series file; a breakdown output under a revision)', id: 'hilangkan --as-of: opsi ini memilih di antara revisi, baris dengan bulan `from` (scenario,year,target,from di berkas --series; keluaran breakdown di bawah revisi)' },
});

/** The total in force (the last stage). */
export const totalInForce = (t: Totals): GivenTotal => t.stages[t.stages.length - 1]!.total;

/**
 * --target as given (for December of --year when given), or the scenario's target for --year as of
 * --as-of (default: every revision in the series), with every stage before it.
 */
export async function plannedTotals(o: TotalOptions, load: LoadOptions, io: Io, command: 'breakdown' | 'coverage' = 'breakdown'): Promise<Totals | undefined> {
  if (o.target !== undefined) return { stages: [{ total: { value: o.target, source: '--target', ...(o.year !== undefined ? { year: o.year } : {}) } }], year: o.year, notes: [] };
  if (o.year === undefined) return undefined;
  const series = o.series ? await userSeries(o.series, o.scenario, load, io) : bundledSeries(o.scenario ?? 'plan');
  return seriesTotals(series, o.year, o.asOf, command, o.series !== undefined);
}

/**
 * The way to a total for a year the series has no target for, as true for the command asking: breakdown
 * takes --target; coverage has no --target (rv25 F7: it was told "pass --target <n>", and refused it),
 * so it plans through breakdown's file, or a series with the year's row.
 */
function noTargetHint(series: TargetSeries, year: number, command: 'breakdown' | 'coverage', own: boolean): { en: string; id: string } {
  const row = `${series.scenario},${year},<target>`;
  if (command === 'breakdown') {
    return own
      ? { en: `add a row ${row} to ${series.file}, or pass --target <n> (without --series) to use any total`, id: `tambahkan baris ${row} ke ${series.file}, atau pakai --target <n> (tanpa --series) untuk total berapa pun` }
      : { en: 'pass --target <n> to use any total', id: 'pakai --target <n> untuk total berapa pun' };
  }
  const plan = `plan that total with jamsostek breakdown --target N --year ${year} -o targets.csv and give --targets targets.csv (without --year)`;
  const planId = `rencanakan total itu dengan jamsostek breakdown --target N --year ${year} -o targets.csv lalu berikan --targets targets.csv (tanpa --year)`;
  return own
    ? { en: `add a row ${row} to ${series.file}, or ${plan}`, id: `tambahkan baris ${row} ke ${series.file}, atau ${planId}` }
    : { en: `${plan}; or give --series FILE with a row ${row}`, id: `${planId}; atau berikan --series BERKAS dengan baris ${row}` };
}

function seriesTotals(series: TargetSeries, year: number, asOf: Period | undefined, command: 'breakdown' | 'coverage' = 'breakdown', own = false): Totals {
  const stages = targetStages(series.points, year, asOf);
  if (!stages) {
    const years = [...new Set(series.points.map((p) => p.year))].sort();
    const hint = noTargetHint(series, year, command, own);
    throw new InputError(
      say(
        { message: `no ${series.scenario} target for ${year}: ${series.file} has ${years.join(', ')} (years between them are interpolated)`, hint: hint.en },
        { message: `tidak ada target skenario ${series.scenario} untuk ${year}: ${series.file} memuat ${years.join(', ')} (tahun di antaranya diinterpolasi)`, hint: hint.id },
      ),
    );
  }
  const notes: Note[] = [];
  // Every revision of the year's target, whatever --as-of says: none, and --as-of has nothing to pick.
  const revised = (targetStages(series.points, year, undefined)?.length ?? 1) > 1;
  const nothingAsOf = revised ? undefined : { en: `the ${year} target of ${series.file} (${series.scenario}) has no revision to pick`, id: `target ${year} di ${series.file} (${series.scenario}) tidak memiliki revisi untuk dipilih` };
  const out = stages.map((s) => {
    const t = s.target;
    const source = t.interpolated
      ? `${series.file} (${series.scenario}), interpolated between ${t.between![0]} and ${t.between![1]}${s.from ? `, revised from ${s.from}` : ''}`
      : `${series.file} (${series.scenario}: ${s.from ? `revised from ${s.from}` : (series.sources.get(year) ?? 'original')})`;
    return { ...(s.from ? { from: s.from } : {}), total: { value: t.target, source, year, interpolated: t.interpolated } };
  });
  const last = stages[stages.length - 1]!;
  if (last.target.interpolated) notes.push({ code: 'interpolated', year, from: last.target.between![0], to: last.target.between![1] });
  // Revisions: the one in force, and any later one that is not (yet).
  // Only one that would change the year's target: a revision from after its December never does (rv20 F2:
  // a 2026 revision from 2026-07 was announced to December 2025's report as "not in force yet").
  const later = [...new Set(series.points.map((p) => p.from).filter((m): m is Period => m !== undefined && asOf !== undefined && m > asOf))]
    .sort()
    .find((m) => targetForYear(series.points, year, m)?.target !== last.target.target);
  const revision: RevisionFacts = { from: last.from ?? null, total: Number(last.target.target), before: stages.length > 1 ? Number(stages[stages.length - 2]!.target.target) : null, asOf: asOf ?? null };
  if (stages.length > 1 || later) notes.push({ code: 'revision', year, from: revision.from, total: revision.total, before: revision.before, asOf: asOf ?? null, ...(later ? { later } : {}) });
  return { stages: out, year, series, ...(asOf ? { asOf } : {}), revision, notes, ...(nothingAsOf ? { nothingAsOf } : {}) };
}

/**
 * rv28 R3: an as-of earlier than the month reported that keeps out a revision in force in that month is
 * a warning (a config's "asOf" is easily left stale in a monthly job's config), and the revision note no
 * longer calls that revision "not in force yet". Example: "asOf": "2026-06", August 2026 reported, 72 M
 * from 2026-07 → the 70 M used, and the warning names the 72 M from 2026-07.
 */
function leftOutByAsOf(totals: Totals, period: Period | undefined, config: string | undefined): Totals {
  const { series, asOf, year } = totals;
  if (!series || asOf === undefined || period === undefined || year === undefined || asOf >= period) return totals;
  const inForce = targetStages(series.points, year, period);
  const last = inForce?.[inForce.length - 1];
  const used = totalInForce(totals).value;
  if (!last?.from || last.from <= asOf || last.target.target === used) return totals;
  const notes: Note[] = [];
  for (const n of totals.notes) {
    if (n.code !== 'revision' || n.later === undefined || n.later > period) notes.push(n);
    else if (n.before !== null) notes.push({ code: 'revision', year: n.year, from: n.from, total: n.total, before: n.before, asOf: n.asOf });
  }
  notes.push({ code: 'revision-left-out', year, from: last.from, period, asOf, total: Number(used), revised: Number(last.target.target), ...(config ? { config } : {}) });
  return { ...totals, notes };
}

/**
 * The totals with --as-of allowed when the year's own target has no revision but a December on the way
 * of the national path from `baseline` has one: --as-of then picks the Decembers the path passes (rv22
 * G2: the README's 2024 revision moves December 2024 of the 2026 path from 50 M to 52 M). Only where the
 * path is drawn (breakdown --months, coverage --year).
 */
export function asOfOnPath(totals: Totals, baseline: Period | undefined, national: boolean): Totals {
  if (!totals.nothingAsOf || !national || !totals.series || !baseline || totals.year === undefined) return totals;
  if ((pathStages(totals.series.points, baseline, totals.year, undefined)?.length ?? 1) < 2) return totals;
  const { nothingAsOf: _, ...rest } = totals;
  return rest;
}

/** The total of --year in force for a scenario of the bundled series (breakdown --compare-scenario). */
export function totalOf(o: { year?: number; scenario?: string; target?: bigint }): { total: GivenTotal; note?: Note } | undefined {
  if (o.target !== undefined) return { total: { value: o.target, source: '--target', ...(o.year !== undefined ? { year: o.year } : {}) } };
  if (o.year === undefined) return undefined;
  const t = seriesTotals(bundledSeries(o.scenario ?? 'plan'), o.year, undefined);
  return { total: totalInForce(t), note: t.notes.find((n) => n.code === 'interpolated') };
}

/** The rule as facts for the report. */
export function ruleFacts(rule: SplitRule, result: AllocationResult): RuleFacts {
  const bound = (b: SplitRule['lower'], which: 'min' | 'max'): string =>
    b.kind === 'default' ? (which === 'min' ? 'today' : 'denominator') : b.kind === 'none' ? 'none' : b.kind === 'value' ? String(b.value) : b.column;
  return {
    mode: result.mode,
    basis: result.basis,
    denominator: result.denominator,
    min: bound(rule.lower, 'min'),
    max: bound(rule.upper, 'max'),
    maxCoverage: rule.maxCoverage ? `${rule.maxCoverage.num}/${rule.maxCoverage.den}` : null,
    method: result.method,
  };
}

/**
 * The breakdown of every stage (the same spec, each stage's total), and the Decembers a national path
 * passes through on the way (only when the total is the series' own and the units are the whole country).
 * The path's stages (core pathStages) are the year's own (its target revised) and, between them, those
 * of a revision of a December on the way only (`along`: the same breakdown, other waypoints).
 */
export function planStages(totals: Totals, plan: (total: GivenTotal) => AllocationResult, baseline: Period | undefined, national: boolean, onTheWay: (total: GivenTotal) => AllocationResult = plan): BreakdownStage[] {
  const own = totals.stages.map((s) => ({ ...(s.from ? { from: s.from } : {}), result: plan(s.total) }));
  if (!(national && totals.series && baseline && totals.year !== undefined)) return own;
  const series = totals.series;
  const path = pathStages(series.points, baseline, totals.year, totals.asOf);
  if (!path) return own;
  return path.map((p) => {
    // The year's own stage in force from the path stage's month (the first: the original).
    let k = 0;
    own.forEach((s, i) => {
      if (s.from !== undefined && p.from !== undefined && s.from <= p.from) k = i;
    });
    const stage = own[k]!;
    const value = totals.stages[k]!.total.value;
    if (value !== p.target) throw new Error(`internal: the path stage from ${p.from ?? 'the baseline'} has the target ${p.target}, the year's stage ${value}`);
    const units = unitWaypoints(p.waypoints, stage.result, onTheWay, series.file);
    return { ...(p.from ? { from: p.from } : {}), ...(p.redrawFrom ? { redrawFrom: p.redrawFrom } : {}), result: stage.result, waypoints: p.waypoints, ...(p.revisions.size ? { waypointRevisions: p.revisions } : {}), ...(units ? { unitWaypoints: units } : {}), ...(stage.from === p.from ? {} : { along: true as const }) };
  });
}

/**
 * Each unit's target for the series' Decembers on the way, from that year's own breakdown under the same
 * rule (breakdown --year 2024 for the December 2024 of a 2026 plan), so that a province's path passes
 * through its own 2024 target, not only the national total through 50,000,000 (rv14: Lampung's December
 * 2024 under --year 2026 was 1,057,790, its 2024 target 1,341,470). For two keys, the cells' targets:
 * each parent (row, column, Kanwil) passes through their sum, its own target of that year (rv20 F4). Undefined
 * (the national total alone passes through them, and the note says so) when a unit's targets would not
 * rise from today through each December to the final target.
 */
function unitWaypoints(through: ReadonlyMap<Period, bigint>, final: AllocationResult, plan: (total: GivenTotal) => AllocationResult, file: string): Map<Period, bigint[]> | undefined {
  if (through.size === 0) return undefined;
  const out = new Map<Period, bigint[]>();
  let previous = final.units.map((u) => BigInt(u.participants ?? 0));
  for (const [month, total] of [...through].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const r = plan({ value: total, source: `${file}, December ${month.slice(0, 4)} on the way`, year: Number(month.slice(0, 4)) });
    if (r.units.length !== final.units.length || r.units.some((u, i) => u.keys.join('\u0000') !== final.units[i]!.keys.join('\u0000'))) return undefined;
    const targets = r.units.map((u) => u.target);
    if (targets.some((t, i) => t < previous[i]!)) return undefined;
    out.set(month, targets);
    previous = targets;
  }
  return final.units.every((u, i) => u.target >= previous[i]!) ? out : undefined;
}

/**
 * The series' Decembers on the way that a multi-year path passes through (after the baseline month),
 * each with the figure of the stage in force in that December, which the path was drawn through (rv20
 * F3: the last stage's figures were listed, 57,600,000 in 2025-12 under a revision from 2026-07, where
 * the months before it, December 2025 among them, pass 60,000,000), and the revision it comes from, if
 * any. Whether each unit passes through its own target there too is said (rv14: Lampung's December
 * 2024 under --year 2026 1,057,790 where only the total passed, its 2024 target 1,341,470).
 * `margins`: the dimensions whose totals were given (--row-totals, --column-totals): they are the target
 * year's, and each December on the way is that year's breakdown without them (rv25 F12), said so.
 */
export function waypointsNote(stages: readonly BreakdownStage[], from: Period, year: number, path: Pick<StagedPath, 'months' | 'stage' | 'unitWaypointsSetAside'>, totals?: Pick<Totals, 'series' | 'asOf'>, margins: readonly string[] = []): Note | undefined {
  const passes: { month: Period; total: number; revised?: Period; asOf?: Period }[] = [];
  for (let y = Number(from.slice(0, 4)); y < year; y++) {
    const month = `${y}-12`;
    const s = path.stage[path.months.indexOf(month)];
    const total = s === undefined ? undefined : stages[s]?.waypoints?.get(month);
    if (month <= from || total === undefined) continue;
    const revised = stages[s!]!.waypointRevisions?.get(month);
    passes.push({ month, total: Number(total), ...(revised ? { revised } : {}), ...(asOfFigure(totals, y, total) ? { asOf: totals!.asOf! } : {}) });
  }
  if (!passes.length) return undefined;
  // Each unit passes through its own December target only where the stage in force that month was drawn
  // through it (rv18 F6: a revision that lowers a year on the way draws its stage through the national
  // totals alone).
  const through = passes.filter((p) => {
    const s = path.stage[path.months.indexOf(p.month)];
    return s !== undefined && !path.unitWaypointsSetAside?.includes(s) && stages[s]?.unitWaypoints?.has(p.month) === true;
  }).map((p) => p.month);
  const given = margins.length ? { margins: [...margins] } : {};
  if (through.length === passes.length) return { code: 'waypoints-national', year, passes, units: true, ...given };
  return { code: 'waypoints-national', year, passes, ...(through.length ? { unitsIn: through } : {}), ...given };
}

/**
 * Whether a December's figure on the path is the year's target as of the run's month (--as-of, or
 * coverage's month) and not the one `breakdown --year Y` gives with every revision (rv22 G3: as of
 * 2025-02, 2025 = (50 M + 70 M) / 2 = 60 M on the path; breakdown --year 2025 62 M under the 2026
 * revision from 2025-03): the note then names `breakdown --year Y --as-of M`.
 */
function asOfFigure(totals: Pick<Totals, 'series' | 'asOf'> | undefined, y: number, figure: bigint): boolean {
  if (!totals?.series || totals.asOf === undefined) return false;
  const latest = targetForYear(totals.series.points, y, `${y}-12`)?.target;
  return latest !== figure && targetForYear(totals.series.points, y, totals.asOf)?.target === figure;
}

/**
 * The baseline month of a targets file: a breakdown's `period` column; for a month-by-month file (a
 * `breakdown --months` output, whose first month is the one after its baseline month and whose
 * `baseline` column holds the participants of that month) the month before its first; unknown for a
 * file of targets per month without a baseline.
 * "The month before its first" holds for a whole file only: a file cut to May … August keeps December
 * 2023's `baseline`, and its first milestone is five steps from it, not one. So the first month's
 * milestones must be one step of the path from the baseline to the December target (even phasing, as
 * the tool reads a months file): (milestone − baseline) within half a step of (target − baseline) / n,
 * n the months from the month before the first to December, over the first month's units added up.
 * Else unknown (undefined) rather than a guess.
 */
function targetsBaseline(t: Table, year: number): Period | undefined {
  const periods = keysOf(t, 'period');
  if (!isMonthly(t)) return latestPeriod(periods);
  const first = periods.sort()[0];
  if (!first || !hasMeasure(t, 'baseline')) return undefined;
  const before = addMonths(first, -1);
  const n = monthsBetween(before, `${year}-12`);
  const bi = measureIndex(t, 'baseline');
  const mi = measureIndex(t, 'milestone');
  const ti = measureIndex(t, 'target');
  const fi = dimIndex(t, 'from');
  if (n <= 0 || mi < 0 || ti < 0) return undefined;
  let rise = 0; // the first month's milestones less the baselines
  let whole = 0; // the December targets less the baselines
  for (const r of atPeriod(t, first).rows) {
    const b = r.values[bi];
    const m = r.values[mi];
    const target = r.values[ti];
    if (b === null || b === undefined || m === null || m === undefined || target === null || target === undefined || target < b) continue;
    if (fi >= 0 && r.keys[fi]) continue; // a revision's path starts from its own month
    rise += m - b;
    whole += target - b;
  }
  if (whole <= 0) return undefined;
  return Math.abs(rise - whole / n) <= whole / n / 2 ? before : undefined;
}

const YEAR_GRAINS = new Set(['province', 'kanwil', 'segment']);

/**
 * The grid coverage --year plans on: breakdown --by's for the same --by (rv31 V7: --by kanwil,segment
 * planned per province × segment and added up gave Sulama PU 3,185,569 where breakdown --year 2026 --by
 * kanwil,segment hands out 3,210,192). Where breakdown's grid cannot be the report's (--by segment: its
 * rows are national, a Kanwil's report by segment is its provinces' cells; three keys: breakdown plans
 * two), the province × segment matrix, whose cells add up to breakdown --by segment's and --by province's
 * figures exactly; the targets' source names the grid (breakdown --year Y --by province,segment).
 * --by province,kanwil is planned nested, as breakdown --by kanwil,province.
 */
export function yearGrid(grain: readonly string[], margined: boolean, within?: ReadonlySet<string>): { readonly dims: readonly string[]; readonly partial?: Note } {
  if (margined) return { dims: [...grain] };
  const areas = grain.filter((g) => g === 'province' || g === 'kanwil');
  const byProvince = { dims: grain.includes('segment') ? ['province', 'segment'] : ['province'] };
  // A report by segment of whole Kanwils (a Kanwil's own file, not the country's): the Kanwil's row of
  // breakdown --by kanwil,segment, the segment targets its office was handed, not the sum of its
  // provinces' (Sulama PU 3,210,192, not 3,185,569). The country's segments are the same either way.
  if (grain.length === 1 && grain[0] === 'segment' && within && wholeKanwils(kanwilsReported(within)) === 'some') return { dims: ['kanwil', 'segment'] };
  if (grain.length > 2 || !areas.length) return byProvince;
  // A Kanwil reported in part (2 of its 8 provinces): breakdown --by kanwil's figure is the whole
  // office's; the targets of the provinces reported are compared like for like (DESIGN §6, scope), said.
  if (grain.includes('kanwil') && !grain.includes('province') && within) {
    const partial = [...kanwilsReported(within)].filter(([, k]) => k.n > 0 && k.n < k.of);
    if (partial.length) return { ...byProvince, partial: { code: 'year-grid', by: [...grain], planned: [...byProvince.dims], kanwils: partial.map(([k, c]) => ({ kanwil: k, provinces: c.n, of: c.of })) } };
  }
  if (areas.length === 2) return { dims: ['kanwil', 'province'] };
  return { dims: [...grain] };
}

/** Each Kanwil's provinces reported (`n`) of its provinces (`of`), for the province codes a report covers. */
function kanwilsReported(within: ReadonlySet<string>): Map<string, { n: number; of: number }> {
  const of = new Map<string, { n: number; of: number }>();
  for (const [code, p] of areaBook().provinces) {
    const k = of.get(p.kanwil) ?? { n: 0, of: 0 };
    k.of++;
    if (within.has(code)) k.n++;
    of.set(p.kanwil, k);
  }
  return of;
}

/** Whether the provinces reported are whole Kanwils: 'some' (one or more whole, not all), 'all', or 'partial' (a Kanwil in part). */
function wholeKanwils(of: ReadonlyMap<string, { n: number; of: number }>): 'some' | 'all' | 'partial' {
  let whole = 0;
  for (const k of of.values()) {
    if (k.n > 0 && k.n < k.of) return 'partial';
    if (k.n === k.of) whole++;
  }
  return whole === of.size ? 'all' : 'some';
}

/** The phasing profile of --phasing (or the config's "phasing"), or even phasing. */
export async function phasingProfile(file: string | undefined, load: LoadOptions, io: Io): Promise<Phasing> {
  if (!file || file === 'even') return { kind: 'even' };
  return (await import('../io/margins.js')).loadProfile((await expandInputs([file], io))[0]!, load);
}

/** A path a phasing profile cannot draw (no weight for a month of it, or weights of 0 only): refused, exit 3. */
export function refuseProfileProblem(problem: { readonly problem: 'profile-zero' } | { readonly problem: 'profile-month'; readonly month: Period }, file: string | undefined): never {
  if (problem.problem === 'profile-zero') throw new InputError({ file, ...say('the phasing profile gives every month of the path a weight of 0', 'profil pentahapan memberi bobot 0 pada setiap bulan dalam jalur') });
  throw new InputError({ file, ...say(`the phasing profile has no weight for ${problem.month}`, `profil pentahapan tidak memiliki bobot untuk ${problem.month}`) });
}

/**
 * A path no rule can draw, refused alike by breakdown and coverage --year (rv26 F9: coverage phased a
 * revision below the path so far from the baseline instead, as if it had always been in force, and
 * flipped statuses): a revision that lowers a unit's target below what its path had reached when the
 * revision starts, or a December on the way the path cannot pass without falling.
 */
export function refuseUndrawablePath(path: (Omit<Extract<MilestoneProblem, { problem: 'below-start' }>, 'month'> & { readonly month: Period }) | Extract<MilestoneProblem, { problem: 'anchor-outside' }>, year: number, scope: Scope): never {
  if (path.problem === 'below-start') {
    const next = addMonths(path.month, 1);
    const n = (x: bigint, l: 'en' | 'id'): string => groupDigits(x, l);
    // The whole below its path: the revision's own total is the cause, named with the plan's scope as a
    // report names it ("Indonesia: 38 provinces"), not the first unit below (Aceh, for a national cut: rv27).
    if (path.total < path.reachedTotal) {
      const named = scopeWords(scope) ?? { en: 'the plan', id: 'rencana' };
      throw new InputError(say(
        { message: `the revised target for ${named.en} (${n(path.total, 'en')}) is below its milestone of ${path.month} (${n(path.reachedTotal, 'en')}; the path up to the revision stays)`, hint: `a revision from ${next} can lower the target only down to what the path had reached (${n(path.reachedTotal, 'en')})` },
        { message: `target revisi untuk ${named.id} (${n(path.total, 'id')}) di bawah tonggaknya pada ${path.month} (${n(path.reachedTotal, 'id')}; jalur sampai revisi tetap)`, hint: `revisi mulai ${next} hanya dapat menurunkan target sampai capaian jalur (${n(path.reachedTotal, 'id')})` },
      ));
    }
    throw new InputError(say(
      { message: `the revised target of ${path.unit} (${n(path.target, 'en')}) is below its milestone of ${path.month} (${n(path.reached, 'en')}; the path up to the revision stays)`, hint: `a revision from ${next} can lower a target only down to what the path had reached` },
      { message: `target revisi ${path.unit} (${n(path.target, 'id')}) di bawah tonggaknya pada ${path.month} (${n(path.reached, 'id')}; jalur sampai revisi tetap)`, hint: `revisi mulai ${next} hanya dapat menurunkan target sampai capaian jalur` },
    ));
  }
  throw new InputError(say(
    { message: `the national target of ${path.month} (${path.value}) is not between ${path.low} and ${path.high}: the path to December ${year} would fall`, hint: 'check the target series (--series, data/targets.csv)' },
    { message: `target nasional ${path.month} (${path.value}) tidak di antara ${path.low} dan ${path.high}: jalur menuju Desember ${year} akan turun`, hint: 'periksa seri target (--series, data/targets.csv)' },
  ));
}

/**
 * The paths of a yearly targets file a profile must phase: from each baseline month of its rows, and from
 * the month before each revision's `from`, to December. A month the profile lacks is refused here, not
 * left without milestones.
 */
function checkProfile(t: Table, year: number, phasing: Phasing, file: string | undefined): void {
  if (phasing.kind === 'even') return;
  const starts = new Set(keysOf(t, 'period').filter((p) => p !== ''));
  for (const f of keysOf(t, 'from')) if (/^\d{4}-\d{2}$/.test(f)) starts.add(addMonths(f, -1));
  for (const start of starts) {
    const months = monthsUntilDecember(start, year);
    if (!months.length) continue;
    const w = monthWeights(months, phasing);
    if (!Array.isArray(w)) refuseProfileProblem({ problem: 'profile-month', month: w.missing }, file);
    if (!w.some((x) => x > 0)) refuseProfileProblem({ problem: 'profile-zero' }, file);
  }
}

const orWords = (xs: readonly string[], or: string): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${or} ${xs[xs.length - 1]}`);

/** Targets for coverage from --targets FILE, or planned on the bundled baseline for --year. */
export async function coverageTargets(
  o: TotalOptions & RuleOptions & { targets?: string; denominator?: string; phasing?: string; input?: string; rowTotals?: MarginSpec; columnTotals?: MarginSpec },
  grain: readonly string[],
  period: Period | undefined,
  load: LoadOptions,
  io: Io,
  /** The province codes the report covers: the notes about targets of other provinces are left out. */
  within?: ReadonlySet<string>,
  /** bases: the bases --year can plan on (the units' denominators); planned: the figures the targets were planned on, by province. A --targets file gives no bases. */
): Promise<{ targets: Targets; notes: Note[]; nothingAsOf?: Words; bases?: readonly string[]; planned?: PlannedDenominators } | undefined> {
  if (o.targets) {
    const files = await expandInputs([o.targets], io);
    const table = await loadTable(
      files,
      {
        role: '--targets',
        dims: [...grain, 'year', 'from'],
        measures: new Map([['target', 'count'], ['participants', 'count'], ['milestone', 'count'], ['from_milestone', 'count'], ['baseline', 'count']]),
        required: [{ column: 'target', why: 'the targets to compare with', whyId: 'target pembanding' }],
        rule: 'refuse',
        deriveKanwil: grain.includes('kanwil'),
        optionalDims: ['year', 'from'],
        // A plan from an input without a month (breakdown leaves its period empty): no baseline month.
        blankDims: ['period'],
      },
      { ...load, allowOverCoverage: true },
    ).catch(async (e: unknown) => {
      throw (await unknownKeyOf(e, files, grain, load)) ?? e;
    });
    refuseSummedKeys(table, grain);
    const source = table.sources.map((s) => `${s.name} (sha256 ${s.sha256.slice(0, 12)}…)`).join(', ');
    const fy = targetYearOf(table, o.year, period);
    const notes: Note[] = [];
    if (fy.from === 'deduced') notes.push({ code: 'deduced-year', year: fy.year, source: table.sources.map((s) => s.name).join(', ') });
    if (fy.from === 'unknown') notes.push({ code: 'unknown-year', source: table.sources.map((s) => s.name).join(', ') });
    if (fy.years) notes.push({ code: 'year-chosen', year: fy.year, years: fy.years, source: table.sources.map((s) => s.name).join(', ') });
    // rv28 R13: a file of a later year's targets (targets-2026.csv for June 2025) said only in the title and
    // meta; a CSV has neither. Not where another warning says the year (deduced, chosen among several).
    if ((fy.from === 'file' || fy.from === 'months') && !fy.years && period && periodYear(period) !== fy.year) notes.push({ code: 'other-year', year: fy.year, period, source: table.sources.map((s) => s.name).join(', '), from: fy.from });
    const base = targetsBaseline(fy.table, fy.year);
    // Rows of different baseline months (a sheet put together from two breakdowns): each is phased from
    // its own (core targetsAt); said, with the months, since the report's baseline month is the latest.
    const months = baselineMonths(fy.table);
    if (months.size > 1) notes.push({ code: 'mixed-baselines', source: table.sources.map((s) => s.name).join(', '), months: [...months].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([month, rows]) => ({ month, rows })) });
    const revised = keysOf(fy.table, 'from').some((f) => f !== '');
    const nothingAsOf = revised ? undefined : { en: `the targets of ${o.targets} have no revision to pick (no row with a \`from\` month)`, id: `target di ${o.targets} tidak memiliki revisi untuk dipilih (tidak ada baris dengan bulan \`from\`)` };
    // The phasing of --phasing / the config's "phasing" phases a yearly file's milestones as breakdown
    // --months phases them; a month-by-month file gives its own, read as written (said).
    let phasing: Phasing = { kind: 'even' };
    if (o.phasing && o.phasing !== 'even') {
      if (isMonthly(fy.table)) notes.push({ code: 'phasing-unused', profile: o.phasing, source: table.sources.map((s) => s.name).join(', ') });
      else {
        phasing = await phasingProfile(o.phasing, load, io);
        checkProfile(fy.table, fy.year, phasing, o.phasing);
        notes.push({ code: 'targets-phasing', profile: o.phasing });
      }
    }
    const planned = await plannedOfTargets(files, [...grain, 'year', 'from'], load, table.sources.map((s) => s.name).join(', '), table.sources);
    const way = seriesWay(fy.table, fy.year);
    // Where milestones will lack the Decembers on the way (a yearly file from before last December) and
    // the way names the national plan: a file split from a total of its own (breakdown --target, its
    // share column says so) is not the national plan's rows, and the way says so (fx58).
    const ownTotal = way !== undefined && way.total !== null && base !== undefined && base < `${fy.year - 1}-12` && !isMonthly(fy.table) ? await splitFromOwnTotal(files, [...grain, 'year', 'from'], load, table.sources, way.total) : false;
    const series = way && ownTotal ? { ...way, ownTotal } : way;
    // The tool's own JSON output says its scope (meta.scope): a national one is national whatever its total.
    // What tells national targets without an area column from a region's own: the national participants
    // of the report's time, the yardstick of no-area.ts too (one rule).
    const nationalFigure = nationalOfTime(period);
    const national = table.sources.some((s) => s.scope === 'national') ? { ...nationalFigure, said: true as const } : nationalFigure;
    // And a Kanwil's or a province's, by name: another's is not this report's (rv31 V5).
    const named = table.sources.find((s) => s.scope !== undefined && s.scope !== 'national' && s.scopeName !== undefined);
    const scopeSaid = named ? { kind: named.scope!, name: named.scopeName!, ...(named.scopeAreas ? { areas: named.scopeAreas } : {}), ...(named.scopeCounts ? { counts: named.scopeCounts } : {}) } : undefined;
    // Every file's own Total row gives its target unmarked: the Total is the total the plan was given (rv34 R9).
    const totalGiven = table.sources.length > 0 && table.sources.every((s) => s.totalTarget === 'given');
    return { targets: { table: fy.table, baselinePeriod: base, year: fy.year, yearFrom: fy.from, phasing, method: 'webster', source, ...(o.asOf ? { asOf: o.asOf } : {}), ...(series ? { series } : {}), ...(national ? { national } : {}), ...(scopeSaid ? { scopeSaid } : {}), ...(totalGiven ? { totalGiven } : {}) }, notes, ...(nothingAsOf ? { nothingAsOf } : {}), ...(planned ? { planned } : {}) };
  }
  if (o.year === undefined) return undefined;
  if (!grain.every((g) => YEAR_GRAINS.has(g))) {
    throw usage(
      { message: `--year plans targets per province, kanwil or segment; for --by ${grain.join(',')} pass --targets <file>`, hint: 'e.g. breakdown --target N --year 2024 --input regencies.csv --by regency -o targets.csv' },
      { message: `--year merencanakan target per provinsi, kanwil atau segmen; untuk --by ${grain.join(',')} berikan --targets <berkas>`, hint: 'mis. breakdown --target N --year 2024 --input regencies.csv --by regency -o targets.csv' },
    );
  }
  const rule = splitRule(o);
  // The totals given (--row-totals, --column-totals, or the config's) shape the plan as they shape
  // breakdown's: the plan is then breakdown --by <the report's keys>' own (rv25 F12), two keys at most.
  const margined = o.rowTotals !== undefined || o.columnTotals !== undefined;
  if (margined && grain.length > 2) {
    throw usage(
      { message: `--row-totals and --column-totals shape a plan by two keys, as breakdown --by does; --by is ${grain.join(',')}`, hint: 'e.g. --by province,segment (a matrix) or --by kanwil,province (nested)' },
      { message: `--row-totals dan --column-totals membentuk rencana menurut dua kunci, seperti breakdown --by; --by adalah ${grain.join(',')}`, hint: 'mis. --by province,segment (matriks) atau --by kanwil,province (bertingkat)' },
    );
  }
  // The units: the config's "input" (or --input), the office's own baseline, as breakdown plans on it
  // (rv25 F13: coverage --year planned on the bundled baseline, in silence); else the bundled baseline.
  // rv31 V7: the grid breakdown --by plans for the same --by, so that the targets a planner hands out with
  // breakdown are the ones the report compares with (yearGrid).
  const grid = yearGrid(grain, margined, within);
  const planDims = grid.dims;
  const units = await planUnits(o, planDims, grain, rule, load, io);
  const B = units.period;
  const base = B ? atPeriod(units.table, B) : units.table;
  const planned = leftOutByAsOf((await plannedTotals({ year: o.year, scenario: o.scenario, series: o.series, asOf: o.asOf ?? period }, load, io, 'coverage'))!, period, originsOf(o)?.fromConfig.has('asOf') ? originsOf(o)!.file : undefined);
  const totals = asOfOnPath(planned, B, true);
  // The same frame as breakdown --year: a plan for the baseline's own December (or one past) has no month
  // left and no increase to plan (data/targets.csv's 2023 is December 2023's published actual).
  if (B && B >= `${o.year}-12`) refuseYearPast(totals, B, units.bundled);
  if (!units.bundled && !o.series) refuseRegionalYear(base, o.year, totalInForce(totals).value, { by: grain, input: o.input ?? 'FILE', coverage: true });
  // --denominator names the report's base, and --year plans on it too: one the bundled baseline lacks
  // (the template's workforce) is said as such, not as a column the input lacks (rv23 F4).
  if (units.bundled && o.denominator !== undefined && !hasMeasure(base, canonicalColumn(o.denominator))) {
    const d = canonicalColumn(o.denominator);
    const bases = DENOMINATORS.filter((x) => hasMeasure(base, x));
    const planned = DENOMINATORS.find((x) => hasMeasure(base, x));
    throw usage(
      { message: `--denominator ${d}: --year ${o.year} plans the targets on the bundled baseline (data/baseline.csv), which has no ${d} figures`, hint: `leave out --denominator (the targets are then split by ${planned}, and a warning says each base); or, if your ${d} figures are ${orWords(bases, 'or')}, name the column so and pass --denominator with that name` },
      { message: `--denominator ${d}: --year ${o.year} merencanakan target dengan baseline bawaan (data/baseline.csv), yang tidak memiliki angka ${d}`, hint: `hilangkan --denominator (target lalu dibagi menurut ${planned}, dan peringatan menyebut tiap dasarnya); atau, jika angka ${d} Anda adalah ${orWords(bases, 'atau')}, beri kolomnya nama itu dan berikan --denominator dengan nama tersebut` },
    );
  }
  const shape: Shape = grid.dims.length === 1 ? { kind: 'flat', dim: grid.dims[0]! } : grid.dims.length === 2 && grid.dims[0] === 'kanwil' && grid.dims[1] === 'province' ? { kind: 'nested', levels: ['kanwil', 'province'] } : shapeOf(grid.dims, base, o);
  const margins = await planMargins(o, grain, shape, load);
  const denominator = chooseDenominator(o.denominator, [base]);
  if (!units.bundled) refuseSpareGaps(denominator, [units.table], load.maxErrors);
  // The totals given are the target year's: the Decembers on the way are split by the rule alone, as breakdown splits them.
  const stages = planStages(totals, (total) => planBreakdown({ total, shape, rule, denominator, ...margins }, base), B, true, (total) => planBreakdown({ total, shape, rule, denominator }, base));
  const result = stages[stages.length - 1]!.result;
  // Month by month, as breakdown --months draws them (the same path function); a target below today
  // leaves the milestones to targetsAt, unit by unit.
  // Phased by --phasing / the config's "phasing" as breakdown --months phases them (rv14: the config's
  // profile shaped breakdown's milestones and was left aside here).
  const phasing = await phasingProfile(o.phasing, load, io);
  const path = B ? breakdownMilestones(stages, B, totals.year!, phasing) : undefined;
  if (path && 'problem' in path && (path.problem === 'profile-month' || path.problem === 'profile-zero')) refuseProfileProblem(path, o.phasing);
  // Only a target below today falls back (to targetsAt); a revision below the path, or a December on the
  // way the path cannot pass, is refused as breakdown refuses it (rv26 F9).
  if (path && 'problem' in path && path.problem === 'below-start' && path.month) refuseUndrawablePath({ ...path, month: path.month }, o.year, scopeOfUnits(base));
  if (path && 'problem' in path && path.problem === 'anchor-outside') refuseUndrawablePath(path, o.year, scopeOfUnits(base));
  const table = B && path && !('problem' in path) ? monthlyTargetsFromPath(result, base, B, path) : targetsFromAllocation(result, base);
  const total = totalInForce(totals);
  return {
    targets: {
      table,
      baselinePeriod: B,
      year: o.year,
      yearFrom: 'plan',
      phasing,
      method: result.method,
      source: `breakdown --year ${o.year} --by ${grid.dims.join(',')}${o.input ? ` --input ${o.input}` : ''} (${total.source}, ${result.method}, ${result.mode} mode)`,
      rule: ruleFacts(rule, result),
      ...(totals.revision ? { revision: totals.revision } : {}),
      ...(o.asOf ? { asOf: o.asOf } : {}),
    },
    // The breakdown's own notes (units held at today, stopped at a bound, ties, weights that fell back),
    // as `breakdown` says them: the same rule gives the same words in both commands. issue 19: targets
    // below later actuals, as in breakdown.
    notes: [...units.notes, ...optional(grid.partial), ...totals.notes, ...optional(B && path && !('problem' in path) ? waypointsNote(stages, B, o.year, path, totals, marginDims(margins)) : undefined), ...(B && path && !('problem' in path) ? gridNotes(path, result.dims) : []), ...(phasing.kind === 'profile' ? [{ code: 'targets-phasing' as const, profile: o.phasing! }] : []), ...allocationNotes(result, within), ...optional(units.bundled ? unattributedNote(result) : undefined), ...(units.bundled ? laterActualNotes(result, B, undefined, within) : [])],
    ...(totals.nothingAsOf ? { nothingAsOf: totals.nothingAsOf } : {}),
    // What --denominator can plan the targets on (rv23 F4: "--denominator workforce plans the targets on
    // it too" was refused, the bundled baseline having no workforce).
    bases: DENOMINATORS.filter((d) => hasMeasure(base, d)),
    ...((planned) => (planned ? { planned } : {}))(denominator ? plannedFigures(base, [denominator], o.input ?? 'data/baseline.csv') : undefined),
  };
}

/**
 * A targets file of a national plan (its units provinces, segments or Kanwil): the series --year would plan
 * its year from (with --targets, --series and --scenario are refused: the bundled plan), and its total for
 * the year, or null where it has none (2027: breakdown --year 2027 and coverage --year 2027 refuse it).
 * None for a plan of regencies, sectors…, which no --year plans.
 */
function seriesWay(t: Table, year: number): SeriesWay | undefined {
  if (!t.dims.every((d) => ['province', 'segment', 'kanwil', 'period', 'year', 'from'].includes(d.name))) return undefined;
  const series = bundledSeries('plan');
  const stages = targetStages(series.points, year, undefined);
  let first = Infinity;
  let last = -Infinity;
  for (const p of series.points) {
    first = Math.min(first, p.year);
    last = Math.max(last, p.year);
  }
  return { file: series.file, scenario: series.scenario, total: stages ? Number(stages[stages.length - 1]!.target.target) : null, ...(series.points.length ? { years: [first, last] as const } : {}) };
}

/**
 * Were a breakdown output's targets split from a total other than the national plan's (`national`)? Its
 * `share` column (each row's target over the total split) says: the rows' targets over their shares, more
 * than 1 % from the national total (shares are written to six decimals), is another total — a plan made
 * with --target, or several joined (fx58: two Kanwils' 500,000 and 1,100,000 were pointed to the national
 * plan of 70,000,000). Read once more only where the first read left a share column unread.
 */
async function splitFromOwnTotal(files: readonly string[], dims: readonly string[], load: LoadOptions, read: readonly SourceFacts[], national: number): Promise<boolean> {
  if (!read.some((s) => s.ignoredColumns.some((c) => canonicalColumn(c) === 'share'))) return false;
  try {
    const t = await loadTable(
      files,
      { role: '--targets', dims, measures: new Map([['target', 'count'], ['share', 'number']]), rule: 'refuse', optionalDims: ['year', 'from'], blankDims: ['period'] },
      // Read once more, quietly: the first read has said everything there is to say about the file.
      { ...load, allowOverCoverage: true, onSource: undefined, onProgress: undefined, onBpsCode: undefined },
    );
    const ti = measureIndex(t, 'target');
    const si = measureIndex(t, 'share');
    if (ti < 0 || si < 0) return false;
    let targets = 0;
    let shares = 0;
    for (const r of t.rows) {
      const target = r.values[ti];
      const share = r.values[si];
      if (target === null || target === undefined || share === null || share === undefined) continue;
      targets += target;
      shares += share;
    }
    return shares > 0 && Math.abs(targets / shares - national) > national / 100;
  } catch (e) {
    if (e instanceof InputError) return false;
    throw e;
  }
}

/** The column a targets file's `denominator` column is read into (what the plan was on; it may not be the report's). */
const PLANNED = 'planned_denominator';

/**
 * The denominators a --targets file was planned on: its `denominator` column (a breakdown file's; its
 * JSON meta names which one), read apart from the targets so that a file without one, or with blank
 * cells (a province × segment file's cells), is read as before, and only not compared (rv25 F11).
 */
async function plannedOfTargets(files: readonly string[], dims: readonly string[], load: LoadOptions, source: string, read: readonly SourceFacts[]): Promise<PlannedDenominators | undefined> {
  // The first read names the columns it left unread: without a `denominator` column or one of
  // DENOMINATORS there, a second read finds no figure (issue 20: a million targets read twice for nothing).
  const unread = read.flatMap((s) => s.ignoredColumns.map(canonicalColumn));
  if (!unread.some((c) => c === GENERIC_DENOMINATOR || (DENOMINATORS as readonly string[]).includes(c))) return undefined;
  try {
    const t = await loadTable(
      files,
      { role: '--targets', dims, measures: new Map([[PLANNED, 'count'], ...DENOMINATORS.map((d) => [d, 'count'] as [string, 'count'])]), denominator: { measure: PLANNED, given: false }, rule: 'refuse', optionalDims: ['year', 'from'], blankDims: ['period'] },
      // Read once more, quietly: the first read has said everything there is to say about the file.
      { ...load, allowOverCoverage: true, onSource: undefined, onProgress: undefined, onBpsCode: undefined },
    );
    return plannedFigures(t, [PLANNED, ...DENOMINATORS], source);
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

/** The denominator figures a plan was made on, by province (Kemendagri code), and where they come from. */
export interface PlannedDenominators {
  readonly source: string;
  /** The measure they are, when the plan says (--year's, a JSON file's meta.denominator); a CSV's `denominator` column does not. */
  readonly measure?: string;
  readonly byProvince: ReadonlyMap<string, number>;
}

/** The province-level figures of the first of `measures` the table has (rows of a province, no finer key). */
export function plannedFigures(t: Table, measures: readonly string[], source: string): PlannedDenominators | undefined {
  const pi = dimIndex(t, 'province');
  if (pi < 0) return undefined;
  const finer = t.dims.map((d, i) => (i !== pi && d.name !== 'kanwil' && d.name !== 'period' && d.name !== 'year' && d.name !== 'from' ? i : -1)).filter((i) => i >= 0);
  for (const m of measures) {
    const mi = measureIndex(t, m);
    if (mi < 0) continue;
    const byProvince = new Map<string, number>();
    // On the columns (no row object made for a table of a million targets).
    const cols = columnsFor(t);
    for (let r = 0; r < cols.size; r++) {
      const p = cols.key(r, pi);
      const v = cols.value(r, mi);
      if (!p || v === null || finer.some((i) => cols.key(r, i))) continue;
      byProvince.set(p, v);
    }
    if (byProvince.size) return { source, ...(m === PLANNED ? {} : { measure: m }), byProvince };
  }
  return undefined;
}

/**
 * Where the monthly milestones of a grid (province × segment…) fell back (fx51): a month where no grid of
 * floors and ceilings met both margins, or where the rows could not keep their own paths. breakdown
 * --months and coverage --year say them alike (fx58: coverage --year compared with such a month's
 * milestones without a word).
 */
export function gridNotes(path: Milestones, dims: readonly string[]): Note[] {
  const notes: Note[] = [];
  if (path.marginsOff) notes.push({ code: 'months-rows-off', month: path.marginsOff.month, rows: path.marginsOff.rowsOff, largest: Number(path.marginsOff.largest), dim: dims[0]! });
  if (path.roundedWide) notes.push({ code: 'months-grid-wide', months: path.roundedWide.months, cells: path.roundedWide.cells, first: path.roundedWide.first, dims });
  return notes;
}

/**
 * The units coverage --year plans over, read as breakdown reads them: the config's "input" (or --input),
 * with breakdown's schema for the plan's keys, or the bundled baseline. A note names the input (rv25 F13).
 */
async function planUnits(o: RuleOptions & { input?: string; denominator?: string }, planDims: readonly string[], grain: readonly string[], rule: SplitRule, load: LoadOptions, io: Io): Promise<{ table: Table; period?: Period; bundled: boolean; notes: Note[] }> {
  if (!o.input) {
    const table = await loadBaseline(breakdownSchema(['province', 'segment', 'kanwil'], ruleColumns(rule), o.denominator), load);
    return { table, period: baselinePeriod(table), bundled: true, notes: [] };
  }
  const dims = grain.includes('kanwil') && !planDims.includes('kanwil') ? [...planDims, 'kanwil'] : [...planDims];
  // As breakdown: today's participants are needed where the gap or the floor starts from them.
  const needsParticipants = rule.mode !== 'level' || rule.lower.kind === 'default' || rule.basis?.kind === 'uncovered' || rule.basis?.kind === 'participants';
  const schema = breakdownSchema(dims, ruleColumns(rule), o.denominator, needsParticipants);
  const table = await loadTable(await expandInputs([o.input], io), schema, load);
  requireColumns(schema.named, [table], whereOf(table, false));
  const period = latestPeriod(keysOf(table, 'period'));
  const months = period ? latestMonthOnly(table, period, planDims) : undefined;
  const from = originsOf(o)?.fromConfig.has('input') ? originsOf(o)!.file : undefined;
  return { table, period, bundled: false, notes: [{ code: 'plan-input', file: o.input, ...(from ? { config: from } : {}) }, ...(months ? [months] : [])] };
}

/** The areas a plan's units cover (unknown without an area key). */
export function scopeOfUnits(base: Table): Scope {
  const areaDim = areaDimOf(base.dims.map((d) => d.name));
  return areaDim ? scopeOf(areaDim, new Set(keysOf(base, areaDim)), areaBook()) : { kind: 'unknown' };
}

/**
 * breakdown: a total of the user's split over an input with rows for some areas of its province or Kanwil
 * only (rv34 R8: 34 of Jawa Timur's 38 regencies, an office late in the baseline month): the whole total
 * goes to those areas, the others get none. Said (the title and meta.scope say "34 of 38", stderr did not).
 * Of an input across several provinces or Kanwils, each of them it has in part (rv36 N1: Sulama 6 of 8
 * beside all of Kalimantan); of one with areas in every Kanwil, the country's missing (37 of 38: Aceh).
 */
export function splitInPart(base: Table, scope: Scope, total: bigint, input: string | undefined, flags = ''): Note | undefined {
  const areaDim = areaDimOf(base.dims.map((d) => d.name));
  if (!areaDim) return undefined;
  const keys = new Set(keysOf(base, areaDim));
  const book = areaBook();
  const within = parentScopes(scope, keys, book);
  const missing = within.flatMap((s) => missingOfScope(s, keys, book));
  if (!missing.length || scope.kind === 'unknown') return undefined;
  // The check a job runs before it splits: validate --expect refuses (exit 3) while one is missing. With
  // the flags the input was read with (`flags`: app/input-flags.ts), so that it runs as written (fx58).
  const expect = within.map((s) => ` --expect ${s.kind === 'province' || s.kind === 'kanwil' ? shellWord(`${s.kind}:${s.name}`) : 'national'}`).join('');
  const check = input === undefined ? undefined : `jamsostek validate ${shellWord(input)} --by ${scope.dim}${expect}${flags}`;
  // One province, Kanwil or the country: it is the scope said; of several, the input's, with each.
  return { code: 'split-in-part', total: Number(total), scope: within.length === 1 ? within[0]! : scope, ...(within.length > 1 ? { within } : {}), missing: missing.slice(0, 8), count: missing.length, ...(check ? { check } : {}) };
}

/**
 * --year from the bundled series is the national target: an input of some areas only cannot take it
 * (breakdown and coverage --year alike; a --series of one's own is the total of whatever it covers).
 * `way`: the run's --by and its input as typed, so that the hint's commands run as written (fx51: "its
 * rows of the national breakdown: jamsostek breakdown --year 2026" for a Kanwil's file by segment gave
 * provinces, not its Kanwil's segments; and "--target N --year 2026" lacked the input).
 */
export function refuseRegionalYear(base: Table, year: number, total: bigint, way: { readonly by: readonly string[]; readonly input: string; readonly coverage?: boolean }): Scope {
  const scope = scopeOfUnits(base);
  if (scope.kind !== 'national' && scope.kind !== 'unknown') {
    // The scope's own unit (a file by Kanwil is scoped as its provinces: "8 province units").
    const areaDim = scope.dim;
    // The input as one shell word: a glob or a name with a space pasted bare breaks the command (rv29 S4).
    const input = shellWord(way.input);
    const by = way.by.length ? ` --by ${way.by.join(',')}` : '';
    const national = `jamsostek breakdown --year ${year} --by ${nationalRowsBy(scope, way.by).join(',')}`;
    // coverage has no --target: its way is breakdown's round trip (rv28 R12: "--target N" was refused as unknown).
    const hint = !way.coverage
      ? { en: `give this input's own total with --target N (jamsostek breakdown --target N --year ${year} --input ${input}${by}), or take its rows of the national breakdown, without --input (${national})`, id: `berikan total input ini dengan --target N (jamsostek breakdown --target N --year ${year} --input ${input}${by}), atau ambil barisnya dalam rincian nasional, tanpa --input (${national})` }
      : {
          en: `split this input's own total with breakdown, then compare with it: jamsostek breakdown --target N --year ${year} --input ${input} -o targets.csv, then jamsostek coverage FILE --targets targets.csv (its rows of the national breakdown: ${national})`,
          id: `bagi total input ini dengan breakdown, lalu bandingkan dengannya: jamsostek breakdown --target N --year ${year} --input ${input} -o targets.csv, lalu jamsostek coverage BERKAS --targets targets.csv (barisnya dalam rincian nasional: ${national})`,
        };
    throw usage(
      { message: `--year ${year} is the national target (${groupDigits(total, 'en')}); the input covers only ${scope.areas} ${dimLabel(areaDim).en} units`, hint: hint.en },
      { message: `--year ${year} adalah target nasional (${groupDigits(total, 'id')}); input hanya mencakup ${scope.areas} ${dimLabel(areaDim).id}`, hint: hint.id },
    );
  }
  return scope;
}

/**
 * The --by of the national plan whose rows are a regional input's: the areas its --by names (kanwil,
 * province), else its whole Kanwil's row or its provinces' (a regency file: its province's), then segment
 * where --by has it; two keys at most, as breakdown plans. Example: a Kanwil's file, --by segment →
 * kanwil,segment.
 */
function nationalRowsBy(scope: Scope, by: readonly string[]): string[] {
  const areas = by.filter((d) => d === 'kanwil' || d === 'province');
  if (!areas.length) areas.push(scope.kind === 'kanwil' && scope.areas === scope.of && scope.dim === 'province' ? 'kanwil' : 'province');
  return by.includes('segment') && areas.length < 2 ? [...areas, 'segment'] : areas;
}

/**
 * The notes of the breakdown that planned a coverage report's targets. A report of some provinces hears
 * about the units it covers only (a regional report is not told that DKI Jakarta was held); a split by
 * kanwil or segment names units no province list can sort, and is said whole.
 */
function allocationNotes(result: AllocationResult, within: ReadonlySet<string> | undefined): Note[] {
  if (within === undefined || result.shape !== 'flat') return [...result.notes];
  // A plan by Kanwil (rv31 V7: breakdown --by kanwil's grid): the Kanwil of the report's provinces.
  const book = areaBook().provinces;
  const kanwils = result.dims[0] === 'kanwil' ? new Set([...within].map((c) => book.get(c)?.kanwil)) : undefined;
  const inScope = new Set(result.units.filter((u) => (kanwils ? kanwils.has(u.keys[0]!) : within.has(u.keys[0]!))).map((u) => u.labels[0]!));
  const out: Note[] = [];
  for (const n of result.notes) {
    if (n.code === 'held' || n.code === 'capped' || n.code === 'at-lower') {
      const units = n.units.filter((u) => inScope.has(u));
      if (units.length) out.push({ ...n, units });
    } else if (n.code === 'tie') {
      if (n.units.some((u) => inScope.has(u))) out.push(n);
    } else out.push(n);
  }
  return out;
}

/** --year Y with an input of December Y or later: refused (exit 2), saying when the series figure is an actual. */
export function refuseYearPast(totals: Totals, period: Period, bundled: boolean): never {
  const year = totals.year!;
  const what = bundled ? { en: 'the bundled baseline', id: 'baseline bawaan' } : { en: 'the input', id: 'input' };
  const next = Number(period.slice(0, 4)) + (period.endsWith('-12') ? 1 : 0);
  const hint = { en: `give the year the targets are for (${next} or later)`, id: `berikan tahun yang dituju target (${next} atau sesudahnya)` };
  if (period > `${year}-12`) {
    throw usage(
      { message: `--year ${year}: the input is of ${period}, after December ${year}: the targets would be for a December already past`, hint: hint.en },
      { message: `--year ${year}: input berasal dari ${period}, setelah Desember ${year}: target akan ditujukan ke Desember yang sudah lewat`, hint: hint.id },
    );
  }
  // The series' own figure for the year may be what was reached, not a target (kind=actual).
  const kind = totals.series?.sources.get(year);
  const src = kind?.match(/^actual \((.*)\)$/)?.[1];
  const actual = src !== undefined ? ` ${totals.series!.file}'s ${year} figure is the published actual (${src}), not a target.` : '';
  const actualId = src !== undefined ? ` Angka ${year} di ${totals.series!.file} adalah realisasi yang dipublikasikan (${src}), bukan target.` : '';
  throw usage(
    { message: `--year ${year}: ${what.en} is of ${period}, the December the targets would be for: there is no month left to reach them, and the difference from today is no increase to plan.${actual}`, hint: hint.en },
    { message: `--year ${year}: ${what.id} berasal dari ${period}, Desember yang dituju target: tidak ada bulan tersisa untuk mencapainya, dan selisih dengan kondisi saat ini bukan kenaikan yang dapat direncanakan.${actualId}`, hint: hint.id },
  );
}

/**
 * A plan on the bundled baseline starts from its provinces' participants, which leave out those the
 * baseline attributes to no province: the national target's increase then takes them in (the units'
 * increase is 8,854,868 where the national rise is 8,440,000). Said by breakdown (also --compare) and
 * coverage --year alike.
 */
const optional = <T>(x: T | undefined): T[] => (x === undefined ? [] : [x]);

/**
 * A national report by segment of the bundled baseline (no area in --by): its segment rows add up the 38
 * provinces' cells (BPU 9,098,262), which leave out the participants no province holds, where BPJS
 * publishes the national figure (BPU 9,190,000). Said with both figures, so that a row is never taken
 * for the published one.
 */
export function nationalSegmentsNote(grain: readonly string[], bundled: boolean): Note | undefined {
  if (!bundled || !grain.includes('segment') || grain.some((g) => g === 'province' || g === 'regency' || g === 'kanwil')) return undefined;
  const facts = baselineFacts();
  const segments = facts.segments.filter((s) => s.national > 0 && s.national !== s.provinces);
  if (!segments.length) return undefined;
  return { code: 'national-segments', segments, unattributed: facts.unattributed };
}

export function unattributedNote(result: AllocationResult): Note | undefined {
  if (result.total.participants === null) return undefined;
  const facts = baselineFacts();
  if (facts.unattributed > 0 && facts.national - result.total.participants === facts.unattributed) {
    return { code: 'unattributed-absorbed', unattributed: facts.unattributed, national: facts.national, participants: result.total.participants, total: Number(result.total.target) };
  }
  return undefined;
}
