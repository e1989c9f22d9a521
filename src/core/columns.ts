// Header names → what a column is. One alias table (Indonesian and English spellings), one way to
// normalise a name, and one function that gives a column its role for a load.

import { SEGMENTS, type Segment } from './domain.js';
import type { KeyKind, MeasureKind } from './table.js';

/** `Peserta Aktif` → `peserta_aktif`: case, spaces and punctuation do not matter. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-./()]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

const ALIASES = new Map<string, string>();
/** Spellings that exist so that the tool's own xlsx reports read back; not offered in hints. */
const REPORT_LABELS = new Set<string>();
const alias = (canonical: string, ...names: string[]): void => {
  for (const n of [canonical, ...names]) ALIASES.set(n, canonical);
};
const reportLabel = (canonical: string, ...names: string[]): void => {
  for (const n of names) {
    ALIASES.set(n, canonical);
    REPORT_LABELS.add(n);
  }
};
alias('province', 'provinsi', 'nama_provinsi', 'province_name', 'prov', 'propinsi');
alias('province_code', 'kode_provinsi', 'kode_prov', 'kd_prov', 'kode_propinsi', 'kode');
alias('kanwil', 'kantor_wilayah', 'regional_office');
alias('regency', 'kabupaten_kota', 'kab_kota', 'kabupaten', 'kota', 'kabkota', 'regency_city', 'city', 'kabupaten_atau_kota');
alias('regency_code', 'kode_kabupaten_kota', 'kode_kab_kota', 'kode_kabupaten', 'kd_kab', 'kode_kabkota');
alias('segment', 'segmen', 'segmen_peserta', 'program');
alias('sector', 'sektor', 'lapangan_usaha', 'kbli', 'sektor_usaha');
alias('period', 'periode', 'bulan', 'month', 'as_of');
alias('workforce', 'tenaga_kerja', 'pekerja', 'jumlah_pekerja', 'jumlah_tenaga_kerja', 'tk');
alias('employed', 'penduduk_bekerja', 'bekerja', 'employed_population');
alias('formal_employed', 'pekerja_formal', 'bekerja_formal');
alias('potential_workers', 'potensi_pekerja', 'pekerja_potensial', 'potensi_tenaga_kerja', 'potential');
alias('participants', 'peserta_aktif', 'peserta', 'active_participants', 'jumlah_peserta', 'jumlah_peserta_aktif', 'tenaga_kerja_terlindungi');
alias('target', 'sasaran', 'target_peserta', 'target_peserta_aktif');
alias('total', 'jumlah');
alias('weight', 'bobot');
alias('milestone', 'tonggak');
alias('year', 'tahun', 'target_year', 'tahun_target');
alias('from', 'revised_from', 'berlaku_mulai', 'revisi_mulai');
alias('from_milestone', 'tonggak_awal_revisi');
// Which of a row's figures are estimates (core/estimates.ts): read with the row, never a key.
alias('estimated', 'estimasi', 'perkiraan', 'estimate', 'estimates', 'diperkirakan', 'figures_estimated');
// The tool's own reports, read back: an xlsx report shows its columns by their labels.
reportLabel('province_code', 'code', 'code_bps', 'kode_bps');
reportLabel('period', 'baseline_month', 'bulan_awal');
reportLabel('employed', 'workforce_employed', 'tenaga_kerja_bekerja');
reportLabel('potential_workers', 'workforce_potential', 'tenaga_kerja_potensi');
reportLabel('participants', 'participants_today', 'peserta_saat_ini');
reportLabel('target', 'december_target', 'target_desember');
reportLabel('milestone', 'milestone_this_month', 'tonggak_bulan_ini');
reportLabel('level', 'tingkat');
// breakdown with a revised series: where the revised path starts (xlsx shows the column by its label).
reportLabel('from_milestone', 'milestone_before_revision', 'tonggak_sebelum_revisi');
alias('coverage', 'cakupan', 'persentase_cakupan', 'coverage_pct', 'persen_cakupan');
alias('employer_id', 'npp', 'kode_perusahaan', 'nomor_pendaftaran_perusahaan');
alias('participant_id', 'kpj', 'no_kpj', 'nomor_kpj', 'nomor_peserta');
for (const s of SEGMENTS) alias(`participants_${s.toLowerCase()}`, `peserta_${s.toLowerCase()}`);

/**
 * Labels with a month in them, of the tool's own reports: `breakdown --months` shows its baseline column
 * as "baseline 2023-12" ("awal 2023-12"), while its `estimated` cells name it `baseline`.
 */
const REPORT_PATTERNS: readonly (readonly [RegExp, string])[] = [[/^(?:baseline|awal)_\d{4}_\d{2}$/, 'baseline']];

const reportPattern = (n: string): string | undefined => REPORT_PATTERNS.find(([re]) => re.test(n))?.[1];

/** The canonical name of a header or of a column named in a flag (`--by Cabang` → `cabang`). */
export function canonicalColumn(h: string): string {
  const n = normaliseHeader(h);
  return ALIASES.get(n) ?? reportPattern(n) ?? n;
}

/** Spellings accepted for a canonical column (for hints). */
export function aliasesOf(canonical: string): string[] {
  const out: string[] = [];
  for (const [a, c] of ALIASES) if (c === canonical && a !== canonical && !REPORT_LABELS.has(a)) out.push(a);
  return out;
}

/** Is this header one of the names the tool knows (for finding the header row of a workbook)? */
export function isKnownColumn(h: string): boolean {
  const n = normaliseHeader(h);
  return ALIASES.has(n) || reportPattern(n) !== undefined;
}

/** The dimensions the tool knows, by their domain. */
export const KNOWN_DIMS: ReadonlyMap<string, KeyKind> = new Map<string, KeyKind>([
  ['province', 'province'],
  ['regency', 'regency'],
  ['segment', 'segment'],
  ['period', 'period'],
  ['kanwil', 'kanwil'],
  ['sector', 'text'],
]);

/** Count columns the tool knows (whole numbers of people). */
export const COUNT_COLUMNS: ReadonlySet<string> = new Set([
  'workforce', 'employed', 'formal_employed', 'potential_workers', 'participants', 'target', 'total', 'milestone', 'baseline',
]);

export const SEGMENT_COLUMNS: ReadonlyMap<string, Segment> = new Map(SEGMENTS.map((s) => [`participants_${s.toLowerCase()}`, s]));

/**
 * Columns of the tool's own outputs that are computed, not data: an input with one of these as a key
 * (--by) would collide with the output column of the same name.
 */
export const OUTPUT_COLUMNS: ReadonlySet<string> = new Set([
  'level', 'denominator', 'participants', 'coverage', 'uncovered', 'target', 'target_coverage', 'gap', 'achievement',
  'milestone', 'run_rate', 'status', 'change', 'coverage_change_pp', 'weight', 'min', 'max', 'increase', 'share', 'bound',
  'baseline', 'progress_needed', 'province_code', 'pace', 'projected', 'projected_gap', 'projected_status', 'estimated',
]);

export type ColumnRole =
  | { readonly kind: 'dim'; readonly dim: string; readonly keyKind: KeyKind; readonly part?: 'code' | 'name' }
  | { readonly kind: 'measure'; readonly measure: string; readonly measureKind: MeasureKind }
  | { readonly kind: 'segment-part'; readonly segment: Segment }
  | { readonly kind: 'percent' }
  | { readonly kind: 'id'; readonly id: 'participant_id' | 'employer_id' }
  | { readonly kind: 'level' }
  /** The row's figures that are estimates (core/estimates.ts). */
  | { readonly kind: 'estimated' }
  | { readonly kind: 'ignored' };

export interface ColumnWants {
  /** Dimensions named by the command (--by), by canonical name. */
  readonly dims: readonly string[];
  /** Measures the command reads, by canonical name. */
  readonly measures: ReadonlyMap<string, MeasureKind>;
  /** Read participants_pu … as segment rows. */
  readonly segmentParts: boolean;
  /** Check percentage columns (coverage) as numbers. */
  readonly percents: boolean;
  /** How the period column is read: a month (YYYY-MM), or a profile month (1–12 or YYYY-MM). */
  readonly periodKind: 'period' | 'month';
  /** Dimensions whose empty cell is the key '' ("none": a targets file's `from` of an original target), not an error. */
  readonly optionalDims?: readonly string[];
  /** Dimensions whose empty cell means the row is not split by it, as if the file had no such column (a targets file's baseline `period`). */
  readonly blankDims?: readonly string[];
  /**
   * What a column named `denominator` is read as (the tool's own csv, tsv and json reports name their
   * denominator column so): the run's denominator (`given`: named by --denominator), unless the file
   * says which it is (a json report's `meta.denominator`). Absent: such a column is ignored.
   */
  readonly denominator?: { readonly measure: string; readonly given: boolean };
  /**
   * The denominators the run divides by, when named before reading (--denominator, --compare's); absent:
   * the first of DENOMINATORS a file has, as chooseDenominator takes it. With `uses` (the columns a rule
   * names: --basis, --min, --max), the denominator columns the run reads: a blank or 0 in another is not
   * refused (the file's other measures, or the file's own denominators beside --workforce's; rv27 F7).
   */
  readonly divides?: readonly string[];
  readonly uses?: readonly string[];
}

/** The name of the tool's own reports for their denominator column (csv, tsv and json keys). */
export const GENERIC_DENOMINATOR = 'denominator';

/** What a column is for this load. Known key columns are always keys; others only when named. */
/** A participant or employer id: a file with one is an extract (its rows are added up). */
export function isIdColumn(canonical: string): canonical is 'participant_id' | 'employer_id' {
  return canonical === 'participant_id' || canonical === 'employer_id';
}

export function roleOf(canonical: string, wants: ColumnWants): ColumnRole {
  if (canonical === 'province') return { kind: 'dim', dim: 'province', keyKind: 'province', part: 'name' };
  if (canonical === 'province_code') return { kind: 'dim', dim: 'province', keyKind: 'province', part: 'code' };
  if (canonical === 'regency') return { kind: 'dim', dim: 'regency', keyKind: 'regency', part: 'name' };
  if (canonical === 'regency_code') return { kind: 'dim', dim: 'regency', keyKind: 'regency', part: 'code' };
  if (canonical === 'period') return { kind: 'dim', dim: 'period', keyKind: wants.periodKind };
  if (canonical === 'level') return wants.dims.includes('level') ? { kind: 'dim', dim: 'level', keyKind: 'text' } : { kind: 'level' };
  if (canonical === 'estimated') return { kind: 'estimated' };
  const known = KNOWN_DIMS.get(canonical);
  if (known) return { kind: 'dim', dim: canonical, keyKind: known };
  const want = wants.measures.get(canonical);
  if (want) return { kind: 'measure', measure: canonical, measureKind: want };
  // A report's `denominator` column (unless the command reads a column of that name itself, above).
  if (canonical === GENERIC_DENOMINATOR && wants.denominator) return { kind: 'measure', measure: wants.denominator.measure, measureKind: wants.measures.get(wants.denominator.measure) ?? 'count' };
  if (wants.dims.includes(canonical)) return { kind: 'dim', dim: canonical, keyKind: 'text' };
  const seg = SEGMENT_COLUMNS.get(canonical);
  if (seg && wants.segmentParts) return { kind: 'segment-part', segment: seg };
  if (canonical === 'coverage' && wants.percents) return { kind: 'percent' };
  if (isIdColumn(canonical)) return { kind: 'id', id: canonical };
  return { kind: 'ignored' };
}
