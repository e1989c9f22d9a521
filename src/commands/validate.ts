// jamsostek validate — check input files as coverage would read them, report every problem, write nothing.

import type { Command } from 'commander';
import { usage } from '../errors.js';
import type { Io } from '../io/terminal.js';
import { INPUT_FLAGS } from '../options/flags.js';
import { addFlags } from '../options/resolve.js';
import { grainOf } from '../options/specs.js';
import { planCoverageRun } from '../app/coverage.js';
import { loadOptions, openSession } from '../app/session.js';
import { keysOf, type SourceFacts } from '../core/table.js';
import { inputInertRules, refuseInert } from '../app/inert.js';

export const EXAMPLES = `
Examples:
  $ jamsostek validate data/2024-06/*.csv
  $ jamsostek validate peserta.csv --number-locale id --delimiter ';'
  $ jamsostek validate kanwil.xlsx --sheet Juni
  $ cat peserta.json | jamsostek validate -
`;

const FLAGS = ['by', 'denominator', 'period', 'extract', 'quiet', 'lang', ...INPUT_FLAGS] as const;

export function configure(cmd: Command): void {
  addFlags(cmd, FLAGS);
}

export async function run(files: readonly string[], cli: Readonly<Record<string, unknown>>, io: Io): Promise<void> {
  if (files.length === 0) throw usage('name at least one file', 'sebutkan paling sedikit satu berkas');
  const { o, session } = openSession(FLAGS, cli, io);
  // The same reading and checks as coverage, so that the two accept and refuse the same files.
  const sources: SourceFacts[] = [];
  const plan = await planCoverageRun(files, o, grainOf(o.by, 3), loadOptions(o, io, undefined, sources), io, session);
  refuseInert(cli, inputInertRules(sources));
  const t = plan.read.table;
  for (const s of t.sources) {
    const parts = [`${s.rows} rows`, s.format + (s.sheet ? ` (sheet ${s.sheet}${s.headerRow ? `, header on row ${s.headerRow}` : ''})` : '')];
    if (s.delimiter) parts.push(`delimiter ${s.delimiter === '\t' ? 'TAB' : `'${s.delimiter}'`}`);
    parts.push(`numbers ${s.numberLocale ?? 'plain'}`, s.encoding);
    if (s.blankLines) parts.push(`${s.blankLines} blank line${s.blankLines > 1 ? 's' : ''} skipped`);
    if (t.rule === 'sum') parts.push('extract: rows added up per key');
    if (s.ignoredColumns.length) parts.push(`not used: ${s.ignoredColumns.join(', ')}`);
    io.stdout.write(`${s.name}: ok: ${parts.join(', ')}\n`);
  }
  const periods = keysOf(t, 'period').sort();
  const areas = plan.result.rows.filter((r) => r.level === 'detail').length;
  io.stdout.write(`valid: ${t.sources.length} file${t.sources.length > 1 ? 's' : ''}, ${t.sources.reduce((a, s) => a + s.rows, 0)} rows, ${areas} ${plan.result.grain.join(' × ')} groups, ${periods.length ? `periods ${periods[0]}${periods.length > 1 ? `…${periods[periods.length - 1]} (${periods.length})` : ''}` : 'no period column'}\n`);
}
