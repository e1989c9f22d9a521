// The bundled data in data/: the province baseline (read through the one loader, like any input) and
// the published actual figures (the national target series is io/series.ts's).

import { latestPeriod } from '../core/calendar.js';
import { dataPath, readBundledCsv } from './data-files.js';
import { dimIndex, keysOf, withSources } from '../core/table.js';
import { loadTable, type LoadedTable, type LoadOptions, type LoadSchema } from './load.js';

export const BASELINE_FILE = 'baseline.csv';

/**
 * The bundled baseline, read by the same rules as anyone's file: its `estimated` column marks its
 * estimates, and DKI Jakarta's participants above its employed pass as the documented exception of
 * data/exceptions.csv (as they would in a template filled with the same figures), not by a blanket
 * --allow-over-coverage.
 */
export async function loadBaseline(schema: LoadSchema, options: Pick<LoadOptions, 'maxErrors'>): Promise<LoadedTable> {
  const table = await loadTable([dataPath(BASELINE_FILE)], { ...schema, rule: 'refuse', segmentParts: true, deriveKanwil: true }, {
    maxErrors: options.maxErrors,
    numberLocale: 'en',
    delimiter: ',',
    encoding: 'utf-8',
    codeSystem: 'kemendagri',
    allowOverCoverage: false,
    displayName: () => `data/${BASELINE_FILE}`,
  });
  // The bundled rows' exceptions (DKI Jakarta) are documented with the data and marked as estimates in
  // every report; the note is for a user's own file, which the same exception lets through.
  const sources = table.sources.map((src) => {
    const notes = src.notes?.filter((n) => n.code !== 'over-coverage-exception');
    const { notes: _all, ...rest } = src;
    return notes?.length ? { ...rest, notes } : rest;
  });
  return withSources(table, sources);
}

/**
 * The month each province's bundled `figure` is of (data/figures.csv: employed of Sakernas August 2023,
 * DKI Jakarta's of August 2024, Bali's potential workers of March 2025…), by Kemendagri code.
 */
export function figureMonths(figure: string): Map<string, string> {
  const [head, ...body] = readBundledCsv('figures.csv');
  const col = (n: string): number => head!.indexOf(n);
  const out = new Map<string, string>();
  for (const r of body) if (r[col('province_code')] !== '' && r[col('figure')] === figure && r[col('period')]) out.set(r[col('province_code')]!, r[col('period')]!);
  return out;
}

/**
 * The bundled baseline as the denominators of counts without their own (an extract): each province's
 * rows dated by the month its `measure` figure is of, not by the baseline's month (2023-12, the month
 * of its participants). A June 2024 extract is then compared with DKI Jakarta's employed of August 2024
 * and Gorontalo's of August 2023, and the report says so, as it does for a --workforce file's months.
 * A measure figures.csv has no months for (none today) keeps the baseline's month.
 */
export function datedByFigure(table: LoadedTable, measure: string): LoadedTable {
  const months = figureMonths(measure);
  const pd = dimIndex(table, 'period');
  const prov = dimIndex(table, 'province');
  if (!months.size || pd < 0 || prov < 0) return table;
  const rows = table.rows.map((r) => {
    const m = r.keys[prov] === null ? undefined : months.get(r.keys[prov]!);
    if (m === undefined) return r;
    const keys = r.keys.slice();
    keys[pd] = m;
    return { ...r, keys };
  });
  return { ...table, rows };
}

/** The month of the bundled baseline. */
export function baselinePeriod(table: LoadedTable): string | undefined {
  return latestPeriod(keysOf(table, 'period'));
}

export interface Actual {
  readonly period: string;
  /** Kemendagri province code; several joined by "+" for a Kanwil's provinces together; empty for the nation. */
  readonly province: string;
  /** The name of the area as published (a Kanwil for several provinces); empty for the nation. */
  readonly name: string;
  /** Empty for all segments; else PU, BPU, JAKON, PMI or a sum of them (PU+PMI). */
  readonly segment: string;
  readonly participants: number;
  readonly publisher: string;
  readonly source: string;
  /** The caveat every mention of the figure carries (actuals.csv `caveat`): a secondary source of a disputed figure. */
  readonly caveat?: 'secondary-disputed';
}

/** Later published active-participant figures (data/actuals.csv), to check targets and estimates against. */
export function loadActuals(): Actual[] {
  const rows = readBundledCsv('actuals.csv');
  const head = rows[0]!;
  const col = (n: string): number => head.indexOf(n);
  return rows
    .slice(1)
    .filter((r) => r[col('participants')] !== '')
    .map((r) => ({
      period: r[col('period')]!,
      province: r[col('province_code')]!,
      name: r[col('province')]!,
      segment: r[col('segment')] ?? '',
      participants: Number(r[col('participants')]),
      publisher: r[col('publisher')]!,
      source: `${r[col('publisher')]}: ${r[col('source')]}`,
      ...(r[col('caveat')] === 'secondary-disputed' ? { caveat: 'secondary-disputed' as const } : {}),
    }));
}

const BPJS = 'BPJS Ketenagakerjaan';

/** A month for ordering; a year alone (month not stated) counts as its December. */
export const periodOrder = (p: string): string => (p.length === 4 ? `${p}-12` : p);

export interface BaselineFacts {
  /** The published national total of the baseline month, and how much of it no province holds. */
  readonly national: number;
  /** The month of `national` (data/figures.csv: 2023-12). */
  readonly nationalPeriod: string;
  readonly unattributed: number;
  /** The newest national figure in actuals.csv. */
  readonly newest?: Actual;
  /** When the newest is not BPJS Ketenagakerjaan's own: BPJS's newest national figure. */
  readonly newestOwn?: Actual;
  /** Each segment: the national figure (published, or derived for PU) and the sum of the 38 provinces' cells. */
  readonly segments: readonly { readonly segment: string; readonly national: number; readonly status: string; readonly provinces: number }[];
}

/** What the default run says beside the baseline month (data/figures.csv and data/actuals.csv). */
export function baselineFacts(): BaselineFacts {
  const [head, ...body] = readBundledCsv('figures.csv');
  const col = (n: string): number => head!.indexOf(n);
  const figure = (name: string): number => Number(body.find((r) => r[col('province_code')] === '' && r[col('figure')] === name)?.[col('value')] ?? 0);
  const latest = (xs: readonly Actual[]): Actual | undefined => xs.reduce<Actual | undefined>((best, a) => (!best || periodOrder(a.period) > periodOrder(best.period) ? a : best), undefined);
  const national = loadActuals().filter((a) => a.province === '' && a.segment === '');
  const newest = latest(national);
  // The newest national figure is a quote of another publisher's (48,640,000: Kemnaker via intime.id,
  // disputed): BPJS's own newest is said beside it.
  const newestOwn = newest && newest.publisher !== BPJS ? latest(national.filter((a) => a.publisher === BPJS)) : undefined;
  const segments = ['PU', 'BPU', 'JAKON', 'PMI'].map((segment) => {
    const figure = `participants_${segment.toLowerCase()}`;
    const row = body.find((r) => r[col('province_code')] === '' && r[col('figure')] === figure);
    let provinces = 0;
    for (const r of body) if (r[col('province_code')] !== '' && r[col('figure')] === figure) provinces += Number(r[col('value')]);
    return { segment, national: Number(row?.[col('value')] ?? 0), status: row?.[col('status')] ?? '', provinces };
  });
  const nationalPeriod = body.find((r) => r[col('province_code')] === '' && r[col('figure')] === 'participants')?.[col('period')] ?? '';
  return { national: figure('participants'), nationalPeriod, unattributed: figure('participants_unattributed'), newest, ...(newestOwn ? { newestOwn } : {}), segments };
}

/** The bundled baseline's participants by segment: the nation's, and each province's and Kanwil's. */
export interface BundledSegments {
  /** The nation's participants of each segment (PU, BPU, JAKON, PMI), and of all of them. */
  readonly national: ReadonlyMap<string, number>;
  readonly total: number;
  /** An area's participants of each segment, by dim (province: Kemendagri code; kanwil: its name). */
  area(dim: string, key: string): ReadonlyMap<string, number> | undefined;
}

let segmentsCache: BundledSegments | undefined;

/**
 * Participants by segment in data/baseline.csv (participants_pu … participants_pmi), summed by province,
 * by Kanwil (data/provinces.csv) and over the country: Papua Tengah's JAKON and PMI are 0, PMI is
 * 468,213 of 41,145,132 (1.1 %) in the country.
 */
export function bundledSegments(): BundledSegments {
  if (segmentsCache) return segmentsCache;
  const [head, ...body] = readBundledCsv(BASELINE_FILE);
  const col = (n: string): number => head!.indexOf(n);
  const kanwilOf = new Map<string, string>();
  const [ph, ...provinces] = readBundledCsv('provinces.csv');
  for (const p of provinces) kanwilOf.set(p[ph!.indexOf('kemendagri_code')]!, p[ph!.indexOf('kanwil')]!);
  const national = new Map<string, number>();
  const byProvince = new Map<string, Map<string, number>>();
  const byKanwil = new Map<string, Map<string, number>>();
  const add = (m: Map<string, number>, s: string, v: number): void => void m.set(s, (m.get(s) ?? 0) + v);
  let total = 0;
  for (const r of body) {
    const code = r[col('province_code')]!;
    const kanwil = kanwilOf.get(code);
    const prov = new Map<string, number>();
    byProvince.set(code, prov);
    let kw = kanwil === undefined ? undefined : byKanwil.get(kanwil);
    if (kanwil !== undefined && !kw) byKanwil.set(kanwil, (kw = new Map()));
    for (const s of ['PU', 'BPU', 'JAKON', 'PMI']) {
      const v = Number(r[col(`participants_${s.toLowerCase()}`)] ?? '');
      if (!Number.isFinite(v)) continue;
      prov.set(s, v);
      if (kw) add(kw, s, v);
      add(national, s, v);
      total += v;
    }
  }
  segmentsCache = { national, total, area: (dim, key) => (dim === 'province' ? byProvince.get(key) : dim === 'kanwil' ? byKanwil.get(key) : undefined) };
  return segmentsCache;
}

/** Has `area` (a province's code, a Kanwil's name) no participants of `segment` in the bundled baseline? */
export function bundledZero(dim: string, area: string, segment: string): boolean {
  return bundledSegments().area(dim, area)?.get(segment) === 0;
}
