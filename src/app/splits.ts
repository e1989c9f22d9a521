// Figures dated before a province split (core/splits.ts: Papua 2022-07, Papua Barat 2022-12) against
// today's geography (rv21 B). "Papua" of 2021-12 is the old province, today's Papua, Papua Selatan,
// Papua Tengah and Papua Pegunungan together: divided by the bundled workforce of today's Papua (the
// rump) its coverage is of no area, and its change to a month after the split counts the territory
// that left as a fall. Refused, naming the split; the bundled geography and figures are today's.

import type { Period } from '../core/calendar.js';
import { PROVINCE_SPLITS, type ProvinceSplit } from '../core/splits.js';
import { dimIndex, keysOf, type Table } from '../core/table.js';
import { InputError, say, usage } from '../errors.js';
import { provinceRegistry } from '../io/areas.js';

const nameOf = (code: string): string => provinceRegistry().byKemendagri(code)?.name ?? code;
const formedNames = (s: ProvinceSplit): string => s.formed.map(nameOf).join(', ');
const today = (s: ProvinceSplit): string => [s.province, ...s.formed].map(nameOf).join(', ');

/** The first province-level row (no regency) of an old province dated before its split, if any. */
function preSplitRow(t: Table): { split: ProvinceSplit; period: Period; at: { file: string; line: number } } | undefined {
  const pd = dimIndex(t, 'period');
  const pv = dimIndex(t, 'province');
  const rd = dimIndex(t, 'regency');
  if (pd < 0 || pv < 0) return undefined;
  // The distinct months and provinces first: rows are read only when an old province and a month before
  // its split are both there (walking a million rows of today's months made their keys for nothing, and
  // kept the peak 200 MiB higher on one key per row).
  const months = keysOf(t, 'period');
  const provinces = new Set(keysOf(t, 'province'));
  if (!PROVINCE_SPLITS.some((s) => provinces.has(s.province) && months.some((m) => m < s.from))) return undefined;
  for (const r of t.rows) {
    const p = r.keys[pv];
    const m = r.keys[pd];
    if (p === null || p === undefined || m === null || m === undefined || r.parent !== undefined || (rd >= 0 && r.keys[rd] !== null)) continue;
    const split = PROVINCE_SPLITS.find((s) => s.province === p && m < s.from);
    if (split) return { split, period: m, at: { file: t.sources[r.src]?.name ?? '', line: r.line } };
  }
  return undefined;
}

/**
 * Refuse a province-level row of Papua or Papua Barat dated before its split when the denominator is
 * the bundled baseline's (today's province), and a month before the split beside one after it (the
 * change would compare two areas), whatever the denominator.
 */
export function checkSplits(tables: readonly (Table | undefined)[], period: Period | undefined, bundled: boolean): void {
  for (const t of tables) {
    if (!t) continue;
    const old = preSplitRow(t);
    if (!old) continue;
    const { split: s, period: m, at } = old;
    const name = nameOf(s.province);
    if (bundled) {
      throw new InputError({
        ...at,
        ...say(
          {
            message: `${name} of ${m} is the province before the ${s.from.slice(0, 4)} split (${s.law}, in force from ${s.from}): today's ${today(s)}; the bundled denominator is of today's ${name} alone, so its coverage would be of no area`,
            hint: `give the ${m} denominator of the old province in the file (a workforce column) or with --workforce FILE, or report months from ${s.from} on`,
          },
          {
            message: `${name} per ${m} adalah provinsi sebelum pemekaran ${s.from.slice(0, 4)} (${s.law}, berlaku mulai ${s.from}): kini ${today(s)}; penyebut bawaan hanya untuk ${name} saat ini, sehingga cakupannya bukan cakupan wilayah mana pun`,
            hint: `berikan penyebut ${m} provinsi lama di berkas (kolom tenaga kerja) atau dengan --workforce BERKAS, atau laporkan bulan mulai ${s.from}`,
          },
        ),
      });
    }
    if (period !== undefined && period >= s.from) {
      throw new InputError({
        ...at,
        ...say(
          {
            message: `${name} of ${m} is the province before the ${s.from.slice(0, 4)} split (${s.law}, in force from ${s.from}), ${period} is after it: a change between them is not like for like (it counts ${formedNames(s)} as a fall of ${name})`,
            hint: `compare months on the same side of ${s.from}, or leave ${name}'s rows of months before ${s.from} out of the files`,
          },
          {
            message: `${name} per ${m} adalah provinsi sebelum pemekaran ${s.from.slice(0, 4)} (${s.law}, berlaku mulai ${s.from}), ${period} sesudahnya: perubahan di antara keduanya tidak setara (${formedNames(s)} terhitung sebagai penurunan ${name})`,
            hint: `bandingkan bulan-bulan di sisi yang sama dari ${s.from}, atau keluarkan baris ${name} bulan sebelum ${s.from} dari berkas`,
          },
        ),
      });
    }
  }
}

/**
 * Areas that did not exist in `period`, or whose name meant a larger area then (a template, --expect
 * for that month): the splits whose old or new provinces are among `provinces` and that came after it.
 */
export function splitsAfter(provinces: Iterable<string>, period: Period): ProvinceSplit[] {
  const keys = new Set(provinces);
  return PROVINCE_SPLITS.filter((s) => period < s.from && (keys.has(s.province) || s.formed.some((f) => keys.has(f))));
}

/** The words of splitsAfter for a message: "Papua (UU 14, 15, 16/2022, in force from 2022-07: today's Papua, …)". */
export function splitWords(splits: readonly ProvinceSplit[]): { en: string; id: string } {
  return {
    en: splits.map((s) => `${nameOf(s.province)} (${s.law}, in force from ${s.from}: today's ${today(s)})`).join(' and '),
    id: splits.map((s) => `${nameOf(s.province)} (${s.law}, berlaku mulai ${s.from}: kini ${today(s)})`).join(' dan '),
  };
}

/**
 * --expect national / kanwil: / province: for a month before a split: the bundled geography's provinces
 * of today include some that did not exist then, and a province whose name meant a larger area.
 */
export function checkExpectSplits(provinces: Iterable<string>, period: Period | undefined): void {
  if (period === undefined) return;
  const splits = splitsAfter(provinces, period);
  if (!splits.length) return;
  const w = splitWords(splits);
  throw new InputError(
    say(
      { message: `--expect: the bundled geography is today's; in ${period} these provinces were not yet split: ${w.en}`, hint: 'give the areas that must report in that month as a file (--expect FILE, one area a row), or leave out --expect' },
      { message: `--expect: geografi bawaan adalah geografi saat ini; pada ${period} provinsi ini belum dimekarkan: ${w.id}`, hint: 'berikan wilayah yang wajib melapor pada bulan itu sebagai berkas (--expect BERKAS, satu wilayah per baris), atau hilangkan --expect' },
    ),
  );
}

/** template --period before a split: its rows would be of today's provinces, not of that month's. */
export function checkTemplateSplits(provinces: Iterable<string>, period: Period): void {
  const splits = splitsAfter(provinces, period);
  if (!splits.length) return;
  const w = splitWords(splits);
  throw usage(
    { message: `--period ${period}: the template's rows are today's provinces and regencies, and in ${period} these provinces were not yet split: ${w.en}`, hint: `use a month from ${splits[splits.length - 1]!.from} on, or write that month's rows by hand (the old province as one row)` },
    { message: `--period ${period}: baris templat adalah provinsi dan kabupaten/kota saat ini, dan pada ${period} provinsi ini belum dimekarkan: ${w.id}`, hint: `pakai bulan mulai ${splits[splits.length - 1]!.from}, atau tulis baris bulan itu sendiri (provinsi lama sebagai satu baris)` },
  );
}
