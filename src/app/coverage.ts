// The reading and planning that `coverage` and `validate` share, so that the two accept and refuse
// exactly the same files: the inputs (files or the bundled baseline), the previous month, the
// denominators of an extract, the targets, and planCoverage.

import { latestPeriod } from '../core/calendar.js';
import { planCoverage, type CoverageResult } from '../core/coverage/plan.js';
import type { Note } from '../core/facts.js';
import { atPeriod, hasMeasure, keysOf, type Table } from '../core/table.js';
import { loadBaseline } from '../io/bundled.js';
import { expandInputs } from '../io/inputs.js';
import { loadTable, type LoadedTable, type LoadOptions } from '../io/load.js';
import type { Io } from '../io/terminal.js';
import type { Period } from '../core/calendar.js';
import { chooseDenominator } from '../options/specs.js';
import { coverageSchema, readData, type Read } from './read.js';
import type { Session } from './session.js';
import { coverageTargets } from './targets.js';

export interface CoverageOptions {
  readonly denominator?: string;
  readonly targets?: string;
  readonly year?: number;
  readonly scenario?: string;
  readonly period?: Period;
  readonly previous?: readonly string[];
  readonly atRiskMargin?: number;
  readonly extract?: boolean;
  readonly workforce?: string;
}

export interface CoveragePlan {
  readonly read: Read;
  readonly previous?: LoadedTable;
  readonly result: CoverageResult;
  readonly notes: Note[];
  readonly denominatorSource?: string;
  readonly targetsSource?: string;
  readonly targetsBaselinePeriod?: string;
  /** Every file read, for the protection of inputs. */
  readonly files: readonly string[];
}

export async function planCoverageRun(files: readonly string[], o: CoverageOptions, grain: readonly string[], load: LoadOptions, io: Io, session: Session): Promise<CoveragePlan> {
  const schema = coverageSchema(grain, o.denominator, o.extract ?? false);
  const read = await readData(files, schema, load, io, session);
  const prevFiles = o.previous?.length ? await expandInputs(o.previous, io) : [];
  const previous = prevFiles.length ? await loadTable(prevFiles, schema, load) : undefined;
  // An extract has no denominators of its own: --workforce, or the bundled baseline's.
  let denominators: Table | undefined;
  let denominatorSource: string | undefined;
  const own = chooseDenominator(undefined, [read.table]);
  if (read.table.rule === 'sum' && !(o.denominator ? hasMeasure(read.table, o.denominator) : own)) {
    const wf = o.workforce ? await loadTable(await expandInputs([o.workforce], io), { role: '--workforce', dims: grain, measures: schema.measures, rule: 'refuse', segmentParts: true, deriveKanwil: grain.includes('kanwil') }, { ...load, allowOverCoverage: true }) : await loadBaseline(schema, load);
    const p = latestPeriod(keysOf(wf, 'period'));
    denominators = p ? atPeriod(wf, p) : wf;
    denominatorSource = o.workforce ?? `data/baseline.csv (${p ?? 'no month'})`;
  }
  const denominator = chooseDenominator(o.denominator, denominators ? [read.table, denominators] : [read.table]);
  const targets = await coverageTargets(o, grain, load, io);
  const result = planCoverage(
    { current: read.table, previous, denominators, targets: targets?.targets },
    { grain, period: o.period, denominator, atRiskMargin: o.atRiskMargin ?? 0.05 },
  );
  return {
    read,
    previous,
    result,
    notes: [...(targets?.notes ?? []), ...result.notes],
    denominatorSource,
    targetsSource: targets?.targets.source,
    targetsBaselinePeriod: targets?.targets.baselinePeriod,
    files: [...read.inputs, ...prevFiles, ...(o.workforce ? [o.workforce] : []), ...(o.targets ? [o.targets] : [])],
  };
}
