// jamsostek validate — check input files, report every problem, write nothing.

import type { Command } from 'commander';
import { usage } from '../errors.js';
import { loadDataset } from '../io/records.js';
import type { Io } from '../io/terminal.js';
import { COMMANDS } from './index.js';
import { addInputOptions, expandInputs, inputOptions, loadConfig, type RawOptions } from './shared.js';

export const VALIDATE_EXAMPLES = `
Examples:
  $ jamsostek validate data/2024-06/*.csv
  $ jamsostek validate peserta.csv --number-locale id --delimiter ';'
  $ cat peserta.json | jamsostek validate -
`;

export function registerValidate(program: Command, io: () => Io): void {
  const cmd = program
    .command('validate')
    .description(COMMANDS['validate']!.description)
    .argument('<files...>', 'CSV/JSON files or glob patterns, - for stdin')
    .option('--config <file>', 'read defaults from this JSON file');
  addInputOptions(cmd);
  cmd.addHelpText('after', VALIDATE_EXAMPLES);
  cmd.action(async (files: string[], opts: RawOptions) => runValidate(files, opts, io()));
}

export async function runValidate(files: string[], cli: RawOptions, io: Io): Promise<void> {
  if (files.length === 0) throw usage('name at least one file');
  const config = await loadConfig(cli['config'] as string | undefined, io);
  const inputs = await expandInputs(files, io);
  const ds = await loadDataset(inputs, { ...inputOptions(cli, config, io), required: [{ column: 'participants', why: 'active participants' }] });
  const areas = new Set(ds.records.map((r) => [r.province?.name, r.regency].filter(Boolean).join(' / ')).filter(Boolean));
  const periods = [...new Set(ds.records.map((r) => r.period).filter(Boolean))].sort();
  for (const s of ds.sources) {
    const blanks = s.blankLines.length ? `, ${s.blankLines.length} blank line${s.blankLines.length > 1 ? 's' : ''} skipped` : '';
    const delim = s.delimiter ? `delimiter ${s.delimiter === '\t' ? 'TAB' : `'${s.delimiter}'`}, ` : '';
    io.stdout.write(`${s.name}: ok: ${s.rows} rows, ${s.format}, ${delim}numbers ${s.numberLocale}, ${s.encoding}${blanks}\n`);
  }
  io.stdout.write(
    `valid: ${ds.sources.length} file${ds.sources.length > 1 ? 's' : ''}, ${ds.records.length} rows, ${areas.size} areas, ${periods.length ? `periods ${periods[0]}${periods.length > 1 ? `…${periods[periods.length - 1]} (${periods.length})` : ''}` : 'no period column'}\n`,
  );
}
