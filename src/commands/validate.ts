// jamsostek validate — check input files as coverage would read them and report every problem: a
// Report like every command's (the terminal table, csv, json… with -f), of what was read (exit 0) or
// of every problem found, cells and duplicates together (exit 3). Writes nothing else.

import type { Command } from 'commander';
import { keysOf, SumOverflowError, type SourceFacts } from '../core/table.js';
import { countLevel } from '../core/coverage/plan.js';
import { InputError, JamsostekError, UsageError, problemsFound, say, usage, type Problem } from '../errors.js';
import { expandInputs } from '../io/inputs.js';
import { locateOverflowRow } from '../io/overflow-row.js';
import type { Io } from '../io/terminal.js';
import { INPUT_FLAGS, OUTPUT_FLAGS } from '../options/flags.js';
import { addFlags, resolveOptions } from '../options/resolve.js';
import { checkFields } from '../options/keys.js';
import { fromConfigFile } from '../options/origin.js';
import { grainOf } from '../options/specs.js';
import { describeCoreError } from '../report/problems.js';
import { problemsReport, VALIDATION_COLUMNS, validationReport } from '../report/validation.js';
import { planCoverageRun } from '../app/coverage.js';
import { loadOptions, openSession } from '../app/session.js';
import { dataFiles, stdinNamed, unusedDenominators } from '../app/read.js';
import { PACE_NOTES } from '../report/coverage-compare.js';
import { inputInertRules, outputInertRules, refuseInert } from '../app/inert.js';

export const EXAMPLES = `
Examples:
  $ jamsostek validate data/2024-06/*.csv
  $ jamsostek validate peserta.csv --number-locale id --delimiter ';'
  $ jamsostek validate kanwil.xlsx --sheet Juni
  $ cat peserta.json | jamsostek validate -

  # Every problem as JSON, for a job that posts them (exit 3 when there is one)
  $ jamsostek validate data/2024-06/*.csv -f json -o problems-2024-06.json
`;

const FLAGS = ['by', 'denominator', 'period', 'extract', 'workforce', 'expect', ...INPUT_FLAGS, ...OUTPUT_FLAGS] as const;

export function configure(cmd: Command): void {
  addFlags(cmd, FLAGS);
}

/** The problems an error lists, when it is about the input (usage errors and bugs are not). */
function problemsOf(e: unknown): readonly Problem[] | undefined {
  if (e instanceof UsageError || !(e instanceof JamsostekError)) return describeCoreError(e);
  return e instanceof InputError ? e.diagnostics : undefined;
}

export async function run(files: readonly string[], cli: Readonly<Record<string, unknown>>, io: Io): Promise<void> {
  const { o, session } = openSession(FLAGS, cli, io);
  // No file named: the config's "input" (an office's own file), as coverage reports it (app/read.ts dataFiles).
  const config = session.config;
  const input = config ? resolveOptions(['input'], {}, config).input : undefined;
  const named = await dataFiles(files, input, { en: `"input" in ${config?.file ?? ''}`, id: `"input" di ${config?.file ?? ''}` }, session, 'validate', stdinNamed(o as Readonly<Record<string, unknown>>));
  if (named.length === 0) throw usage({ message: 'name at least one file', hint: 'or set "input" in jamsostek.json to the file to check' }, { message: 'sebutkan paling sedikit satu berkas', hint: 'atau isikan "input" di jamsostek.json dengan berkas yang diperiksa' });
  const grain = grainOf(o.by, 3);
  // A config's "fields" is a default shared by many runs: Session.emit keeps the names this report has.
  if (!fromConfigFile(o, 'fields')) checkFields(o.fields, VALIDATION_COLUMNS.map((c) => c.key));
  refuseInert(cli, outputInertRules(session.targets(), io.stdout.isTTY === true, false));
  const sources: SourceFacts[] = [];
  let plan: Awaited<ReturnType<typeof planCoverageRun>>;
  try {
    // The same reading and checks as coverage, so that the two accept and refuse the same files.
    plan = await planCoverageRun(named, o, grain, loadOptions(o, io, undefined, sources), io, session);
  } catch (thrown) {
    // A sum past 2^53 − 1 is named at the file's row that takes it there (the files read again).
    const e = thrown instanceof SumOverflowError ? await locateOverflowRow(thrown) : thrown;
    const problems = problemsOf(e);
    if (!problems) throw e;
    const inputs = await expandInputs(named, io).catch(() => named);
    await session.emit(problemsReport(problems, session.lang), [...inputs, ...session.protectedInputs({})]);
    // Exit 3. When the report is not on the terminal (a file, a pipe, a log), the problems are also
    // said on stderr, as every command says its errors; on the terminal once is enough.
    if (!session.targets().some((t) => t.target === '-' && io.stdout.isTTY === true)) throw e;
    const { count: n, listed } = problemsFound(problems);
    const of = listed < n ? { en: `, ${listed} of them listed above`, id: `, ${listed} di antaranya tercantum di atas` } : { en: ' (listed above)', id: ' (tercantum di atas)' };
    throw new InputError(say(`the input has ${n} problem${n === 1 ? '' : 's'}${of.en}`, `input memiliki ${n} masalah${of.id}`));
  }
  refuseInert(cli, inputInertRules(sources, o));
  // What coverage would say of these files (a denominator taken from the bundled baseline, months left
  // out…), said here too: the files are the same, and so is what a report of them would mean.
  // Not the pace's: validate shows no pace and takes no --pace-window (rv16 #8d).
  session.notes(plan.notes.filter((n) => !PACE_NOTES.has(n.code) && n.code !== 'no-pace'));
  const t = plan.read.table;
  const wf = plan.workforce;
  const report = validationReport({
    sources: t.sources,
    // A denominator column the run does not divide by is a column not used (rv25 M5), --workforce's too (fx44).
    unusedMeasures: unusedDenominators(t, plan.result.denominatorFrom === 'input' ? plan.result.denominator : undefined),
    ...(wf ? { flagFiles: { sources: wf.sources, unusedMeasures: unusedDenominators(wf, plan.result.denominatorFrom === 'denominators' ? plan.result.denominator : undefined, ['participants']) } } : {}),
    extract: t.rule === 'sum',
    grain: plan.result.grain,
    groups: countLevel(plan.result.rowList, 'detail'),
    periods: keysOf(t, 'period').sort(),
  });
  await session.emit(report, [...plan.files, ...session.protectedInputs({})]);
}
