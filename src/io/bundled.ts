// The bundled data in data/: the province baseline (read through the one loader, like any input) and
// the published actual figures (the national target series is io/series.ts's).

import { latestPeriod } from '../core/calendar.js';
import { dataPath, readBundledCsv } from './data-files.js';
import { keysOf, withSources } from '../core/table.js';
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
    }));
}

/** A month for ordering; a year alone (month not stated) counts as its December. */
export const periodOrder = (p: string): string => (p.length === 4 ? `${p}-12` : p);

export interface BaselineFacts {
  /** The published national total of the baseline month, and how much of it no province holds. */
  readonly national: number;
  readonly unattributed: number;
  /** The newest national figure in actuals.csv. */
  readonly newest?: Actual;
}

/** What the default run says beside the baseline month (data/figures.csv and data/actuals.csv). */
export function baselineFacts(): BaselineFacts {
  const [head, ...body] = readBundledCsv('figures.csv');
  const col = (n: string): number => head!.indexOf(n);
  const national = (figure: string): number => Number(body.find((r) => r[col('province_code')] === '' && r[col('figure')] === figure)?.[col('value')] ?? 0);
  const newest = loadActuals()
    .filter((a) => a.province === '' && a.segment === '')
    .reduce<Actual | undefined>((best, a) => (!best || periodOrder(a.period) > periodOrder(best.period) ? a : best), undefined);
  return { national: national('participants'), unattributed: national('participants_unattributed'), newest };
}
