// jamsostek breakdown — split a national (or any parent) target into exact integer targets.
// read (your file or the bundled baseline) → spec (total, shape, one rule) → plan → report → emit.

import type { Command } from 'commander';
import { planBreakdown } from '../core/allocation/plan.js';
import type { AllocationSpec } from '../core/allocation/spec.js';
import { periodYear } from '../core/calendar.js';
import { atPeriod } from '../core/table.js';
import { InputError, say, usage } from '../errors.js';
import { expandInputs } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';
import { INPUT_FLAGS, OUTPUT_FLAGS } from '../options/flags.js';
import { addFlags } from '../options/resolve.js';
import { chooseDenominator, grainOf, ruleColumns, shapeOf, splitRule } from '../options/specs.js';
import { breakdownReport } from '../report/breakdown.js';
import { dimLabel } from '../report/vocabulary.js';
import { breakdownSchema, readData } from '../app/read.js';
import { loadOptions, openSession } from '../app/session.js';
import { totalOf } from '../app/targets.js';
import { laterActualNotes } from '../app/actuals.js';

export const EXAMPLES = `
Examples:
  # 2024 national target (50,000,000) over the 38 provinces, bundled baseline
  $ jamsostek breakdown --year 2024

  # 2026 (70,000,000), province x segment, both margins exact, to Excel
  $ jamsostek breakdown --year 2026 --by province,segment -o targets-2026.xlsx

  # A province target split over its regencies from your own file, with the reasoning
  $ jamsostek breakdown --target 287599 --input examples/gorontalo-regencies.csv --by regency --explain

  # Monthly milestones for 2024, as CSV
  $ jamsostek breakdown --year 2024 --months -f csv > milestones-2024.csv

  # Proportional to the workforce, capped at 95 % coverage; Webster and Hamilton side by side
  $ jamsostek breakdown --year 2026 --mode level --basis workforce --max-coverage 0.95 --compare webster,hamilton

  # Defending a split: gap mode (today's rule) against level mode, with who gains and who loses
  $ jamsostek breakdown --year 2026 --compare mode=gap,level --explain -o split-2026.xlsx

  # A grid: every mode with every basis; or the published target series side by side
  $ jamsostek breakdown --year 2026 --compare mode=gap,level --compare basis=uncovered,workforce
  $ jamsostek breakdown --year 2024 --compare scenario=plan,rkat
`;

const FLAGS = ['year', 'target', 'scenario', 'input', 'by', 'basis', 'denominator', 'mode', 'min', 'max', 'maxCoverage', 'method', 'columnTotals', 'rowTotals', 'months', 'phasing', 'explain', 'compare', 'compareScenario', ...INPUT_FLAGS, ...OUTPUT_FLAGS] as const;

export function configure(cmd: Command): void {
  addFlags(cmd, FLAGS);
}

export async function run(_args: readonly string[], cli: Readonly<Record<string, unknown>>, io: Io): Promise<void> {
  const { o, session } = openSession(FLAGS, cli, io, [['year', 'target'], ['compareScenario', 'scenario'], ['compareScenario', 'target']]);
  const grain = grainOf(o.by, 2);
  const rule = splitRule(o);
  const load = loadOptions(o, io);

  if ((o.compare || o.compareScenario) && (o.months || o.phasing)) throw usage('--compare shows December targets; leave out --months', '--compare menampilkan target Desember; hilangkan --months');
  const compare = o.compare || o.compareScenario ? await import('../app/compare.js') : undefined;
  const variants = compare?.planComparison(o, cli, session);

  // Read: the units to split over, at their latest month (the baseline).
  const read = await readData(o.input ? [o.input] : [], breakdownSchema(grain, variants?.columns ?? ruleColumns(rule), variants?.denominators ?? o.denominator), load, io, session);
  const base = read.period ? atPeriod(read.table, read.period) : read.table;

  // The spec: a total (or the sum of given totals), the shape, the one rule, the margins.
  const total = totalOf(o);
  const shape = shapeOf(grain, base);
  if (shape.kind === 'flat' && (o.rowTotals || o.columnTotals)) throw usage('--row-totals and --column-totals need two --by columns (e.g. province,segment)', '--row-totals dan --column-totals memerlukan dua kolom --by (mis. province,segment)');
  if (shape.kind === 'nested' && o.columnTotals) {
    const [outer, inner] = [dimLabel(grain[0]!), dimLabel(grain[1]!)];
    throw usage(
      `--column-totals: ${grain.join(',')} are nested (each ${grain[1]} in one ${grain[0]}): give the ${grain[0]} totals with --row-totals`,
      `--column-totals: ${grain.join(',')} bertingkat (setiap ${inner.id} berada dalam satu ${outer.id}): berikan total ${outer.id} dengan --row-totals`,
    );
  }
  const spec: AllocationSpec = {
    total: total?.total,
    shape,
    rule,
    denominator: chooseDenominator(o.denominator, [base]),
    rowTotals: o.rowTotals ? await (await import('../io/margins.js')).loadMargin(o.rowTotals, grain[0]!, '--row-totals', load) : undefined,
    columnTotals: o.columnTotals ? await (await import('../io/margins.js')).loadMargin(o.columnTotals, grain[1]!, '--column-totals', load) : undefined,
  };

  const context = { period: read.period, year: total?.total.year, interpolated: total?.total.interpolated, sources: read.table.sources, codeSystem: read.bundled ? 'kemendagri' : (o.codeSystem ?? 'auto') };
  if (compare && variants) {
    const report = compare.compareVariants(variants, { o, spec, table: base, bundled: read.bundled, report: context, totalNote: total?.note }, session);
    return session.emit(report, [...read.inputs, ...session.protectedInputs(o)]);
  }

  // Plan, then the report.
  const result = planBreakdown(spec, base);
  const later = read.bundled ? laterActualNotes(result, read.period) : [];
  session.notes([...(total?.note ? [total.note] : []), ...result.notes, ...later]);
  if (o.explain) session.explain((await import('../report/explain.js')).explainLines(result, session.lang));
  let report = breakdownReport({ ...result, notes: [...result.notes, ...later] }, context);
  if (o.months || o.phasing) {
    if (!read.period) throw usage('--months needs the baseline month: add a period column (YYYY-MM) to the input', '--months memerlukan bulan dasar: tambahkan kolom periode (YYYY-MM) ke input');
    const year = total?.total.year ?? periodYear(read.period) + 1;
    // Loaded only for --months (start-up of every other run pays nothing for them).
    const [{ loadProfile }, { breakdownMilestones }, { milestonesReport }] = await Promise.all([import('../io/margins.js'), import('../core/milestones.js'), import('../report/milestones.js')]);
    const phasing = o.phasing && o.phasing !== 'even' ? await loadProfile((await expandInputs([o.phasing], io))[0]!, load) : { kind: 'even' as const };
    const path = breakdownMilestones(result, read.period, year, phasing);
    if ('problem' in path) {
      if (path.problem === 'no-months') throw usage(`--months: the baseline ${read.period} is already at or after December ${year}`, `--months: bulan dasar ${read.period} sudah sama dengan atau setelah Desember ${year}`);
      if (path.problem === 'below-today') {
        throw new InputError(
          say(
            { message: `--months: the target of ${path.unit} is below today, so its milestones cannot rise to it`, hint: 'milestones need targets at or above today (the default --min)' },
            { message: `--months: target ${path.unit} di bawah kondisi saat ini, sehingga tonggaknya tidak dapat naik ke target itu`, hint: 'tonggak memerlukan target yang sama dengan atau di atas kondisi saat ini (--min bawaan)' },
          ),
        );
      }
      throw new InputError({
        file: o.phasing,
        ...(path.problem === 'profile-zero'
          ? say('the phasing profile gives every month of the path a weight of 0', 'profil pentahapan memberi bobot 0 pada setiap bulan dalam jalur')
          : say(`the phasing profile has no weight for ${path.month}`, `profil pentahapan tidak memiliki bobot untuk ${path.month}`)),
      });
    }
    report = milestonesReport(result, path, read.period, report, o.phasing ?? 'even');
  }
  await session.emit(report, [...read.inputs, ...session.protectedInputs(o)]);
}
