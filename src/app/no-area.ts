// An input with no area column (no province, regency nor kanwil: a Kanwil's recap per segment) is taken
// as the whole country's wherever a national figure of the tool's meets it: the national target of
// --year, the bundled baseline's denominators. Said every time (a warning, kept
// under --quiet); and checked against the bundled national participants of its time: a "national" file
// with under half of them is almost certainly a region's (Sulama's 3.26 M against 39.35 M), and is
// refused rather than split 70 M over or divided by 140 M employed (rv28 R4).
//
// Why a refusal and not a warning: the report it would make is wrong in every figure (targets ×21,
// coverage ÷17), and plausible-looking; the fix is one column (kanwil) or its own total (--target N).
// Why half: the published national figures since 2023 run from 39.05 M to 48.64 M; the largest Kanwil
// holds well under a quarter of them, and a national file missing half the country is no national file.
//
// A --targets file meets it the same way (fx41): targets with no area column whose total is at least half
// the national participants of the time are national targets (`breakdown --year 2026 --by segment`:
// 70,000,000), and an input with no area set against them is checked as against --year's. Targets of
// its own scale (a Kanwil's `segment,target`, 5.6 M; a branch plan of hundreds) are that file's frame and
// pass unchecked: by size, since the keys (segment, branch) cannot tell a national plan from a region's.

import type { Period } from '../core/calendar.js';
import type { Note } from '../core/facts.js';
import { shellWord } from '../io/shell-word.js';
import { areaDimOf } from '../core/scope.js';
import { nationalSized, type Targets } from '../core/coverage/targets.js';
import { dimIndex, measureIndex, type Table } from '../core/table.js';
import { InputError, say } from '../errors.js';
import { baselineFacts, loadActuals, periodOrder } from '../io/bundled.js';

interface NationalFigure {
  readonly period: string;
  readonly participants: number;
  readonly source: string;
  readonly segments: ReadonlyMap<string, number>;
  readonly segmentsPeriod: string;
}

/**
 * The bundled national participants of a month's time: the latest figure at or before it, else the
 * earliest (the baseline's, data/figures.csv, and the published ones of data/actuals.csv; a disputed
 * secondary figure is left out). Example: 2026-06 → 39,350,000 of 2025-06 (BPJS Ketenagakerjaan).
 */
export function nationalOfTime(period: Period | undefined): NationalFigure {
  const facts = baselineFacts();
  // Per segment, the baseline's 38 provinces summed (PU 24,292,127, BPU 9,098,262, JAKON 7,286,530, PMI
  // 468,213 of 2023-12): the yardstick of a segment's targets (rv32 W7), the same whatever the month.
  const segments = new Map(facts.segments.map((s) => [s.segment, s.provinces] as const));
  const bySegment = { segments, segmentsPeriod: facts.nationalPeriod };
  const all: NationalFigure[] = [{ period: facts.nationalPeriod, participants: facts.national, source: 'data/figures.csv', ...bySegment }];
  for (const a of loadActuals()) if (a.province === '' && a.segment === '' && !a.caveat) all.push({ period: periodOrder(a.period), participants: a.participants, source: `data/actuals.csv: ${a.source}`, ...bySegment });
  all.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  if (!period) return all.find((f) => f.period === facts.nationalPeriod) ?? all[0]!;
  let best = all[0]!;
  for (const f of all) if (f.period <= period) best = f;
  return best;
}

/** What national figure an input with no area meets: --year's target, the bundled denominators, or a --targets file of national size. */
export type NationalAgainst = 'target' | 'denominators' | { readonly targets: string; readonly total: number };

/**
 * The targets of a --targets file with no area column, where they are national-sized: their total (of
 * the largest month or revision, so that a months file is not summed over its months) at least half the
 * national participants of the month reported; else undefined (targets with an area, or of a region's
 * size). Example: seg.csv of `breakdown --year 2026 --by segment`, 70,000,000 ≥ 39,350,000 / 2.
 */
export function nationalTargets(targets: Targets, period: Period | undefined): NationalAgainst | undefined {
  const t = targets.table;
  if (areaDimOf(t.dims.map((d) => d.name))) return undefined;
  const ti = measureIndex(t, 'target');
  if (ti < 0) return undefined;
  const when = ['period', 'year', 'from'].map((d) => dimIndex(t, d)).filter((i) => i >= 0);
  const si = dimIndex(t, 'segment');
  const totals = new Map<string, number>();
  // Per segment too (of the month or revision where it is largest): a national split of one segment (rv32 W7).
  const segTotals = new Map<string, Map<string, number>>();
  for (const r of t.rows) {
    const v = r.values[ti];
    if (v === null || v === undefined) continue;
    const k = when.map((i) => r.keys[i]).join('\u0000');
    totals.set(k, (totals.get(k) ?? 0) + v);
    const s = si >= 0 ? r.keys[si] : null;
    if (s === null || s === undefined) continue;
    let m = segTotals.get(k);
    if (!m) segTotals.set(k, (m = new Map()));
    m.set(s, (m.get(s) ?? 0) + v);
  }
  let total = 0;
  for (const v of totals.values()) if (v > total) total = v;
  const bySegment = new Map<string, number>();
  for (const m of segTotals.values()) for (const [s, v] of m) if (v > (bySegment.get(s) ?? 0)) bySegment.set(s, v);
  if (!nationalSized(total, nationalOfTime(period), bySegment)) return undefined;
  return { targets: t.sources.map((s) => s.name).join(', '), total };
}

/** What breakdown --year was asked: the year, the input as typed, its --by. */
export interface BreakdownWay {
  readonly year: number;
  readonly input: string;
  readonly by: readonly string[];
}

/**
 * breakdown's ways out for a region's input without an area (rv31 V15: "add a kanwil or province column"
 * led to the next refusal, --year being the national target for any region's input): its own total with
 * --target N, or its rows of the national plan, which breakdown plans without the input (--by kanwil with
 * the input's segments: Sulama's rows of `breakdown --year 2026 --by kanwil,segment`).
 */
function breakdownHint(plan: BreakdownWay | undefined): { en: string; id: string } {
  if (!plan) return { en: 'give its own total with --target N, or take its rows of the national plan: jamsostek breakdown --year YYYY --by kanwil (without --input)', id: 'berikan totalnya sendiri dengan --target N, atau ambil barisnya dalam rencana nasional: jamsostek breakdown --year YYYY --by kanwil (tanpa --input)' };
  const by = plan.by.includes('segment') ? 'kanwil,segment' : 'kanwil';
  const own = `jamsostek breakdown --target N --year ${plan.year} --input ${shellWord(plan.input)}${plan.by.length ? ` --by ${plan.by.join(',')}` : ''}`;
  const national = `jamsostek breakdown --year ${plan.year} --by ${by}`;
  return {
    en: `give its own total with --target N (${own}), or take its Kanwil's rows of the national plan, without --input (${national})`,
    id: `berikan totalnya sendiri dengan --target N (${own}), atau ambil baris Kanwil-nya dalam rencana nasional, tanpa --input (${national})`,
  };
}

const grouped = (n: number, sep: string): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/**
 * The input with no area column, where a national figure meets it: the warning that it is taken as
 * national (undefined where it has an area), or the refusal when its participants are under half the
 * national ones of its time. `against`: what national it meets (for the words).
 */
export function takenAsNational(table: Table, period: Period | undefined, against: NationalAgainst, command: 'breakdown' | 'coverage', plan?: BreakdownWay): Note | undefined {
  if (areaDimOf(table.dims.map((d) => d.name))) return undefined;
  const file = table.sources.map((s) => s.name).join(', ');
  const pm = measureIndex(table, 'participants');
  const pd = dimIndex(table, 'period');
  let participants: number | null = null;
  if (pm >= 0) {
    participants = 0;
    for (const r of table.rows) if (!period || pd < 0 || r.keys[pd] === period) participants += r.values[pm] ?? 0;
  }
  const nat = nationalOfTime(period);
  if (participants !== null && !nationalSized(participants, nat)) {
    const of = period ? ` of ${period}` : '';
    const ofId = period ? ` per ${period}` : '';
    const hint =
      command === 'breakdown'
        ? breakdownHint(plan)
        : { en: 'add a kanwil or province column naming its area (a Kanwil\'s recap: period,kanwil,segment,participants), and to targets of its own (kanwil,segment,target): --year and the bundled denominators then take that area\'s share', id: 'tambahkan kolom kanwil atau province yang menyebut wilayahnya (rekap Kanwil: period,kanwil,segment,participants), juga pada target sendiri (kanwil,segment,target): --year dan penyebut bawaan lalu mengambil bagian wilayah itu' };
    const what =
      typeof against === 'object'
        ? { en: `the national targets of ${against.targets} (${grouped(against.total, ',')} in all)`, id: `target nasional di ${against.targets} (${grouped(against.total, '.')} seluruhnya)` }
        : against === 'denominators'
          ? { en: 'the national denominators', id: 'penyebut nasional' }
          : { en: 'the national target', id: 'target nasional' };
    throw new InputError({
      file,
      code: 'no-area-not-national',
      ...say(
        { message: `the input has no area column (province, regency or kanwil), so it would be taken as the whole country's, against ${what.en}; but its ${grouped(participants, ',')} participants${of} are under half the national ${grouped(nat.participants, ',')} of ${nat.period} (${nat.source}): it is almost certainly a region's`, hint: hint.en },
        { message: `input tidak memiliki kolom wilayah (province, regency atau kanwil), sehingga akan dianggap milik seluruh negeri, terhadap ${what.id}; tetapi ${grouped(participants, '.')} pesertanya${ofId} kurang dari separuh angka nasional ${grouped(nat.participants, '.')} per ${nat.period} (${nat.source}): hampir pasti milik satu wilayah`, hint: hint.id },
      ),
    });
  }
  const kind = typeof against === 'object' ? 'targets' : against;
  return { code: 'taken-national', file, against: kind, ...(typeof against === 'object' ? { targets: against.targets, targetsTotal: against.total } : {}), participants, period: period ?? null, national: nat.participants, nationalPeriod: nat.period, source: nat.source };
}

