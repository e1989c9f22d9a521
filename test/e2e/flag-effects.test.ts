// Every flag of every command, in one table: a run where it is used (the run with it differs from the
// same run without it: output, messages or exit code), and where it could do nothing, a run where it is
// refused (exit 2, naming the flag, with a hint). A flag added to a command without a row here fails
// the first test (issue 17: "a flag that would have no effect in the run is refused with a hint").
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import { FLAGS, type FlagKey } from '../../src/options/flags.js';
import { run, tmp, type RunResult } from './helpers.js';

/** A case: `used` runs with the flag (compared with `without`, default: the same minus the flag's tokens); `refused` must exit 2. */
type Case = { readonly used: readonly string[]; readonly without?: readonly string[]; readonly tty?: boolean; readonly cwd?: boolean } | { readonly refused: readonly string[] };

const D = tmp();
const f = (name: string): string => join(D, name);

const REG = 'examples/gorontalo-regencies.csv';
const B = ['breakdown', '--target', '287599', '--year', '2024', '--input', REG, '--by', 'regency'];
const BY = ['breakdown', '--year', '2024'];
const C = ['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency'];
const CT = [...C, '--targets', 'examples/targets-2024-gorontalo.csv'];
const CY = ['coverage', '--year', '2024'];

const OUTPUT = (base: readonly string[], csvBase = true): Partial<Record<FlagKey, Case[]>> => ({
  format: [{ used: [...base, '-f', 'json'] }],
  output: [{ used: [...base, '-o', f('out.csv')] }],
  lang: [{ used: [...base, '-f', 'md', '--lang', 'id'], without: [...base, '-f', 'md', '--lang', 'en'] }],
  color: [{ used: [...base, '-f', 'table', '--color', 'always'] }, { refused: [...base, '-f', 'json', '--color', 'always'] }],
  fields: [{ used: [...base, '-f', 'csv', '--fields', base[0] === 'provinces' ? 'name' : base[0] === 'validate' ? 'file,rows' : base.includes('regency') ? 'regency' : 'province'] }],
  csvDialect: [...(csvBase ? [{ used: [...base, '-f', 'csv', '--csv-dialect', 'excel-id'] }] : []), { refused: [...base, '-f', 'json', '--csv-dialect', 'excel-id'] }],
  chart: base[0] === 'provinces' || base[0] === 'validate' ? [{ refused: [...base, '-f', 'table', '--chart'] }] : [{ used: [...base, '-f', 'table', '--chart'] }, { refused: [...base, '-f', 'csv', '--chart'] }],
  wide: [{ used: [...base, '--wide'], tty: true }, { refused: [...base, '-f', 'csv', '--wide'] }],
  quiet: [{ used: [...(base[0] === 'breakdown' ? BY : base[0] === 'coverage' ? ['coverage'] : [...base, '--config', f('lang.json')]), '-f', 'csv', '--quiet'] }],
  config: [{ used: [...base, '-f', 'md', '--config', f('lang.json')] }],
});

const INPUT = (cmd: 'breakdown' | 'coverage' | 'validate'): Partial<Record<FlagKey, Case[]>> => {
  const lead = cmd === 'breakdown' ? ['breakdown', '--target', '600000', '--year', '2024', '--input'] : [cmd];
  const tail = cmd === 'validate' ? [] : ['-f', 'csv'];
  const bare = cmd === 'breakdown' ? BY : cmd === 'coverage' ? ['coverage'] : undefined;
  return {
    numberLocale: [{ used: [...lead, 'test/fixtures/good/indonesian-counts.csv', '--number-locale', 'en', ...tail] }, ...(bare ? [{ refused: [...bare, '--number-locale', 'id'] }] : [])],
    codeSystem: [{ used: [...lead, 'test/fixtures/bad/papua-code.csv', '--code-system', 'bps', ...tail] }, ...(bare ? [{ used: [...bare, '--code-system', 'bps', '-f', 'csv'] }, { refused: [...bare, '--code-system', 'kemendagri'] }] : [])], // rv13 F9: bps writes BPS codes, on the bundled data too
    delimiter: [{ used: [...lead, f('semi.csv'), '--delimiter', ',', ...tail] }, { refused: [...lead, f('rows.json'), '--delimiter', ';', ...tail] }],
    encoding: [{ used: [...lead, 'test/fixtures/bad/latin1.csv', '--encoding', 'windows-1252', ...tail] }, { refused: [...lead, f('two-sheets.xlsx'), '--sheet', 'Juni', '--encoding', 'windows-1252', ...tail] }],
    sheet: [{ used: [...lead, f('two-sheets.xlsx'), '--sheet', 'Juni', ...tail] }, { refused: [...lead, f('semi.csv'), '--sheet', 'Juni', ...tail] }],
    headerRow: [{ used: [...lead, f('titled.csv'), '--header-row', '2', ...tail] }, { refused: [...lead, f('rows.json'), '--header-row', '2', ...tail] }],
    maxErrors: [{ used: [...lead, f('many-errors.csv'), '--max-errors', '2', ...tail] }],
    allowOverCoverage: [{ used: [...lead, 'test/fixtures/bad/over-coverage.csv', '--allow-over-coverage', ...tail] }],
    config: [{ used: [...lead, 'test/fixtures/bad/over-coverage.csv', '--config', f('permissive.json'), ...tail] }],
  };
};

const TABLE: Record<string, Partial<Record<FlagKey, Case[]>>> = {
  breakdown: {
    ...INPUT('breakdown'),
    ...OUTPUT(B),
    year: [{ used: [...BY, '-f', 'csv'] }],
    target: [{ used: [...B, '-f', 'csv'] }],
    scenario: [{ used: [...BY, '--scenario', 'rkat', '-f', 'csv'] }, { refused: [...B, '--scenario', 'rkat'] }],
    series: [{ used: [...BY, '--series', f('series.csv'), '-f', 'csv'] }, { refused: [...B, '--series', f('series.csv')] }],
    asOf: [{ used: [...BY, '--series', f('series.csv'), '--as-of', '2024-06', '-f', 'csv'] }, { refused: [...B, '--as-of', '2024-06'] }],
    input: [{ used: [...B, '-f', 'csv'] }],
    by: [{ used: [...BY, '--by', 'kanwil', '-f', 'csv'] }],
    basis: [{ used: [...B, '--basis', 'participants', '-f', 'csv'] }],
    denominator: [{ used: [...BY, '--denominator', 'potential_workers', '-f', 'csv'] }],
    mode: [{ used: [...B, '--mode', 'level', '-f', 'csv'] }],
    min: [{ used: [...B, '--mode', 'level', '--basis', 'workforce', '--min', 'none', '-f', 'csv'] }],
    max: [{ used: [...B, '--mode', 'level', '--basis', 'equal', '--max', 'none', '-f', 'csv'] }],
    maxCoverage: [{ used: [...B, '--max-coverage', '0.66', '-f', 'csv'] }],
    method: [{ used: [...B, '--method', 'dhondt', '-f', 'json'] }],
    columnTotals: [{ used: [...BY, '--by', 'province,segment', '--column-totals', 'PU=30000000,BPU=11000000,JAKON=8400000,PMI=600000', '-f', 'csv'] }, { refused: [...B, '--column-totals', 'PU=1'] }],
    rowTotals: [{ used: ['breakdown', '--input', REG, '--by', 'province,regency', '--row-totals', 'Gorontalo=287599', '-f', 'csv'] }, { refused: [...B, '--row-totals', 'Gorontalo=1'] }],
    months: [{ used: [...B, '--months', '-f', 'csv'] }],
    phasing: [{ used: [...B, '--months', '--phasing', f('profile.csv'), '-f', 'csv'] }, { refused: [...B, '--phasing', 'even'] }],
    explain: [{ used: [...B, '--explain', '-f', 'csv'] }],
    compare: [{ used: [...B, '--compare', 'webster,hamilton', '-f', 'csv'] }],
    compareScenario: [{ used: [...BY, '--compare-scenario', 'plan,rkat', '-f', 'csv'] }],
  },
  coverage: {
    ...INPUT('coverage'),
    ...OUTPUT(C),
    by: [{ used: [...C, '-f', 'csv'] }],
    denominator: [{ used: ['coverage', '--denominator', 'potential_workers', '-f', 'csv'] }],
    targets: [{ used: [...CT, '-f', 'csv'] }],
    year: [{ used: [...CY, '-f', 'csv'] }],
    scenario: [{ used: [...CY, '--scenario', 'rkat', '-f', 'csv'] }, { refused: ['coverage', '--scenario', 'rkat'] }, { refused: [...CT, '--scenario', 'rkat'] }],
    series: [{ used: [...CY, '--series', f('series.csv'), '-f', 'csv'] }, { refused: [...CT, '--series', f('series.csv')] }],
    // rv14: the milestones of --year (and of a yearly file) phased by the profile, as breakdown --months's.
    phasing: [{ used: ['coverage', f('june.csv'), ...CY.slice(1), '--phasing', f('profile.csv'), '-f', 'csv'] }, { refused: [...C, '--phasing', f('profile.csv')] }],
    asOf: [{ used: ['coverage', f('june.csv'), ...CY.slice(1), '--series', f('series.csv'), '--as-of', '2024-07', '-f', 'json'] }, { refused: [...C, '--as-of', '2024-06'] }],
    mode: [{ used: [...CY, '--mode', 'level', '-f', 'csv'] }, { refused: [...CT, '--mode', 'level'] }, { refused: ['coverage', '--mode', 'level'] }],
    basis: [{ used: [...CY, '--basis', 'workforce', '-f', 'csv'] }, { refused: [...CT, '--basis', 'workforce'] }],
    min: [{ used: [...CY, '--mode', 'level', '--basis', 'workforce', '--min', 'none', '-f', 'csv'] }, { refused: [...CT, '--min', 'none'] }],
    max: [{ used: [...CY, '--mode', 'level', '--basis', 'equal', '--max', 'none', '-f', 'csv'] }, { refused: [...CT, '--max', 'none'] }],
    maxCoverage: [{ used: [...CY, '--max-coverage', '0.4', '-f', 'csv'] }, { refused: [...CT, '--max-coverage', '0.4'] }],
    method: [{ used: [...CY, '--method', 'dhondt', '-f', 'json'] }, { refused: [...CT, '--method', 'dhondt'] }],
    // The units and totals --year plans with, as breakdown's (rv25 F12, F13).
    input: [{ used: [...CY, '--input', 'data/baseline.csv', '-f', 'csv'] }, { refused: [...CT, '--input', 'data/baseline.csv'] }, { refused: [...C, '--input', 'data/baseline.csv'] }, { used: ['coverage', '--input', 'data/baseline.csv', '-f', 'csv'] }],
    columnTotals: [{ used: [...CY, '--by', 'province,segment', '--column-totals', 'PU=30000000,BPU=11000000,JAKON=8400000,PMI=600000', '-f', 'csv'] }, { refused: [...CT, '--column-totals', 'PU=1'] }, { refused: [...CY, '--by', 'province', '--column-totals', 'PU=1'] }],
    rowTotals: [{ used: [...CY, '--by', 'kanwil,province', '--row-totals', f('kanwil-totals.csv'), '-f', 'csv'] }, { refused: [...CT, '--row-totals', 'Gorontalo=1'] }],
    expect: [{ used: ['coverage', 'examples/2024-06/gorontalo.csv', '--expect', 'kanwil:Sulama', '-f', 'csv'] }],
    period: [{ used: [...C, '--period', '2024-05', '-f', 'csv'] }],
    compareTargets: [{ used: [...CT, '--compare-targets', f('targets-b.csv'), '-f', 'csv'] }, { refused: [...C, '--compare-targets', f('targets-b.csv')] }],
    paceWindow: [{ used: ['coverage', f('june.csv'), '--previous', f('april.csv'), '--previous', f('may.csv'), '--pace-window', '1', '-f', 'csv'] }, { refused: [...C, '--period', '2024-05', '--pace-window', '2'] }],
    trend: [{ used: [...C, '--trend', '-f', 'csv'] }, { refused: [...C, '--period', '2024-05', '--trend'] }],
    previous: [{ used: ['coverage', f('june.csv'), '--previous', f('may.csv'), '-f', 'csv'] }],
    sort: [{ used: [...C, '--sort', 'coverage', '-f', 'csv'] }],
    top: [{ used: [...C, '--top', '2', '-f', 'csv'] }],
    atRiskMargin: [{ used: [...CT, '--at-risk-margin', '0.5', '-f', 'json'] }, { refused: [...C, '--at-risk-margin', '0.5'] }],
    failBelow: [{ used: [...C, '--fail-below', '99', '-f', 'csv'] }],
    failOn: [{ used: [...CT, '--fail-below', '95', '--fail-on', 'achievement', '-f', 'csv'] }, { refused: [...C, '--fail-on', 'coverage'] }],
    failScope: [{ used: [...C, '--fail-below', '57', '--fail-scope', 'total', '-f', 'csv'] }, { refused: [...C, '--fail-scope', 'total'] }],
    extract: [{ used: ['coverage', f('per-employer.csv'), '--extract', '-f', 'csv'] }],
    workforce: [{ used: ['coverage', f('extract.csv'), '--workforce', f('workforce.csv'), '-f', 'csv'] }, { refused: [...C, '--workforce', f('workforce.csv')] }],
  },
  validate: {
    ...INPUT('validate'),
    // validate reports like every command (issue 22): the output flags of a report.
    ...OUTPUT(['validate', 'examples/2024-06/gorontalo.csv']),
    // The grouping shows in the report's title (the groups at that key), which the table prints.
    by: [{ used: ['validate', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '-f', 'table'] }],
    denominator: [{ used: ['validate', f('own-base.csv'), '--denominator', 'basis_pekerja'] }],
    period: [{ used: ['validate', 'examples/2024-06/gorontalo.csv', '--period', '2023-01'] }],
    extract: [{ used: ['validate', f('per-employer.csv'), '--extract'] }],
    // rv25 F1, F6: the same denominators and completeness check as coverage.
    workforce: [{ used: ['validate', f('extract.csv'), '--workforce', f('workforce.csv')] }, { refused: ['validate', 'examples/2024-06/gorontalo.csv', '--workforce', f('workforce.csv')] }],
    expect: [{ used: ['validate', 'examples/2024-06/gorontalo.csv', '--expect', 'kanwil:Sulama'] }],
    quiet: [{ used: ['validate', 'test/fixtures/good/indonesian-counts.csv', '--config', f('lang.json'), '--quiet'] }],
    lang: [{ used: ['validate', 'test/fixtures/bad/negative.csv', '--lang', 'id'], without: ['validate', 'test/fixtures/bad/negative.csv', '--lang', 'en'] }],
  },
  provinces: {
    ...OUTPUT(['provinces']),
    regencies: [{ used: ['provinces', '--regencies', '-f', 'csv'] }],
    province: [{ used: ['provinces', '--province', 'Gorontalo', '-f', 'csv'] }],
  },
  template: {
    province: [{ used: ['template', '--province', 'Gorontalo'] }],
    segments: [{ used: ['template', '--segments'] }],
    sectors: [{ used: ['template', '--sectors', 'Pertanian,Pendidikan'] }],
    period: [{ used: ['template', '--period', '2024-06'] }],
    csvDialect: [{ used: ['template', '--csv-dialect', 'excel-id'] }],
    // rv25 F15, F9
    lang: [{ used: ['template', '--lang', 'id'], without: ['template', '--lang', 'en'] }],
    codeSystem: [{ used: ['template', '--code-system', 'bps'] }],
    output: [{ used: ['template', '-o', f('template.csv')] }],
    quiet: [{ used: ['template', '--quiet'] }],
    config: [{ used: ['template', '--config', f('quiet.json')] }],
  },
  completion: {},
};

/** The flags a command takes, from its own configure(). */
async function flagsOf(name: string): Promise<FlagKey[]> {
  const cmd = new Command(name);
  (await COMMANDS.get(name)!.load()).configure(cmd);
  const byName = new Map(Object.entries(FLAGS).map(([k, v]) => [v.name, k as FlagKey]));
  return cmd.options.map((o) => byName.get(o.long!.slice(2))!);
}

/** The args without a flag's tokens (its name and, for a flag with an argument, the value after it). */
function without(args: readonly string[], key: FlagKey): string[] {
  const def = FLAGS[key];
  const names = new Set([`--${def.name}`, ...(def.short ? [`-${def.short}`] : [])]);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (names.has(args[i]!)) {
      if (def.arg) i++;
      continue;
    }
    out.push(args[i]!);
  }
  return out;
}

const runIn = (args: readonly string[], c: { tty?: boolean }): Promise<RunResult> => run([...args], { ...(c.tty ? { tty: { columns: 60 } } : {}), env: { TZ: 'UTC' } });
// The run without the flag is the same run for many rows (a command's base run without -f json, without
// -o, without --fields …; at 1ff05be, 127 rows needed 79 distinct runs): each is made once and its result compared with every row that needs it. Not
// for template, whose file carries today's date; no run without a flag writes a file.
const withoutRuns = new Map<string, Promise<RunResult>>();
const runWithout = (args: readonly string[], c: { tty?: boolean }): Promise<RunResult> => {
  if (args[0] === 'template') return runIn(args, c);
  const key = JSON.stringify([args, c.tty === true]);
  let r = withoutRuns.get(key);
  if (r === undefined) withoutRuns.set(key, (r = runIn(args, c)));
  return r;
};

beforeAll(async () => {
  // The 2024 Kanwil targets with 1,000 moved from the first Kanwil to the second: still 50,000,000.
  const [head, ...lines] = (await run(['breakdown', '--year', '2024', '--by', 'kanwil', '-f', 'csv'])).stdout.trim().split('\n').map((l) => l.split(','));
  const t = head!.indexOf('target');
  const kanwil = lines.filter((c) => c[c.length - 1] === 'detail');
  writeFileSync(f('kanwil-totals.csv'), `kanwil,target\n${kanwil.map((c, i) => `${c[0]},${Number(c[t]) + (i === 0 ? -1000 : i === 1 ? 1000 : 0)}`).join('\n')}\n`);
  writeFileSync(f('quiet.json'), '{"quiet": true}\n');
  writeFileSync(f('permissive.json'), '{"allowOverCoverage": true}\n');
  writeFileSync(f('series.csv'), 'scenario,year,target,from\nplan,2023,41560000,\nplan,2024,51000000,\nplan,2024,52000000,2024-07\nplan,2026,70000000,\n');
  writeFileSync(f('profile.csv'), 'month,weight\n' + Array.from({ length: 12 }, (_, i) => `${i + 1},${i < 6 ? 1 : 3}`).join('\n') + '\n');
  writeFileSync(f('semi.csv'), 'province;period;workforce;participants\nGorontalo;2024-06;631521;256129\nMaluku;2024-06;853254;251000\n');
  writeFileSync(f('rows.json'), JSON.stringify([{ province: 'Gorontalo', period: '2024-06', workforce: 631521, participants: 256129 }, { province: 'Maluku', period: '2024-06', workforce: 853254, participants: 251000 }]));
  writeFileSync(f('titled.csv'), 'Laporan Juni 2024\nprovince,period,workforce,participants\nGorontalo,2024-06,631521,256129\nMaluku,2024-06,853254,251000\n');
  writeFileSync(f('many-errors.csv'), 'province,period,workforce,participants\n' + ['Atlantis', 'Lemuria', 'Mu', 'Hyperborea', 'Thule'].map((n) => `${n},2024-06,1000,10`).join('\n') + '\n');
  writeFileSync(f('june.csv'), 'period,province,potential_workers,participants\n2024-06,Gorontalo,422934,260000\n2024-06,Maluku,485724,256000\n');
  writeFileSync(f('targets-b.csv'), 'regency,year,target\nKab. Boalemo,2024,30000\n');
  writeFileSync(f('april.csv'), 'period,province,potential_workers,participants\n2024-04,Gorontalo,422934,255000\n2024-04,Maluku,485724,254500\n');
  writeFileSync(f('may.csv'), 'period,province,potential_workers,participants\n2024-05,Gorontalo,422934,258000\n2024-05,Maluku,485724,255000\n');
  writeFileSync(f('per-employer.csv'), 'province,period,participants\nGorontalo,2024-06,100\nGorontalo,2024-06,250\nMaluku,2024-06,80\n');
  writeFileSync(f('extract.csv'), 'participant_id,province,period\n1,Gorontalo,2024-06\n2,Gorontalo,2024-06\n3,Maluku,2024-06\n');
  writeFileSync(f('workforce.csv'), 'province,workforce\nGorontalo,1000\nMaluku,2000\n');
  writeFileSync(f('own-base.csv'), 'province,period,basis_pekerja,participants\nGorontalo,2024-06,300000,200000\n');
  writeFileSync(f('lang.json'), '{"lang": "id"}\n');
  const wb = new ExcelJS.Workbook();
  for (const [name, parts] of [['Mei', [250000, 250500]], ['Juni', [256129, 251000]]] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow(['province', 'period', 'workforce', 'participants']);
    ws.addRow(['Gorontalo', name === 'Mei' ? '2024-05' : '2024-06', 631521, parts[0]]);
    ws.addRow(['Maluku', name === 'Mei' ? '2024-05' : '2024-06', 853254, parts[1]]);
  }
  await wb.xlsx.writeFile(f('two-sheets.xlsx'));
  mkdirSync(f('out'), { recursive: true });
});

describe('every flag of every command: used, or refused', () => {
  it('every flag of every command has a row in the table', async () => {
    for (const name of COMMANDS.keys()) {
      for (const k of await flagsOf(name)) expect(TABLE[name]?.[k]?.length ?? 0, `${name} ${FLAGS[k].name}`).toBeGreaterThan(0);
    }
  });

  const cases: [string, FlagKey, Case][] = [];
  for (const [cmd, flags] of Object.entries(TABLE)) for (const [k, list] of Object.entries(flags)) for (const c of list!) cases.push([cmd, k as FlagKey, c]);

  it.each(cases.filter((c) => 'used' in c[2]).map((c) => [`${c[0]} --${FLAGS[c[1]].name}`, c[1], c[2]] as const))('%s: used', async (_name, key, c) => {
    if (!('used' in c)) return;
    const a = await runIn(c.used, c);
    const b = await runWithout(c.without ?? without(c.used, key), c);
    expect(a.code, a.stderr).not.toBe(70);
    expect(a.code === 2 && new RegExp(`--${FLAGS[key].name}`).test(a.stderr), `refused: ${a.stderr}`).toBe(false);
    expect([a.code, a.stdout, a.stderr]).not.toEqual([b.code, b.stdout, b.stderr]);
  });

  it.each(cases.filter((c) => 'refused' in c[2]).map((c) => [`${c[0]} --${FLAGS[c[1]].name}`, c[1], c[2]] as const))('%s: refused where it would do nothing', async (_name, key, c) => {
    if (!('refused' in c)) return;
    const r = await runIn(c.refused, {});
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`--${FLAGS[key].name}`));
    expect(r.stderr).toMatch(/hint: /);
    expect(r.stdout).toBe('');
  });
});
