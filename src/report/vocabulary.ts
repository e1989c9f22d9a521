// Every word the reports show people, in English and Indonesian, in one place: column labels, key
// names, titles, notes and the reasons a plan has no solution. Machine formats use the keys, never
// these words.

import { DIVISOR_METHOD_NAMES, type MethodName } from '../core/allocation/methods.js';
import type { InfeasibleFact, Note, OverDenominatorRow, RowsAbovePeriod, UpperCaps } from '../core/facts.js';
import type { Scope } from '../core/scope.js';
import { clipValue } from '../core/clip.js';
import { addMonths } from '../core/calendar.js';
import { roundHalfUp, roundSignificant } from './rounding.js';

/** The month before a revision's `from`: where its path starts. */
const prevMonth = (p: string): string => (/^\d{4}-\d{2}$/.test(p) ? addMonths(p, -1) : p);

export type Lang = 'id' | 'en';
export interface Words {
  readonly en: string;
  readonly id: string;
}

const w = (en: string, id: string): Words => ({ en, id });

const DIMS = new Map<string, Words>([
  ['province', w('province', 'provinsi')],
  ['province_code', w('code', 'kode')],
  ['regency', w('regency/city', 'kabupaten/kota')],
  ['segment', w('segment', 'segmen')],
  ['sector', w('sector', 'sektor')],
  ['kanwil', w('regional office', 'kanwil')],
  ['period', w('period', 'periode')],
]);

/** The label of a key column; a user's own column (branch) is shown by its name. */
export function dimLabel(dim: string): Words {
  return DIMS.get(dim) ?? w(dim, dim);
}

export function keysTitle(dims: readonly string[], lang: Lang): string {
  return dims.map((d) => dimLabel(d)[lang]).join(' × ');
}

const DENOMINATORS = new Map<string, Words>([
  ['employed', w('workforce (employed)', 'tenaga kerja (bekerja)')],
  ['potential_workers', w('workforce (potential)', 'tenaga kerja (potensi)')],
  ['workforce', w('workforce', 'tenaga kerja')],
]);

export function denominatorLabel(d: string | null | undefined): Words {
  return (d && DENOMINATORS.get(d)) || w(d ?? 'workforce', d ?? 'tenaga kerja');
}

/** Labels of the report columns, by key. */
export const COLUMN_WORDS: ReadonlyMap<string, Words> = new Map<string, Words>([
  ['participants', w('participants', 'peserta aktif')],
  ['coverage', w('coverage', 'cakupan')],
  ['uncovered', w('uncovered', 'belum terlindungi')],
  ['target', w('target', 'target')],
  ['target_coverage', w('target coverage', 'cakupan target')],
  ['gap', w('gap to target', 'selisih ke target')],
  ['achievement', w('achievement', 'capaian')],
  ['milestone', w('milestone this month', 'tonggak bulan ini')],
  ['run_rate', w('needed per month', 'kebutuhan per bulan')],
  ['status', w('status', 'status')],
  ['change', w('change (month)', 'perubahan (bulan)')],
  ['coverage_change_pp', w('coverage change', 'perubahan cakupan')],
  ['weight', w('weight', 'bobot')],
  ['min', w('min', 'min')],
  ['max', w('max', 'maks')],
  ['increase', w('increase', 'kenaikan')],
  ['share', w('share', 'porsi')],
  ['bound', w('bound', 'batas')],
  ['baseline', w('baseline', 'awal')],
  ['progress_needed', w('increase so far', 'kenaikan s.d. bulan ini')],
  ['pace', w('pace per month', 'laju per bulan')],
  ['projected', w('projected December', 'proyeksi Desember')],
  ['projected_gap', w('projected gap', 'proyeksi selisih')],
  ['projected_status', w('projected status', 'status proyeksi')],
]);

export function columnWords(key: string): Words {
  return COLUMN_WORDS.get(key) ?? w(key, key);
}

/** How reports name each method (core/allocation/methods.ts lists them: every one has a name here). */
export const METHOD_NAMES = new Map<string, string>(
  Object.entries({
    webster: 'Webster / Sainte-Laguë',
    hamilton: 'Hamilton / largest remainder',
    dhondt: "D'Hondt / Jefferson",
    adams: 'Adams',
    'huntington-hill': 'Huntington–Hill',
    dean: 'Dean',
  } satisfies Record<MethodName, string>),
);

/** Measure and basis names in Indonesian sentences (the keys stay as they are in English ones). */
const ID_NAMES = new Map<string, string>([
  ['employed', 'penduduk bekerja'],
  ['potential_workers', 'potensi pekerja'],
  ['workforce', 'tenaga kerja'],
  ['participants', 'peserta'],
  ['uncovered', 'belum terlindungi'],
  ['denominator', 'penyebut'],
]);
const idName = (k: string): string => k.split(' and ').map((x) => ID_NAMES.get(x) ?? x).join(' dan ');

/**
 * A whole number grouped as each language writes it (41.560.000 / 41,560,000). By hand, not with
 * Intl.NumberFormat: these messages are built on every run, and loading ICU's locale data costs
 * ~20 ms of start-up (measured), a tenth of a whole breakdown.
 */
export function groupDigits(x: bigint | number, lang: Lang): string {
  const digits = (typeof x === 'bigint' ? (x < 0n ? -x : x) : Math.abs(Math.trunc(x))).toString();
  const sep = lang === 'id' ? '.' : ',';
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return (x < 0 ? '-' : '') + out;
}
const num = groupDigits;
const list = (xs: readonly string[], max = 8): string => (xs.length > max ? `${xs.slice(0, max).join(', ')}, … (${xs.length})` : xs.join(', '));
/** The first names of `count` items, the rest counted: "A, B and 2 more" (never a list that looks whole). */
export const namedOf = (names: readonly string[], count: number, lang: Lang, sep = ', '): string => {
  const more = count - names.length;
  if (more <= 0) return names.join(sep);
  return `${names.join(sep)} ${lang === 'id' ? `dan ${groupDigits(more, lang)} lainnya` : `and ${groupDigits(more, lang)} more`}`;
};
/** list() of the items worded by `word`, wording only those it shows. */
const listed = <T>(xs: readonly T[], word: (x: T, i: number) => string, max = 8): string => {
  const shown = (xs.length > max ? xs.slice(0, max) : xs).map(word);
  return xs.length > max ? `${shown.join(', ')}, … (${xs.length})` : shown.join(', ');
};
/** Months as runs of consecutive months: 2024-01..2024-03, 2024-05 (rv26 F3). */
const monthRuns = (months: readonly string[]): string => {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= months.length; i++) {
    if (i < months.length && months[i] === addMonths(months[i - 1]!, 1)) continue;
    out.push(i - 1 === start ? months[start]! : `${months[start]!}..${months[i - 1]!}`);
    start = i;
  }
  return out.join(', ');
};
/** 'a, b or c' ('a, b atau c'). */
const orList = (xs: readonly string[], or: string): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${or} ${xs[xs.length - 1]}`);
const grainWords = (grain: readonly string[], lang: Lang): string => grain.map((g) => dimLabel(g)[lang]).join(' × ');
/** "province units" / "unit provinsi"; a grain called unit is just "units" (never "the 3 unit units"). */
const unitsWords = (grain: readonly string[], lang: Lang): string => {
  const g = grainWords(grain, lang);
  if (/^units?$/i.test(g)) return lang === 'id' ? 'unit' : 'units';
  return lang === 'id' ? `unit ${g}` : `${g} units`;
};

/**
 * A month written above a sheet's header (not read), by where the month comes from: the advice to add
 * a period column or pass --period only where neither is there (rv23 F2).
 */
const ABOVE_PERIOD: Record<RowsAbovePeriod | 'unsaid', readonly [string, string]> = {
  column: ['; a month written there is not read: each row\'s month is its period column\'s', '; bulan yang ditulis di sana tidak dibaca: bulan setiap baris diambil dari kolom periodenya'],
  flag: ['; a month written there is not read: the rows are of the month --period gives', '; bulan yang ditulis di sana tidak dibaca: baris-barisnya adalah bulan yang diberikan --period'],
  none: ['; a month written there is not taken as the file\'s: add a period column or pass --period', '; bulan yang ditulis di sana tidak dianggap bulan berkas: tambahkan kolom period atau berikan --period'],
  'add-column': ['; a month written there is not taken as the file\'s: add a period column', '; bulan yang ditulis di sana tidak dianggap bulan berkas: tambahkan kolom period'],
  workforce: ['; a month written there is not taken as the figures\': without a period column they stand for any month reported; add one to date them', '; bulan yang ditulis di sana tidak dianggap bulan angka-angkanya: tanpa kolom period angka itu berlaku untuk bulan apa pun yang dilaporkan; tambahkan kolom itu untuk memberi bulannya'],
  targets: ['; a year or month written there is not read: the targets\' year comes from a year column, --year or the input\'s month', '; tahun atau bulan yang ditulis di sana tidak dibaca: tahun target diambil dari kolom year, --year, atau bulan input'],
  'targets-column': ['; a year or month written there is not read: each row\'s year is its year column\'s', '; tahun atau bulan yang ditulis di sana tidak dibaca: tahun setiap baris diambil dari kolom year-nya'],
  unread: ['; a month written there is not read', '; bulan yang ditulis di sana tidak dibaca'],
  unsaid: ['', ''],
};

/**
 * The way to milestones through the Decembers on the way for a yearly targets file, as true for the file:
 * a series of the plan's totals by year (--series, with --input and --by for a plan of some areas) always
 * draws them; a national plan's rows may also be the bundled series' own plan for the year, named with its
 * total (breakdown --year Y --months plans that total, which need not be the file's), where the series has
 * the year (2027: breakdown and coverage --year 2027 refuse it).
 */
function yearlyWay(year: number, from: number, series: { file: string; scenario: string; total: number | null; ownTotal?: true } | undefined, l: Lang): string {
  const own = l === 'id'
    ? `breakdown --series BERKAS --year ${year} --months -o KELUARAN (dengan --input dan --by untuk rencana sebagian wilayah), dengan --series BERKAS memuat total rencana untuk ${from} dan ${year} (tahun di antara dua baris diinterpolasi), menulis jalur melalui Desember seri itu, dan coverage --targets KELUARAN membacanya`
    : `breakdown --series FILE --year ${year} --months -o OUT (with --input and --by for a plan of some areas), --series FILE holding the plan's totals for ${from} and ${year} (years between two rows are interpolated), writes the path through that series' Decembers, and coverage --targets OUT reads it`;
  if (!series) return l === 'id' ? `; berkas tahunan tidak dapat memuatnya: ${own}` : `; a yearly file cannot carry them: ${own}`;
  if (series.total === null) {
    return l === 'id'
      ? `; berkas tahunan tidak dapat memuatnya, dan ${series.file} tidak memuat target ${series.scenario} untuk ${year} (breakdown --year ${year} dan coverage --year ${year} menolaknya): ${own}`
      : `; a yearly file cannot carry them, and ${series.file} has no ${series.scenario} target for ${year} (breakdown --year ${year} and coverage --year ${year} refuse it): ${own}`;
  }
  // fx58: a plan split from its own total (breakdown --target; its share column says so), or several
  // joined, is not the national plan's rows: its way is its own total's.
  if (series.ownTotal) {
    return l === 'id'
      ? `; berkas tahunan tidak dapat memuatnya, dan targetnya dibagi dari total tersendiri (kolom share-nya menunjukkannya), bukan dari rencana nasional ${series.file} untuk ${year}: ${own}`
      : `; a yearly file cannot carry them, and its targets were split from a total of their own (its share column says so), not from the national plan of ${series.file} for ${year}: ${own}`;
  }
  return l === 'id'
    ? `; berkas tahunan tidak dapat memuatnya: bila targetnya adalah baris rencana nasional ${year} dari ${series.file} (${series.scenario}: ${num(series.total, l)}), breakdown --year ${year} --months -o BERKAS menyusun rencana itu melalui Desember seri di tengah jalan, dan coverage --targets BERKAS membacanya (atau pakai coverage --year ${year}); untuk total lain, ${own}`
    : `; a yearly file cannot carry them: where its targets are rows of the national plan of ${series.file} for ${year} (${series.scenario}: ${num(series.total, l)}), breakdown --year ${year} --months -o FILE plans that through the series' Decembers on the way, and coverage --targets FILE reads it (or use coverage --year ${year}); for another total, ${own}`;
}

const AREA_WORDS: Record<'regency' | 'province' | 'kanwil', { one: Words; many: Words }> = {
  regency: { one: w('regency or city', 'kabupaten/kota'), many: w('regencies and cities', 'kabupaten/kota') },
  province: { one: w('province', 'provinsi'), many: w('provinces', 'provinsi') },
  kanwil: { one: w('regional office', 'kanwil'), many: w('regional offices', 'kanwil') },
};

/**
 * The scope of a report in words: "Kanwil Sulawesi Maluku (Sulama): 8 provinces", "Gorontalo: 4 of 6
 * regencies and cities", "Indonesia: 38 provinces"; undefined when the data names no area.
 */
export function scopeText(s: Scope, lang: Lang): string | undefined {
  if (s.kind === 'unknown') return undefined;
  const word = (n: number, d: 'regency' | 'province' | 'kanwil'): string => `${num(n, lang)} ${AREA_WORDS[d][n === 1 ? 'one' : 'many'][lang]}`;
  const part = (areas: number, of: number, d: 'regency' | 'province' | 'kanwil'): string => (areas === of ? word(areas, d) : `${num(areas, lang)} ${lang === 'id' ? 'dari' : 'of'} ${word(of, d)}`);
  switch (s.kind) {
    case 'national':
      // Some of them only where a warning says what is missing (split-in-part: "37 of 38 provinces").
      return `Indonesia: ${part(s.areas, s.of, s.dim)}`;
    case 'kanwil':
      return `Kanwil ${s.name}: ${part(s.areas, s.of, s.dim)}`;
    case 'province':
      return `${s.name}: ${part(s.areas, s.of, s.dim)}`;
    case 'areas':
      return s.dim === 'kanwil' ? word(s.areas, 'kanwil') : `${word(s.areas, s.dim)} ${lang === 'id' ? 'di' : 'in'} ${word(s.parents, s.dim === 'regency' ? 'province' : 'kanwil')}`;
  }
}

/** A note in words. */
/**
 * Rows above a denominators table's figure (rv21 F), as the refusal and the note under
 * --allow-over-coverage list them: "Aceh: 3,000,000 participants (oc3.csv:2) > 2,450,000 employed of 2023-08".
 */
export function overDenominatorRows(rows: readonly OverDenominatorRow[], more: number, measure: string, lang: Lang): string {
  const of = (r: OverDenominatorRow): string => (r.months.length ? (lang === 'id' ? ` per ${r.months.join(', ')}` : ` of ${r.months.join(', ')}`) : '');
  const one = (r: OverDenominatorRow): string => `${r.label}: ${groupDigits(r.participants, lang)} ${lang === 'id' ? 'peserta' : 'participants'}${r.at ? ` (${r.at})` : ''} > ${groupDigits(r.denominator, lang)} ${measure}${of(r)}`;
  return rows.map(one).join('; ') + (more ? (lang === 'id' ? `; dan ${groupDigits(more, lang)} baris lain` : `; and ${groupDigits(more, lang)} more`) : '');
}

export function noteText(n: Note, lang: Lang): string {
  const L = (en: string, id: string): string => (lang === 'id' ? id : en);
  switch (n.code) {
    case 'basis-fallback':
      return L(
        `the ${n.wanted} basis needs the ${n.missing} per ${grainWords(n.grain, 'en')}, which the input does not give: ${grainWords(n.grain, 'en')} units are weighted by ${n.used === 'participants' ? "today's participants" : 'equal weights'}`,
        `bobot ${idName(n.wanted)} memerlukan ${idName(n.missing)} per ${grainWords(n.grain, 'id')}, yang tidak ada di input: unit ${grainWords(n.grain, 'id')} diberi bobot ${n.used === 'participants' ? 'peserta saat ini' : 'yang sama'}`,
      );
    case 'no-upper-bound':
      return L(
        `no upper bound per ${grainWords(n.grain, 'en')}: ${n.denominator ?? 'the denominator'} is not known per ${grainWords(n.grain, 'en')}`,
        `tanpa batas atas per ${grainWords(n.grain, 'id')}: ${idName(n.denominator ?? 'denominator')} tidak diketahui per ${grainWords(n.grain, 'id')}`,
      );
    case 'share-unavailable':
      return L(
        `--max-coverage ${sharePct(n.share, 'en')} does not apply per ${grainWords(n.grain, 'en')}: ${n.denominator ?? 'the denominator'} is not known per ${grainWords(n.grain, 'en')}; the upper bound there is ${n.max} alone`,
        `--max-coverage ${sharePct(n.share, 'id')} tidak berlaku per ${grainWords(n.grain, 'id')}: ${idName(n.denominator ?? 'denominator')} tidak diketahui per ${grainWords(n.grain, 'id')}; batas atas di sana hanya ${n.max}`,
      );
    case 'max-none-share':
      return L(
        `--max none lifts only --max's own cap: --max-coverage (or "maxCoverage" of a jamsostek.json) still caps every target at ${sharePct(n.share, 'en')} of its ${n.denominator}`,
        `--max none hanya mencabut batas --max sendiri: --max-coverage (atau "maxCoverage" di jamsostek.json) tetap membatasi setiap target pada ${sharePct(n.share, 'id')} dari ${idName(n.denominator)}-nya`,
      );
    case 'capped':
      return L(`stopped at the upper bound (--max, --max-coverage), the rest shared by the others: ${list(n.units)}`, `berhenti pada batas atas (--max, --max-coverage), sisanya dibagi ke yang lain: ${list(n.units)}`);
    case 'at-lower':
      return n.today
        ? L(`held at the lower bound, today's participants (a zero increase): ${list(n.units)}`, `ditahan pada batas bawah, peserta saat ini (tanpa kenaikan): ${list(n.units)}`)
        : L(`held at the lower bound (--min): ${list(n.units)}`, `ditahan pada batas bawah (--min): ${list(n.units)}`);
    case 'held':
      return L(`held at today's participants (already above the upper bound): ${list(n.units)}`, `ditahan pada peserta saat ini (sudah di atas batas atas): ${list(n.units)}`);
    case 'tie':
      return L(`tie between ${list(n.units)}; resolved in favour of ${list(n.winners)} (larger weight, then input order)`, `seri antara ${list(n.units)}; dimenangkan ${list(n.winners)} (bobot lebih besar, lalu urutan input)`);
    case 'matrix-tie':
      return L(`tied cells (another answer with the same margins exists): ${list(n.cells)}`, `sel seri (ada jawaban lain dengan total yang sama): ${list(n.cells)}`);
    case 'coarser': {
      const finer = n.grain.filter((g) => !n.knownPer.includes(g));
      const per = (l: Lang): string => grainWords(n.knownPer, l) || (l === 'id' ? 'total' : 'the total');
      // Which rows have it: the subtotals when they are the grain it is known per, else the Total only.
      const subtotals = n.grain.length >= 2 && n.knownPer.length === 1 && n.knownPer[0] === n.grain[0];
      return L(
        `${n.measure} is known per ${per('en')}, not per ${grainWords(finer, 'en')}: the ${grainWords(n.grain, 'en')} rows show no coverage; ${subtotals ? `the ${per('en')} rows do` : 'only the Total does'}`,
        `${idName(n.measure)} diketahui per ${per('id')}, bukan per ${grainWords(finer, 'id')}: baris ${grainWords(n.grain, 'id')} tanpa cakupan; ${subtotals ? `baris ${per('id')} menampilkannya` : 'hanya Total yang menampilkannya'}`,
      );
    }
    case 'incomplete':
      return L(`${n.measure} is missing for part of ${n.groups} group(s) (e.g. ${n.example}; ${n.at} has none): they show no ${n.measure}`, `${idName(n.measure)} tidak lengkap untuk ${n.groups} kelompok (mis. ${n.example}; ${n.at} tidak punya): ${idName(n.measure)} tidak ditampilkan`);
    case 'interpolated':
      return L(`the ${n.year} target is interpolated between ${n.from} and ${n.to}`, `target ${n.year} diinterpolasi antara ${n.from} dan ${n.to}`);
    case 'missing-in-period': {
      // Only the areas list() shows are worded (with one key per row, a year's earlier months can name a million).
      const named = listed(n.areas, (a, i) => (n.lastSeen?.[i] ? `${a} (${L('last seen', 'terakhir')} ${n.lastSeen[i]})` : a));
      return L(
        `${n.period} has no rows for ${named}: the report and its totals leave ${n.areas.length === 1 ? 'it' : 'them'} out (--expect makes this an error)`,
        `${n.period} tidak memuat ${named}: laporan dan totalnya tidak mencakupnya (--expect menjadikannya galat)`,
      );
    }
    case 'grain-changed':
      return L(
        `${list(n.areas)}: rows by ${grainWords(n.dims, 'en')} in only one of ${n.previousPeriod} and ${n.period}; ${n.areas.length === 1 ? 'its' : 'their'} change from ${n.previousPeriod} compares the two months without the ${grainWords(n.dims, 'en')} split`,
        `${list(n.areas)}: baris per ${grainWords(n.dims, 'id')} hanya pada salah satu dari ${n.previousPeriod} dan ${n.period}; perubahannya dari ${n.previousPeriod} membandingkan kedua bulan tanpa rincian ${grainWords(n.dims, 'id')}`,
      );
    case 'segments-short': {
      // fx52: one month gives an area whole, the other by segment rows lacking a segment.
      const monthOf = (split: 'previous' | 'current'): string => (split === 'previous' ? n.previousPeriod : n.period);
      const otherOf = (split: 'previous' | 'current'): string => (split === 'previous' ? n.period : n.previousPeriod);
      const first = n.areas[0]!;
      const missing = [...new Set(n.areas.flatMap((a) => a.missing))];
      const no = (l: Lang): string => missing.join(l === 'id' ? ', ' : ', ');
      if (n.every) {
        return L(
          `no change from ${n.previousPeriod} is shown: ${monthOf(first.split)} gives the participants by segment without ${no('en')} and ${otherOf(first.split)} gives them whole (no segment column), so a change would count different segments; give ${monthOf(first.split)}'s rows of every segment (0 where none), or its participants whole`,
          `tidak ada perubahan dari ${n.previousPeriod} yang ditampilkan: ${monthOf(first.split)} memuat peserta per segmen tanpa ${no('id')} dan ${otherOf(first.split)} memuatnya utuh (tanpa kolom segmen), sehingga perubahan akan menghitung segmen yang berbeda; berikan baris setiap segmen untuk ${monthOf(first.split)} (0 bila tidak ada), atau pesertanya secara utuh`,
        );
      }
      const items = (l: Lang): string => {
        const shown = n.areas.map((a) => `${a.label} (${monthOf(a.split)} ${l === 'id' ? 'tanpa' : 'without'} ${a.missing.join(', ')})`);
        return `${shown.join(', ')}${n.more ? (l === 'id' ? ` dan ${n.more} lainnya` : ` and ${n.more} more`) : ''}`;
      };
      return L(
        `no change from ${n.previousPeriod} for ${items('en')}: that month gives them by segment rows lacking a segment and the other month gives them whole, so their change would count different segments; they are left out of their subtotals' and the Total's change too, and that month out of their pace (like for like); give that month's rows of every segment (0 where none)`,
        `tidak ada perubahan dari ${n.previousPeriod} untuk ${items('id')}: bulan itu memuatnya per segmen tanpa sebagian segmen dan bulan lainnya memuatnya utuh, sehingga perubahannya akan menghitung segmen yang berbeda; wilayah itu juga tidak dihitung dalam perubahan subtotal dan Total, dan bulan itu tidak dihitung dalam lajunya (sebanding); berikan baris setiap segmen untuk bulan itu (0 bila tidak ada)`,
      );
    }
    case 'like-for-like': {
      // Counted on the rows as loaded when they are finer than the report's (regencies of a report by
      // province): "parts (province × regency/city)".
      const unit = (l: Lang, many: boolean): string => (n.parts ? `${l === 'id' ? 'bagian' : many ? 'parts' : 'part'} (${grainWords(n.parts, l)})` : l === 'id' ? 'kelompok' : many ? 'groups' : 'group');
      // No group in both months: there is no change to show at all (every change cell is empty).
      if (n.both === 0)
        return L(
          `no change from ${n.previousPeriod} is shown: no ${unit('en', false)} was reported in both months${n.missing.length ? `; not reported now: ${list(n.missing)}` : ''}${n.added.length ? `; reported now, not in ${n.previousPeriod}: ${list(n.added)}` : ''}`,
          `tidak ada perubahan dari ${n.previousPeriod} yang ditampilkan: tidak ada ${unit('id', false)} yang melapor di kedua bulan${n.missing.length ? `; tidak melapor sekarang: ${list(n.missing)}` : ''}${n.added.length ? `; melapor sekarang, tidak pada ${n.previousPeriod}: ${list(n.added)}` : ''}`,
        );
      return L(
        `the change from ${n.previousPeriod} is like for like: the ${num(n.both, 'en')} ${unit('en', n.both !== 1)} reported in both months${n.missing.length ? `; not reported now: ${list(n.missing)}` : ''}${n.added.length ? `; reported now, not in ${n.previousPeriod}: ${list(n.added)}` : ''}`,
        `perubahan dari ${n.previousPeriod} dihitung setara: ${num(n.both, 'id')} ${unit('id', true)} yang melapor di kedua bulan${n.missing.length ? `; tidak melapor sekarang: ${list(n.missing)}` : ''}${n.added.length ? `; melapor sekarang, tidak pada ${n.previousPeriod}: ${list(n.added)}` : ''}`,
      );
    }
    case 'coverage-points': {
      // rv35 D10: one scale for the column, not a scale per cell (0.16 of a column in points is 0.16 %).
      const id = (x: number): string => String(x).replace('.', ',');
      return L(
        `the coverage column (no % sign) is read in percentage points: ${num(n.cells, 'en')} of its cells of 1 or less agree with participants ÷ denominator only so (the first at ${n.at}: ${n.raw} is ${n.raw} %, not ${roundSignificant(n.raw, 15, 2)} %)${n.fractions ? `, ${num(n.fractions, 'en')} only as fractions (warned of below)` : ''}`,
        `kolom cakupan (tanpa tanda %) dibaca dalam poin persentase: ${num(n.cells, 'id')} selnya yang bernilai 1 atau kurang hanya sesuai dengan peserta ÷ penyebut bila dibaca demikian (yang pertama di ${n.at}: ${id(n.raw)} adalah ${id(n.raw)} %, bukan ${roundSignificant(n.raw, 15, 2).replace('.', ',')} %)${n.fractions ? `, ${num(n.fractions, 'id')} hanya bila dibaca sebagai pecahan (diperingatkan di bawah)` : ''}`,
      );
    }
    case 'coverage-disagrees': {
      const pct = (x: number, l: Lang): string => `${roundHalfUp(x, 2, 2).replace('.', l === 'id' ? ',' : '.')} %`;
      const rows = (l: Lang): string => n.rows.map((r) => `${r.at} (${pct(r.stated, l)} ${l === 'id' ? 'tertulis' : 'stated'}, ${pct(r.computed, l)} ${l === 'id' ? 'dari angkanya' : 'from the counts'})`).join(', ') + (n.more ? (l === 'id' ? ` dan ${num(n.more, l)} baris lain` : ` and ${num(n.more, l)} more`) : '');
      return L(
        `the file's coverage column disagrees with participants ÷ denominator (by more than half a point): ${rows('en')}; the report uses the counts: check them for a typing error`,
        `kolom cakupan di berkas tidak sesuai dengan peserta ÷ penyebut (selisih lebih dari setengah poin): ${rows('id')}; laporan memakai angka-angkanya: periksa kemungkinan salah ketik`,
      );
    }
    case 'change-span':
      return L(`the change is since ${n.from}: ${n.months} months, not one`, `perubahan dihitung sejak ${n.from}: ${n.months} bulan, bukan satu`);
    case 'pace-shorter':
      return L(
        `the pace of ${num(n.rows, 'en')} of ${num(n.of, 'en')} rows is over fewer months than --pace-window ${n.window} (as few as ${n.fewest}): fewer months known, or a month not reported${n.named?.length ? `; ${listed(n.named, (x) => `${x.label}: no ${monthRuns(x.missing)}, its pace is over ${x.from}..${n.to}`)}` : ''}`,
        `laju ${num(n.rows, 'id')} dari ${num(n.of, 'id')} baris dihitung atas lebih sedikit bulan daripada --pace-window ${n.window} (paling sedikit ${n.fewest}): bulan yang diketahui lebih sedikit, atau ada bulan yang tidak dilaporkan${n.named?.length ? `; ${listed(n.named, (x) => `${x.label}: tidak ada ${monthRuns(x.missing)}, lajunya atas ${x.from}..${n.to}`)}` : ''}`,
      );
    case 'row-months-missing': {
      const rows = (l: Lang): string => `${n.rows.map((x) => `${x.label} (${monthRuns(x.months)})`).join(', ')}${n.count > n.rows.length ? (l === 'id' ? `, … (${num(n.count, 'id')})` : `, … (${num(n.count, 'en')})`) : ''}`;
      return L(
        `some rows did not report some months that other rows did: the trend and the charts have no figure for those months in these rows, nor in the subtotals and the Total over them: ${rows('en')}`,
        `sebagian baris tidak melapor pada bulan yang dilaporkan baris lain: tren dan grafik tidak memuat angka bulan itu untuk baris ini, begitu pula subtotal dan Total di atasnya: ${rows('id')}`,
      );
    }
    case 'denominator-missing':
      if (n.per) {
        return L(
          `${n.measure} is not given for ${num(n.rows, 'en')} of the ${num(n.of, 'en')} ${dimLabel(n.per).en} subtotals (e.g. ${n.example}): they show no coverage, nor does the Total over them`,
          `${idName(n.measure)} tidak tersedia untuk ${num(n.rows, 'id')} dari ${num(n.of, 'id')} subtotal ${dimLabel(n.per).id} (mis. ${n.example}): subtotal itu tanpa cakupan, begitu pula Total yang mencakupnya`,
        );
      }
      return L(
        `${n.measure} is not given for ${num(n.rows, 'en')} of ${num(n.of, 'en')} rows (e.g. ${n.example}): they show no coverage, nor do the subtotals and the Total over them`,
        `${idName(n.measure)} tidak tersedia untuk ${num(n.rows, 'id')} dari ${num(n.of, 'id')} baris (mis. ${n.example}): baris itu tanpa cakupan, begitu pula subtotal dan Total yang mencakupnya`,
      );
    case 'projection-floored':
      return L(
        `${num(n.rows, 'en')} of ${num(n.of, 'en')} rows would fall below zero by ${n.december} at their pace: their projection is 0${n.names?.length ? ` (${n.names.join(', ')}${n.rows > n.names.length ? ', …' : ''})` : ''}`,
        `${num(n.rows, 'id')} dari ${num(n.of, 'id')} baris akan turun di bawah nol pada ${n.december} menurut lajunya: proyeksinya 0${n.names?.length ? ` (${n.names.join(', ')}${n.rows > n.names.length ? ', …' : ''})` : ''}`,
      );
    case 'min-raised': {
      const named = `${n.units.join(', ')}${n.count > n.units.length ? ', …' : ''}`;
      return L(
        `--min ${n.given} is below today's participants for ${num(n.count, 'en')} of ${num(n.of, 'en')} units (${named}): in --mode gap a target never falls below today, so their minimum is today's participants`,
        `--min ${n.given} di bawah peserta saat ini untuk ${num(n.count, 'id')} dari ${num(n.of, 'id')} unit (${named}): pada --mode gap target tidak pernah di bawah kondisi saat ini, sehingga batas bawahnya peserta saat ini`,
      );
    }
    case 'months-rows-off':
      return L(
        `the monthly milestones of the cells could not follow each ${dimLabel(n.dim).en}'s own path (no matrix within the cells' bounds met both margins in some month): the cells are phased on their own, and in ${n.month} the cells of ${num(n.rows, 'en')} ${dimLabel(n.dim).en} rows add up to as much as ${num(n.largest, 'en')} off their own path (breakdown --by ${n.dim} --months); December is exact`,
        `tonggak bulanan sel tidak dapat mengikuti jalur masing-masing ${dimLabel(n.dim).id} (tidak ada matriks dalam batas sel yang memenuhi kedua margin pada suatu bulan): sel ditahapkan sendiri, dan pada ${n.month} jumlah sel ${num(n.rows, 'id')} baris ${dimLabel(n.dim).id} selisih hingga ${num(n.largest, 'id')} dari jalurnya sendiri (breakdown --by ${n.dim} --months); Desember tepat`,
      );
    case 'months-grid-wide':
      return L(
        `the monthly milestones of the ${dimLabel(n.dims[0]!).en} × ${dimLabel(n.dims[1]!).en} cells are each the floor or the ceiling of the cell's share of the national increase, except in ${num(n.months, 'en')} month(s) from ${n.first}: there no such grid met both margins (each ${dimLabel(n.dims[0]!).en}'s and each ${dimLabel(n.dims[1]!).en}'s own path), and the cells were apportioned within the margins, ${num(n.cells, 'en')} cell-month(s) beyond their share's floor or ceiling`,
        `tonggak bulanan sel ${dimLabel(n.dims[0]!).id} × ${dimLabel(n.dims[1]!).id} masing-masing adalah pembulatan ke bawah atau ke atas dari bagian sel atas kenaikan nasional, kecuali pada ${num(n.months, 'id')} bulan sejak ${n.first}: di sana tidak ada kisi seperti itu yang memenuhi kedua margin (jalur masing-masing ${dimLabel(n.dims[0]!).id} dan ${dimLabel(n.dims[1]!).id}), dan sel dibagi di dalam margin, ${num(n.cells, 'id')} sel-bulan di luar pembulatan bagiannya`,
      );
    case 'profile-cut': {
      const EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
      const ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
      return L(
        `the phasing profile (${n.source}) gives weights for ${n.months.map((m) => EN[m - 1]).join(', ')} too; the path runs from after ${n.from}: those months are left out and the others' weights share the whole increase`,
        `profil pentahapan (${n.source}) juga memberi bobot untuk ${n.months.map((m) => ID[m - 1]).join(', ')}; jalur dimulai setelah ${n.from}: bulan-bulan itu tidak dipakai dan bobot bulan lainnya membagi seluruh kenaikan`,
      );
    }
    case 'no-month-for-targets':
      return L(
        'the input has no month (no period column): the milestone of the month and the months left are unknown, so status compares with the December target and there is no run rate; a period column (YYYY-MM) gives them',
        'input tidak memiliki bulan (tanpa kolom periode): tonggak bulan itu dan sisa bulan tidak diketahui, sehingga status dibandingkan dengan target Desember dan tidak ada laju yang dibutuhkan; kolom periode (YYYY-MM) memberikannya',
      );
    case 'targets-total-only':
      // A file with no key column at all: one total, which no --by can show per row (rv28 R2).
      if (!n.targetGrain.length) {
        return L(
          `the targets are one total (the targets file has no key column): a report by ${grainWords(n.grain, 'en')} shows it only in the Total, on no other row`,
          `target berupa satu total (berkas target tidak memiliki kolom kunci): laporan per ${grainWords(n.grain, 'id')} hanya menampilkannya di Total, tidak di baris lain`,
        );
      }
      return L(
        `targets are given per ${grainWords(n.targetGrain, 'en')}: a report by ${grainWords(n.grain, 'en')} shows them only in the Total (their sum), on no other row; --by ${n.targetGrain.join(',')} shows each`,
        `target diberikan per ${grainWords(n.targetGrain, 'id')}: laporan per ${grainWords(n.grain, 'id')} hanya menampilkannya di Total (jumlahnya), tidak di baris lain; --by ${n.targetGrain.join(',')} menampilkan masing-masing`,
      );
    case 'gap-nets': {
      const by = n.by ? ` (--by ${n.by.join(',')} shows each target)` : '';
      return L(
        `the Total's gap (${num(n.gap, 'en')}) is net: of the ${num(n.targets, 'en')} targets it adds up (per ${grainWords(n.units, 'en')}), ${num(n.over, 'en')} ${n.over === 1 ? 'is' : 'are'} exceeded by ${num(n.above, 'en')} in all, which offsets the ${num(n.short, 'en')} short by ${num(n.shortBy, 'en')} in all; the gap, run rate and status of a Total, subtotal or row that adds up several targets are on its sums${by}`,
        `selisih Total (${num(n.gap, 'id')}) bersih: dari ${num(n.targets, 'id')} target yang dijumlahkannya (per ${grainWords(n.units, 'id')}), ${num(n.over, 'id')} terlampaui sebesar ${num(n.above, 'id')} seluruhnya, yang mengimbangi ${num(n.short, 'id')} yang kurang ${num(n.shortBy, 'id')} seluruhnya; selisih, laju yang dibutuhkan dan status Total, subtotal atau baris yang menjumlahkan beberapa target dihitung dari jumlahnya${n.by ? ` (--by ${n.by.join(',')} menampilkan tiap target)` : ''}`,
      );
    }
    case 'projection-capped':
      return L(
        `${num(n.rows, 'en')} of ${num(n.of, 'en')} rows would pass their ${n.measure} by ${n.december} at their pace: their projection is their ${n.measure} (100% coverage); a projection passes it only where participants above it are accepted (--allow-over-coverage, or a row above it already)`,
        `${num(n.rows, 'id')} dari ${num(n.of, 'id')} baris akan melampaui ${n.measure} pada ${n.december} menurut lajunya: proyeksinya sama dengan ${n.measure} (cakupan 100%); proyeksi melampauinya hanya bila peserta di atasnya diterima (--allow-over-coverage, atau baris yang sudah di atasnya)`,
      );
    case 'projection-over': {
      const names = n.names.join(', ') + (n.rows > n.names.length ? ` and ${num(n.rows - n.names.length, 'en')} more` : '');
      const namesId = n.names.join(', ') + (n.rows > n.names.length ? ` dan ${num(n.rows - n.names.length, 'id')} lainnya` : '');
      return L(
        `${num(n.rows, 'en')} of ${num(n.of, 'en')} rows are projected above their ${n.measure} by ${n.december} at their pace (${names}): not stopped at it, since participants above it are accepted ${n.allowed ? '(--allow-over-coverage)' : '(each is above it already)'}`,
        `${num(n.rows, 'id')} dari ${num(n.of, 'id')} baris diproyeksikan melampaui ${n.measure} pada ${n.december} menurut lajunya (${namesId}): tidak dihentikan di sana, karena peserta di atasnya diterima ${n.allowed ? '(--allow-over-coverage)' : '(masing-masing sudah di atasnya)'}`,
      );
    }
    case 'projection-nets': {
      const names = n.names.map((x) => `${x.label} ${num(x.short, 'en')}`).join(', ') + (n.short > n.names.length ? `, and ${num(n.short - n.names.length, 'en')} more` : '');
      const namesId = n.names.map((x) => `${x.label} ${num(x.short, 'id')}`).join(', ') + (n.short > n.names.length ? `, dan ${num(n.short - n.names.length, 'id')} lainnya` : '');
      return L(
        `the Total's projected gap for ${n.december} (${num(n.gap, 'en')}) is net: of the ${num(n.targets, 'en')} targets it adds up (per ${grainWords(n.units, 'en')}), ${num(n.over, 'en')} ${n.over === 1 ? 'is' : 'are'} projected above by ${num(n.above, 'en')} in all, which offsets the ${num(n.short, 'en')} projected short by ${num(n.shortBy, 'en')} in all (${names}); the projected gap and status of a Total, subtotal or row that adds up several targets are on its sums${n.by ? ` (--by ${n.by.join(',')} shows each target)` : ''}`,
        `proyeksi selisih Total untuk ${n.december} (${num(n.gap, 'id')}) bersih: dari ${num(n.targets, 'id')} target yang dijumlahkannya (per ${grainWords(n.units, 'id')}), ${num(n.over, 'id')} diproyeksikan melampaui sebesar ${num(n.above, 'id')} seluruhnya, yang mengimbangi ${num(n.short, 'id')} yang diproyeksikan kurang ${num(n.shortBy, 'id')} seluruhnya (${namesId}); proyeksi selisih dan status proyeksi Total, subtotal atau baris yang menjumlahkan beberapa target dihitung dari jumlahnya${n.by ? ` (--by ${n.by.join(',')} menampilkan tiap target)` : ''}`,
      );
    }
    case 'plan-input': {
      const from = n.config ? { en: `"input" in ${n.config}`, id: `"input" di ${n.config}` } : { en: '--input', id: '--input' };
      return L(
        `the targets are planned on ${n.file} (${from.en}), the units breakdown splits with the same setting, not on the bundled baseline`,
        `target direncanakan pada ${n.file} (${from.id}), unit yang dibagi breakdown dengan pengaturan yang sama, bukan pada baseline bawaan`,
      );
    }
    case 'plan-denominator-values': {
      const what = n.measure ?? 'denominator';
      const en = n.rows.map((r) => `${r.label} ${num(r.planned, 'en')} in the plan, ${num(r.report, 'en')} here`).join('; ') + (n.more ? `; and ${num(n.more, 'en')} more` : '');
      const id = n.rows.map((r) => `${r.label} ${num(r.planned, 'id')} di rencana, ${num(r.report, 'id')} di sini`).join('; ') + (n.more ? `; dan ${num(n.more, 'id')} lainnya` : '');
      // rv28 R5: the plan's figures are not said to be the report's measure: a CSV's `denominator` column
      // does not name its base (a plan on employed was "planned on other potential_workers figures").
      const named = n.planned
        ? { en: ` (the plan's figures are this report's ${n.planned}: --denominator ${n.planned} reports on them)`, id: ` (angka rencana adalah ${n.planned} laporan ini: --denominator ${n.planned} melaporkan dengannya)` }
        : n.bundled
          ? { en: ` (the plan's figures are the bundled baseline's ${n.bundled}, data/baseline.csv: the targets were split by ${n.bundled})`, id: ` (angka rencana adalah ${n.bundled} baseline bawaan, data/baseline.csv: target dibagi menurut ${n.bundled})` }
          : n.declared
            ? { en: ` (the plan's figures are ${n.declared}, as ${n.source} says: neither this report's nor the bundled baseline's)`, id: ` (angka rencana adalah ${n.declared}, menurut ${n.source}: bukan angka laporan ini maupun baseline bawaan)` }
            : { en: '', id: '' };
      const other = n.same ? { en: `other ${what} figures than this report's coverage is on`, id: `angka ${what} yang berbeda dari yang dipakai cakupan laporan ini` } : { en: `other denominator figures than the ${what} this report's coverage is on`, id: `angka penyebut yang berbeda dari ${what} yang dipakai cakupan laporan ini` };
      return L(
        `the targets (${n.source}) were planned on ${other.en}, for ${num(n.rows.length + n.more, 'en')} of ${num(n.of, 'en')} provinces: ${en}${named.en}; those rows' target coverage divides the plan's target by this report's figure`,
        `target (${n.source}) direncanakan dengan ${other.id}, untuk ${num(n.rows.length + n.more, 'id')} dari ${num(n.of, 'id')} provinsi: ${id}${named.id}; cakupan target baris itu membagi target rencana dengan angka laporan ini`,
      );
    }
    case 'plan-denominator':
      // No --denominator to offer when the bundled baseline the targets are planned on has no such figure
      // (the template's workforce): renaming the column to one it has is the way to one base (rv23 F4).
      if (n.bases?.length) {
        const en = orList(n.bases, 'or');
        const id = orList(n.bases, 'atau');
        return L(
          `the ${n.year} targets are the national breakdown's, split by ${n.planned}; this report's coverage is on ${n.report}, which the bundled baseline they are planned on has no figures of (to plan and report on one base: if the ${n.report} figures are ${en}, name the column so and pass --denominator with that name)`,
          `target ${n.year} adalah hasil pembagian nasional menurut ${n.planned}; cakupan laporan ini memakai ${n.report}, yang angkanya tidak ada di baseline bawaan tempat target direncanakan (agar rencana dan laporan memakai dasar yang sama: jika angka ${n.report} itu ${id}, beri kolomnya nama itu dan berikan --denominator dengan nama tersebut)`,
        );
      }
      return L(
        `the ${n.year} targets are the national breakdown's, split by ${n.planned}; this report's coverage is on ${n.report} (--denominator ${n.report} plans the targets on it too)`,
        `target ${n.year} adalah hasil pembagian nasional menurut ${n.planned}; cakupan laporan ini memakai ${n.report} (--denominator ${n.report} juga merencanakan target dengannya)`,
      );
    case 'no-milestones':
      return L(
        n.noFromMilestone
          ? `${num(n.rows, 'en')} of ${num(n.of, 'en')} rows with a target have no milestone for ${n.period} (the revision in force from ${n.noFromMilestone} has no from_milestone column, the milestones of ${prevMonth(n.noFromMilestone)} its path starts from): their status compares with the December target only`
          : n.noParticipants
          ? `${num(n.rows, 'en')} of ${num(n.of, 'en')} rows with a target have no milestone for ${n.period}: the targets give no participants, each row's figure at the start of its path to December: their status compares with the December target only; to phase milestones, add a participants column and a period column to the targets (each row's participants in the month the plan starts from, and that month), as a breakdown output has`
          : n.noBaseline
          ? `${num(n.rows, 'en')} of ${num(n.of, 'en')} rows with a target have no milestone for ${n.period} (the targets give no baseline month, the period their participants are of, to start the path from): their status compares with the December target only`
          : `${num(n.rows, 'en')} of ${num(n.of, 'en')} rows with a target have no milestone for ${n.period} (the targets give no participants to start the path from, or the target is below them): their status compares with the December target only`,
        n.noFromMilestone
          ? `${num(n.rows, 'id')} dari ${num(n.of, 'id')} baris bertarget tidak memiliki tonggak untuk ${n.period} (revisi yang berlaku mulai ${n.noFromMilestone} tidak memiliki kolom from_milestone, tonggak ${prevMonth(n.noFromMilestone)} sebagai titik awal jalurnya): statusnya hanya dibandingkan dengan target Desember`
          : n.noParticipants
          ? `${num(n.rows, 'id')} dari ${num(n.of, 'id')} baris bertarget tidak memiliki tonggak untuk ${n.period}: target tidak memuat peserta, angka tiap baris di awal jalurnya ke Desember: statusnya hanya dibandingkan dengan target Desember; untuk tonggak bulanan, tambahkan kolom participants dan kolom period pada target (peserta tiap baris pada bulan awal rencana, dan bulan itu), seperti keluaran breakdown`
          : n.noBaseline
          ? `${num(n.rows, 'id')} dari ${num(n.of, 'id')} baris bertarget tidak memiliki tonggak untuk ${n.period} (target tidak memuat bulan dasar, periode pesertanya, sebagai titik awal jalur): statusnya hanya dibandingkan dengan target Desember`
          : `${num(n.rows, 'id')} dari ${num(n.of, 'id')} baris bertarget tidak memiliki tonggak untuk ${n.period} (target tidak memuat peserta sebagai titik awal jalur, atau target di bawahnya): statusnya hanya dibandingkan dengan target Desember`,
      );
    case 'partial-target-coverage': {
      const parts = AREA_WORDS[n.partDim as 'regency' | 'province' | 'kanwil']?.many ?? dimLabel(n.partDim);
      return L(
        `target coverage is left empty for ${list(n.areas)} and every row over ${n.areas.length === 1 ? 'it' : 'them'}: the target is for the whole ${dimLabel(n.dim).en}, the denominator only for its ${parts.en} reported`,
        `cakupan target dikosongkan untuk ${list(n.areas)} dan setiap baris di atasnya: targetnya untuk seluruh ${dimLabel(n.dim).id}, penyebutnya hanya untuk ${parts.id} yang melapor`,
      );
    }
    case 'months-missing':
      return L(
        `no file gives ${list(n.months)} (the months run from ${n.from} to ${n.to}): the trend has no figures for ${n.months.length === 1 ? 'it' : 'them'}, the charts space the months by the calendar, and a pace over ${n.months.length === 1 ? 'it' : 'them'} is measured from the months either side`,
        `tidak ada berkas untuk ${list(n.months)} (bulan-bulannya dari ${n.from} sampai ${n.to}): tren tidak memuat angkanya, grafik menempatkan bulan menurut kalender, dan laju yang melewatinya diukur dari bulan di kedua sisinya`,
      );
    case 'baseline-month':
      return L(
        `${n.period} is the month the targets of ${n.source} start from: each row's milestone for it is the participants the plan started from, so a row with those same figures is on-track by construction, not by a month's progress`,
        `${n.period} adalah bulan awal target ${n.source}: tonggak setiap baris untuk bulan itu adalah peserta yang menjadi titik awal rencana, sehingga baris dengan angka yang sama berstatus sesuai jalur karena susunannya, bukan karena kemajuan sebulan`,
      );
    case 'year-end':
      return L(
        `${n.period} is the December the ${n.year} targets are for: no month is left, so there is no run rate (the gap is what remains), and a row short of its target has missed it: status behind (projected status will-miss), never at risk`,
        `${n.period} adalah Desember yang dituju target ${n.year}: tidak ada bulan tersisa, sehingga tidak ada laju yang dibutuhkan (selisih ke target adalah sisanya), dan baris yang di bawah targetnya telah gagal mencapainya: status tertinggal (status proyeksi akan meleset), tidak pernah berisiko`,
      );
    case 'milestone-sums':
      return L(
        `the milestone for ${n.period} of the Total (and of a subtotal over them) counts the December target of the ${num(n.rows, 'en')} of ${num(n.of, 'en')} rows with a target and no milestone, which their own status compares with: the Total is judged as its rows are`,
        `tonggak ${n.period} Total (dan subtotal yang mencakupnya) menghitung target Desember dari ${num(n.rows, 'id')} dari ${num(n.of, 'id')} baris bertarget tanpa tonggak, yang juga menjadi pembanding statusnya sendiri: Total dinilai seperti baris-barisnya`,
      );
    case 'milestone-missing':
      return L(`the month-by-month targets have no milestone for ${n.period}: status compares with the December target only`, `target bulanan tidak memuat tonggak untuk ${n.period}: status hanya dibandingkan dengan target Desember`);
    case 'no-waypoints': {
      const years = (n.missing ?? []).map((y) => `December ${y}`);
      const yearsId = (n.missing ?? []).map((y) => `Desember ${y}`);
      return L(
        `the milestones run ${n.profile ? `by the profile ${n.profile}` : 'evenly'} from ${n.from} to December ${n.year}${years.length ? `: no target for ${years.join(' or ')} on the way` : ': the targets give no December on the way'} (${n.source})${n.yearly ? yearlyWay(n.year, Number(n.from.slice(0, 4)), n.series, 'en') : ''}`,
        `tonggak berjalan ${n.profile ? `menurut profil ${n.profile}` : 'rata'} dari ${n.from} sampai Desember ${n.year}${yearsId.length ? `: tanpa target untuk ${yearsId.join(' atau ')} di tengah jalan` : ': target tidak memuat Desember di tengah jalan'} (${n.source})${n.yearly ? yearlyWay(n.year, Number(n.from.slice(0, 4)), n.series, 'id') : ''}`,
      );
    }
    case 'mixed-baselines': {
      const m = (l: Lang): string => n.months.map((x) => `${x.month} (${num(x.rows, l)} ${l === 'id' ? 'baris' : x.rows === 1 ? 'row' : 'rows'})`).join(', ');
      return L(
        `the targets of ${n.source} start from ${n.months.length} baseline months: ${m('en')}; each row's milestones are phased from its own month, and a month before the latest of them is refused`,
        `target di ${n.source} berawal dari ${n.months.length} bulan dasar: ${m('id')}; tonggak setiap baris dihitung dari bulannya sendiri, dan bulan sebelum yang terakhir ditolak`,
      );
    }
    case 'waypoints-national': {
      const en = n.passes.map((x) => `${num(x.total, 'en')} in ${x.month}${x.revised ? ` under the revision from ${x.revised}` : ''}`).join(', ');
      const id = n.passes.map((x) => `${num(x.total, 'id')} pada ${x.month}${x.revised ? ` dengan revisi mulai ${x.revised}` : ''}`).join(', ');
      const years = n.passes.map((x) => x.month.slice(0, 4));
      // The breakdown that gives each December's figure: --as-of where it is the year's target as of a month (rv22 G3).
      // The totals given (--row-totals, --column-totals) are the target year's: the Decembers on the way are split without them (rv25 F12).
      const given = n.margins?.length
        ? {
            en: `; the ${n.margins.map((d) => dimLabel(d).en).join(' and ')} totals given are December ${n.year}'s only: each December on the way is split by the rule alone (breakdown --year ${years.join(', --year ')} without them)`,
            id: `; total ${n.margins.map((d) => dimLabel(d).id).join(' dan ')} yang diberikan hanya untuk Desember ${n.year}: setiap Desember di tengah jalan dibagi menurut aturan saja (breakdown --year ${years.join(', --year ')} tanpa total itu)`,
          }
        : { en: '', id: '' };
      const cmd = (months: readonly string[]): string => months.map((m) => `--year ${m.slice(0, 4)}${((a) => (a ? ` --as-of ${a}` : ''))(n.passes.find((x) => x.month === m)?.asOf)}`).join(', ');
      if (n.units) {
        return L(
          `on the way to December ${n.year} the path passes through the series' own Decembers (${en}), each unit through its target of that year's breakdown under the same rule (breakdown ${cmd(n.passes.map((x) => x.month))})${given.en}`,
          `menuju Desember ${n.year} jalur melewati Desember seri di tengah jalan (${id}), setiap unit melalui targetnya dalam rincian tahun itu dengan aturan yang sama (breakdown ${cmd(n.passes.map((x) => x.month))})${given.id}`,
        );
      }
      if (n.unitsIn?.length) {
        const rest = n.passes.filter((x) => !n.unitsIn!.includes(x.month)).map((x) => x.month);
        const restYears = rest.map((m) => m.slice(0, 4));
        return L(
          `on the way to December ${n.year} the path passes through the series' own Decembers (${en}); each unit passes through its target of that year's breakdown under the same rule in ${n.unitsIn.join(', ')} (breakdown ${cmd(n.unitsIn)}), but in ${rest.join(', ')} only the total does: a unit's ${restYears.join(' or ')} target lies below its milestone where the revision's path starts, so each unit's milestone there is its share of the ${n.year} plan's path${given.en}`,
          `menuju Desember ${n.year} jalur melewati Desember seri di tengah jalan (${id}); setiap unit melalui targetnya dalam rincian tahun itu dengan aturan yang sama pada ${n.unitsIn.join(', ')} (breakdown ${cmd(n.unitsIn)}), tetapi pada ${rest.join(', ')} hanya totalnya: target ${restYears.join(' atau ')} suatu unit di bawah tonggaknya di awal jalur revisi, sehingga tonggak setiap unit di sana adalah bagiannya pada jalur rencana ${n.year}${given.id}`,
        );
      }
      return L(
        `on the way to December ${n.year} the total passes through the series' own Decembers (${en}); each unit's milestone there is its share of the ${n.year} plan's path, not its target in the ${years.join(' or ')} breakdown (breakdown ${cmd([n.passes[0]!.month])} gives those, under the same rule)${given.en}`,
        `menuju Desember ${n.year} total melewati Desember seri di tengah jalan (${id}); tonggak setiap unit di sana adalah bagiannya pada jalur rencana ${n.year}, bukan targetnya dalam rincian ${years.join(' atau ')} (breakdown ${cmd([n.passes[0]!.month])} memberikannya, dengan aturan yang sama)${given.id}`,
      );
    }
    case 'targets-phasing':
      return L(`the milestones are phased by the profile ${n.profile} (month weights), as breakdown --months --phasing ${n.profile} phases them`, `tonggak dihitung menurut profil ${n.profile} (bobot bulan), seperti breakdown --months --phasing ${n.profile}`);
    case 'phasing-unused':
      return L(
        `the phasing profile ${n.profile} is not used: the month-by-month targets of ${n.source} give their milestones, read as written (a breakdown --months --phasing ${n.profile} file has them phased so)`,
        `profil pentahapan ${n.profile} tidak dipakai: target bulanan di ${n.source} memuat tonggaknya, dibaca apa adanya (berkas breakdown --months --phasing ${n.profile} sudah dihitung demikian)`,
      );
    case 'targets-restricted': {
      // One of each is singular in English ("the 1 province of this report"); Indonesian has one form.
      const unit = (l: Lang, count: number): string => (n.grain.length === 1 && n.grain[0] === 'province' ? (l === 'id' ? 'provinsi' : count === 1 ? 'province' : 'provinces') : `${grainWords(n.grain, l)} ${l === 'id' || count === 1 ? 'target' : 'targets'}`);
      return n.national
        ? L(
            `targets: the national ${n.national.year} breakdown (${num(n.national.total, 'en')} over ${num(n.of, 'en')} ${unit('en', n.of)}); the ${num(n.kept, 'en')} ${unit('en', n.kept)} of this report ${n.kept === 1 ? 'has' : 'have'} ${num(n.sum, 'en')} of it, and the totals compare with that`,
            `target: rincian nasional ${n.national.year} (${num(n.national.total, 'id')} untuk ${num(n.of, 'id')} ${unit('id', n.of)}); ${num(n.kept, 'id')} ${unit('id', n.kept)} dalam laporan ini mendapat ${num(n.sum, 'id')}, dan total dibandingkan dengan angka itu`,
          )
        : L(`targets: ${num(n.kept, 'en')} of the ${num(n.of, 'en')} in ${n.source} are for the rows of this report (${num(n.sum, 'en')}); the others (areas outside it, or that did not report this month) are left out of its totals`, `target: ${num(n.kept, 'id')} dari ${num(n.of, 'id')} di ${n.source} berlaku untuk baris laporan ini (${num(n.sum, 'id')}); sisanya (wilayah di luar laporan, atau yang tidak melapor bulan ini) tidak masuk total`);
    }
    case 'partial-areas': {
      const parts = AREA_WORDS[n.partDim as 'regency' | 'province' | 'kanwil']?.many ?? dimLabel(n.partDim);
      const shown = n.areas.map((a) => `${a.label} (${num(a.have, 'en')} of ${num(a.of, 'en')} ${parts.en})`);
      const shownId = n.areas.map((a) => `${a.label} (${num(a.have, 'id')} dari ${num(a.of, 'id')} ${parts.id})`);
      return L(
        `reported only in part, against a target for the whole ${dimLabel(n.dim).en}: ${list(shown)}`,
        `hanya sebagian yang melapor, padahal targetnya untuk seluruh ${dimLabel(n.dim).id}: ${list(shownId)}`,
      );
    }
    case 'other-year': {
      // rv28 R13: a CSV has no title, so a file of another year's targets is said on stderr, kept by --quiet.
      const whose = n.from === 'months' ? L('its path ends in', 'jalurnya berakhir pada') : L('its year column says', 'kolom year-nya menyebut');
      const py = n.period.slice(0, 4);
      return L(
        `the targets (${n.source}) are for December ${n.year} (${whose} ${n.from === 'months' ? `${n.year}-12` : n.year}), not December ${py}: the report of ${n.period} compares with the ${n.year} targets, its run_rate spread over the months to December ${n.year} (give the ${py} targets to compare with December ${py})`,
        `target (${n.source}) adalah untuk Desember ${n.year} (${whose} ${n.from === 'months' ? `${n.year}-12` : n.year}), bukan Desember ${py}: laporan ${n.period} dibandingkan dengan target ${n.year}, run_rate dibagi atas bulan-bulan sampai Desember ${n.year} (berikan target ${py} untuk membandingkan dengan Desember ${py})`,
      );
    }
    case 'deduced-year':
      return L(`${n.source} has no year: its targets are taken as December ${n.year} targets (add a year column, or pass --year)`, `${n.source} tidak memuat tahun: targetnya dianggap target Desember ${n.year} (tambahkan kolom year, atau berikan --year)`);
    case 'unknown-year':
      return L(`${n.source} has no year and the input no month: its targets are compared as year-end targets of a year not stated (add a year column, or pass --year)`, `${n.source} tidak memuat tahun dan input tidak memuat bulan: targetnya dibandingkan sebagai target akhir tahun dari tahun yang tidak disebut (tambahkan kolom year, atau berikan --year)`);
    case 'year-chosen':
      return L(`${n.source} has targets for ${n.years.join(', ')}: the ${n.year} targets are used (--year picks another)`, `${n.source} memuat target ${n.years.join(', ')}: target ${n.year} yang dipakai (--year untuk memilih yang lain)`);
    case 'revision': {
      const asOf = n.asOf ? ` ${L('as of', 'per')} ${n.asOf}` : '';
      const now = n.total === null ? '' : n.from ? L(`${num(n.total, 'en')}, revised from ${n.from}${n.before !== null ? ` (was ${num(n.before, 'en')})` : ''}`, `${num(n.total, 'id')}, direvisi mulai ${n.from}${n.before !== null ? ` (sebelumnya ${num(n.before, 'id')})` : ''}`) : L(`${num(n.total, 'en')} (the original)`, `${num(n.total, 'id')} (awal)`);
      const later = n.later ? L(`; a revision from ${n.later} is not in force yet (--as-of ${n.later} applies it)`, `; revisi mulai ${n.later} belum berlaku (--as-of ${n.later} menerapkannya)`) : '';
      // A file's revision of a December on the way only (rv27 F4): the targets as they were, the path redrawn.
      if (n.source && n.along && n.from && n.total !== null) {
        const through = (l: 'en' | 'id'): string => (n.along!.length ? (l === 'en' ? `, through ${orList(n.along!.map((p) => `${num(p.total, 'en')} in ${p.month}`), 'and')}` : `, melalui ${orList(n.along!.map((p) => `${num(p.total, 'id')} pada ${p.month}`), 'dan')}`) : '');
        return L(
          `the ${n.year} targets of ${n.source}${asOf} add up to ${num(n.total, 'en')}, unchanged; its milestones from ${n.from} are on the path redrawn under a revision from ${n.from} of a December on the way${through('en')}${later}`,
          `target ${n.year} di ${n.source}${asOf} berjumlah ${num(n.total, 'id')}, tidak berubah; tonggaknya sejak ${n.from} berada pada jalur yang digambar ulang menurut revisi mulai ${n.from} atas Desember di tengah jalan${through('id')}${later}`,
        );
      }
      if (n.source) return L(`the ${n.year} targets of ${n.source}${asOf} add up to ${now}${later}`, `target ${n.year} di ${n.source}${asOf} berjumlah ${now}${later}`);
      return L(`the ${n.year} target${asOf}: ${now}${later}`, `target ${n.year}${asOf}: ${now}${later}`);
    }
    case 'revision-left-out': {
      // rv28 R3: an as-of earlier than the month reported (a config's "asOf" left stale, say).
      const by = n.config ? L(`"asOf" ${n.asOf} in ${n.config}`, `"asOf" ${n.asOf} di ${n.config}`) : L(`--as-of ${n.asOf}`, `--as-of ${n.asOf}`);
      const stop = n.config ? L(`remove "asOf" from ${n.config}`, `hapus "asOf" dari ${n.config}`) : L('leave out --as-of', 'hilangkan --as-of');
      return L(
        `the ${n.year} revision from ${n.from} (${num(n.revised, 'en')}), in force in ${n.period} (the month reported), is left out by ${by}: the targets are the ${n.year} target as of ${n.asOf} (${num(n.total, 'en')}); ${stop} to apply it`,
        `revisi ${n.year} mulai ${n.from} (${num(n.revised, 'id')}), yang berlaku pada ${n.period} (bulan laporan), tidak dipakai karena ${by}: targetnya adalah target ${n.year} per ${n.asOf} (${num(n.total, 'id')}); ${stop} untuk menerapkannya`,
      );
    }
    case 'revision-later': {
      // rv27 F8: a revision the targets file holds, not in force in the month reported.
      const when = n.asOf ? L(`as of ${n.asOf}`, `per ${n.asOf}`) : L(`in ${n.period}`, `pada ${n.period}`);
      if (n.along) {
        return L(
          `the milestones of ${n.source} from ${n.later} are on a path redrawn under a revision from ${n.later} of a December on the way, not in force ${when}: ${n.period} compares with the path before it (the file holds one path)`,
          `tonggak ${n.source} sejak ${n.later} berada pada jalur yang digambar ulang menurut revisi mulai ${n.later} atas Desember di tengah jalan, yang belum berlaku ${when}: ${n.period} dibandingkan dengan jalur sebelumnya (berkas memuat satu jalur)`,
        );
      }
      const total = n.total !== undefined ? L(` (its targets add up to ${num(n.total, 'en')})`, ` (targetnya berjumlah ${num(n.total, 'id')})`) : '';
      const then = n.monthly
        ? L(`${n.period} compares with the targets in force then, and the file's months from ${n.later} with the revision (the file holds one path: --as-of cannot apply it to ${n.period})`, `${n.period} dibandingkan dengan target yang berlaku saat itu, dan bulan-bulan berkas sejak ${n.later} dengan revisi (berkas memuat satu jalur: --as-of tidak dapat menerapkannya pada ${n.period})`)
        : L(`the report compares with the targets in force then (--as-of ${n.later} applies it)`, `laporan dibandingkan dengan target yang berlaku saat itu (--as-of ${n.later} menerapkannya)`);
      return L(`${n.source} holds a revision from ${n.later}${total}, not in force ${when}: ${then}`, `${n.source} memuat revisi mulai ${n.later}${total}, yang belum berlaku ${when}: ${then}`);
    }
    case 'no-period':
      return L(`${list(n.files)} has no period column: its rows are taken as ${n.period}`, `${list(n.files)} tanpa kolom periode: barisnya dianggap ${n.period}`);
    case 'no-target':
      // The names kept are the first few of `count` (rv28 R14: "and 2 more", never a list that looks whole).
      return n.with !== undefined && n.of !== undefined
        ? L(
            `targets for ${num(n.with, 'en')} of ${num(n.of, 'en')} rows: the subtotals and the Total compare those rows only (none for ${namedOf(n.rows, n.count, 'en')})`,
            `target untuk ${num(n.with, 'id')} dari ${num(n.of, 'id')} baris: subtotal dan Total hanya membandingkan baris tersebut (tanpa target: ${namedOf(n.rows, n.count, 'id')})`,
          )
        : L(`no target for ${num(n.count, 'en')} row(s): ${namedOf(n.rows, n.count, 'en')}`, `tidak ada target untuk ${num(n.count, 'id')} baris: ${namedOf(n.rows, n.count, 'id')}`);
    case 'targets-no-rows': {
      // rv28 R9: data taken whole per area; its parts without rows keep their targets.
      const area = n.partDims.length === 1 ? AREA_WORDS[n.partDims[0] as 'regency' | 'province' | 'kanwil']?.many : undefined;
      const parts = (l: Lang): string => area?.[l] ?? (n.partDims.length === 1 ? (l === 'id' ? dimLabel(n.partDims[0]!).id : `${dimLabel(n.partDims[0]!).en}s`) : unitsWords(n.partDims, l));
      const one = (a: (typeof n.areas)[number], l: Lang): string => `${a.label} (${namedOf(a.parts, a.count, l)}: ${l === 'id' ? 'target' : 'target'} ${num(a.target, l)})`;
      return L(
        `the input is taken whole per ${dimLabel(n.dim).en}, as its denominator is: ${parts('en')} without rows count as having no participants, and their targets stay in their ${dimLabel(n.dim).en}'s and the Total's target: ${n.areas.map((a) => one(a, 'en')).join('; ')}`,
        `input dianggap utuh per ${dimLabel(n.dim).id}, seperti penyebutnya: ${parts('id')} tanpa baris dihitung tanpa peserta, dan targetnya tetap masuk target ${dimLabel(n.dim).id} dan Total: ${n.areas.map((a) => one(a, 'id')).join('; ')}`,
      );
    }
    case 'projection-in-part': {
      // rv30 T5: the Kanwil row over province targets with one province without a target.
      const rows = (l: Lang): string => namedOf(n.rows.map((r) => r || (l === 'id' ? 'Total' : 'the Total')), n.count, l);
      return L(
        `projected_gap and projected_status are left empty for ${rows('en')}: the projection is of all the row's parts, its target of those with a target only; a report by those parts (a finer --by) compares each part's projection with its own target, and its Total those of the parts with one`,
        `projected_gap dan projected_status dikosongkan untuk ${rows('id')}: proyeksinya mencakup semua bagian baris, targetnya hanya bagian yang bertarget; laporan menurut bagian-bagian itu (--by yang lebih rinci) membandingkan proyeksi tiap bagian dengan targetnya sendiri, dan Totalnya proyeksi bagian yang bertarget`,
      );
    }
    case 'projection-of-parts': {
      // fx53: the row's projected gap over its parts with a target, like for like.
      const area = n.partDims.length === 1 ? AREA_WORDS[n.partDims[0] as 'regency' | 'province' | 'kanwil'] : undefined;
      const parts = (l: Lang, count = 2): string => (count === 1 ? area?.one[l] : area?.many[l]) ?? unitsWords(n.partDims, l);
      const one = (r: (typeof n.rows)[number], l: Lang): string => {
        const name = r.row || (l === 'id' ? 'Total' : 'the Total');
        const out = namedOf(r.leftOut, r.leftOut.length + r.more, l);
        if (!r.leftOut.length) return l === 'id' ? `${name} (${num(r.parts, 'id')} ${parts('id')} bertarget)` : `${name} (${num(r.parts, 'en')} ${parts('en', r.parts)} with a target)`;
        return l === 'id' ? `${name} (${num(r.parts, 'id')} ${parts('id')} bertarget; tanpa ${out})` : `${name} (${num(r.parts, 'en')} ${parts('en', r.parts)} with a target; left out ${out})`;
      };
      return L(
        `projected_gap and projected_status compare the target with the projections of the ${parts('en')} with a target only, each projected on its own pace, where projected is of all: ${namedOf(n.rows.map((r) => one(r, 'en')), n.count, 'en', '; ')}`,
        `projected_gap dan projected_status membandingkan target hanya dengan proyeksi ${parts('id')} yang bertarget, masing-masing menurut lajunya sendiri, sedangkan projected mencakup semuanya: ${namedOf(n.rows.map((r) => one(r, 'id')), n.count, 'id', '; ')}`,
      );
    }
    case 'no-target-parts': {
      // rv28 R23: a row over finer targets, some of its parts without one.
      const area = n.partDims.length === 1 ? AREA_WORDS[n.partDims[0] as 'regency' | 'province' | 'kanwil']?.many : undefined;
      const parts = (l: Lang): string => area?.[l] ?? unitsWords(n.partDims, l);
      const rows = (l: Lang): string => {
        const one = (r: (typeof n.rows)[number]): string =>
          l === 'id'
            ? `${r.label || 'Total'} (${num(r.with, 'id')} dari ${num(r.of, 'id')} ${parts('id')}; tanpa target: ${namedOf(r.none, r.count, 'id')})`
            : `${r.label || 'the Total'} (${num(r.with, 'en')} of ${num(r.of, 'en')} ${parts('en')}; none for ${namedOf(r.none, r.count, 'en')})`;
        return namedOf(n.rows.map(one), n.count, l, '; ');
      };
      return L(
        `targets for only some of a row's ${parts('en')}: its target, gap, achievement and target coverage add up those with a target, compared with their participants only; its coverage is of all its ${parts('en')}, while its bar in the coverage chart (--chart, HTML) is the coverage of those with a target, as its target mark is: ${rows('en')}`,
        `target hanya untuk sebagian ${parts('id')} suatu baris: target, selisih, capaian dan cakupan targetnya menjumlahkan yang bertarget, dibandingkan dengan peserta mereka saja; cakupannya adalah seluruh ${parts('id')}, sedangkan batangnya di grafik cakupan (--chart, HTML) adalah cakupan yang bertarget, seperti tanda targetnya: ${rows('id')}`,
      );
    }
    case 'below-later-actual':
      return L(
        `${n.unit}: the target ${num(n.target, 'en')} is below the ${num(n.actual, 'en')} active participants published for ${n.period} (${n.source})`,
        `${n.unit}: target ${num(n.target, 'id')} di bawah ${num(n.actual, 'id')} peserta aktif yang dipublikasikan untuk ${n.period} (${n.source})`,
      );
    case 'no-denominator':
      return L('the input has no denominator column (workforce, employed, potential_workers): coverage is not shown', 'input tidak memiliki kolom penyebut (workforce, employed, potential_workers): cakupan tidak ditampilkan');
    case 'no-pace':
      return L(
        `${num(n.rows, 'en')} row(s) reported no earlier month in the last ${n.window} months: no pace or projection for them, nor for their subtotals and the Total (--pace-window widens the window)${n.names?.length ? `: ${n.names.join(', ')}${n.rows > n.names.length ? `, … (${num(n.rows, 'en')})` : ''}` : ''}`,
        `${num(n.rows, 'id')} baris tidak melapor pada bulan sebelumnya dalam ${n.window} bulan terakhir: tanpa laju dan proyeksi, begitu pula subtotal dan Totalnya (--pace-window memperlebar jendela)${n.names?.length ? `: ${n.names.join(', ')}${n.rows > n.names.length ? `, … (${num(n.rows, 'id')})` : ''}` : ''}`,
      );
    case 'split-in-part': {
      // rv34 R8: the title said "34 of 38", stderr nothing.
      // rv36 N1: of an input across several provinces or Kanwils, each one it has in part, and all of them by name.
      const inPart = (n.within ?? []).filter((s) => (s.kind === 'province' || s.kind === 'kanwil') && s.areas < s.of);
      const where = (lang: Lang): string => [n.scope, ...inPart].map((s) => scopeText(s, lang) ?? '').join('; ');
      const named = (n.within ?? [n.scope]).map((s) => (s.kind === 'province' ? s.name : s.kind === 'kanwil' ? `Kanwil ${s.name}` : s.kind === 'national' ? 'Indonesia' : ''));
      const name = (lang: Lang): string => (named.length > 1 ? `${named.slice(0, -1).join(', ')} ${lang === 'id' ? 'dan' : 'and'} ${named[named.length - 1]!}` : named[0]!);
      const areas = n.scope.kind === 'unknown' ? 0 : n.scope.areas;
      const names = (lang: Lang): string => `${n.missing.join(', ')}${n.count > n.missing.length ? `, … (${num(n.count, lang)})` : ''}`;
      return L(
        `the target ${num(n.total, 'en')} is split over the input's areas only (${where('en')}): the ${num(n.count, 'en')} without rows (${names('en')}) ${n.count === 1 ? 'gets' : 'get'} none of it, and the ${num(areas, 'en')} with rows share all of it; if ${num(n.total, 'en')} is the target of all of ${name('en')}, give the missing areas' rows (a late office's file) before splitting; if it is the target of these ${num(areas, 'en')} only, the split is right${n.check ? ` (a job checks who reported first: ${n.check}, exit 3 while one is missing)` : ''}`,
        `target ${num(n.total, 'id')} dibagi hanya atas wilayah dalam input (${where('id')}): ${num(n.count, 'id')} wilayah tanpa baris (${names('id')}) tidak mendapat bagian, dan ${num(areas, 'id')} wilayah yang berbaris menanggung seluruhnya; jika ${num(n.total, 'id')} adalah target seluruh ${name('id')}, berikan baris wilayah yang hilang (berkas kantor yang terlambat) sebelum membagi; jika itu target ${num(areas, 'id')} wilayah ini saja, pembagiannya sudah benar${n.check ? ` (job memeriksa siapa yang sudah melapor lebih dulu: ${n.check}, exit 3 selama ada yang belum)` : ''}`,
      );
    }
    case 'targets-own-scope': {
      // rv30 T2: a region's own targets without an area column (a Kanwil's by segment, a province's per branch office).
      const where = (lang: Lang): string => scopeText(n.scope, lang) ?? '';
      const per = (lang: Lang): string => (n.keys.length ? n.keys.map((k) => dimLabel(k)[lang]).join(' × ') : '');
      // rv32 W8: a file of some of an office's areas written before meta.scope named them: whose, unknown.
      const unnamed = (lang: Lang): string =>
        !n.unnamed ? '' : lang === 'id' ? `; meta.scope-nya menyebut ${num(n.unnamed.areas, 'id')} dari ${num(n.unnamed.of, 'id')} wilayah tanpa menamainya (ditulis versi lama), jadi tidak dapat dipastikan bahwa itu wilayah laporan ini: tulis ulang dengan breakdown ... -f json (kini menamai wilayahnya)` : `; its meta.scope says ${num(n.unnamed.areas, 'en')} of ${num(n.unnamed.of, 'en')} areas without naming them (written by an older version), so whether they are this report's cannot be checked: write it again with breakdown … -f json (which now names them)`;
      return L(
        `the targets of ${n.source} have no area column (province, regency or kanwil): ${n.keys.length ? `its ${num(n.targets, 'en')} targets per ${per('en')} (${num(n.total, 'en')} in all) are` : `its one total (${num(n.total, 'en')}) is`} taken as this report's scope's, ${where('en')}, being under half the national ${num(n.national.participants, 'en')} participants of ${n.national.period} (${n.national.source}); if they are another area's, add a kanwil or province column to them${unnamed('en')}`,
        `target di ${n.source} tidak memiliki kolom wilayah (province, regency atau kanwil): ${n.keys.length ? `${num(n.targets, 'id')} target per ${per('id')} (${num(n.total, 'id')} seluruhnya)` : `satu totalnya (${num(n.total, 'id')})`} dianggap milik cakupan laporan ini, ${where('id')}, karena di bawah separuh peserta nasional ${num(n.national.participants, 'id')} per ${n.national.period} (${n.national.source}); jika target itu milik wilayah lain, tambahkan kolom kanwil atau province padanya${unnamed('id')}`,
      );
    }
    case 'taken-national': {
      const what =
        n.against === 'targets'
          ? [`the national targets of ${n.targets ?? '--targets'} (${num(n.targetsTotal ?? 0, 'en')} in all)`, `target nasional di ${n.targets ?? '--targets'} (${num(n.targetsTotal ?? 0, 'id')} seluruhnya)`]
          : { target: ['the national target', 'target nasional'], denominators: ["the bundled baseline's national denominators", 'penyebut nasional baseline bawaan'] }[n.against];
      const of = n.period ? L(` of ${n.period}`, ` per ${n.period}`) : '';
      const figures = n.participants === null ? '' : L(` (its ${num(n.participants, 'en')} participants${of}; the national ${num(n.national, 'en')} of ${n.nationalPeriod}, ${n.source})`, ` (${num(n.participants, 'id')} pesertanya${of}; angka nasional ${num(n.national, 'id')} per ${n.nationalPeriod}, ${n.source})`);
      return L(
        `${n.file} has no area column (province, regency or kanwil): it is taken as the whole country's, against ${what[0]}${figures}; a region's file needs a kanwil or province column`,
        `${n.file} tidak memiliki kolom wilayah (province, regency atau kanwil): berkas ini dianggap milik seluruh negeri, terhadap ${what[1]}${figures}; berkas satu wilayah memerlukan kolom kanwil atau province`,
      );
    }
    case 'bundled-denominators': {
      // --denominator potential_workers on a file with workforce: it has a denominator, not that one.
      // The months of the baseline's figures are said by denominator-month (each area's own month).
      if (n.measure && n.inputHas?.length) {
        const has = n.inputHas.join(', ');
        return L(
          `the input has no ${n.measure} column (it has ${has}: --denominator ${n.inputHas[0]} uses it): coverage is against the bundled baseline's ${n.measure} (data/baseline.csv); give your own with --workforce FILE`,
          `input tidak memiliki kolom ${n.measure} (input memiliki ${has}: --denominator ${n.inputHas[0]} memakainya): cakupan dihitung terhadap ${idName(n.measure)} baseline bawaan (data/baseline.csv); berikan penyebut sendiri dengan --workforce BERKAS`,
        );
      }
      return L(
        `the input has no denominator column: coverage is against the bundled baseline's (data/baseline.csv); give your own with --workforce FILE`,
        `input tidak memiliki kolom penyebut: cakupan dihitung terhadap penyebut baseline bawaan (data/baseline.csv); berikan penyebut sendiri dengan --workforce BERKAS`,
      );
    }
    case 'over-coverage':
      return L(`participants above the denominator: ${list(n.units)}`, `peserta melebihi penyebut: ${list(n.units)}`);
    case 'over-denominators':
      return L(
        `participants above the ${n.measure} of ${n.source}, let through by --allow-over-coverage: ${overDenominatorRows(n.rows, n.more, n.measure, 'en')}; their coverage is above 100% and their uncovered negative, and the Total counts them so`,
        `peserta melebihi ${idName(n.measure)} dari ${n.source}, diloloskan oleh --allow-over-coverage: ${overDenominatorRows(n.rows, n.more, n.measure, 'id')}; cakupannya di atas 100% dan yang belum terlindungi negatif, dan Total menghitungnya demikian`,
      );
    case 'fell-to-zero': {
      const list = (lang: 'en' | 'id'): string => `${n.rows.map((x) => `${x.label}, ${groupDigits(x.previous, lang)} in ${n.from}`).join('; ')}${n.count > n.rows.length ? `; … (${n.count})` : ''}`;
      return L(
        `${n.count === 1 ? '1 row has' : `${n.count} rows have`} 0 participants in ${n.period} where ${n.from} had some (${list('en')}): a fall of 100 % in a month; if the 0 is a blank an export wrote as 0, give the figure`,
        `${n.count === 1 ? '1 baris' : `${n.count} baris`} memiliki 0 peserta pada ${n.period} padahal ${n.from} ada (${list('id').replace(/ in /g, ' pada ')}): turun 100 % dalam sebulan; jika 0 itu sel kosong yang ditulis ekspor sebagai 0, isikan angkanya`,
      );
    }
    case 'zero-denominator': {
      const names = `${n.units.join(', ')}${n.count > n.units.length ? `, … (${n.count})` : ''}`;
      return L(
        `${n.count === 1 ? '1 row has' : `${n.count} rows have`} ${/^[aeiou]/.test(n.measure) ? 'an' : 'a'} ${n.measure} figure of 0 (${names}): no coverage for ${n.count === 1 ? 'it' : 'them'}, and the Total adds ${n.count === 1 ? 'its' : 'their'} participants, if any, over no ${n.measure} figure of ${n.count === 1 ? 'its' : 'their'} own; if the figure is not 0, give it`,
        `${n.count === 1 ? '1 baris' : `${n.count} baris`} memiliki ${n.measure} 0 (${names}): tanpa cakupan, dan Total menjumlahkan pesertanya, bila ada, tanpa ${n.measure} miliknya sendiri; jika angkanya bukan 0, isikan`,
      );
    }
    case 'previous-denominator-part': {
      // rv31 V9: one file of the month only (coverage_change_pp of that row and of the Total was empty, unsaid).
      const when = n.previousPeriod ?? L('the previous month', 'bulan sebelumnya');
      const gives = n.has.length ? L(`gives ${list(n.has)}, not ${n.measure}`, `memuat ${list(n.has)}, bukan ${n.measure}`) : L(`has no ${n.measure} figures`, `tidak memuat angka ${n.measure}`);
      const k = n.rows.length;
      const rest = n.of - k;
      return L(
        `${n.source} (${when}) ${gives}, for ${num(k, 'en')} of ${num(n.of, 'en')} rows (${list(n.rows)}): no coverage of that month for ${k === 1 ? 'it' : 'them'} on this report's base, so ${k === 1 ? 'its' : 'their'} coverage_change_pp is empty; the Total's and any subtotal's is over the ${num(rest, 'en')} ${rest === 1 ? 'row' : 'rows'} with ${n.measure} in both months (like for like), the change in participants over all; to compare every row, give that file's ${n.measure} figures`,
        `${n.source} (${when}) ${gives}, untuk ${num(k, 'id')} dari ${num(n.of, 'id')} baris (${list(n.rows)}): tidak ada cakupan bulan itu untuknya atas dasar laporan ini, sehingga coverage_change_pp-nya kosong; coverage_change_pp Total dan subtotal dihitung atas ${num(rest, 'id')} baris yang memuat ${n.measure} pada kedua bulan (setara), perubahan peserta atas semuanya; untuk membandingkan setiap baris, berikan angka ${n.measure} berkas itu`,
      );
    }
    case 'year-grid': {
      // rv31 V7: --year plans on breakdown --by's grid, but not a Kanwil's whole figure for some of its provinces.
      const offices = n.kanwils.map((k) => `${k.kanwil} (${num(k.provinces, 'en')} of ${num(k.of, 'en')} provinces)`);
      const officesId = n.kanwils.map((k) => `${k.kanwil} (${num(k.provinces, 'id')} dari ${num(k.of, 'id')} provinsi)`);
      return L(
        `--year: the report has only part of ${list(offices)}: its targets are breakdown --year --by ${n.planned.join(',')}'s for the provinces reported, added up (like for like), not breakdown --by ${n.by.join(',')}'s figures for the whole regional office`,
        `--year: laporan hanya memuat sebagian ${list(officesId)}: targetnya adalah target breakdown --year --by ${n.planned.join(',')} untuk provinsi yang dilaporkan, dijumlahkan (setara), bukan angka breakdown --by ${n.by.join(',')} untuk seluruh kantor wilayah`,
      );
    }
    case 'previous-denominator': {
      // rv28 R11: coverage_change_pp was empty without a word.
      const when = n.previousPeriod ?? L('the previous month', 'bulan sebelumnya');
      const gives = n.has.length ? L(`gives ${list(n.has)}, not ${n.measure}`, `memuat ${list(n.has)}, bukan ${n.measure}`) : L(`has no ${n.measure} figures`, `tidak memuat angka ${n.measure}`);
      return L(
        `${when} (${n.source}) ${gives}: no coverage of that month on this report's base, so coverage_change_pp is empty (the change in participants is given); to compare coverage, give that month's ${n.measure} figures`,
        `${when} (${n.source}) ${gives}: tidak ada cakupan bulan itu atas dasar laporan ini, sehingga coverage_change_pp kosong (perubahan peserta tetap diberikan); untuk membandingkan cakupan, berikan angka ${n.measure} bulan itu`,
      );
    }
    case 'denominator-default': {
      // rv28 R22: validate names the other column unused; coverage said nothing.
      const flags = n.unused.map((m) => `--denominator ${m}`);
      // rv29 S6: --workforce's columns; S2: the column every file of the month reported gives, not the input's first.
      const w = n.within;
      const has = n.source !== undefined
        ? L(`that --workforce ${n.source} has`, `dimiliki --workforce ${n.source}`)
        : w
          ? L(`that every file ${w.period ? `of ${w.period}, the month reported, ` : ''}gives: ${list(w.files, 3)}`, `diberikan setiap berkas ${w.period ? `bulan ${w.period}, bulan yang dilaporkan` : ''}: ${list(w.files, 3)}`)
          : L('the input has', 'dimiliki input');
      return L(
        `coverage is on ${n.measure} (the default, the first of workforce, employed, potential_workers ${has}); ${list(n.unused)} ${n.unused.length === 1 ? 'is' : 'are'} not used (${orList(flags, 'or')} to report on ${n.unused.length === 1 ? 'it' : 'one of them'})`,
        `cakupan dihitung atas ${n.measure} (bawaan, yang pertama dari workforce, employed, potential_workers yang ${has}); ${list(n.unused)} tidak dipakai (${orList(flags, 'atau')} untuk melaporkan atas ${n.unused.length === 1 ? 'kolom itu' : 'salah satunya'})`,
      );
    }
    case 'denominator-column': {
      const col = JSON.stringify(clipValue(n.column));
      const others = ['workforce', 'employed', 'potential_workers'].filter((d) => d !== n.measure).join(', ');
      return n.given
        ? L(`${n.file}: its column ${col} is read as ${n.measure} (--denominator)`, `${n.file}: kolomnya ${col} dibaca sebagai ${n.measure} (--denominator)`)
        : L(
            `${n.file}: its column ${col} does not say which denominator it is: read as ${n.measure}, the default; if it is another (${others}), name it with --denominator`,
            `${n.file}: kolomnya ${col} tidak menyebut penyebut yang mana: dibaca sebagai ${n.measure}, bawaannya; jika penyebut lain (${others}), sebutkan dengan --denominator`,
          );
    }
    case 'status-column': {
      const values = (l: Lang): string =>
        n.values
          .map((v, i) => `${JSON.stringify(clipValue(v.value))} ${num(v.rows, l)}${i === 0 ? (l === 'id' ? ' baris' : v.rows === 1 ? ' row' : ' rows') : ''}`)
          .concat(n.otherRows ? [l === 'id' ? `${num(n.otherRows, l)} baris dengan nilai lain` : `${num(n.otherRows, l)} row${n.otherRows === 1 ? '' : 's'} with other values`] : [])
          .join(', ');
      const col = JSON.stringify(clipValue(n.column));
      return L(
        n.perParticipant
          ? `${n.file}: column ${col} is not read (its values: ${values('en')}): every row was counted as an active participant; filter the extract to active participants first (e.g. in the warehouse query, docs/warehouse.md)`
          : `${n.file}: column ${col} is not read (its values: ${values('en')}): the participants of every row were counted; filter the rows first if some are not active`,
        n.perParticipant
          ? `${n.file}: kolom ${col} tidak dibaca (nilainya: ${values('id')}): setiap baris dihitung sebagai peserta aktif; saring ekstrak ke peserta aktif terlebih dahulu (misalnya di kueri gudang data, docs/warehouse.md)`
          : `${n.file}: kolom ${col} tidak dibaca (nilainya: ${values('id')}): peserta setiap baris dihitung; saring baris-barisnya terlebih dahulu jika ada yang tidak aktif`,
      );
    }
    case 'no-participant-id':
      return L(
        `${n.file} has no participant id column: each row was counted as one participant, and no participant could be checked for being counted twice; if the file has the ids under another name, name that column kpj (or participant_id)`,
        `${n.file} tidak memiliki kolom nomor peserta: setiap baris dihitung sebagai satu peserta, dan tidak ada peserta yang dapat diperiksa agar tidak terhitung dua kali; jika nomornya ada dengan nama lain, namai kolom itu kpj (atau participant_id)`,
      );
    case 'count-noise': {
      // rv35 D7: Excel shows 500 and stores 500.00000000000006 (a formula's rounding); its CSV export writes 500.
      const one = n.cells === 1;
      return L(
        `${one ? '1 count was' : `${num(n.cells, 'en')} counts were`} read as the whole number${one ? '' : 's'} ${one ? 'it is' : 'they are'} within a float's rounding noise of (${one ? '' : 'the first, '}${n.at}: ${n.stored} as ${num(n.whole, 'en')}): what a formula or a sum of decimals leaves, and a spreadsheet shows as the whole number; to store whole numbers, wrap the formula in ROUND(…, 0), paste the values, or round the count in the export`,
        `${num(n.cells, 'id')} jumlah dibaca sebagai bilangan bulat yang hanya berbeda sebesar derau pembulatan float (${one ? '' : 'yang pertama, '}${n.at}: ${String(n.stored).replace('.', ',')} sebagai ${num(n.whole, 'id')}): sisa dari rumus atau penjumlahan desimal, yang ditampilkan spreadsheet sebagai bilangan bulat; agar tersimpan bilangan bulat, bungkus rumusnya dengan ROUND(…; 0), tempel nilainya, atau bulatkan jumlahnya saat ekspor`,
      );
    }
    case 'period-names': {
      // rv31 V8: "Juni 2026" was "not a month".
      const yy = /-\d\d$/.test(n.example);
      return L(
        `${n.file}: its period values are written with month names, each read as its month (${n.example} → ${n.month}${yy ? ", Excel's mmm-yy, the year 20yy" : ''})`,
        `${n.file}: nilai periodenya ditulis dengan nama bulan, masing-masing dibaca sebagai bulannya (${n.example} → ${n.month}${yy ? ', mmm-yy Excel, tahun 20yy' : ''})`,
      );
    }
    case 'period-dates': {
      const first = n.firstDay;
      return L(
        `${n.file}: its period values are dates, each taken as its month (${n.example} → ${n.month})${first ? `; ${first.example} was taken as ${first.month}: if it is the position at the start of that month (the end of the month before), write the month before as the period` : ''}`,
        `${n.file}: nilai periodenya berupa tanggal, masing-masing dibaca sebagai bulannya (${n.example} → ${n.month})${first ? `; ${first.example} dibaca sebagai ${first.month}: jika itu posisi awal bulan (akhir bulan sebelumnya), tulis bulan sebelumnya sebagai periode` : ''}`,
      );
    }
    case 'id-forms': {
      const cols = n.columns.map((c) => JSON.stringify(clipValue(c))).join(', ');
      const parts: [string, string][] = [];
      if (n.numbers && n.padded) {
        parts.push([
          `participant ids (column ${cols}) are numbers (not text) in ${list(n.numbers)} and text with leading zeros in ${list(n.padded)}: ids are compared as text, so 1003 and 00000001003 are two participants, counted twice if they are one person; keep ids as text in every file, with their leading zeros (in Excel format the column as Text before the ids are typed or pasted; in JSON write them as strings)`,
          `nomor peserta (kolom ${cols}) berupa angka (bukan teks) di ${list(n.numbers)} dan teks dengan nol di depan di ${list(n.padded)}: nomor dibandingkan sebagai teks, jadi 1003 dan 00000001003 adalah dua peserta, terhitung dua kali bila orangnya sama; simpan nomor sebagai teks di setiap berkas, lengkap dengan nol di depannya (di Excel format kolomnya sebagai Text sebelum nomor diketik atau ditempel; di JSON tulis sebagai string)`,
        ]);
      }
      if (n.decimal && n.whole) {
        parts.push([
          `participant ids (column ${cols}) end in ".0" in ${list(n.decimal)} (1003.0: a number column written out as text) and are whole in ${list(n.whole)}: compared as text, 1003.0 and 1003 are two participants; write the ids as text without ".0" (pandas: read the column with dtype=str)`,
          `nomor peserta (kolom ${cols}) berakhiran ".0" di ${list(n.decimal)} (1003.0: kolom angka yang ditulis sebagai teks) dan bulat di ${list(n.whole)}: dibandingkan sebagai teks, 1003.0 dan 1003 adalah dua peserta; tulis nomor sebagai teks tanpa ".0" (pandas: baca kolomnya dengan dtype=str)`,
        ]);
      }
      return L(parts.map((p) => p[0]).join('; also, '), parts.map((p) => p[1]).join('; juga, '));
    }
    case 'kanwil-derived': {
      const k = n.rows;
      const o = n.others.length + n.more;
      return L(
        `${list(n.files)} ${n.files.length === 1 ? 'gives' : 'give'} no kanwil (regional office) for ${num(k, 'en')} ${k === 1 ? 'row' : 'rows'}, where ${namedOf(n.others, o, 'en')} ${o === 1 ? 'gives' : 'give'} one: each such row takes its province's (jamsostek provinces lists them), so that the files agree`,
        `${list(n.files)} tidak memuat kanwil (kantor wilayah) untuk ${num(k, 'id')} baris, padahal ${namedOf(n.others, o, 'id')} memuatnya: setiap baris itu memakai kanwil provinsinya (jamsostek provinces memuat daftarnya), agar berkas-berkas itu seragam`,
      );
    }
    case 'workforce-participants':
      return L(
        `${n.file}: its participants column is not read: a --workforce file gives the denominators only, and the report's participants are the input's`,
        `${n.file}: kolom pesertanya tidak dibaca: berkas --workforce hanya memberi penyebut, dan peserta laporan diambil dari input`,
      );
    case 'codes-read-in': {
      const sys = n.system === 'bps' ? 'BPS' : 'Kemendagri';
      const given = n.given === undefined ? undefined : n.given === 'bps' ? 'bps' : 'kemendagri';
      const flagEn = given ? `; --code-system ${given} is for the data files` : '';
      const flagId = given ? `; --code-system ${given} berlaku untuk berkas data` : '';
      const codes = n.codes?.length ? ` (${n.codes.join(', ')})` : '';
      const how = n.how === 'meta' ? ['as its meta.codeSystem says', 'sesuai meta.codeSystem-nya'] : n.how === 'label' ? ['as its code column\'s label "code (BPS)" says', 'sesuai label kolom kodenya "code (BPS)"'] : [`by the names beside them${codes}`, `menurut nama di sampingnya${codes}`];
      return L(`${n.file}: its province codes are read as ${sys} codes, ${how[0]}${flagEn}`, `${n.file}: kode provinsinya dibaca sebagai kode ${sys}, ${how[1]}${flagId}`);
    }
    case 'flags-set-aside': {
      const d = n.delimiter === undefined ? undefined : n.delimiter === '\t' ? 'TAB' : `'${n.delimiter}'`;
      return L(
        `${n.file} (${n.role}): read without ${n.flags}, given for the data files: its own header is on line ${n.line}${d ? `, split on ${d}` : ''}`,
        `${n.file} (${n.role}): dibaca tanpa ${n.flags.replace(' & ', ' dan ')}, yang diberikan untuk berkas data: judul kolomnya sendiri ada di baris ${n.line}${d ? `, terpisah oleh ${d}` : ''}`,
      );
    }
    case 'unused-columns': {
      const cols = list(n.columns.map((c) => clipValue(c)));
      return L(`${n.file}: ${n.columns.length === 1 ? 'column' : 'columns'} not read: ${cols}`, `${n.file}: kolom yang tidak dibaca: ${cols}`);
    }
    case 'sheet-read': {
      const name = JSON.stringify(clipValue(n.sheet));
      const hiddenNames = n.hidden.map((h) => JSON.stringify(clipValue(h)));
      const hiddenEn = hiddenNames.length ? `; hidden: ${list(hiddenNames)}` : '';
      const hiddenId = hiddenNames.length ? `; tersembunyi: ${list(hiddenNames)}` : '';
      if (n.missing !== undefined) {
        // --sheet named a sheet this workbook (given by --targets, --workforce…) does not have.
        const wanted = JSON.stringify(clipValue(n.missing));
        return L(
          `${n.file}: no sheet named ${wanted} (--sheet): read its first visible sheet ${name} (of ${n.sheets}${hiddenEn})`,
          `${n.file}: tidak ada lembar bernama ${wanted} (--sheet): membaca lembar terlihat pertamanya ${name} (dari ${n.sheets}${hiddenId})`,
        );
      }
      const how = (l: Lang): string => (n.chosen ? '' : l === 'id' ? '; pilih lembar lain dengan --sheet' : '; choose another with --sheet');
      return L(`${n.file}: read sheet ${name} (of ${n.sheets}${hiddenEn})${how('en')}`, `${n.file}: membaca lembar ${name} (dari ${n.sheets}${hiddenId})${how('id')}`);
    }
    case 'merged-filled':
      return L(
        `${n.file}: merged key cells filled down from their top cell (sheet ${JSON.stringify(clipValue(n.sheet))}): ${list(n.ranges, 10)}`,
        `${n.file}: sel kunci yang digabung diisi ke bawah dari sel teratasnya (lembar ${JSON.stringify(clipValue(n.sheet))}): ${list(n.ranges, 10)}`,
      );
    case 'hidden-rows': {
      const sheet = JSON.stringify(clipValue(n.sheet));
      const one = n.rows === 1;
      return L(
        `${n.file}: ${one ? 'a row' : `${num(n.rows, 'en')} rows`} of sheet ${sheet} ${one ? 'is' : 'are'} hidden in the workbook (${one ? '' : 'e.g. '}row ${n.first}${n.filter ? '; the sheet has a filter' : ''}); ${one ? 'it is' : 'they are'} read as the others (a data row counts, a total row is left out)`,
        `${n.file}: ${num(n.rows, 'id')} baris lembar ${sheet} disembunyikan di buku kerja (${one ? '' : 'mis. '}baris ${n.first}${n.filter ? '; lembar ini memakai filter' : ''}); baris itu tetap dibaca seperti baris lainnya (baris data dihitung, baris total tidak)`,
      );
    }
    case 'hidden-data-rows': {
      // rv28 R19: a sheet left filtered to one Kanwil is reported whole; what Excel shows and what is added differ.
      const sheet = JSON.stringify(clipValue(n.sheet));
      const one = n.rows === 1;
      const filter = n.filter ? L('; the sheet has a filter', '; lembar ini memakai filter') : '';
      return L(
        `${n.file}: ${num(n.rows, 'en')} of the ${num(n.of, 'en')} data rows of sheet ${sheet} ${one ? 'is' : 'are'} hidden in the workbook (${one ? '' : 'e.g. '}row ${n.first}${filter}) and counted as the others: the report adds up every data row, shown or not (to report only the rows shown, delete the hidden rows or copy the shown ones to a sheet of their own)`,
        `${n.file}: ${num(n.rows, 'id')} dari ${num(n.of, 'id')} baris data lembar ${sheet} disembunyikan di buku kerja (${one ? '' : 'mis. '}baris ${n.first}${filter}) dan dihitung seperti yang lain: laporan menjumlahkan setiap baris data, terlihat atau tidak (untuk melaporkan baris yang terlihat saja, hapus baris tersembunyi atau salin baris yang terlihat ke lembar tersendiri)`,
      );
    }
    case 'rows-above-header': {
      const sheetEn = n.sheet === undefined ? '' : `: sheet ${JSON.stringify(clipValue(n.sheet))}`;
      const sheetId = n.sheet === undefined ? '' : `: lembar ${JSON.stringify(clipValue(n.sheet))}`;
      const rows = n.rows.map((r) => `${r.row} (${JSON.stringify(clipValue(r.text))})`).join(', ');
      const more = (l: Lang): string => (n.more ? (l === 'id' ? ` dan ${num(n.more, l)} baris lain` : ` and ${num(n.more, l)} more`) : '');
      return L(
        n.given
          ? `${n.file}${sheetEn}: the ${n.sheet === undefined ? 'lines' : 'rows'} above the header (${n.sheet === undefined ? 'line' : 'row'} ${n.header}, --header-row) are not read, among them ${rows}${more('en')}${ABOVE_PERIOD[n.period ?? 'unsaid'][0]}`
          : `${n.file}${sheetEn}: header found at row ${n.header}; the rows above it are not read: ${rows}${more('en')}${ABOVE_PERIOD[n.period ?? 'unsaid'][0]}`,
        n.given
          ? `${n.file}${sheetId}: baris di atas baris judul (baris ${n.header}, --header-row) tidak dibaca, di antaranya ${rows}${more('id')}${ABOVE_PERIOD[n.period ?? 'unsaid'][1]}`
          : `${n.file}${sheetId}: baris judul ditemukan di baris ${n.header}; baris di atasnya tidak dibaca: ${rows}${more('id')}${ABOVE_PERIOD[n.period ?? 'unsaid'][1]}`,
      );
    }
    case 'hidden-columns':
      return L(
        `${n.file}: column${n.columns.length === 1 ? '' : 's'} ${list(n.columns, 10)} of sheet ${JSON.stringify(clipValue(n.sheet))} ${n.columns.length === 1 ? 'is' : 'are'} hidden in the workbook; ${n.columns.length === 1 ? 'its' : 'their'} values are read as the others`,
        `${n.file}: kolom ${list(n.columns, 10)} lembar ${JSON.stringify(clipValue(n.sheet))} disembunyikan di buku kerja; nilainya tetap dibaca seperti kolom lainnya`,
      );
    case 'over-coverage-exception': {
      // The reason's first clause (data/exceptions.csv has the whole of it, with its sources).
      const why = n.reason.split(':')[0]!.trim();
      const rows = (l: Lang): string => n.rows.map((r) => `${r.at} (${num(r.participants, l)} ${l === 'id' ? 'peserta' : 'participants'} > ${num(r.denominator, l)} ${r.measure})`).join(', ') + (n.more ? (l === 'id' ? ` dan ${num(n.more, l)} baris lain` : ` and ${num(n.more, l)} more`) : '');
      return L(
        `${n.province}: participants above the denominator accepted as a documented exception (${why}; data/exceptions.csv): ${rows('en')}`,
        `${n.province}: peserta melebihi penyebut diterima sebagai pengecualian yang terdokumentasi (${why}; data/exceptions.csv): ${rows('id')}`,
      );
    }
    case 'total-rows': {
      const partly = (r: (typeof n.rows)[number], l: Lang): string => (r.notCompared?.length ? (l === 'id' ? `; ${r.notCompared.join(', ')} tidak dibandingkan` : `; ${r.notCompared.join(', ')} not compared`) : '');
      const rows = (l: Lang): string[] => n.rows.map((r) => `${r.at} ${r.object ? (l === 'id' ? 'objek "totals"' : 'the "totals" object') : `"${r.label}"`} (${r.checked ? (l === 'id' ? 'cocok dengan baris-barisnya' : 'agrees with its rows') + partly(r, l) : l === 'id' ? 'tidak diperiksa' : 'not checked'})`);
      // A file that joins reports (fx53): each total is its own part's, said so.
      const joined = n.parts
        ? { en: `; the file joins ${num(n.parts, 'en')} reports one after the other, and each total row agrees with the rows of its own part (from the row after the previous total)`, id: `; berkas ini menggabungkan ${num(n.parts, 'id')} laporan berurutan, dan setiap baris total cocok dengan baris-baris bagiannya sendiri (mulai baris setelah total sebelumnya)` }
        : { en: '', id: '' };
      return L(`total rows left out (they are not data): ${list(rows('en'), 5)}${joined.en}`, `baris total tidak diikutkan (bukan data): ${list(rows('id'), 5)}${joined.id}`);
    }
    case 'total-rows-unchecked': {
      // Why each was not checked: figures it or its rows leave blank, else rows it does not say.
      const why = (r: (typeof n.rows)[number], l: Lang): string =>
        r.notCompared?.length
          ? l === 'id'
            ? `${r.notCompared.join(', ')} kosong di baris itu atau di sebagian baris yang dijumlahkannya`
            : `${r.notCompared.join(', ')} blank in it or in some of the rows it totals`
          : l === 'id'
            ? 'baris yang dijumlahkannya tidak dapat diketahui dari namanya, yang tidak menyebut provinsi atau kanwil, maupun dari sel lainnya'
            : 'which rows it totals cannot be told from its name, which names no province or regional office, nor from its other cells';
      const rows = (l: Lang): string[] => n.rows.map((r) => `${r.at} ${r.object ? (l === 'id' ? 'objek "totals"' : 'the "totals" object') : `"${r.label}"`} (${why(r, l)})`);
      return L(
        `total rows left out without a check against the rows they total (a row missing, extra or mistyped would not be seen): ${list(rows('en'), 5)}`,
        `baris total tidak diikutkan tanpa diperiksa terhadap baris yang dijumlahkannya (baris yang hilang, berlebih, atau salah ketik tidak akan terlihat): ${list(rows('id'), 5)}`,
      );
    }
    case 'plans-rows': {
      const head = L(
        `plan ${n.plan} has targets for ${num(n.with, 'en')} of ${num(n.of, 'en')} rows, the first plan (${n.first}) for ${num(n.firstWith, 'en')} of ${num(n.firstOf, 'en')}`,
        `rencana ${n.plan} memiliki target untuk ${num(n.with, 'id')} dari ${num(n.of, 'id')} baris, rencana pertama (${n.first}) untuk ${num(n.firstWith, 'id')} dari ${num(n.firstOf, 'id')}`,
      );
      return n.both !== null
        ? head + L(
            `: the difference of the subtotals and the Total (${n.column}) is over the ${num(n.both, 'en')} rows both plans have targets for; their targets are each plan's own`,
            `: selisih subtotal dan Total (${n.column}) dihitung atas ${num(n.both, 'id')} baris yang bertarget di kedua rencana; target masing-masing adalah milik rencananya sendiri`,
          )
        : n.inPart !== undefined
          ? head + L(
              `: ${n.inPart} gives targets for whole areas this report has only in part, so the difference (${n.column}) of the subtotals and the Total is left blank`,
              `: ${n.inPart} memberi target untuk wilayah utuh yang hanya sebagian ada di laporan ini, sehingga selisih (${n.column}) subtotal dan Total dikosongkan`,
            )
          : head + L(
              `: the difference (${n.column}) of a subtotal or the Total over rows only one plan has targets for is left blank`,
              `: selisih (${n.column}) subtotal atau Total atas baris yang hanya bertarget di satu rencana dikosongkan`,
            );
    }
    case 'plans-same':
      return L(
        `${n.plan} gives the same target as ${n.first} in every row (${num(n.rows, 'en')} rows with a target): every difference is 0; is it the plan meant to be compared?`,
        `${n.plan} memberi target yang sama dengan ${n.first} di setiap baris (${num(n.rows, 'id')} baris bertarget): semua selisih 0; benarkah ini rencana yang dimaksud untuk dibandingkan?`,
      );
    case 'plans-years': {
      const at = (l: Lang): string => n.plans.map((p) => `${p.label} ${l === 'id' ? 'untuk' : 'at'} ${p.year === null ? (l === 'id' ? 'tahun yang tidak diketahui' : 'no known year') : `${l === 'id' ? 'Desember' : 'December'} ${p.year}`}`).join(', ');
      return L(
        `the plans aim at different Decembers: ${at('en')}: their targets and the differences between them are not for the same year`,
        `rencana-rencana ini menuju Desember yang berbeda: ${at('id')}: target dan selisihnya tidak untuk tahun yang sama`,
      );
    }
    case 'national-segments': {
      const each = (l: Lang): string => n.segments.map((s) => `${s.segment} ${num(s.provinces, l)} (${l === 'id' ? 'nasional' : 'national'} ${num(s.national, l)}${s.status === 'published' ? '' : `, ${s.status === 'derived' ? (l === 'id' ? 'turunan' : 'derived') : s.status}`})`).join(', ');
      return L(
        `the segment rows add up the 38 provinces' figures, not the published national ones (data/figures.csv): ${each('en')}; the ${num(n.unattributed, 'en')} participants not attributed to a province are in the national figures only`,
        `baris segmen menjumlahkan angka 38 provinsi, bukan angka nasional yang dipublikasikan (data/figures.csv): ${each('id')}; ${num(n.unattributed, 'id')} peserta yang tidak teratribusi ke provinsi hanya ada di angka nasional`,
      );
    }
    case 'unattributed-absorbed':
      return L(
        `the targets start from the ${num(n.participants, 'en')} participants attributed to a province, not the national ${num(n.national, 'en')}: the ${num(n.unattributed, 'en')} not attributed are absorbed into their increase (${num(n.total - n.participants, 'en')}, where the national rise is ${num(n.total - n.national, 'en')})`,
        `target berangkat dari ${num(n.participants, 'id')} peserta yang teratribusi ke provinsi, bukan angka nasional ${num(n.national, 'id')}: ${num(n.unattributed, 'id')} peserta yang tidak teratribusi terserap ke dalam kenaikannya (${num(n.total - n.participants, 'id')}, sedangkan kenaikan nasional ${num(n.total - n.national, 'id')})`,
      );
    case 'later-actual-unchecked':
      return L(
        `not compared with the figures published since the baseline: ${list(n.units)} (published per province only, of different months; --by ${n.by} compares each province)`,
        `tidak dibandingkan dengan angka yang dipublikasikan sejak baseline: ${list(n.units)} (dipublikasikan per provinsi saja, pada bulan berbeda; --by ${n.by} membandingkan setiap provinsi)`,
      );
    case 'earlier-months': {
      const span = n.months.length === 1 ? n.months[0]! : `${n.months.length} ${L('months', 'bulan')}, ${n.months[0]} … ${n.months[n.months.length - 1]}`;
      return L(
        `the input has several months: breakdown plans from the latest, ${n.period} (every unit has rows for it); the rows of ${span} are left out`,
        `input memuat beberapa bulan: breakdown berangkat dari bulan terakhir, ${n.period} (setiap unit memiliki barisnya); baris ${span} tidak dipakai`,
      );
    }
    case 'later-months': {
      const span = n.months.length === 1 ? n.months[0]! : `${n.months.length} ${L('months', 'bulan')}, ${n.months[0]} … ${n.months[n.months.length - 1]}`;
      return L(
        `--period ${n.period}: the input's later months are left out of the report: ${span}`,
        `--period ${n.period}: bulan-bulan input yang lebih akhir tidak dimasukkan ke laporan: ${span}`,
      );
    }
    case 'denominator-month': {
      // "of 2019-01" when every area's figure is of one month; else "of 2024-05 for Gorontalo; of 2024-04 for Aceh"
      const en = n.other.map((o) => `of ${o.period}${n.every ? '' : ` for ${list(o.areas, 5)}`}`).join('; ');
      const id = n.other.map((o) => `dari ${o.period}${n.every ? '' : ` untuk ${list(o.areas, 5)}`}`).join('; ');
      const month = n.previous ? L(` for the previous month, ${n.period}`, ` untuk bulan sebelumnya, ${n.period}`) : '';
      return n.period === ''
        ? L(`the ${n.measure} figures (${n.source}) are ${en} (the input has no month)`, `angka ${idName(n.measure)} (${n.source}) adalah ${id} (input tanpa bulan)`)
        : L(
            `the ${n.measure} figures (${n.source})${month} are ${en}, not ${n.period}'s (each area's latest before ${n.period}, else its earliest after)`,
            `angka ${idName(n.measure)} (${n.source})${month} adalah ${id}, bukan ${n.period} (angka terakhir tiap wilayah sebelum ${n.period}, atau yang paling awal sesudahnya)`,
          );
    }
    case 'denominator-same': {
      const of = n.of ? `, ${n.of}` : '';
      return L(
        `the previous month's coverage (${n.previousPeriod}) is over the same ${n.measure} figures as ${n.period}'s (${n.source}${of}): coverage_change_pp is the change in participants over them`,
        `cakupan bulan sebelumnya (${n.previousPeriod}) memakai angka ${idName(n.measure)} yang sama dengan ${n.period} (${n.source}${of}): coverage_change_pp adalah perubahan peserta terhadapnya`,
      );
    }
    case 'added-over': {
      const cols = n.columns.join(', ');
      const by = [...n.grain, n.columns[0]!].join(',');
      return L(
        `the change from ${n.previousPeriod} adds up ${cols} as read (the report does not group by ${n.columns.length === 1 ? 'it' : 'them'}): a ${n.columns[0]} that did not report in one of the months is not seen as late, and its absence counts in the change; --by ${by} compares each`,
        `perubahan dari ${n.previousPeriod} menjumlahkan ${cols} apa adanya (laporan tidak dikelompokkan menurut kolom itu): ${n.columns[0]} yang tidak melapor pada salah satu bulan tidak terlihat terlambat, dan ketiadaannya ikut dalam perubahan; --by ${by} membandingkan masing-masing`,
      );
    }
    case 'target-parts-missing': {
      // rv31 V3: a province's target from three of its four segments, against all its participants.
      const parts = (l: Lang): string => unitsWords(n.partDims, l);
      const one = (r: (typeof n.rows)[number], l: Lang): string =>
        l === 'id'
          ? `${r.label || 'Total'} (${num(r.have, 'id')} dari ${num(r.of, 'id')} ${parts('id')}; tanpa target: ${namedOf(r.none, r.count, 'id')})`
          : `${r.label || 'the Total'} (${num(r.have, 'en')} of ${num(r.of, 'en')} ${parts('en')}; none for ${namedOf(r.none, r.count, 'en')})`;
      const rows = (l: Lang): string => namedOf(n.rows.map((r) => one(r, l)), n.count, l, '; ');
      return L(
        `the targets of ${n.source} are given per ${parts('en')}, which the input does not have, and for only some of a row's ${parts('en')}: its target would be theirs against all its participants, so the row is shown without a target and the subtotals and the Total compare the others' (give every part's target): ${rows('en')}`,
        `target di ${n.source} diberikan per ${parts('id')}, yang tidak ada di input, dan hanya untuk sebagian ${parts('id')} suatu baris: targetnya hanya milik bagian itu terhadap seluruh pesertanya, sehingga baris itu ditampilkan tanpa target dan subtotal serta Total membandingkan yang lain (berikan target setiap bagian): ${rows('id')}`,
      );
    }
    case 'targets-over-denominator': {
      const one = (r: (typeof n.rows)[number], l: Lang): string => `${r.row || (l === 'id' ? 'Total' : 'the Total')} (${num(r.target, l)} ${l === 'id' ? 'atas' : 'over'} ${num(r.denominator, l)})`;
      const rows = (l: Lang): string => namedOf(n.rows.map((r) => one(r, l)), n.count, l, '; ');
      return L(
        `the targets of ${n.source} are above the whole ${n.measure} of ${rows('en')}: no breakdown of an area's plan gives that (its bound is the denominator); if they are another area's or the nation's, they are not this input's, and its achievement against them means nothing`,
        `target di ${n.source} melebihi seluruh ${idName(n.measure)} dari ${rows('id')}: tidak ada rincian rencana suatu wilayah yang menghasilkannya (batasnya adalah penyebut); jika target itu milik wilayah lain atau nasional, target itu bukan milik input ini, dan capaian terhadapnya tidak bermakna`,
      );
    }
    case 'zero-targets': {
      const rows = (l: Lang): string => namedOf(n.rows, n.count, l);
      return L(
        `${num(n.count, 'en')} target(s) of ${n.source} are 0: ${rows('en')}; their participants count as achieved; if a blank was written as 0, write the target there (leaving the row out would leave its area without a target)`,
        `${num(n.count, 'id')} target di ${n.source} bernilai 0: ${rows('id')}; pesertanya dihitung tercapai; jika sel kosong ditulis 0, isikan targetnya di sana (menghapus barisnya membuat wilayahnya tanpa target)`,
      );
    }
    case 'zero-targets-within': {
      const rows = (l: Lang): string => namedOf(n.rows, n.count, l);
      const keys = (l: Lang): string => orList(n.lacking.map((d) => dimLabel(d)[l]), l === 'en' ? 'or' : 'atau');
      return L(
        `${num(n.count, 'en')} target(s) of ${n.source} are 0 for rows the data do not give apart (no ${keys('en')}): ${rows('en')}; each is a part of its row's target in the report, which counts nothing for it, and no row is compared with it alone: read as planned (if a blank was written as 0, write the target there)`,
        `${num(n.count, 'id')} target di ${n.source} bernilai 0 untuk baris yang tidak dirinci data (tanpa ${keys('id')}): ${rows('id')}; masing-masing bagian dari target barisnya di laporan, yang tidak menghitung apa pun untuknya, dan tidak ada baris yang dibandingkan dengannya saja: dibaca sebagai rencana (jika sel kosong ditulis 0, isikan targetnya di sana)`,
      );
    }
    case 'partial-targets': {
      const parts = AREA_WORDS[n.partDim as 'regency' | 'province' | 'kanwil']?.many ?? dimLabel(n.partDim);
      const shown = n.areas.map((a) => `${a.label} (${num(a.have, 'en')} of ${num(a.of, 'en')} ${parts.en})`);
      const shownId = n.areas.map((a) => `${a.label} (${num(a.have, 'id')} dari ${num(a.of, 'id')} ${parts.id})`);
      return L(
        `the targets of ${n.source} are given for only some of the ${parts.en} of a ${dimLabel(n.dim).en}: its target is their sum, compared with all its participants: ${list(shown)}`,
        `target dari ${n.source} hanya diberikan untuk sebagian ${parts.id} suatu ${dimLabel(n.dim).id}: targetnya adalah jumlah target itu, dibandingkan dengan seluruh pesertanya: ${list(shownId)}`,
      );
    }
    case 'partial-denominators': {
      const parts = AREA_WORDS[n.partDim as 'regency' | 'province' | 'kanwil']?.many ?? dimLabel(n.partDim);
      // The parts given, named when few: the row labelled with the area is their coverage (rv25 F8).
      const shown = n.areas.map((a) => `${a.label} (${num(a.have, 'en')} of ${num(a.of, 'en')} ${parts.en}${a.parts?.length ? `: its row is the coverage of ${orList(a.parts, 'and')}` : ''})`);
      const shownId = n.areas.map((a) => `${a.label} (${num(a.have, 'id')} dari ${num(a.of, 'id')} ${parts.id}${a.parts?.length ? `: barisnya adalah cakupan ${orList(a.parts, 'dan')}` : ''})`);
      return L(
        `the ${n.measure} figures (${n.source}) are given only in part, and are taken as the whole ${dimLabel(n.dim).en}'s denominator where its participants all have one: ${list(shown)}`,
        `angka ${idName(n.measure)} (${n.source}) hanya tersedia sebagian, dan dipakai sebagai penyebut seluruh ${dimLabel(n.dim).id} bila semua pesertanya memilikinya: ${list(shownId)}`,
      );
    }
    case 'segments-in-part': {
      // fx44: a Kanwil's PU row over the eight provinces' employed gave a Total of 16.7 % as Sulama's coverage;
      // rv32 W2: a file without its PMI rows (1.1 % of the country) keeps coverage, said.
      const pct = (lang: Lang): string => {
        const t = roundHalfUp(n.share, 1, 2);
        return `${lang === 'id' ? t.replace('.', ',') : t} %`;
      };
      const is = n.missing.length > 1 ? 'are' : 'is';
      const counted = n.targets ? 'coverage and achievement count' : 'coverage counts';
      const dihitung = n.targets ? 'cakupan dan pencapaian menghitung' : 'cakupan menghitung';
      const targets =
        n.targets === 'whole'
          ? {
              en: `; the targets count every segment: achievement compares the participants of ${orList(n.given, 'and')} with the whole target`,
              id: `; target menghitung semua segmen: pencapaian membandingkan peserta ${orList(n.given, 'dan')} dengan seluruh target`,
            }
          : n.targets === 'segments'
            ? { en: `; the targets of ${orList(n.missing, 'and')} are left out, the others compared like for like`, id: `; target ${orList(n.missing, 'dan')} tidak dipakai, yang lain dibandingkan setara` }
            : n.targets === 'given'
            ? { en: `; the targets are of ${orList(n.given, 'and')} too, compared like for like`, id: `; target juga untuk ${orList(n.given, 'dan')}, dibandingkan setara` }
            : { en: '', id: '' };
      if (n.kept) {
        return L(
          `${counted} ${orList(n.given, 'and')}: ${orList(n.missing, 'and')}, ${pct('en')} of the national participants (data/baseline.csv), ${is} not in the data, while ${n.measure} (${n.source}) counts the workers of every segment${targets.en}; add ${n.missing.length > 1 ? 'their' : 'its'} rows (0 where none) to count ${n.missing.length > 1 ? 'them' : 'it'}`,
          `${dihitung} ${orList(n.given, 'dan')}: ${orList(n.missing, 'dan')}, ${pct('id')} dari peserta nasional (data/baseline.csv), tidak ada di data, sedangkan ${idName(n.measure)} (${n.source}) menghitung pekerja semua segmen${targets.id}; tambahkan barisnya (0 bila tidak ada) untuk menghitungnya`,
        );
      }
      return L(
        `the input gives participants of ${orList(n.given, 'and')} only, not of ${orList(n.missing, 'or')} (${pct('en')} of the national participants, data/baseline.csv), and ${n.measure} (${n.source}) counts the workers of every segment: divided by it, coverage would compare some segments' participants with all workers, so no coverage is shown${targets.en}; give each segment's own denominator in a column of its rows (or --workforce by segment) to show it`,
        `input hanya memuat peserta ${orList(n.given, 'dan')}, tanpa ${orList(n.missing, 'atau')} (${pct('id')} dari peserta nasional, data/baseline.csv), sedangkan ${idName(n.measure)} (${n.source}) menghitung pekerja semua segmen: bila dibagi dengannya, cakupan membandingkan peserta sebagian segmen dengan semua pekerja, sehingga cakupan tidak ditampilkan${targets.id}; berikan penyebut tiap segmen di kolom barisnya (atau --workforce per segmen) untuk menampilkannya`,
      );
    }
    case 'extract-parts': {
      const parts = AREA_WORDS[n.partDim as 'regency' | 'province' | 'kanwil']?.many ?? dimLabel(n.partDim);
      const shown = n.areas.map((a) => `${a.label} (${num(a.have, 'en')} of ${num(a.of, 'en')} ${parts.en})`);
      const shownId = n.areas.map((a) => `${a.label} (${num(a.have, 'id')} dari ${num(a.of, 'id')} ${parts.id})`);
      return L(
        `the input has rows in only some ${parts.en} of a ${dimLabel(n.dim).en}, and is divided by the whole ${dimLabel(n.dim).en}'s ${n.measure} (${n.source}): the others count as having no participants: ${list(shown)}`,
        `input hanya memuat baris di sebagian ${parts.id} suatu ${dimLabel(n.dim).id}, dan dibagi dengan ${idName(n.measure)} seluruh ${dimLabel(n.dim).id} (${n.source}): sisanya dihitung tanpa peserta: ${list(shownId)}`,
      );
    }
    case 'segment-rows-missing': {
      const one = (a: (typeof n.areas)[number], lang: 'en' | 'id'): string =>
        lang === 'en'
          ? `${a.label}${a.period ? ` in ${a.period}` : ''} (${num(a.have, 'en')} of ${num(a.of, 'en')} segments; no row for ${orList(a.missing, 'or')})`
          : `${a.label}${a.period ? ` pada ${a.period}` : ''} (${num(a.have, 'id')} dari ${num(a.of, 'id')} segmen; tanpa baris ${orList(a.missing, 'atau')})`;
      const more = (lang: 'en' | 'id'): string => (n.more > 0 ? (lang === 'en' ? `; and ${num(n.more, 'en')} more` : `; dan ${num(n.more, 'id')} lainnya`) : '');
      return L(
        `a ${dimLabel(n.dim).en}'s row holds only the segments in the data: a segment the file gives for other ${dimLabel(n.dim).en} rows and not for it counts as having no participants there, in its row and the Total: ${n.areas.map((a) => one(a, 'en')).join('; ')}${more('en')}`,
        `baris ${dimLabel(n.dim).id} hanya memuat segmen yang ada di data: segmen yang diberikan berkas untuk ${dimLabel(n.dim).id} lain tetapi tidak untuknya dihitung tanpa peserta di sana, di barisnya dan di Total: ${n.areas.map((a) => one(a, 'id')).join('; ')}${more('id')}`,
      );
    }
    case 'area-in-part': {
      const parts = AREA_WORDS[n.partDim as 'regency' | 'province' | 'kanwil']?.many ?? dimLabel(n.partDim);
      const shown = n.areas.map((a) => `${a.label} (${num(a.have, 'en')} of ${num(a.of, 'en')} ${parts.en})`);
      const shownId = n.areas.map((a) => `${a.label} (${num(a.have, 'id')} dari ${num(a.of, 'id')} ${parts.id})`);
      return L(
        `a ${dimLabel(n.dim).en}'s row holds only the ${parts.en} in the data (its participants, denominator and any target are theirs), not the whole ${dimLabel(n.dim).en}: ${list(shown)}`,
        `baris ${dimLabel(n.dim).id} hanya memuat ${parts.id} yang ada di data (peserta, penyebut dan targetnya milik ${parts.id} itu), bukan seluruh ${dimLabel(n.dim).id}: ${list(shownId)}`,
      );
    }
  }
}

/** A share of the denominator as a percentage: 0.9 → "90 %" (id: "90 %", 12,5 %). */
function sharePct(x: number, lang: Lang): string {
  const t = roundHalfUp(x, 2, 2).replace(/\.?0+$/, '');
  return `${lang === 'id' ? t.replace('.', ',') : t} %`;
}

/**
 * The way to raise a rule's upper bounds, as its caps allow: both caps apply, the smaller wins, so a
 * share (--max-coverage) is raised or left out, a --max number or column raised, and the default cap
 * (the denominator) lifted with --max none. Undefined when nothing caps the units (--max none alone).
 * rv25 M4: "raise the bounds with --max / --max-coverage" offered a share, which can only lower the default.
 */
function raiseUpper(caps: UpperCaps | undefined, lang: Lang): string | undefined {
  const L = (en: string, id: string): string => (lang === 'id' ? id : en);
  if (!caps) return L('--max, --max-coverage or --max none', '--max, --max-coverage atau --max none');
  const own = caps.max === 'value' || caps.max === 'column';
  if (caps.share !== undefined) {
    const p = sharePct(caps.share, lang);
    return own
      ? L(`raise both --max and --max-coverage, now ${p}: each target is at most the smaller of the two`, `naikkan --max dan --max-coverage, kini ${p}: setiap target paling banyak yang lebih kecil dari keduanya`)
      : L(`raise --max-coverage, now ${p}, or leave it out${caps.max === 'none' ? '' : ': the cap is then the denominator, which --max none lifts'}`, `naikkan --max-coverage, kini ${p}, atau hilangkan${caps.max === 'none' ? '' : ': batasnya lalu penyebut, yang dicabut oleh --max none'}`);
  }
  if (own) return L('raise --max, or --max none', 'naikkan --max, atau --max none');
  if (caps.max === 'default') return L('--max none, or a --max above the denominator', '--max none, atau --max di atas penyebut');
  return undefined;
}

/** Why a plan has no solution, with the way out. */
export function factText(f: InfeasibleFact, lang: Lang): { message: string; hint?: string } {
  const L = (en: string, id: string): string => (lang === 'id' ? id : en);
  const n = (x: bigint | number): string => num(x, lang);
  const g = (grain: readonly string[]): string => grainWords(grain, lang);
  switch (f.kind) {
    case 'below-lower': {
      // Where the lower bounds come from, named: --min is the user's, and the way out differs.
      const from = f.lowerFrom ?? { source: f.lowerIsToday ? 'today' : 'min' };
      const min = from.min ? ('value' in from.min ? `--min ${n(from.min.value)}` : `--min ${from.min.column}`) : '--min';
      const each = from.min && 'value' in from.min ? L(` for each`, ` untuk setiap unit`) : '';
      const today = from.today !== undefined ? n(from.today) : undefined;
      const why =
        from.source === 'today'
          ? L("today's participants", 'peserta saat ini')
          : from.source === 'min'
            ? L(`${min}${each}${today !== undefined ? `; today's participants are ${today}` : ''}`, `${min}${each}${today !== undefined ? `; peserta saat ini ${today}` : ''}`)
            : L(`${min} where it is above today's participants, today's elsewhere${today !== undefined ? `; today's participants alone are ${today}` : ''}`, `${min} bila di atas peserta saat ini, selebihnya peserta saat ini${today !== undefined ? `; peserta saat ini saja ${today}` : ''}`);
      return {
        message: L(
          `${f.scope ? `${f.scope}: ` : ''}the ${f.units} ${unitsWords(f.grain, 'en')} already have at least ${n(f.sumLower)} between them (${why}); a target of ${n(f.total)} is below that`,
          `${f.scope ? `${f.scope}: ` : ''}${f.units} ${unitsWords(f.grain, 'id')} sudah memiliki paling sedikit ${n(f.sumLower)} (${why}); target ${n(f.total)} di bawahnya`,
        ),
        hint:
          from.source === 'today'
            ? L(`raise the target to at least ${n(f.sumLower)}, or allow targets below today with --mode level --min none`, `naikkan target menjadi paling sedikit ${n(f.sumLower)}, atau izinkan target di bawah jumlah peserta saat ini dengan --mode level --min none`)
            : L(`raise the target to at least ${n(f.sumLower)}, or lower ${min}`, `naikkan target menjadi paling sedikit ${n(f.sumLower)}, atau turunkan ${min}`),
      };
    }
    case 'above-upper': {
      const scope = f.scope ? `${f.scope}: ` : '';
      const z = f.zeroWeight;
      // --max none alone (no share): nothing caps the units, and no flag raises what they can take.
      const raise = f.maxNone && f.caps?.share === undefined ? undefined : raiseUpper(f.caps, lang);
      if (z) {
        // Weight 0 keeps a unit at its lower bound: that, not an upper bound, is what limits them.
        const all = z.units.length === f.units;
        const basis = idName(z.basis);
        return {
          message: L(
            `${scope}${all ? `every ${g(f.grain)} unit has weight 0 under the ${z.basis} basis` : `${z.units.length} of the ${f.units} ${g(f.grain)} units ${z.units.length === 1 ? 'has' : 'have'} weight 0 under the ${z.basis} basis (${list(z.units)})`}, and a unit of weight 0 stays at its lower bound: ${all ? 'together' : 'with the others at their upper bounds'} they can take at most ${n(f.sumUpper)}; a target of ${n(f.total)} is above that`,
            `${scope}${all ? `setiap unit ${g(f.grain)} berbobot 0 menurut bobot ${basis}` : `${z.units.length} dari ${f.units} unit ${g(f.grain)} berbobot 0 menurut bobot ${basis} (${list(z.units)})`}, dan unit berbobot 0 tetap pada batas bawahnya: ${all ? 'bersama-sama' : 'dengan unit lainnya pada batas atasnya,'} paling banyak ${n(f.sumUpper)}; target ${n(f.total)} di atasnya`,
          ),
          hint: L(
            `give them a weight (another --basis, e.g. equal or participants, or ${z.basis === 'uncovered' ? 'a denominator above their participants: the uncovered basis is denominator − participants, 0 at full coverage' : `values above 0 in the ${z.basis} column`})${all || !raise ? '' : `, raise the upper bounds of the others (${raise})`}, or lower the target to at most ${n(f.sumUpper)}`,
            `beri mereka bobot (--basis lain, mis. equal atau participants, atau ${z.basis === 'uncovered' ? 'penyebut di atas jumlah pesertanya: bobot uncovered adalah penyebut − peserta, 0 pada cakupan penuh' : `nilai di atas 0 di kolom ${z.basis}`})${all || !raise ? '' : `, longgarkan batas atas unit lainnya (${raise})`}, atau turunkan target menjadi paling banyak ${n(f.sumUpper)}`,
          ),
        };
      }
      return {
        message: L(
          `${scope}the ${f.units} ${unitsWords(f.grain, 'en')} can take at most ${n(f.sumUpper)} between them (their upper bounds); a target of ${n(f.total)} is above that`,
          `${scope}${f.units} ${unitsWords(f.grain, 'id')} paling banyak menampung ${n(f.sumUpper)} (batas atas); target ${n(f.total)} di atasnya`,
        ),
        hint: raise
          ? L(`lower the target to at most ${n(f.sumUpper)}, or raise the upper bounds (${raise})`, `turunkan target menjadi paling banyak ${n(f.sumUpper)}, atau longgarkan batas atas (${raise})`)
          : L(`lower the target to at most ${n(f.sumUpper)}`, `turunkan target menjadi paling banyak ${n(f.sumUpper)}`),
      };
    }
    case 'bounds-crossed':
      return {
        message: L(
          `${f.unit}: its lower bound ${n(f.lower)} (${f.lowerFrom}) is above its upper bound ${n(f.upper)} (${f.upperFrom}): no ${g(f.grain)} target lies between them`,
          `${f.unit}: batas bawahnya ${n(f.lower)} (${f.lowerFrom}) di atas batas atasnya ${n(f.upper)} (${f.upperFrom}): tidak ada target ${g(f.grain)} di antara keduanya`,
        ),
        hint: f.upperFrom.startsWith('--max-coverage')
          ? L(`lower --min for that unit, or raise --max-coverage (or leave it out): the upper bound is the smaller of --max's and the share's`, `turunkan --min untuk unit itu, atau naikkan --max-coverage (atau hilangkan): batas atasnya adalah yang lebih kecil dari batas --max dan porsi itu`)
          : f.upperFrom.startsWith('--max ')
          ? L('check the two bounds of that unit: each target must lie between its --min and its --max', 'periksa kedua batas unit itu: setiap target harus berada di antara --min dan --max-nya')
          : L(`lower --min for that unit, or let targets pass the upper bound (${f.upperFrom}) with --max none`, `turunkan --min untuk unit itu, atau izinkan target melewati batas atas (${f.upperFrom}) dengan --max none`),
      };
    case 'margins-differ':
      return { message: L(`the ${dimLabel(f.rows).en} totals add up to ${n(f.rowSum)} but the ${dimLabel(f.columns).en} totals to ${n(f.columnSum)}`, `total ${dimLabel(f.rows).id} berjumlah ${n(f.rowSum)} tetapi total ${dimLabel(f.columns).id} ${n(f.columnSum)}`), hint: L('both sets of totals must add up to the same target', 'kedua kelompok total harus berjumlah target yang sama') };
    case 'margin-vs-total':
      return { message: L(`${f.source}: the ${dimLabel(f.dim).en} totals add up to ${n(f.sum)} but the target is ${n(f.total)} (${f.totalSource})`, `${f.source}: total ${dimLabel(f.dim).id} berjumlah ${n(f.sum)} tetapi targetnya ${n(f.total)} (${f.totalSource})`), hint: L('leave out --target/--year: the total is then the sum of the given totals', 'hilangkan --target/--year: totalnya menjadi jumlah total yang diberikan') };
    case 'margin-missing':
      return { message: L(`${f.source} has no total for ${f.key}`, `${f.source} tidak memuat total untuk ${f.key}`), hint: L(`give a total for each ${dimLabel(f.dim).en}: ${list(f.known, 12)}`, `berikan total untuk setiap ${dimLabel(f.dim).id}: ${list(f.known, 12)}`) };
    case 'margin-unknown':
      return { message: L(`${f.source} has a total for "${f.key}", which is not a ${dimLabel(f.dim).en} of the input`, `${f.source} memuat total untuk "${f.key}", yang bukan ${dimLabel(f.dim).id} di input`), hint: L('check the spelling, or remove it', 'periksa ejaannya, atau hapus') };
    case 'line-below-lower':
      return {
        message: L(
          `${dimLabel(f.dim).en} ${f.key}: its total ${n(f.total)} is below the ${n(f.need)} its cells already have (${f.lowerIsToday ? "today's participants" : 'their minimum targets'})`,
          `${dimLabel(f.dim).id} ${f.key}: totalnya ${n(f.total)} di bawah ${n(f.need)} yang sudah dimiliki selnya (${f.lowerIsToday ? 'peserta saat ini' : 'target minimum'})`,
        ),
        hint: L(`give ${f.key} a total of at least ${n(f.smallestTotal)}, or let its cells go below today with --mode level --min none`, `beri ${f.key} total paling sedikit ${n(f.smallestTotal)}, atau izinkan selnya di bawah jumlah peserta saat ini dengan --mode level --min none`),
      };
    case 'line-above-upper':
      return { message: L(`${dimLabel(f.dim).en} ${f.key}: its total ${n(f.total)} is above the ${n(f.room)} its cells can take (their upper bounds)`, `${dimLabel(f.dim).id} ${f.key}: totalnya ${n(f.total)} di atas ${n(f.room)} yang dapat ditampung selnya (batas atas)`), hint: f.maxNone && f.caps?.share === undefined ? L(`give ${f.key} a total of at most ${n(f.room)}: its other cells have no rows in the input or weight 0`, `beri ${f.key} total paling banyak ${n(f.room)}: sel lainnya tidak ada di input atau berbobot 0`) : L(`give ${f.key} a total of at most ${n(f.room)}, or raise the bounds (${raiseUpper(f.caps, 'en')})`, `beri ${f.key} total paling banyak ${n(f.room)}, atau longgarkan batas (${raiseUpper(f.caps, 'id')})`) };
    case 'hall':
      return {
        message: L(
          `no integer matrix meets both sets of totals: the ${dimLabel(f.rowsDim).en} ${list(f.rows)} together need ${n(f.need)} more, but the ${dimLabel(f.columnsDim).en} they can grow in (${list(f.columns) || 'none'}) offer only ${n(f.offer)}${f.elsewhere > 0n ? ` and their cells elsewhere allow ${n(f.elsewhere)} more` : ''}`,
          `tidak ada matriks bilangan bulat yang memenuhi kedua total: ${dimLabel(f.rowsDim).id} ${list(f.rows)} bersama memerlukan tambahan ${n(f.need)}, tetapi ${dimLabel(f.columnsDim).id} tempat mereka dapat tumbuh (${list(f.columns) || 'tidak ada'}) hanya menyediakan ${n(f.offer)}${f.elsewhere > 0n ? ` dan sel lain memungkinkan ${n(f.elsewhere)} lagi` : ''}`,
        ),
        hint:
          f.maxNone && f.caps?.share === undefined
            ? L('raise the totals of those columns or lower those rows: their other cells have no rows in the input or weight 0', 'naikkan total kolom tersebut atau turunkan baris tersebut: sel lainnya tidak ada di input atau berbobot 0')
            : L(`raise the totals of those columns, lower those rows, or relax the cell bounds (${raiseUpper(f.caps, 'en')})`, `naikkan total kolom tersebut, turunkan baris tersebut, atau longgarkan batas sel (${raiseUpper(f.caps, 'id')})`),
      };
    case 'basis-unavailable':
      return { message: L(`--basis ${f.basis}: the input has no ${f.missing} per ${g(f.grain)} (${f.unit} has none)`, `--basis ${f.basis}: input tidak memiliki ${f.missing} per ${g(f.grain)} (${f.unit} tidak punya)`), hint: L('choose --basis participants, equal or a column the input has at this level', 'pilih --basis participants, equal atau kolom yang ada di tingkat ini') };
    case 'negative-basis':
      return { message: L(`--basis ${f.basis}: ${f.unit} has a negative weight (${f.value}); a share cannot be below 0`, `--basis ${f.basis}: ${f.unit} memiliki bobot negatif (${f.value}); bagian tidak boleh di bawah 0`), hint: L(`correct the ${f.basis} column (0 gives no share of the increase)`, `perbaiki kolom ${f.basis} (0 berarti tidak mendapat bagian kenaikan)`) };
    case 'bound-unavailable':
      return { message: L(`--${f.which} ${f.column}: the input has no ${f.column} per ${g(f.grain)} (${f.unit} has none)`, `--${f.which} ${f.column}: input tidak memiliki ${f.column} per ${g(f.grain)} (${f.unit} tidak punya)`), hint: L('give a number, none, or a column the input has at this level', 'berikan angka, none, atau kolom yang ada di tingkat ini') };
    case 'needs-participants':
      return { message: L(`gap mode adds to today's participants, but the input has none per ${g(f.grain)} (${f.unit})`, `mode gap menambah peserta saat ini, tetapi input tidak memilikinya per ${g(f.grain)} (${f.unit})`), hint: L('use --mode level', 'gunakan --mode level') };
    case 'no-units':
      return { message: L(`the input has no ${g(f.grain)} to split over`, `input tidak memiliki ${g(f.grain)} untuk dibagi`) };
    case 'no-total':
      return { message: L('say which total to split: --year <yyyy> (from data/targets.csv), --target <n>, or totals with --row-totals/--column-totals', 'sebutkan total yang dibagi: --year <yyyy> (dari data/targets.csv), --target <n>, atau total dengan --row-totals/--column-totals'), hint: L('e.g. jamsostek breakdown --year 2024', 'mis. jamsostek breakdown --year 2024') };
    case 'hamilton-matrix':
      return { message: L('a matrix (two crossed --by columns) needs a divisor method', 'matriks (dua kolom --by bersilang) memerlukan metode pembagi'), hint: L(`use --method ${orList(DIVISOR_METHOD_NAMES, 'or')}`, `gunakan --method ${orList(DIVISOR_METHOD_NAMES, 'atau')}`) };
  }
}
