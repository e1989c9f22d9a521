// From raw rows to validated records: header aliases, number locale, provinces, segments, periods,
// and every rule from the input contract. All problems in a file are collected (up to --max-errors)
// and reported together; nothing is computed from a file with errors.

import { InputError, ProblemList, type Diagnostic } from '../errors.js';
import { parsePeriod, resolveSegment, SEGMENTS, type Period, type Segment } from '../core/types.js';
import { editDistance, provinceRegistry, type CodeSystem, type Province } from './areas.js';
import { detectNumberLocale, parseCount, parseNumber, type NumberLocale } from './numbers.js';
import { readTable, type Cell, type RawTable, type ReadOptions, type SourceInfo } from './read-input.js';

export type LocaleOption = NumberLocale | 'auto';

export interface LoadOptions extends ReadOptions {
  readonly numberLocale?: LocaleOption;
  readonly codeSystem?: CodeSystem;
  readonly allowOverCoverage?: boolean;
  /** Further columns (by header name, any spelling) to read as numbers, e.g. a --basis column. */
  readonly numericColumns?: readonly string[];
  /** Read only these numeric columns as numbers (others as text): e.g. a targets file needs `target`. */
  readonly numericOnly?: readonly string[];
  /** Canonical columns that must be present, with what they are needed for. */
  readonly required?: readonly { column: string; why: string }[];
}

export interface DataRecord {
  readonly file: string;
  readonly line: number;
  readonly province?: Province;
  readonly regency?: string;
  readonly segment?: Segment;
  readonly sector?: string;
  readonly period?: Period;
  readonly kanwil?: string;
  /** Counts and other numbers by canonical column name. */
  readonly values: Record<string, number>;
  /** Any other text columns by canonical name (usable with --by <column>). */
  readonly text: Record<string, string>;
}

export interface LoadedSource extends SourceInfo {
  readonly numberLocale: NumberLocale;
  readonly rows: number;
  readonly columns: string[];
}

export interface Dataset {
  readonly records: DataRecord[];
  readonly sources: LoadedSource[];
}

/** Header spellings (after normalising case, spaces and punctuation) → canonical column. */
const HEADER_ALIASES: Record<string, string> = {};
const addAliases = (canonical: string, ...names: string[]): void => {
  for (const n of [canonical, ...names]) HEADER_ALIASES[n] = canonical;
};
addAliases('province', 'provinsi', 'nama_provinsi', 'province_name', 'prov', 'propinsi');
addAliases('province_code', 'kode_provinsi', 'kode_prov', 'kd_prov', 'kode_propinsi', 'kode');
addAliases('kanwil', 'kantor_wilayah', 'regional_office');
addAliases('regency', 'kabupaten_kota', 'kab_kota', 'kabupaten', 'kota', 'kabkota', 'regency_city', 'city', 'kabupaten_atau_kota');
addAliases('segment', 'segmen', 'segmen_peserta', 'program');
addAliases('sector', 'sektor', 'lapangan_usaha', 'kbli', 'sektor_usaha');
addAliases('period', 'periode', 'bulan', 'month', 'as_of');
addAliases('workforce', 'tenaga_kerja', 'pekerja', 'jumlah_pekerja', 'jumlah_tenaga_kerja', 'tk');
addAliases('employed', 'penduduk_bekerja', 'bekerja', 'employed_population');
addAliases('formal_employed', 'pekerja_formal', 'bekerja_formal');
addAliases('potential_workers', 'potensi_pekerja', 'pekerja_potensial', 'potensi_tenaga_kerja', 'potential');
addAliases('participants', 'peserta_aktif', 'peserta', 'active_participants', 'jumlah_peserta', 'jumlah_peserta_aktif', 'tenaga_kerja_terlindungi');
addAliases('target', 'sasaran', 'target_peserta', 'target_peserta_aktif');
addAliases('coverage', 'cakupan', 'persentase_cakupan', 'coverage_pct', 'persen_cakupan');
addAliases('employer_id', 'npp', 'kode_perusahaan', 'nomor_pendaftaran_perusahaan');
addAliases('participant_id', 'kpj', 'no_kpj', 'nomor_kpj', 'nomor_peserta');
for (const s of SEGMENTS) addAliases(`participants_${s.toLowerCase()}`, `peserta_${s.toLowerCase()}`);

export const COUNT_COLUMNS = new Set([
  'workforce', 'employed', 'formal_employed', 'potential_workers', 'participants', 'target',
  ...SEGMENTS.map((s) => `participants_${s.toLowerCase()}`),
]);
export const DENOMINATOR_COLUMNS = ['workforce', 'employed', 'potential_workers'] as const;
const PERCENT_COLUMNS = new Set(['coverage']);
export const ID_COLUMNS = new Set(['employer_id', 'participant_id']);
const KEY_COLUMNS = new Set(['province', 'province_code', 'kanwil', 'regency', 'segment', 'sector', 'period']);

export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-./()]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

export function canonicalColumn(h: string): string {
  const n = normaliseHeader(h);
  return HEADER_ALIASES[n] ?? n;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function cellText(v: Cell): string {
  return v === null ? '' : typeof v === 'string' ? v : String(v);
}

interface ColumnPlan {
  index: number;
  raw: string;
  canonical: string;
  kind: 'key' | 'count' | 'number' | 'percent' | 'id' | 'text';
}

/** Map a header to canonical columns; header problems are fatal for the file. */
export function planColumns(
  table: Pick<RawTable, 'header' | 'headerColumns' | 'rows'>,
  file: string,
  numericColumns: readonly string[],
  numericOnly?: readonly string[],
): ColumnPlan[] {
  const problems: Diagnostic[] = [];
  const seen = new Map<string, number>();
  const numeric = new Set(numericColumns.map(canonicalColumn));
  const plan: ColumnPlan[] = [];
  table.header.forEach((raw, index) => {
    const canonical = canonicalColumn(raw);
    const col = table.headerColumns[index] || undefined;
    if (canonical === '') {
      const used = table.rows.some((r) => cellText(r.values[index] ?? null).trim() !== '');
      if (used) problems.push({ file, line: 1, column: col, message: `column ${index + 1} has no name but holds values`, hint: 'give it a header' });
      return;
    }
    const before = seen.get(canonical);
    if (before !== undefined) {
      const same = normaliseHeader(table.header[before]!) === normaliseHeader(raw);
      problems.push({
        file,
        line: 1,
        column: col,
        message: same
          ? `column "${raw}" appears twice (fields ${before + 1} and ${index + 1})`
          : `columns "${table.header[before]}" (field ${before + 1}) and "${raw}" (field ${index + 1}) both mean "${canonical}"`,
        hint: 'keep one of them',
      });
      return;
    }
    seen.set(canonical, index);
    const kind: ColumnPlan['kind'] = KEY_COLUMNS.has(canonical)
      ? 'key'
      : COUNT_COLUMNS.has(canonical)
        ? 'count'
        : PERCENT_COLUMNS.has(canonical)
          ? 'percent'
          : ID_COLUMNS.has(canonical)
            ? 'id'
            : numeric.has(canonical)
              ? 'number'
              : 'text';
    plan.push({ index, raw, canonical, kind: numericOnly && (kind === 'count' || kind === 'percent' || kind === 'number') && !numericOnly.includes(canonical) ? 'text' : kind });
  });
  if (problems.length) throw new InputError(problems);
  return plan;
}

export function suggestColumn(wanted: string, present: readonly string[]): string | undefined {
  const aliases = Object.entries(HEADER_ALIASES)
    .filter(([, c]) => c === wanted)
    .map(([a]) => a);
  let best: { name: string; d: number } | undefined;
  for (const p of present) {
    const n = normaliseHeader(p);
    for (const a of aliases) {
      const d = editDistance(n, a);
      if (!best || d < best.d) best = { name: p, d };
    }
  }
  return best && best.d <= 3 ? best.name : undefined;
}

export function aliasesOf(canonical: string): string[] {
  return Object.entries(HEADER_ALIASES)
    .filter(([a, c]) => c === canonical && a !== canonical)
    .map(([a]) => a);
}

/** Turn one raw table into records, collecting every problem. */
export function buildRecords(table: RawTable, options: LoadOptions): { records: DataRecord[]; source: LoadedSource } {
  const file = table.source.name;
  const maxErrors = options.maxErrors ?? 50;
  const plan = planColumns(table, file, options.numericColumns ?? [], options.numericOnly);
  const byCanonical = new Map(plan.map((p) => [p.canonical, p]));
  const problems = new ProblemList(maxErrors);
  const add = (d: Diagnostic): void => problems.add(d);
  for (const req of options.required ?? []) {
    if (byCanonical.has(req.column)) continue;
    if (req.column === 'province' && byCanonical.has('province_code')) continue;
    const close = suggestColumn(req.column, table.header);
    add({
      file,
      line: 1,
      message: `missing column "${req.column}" (${req.why})`,
      hint: close
        ? `did you mean "${close}"? accepted names: ${[req.column, ...aliasesOf(req.column)].join(', ')}`
        : `accepted names: ${[req.column, ...aliasesOf(req.column)].join(', ')}`,
    });
  }
  if (problems.size) throw new InputError(problems.list());
  if (table.rows.length === 0) {
    throw new InputError({ file, message: 'no data rows (header only)', hint: 'fill in at least one row; jamsostek template writes a starting file' });
  }

  // Number locale: from the flag, or from unambiguous evidence in this file's numeric cells.
  const numericPlans = plan.filter((p) => p.kind === 'count' || p.kind === 'number' || p.kind === 'percent');
  let locale: NumberLocale;
  if (options.numberLocale && options.numberLocale !== 'auto') {
    locale = options.numberLocale;
  } else {
    const strings: string[] = [];
    for (const r of table.rows) for (const p of numericPlans) {
      const v = r.values[p.index];
      if (typeof v === 'string') strings.push(v);
    }
    const decision = detectNumberLocale(strings);
    if (decision.problem?.kind === 'ambiguous') {
      const ex = decision.problem.example;
      const read = (l: NumberLocale): string => {
        const r = parseNumber(ex, l, { allowPercent: true });
        return r.ok ? String(r.value) : '?';
      };
      throw new InputError({
        file,
        message: `cannot tell the number format: every number is like "${ex}", which reads as ${read('id')} in Indonesian (id) and ${read('en')} in English (en)`,
        hint: 'pass --number-locale id (256.129 = 256129) or --number-locale en (256,129 = 256129)',
      });
    }
    if (decision.problem?.kind === 'mixed') {
      throw new InputError({
        file,
        message: `the file mixes number formats: "${decision.problem.idExample}" is Indonesian (id) but "${decision.problem.enExample}" is English (en)`,
        hint: 'write all numbers one way, or pass --number-locale to say which',
      });
    }
    locale = decision.locale!;
  }

  const registry = provinceRegistry();
  const records: DataRecord[] = [];
  const get = (name: string): ColumnPlan | undefined => byCanonical.get(name);
  // jamsostek's own outputs carry a `level` column: their subtotal and total rows are not data.
  const levelPlan = get('level');
  for (const row of table.rows) {
    if (levelPlan) {
      const lv = cellText(row.values[levelPlan.index] ?? null).trim();
      if (lv === 'subtotal' || lv === 'total') continue;
    }
    const at = (p: ColumnPlan): { file: string; line: number; column?: number } => ({
      file,
      line: row.lines?.[p.index] ?? row.line,
      column: row.columns[p.index] || undefined,
    });
    let rowOk = true;
    const fail = (p: ColumnPlan | undefined, message: string, hint?: string): void => {
      rowOk = false;
      add({ ...(p ? at(p) : { file, line: row.line }), message, hint });
    };
    const values: Record<string, number> = {};
    const text: Record<string, string> = {};
    const broken = new Set<string>();
    for (const p of plan) {
      const v = row.values[p.index] ?? null;
      if (typeof v === 'string' && CONTROL.test(v)) {
        const ch = CONTROL.exec(v)![0].charCodeAt(0);
        fail(p, `control character U+${ch.toString(16).toUpperCase().padStart(4, '0')} in field "${p.raw}"`);
        broken.add(p.canonical);
        continue;
      }
      if (p.kind === 'count' || p.kind === 'number' || p.kind === 'percent') {
        if (v === null || (typeof v === 'string' && v.trim() === '')) {
          fail(p, `field "${p.raw}" is empty`, 'a blank count is not zero: write 0 if zero is meant');
          continue;
        }
        if (typeof v === 'boolean') {
          fail(p, `field "${p.raw}": expected a number, found ${v}`);
          continue;
        }
        if (typeof v === 'number') {
          if (p.kind === 'count' && (!Number.isSafeInteger(v) || v < 0)) fail(p, `field "${p.raw}": ${v} is not a whole non-negative number`);
          else values[p.canonical] = v;
          continue;
        }
        if (p.kind === 'count') {
          const r = parseCount(v, locale);
          if (r.ok) values[p.canonical] = r.value;
          else fail(p, `field "${p.raw}": "${v.trim()}" ${describeCountProblem(r.reason, locale)}`, r.reason.startsWith('not a valid') ? countHint(v, locale) : undefined);
        } else {
          const r = parseNumber(v, locale, { allowPercent: p.kind === 'percent' });
          if (r.ok) values[p.canonical] = r.value;
          else fail(p, `field "${p.raw}": "${v.trim()}" is ${r.reason}`, r.reason.startsWith('not a valid') ? countHint(v, locale) : undefined);
        }
        continue;
      }
      const t = cellText(v).trim();
      if (p.kind === 'key' || p.kind === 'id' || p.kind === 'text') text[p.canonical] = t;
    }
    // Keys.
    let province: Province | undefined;
    const codePlan = get('province_code');
    const namePlan = get('province');
    const code = text['province_code'];
    const name = text['province'];
    if (broken.has('province') || broken.has('province_code')) {
      // already reported
    } else if ((code ?? '') !== '' || (name ?? '') !== '') {
      const res = registry.resolve(code || undefined, name || undefined, options.codeSystem);
      if ('province' in res) province = res.province;
      else fail(namePlan ?? codePlan, res.message, res.hint);
    } else if (namePlan || codePlan) {
      fail(namePlan ?? codePlan, 'the province is empty');
    }
    let segment: Segment | undefined;
    const segPlan = get('segment');
    if (segPlan && !broken.has('segment')) {
      const raw = text['segment'] ?? '';
      segment = resolveSegment(raw);
      if (!segment) fail(segPlan, raw ? `unknown segment "${raw}"` : 'the segment is empty', `segments: ${SEGMENTS.join(', ')} (also: penerima upah, bukan penerima upah, jasa konstruksi, pekerja migran)`);
    }
    let period: Period | undefined;
    const perPlan = get('period');
    if (perPlan && !broken.has('period')) {
      const raw = text['period'] ?? '';
      period = parsePeriod(raw);
      if (!period) fail(perPlan, raw ? `"${raw}" is not a month` : 'the period is empty', 'write periods as YYYY-MM, e.g. 2024-06');
    }
    for (const [col, plan] of [['regency', get('regency')], ['sector', get('sector')]] as const) {
      if (plan && !text[col] && !broken.has(col)) fail(plan, `the ${col} is empty`);
    }
    // Participants cannot exceed a denominator unless allowed (published data sometimes do: firms
    // registered at a head office in one province with workers in another).
    if (rowOk && values['participants'] !== undefined && !options.allowOverCoverage) {
      for (const d of DENOMINATOR_COLUMNS) {
        const dv = values[d];
        if (dv !== undefined && values['participants'] > dv) {
          fail(get('participants'), `participants (${values['participants']}) exceed ${d} (${dv})`, 'check the row; pass --allow-over-coverage if this is real');
        }
      }
    }
    if (rowOk) {
      records.push({
        file,
        line: row.line,
        province,
        regency: text['regency'] || undefined,
        segment,
        sector: text['sector'] || undefined,
        period,
        kanwil: text['kanwil'] || province?.kanwil,
        values,
        text,
      });
    }
  }
  if (problems.size) throw new InputError(problems.list());
  return {
    records,
    source: { ...table.source, numberLocale: locale, rows: records.length, columns: plan.map((p) => p.canonical) },
  };
}

function describeCountProblem(reason: string, locale: NumberLocale): string {
  if (reason.startsWith('not a valid')) return `is not a valid ${locale === 'id' ? 'id-ID (Indonesian)' : 'en-US'} number`;
  return `: ${reason}`.replace(/^: /, 'is not a count: ');
}

function countHint(v: string, locale: NumberLocale): string | undefined {
  const t = v.trim();
  if (locale === 'id' && /^\d{1,3}(,\d{3})+$/.test(t)) return 'this looks like an English number; pass --number-locale en';
  if (locale === 'en' && /^\d{1,3}(\.\d{3})+$/.test(t)) return 'this looks like an Indonesian number; pass --number-locale id';
  if (locale === 'id') return 'Indonesian numbers group thousands with "." and use "," for decimals: 256.129 or 60,56';
  return 'English numbers group thousands with "," and use "." for decimals: 256,129 or 60.56';
}

/** The key that must be unique across all input files. */
export function recordKey(r: DataRecord): string {
  return [r.province?.kemendagri ?? '', (r.regency ?? '').toLowerCase().replace(/\s+/g, ' '), r.segment ?? '', (r.sector ?? '').toLowerCase(), r.period ?? ''].join('|');
}

function describeKey(r: DataRecord): string {
  return [r.province?.name, r.regency, r.segment, r.sector, r.period].filter(Boolean).join(' / ') || '(no key columns)';
}

/** Load and validate many sources; duplicate keys across rows and files are errors naming both places. */
export async function loadDataset(paths: readonly string[], options: LoadOptions = {}): Promise<Dataset> {
  const records: DataRecord[] = [];
  const sources: LoadedSource[] = [];
  const problems = new ProblemList(options.maxErrors ?? 50);
  for (const path of paths) {
    try {
      const table = await readTable(path, options);
      const built = buildRecords(table, options);
      records.push(...built.records);
      sources.push(built.source);
    } catch (e) {
      if (e instanceof InputError) problems.addAll(e.diagnostics);
      else throw e;
    }
  }
  if (problems.size) throw new InputError(problems.list());
  checkDuplicates(records, options.maxErrors ?? 50);
  return { records, sources };
}

export function checkDuplicates(records: readonly DataRecord[], maxErrors = 50): void {
  const first = new Map<string, DataRecord>();
  const problems = new ProblemList(maxErrors);
  for (const r of records) {
    const k = recordKey(r);
    const prev = first.get(k);
    if (prev) {
      problems.add({
        file: r.file,
        line: r.line,
        message: `duplicate row for ${describeKey(r)} (first at ${prev.file === r.file ? 'line ' + prev.line : `${prev.file}:${prev.line}`})`,
        hint: 'each area, segment, sector and period may appear once; for per-employer extracts use --extract',
      });
    } else first.set(k, r);
  }
  if (problems.size) throw new InputError(problems.list());
}
