// The planning of `breakdown`: read the units, the total stage by stage (the original and each revision
// in force), the shape, one rule, the margins; plan every stage; and, for --months or a revision, the
// path of milestones from the baseline to December of the target year.

import { planBreakdown, type AllocationResult } from '../core/allocation/plan.js';
import type { AllocationSpec, GivenTotal } from '../core/allocation/spec.js';
import { addMonths, monthsBetween, type Period } from '../core/calendar.js';
import type { Note } from '../core/facts.js';
import { breakdownMilestones, type BreakdownStage, type Milestones } from '../core/milestones.js';
import type { Phasing } from '../core/phasing.js';
import type { Scope } from '../core/scope.js';
import { atPeriod, type Table } from '../core/table.js';
import { InputError, say, usage } from '../errors.js';
import type { LoadOptions } from '../io/load.js';
import type { Io } from '../io/terminal.js';
import type { NamedColumn } from '../options/keys.js';
import type { CompareAxis, MarginSpec } from '../options/parse.js';
import { chooseDenominator, ruleColumns, shapeOf, splitRule, type RuleOptions } from '../options/specs.js';
import { latestMonthOnly } from './latest-month.js';
import { marginDims, planMargins } from './plan-margins.js';
import { asConfigInput } from './config-input.js';
import { breakdownSchema, readData, refuseSpareGaps, stdinNamed, stdinOnce, type Read } from './read.js';
import type { Session } from './session.js';
import { defaultDenominatorNote, inputDenominator } from './denominator.js';
import { takenAsNational } from './no-area.js';
import { inputFlagWords } from './input-flags.js';
import { asOfOnPath, gridNotes, nationalSegmentsNote, refuseRegionalYear, scopeOfUnits, splitInPart, phasingProfile, planStages, plannedTotals, refuseProfileProblem, refuseUndrawablePath, refuseYearPast, ruleFacts, unattributedNote, waypointsNote, type TotalOptions, type Totals } from './targets.js';
import type { RevisionFacts, RuleFacts } from '../core/coverage/targets.js';
import { segmentRowsMissing } from '../io/segment-rows.js';
import { bundledZero } from '../io/bundled.js';

export interface BreakdownOptions extends TotalOptions, RuleOptions {
  readonly input?: string;
  readonly denominator?: string;
  readonly rowTotals?: MarginSpec;
  readonly columnTotals?: MarginSpec;
  readonly months?: boolean;
  readonly phasing?: string;
  /** --compare: a matrix refuses hamilton among the methods, naming --compare. */
  readonly compare?: readonly CompareAxis[];
}

export interface BreakdownPlan {
  readonly read: Read;
  readonly base: Table;
  readonly spec: AllocationSpec;
  /** The result in force (the last stage); undefined for --compare, which plans its own variants. */
  readonly result?: AllocationResult;
  readonly stages: readonly BreakdownStage[];
  readonly totals?: Totals;
  readonly scope: Scope;
  readonly rule?: RuleFacts;
  readonly revision?: RevisionFacts & { readonly start?: readonly bigint[] };
  /** --months: the path; for a revision, also computed (its start is the revision's from_milestone). */
  readonly path?: Milestones;
  readonly phasing: string;
  readonly notes: Note[];
}

/**
 * `compare`: the variants of --compare, whose columns and denominators are read too; the run then
 * stops at the spec (each variant is planned by app/compare.ts).
 */
export async function planBreakdownRun(o: BreakdownOptions, grain: readonly string[], load: LoadOptions, io: Io, session: Session, compare?: { readonly columns: readonly NamedColumn[]; readonly denominators: readonly string[] }): Promise<BreakdownPlan> {
  return asConfigInput(o, () => planBreakdownOnce(o, grain, load, io, session, compare));
}

async function planBreakdownOnce(o: BreakdownOptions, grain: readonly string[], load: LoadOptions, io: Io, session: Session, compare?: { readonly columns: readonly NamedColumn[]; readonly denominators: readonly string[] }): Promise<BreakdownPlan> {
  const rule = splitRule(o);
  const needsParticipants = !compare && (rule.mode !== 'level' || rule.lower.kind === 'default' || rule.basis?.kind === 'uncovered' || rule.basis?.kind === 'participants');
  stdinOnce([], o as Readonly<Record<string, unknown>>);
  const read = await readData(o.input ? [o.input] : [], breakdownSchema(grain, compare?.columns ?? ruleColumns(rule), compare?.denominators ?? o.denominator, needsParticipants), load, io, session, undefined, stdinNamed(o as Readonly<Record<string, unknown>>));
  // An input by area × segment whose area lacks a segment the others give: its figures are the rows' (rv31 V11), said.
  const rowsMissing = read.table.rule === 'refuse' && !read.bundled ? segmentRowsMissing(read.table, bundledZero) : undefined;
  if (rowsMissing) session.notes([rowsMissing]);
  const base = read.period ? atPeriod(read.table, read.period) : read.table;
  const totals = await plannedTotals(o, load, io);
  const segmentsNote = nationalSegmentsNote(grain, read.bundled);
  const notes: Note[] = [...(segmentsNote ? [segmentsNote] : []), ...(totals?.notes ?? [])];
  const months = read.period ? latestMonthOnly(read.table, read.period, grain) : undefined;
  if (months) notes.push(months);
  configPeriodUnused(session, read.period);
  // Targets for a December before the input's month are for a year already past (coverage refuses
  // such a targets file later; refused here, before a plan is written for it). December of --year
  // itself is refused too: there is no month left to reach a target, and the "increase" would be
  // handed out as if it were one (data/targets.csv's 2023 is December 2023's published actual).
  if (totals?.year !== undefined && read.period && read.period >= `${totals.year}-12`) refuseYearPast(totals, read.period, read.bundled);

  // The scope: the bundled series is the national target, for the whole country, not for some of its
  // areas (a --series file of one's own is the total of whatever the input covers).
  const fromSeries = o.target === undefined && o.year !== undefined;
  const scope = fromSeries && !o.series ? refuseRegionalYear(base, o.year!, totals!.stages[totals!.stages.length - 1]!.total.value, { by: grain, input: o.input ?? '-' }) : scopeOfUnits(base);
  // An input with no area column meets the national target: said, and refused when it is plainly a region's (rv28 R4).
  const taken = fromSeries && !o.series && !read.bundled ? takenAsNational(base, read.period, 'target', 'breakdown', { year: o.year!, input: o.input ?? '-', by: grain }) : undefined;
  if (taken) notes.push(taken);
  // The user's own total (--target, a --series of one's own) over some of an area's parts only (rv34 R8).
  const inPart = !fromSeries || o.series ? (totals ? splitInPart(base, scope, totals.stages[totals.stages.length - 1]!.total.value, o.input, inputFlagWords(o)) : undefined) : undefined;
  if (inPart && !read.bundled) notes.push(inPart);

  const shape = shapeOf(grain, base, o);
  const margins = await planMargins(o, grain, shape, load);
  // None named: the column every file of the month planned from gives, as coverage takes it (rv29 S2,
  // fx41); the first any file has divided one file's rows and left the others' without a denominator.
  const chosen = o.denominator === undefined && !read.bundled && !compare ? inputDenominator(read.table, read.period) : { measure: chooseDenominator(o.denominator, [base]) };
  if (chosen.within) for (const n of defaultDenominatorNote(o.denominator, chosen.measure, read.table, chosen)) notes.push(n);
  const spec: AllocationSpec = {
    total: totals ? totals.stages[totals.stages.length - 1]!.total : undefined,
    shape,
    rule,
    denominator: chosen.measure,
    rowTotals: margins.rowTotals,
    columnTotals: margins.columnTotals,
  };
  // --compare's variants each divide by their own (app/compare.ts).
  if (!read.bundled && !compare) refuseSpareGaps(spec.denominator, [read.table], load.maxErrors);
  if (compare) return { read, base, spec, stages: [], totals, scope, phasing: 'even', notes };
  const plan = (total: GivenTotal | undefined): AllocationResult => planBreakdown({ ...spec, total }, base);
  const national = fromSeries && (read.bundled || scope.kind === 'national' || o.series !== undefined);
  // The totals given are the target year's: the Decembers on the way are split by the rule alone (rv25 F12).
  const onTheWay = (total: GivenTotal): AllocationResult => planBreakdown({ ...spec, total, rowTotals: undefined, columnTotals: undefined }, base);
  const stages = totals ? planStages(totals, plan, read.period, national, onTheWay) : [{ result: plan(undefined) }];
  const result = stages[stages.length - 1]!.result;

  // The path: for --months, and for a revision (where the revised path starts).
  let path: Milestones | undefined;
  let phasing = 'even';
  // The year's target revised (a stage of the path only, `along`, revises a December on the way).
  const revised = stages.some((s, i) => i > 0 && !s.along);
  if (o.months || revised) {
    if (!read.period) throw usage('--months and revisions need the baseline month: add a period column (YYYY-MM) to the input', '--months dan revisi memerlukan bulan dasar: tambahkan kolom periode (YYYY-MM) ke input');
    const year = totals?.year;
    if (year === undefined) throw usage({ message: '--months needs the target year: the December the targets are for', hint: '--year <yyyy> (with --target N: the total for December of that year)' }, { message: '--months memerlukan tahun target: Desember yang dituju target', hint: '--year <yyyy> (dengan --target N: total untuk Desember tahun itu)' });
    let profile: Phasing = { kind: 'even' };
    if (o.phasing && o.phasing !== 'even') {
      profile = await phasingProfile(o.phasing, load, io);
      phasing = o.phasing;
    }
    path = milestonesOrThrow(breakdownMilestones(stages, read.period, year, profile), read.period, year, o.phasing, scope);
    for (const n of gridNotes(path, result.dims)) notes.push(n);
    // A profile by calendar month with weights for months the path does not pass (January–June for a
    // June baseline): those are left out and the others share the increase. Said.
    if (profile.kind === 'profile') {
      const passed = new Set<string>();
      for (let m = addMonths(read.period, 1); m <= `${year}-12`; m = addMonths(m, 1)) passed.add(String(Number(m.slice(5))));
      const unused = [...profile.weights].filter(([k, w]) => /^\d{1,2}$/.test(k) && w > 0 && !passed.has(String(Number(k)))).map(([k]) => Number(k)).sort((a, b) => a - b);
      if (unused.length) notes.push({ code: 'profile-cut', months: unused, from: read.period, source: profile.source });
    }
    const missing = decembersWithout(stages[stages.length - 1]!, read.period, year);
    const through = waypointsNote(stages, read.period, year, path, totals, marginDims(margins));
    if (through) notes.push(through);
    if (missing.length) notes.push({ code: 'no-waypoints', from: read.period, year, source: fromSeries ? (totals!.series?.file ?? 'data/targets.csv') : '--target', missing });
  }
  // The bundled baseline's participants not attributed to any province are in the national figure,
  // not in the units': planned from the units' sum, the units' increase takes them in. Said.
  const absorbed = read.bundled ? unattributedNote(result) : undefined;
  if (absorbed) notes.push(absorbed);
  // Where the revision in force starts: the month before its own `from` (not a later stage's of the path only).
  const lastOwn = [...stages].reverse().find((s) => !s.along);
  const lastStart = revised && path && lastOwn?.from ? path.starts.find((s) => s.month === addMonths(lastOwn.from!, -1)) : undefined;
  return {
    read,
    base,
    spec,
    result,
    stages,
    // --months: --as-of picks the revised Decembers on the way too (rv22 G2).
    totals: totals && o.months ? asOfOnPath(totals, read.period, national) : totals,
    scope,
    rule: ruleFacts(rule, result),
    ...(totals?.revision ? { revision: { ...totals.revision, ...(lastStart ? { start: lastStart.values } : {}) } } : {}),
    ...(o.months ? { path } : {}),
    phasing,
    notes,
  };
}

/** The Decembers strictly between the baseline and the target year's that the stage has no target for. */
function decembersWithout(stage: BreakdownStage, from: Period, year: number): number[] {
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y < year; y++) {
    const dec = `${y}-12`;
    if (dec > from && monthsBetween(from, dec) > 0 && !stage.waypoints?.has(dec)) out.push(y);
  }
  return out;
}

function milestonesOrThrow(path: ReturnType<typeof breakdownMilestones>, from: Period, year: number, phasing: string | undefined, scope: Scope): Milestones {
  if (!('problem' in path)) return path;
  switch (path.problem) {
    case 'no-months':
      throw usage(`--months: the baseline ${from} is already at or after December ${year}`, `--months: bulan dasar ${from} sudah sama dengan atau setelah Desember ${year}`);
    case 'below-start':
      if (path.month) return refuseUndrawablePath({ ...path, month: path.month }, year, scope);
      throw new InputError(say(
        { message: `--months: the target of ${path.unit} is below today, so its milestones cannot rise to it`, hint: 'milestones need targets at or above today (the default --min)' },
        { message: `--months: target ${path.unit} di bawah kondisi saat ini, sehingga tonggaknya tidak dapat naik ke target itu`, hint: 'tonggak memerlukan target yang sama dengan atau di atas kondisi saat ini (--min bawaan)' },
      ));
    case 'anchor-outside':
      return refuseUndrawablePath(path, year, scope);
    case 'profile-zero':
    case 'profile-month':
      return refuseProfileProblem(path, phasing);
  }
}

/**
 * The config's "period" is coverage's (the month it reports): breakdown has no --period and plans from
 * the input's latest month. Said when that is another month than the config's, so that an office's
 * config is not taken as applied (rv25 M1).
 */
function configPeriodUnused(session: Session, planned: string | undefined): void {
  const config = session.config;
  const value = config?.values.get('period');
  if (typeof value !== 'string' || value === planned) return;
  const from = planned ? { en: `the input's latest month, ${planned}`, id: `bulan terakhir input, ${planned}` } : { en: 'the input as it is (it has no month)', id: 'input apa adanya (tanpa bulan)' };
  session.note({
    en: `"period" in ${config!.file} (${value}) is coverage's: breakdown does not use it, and plans from ${from.en}; to plan from ${value}, give an input of that month`,
    id: `"period" di ${config!.file} (${value}) milik coverage: breakdown tidak memakainya, dan berangkat dari ${from.id}; untuk berangkat dari ${value}, berikan input bulan itu`,
  });
}
