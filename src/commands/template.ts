// jamsostek template — an input file with the right headers for an office to fill in.

import type { Command } from 'commander';
import { SEGMENTS } from '../core/types.js';
import { usage } from '../errors.js';
import { provinceRegistry } from '../io/areas.js';
import { writeOutputs } from '../io/output.js';
import type { Io } from '../io/terminal.js';
import { COMMANDS } from './index.js';
import { loadConfig, pick, type RawOptions } from './shared.js';

export const TEMPLATE_EXAMPLES = `
Examples:
  # One row per province, to fill in for a month
  $ jamsostek template --period 2024-06 -o peserta-2024-06.csv

  # Gorontalo, one row per segment, for its regencies (fill in the regency names)
  $ jamsostek template --province Gorontalo --segments -o gorontalo.csv

  # Per sector, for Indonesian Excel (';' and CRLF)
  $ jamsostek template --province "Jawa Barat" --sectors Pertanian,Pendidikan --csv-dialect excel-id -o jabar.csv
`;

export function registerTemplate(program: Command, io: () => Io): void {
  program
    .command('template')
    .description(COMMANDS['template']!.description)
    .option('--province <name>', 'one province: rows for its regencies to fill in')
    .option('--segments', 'one row per segment (PU, BPU, JAKON, PMI)')
    .option('--sectors <list>', 'one row per sector, e.g. Pertanian,Pendidikan')
    .option('--period <yyyy-mm>', 'the month the file is for (default: the current month)')
    .option('--csv-dialect <dialect>', "rfc4180 (',' LF) or excel-id (';' CRLF BOM)")
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .option('--config <file>', 'read defaults from this JSON file')
    .addHelpText('after', TEMPLATE_EXAMPLES)
    .action(async (opts: RawOptions) => runTemplate(opts, io()));
}

export async function runTemplate(cli: RawOptions, io: Io): Promise<void> {
  const config = await loadConfig(cli['config'] as string | undefined, io);
  const now = io.now();
  const period = (cli['period'] as string | undefined) ?? `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw usage(`--period expects YYYY-MM, got "${period}"`);
  const dialect = pick<string>(cli, config, 'csvDialect') ?? 'rfc4180';
  if (dialect !== 'rfc4180' && dialect !== 'excel-id') throw usage(`--csv-dialect: rfc4180 or excel-id, not "${dialect}"`);
  const sep = dialect === 'excel-id' ? ';' : ',';
  const eol = dialect === 'excel-id' ? '\r\n' : '\n';
  const sectors = cli['sectors'] ? String(cli['sectors']).split(',').map((s) => s.trim()).filter(Boolean) : [];
  const reg = provinceRegistry();
  const quote = (s: string): string => (s.includes(sep) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
  const lines: string[][] = [];
  const header = ['province_code', 'province'];
  if (cli['province']) {
    const p = reg.byNameOrAlias(String(cli['province']));
    if (!p) throw usage(`unknown province "${cli['province']}"`, reg.closestName(String(cli['province'])) ? `did you mean "${reg.closestName(String(cli['province']))}"?` : 'jamsostek provinces lists the names');
    header.push('regency');
    if (cli['segments']) header.push('segment');
    if (sectors.length) header.push('sector');
    header.push('period', 'workforce', 'participants');
    const segs = cli['segments'] ? [...SEGMENTS] : [undefined];
    const secs = sectors.length ? sectors : [undefined];
    // Regency names are not bundled: the office fills them in (one block of rows per regency/city).
    for (const seg of segs) for (const sec of secs) lines.push([p.kemendagri, p.name, '', ...(seg ? [seg] : []), ...(sec ? [sec] : []), period, '', '']);
  } else {
    if (cli['segments']) header.push('segment');
    if (sectors.length) header.push('sector');
    header.push('period', 'workforce', 'participants');
    for (const p of reg.provinces) {
      for (const seg of cli['segments'] ? [...SEGMENTS] : [undefined]) {
        for (const sec of sectors.length ? sectors : [undefined]) lines.push([p.kemendagri, p.name, ...(seg ? [seg] : []), ...(sec ? [sec] : []), period, '', '']);
      }
    }
  }
  const text = (dialect === 'excel-id' ? '\uFEFF' : '') + [header, ...lines].map((l) => l.map(quote).join(sep)).join(eol) + eol;
  const out = pick<string>(cli, config, 'output');
  await writeOutputs([{ target: out ?? '-', data: text }], io, { protect: [typeof cli['config'] === 'string' ? cli['config'] : 'jamsostek.json'] });
}
