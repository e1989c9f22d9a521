// jamsostek coverage — coverage-gap reports from regional files and extracts, month by month.
// read (files, previous month, denominators, targets) → planCoverage → report → emit → --fail-below.

import type { Command } from 'commander';
import { thresholdBreaches } from '../core/coverage/plan.js';
import type { Io } from '../io/terminal.js';
import { INPUT_FLAGS, OUTPUT_FLAGS } from '../options/flags.js';
import { addFlags } from '../options/resolve.js';
import { grainOf } from '../options/specs.js';
import { coverageReport, trendReport } from '../report/coverage.js';
import { planCoverageRun } from '../app/coverage.js';
import { asOfRule } from '../app/targets.js';
import { checkCoverageFields } from '../app/coverage-fields.js';
import { progressBar } from '../app/progress.js';
import { loadOptions, openSession } from '../app/session.js';
import { coverageInertRules, phasingRule, usableSort } from '../app/coverage-flags.js';
import { nothingBelowNote, segmentsWhy, thresholdError, zeroNote } from '../app/threshold.js';
import { extractRule, inputInertRules, refuseInert } from '../app/inert.js';
import { flagFileNotes } from '../app/read.js';
import type { SourceFacts } from '../core/table.js';
import { UsageError, type JamsostekError } from '../errors.js';

export const EXAMPLES = `
Examples:
  # Coverage of the bundled baseline against the 2024 targets
  $ jamsostek coverage --year 2024

  # Gorontalo on the potential-workers base used in regional reporting
  $ jamsostek coverage --denominator potential_workers --fields province,participants,coverage -f csv | grep Gorontalo

  # A month of regional files (any mix of ',' and ';' files, Indonesian numbers), targets from breakdown
  $ jamsostek coverage 'data/2024-06/*.csv' --targets targets-2024.csv -o out/2024-06.xlsx -o out/2024-06.html

  # Fail a monthly job when any province is below 40 % coverage (the report is still written)
  $ jamsostek coverage data/2024-06/*.csv --year 2024 --fail-below 40 -o out/2024-06.csv

  # A per-participant extract of millions of rows, workforce from the bundled baseline
  $ jamsostek coverage --extract peserta-2024-06.csv --by province,segment --year 2024
`;

const FLAGS = ['by', 'denominator', 'targets', 'year', 'scenario', 'series', 'asOf', 'phasing', 'mode', 'basis', 'min', 'max', 'maxCoverage', 'method', 'input', 'rowTotals', 'columnTotals', 'expect', 'compareTargets', 'period', 'previous', 'paceWindow', 'trend', 'sort', 'top', 'atRiskMargin', 'failBelow', 'failOn', 'failScope', 'extract', 'workforce', ...INPUT_FLAGS, ...OUTPUT_FLAGS] as const;

export function configure(cmd: Command): void {
  addFlags(cmd, FLAGS);
}

export async function run(files: readonly string[], cli: Readonly<Record<string, unknown>>, io: Io): Promise<void> {
  const { o, session } = openSession(FLAGS, cli, io);
  const grain = grainOf(o.by, 3);
  checkCoverageFields(grain, o);
  refuseInert(cli, coverageInertRules(o, session.targets(), io.stdout.isTTY === true, files.length > 0));
  // The plan (and the rows it read) stays inside: the report is written without them (with one key per
  // row the report is as long as the input, and its rows are made as they are written).
  const { view, result, written, why } = await (async () => {
    const sources: SourceFacts[] = [];
    const plan = await planCoverageRun(files, o, grain, loadOptions(o, io, progressBar(io), sources, session), io, session);
    const oneMonth = { why: { en: `only one month is known (${plan.result.period ?? 'no month'}): there is no pace to measure`, id: `hanya satu bulan yang diketahui (${plan.result.period ?? 'tanpa bulan'}): tidak ada laju untuk diukur` }, hint: { en: "give earlier months too: the files of several months (a glob such as 'data/2024-*/*.csv'), or --previous (repeatable)", id: "berikan juga bulan-bulan sebelumnya: berkas beberapa bulan (glob seperti 'data/2024-*/*.csv'), atau --previous (boleh diulang)" } };
    refuseInert(cli, [...inputInertRules(sources, o), { flag: 'paceWindow', inert: !plan.result.story, ...oneMonth }, { flag: 'trend', inert: !plan.result.story, ...oneMonth }, asOfRule(plan.nothingAsOf), phasingRule(plan.notes), extractRule(plan.read.bundled)]);
    const sort = usableSort(cli, o, { period: plan.result.period, previous: plan.result.previousPeriod !== undefined, story: plan.result.story !== undefined }, (w) => session.caution(w), session.config?.file);
    session.notes(flagFileNotes(sources));
    session.notes(plan.notes);
    // In the December the targets are for, no row is ever at risk (rv28 R17): a margin set is said to do
    // nothing, not refused (a monthly job passes the same flags every month).
    const yearEnd = plan.notes.find((n) => n.code === 'year-end');
    if (o.atRiskMargin !== undefined && yearEnd) session.note({ en: `--at-risk-margin has no effect in ${yearEnd.period}: no month is left, and no row is at risk`, id: `--at-risk-margin tidak berpengaruh pada ${yearEnd.period}: tidak ada bulan tersisa, dan tidak ada baris yang berisiko` });
    for (const p of plan.planNotes ?? []) session.notes(p.notes, p.about);
    // The files of --previous are inputs of the report too: its change and pace come from them.
    const read = plan.previous ? plan.read.table.sources.concat(plan.previous.sources) : plan.read.table.sources;
    const report = coverageReport(plan.result, {
      sources: read,
      extract: plan.read.table.rule === 'sum',
      rowsRead: read.reduce((a, s) => a + s.rows, 0),
      denominatorSource: plan.denominatorSource,
      targetsSource: plan.targetsSource,
      targetsBaselinePeriod: plan.targetsBaselinePeriod,
      atRiskMargin: o.atRiskMargin ?? 0.05,
      codeSystem: session.codesWritten(),
      writtenCodes: session.writtenCodes(),
      sort,
      top: o.top,
      onNote: (words) => session.note(words),
    });
    const view = o.trend ? trendReport(plan.result, report) : plan.plans ? (await import('../report/coverage-compare.js')).comparePlansReport(plan.plans, report, plan.differences) : report;
    return { view, result: plan.result, written: [...plan.files, ...session.protectedInputs(o)], why: segmentsWhy(plan.notes) };
  })();
  // The threshold check for monthly jobs (every row, also those --top hides) is made before the report is
  // written, so that a check with nothing to check (exit 2) writes nothing; a breach (exit 1) is said after.
  let failed: JamsostekError | undefined;
  if (o.failBelow !== undefined) {
    const measure = o.failOn ?? 'coverage';
    const b = thresholdBreaches(result, measure, o.failScope ?? 'any', o.failBelow);
    failed = thresholdError(measure, o.failBelow, o.failScope ?? 'any', b, 10, measure === 'coverage' ? why : undefined);
    if (failed instanceof UsageError) throw failed;
    for (const n of [nothingBelowNote(measure, o.failBelow), zeroNote(measure, b)]) if (n) session.note(n);
    // The breach is the run's error on stderr (its first ten rows); the report files list up to a hundred
    // (rv25 F2): a report a monthly job forwards shows which rows they are. Not every one: 1,542 regency ×
    // segment rows made one cell of 53,079 characters, past an xlsx cell's 32,767 (rv27 F3).
    for (const d of failed ? thresholdError(measure, o.failBelow, o.failScope ?? 'any', b, 100, measure === 'coverage' ? why : undefined)!.diagnostics : []) session.inReportOnly({ en: d.message, id: d.id?.message ?? d.message }, 'fail-below');
  }
  await session.emit(view, written);
  if (failed) throw failed;
}
