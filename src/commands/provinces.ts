// jamsostek provinces — the reference list: both code systems, names, aliases, Kanwil.

import type { Command } from 'commander';
import { provinceRegistry } from '../io/areas.js';
import type { Io } from '../io/terminal.js';
import { COMMANDS } from './index.js';
import type { Report } from '../render/model.js';
import { addOutputOptions, emitReport, loadConfig, outputOptions, type RawOptions } from './shared.js';

export const PROVINCES_EXAMPLES = `
Examples:
  $ jamsostek provinces
  $ jamsostek provinces -f csv > provinces.csv
  $ jamsostek provinces --fields kemendagri_code,bps_code,name -f md
`;

export function registerProvinces(program: Command, io: () => Io): void {
  const cmd = program
    .command('provinces')
    .description(COMMANDS['provinces']!.description)
    .option('--config <file>', 'read defaults from this JSON file');
  addOutputOptions(cmd);
  cmd.addHelpText('after', PROVINCES_EXAMPLES);
  cmd.action(async (opts: RawOptions) => runProvinces(opts, io()));
}

export async function runProvinces(cli: RawOptions, io: Io): Promise<void> {
  const config = await loadConfig(cli['config'] as string | undefined, io);
  const reg = provinceRegistry();
  const report: Report = {
    kind: 'provinces',
    title: { en: 'Provinces of Indonesia', id: 'Provinsi di Indonesia' },
    columns: [
      { key: 'kemendagri_code', label: { en: 'Kemendagri', id: 'Kemendagri' }, kind: 'text' },
      { key: 'bps_code', label: { en: 'BPS', id: 'BPS' }, kind: 'text' },
      { key: 'name', label: { en: 'name', id: 'nama' }, kind: 'text' },
      { key: 'english_name', label: { en: 'English name', id: 'nama Inggris' }, kind: 'text' },
      { key: 'kanwil', label: { en: 'regional office (Kanwil)', id: 'kanwil' }, kind: 'text' },
      { key: 'regencies', label: { en: 'regencies/cities', id: 'kab/kota' }, kind: 'int' },
      { key: 'aliases', label: { en: 'aliases', id: 'alias' }, kind: 'text' },
    ],
    rows: reg.provinces.map((p) => ({
      values: {
        kemendagri_code: p.kemendagri,
        bps_code: p.bps,
        name: p.name,
        english_name: p.english,
        kanwil: p.kanwil,
        regencies: p.kabupaten + p.kota,
        aliases: p.aliases.join('; '),
      },
    })),
    totals: { name: 'Total', regencies: reg.provinces.reduce((a, p) => a + p.kabupaten + p.kota, 0) },
    meta: { command: 'provinces', source: 'data/provinces.csv', note: 'BPS and Kemendagri codes differ for the six Papua provinces' },
  };
  await emitReport(report, outputOptions(cli, config, io), io);
}
