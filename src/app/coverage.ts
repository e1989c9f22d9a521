// The reading and planning that `coverage` and `validate` share, so that the two accept and refuse
// exactly the same files: the inputs (files or the bundled baseline), the previous month, the
// denominators of an extract, who must report (--expect), the targets, and planCoverage.

import { latestPeriod, type Period } from '../core/calendar.js';
import { planCoverage, type CoverageResult } from '../core/coverage/plan.js';
import { isMonthly, TargetFrameError, type Targets } from '../core/coverage/targets.js';
import { describeCoreError } from '../report/problems.js';
import { inEveryRun, type Note } from '../core/facts.js';
import { canonicalColumn } from '../core/columns.js';
import { declaredScope, expectedKeys, type ExpectSpec } from '../core/scope.js';
import { columnsOf, dimIndex, hasMeasure, keysOf, labelOf, type RowRef, type Table } from '../core/table.js';
import { InputError, ProblemList, say, usage, type Problem } from '../errors.js';
import { bundledZero, datedByFigure, loadBaseline } from '../io/bundled.js';
import { areaBook, resolveExpect } from '../io/geography.js';
import { overCoverageExceptions } from '../io/exceptions.js';
import { fromConfigFile, settingName } from '../options/origin.js';
import { expandInputs, lockFilesWords } from '../io/inputs.js';
import { loadTable, spareGapsOf, type LoadedTable, type LoadOptions } from '../io/load.js';
import type { Io } from '../io/terminal.js';
import type { ExpectInput } from '../options/parse.js';
import { chooseDenominator, type RuleOptions } from '../options/specs.js';
import { asConfigInput } from './config-input.js';
import { coverageSchema, dataFiles, readData, refuseSpareGaps, stdinNamed, stdinOnce, type Read } from './read.js';
import { defaultDenominatorNote, inputDenominator } from './denominator.js';
import type { Session } from './session.js';
import { checkExpectSplits, checkSplits } from './splits.js';
import { nationalTargets, takenAsNational } from './no-area.js';
import { checkEarlierMonth, checkPreviousAreas } from './previous-area.js';
import { segmentsInPart } from '../core/coverage/segments-in-part.js';
import { absentShare, SMALL_SEGMENTS, targetsOfSegments, withoutSegments } from './segments.js';
import { segmentRowsMissing } from '../io/segment-rows.js';
import { coverageTargets, nationalSegmentsNote, plannedFigures, type PlannedDenominators, type TotalOptions } from './targets.js';
import type { MarginSpec } from '../options/parse.js';
import { partDimsOf, storyOfPartsWithTarget } from './parts-with-target.js';
import { PACE_NOTES, planDifferences, planName, type PlanDifferences, type TargetPlan } from '../report/coverage-compare.js';

/** The denominator columns a regional file may have (options/specs.ts chooses among them). */
const DENOMINATORS = ['workforce', 'employed', 'potential_workers'];

export interface CoverageOptions extends TotalOptions, RuleOptions {
  readonly denominator?: string;
  readonly targets?: string;
  readonly period?: Period;
  readonly previous?: readonly string[];
  readonly atRiskMargin?: number;
  readonly extract?: boolean;
  readonly workforce?: string;
  readonly expect?: readonly ExpectInput[];
  readonly paceWindow?: number;
  readonly compareTargets?: readonly string[];
  /** --phasing / the config's "phasing": a profile that phases the milestones, as breakdown --months's. */
  readonly phasing?: string;
  /** --year plans on these units and with these totals, as breakdown does (the config's "input", "rowTotals", "columnTotals"; rv25 F12, F13). */
  readonly input?: string;
  readonly rowTotals?: MarginSpec;
  readonly columnTotals?: MarginSpec;
}

export interface CoveragePlan {
  readonly read: Read;
  readonly previous?: LoadedTable;
  readonly result: CoverageResult;
  readonly notes: Note[];
  readonly denominatorSource?: string;
  readonly targetsSource?: string;
  readonly targetsBaselinePeriod?: string;
  /** Every file read, for the protection of inputs. */
  readonly files: readonly string[];
  /** --workforce's files as read (validate lists them with the columns the run does not use). */
  readonly workforce?: LoadedTable;
  /** --compare-targets: the run's targets and each other plan's, the same data against each. */
  readonly plans?: readonly TargetPlan[];
  /** --compare-targets: each plan's own notes (`about`: its label), then what the comparison must say. */
  readonly planNotes?: readonly { readonly about?: string; readonly notes: readonly Note[] }[];
  /** With plans: their differences like for like, found once for the notes and the report. */
  readonly differences?: PlanDifferences;
  /** Why --as-of has nothing to pick: no targets of the run (nor a compared plan) have a revision. */
  readonly nothingAsOf?: { readonly en: string; readonly id: string };
}

export async function planCoverageRun(files: readonly string[], o: CoverageOptions, grain: readonly string[], load: LoadOptions, io: Io, session: Session): Promise<CoveragePlan> {
  return asConfigInput(o, () => planCoverageOnce(files, o, grain, load, io, session));
}

async function planCoverageOnce(files: readonly string[], o: CoverageOptions, grain: readonly string[], load: LoadOptions, io: Io, session: Session): Promise<CoveragePlan> {
  // --denominator in its standard form (potensi_pekerja, "Potensi Pekerja" → potential_workers), as the
  // loader names the input's columns: the raw spelling would miss the input's own column (rv16 #2).
  const wanted = o.denominator === undefined ? undefined : canonicalColumn(o.denominator);
  const schema = { ...coverageSchema(grain, wanted, o.extract ?? false), period: o.period };
  // The config's (or a typed) --input is read only with no file named or for --year's plan: a `-` there
  // that the run leaves aside is no second reader of standard input (rv29 S3).
  const inputRead = !files.length || (o.year !== undefined && !o.targets);
  stdinOnce(files, (inputRead ? o : { ...o, input: undefined }) as Readonly<Record<string, unknown>>);
  // No file named: the run reports --input (or the config's "input"), the units --year plans on too.
  if (!files.length && o.input === '-' && o.year !== undefined && !o.targets) {
    throw usage(
      { message: 'standard input (-) can be read only once: --input - is both the data reported and the units --year plans on', hint: 'save it to a file and give that file with --input' },
      { message: 'masukan standar (-) hanya dapat dibaca sekali: --input - adalah data yang dilaporkan sekaligus unit yang direncanakan --year', hint: 'simpan ke berkas dan berikan berkas itu dengan --input' },
    );
  }
  const setting = settingName(o, 'input');
  const data = await dataFiles(files, o.input, { en: setting.en === '--input' ? 'given with --input' : setting.en, id: setting.id === '--input' ? 'yang diberikan dengan --input' : setting.id }, session, 'coverage', stdinNamed(o as Readonly<Record<string, unknown>>));
  // Every file of the run is read before one is refused, so that one run lists every problem: the input's
  // cells, --previous's and --workforce's, and the blanks of the column the run divides by (fx44: fixed one
  // file at a time, the next was refused only at the next run).
  const refused: InputError[] = [];
  const heard = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      refused.push(e);
      return undefined;
    }
  };
  const readOr = await heard(() => readData(data, schema, load, io, session, 'jamsostek coverage FILE…', stdinNamed(o as Readonly<Record<string, unknown>>)));
  const prevFiles = o.previous?.length ? await expandInputs(o.previous, io, (locks) => session.caution(lockFilesWords(locks))) : [];
  const prevLoaded = prevFiles.length ? await heard(() => loadTable(prevFiles, schema, load)) : undefined;
  const workforceSchema = { role: '--workforce', dims: grain, measures: schema.measures, denominator: schema.denominator, ...(schema.divides ? { divides: schema.divides } : {}), rule: 'refuse' as const, segmentParts: true, deriveKanwil: grain.includes('kanwil') };
  const loadWorkforce = async (file: string): Promise<LoadedTable> => loadTable(await expandInputs([file], io), workforceSchema, { ...load, allowOverCoverage: true });
  if (!readOr) {
    if (o.workforce) await heard(() => loadWorkforce(o.workforce!));
    throw together(refused, [], load.maxErrors);
  }
  const read = readOr;
  const previous = prevLoaded ? datedPrevious(prevLoaded, read.table.rule) : undefined;
  if (previous) checkPreviousAreas(read.table, { table: previous, file: previous.sources.map((s) => s.name).join(', ') }, grain);
  else checkEarlierMonth(read.table, o.period, grain);
  // Counts without denominators of their own (an extract, or the per-period × key counts a warehouse
  // query gives): --workforce, or the bundled baseline's, for both alike.
  let denominators: Table | undefined;
  let denominatorSource: string | undefined;
  let bundled = false;
  const own = wanted ? hasMeasure(read.table, wanted) : chooseDenominator(undefined, [read.table]) !== undefined;
  // A config's "workforce" (kept for the office's extracts) is a default shared by many runs: on a file
  // with its own denominators it is left aside, said; typed, it would do nothing and is refused (rv27 F5).
  let workforce = o.workforce;
  if (workforce && own && fromConfigFile(o, 'workforce')) {
    const name = settingName(o, 'workforce');
    session.note({ en: `${name.en} is left aside: the input has its own denominator column`, id: `${name.id} dikesampingkan: input sudah memiliki kolom penyebut sendiri` });
    workforce = undefined;
  }
  if (workforce && own) {
    throw usage(
      { message: '--workforce would have no effect: the input has its own denominator column', hint: 'leave out --workforce; the denominators come from the input' },
      { message: '--workforce tidak berpengaruh: input sudah memiliki kolom penyebut sendiri', hint: 'hilangkan --workforce; penyebut diambil dari input' },
    );
  }
  let workforceNotes: Note[] = [];
  let wfLoaded: LoadedTable | undefined;
  if (!own) {
    const wf = workforce ? await heard(() => loadWorkforce(workforce!)) : await loadBaseline(schema, load);
    if (!wf) throw together(refused, [], load.maxErrors);
    // Every month of it: the plan takes each area's figure of the month reported, or the nearest (and
    // says which), for the month reported and for the previous month alike.
    denominators = wf;
    denominatorSource = workforce;
    if (workforce) {
      workforceNotes = workforceUnread(wf);
      wfLoaded = wf;
    }
    bundled = !workforce;
  }
  const period = o.period ?? latestPeriod(keysOf(read.table, 'period'));
  // None named: the input's own, the first column every file of the month reported gives (rv29 S2).
  // So too --workforce's files (a folder of them): the first column every one gives.
  const chosen = o.denominator === undefined && (own || wfLoaded) ? inputDenominator(own ? read.table : wfLoaded!, own ? period : undefined) : { measure: chooseDenominator(o.denominator, denominators ? [read.table, denominators] : [read.table]) };
  // A file refused already (--previous): its problems, with the blanks of that column in the others.
  if (refused.length) throw together(refused, [read.bundled ? undefined : read.table, wfLoaded].flatMap((t) => (t && chosen.measure ? spareGapsOf(t, chosen.measure) : [])), load.maxErrors);
  // Segment rows of some segments only against a denominator that counts every segment's workers (a
  // Kanwil's PU row over Sulama's 11,710,085 employed: 16.7 % as its coverage; fx44). An area lacking a
  // segment the others give reads it as 0, warned (`segment-rows-missing`: a SQL GROUP BY writes no row for
  // Papua Tengah's 0 PMI; said in every --by, rv31 V11), but not where the bundled baseline has 0 there
  // (rv32 W3). Segments no row gives at all: coverage is kept when they are small in the country (under
  // 5 % of the bundled participants: PMI, 1.1 %), else withheld (a PU-only file); said either way (rv32 W2).
  const found = chosen.measure !== undefined && read.table.rule !== 'sum' ? segmentsInPart(read.table, period, chosen.measure, own ? [read.table] : denominators ? [denominators] : []) : undefined;
  const denominatorOf = own ? 'the input' : (workforce ?? 'data/baseline.csv');
  const rowsMissing = read.table.rule === 'refuse' && !read.bundled ? segmentRowsMissing(read.table, bundledZero) : undefined;
  if (rowsMissing) session.notes([rowsMissing]);
  const absent = found?.missing.length ? absentShare(found.missing) : undefined;
  const inPart = found && absent !== undefined && absent >= SMALL_SEGMENTS ? found : undefined;
  const denominator = inPart ? undefined : chosen.measure;
  // The column divided by, in every file of the run that gives it: refused at a blank or 0 let through.
  refuseSpareGaps(denominator, [read.bundled ? undefined : read.table, prevLoaded, wfLoaded], load.maxErrors);
  // The bundled baseline's figures are each of their own month (employed of August 2023, DKI Jakarta's
  // of August 2024…), not of the baseline's 2023-12: dated so, the plan says which month each area's is.
  if (bundled && denominators && chosen.measure) denominators = datedByFigure(denominators as LoadedTable, chosen.measure);
  // Some segments' participants are still never above every worker (2,600,000 of PU and BPU over Aceh's
  // 2,450,000 employed is refused, as with every segment: rv23 F8): held to the denominator, then left without it.
  const heldTo = inPart ? { denominators, measure: chosen.measure } : undefined;
  if (inPart) {
    denominators = undefined;
    denominatorSource = undefined;
    bundled = false;
  }
  // A previous month needs the month reported: an undated input with a dated --previous would compare
  // figures of no stated month with May's (and take the denominators' latest month for "now").
  if (previous && period === undefined) {
    throw usage(
      { message: '--previous needs the month reported, and the input has no period column', hint: 'add a period column to the input, or pass --period YYYY-MM' },
      { message: '--previous memerlukan bulan yang dilaporkan, dan input tidak memiliki kolom periode', hint: 'tambahkan kolom period ke input, atau berikan --period YYYY-MM' },
    );
  }
  // A Papua or Papua Barat row dated before the 2022 splits is of the old, larger province (rv21 B).
  checkSplits([read.table, previous], period, bundled);
  const expected = o.expect?.length ? await expectedAreas(o.expect, grain, load, io) : undefined;
  if (expected?.dim === 'province' && o.expect!.some((e) => e.kind !== 'file')) checkExpectSplits(expected.keys.keys(), period);
  const within = provincesOf(read.table, expected);
  const given = await coverageTargets(o, grain, period, load, io, within);
  const targets = withoutSegments(given, found?.missing);
  // An input with no area column meets a national figure of the tool's (--year's national target, the
  // bundled denominators): taken as national, said; refused when plainly a region's (rv28 R4). Targets of
  // one's own keyed by the data's own keys (region, branch, sector) are that data's frame, not national.
  // So too a --targets file of national size with no area column (`breakdown --year 2026 --by segment`:
  // 70,000,000) against an input with none: a Kanwil's 3.3 M is refused, not compared with it (fx41).
  const nationalFile = !read.bundled && targets && o.targets ? nationalTargets(targets.targets, period) : undefined;
  const against = read.bundled ? undefined : targets && !o.targets && o.series === undefined ? 'target' : (nationalFile ?? (bundled ? 'denominators' : undefined));
  const taken = against ? takenAsNational(read.table, period, against, 'coverage') : undefined;
  const spec = { grain, period: o.period, denominator, atRiskMargin: o.atRiskMargin ?? 0.05, asOf: o.asOf, expected, areas: areaBook(), paceWindow: o.paceWindow, allowOverCoverage: load.allowOverCoverage, exceptions: overCoverageExceptions() };
  const planned = afterYearHint(
    () => {
      if (heldTo) planCoverage({ current: read.table, previous, denominators: heldTo.denominators, targets: targets?.targets, zeroSegment: bundledZero, everyParticipant: read.table.rule === 'sum' }, { ...spec, denominator: heldTo.measure });
      return planCoverage({ current: read.table, previous, denominators, targets: targets?.targets, zeroSegment: bundledZero, everyParticipant: read.table.rule === 'sum' }, spec);
    },
    targets?.targets,
    o,
    read.table,
  );
  const result = storyOfPartsWithTarget(planned, () => planCoverage({ current: read.table, previous, denominators, targets: targets?.targets, zeroSegment: bundledZero, everyParticipant: read.table.rule === 'sum' }, { ...spec, grain: [...grain, ...partDimsOf(planned)] }), spec.atRiskMargin);
  // The bundled figures' own months, of the report's areas: "data/baseline.csv (employed of 2023-08, 2024-08)".
  if (bundled) denominatorSource = `data/baseline.csv (${result.denominatorMonths?.length ? `${denominator} of ${result.denominatorMonths.join(', ')}` : 'no month'})`;
  let plans: TargetPlan[] | undefined;
  const segmentsNote = nationalSegmentsNote(grain, read.bundled);
  const targetsWhole = targets && given ? targetsOfSegments(given, targets, found?.missing ?? []) : undefined;
  const segmentsWhole: Note[] = found && absent !== undefined ? [{ code: 'segments-in-part', measure: chosen.measure!, source: denominatorOf, given: found.given, missing: found.missing, share: absent, kept: !inPart, ...(targetsWhole ? { targets: targetsWhole } : {}) }] : [];
  let runNotes: Note[] = [...(taken ? [taken] : []), ...workforceNotes, ...(segmentsNote ? [segmentsNote] : []), ...segmentsWhole, ...(targets?.notes ?? []), ...(inPart ? result.notes.filter((n) => n.code !== 'no-denominator') : result.notes), ...(read.table.rule === 'sum' ? [] : addedOver(result, read.table, previous))];
  let planNotes: { about?: string; notes: readonly Note[] }[] | undefined;
  // What is said of the plan of --year (its denominator is not the report's): beside plans, it is that plan's (rv19).
  let base: Note[] = planBase(targets?.targets.rule?.denominator, denominator, o.year, targets?.bases);
  // The same name, other figures: the plan's denominators against the report's, province by province (rv25 F11, F13).
  if (!base.length && targets?.planned && denominator) base = await planFigures(result, targets.planned, denominator, denominators ?? read.table, () => (bundled && denominators ? Promise.resolve(denominators) : loadBaseline(schema, load)));
  let differences: PlanDifferences | undefined;
  let nothingAsOf = targets?.nothingAsOf;
  if (o.compareTargets?.length && targets) {
    const taken = new Set<string>();
    const each: { label: string; result: CoverageResult; notes: Note[] }[] = [{ label: o.targets ?? `plan ${o.year}`, result, notes: [...base, ...runNotes] }];
    base = [];
    const seenPlans = new Map<string, string>();
    if (o.targets) for (const s of targets.targets.table.sources) if (s.sha256) seenPlans.set(s.sha256, `--targets ${s.name}`);
    for (const file of o.compareTargets) {
      const otherGiven = await coverageTargets({ ...o, targets: file }, grain, period, load, io, within).catch((e: unknown) => {
        throw namedPlan(e, file);
      });
      // Cut to the segments of the data as the run's own targets are (PMI's targets out of a file without
      // PMI rows), and said so under its label: plan against plan, like for like (fx53).
      const other = withoutSegments(otherGiven, found?.missing);
      if (segmentsWhole.length) other!.notes.unshift({ ...(segmentsWhole[0] as Extract<Note, { code: 'segments-in-part' }>), targets: targetsOfSegments(otherGiven!, other, found?.missing ?? []) });
      samePlanTwice(other!.targets.table.sources, seenPlans);
      // A compared plan of national size meets the input as the run's own would (fx41).
      const otherNational = !read.bundled && !nationalFile ? nationalTargets(other!.targets, period) : undefined;
      const otherTaken = otherNational ? takenAsNational(read.table, period, otherNational, 'coverage') : undefined;
      if (otherTaken) other!.notes.push(otherTaken);
      if (!other!.nothingAsOf) nothingAsOf = undefined;
      // A refusal of the compared plan (a month before its baseline, a revision not yet in force) names its file (rv14).
      let r: CoverageResult;
      try {
        r = planCoverage({ current: read.table, previous, denominators, targets: other!.targets, zeroSegment: bundledZero, everyParticipant: read.table.rule === 'sum' }, spec);
      } catch (e) {
        throw namedPlan(e, file);
      }
      each.push({ label: file, result: r, notes: [...other!.notes, ...r.notes] });
    }
    // The plans side by side have no pace nor projection columns: notes about them would explain nothing shown.
    for (const p of each) p.notes = p.notes.filter((n) => !PACE_NOTES.has(n.code));
    // The notes every plan has are the run's, said once; the others are said under their plan's label.
    const shared = inEveryRun(each.map((p) => p.notes));
    runNotes = each[0]!.notes.filter(shared);
    plans = each.map((p) => {
      const name = planName(p.label, taken);
      taken.add(name);
      return { name, label: p.label, result: p.result, notes: p.notes.filter((n) => !shared(n)) };
    });
    differences = planDifferences(plans);
    planNotes = [...plans.map((p) => ({ about: `[${p.label}]`, notes: [...p.notes!] })), { notes: differences.notes }];
  }
  return {
    read,
    previous,
    result,
    notes: [...base, ...(bundled ? [{ code: 'bundled-denominators' as const, ...(denominator ? { measure: denominator } : {}), inputHas: DENOMINATORS.filter((m) => hasMeasure(read.table, m)) }] : []), ...(own ? defaultDenominatorNote(o.denominator, denominator, read.table, chosen) : defaultDenominatorNote(o.denominator, denominator, wfLoaded, { source: workforce })), ...runNotes],
    ...(planNotes ? { planNotes } : {}),
    ...(wfLoaded ? { workforce: wfLoaded } : {}),
    denominatorSource,
    targetsSource: targets?.targets.source,
    targetsBaselinePeriod: targets?.targets.baselinePeriod,
    ...(plans ? { plans, differences } : {}),
    ...(nothingAsOf ? { nothingAsOf } : {}),
    files: [...read.inputs, ...prevFiles, ...(o.input && o.year !== undefined && !o.targets ? [o.input] : []), ...(o.compareTargets ?? []), ...(workforce ? [workforce] : []), ...(o.targets ? [o.targets] : []), ...(o.series ? [o.series] : []), ...(o.expect ?? []).flatMap((e) => (e.kind === 'file' ? [e.path] : []))],
  };
}

/**
 * A report after the targets' December: what made the targets (a month-by-month file, --year) and the
 * input's latest month of their year, for a hint that works when typed (fx44: a --months file was offered
 * `breakdown --year Y`, a yearly file; --year's run a file; --period a month the input does not have).
 */
function afterYearHint<T>(plan: () => T, targets: Targets | undefined, o: CoverageOptions, table: Table): T {
  try {
    return plan();
  } catch (e) {
    if (!(e instanceof TargetFrameError) || !targets || (e.problem.kind !== 'after-year' && e.problem.kind !== 'before-baseline')) throw e;
    const months = keysOf(table, 'period').sort();
    const made = o.targets !== undefined ? (isMonthly(targets.table) ? ('months' as const) : undefined) : o.year !== undefined ? ('year' as const) : undefined;
    const p = e.problem;
    if (p.kind === 'after-year') throw new TargetFrameError({ ...p, ...(made ? { made } : {}), inYear: months.filter((m) => m.startsWith(`${p.year}-`)).at(-1) ?? null });
    throw new TargetFrameError({ ...p, ...(made ? { made } : {}), year: targets.year, fromBaseline: months.filter((m) => m >= p.baseline).at(-1) ?? null });
  }
}

/**
 * The refusals of the run's files as one (fx44), up to --max-errors; each load's closing notes (files left
 * unread, problems not listed) after the problems. One refusal alone is itself.
 */
function together(errors: readonly InputError[], more: readonly Problem[], maxErrors: number): InputError {
  if (errors.length === 1 && !more.length) return errors[0]!;
  const list = new ProblemList(maxErrors);
  const closing: Problem[] = [];
  for (const d of errors.flatMap((e) => e.diagnostics).concat(more)) {
    if (d.severity === 'note' && d.omitted === undefined) closing.push(d);
    else list.addAll([d]);
  }
  return new InputError(list.list().concat(closing));
}

/**
 * --previous: an earlier month than the one reported, so its files must say their month: a file without
 * one would be taken as the month before whatever it holds (and was dropped without a word). Refused.
 * It is also of the input's kind: a regional file as the previous month of an extract (or the other way
 * round) is refused, as the two are as inputs (rv17 F11).
 */
function datedPrevious(t: LoadedTable, rule: LoadedTable['rule']): LoadedTable {
  if (t.rule !== rule) {
    const file = t.sources[0]?.name ?? '--previous';
    throw new InputError(
      rule === 'sum'
        ? say(
            { message: `${file}: --previous: a regional file, but the input is a per-participant or per-employer extract`, hint: 'give the previous month in the same form as the input (the extract of that month), or, if it holds the counts of the extract (docs/warehouse.md), add --extract to read it as such; else report extracts and regional files in separate runs' },
            { message: `${file}: --previous: berkas wilayah, sedangkan inputnya ekstrak per peserta atau per pemberi kerja`, hint: 'berikan bulan sebelumnya dalam bentuk yang sama dengan input (ekstrak bulan itu), atau, jika berkas itu memuat hitungan dari ekstraknya (docs/warehouse.md), tambahkan --extract agar dibaca demikian; jika tidak, laporkan ekstrak dan berkas wilayah dengan perintah terpisah' },
          )
        : say(
            { message: `${file}: --previous: a per-participant or per-employer extract, but the input is a regional file`, hint: 'give the previous month in the same form as the input (the regional file of that month), or report extracts and regional files in separate runs' },
            { message: `${file}: --previous: ekstrak per peserta atau per pemberi kerja, sedangkan inputnya berkas wilayah`, hint: 'berikan bulan sebelumnya dalam bentuk yang sama dengan input (berkas wilayah bulan itu), atau laporkan ekstrak dan berkas wilayah dengan perintah terpisah' },
          ),
    );
  }
  const pd = dimIndex(t, 'period');
  // The tool's own JSON report of last month (`-o 2026-07.json`): its rows have no period column, and its
  // meta.period says their month (rv28 R20). Each file's rows take their file's month.
  if (pd < 0 && t.sources.length > 0 && t.sources.every((s) => s.period !== undefined)) return ofReportMonths(t);
  const row = undatedRow(t, pd);
  if (!row) return t;
  const file = t.sources[row.src]?.name ?? '--previous';
  const at = pd >= 0 && row.line > 0 ? `${file}:${row.line}` : file;
  const what = pd < 0 ? { en: 'the file has no period column', id: 'berkas tidak memiliki kolom periode' } : { en: 'a row without a month', id: 'baris tanpa bulan' };
  throw new InputError(
    say(
      { message: `${at}: --previous: ${what.en}: the previous month's figures must say which month they are`, hint: "add a period column (YYYY-MM, e.g. 2024-05) to the file, or give the earlier months in the input itself; of the tool's own reports, the JSON one says its month (meta.period): give that month's report.json" },
      { message: `${at}: --previous: ${what.id}: angka bulan sebelumnya harus menyebut bulannya`, hint: 'tambahkan kolom period (YYYY-MM, mis. 2024-05) ke berkas, atau berikan bulan-bulan sebelumnya di input itu sendiri; dari laporan alat ini sendiri, laporan JSON menyebut bulannya (meta.period): berikan laporan .json bulan itu' },
    ),
  );
}

/** The first row (not a wide row's segment row) without a month, or any row where there is no period column; on the columns where the table keeps them (no row object per row, issue 20). */
function undatedRow(t: Table, pd: number): RowRef | undefined {
  const cols = columnsOf(t);
  if (!cols) return t.rows.find((r) => r.parent === undefined && (pd < 0 || r.keys[pd] === null));
  for (let i = 0; i < cols.size; i++) if (cols.parent(i) === undefined && (pd < 0 || !cols.hasKey(i, pd))) return { src: cols.src[i]!, line: cols.lineAt(i) };
  return undefined;
}

/** A table whose sources each say their rows' month (a JSON report's meta.period), with a period column of those months. */
function ofReportMonths(t: LoadedTable): LoadedTable {
  const dims = t.dims.concat({ name: 'period', kind: 'period', labels: new Map() });
  const rows = t.rows.map((r) => ({ ...r, keys: r.keys.concat(t.sources[r.src]!.period!) }));
  return { ...t, dims, rows };
}

/** A problem of a compared plan's targets, worded as --targets words it, named by its flag and file. */
/**
 * --compare-targets: a plan compared with itself (the same file twice, or the file of --targets) would
 * only add columns that repeat the first plan's, with a difference of 0. Refused (exit 3), as the same
 * input or --previous file twice is: by content, so a copy under another name is found too.
 */
function samePlanTwice(sources: readonly { readonly name: string; readonly sha256: string }[], seen: Map<string, string>): void {
  for (const s of sources) {
    if (!s.sha256) continue;
    const prior = seen.get(s.sha256);
    const sha = `sha256 ${s.sha256.slice(0, 12)}…`;
    if (prior !== undefined) {
      throw new InputError({
        file: s.name,
        ...say(
          { message: `--compare-targets: has the same content as ${prior} (${sha}): a plan compared with itself`, hint: 'give each plan once: --targets for the first, --compare-targets for each other plan' },
          { message: `--compare-targets: isinya sama dengan ${prior} (${sha}): rencana dibandingkan dengan dirinya sendiri`, hint: 'berikan setiap rencana sekali: --targets untuk yang pertama, --compare-targets untuk setiap rencana lain' },
        ),
      });
    }
    seen.set(s.sha256, `--compare-targets ${s.name}`);
  }
}

function namedPlan(e: unknown, file: string): unknown {
  if (!(e instanceof TargetFrameError)) return e;
  if (e.problem.kind === 'year-not-in-file') {
    const { year, years } = e.problem;
    return new InputError({
      message: `--compare-targets ${file}: no targets for ${year}, the year of the run's own targets, in the file (it has ${years.join(', ')})`,
      hint: `the plans compared aim at one year: for a plan of ${years[0]} against ${year}'s, make the run's targets a file (jamsostek breakdown --year ${year} -o targets.csv) and give --targets targets.csv without --year`,
      id: {
        message: `--compare-targets ${file}: tidak ada target ${year}, tahun target run ini, di berkas (berkas memuat ${years.join(', ')})`,
        hint: `rencana yang dibandingkan menuju satu tahun: untuk rencana ${years[0]} terhadap ${year}, jadikan target run ini berkas (jamsostek breakdown --year ${year} -o targets.csv) dan berikan --targets targets.csv tanpa --year`,
      },
    });
  }
  const words = describeCoreError(e)!;
  const rename = (text: string): string => (text.startsWith('--targets: ') ? text.replace(/^--targets: /, `--compare-targets ${file}: `) : `--compare-targets ${file}: ${text}`);
  return new InputError(words.map((w) => ({ ...w, message: rename(w.message), id: w.id ? { ...w.id, message: rename(w.id.message) } : w.id })));
}

/**
 * What a --workforce file has that the run does not read: its participants (the input's are the
 * report's; a file of both, such as a regional file given as --workforce, had them dropped without a
 * word), and any other column.
 */
function workforceUnread(wf: LoadedTable): Note[] {
  const out: Note[] = [];
  const m = wf.measures.findIndex((x) => x.name === 'participants');
  if (m >= 0 && wf.rows.some((r) => r.values[m] !== null && r.values[m] !== undefined)) out.push({ code: 'workforce-participants', file: wf.sources[0]?.name ?? '--workforce' });
  for (const s of wf.sources) if (s.ignoredColumns.length) out.push({ code: 'unused-columns', file: s.name, columns: s.ignoredColumns });
  return out;
}

/** --year planned its targets on one denominator and the report's coverage is on another: say so. */
function planBase(planned: string | null | undefined, report: string | undefined, year: number | undefined, bases: readonly string[] | undefined): Note[] {
  if (!planned || !report || planned === report || year === undefined) return [];
  // The bases it could be planned on, when the report's is not one of them (the template's workforce).
  return [{ code: 'plan-denominator', planned, report, year, ...(bases && !bases.includes(report) ? { bases } : {}) }];
}

/**
 * The provinces whose denominator in the report differs from the one the targets were planned on: the
 * target coverage (target / the report's denominator) and the plan's shares are then another base's.
 * Said as a warning naming the rows and both figures (rv25 F11: a --targets file planned on
 * potential_workers read by a report on employed; F13: the bundled baseline's figures against a file's own).
 */
async function planFigures(result: CoverageResult, planned: PlannedDenominators, denominator: string, figures: Table, bundledBaseline: () => Promise<Table>): Promise<Note[]> {
  const pi = result.grain.indexOf('province');
  if (pi < 0) return [];
  const finer = result.grain.map((g, i) => (i !== pi && g !== 'kanwil' ? i : -1)).filter((i) => i >= 0);
  const rows: { label: string; planned: number; report: number }[] = [];
  const codeOf = new Map<object, string>();
  let of = 0;
  for (const r of result.rowList) {
    if (r.level === 'total' || finer.some((i) => r.keys[i])) continue;
    const code = r.keys[pi];
    const report = r.metrics.denominator;
    const plan = code ? planned.byProvince.get(code) : undefined;
    if (plan === undefined || report === null) continue;
    of++;
    if (plan === report) continue;
    const row = { label: r.labels[pi]!, planned: plan, report };
    codeOf.set(row, code!);
    rows.push(row);
  }
  if (!rows.length) return [];
  const shown = rows.slice(0, 5);
  // Which of the report's other denominators the plan's figures are, when the plan does not say (a CSV).
  const matches = (t: Table, m: string): boolean => ((alt) => alt !== undefined && rows.every((r) => alt.byProvince.get(codeOf.get(r)!) === r.planned))(plannedFigures(t, [m], ''));
  // A plan that says its measure (a JSON's or a workbook's meta.denominator) is named as this report's only
  // when the report has that measure with the plan's figures: a plan on employed read by a report with no
  // employed column was "this report's employed: --denominator employed reports on them" (rv35 D4).
  const says = planned.measure;
  const named = says === denominator ? says : says !== undefined ? (matches(figures, says) ? says : undefined) : DENOMINATORS.find((m) => m !== denominator && matches(figures, m));
  const other = named !== undefined && named !== denominator ? { planned: named } : {};
  // Not the report's own: the bundled baseline's, which breakdown --year plans on (rv28 R5: a plan on
  // employed was said to be "on other potential_workers figures"; Sulawesi Utara's 1,250,000 is its employed).
  const base = named === undefined ? await bundledBaseline() : undefined;
  const bundled = base ? (says !== undefined ? (matches(base, says) ? says : undefined) : DENOMINATORS.find((m) => matches(base, m))) : undefined;
  // The plan's own word, when its figures are neither the report's nor the bundled baseline's.
  const declared = says !== undefined && named === undefined && bundled === undefined ? { declared: says } : {};
  return [{ code: 'plan-denominator-values', source: planned.source, measure: denominator, ...other, ...(bundled ? { bundled } : {}), ...declared, ...(says === denominator ? { same: true as const } : {}), rows: shown, more: rows.length - shown.length, of }];
}

/** The province codes a report covers (those read, and those --expect names), if it is by province. */
function provincesOf(table: Table, expected: { dim: string; keys: ReadonlyMap<string, string> } | undefined): ReadonlySet<string> | undefined {
  // A file by Kanwil (one row per regional office): its offices' provinces, so that the notes about the
  // plan's other provinces (DKI Jakarta's target below its published figure) are left out (rv28 R24).
  if (dimIndex(table, 'province') < 0 && dimIndex(table, 'kanwil') >= 0) {
    const offices = new Set(keysOf(table, 'kanwil'));
    if (expected?.dim === 'kanwil') for (const k of expected.keys.keys()) offices.add(k);
    const codes = new Set<string>();
    for (const [code, p] of areaBook().provinces) if (offices.has(p.kanwil)) codes.add(code);
    return codes;
  }
  if (dimIndex(table, 'province') < 0) return undefined;
  const codes = new Set(keysOf(table, 'province'));
  if (expected?.dim === 'province') for (const k of expected.keys.keys()) codes.add(k);
  return codes;
}

/** --expect: the keys that must report, at one dimension of the grain, and the scope they declare. */
async function expectedAreas(inputs: readonly ExpectInput[], grain: readonly string[], load: LoadOptions, io: Io): Promise<{ dim: string; keys: Map<string, string>; scope: ReturnType<typeof declaredScope>; parts?: { dim: string; keys: Map<string, string> } }> {
  const specs: ExpectSpec[] = [];
  for (const e of inputs) {
    if (e.kind !== 'file') {
      specs.push(resolveExpect(e.kind, e.kind === 'national' ? '' : e.name, load.codeSystem));
      continue;
    }
    const table = await loadTable(await expandInputs([e.path], io), { role: '--expect', dims: grain, measures: new Map(), rule: 'refuse', deriveKanwil: false }, { ...load, allowOverCoverage: true });
    const dim = [...grain].reverse().find((g) => dimIndex(table, g) >= 0 && keysOf(table, g).length > 0);
    if (!dim) throw usage({ message: `--expect ${e.path}: the file has none of the report's key columns (${grain.join(', ')})`, hint: 'a list of who must report: one column named like the --by key, one row each' }, { message: `--expect ${e.path}: berkas tidak memiliki kolom kunci laporan (${grain.join(', ')})`, hint: 'daftar siapa yang wajib melapor: satu kolom bernama seperti kunci --by, satu baris masing-masing' });
    const d = table.dims[dimIndex(table, dim)]!;
    specs.push({ kind: 'keys', dim, keys: new Map(keysOf(table, dim).map((k) => [k, labelOf(d, k)])), source: e.path });
  }
  const book = areaBook();
  const ex = expectedKeys(specs, grain, book);
  if ('problem' in ex) {
    const msg =
      ex.problem === 'no-area-dim'
        ? { en: `--expect kanwil:/province:/national needs an area in --by (province, regency or kanwil); --by is ${grain.join(',')}`, id: `--expect kanwil:/province:/national memerlukan wilayah di --by (province, regency atau kanwil); --by adalah ${grain.join(',')}` }
        : ex.problem === 'province-above-grain'
          ? { en: '--expect province: a province is not a whole regional office (--by kanwil)', id: '--expect province: satu provinsi bukan satu kantor wilayah utuh (--by kanwil)' }
          : { en: `--expect: the lists name keys of different columns (${ex.dim})`, id: `--expect: daftar menyebut kunci dari kolom yang berbeda (${ex.dim})` };
    throw usage(msg.en, msg.id);
  }
  return { dim: ex.dim, keys: ex.keys, scope: declaredScope(specs, ex.dim, ex.keys, book), ...(ex.parts ? { parts: ex.parts } : {}) };
}

/**
 * Columns the report does not group by are added up as they are read (a `sector` column of a report by
 * province): completeness and like for like see the rows only by the columns that are kept, so a sector
 * that did not report in a month is not seen as late, and its absence counts as a fall in the change.
 * Said whenever a change between months is shown, naming the columns and the --by that compares each.
 */
function addedOver(result: CoverageResult, table: Table, previous: Table | undefined): Note[] {
  if (!result.previousPeriod) return [];
  // A free-text key column nobody grouped by is kept in the Table's dimensions with no key on any row.
  const columns = new Set<string>();
  for (const t of previous ? [table, previous] : [table]) {
    for (const d of t.dims) if (d.kind === 'text' && !result.grain.includes(d.name)) columns.add(d.name);
  }
  if (!columns.size) return [];
  return [{ code: 'added-over', columns: [...columns], grain: result.grain, previousPeriod: result.previousPeriod }];
}
