// Totals and targets from options: --target or --year (with --scenario) for breakdown; --targets FILE
// or --year for coverage. `coverage --year` plans the breakdown through the core with the same options
// (the same denominator, the same rule), never by calling the breakdown command.

import { planBreakdown } from '../core/allocation/plan.js';
import type { GivenTotal } from '../core/allocation/spec.js';
import { latestPeriod } from '../core/calendar.js';
import { targetsFromAllocation, type Targets } from '../core/coverage/targets.js';
import type { Note } from '../core/facts.js';
import { atPeriod, keysOf } from '../core/table.js';
import { targetForYear } from '../core/targets.js';
import { InputError, say, usage } from '../errors.js';
import { baselinePeriod, loadBaseline, loadTargetSeries } from '../io/bundled.js';
import { expandInputs } from '../io/inputs.js';
import { loadTable, type LoadOptions } from '../io/load.js';
import type { Io } from '../io/terminal.js';
import { chooseDenominator, splitRule } from '../options/specs.js';
import { breakdownSchema } from './read.js';

/** The total of a breakdown: --target as given, or the scenario's target for --year. */
export function totalOf(o: { target?: bigint; year?: number; scenario?: string }): { total: GivenTotal; note?: Note } | undefined {
  if (o.target !== undefined) return { total: { value: o.target, source: '--target' } };
  if (o.year === undefined) return undefined;
  const scenario = o.scenario ?? 'plan';
  const series = loadTargetSeries(scenario);
  const t = targetForYear(series.points, o.year);
  if (!t) {
    const years = series.points.map((p) => p.year).sort();
    throw new InputError(
      say(
        { message: `no ${scenario} target for ${o.year}: data/targets.csv has ${years.join(', ')} (years between them are interpolated)`, hint: 'pass --target <n> to use any total' },
        { message: `tidak ada target skenario ${scenario} untuk ${o.year}: data/targets.csv memuat ${years.join(', ')} (tahun di antaranya diinterpolasi)`, hint: 'pakai --target <n> untuk total berapa pun' },
      ),
    );
  }
  if (t.interpolated) {
    const [from, to] = t.between!;
    return { total: { value: t.target, source: `data/targets.csv (${scenario}), interpolated between ${from} and ${to}`, year: o.year, interpolated: true }, note: { code: 'interpolated', year: o.year, from, to } };
  }
  return { total: { value: t.target, source: `data/targets.csv (${scenario}: ${series.sources.get(o.year)})`, year: o.year, interpolated: false } };
}

const YEAR_GRAINS = new Set(['province', 'kanwil', 'segment']);

/** Targets for coverage from --targets FILE, or planned on the bundled baseline for --year. */
export async function coverageTargets(
  o: { targets?: string; year?: number; scenario?: string; denominator?: string },
  grain: readonly string[],
  load: LoadOptions,
  io: Io,
): Promise<{ targets: Targets; notes: Note[] } | undefined> {
  if (o.targets) {
    const files = await expandInputs([o.targets], io);
    const table = await loadTable(files, { role: '--targets', dims: grain, measures: new Map([['target', 'count'], ['participants', 'count'], ['milestone', 'count']]), required: [{ column: 'target', why: 'the targets to compare with', whyId: 'target pembanding' }], rule: 'refuse', deriveKanwil: grain.includes('kanwil') }, { ...load, allowOverCoverage: true });
    const base = latestPeriod(keysOf(table, 'period'));
    return { targets: { table, baselinePeriod: base, phasing: { kind: 'even' }, method: 'webster', source: table.sources.map((s) => `${s.name} (sha256 ${s.sha256.slice(0, 12)}…)`).join(', ') }, notes: [] };
  }
  if (o.year === undefined) return undefined;
  if (!grain.every((g) => YEAR_GRAINS.has(g))) {
    throw usage(
      { message: `--year plans targets per province, kanwil or segment; for --by ${grain.join(',')} pass --targets <file>`, hint: 'e.g. breakdown --target N --input regencies.csv --by regency -o targets.csv' },
      { message: `--year merencanakan target per provinsi, kanwil atau segmen; untuk --by ${grain.join(',')} berikan --targets <berkas>`, hint: 'mis. breakdown --target N --input regencies.csv --by regency -o targets.csv' },
    );
  }
  const baseline = await loadBaseline(breakdownSchema(['province', 'segment', 'kanwil'], []), load);
  const period = baselinePeriod(baseline);
  const base = period ? atPeriod(baseline, period) : baseline;
  const total = totalOf({ year: o.year, scenario: o.scenario })!;
  const shape = grain.includes('segment') ? { kind: 'matrix' as const, rows: 'province', columns: 'segment' } : { kind: 'flat' as const, dim: 'province' };
  const result = planBreakdown({ total: total.total, shape, rule: splitRule({}), denominator: chooseDenominator(o.denominator, [base]) }, base);
  // The breakdown's own notes (basis fallbacks…) are about how the targets were planned: breakdown
  // --explain tells them; here only an interpolated year is worth saying.
  const notes = total.note ? [total.note] : [];
  return {
    targets: { table: targetsFromAllocation(result, base), baselinePeriod: period, year: o.year, phasing: { kind: 'even' }, method: result.method, source: `breakdown --year ${o.year} (${total.total.source}, ${result.method}, ${result.mode} mode)` },
    notes,
  };
}
