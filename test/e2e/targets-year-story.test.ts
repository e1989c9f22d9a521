// rv14 (the year as a story): the targets' frame and phasing in coverage. Each case failed on main
// 183975e. Expected milestones are computed by hand in the comments, never with the tool's functions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const D = tmp();
const HEAD = 'province_code,province,period,year,denominator,participants,coverage,weight,min,max,target,increase,target_coverage,share,bound,estimated,level';
const row = (rows: Record<string, string>[], name: string): Record<string, string> => {
  const r = rows.find((x) => x.province === name);
  if (!r) throw new Error(`no row ${name}`);
  return r;
};

describe('rv14 1: a yearly targets file whose rows give different baseline months', () => {
  // Sulawesi Utara from the national plan (2023-12), Gorontalo and Sulawesi Barat re-planned on June.
  const targets = writeIn(D, 'mixed.csv', [
    HEAD,
    '71,Sulawesi Utara,2023-12,2024,1250000,578610,0.462888,671390,578610,1250000,637236,58626,0.509789,0.012745,,,detail',
    '75,Gorontalo,2024-06,2024,422934,260000,0.614753,162934,260000,422934,265755,5755,0.62836,0.7593,,,detail',
    '76,Sulawesi Barat,2024-06,2024,473260,70000,0.14791,403260,70000,473260,84245,14245,0.17801,0.2407,,,detail',
  ].join('\n') + '\n');
  const data = writeIn(D, 'nov.csv', 'period,province,potential_workers,participants\n2024-11,Sulawesi Utara,780666,604074\n2024-11,Gorontalo,422934,263179\n2024-11,Sulawesi Barat,473260,76110\n');

  it('each row is phased from its own month, and the file is said to mix them', async () => {
    const r = await run(['coverage', data, '--targets', targets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    // Sulawesi Utara from 2023-12, 11 of 12 months: 578,610 + 58,626 × 11/12 = 578,610 + 53,740.5 →
    // 632,351 (the half rounds up; alone on its path). Main phased it from June: 578,610 + 58,626 × 5/6 = 627,465.
    expect(row(rows, 'Sulawesi Utara').milestone).toBe('632351');
    // Gorontalo and Sulawesi Barat from 2024-06, 5 of 6 months: the pair's path 330,000 + 20,000 × 5/6 =
    // 346,666.7 → 346,667; shares 5,755 × 5/6 = 4,795.8 and 14,245 × 5/6 = 11,870.8, rounded 4,796 + 11,871
    // = 16,667: 264,796 and 81,871.
    expect(row(rows, 'Gorontalo').milestone).toBe('264796');
    expect(row(rows, 'Sulawesi Barat').milestone).toBe('81871');
    expect(r.stderr).toContain(`warning: the targets of ${targets} start from 2 baseline months: 2023-12 (1 row), 2024-06 (2 rows); each row's milestones are phased from its own month`);
  });

  it('a month before the latest baseline month is refused (exit 3)', async () => {
    const early = writeIn(D, 'mar.csv', 'period,province,potential_workers,participants\n2024-03,Sulawesi Utara,780666,590000\n');
    const r = await run(['coverage', early, '--targets', targets, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the report is for 2024-03, before 2024-06, the month the targets start from');
  });
});

describe('rv14 2: a phasing profile shapes coverage as it shapes breakdown --months', () => {
  // Months 1–11 weigh 1, December 7: 18 in all, so November has 11/18 of the increase behind it.
  const profile = 'month,weight\n' + Array.from({ length: 12 }, (_, i) => `${i + 1},${i === 11 ? 7 : 1}`).join('\n') + '\n';
  const dir = tmp();
  writeIn(dir, 'profile.csv', profile);
  writeIn(dir, 'jamsostek.json', '{ "phasing": "profile.csv" }\n');
  const data = writeIn(dir, 'nov.csv', 'period,province,potential_workers,participants\n2024-11,Sulawesi Tengah,978084,618781\n');

  it('coverage --year phases with the config\'s profile, and says so', async () => {
    const r = await run(['coverage', data, '--year', '2024', '-f', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const s = row(csvRows(r.stdout), 'Sulawesi Tengah');
    // The bundled 2024 plan: Sulawesi Tengah 565,871 (2023-12) → 651,558, an increase of 85,687.
    // 565,871 + 85,687 × 11/18 = 565,871 + 52,364.3 = 618,235 (evenly it was 565,871 + 85,687 × 11/12 = 644,417).
    expect(s.target).toBe('651558');
    expect(s.milestone).toBe('618235');
    expect(s.status).toBe('on-track'); // 618,781 ≥ 618,235
    expect(r.stderr).toContain('note: the milestones are phased by the profile profile.csv (month weights)');
  });

  it('a yearly file is phased by the profile too (--phasing)', async () => {
    const t = writeIn(dir, 'g.csv', 'province,period,year,participants,target\nGorontalo,2023-12,2024,100000,118000\n');
    const d = writeIn(dir, 'g-nov.csv', 'period,province,potential_workers,participants\n2024-11,Gorontalo,422934,112000\n');
    const r = await run(['coverage', d, '--targets', t, '--phasing', writeIn(D, 'profile.csv', profile), '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // 100,000 + 18,000 × 11/18 = 111,000 (evenly: 100,000 + 18,000 × 11/12 = 116,500).
    expect(row(csvRows(r.stdout), 'Gorontalo').milestone).toBe('111000');
  });

  it('a profile without a month of the path is refused, not left without milestones', async () => {
    const t = writeIn(dir, 'g2.csv', 'province,period,year,participants,target\nGorontalo,2023-12,2024,100000,118000\n');
    const d = writeIn(dir, 'g2-nov.csv', 'period,province,potential_workers,participants\n2024-11,Gorontalo,422934,112000\n');
    const short = writeIn(D, 'short.csv', 'month,weight\n1,1\n2,1\n');
    const r = await run(['coverage', d, '--targets', t, '--phasing', short, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the phasing profile has no weight for 2024-03');
  });

  it('a month-by-month file keeps its milestones: said from the config, refused typed', async () => {
    const months = writeIn(dir, 'm.csv', 'period,province,target,milestone,baseline\n2024-11,Gorontalo,118000,116500,100000\n2024-12,Gorontalo,118000,118000,100000\n');
    const d = writeIn(dir, 'm-nov.csv', 'period,province,potential_workers,participants\n2024-11,Gorontalo,422934,112000\n');
    const fromConfig = await run(['coverage', d, '--targets', months, '-f', 'csv'], { cwd: dir });
    expect(fromConfig.code, fromConfig.stderr).toBe(0);
    expect(row(csvRows(fromConfig.stdout), 'Gorontalo').milestone).toBe('116500');
    expect(fromConfig.stderr).toContain(`warning: the phasing profile profile.csv is not used: the month-by-month targets of ${months} give their milestones`);
    const typed = await run(['coverage', d, '--targets', months, '--phasing', 'profile.csv', '-f', 'csv'], { cwd: dir });
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain('error: --phasing would have no effect');
  });
});

describe('rv14 5: the Decembers on the way of a multi-year plan', () => {
  const data = writeIn(D, 'lampung.csv', 'period,province,participants\n2024-11,Lampung,1050000\n2024-11,Nusa Tenggara Timur,700000\n2024-12,Lampung,1100000\n2024-12,Nusa Tenggara Timur,720000\n');
  it("coverage --year 2026 in December 2024: each province's milestone is its 2024 target under the same rule", async () => {
    // The review's figures (rv14 5), level mode: the 2024 plan gives Lampung 1,341,470 and Nusa Tenggara
    // Timur 825,272 (coverage --year 2024 --mode level, target = milestone in December); main gave their
    // December 2024 on the way to 2026 as 1,057,790 and 656,809 (the 2026 increase phased evenly), "on
    // track" where the 2024 plan says "behind" (1,100,000 < 1,341,470; 720,000 < 825,272).
    const c = await run(['coverage', data, '--year', '2026', '--mode', 'level', '-f', 'csv']);
    expect(c.code, c.stderr).toBe(0);
    const rows = csvRows(c.stdout);
    expect(row(rows, 'Lampung').milestone).toBe('1341470');
    expect(row(rows, 'Lampung').status).toBe('behind');
    expect(row(rows, 'Nusa Tenggara Timur').milestone).toBe('825272');
    expect(row(rows, 'Nusa Tenggara Timur').status).toBe('behind');
    // The run rate to December 2026 is over the 24 months left: ⌈(2,139,459 − 1,100,000) / 24⌉ = ⌈43,310.8⌉ = 43,311.
    expect(row(rows, 'Lampung').run_rate).toBe('43311');
    expect(c.stderr).toContain("on the way to December 2026 the path passes through the series' own Decembers (50,000,000 in 2024-12, 60,000,000 in 2025-12), each unit through its target of that year's breakdown under the same rule");
    const y2024 = csvRows((await run(['coverage', data, '--year', '2024', '--mode', 'level', '-f', 'csv', '-q'])).stdout);
    expect(row(y2024, 'Lampung').target).toBe('1341470');
  });

  it('breakdown --year 2026 --months: every province passes through its breakdown --year 2024 and 2025 targets', async () => {
    const months = csvRows((await run(['breakdown', '--year', '2026', '--months', '-f', 'csv', '-q'])).stdout);
    for (const year of [2024, 2025]) {
      const plan = new Map(csvRows((await run(['breakdown', '--year', String(year), '-f', 'csv', '-q'])).stdout).filter((r) => r.level === 'detail').map((r) => [r.province, r.target]));
      const dec = months.filter((r) => r.period === `${year}-12` && r.level === 'detail');
      expect(dec.length).toBe(38);
      expect(plan.size).toBe(38);
      // Each December on the way is the province's own target of that year (main: 30 of 38 differed in level mode, ±1 in gap mode).
      expect(dec.filter((r) => r.milestone !== plan.get(r.province)).map((r) => r.province)).toEqual([]);
    }
    // The national path through them: 50,000,000 and the interpolated 60,000,000 (data/targets.csv).
    const sum = (p: string): number => months.filter((r) => r.period === p && r.level === 'detail').reduce((a, r) => a + Number(r.milestone), 0);
    expect(sum('2024-12')).toBe(50000000);
    expect(sum('2025-12')).toBe(60000000);
  });
});

describe('rv14 7: a yearly file for a year past the next December', () => {
  it('the no-waypoints warning gives the way out: breakdown --months', async () => {
    const t = writeIn(D, 't2026.csv', 'province,period,year,participants,target\nSulawesi Utara,2023-12,2026,578610,769651\n');
    const d = writeIn(D, 'sulut-nov.csv', 'period,province,potential_workers,participants\n2024-11,Sulawesi Utara,780666,604074\n');
    const r = await run(['coverage', d, '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // 578,610 + 191,041 × 11/36 = 578,610 + 58,373.6 → 636,984 (evenly over 36 months, as warned).
    expect(row(csvRows(r.stdout), 'Sulawesi Utara').milestone).toBe('636984');
    expect(r.stderr).toContain('a yearly file cannot carry them: where its targets are rows of the national plan of data/targets.csv for 2026 (plan: 70,000,000), breakdown --year 2026 --months -o FILE plans that through the series\' Decembers on the way');
  });
});

describe('rv14 10: a revised yearly file without from_milestone', () => {
  it('the warning names the missing from_milestone, not a missing baseline', async () => {
    const plan = `${D}/rev.csv`;
    const b = await run(['breakdown', '--series', 'examples/series-2024-revised.csv', '--year', '2024', '-q', '-o', plan]);
    expect(b.code, b.stderr).toBe(0);
    const lines = readFileSync(plan, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const drop = lines[0]!.indexOf('from_milestone');
    expect(drop).toBeGreaterThan(-1);
    const noFm = writeIn(D, 'rev-nofm.csv', lines.map((l) => l.filter((_, i) => i !== drop).join(',')).join('\n') + '\n');
    const d = writeIn(D, 'sulut-nov2.csv', 'period,province,potential_workers,participants\n2024-11,Sulawesi Utara,780666,604074\n');
    const r = await run(['coverage', d, '--targets', noFm, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('have no milestone for 2024-11 (the revision in force from 2024-07 has no from_milestone column, the milestones of 2024-06 its path starts from)');
    expect(r.stderr).not.toContain('give no participants');
  });
});

describe('rv14 12: a month before the plan\'s baseline, one rule', () => {
  const early = writeIn(D, 'early.csv', 'period,province,participants\n2023-11,Gorontalo,255000\n');
  it('coverage --year refuses it (exit 3), as the yearly file does', async () => {
    const r = await run(['coverage', early, '--year', '2024', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('the report is for 2023-11, before 2023-12, the month the targets start from');
  });
  it('a months file refuses it too', async () => {
    const months = `${D}/plan-months.csv`;
    expect((await run(['breakdown', '--year', '2024', '--months', '-q', '-o', months])).code).toBe(0);
    const r = await run(['coverage', early, '--targets', months, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the report is for 2023-11, before 2023-12, the month the targets start from');
  });
  it('a compared months file refuses it, naming the file', async () => {
    const jun = writeIn(D, 'base-jun.csv', 'period,province,potential_workers,participants\n2024-06,Gorontalo,422934,260000\n2024-06,Sulawesi Barat,473260,70000\n');
    const months = `${D}/jun-months.csv`;
    expect((await run(['breakdown', '--input', jun, '--target', '350000', '--year', '2024', '--months', '-q', '-o', months])).code).toBe(0);
    const may = writeIn(D, 'may.csv', 'period,province,potential_workers,participants\n2024-05,Gorontalo,422934,259000\n2024-05,Sulawesi Barat,473260,69000\n');
    const r = await run(['coverage', may, '--year', '2024', '--compare-targets', months, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`--compare-targets ${months}: the report is for 2024-05, before 2024-06, the month the targets start from`);
  });
});

describe('rv14 13: --as-of refusing a --compare-targets file names it', () => {
  it('the error names --compare-targets and the file, not --targets', async () => {
    const rev = `${D}/t-rev.csv`;
    expect((await run(['breakdown', '--series', 'examples/series-2024-revised.csv', '--year', '2024', '-q', '-o', rev])).code).toBe(0);
    const d = writeIn(D, 'sulut-nov3.csv', 'period,province,potential_workers,participants\n2024-11,Sulawesi Utara,780666,604074\n');
    const r = await run(['coverage', d, '--series', 'examples/series-2024-revised.csv', '--year', '2024', '--as-of', '2024-06', '--compare-targets', rev, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`error: --compare-targets ${rev}: the file's targets are a revision in force from 2024-07; as of 2024-06 none of them is`);
    expect(r.stderr).not.toContain('error: --targets');
  });
});

describe('rv18 F1: a yearly file phased by a --phasing profile', () => {
  it('the no-waypoints warning names the profile, not an even line', async () => {
    const t = writeIn(D, 't2026p.csv', 'province,period,year,participants,target\nSulawesi Utara,2023-12,2026,578610,769651\n');
    const d = writeIn(D, 'sulut-nov-p.csv', 'period,province,potential_workers,participants\n2024-11,Sulawesi Utara,780666,604074\n');
    const prof = writeIn(D, 'prof-rising.csv', 'month,weight\n' + Array.from({ length: 12 }, (_, i) => `${String(i + 1).padStart(2, '0')},${i + 1}`).join('\n') + '\n');
    for (const lang of ['en', 'id'] as const) {
      const r = await run(['coverage', d, '--targets', t, '--phasing', prof, '-f', 'csv', '--lang', lang]);
      expect(r.code, r.stderr).toBe(0);
      // Weights 1..12 a year (78), 36 months (234); January–November 2024: 1+…+11 = 66.
      // 578,610 + 191,041 × 66/234 = 578,610 + 53,883.36 → 632,493 (not the even 636,984).
      expect(row(csvRows(r.stdout), 'Sulawesi Utara').milestone).toBe('632493');
      if (lang === 'en') {
        expect(r.stderr).toContain(`the milestones run by the profile ${prof} from 2023-12 to December 2026`);
        expect(r.stderr).not.toContain('run evenly');
      } else {
        expect(r.stderr).toContain(`tonggak berjalan menurut profil ${prof} dari 2023-12`);
        expect(r.stderr).not.toContain('berjalan rata');
      }
    }
  });
});
