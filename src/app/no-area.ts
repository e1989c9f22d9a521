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

import type { Period } from '../core/calendar.js';
import type { Note } from '../core/facts.js';
import { areaDimOf } from '../core/scope.js';
import { dimIndex, measureIndex, type Table } from '../core/table.js';
import { InputError, say } from '../errors.js';
import { baselineFacts, loadActuals, periodOrder } from '../io/bundled.js';

interface NationalFigure {
  readonly period: string;
  readonly participants: number;
  readonly source: string;
}

/**
 * The bundled national participants of a month's time: the latest figure at or before it, else the
 * earliest (the baseline's, data/figures.csv, and the published ones of data/actuals.csv; a disputed
 * secondary figure is left out). Example: 2026-06 → 39,350,000 of 2025-06 (BPJS Ketenagakerjaan).
 */
export function nationalOfTime(period: Period | undefined): NationalFigure {
  const facts = baselineFacts();
  const all: NationalFigure[] = [{ period: facts.nationalPeriod, participants: facts.national, source: 'data/figures.csv' }];
  for (const a of loadActuals()) if (a.province === '' && a.segment === '' && !a.caveat) all.push({ period: periodOrder(a.period), participants: a.participants, source: `data/actuals.csv: ${a.source}` });
  all.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  if (!period) return all.find((f) => f.period === facts.nationalPeriod) ?? all[0]!;
  let best = all[0]!;
  for (const f of all) if (f.period <= period) best = f;
  return best;
}

const grouped = (n: number, sep: string): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/**
 * The input with no area column, where a national figure meets it: the warning that it is taken as
 * national (undefined where it has an area), or the refusal when its participants are under half the
 * national ones of its time. `against`: what national it meets (for the words).
 */
export function takenAsNational(table: Table, period: Period | undefined, against: 'target' | 'denominators', command: 'breakdown' | 'coverage'): Note | undefined {
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
  if (participants !== null && participants * 2 < nat.participants) {
    const of = period ? ` of ${period}` : '';
    const ofId = period ? ` per ${period}` : '';
    const hint =
      command === 'breakdown'
        ? { en: 'add a kanwil or province column naming its area (a Kanwil\'s recap: period,kanwil,segment,participants), or give its own total with --target N', id: 'tambahkan kolom kanwil atau province yang menyebut wilayahnya (rekap Kanwil: period,kanwil,segment,participants), atau berikan totalnya sendiri dengan --target N' }
        : { en: 'add a kanwil or province column naming its area (a Kanwil\'s recap: period,kanwil,segment,participants), and to targets of its own (kanwil,segment,target): --year and the bundled denominators then take that area\'s share', id: 'tambahkan kolom kanwil atau province yang menyebut wilayahnya (rekap Kanwil: period,kanwil,segment,participants), juga pada target sendiri (kanwil,segment,target): --year dan penyebut bawaan lalu mengambil bagian wilayah itu' };
    throw new InputError({
      file,
      code: 'no-area-not-national',
      ...say(
        { message: `the input has no area column (province, regency or kanwil), so it would be taken as the whole country's, against the national ${against}; but its ${grouped(participants, ',')} participants${of} are under half the national ${grouped(nat.participants, ',')} of ${nat.period} (${nat.source}): it is almost certainly a region's`, hint: hint.en },
        { message: `input tidak memiliki kolom wilayah (province, regency atau kanwil), sehingga akan dianggap milik seluruh negeri, terhadap ${against === 'denominators' ? 'penyebut' : 'target'} nasional; tetapi ${grouped(participants, '.')} pesertanya${ofId} kurang dari separuh angka nasional ${grouped(nat.participants, '.')} per ${nat.period} (${nat.source}): hampir pasti milik satu wilayah`, hint: hint.id },
      ),
    });
  }
  return { code: 'taken-national', file, against, participants, period: period ?? null, national: nat.participants, nationalPeriod: nat.period, source: nat.source };
}
