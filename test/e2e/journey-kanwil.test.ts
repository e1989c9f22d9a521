// A Kanwil's year, as its analyst lives it (issue 17): the 8 provinces of Kanwil Sulawesi Maluku
// report every month from January to July 2024; Maluku's office is late in May; the Kanwil's 2024
// target is revised from July. Every target, milestone, run-rate, status and total below is computed
// here by hand from the figures of the files, never with the tool's own functions.
//
// The figures are chosen so that every milestone is a whole number: each province's share of the
// increase (a tenth of its uncovered workers) is a multiple of 12, and after the revision the rest of
// its path is a multiple of 6.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRows, run as runAt, tmp } from './helpers.js';

const NAMES = ['Sulawesi Utara', 'Sulawesi Tengah', 'Sulawesi Selatan', 'Sulawesi Tenggara', 'Gorontalo', 'Sulawesi Barat', 'Maluku', 'Maluku Utara'];
const b = [600_000, 300_000, 900_000, 350_000, 250_000, 90_000, 260_000, 240_000]; // participants, December 2023
const u = [240_000, 180_000, 300_000, 120_000, 60_000, 90_000, 120_000, 90_000]; // uncovered workers then (sum 1,200,000)
const d = b.map((x, i) => x + u[i]!); // potential workers
const g = [2_500, 1_500, 2_000, 500, 1_200, 700, 900, -3_000]; // net new participants a month
const p = (i: number, m: number): number => b[i]! + g[i]! * m; // participants in month m of 2024
const sum = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0);

// The Kanwil's series: 2024 is 2,990,000 + 120,000 = 3,110,000, revised to 3,170,000 from July.
const B = sum(b);
const T = B + 120_000;
const T2 = B + 180_000;
// Gap mode, basis uncovered: each province gets its share of the increase in proportion to u.
const target = u.map((x, i) => b[i]! + x / 10); // 120,000 × u / 1,200,000
const target2 = u.map((x, i) => b[i]! + (x * 15) / 100); // 180,000 × u / 1,200,000
// Even phasing from December: milestone of month m = baseline + share × m / 12.
const milestone = (i: number, m: number): number => b[i]! + ((u[i]! / 10) * m) / 12;
// After the revision: from June's milestone to the new target over July–December.
const june = (i: number): number => milestone(i, 6);
const milestone2 = (i: number, m: number): number => june(i) + ((target2[i]! - june(i)) * (m - 6)) / 6;
const status = (part: number, tgt: number, ms: number): string => (part >= tgt ? 'achieved' : part >= ms ? 'on-track' : part >= ms * 0.95 ? 'at-risk' : 'behind');
const runRate = (gap: number, left: number): number => (gap <= 0 ? 0 : Math.ceil(gap / left));

let dir = '';
const month = (m: number): string => `2024-${String(m).padStart(2, '0')}`;
// Each month's files as the pattern a planner types in the Kanwil's folder (2024-06/*.csv), every run
// there (`run` below). An absolute pattern under the system's temporary folder costs the glob a listing
// of that whole folder (tinyglobby crawls from the common root of the working folder and the pattern):
// 0.1 s a pattern on a machine whose /tmp holds 12,000 entries, and a run here has up to four.
const files = (m: number): string => join(month(m), '*.csv');
const run = (args: string[]): ReturnType<typeof runAt> => runAt(args, { cwd: dir });

beforeAll(() => {
  dir = tmp();
  writeFileSync(join(dir, 'baseline.csv'), 'period,province,potential_workers,participants\n' + NAMES.map((n, i) => `2023-12,${n},${d[i]},${b[i]}`).join('\n') + '\n');
  writeFileSync(join(dir, 'series.csv'), `scenario,year,target,from\nkanwil,2024,${T},\nkanwil,2024,${T2},2024-07\n`);
  for (let m = 1; m <= 7; m++) {
    mkdirSync(join(dir, month(m)));
    NAMES.forEach((n, i) => {
      if (m === 5 && n === 'Maluku') return; // the office is late in May
      writeFileSync(join(dir, month(m), `${n.toLowerCase().replace(/ /g, '-')}.csv`), `period,province,potential_workers,participants\n${month(m)},${n},${d[i]},${p(i, m)}\n`);
    });
  }
});

interface Row { province: string; target: number; milestone: number; gap: number; run_rate: number; status: string; participants: number; change: number | null; pace: number | null; projected: number | null; projected_gap: number | null; projected_status: string | null }
// Issue 18: the pace over the last 3 months and where it lands in December.
const projectedStatus = (projected: number, tgt: number): string => (projected >= tgt ? 'will-achieve' : projected >= tgt * 0.95 ? 'at-risk' : 'will-miss');
const json = async (args: string[]): Promise<{ rows: Row[]; totals: Row; meta: Record<string, unknown>; stderr: string }> => {
  const r = await run([...args, '-f', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return { ...JSON.parse(r.stdout), stderr: r.stderr };
};

describe('a Kanwil of 8 provinces, January to July 2024', () => {
  it('January: the Kanwil plans its 2024 targets from its series (as of January: before the revision)', async () => {
    const r = await run(['breakdown', '--series', join(dir, 'series.csv'), '--year', '2024', '--as-of', '2024-01', '--input', join(dir, 'baseline.csv'), '-o', join(dir, 'targets.csv')]);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(await import('node:fs').then((fs) => fs.readFileSync(join(dir, 'targets.csv'), 'utf8')));
    for (const [i, n] of NAMES.entries()) {
      const x = rows.find((y) => y['province'] === n)!;
      expect(Number(x['target']), n).toBe(target[i]);
      expect(x['year']).toBe('2024');
    }
    expect(Number(rows.find((y) => y['level'] === 'total')!['target'])).toBe(T);
    expect(r.stderr).toMatch(/a revision from 2024-07 is not in force yet/);
  });

  for (const m of [1, 2, 3, 4, 6]) {
    it(`${month(m)}: every row and the Total against the targets and the milestone of the month`, async () => {
      const args = ['coverage', files(m), '--targets', join(dir, 'targets.csv'), '--expect', 'kanwil:Sulawesi Maluku'];
      if (m > 1) args.push('--previous', files(m - 1));
      const doc = await json(args);
      expect(doc.rows).toHaveLength(8);
      const left = 12 - m;
      for (const [i, n] of NAMES.entries()) {
        const x = doc.rows.find((y) => y.province === n)!;
        expect(x.participants, n).toBe(p(i, m));
        expect(x.target, n).toBe(target[i]);
        expect(x.milestone, n).toBe(milestone(i, m));
        expect(x.gap, n).toBe(target[i]! - p(i, m));
        expect(x.run_rate, n).toBe(runRate(target[i]! - p(i, m), left));
        expect(x.status, n).toBe(status(p(i, m), target[i]!, milestone(i, m)));
        // June: Maluku did not report in May, so its change is unknown.
        if (m > 1) expect(x.change, n).toBe(m === 6 && n === 'Maluku' ? null : p(i, m) - p(i, m - 1));
      }
      const parts = sum(NAMES.map((_, i) => p(i, m)));
      const ms = sum(NAMES.map((_, i) => milestone(i, m)));
      expect(doc.totals.target).toBe(T);
      expect(doc.totals.participants).toBe(parts);
      expect(doc.totals.milestone).toBe(ms);
      expect(doc.totals.gap).toBe(T - parts);
      expect(doc.totals.run_rate).toBe(runRate(T - parts, left));
      expect(doc.totals.status).toBe(status(parts, T, ms));
      // Like for like in June: the 7 provinces that reported in May too.
      if (m === 6) expect(doc.totals.change).toBe(sum(NAMES.map((n, i) => (n === 'Maluku' ? 0 : p(i, 6) - p(i, 5)))));
      else if (m > 1) expect(doc.totals.change).toBe(sum(NAMES.map((_, i) => p(i, m) - p(i, m - 1))));
      expect(doc.meta['scopeText']).toEqual({ en: 'Kanwil Sulawesi Maluku (Sulama): 8 provinces', id: 'Kanwil Sulawesi Maluku (Sulama): 8 provinsi' });
      expect(doc.meta['targetYear']).toBe(2024);
    });
  }

  it('the statuses of June, by hand: ahead, on the path, at risk, achieved and behind', async () => {
    const doc = await json(['coverage', files(6), '--targets', join(dir, 'targets.csv')]);
    const s = (n: string): string => doc.rows.find((y) => y.province === n)!.status;
    expect(s('Sulawesi Utara')).toBe('on-track'); // 615,000 against a milestone of 612,000
    expect(s('Sulawesi Tengah')).toBe('on-track'); // exactly on the path: 309,000
    expect(s('Sulawesi Selatan')).toBe('at-risk'); // 912,000 against 915,000 (within 5 %)
    expect(s('Gorontalo')).toBe('achieved'); // 257,200 ≥ 256,000
    expect(s('Maluku Utara')).toBe('behind'); // 222,000 against 244,500 (more than 5 % below)
  });

  it('May, a cron job with --expect: Maluku is late, the job stops (exit 3) naming it and when it last reported', async () => {
    const r = await run(['coverage', files(5), '--previous', files(4), '--targets', join(dir, 'targets.csv'), '--expect', 'kanwil:Sulama', '-o', join(dir, 'may.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/1 of the 8 expected province units did not report for 2024-05: Maluku \(last seen 2024-04\)/);
    expect(await import('node:fs').then((fs) => fs.existsSync(join(dir, 'may.csv')))).toBe(false);
  });

  it('May, a person without --expect: 7 rows, the Total compares the 7 with their own targets, the change is like for like, and a warning says so even under --quiet', async () => {
    const r = await run(['coverage', files(5), '--previous', files(4), '--targets', join(dir, 'targets.csv'), '--quiet', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { rows: Row[]; totals: Row; meta: Record<string, unknown> };
    expect(doc.rows).toHaveLength(7);
    const seven = NAMES.map((_, i) => i).filter((i) => NAMES[i] !== 'Maluku');
    const parts = sum(seven.map((i) => p(i, 5)));
    const tgt = sum(seven.map((i) => target[i]!));
    const ms = sum(seven.map((i) => milestone(i, 5)));
    expect(doc.totals.target).toBe(tgt);
    expect(doc.totals.gap).toBe(tgt - parts);
    expect(doc.totals.milestone).toBe(ms);
    expect(doc.totals.run_rate).toBe(runRate(tgt - parts, 7));
    expect(doc.totals.status).toBe(status(parts, tgt, ms));
    expect(doc.totals.change).toBe(sum(seven.map((i) => p(i, 5) - p(i, 4))));
    expect(doc.meta['scopeText']).toEqual({ en: 'Kanwil Sulawesi Maluku (Sulama): 7 of 8 provinces', id: 'Kanwil Sulawesi Maluku (Sulama): 7 dari 8 provinsi' });
    expect(r.stderr).toMatch(/warning: 2024-05 has no rows for Maluku \(last seen 2024-04\)/);
    expect(r.stderr).toMatch(/warning: the change from 2024-04 is like for like: the 7 groups reported in both months; not reported now: Maluku/);
  });

  it('July: the revised targets (from 2024-07) and the re-phased milestones', async () => {
    const b2 = await run(['breakdown', '--series', join(dir, 'series.csv'), '--year', '2024', '--input', join(dir, 'baseline.csv'), '-o', join(dir, 'targets-rev.csv')]);
    expect(b2.code, b2.stderr).toBe(0);
    expect(b2.stderr).toMatch(/the 2024 target: 3,170,000, revised from 2024-07 \(was 3,110,000\)/);
    const doc = await json(['coverage', files(7), '--previous', files(6), '--targets', join(dir, 'targets-rev.csv'), '--expect', 'kanwil:Sulama']);
    for (const [i, n] of NAMES.entries()) {
      const x = doc.rows.find((y) => y.province === n)!;
      expect(x.target, n).toBe(target2[i]);
      expect(x.milestone, n).toBe(milestone2(i, 7));
      expect(x.run_rate, n).toBe(runRate(target2[i]! - p(i, 7), 5));
      expect(x.status, n).toBe(status(p(i, 7), target2[i]!, milestone2(i, 7)));
    }
    const parts = sum(NAMES.map((_, i) => p(i, 7)));
    const ms = sum(NAMES.map((_, i) => milestone2(i, 7)));
    expect(doc.totals.target).toBe(T2);
    expect(doc.totals.milestone).toBe(ms);
    expect(ms).toBe(B + 60_000 + 20_000); // June's 3,050,000, then a sixth of the 120,000 left
    expect(doc.totals.run_rate).toBe(runRate(T2 - parts, 5));
    expect(doc.totals.status).toBe(status(parts, T2, ms));
    expect(doc.meta['revision']).toMatchObject({ fileFrom: '2024-07' });
  });

  it('June, the story: pace over March–June, projected December, projected gap and status, by hand', async () => {
    // Maluku did not report in May: its pace still runs from March (3 months). Maluku Utara loses
    // participants (a negative pace); Gorontalo is already above its target.
    const doc = await json(['coverage', files(6), '--previous', files(3), '--previous', files(4), '--previous', files(5), '--targets', join(dir, 'targets.csv')]);
    const left = 6;
    for (const [i, n] of NAMES.entries()) {
      const x = doc.rows.find((y) => y.province === n)!;
      const pace = (p(i, 6) - p(i, 3)) / 3;
      const projected = p(i, 6) + pace * left;
      expect(x.pace, n).toBe(pace);
      expect(x.projected, n).toBe(projected);
      expect(x.projected_gap, n).toBe(target[i]! - projected);
      expect(x.projected_status, n).toBe(projectedStatus(projected, target[i]!));
    }
    const projected = sum(NAMES.map((_, i) => p(i, 6) + ((p(i, 6) - p(i, 3)) / 3) * left));
    expect(doc.totals.pace).toBe(sum(g));
    expect(doc.totals.projected).toBe(projected);
    expect(doc.totals.projected_gap).toBe(T - projected);
    expect(doc.totals.projected_status).toBe(projectedStatus(projected, T));
    expect(doc.rows.find((y) => y.province === 'Maluku Utara')!.pace).toBe(-3_000);
    expect(doc.rows.find((y) => y.province === 'Maluku Utara')!.projected_status).toBe('will-miss');
    expect(doc.rows.find((y) => y.province === 'Gorontalo')!.projected_status).toBe('will-achieve');
    expect(doc.meta['trend']).toMatchObject({ months: ['2024-03', '2024-04', '2024-05', '2024-06'], paceWindow: 3, projectedTo: '2024-12' });
  });

  it('July, the story against the revised target', async () => {
    const doc = await json(['coverage', files(7), '--previous', files(4), '--previous', files(5), '--previous', files(6), '--targets', join(dir, 'targets-rev.csv')]);
    for (const [i, n] of NAMES.entries()) {
      const x = doc.rows.find((y) => y.province === n)!;
      const projected = p(i, 7) + ((p(i, 7) - p(i, 4)) / 3) * 5;
      expect(x.projected, n).toBe(projected);
      expect(x.projected_status, n).toBe(projectedStatus(projected, target2[i]!));
    }
    const projected = sum(NAMES.map((_, i) => p(i, 7) + ((p(i, 7) - p(i, 4)) / 3) * 5));
    expect(doc.totals.projected_gap).toBe(T2 - projected);
  });

  it('the trend view: the months as columns, in CSV', async () => {
    const r = await run(['coverage', files(6), '--previous', files(4), '--previous', files(5), '--targets', join(dir, 'targets.csv'), '--trend', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    expect(Object.keys(rows[0]!).slice(0, 5)).toEqual(['province_code', 'province', '2024-04', '2024-05', '2024-06']);
    const maluku = rows.find((x) => x['province'] === 'Maluku')!;
    expect([maluku['2024-04'], maluku['2024-05'], maluku['2024-06']]).toEqual([String(p(6, 4)), '', String(p(6, 6))]);
    expect(rows.find((x) => x['level'] === 'total')!['2024-05']).toBe(''); // Maluku missing: no total for May
  });

  it('the month-by-month path of the revised series: January–June kept, July–December to the new target', async () => {
    const r = await run(['breakdown', '--series', join(dir, 'series.csv'), '--year', '2024', '--input', join(dir, 'baseline.csv'), '--months', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    for (let m = 1; m <= 12; m++) {
      for (const [i, n] of NAMES.entries()) {
        const x = rows.find((y) => y['period'] === month(m) && y['province'] === n)!;
        expect(Number(x['milestone']), `${month(m)} ${n}`).toBe(m <= 6 ? milestone(i, m) : milestone2(i, m));
      }
    }
  });
});
