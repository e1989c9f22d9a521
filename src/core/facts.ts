// Facts the core reports as data: notes (what it deduced, held, dropped or fell back to) and the reasons
// a problem has no solution. The words for people are in src/report/ (en and id), in one place.

import type { Scope } from './scope.js';

/** A row above a denominators table's figure (over-denominators): its label, figures, and the figure's months. */
export interface OverDenominatorRow {
  readonly label: string;
  readonly participants: number;
  readonly denominator: number;
  /** The months of the figure (each area's, earliest first; none: undated). */
  readonly months: readonly string[];
  /** Where its participants were read (the first row of the group): file:line. */
  readonly at?: string;
  /** The same row as a reference into the data table's sources (a refusal's place: file, line; rv23 F8). */
  readonly ref?: { readonly src: number; readonly line: number };
}

/**
 * What caps a rule's upper bounds: --max's kind (default: the denominator) and --max-coverage's share of
 * the denominator, if any. Both apply (the smaller wins), so which way raises them depends on both (rv25 M4:
 * --max-coverage alone cannot raise the default cap, a share of at most 1 of it).
 */
export interface UpperCaps {
  readonly max: 'default' | 'none' | 'value' | 'column';
  readonly share?: number;
}

/** Something the tool decided on the user's behalf; said once on stderr and kept in JSON meta.notes. */
/**
 * Where the month of a sheet comes from when a month is written above its header (`Periode | 2024-06`,
 * `Data per Juni 2024`), which is not read: its period column ('column'), --period ('flag'), or nowhere
 * ('none': then the advice is to add one of them; 'add-column' for a command without --period; rv23 F2).
 * A --workforce file's figures without a period column stand for any month ('workforce'); a --targets
 * file's year (a year written there counts too) is its year column's ('targets-column'), else --year's or
 * the input's month's ('targets'); another flag's file reads no month ('unread'; rv27 F6).
 */
export type RowsAbovePeriod = 'column' | 'flag' | 'none' | 'add-column' | 'workforce' | 'targets' | 'targets-column' | 'unread';

export type Note =
  /** A default basis could not be computed at a grain; another one was used. */
  | { readonly code: 'basis-fallback'; readonly grain: readonly string[]; readonly wanted: 'uncovered' | 'workforce'; readonly used: 'participants' | 'equal'; readonly missing: string }
  /** No default upper bound at a grain: the denominator is not known there. */
  | { readonly code: 'no-upper-bound'; readonly grain: readonly string[]; readonly denominator: string | null }
  /** --max-coverage could not apply at a grain (its denominator is not known there): --max's bound alone holds. */
  | { readonly code: 'share-unavailable'; readonly grain: readonly string[]; readonly denominator: string | null; readonly share: number; readonly max: string }
  /** --max none beside --max-coverage: --max none lifts --max's own cap only, and the share still caps every target. */
  | { readonly code: 'max-none-share'; readonly share: number; readonly denominator: string }
  /** Units already above their upper bound, held at today's value. */
  | { readonly code: 'held'; readonly units: readonly string[] }
  /** Units whose target stopped at their upper bound (--max, --max-coverage): the rest went to the others. */
  | { readonly code: 'capped'; readonly units: readonly string[] }
  /** Units held at their lower bound, which binds (the rule would give them less): today's participants (`today`: a zero increase) or --min. */
  | { readonly code: 'at-lower'; readonly units: readonly string[]; readonly today: boolean }
  /** Units that stood exactly level at the cut; the rule gave the unit to the first ones. */
  | { readonly code: 'tie'; readonly units: readonly string[]; readonly winners: readonly string[] }
  /** Matrix cells on a cycle of exact ties: another answer with the same margins exists. */
  | { readonly code: 'matrix-tie'; readonly cells: readonly string[] }
  /** A measure known only at a coarser grain than the report's: shown on the coarser rows only. */
  | { readonly code: 'coarser'; readonly measure: string; readonly grain: readonly string[]; readonly knownPer: readonly string[] }
  /** A measure missing for some rows of a group: the group shows none for it. */
  | { readonly code: 'incomplete'; readonly measure: string; readonly groups: number; readonly example: string; readonly at: string }
  /** The target of a year between two known ones. */
  | { readonly code: 'interpolated'; readonly year: number; readonly from: number; readonly to: number }
  /** Areas present in an earlier month but missing in the month reported (lastSeen[i]: the last month area i was seen). */
  | { readonly code: 'missing-in-period'; readonly period: string; readonly earlier: string; readonly areas: readonly string[]; readonly lastSeen?: readonly string[] }
  /**
   * The groups (or their parts: `parts`, the dimensions of the rows as loaded, when finer than the
   * report's) of the two months differ: the change of the rows, subtotals and the Total compares those in both.
   */
  /** A group reported at another grain than in the previous month (by province rows now, by regency then): its change is compared at the grain both have (rv26 F7). */
  | { readonly code: 'grain-changed'; readonly previousPeriod: string; readonly period: string; readonly areas: readonly string[]; readonly dims: readonly string[] }
  /** Areas one month gives whole and the other by segment rows lacking a segment: left out of the change and the pace (segment-sets.ts, fx52). */
  | { readonly code: 'segments-short'; readonly previousPeriod: string; readonly period: string; readonly areas: readonly { readonly label: string; readonly split: 'previous' | 'current'; readonly missing: readonly string[] }[]; readonly more: number; readonly every: boolean }
  | { readonly code: 'like-for-like'; readonly previousPeriod: string; readonly both: number; readonly missing: readonly string[]; readonly added: readonly string[]; readonly parts?: readonly string[] }
  /** The month reported is not on the month-by-month targets' path: no milestone. */
  | { readonly code: 'milestone-missing'; readonly period: string }
  /**
   * A path over several years without targets for the Decembers on the way: it runs evenly. `yearly`:
   * the targets are a yearly file, which cannot carry them (a `breakdown --months` file can); `series`:
   * the series that plans its year through them (a national plan's), with its total for the year or null.
   */
  | { readonly code: 'no-waypoints'; readonly from: string; readonly year: number; readonly source: string; readonly missing?: readonly number[]; readonly yearly?: true; readonly series?: { readonly file: string; readonly scenario: string; readonly total: number | null; readonly ownTotal?: true }; /** The milestones follow this phasing profile, not an even line. */ readonly profile?: string }
  /**
   * A path over several years through the series' own Decembers on the way: only the national (or whole)
   * total passes through them; each unit's point there is its share of this plan's path, not its target
   * in that year's own breakdown (rv14).
   */
  | { readonly code: 'waypoints-national'; readonly year: number; readonly passes: readonly { readonly month: string; readonly total: number; /** The month the revision this figure comes from is in force from. */ readonly revised?: string; /** The figure is that year's target as of this month (--as-of, or coverage's month), not its latest (breakdown --year Y --as-of M gives it). */ readonly asOf?: string }[]; /** Each unit passes through its own target of that year's breakdown too. */ readonly units?: true; /** Not all: the months where each unit does. */ readonly unitsIn?: readonly string[]; /** The dimensions whose totals were given: the target year's, not the Decembers' on the way (split by the rule alone). */ readonly margins?: readonly string[] }
  /** A yearly targets file whose rows give different baseline months: each row is phased from its own. */
  | { readonly code: 'mixed-baselines'; readonly source: string; readonly months: readonly { readonly month: string; readonly rows: number }[] }
  /** The milestones of coverage are phased by a profile (--phasing, or "phasing" of the config), as breakdown --months phases them. */
  | { readonly code: 'targets-phasing'; readonly profile: string }
  /** --phasing (or the config's "phasing") set, and the targets are month by month: their milestones are read as written. */
  | { readonly code: 'phasing-unused'; readonly profile: string; readonly source: string }
  /** Targets of areas outside the report were left out. */
  | { readonly code: 'targets-restricted'; readonly kept: number; readonly of: number; readonly source: string; readonly grain: readonly string[]; readonly sum: number; readonly national?: { readonly year: number; readonly total: number } }
  /** Areas whose data covers only some of their parts (2 of 15 regencies), compared with a target for the whole area. */
  | { readonly code: 'partial-areas'; readonly dim: string; readonly partDim: string; readonly areas: readonly { readonly label: string; readonly have: number; readonly of: number }[] }
  /** The December of targets read from a file without a year, deduced (and how). */
  /** A targets file whose year (its December) is a later year than the month reported's (rv28 R13): `from` file (a year column) or months (a month-by-month file's last December). */
  | { readonly code: 'other-year'; readonly year: number; readonly period: string; readonly source: string; readonly from: 'file' | 'months' }
  | { readonly code: 'deduced-year'; readonly year: number; readonly source: string }
  /** Targets without a year, for an input without a month: year-end targets of a year not stated. */
  | { readonly code: 'unknown-year'; readonly source: string }
  /** A file with targets for several years: the one used. */
  | { readonly code: 'year-chosen'; readonly year: number; readonly years: readonly number[]; readonly source: string }
  /** A revised target in force (or the original, when a later revision exists but is not yet in force). */
  | { readonly code: 'revision'; readonly year: number; readonly from: string | null; readonly total: number | null; readonly before: number | null; readonly asOf: string | null; readonly later?: string; /** A targets file's revision (rows with `from`): the file; its rows' targets add up to `total`. */ readonly source?: string; /** A file's revision of a December on the way only (rv27 F4): its targets as before, its milestones redrawn, through these Decembers. */ readonly along?: readonly { readonly month: string; readonly total: number }[] }
  /**
   * An --as-of (or the config's "asOf", `config` its file) earlier than the month reported keeps out a
   * revision in force in that month: `total` the target as of --as-of (used), `revised` the revision's (rv28 R3).
   */
  | { readonly code: 'revision-left-out'; readonly year: number; readonly from: string; readonly period: string; readonly asOf: string; readonly total: number; readonly revised: number; readonly config?: string }
  /**
   * A revision a targets file holds (rows from `later`) not in force in the month reported (or as of
   * --as-of): `total`, its targets added up; `along`, a revision of a December on the way only; `monthly`,
   * a month-by-month file (one path: --as-of cannot apply it to the month reported). rv27 F8.
   */
  | { readonly code: 'revision-later'; readonly source: string; readonly later: string; readonly period: string; readonly asOf?: string; readonly monthly: boolean; readonly total?: number; readonly along?: true }
  /** Rows of files without a period, taken as the month reported. */
  | { readonly code: 'no-period'; readonly period: string; readonly files: readonly string[] }
  /** Rows of the report without a target: the subtotals and the Total cover the `with` rows that have one, of `of`. */
  | { readonly code: 'no-target'; readonly rows: readonly string[]; readonly count: number; readonly with?: number; readonly of?: number }
  /**
   * Rows whose targets are given per finer units (`partDims`: regencies under a province row, provinces
   * under a Kanwil's), some of them without one: the row's target, gap and achievement are its parts'
   * with a target, compared with their participants only (rv28 R23). Up to 8 rows, `count` in all; each
   * names up to 5 parts without a target, `count` in all. `label` '' for the Total.
   */
  /**
   * Data without denominators of its own (an extract, counts) is taken whole per `dim` (a province):
   * its parts without rows (`partDims`: segments, regencies) count as no participants, and their
   * targets stay in the area's subtotal and the Total (rv28 R9). Up to 5 parts named per area.
   */
  | { readonly code: 'targets-no-rows'; readonly dim: string; readonly partDims: readonly string[]; readonly areas: readonly { readonly label: string; readonly parts: readonly string[]; readonly count: number; readonly target: number }[] }
  /**
   * Rows (the Total: '') with a target and a projection, not compared: their target is some of their parts'
   * only (no-target-parts) and their projection all their parts' (rv30 T5).
   */
  | { readonly code: 'projection-in-part'; readonly rows: readonly string[]; readonly count: number }
  /**
   * Rows whose target is some of their parts' only (a Kanwil's over province targets without Gorontalo's):
   * their projected gap and status compare the projections of the parts with a target with it (fx53);
   * `leftOut`: the parts without one (the first five; `more` others), the row's `projected` being of all.
   */
  | { readonly code: 'projection-of-parts'; readonly partDims: readonly string[]; readonly rows: readonly { readonly row: string; readonly parts: number; readonly leftOut: readonly string[]; readonly more: number }[]; readonly count: number }
  | { readonly code: 'no-target-parts'; readonly partDims: readonly string[]; readonly rows: readonly { readonly label: string; readonly with: number; readonly of: number; readonly none: readonly string[]; readonly count: number }[]; readonly count: number }
  /** A target below a later published actual. */
  | { readonly code: 'below-later-actual'; readonly unit: string; readonly target: number; readonly actual: number; readonly period: string; readonly source: string }
  /** The report has no denominator (coverage not shown). */
  | { readonly code: 'no-denominator' }
  /** Rows whose own coverage column disagrees with participants ÷ denominator by more than half a point. */
  | { readonly code: 'count-noise'; readonly file: string; readonly cells: number; readonly at: string; readonly stored: number; readonly whole: number }
  | { readonly code: 'coverage-points'; readonly file: string; /** Cells of 1 or less without % that agree with the counts only in points; `fractions`: only as fractions. */ readonly cells: number; readonly fractions: number; readonly at: string; readonly raw: number }
  | { readonly code: 'coverage-disagrees'; readonly rows: readonly { readonly at: string; readonly stated: number; readonly computed: number }[]; readonly more: number }
  /** The change column is over several months (the previous month known is not the one before). */
  | { readonly code: 'change-span'; readonly from: string; readonly months: number }
  /** Rows whose pace is measured over fewer months than --pace-window. */
  | {
      readonly code: 'pace-shorter';
      readonly rows: number;
      readonly of: number;
      readonly window: number;
      readonly fewest: number;
      /** Rows (up to 8) whose pace is shorter for a month of the window they did not report, others did (rv26 F3): the months, and the span of their pace. */
      readonly named?: readonly { readonly label: string; readonly missing: readonly string[]; readonly from: string }[];
      /** The month reported: the end of each pace. */
      readonly to?: string;
    }
  /** Rows that reported some months of the history and not others (which others did): the trend's and charts' subtotals and Total over them have no figure for those months (rv26 F3). Up to 8 rows named, `count` in all. */
  | { readonly code: 'row-months-missing'; readonly rows: readonly { readonly label: string; readonly months: readonly string[] }[]; readonly count: number }
  /** Detail rows without a denominator where other rows have one: no coverage for them or the totals over them. */
  /** `per`: the rows counted are the subtotals of that key (the denominator is known per it, not per detail row). */
  | { readonly code: 'denominator-missing'; readonly measure: string; readonly rows: number; readonly of: number; readonly example: string; readonly per?: string }
  /** Rows whose pace would take them below zero by December: their projection is 0 (never a negative count). */
  | { readonly code: 'projection-floored'; readonly rows: number; readonly of: number; readonly december: string; /** The first rows (at most 5), by their labels. */ readonly names?: readonly string[] }
  | { readonly code: 'no-month-for-targets' }
  | { readonly code: 'min-raised'; readonly grain: readonly string[]; readonly given: string; readonly units: readonly string[]; readonly count: number; readonly of: number }
  | { readonly code: 'profile-cut'; readonly months: readonly number[]; readonly from: string; readonly source: string }
  /** breakdown --months of a matrix: no month-by-month matrix met the rows' own paths; the cells were phased alone. */
  | { readonly code: 'months-rows-off'; readonly month: string; readonly rows: number; readonly largest: number; readonly dim: string }
  /**
   * breakdown --months of a matrix: in `months` months no grid of the cells' floors and ceilings met both margins; the
   * cells were apportioned within the margins, `cells` cell-months beyond their exact share's floor or ceiling (from `first`).
   */
  | { readonly code: 'months-grid-wide'; readonly months: number; readonly cells: number; readonly first: string; readonly dims: readonly string[] }
  | { readonly code: 'targets-total-only'; readonly targetGrain: readonly string[]; readonly grain: readonly string[] }
  /**
   * The Total's gap is net: of the `targets` it adds up (per `units`), `over` are exceeded by `above` in all
   * and offset the `short` that lack `shortBy`. `by`: the report's rows add up several targets too (--by
   * that shows each).
   */
  | { readonly code: 'gap-nets'; readonly gap: number; readonly targets: number; readonly units: readonly string[]; readonly over: number; readonly above: number; readonly short: number; readonly shortBy: number; readonly by?: readonly string[] }
  /**
   * The Total's projected gap is net, as `gap-nets` for today's: of the `targets` it adds up (per `units`),
   * `over` are projected above theirs by `above` in all and offset the `short` projected short by `shortBy`
   * (`names`: the first of those, with their shortfall, worst first). `by`: the report's rows add up several
   * targets too.
   */
  | { readonly code: 'projection-nets'; readonly gap: number; readonly december: string; readonly targets: number; readonly units: readonly string[]; readonly over: number; readonly above: number; readonly short: number; readonly shortBy: number; readonly names: readonly { readonly label: string; readonly short: number }[]; readonly by?: readonly string[] }
  | { readonly code: 'projection-capped'; readonly rows: number; readonly of: number; readonly december: string; readonly measure: string }
  /**
   * Rows projected above their denominator by December, not stopped at it: participants above it are
   * accepted for them (`allowed`: --allow-over-coverage; else each is above it already). `names`: the first 5.
   */
  | { readonly code: 'projection-over'; readonly rows: number; readonly of: number; readonly december: string; readonly measure: string; readonly names: readonly string[]; readonly allowed: boolean }
  /** --year's plan split the target by one denominator; the report's coverage is on another. */
  /** `bases`: when --denominator cannot plan on the report's (the bundled baseline has no such figure), those it can. */
  | { readonly code: 'plan-denominator'; readonly planned: string; readonly report: string; readonly year: number; readonly bases?: readonly string[] }
  /** coverage --year planned its targets on the units of a file (--input, or "input" of the config file `config`), as breakdown plans on it. */
  | { readonly code: 'plan-input'; readonly file: string; readonly config?: string }
  /**
   * The targets were planned on other denominator figures than the report's coverage is on (rv25 F11,
   * F13): the rows whose figures differ, the plan's and the report's, by the plan's source (--year's
   * input or baseline, or the --targets file's `denominator` column).
   */
  | { readonly code: 'plan-denominator-values'; readonly source: string; readonly measure?: string; readonly planned?: string; /** The plan's figures are the bundled baseline's of this measure (data/baseline.csv, what breakdown --year plans on). */ readonly bundled?: string; /** The plan says its figures are of this measure (its meta.denominator), and they are neither the report's nor the bundled baseline's. */ readonly declared?: string; /** The plan says its figures are of the report's measure (another office's employed, say). */ readonly same?: true; readonly rows: readonly { readonly label: string; readonly planned: number; readonly report: number }[]; readonly more: number; readonly of: number }
  /**
   * --compare-targets: a plan with targets for other rows than the first plan's. `both`: the rows both have
   * targets for, over which the difference of the subtotals and the Total is taken; null: that
   * difference is left blank where the rows differ (targets coarser than the report's rows).
   */
  | { readonly code: 'plans-rows'; readonly plan: string; readonly with: number; readonly of: number; readonly first: string; readonly firstWith: number; readonly firstOf: number; readonly column: string; readonly both: number | null; readonly inPart?: string }
  /** --compare-targets: a plan whose target is the first plan's in every row (every difference is 0). */
  | { readonly code: 'plans-same'; readonly plan: string; readonly first: string; readonly rows: number }
  /** --compare-targets: plans that aim at different Decembers. */
  | { readonly code: 'plans-years'; readonly plans: readonly { readonly label: string; readonly year: number | null }[] }
  /**
   * Of the `of` rows with a target, `rows` have no milestone for `period` while the others have one: the
   * milestone of a Total or subtotal over them counts their December target, as their own status does.
   */
  | { readonly code: 'milestone-sums'; readonly period: string; readonly rows: number; readonly of: number }
  /**
   * The month reported is the December the targets are for: no month is left, so there is no run rate
   * (the gap is what remains) and a row short of its target is behind (will-miss), never at risk.
   */
  | { readonly code: 'year-end'; readonly period: string; readonly year: number }
  /** The month reported is the one the targets start from (their baseline): each milestone is its row's participants then (rv28 R16). */
  | { readonly code: 'baseline-month'; readonly period: string; readonly source: string }
  /**
   * Areas reported in part (partial-areas): the target coverage of their rows and of every row over them
   * is left empty, since the target is the whole area's and the denominator only its reported parts'.
   */
  | { readonly code: 'partial-target-coverage'; readonly dim: string; readonly partDim: string; readonly areas: readonly string[] }
  /** Months between the first month known (`from`) and the month reported (`to`) that no file gives. */
  | { readonly code: 'months-missing'; readonly months: readonly string[]; readonly from: string; readonly to: string }
  /** Rows with a target but no milestone for the month: their status compares with the December target. */
  | { readonly code: 'no-milestones'; readonly period: string; readonly rows: number; readonly of: number; /** The targets give no baseline month to start the path from. */ readonly noBaseline?: true; /** The targets give no participants at all (no column, or every cell blank): the one cause (fx53). */ readonly noParticipants?: true; /** The revision in force (from this month) has no `from_milestone`, where its path starts. */ readonly noFromMilestone?: string }
  /** The input has counts only: its denominators are the bundled baseline's, of that month. */
  /** `measure`: the denominator asked for; `inputHas`: the denominator columns the input has (not that one). */
  /** Counts without denominators, against the bundled baseline's (the months of its figures are said by denominator-month). */
  /**
   * Targets without an area column on a report of some areas only, under half the national participants
   * of the report's time: taken as the report's scope's own (rv30 T2).
   */
  | { readonly code: 'targets-own-scope'; readonly source: string; readonly total: number; readonly targets: number; readonly keys: readonly string[]; readonly scope: Scope; readonly national: { readonly period: string; readonly participants: number; readonly source: string }; /** The file's meta.scope is of some of an office's or province's areas and does not name them (rv32 W8). */ readonly unnamed?: { readonly areas: number; readonly of: number } }
  /** An input with no area column, taken as the whole country's where a national figure meets it (rv28 R4). */
  | { readonly code: 'taken-national'; readonly file: string; readonly against: 'target' | 'denominators' | 'targets'; readonly targets?: string; readonly targetsTotal?: number; readonly participants: number | null; readonly period: string | null; readonly national: number; readonly nationalPeriod: string; readonly source: string }
  | { readonly code: 'bundled-denominators'; readonly measure?: string; readonly inputHas?: readonly string[] }
  /** Rows without an earlier month in the pace window: no pace and no projection for them (nor for their subtotals). */
  | { readonly code: 'no-pace'; readonly rows: number; readonly window: number; /** The rows (up to 8), by name (rv26 F3). */ readonly names?: readonly string[] }
  /** Participants above the denominator in a group (allowed, but worth a look). */
  | { readonly code: 'over-coverage'; readonly units: readonly string[] }
  /**
   * Rows whose participants exceed the denominator of a denominators table (the bundled baseline's, a
   * --workforce file's) and that no documented exception covers, let through by --allow-over-coverage
   * (without it they are refused, as over a file's own denominator): each with its figure and the months
   * of that figure. `more`: rows not listed.
   */
  | { readonly code: 'over-denominators'; readonly measure: string; readonly source: string; readonly rows: readonly OverDenominatorRow[]; readonly more: number }
  /** Rows whose participants are 0 in `period` and were not in `from` (`rows`: the first 5 of `count`, with their figure then): a fall of 100 % (rv28 R21). */
  | { readonly code: 'fell-to-zero'; readonly rows: readonly { readonly label: string; readonly previous: number }[]; readonly count: number; readonly from: string; readonly period: string }
  /** Rows whose denominator is 0 (`units`: the first 5 of `count`): no coverage, and the Total counts 0 for them (rv21 I). */
  | { readonly code: 'zero-denominator'; readonly measure: string; readonly units: readonly string[]; readonly count: number }
  /** The input has several denominator columns and no --denominator chose: coverage is on `measure` (the first of workforce, employed, potential_workers), `unused` not read (rv28 R22). */
  | {
      readonly code: 'denominator-default';
      readonly measure: string;
      readonly unused: readonly string[];
      /** The --workforce file whose columns these are (else the input's). */
      readonly source?: string;
      /** The files that chose it, each giving it (of the month reported, when dated): not the input's first column. */
      readonly within?: { readonly period: string | null; readonly files: readonly string[] };
    }
  /**
   * rv31 V7: coverage --year --by kanwil[,segment] of Kanwil reported in part: planned as breakdown --by
   * `planned` (the provinces reported, like for like), not --by `by` (the whole offices' figures).
   */
  | { readonly code: 'year-grid'; readonly by: readonly string[]; readonly planned: readonly string[]; readonly kanwils: readonly { readonly kanwil: string; readonly provinces: number; readonly of: number }[] }
  /** The previous month (`source`) has no `measure` figures (`has`: the denominators it gives instead): no coverage change in pp (rv28 R11). */
  | { readonly code: 'previous-denominator'; readonly measure: string; readonly previousPeriod: string | null; readonly source: string; readonly has: readonly string[] }
  /**
   * rv31 V9: the previous month's rows of `source` (one file of a --previous glob) without `measure`, where
   * the others' have it: `rows` of `of` have no coverage change in pp; the sums' is over the others.
   */
  | { readonly code: 'previous-denominator-part'; readonly measure: string; readonly previousPeriod: string | null; readonly source: string; readonly has: readonly string[]; readonly rows: readonly string[]; readonly of: number }
  /** A file's `denominator` column (the tool's own csv/tsv report's) read as the run's denominator: the file does not say which it is. */
  | { readonly code: 'denominator-column'; readonly file: string; readonly column: string; readonly measure: string; readonly given: boolean }
  /** An extract's column whose name says a status (status, aktif, is_active): not read, so every row was counted; its values, with their rows. */
  /** An extract with no participant id column: every row counted as one participant, none checked for repeats (rv17 F6). */
  | { readonly code: 'no-participant-id'; readonly file: string }
  /** Period cells written with a month's name ("Juni 2026", "Jun-26"), each read as its month (rv31 V8). */
  | { readonly code: 'period-names'; readonly file: string; readonly example: string; readonly month: string }
  /** Period cells that are dates, taken as their month (rv17 F11); `firstDay`: one on the 1st of a month. */
  | { readonly code: 'period-dates'; readonly file: string; readonly example: string; readonly month: string; readonly firstDay?: { readonly example: string; readonly month: string } }
  | { readonly code: 'status-column'; readonly file: string; readonly column: string; readonly values: readonly { readonly value: string; readonly rows: number }[]; readonly otherRows: number; /** A row is a participant (else an employer, or a count). */ readonly perParticipant: boolean }
  /**
   * Participant ids written in forms that make one person two ids as text (ids are compared as text):
   * number cells (`numbers`: 1003) beside text with leading zeros (`padded`: 00000001003), and/or text
   * ending in `.0` (`decimal`: 1003.0) beside whole ids (`whole`); files by name, a file may be in two lists.
   */
  | { readonly code: 'id-forms'; readonly columns: readonly string[]; readonly numbers?: readonly string[]; readonly padded?: readonly string[]; readonly decimal?: readonly string[]; readonly whole?: readonly string[] }
  /**
   * Files whose rows give no Kanwil while other files of the load do (rv34 R5): each row took its
   * province's (io/kanwil-fill.ts); `rows` in all; `others`: up to 3 files that give one, `more` the rest.
   */
  | { readonly code: 'kanwil-derived'; readonly files: readonly string[]; readonly rows: number; readonly others: readonly string[]; readonly more: number }
  /**
   * breakdown: a total of the user's (--target, an own --series) split over an input that has rows for
   * only some areas of its province or Kanwil (rv34 R8): the areas without rows get none of it. `missing`:
   * the first names (at most 8), `count` all of them; `check`: the command that refuses the input while one
   * is missing (validate --expect), for a job. `scope`: that province or Kanwil, or the country (an input
   * with areas in every Kanwil: "37 of 38 provinces"); of an input across several, the input's, and
   * `within` each of them, whole or in part (rv36 N1).
   */
  | { readonly code: 'split-in-part'; readonly total: number; readonly scope: Scope; readonly within?: readonly Scope[]; readonly missing: readonly string[]; readonly count: number; readonly check?: string }
  /** Named columns of an input that the run does not read (neither a key nor a figure of it). */
  | { readonly code: 'unused-columns'; readonly file: string; readonly columns: readonly string[] }
  /** A --workforce file with a participants column: not read (the report's participants are the input's). */
  | { readonly code: 'workforce-participants'; readonly file: string }
  /**
   * A file given by another flag (--targets, --workforce…) whose own first line is its header, read
   * without the --header-row/--delimiter given for the data files (`flags`: as typed; `delimiter`: the
   * one found instead; rv25 F14).
   */
  /**
   * A file's province codes read in another system than --code-system's (or, without it, in BPS's): as
   * its JSON meta.codeSystem or its code column's label says, or by the names beside them (`codes`, as
   * "91 Papua"); rv25 F9.
   */
  | { readonly code: 'codes-read-in'; readonly file: string; readonly system: 'kemendagri' | 'bps'; readonly how: 'meta' | 'label' | 'names'; readonly given?: 'kemendagri' | 'bps'; readonly codes?: readonly string[] }
  | { readonly code: 'flags-set-aside'; readonly file: string; readonly role: string; readonly flags: string; readonly line: number; readonly delimiter?: string }
  /** A workbook of several sheets: the sheet read (the first visible one, or the one --sheet named). */
  | { readonly code: 'sheet-read'; readonly file: string; readonly sheet: string; readonly sheets: number; readonly hidden: readonly string[]; readonly chosen: boolean; /** --sheet's name, which this workbook (given by another flag) lacks. */ readonly missing?: string }
  /**
   * Non-empty rows above a sheet's header (found by its column names) that were not read, as "row: text"
   * (a title block); `period`: one of them names a month (labelled Periode/Period/Bulan, or "Juni 2024",
   * "2024-06"), which is not taken as the file's month (rv21 E, rv27 F6).
   */
  | { readonly code: 'rows-above-header'; readonly file: string; /** Absent: a CSV file's lines. */ readonly sheet?: string; readonly header: number; readonly rows: readonly { readonly row: number; readonly text: string }[]; readonly more: number; readonly period?: RowsAbovePeriod; /** A year is written there, and no month. */ readonly year?: true; /** The header row was given (--header-row): `rows` are those above it that name a date. */ readonly given?: true }
  /** Merged key cells filled down from the top cell of each merge (an Excel user's "the same as above"). */
  | { readonly code: 'merged-filled'; readonly file: string; readonly sheet: string; readonly ranges: readonly string[] }
  /** Data rows of a sheet hidden in the workbook (by hand, or filtered out): read as the others (a data row counts, a total row is checked and left out). */
  | { readonly code: 'hidden-rows'; readonly file: string; readonly sheet: string; readonly rows: number; readonly first: number; readonly filter: boolean }
  /** Data rows (`rows` of the sheet's `of`) hidden in the workbook, by hand or filtered out: counted as the others, so the totals are not what the sheet shows (rv28 R19). */
  | { readonly code: 'hidden-data-rows'; readonly file: string; readonly sheet: string; readonly rows: number; readonly of: number; readonly first: number; readonly filter: boolean }
  /** Columns of a sheet hidden in the workbook whose values are read, as "C (participants)". */
  | { readonly code: 'hidden-columns'; readonly file: string; readonly sheet: string; readonly columns: readonly string[] }
  /** Total rows of an input ("Jumlah", "Total Kanwil …") left out; `checked`: found equal to the rows they total; `object`: a JSON file's "totals". */
  | { readonly code: 'total-rows'; readonly rows: readonly { readonly at: string; readonly label: string; readonly checked: boolean; readonly notCompared?: readonly string[]; readonly object?: boolean }[]; /** The file joins this many reports one after the other, each total checked against its own part's rows (fx53). */ readonly parts?: number }
  /** Total rows left out without a check (report/common.ts sourceNotes splits them from total-rows): a warning with why (fx44). */
  | { readonly code: 'total-rows-unchecked'; readonly rows: readonly { readonly at: string; readonly label: string; readonly notCompared?: readonly string[]; readonly object?: boolean }[] }
  /** Rows whose participants exceed a denominator, accepted because their province has a documented exception (data/exceptions.csv). */
  | { readonly code: 'over-coverage-exception'; readonly province: string; readonly reason: string; readonly rows: readonly { readonly at: string; readonly measure: string; readonly participants: number; readonly denominator: number }[]; readonly more: number }
  /** breakdown from an input of several months: planned from the latest (`period`); the `months` before it are left out. */
  | { readonly code: 'earlier-months'; readonly period: string; readonly months: readonly string[] }
  /** coverage --period before the input's latest month: the `months` after `period` are left out of the report. */
  | { readonly code: 'later-months'; readonly period: string; readonly months: readonly string[] }
  /** Units not compared with later published figures: theirs are published only for their parts (a Kanwil's provinces); `by`: the --by that checks the parts. */
  | { readonly code: 'later-actual-unchecked'; readonly units: readonly string[]; readonly by: string }
  /** The bundled baseline's participants not attributed to a province: the units start from `participants` (the national figure less them), so their increase includes them. */
  /** A national report by segment of the bundled baseline: its rows are the provinces' sums, not the published national segment figures. */
  | { readonly code: 'national-segments'; readonly segments: readonly { readonly segment: string; readonly national: number; readonly status: string; readonly provinces: number }[]; readonly unattributed: number }
  | { readonly code: 'unattributed-absorbed'; readonly unattributed: number; readonly national: number; readonly participants: number; readonly total: number }
  /**
   * Denominators of counts without their own (--workforce, the bundled baseline) of another month than
   * `period` (the month reported, or with `previous` the previous month; '' when the input has no month)
   * for the areas named: each area's figure is its latest before the month, else its earliest after it.
   */
  | { readonly code: 'denominator-month'; readonly measure: string; readonly source: string; readonly period: string; readonly other: readonly { readonly period: string; readonly areas: readonly string[] }[]; /** Every area's figure is of the one month of `other`. */ readonly every: boolean; readonly previous?: true }
  /** The previous month's coverage is over the same denominators as the month reported's (`of`: their month; null: none): the change is participants' change over them. */
  | { readonly code: 'denominator-same'; readonly measure: string; readonly source: string; readonly period: string; readonly previousPeriod: string; readonly of: string | null }
  /** A denominators table given for some of an area's parts only (2 of Gorontalo's 6 regencies): the area's denominator is theirs. */
  /** Columns added up as read while a change between months is shown: a late value of them is not seen. */
  | { readonly code: 'added-over'; readonly columns: readonly string[]; readonly grain: readonly string[]; readonly previousPeriod: string }
  /** Targets per a finer area than the data's, given for only some of an area's parts (2 of Gorontalo's 6 regencies). */
  /** rv31 V3: targets per a finer key the data has not (segment), missing for some of a group's parts: that group's targets left out. */
  | { readonly code: 'target-parts-missing'; readonly source: string; readonly partDims: readonly string[]; readonly rows: readonly { readonly label: string; readonly have: number; readonly of: number; readonly none: readonly string[]; readonly count: number }[]; readonly count: number }
  /** rv31 V1: targets with no area column on a report with no area either, above the whole denominator of rows (row '' is the Total). */
  | { readonly code: 'targets-over-denominator'; readonly source: string; readonly measure: string; readonly rows: readonly { readonly row: string; readonly target: number; readonly denominator: number }[]; readonly count: number }
  /** rv31 V10: targets of 0 of finer rows (a segment's, a regency's): any participants make the row achieved. */
  | { readonly code: 'zero-targets'; readonly source: string; readonly rows: readonly string[]; readonly count: number }
  /**
   * Targets of 0 whose rows the data do not give apart (`lacking`: the keys the data have not; province ×
   * segment targets on a file by province), in a file without participants: each a part of a coarser
   * row's target, which counts nothing for it; no gap of its own (fx53).
   */
  | { readonly code: 'zero-targets-within'; readonly source: string; readonly rows: readonly string[]; readonly count: number; readonly lacking: readonly string[] }
  | { readonly code: 'partial-targets'; readonly source: string; readonly dim: string; readonly partDim: string; readonly areas: readonly { readonly label: string; readonly have: number; readonly of: number }[] }
  | { readonly code: 'partial-denominators'; readonly measure: string; readonly source: string; readonly dim: string; readonly partDim: string; readonly areas: readonly { readonly label: string; readonly have: number; readonly of: number; /** The parts given, by name, when few (rv25 F8). */ readonly parts?: readonly string[] }[] }
  /** An extract with rows in only some of an area's parts (3 of Gorontalo's 6 regencies), divided by the whole area's denominator. */
  | { readonly code: 'extract-parts'; readonly measure: string; readonly source: string; readonly dim: string; readonly partDim: string; readonly areas: readonly { readonly label: string; readonly have: number; readonly of: number }[] }
  /**
   * Segment rows of some segments only against a denominator of every segment's workers: `share` of the
   * national participants is in the segments `missing`; coverage `kept` when small (PMI, 1.1 %: rv32 W2),
   * else none shown (a Kanwil's PU row, fx44). `targets`: the targets' segments ('whole': every segment's).
   */
  | { readonly code: 'segments-in-part'; readonly measure: string; readonly source: string; readonly given: readonly string[]; readonly missing: readonly string[]; readonly share: number; readonly kept: boolean; /** The targets: of every segment (`whole`), cut to the data's (`segments`), or by segment of the data's only (`given`). */ readonly targets?: 'whole' | 'segments' | 'given' }
  /** A report's rows of an area coarser than the data's (--by kanwil on provinces) that hold only some of its parts: theirs, not the whole area's. */
  | { readonly code: 'area-in-part'; readonly dim: string; readonly partDim: string; readonly areas: readonly { readonly label: string; readonly have: number; readonly of: number }[] }
  /**
   * A regional file by area × segment in which an area lacks the rows of segments the file gives for other
   * areas (Maluku without its PU row): its row, and every row over it, holds only the segments given (rv31 V11).
   */
  | { readonly code: 'segment-rows-missing'; readonly dim: string; readonly areas: readonly { readonly label: string; readonly period?: string; readonly have: number; readonly of: number; readonly missing: readonly string[] }[]; readonly more: number };

/** Why an allocation has no solution, with the names and numbers that show it. */
export type InfeasibleFact =
  | {
      readonly kind: 'below-lower';
      readonly grain: readonly string[];
      readonly scope?: string;
      readonly total: bigint;
      readonly sumLower: bigint;
      readonly units: number;
      readonly lowerIsToday: boolean;
      /**
       * Where the lower bounds come from: today's participants, the --min bound (a value or a column),
       * or both (gap mode: --min where it is above today). `min`: the --min given; `today`: the sum of
       * today's participants (known in gap mode).
       */
      readonly lowerFrom?: { readonly source: 'today' | 'min' | 'both'; readonly min?: { readonly value: bigint } | { readonly column: string }; readonly today?: bigint };
    }
  | {
      readonly kind: 'above-upper';
      readonly grain: readonly string[];
      readonly scope?: string;
      readonly total: bigint;
      /** What the units can take: their upper bounds, and the lower bound of each unit of weight 0. */
      readonly sumUpper: bigint;
      readonly units: number;
      /** Units of weight 0 (they cannot rise above their lower bound), and the basis that gave it. */
      readonly zeroWeight?: { readonly units: readonly string[]; readonly basis: string };
      /** --max none was given: the upper bounds are not what limits the units. */
      readonly maxNone?: boolean;
      /** The caps of the upper bounds, for the way to raise them. */
      readonly caps?: UpperCaps;
    }
  /** A unit's lower bound (--min) above its upper bound (--max, or the denominator). */
  | { readonly kind: 'bounds-crossed'; readonly grain: readonly string[]; readonly unit: string; readonly lower: bigint; readonly upper: bigint; readonly lowerFrom: string; readonly upperFrom: string }
  | { readonly kind: 'margins-differ'; readonly rows: string; readonly rowSum: bigint; readonly columns: string; readonly columnSum: bigint }
  | { readonly kind: 'margin-vs-total'; readonly dim: string; readonly source: string; readonly sum: bigint; readonly total: bigint; readonly totalSource: string }
  | { readonly kind: 'margin-missing'; readonly dim: string; readonly key: string; readonly source: string; readonly known: readonly string[] }
  | { readonly kind: 'margin-unknown'; readonly dim: string; readonly key: string; readonly source: string }
  | { readonly kind: 'line-below-lower'; readonly dim: string; readonly key: string; readonly total: bigint; readonly need: bigint; readonly lowerIsToday: boolean; readonly smallestTotal: bigint }
  | { readonly kind: 'line-above-upper'; readonly dim: string; readonly key: string; readonly total: bigint; readonly room: bigint; readonly maxNone?: boolean; readonly caps?: UpperCaps }
  | { readonly kind: 'hall'; readonly rowsDim: string; readonly rows: readonly string[]; readonly columnsDim: string; readonly columns: readonly string[]; readonly need: bigint; readonly offer: bigint; readonly elsewhere: bigint; readonly maxNone?: boolean; readonly caps?: UpperCaps }
  | { readonly kind: 'basis-unavailable'; readonly basis: string; readonly grain: readonly string[]; readonly unit: string; readonly missing: string }
  | { readonly kind: 'negative-basis'; readonly basis: string; readonly grain: readonly string[]; readonly unit: string; readonly value: number }
  | { readonly kind: 'bound-unavailable'; readonly which: 'min' | 'max'; readonly column: string; readonly grain: readonly string[]; readonly unit: string }
  | { readonly kind: 'needs-participants'; readonly grain: readonly string[]; readonly unit: string }
  | { readonly kind: 'no-units'; readonly grain: readonly string[] }
  | { readonly kind: 'no-total' }
  | { readonly kind: 'hamilton-matrix' };

/**
 * Of several runs' notes (the variants of --compare, the plans of --compare-targets): is a note among
 * every run's? Those are said once, the others under their run's name. (A set per run: looking through
 * every note for every note grew with the square of a nested breakdown's notes.)
 */
export function inEveryRun(notesOfRuns: readonly (readonly Note[])[]): (n: Note) => boolean {
  const key = (n: Note): string => JSON.stringify(n);
  const sets = notesOfRuns.map((notes) => new Set(notes.map(key)));
  return (n) => {
    const k = key(n);
    return sets.every((set) => set.has(k));
  };
}

export class InfeasibleError extends Error {
  constructor(readonly fact: InfeasibleFact) {
    super(fact.kind);
    this.name = 'InfeasibleError';
  }
}
