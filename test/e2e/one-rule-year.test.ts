// One rule for breakdown and coverage --year (rv25 F12, F13, F11): the config's "columnTotals",
// "rowTotals" and "input" plan coverage --year's targets as they plan breakdown's; segment totals for a
// year after 2024 apply to that year only, not to the Decembers on the way; and a report whose
// denominators are not the ones the targets were planned on says so, province by province, whether the
// targets are planned (--year) or read (--targets). Each test failed on main at 1ff05be. Expected figures
// are the totals written into the test's own files, summed here by hand, never the tool's functions.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteText } from '../../src/report/vocabulary.js';
import { csvRows, ROOT, run, tmp } from './helpers.js';

const withConfig = (config: object): string => {
  const dir = tmp();
  writeFileSync(join(dir, 'jamsostek.json'), JSON.stringify(config));
  return dir;
};
const sumBy = (rows: Record<string, string>[], key: string, value: string): Map<string, number> => {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r[key]!, (out.get(r[key]!) ?? 0) + Number(r[value]));
  return out;
};
const detail = (text: string): Record<string, string>[] => csvRows(text).filter((r) => r['level'] === 'detail');
/** Each row's target by its keys (and level), from a breakdown or a coverage CSV. */
const targetsOf = (text: string, keys: readonly string[]): Map<string, string> => new Map(csvRows(text).map((r) => [[...keys.map((k) => r[k]), r['level']].join('|'), r['target']!]));

/** The bundled baseline as an office file: province, segment participants, and Gorontalo's employed changed. */
function officeFile(dir: string, gorontaloEmployed: number, name = 'office.csv'): string {
  const lines = readFileSync(join(ROOT, 'data', 'baseline.csv'), 'utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const at = (name: string): number => head.indexOf(name);
  const out = ['period,province,employed,participants,participants_pu,participants_bpu,participants_jakon,participants_pmi'];
  for (const line of lines.slice(1)) {
    const c = line.split(',');
    const employed = c[at('province')] === 'Gorontalo' ? String(gorontaloEmployed) : c[at('employed')];
    out.push([c[at('period')], c[at('province')], employed, ...['participants', 'participants_pu', 'participants_bpu', 'participants_jakon', 'participants_pmi'].map((m) => c[at(m)])].join(','));
  }
  writeFileSync(join(dir, name), `${out.join('\n')}\n`);
  return name;
}

describe('F12: the config\'s segment and row totals plan coverage --year as they plan breakdown', () => {
  const segments = { PU: 26_000_000, BPU: 14_000_000, JAKON: 8_000_000, PMI: 2_000_000 };

  it('columnTotals: every cell of coverage --year 2024 --by province,segment is breakdown\'s, and the segments add up to the config\'s totals', async () => {
    const cwd = withConfig({ columnTotals: Object.entries(segments).map(([k, v]) => `${k}=${v}`).join(',') });
    const b = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '-f', 'csv'], { cwd });
    const c = await run(['coverage', '--year', '2024', '--by', 'province,segment', '-f', 'csv'], { cwd });
    expect(b.code, b.stderr).toBe(0);
    expect(c.code, c.stderr).toBe(0);
    // By hand: the config's totals (main: PU 29,520,050, BPU 11,056,304, JAKON 8,854,669, PMI 568,977).
    const bySegment = sumBy(detail(c.stdout), 'segment', 'target');
    for (const [s, v] of Object.entries(segments)) expect(bySegment.get(s), s).toBe(v);
    expect(targetsOf(c.stdout, ['province', 'segment'])).toEqual(targetsOf(b.stdout, ['province', 'segment']));
    const gorontalo = detail(c.stdout).filter((r) => r['province'] === 'Gorontalo');
    expect(gorontalo.find((r) => r['segment'] === 'BPU')!['target']).toBe('92805'); // rv25: the office's figure; main gave 78,005
  });

  it('columnTotals with --by province (one key): coverage --year refuses as breakdown does, rather than plan without them', async () => {
    const cwd = withConfig({ columnTotals: 'PU=26000000,BPU=14000000,JAKON=8000000,PMI=2000000' });
    for (const cmd of ['breakdown', 'coverage']) {
      const r = await run([cmd, '--year', '2024', '-f', 'csv'], { cwd });
      expect(r.code, `${cmd}: ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('--row-totals and --column-totals need two --by columns; --by is province');
    }
    // Targets read from a file do not plan: the config's totals have nothing to shape there.
    const b = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '-o', 't.csv'], { cwd });
    expect(b.code, b.stderr).toBe(0);
    expect((await run(['coverage', '--targets', 't.csv', '-f', 'csv'], { cwd })).code).toBe(0);
  });

  it('rowTotals of a nested kanwil,province plan: the Kanwil subtotals are the file\'s in both commands', async () => {
    const cwd = tmp();
    const kanwil = csvRows((await run(['breakdown', '--year', '2024', '--by', 'kanwil', '-f', 'csv'], { cwd })).stdout).filter((r) => r['level'] === 'detail');
    // Sulama 300,000 more, Jawa Barat 300,000 less: still 50,000,000.
    const totals = new Map(kanwil.map((r) => [r['kanwil']!, Number(r['target']) + (r['kanwil']!.includes('Sulama') ? 300_000 : r['kanwil'] === 'Jawa Barat' ? -300_000 : 0)]));
    writeFileSync(join(cwd, 'rt.csv'), `kanwil,target\n${[...totals].map(([k, v]) => `${k},${v}`).join('\n')}\n`);
    writeFileSync(join(cwd, 'jamsostek.json'), JSON.stringify({ rowTotals: 'rt.csv' }));
    const b = await run(['breakdown', '--year', '2024', '--by', 'kanwil,province', '-f', 'csv'], { cwd });
    const c = await run(['coverage', '--year', '2024', '--by', 'kanwil,province', '-f', 'csv'], { cwd });
    expect(b.code, b.stderr).toBe(0);
    expect(c.code, c.stderr).toBe(0);
    const sub = (text: string): Map<string, number> => sumBy(detail(text), 'kanwil', 'target');
    expect(sub(c.stdout)).toEqual(totals); // main: Sulama 3,874,402 against the file's 4,174,403
    expect(sub(b.stdout)).toEqual(totals);
    expect(targetsOf(c.stdout, ['kanwil', 'province'])).toEqual(targetsOf(b.stdout, ['kanwil', 'province']));
  });

  it('segment totals for 2026 are 2026\'s only: the Decembers on the way are split by the rule alone, and the note says so', async () => {
    const given = { PU: 36_000_000, BPU: 22_000_000, JAKON: 9_000_000, PMI: 3_000_000 }; // 70,000,000
    const flag = Object.entries(given).map(([k, v]) => `${k}=${v}`).join(',');
    const cwd = withConfig({ columnTotals: flag });
    const c = await run(['coverage', '--year', '2026', '--by', 'province,segment', '-f', 'csv'], { cwd });
    const typed = await run(['breakdown', '--year', '2025', '--by', 'province,segment', '--column-totals', 'PU=30000000,BPU=20000000,JAKON=8000000,PMI=2000000', '-f', 'csv'], { cwd: tmp() });
    expect(c.code, c.stderr).toBe(0); // main: exit 0, but planned without the totals (PU 41,328,070 against 36,000,000)
    expect(typed.code, typed.stderr).toBe(0); // main: refused, "the segment totals add up to 60,000,000 but the target is 50,000,000 (… December 2024 on the way)"
    for (const [s, v] of Object.entries(given)) expect(sumBy(detail(c.stdout), 'segment', 'target').get(s), s).toBe(v);
    expect(sumBy(detail(typed.stdout), 'segment', 'target').get('BPU')).toBe(20_000_000);
    expect(c.stderr).toContain("the segment totals given are December 2026's only: each December on the way is split by the rule alone (breakdown --year 2024, --year 2025 without them)");
  });

  it('the notes in Indonesian', () => {
    expect(noteText({ code: 'plan-input', file: 'office.csv', config: './jamsostek.json' }, 'id')).toBe('target direncanakan pada office.csv ("input" di ./jamsostek.json), unit yang dibagi breakdown dengan pengaturan yang sama, bukan pada baseline bawaan');
    const n = { code: 'waypoints-national', year: 2026, passes: [{ month: '2024-12', total: 50_000_000 }, { month: '2025-12', total: 60_000_000 }], margins: ['segment'] } as const;
    expect(noteText(n, 'id')).toContain('total segmen yang diberikan hanya untuk Desember 2026: setiap Desember di tengah jalan dibagi menurut aturan saja (breakdown --year 2024, --year 2025 tanpa total itu)');
  });
});

describe('F13: the config\'s "input" plans coverage --year, and other denominator figures are said', () => {
  it('coverage --year 2024 plans on the office\'s baseline, as breakdown does, and names it', async () => {
    const cwd = withConfig({ input: 'office.csv' });
    officeFile(cwd, 800_000);
    const b = await run(['breakdown', '--year', '2024', '-f', 'csv'], { cwd });
    const c = await run(['coverage', '--year', '2024', '-f', 'csv'], { cwd });
    expect(b.code, b.stderr).toBe(0);
    expect(c.code, c.stderr).toBe(0);
    expect(targetsOf(c.stdout, ['province'])).toEqual(targetsOf(b.stdout, ['province']));
    expect(detail(c.stdout).find((r) => r['province'] === 'Gorontalo')!['target']).toBe('303541'); // main: 288,908 (the bundled plan)
    expect(c.stderr).toContain('note: the targets are planned on office.csv ("input" in ./jamsostek.json)');
    // No file given: the report is of the office's file too (hx5; it was of the bundled baseline, 631,521),
    // so its figures are the plan's, and nothing differs to warn of.
    expect(c.stderr).toContain('note: no file given: reporting office.csv, "input" in ./jamsostek.json, not the bundled baseline');
    expect(detail(c.stdout).find((r) => r['province'] === 'Gorontalo')!['denominator']).toBe('800000');
    expect(c.stderr).not.toContain('planned on other');
    // A month's file of other figures (the bundled 631,521) against the office's plan is warned.
    officeFile(cwd, 631_521, 'june.csv');
    const d = await run(['coverage', 'june.csv', '--year', '2024', '-f', 'csv'], { cwd });
    expect(d.stderr).toContain('warning: the targets (office.csv) were planned on other employed figures than this report\'s coverage is on, for 1 of 38 provinces: Gorontalo 800,000 in the plan, 631,521 here');
    const json = JSON.parse((await run(['coverage', 'june.csv', '--year', '2024', '-f', 'json'], { cwd })).stdout) as { meta: { notes: { code?: string; kind: string }[] } };
    expect(json.meta.notes.find((n) => n.code === 'plan-denominator-values')?.kind).toBe('warning');
  });

  it('coverage FILE --year on the office\'s own file: target coverage on its figures, no warning; without the config, the bundled plan is named', async () => {
    const cwd = withConfig({ input: 'office.csv' });
    officeFile(cwd, 800_000);
    const c = await run(['coverage', 'office.csv', '--year', '2024', '-f', 'csv'], { cwd });
    expect(c.code, c.stderr).toBe(0);
    const g = detail(c.stdout).find((r) => r['province'] === 'Gorontalo')!;
    expect(g['target']).toBe('303541');
    expect(Number(g['target_coverage'])).toBeCloseTo(303_541 / 800_000, 6); // main: 288,908 / 800,000
    expect(c.stderr).not.toContain('planned on other');
    const bare = tmp();
    officeFile(bare, 800_000);
    const d = await run(['coverage', 'office.csv', '--year', '2024', '-f', 'csv'], { cwd: bare });
    expect(d.code, d.stderr).toBe(0);
    expect(d.stderr).toContain('warning: the targets (data/baseline.csv) were planned on other employed figures than this report\'s coverage is on, for 1 of 38 provinces: Gorontalo 631,521 in the plan, 800,000 here');
    const id = await run(['coverage', 'office.csv', '--year', '2024', '--lang', 'id', '-f', 'csv'], { cwd: bare });
    expect(id.stderr).toContain('Gorontalo 631.521 di rencana, 800.000 di sini');
  });

  it('--input typed without --year beside a file plans nothing: refused, as the rule flags are (without a file it is the data: hx5)', async () => {
    const cwd = tmp();
    officeFile(cwd, 800_000);
    const r = await run(['coverage', 'office.csv', '--input', 'office.csv', '-f', 'csv'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--input would have no effect');
  });
});

describe('F11: targets planned on another denominator, read with --targets, are said as --year says them', () => {
  it('a breakdown CSV and JSON on potential_workers read by a report on employed: warned, naming the base', async () => {
    const cwd = tmp();
    for (const f of ['tpw.csv', 'tpw.json']) expect((await run(['breakdown', '--year', '2025', '--denominator', 'potential_workers', '-o', f], { cwd })).code).toBe(0);
    for (const f of ['tpw.csv', 'tpw.json']) {
      const r = await run(['coverage', '--targets', f, '-f', 'csv'], { cwd });
      expect(r.code, r.stderr).toBe(0);
      // Aceh in data/baseline.csv: employed 2,450,000, potential_workers 1,560,528.
      // rv28 R5: the plan's figures are not "other employed figures": the plan was on potential_workers.
      expect(r.stderr).toContain(`warning: the targets (${f}) were planned on other denominator figures than the employed this report's coverage is on, for 38 of 38 provinces: Aceh 1,560,528 in the plan, 2,450,000 here`);
      expect(r.stderr).toContain("(the plan's figures are this report's potential_workers: --denominator potential_workers reports on them)");
      expect(r.stderr).not.toContain('does not say which denominator it is');
      const same = await run(['coverage', '--targets', f, '--denominator', 'potential_workers', '-f', 'csv'], { cwd });
      expect(same.code, same.stderr).toBe(0);
      expect(same.stderr).not.toContain('planned on other');
    }
  });

  it('targets planned on the report\'s own figures: no warning', async () => {
    const cwd = tmp();
    expect((await run(['breakdown', '--year', '2025', '-o', 't.csv'], { cwd })).code).toBe(0);
    const r = await run(['coverage', '--targets', 't.csv', '-f', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('planned on other');
  });
});

describe('journey: an office\'s config with its own baseline, province totals and segment totals', () => {
  it('breakdown --year 2026 -f csv and coverage --year 2026 -f csv give the same target on every row', async () => {
    const cwd = tmp();
    officeFile(cwd, 800_000);
    // Province totals: the office's flat 2026 plan, with 20,000 moved from Jawa Barat to Gorontalo (still 70,000,000).
    const flat = detail((await run(['breakdown', '--year', '2026', '--input', 'office.csv', '-f', 'csv'], { cwd })).stdout);
    const rows = new Map(flat.map((r) => [r['province']!, Number(r['target']) + (r['province'] === 'Gorontalo' ? 20_000 : r['province'] === 'Jawa Barat' ? -20_000 : 0)]));
    writeFileSync(join(cwd, 'rt.csv'), `province,target\n${[...rows].map(([k, v]) => `${k},${v}`).join('\n')}\n`);
    const segments = { PU: 40_000_000, BPU: 17_000_000, JAKON: 12_000_000, PMI: 1_000_000 };
    writeFileSync(join(cwd, 'jamsostek.json'), JSON.stringify({ by: 'province,segment', input: 'office.csv', rowTotals: 'rt.csv', columnTotals: Object.entries(segments).map(([k, v]) => `${k}=${v}`).join(',') }));
    const b = await run(['breakdown', '--year', '2026', '-f', 'csv'], { cwd });
    const c = await run(['coverage', '--year', '2026', '-f', 'csv'], { cwd });
    expect(b.code, b.stderr).toBe(0);
    expect(c.code, c.stderr).toBe(0);
    writeFileSync(join(cwd, 'b.csv'), b.stdout);
    writeFileSync(join(cwd, 'c.csv'), c.stdout);
    // Row for row, read back from the two CSV files: province, segment and level give the same target.
    const fromFile = (name: string): Map<string, string> => targetsOf(readFileSync(join(cwd, name), 'utf8'), ['province', 'segment']);
    expect(fromFile('c.csv').size).toBe(38 * 5 + 1); // 38 × (4 segments + the province's Total) + the Total
    expect(fromFile('c.csv')).toEqual(fromFile('b.csv'));
    // By hand: the totals written into the config and rt.csv.
    const cells = detail(c.stdout);
    for (const [s, v] of Object.entries(segments)) expect(sumBy(cells, 'segment', 'target').get(s), s).toBe(v);
    expect(sumBy(cells, 'province', 'target')).toEqual(rows);
    expect(sumBy(cells, 'province', 'target').get('Gorontalo')).toBe(rows.get('Gorontalo'));
    expect(csvRows(c.stdout).find((r) => r['level'] === 'total')!['target']).toBe('70000000');
    expect(c.stderr).toContain('note: the targets are planned on office.csv ("input" in ./jamsostek.json)');
    expect(c.stderr).toContain("the province and segment totals given are December 2026's only");
  });
});
