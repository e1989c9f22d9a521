// planCoverage: the coverage report as data. Pure.
//
// For the month reported (default: the latest in the input), at the grain asked for (--by), every
// group gets its participants, its denominator (from the input, or for an extract from a separate
// denominators table), its target and this month's milestone, and the previous month's figures. A
// measure known only at a coarser grain (a province's workforce in a province × segment report) is
// shown on the coarser rows only — the subtotals and the total — and said so. Groups come out in the
// order they first appear in the input; subtotals follow each first key's groups.
//
// The frame of the report is data, never a guess:
//   - scope: the areas the report covers (found from the data, or declared with --expect). Targets
//     and denominators of other areas are left out: a Kanwil's Total is compared with the sum of its
//     provinces' targets, never with the national target;
//   - rows without targets: a subtotal's or the Total's target, gap, achievement, milestone, run-rate
//     and status cover only the rows that have targets ("targets for N of M rows"), never a ratio of
//     unlike sums;
//   - completeness: areas that must report (--expect) and are missing are an error; areas of an
//     earlier month missing now are named; the month-on-month change and the pace of a row, a subtotal
//     or the Total are like for like. Both are judged on the parts the data gives (the rows as loaded:
//     a regency under its province, a province under its Kanwil), not on the report's groups, so that a
//     late regency is never a fall of its province (like-for-like.ts). A month is read from one place:
//     the input or --previous, never both.

import { addMonths, latestPeriod, monthsBetween, monthsLeft, periodYear, type Period } from '../calendar.js';
import type { Note, OverDenominatorRow } from '../facts.js';
import { DENOMINATORS, SEGMENTS } from '../domain.js';
import { areaDimOf, scopeAreasDiffer, scopeOf, type AreaBook, type AreaDim, type Scope } from '../scope.js';
import { atPeriod, columnsFor, columnsOf, dimIndex, filterAt, hasKeys, hasMeasure, keysOf, labelOf, measureIndex, rollup, type Aggregated, type Dimension, type RowRef, type SourceFacts, type Table } from '../table.js';
import type { RowColumns } from '../row-columns.js';
import { WholeIds } from '../key-index.js';
import { estimatedFigures, isEstimated, type EstimatedFigure } from '../estimates.js'; // issue 19
import { computeCoverage, type CoverageMetrics } from './metrics.js';
import { fileRevision, laterFileRevision } from './file-revisions.js';
import { nationalSized, TargetFrameError, targetsAt, type NationalFigure, type RevisionFacts, type RuleFacts, type Targets, type YearSource } from './targets.js';
import { areaUp, coarserTargetArea, finerTargetDims, groupsLackingParts, partialAreasByPart, partialTargetAreas, reportedAreaDim, targetsInDataAreas, targetUnitsSaid, wholeTargetArea, withArea } from './target-areas.js';
import { denominatorsAt, sameFigures, type DenominatorMonths } from './denominators.js';
import { zeroTargets } from './zero-targets.js';
import { historyOf, paceOf, projectedDecember, projectedStatusIn, type History, type RowStory } from './trend.js';
import { earlierWithout, segmentsShort, shortByMonth, withoutAreas } from './segment-sets.js';
import { coarsenPart, dropParts, fineDims, grainSwitches, groupOfPart, keepParts, lastSeenParts, nameAsGroups, partLabel, partPace, partSeries, partsOf, stillCovered, type Gone } from './like-for-like.js';

export interface CoverageSpec {
  readonly grain: readonly string[];
  /** The month reported; undefined: the latest in the input. */
  readonly period?: Period;
  readonly denominator?: string;
  readonly atRiskMargin: number;
  /** The month revisions in force are chosen by (--as-of); undefined: the month reported. */
  readonly asOf?: Period;
  /**
   * The areas that must report (--expect): keys of one dimension of the grain, with their labels; and
   * `parts`, the areas under them that must report too when the data has their dimension (a Kanwil's
   * provinces in a report by kanwil).
   */
  readonly expected?: { readonly dim: string; readonly keys: ReadonlyMap<string, string>; readonly scope: Scope; readonly parts?: { readonly dim: string; readonly keys: ReadonlyMap<string, string> } };
  /**
   * The geography: it names the report's scope, places targets given per a coarser area (a Kanwil's on
   * a report by province), and warns of an area reported in part against a target for the whole of it
   * (the notes 'partial-areas', 'partial-targets', 'partial-denominators'). Without it the scope is
   * 'unknown' and those warnings are not given: the commands, and the library's `planCoverage`, pass the
   * bundled one (`areaBook()`) unless another is given.
   */
  readonly areas?: AreaBook;
  /** The months the actual pace is measured over (--pace-window; default 3). */
  readonly paceWindow?: number;
  /**
   * Participants above the denominator are accepted for every row (--allow-over-coverage): a projection
   * is then not stopped at the denominator either (said when one passes it).
   */
  readonly allowOverCoverage?: boolean;
  /**
   * The documented exceptions to "participants cannot exceed the denominator" (data/exceptions.csv): by
   * province key, the denominators its participants may exceed (DKI Jakarta's employed: participants are
   * counted where employers are registered). Participants above a denominators table's figure (the
   * bundled baseline's, a --workforce file's) are refused, as over a file's own, unless the row's
   * province (a Kanwil's: one of its provinces) has one, the figure is an estimate, or allowOverCoverage.
   */
  readonly exceptions?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface CoverageInputs {
  readonly current: Table;
  /** Files of the previous month (--previous); else the month before, from `current`. */
  readonly previous?: Table;
  /** Denominators for an extract (--workforce, or the bundled baseline). */
  readonly denominators?: Table;
  readonly targets?: Targets;
  /**
   * Has an area (a province's code, a Kanwil's name) no participants of a segment (the bundled baseline's
   * Papua Tengah JAKON and PMI)? A month's missing row of it is that 0, not a segment left out (fx52).
   */
  readonly zeroSegment?: (dim: string, area: string, segment: string) => boolean;
  /** The months list every participant (extracts): a segment without rows there has none (fx52). */
  readonly everyParticipant?: boolean;
}

export interface CoverageRow {
  readonly level: 'detail' | 'subtotal' | 'total';
  readonly keys: readonly string[];
  readonly labels: readonly string[];
  readonly metrics: CoverageMetrics;
  readonly targetCoverage: number | null;
  /** Subtotals and the Total: how many of the rows under it that could have a target have one. */
  readonly targetRows?: { readonly with: number; readonly of: number };
  /** Which of the row's figures are estimates (issue 19; core/estimates.ts). */
  readonly estimated?: readonly EstimatedFigure[];
  /** With two months or more: the row's months, pace and projection to December. */
  readonly story?: RowStory;
  /**
   * A row whose target is some of its parts' only (a Kanwil's over province targets without Gorontalo's):
   * the coverage of those parts, their participants over their denominator, what its target coverage is
   * compared with (its coverage is of all its parts). Drawn as its bar in the coverage chart (fx53).
   */
  readonly targetedCoverage?: number;
}

/** The year as a story: the months known, the pace window, and the scope's path for its chart. */
export interface CoverageStory {
  readonly months: readonly Period[];
  readonly window: number;
  /** The December projected to (the target year's, else the month reported's year). */
  readonly december: Period;
  /** The scope (the Total) month by month from the first month known to December. */
  readonly chart: {
    readonly months: readonly Period[];
    readonly actual: readonly (number | null)[];
    /** The milestone path of the rows with targets (null where unknown). */
    readonly milestones: readonly (number | null)[];
    /** From the month reported to December at the pace (null before it). */
    readonly projection: readonly (number | null)[];
    readonly target: number | null;
    /** Set where some rows have no target: the actual and projection lines are of the rows with one. */
    readonly rows?: ChartRows;
  };
}

/** The rows the chart's actual and projection lines are of, where not every row has a target. */
export interface ChartRows {
  readonly with: number;
  readonly of: number;
  /** The first rows without a target (five at most), by label. */
  readonly without: readonly string[];
}

/**
 * The rows of a report, each made when it is asked for: with one key per input row a report has a
 * million rows, and held as objects they cost more than everything else the report keeps. `at(i)` makes
 * a new object on each call, with the same figures each time; `level(i)` tells a row's level without
 * making it. Iterating gives the rows in order.
 * `i` is a whole number from 0 to length − 1, or, as in `Array.prototype.at`, from −length to −1
 * counting from the end (`at(-1)`: the Total); any other `i` (length, 1.5, NaN) is a RangeError from
 * both, never an undefined row.
 */
export interface CoverageRowList extends Iterable<CoverageRow> {
  readonly length: number;
  /** Some row has a target; some row has a figure that is an estimate (found while planning). */
  readonly anyTarget: boolean;
  readonly anyEstimate: boolean;
  /** Row i (a negative i counts from the end); RangeError outside the list. */
  at(i: number): CoverageRow;
  /** The level of row i, without making the row (a negative i counts from the end); RangeError outside the list. */
  level(i: number): CoverageRow['level'];
}

/** Row i's place in a list of n rows: a negative i counts from the end; outside the list, a RangeError. */
function listIndex(i: number, n: number): number {
  const j = i < 0 ? i + n : i;
  if (Number.isInteger(j) && j >= 0 && j < n) return j;
  throw new RangeError(`no row ${String(i)}: the list has ${n} row${n === 1 ? '' : 's'} (0 to ${n - 1}, or -${n} to -1 from the end)`);
}

export interface CoverageResult {
  readonly grain: readonly string[];
  readonly period?: Period;
  readonly previousPeriod?: Period;
  readonly denominator?: string;
  /** Where the denominator came from: the input itself, or the denominators table. */
  readonly denominatorFrom: 'input' | 'denominators' | null;
  /** From a denominators table: the months of the figures used for the month reported (earliest first; none: undated). */
  readonly denominatorMonths?: readonly Period[];
  /**
   * Detail rows in input order, each first key's subtotal after its rows, then the total. Made from
   * `rowList` on first use and then held: the tool itself reads `rowList`.
   */
  readonly rows: readonly CoverageRow[];
  /** The same rows, each made when it is read (nothing held per row but its place). */
  readonly rowList: CoverageRowList;
  readonly targetYear?: number;
  readonly targetYearFrom?: YearSource;
  readonly monthsLeft?: number;
  /** The areas the report covers. */
  readonly scope: Scope;
  /** Rows with a target, of the rows at the grain targets are given at (undefined: no targets). */
  readonly targetRows?: { readonly with: number; readonly of: number; readonly grain: readonly string[] };
  /** The revision of the targets in force for the month reported. */
  readonly revision?: RevisionFacts & { readonly fileFrom?: Period | null };
  readonly rule?: RuleFacts;
  /**
   * The month-on-month change compares the parts present in both months (the rows as loaded, at `parts`
   * when finer than the grain: regencies of a report by province); those that are not.
   */
  readonly likeForLike?: { readonly both: number; readonly missing: readonly string[]; readonly added: readonly string[]; readonly parts?: readonly string[] };
  /** With two months or more: pace, projection and the chart of the scope. */
  readonly story?: CoverageStory;
  readonly notes: readonly Note[];
}

/** Why a coverage report cannot be made. */
export type CoverageProblem =
  | { readonly kind: 'no-period'; readonly period: Period; readonly periods: readonly Period[] }
  | { readonly kind: 'grain-missing'; readonly dim: string; readonly at: RowRef }
  | { readonly kind: 'previous-not-earlier'; readonly previous: Period; readonly period: Period }
  | { readonly kind: 'no-participants' }
  | { readonly kind: 'expected-missing'; readonly dim: string; readonly period: Period | null; readonly missing: readonly { readonly label: string; readonly lastSeen: Period | null }[]; readonly expected: number }
  /** Parts of expected areas (Kota Gorontalo of Gorontalo) seen in an earlier month and not in the month reported. */
  | { readonly kind: 'expected-part-missing'; readonly dim: string; readonly period: Period; readonly missing: readonly { readonly label: string; readonly lastSeen: Period | null }[] }
  /** A month given both in the input and in --previous: two sources for one month's figures. */
  | { readonly kind: 'month-given-twice'; readonly period: Period; readonly input: { readonly source?: SourceFacts; readonly line: number }; readonly previous: { readonly source?: SourceFacts; readonly line: number } }
  | { readonly kind: 'unexpected'; readonly dim: string; readonly period: Period | null; readonly areas: readonly string[] }
  | { readonly kind: 'expect-dim-missing'; readonly dim: string }
  | { readonly kind: 'targets-match-nothing'; readonly source: string; readonly rows: number }
  /**
   * Targets per a finer key the data has not (segment), where no row of the report has every part's
   * target (PU targets only against a file by province: rv32 W9, "achieved" 102.5 % on PU's targets
   * against every segment's participants). `absent`: the parts the file gives for no row.
   */
  | { readonly kind: 'target-parts-missing'; readonly source: string; readonly partDims: readonly string[]; readonly absent: readonly string[]; readonly rows: number }
  /**
   * Targets with no area (a national segment split, one national total: a file with no province,
   * regency or kanwil column) totalling at least half the national participants of the report's time, against a
   * report of some areas only (a Kanwil, a province's regencies): such targets are national, and a
   * Kanwil's participants are not compared with them (rv28 R1, R2). Smaller ones are the scope's own (rv30 T2).
   */
  | { readonly kind: 'targets-national'; readonly source: string; readonly total: number; readonly targets: number; readonly keys: readonly string[]; readonly scope: Scope; readonly year: number | null; /** The national participants they are at least half of. */ readonly national?: NationalFigure; /** One segment's targets at least half that segment's national participants (rv32 W7). */ readonly segment?: { readonly segment: string; readonly total: number; readonly national: number; readonly period: string } }
  /**
   * Targets with no area column read as the scope's own, that say they are of another scope (the tool's
   * own JSON output, meta.scope: Banuspa's segment targets on Sulama's report, rv31 V5), or whose target is
   * above the whole denominator of a row they are compared with (no breakdown of a region makes one: rv31
   * V1, a national non-PU split of 28,671,930 against Sulama's 11,710,085 employed).
   */
  | { readonly kind: 'targets-other-scope'; readonly source: string; readonly total: number; readonly targets: number; readonly keys: readonly string[]; readonly scope: Scope; readonly year: number | null; readonly said?: { readonly kind: string; readonly name: string; readonly areas?: readonly string[] }; readonly over?: { readonly row: string; readonly target: number; readonly denominator: number; readonly measure: string } }
  /** Targets per an area the data has no column for, and no geography to find it from (the library without `areas`). */
  | { readonly kind: 'targets-area-unplaced'; readonly area: string; readonly source: string }
  /**
   * Participants above the denominator of the denominators table (`source`: the bundled baseline's, a
   * --workforce file's), in rows no documented exception covers: refused as over a file's own denominator
   * (--allow-over-coverage lets them through, with the note 'over-denominators').
   */
  | { readonly kind: 'over-denominators'; readonly measure: string; readonly source: string; readonly rows: readonly OverDenominatorRow[]; readonly more: number };

export class CoverageError extends Error {
  /** `sources`: the table's, to name the file of a row the problem points at (grain-missing). */
  constructor(readonly problem: CoverageProblem, readonly sources?: readonly SourceFacts[]) {
    super(problem.kind);
    this.name = 'CoverageError';
  }
}

const SEP = '\u0000';
const key = (keys: readonly (string | null)[]): string => keys.join(SEP);

/** A row of the targets' grain: its keys by position in the report's grain, and its figures. */
interface Star {
  readonly key: string;
  /** Its keys by position in the report's grain (undefined at the positions targets are not given by). */
  readonly prefix: readonly (string | undefined)[];
  /** Its keys, as the rollup at the targets' grain gives them (for its label, made only when named). */
  readonly keys: readonly string[];
  readonly participants: number;
  /** Its denominator (null: none), for the target coverage of a level whose rows have targets in part. */
  readonly denominator: number | null;
  readonly target: number | null;
  readonly milestone: number | null;
  /**
   * Where `milestone` is null and the star adds up several targets some of which have one (a Kanwil over
   * its provinces' targets): their milestones and the others' targets (milestone-sums).
   */
  readonly milestoneMixed?: number;
  /** Its area is reported in part, against a target for the whole area (partial-areas). */
  readonly partial?: boolean;
  /** A part of data taken whole without rows (rv28 R9): no participants, no row of its own; its target counts. */
  readonly noRows?: true;
  readonly estimated?: readonly string[];
}

/** What the stars under one group add up to (the group's target, its participants and milestone). */
interface StarSums {
  sumT: number;
  sumP: number;
  sumM: number;
  /** The denominators of the stars with a target, and whether each has one. */
  sumD: number;
  allD: boolean;
  /** Stars under the group, and those of them with a target. */
  of: number;
  withT: number;
  /** Every star with a target has a milestone; some has one. */
  allM: boolean;
  anyM: boolean;
  /**
   * The milestones, a star without one counting its target (the December target its status compares
   * with): the sums' milestone when some stars have a milestone and some not.
   */
  sumMT: number;
  targetEstimated: boolean;
  milestoneEstimated: boolean;
  /** Some star with a target is of an area reported in part: no target coverage. */
  partial: boolean;
}

const NO_STARS: StarSums = { sumT: 0, sumP: 0, sumM: 0, sumD: 0, allD: true, of: 0, withT: 0, allM: true, anyM: false, sumMT: 0, targetEstimated: false, milestoneEstimated: false, partial: false };

/**
 * The stars by the row at the targets' grain they fall in (`finer`: how many of a star's last keys are
 * of units finer than that row), in order of first star: each row's stars, and those with a target.
 */
function starRows(stars: Iterable<Star>, finer: number): { first: Star; stars: Star[]; withT: number }[] {
  const out = new Map<string, { first: Star; stars: Star[]; withT: number }>();
  for (const s of stars) {
    const k = key(s.keys.slice(0, s.keys.length - finer));
    let r = out.get(k);
    if (!r) out.set(k, (r = { first: s, stars: [], withT: 0 }));
    r.stars.push(s);
    if (s.target !== null) r.withT++;
  }
  return Array.from(out.values());
}

/**
 * The targets of the parts without rows of data taken whole (rv28 R9), by the area they are in: the
 * parts named (up to 5), how many, and their targets' sum. Undefined when none.
 */
function targetsNoRows(noRows: readonly Star[], starGrain: readonly string[], dims: readonly Dimension[], area: AreaDim): Note | undefined {
  const ai = starGrain.indexOf(area);
  if (ai < 0) return undefined;
  // The part's own keys: those not of its area nor of an area above it (a Kanwil beside the province).
  const partAt = starGrain.map((_, j) => j).filter((j) => j !== ai && !(starGrain[j]! in AREA_RANK && AREA_RANK[starGrain[j] as AreaDim] >= AREA_RANK[area]));
  if (!partAt.length) return undefined;
  const byArea = new Map<string, { label: string; parts: string[]; count: number; target: number }>();
  for (const x of noRows) {
    const k = x.keys[ai]!;
    let a = byArea.get(k);
    if (!a) byArea.set(k, (a = { label: labelOf(dims[ai]!, k), parts: [], count: 0, target: 0 }));
    if (a.parts.length < 5) a.parts.push(partAt.map((j) => labelOf(dims[j]!, x.keys[j]!)).join(' / '));
    a.count++;
    a.target += x.target ?? 0;
  }
  return { code: 'targets-no-rows', dim: area, partDims: partAt.map((j) => starGrain[j]!), areas: Array.from(byArea.values()) };
}

/** The stars added up by the group they fall in at a level: `gi`, the level's dimensions by position in the grain. */
function starsByGroup(stars: Stars, gi: readonly number[]): Map<string, StarSums> {
  const out = new Map<string, StarSums>();
  const at = gi.map((x) => stars.grainAt[x]!);
  for (let i = 0; i < stars.size; i++) {
    let k = '';
    for (let j = 0; j < at.length; j++) k = j === 0 ? stars.keyOr(i, at[0]!) : k + SEP + stars.keyOr(i, at[j]!);
    let u = out.get(k);
    if (!u) out.set(k, (u = { ...NO_STARS }));
    addStar(u, stars, i);
  }
  return out;
}

/** Star i added to the sums u. */
function addStar(u: StarSums, stars: Stars, i: number): void {
  u.of++;
  const target = stars.targetAt(i);
  if (target === null) return;
  u.withT++;
  if (stars.partial?.[i] === 1) u.partial = true;
  const estimated = stars.marks(i);
  if (estimated?.includes('target')) u.targetEstimated = true; // issue 19
  if (estimated?.some((e) => e === 'milestone' || e === 'target' || e === 'participants')) u.milestoneEstimated = true;
  u.sumT += target;
  u.sumP += stars.participantsAt(i);
  const d = stars.denominatorAt(i);
  if (d === null) u.allD = false;
  else u.sumD += d;
  const milestone = stars.milestoneAt(i);
  if (milestone === null) {
    u.allM = false;
    const mixed = stars.mixedAt(i);
    if (mixed !== undefined) u.anyM = true;
    u.sumMT += mixed ?? target;
  } else {
    u.anyM = true;
    u.sumM += milestone;
    u.sumMT += milestone;
  }
}

/** A figure of a column of figures by star (NaN: none). */
const figure = (a: Float64Array | undefined, i: number): number | null => {
  const v = a?.[i];
  return v === undefined || Number.isNaN(v) ? null : v;
};

/**
 * The rows at the targets' grain (the stars), read on the columns they come from, each made into a Star
 * only when asked (`star`): the first `fromData` are the groups of the data's rollup at that grain, in its
 * order; the others the targets' groups of parts without rows of data taken whole (rv28 R9). A star's
 * figures are its data group's (participants, a denominator of the same rollup) and its targets' group's
 * (target, milestone, estimate marks): a million branches with a target each cost the number of their
 * targets' group, not an object, a keys array, a joined key and map entries each (issue 20).
 */
class Stars {
  readonly size: number;
  /** A denominator not of the data's rollup (a denominators table's), by star (NaN: none). */
  denominators: Float64Array | undefined;
  /** milestoneMixed (NaN: none); partial (1: yes); made only when some star has one. */
  mixed: Float64Array | undefined;
  partial: Uint8Array | undefined;
  constructor(
    /** The data's rollup at the stars' grain, and the targets' (undefined: no targets at that grain). */
    private readonly data: RowColumns,
    readonly fromData: number,
    private readonly targets: RowColumns | undefined,
    /** The targets' group of each data group (-1: none), and of each star past fromData. */
    private readonly toTarget: Int32Array | undefined,
    private readonly noRowsAt: readonly number[],
    /** For each position in the report's grain, the position of its dim in the stars' grain (-1: none). */
    readonly grainAt: readonly number[],
    private readonly nd: number,
    /** Measures by index: the data's participants and denominator (-1: none), the targets' target and milestone. */
    private readonly m: { readonly pm: number; readonly sd: number; readonly tti: number; readonly tmi: number },
  ) {
    this.size = fromData + noRowsAt.length;
  }

  /** The targets' group of star i, or -1. */
  group(i: number): number {
    return i < this.fromData ? (this.toTarget?.[i] ?? -1) : this.noRowsAt[i - this.fromData]!;
  }

  /** Key j (by position in the stars' grain) of star i. */
  key(i: number, j: number): string {
    return (i < this.fromData ? this.data.key(i, j) : this.targets!.key(this.noRowsAt[i - this.fromData]!, j))!;
  }

  /** Key j of star i, '' where j is -1 (a position of the report's grain the stars are not given by). */
  keyOr(i: number, j: number): string {
    return j < 0 ? '' : this.key(i, j);
  }

  keys(i: number): string[] {
    const out = new Array<string>(this.nd);
    for (let j = 0; j < this.nd; j++) out[j] = this.key(i, j);
    return out;
  }

  participantsAt(i: number): number {
    return i < this.fromData && this.m.pm >= 0 ? (this.data.value(i, this.m.pm) ?? 0) : 0;
  }

  targetAt(i: number): number | null {
    const g = this.group(i);
    return g >= 0 ? this.targets!.value(g, this.m.tti) : null;
  }

  milestoneAt(i: number): number | null {
    const g = this.group(i);
    return g >= 0 && this.m.tmi >= 0 ? this.targets!.value(g, this.m.tmi) : null;
  }

  denominatorAt(i: number): number | null {
    if (this.denominators) return figure(this.denominators, i);
    return i < this.fromData && this.m.sd >= 0 ? this.data.value(i, this.m.sd) : null;
  }

  mixedAt(i: number): number | undefined {
    return figure(this.mixed, i) ?? undefined;
  }

  /** The estimate marks of star i's targets (issue 19), where it has some. */
  marks(i: number): readonly string[] | undefined {
    const g = this.group(i);
    const e = g >= 0 ? this.targets!.estimated.get(g) : undefined;
    return e?.length ? e : undefined;
  }

  /** Star i as an object (made on each call). */
  star(i: number): Star {
    const keys = this.keys(i);
    const mixed = this.mixedAt(i);
    return {
      key: key(keys),
      prefix: this.grainAt.map((j) => (j < 0 ? undefined : keys[j])),
      keys,
      participants: this.participantsAt(i),
      denominator: this.denominatorAt(i),
      target: this.targetAt(i),
      milestone: this.milestoneAt(i),
      ...(mixed !== undefined ? { milestoneMixed: mixed } : {}),
      ...(this.partial?.[i] === 1 ? { partial: true } : {}),
      ...(i >= this.fromData ? { noRows: true as const } : {}),
      estimated: this.marks(i),
    };
  }

  /** Every star as an object (a pass that keeps few of them, or where the stars are few). */
  *all(from = 0, to = this.size): Generator<Star> {
    for (let i = from; i < to; i++) yield this.star(i);
  }
}

/**
 * A measure of a table at a grain, by group key; `lacking` names the dims of the grain the table does not
 * have. Read on the rollup's columns (no row object); `withMarks`: the estimate marks of the groups that
 * have some, by key (issue 19).
 */
function measureAt(table: Table | undefined, grain: readonly string[], measure: string, roll: Roll, withMarks = false): { values: Map<string, number | null>; agg?: Aggregated; lacking?: readonly string[]; marks?: Map<string, readonly string[]> } {
  const values = new Map<string, number | null>();
  if (!table || measureIndex(table, measure) < 0) return { values };
  const missing = grain.filter((g) => dimIndex(table, g) < 0);
  if (missing.length) return { values, lacking: missing };
  const agg = roll(table, grain);
  const m = measureIndex(agg.table, measure);
  const cols = columnsFor(agg.table);
  const marks = withMarks ? new Map<string, readonly string[]>() : undefined;
  const nd = agg.table.dims.length;
  for (let i = 0; i < cols.size; i++) {
    const k = groupKey(cols, i, nd);
    values.set(k, cols.value(i, m));
    const e = marks ? cols.estimated.get(i) : undefined;
    if (e?.length) marks!.set(k, e);
  }
  return { values, agg, marks };
}

/** The key of row i of a table's columns on its first nd dims, as key() joins a row's keys. */
function groupKey(cols: RowColumns, i: number, nd: number): string {
  let k = '';
  for (let d = 0; d < nd; d++) k = d === 0 ? (cols.key(i, 0) ?? '') : k + SEP + (cols.key(i, d) ?? '');
  return k;
}

const matched = new WeakMap<Table, WeakMap<Table, Int32Array>>();

/**
 * For each group of rollup table `b`, the group of rollup table `a` with the same keys (the same dims in
 * the same order), or -1: per dimension a number for each key of `a` (the keys themselves in a Map, no
 * string made), and a group's numbers as one whole number (mixed radix; core/key-index.ts WholeIds).
 * Made once per pair (issue 20: a million targets met a million rows by a Map of joined keys on each side,
 * several times over).
 */
function matchGroups(a: Table, b: Table): Int32Array {
  let byB = matched.get(a);
  const hit = byB?.get(b);
  if (hit) return hit;
  const ac = columnsFor(a);
  const bc = columnsFor(b);
  const nd = a.dims.length;
  const out = new Int32Array(bc.size).fill(-1);
  const back = matched.get(b)?.get(a);
  if (back) {
    // The other way round is known: its inverse (each group's keys are its own).
    for (let j = 0; j < back.length; j++) if (back[j]! >= 0) out[back[j]!] = j;
  } else if (nd === 0) {
    if (ac.size) out.fill(0);
  } else {
    // Files in the same order (targets made by breakdown from the same input): each group of b is looked
    // for first at the place after the last one found, by its keys; the keys are numbered (numberedMatch)
    // only when a group is not found there (issue 20).
    let lookup: ((j: number) => number) | undefined;
    let next = 0;
    for (let j = 0; j < bc.size; j++) {
      let g = next < ac.size && sameKeys(ac, next, bc, j, nd) ? next : -1;
      if (g < 0) g = (lookup ??= numberedMatch(ac, bc, nd))(j);
      out[j] = g;
      if (g >= 0) next = g + 1;
    }
  }
  if (!byB) matched.set(a, (byB = new WeakMap()));
  byB.set(b, out);
  return out;
}

/** Do row i of `a` and row j of `b` have the same keys on their first nd dims? */
function sameKeys(a: RowColumns, i: number, b: RowColumns, j: number, nd: number): boolean {
  for (let d = 0; d < nd; d++) if (a.key(i, d) !== b.key(j, d)) return false;
  return true;
}

/** The dims 0 … n − 1. */
const firstDims = (n: number): number[] => Array.from({ length: n }, (_, d) => d);

/**
 * matchGroups by numbers: the group of `a` of row j of `b`, or -1 (TupleIndex on every dim of both).
 */
function numberedMatch(ac: RowColumns, bc: RowColumns, nd: number): (j: number) => number {
  const dims = firstDims(nd);
  const index = new TupleIndex(ac, dims, true);
  return (j) => index.find(bc, j, dims);
}

/**
 * The first row of a table's columns with each tuple of keys on the dims `on` (rows with a key missing
 * there are left out), found for a row of another table. No string is made: per dimension a key's number
 * is its number in the column's dictionary (a load's keys, where the column keeps one: a branch per row)
 * or else in a Map of the keys themselves, and a tuple's numbers one whole number (mixed radix; core/
 * key-index.ts WholeIds; a Map of joined keys only past 2^53 tuples). Rows come in runs of one key (a
 * province), so the previous row's number is reused.
 */
class TupleIndex {
  private readonly idOf: ((k: string) => number)[] = [];
  private readonly radix: number[] = [];
  private readonly whole: WholeIds | undefined;
  private readonly joined: Map<string, number> | undefined;
  private readonly firstRow: number[] = [];
  private readonly known: number;
  private readonly lastKey: (string | null)[];
  private readonly lastId: Int32Array;

  /** `distinct`: every row's tuple is its own (a rollup's groups), so the index is made for as many. */
  constructor(cols: RowColumns, on: readonly number[], distinct = false) {
    const n = on.length;
    let space = 1;
    for (const d of on) {
      const col = cols.keys[d];
      const dict = col?.dictionary;
      if (!col) {
        // No key of this dim on any row: no tuple has one.
        this.idOf.push(() => 0);
        this.radix.push(1);
      } else if (dict && col.numbers()?.ids instanceof Int32Array) {
        this.idOf.push((k) => dict.indexOf(k) + 1);
        this.radix.push(dict.size + 1);
      } else {
        const m = new Map<string, number>();
        let last: string | null = null;
        for (let i = 0; i < cols.size; i++) {
          const k = col.at(i);
          if (k === null || k === last) continue;
          last = k;
          if (!m.has(k)) m.set(k, m.size + 1);
        }
        this.idOf.push((k) => m.get(k) ?? 0);
        this.radix.push(m.size + 1);
      }
      space *= this.radix[this.radix.length - 1]!;
    }
    this.lastKey = new Array<string | null>(n).fill(null);
    this.lastId = new Int32Array(n);
    if (space < Number.MAX_SAFE_INTEGER) this.whole = new WholeIds(distinct ? cols.size : undefined);
    else this.joined = new Map();
    for (let i = 0; i < cols.size; i++) {
      const x = this.numberOf(cols, i, on);
      if (x === -1) continue;
      if (this.whole) {
        const id = this.whole.intern(x as number);
        if (id === this.firstRow.length) this.firstRow.push(i);
      } else if (!this.joined!.has(x as string)) this.joined!.set(x as string, i);
    }
    this.known = this.firstRow.length;
  }

  /** The tuple of row i of `c` on the dims `on` as a number (a joined string past 2^53), or -1 where a key is missing or unknown. */
  private numberOf(c: RowColumns, i: number, on: readonly number[]): number | string {
    if (this.joined) {
      let k = '';
      for (let j = 0; j < on.length; j++) {
        const v = c.key(i, on[j]!);
        if (v === null) return -1;
        k = j === 0 ? v : k + SEP + v;
      }
      return k;
    }
    let x = 0;
    for (let j = 0; j < on.length; j++) {
      const k = c.key(i, on[j]!);
      if (k === null) return -1;
      if (k !== this.lastKey[j]) {
        this.lastKey[j] = k;
        this.lastId[j] = this.idOf[j]!(k);
      }
      const id = this.lastId[j]!;
      if (id === 0) return -1;
      x = x * this.radix[j]! + id;
    }
    return x;
  }

  /** The first row with the tuple of row i of `c` on the dims `on` (as many as this index's), or -1. */
  find(c: RowColumns, i: number, on: readonly number[]): number {
    const x = this.numberOf(c, i, on);
    if (x === -1) return -1;
    if (this.joined) return this.joined.get(x as string) ?? -1;
    const id = this.whole!.intern(x as number);
    return id < this.known ? this.firstRow[id]! : -1;
  }
}

type Roll = (table: Table, grain: readonly string[]) => Aggregated;

/**
 * A denominators table's figures at a coarser level `g` (a subtotal, the Total) are sums over the areas
 * it has: a group over a row of the data without a denominator there gets none (null), as a regional
 * file's rollup does, so that Bali's participants are never divided by Gorontalo's and Aceh's workforce.
 * The rows are checked at the finest grain of the report the table gives the measure by.
 */
function withoutLacking(values: Map<string, number | null>, data: Table, den: Table | undefined, grain: readonly string[], g: readonly string[], measure: string, roll: Roll): void {
  if (!den || measureIndex(den, measure) < 0) return;
  // The dims its figures are given by (a baseline's per-segment columns carry participants, not its
  // workforce); a Kanwil is derived from the province.
  const known = knownPer(den, measure);
  // Also the finer dims both the data and the figures are split by (a segment or a regency the report
  // does not group by): an extract's Gorontalo BPU participants with a workforce for Gorontalo PU only
  // leave Gorontalo without a whole denominator, at every level.
  const extra = den.dims.map((d) => d.name).filter((x) => !grain.includes(x) && x !== 'period' && x !== 'year' && x !== 'from' && x !== 'kanwil' && dimIndex(data, x) >= 0 && known.includes(x));
  // Of the dims the data has: a previous month by Kanwil against provinces has no province to look up
  // (rolled up by it, the run crashed: "no dimension province").
  const fine = [...grain.filter((x) => dimIndex(den, x) >= 0 && dimIndex(data, x) >= 0 && (known.includes(x) || x === 'kanwil')), ...extra];
  if (!g.every((x) => fine.includes(x)) || fine.length === g.length) return;
  const have = measureAt(den, fine, measure, roll).values;
  const at = g.map((x) => fine.indexOf(x));
  const rolled = roll(data, fine).table;
  const rc = columnsFor(rolled);
  const nd = rolled.dims.length;
  for (let i = 0; i < rc.size; i++) {
    const v = have.get(groupKey(rc, i, nd));
    if (v === null || v === undefined) values.set(key(at.map((j) => rc.key(i, j)!)), null);
  }
}

/**
 * rv31 V9: the previous month's rows with `measure` and this month's rows of the same areas, when some of
 * the previous month's rows lack it (their files give another denominator) and others have it; with the
 * files and the rows (labels at the report's grain) without it. Undefined when every row or none has it.
 */
function pointsBasis(then: Table, now: Table, measure: string, grain: readonly string[]): { then: Table; now: Table; source: string; has: string[]; rows: string[]; of: number } | undefined {
  const m = measureIndex(then, measure);
  if (m < 0) return undefined;
  // On the columns (a million rows of the previous month: no row object, no label made per row).
  const cols = columnsFor(then);
  // A wide row's segment rows carry no denominator: their wide row does, and they go with it (rv34 R6:
  // "no potential_workers figures, for 0 of 12 rows ()" of a file that has them on every row).
  const lacks = (i: number): boolean => cols.parent(i) === undefined && cols.value(i, m) === null;
  const gives = (i: number): boolean => cols.parent(i) === undefined && cols.value(i, m) !== null;
  const srcs = new Set<number>();
  let some = false;
  for (let i = 0; i < cols.size; i++) {
    if (lacks(i)) srcs.add(cols.src[i]!);
    else if (gives(i)) some = true;
  }
  if (!srcs.size || !some) return undefined;
  // A segment row goes with its wide row (as table.ts filterRows keeps them).
  const without = filterAt(then, (_, i, segment) => segment || lacks(i));
  const withIt = filterAt(then, (_, i, segment) => segment || gives(i));
  const has = DENOMINATORS.filter((x) => x !== measure && hasValues(without, x));
  const at = grain.map((g) => dimIndex(then, g));
  // Named at the grain: a row without a key of it (a wide row by segment) is named by its segment rows (rv34 R4).
  // The labels of the rows' distinct keys at the grain, in the order of their first row: the labels of
  // every such row, each once (a row's label is its keys').
  const labels = (t: Table): string[] => {
    const c = columnsFor(t);
    // The keys seen: by the first key, the others' tuples (one key at the grain: the first alone).
    const seen = new Map<string, Set<string> | null>();
    const keys: string[] = new Array<string>(at.length);
    const out: string[] = [];
    rows: for (let i = 0; i < c.size; i++) {
      for (let j = 0; j < at.length; j++) {
        const k = at[j]! >= 0 ? c.key(i, at[j]!) : '';
        if (k === null) continue rows;
        keys[j] = k;
      }
      const first = at.length ? keys[0]! : '';
      if (at.length <= 1) {
        if (seen.has(first)) continue;
        seen.set(first, null);
      } else {
        const rest = at.length === 2 ? keys[1]! : JSON.stringify(keys.slice(1));
        let set = seen.get(first);
        if (!set) seen.set(first, (set = new Set()));
        if (set.has(rest)) continue;
        set.add(rest);
      }
      out.push(at.map((d, j) => (d >= 0 ? labelOf(then.dims[d]!, keys[j]!) : '')).filter((x) => x).join(' / '));
    }
    return out;
  };
  const rows = [...new Set(labels(without))];
  const of = new Set(labels(then)).size;
  return { then: withIt, now: restrictTo(now, withIt), source: then.sources.filter((_, i) => srcs.has(i)).map((x) => x.name).join(', '), has, rows, of };
}

/** Whether a table has a measure with a value in some row. */
function hasValues(t: Table, measure: string): boolean {
  const m = measureIndex(t, measure);
  return m >= 0 && columnsFor(t).givesAny(m);
}

/** A table's rows, counted without making them (a table kept as columns). */
function rowCount(t: Table): number {
  return columnsOf(t)?.size ?? t.rows.length;
}

/** The months of the figures chosen for the areas, earliest first (a row without a month adds none). */
function monthsChosen(at: DenominatorMonths): Period[] {
  const months = new Set<Period>();
  for (const p of at.chosen.values()) if (p !== null) months.add(p);
  return [...months].sort();
}

/** The note that a denominators table's figures are of other months than `period` for some areas. */
function denominatorMonth(measure: string, source: string, period: string, at: DenominatorMonths): Extract<Note, { code: 'denominator-month' }> {
  const every = at.other.length === 1 && at.other[0]!.areas.length === at.chosen.size;
  return { code: 'denominator-month', measure, source, period, other: at.other, every };
}

/**
 * rollup() once per table and grain for one plan: the report's groups are rolled up for the groups
 * present, the detail rows, their denominators and the like-for-like check alike, and with one key per
 * row each rollup is as big as the input.
 */
function rollOnce(): Roll {
  const done = new Map<Table, Map<string, Aggregated>>();
  return (table, grain) => {
    let byGrain = done.get(table);
    if (!byGrain) done.set(table, (byGrain = new Map()));
    const k = grain.join(SEP);
    let agg = byGrain.get(k);
    if (!agg) byGrain.set(k, (agg = rollup(table, grain)));
    return agg;
  };
}

/** The dims at which the rows carrying a measure are given (for "known per province"). */
function knownPer(table: Table, measure: string): string[] {
  const m = measureIndex(table, measure);
  const row = table.rows.find((r) => r.values[m] !== null && r.parent === undefined);
  if (!row) return [];
  return table.dims.filter((d, i) => row.keys[i] !== null && d.name !== 'period' && d.name !== 'kanwil').map((d) => d.name);
}

/**
 * The rows of a table (denominators, targets) for the areas the report has: an extract of Gorontalo's
 * participants is compared with Gorontalo's workforce, and a Kanwil's provinces with their own
 * targets, not with the whole country's.
 */
export function restrictTo(den: Table, cur: Table, only?: readonly string[]): Table {
  const shared = den.dims.map((d) => d.name).filter((n) => n !== 'period' && n !== 'year' && n !== 'from' && dimIndex(cur, n) >= 0 && (only === undefined || only.includes(n)));
  const di = shared.map((n) => dimIndex(den, n));
  const ci = shared.map((n) => dimIndex(cur, n));
  // For each set of shared dims a row has, the key tuples the report has on them: read on the columns,
  // numbered without a string made (TupleIndex: a million rows of the report, no row object, no joined key),
  // made only when a row is not found at the report's row after the last one found (targets in the
  // report's order, as breakdown writes them from the same input, need none: issue 20).
  const cc = columnsFor(cur);
  const present = new Map<number, { tuples?: TupleIndex; on: number[]; at: number[]; next: number }>();
  const keysFor = (mask: number): { tuples?: TupleIndex; on: number[]; at: number[]; next: number } => {
    let set = present.get(mask);
    if (!set) present.set(mask, (set = { on: ci.filter((_, j) => mask & (1 << j)), at: di.filter((_, j) => mask & (1 << j)), next: 0 }));
    return set;
  };
  return filterAt(den, (dc, i, segment) => {
    if (segment) return true;
    let mask = 0;
    for (let j = 0; j < di.length; j++) if (dc.hasKey(i, di[j]!)) mask |= 1 << j;
    const k = keysFor(mask);
    const { on, at } = k;
    if (k.next < cc.size) {
      let same = true;
      for (let j = 0; j < on.length && same; j++) same = cc.key(k.next, on[j]!) === dc.key(i, at[j]!);
      if (same) {
        k.next++;
        return true;
      }
    }
    k.tuples ??= new TupleIndex(cc, on);
    const r = k.tuples.find(dc, i, at);
    if (r >= 0) k.next = r + 1;
    return r >= 0;
  });
}

/**
 * The dimensions an extract's denominators are kept by: the report's own, and the area the data gives
 * that an extract is taken to cover whole (a report by segment of a Gorontalo extract keeps Gorontalo's
 * workforce, not the country's). That area is the province where the data has one, never the Kanwil
 * above it: a Gorontalo extract reported by Kanwil is compared with Gorontalo's workforce (631,521), not
 * with the eight Sulama provinces' (11,710,085), as a regional file of Gorontalo is. A regency without
 * rows stays in its province's denominator (a part without rows has no participants; said by
 * extract-parts).
 */
function denominatorKeys(grain: readonly string[], cur: Table): string[] {
  const area = wholeExtractArea(cur);
  return area ? [...grain, area] : [...grain];
}

/** The area an extract is taken to cover whole (its denominators are that area's): the province, else the one area the data has. */
function wholeExtractArea(cur: Table): AreaDim | undefined {
  return (['province', 'regency', 'kanwil'] as const).find((d) => dimIndex(cur, d) >= 0);
}

const AREA_RANK: Readonly<Record<AreaDim, number>> = { regency: 0, province: 1, kanwil: 2 };
const AREA_DIMS: readonly AreaDim[] = ['regency', 'province', 'kanwil'];
/** The finer of two areas (either may be missing). */
const finerArea = (a: AreaDim | undefined, b: AreaDim | undefined): AreaDim | undefined => (!a ? b : !b ? a : AREA_RANK[a] <= AREA_RANK[b] ? a : b);

/**
 * The key at the targets' grain of a report's row, from its keys at the report's grain: the keys the two
 * grains share, and a coarser area of the targets found from the row's area by the geography.
 */
function starKeyOf(grain: readonly string[], targetGrain: readonly string[], coarse: AreaDim | undefined, book: AreaBook | undefined): (keys: readonly string[]) => string {
  const ti = targetGrain.map((g) => grain.indexOf(g));
  const from = areaDimOf(grain);
  const fi = from ? grain.indexOf(from) : -1;
  const up = coarse && from && book ? areaUp(book, from, coarse) : undefined;
  return (keys) => key(ti.map((i, j) => (i >= 0 ? keys[i]! : targetGrain[j] === coarse && up && fi >= 0 ? (up(keys[fi]!) ?? '') : '')));
}

/**
 * A month the input and --previous both give (the first one found), with a row of each: the same
 * month's figures from two places, which would give one row's change from one and its months and pace
 * from the other.
 */
function monthGivenTwice(current: Table, previous: Table): Extract<CoverageProblem, { kind: 'month-given-twice' }> | undefined {
  const cd = dimIndex(current, 'period');
  const pd = dimIndex(previous, 'period');
  if (cd < 0 || pd < 0) return undefined;
  // On the tables' columns where they keep them (no row object per row; issue 20).
  const first = new Map<string, RowRef>();
  const cc = columnsOf(current);
  if (cc) {
    for (let i = 0; i < cc.size; i++) {
      const m = cc.key(i, cd);
      if (m !== null && m !== undefined && !first.has(m)) first.set(m, { src: cc.src[i]!, line: cc.lineAt(i) });
    }
  } else {
    for (const r of current.rows) {
      const m = r.keys[cd];
      if (m !== null && m !== undefined && !first.has(m)) first.set(m, r);
    }
  }
  const twice = (m: string | null | undefined, src: number, line: number): Extract<CoverageProblem, { kind: 'month-given-twice' }> | undefined => {
    const c = m === null || m === undefined ? undefined : first.get(m);
    return c ? { kind: 'month-given-twice', period: m!, input: { source: current.sources[c.src], line: c.line }, previous: { source: previous.sources[src], line } } : undefined;
  };
  const pc = columnsOf(previous);
  if (pc) {
    for (let i = 0; i < pc.size; i++) {
      const found = twice(pc.key(i, pd), pc.src[i]!, pc.lineAt(i));
      if (found) return found;
    }
    return undefined;
  }
  for (const r of previous.rows) {
    const found = twice(r.keys[pd], r.src, r.line);
    if (found) return found;
  }
  return undefined;
}

/** The keys of a table's rows as key() joins them (a rollup's groups), read on its columns where it keeps them. */
function groupKeySet(t: Table): Set<string> {
  const cols = columnsOf(t);
  if (!cols) return new Set(t.rows.map((r) => key(r.keys)));
  const nd = t.dims.length;
  const out = new Set<string>();
  for (let i = 0; i < cols.size; i++) out.add(groupKey(cols, i, nd));
  return out;
}

/**
 * The keys (as starKeyOf gives them) of the stars with a target. A report whose grain holds no area
 * cannot tell a row's coarser area of the targets (the segment PU spans every Kanwil reported): its
 * key leaves that area blank, and it counts as with a target only when every star under it has one.
 */
function starsWithTarget(stars: Iterable<Star>, targetGrain: readonly string[], coarse: AreaDim | undefined, grain: readonly string[]): Set<string> {
  const blank = coarse !== undefined && areaDimOf(grain) === undefined ? targetGrain.indexOf(coarse) : -1;
  if (blank < 0) {
    const out = new Set<string>();
    for (const x of stars) if (x.target !== null) out.add(x.key);
    return out;
  }
  const all = new Map<string, boolean>();
  for (const x of stars) {
    const k = key(x.keys.map((v, j) => (j === blank ? '' : v)));
    all.set(k, (all.get(k) ?? true) && x.target !== null);
  }
  const out = new Set<string>();
  for (const [k, ok] of all) if (ok) out.add(k);
  return out;
}

/**
 * The rows at the targets' grain that have a target, for the story; where the stars are finer units
 * (`finer` keys more), a row has one when some of its parts have, and is `inPart` when not all have.
 */
function storyTargets(stars: Iterable<Star>, finer: number, targetGrain: readonly string[], coarse: AreaDim | undefined, grain: readonly string[]): { withTarget: Set<string>; inPart?: Set<string> } {
  if (finer === 0) return { withTarget: starsWithTarget(stars, targetGrain, coarse, grain) };
  const withTarget = new Set<string>();
  const inPart = new Set<string>();
  for (const r of starRows(stars, finer)) {
    const k = key(r.first.keys.slice(0, r.first.keys.length - finer));
    if (r.withT > 0) withTarget.add(k);
    if (r.withT > 0 && r.withT < r.stars.length) inPart.add(k);
  }
  return { withTarget, inPart };
}

export function planCoverage(inputs: CoverageInputs, spec: CoverageSpec): CoverageResult {
  const notes: Note[] = [];
  const roll = rollOnce();
  const current = inputs.current;
  const periods = keysOf(current, 'period').sort();
  const period = spec.period ?? latestPeriod(periods);
  if (spec.period && periods.length && !periods.includes(spec.period)) throw new CoverageError({ kind: 'no-period', period: spec.period, periods });
  // --period before the latest month of the input: the months after it are read and left out, said.
  const later = spec.period ? periods.filter((p) => p > spec.period!) : [];
  if (later.length) notes.push({ code: 'later-months', period: spec.period!, months: later });
  const pDim = dimIndex(current, 'period');
  const cur = period ? atPeriod(current, period) : current;
  if (period && pDim >= 0) {
    const undated = [...sourcesOf(cur, (c, i) => c.key(i, pDim) === null)];
    // Some rows dated and these not; or none dated, and --period names the month they are reported as.
    if (undated.length && (periods.length || spec.period)) notes.push({ code: 'no-period', period, files: undated });
  } else if (period && spec.period) notes.push({ code: 'no-period', period, files: [...sourcesOf(cur, () => true)] });
  const grain = spec.grain;
  const pi = measureIndex(cur, 'participants');
  if (pi < 0 || !hasMeasure(cur, 'participants')) throw new CoverageError({ kind: 'no-participants' });

  // Previous month.
  let previousTable: Table | undefined;
  let previousPeriod: Period | undefined;
  if (inputs.previous) {
    previousPeriod = latestPeriod(keysOf(inputs.previous, 'period'));
    if (previousPeriod && period && previousPeriod >= period) throw new CoverageError({ kind: 'previous-not-earlier', previous: previousPeriod, period });
    previousTable = previousPeriod ? atPeriod(inputs.previous, previousPeriod) : inputs.previous;
  } else if (period) {
    previousPeriod = latestPeriod(periods.filter((p) => p < period));
    previousTable = previousPeriod ? filterAt(current, (c, i, segment) => segment || c.key(i, pDim) === previousPeriod) : undefined;
  }
  // A change over several months is not a month's change: said (the column keeps its name).
  if (previousTable && previousPeriod && period && monthsBetween(previousPeriod, period) > 1) notes.push({ code: 'change-span', from: previousPeriod, months: monthsBetween(previousPeriod, period) });

  // A month given both in the input and in --previous: two sources for one month (each fact once). The
  // change would be read from one and the months and the pace from the other, silently.
  if (inputs.previous && pDim >= 0) {
    const twice = monthGivenTwice(current, inputs.previous);
    if (twice) throw new CoverageError(twice);
  }

  // Who reported is judged on the parts the data gives (the rows as loaded: regencies under a
  // province, provinces under a kanwil, a wide row's segments), before they are rolled up to the
  // grain: a late regency must not pass unseen under its province (like-for-like.ts).
  const fine = fineDims([current, inputs.previous], grain);
  // The groups of the month reported, by key, and its parts: only where earlier months are compared (a
  // million keys in one month need no set of a million joined keys).
  let hereSet: Set<string> | undefined;
  const here = (): Set<string> => (hereSet ??= groupKeySet(roll(cur, grain).table));
  let herePartsSet: Set<string> | undefined;
  // Data no finer than the grain: its parts are its groups (no second set of a million keys).
  const hereParts = (): Set<string> => (herePartsSet ??= fine.length === grain.length ? here() : partsOf(cur, grain, fine));
  // Earlier months (the input's and --previous): the last month each group was seen, and each part of
  // the groups here (a group gone whole is named by itself; with one key per row a year of earlier
  // months is a million of them, and no part key is made for them). Grain keys are a prefix of part keys.
  const earlier = [{ table: period && pDim >= 0 ? current : undefined, keep: (c: RowColumns, i: number) => {
        const k = c.key(i, pDim);
        return k !== null && k < period!;
      } }, { table: inputs.previous }];
  let goneHeld: Gone | undefined;
  const gone = (): Gone => {
    if (goneHeld) return goneHeld;
    const whole = lastSeenParts(earlier, grain, grain, period).gone((k) => here().has(k));
    if (fine.length === grain.length) return (goneHeld = whole);
    // A part reported now at another grain (its group by province row now, by regency then) has reported.
    const parts = stillCovered(lastSeenParts(earlier, grain, fine, period, here()).gone((k) => hereParts().has(k)), hereParts(), grain);
    if (!parts.keys.length) return (goneHeld = whole);
    return (goneHeld = { keys: whole.keys.concat(parts.keys), labels: whole.labels.concat(parts.labels), periods: whole.periods.concat(parts.periods) });
  };

  // Completeness: the areas that must report (--expect).
  if (spec.expected) {
    const ed = spec.expected.dim;
    if (dimIndex(cur, ed) < 0) throw new CoverageError({ kind: 'expect-dim-missing', dim: ed });
    const present = new Set(keysOf(cur, ed));
    const missing = [...spec.expected.keys].filter(([k]) => !present.has(k));
    if (missing.length) {
      const seen = lastSeenParts(earlier, [ed], [ed], period);
      throw new CoverageError({ kind: 'expected-missing', dim: ed, period: period ?? null, expected: spec.expected.keys.size, missing: missing.map(([k, label]) => ({ label, lastSeen: seen.periodOf(k) ?? null })) });
    }
    const extra = [...present].filter((k) => !spec.expected!.keys.has(k));
    if (extra.length) {
      const d = cur.dims[dimIndex(cur, ed)]!;
      throw new CoverageError({ kind: 'unexpected', dim: ed, period: period ?? null, areas: extra.map((k) => labelOf(d, k)) });
    }
    // The areas under them that must report (a Kanwil's provinces), where the data has their dimension.
    const parts = spec.expected.parts;
    if (parts && dimIndex(cur, parts.dim) >= 0 && keysOf(cur, parts.dim).length) {
      const has = new Set(keysOf(cur, parts.dim));
      const lacking = [...parts.keys].filter(([k]) => !has.has(k));
      if (lacking.length) {
        const seen = lastSeenParts(earlier, [parts.dim], [parts.dim], period);
        throw new CoverageError({ kind: 'expected-missing', dim: parts.dim, period: period ?? null, expected: parts.keys.size, missing: lacking.map(([k, label]) => ({ label, lastSeen: seen.periodOf(k) ?? null })) });
      }
    }
    // Groups or parts of the expected areas seen in an earlier month and not now (Kota Gorontalo of
    // Gorontalo in a report by province; Gorontalo × PMI in a report by province × segment).
    if (period) {
      const at = grain.indexOf(ed);
      const g = gone();
      const lost: { label: string; lastSeen: Period | null }[] = [];
      g.keys.forEach((k, i) => {
        if (spec.expected!.keys.has(k.split(SEP)[at]!)) lost.push({ label: g.labels[i]!, lastSeen: g.periods[i] ?? null });
      });
      if (lost.length) throw new CoverageError({ kind: 'expected-part-missing', dim: ed, period, missing: lost });
    }
  }

  // Areas (or their parts) of an earlier month that the month reported lacks: named as the report names
  // its rows (a group gone whole by its name, a part of a group still here under its group).
  if (period) {
    const g = gone();
    if (g.keys.length) {
      const last = latestPeriod(g.periods.filter((p): p is Period => p !== null)) ?? '';
      notes.push({ code: 'missing-in-period', period, earlier: last, areas: g.labels, lastSeen: g.periods.map((p) => p ?? '') });
    }
  }

  // The scope: declared by --expect, else the areas of the data.
  // The grain every row has (one branch by regency among provinces by province: the provinces).
  const areaDim = reportedAreaDim(cur);
  const scope = spec.expected?.scope ?? (spec.areas && areaDim ? scopeOf(areaDim, new Set(keysOf(cur, areaDim)), spec.areas) : ({ kind: 'unknown' } as Scope));

  // The denominator: from the input, else from the denominators table.
  const fromInput = spec.denominator !== undefined && hasMeasure(cur, spec.denominator);
  // A denominators table: each area's figure of the month reported, or its nearest month (said).
  const denSource = inputs.denominators?.sources[0]?.name ?? '';
  // An extract's denominators are kept for the report's groups and its areas, never only for the parts
  // that have participants: in an extract a regency or a segment without a row has none, and its
  // workforce is still the area's (a province's 3 regencies of workforce, 2 with participants: 50, not 20).
  const denNow = spec.denominator !== undefined && !fromInput && inputs.denominators ? denominatorsAt(restrictTo(inputs.denominators, cur, denominatorKeys(grain, cur)), period) : undefined;
  if (denNow?.other.length) notes.push(denominatorMonth(spec.denominator!, denSource, period ?? '', denNow));
  const denTable = spec.denominator === undefined ? undefined : fromInput ? cur : denNow?.table;
  const denominatorFrom = spec.denominator === undefined || !denTable ? null : fromInput ? 'input' : 'denominators';
  if (!denominatorFrom) notes.push({ code: 'no-denominator' });
  // A denominator given for some of an area's parts only (2 of a province's 6 regencies) is not the
  // area's, where the data are per the whole area (an extract by province): said, as for targets
  // (partial-areas).
  // The whole area is the report's, or the area an extract covers whole when the report's is coarser (a
  // Kanwil's row of a Gorontalo extract has Gorontalo's denominator, not the Kanwil's).
  const extractArea = denNow ? wholeExtractArea(cur) : undefined;
  const wholeDim = finerArea(areaDimOf(grain), extractArea) ?? areaDimOf(cur.dims.map((d) => d.name));
  const partDim = denNow ? areaDimOf(denNow.table.dims.map((d) => d.name)) : undefined;
  const denAreaDim = partDim;
  if (denNow && spec.areas && wholeDim && partDim && partDim !== wholeDim) {
    const partial = partialTargetAreas(denNow.table, partDim, wholeDim, spec.areas, true);
    if (partial.length) notes.push({ code: 'partial-denominators', measure: spec.denominator!, source: denSource, dim: wholeDim, partDim, areas: partial });
  }
  // The areas whose denominator is only some of their parts' (rv25 F8): not the whole area's, so the
  // note below, "divided by the whole area's", is not said of them.
  // Targets follow the denominators: taken whole per extractArea where its denominators are (rv28 R9).
  // A wide row (participants_pu … participants_pmi beside the file's own denominator, what `template
  // --segments` writes) is taken whole per its area too: its denominator is the whole area's, so a
  // segment column the file lacks counts as no participants and that segment's targets stay in the area's
  // and the Total's (rv31 V14: without the JAKON column, the Total by segment dropped JAKON's 1,021,861).
  // Its whole area is the row's own (a regency's row stands for that regency, never for its province: the
  // province's other regencies without rows did not report, rv34 R1), so the finest area of the data.
  const wideArea = extractArea === undefined && fromInput && columnsFor(cur).parents !== undefined ? areaDimOf(cur.dims.map((d) => d.name)) : undefined;
  const wholeArea = extractArea ?? wideArea;
  const takenWhole = ((denNow !== undefined && extractArea !== undefined) || wideArea !== undefined) && wholeArea !== undefined && dimIndex(cur, wholeArea) >= 0;
  const notWhole = new Set(denNow && spec.areas && extractArea && partDim ? partialTargetAreas(denNow.table, partDim, extractArea, spec.areas).map((a) => a.label) : []);
  // Data (an extract, or a regional file by regency) with rows in only some of an area's parts (3 of Gorontalo's 6 regencies) is divided by the
  // whole area's denominator: a part without rows counts as no participants. Said, naming the areas.
  const dataArea = areaDimOf(cur.dims.map((d) => d.name));
  if (denTable && denominatorFrom === 'denominators' && spec.areas && extractArea && dataArea && dataArea !== extractArea) {
    const partial = partialTargetAreas(cur, dataArea, extractArea, spec.areas).filter((a) => !notWhole.has(a.label));
    if (partial.length) notes.push({ code: 'extract-parts', measure: spec.denominator!, source: denSource, dim: extractArea, partDim: dataArea, areas: partial });
  }

  // Targets for the month reported, for the report's areas only.
  const targets = inputs.targets;
  const asOf = spec.asOf ?? period;
  // A month outside the targets' frame has nothing to compare with: December of the target year is
  // past (a file left in place for the next year's first report), or the path had not started yet.
  if (targets && period) {
    if (period > `${targets.year}-12`) {
      // The next year's plan from the series, where it has none, is refused too: the hint must not offer it (rv28 R8).
      const y = Number(period.slice(0, 4));
      const s = targets.series;
      const lacks = s?.years && (y < s.years[0] || y > s.years[1]) ? { file: s.file, scenario: s.scenario } : undefined;
      throw new TargetFrameError({ kind: 'after-year', period, year: targets.year, source: targets.source, ...(lacks ? { lacks } : {}) });
    }
    // One rule for every kind of targets (a yearly file, a months file, --year's plan): rv14.
    if (targets.baselinePeriod && period < targets.baselinePeriod) throw new TargetFrameError({ kind: 'before-baseline', period, baseline: targets.baselinePeriod, source: targets.source });
  }
  const at = targets ? targetsAt(targets, period, asOf) : undefined;
  const left = period && targets ? monthsLeft(period, targets.year) : undefined;
  // The areas reported in part against a target for the whole area (partial-areas), by key.
  let partialWhole: { dim: string; partDim: string; keys: Set<string> } | undefined;
  // The target's December itself: no month left, so no run rate and no margin (said).
  if (left === 0 && period && targets) notes.push({ code: 'year-end', period, year: targets.year });
  // The month the targets start from: a milestone is the participants the plan started from, so a row
  // of the same figures is on-track by construction, and two plans of other baselines differ (rv28 R16).
  if (left !== 0 && period && targets?.baselinePeriod === period && !spec.asOf) notes.push({ code: 'baseline-month', period, source: targets.source });
  let targetTable: Table | undefined;
  // Targets per an area coarser than the report's (per Kanwil on a report by province): the data's rows
  // are placed in those areas by the geography (`curT`), so that the targets are those of the report's
  // areas and its Total compares like with like; without the geography, refused.
  const targetUnits = at ? at.table.dims.map((d) => d.name).filter((n) => n !== 'period' && n !== 'year' && n !== 'from') : [];
  const coarse = at ? coarserTargetArea(targetUnits, grain, cur.dims.map((d) => d.name)) : undefined;
  if (coarse && dimIndex(cur, coarse) < 0 && !spec.areas) throw new CoverageError({ kind: 'targets-area-unplaced', area: coarse, source: targets!.source });
  const curT = coarse && spec.areas ? withArea(cur, coarse, spec.areas) : cur;
  // Targets without an area column on a report whose scope is some areas only: national (a `breakdown
  // --year --by segment` file, one national total) when they total at least half the national
  // participants of the report's time (`nationalSized`, the rule of an input without an area too), and refused then, never compared in silence (a Kanwil's 3.3 M participants against the
  // national 70 M: rv28 R1, R2); else the scope's own (a Kanwil's 5,000,000 by segment, a province's per
  // branch office, breakdown --target N of the region's own file), read and said (rv30 T2). Without the
  // national figure (the library), or where the file says it is national (JSON meta.scope), refused as national. --year's plan is made on the report's own units
  // (its targets carry their areas, or are a --series total of one's own).
  let ownScope: { total: number; targets: number } | undefined;
  if (at && targets!.yearFrom !== 'plan' && !areaDimOf(targetUnits) && scope.kind !== 'national' && scope.kind !== 'unknown') {
    const ti = measureIndex(at.table, 'target');
    const si = dimIndex(at.table, 'segment');
    let total = 0;
    let n = 0;
    // Per segment too: a national split of one segment is national under half the whole (rv32 W7).
    const bySegment = new Map<string, number>();
    const ac = columnsFor(at.table);
    for (let i = 0; i < ac.size; i++) {
      const v = ac.value(i, ti);
      if (v === null) continue;
      total += v;
      n++;
      const s = si >= 0 ? ac.key(i, si) : null;
      if (s !== null && s !== undefined) bySegment.set(s, (bySegment.get(s) ?? 0) + v);
    }
    const national = targets!.national;
    const size = national && !national.said ? nationalSized(total, national, bySegment) : false;
    if (!national || national.said || size) {
      throw new CoverageError({ kind: 'targets-national', source: targets!.source, total, targets: n, keys: targetUnits, scope, year: targets!.yearFrom === 'unknown' ? null : targets!.year, ...(national ? { national } : {}), ...(size && size.segment ? { segment: { segment: size.segment, total: size.total, national: size.national, period: national!.segmentsPeriod ?? '' } } : {}) });
    }
    // The file says whose they are (the tool's own JSON output): another Kanwil's or province's are not
    // this one's (rv31 V5), nor another part's of the same Kanwil, told by its areas (rv32 W8: Maluku's
    // segment plan and Gorontalo's report are both "Kanwil Sulama, 1 of 8").
    const said = targets!.scopeSaid;
    if (said && (said.kind !== scope.kind || !('name' in scope) || said.name !== scope.name || scopeAreasDiffer(said.areas, scope))) throw new CoverageError({ kind: 'targets-other-scope', source: targets!.source, total, targets: n, keys: targetUnits, scope, year: targets!.yearFrom === 'unknown' ? null : targets!.year, said });
    ownScope = { total, targets: n };
    // A file of a scope in part that does not name its areas (written before rv32 W8): whose part cannot be told, said.
    const unnamed = said && !said.areas && said.counts && said.counts.areas < said.counts.of ? said.counts : undefined;
    notes.push({ code: 'targets-own-scope', source: targets!.source, total, targets: n, keys: targetUnits, scope, national, ...(unnamed ? { unnamed } : {}) });
  }
  /** The targets of the report's areas: of its rows, or of the whole areas of data taken whole (rv28 R9). */
  // Targets per an area finer than the data's, with no column of the data's (province targets on a
  // Kanwil's recap by kanwil × segment): first cut to the data's areas by the geography, in every --by
  // (rv32 W5: by segment, the 38 provinces' 70,000,000 against Sulama's participants).
  const inDataAreas = (t: Table): Table => (spec.areas && areaDim ? targetsInDataAreas(t, cur, areaDim, spec.areas) : t);
  const targetsOfReport = (t: Table): Table => (takenWhole && dimIndex(t, wholeArea!) >= 0 ? restrictTo(inDataAreas(t), curT, [wholeArea!]) : restrictTo(inDataAreas(t), curT));
  if (at) {
    if (at.milestoneMissing) notes.push({ code: 'milestone-missing', period: at.milestoneMissing });
    if (at.noWaypoints) {
      const { from, year } = at.noWaypoints;
      const missing: number[] = [];
      for (let y = Number(from.slice(0, 4)); y < year; y++) if (`${y}-12` > from) missing.push(y);
      notes.push({ code: 'no-waypoints', from, year, source: targets!.source, missing, ...(targets!.yearFrom !== 'plan' ? { yearly: true as const, ...(targets!.series ? { series: targets!.series } : {}) } : {}), ...(targets!.phasing.kind === 'profile' ? { profile: targets!.phasing.source } : {}) });
    }
    // Data without denominators of its own (an extract, or counts) is taken whole per the area its
    // denominators are (extractArea): a part of that area without rows (a segment, a regency) counts as
    // no participants, so its target stays in the area's and the Total's, as its workforce does in the
    // denominator (rv28 R9: the targets followed the rows, the denominator the whole area). Said
    // (targets-no-rows).
    targetTable = targetsOfReport(at.table);
    // Rows with a target and no milestone for the month (a targets file with no participants to start
    // the path from, or a target below its start): their status compares with December, and is said.
    // No month in the input (a report read back has no period column): the month's milestone and the
    // months left are unknown, so status compares with December and there is no run rate. Said.
    if (!period && rowCount(targetTable)) notes.push({ code: 'no-month-for-targets' });
    if (!at.milestoneMissing && period) {
      const ti = measureIndex(targetTable, 'target');
      const mi = measureIndex(targetTable, 'milestone');
      let withTarget = 0;
      let without = 0;
      const tc = columnsFor(targetTable);
      for (let i = 0; i < tc.size; i++) {
        if (tc.value(i, ti) === null) continue;
        withTarget++;
        if (mi < 0 || tc.value(i, mi) === null) without++;
      }
      if (without > 0) notes.push({ code: 'no-milestones', period, rows: without, of: withTarget, ...(at.noFromMilestone ? { noFromMilestone: at.noFromMilestone } : !hasMeasure(targets!.table, 'participants') ? { noParticipants: true as const } : !targets!.baselinePeriod ? { noBaseline: true as const } : {}) });
    }
    const kept = rowCount(targetTable);
    const dropped = rowCount(at.table) - kept;
    if (dropped > 0 && kept > 0) {
      const ti = measureIndex(targetTable, 'target');
      let sum = 0;
      const tc = columnsFor(targetTable);
      for (let i = 0; i < tc.size; i++) sum += tc.value(i, ti) ?? 0;
      let all = 0;
      const ac = columnsFor(at.table);
      const ai = measureIndex(at.table, 'target');
      for (let i = 0; i < ac.size; i++) all += ac.value(i, ai) ?? 0;
      notes.push({ code: 'targets-restricted', kept, of: rowCount(at.table), source: targets!.source, grain: targetUnitsSaid(targetUnits), sum, ...(targets!.yearFrom === 'plan' ? { national: { year: targets!.year, total: all } } : {}) });
    }
    // Areas reported only in part (2 of 15 regencies; 4 of a Kanwil's 5 provinces) against a target for
    // the whole area (the report's area, or the coarser area the targets are given per). Warned, as for
    // every area reported in part: the comparison is fair only when the rest are truly zero. Not where
    // the targets are per a finer area (province targets in a report by Kanwil: its target is the sum
    // of its reported provinces' targets, like for like).
    // Each area counted in the parts all its rows give (rv26 F1: a Kanwil with one province by regency
    // is reported in provinces, 7 of 8, not in that province's regencies).
    const dataDim = areaDimOf(cur.dims.map((d) => d.name));
    const wholeDim = wholeTargetArea(targetUnits, grain, coarse);
    if (spec.areas && dataDim && wholeDim && dataDim !== wholeDim) {
      // Data taken whole (extract-parts said: the others have no participants) is not reported in part
      // in that area: its target is the whole area's as its denominator is (rv28 R14).
      const whole = new Set(takenWhole && wholeDim === extractArea ? notes.flatMap((n) => (n.code === 'extract-parts' && n.dim === wholeDim ? n.areas.map((a) => a.label) : [])) : []);
      for (const { partDim, areas: all } of partialAreasByPart(curT, wholeDim, spec.areas)) {
        const partial = all.filter((a) => !whole.has(a.label));
        if (!partial.length) continue;
        notes.push({ code: 'partial-areas', dim: wholeDim, partDim, areas: partial });
        // Their target is the whole area's; where their denominator is the reported parts', a target
        // coverage of the two is no figure of either, so it is left empty (said). Not where the
        // denominator is the whole area's (a denominators table per province for a file by regency,
        // extract-parts): target over denominator is then of one scope (rv26 F2).
        const denWhole = denominatorFrom === 'denominators' && denAreaDim !== undefined && AREA_RANK[denAreaDim] >= AREA_RANK[wholeDim];
        const wd = dimIndex(curT, wholeDim);
        if (wd >= 0 && !denWhole) {
          const said = new Set(partial.map((a) => a.label));
          const keys = keysOf(curT, wholeDim).filter((k) => said.has(labelOf(curT.dims[wd]!, k)));
          if (partialWhole) for (const k of keys) partialWhole.keys.add(k);
          else partialWhole = { dim: wholeDim, partDim, keys: new Set(keys) };
        }
      }
    }
    // The other way round: targets per a finer area than the data's (regency targets on a province file),
    // given for only some of an area's parts: its target is theirs, compared with all its participants.
    const finerDim = areaDimOf(targetUnits);
    if (spec.areas && dataDim && finerDim && finerDim !== dataDim && rowCount(targetTable)) {
      const placed = dimIndex(targetTable, dataDim) >= 0 ? targetTable : withArea(targetTable, dataDim, spec.areas);
      const partial = partialTargetAreas(placed, finerDim, dataDim, spec.areas);
      if (partial.length) notes.push({ code: 'partial-targets', source: targets!.source, dim: dataDim, partDim: finerDim, areas: partial });
    }
    // Targets per a finer key that is no area and that the data has not (province × segment targets on a
    // file by province), missing for some of a group's parts (Maluku without PU): the group's target
    // would be the others' sum against all its participants (rv31 V3: "achieved" 105 %). Its targets
    // are left out: the row is shown without a target, the Total compares the others' (said).
    const lackingDims = targetUnits.filter((d) => d !== 'regency' && d !== 'province' && d !== 'kanwil' && !grain.includes(d) && dimIndex(curT, d) < 0 && dimIndex(targetTable!, d) >= 0);
    if (lackingDims.length && rowCount(targetTable!)) {
      // The four segments are the whole of a row without a segment key: targets of some segments only,
      // the same for every row, are not its target either (rv32 W9: PU's, "achieved" 102.5 %).
      const whole = lackingDims.length === 1 && lackingDims[0] === 'segment' ? SEGMENTS : undefined;
      const { kept, groups, absent } = groupsLackingParts(targetTable!, lackingDims, whole);
      if (groups.length) {
        // No row keeps a target: nothing of the file is compared, refused (the words say why, not "none of its targets is for an area of this report").
        if (!rowCount(kept)) throw new CoverageError({ kind: 'target-parts-missing', source: targets!.source, partDims: lackingDims, absent, rows: groups.length });
        targetTable = kept;
        notes.push({ code: 'target-parts-missing', source: targets!.source, partDims: lackingDims, rows: groups.slice(0, 8), count: groups.length });
      }
    }
    // A target of 0 of a finer row (a segment's, a regency's, a sector's; a province's or a Kanwil's is
    // refused where the file is read): real where the plan sets none (breakdown writes Papua Tengah's
    // JAKON as 0), but any participants make the row "achieved" (rv31 V10). Said, naming them, where
    // the row has participants and is of the report's areas (zero-targets.ts, rv32 W4).
    if (targets!.yearFrom !== 'plan') for (const z of zeroTargets(targetTable, targets!.table, cur, targets!.source, spec.areas)) notes.push(z);
  }
  // A report's area coarser than the area its figures are summed over (--by kanwil on provinces), with
  // only some of an area's parts in the data: its row is those parts', not the whole area's (a Gorontalo
  // extract's Sulama row has Gorontalo's participants, denominator and target). Said, unless the
  // targets are the whole area's (partial-areas says so).
  const grainArea = areaDimOf(grain);
  const summedOver = extractArea ?? dataArea;
  if (spec.areas && grainArea && summedOver && AREA_RANK[summedOver] < AREA_RANK[grainArea] && !notes.some((n) => n.code === 'partial-areas' && n.dim === grainArea)) {
    const placed = withArea(cur, grainArea, spec.areas);
    const partial = partialTargetAreas(placed, summedOver, grainArea, spec.areas);
    if (partial.length) notes.push({ code: 'area-in-part', dim: grainArea, partDim: summedOver, areas: partial });
  }

  // The grain targets are given at, within the report's grain: [province] for province targets in a
  // province × segment report; [] for one national target.
  // Coarser targets: [kanwil] in a report by province (only the Total shows them).
  const targetGrain = targetTable ? [...grain.filter((g) => dimIndex(targetTable!, g) >= 0), ...(coarse && dimIndex(curT, coarse) >= 0 && !grain.includes(coarse) ? [coarse] : [])] : [];
  /** The key at the targets' grain of a detail row of the report (by its keys at the report's grain). */
  const starOf = starKeyOf(grain, targetGrain, coarse, spec.areas);

  // Like for like: the parts present in both months (the report's groups when the data is no finer).
  let lfl = false;
  let likeForLike: CoverageResult['likeForLike'];
  let curLfl = cur;
  let prevLfl = previousTable;
  // (A grain dimension the previous month has no key in is none of its: a glob's month of Kanwil rows
  // among province files, whose province column is the other months'. Compared as --previous with that
  // file compares it, the Total's change over the whole Kanwil; fx52.)
  if (previousTable && grain.every((g) => dimIndex(previousTable!, g) >= 0 && hasKeys(previousTable!, dimIndex(previousTable!, g)))) {
    let prev = partsOf(previousTable, grain, fine);
    let now = hereParts();
    let common = 0;
    for (const k of now) if (prev.has(k)) common++;
    // A group reported by regency one month and by its province row the other: compared at the grain
    // both months have (rv26 F7), as --previous with the files of the two months does. Said.
    const switched = common !== now.size || common !== prev.size ? grainSwitches(prev, now, grain) : undefined;
    if (switched) {
      const n = grain.length;
      prev = new Set(Array.from(prev, (k) => coarsenPart(k, n, switched)));
      now = new Set(Array.from(now, (k) => coarsenPart(k, n, switched)));
      common = 0;
      for (const k of now) if (prev.has(k)) common++;
      notes.push({ code: 'grain-changed', previousPeriod: previousPeriod ?? '', period: period ?? '', areas: [...switched.keys()].map((g) => partLabel(cur, grain, g)), dims: [...new Set(Array.from(switched.values(), (at) => Array.from(at, (j) => fine[j]!)).flat())] });
    }
    if (common !== now.size || common !== prev.size) {
      lfl = true;
      curLfl = keepParts(cur, grain, fine, prev, switched);
      prevLfl = keepParts(previousTable, grain, fine, now, switched);
      const prevGroups = new Set<string>();
      for (const k of prev) prevGroups.add(groupOfPart(k, grain));
      const named = (t: Table, keys: string[], groupHere: (g: string) => boolean): string[] => (fine.length === grain.length ? keys.map((k) => partLabel(t, grain, k)) : nameAsGroups(keys, grain, (k) => partLabel(t, fine, k), groupHere, (g) => partLabel(t, grain, g)));
      const missing = named(previousTable, Array.from(prev).filter((k) => !now.has(k)), (g) => here().has(g));
      const added = named(cur, Array.from(now).filter((k) => !prev.has(k)), (g) => prevGroups.has(g));
      const parts = fine.length > grain.length ? { parts: fine } : {};
      likeForLike = { both: common, missing, added, ...parts };
      notes.push({ code: 'like-for-like', previousPeriod: previousPeriod ?? '', both: common, missing, added, ...parts });
    }
  }
  // An area one month gives whole and the other by some segments only (a PU recap; a file without its
  // PMI rows): left out of the change and the pace, said (segment-sets.ts; fx52).
  const areaDims = previousTable ? fine.filter((d) => d !== 'segment' && dimIndex(cur, d) >= 0 && dimIndex(previousTable!, d) >= 0) : [];
  const short = previousTable && !inputs.everyParticipant ? segmentsShort(cur, previousTable, areaDims, inputs.zeroSegment) : undefined;
  if (short) {
    lfl = true;
    curLfl = withoutAreas(curLfl, short.dims, short.drop);
    prevLfl = withoutAreas(prevLfl!, short.dims, short.drop);
    // No change at all: no word of how the change compares the months (which would contradict it).
    if (short.every) {
      likeForLike = undefined;
      for (let i = notes.length - 1; i >= 0; i--) if (notes[i]!.code === 'grain-changed' || notes[i]!.code === 'like-for-like') notes.splice(i, 1);
    }
    notes.push({ code: 'segments-short', previousPeriod: previousPeriod ?? '', period: period ?? '', areas: short.areas.slice(0, 8), more: Math.max(0, short.areas.length - 8), every: short.every });
  }
  const lflDen = !lfl ? undefined : fromInput ? curLfl : denNow && restrictTo(denNow.table, curLfl);
  // The previous month's denominators: its own (a regional file), else the denominators table's of that
  // month (each area's nearest), so that an extract has a change in coverage too.
  let prevDen: Table | undefined;
  if (prevLfl && spec.denominator && !fromInput && inputs.denominators && !hasValues(prevLfl, spec.denominator)) {
    // A previous month with no area column (the tool's own report by segment, whose meta.scope is the
    // input's) is of the input's areas: their figures, never every area's (rv31 V12).
    // Its areas are the dimensions its rows give keys in: a glob's month of Kanwil rows among province
    // files has a province column of blanks (the other months'), which is no area of it. Restricted by
    // it, no denominator matched and coverage_change_pp was empty where --previous with the same file
    // gave it (Sulama +0.127061 pp; fx52).
    const keyed = prevLfl.dims.map((d) => d.name).filter((n, d) => n !== 'period' && hasKeys(prevLfl!, d));
    const byPrev = areaDimOf(keyed) !== undefined || !areaDimOf(curLfl.dims.map((d) => d.name));
    const then = denominatorsAt(byPrev ? restrictTo(inputs.denominators, prevLfl, keyed) : restrictTo(inputs.denominators, curLfl), previousPeriod);
    prevDen = then.table;
    // A glob's earlier month without an area (its area cells blank) has no coverage to compare: no word
    // that it is over the same figures (rv32 W11).
    const placed = areaDimOf(keyed.filter((n) => dimIndex(inputs.denominators!, n) >= 0)) !== undefined || !AREA_DIMS.some((d) => dimIndex(prevLfl!, d) >= 0 && dimIndex(inputs.denominators!, d) >= 0 && keysOf(prevLfl!, d).length === 0);
    if (denNow && previousPeriod && period && placed && sameFigures(denNow, then)) {
      const months = new Set(then.chosen.values());
      notes.push({ code: 'denominator-same', measure: spec.denominator, source: denSource, period, previousPeriod, of: months.size === 1 ? ([...months][0] ?? null) : null });
    } else if (then.other.length && previousPeriod) notes.push({ ...denominatorMonth(spec.denominator, denSource, previousPeriod, then), previous: true });
  }

  // rv28 R11: a previous month that gives its denominator under another name (employed where the month
  // reported has potential_workers): no coverage to compare, and coverage_change_pp stays empty. Said.
  if (prevLfl && previousTable && spec.denominator && fromInput && !short?.every && !hasValues(prevLfl, spec.denominator)) {
    const has = DENOMINATORS.filter((m) => m !== spec.denominator && hasValues(prevLfl!, m));
    // The files of that month only (rv29 S8): not every --previous file, nor the input's of other months.
    const srcs = new Set<number>();
    const pc = columnsFor(prevLfl);
    for (let i = 0; i < pc.size; i++) srcs.add(pc.src[i]!);
    const source = previousTable.sources.filter((_, i) => srcs.has(i)).map((x) => x.name).join(', ');
    notes.push({ code: 'previous-denominator', measure: spec.denominator, previousPeriod: previousPeriod ?? null, source, has });
  }
  // rv31 V9: some of the previous month's rows only without it (one file of a --previous glob gives
  // employed): their coverage_change_pp is empty, the others' sums' is over the rows both months give
  // it for (like for like; the change in participants stays over all). Said, naming the files.
  const points = prevLfl && spec.denominator && fromInput ? pointsBasis(prevLfl, curLfl, spec.denominator, grain) : undefined;
  if (points) notes.push({ code: 'previous-denominator-part', measure: spec.denominator!, previousPeriod: previousPeriod ?? null, source: points.source, has: points.has, rows: points.rows, of: points.of });

  // Rows at the targets' grain: participants, target and milestone per group (for subtotals and the
  // Total, which add up the groups that have a target, and only their participants).
  let stars: Stars | undefined;
  /** The data's rollup the stars are the groups of (a level of the same table and grain has a star a row). */
  let starAgg: Table | undefined;
  let starDims: readonly Dimension[] | undefined;
  /** The grain of the stars: the targets' grain within the report's, and the finer units the targets are given per. */
  let starGrain: readonly string[] = targetGrain;
  let wholePlan = false; // every target of the plan is in the Total (a Kanwil's is a sum of planned targets)
  let planTargets = 0; // the stars with a target: a row with all of them holds the same targets as the Total
  if (targetTable) {
    // Targets finer than the report's rows (regency targets under a province row, province targets
    // under a Kanwil's or a segment's row), with the data as fine: the stars are those finer units, so
    // that a row adds up the targets of the parts that have one, compared with those parts'
    // participants only (like for like, as a subtotal over rows without a target; rv28 R23).
    starGrain = [...targetGrain, ...finerTargetDims(targetUnits, grain, coarse, curT, targetTable)];
    const agg = roll(curT, starGrain).table;
    starAgg = agg;
    starDims = agg.dims;
    const pm = measureIndex(agg, 'participants');
    // The targets at the stars' grain, met with the data's groups by their keys (matchGroups: no Map of
    // joined keys on either side); their rollup carries the estimate marks (issue 19).
    const tAgg = measureIndex(targetTable, 'target') >= 0 && starGrain.every((g) => dimIndex(targetTable!, g) >= 0) ? roll(targetTable, starGrain).table : undefined;
    const tc = tAgg ? columnsFor(tAgg) : undefined;
    const tti = tAgg ? measureIndex(tAgg, 'target') : -1;
    const tmi = tAgg ? measureIndex(tAgg, 'milestone') : -1;
    const dc = columnsFor(agg);
    const toTarget = tAgg ? matchGroups(tAgg, agg) : undefined;
    // A star over several targets, some with a milestone and some not: the mixed sum (milestone-sums).
    const mixed = mixedMilestones(targetTable, starGrain, roll);
    // Each star's denominator: the same rollup's, or the denominators table's at the targets' grain.
    const sd = spec.denominator && denTable === cur ? measureIndex(agg, spec.denominator) : -1;
    const sdOther = spec.denominator && denTable && denTable !== cur ? measureAt(denTable, starGrain, spec.denominator, roll).values : undefined;
    const nd = starGrain.length;
    // Data taken whole (rv28 R9): the targets of its area's parts without rows, each a star of no
    // participants (in its area's subtotal and the Total; no row of its own).
    const noRowsAt: number[] = [];
    if (takenWhole && tAgg) {
      const had = new Uint8Array(tc!.size);
      for (const t of toTarget!) if (t >= 0) had[t] = 1;
      for (let g = 0; g < tc!.size; g++) if (had[g] === 0 && tc!.value(g, tti) !== null) noRowsAt.push(g);
    }
    const st = new Stars(dc, dc.size, tc, toTarget, noRowsAt, grain.map((g) => starGrain.indexOf(g)), nd, { pm, sd, tti, tmi });
    const wi = partialWhole ? starGrain.indexOf(partialWhole.dim) : -1;
    if (sdOther) {
      const den = (st.denominators = new Float64Array(st.size).fill(NaN));
      for (let i = 0; i < st.size; i++) den[i] = sdOther.get(i < dc.size ? groupKey(dc, i, nd) : groupKey(tc!, st.group(i), nd)) ?? NaN;
    }
    if (wi >= 0) for (let i = 0; i < dc.size; i++) if (partialWhole!.keys.has(dc.key(i, wi)!)) (st.partial ??= new Uint8Array(st.size))[i] = 1;
    if (mixed) {
      for (let i = 0; i < dc.size; i++) {
        const mixedM = st.milestoneAt(i) === null ? mixed.get(groupKey(dc, i, nd)) : undefined;
        if (mixedM !== undefined) (st.mixed ??= new Float64Array(st.size).fill(NaN))[i] = mixedM;
      }
    }
    stars = st;
    if (noRowsAt.length) {
      const note = targetsNoRows(Array.from(st.all(dc.size)), starGrain, tAgg!.dims, wholeArea!);
      if (note) notes.push(note);
    }
    let withT = 0;
    for (let i = 0; i < stars.size; i++) if (stars.targetAt(i) !== null) withT++;
    let partialWithTarget = false;
    for (let i = 0; i < stars.size && !partialWithTarget; i++) if (stars.partial?.[i] === 1 && stars.targetAt(i) !== null) partialWithTarget = true;
    if (partialWhole && partialWithTarget) {
      const d = curT.dims[dimIndex(curT, partialWhole.dim)]!;
      notes.push({ code: 'partial-target-coverage', dim: partialWhole.dim, partDim: partialWhole.partDim, areas: [...partialWhole.keys].map((k) => labelOf(d, k)) });
    }
    // Some targets with a milestone and some without: the sums' milestone counts the latter's targets.
    const mixedRows = mixed ? mixedCount(targetTable) : undefined;
    if (period && mixedRows) notes.push({ code: 'milestone-sums', period, rows: mixedRows.without, of: mixedRows.of });
    if (withT === 0) throw new CoverageError({ kind: 'targets-match-nothing', source: targets!.source, rows: rowCount(at!.table) });
    const ti = measureIndex(at!.table, 'target');
    const ac = columnsFor(at!.table);
    let given = 0;
    for (let i = 0; i < ac.size; i++) if (ac.value(i, ti) !== null) given++;
    wholePlan = withT === given;
    planTargets = withT;
    // Targets per branch in a report by region × branch: no row but the Total can show them (a level
    // shows targets only when the targets' grain holds all its keys). Said.
    const shows = (g: readonly string[]): boolean => g.every((x) => targetGrain.includes(x));
    if (grain.length > 0 && !shows(grain) && !(grain.length >= 2 && shows([grain[0]!]))) notes.push({ code: 'targets-total-only', targetGrain: targetUnitsSaid(targetUnits), grain });
    const nets = gapNets(curT, targetTable, targetUnits, grain, roll);
    if (nets) notes.push(nets);
  }

  // A level's rows: the rollup's groups, each made into a CoverageRow when it is read.
  const levelRows = (g: readonly string[], level: CoverageRow['level']): LevelRows => {
    const agg = roll(cur, g);
    if (level === 'detail') {
      const un = agg.unplaced.get('participants');
      if (un) throw new CoverageError({ kind: 'grain-missing', dim: un.lacks[0] ?? g[0]!, at: un.first }, cur.sources);
    }
    const part = agg.table;
    const pm = measureIndex(part, 'participants');
    // A denominator from the input is the same rollup's: read on the row itself, no map by key.
    const denSame = spec.denominator !== undefined && denTable === cur;
    const dm = denSame ? measureIndex(part, spec.denominator!) : -1;
    const den = spec.denominator && !denSame ? measureAt(denTable, g, spec.denominator, roll, true) : denSame ? { values: new Map<string, number | null>(), agg, lacking: undefined, marks: undefined } : { values: new Map<string, number | null>() };
    // A group over rows without a denominator has none (never the others' denominators alone).
    if (spec.denominator && !denSame) withoutLacking(den.values, cur, denTable, grain, g, spec.denominator, roll);
    if (level === 'detail' && spec.denominator && denTable) {
      const agg2 = den.agg;
      const un = agg2?.unplaced.get(spec.denominator);
      if (den.lacking || (un && !(denSame ? dm >= 0 && columnsFor(part).givesAny(dm) : [...den.values.values()].some((v) => v !== null)))) notes.push({ code: 'coarser', measure: spec.denominator, grain: g, knownPer: knownPer(denTable, spec.denominator) });
      const inc = agg2?.incomplete.get(spec.denominator);
      if (inc) notes.push({ code: 'incomplete', measure: spec.denominator, groups: inc.count, example: inc.keys.map((k, i) => labelOf(agg2!.table.dims[i]!, k)).join(' / '), at: `${denTable.sources[inc.at.src]?.name ?? ''}:${inc.at.line}` });
    }
    // Targets: the sum over the groups at the targets' grain under this group that have a target (and
    // their participants only); a level finer than the targets' grain has none.
    const withTargets = stars !== undefined && g.every((x) => targetGrain.includes(x));
    const gi = g.map((x) => grain.indexOf(x));
    // The stars under each group of this level, added up in one pass over them (looking through every
    // star for every row took 23 s for 32,000 branches with a target each, and grew with the square).
    // A level of the very groups the stars are (the detail rows at the targets' grain): star i is row i,
    // read from the stars' columns when the row is made, no sums held per row (issue 20).
    const ownStars = withTargets && part === starAgg && g.length === starGrain.length;
    const underGroup = withTargets && !ownStars ? starsByGroup(stars!, gi) : undefined;
    // The previous month, like for like where the groups differ.
    // Each found by key when its column is made, one at a time (issue 20: a Map of a million joined
    // keys each, six of them held at once with --previous).
    const prevP = prevLfl ? () => measureAt(prevLfl, g, 'participants', roll).values : undefined;
    const prevD = prevLfl && spec.denominator ? () => {
      const v = measureAt(prevDen ?? prevLfl, g, spec.denominator!, roll).values;
      if (prevDen && level !== 'detail') withoutLacking(v, prevLfl, prevDen, grain, g, spec.denominator!, roll);
      return v;
    } : undefined;
    const ptsAt = points ? (['participants', spec.denominator!] as const).flatMap((m) => [() => measureAt(points.now, g, m, roll).values, () => measureAt(points.then, g, m, roll).values]) : undefined;
    const lflP = lfl ? () => measureAt(curLfl, g, 'participants', roll).values : undefined;
    const lflD = lfl && spec.denominator ? () => {
      const v = measureAt(lflDen, g, spec.denominator!, roll).values;
      if (lflDen && lflDen !== curLfl && level !== 'detail') withoutLacking(v, curLfl, lflDen, grain, g, spec.denominator!, roll);
      return v;
    } : undefined;
    // Figures looked up by the group's key are found once per group, into arrays by group number (a
    // row is made more than once: a pass while planning, then by each writer): NaN where there is none.
    const groups = columnsFor(part);
    const n = groups.size;
    const byKey = den.values.size > 0 || den.marks !== undefined || prevP !== undefined || lflP !== undefined || underGroup !== undefined || ptsAt !== undefined;
    const column = (of: (() => Map<string, number | null>) | undefined, keys: readonly string[]): Float64Array | undefined => {
      if (!of) return undefined;
      const m = of();
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = m.get(keys[i]!) ?? NaN;
      return out;
    };
    let denAt: Float64Array | undefined;
    let denRowAt: ({ estimated?: readonly string[] } | undefined)[] | undefined;
    let prevPAt: Float64Array | undefined;
    let prevDAt: Float64Array | undefined;
    let lflPAt: Float64Array | undefined;
    let lflDAt: Float64Array | undefined;
    let starsAt: ((i: number) => StarSums) | undefined;
    let pointsAt: Float64Array[] | undefined;
    if (ownStars) {
      const own = stars!;
      starsAt = (i) => {
        const u = { ...NO_STARS };
        addStar(u, own, i);
        return u;
      };
    }
    if (byKey) {
      const keys = new Array<string>(n);
      for (let i = 0; i < n; i++) keys[i] = groupKey(groups, i, part.dims.length);
      if (!denSame) denAt = column(() => den.values, keys);
      if ('marks' in den && den.marks) denRowAt = keys.map((k) => ({ estimated: den.marks!.get(k) }));
      prevPAt = column(prevP, keys);
      prevDAt = column(prevD, keys);
      if (ptsAt) pointsAt = ptsAt.map((m) => column(m, keys)!);
      lflPAt = column(lflP, keys);
      lflDAt = column(lflD, keys);
      if (underGroup) {
        const sums = keys.map((k) => underGroup.get(k) ?? NO_STARS);
        starsAt = (i) => sums[i]!;
      }
    }
    // The rows are made by a function outside this plan's scope, given only what they read: a list held
    // by the result keeps these arrays and the level's groups, not every table and rollup of the plan.
    return levelMaker({ level, groups, dims: part.dims, pm, dm, denSame, denominator: spec.denominator, margin: spec.atRiskMargin, left, plannedTotal: (targets?.yearFrom === 'plan' || targets?.totalGiven === true) && wholePlan ? planTargets : undefined, denAt, denRowAt, prevPAt, prevDAt, lflPAt, lflDAt, starsAt, pointsAt });
  };
  const detail = levelRows(grain, 'detail');
  // One pass over the detail rows, each made and let go: rows without a denominator where others have
  // one (a regency whose file lacks the column: their coverage is empty, and so is that of every
  // subtotal and the Total over them; said with an example; a denominator known only per coarser group
  // has its own note, 'coarser'), and rows covered above 100%.
  // The same pass finds whether any row has a target or an estimate (for the report's columns and legend).
  let without = 0;
  let example: number | undefined;
  const over: string[] = [];
  const overAt: number[] = [];
  const zero: string[] = [];
  let zeros = 0;
  // Rows whose participants fell to 0 since the month before: a regency's may be real, but a fall of 100 %
  // in a month is more often a blank an export wrote as 0 (rv28 R21; a province's 0 is refused when read).
  const fell: { label: string; previous: number }[] = [];
  let fellCount = 0;
  const has = { target: false, estimate: false };
  const seen = (r: CoverageRow): void => {
    if (r.metrics.target !== null) has.target = true;
    if (r.estimated?.length) has.estimate = true;
  };
  for (let i = 0; i < detail.length; i++) {
    const r = detail.figures(i);
    seen(r);
    if (r.metrics.coverage !== null && r.metrics.coverage > 1) {
      over.push(detail.at(i).labels.join(' / '));
      overAt.push(i);
    }
    if (r.metrics.denominator === 0 && zeros++ < 5) zero.push(detail.at(i).labels.join(' / '));
    if (r.metrics.participants === 0 && r.metrics.change !== null && r.metrics.change < 0 && fellCount++ < 5) fell.push({ label: detail.at(i).labels.join(' / '), previous: -r.metrics.change });
    if (r.metrics.denominator !== null) continue;
    without++;
    example ??= i;
  }
  // Participants above a figure of the denominators table (the bundled baseline's, --workforce's): no
  // such coverage exists, as over a file's own denominator (refused when read); refused alike unless a
  // documented exception, an estimated figure or --allow-over-coverage lets the row through (rv21 F).
  // Only a denominator that holds every participant (workforce, employed, potential workers: the ones a
  // file's own column is checked against): formal employment leaves out the BPU and PMI members who are
  // participants, so coverage above it is real (rv23 F1: 686,023 over Kalimantan Tengah's formal 649,744
  // was refused).
  if (overAt.length && denominatorFrom === 'denominators' && denNow && (DENOMINATORS as readonly string[]).includes(spec.denominator!)) {
    const rolled = roll(cur, grain).table;
    const above = aboveDenominators(overAt, detail, grain, spec, denNow.table, rolled);
    if (above.length) {
      const listed = above.slice(0, 5);
      const facts = { measure: spec.denominator!, source: denSource, rows: listed, more: above.length - listed.length };
      // With the sources, the refusal is placed at its first row's file and line (validate's columns; rv23 F8).
      if (!spec.allowOverCoverage) throw new CoverageError({ kind: 'over-denominators', ...facts }, rolled.sources);
      notes.push({ code: 'over-denominators', ...facts });
      const named = new Set(above.map((x) => x.label));
      for (let j = over.length - 1; j >= 0; j--) if (named.has(over[j]!)) over.splice(j, 1);
    }
  }
  if (fellCount > 0 && previousPeriod && period) notes.push({ code: 'fell-to-zero', rows: fell, count: fellCount, from: previousPeriod, period });
  if (zeros > 0 && spec.denominator) notes.push({ code: 'zero-denominator', measure: spec.denominator, units: zero, count: zeros });
  if (denominatorFrom && !notes.some((x) => x.code === 'coarser') && without > 0) notes.push({ code: 'denominator-missing', measure: spec.denominator!, rows: without, of: detail.length, example: detail.at(example!).labels.join(' / ') });
  let targetRows: CoverageResult['targetRows'];
  // The rows at the targets' grain within the report's (the stars, or the rows their finer units fall
  // in): those without any target, and those whose parts have targets in part (rv28 R23).
  if (stars && starGrain.length === targetGrain.length) {
    {
      // Each star a row of its own (its keys are its row's): counted on the columns, no row list made.
      const all = stars;
      const labelAt = (i: number, n: number): string => {
        const parts: string[] = [];
        for (let j = 0; j < n; j++) parts.push(labelOf(starDims![j]!, all.key(i, j)));
        return parts.join(' / ');
      };
      let withN = 0;
      let withoutN = 0;
      const withoutLabels: string[] = [];
      for (let i = 0; i < all.fromData; i++) {
        if (all.targetAt(i) !== null) withN++;
        else if (withoutN++ < 5) withoutLabels.push(labelAt(i, targetGrain.length));
      }
      targetRows = { with: withN, of: all.fromData, grain: targetGrain };
      if (withN < all.fromData) notes.push({ code: 'no-target', rows: withoutLabels, count: withoutN, with: withN, of: all.fromData });
    }
  }
  if (stars && starGrain.length > targetGrain.length) {
    const rows = starRows(stars.all(0, stars.fromData), starGrain.length - targetGrain.length);
    const label = (x: Star, n: number): string => x.keys.slice(0, n).map((k, d) => labelOf(starDims![d]!, k)).join(' / ');
    const withT = rows.filter((r) => r.withT > 0);
    targetRows = { with: withT.length, of: rows.length, grain: targetGrain };
    if (withT.length < rows.length) {
      const without = rows.filter((r) => r.withT === 0);
      notes.push({ code: 'no-target', rows: without.slice(0, 5).map((r) => label(r.first, targetGrain.length)), count: without.length, with: withT.length, of: rows.length });
    }
    const inPart = withT.filter((r) => r.withT < r.stars.length);
    if (inPart.length) {
      const finer = starGrain.slice(targetGrain.length);
      const partLabel = (x: Star): string => x.keys.slice(targetGrain.length).map((k, d) => labelOf(starDims![targetGrain.length + d]!, k)).join(' / ');
      notes.push({
        code: 'no-target-parts',
        partDims: finer,
        rows: inPart.slice(0, 8).map((r) => {
          const none = r.stars.filter((x) => x.target === null);
          return { label: targetGrain.length ? label(r.first, targetGrain.length) : '', with: r.withT, of: r.stars.length, none: none.slice(0, 5).map(partLabel), count: none.length };
        }),
        count: inPart.length,
      });
    }
  }
  // The report's order: a detail row by its place in `detail`, a subtotal or the Total (few, made now)
  // as -1 - its place in `made`. A million detail rows: 4 MiB of Int32Array, no list per first key.
  const made: CoverageRow[] = [];
  const order = new OrderList(detail.length);
  if (grain.length >= 2) {
    const subs = new Map<string, CoverageRow>();
    const sub = levelRows([grain[0]!], 'subtotal');
    // A denominator known per coarser group ('coarser': no detail row has one): the subtotals that lack
    // it are said as the detail rows would be (Bali without workforce, by province as by province × segment).
    const coarser = denominatorFrom && notes.some((x) => x.code === 'coarser');
    let subWithout = 0;
    let subExample: string | undefined;
    for (let i = 0; i < sub.length; i++) {
      const r = sub.at(i);
      seen(r);
      subs.set(sub.firstKey(i), r);
      if (coarser && r.metrics.denominator === null) {
        subWithout++;
        subExample ??= r.labels[0];
      }
    }
    if (subWithout > 0) notes.push({ code: 'denominator-missing', measure: spec.denominator!, rows: subWithout, of: sub.length, example: subExample ?? '', per: grain[0]! });
    // The detail rows by first key, in order of first appearance, each followed by its subtotal: a
    // counting sort (the number of each row's first key, a byte a row while there are at most 255 first
    // keys; then each row put straight into its place in the order).
    const firsts = new Map<string, number>();
    const keyOf: string[] = [];
    let firstOf: Uint8Array | Uint16Array | Int32Array = new Uint8Array(detail.length);
    for (let i = 0; i < detail.length; i++) {
      const k = detail.firstKey(i);
      let f = firsts.get(k);
      if (f === undefined) {
        firsts.set(k, (f = keyOf.length));
        keyOf.push(k);
        if (f === 256 && firstOf instanceof Uint8Array) firstOf = Uint16Array.from(firstOf);
        if (f === 65536 && firstOf instanceof Uint16Array) firstOf = Int32Array.from(firstOf);
      }
      firstOf[i] = f;
    }
    // at[f]: where first key f's rows begin in the order (its rows and subtotals before them).
    const at = new Int32Array(keyOf.length + 1);
    for (let i = 0; i < detail.length; i++) at[firstOf[i]! + 1]!++;
    const subOf: (CoverageRow | undefined)[] = keyOf.map((k) => subs.get(k));
    for (let f = 0; f < keyOf.length; f++) at[f + 1]! += at[f]! + (subOf[f] ? 1 : 0);
    const base = order.room(at[keyOf.length]!);
    for (let f = 0; f < keyOf.length; f++) {
      const s = subOf[f];
      if (s) order.set(base + at[f + 1]! - 1, -1 - (made.push(s) - 1));
    }
    for (let i = 0; i < detail.length; i++) order.set(base + at[firstOf[i]!]!++, i);
  } else for (let i = 0; i < detail.length; i++) order.push(i);
  const totals = levelRows([], 'total');
  for (let i = 0; i < totals.length; i++) {
    const r = totals.at(i);
    seen(r);
    order.push(-1 - (made.push(r) - 1));
  }
  let rowList = orderedRows(order.done(), made, detail, has);
  // Targets with no area column above the whole denominator of a row they are compared with, where its
  // participants are not (a documented over-coverage, DKI Jakarta's, is left alone): no breakdown of a
  // region makes one (its upper bound is the denominator), so they are another area's or the nation's
  // (rv31 V1: 28,671,930 against Sulama's 11,710,085 employed). Read as the scope's own: refused. With no
  // area on either side (a recap by segment, scope unknown): warned, kept under --quiet, since a region's
  // own plan over a stale denominator cannot be told from another's, and the figures have no other frame.
  if (targetTable && spec.denominator && !areaDimOf(targetUnits) && targets!.yearFrom !== 'plan' && (ownScope || scope.kind === 'unknown')) {
    const over: { row: string; target: number; denominator: number }[] = [];
    let count = 0;
    // (Targets at no key of the report's, one total: only the subtotals and the Total have one.)
    for (let i = 0; i < rowList.length; i++) {
      if (targetGrain.length === 0 && rowList.level(i) === 'detail') continue;
      const r = rowList.at(i);
      const m = r.metrics;
      if (m.target === null || m.denominator === null || m.target <= m.denominator || m.participants > m.denominator) continue;
      const row = r.level === 'total' ? '' : r.labels.join(' / ');
      if (ownScope) throw new CoverageError({ kind: 'targets-other-scope', source: targets!.source, total: ownScope.total, targets: ownScope.targets, keys: targetUnits, scope, year: targets!.yearFrom === 'unknown' ? null : targets!.year, over: { row, target: m.target, denominator: m.denominator, measure: spec.denominator } });
      count++;
      if (over.length < 5) over.push({ row, target: m.target, denominator: m.denominator });
    }
    if (count > 0) notes.push({ code: 'targets-over-denominator', source: targets!.source, measure: spec.denominator, rows: over, count });
  }

  // The year as a story: with two months or more, each row's pace and where it lands in December.
  let story: CoverageStory | undefined;
  // A part of a row reported now that did not report (Kota Gorontalo late under Gorontalo) is out of its
  // row's every month, as a province late as a whole is out of the Total's: the trend's months, the
  // charts and the sparkline are over the parts reported now, as the change and the pace are (rv26 F8).
  const lateParts = period && fine.length > grain.length ? new Set(gone().keys.filter((k) => here().has(groupOfPart(k, grain)))) : undefined;
  // An area an earlier month gives in other segment sets than the month reported's (segment-sets.ts):
  // out of the pace and the trend in that month, as out of the change in the previous one (fx52).
  const shortThen = period && !inputs.everyParticipant ? shortByMonth([current, inputs.previous], cur, period, areaDims, inputs.zeroSegment) : undefined;
  const storyTables = (inputs.previous ? [current, inputs.previous] : [current]).map((t) => (lateParts?.size ? dropParts(t, grain, fine, lateParts) : t)).map((t) => (shortThen ? earlierWithout(t, shortThen) : t));
  const history = period ? historyOf(storyTables, grain, period, here) : undefined;
  if (period && history && history.months.length >= 2 && history.months[history.months.length - 1] === period) {
    // Data finer than the grain: each row's pace is over its parts reported at both ends of the window
    // (the months of the window only: a pace reads no other).
    const window = spec.paceWindow ?? 3;
    // A month between the first and the month reported that no file gives (not one area's: the whole
    // month): the trend runs over it, so it is said (completeness).
    const gaps: Period[] = [];
    for (let m = addMonths(history.months[0]!, 1); m < period; m = addMonths(m, 1)) if (!history.months.includes(m)) gaps.push(m);
    if (gaps.length) notes.push({ code: 'months-missing', months: gaps, from: history.months[0]!, to: period });
    const paceMonths = history.months.filter((m) => monthsBetween(m, period) <= window);
    const parts = fine.length > grain.length ? { months: paceMonths, byGroup: partSeries([current, inputs.previous].map((t) => (t && shortThen ? earlierWithout(t, shortThen) : t)), grain, fine, paceMonths, here()) } : undefined;
    const december = `${targets?.year ?? periodYear(period)}-12`;
    const withTargets = storyTargets(stars ? stars.all() : [], starGrain.length - targetGrain.length, targetGrain, coarse, grain);
    const told = tellStory(rowList, history, {
      grain,
      window: spec.paceWindow ?? 3,
      left: Math.max(0, monthsBetween(period, december)),
      december,
      margin: spec.atRiskMargin,
      starOf,
      ...withTargets,
      notes,
      denominator: denominatorFrom ? spec.denominator : undefined,
      allowOver: spec.allowOverCoverage,
      parts,
    });
    rowList = told.list;
    const total = rowList.at(rowList.length - 1);
    // The Total's projection nets targets projected above against targets projected short: said, as
    // for today's gap (gap-nets), with those projected short named.
    if (targetTable && total.story?.projectedGap !== null && total.story?.projectedGap !== undefined) {
      const placed = (t: Table): Table => (coarse && spec.areas ? withArea(t, coarse, spec.areas) : t);
      const tables = inputs.previous ? [placed(current), placed(inputs.previous)] : [placed(current)];
      const nets = projectionNets({ rows: rowList, grain, units: targetUnits, data: curT, history: () => historyOf(tables, grainOfNets(curT, targetTable!, targetUnits), period), targets: targetTable, roll, window, left: Math.max(0, monthsBetween(period, december)), december, gap: total.story.projectedGap, allowOver: spec.allowOverCoverage, denominator: denTable === cur ? { table: curT, measure: spec.denominator! } : denTable && spec.denominator ? { table: denTable, measure: spec.denominator } : undefined });
      if (nets) notes.push(nets);
    }
    const months: Period[] = [];
    for (let m = history.months[0]!; m <= december; m = addMonths(m, 1)) months.push(m);
    const milestonesOf = (m: Period): number | null => {
      if (!targets) return null;
      const t = targetsOfReport(targetsAt(targets, m, asOf, true).table);
      const mi = measureIndex(t, 'milestone');
      const ti = measureIndex(t, 'target');
      // As the Total's milestone: a row without one counts its target, when some row has one.
      let sum = 0;
      let some = false;
      for (const r of t.rows) {
        const v = mi >= 0 ? r.values[mi] : null;
        const target = r.values[ti];
        if (v !== null && v !== undefined) {
          some = true;
          sum += v;
        } else if (target !== null && target !== undefined) sum += target;
        else return null;
      }
      return t.rows.length && some ? sum : null;
    };
    // The chart sets the actual line against the milestone path and the projection against the target:
    // where some rows have no target, those lines are of the rows with one, as the milestones and the
    // target are (fx35's note: the Total's 1,950,000 of three provinces drawn above the path of two, and
    // projected above their target, while the status said will-miss). Said in the chart's title.
    const like = targetTable ? chartRowsWithTarget(rowList, history.months.length, starOf, withTargets.withTarget) : undefined;
    const totalSeries = like?.series ?? total.story?.series ?? [];
    const projected = like ? like.projected : (total.story?.projected ?? null);
    const now = like ? like.now : total.metrics.participants;
    const span = monthsBetween(period, december);
    story = {
      months: history.months,
      window: spec.paceWindow ?? 3,
      december,
      chart: {
        months,
        actual: months.map((m) => {
          const i = history.months.indexOf(m);
          return i < 0 ? null : (totalSeries[i] ?? null);
        }),
        milestones: months.map(milestonesOf),
        projection: months.map((m) => {
          const k = monthsBetween(period, m);
          if (k < 0 || projected === null) return null;
          return span === 0 ? now : now + Math.round(((projected - now) * k) / span);
        }),
        target: total.metrics.target,
        ...(like ? { rows: like.rows } : {}),
      },
    };
  }
  if (over.length) notes.push({ code: 'over-coverage', units: over });
  const fromFile = at?.revisionFrom && !targets?.revision ? fileRevision(targets!, at.table, at.revisionFrom, period, asOf) : undefined;
  const revision = targets?.revision ? { ...targets.revision, fileFrom: at?.revisionFrom ?? null } : fromFile ? (({ along: _, ...facts }) => facts)(fromFile) : undefined;
  // A revision read from a targets file is said as --year's is (rv26 F4): the terminal and Markdown of
  // the README's monthly job (--targets) named none, and the target moved from June to July without a word.
  // One of a December on the way only (a multi-year months file) is said as such (rv27 F4), and one the
  // file holds that is not in force yet too (rv27 F8).
  const fileName = targets ? targets.source.replace(/ \(sha256 [^)]*\)/g, '') : '';
  if (fromFile) notes.push({ code: 'revision', year: targets!.year, from: fromFile.from, total: fromFile.total, before: fromFile.before, asOf: fromFile.asOf, source: fileName, ...(fromFile.along ? { along: fromFile.along } : {}) });
  const laterInFile = targets && !targets.revision ? laterFileRevision(targets, period, spec.asOf, fileName) : undefined;
  if (laterInFile) notes.push(laterInFile);
  return withRows(rowList, {
    grain,
    period,
    previousPeriod: previousTable ? previousPeriod : undefined,
    denominator: denominatorFrom ? spec.denominator : undefined,
    denominatorFrom,
    ...(denominatorFrom === 'denominators' && denNow ? { denominatorMonths: monthsChosen(denNow) } : {}),
    targetYear: targets?.yearFrom === 'unknown' ? undefined : targets?.year,
    targetYearFrom: targets?.yearFrom,
    monthsLeft: left,
    scope,
    targetRows,
    revision,
    rule: targets?.rule,
    likeForLike,
    ...(story ? { story } : {}),
    notes,
  });
}

/**
 * The result with its rows: `rowList`, and `rows` made from it on first use. Made here, outside
 * planCoverage: a getter made inside would keep every table and rollup of the plan for as long as the
 * result lives.
 */
function withRows(list: CoverageRowList, facts: Omit<CoverageResult, 'rows' | 'rowList'>): CoverageResult {
  let held: readonly CoverageRow[] | undefined;
  return {
    ...facts,
    get rows() {
      return (held ??= Array.from(list));
    },
    rowList: list,
  };
}

/** What a level's rows are made from: its groups, and the figures found for them by group number. */
interface LevelInputs {
  readonly level: CoverageRow['level'];
  readonly groups: RowColumns;
  readonly dims: readonly Dimension[];
  /** The measures participants and (from the same rollup) the denominator, by index. */
  readonly pm: number;
  readonly dm: number;
  readonly denSame: boolean;
  readonly denominator: string | undefined;
  readonly margin: number;
  readonly left: number | undefined;
  /**
   * Targets planned for a year (or a file whose own Total gives them: totalGiven), all of them in the
   * Total: its target is the given total (no estimate). The number of them (stars with a target): a row
   * that holds them all (a Kanwil's row of a file of its provinces) is that total too, marked as the
   * Total is (rv36 N3: "Sulama,4000000,target" beside "Total,4000000," over the same 8 targets).
   */
  readonly plannedTotal: number | undefined;
  /** By group number; NaN where there is none. */
  readonly denAt?: Float64Array;
  readonly denRowAt?: readonly ({ readonly estimated?: readonly string[] } | undefined)[];
  readonly prevPAt?: Float64Array;
  readonly prevDAt?: Float64Array;
  readonly lflPAt?: Float64Array;
  readonly lflDAt?: Float64Array;
  /** The stars under row i, added up. */
  readonly starsAt?: (i: number) => StarSums;
  /** rv31 V9: now's participants, the previous month's, now's denominator, the previous month's, over the rows both give it for. */
  readonly pointsAt?: readonly Float64Array[];
}

const figureAt = (a: Float64Array | undefined, i: number): number | undefined => {
  const v = a?.[i];
  return v === undefined || Number.isNaN(v) ? undefined : v;
};

/** A level's rows, each made into a CoverageRow when read. */
function levelMaker(o: LevelInputs): LevelRows {
  const { level, groups, pm, dm, denSame, starsAt } = o;
  // `named`: with the row's labels (a lookup per key in a dimension's labels; a pass that only adds
  // figures up goes without them).
  const make = (i: number, named: boolean): CoverageRow => {
    const keys = groups.keys.map((col) => col.at(i)!);
    const d = denSame ? ((dm >= 0 ? groups.value(i, dm) : null) ?? undefined) : figureAt(o.denAt, i);
    let t: number | undefined;
    let milestone: number | undefined;
    let targetParticipants: number | undefined;
    let targetRows: CoverageRow['targetRows'];
    let targetEstimated = false; // issue 19: a target or milestone summed from an estimate is one
    let givenTotal = level === 'total' && o.plannedTotal !== undefined; // the row's target is the plan's given total
    let milestoneEstimated = false;
    // What the target is a coverage of: the denominator of the rows that have a target (all of them, or
    // for a subtotal or the Total whose rows have targets in part, theirs only, as gap and achievement).
    let targetDen: number | undefined = d ?? undefined;
    let targetedCoverage: number | undefined;
    if (starsAt) {
      const u = starsAt(i);
      if (u.withT > 0 && u.withT < u.of) targetDen = u.allD ? u.sumD : undefined;
      if (u.withT > 0 && u.withT < u.of && u.allD && !u.partial && u.sumD > 0) targetedCoverage = u.sumP / u.sumD;
      // A target for a whole area over the denominator of its parts reported: no ratio of two scopes.
      if (u.partial) targetDen = undefined;
      targetEstimated = u.targetEstimated;
      milestoneEstimated = u.milestoneEstimated;
      if (o.plannedTotal !== undefined && u.withT === o.plannedTotal) givenTotal = true;
      if (u.withT > 0) {
        t = u.sumT;
        targetParticipants = u.sumP;
        // A sum over stars some of which have no milestone for the month (a target below its start, or
        // no start): theirs counts as their December target, which their own status compares with, so
        // that the sum is judged as its rows are (never against December as a whole). Said (milestone-sums).
        milestone = u.allM ? u.sumM : u.anyM ? u.sumMT : undefined;
      }
      if (level !== 'detail') targetRows = { with: u.withT, of: u.of };
    }
    const metrics = computeCoverage(
      {
        denominator: d ?? undefined,
        participants: (pm >= 0 ? groups.value(i, pm) : undefined)!,
        targetParticipants,
        target: t ?? undefined,
        milestone,
        monthsLeft: t !== undefined ? o.left : undefined,
        previousParticipants: figureAt(o.prevPAt, i),
        previousDenominator: figureAt(o.prevDAt, i),
        likeForLike: o.lflPAt ? { participants: figureAt(o.lflPAt, i), denominator: figureAt(o.lflDAt, i) } : undefined,
        ...(o.pointsAt ? { points: { participants: figureAt(o.pointsAt[0], i), previousParticipants: figureAt(o.pointsAt[1], i), denominator: figureAt(o.pointsAt[2], i), previousDenominator: figureAt(o.pointsAt[3], i) } } : {}),
      },
      o.margin,
    );
    return {
      level,
      keys,
      labels: named ? keys.map((x, j) => labelOf(o.dims[j]!, x)) : NO_LABELS,
      metrics,
      targetCoverage: t !== undefined && targetDen !== undefined && targetDen > 0 ? t / targetDen : null,
      ...(targetRows ? { targetRows } : {}),
      ...(targetedCoverage !== undefined ? { targetedCoverage } : {}),
      // issue 19: which figures are estimates; a milestone phased from an estimated target or baseline is one
      estimated: estimatedFigures({
        denominator: isEstimated(denSame ? { estimated: groups.estimated.get(i) } : o.denRowAt?.[i], o.denominator),
        participants: isEstimated({ estimated: groups.estimated.get(i) }, 'participants'),
        // targets planned for a year split a given national total, which is no estimate itself
        target: t !== undefined && targetEstimated && !givenTotal,
        milestone: milestone !== undefined && milestoneEstimated,
        hasStatus: metrics.status !== null,
      }),
    };
  };
  return { length: groups.size, at: (i) => make(i, true), figures: (i) => make(i, false), firstKey: (i) => groups.keys[0]!.at(i)! };
}

/** The names of the sources of the rows i where pick(columns, i) holds, in order of first row. */
function sourcesOf(t: Table, pick: (cols: RowColumns, i: number) => boolean): Set<string> {
  const cols = columnsFor(t);
  const out = new Set<string>();
  for (let i = 0; i < cols.size; i++) if (pick(cols, i)) out.add(t.sources[cols.src[i]!]!.name);
  return out;
}

/** A level's rows by their place: made when read. */
/**
 * Of the detail rows `at` (each above its denominator, from the denominators table `den`), those nothing
 * lets through: not a documented exception of the row's province (a regency's province, one of a
 * Kanwil's provinces; spec.exceptions) and not an estimated figure. Each with the months of its figure
 * (the rows of `den` with the row's keys) and the place of its participants (`groups`: the data at the
 * grain, whose rows are the detail rows in order).
 */
function aboveDenominators(at: readonly number[], detail: LevelRows, grain: readonly string[], spec: CoverageSpec, den: Table, groups: Table): OverDenominatorRow[] {
  const measure = spec.denominator!;
  const allowed = (province: string | undefined): boolean => province !== undefined && spec.exceptions?.get(province)?.has(measure) === true;
  const exempt = (keys: readonly string[]): boolean => {
    if (!spec.exceptions?.size) return false;
    const pi = grain.indexOf('province');
    if (pi >= 0) return allowed(keys[pi]);
    const ri = grain.indexOf('regency');
    if (ri >= 0) return allowed(spec.areas?.regencies.get(keys[ri]!)?.province);
    const ki = grain.indexOf('kanwil');
    if (ki >= 0 && spec.areas) for (const [code, p] of spec.areas.provinces) if (p.kanwil === keys[ki] && allowed(code)) return true;
    return false;
  };
  const pd = dimIndex(den, 'period');
  const dm = measureIndex(den, measure);
  const onDen = grain.map((g) => dimIndex(den, g));
  const places = columnsFor(groups);
  const out: OverDenominatorRow[] = [];
  for (const i of at) {
    const r = detail.at(i);
    if (exempt(r.keys) || r.estimated?.includes('denominator')) continue;
    const months = new Set<string>();
    if (pd >= 0) {
      for (const d of den.rows) {
        if (d.parent !== undefined || d.values[dm] === null || d.values[dm] === undefined) continue;
        if (onDen.every((x, j) => x < 0 || d.keys[x] === r.keys[j]) && d.keys[pd]) months.add(d.keys[pd]);
      }
    }
    const src = groups.sources[places.src[i]!];
    out.push({ label: r.labels.join(' / '), participants: r.metrics.participants, denominator: r.metrics.denominator!, months: [...months].sort(), ...(src ? { at: `${src.name}:${places.lineAt(i)}`, ref: { src: places.src[i]!, line: places.lineAt(i) } } : {}) });
  }
  return out;
}

interface LevelRows {
  readonly length: number;
  at(i: number): CoverageRow;
  /** Row i without its labels (NO_LABELS): for a pass that only reads figures. */
  figures(i: number): CoverageRow;
  /** The first key of row i, without making the row. */
  firstKey(i: number): string;
}

const NO_LABELS: readonly string[] = Object.freeze([]);

/** Numbers in a typed array that grows (a detail row per number: a million of them). */
class OrderList {
  private a: Int32Array;
  private n = 0;
  constructor(expected: number) {
    this.a = new Int32Array(expected + 64);
  }

  push(x: number): void {
    if (this.n === this.a.length) {
      const next = new Int32Array(this.a.length * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.n++] = x;
  }

  /** Room for n numbers at the end, set later (set); returns where it begins. */
  room(n: number): number {
    const at = this.n;
    if (at + n > this.a.length) {
      const next = new Int32Array(Math.max(this.a.length * 2, at + n + 64));
      next.set(this.a.subarray(0, at));
      this.a = next;
    }
    this.n += n;
    return at;
  }

  set(i: number, x: number): void {
    this.a[i] = x;
  }

  done(): Int32Array {
    return this.a.subarray(0, this.n);
  }
}

/**
 * The report's rows in `order`: a number i ≥ 0 is row i of `detail`, made when read; -1 - j is the row
 * made[j] (a subtotal or the Total).
 */
function orderedRows(order: Int32Array, made: readonly CoverageRow[], detail: LevelRows, has: { target: boolean; estimate: boolean }): CoverageRowList {
  const at = (i: number): CoverageRow => {
    const x = order[i]!;
    return x >= 0 ? detail.at(x) : made[-1 - x]!;
  };
  return {
    length: order.length,
    anyTarget: has.target,
    anyEstimate: has.estimate,
    at: (i) => at(listIndex(i, order.length)),
    level: (i) => {
      const x = order[listIndex(i, order.length)]!;
      return x >= 0 ? 'detail' : made[-1 - x]!.level;
    },
    *[Symbol.iterator]() {
      for (let i = 0; i < order.length; i++) yield at(i);
    },
  };
}

/** How many rows of a level a list has, none of them made. */
export function countLevel(list: CoverageRowList, level: CoverageRow['level']): number {
  let n = 0;
  for (let i = 0; i < list.length; i++) if (list.level(i) === level) n++;
  return n;
}

/**
 * The chart's actual and projection over the detail rows with a target, where some have none (and some
 * have one): their months summed (null where one of them has none), their projections summed (null where
 * one has none) and their participants now. Undefined where every row, or none, has a target.
 * Example: Aceh 660,000 and Bali 960,000 with targets, Papua 330,000 without → now 1,620,000, rows 2 of 3.
 */
function chartRowsWithTarget(rows: Iterable<CoverageRow>, months: number, starOf: (keys: readonly string[]) => string, withTarget: ReadonlySet<string>): { series: (number | null)[]; projected: number | null; now: number; rows: ChartRows } | undefined {
  const series: (number | null)[] = new Array<number | null>(months).fill(0);
  let projected: number | null = 0;
  let now = 0;
  let of = 0;
  let n = 0;
  const without: string[] = [];
  for (const r of rows) {
    if (r.level !== 'detail') continue;
    of++;
    if (!withTarget.has(starOf(r.keys))) {
      if (without.length < 5) without.push(r.labels.join(' / '));
      continue;
    }
    n++;
    now += r.metrics.participants;
    const s = r.story;
    for (let i = 0; i < months; i++) {
      const v = s?.series[i];
      series[i] = v === null || v === undefined || series[i] === null ? null : series[i]! + v;
    }
    projected = projected === null || s?.projected === null || s?.projected === undefined ? null : projected + s.projected;
  }
  if (n === 0 || n === of) return undefined;
  return { series, projected, now, rows: { with: n, of, without } };
}

/** Rows already made (the story's), as a list. */
export function heldRows(rows: readonly CoverageRow[]): CoverageRowList {
  return {
    length: rows.length,
    anyTarget: rows.some((r) => r.metrics.target !== null),
    anyEstimate: rows.some((r) => r.estimated?.length),
    at: (i) => rows[listIndex(i, rows.length)]!,
    level: (i) => rows[listIndex(i, rows.length)]!.level,
    [Symbol.iterator]: () => rows[Symbol.iterator](),
  };
}

/**
 * Whether a projection may pass the denominator `d` (one rule for every row): when participants above it
 * are accepted for the row, by --allow-over-coverage for every row, or by the row being above it already.
 */
function overAccepted(participants: number, d: number, allowOver: boolean | undefined): boolean {
  return allowOver === true || participants > d;
}

/**
 * Each row's story: a detail row's own pace and projection; a subtotal's or the Total's the sum of its
 * rows' (a projection of a level is the sum of its rows' projections, so the Total adds up). The gap
 * and status of a projection compare it with the target of the row, over the rows that have targets.
 * A detail row's pace, projection and marks are kept in arrays by its place in the list, and its row
 * with the story is made when read, as the list's rows are (issue 20: no row object, story object or
 * Map entry per detail row held; a subtotal's and the Total's rows, few, are made once and kept).
 */
function tellStory(
  list: CoverageRowList,
  history: History,
  o: { grain: readonly string[]; window: number; left: number; december: Period; margin: number; starOf: (keys: readonly string[]) => string; withTarget: ReadonlySet<string>; inPart?: ReadonlySet<string>; notes: Note[]; denominator?: string; allowOver?: boolean; parts?: { readonly months: readonly Period[]; readonly byGroup: ReadonlyMap<string, ReadonlyMap<string, (number | null)[]>> } },
): { list: CoverageRowList } {
  const n = history.months.length;
  const len = list.length;
  // By place in the list, for its detail rows: the months (History's own array), the pace (months 0:
  // none), the projection (NaN: none), the estimate marks of the months; flags: the row's key at the
  // targets' grain has a target (1), is a target of some parts only (2), the projection rests on an estimate (4).
  const noSeries: readonly (number | null)[] = new Array<number | null>(n).fill(null);
  const seriesAt = new Array<readonly (number | null)[] | undefined>(len);
  const paceChange = new Float64Array(len);
  const paceMonths = new Int32Array(len);
  const paceFrom = new Int32Array(len);
  const froms: Period[] = [];
  const fromIds = new Map<Period, number>();
  const projectedAt = new Float64Array(len).fill(NaN);
  const flags = new Uint8Array(len);
  const estAt = new Map<number, readonly boolean[]>();
  const details: number[] = [];
  const projectedOf = (p: number): number | null => (Number.isNaN(projectedAt[p]!) ? null : projectedAt[p]!);
  // The detail rows under each subtotal and the Total, by their first keys (found in the same pass, for
  // each length of keys the list's other rows have: filtering every detail row for every subtotal grew
  // with their product).
  const byPrefix = new Map<number, Map<string, number[]>>();
  for (let p = 0; p < len; p++) if (list.level(p) !== 'detail') byPrefix.set(list.at(p).keys.length, new Map());
  let noPace = 0;
  const noPaceNames: string[] = [];
  let floored = 0;
  const flooredNames: string[] = [];
  let capped = 0;
  let over = 0;
  const overNames: string[] = [];
  let anyProjectedEstimated = false;
  for (let p = 0; p < len; p++) {
    if (list.level(p) !== 'detail') continue;
    const r = list.at(p);
    details.push(p);
    const k = key(r.keys);
    const series = history.byGroup.get(k) ?? noSeries;
    seriesAt[p] = series;
    // Like for like: over the parts reported at both ends (a late regency is no fall of its province).
    const pace = o.parts ? partPace(o.parts.months, o.parts.byGroup.get(k)?.values() ?? [], o.window) : paceOf(history.months, series, o.window);
    if (!pace && noPace++ < 8) noPaceNames.push(r.labels.join(' / '));
    // A count of people is never below zero: a falling row stops at 0 by December (and it is said).
    let projected = pace ? projectedDecember(r.metrics.participants, pace, o.left) : null;
    if (projected !== null && projected < 0) {
      projected = 0;
      floored++;
      if (flooredNames.length < 5) flooredNames.push(r.labels.join(' / '));
    }
    // Nor above the people there are: a rising row stops at its denominator (100 % coverage), unless
    // participants above it are accepted for the row: for every row by --allow-over-coverage, or for a
    // row above it already (a documented exception, such as participants counted where employers are).
    // One rule (overAccepted), said either way: capped rows in one note, rows projected above in another.
    const d = r.metrics.denominator;
    if (projected !== null && d !== null && projected > d) {
      if (!overAccepted(r.metrics.participants, d, o.allowOver)) {
        projected = d;
        capped++;
      } else {
        over++;
        if (overNames.length < 5) overNames.push(r.labels.join(' / '));
      }
    }
    const est = history.estimated.get(k);
    const projectedEstimated = projected !== null && est !== undefined && (est[n - 1]! || est[history.months.indexOf(pace!.from)]!);
    if (pace) {
      let f = fromIds.get(pace.from);
      if (f === undefined) fromIds.set(pace.from, (f = froms.push(pace.from) - 1));
      paceChange[p] = pace.change;
      paceMonths[p] = pace.months;
      paceFrom[p] = f;
    }
    if (projected !== null) projectedAt[p] = projected;
    if (est !== undefined) estAt.set(p, est);
    const star = o.starOf(r.keys);
    flags[p] = (o.withTarget.has(star) ? 1 : 0) | (o.inPart?.has(star) ? 2 : 0) | (projectedEstimated ? 4 : 0);
    if (projectedEstimated) anyProjectedEstimated = true;
    for (const [l, groups] of byPrefix) {
      const pk = key(r.keys.slice(0, l));
      const under = groups.get(pk);
      if (under) under.push(p);
      else groups.set(pk, [p]);
    }
  }
  const count = details.length;
  const labelAt = (p: number): string => list.at(p).labels.join(' / ');
  if (noPace) o.notes.push({ code: 'no-pace', rows: noPace, window: o.window, names: noPaceNames });
  if (floored) o.notes.push({ code: 'projection-floored', rows: floored, of: count, december: o.december, names: flooredNames });
  if (capped) o.notes.push({ code: 'projection-capped', rows: capped, of: count, december: o.december, measure: o.denominator ?? 'denominator' });
  if (over) o.notes.push({ code: 'projection-over', rows: over, of: count, december: o.december, measure: o.denominator ?? 'denominator', names: overNames, allowed: o.allowOver === true });
  // Rows whose pace is over fewer months than the window (fewer months known, or a month missing).
  // Named (rv26 F3) where a month of the window is one the row did not report and others did.
  let shorter = 0;
  let fewest = o.window;
  const now = history.months[n - 1]!;
  const named: { label: string; missing: Period[]; from: Period }[] = [];
  // And every month of the history a row did not report (others did): the trend's and charts' Total
  // and subtotals over it have no figure for that month.
  const gapRows: { label: string; months: Period[] }[] = [];
  let gapCount = 0;
  for (const p of details) {
    const series = seriesAt[p]!;
    const gone = history.months.filter((_, i) => i < n - 1 && (series[i] === null || series[i] === undefined));
    if (gone.length && gapCount++ < 8) gapRows.push({ label: labelAt(p), months: gone });
    const m = paceMonths[p]!;
    if (m !== 0 && m < o.window) {
      shorter++;
      fewest = Math.min(fewest, m);
      const start = addMonths(now, -o.window);
      const from = froms[paceFrom[p]!]!;
      const missing = gone.filter((x) => x >= start && x < from);
      if (missing.length && named.length < 8) named.push({ label: labelAt(p), missing, from });
    }
  }
  if (shorter) o.notes.push({ code: 'pace-shorter', rows: shorter, of: count, window: o.window, fewest, ...(named.length ? { named, to: now } : {}) });
  if (gapCount) o.notes.push({ code: 'row-months-missing', rows: gapRows, count: gapCount });
  const noneUnder: readonly number[] = [];
  const underOf = (keys: readonly string[]): readonly number[] => byPrefix.get(keys.length)?.get(key(keys)) ?? noneUnder;
  // Rows with a target whose projection is not compared with it: the target is some of its parts' only.
  let unprojected = 0;
  const unprojectedRows: string[] = [];
  const story = (p: number, r: CoverageRow, counting: boolean): { story: RowStory; more: EstimatedFigure[] } => {
    const under = r.level === 'detail' ? [p] : underOf(r.keys);
    const series = history.months.map((_, i) => {
      let sum = 0;
      for (const u of under) {
        const v = seriesAt[u]![i];
        if (v === null || v === undefined) return null;
        sum += v;
      }
      return sum;
    });
    const all = under.every((u) => !Number.isNaN(projectedAt[u]!));
    let projected: number | null = null;
    let pace: number | null = null;
    if (all && under.length) {
      projected = 0;
      let rate = 0;
      for (const u of under) {
        projected += projectedAt[u]!;
        rate += paceChange[u]! / paceMonths[u]!;
      }
      pace = Math.sign(rate) * Math.round(Math.abs(rate)) || 0;
    }
    // Against the target: the projections of the rows that have one.
    let projectedGap: number | null = null;
    let status: RowStory['projectedStatus'] = null;
    const t = r.metrics.target;
    if (t !== null) {
      const targeted = under.filter((u) => (flags[u]! & 1) !== 0);
      // A row whose target is some of its parts' only (rv28 R23): its projection is all its parts', so
      // none is compared with the target (said by no-target-parts).
      if (targeted.length && targeted.every((u) => projectedOf(u) !== null) && !targeted.some((u) => (flags[u]! & 2) !== 0)) {
        const pt = targeted.reduce((a, u) => a + projectedAt[u]!, 0);
        projectedGap = t - pt;
        status = projectedStatusIn(pt, t, o.left, o.margin);
      } else if (counting && targeted.length && targeted.every((u) => projectedOf(u) !== null)) {
        // Left empty: said, naming the row (rv30 T5: the Kanwil row and the Total lost the status in silence).
        if (unprojected++ < 8) unprojectedRows.push(r.level === 'total' ? '' : r.labels.join(' / '));
      }
    }
    // issue 19: the months, the projection and its status that rest on an estimate
    const marked = under.some((u) => estAt.has(u));
    const seriesEstimated = marked ? history.months.map((_, i) => under.some((u) => estAt.get(u)?.[i] === true)) : undefined;
    const more: EstimatedFigure[] = [];
    if (projected !== null && under.some((u) => (flags[u]! & 4) !== 0)) more.push('projected');
    if (status !== null && (r.estimated?.includes('target') || under.some((u) => (flags[u]! & 5) === 5))) more.push('projected_status');
    return { story: { series, pace, projected, projectedGap, projectedStatus: status, ...(seriesEstimated ? { seriesEstimated } : {}) }, more };
  };
  const tell = (p: number, r: CoverageRow, counting: boolean): CoverageRow => {
    const { story: s, more } = story(p, r, counting);
    return { ...r, story: s, ...(more.length ? { estimated: [...(r.estimated ?? []), ...more] } : {}) };
  };
  // The rows in order, once: the subtotals' and the Total's kept; the detail rows only where some row
  // has a target (the rows whose projection is not compared with it are counted in order).
  const held = new Map<number, CoverageRow>();
  for (let p = 0; p < len; p++) {
    const detailRow = list.level(p) === 'detail';
    if (detailRow && !list.anyTarget) continue;
    const r = tell(p, list.at(p), true);
    if (!detailRow) held.set(p, r);
  }
  if (unprojected) o.notes.push({ code: 'projection-in-part', rows: unprojectedRows, count: unprojected });
  const at = (p: number): CoverageRow => held.get(p) ?? tell(p, list.at(p), false);
  return {
    list: {
      length: len,
      anyTarget: list.anyTarget,
      anyEstimate: list.anyEstimate || anyProjectedEstimated,
      at: (i) => at(listIndex(i, len)),
      level: (i) => list.level(i),
      *[Symbol.iterator]() {
        for (let p = 0; p < len; p++) yield at(p);
      },
    },
  };
}

/**
 * Rows below a threshold, after the report is written (--fail-below); every row counts, also those --top
 * hides. `checked`: the rows of the scope; `missing`: those of them without a value (no denominator, or
 * no target), which the threshold cannot check, with the first as an example; `zero`: those whose
 * denominator (or target) is 0, with nobody to cover, which pass; `totalValue`: the Total's.
 */
export function thresholdBreaches(
  result: CoverageResult,
  measure: 'coverage' | 'achievement',
  scope: 'any' | 'total',
  below: number,
): { checked: number; breached: { label: string; value: number }[]; anyValue: boolean; missing: number; missingExample: string | null; zero: number; zeroExample: string | null; totalValue: number | null } {
  const list = result.rowList;
  let checked = 0;
  let anyValue = false;
  let missing = 0;
  let missingExample: string | null = null;
  let zero = 0;
  let zeroExample: string | null = null;
  let totalValue: number | null = null;
  const breached: { label: string; value: number }[] = [];
  for (let i = 0; i < list.length; i++) {
    const level = list.level(i);
    if (level === 'subtotal' || (scope === 'total' && level !== 'total')) {
      continue;
    }
    const r = list.at(i);
    const value = measure === 'coverage' ? r.metrics.coverage : r.metrics.achievement;
    if (level === 'total') totalValue = value;
    if (level !== (scope === 'total' ? 'total' : 'detail')) continue;
    checked++;
    const label = r.level === 'total' ? 'Total' : r.labels.join(' / ');
    if (value === null) {
      // A denominator (or target) of 0: nobody to cover (or nothing to achieve), not a missing figure.
      if ((measure === 'coverage' ? r.metrics.denominator : r.metrics.target) === 0) {
        zero++;
        zeroExample ??= label;
        continue;
      }
      missing++;
      missingExample ??= label;
      continue;
    }
    anyValue = true;
    if (value < below) breached.push({ label, value });
  }
  return { checked, anyValue, breached, missing, missingExample, zero, zeroExample, totalValue };
}

/** The rows of a targets table with a target, and those of them without a milestone. */
function mixedCount(t: Table): { without: number; of: number } | undefined {
  const ti = measureIndex(t, 'target');
  const mi = measureIndex(t, 'milestone');
  if (ti < 0 || mi < 0) return undefined;
  let of = 0;
  let without = 0;
  const c = columnsFor(t);
  for (let i = 0; i < c.size; i++) {
    if (c.value(i, ti) === null) continue;
    of++;
    if (c.value(i, mi) === null) without++;
  }
  return without > 0 && without < of ? { without, of } : undefined;
}

/**
 * The milestones at a grain where the targets have them in part (some rows with a target have no
 * milestone for the month: a target below its start, or no start): each group's milestones plus the
 * targets of its rows without one, the December target their own status compares with, for the groups
 * where some row has a milestone. Undefined: every row with a target has one, or none has.
 */
function mixedMilestones(t: Table, grain: readonly string[], roll: Roll): Map<string, number> | undefined {
  if (!mixedCount(t)) return undefined;
  const ti = measureIndex(t, 'target');
  const mi = measureIndex(t, 'milestone');
  const swap = (f: (m: number | null | undefined, target: number | null | undefined) => number | null): Table => ({
    ...t,
    rows: t.rows.map((r) => {
      const values = r.values.slice();
      values[mi] = f(r.values[mi], r.values[ti]);
      return { ...r, values };
    }),
  });
  const filled = measureAt(swap((m, target) => m ?? target ?? null), grain, 'milestone', roll).values;
  const some = measureAt(swap((m, target) => (target === null || target === undefined ? null : m === null || m === undefined ? 0 : 1)), grain, 'milestone', roll).values;
  const out = new Map<string, number>();
  for (const [k, v] of filled) if (v !== null && (some.get(k) ?? 0) > 0) out.set(k, v);
  return out;
}

/** The finest dims both the data and the targets have, of the targets' units (as gapNets compares at). */
function grainOfNets(data: Table, targets: Table, units: readonly string[]): string[] {
  return units.filter((d) => dimIndex(data, d) >= 0 && dimIndex(targets, d) >= 0);
}

/**
 * The Total's projection nets the targets it adds up, as its gap does (gapNets): each target's
 * projection (the sum of its rows' where the report's rows are at its grain or finer; else its own
 * pace over the months, by the same rules: never below 0, stopped at its denominator unless
 * participants above it are accepted) compared with its target. Said when some are projected above
 * and some short, the latter named worst first. Undefined: one side only, or a target without a
 * projection.
 */
function projectionNets(o: {
  rows: Iterable<CoverageRow>;
  grain: readonly string[];
  units: readonly string[];
  data: Table;
  history: () => History;
  targets: Table;
  roll: Roll;
  window: number;
  left: number;
  december: Period;
  gap: number;
  allowOver: boolean | undefined;
  denominator: { table: Table; measure: string } | undefined;
}): Extract<Note, { code: 'projection-nets' }> | undefined {
  const fine = grainOfNets(o.data, o.targets, o.units);
  if (!fine.length) return undefined;
  const tm = measureAt(o.targets, fine, 'target', o.roll);
  const target = tm.values;
  let withT = 0;
  for (const t of target.values()) if (t !== null) withT++;
  if (withT < 2) return undefined;
  const projected = new Map<string, number | null>();
  if (fine.every((d) => o.grain.includes(d))) {
    // The report's rows are at the targets' grain or finer: their projections, added up per target.
    const at = fine.map((d) => o.grain.indexOf(d));
    for (const r of o.rows) {
      if (r.level !== 'detail') continue;
      const k = key(at.map((i) => r.keys[i]!));
      const was = projected.get(k);
      const p = r.story?.projected ?? null;
      projected.set(k, was === null || p === null ? null : (was ?? 0) + p);
    }
  } else {
    // Rows adding up several targets (a Kanwil row over province targets): each target's own pace.
    const h = o.history();
    const den = o.denominator && fine.every((d) => dimIndex(o.denominator!.table, d) >= 0) ? measureAt(o.denominator.table, fine, o.denominator.measure, o.roll).values : undefined;
    for (const [k, series] of h.byGroup) {
      const pace = paceOf(h.months, series, o.window);
      const now = series[series.length - 1];
      if (!pace || now === null || now === undefined) {
        projected.set(k, null);
        continue;
      }
      let p = Math.max(0, projectedDecember(now, pace, o.left));
      const d = den?.get(k);
      if (d !== null && d !== undefined && p > d && !overAccepted(now, d, o.allowOver)) p = d;
      projected.set(k, p);
    }
  }
  let over = 0;
  let above = 0;
  let short = 0;
  let shortBy = 0;
  const shortOnes: { k: string; short: number }[] = [];
  for (const [k, t] of target) {
    if (t === null) continue;
    const p = projected.get(k);
    if (p === null || p === undefined) return undefined;
    const g = t - p;
    if (g > 0) {
      short++;
      shortBy += g;
      shortOnes.push({ k, short: g });
    } else if (g < 0) {
      over++;
      above -= g;
    }
  }
  if (!over || !short) return undefined;
  shortOnes.sort((a, b) => b.short - a.short);
  const dims = tm.agg!.table.dims;
  // Named by the units as said (a Kanwil beside the province is left out of the name).
  const said = targetUnitsSaid(fine);
  const names = shortOnes.slice(0, 5).map((x) => ({ label: x.k.split(SEP).map((v, j) => (said.includes(fine[j]!) ? labelOf(dims[j]!, v) : null)).filter((v) => v !== null).join(' / '), short: x.short }));
  const rowsAddUp = !fine.every((d) => o.grain.includes(d));
  return { code: 'projection-nets', gap: o.gap, december: o.december, targets: withT, units: targetUnitsSaid(fine), over, above, short, shortBy, names, ...(rowsAddUp ? { by: targetUnitsSaid(fine) } : {}) };
}

/**
 * A gap of a Total, subtotal or row that adds up several targets is target − participants over them, so
 * targets exceeded offset targets short (and so do its run rate and status): said when the targets, each
 * compared with its own participants at the finest grain both the targets and the data have, are on both
 * sides. `rowsAddUp`: the report's rows themselves add up several targets (Kanwil rows over province
 * targets, province rows over province × segment targets).
 */
function gapNets(data: Table, targets: Table, units: readonly string[], grain: readonly string[], roll: Roll): Extract<Note, { code: 'gap-nets' }> | undefined {
  const fine = units.filter((d) => dimIndex(data, d) >= 0 && dimIndex(targets, d) >= 0);
  if (!fine.length) return undefined;
  if (measureIndex(targets, 'target') < 0) return undefined;
  // The targets' groups met with the data's by their keys (matchGroups), on the rollups' columns.
  const tA = roll(targets, fine).table;
  const tc = columnsFor(tA);
  const ti = measureIndex(tA, 'target');
  const dA = measureIndex(data, 'participants') >= 0 ? roll(data, fine).table : undefined;
  const dc = dA ? columnsFor(dA) : undefined;
  const pi = dA ? measureIndex(dA, 'participants') : -1;
  const toData = dA ? matchGroups(dA, tA) : undefined;
  let over = 0;
  let above = 0;
  let short = 0;
  let shortBy = 0;
  let gap = 0;
  let n = 0;
  for (let j = 0; j < tc.size; j++) {
    const t = tc.value(j, ti);
    if (t === null) continue;
    n++;
    const d = toData?.[j] ?? -1;
    const g = t - (d >= 0 ? (dc!.value(d, pi) ?? 0) : 0);
    gap += g;
    if (g > 0) {
      short++;
      shortBy += g;
    } else if (g < 0) {
      over++;
      above -= g;
    }
  }
  if (!over || !short) return undefined;
  const rowsAddUp = !fine.every((d) => grain.includes(d));
  return { code: 'gap-nets', gap, targets: n, units: targetUnitsSaid(fine), over, above, short, shortBy, ...(rowsAddUp ? { by: targetUnitsSaid(fine) } : {}) };
}
