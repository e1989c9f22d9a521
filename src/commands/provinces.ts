// jamsostek provinces — the reference lists: the 38 provinces (or the 514 regencies and cities), with
// their codes in both systems (BPS and Kemendagri differ for the six Papua provinces), names, aliases
// and regional office.

import type { Command } from 'commander';
import { provinceRegistry } from '../io/areas.js';
import type { Io } from '../io/terminal.js';
import { OUTPUT_FLAGS } from '../options/flags.js';
import { addFlags } from '../options/resolve.js';
import type { Report } from '../report/model.js';
import { regencyRegistry } from '../io/regencies.js';
import { openSession } from '../app/session.js';
import { outputInertRules, refuseInert } from '../app/inert.js';
import { provinceFlag } from '../app/province-flag.js';

export const EXAMPLES = `
Examples:
  $ jamsostek provinces
  $ jamsostek provinces -f csv > provinces.csv
  $ jamsostek provinces --fields kemendagri_code,bps_code,name -f md
  $ jamsostek provinces --regencies --province Gorontalo
`;

const FLAGS = ['regencies', 'province', ...OUTPUT_FLAGS] as const;

export function configure(cmd: Command): void {
  addFlags(cmd, FLAGS);
}

export async function run(_args: readonly string[], cli: Readonly<Record<string, unknown>>, io: Io): Promise<void> {
  const { o, session } = openSession(FLAGS, cli, io);
  refuseInert(cli, outputInertRules(session.targets(), io.stdout.isTTY === true, false));
  const reg = provinceRegistry();
  if (o.regencies || o.province) {
    await session.emit(regencyReport(o.province), session.protectedInputs({}));
    return;
  }
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
      values: { kemendagri_code: p.kemendagri, bps_code: p.bps, name: p.name, english_name: p.english, kanwil: p.kanwil, regencies: p.kabupaten + p.kota, aliases: p.aliases.join('; ') },
    })),
    totals: { name: 'Total', regencies: reg.provinces.reduce((a, p) => a + p.kabupaten + p.kota, 0) },
    meta: { command: 'provinces', source: 'data/provinces.csv', note: 'BPS and Kemendagri codes differ for the six Papua provinces' },
  };
  await session.emit(report, session.protectedInputs({}));
}

/** The 514 regencies and cities (or one province's), both code systems side by side. */
function regencyReport(province: string | undefined): Report {
  const provinces = provinceRegistry();
  const reg = regencyRegistry();
  let list = reg.regencies;
  if (province !== undefined) {
    const p = provinceFlag(province);
    list = reg.inProvince(p.kemendagri);
  }
  return {
    kind: 'regencies',
    title: { en: 'Regencies and cities of Indonesia', id: 'Kabupaten dan kota di Indonesia' },
    columns: [
      { key: 'kemendagri_code', label: { en: 'Kemendagri', id: 'Kemendagri' }, kind: 'text' },
      { key: 'bps_code', label: { en: 'BPS', id: 'BPS' }, kind: 'text' },
      { key: 'name', label: { en: 'name', id: 'nama' }, kind: 'text' },
      { key: 'type', label: { en: 'type', id: 'jenis' }, kind: 'text' },
      { key: 'province_code', label: { en: 'province code', id: 'kode provinsi' }, kind: 'text' },
      { key: 'province', label: { en: 'province', id: 'provinsi' }, kind: 'text' },
      { key: 'population', label: { en: 'population', id: 'penduduk' }, kind: 'int' },
    ],
    rows: list.map((r) => ({
      values: { kemendagri_code: r.kemendagri, bps_code: r.bps, name: r.name, type: r.type, province_code: r.province, province: provinces.byKemendagri(r.province)?.name ?? r.province, population: r.population },
    })),
    totals: { name: 'Total', population: list.every((r) => r.population !== null) ? list.reduce((a, r) => a + r.population!, 0) : null },
    meta: { command: 'provinces', list: 'regencies', source: 'data/regencies.csv', note: 'BPS and Kemendagri codes differ for many regencies (Kemendagri 75.01 is Kabupaten Gorontalo, BPS 7501 is Boalemo): join on names, or say which code system' },
  };
}
