// The bundled data in data/: the province baseline (read through the one loader, like any input) and
// the national target series by year.

import { latestPeriod } from '../core/calendar.js';
import type { TargetPoint } from '../core/targets.js';
import { InputError, say } from '../errors.js';
import { dataPath, readBundledCsv } from './data-files.js';
import { keysOf } from '../core/table.js';
import { loadTable, type LoadedTable, type LoadOptions, type LoadSchema } from './load.js';

export const BASELINE_FILE = 'baseline.csv';

/**
 * The bundled baseline, read by the same rules as anyone's file: its `estimated` column marks its
 * estimates, and DKI Jakarta's participants above its employed pass as the documented exception of
 * data/exceptions.csv (as they would in a template filled with the same figures), not by a blanket
 * --allow-over-coverage.
 */
export async function loadBaseline(schema: LoadSchema, options: Pick<LoadOptions, 'maxErrors'>): Promise<LoadedTable> {
  return loadTable([dataPath(BASELINE_FILE)], { ...schema, rule: 'refuse', segmentParts: true, deriveKanwil: true }, {
    maxErrors: options.maxErrors,
    numberLocale: 'en',
    delimiter: ',',
    encoding: 'utf-8',
    codeSystem: 'kemendagri',
    allowOverCoverage: false,
    displayName: () => `data/${BASELINE_FILE}`,
  });
}

/** The month of the bundled baseline. */
export function baselinePeriod(table: LoadedTable): string | undefined {
  return latestPeriod(keysOf(table, 'period'));
}

export interface TargetSeries {
  readonly scenario: string;
  readonly points: TargetPoint[];
  readonly scenarios: string[];
  readonly sources: ReadonlyMap<number, string>;
}

export function loadTargetSeries(scenario: string): TargetSeries {
  const rows = readBundledCsv('targets.csv');
  const head = rows[0]!;
  const col = (n: string): number => head.indexOf(n);
  const body = rows.slice(1);
  const scenarios = [...new Set(body.map((r) => r[col('scenario')]!))];
  if (!scenarios.includes(scenario)) {
    const known = scenarios.join(', ');
    throw new InputError(say({ message: `unknown target scenario "${scenario}"`, hint: `scenarios in data/targets.csv: ${known}` }, { message: `skenario target "${scenario}" tidak dikenal`, hint: `skenario di data/targets.csv: ${known}` }));
  }
  const mine = body.filter((r) => r[col('scenario')] === scenario);
  return {
    scenario,
    scenarios,
    points: mine.map((r) => ({ year: Number(r[col('year')]), target: BigInt(r[col('target')]!) })),
    sources: new Map(mine.map((r) => [Number(r[col('year')]), `${r[col('kind')]} (${r[col('source')]})`])),
  };
}

export interface Actual {
  readonly period: string;
  /** Kemendagri province code; empty for the national figure. */
  readonly province: string;
  readonly participants: number;
  readonly source: string;
}

/** Later published active-participant figures (data/actuals.csv), to check targets against. */
export function loadActuals(): Actual[] {
  const rows = readBundledCsv('actuals.csv');
  const head = rows[0]!;
  const col = (n: string): number => head.indexOf(n);
  return rows
    .slice(1)
    .filter((r) => r[col('participants')] !== '')
    .map((r) => ({ period: r[col('period')]!, province: r[col('province_code')]!, participants: Number(r[col('participants')]), source: `${r[col('publisher')]}: ${r[col('source')]}` }));
}
