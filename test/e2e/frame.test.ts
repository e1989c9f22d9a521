// Issue 17, "the frame of every report": scope, target year and revisions, who reported, one rule.
// Every test here failed on the code before the frame was made data (main at 256ff21).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, ROOT, run, tmp, writeIn } from './helpers.js';

const write = writeIn;
const detail = (text: string): Record<string, string>[] => csvRows(text).filter((x) => x['level'] === 'detail');
const totalRow = (text: string): Record<string, string> => csvRows(text).find((x) => x['level'] === 'total')!;
const num = (x: string | undefined): number => Number(x);

/** The 8 provinces of Kanwil Sulawesi Maluku in June 2024: the bundled figures, participants up 5 %. */
function sulama(): string {
  const lines = readFileSync(join(ROOT, 'data', 'baseline.csv'), 'utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const at = (c: string[], n: string): string => c[head.indexOf(n)]!;
  const out = ['period,province,potential_workers,participants'];
  for (const l of lines.slice(1)) {
    const c = l.split(',');
    const code = Number(at(c, 'province_code'));
    if (code >= 71 && code <= 82) out.push(['2024-06', at(c, 'province'), at(c, 'potential_workers'), Math.round(Number(at(c, 'participants')) * 1.05)].join(','));
  }
  return out.join('\n') + '\n';
}

describe('scope: a regional report is compared with the targets of its own areas', () => {
  it('coverage of Kanwil Sulawesi Maluku --year 2024: the Total target is the sum of its 8 provinces, not 50,000,000', async () => {
    const f = write(tmp(), 'sulama.csv', sulama());
    const r = await run(['coverage', f, '--year', '2024', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = detail(r.stdout);
    expect(rows).toHaveLength(8);
    const t = totalRow(r.stdout);
    const sumTargets = rows.reduce((a, x) => a + num(x['target']), 0);
    const sumParts = rows.reduce((a, x) => a + num(x['participants']), 0);
    expect(num(t['target'])).toBe(sumTargets);
    expect(num(t['target'])).not.toBe(50_000_000);
    expect(num(t['gap'])).toBe(sumTargets - sumParts);
    expect(num(t['achievement'])).toBeCloseTo(sumParts / sumTargets, 5);
    // The provinces' targets are their rows of the national breakdown.
    const national = csvRows((await run(['breakdown', '--year', '2024', '-f', 'csv'])).stdout);
    for (const x of rows) expect(x['target']).toBe(national.find((n) => n['province_code'] === x['province_code'])!['target']);
    // Said, and named: the national plan's rows of these areas.
    expect(r.stderr).toMatch(/national 2024 breakdown.*8 provinces/);
  });

  it('the scope is in the title and the meta of every format', async () => {
    const f = write(tmp(), 'sulama.csv', sulama());
    const json = JSON.parse((await run(['coverage', f, '--year', '2024', '-f', 'json'])).stdout);
    expect(json.meta.scope).toMatchObject({ kind: 'kanwil', name: 'Sulawesi Maluku (Sulama)', areas: 8, of: 8 });
    const md = (await run(['coverage', f, '--year', '2024', '-f', 'md'])).stdout;
    expect(md).toContain('Kanwil Sulawesi Maluku (Sulama): 8 provinces');
    const html = (await run(['coverage', f, '--year', '2024', '-f', 'html'])).stdout;
    expect(html).toContain('Kanwil Sulawesi Maluku (Sulama): 8 provinces');
  });

  it('the two example provinces --year 2024: the Total target is the sum of two targets', async () => {
    const r = await run(['coverage', 'examples/2024-06/gorontalo.csv', 'examples/2024-06/sulawesi-utara.csv', '--year', '2024', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = detail(r.stdout);
    expect(rows).toHaveLength(2);
    const t = totalRow(r.stdout);
    expect(num(t['target'])).toBe(num(rows[0]!['target']) + num(rows[1]!['target']));
    // Sulawesi Utara reports 3 of its 15 regencies and cities against a target for the whole province: said.
    expect(r.stderr).toMatch(/warning: reported only in part.*Sulawesi Utara \(3 of 15 regencies and cities\)/);
  });

  it('regencies of one province: the scope says so', async () => {
    const r = await run(['coverage', 'examples/gorontalo-regencies.csv', '--by', 'regency', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).meta.scope).toMatchObject({ kind: 'province', name: 'Gorontalo', areas: 6, of: 6 });
    const md = (await run(['coverage', 'examples/gorontalo-regencies.csv', '--by', 'regency', '-f', 'md'])).stdout;
    expect(md).toContain('Gorontalo: 6 regencies and cities');
  });
});

describe('rows without targets: never a ratio of unlike sums', () => {
  it('targets for 1 of 8 rows: the Total compares that row only, and says "targets for 1 of 8 rows" even with --quiet', async () => {
    const dir = tmp();
    const f = write(dir, 'sulama.csv', sulama());
    const targets = write(dir, 'targets.csv', 'province,year,target\nGorontalo,2024,300000\n');
    const r = await run(['coverage', f, '--targets', targets, '--quiet', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const gor = detail(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    const t = totalRow(r.stdout);
    expect(num(t['target'])).toBe(300_000);
    expect(num(t['gap'])).toBe(300_000 - num(gor['participants']));
    expect(num(t['achievement'])).toBeCloseTo(num(gor['participants']) / 300_000, 6);
    expect(t['status']).not.toBe('achieved');
    expect(r.stderr).toMatch(/targets for 1 of 8 rows/);
  });
});

describe('an office missing this month', () => {
  it('with --previous: a warning names it (also under --quiet), and the total change is like for like', async () => {
    const dir = tmp();
    const may = write(dir, 'may.csv', 'period,province,participants\n2024-05,Gorontalo,250000\n2024-05,Maluku,260000\n2024-05,Aceh,580000\n');
    const june = write(dir, 'june.csv', 'period,province,participants\n2024-06,Gorontalo,251000\n2024-06,Maluku,262500\n');
    const r = await run(['coverage', june, '--previous', may, '--quiet', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // Like for like: Gorontalo +1,000 and Maluku +2,500; Aceh is not in June.
    expect(num(totalRow(r.stdout)['change'])).toBe(3_500);
    expect(r.stderr).toMatch(/warning: .*Aceh/);
    expect(r.stderr).toMatch(/like for like/);
  });

  it('in a multi-month input: the same like-for-like total', async () => {
    const dir = tmp();
    const f = write(dir, 'both.csv', 'period,province,participants\n2024-05,Gorontalo,250000\n2024-05,Maluku,260000\n2024-05,Aceh,580000\n2024-06,Gorontalo,251000\n2024-06,Maluku,262500\n');
    const r = await run(['coverage', f, '--quiet', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(num(totalRow(r.stdout)['change'])).toBe(3_500);
    expect(r.stderr).toMatch(/warning: .*Aceh/);
  });

  it('a denominator some rows of a group lack: the warning names the group by its name, not its code', async () => {
    const dir = tmp();
    const a = write(dir, 'a.csv', 'period,province,regency,potential_workers,participants\n2024-06,Aceh,Kabupaten Simeulue,30000,10000\n');
    const b = write(dir, 'b.csv', 'period,province,regency,participants\n2024-06,Aceh,Kabupaten Aceh Singkil,12000\n2024-06,Bali,Kabupaten Badung,50000\n');
    const r = await run(['coverage', a, b, '--by', 'province', '--denominator', 'potential_workers', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: potential_workers is missing for part of 1 group\(s\) \(e\.g\. Aceh; .*b\.csv:2 has none\)/);
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Aceh')!['denominator']).toBe('');
    // By regency: two of the three regencies have none, and the Total over them shows none: said.
    const fine = await run(['coverage', a, b, '--by', 'province,regency', '--denominator', 'potential_workers', '-f', 'csv']);
    expect(fine.code, fine.stderr).toBe(0);
    expect(fine.stderr).toContain('warning: potential_workers is not given for 2 of 3 rows (e.g. Aceh / Kabupaten Aceh Singkil): they show no coverage, nor do the subtotals and the Total over them');
    const simeulue = csvRows(fine.stdout).find((x) => x['regency'] === 'Kabupaten Simeulue')!;
    expect([simeulue['denominator'], simeulue['coverage']]).toEqual(['30000', '0.333333']); // 10,000 / 30,000
    // Every row has it: no warning.
    const all = await run(['coverage', a, '--by', 'province,regency', '--denominator', 'potential_workers', '-f', 'csv']);
    expect(all.stderr).not.toContain('is not given for');
  });

  it('no group in both months: the warning says no change is shown, and every change cell is empty', async () => {
    const dir = tmp();
    const f = write(dir, 'apart.csv', 'period,province,participants\n2024-05,Aceh,580000\n2024-06,Gorontalo,251000\n2024-06,Maluku,262500\n');
    const r = await run(['coverage', f, '--quiet', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: no change from 2024-05 is shown: no group was reported in both months; not reported now: Aceh; reported now, not in 2024-05: Gorontalo, Maluku/);
    expect(r.stderr).not.toMatch(/the 0 groups/);
    expect(csvRows(r.stdout).map((x) => x['change'])).toEqual(['', '', '']);
    const id = await run(['coverage', f, '--quiet', '--lang', 'id', '-f', 'csv']);
    expect(id.stderr).toMatch(/tidak ada perubahan dari 2024-05 yang ditampilkan/);
  });
});

describe('the target year is known, never guessed', () => {
  it('coverage --targets from a breakdown --months file: December 2024, 6 months left in June (run-rate 546, not 182)', async () => {
    const dir = tmp();
    const months = join(dir, 'months.csv');
    const b = await run(['breakdown', '--target', '287599', '--year', '2024', '--input', 'examples/gorontalo-regencies.csv', '--by', 'regency', '--months', '-o', months]);
    expect(b.code, b.stderr).toBe(0);
    const r = await run(['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '--targets', months, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const boalemo = detail(r.stdout).find((x) => x['regency'] === 'Kabupaten Boalemo')!;
    // Target 27,683, June participants 24,410: a gap of 3,273 over the 6 months to December → 546 a month.
    expect(num(boalemo['gap'])).toBe(3_273);
    expect(num(boalemo['run_rate'])).toBe(546);
    expect(JSON.parse((await run(['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '--targets', months, '-f', 'json'])).stdout).meta.targetYear).toBe(2024);
  });

  it('--target N --months needs --year (no December is guessed)', async () => {
    const r = await run(['breakdown', '--target', '287599', '--input', 'examples/gorontalo-regencies.csv', '--by', 'regency', '--months', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--year/);
  });

  it('--target N --year 2026 --months runs from the baseline to December 2026', async () => {
    const r = await run(['breakdown', '--target', '320000', '--year', '2026', '--input', 'examples/gorontalo-regencies.csv', '--by', 'regency', '--months', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const periods = [...new Set(csvRows(r.stdout).map((x) => x['period']))];
    expect(periods[0]).toBe('2024-01');
    expect(periods[periods.length - 1]).toBe('2026-12');
    expect(periods).toHaveLength(36);
    // Without intermediate targets the path is even, and the run says so.
    expect(r.stderr).toMatch(/no target for December 2024/);
  });

  it('a June baseline with --year 2024 runs to December 2024 (6 months), not 2025', async () => {
    const dir = tmp();
    const f = write(dir, 'june.csv', 'period,province,regency,potential_workers,participants\n2024-06,Gorontalo,Kab. Boalemo,42810,24400\n2024-06,Gorontalo,Kota Gorontalo,80000,50000\n');
    const r = await run(['breakdown', '--target', '80000', '--year', '2024', '--input', f, '--by', 'regency', '--months', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const periods = [...new Set(csvRows(r.stdout).map((x) => x['period']))];
    expect(periods).toEqual(['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
  });

  it('breakdown writes the target year: a year column and meta.year', async () => {
    const r = await run(['breakdown', '--year', '2024', '-f', 'csv']);
    expect(csvRows(r.stdout)[0]!['year']).toBe('2024');
    const t = await run(['breakdown', '--target', '287599', '--year', '2024', '--input', 'examples/gorontalo-regencies.csv', '--by', 'regency', '-f', 'json']);
    expect(JSON.parse(t.stdout).meta.year).toBe(2024);
  });

  it('coverage reads the milestones of a breakdown file with the same function as breakdown --months, every month', async () => {
    const dir = tmp();
    const targets = join(dir, 'targets.csv');
    expect((await run(['breakdown', '--target', '287599', '--year', '2024', '--input', 'examples/gorontalo-regencies.csv', '--by', 'regency', '-o', targets])).code).toBe(0);
    const months = csvRows((await run(['breakdown', '--target', '287599', '--year', '2024', '--input', 'examples/gorontalo-regencies.csv', '--by', 'regency', '--months', '-f', 'csv'])).stdout);
    const base = readFileSync('examples/gorontalo-regencies.csv', 'utf8').trim().split('\n').slice(1);
    for (let m = 1; m <= 12; m++) {
      const period = `2024-${String(m).padStart(2, '0')}`;
      const data = write(dir, `d${m}.csv`, 'period,province,regency,potential_workers,participants\n' + base.map((l) => l.replace(/^2023-12/, period)).join('\n') + '\n');
      const r = await run(['coverage', data, '--by', 'regency', '--targets', targets, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      for (const x of detail(r.stdout)) {
        const want = months.find((y) => y['period'] === period && y['regency'] === x['regency'])!;
        expect(x['milestone'], `${period} ${x['regency']}`).toBe(want['milestone']);
      }
    }
  });

  it('--year 2026 --months passes through the series own points: Dec 2024 = 50,000,000, Dec 2025 = 60,000,000', async () => {
    const r = await run(['breakdown', '--year', '2026', '--months', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const national = (p: string) => num(csvRows(r.stdout).find((x) => x['period'] === p && x['level'] === 'subtotal')!['milestone']);
    expect(national('2024-12')).toBe(50_000_000);
    expect(national('2025-12')).toBe(60_000_000);
    expect(national('2026-12')).toBe(70_000_000);
  });
});

describe('revisions', () => {
  const series = 'scenario,year,target,from\nplan,2023,41560000,\nplan,2024,50000000,\nplan,2024,52000000,2024-07\nplan,2026,70000000,\n';

  it('a revision from July: January to June keep their milestones, July to December go to the new target', async () => {
    const dir = tmp();
    const s = write(dir, 'series.csv', series);
    const before = csvRows((await run(['breakdown', '--year', '2024', '--months', '-f', 'csv'])).stdout);
    const r = await run(['breakdown', '--series', s, '--year', '2024', '--months', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const after = csvRows(r.stdout);
    const nat = (rows: Record<string, string>[], p: string) => num(rows.find((x) => x['period'] === p && x['level'] === 'subtotal')!['milestone']);
    for (let m = 1; m <= 6; m++) {
      const p = `2024-0${m}`;
      // The same rows, the original target in force among them (`from` empty: no revision yet).
      expect(after.filter((x) => x['period'] === p)).toEqual(before.filter((x) => x['period'] === p).map((x) => ({ ...x, from: '' })));
    }
    // From July: the revised target, and the month it is in force from.
    const july = after.filter((x) => x['period'] === '2024-07' && x['level'] === 'subtotal');
    expect(july.map((x) => [x['from'], x['target']])).toEqual([['2024-07', '52000000']]);
    // The baseline's provinces hold 41,560,000 − 414,868 not attributed to a province = 41,145,132.
    // June's national milestone is 41,145,132 + 6/12 of 8,854,868 = 45,572,566; the rest (52,000,000 −
    // 45,572,566 = 6,427,434) goes evenly over 6 months: 1,071,239 a month.
    expect(nat(after, '2024-06')).toBe(45_572_566);
    expect(nat(after, '2024-07')).toBe(45_572_566 + 1_071_239);
    expect(nat(after, '2024-12')).toBe(52_000_000);
    expect(r.stderr).toMatch(/52,000,000, revised from 2024-07 \(was 50,000,000\)/);
    // --as-of before the revision: the original target.
    const asOf = await run(['breakdown', '--series', s, '--year', '2024', '--as-of', '2024-06', '-f', 'json']);
    expect(JSON.parse(asOf.stdout).totals.target).toBe(50_000_000);
    expect(JSON.parse(asOf.stdout).meta.revision).toMatchObject({ from: null });
  });

  it('coverage in August uses the revision in force and its re-phased milestone', async () => {
    const dir = tmp();
    const s = write(dir, 'series.csv', series);
    const f = write(dir, 'aug.csv', 'period,province,participants\n2024-08,Gorontalo,262000\n');
    const months = csvRows((await run(['breakdown', '--series', s, '--year', '2024', '--months', '-f', 'csv'])).stdout);
    const r = await run(['coverage', f, '--series', s, '--year', '2024', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const want = months.find((x) => x['period'] === '2024-08' && x['province'] === 'Gorontalo')!;
    expect(doc.rows[0].milestone).toBe(num(want['milestone']));
    expect(doc.rows[0].target).toBe(num(want['target']));
    expect(doc.meta.revision).toMatchObject({ from: '2024-07', total: 52_000_000 });
  });
});

describe('scope: the warnings of a regional report are about its own areas', () => {
  it('coverage of Kanwil Sulawesi Maluku --year 2024 warns of Gorontalo\'s target below a later publication, not of DKI Jakarta\'s or Banten\'s', async () => {
    const f = write(tmp(), 'sulama.csv', sulama());
    const r = await run(['coverage', f, '--year', '2024', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // data/actuals.csv: Gorontalo published 314,000 active participants for 2025-12, above its 2024 target.
    expect(r.stderr).toMatch(/Gorontalo: the target [\d,]+ is below the 314,000 active participants published/);
    expect(r.stderr).not.toMatch(/DKI Jakarta|Banten|Indonesia:/);
    // The national plan splits by employed (its default), this file reports potential workers: said.
    expect(r.stderr).toContain("warning: the 2024 targets are the national breakdown's, split by employed; this report's coverage is on potential_workers");
    // The national plan run alone still says all of them.
    const all = await run(['breakdown', '--year', '2024', '-f', 'csv']);
    expect(all.stderr).toMatch(/DKI Jakarta: the target/);
    expect(all.stderr).toMatch(/Banten: the target/);
  });
});

describe('the month reported is inside the targets\' frame, and a status without a milestone says so', () => {
  it('a January 2025 report against the 2024 targets is refused (it compared with a past December, exit 0, no word)', async () => {
    const dir = tmp();
    const data = write(dir, 'jan.csv', 'period,province,potential_workers,participants\n2025-01,Gorontalo,422934,262000\n');
    const targets = write(dir, 't.csv', 'period,province,year,participants,target\n2023-12,Gorontalo,2024,250000,282856\n');
    const r = await run(['coverage', data, '--targets', targets, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('the report is for 2025-01, after December 2024, the month the targets are for');
    // December 2024 itself is the targets' month: reported as usual.
    const dec = write(dir, 'dec.csv', 'period,province,potential_workers,participants\n2024-12,Gorontalo,422934,262000\n');
    expect((await run(['coverage', dec, '--targets', targets, '-f', 'csv'])).code).toBe(0);
  });

  it('targets without participants to start a path from: no milestone, and a warning even with --quiet', async () => {
    const dir = tmp();
    const data = write(dir, 'jun.csv', 'period,province,potential_workers,participants\n2024-06,Gorontalo,422934,259971\n');
    const plain = write(dir, 'plain.csv', 'province,year,target\nGorontalo,2024,288908\n');
    const r = await run(['coverage', data, '--targets', plain, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(totalRow(r.stdout)['milestone']).toBe('');
    // The one cause (fx53): the file has no participants column.
    expect(r.stderr).toBe("warning: 1 of 1 rows with a target have no milestone for 2024-06: the targets give no participants, each row's figure at the start of its path to December: their status compares with the December target only; to phase milestones, add a participants column and a period column to the targets (each row's participants in the month the plan starts from, and that month), as a breakdown output has\n");
    // With the baseline participants the month has its milestone (250,000 + 38,908 × 6 / 12 = 269,454), and no warning.
    const full = write(dir, 'full.csv', 'period,province,year,participants,target\n2023-12,Gorontalo,2024,250000,288908\n');
    const f = await run(['coverage', data, '--targets', full, '-f', 'csv', '--quiet']);
    expect(f.stderr).toBe('');
    expect(totalRow(f.stdout)['milestone']).toBe('269454');
  });
});

describe('one rule, one answer', () => {
  it('jamsostek.json {"mode":"level","basis":"workforce"} applies to coverage --year as to breakdown --year', async () => {
    const dir = tmp();
    write(dir, 'jamsostek.json', '{"mode":"level","basis":"workforce"}\n');
    const b = csvRows((await run(['breakdown', '--year', '2024', '-f', 'csv'], { cwd: dir })).stdout);
    const c = await run(['coverage', '--year', '2024', '-f', 'json'], { cwd: dir });
    expect(c.code, c.stderr).toBe(0);
    const doc = JSON.parse(c.stdout);
    const gor = doc.rows.find((x: Record<string, unknown>) => x['province'] === 'Gorontalo');
    expect(gor.target).toBe(num(b.find((x) => x['province'] === 'Gorontalo')!['target']));
    expect(doc.meta.rule).toMatchObject({ mode: 'level', basis: 'workforce' });
  });
});

describe('flags that would do nothing are refused', () => {
  it('coverage --workforce without an extract', async () => {
    const r = await run(['coverage', 'examples/2024-06/gorontalo.csv', '--workforce', 'examples/gorontalo-regencies.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workforce/);
    expect(r.stderr).toMatch(/hint:/);
  });

  it('breakdown --phasing without --months', async () => {
    const r = await run(['breakdown', '--year', '2024', '--phasing', 'even']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--phasing/);
  });
});
