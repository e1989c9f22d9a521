// The report's meta (JSON `meta`) for people: nested facts flattened into labelled rows, every label
// and every known value in the report language. The xlsx meta sheet, the HTML "about" list and the
// Markdown footnotes all draw these rows; JSON keeps the machine keys.
//
// Keys and values come partly from data (province names under `rowTotals`, file names), so every
// lookup goes through a Map: a province called `constructor` is a label, not a built-in.

import { formatHuman } from './format.js';
import { dimLabel as keyLabel } from '../report/vocabulary.js';
import type { Lang, ReportNote } from '../report/model.js';

type Words = { readonly en: string; readonly id: string };
export type MetaKind = 'text' | 'int' | 'number' | 'pct';

interface KeyWords extends Words {
  /** How a number under this key is shown ('text': as digits, e.g. a year). Unset: whole numbers as counts, others as plain numbers. */
  readonly kind?: MetaKind;
  /** The label of one element of a list of objects under this key ("input 1"). */
  readonly item?: Words;
  /** The keys of this object are data (province names, segments): shown as they are. */
  readonly dataKeys?: boolean;
}

const KEYS = new Map<string, KeyWords>([
  ['command', { en: 'command', id: 'perintah' }],
  ['total', { en: 'total target', id: 'target total', kind: 'int' }],
  ['year', { en: 'year', id: 'tahun', kind: 'text' }],
  ['interpolated', { en: 'interpolated between known years', id: 'interpolasi antar tahun' }],
  ['targetSource', { en: 'target from', id: 'sumber target' }],
  ['method', { en: 'rounding method', id: 'metode pembulatan' }],
  ['methodName', { en: 'method name', id: 'nama metode' }],
  ['mode', { en: 'mode', id: 'mode' }],
  ['basis', { en: 'weights', id: 'dasar bobot' }],
  ['basisElsewhere', { en: 'weights elsewhere (where the rule\'s are not known)', id: 'dasar bobot di tingkat lain (bila dasar aturan tidak diketahui)', item: { en: 'level', id: 'tingkat' } }],
  ['denominator', { en: 'denominator', id: 'penyebut' }],
  ['denominatorSource', { en: 'denominator from', id: 'sumber penyebut' }],
  ['by', { en: 'grouped by', id: 'dikelompokkan per' }],
  ['baselinePeriod', { en: 'baseline month', id: 'bulan awal' }],
  ['period', { en: 'period', id: 'periode' }],
  ['previousPeriod', { en: 'previous period', id: 'periode sebelumnya' }],
  ['targets', { en: 'targets', id: 'target' }],
  ['targetYear', { en: 'target year', id: 'tahun target', kind: 'text' }],
  ['targetsBaselinePeriod', { en: 'baseline month of the targets', id: 'bulan awal target' }],
  ['monthsLeft', { en: 'months left', id: 'sisa bulan', kind: 'int' }],
  ['atRiskMargin', { en: 'at-risk margin', id: 'ambang berisiko', kind: 'pct' }],
  ['extract', { en: 'participant extract', id: 'ekstrak peserta' }],
  ['rowsRead', { en: 'rows read', id: 'baris dibaca', kind: 'int' }],
  ['inputs', { en: 'inputs', id: 'berkas masukan', item: { en: 'input', id: 'masukan' } }],
  ['name', { en: 'file', id: 'berkas' }],
  ['scope.name', { en: 'name', id: 'nama' }],
  ['scopeText', { en: 'scope', id: 'cakupan wilayah' }],
  ['targetYearFrom', { en: 'target year from', id: 'asal tahun target' }],
  ['targetRows', { en: 'rows with a target', id: 'baris bertarget' }],
  ['targetRows.with', { en: 'with a target', id: 'bertarget' }],
  ['of', { en: 'of', id: 'dari' }],
  ['revision', { en: 'revision', id: 'revisi' }],
  ['revision.from', { en: 'in force from', id: 'berlaku sejak' }],
  ['revision.before', { en: 'total before it', id: 'total sebelumnya' }],
  ['revision.asOf', { en: 'as of', id: 'per' }],
  ['revision.fileFrom', { en: 'in the targets file from', id: 'dalam berkas target sejak' }],
  ['rule', { en: 'rule', id: 'aturan' }],
  ['view', { en: 'view', id: 'tampilan' }],
  ['months', { en: 'months', id: 'jumlah bulan', kind: 'int' }],
  ['phasing', { en: 'phasing', id: 'pentahapan' }],
  ['firstMonth', { en: 'first month', id: 'bulan pertama' }],
  ['lastMonth', { en: 'last month', id: 'bulan terakhir' }],
  ['likeForLike', { en: 'like for like', id: 'sebanding' }],
  ['likeForLike.both', { en: 'reported in both months', id: 'melapor di kedua bulan', kind: 'int' }],
  ['likeForLike.missing', { en: 'not reported now', id: 'tidak melapor sekarang' }],
  ['likeForLike.added', { en: 'reported now, not then', id: 'melapor sekarang, tidak sebelumnya' }],
  ['likeForLike.parts', { en: 'compared by', id: 'dibandingkan per' }],
  ['trend', { en: 'trend', id: 'tren' }],
  ['trend.months', { en: 'months', id: 'bulan' }],
  ['trend.paceWindow', { en: 'pace window (months)', id: 'jendela laju (bulan)', kind: 'int' }],
  ['trend.projectedTo', { en: 'projected to', id: 'diproyeksikan ke' }],
  ['shown', { en: 'rows shown', id: 'baris ditampilkan' }],
  ['shown.sort', { en: 'sorted by', id: 'diurutkan menurut' }],
  ['shown.top', { en: 'top', id: 'teratas', kind: 'int' }],
  ['scope.kind', { en: 'kind', id: 'jenis' }],
  ['scope.dim', { en: 'areas are', id: 'wilayahnya berupa' }],
  ['scope.code', { en: 'code', id: 'kode' }],
  ['scope.areas', { en: 'areas reported', id: 'wilayah yang melapor', kind: 'int' }],
  ['scope.of', { en: 'areas in it', id: 'wilayah di dalamnya', kind: 'int' }],
  ['scope.provinces', { en: 'provinces', id: 'provinsi' }],
  ['scope.regencies', { en: 'regencies and cities', id: 'kabupaten/kota' }],
  ['sha256', { en: 'SHA-256', id: 'SHA-256' }],
  ['bytes', { en: 'size (bytes)', id: 'ukuran (bita)', kind: 'int' }],
  ['rows', { en: 'rows', id: 'baris', kind: 'int' }],
  ['format', { en: 'format', id: 'format' }],
  ['sheet', { en: 'sheet', id: 'lembar' }],
  ['delimiter', { en: 'delimiter', id: 'pemisah' }],
  ['numberLocale', { en: 'number format', id: 'format angka' }],
  ['encoding', { en: 'encoding', id: 'pengodean' }],
  ['codeSystem', { en: 'province code system', id: 'sistem kode provinsi' }],
  ['tieRule', { en: 'tie rule', id: 'aturan nilai seri' }],
  ['units', { en: 'units', id: 'jumlah unit', kind: 'int' }],
  ['current', { en: 'participants today', id: 'peserta saat ini', kind: 'int' }],
  ['increase', { en: 'increase', id: 'kenaikan', kind: 'int' }],
  ['explain', { en: 'how the target was split', id: 'cara pembagian target' }],
  ['divisor', { en: 'divisor', id: 'pembagi' }],
  ['low', { en: 'lowest', id: 'terendah', kind: 'number' }],
  ['high', { en: 'highest', id: 'tertinggi', kind: 'number' }],
  ['atMin', { en: 'at the lower bound', id: 'pada batas bawah' }],
  ['atMax', { en: 'at the upper bound', id: 'pada batas atas' }],
  ['heldAtCurrent', { en: 'held at today', id: 'ditahan pada angka saat ini' }],
  ['ties', { en: 'ties', id: 'nilai seri' }],
  ['rowTotals', { en: 'row totals', id: 'total baris', kind: 'int', dataKeys: true }],
  ['columnTotals', { en: 'column totals', id: 'total kolom', kind: 'int', dataKeys: true }],
  ['columnDivisors', { en: 'column divisors', id: 'pembagi kolom', kind: 'number', dataKeys: true }],
  ['rowMultipliers', { en: 'row multipliers', id: 'pengali baris', kind: 'number', dataKeys: true }],
  ['transfers', { en: 'transfers', id: 'pemindahan', kind: 'int' }],
  ['scalings', { en: 'scalings', id: 'penskalaan', kind: 'int' }],
  ['notes', { en: 'notes', id: 'catatan' }],
  ['shape', { en: 'shape', id: 'bentuk' }],
  ['levels', { en: 'levels', id: 'tingkat', item: { en: 'level', id: 'tingkat' } }],
  ['grain', { en: 'split by', id: 'dibagi per' }],
  ['scope', { en: 'within', id: 'di dalam' }],
  ['held', { en: 'held at today', id: 'ditahan pada angka saat ini' }],
  ['tiedCells', { en: 'tied cells', id: 'sel bernilai seri' }],
  ['rowTotalsGiven', { en: 'row totals given', id: 'total baris diberikan' }],
  ['columnTotalsGiven', { en: 'column totals given', id: 'total kolom diberikan' }],
  // breakdown --compare (a key under a list, e.g. variants.name, is looked up as list.key first)
  ['compare', { en: 'compared', id: 'dibandingkan' }],
  ['variants', { en: 'variants', id: 'varian', item: { en: 'variant', id: 'varian' } }],
  ['variants.name', { en: 'variant', id: 'varian' }],
  ['label', { en: 'name', id: 'nama' }],
  // coverage --compare-targets: each plan (meta.plans[]), its targets and its revision (below, by parent key)
  ['plans', { en: 'plans compared', id: 'rencana yang dibandingkan', item: { en: 'plan', id: 'rencana' } }],
  ['plans.name', { en: 'column suffix', id: 'akhiran kolom' }],
  ['plans.label', { en: 'plan', id: 'rencana' }],
  ['targets.with', { en: 'with a target', id: 'bertarget' }],
  ['column', { en: 'column', id: 'kolom' }],
  ['choices', { en: 'compared values', id: 'nilai yang dibandingkan' }],
  ['min', { en: 'lower bound', id: 'batas bawah' }],
  ['max', { en: 'upper bound', id: 'batas atas' }],
  ['maxCoverage', { en: 'max coverage', id: 'cakupan maksimum', kind: 'pct' }],
  ['words', { en: 'the rule in words', id: 'aturan dalam kata-kata' }],
  ['changedUnits', { en: 'units that change', id: 'unit yang berubah', kind: 'int' }],
  ['summary', { en: 'summary', id: 'ringkasan', item: { en: 'against the first', id: 'dibanding yang pertama' } }],
  ['variant', { en: 'variant', id: 'varian' }],
  ['against', { en: 'against', id: 'dibanding' }],
  ['gainsMost', { en: 'gains most', id: 'naik paling banyak' }],
  ['losesMost', { en: 'loses most', id: 'turun paling banyak' }],
  ['largestChange', { en: 'largest change (people)', id: 'perubahan terbesar (orang)' }],
  ['largestChangePct', { en: 'largest change (%)', id: 'perubahan terbesar (%)' }],
  ['unit', { en: 'unit', id: 'unit' }],
  ['people', { en: 'people', id: 'orang', kind: 'int' }],
  ['pct', { en: 'change (%)', id: 'perubahan (%)', kind: 'pct' }],
]);

/** Values that are words of ours (tokens of flags), per key. Other values are shown as they are. */
const VALUES = new Map<string, Map<string, Words>>([
  [
    'denominator',
    new Map([
      ['employed', { en: 'employed population (Sakernas)', id: 'penduduk bekerja (Sakernas)' }],
      ['potential_workers', { en: 'potential workers', id: 'potensi pekerja' }],
      ['workforce', { en: 'workforce', id: 'tenaga kerja' }],
    ]),
  ],
  [
    'basis',
    new Map([
      ['uncovered', { en: 'uncovered (denominator − participants)', id: 'belum terlindungi (penyebut − peserta)' }],
      ['workforce', { en: 'workforce', id: 'tenaga kerja' }],
      ['participants', { en: 'participants', id: 'peserta' }],
      ['equal', { en: 'equal', id: 'sama rata' }],
    ]),
  ],
  [
    'mode',
    new Map([
      ['gap', { en: "gap (today's participants plus a share of the increase, in proportion to the weights)", id: 'selisih (peserta saat ini ditambah porsi kenaikan, sebanding dengan bobot)' }],
      ['level', { en: 'level (targets in proportion to the weights)', id: 'tingkat (target sebanding dengan bobot)' }],
    ]),
  ],
  ['denominatorSource', new Map([['input', { en: 'the input file', id: 'berkas masukan' }]])],
  // A rule's bounds (meta.rule.min/max: `today`, `denominator`, `none`, a number or a column).
  ['min', new Map([['default', { en: "today's participants (the default)", id: 'peserta saat ini (bawaan)' }], ['today', { en: "today's participants", id: 'peserta saat ini' }], ['none', { en: 'none', id: 'tidak ada' }]])],
  ['max', new Map([['default', { en: 'the denominator (the default)', id: 'penyebut (bawaan)' }], ['denominator', { en: 'the denominator', id: 'penyebut' }], ['none', { en: 'none', id: 'tidak ada' }]])],
  [
    'shape',
    new Map([
      ['flat', { en: 'one list', id: 'satu daftar' }],
      ['nested', { en: 'nested levels', id: 'bertingkat' }],
      ['matrix', { en: 'matrix (rows × columns)', id: 'matriks (baris × kolom)' }],
    ]),
  ],
  [
    'targetYearFrom',
    new Map([
      ['file', { en: 'the targets file', id: 'berkas target' }],
      ['flag', { en: '--year', id: '--year' }],
      ['months', { en: 'the months of the targets', id: 'bulan-bulan target' }],
      ['plan', { en: 'the plan of --year', id: 'rencana --year' }],
      ['deduced', { en: "deduced from the report's month", id: 'disimpulkan dari bulan laporan' }],
      ['unknown', { en: 'not stated (no year, no month)', id: 'tidak disebut (tanpa tahun, tanpa bulan)' }],
    ]),
  ],
  ['view', new Map([['trend', { en: 'trend (month by month)', id: 'tren (bulan demi bulan)' }]])],
  ['phasing', new Map([['even', { en: 'even (the same step every month)', id: 'merata (langkah yang sama tiap bulan)' }]])],
  ['codeSystem', new Map([['kemendagri', { en: 'Kemendagri', id: 'Kemendagri' }], ['bps', { en: 'BPS', id: 'BPS' }], ['auto', { en: 'detected', id: 'dikenali otomatis' }]])],
  [
    'numberLocale',
    new Map([
      ['en', { en: 'English (256,129.5)', id: 'Inggris (256,129.5)' }],
      ['id', { en: 'Indonesian (256.129,5)', id: 'Indonesia (256.129,5)' }],
    ]),
  ],
  [
    'delimiter',
    new Map([
      [',', { en: 'comma (,)', id: 'koma (,)' }],
      [';', { en: 'semicolon (;)', id: 'titik koma (;)' }],
      ['\t', { en: 'tab', id: 'tab' }],
      ['|', { en: 'vertical bar (|)', id: 'garis tegak (|)' }],
    ]),
  ],
  [
    'tieRule',
    new Map([
      [
        'equal claims go to the larger weight, then to the row first in input order',
        { en: 'equal claims go to the larger weight, then to the row first in input order', id: 'klaim yang sama diberikan ke bobot yang lebih besar, lalu ke baris yang lebih dulu di masukan' },
      ],
    ]),
  ],
]);

/** Maps keyed by data with more entries than this are shown as one line. */
const INLINE_AFTER = 8;

const YES: Words = { en: 'yes', id: 'ya' };
const NO: Words = { en: 'no', id: 'tidak' };
const NONE: Words = { en: 'none', id: 'tidak ada' };
const NATIONAL: Words = { en: 'national', id: 'nasional' };

/**
 * The words of ours in a targets source (app/targets.ts writes it in English for JSON), in `lang`:
 * "gap mode", "revised from 2024-07", "interpolated between 2024 and 2026", "original". File names,
 * scenarios and sources are shown as they are.
 */
function targetsSourceWords(source: string, lang: Lang): string {
  if (lang === 'en') return source;
  return source
    .replace(/, (gap|level) mode\)$/, (_m, mode: string) => `, mode ${mode === 'gap' ? 'selisih' : 'tingkat'})`)
    .replace(/\binterpolated between (\d{4}) and (\d{4})/g, 'diinterpolasi antara $1 dan $2')
    .replace(/\brevised from (\d{4}-\d{2})/g, 'direvisi mulai $1')
    .replace(/: original\)/g, ': awal)');
}

/** One readable row: a heading (a group such as "input 1") or a label with its value. */
export interface MetaLine {
  /** The machine path, e.g. ['inputs', '0', 'sha256'] (for tests and anchors). */
  readonly path: readonly string[];
  readonly label: string;
  /** Text already in the report language, a number (shown by `kind`), or null for "no value". */
  readonly value: string | number | null;
  readonly kind: MetaKind;
  /** 0 for top-level facts; one more per group. */
  readonly depth: number;
  /** A group's title row: no value, the rows below it are its members. */
  readonly heading: boolean;
  /** The label is one of ours (false: a data key or a key this vocabulary does not know yet). */
  readonly known: boolean;
}

/** A value that is already in words in both languages ({ en, id }) is shown in the report language. */
function isWords(v: unknown): v is Words {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 2 && typeof (v as Words).en === 'string' && typeof (v as Words).id === 'string';
}

/** "baselinePeriod" → "baseline period": for keys this vocabulary does not know yet. */
function humanise(key: string): string {
  return key.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, (_m, a: string, b: string) => `${a} ${b.toLowerCase()}`);
}

/** Flatten `meta` into readable rows in `lang`, in the order of its keys. */
export function metaLines(meta: Readonly<Record<string, unknown>>, lang: Lang): MetaLine[] {
  const out: MetaLine[] = [];
  const visit = (key: string, value: unknown, path: readonly string[], depth: number, parent: KeyWords | undefined, labelOverride?: string): void => {
    // A key is looked up under its top-level key, then under its parent's (a list's index skipped:
    // plans.0.revision.asOf is revision.asOf), then alone.
    const parentKey = path.slice(0, -1).reverse().find((k) => !/^\d+$/.test(k));
    const words = parent?.dataKeys ? undefined : (KEYS.get(`${path[0]}.${key}`) ?? (parentKey !== undefined ? KEYS.get(`${parentKey}.${key}`) : undefined) ?? KEYS.get(key));
    const known = labelOverride !== undefined || words !== undefined;
    const label = labelOverride ?? (words ? words[lang] : parent?.dataKeys ? key : humanise(key));
    const kind = words?.kind ?? parent?.kind;
    const line = (v: string | number | null, k: MetaKind = 'text'): void => {
      out.push({ path, label, value: v, kind: k, depth, heading: false, known: known || Boolean(parent?.dataKeys) });
    };
    // The scope in words is the title's, in the report's language (the JSON keeps it for machines).
    if (key === 'scopeText' && depth === 0) return;
    if (value === null || value === undefined) return line(null);
    if (typeof value === 'bigint') return line(Number(value), 'int');
    // A year is a name, not a count: 2024, never 2.024.
    if (typeof value === 'number') return kind === 'text' ? line(String(value)) : line(value, kind ?? (Number.isInteger(value) ? 'int' : 'number'));
    if (typeof value === 'boolean') return line((value ? YES : NO)[lang]);
    if (typeof value === 'string') {
      // A command name is code, not a word: shown as the command line a reader would type.
      if (key === 'command' && depth === 0) return line(`jamsostek ${value}`);
      // A scope's kind and its areas are dimensions: "province", "regency/city" in the report's language.
      if (path[0] === 'scope' && (key === 'kind' || key === 'dim')) return line((value === 'national' ? NATIONAL : keyLabel(value))[lang]);
      // How the targets were made, as the JSON says it ("breakdown --year 2024 (…, webster, gap mode)"): its words in the report's language.
      if ((key === 'targets' || key === 'targetSource') && depth === 0) return line(targetsSourceWords(value, lang));
      const vocab = VALUES.get(key)?.get(value);
      return line(vocab ? vocab[lang] : value);
    }
    if (isWords(value)) return line(value[lang]);
    if (Array.isArray(value)) {
      if (value.length === 0) return line(NONE[lang]);
      if ((key === 'by' || key === 'grain') && value.every((v) => typeof v === 'string')) return line((value as string[]).map((k) => keyLabel(k)[lang]).join(' × '));
      if (value.every((v) => typeof v === 'string' || typeof v === 'number' || isWords(v))) {
        return line(value.map((v) => (isWords(v) ? v[lang] : typeof v === 'number' ? String(v) : v)).join(', '));
      }
      out.push({ path, label, value: null, kind: 'text', depth, heading: true, known });
      const item = words?.item?.[lang] ?? label;
      value.forEach((v, i) => {
        const itemPath = [...path, String(i)];
        if (typeof v === 'object' && v !== null && !Array.isArray(v) && !isWords(v)) {
          out.push({ path: itemPath, label: `${item} ${i + 1}`, value: null, kind: 'text', depth: depth + 1, heading: true, known });
          for (const [k, x] of Object.entries(v as Record<string, unknown>)) visit(k, x, [...itemPath, k], depth + 2, undefined);
        } else {
          visit(key, v, itemPath, depth + 1, words, `${item} ${i + 1}`);
        }
      });
      return;
    }
    if (typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) return line(NONE[lang]);
      // A long map keyed by data (38 provinces' row totals) reads better, and prints on far fewer
      // pages, as one paragraph: "Aceh 740.097 · Sumatera Utara 2.517.710 · …".
      if (words?.dataKeys && entries.length > INLINE_AFTER && entries.every(([, x]) => typeof x === 'number' || typeof x === 'string')) {
        const show = (x: unknown): string => (typeof x === 'number' ? formatHuman(x, words.kind === 'int' ? 'int' : 'number', lang) : String(x));
        return line(entries.map(([k, x]) => `${k} ${show(x)}`).join(' · '));
      }
      out.push({ path, label, value: null, kind: 'text', depth, heading: true, known });
      for (const [k, x] of entries) visit(k, x, [...path, k], depth + 1, words);
      return;
    }
    line(String(value));
  };
  for (const [k, v] of Object.entries(meta)) {
    // Notes are shown on their own (report.notes); the JSON copy is for machines.
    if (k === 'notes') continue;
    visit(k, v, [k], 0, undefined);
  }
  return out;
}

/** The words for a value of ours under `key` (e.g. denominator `employed`), or the value itself. */
export function metaValueWords(key: string, value: string, lang: Lang): string {
  return VALUES.get(key)?.get(value)?.[lang] ?? value;
}

/** The section titles every human format uses. */
export const SECTION = {
  about: { en: 'About this report', id: 'Tentang laporan ini' },
  warnings: { en: 'Warnings', id: 'Peringatan' },
  notes: { en: 'Notes', id: 'Catatan' },
  key: { en: 'item', id: 'butir' },
  value: { en: 'value', id: 'nilai' },
} as const;

/**
 * The report's notes in the sections every human format shows them in: the warnings (what the command
 * line says as `warning:`) under their own heading before the other notes, each in the report's order.
 */
export function noteSections(notes: readonly ReportNote[] | undefined): { readonly title: Words; readonly kind: 'warning' | 'note'; readonly notes: readonly ReportNote[] }[] {
  const warnings = (notes ?? []).filter((n) => n.kind === 'warning');
  const rest = (notes ?? []).filter((n) => n.kind !== 'warning');
  return [
    ...(warnings.length ? [{ title: SECTION.warnings, kind: 'warning' as const, notes: warnings }] : []),
    ...(rest.length ? [{ title: SECTION.notes, kind: 'note' as const, notes: rest }] : []),
  ];
}

/** One line of the most important facts for people: target, method, mode, denominator, period. */
export function describeMeta(meta: Readonly<Record<string, unknown>>, lang: Lang): string {
  const parts: string[] = [];
  const L = (en: string, id: string): string => (lang === 'id' ? id : en);
  const text = (key: string): string | undefined => (typeof meta[key] === 'string' && meta[key] ? metaValueWords(key, meta[key], lang) : undefined);
  const total = typeof meta['total'] === 'bigint' ? Number(meta['total']) : meta['total'];
  if (typeof total === 'number') parts.push(`${L('target', 'target')} ${formatHuman(total, 'int', lang)}${meta['interpolated'] ? L(' (interpolated)', ' (interpolasi)') : ''}`);
  const method = typeof meta['methodName'] === 'string' ? meta['methodName'] : text('method');
  if (method) parts.push(`${L('method', 'metode')} ${method}`);
  const mode = meta['mode'] === 'gap' ? L('gap', 'selisih') : meta['mode'] === 'level' ? L('level', 'tingkat') : text('mode');
  if (mode) parts.push(`${L('mode', 'mode')} ${mode}`);
  const denominator = text('denominator');
  if (denominator) parts.push(`${L('denominator', 'penyebut')}: ${denominator}`);
  const period = text('period');
  if (period) parts.push(`${L('period', 'periode')} ${period}`);
  return parts.join(' · ');
}
