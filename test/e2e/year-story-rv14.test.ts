// The year as a story (review rv14, sections 3, 4, 4b, 6, 8, 9, 11): what a November or December report
// says about the projection, the milestone of a Total, the year it aims at, a missing month, a projection
// above the denominator and a partly reported office. Every expected figure is worked out by hand here.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Files of the months given, one line per province: `rows(m)` gives the lines of month index m. */
function months(name: string, list: readonly string[], rows: (i: number) => string): string {
  for (let i = 0; i < list.length; i++) writeIn(dir, `${name}-${list[i]}.csv`, `period,province,potential_workers,participants\n${rows(i)}`);
  return `${dir}/${name}-*.csv`;
}

describe('3: a Total that adds up several targets nets their projections, said with both sides', () => {
  // Gorontalo 250,000 → 268,000 over Aug–Nov (+6,000 a month), Sulawesi Barat 70,000 → 70,300 (+100).
  // Pace over 3 months; 1 month left: Gorontalo 268,000 + 6,000 = 274,000 against 270,000 (4,000 above);
  // Sulawesi Barat 70,300 + 100 = 70,400 against 80,000 (9,600 short). The Total: 350,000 − 344,400 = 5,600.
  const files = months('net', ['2024-08', '2024-09', '2024-10', '2024-11'], (i) => `2024-${String(8 + i).padStart(2, '0')},Gorontalo,422934,${250000 + i * 6000}\n2024-${String(8 + i).padStart(2, '0')},Sulawesi Barat,473260,${70000 + i * 100}\n`);
  const targets = writeIn(dir, 't-net.csv', 'province,year,target\nGorontalo,2024,270000\nSulawesi Barat,2024,80000\n');
  const said = "the Total's projected gap for 2024-12 (5,600) is net: of the 2 targets it adds up (per province), 1 is projected above by 4,000 in all, which offsets the 1 projected short by 9,600 in all (Sulawesi Barat 9,600)";

  it('by province: the Total projected 5,600 short, and the note names Sulawesi Barat 9,600 short', async () => {
    const r = await run(['coverage', files, '--targets', targets, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: ${said}`);
    const meta = (JSON.parse(r.stdout) as { meta: { notes: { en: string }[] } }).meta;
    expect(meta.notes.some((n) => n.en.startsWith(said))).toBe(true);
  });

  it('by kanwil (the only row adds up both targets): the same note, pointing at --by province', async () => {
    const r = await run(['coverage', files, '--targets', targets, '--by', 'kanwil', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const kanwil = csvRows(r.stdout).find((x) => x['level'] === 'detail')!;
    expect([kanwil['projected'], kanwil['projected_gap'], kanwil['projected_status']]).toEqual(['344400', '5600', 'at-risk']);
    expect(r.stderr).toContain(`note: ${said}`);
    expect(r.stderr).toContain('(--by province shows each target)');
  });

  it('no note when every target is projected on the same side', async () => {
    const low = writeIn(dir, 't-net-low.csv', 'province,year,target\nGorontalo,2024,290000\nSulawesi Barat,2024,80000\n');
    const r = await run(['coverage', files, '--targets', low, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('projected gap for 2024-12');
  });
});

describe('9: one rule for a projection above the denominator', () => {
  // Banten: potential workers 3,000,000; 2,800,000 → 2,980,000 (+60,000 a month); target 3,020,000.
  // At the pace: 2,980,000 + 60,000 = 3,040,000 in December.
  const files = months('over', ['2024-08', '2024-09', '2024-10', '2024-11'], (i) => `2024-${String(8 + i).padStart(2, '0')},Banten,3000000,${2800000 + i * 60000}\n`);
  const targets = writeIn(dir, 't-over.csv', 'province,year,target\nBanten,2024,3020000\n');

  it('with --allow-over-coverage the projection is not stopped at the denominator, and that is said', async () => {
    const r = await run(['coverage', files, '--targets', targets, '--allow-over-coverage', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const banten = csvRows(r.stdout).find((x) => x['province'] === 'Banten')!;
    expect([banten['projected'], banten['projected_gap'], banten['projected_status']]).toEqual(['3040000', '-20000', 'will-achieve']);
    expect(r.stderr).toContain('warning: 1 of 1 rows are projected above their potential_workers by 2024-12 at their pace (Banten): not stopped at it, since participants above it are accepted (--allow-over-coverage)');
  });

  it('without it the projection stops at 3,000,000, and the warning says what lets it pass', async () => {
    const r = await run(['coverage', files, '--targets', targets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const banten = csvRows(r.stdout).find((x) => x['province'] === 'Banten')!;
    expect([banten['projected'], banten['projected_status']]).toEqual(['3000000', 'at-risk']);
    expect(r.stderr).toContain('a projection passes it only where participants above it are accepted (--allow-over-coverage, or a row above it already)');
  });
});

describe("4b: a row without a milestone no longer blanks the Total's", () => {
  // Gorontalo: target 95,000 below its start of 100,000, so no milestone; 96,000 ≥ 95,000: achieved.
  // Sulawesi Barat: 100,000 → 200,000 over 12 months; November 100,000 + 100,000 × 11/12 = 191,666.7 →
  // 191,667; 192,000 ≥ it: on-track. The Total's milestone: 95,000 (Gorontalo's December target, which
  // its status compares with) + 191,667 = 286,667; 96,000 + 192,000 = 288,000 ≥ 286,667: on-track.
  const data = writeIn(dir, 'ms.csv', 'period,province,potential_workers,participants\n2024-10,Gorontalo,422934,97000\n2024-10,Sulawesi Barat,473260,183000\n2024-11,Gorontalo,422934,96000\n2024-11,Sulawesi Barat,473260,192000\n');
  const targets = writeIn(dir, 't-ms.csv', 'province,period,year,participants,target\nGorontalo,2023-12,2024,100000,95000\nSulawesi Barat,2023-12,2024,100000,200000\n');

  it('the Total: milestone 286,667, on-track, as every row is fine; a warning says how it is made', async () => {
    const r = await run(['coverage', data, '--targets', targets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    const of = (name: string): Record<string, string> => rows.find((x) => x['province'] === name)!;
    expect([of('Gorontalo')['milestone'], of('Gorontalo')['status']]).toEqual(['', 'achieved']);
    expect([of('Sulawesi Barat')['milestone'], of('Sulawesi Barat')['status']]).toEqual(['191667', 'on-track']);
    expect([of('Total')['milestone'], of('Total')['status']]).toEqual(['286667', 'on-track']);
    expect(r.stderr).toContain('warning: the milestone for 2024-11 of the Total (and of a subtotal over them) counts the December target of the 1 of 2 rows with a target and no milestone');
  });

  it('by kanwil: the Kanwil row too', async () => {
    const r = await run(['coverage', data, '--targets', targets, '--by', 'kanwil', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const row = csvRows(r.stdout).find((x) => x['level'] === 'detail')!;
    expect([row['milestone'], row['status']]).toEqual(['286667', 'on-track']);
  });
});

describe("4: a report for the targets' December: no run rate, and a target missed is behind", () => {
  // Gorontalo: target 300,000 (from 250,000 in 2023-12); 296,000 in December 2024. No month is left: the
  // gap 4,000 is what remains, not a figure per month; 296,000 < 300,000 is a target missed, though
  // 296,000 ≥ 300,000 × 0.95 = 285,000 (the at-risk margin). Sulawesi Barat 81,000 of 80,000: achieved.
  // Projected December (0 months left) = December itself: Gorontalo 296,000, will-miss.
  const data = writeIn(dir, 'dec.csv', 'period,province,potential_workers,participants\n2024-11,Gorontalo,422934,290000\n2024-11,Sulawesi Barat,473260,80500\n2024-12,Gorontalo,422934,296000\n2024-12,Sulawesi Barat,473260,81000\n');
  const targets = writeIn(dir, 't-dec.csv', 'province,period,year,participants,target\nGorontalo,2023-12,2024,250000,300000\nSulawesi Barat,2023-12,2024,70000,80000\n');

  it('status behind, projected status will-miss, no run rate; a note says why', async () => {
    const r = await run(['coverage', data, '--targets', targets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    const g = rows.find((x) => x['province'] === 'Gorontalo')!;
    expect([g['gap'], g['milestone'], g['run_rate'], g['status'], g['projected'], g['projected_status']]).toEqual(['4000', '300000', '', 'behind', '296000', 'will-miss']);
    const b = rows.find((x) => x['province'] === 'Sulawesi Barat')!;
    expect([b['run_rate'], b['status']]).toEqual(['', 'achieved']);
    // The Total: 377,000 of 380,000, short by 3,000: behind as well.
    const t = rows.find((x) => x['level'] === 'total')!;
    expect([t['gap'], t['run_rate'], t['status'], t['projected_status']]).toEqual(['3000', '', 'behind', 'will-miss']);
    expect(r.stderr).toContain('note: 2024-12 is the December the 2024 targets are for: no month is left, so there is no run rate (the gap is what remains), and a row short of its target has missed it');
  });

  it('--at-risk-margin in December: the same statuses, and a note says it does nothing (rv28 R17)', async () => {
    const r = await run(['coverage', data, '--targets', targets, '--at-risk-margin', '0.5', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // 296,000 ≥ 300,000 × 0.5, yet behind: no month is left to be at risk in
    const g = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    expect(g['status']).toBe('behind');
    expect(r.stderr).toContain('note: --at-risk-margin has no effect in 2024-12: no month is left, and no row is at risk');
  });

  it('November is unchanged: one month left, run rate = the gap, at-risk within the margin', async () => {
    const r = await run(['coverage', data, '--targets', targets, '--period', '2024-11', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // Milestone 250,000 + 50,000 × 11/12 = 295,833.3 → 295,833; 290,000 ≥ 295,833 × 0.95: at-risk; 10,000 / 1.
    const g = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    expect([g['milestone'], g['run_rate'], g['status']]).toEqual(['295833', '10000', 'at-risk']);
  });
});

describe('11: an office reported in part: no target coverage of two scopes', () => {
  // Kanwil Sulawesi Maluku has 8 provinces; only Gorontalo (422,934) and Sulawesi Barat (473,260)
  // report. Its target of 1,000,000 is for all 8: 1,000,000 / 896,194 = 111.6 % would divide the
  // whole office's target by 2 provinces' denominator. Left empty, and said.
  const data = writeIn(dir, 'part.csv', 'period,province,potential_workers,participants\n2024-11,Gorontalo,422934,260000\n2024-11,Sulawesi Barat,473260,75000\n');
  const targets = writeIn(dir, 't-part.csv', 'kanwil,year,target\nSulawesi Maluku,2024,1000000\n');

  it('by kanwil: target 1,000,000, gap 665,000, target coverage empty, a warning says why', async () => {
    const r = await run(['coverage', data, '--targets', targets, '--by', 'kanwil', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const row = csvRows(r.stdout).find((x) => x['level'] === 'detail')!;
    expect([row['denominator'], row['target'], row['gap'], row['target_coverage']]).toEqual(['896194', '1000000', '665000', '']);
    expect(r.stderr).toContain('warning: reported only in part, against a target for the whole regional office: Sulawesi Maluku (Sulama) (2 of 8 provinces)');
    expect(r.stderr).toContain('warning: target coverage is left empty for Sulawesi Maluku (Sulama) and every row over it: the target is for the whole regional office, the denominator only for its provinces reported');
  });

  it('by province: the Total, which carries the office target, too', async () => {
    const r = await run(['coverage', data, '--targets', targets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = csvRows(r.stdout).find((x) => x['level'] === 'total')!;
    expect([total['target'], total['target_coverage']]).toEqual(['1000000', '']);
  });

  it('a whole office keeps its target coverage', async () => {
    const t = writeIn(dir, 't-part2.csv', 'province,year,target\nGorontalo,2024,300000\nSulawesi Barat,2024,100000\n');
    const r = await run(['coverage', data, '--targets', t, '--by', 'kanwil', '-f', 'csv']);
    // Province targets summed over the provinces reported: like for like, 400,000 / 896,194 = 0.446332.
    const row = csvRows(r.stdout).find((x) => x['level'] === 'detail')!;
    expect(row['target_coverage']).toBe('0.446332');
  });
});

describe('6: the December the targets are for is in the title when the month does not say it', () => {
  const data = writeIn(dir, 'y26.csv', 'period,province,potential_workers,participants\n2024-11,Gorontalo,422934,260000\n');
  const t2026 = writeIn(dir, 't-y26.csv', 'province,year,target\nGorontalo,2026,300000\n');
  const t2024 = writeIn(dir, 't-y24.csv', 'province,year,target\nGorontalo,2024,300000\n');

  it('November 2024 against 2026 targets: the title of the terminal table and of md says December 2026', async () => {
    const table = await run(['coverage', data, '--targets', t2026, '-f', 'table', '-q']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toBe('Coverage 2024-11 by province (targets for December 2026) — Kanwil Sulawesi Maluku (Sulama): 1 of 8 provinces');
    // 25 months left (2024-11 → 2026-12): run rate ⌈40,000 / 25⌉ = 1,600, whose December the title names.
    expect(table.stdout).toMatch(/1,600/);
    const md = await run(['coverage', data, '--targets', t2026, '-f', 'md', '-q', '--lang', 'id']);
    expect(md.stdout.split('\n')[0]).toBe('## Cakupan 2024-11 per provinsi (target Desember 2026) — Kanwil Sulawesi Maluku (Sulama): 1 dari 8 provinsi');
    const json = await run(['coverage', data, '--targets', t2026, '-f', 'json', '-q']);
    expect((JSON.parse(json.stdout) as { meta: { targetYear: number } }).meta.targetYear).toBe(2026);
  });

  it("targets for the month's own year: the title is as before", async () => {
    const r = await run(['coverage', data, '--targets', t2024, '-f', 'table', '-q']);
    expect(r.stdout.split('\n')[0]).toBe('Coverage 2024-11 by province — Kanwil Sulawesi Maluku (Sulama): 1 of 8 provinces');
  });
});

describe('8: a month no file gives is said, and the sparklines place the months by the calendar', () => {
  // Gorontalo: 1,000 × the month's number, January to November, no file for September: 10 months over a
  // span of 10 (January = 0 … November = 10).
  const list = ['01', '02', '03', '04', '05', '06', '07', '08', '10', '11'];
  for (const m of list) writeIn(dir, `hole-2024-${m}.csv`, `period,province,potential_workers,participants\n2024-${m},Gorontalo,422934,${Number(m) * 1000}\n`);
  const files = `${dir}/hole-2024-*.csv`;

  it('a warning names 2024-09', async () => {
    const r = await run(['coverage', files, '--trend', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: no file gives 2024-09 (the months run from 2024-01 to 2024-11)');
  });

  it('the HTML sparkline: x = 3 + 66 × month / 10, so August 49.2 and October 62.4, not one step apart', async () => {
    const r = await run(['coverage', files, '-f', 'html', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const spark = /<svg class="spark"[^]*?<polyline points="([^"]*)"/.exec(r.stdout)![1]!;
    const xs = spark.split(' ').map((p) => p.split(',')[0]);
    expect(xs).toEqual(['3', '9.6', '16.2', '22.8', '29.4', '36', '42.6', '49.2', '62.4', '69']);
  });

  it('the terminal sparkline leaves a blank for September', async () => {
    const r = await run(['coverage', files, '-f', 'table', '-q'], { tty: { columns: 200 }, env: { LANG: 'C.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    // round((v − 1,000) / 10,000 × 7): 0, 1, 1, 2, 3, 4, 4, 5, [September], 6, 7
    expect(r.stdout).toContain('▁▂▂▃▄▅▅▆ ▇█');
  });
});
