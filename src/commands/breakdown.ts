// jamsostek breakdown — split a national (or any parent) target into exact integer targets.
// read (your file or the bundled baseline) → spec (total, shape, one rule) → plan → report → emit.

import type { Command } from 'commander';
import { usage } from '../errors.js';
import type { Io } from '../io/terminal.js';
import { INPUT_FLAGS, OUTPUT_FLAGS } from '../options/flags.js';
import { addFlags } from '../options/resolve.js';
import { grainOf } from '../options/specs.js';
import { breakdownReport } from '../report/breakdown.js';
import { milestonesReport } from '../report/milestones.js';
import { planBreakdownRun } from '../app/breakdown.js';
import { gapMinNoneRule, inputInertRules, maxNoneShareRule, outputInertRules, refuseInert } from '../app/inert.js';
import { flagFileNotes } from '../app/read.js';
import { asOfRule } from '../app/targets.js';
import type { SourceFacts } from '../core/table.js';
import { loadOptions, openSession } from '../app/session.js';
import { laterActualNotes } from '../app/actuals.js';
import { checkBreakdownFields } from '../app/fields.js';

export const EXAMPLES = `
Examples:
  # 2024 national target (50,000,000) over the 38 provinces, bundled baseline
  $ jamsostek breakdown --year 2024

  # 2026 (70,000,000), province x segment, both margins exact, to Excel
  $ jamsostek breakdown --year 2026 --by province,segment -o targets-2026.xlsx

  # A province target split over its regencies from your own file, with the reasoning
  # (examples/gorontalo-regencies.csv is in the source checkout, not in the installed package)
  $ jamsostek breakdown --target 287599 --year 2024 --input examples/gorontalo-regencies.csv --by regency --explain

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

const FLAGS = ['year', 'target', 'scenario', 'series', 'asOf', 'input', 'by', 'basis', 'denominator', 'mode', 'min', 'max', 'maxCoverage', 'method', 'columnTotals', 'rowTotals', 'months', 'phasing', 'explain', 'compare', 'compareScenario', ...INPUT_FLAGS, ...OUTPUT_FLAGS] as const;

export function configure(cmd: Command): void {
  addFlags(cmd, FLAGS);
}

export async function run(_args: readonly string[], cli: Readonly<Record<string, unknown>>, io: Io): Promise<void> {
  // --compare shows December targets: of --months (or --phasing) in the config and --compare typed, the typed one wins, said in a note.
  const december = (m: string): { en: string; id: string } => ({ en: `--compare shows December targets; leave out --${m}`, id: `--compare menampilkan target Desember; hilangkan --${m}` });
  const exclusive = [['compareScenario', 'scenario'], ['compareScenario', 'target'], ...(['compare', 'compareScenario'] as const).flatMap((c) => (['months', 'phasing'] as const).map((m) => [c, m, december(m)] as const))] as const;
  const { o, session } = openSession(FLAGS, cli, io, exclusive);
  const grain = grainOf(o.by, 2);
  const sources: SourceFacts[] = [];
  const load = loadOptions(o, io, undefined, sources, session);
  const fromSeries = o.year !== undefined && o.target === undefined;
  refuseInert(cli, [
    { flag: 'phasing', inert: !o.months, why: { en: 'it phases the monthly milestones, and this run has no --months', id: 'opsi ini mengatur tonggak bulanan, dan proses ini tanpa --months' }, hint: { en: 'add --months', id: 'tambahkan --months' } },
    { flag: 'scenario', inert: !fromSeries && !o.compareScenario, why: { en: 'the total is given with --target, not taken from a series', id: 'total diberikan dengan --target, bukan diambil dari seri' }, hint: { en: 'leave out --scenario, or use --year without --target', id: 'hilangkan --scenario, atau pakai --year tanpa --target' } },
    { flag: 'series', inert: !fromSeries, why: { en: 'the total is given with --target (or no --year), not taken from a series', id: 'total diberikan dengan --target (atau tanpa --year), bukan diambil dari seri' }, hint: { en: 'use --series with --year, without --target', id: 'pakai --series dengan --year, tanpa --target' } },
    { flag: 'asOf', inert: !fromSeries, why: { en: 'it picks the revision of a series target in force; --target has no revisions', id: 'opsi ini memilih revisi target seri yang berlaku; --target tidak punya revisi' }, hint: { en: 'use --as-of with --year, without --target', id: 'pakai --as-of dengan --year, tanpa --target' } },
    gapMinNoneRule(o.mode !== 'level' && o.min?.kind === 'none' && !o.compare),
    maxNoneShareRule(o),
    ...outputInertRules(session.targets(), io.stdout.isTTY === true),
  ]);
  if ((o.compare || o.compareScenario) && (o.months || o.phasing)) throw usage('--compare shows December targets; leave out --months', '--compare menampilkan target Desember; hilangkan --months');
  const compare = o.compare || o.compareScenario ? await import('../app/compare.js') : undefined;
  const variants = compare?.planComparison(o, cli, session);
  checkBreakdownFields(grain, o, variants && compare!.comparisonColumns(variants));

  const plan = await planBreakdownRun(o, grain, load, io, session, variants);
  refuseInert(cli, [...inputInertRules(sources, o), asOfRule(o.compare || o.compareScenario ? undefined : plan.totals?.nothingAsOf)]);
  session.notes(flagFileNotes(sources));
  const { read } = plan;
  const total = plan.totals?.stages[plan.totals.stages.length - 1]!.total;
  const context = { period: read.period, year: plan.totals?.year, interpolated: total?.interpolated, sources: read.table.sources, codeSystem: session.codesWritten(), scope: plan.scope };
  if (compare && variants) {
    // The plan's own notes (months left out of the input, a revision in force…) hold for every variant;
    // the year's interpolation is said with each variant's total.
    session.notes(plan.notes.filter((n) => n.code !== 'interpolated'));
    const report = compare.compareVariants(variants, { o, spec: plan.spec, table: plan.base, bundled: read.bundled, report: context, totalNote: plan.totals?.notes.find((n) => n.code === 'interpolated') }, session);
    return session.emit(report, [...read.inputs, ...session.protectedInputs(o)]);
  }
  const result = plan.result!;
  const later = read.bundled ? laterActualNotes(result, read.period) : [];
  session.notes([...plan.notes, ...result.notes, ...later]);
  if (o.explain) session.explain((await import('../report/explain.js')).explainLines(result, session.lang));
  let report = breakdownReport(
    { ...result, notes: [...plan.notes, ...result.notes, ...later] },
    { ...context, rule: plan.rule, revision: plan.revision },
  );
  if (o.months && plan.path) {
    // Every stage of the path, a revision of a December on the way among them (rv27 F4): the file's `from`
    // says which revision each month's milestone is on, so that coverage --targets can say it too.
    report = milestonesReport(result, plan.path, read.period!, report, plan.phasing, plan.stages);
  }
  await session.emit(report, [...read.inputs, ...session.protectedInputs(o)]);
}
