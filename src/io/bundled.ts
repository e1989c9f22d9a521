// The bundled data in data/: the province baseline (end 2023) and the national targets by year.

import { InputError } from '../errors.js';
import type { TargetPoint } from '../core/breakdown.js';
import { SEGMENTS } from '../core/types.js';
import { dataPath, readBundledCsv } from './data-files.js';
import { loadDataset, type DataRecord, type Dataset, type LoadOptions } from './records.js';

export const BASELINE_FILE = 'baseline.csv';
export const BASELINE_PERIOD = '2023-12';

/** The bundled baseline. DKI Jakarta's participants exceed its Sakernas employed, so over-coverage is allowed. */
export async function loadBaseline(options: LoadOptions = {}): Promise<Dataset> {
  const ds = await loadDataset([dataPath(BASELINE_FILE)], {
    ...options,
    numberLocale: 'en',
    delimiter: ',',
    encoding: 'utf-8',
    codeSystem: 'kemendagri',
    allowOverCoverage: true,
  });
  // Show the bundled file by its short name in messages and meta.
  return {
    records: ds.records.map((r) => ({ ...r, file: `data/${BASELINE_FILE}` })),
    sources: ds.sources.map((s) => ({ ...s, name: `data/${BASELINE_FILE}` })),
  };
}

/** Wide segment columns (participants_pu …) as one record per segment; denominators stay per province. */
export function meltSegments(records: readonly DataRecord[]): DataRecord[] {
  const out: DataRecord[] = [];
  for (const r of records) {
    if (r.segment) {
      out.push(r);
      continue;
    }
    const present = SEGMENTS.filter((s) => r.values[`participants_${s.toLowerCase()}`] !== undefined);
    if (present.length === 0) {
      out.push(r);
      continue;
    }
    for (const s of present) {
      out.push({ ...r, segment: s, values: { participants: r.values[`participants_${s.toLowerCase()}`]! } });
    }
  }
  return out;
}

export interface TargetTable {
  readonly scenario: string;
  readonly points: TargetPoint[];
  readonly scenarios: string[];
  readonly sources: Record<number, string>;
}

export function loadTargets(scenario: string): TargetTable {
  const rows = readBundledCsv('targets.csv');
  const body = rows.slice(1);
  const scenarios = [...new Set(body.map((r) => r[0]!))];
  if (!scenarios.includes(scenario)) {
    throw new InputError({ message: `unknown target scenario "${scenario}"`, hint: `scenarios in data/targets.csv: ${scenarios.join(', ')}` });
  }
  const mine = body.filter((r) => r[0] === scenario);
  return {
    scenario,
    scenarios,
    points: mine.map((r) => ({ year: Number(r[1]), target: Number(r[2]) })),
    sources: Object.fromEntries(mine.map((r) => [Number(r[1]), `${r[3]} (${r[4]})`])),
  };
}
