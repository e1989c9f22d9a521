// One rule for breakdown and coverage --year (rv25 F12, F13, F11): the config's "columnTotals",
// "rowTotals" and "input" plan coverage --year's targets as they plan breakdown's; segment totals for a
// year after 2024 apply to that year only, not to the Decembers on the way; and a report whose
// denominators are not the ones the targets were planned on says so, province by province, whether the
// targets are planned (--year) or read (--targets). Each test failed on main at 1ff05be. Expected figures
// are the totals written into the test's own files, summed here by hand, never the tool's functions.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteText } from '../../src/report/vocabulary.js';
import { csvRows, run, tmp } from './helpers.js';

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
    const n = { code: 'waypoints-national', year: 2026, passes: [{ month: '2024-12', total: 50_000_000 }, { month: '2025-12', total: 60_000_000 }], margins: ['segment'] } as const;
    expect(noteText(n, 'id')).toContain('total segmen yang diberikan hanya untuk Desember 2026: setiap Desember di tengah jalan dibagi menurut aturan saja (breakdown --year 2024, --year 2025 tanpa total itu)');
  });
});
