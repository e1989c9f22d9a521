// jamsostek template — an input file with the right headers and one row per area, for an office to
// fill in; `validate` accepts it once the counts are filled in.

import type { Command } from 'commander';
import { SEGMENTS } from '../core/domain.js';
import { provinceRegistry } from '../io/areas.js';
import { regencyRegistry } from '../io/regencies.js';
import { writeOutputs, type Output } from '../io/output.js';
import { refuseInert } from '../app/inert.js';
import type { Io } from '../io/terminal.js';
import { addFlags } from '../options/resolve.js';
import { openSession } from '../app/session.js';
import { provinceFlag } from '../app/province-flag.js';
import { checkTemplateSplits } from '../app/splits.js';
import { fromConfigFile } from '../options/origin.js';

export const EXAMPLES = `
Examples:
  # One row per province, to fill in for a month
  $ jamsostek template --period 2024-06 -o peserta-2024-06.csv

  # Gorontalo: its six regencies and cities, a participants column per segment, the workforce once
  $ jamsostek template --province Gorontalo --segments -o gorontalo.csv

  # The same as a workbook: counts formatted and checked (whole numbers, 0 or more) by Excel itself
  $ jamsostek template --province Gorontalo -o gorontalo.xlsx

  # Per sector, for Indonesian Excel (';' and CRLF)
  $ jamsostek template --province "Jawa Barat" --sectors Pertanian,Pendidikan --csv-dialect excel-id -o jabar.csv
`;

// --lang and --code-system as every command takes them, from the flag or the config (rv25 F15, F9): the
// notes in the office's language, the codes in the system its validate and coverage will read them in.
const FLAGS = ['province', 'segments', 'sectors', 'period', 'csvDialect', 'codeSystem', 'lang', 'output', 'quiet', 'config'] as const;

export function configure(cmd: Command): void {
  addFlags(cmd, FLAGS);
}

export async function run(_args: readonly string[], cli: Readonly<Record<string, unknown>>, io: Io): Promise<void> {
  const { o, session } = openSession(FLAGS, cli, io, [], { formats: ['csv', 'xlsx'], stdout: 'csv' });
  // Each -o is written; its extension names its format, checked as every command checks it: a template
  // is CSV or xlsx only (CSV on standard output), never CSV under a .json or .txt name.
  const outputs = session.targets();
  const names = [...new Set(outputs.map((t) => t.format))].join(', ');
  refuseInert(cli, [{ flag: 'csvDialect', inert: !outputs.some((t) => t.format === 'csv'), why: { en: `--csv-dialect shapes CSV; this run writes ${names}`, id: `--csv-dialect mengatur CSV; proses ini menulis ${names}` }, hint: { en: 'leave out --csv-dialect, or add a .csv output', id: 'hilangkan --csv-dialect, atau tambahkan keluaran .csv' } }]);
  const now = io.now();
  const period = o.period ?? `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const excel = o.csvDialect === 'excel-id';
  const sep = excel ? ';' : ',';
  const eol = excel ? '\r\n' : '\n';
  const reg = provinceRegistry();
  const secs: (string | undefined)[] = o.sectors?.length ? o.sectors : [undefined];
  const header = ['province_code', 'province'];
  const areas: { code: string; name: string; regency?: string }[] = [];
  if (o.province) {
    const p = provinceFlag(o.province);
    header.push('regency');
    for (const r of regencyRegistry().inProvince(p.kemendagri)) areas.push({ code: p.kemendagri, name: p.name, regency: r.name });
  } else for (const p of reg.provinces) areas.push({ code: p.kemendagri, name: p.name });
  const bps = o.codeSystem === 'bps';
  const codeOf = (kemendagri: string): string => (bps ? (reg.byKemendagri(kemendagri)?.bps ?? kemendagri) : kemendagri);
  // A month before a 2022 Papua split: today's rows would miss the old province's other parts (rv21 B).
  checkTemplateSplits(new Set(areas.map((a) => a.code)), period);
  if (o.sectors?.length) header.push('sector');
  header.push('period', 'workforce', 'participants');
  // --segments: a participants column per segment on the area's one row, not a row per segment. An office
  // knows its regency's workforce, never a segment's: on four segment rows it was filled in four times, and
  // coverage was over four times the workforce (rv28 R15: 60 % shown as 15 %). The wide row gives the
  // workforce once; coverage shows it on the area, and no coverage on its segments.
  const parts = o.segments ? SEGMENTS.map((s) => `participants_${s.toLowerCase()}`) : [];
  for (const c of parts) header.push(c);
  const quote = (s: string): string => (s.includes(sep) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
  const rows: string[][] = [];
  for (const a of areas) for (const sec of secs) rows.push([codeOf(a.code), a.name, ...(a.regency !== undefined ? [a.regency] : []), ...(sec ? [sec] : []), period, '', '', ...parts.map(() => '')]);
  const written: Output[] = [];
  for (const { target, format } of outputs) {
    if (format === 'xlsx') {
      const { renderTemplateXlsx } = await import('../render/xlsx-template.js');
      written.push({ target, data: await renderTemplateXlsx({ header, counts: header.map((h) => h === 'workforce' || h.startsWith('participants')), rows }) });
    } else written.push({ target, data: (excel ? '\uFEFF' : '') + [header, ...rows].map((l) => l.map(quote).join(sep)).join(eol) + eol });
  }
  await writeOutputs(written, io, { protect: session.protectedInputs({}) });
  // Said once the file is there: a failed write says only its error (rv16 #8e).
  // BPS codes typed (not the config's, which validate reads too): the next step needs the flag as well.
  const next = bps && !fromConfigFile(o, 'codeSystem') ? 'jamsostek validate <file> --code-system bps' : 'jamsostek validate <file>';
  if (o.segments) session.note({ en: `fill in, on every row, workforce (the area's, once: or rename it potential_workers or employed, whichever base you report on), each segment's participants (${parts.join(', ')}) and participants, their sum; then: ${next}`, id: `isi di setiap baris workforce (milik wilayah itu, sekali: atau ganti namanya menjadi potential_workers atau employed, sesuai penyebut yang dilaporkan), peserta tiap segmen (${parts.join(', ')}) dan participants, jumlahnya; lalu: ${next}` });
  else session.note({ en: `fill in workforce (or rename it potential_workers or employed, whichever base you report on) and participants on every row; then: ${next}`, id: `isi workforce (atau ganti namanya menjadi potential_workers atau employed, sesuai penyebut yang dilaporkan) dan participants di setiap baris; lalu: ${next}` });
  if (!o.period) session.note({ en: `period: ${period}, this month (--period yyyy-mm for another)`, id: `periode: ${period}, bulan ini (--period yyyy-mm untuk bulan lain)` });
}
