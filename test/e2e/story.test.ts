// Issue 18, on the command line: the trend view in every format, and two target plans side by side.
// Expected numbers are computed here from the files, by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from './helpers.js';

const FORMATS = ['csv', 'tsv', 'json', 'jsonl', 'md', 'html', 'xlsx', 'table'] as const;

describe('coverage --trend', () => {
  it('renders in every format, the months as columns', async () => {
    const dir = tmp();
    for (const f of FORMATS) {
      const out = join(dir, `trend.${f === 'table' ? 'txt' : f}`);
      const args = ['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '--targets', 'examples/targets-2024-gorontalo.csv', '--trend', '-f', f];
      const r = f === 'xlsx' ? await run([...args, '-o', out]) : await run(args);
      expect(r.code, `${f}: ${r.stderr}`).toBe(0);
      if (f === 'csv') {
        const rows = csvRows(r.stdout);
        expect(Object.keys(rows[0]!).slice(0, 3)).toEqual(['regency', '2024-05', '2024-06']);
        // Boalemo: 24,166 in May, 24,410 in June: +244 a month; 6 months left → 25,874.
        const b = rows.find((x) => x['regency'] === 'Kabupaten Boalemo')!;
        expect([b['2024-05'], b['2024-06'], b['pace'], b['projected'], b['target']]).toEqual(['24166', '24410', '244', '25874', '27683']);
        expect(b['projected_gap']).toBe(String(27683 - 25874));
        expect(b['projected_status']).toBe('will-miss'); // 25,874 < 95 % of 27,683 (26,298.85)
      }
      if (f === 'md' || f === 'html' || f === 'table') expect(r.stdout).toContain('2024-05');
    }
  });

  it('refuses --sort and --top with --compare-targets, whose table would ignore them (every row, in input order)', async () => {
    for (const extra of [['--sort', 'gap'], ['--top', '2']]) {
      const r = await run(['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '--targets', 'examples/targets-2024-gorontalo.csv', '--compare-targets', 'examples/targets-2024-gorontalo.csv', ...extra, '-f', 'csv']);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${extra[0]} would have no effect: the plans side by side (--compare-targets) list every row, in the order of the input`);
    }
  });

  it('refuses --sort and --top, which the trend view would ignore (every row, in input order)', async () => {
    for (const extra of [['--sort', 'coverage'], ['--top', '3']]) {
      const r = await run(['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '--trend', ...extra, '-f', 'csv']);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${extra[0]} would have no effect: the trend view (--trend) lists every row, in the order of the input, under its subtotal`);
    }
  });
});

describe('coverage --compare-targets: two plans side by side', () => {
  it('each plan\'s target, gap and status, and the difference row by row and in total', async () => {
    const dir = tmp();
    const level = join(dir, 'level.csv');
    const b = await run(['breakdown', '--target', '287599', '--year', '2024', '--input', 'examples/gorontalo-regencies.csv', '--by', 'regency', '--mode', 'level', '--basis', 'workforce', '-o', level]);
    expect(b.code, b.stderr).toBe(0);
    const r = await run(['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '--targets', 'examples/targets-2024-gorontalo.csv', '--compare-targets', level, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    const a = csvRows(readFileSync('examples/targets-2024-gorontalo.csv', 'utf8')).filter((x) => x['level'] === 'detail');
    const l = csvRows(readFileSync(level, 'utf8')).filter((x) => x['level'] === 'detail');
    for (const x of rows.filter((y) => y['level'] === 'detail')) {
      const ta = Number(a.find((y) => y['regency'] === x['regency'])!['target']);
      const tl = Number(l.find((y) => y['regency'] === x['regency'])!['target']);
      expect(Number(x['target_targets_2024_gorontalo']), x['regency']).toBe(ta);
      expect(Number(x['target_level']), x['regency']).toBe(tl);
      expect(Number(x['diff_level'])).toBe(tl - ta);
      expect(Number(x['gap_level'])).toBe(tl - Number(x['participants']));
    }
    const total = rows.find((y) => y['level'] === 'total')!;
    expect(Number(total['diff_level'])).toBe(0); // both plans split the same 287,599
    expect(Number(total['target_level'])).toBe(287_599);
  });

  it('renders in HTML and xlsx (a chart of the differences), and is refused without targets to compare with', async () => {
    const dir = tmp();
    const other = join(dir, 'other.csv');
    // Another plan: Boalemo 1,000 more, and its Total row with it (a Total that disagrees with its rows is refused).
    writeFileSync(other, readFileSync('examples/targets-2024-gorontalo.csv', 'utf8').replace(/,27683,/, ',28683,').replace(/,287599,/, ',288599,'));
    for (const f of ['html', 'xlsx']) {
      const r = await run(['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '--targets', 'examples/targets-2024-gorontalo.csv', '--compare-targets', other, '-o', join(dir, `c.${f}`)]);
      expect(r.code, r.stderr).toBe(0);
    }
    const refused = await run(['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '--compare-targets', other]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--compare-targets would have no effect/);
  });
});

describe('README: a June projection for a Kanwil', () => {
  it('the excerpt is the real output of its command, line for line', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## A June projection for a Kanwil'), readme.indexOf('## Defending a split'));
    const excerpt = /```text\n([\s\S]*?)```/.exec(section)![1]!.split('\n').filter(Boolean);
    const r = await run(['coverage', 'examples/sulama-2024/*.csv', '--year', '2024', '--expect', 'kanwil:Sulama', '--trend', '-f', 'md']);
    expect(r.code, r.stderr).toBe(0);
    const out = new Set(r.stdout.split('\n'));
    for (const line of excerpt) expect(out.has(line), line).toBe(true);
    expect(section).toContain('3,405,033 in December, 469,369 short of the 3,874,402');
  });
});

describe('the story says over how many months its changes are (found by review)', () => {
  it('a change over five months and a pace over fewer months than the window are said', async () => {
    const jan = 'examples/sulama-2024/2024-01.csv';
    const jun = 'examples/sulama-2024/2024-06.csv';
    const r = await run(['coverage', jan, jun, '--year', '2024', '--denominator', 'potential_workers', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: the change is since 2024-01: 5 months, not one');
    const w = await run(['coverage', 'examples/sulama-2024/*.csv', '--year', '2024', '--denominator', 'potential_workers', '--pace-window', '12', '-f', 'csv']);
    expect(w.stderr).toContain('note: the pace of 8 of 8 rows is over fewer months than --pace-window 12 (as few as 5)');
    // Six months, January to June: the pace is over the five changes between them.
    const consecutive = await run(['coverage', 'examples/sulama-2024/*.csv', '--year', '2024', '--denominator', 'potential_workers', '-f', 'csv']);
    expect(consecutive.stderr).not.toContain('the change is since');
    expect(consecutive.stderr).not.toContain('fewer months than');
  });

  it('a projection never goes below zero: it stops at 0 and says so (a count of people is never negative)', async () => {
    const dir = tmp();
    const f = join(dir, 'falling.csv');
    // Aceh: 5 in May, 1 in June: -4 a month; 6 months to December: 1 - 24 would be -23, so 0. (Not 0 in
    // June: a province's 0 participants is refused as a blank written as 0, rv28 R21.)
    // Bali: 100 in May, 90 in June: -10 a month; 90 - 60 = 30 (above zero: as it is).
    writeFileSync(f, 'period,province,workforce,participants\n2024-05,Aceh,100,5\n2024-06,Aceh,100,1\n2024-05,Bali,200,100\n2024-06,Bali,200,90\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    const aceh = rows.find((x) => x['province'] === 'Aceh')!;
    const bali = rows.find((x) => x['province'] === 'Bali')!;
    expect([aceh['pace'], aceh['projected']]).toEqual(['-4', '0']);
    expect([bali['pace'], bali['projected']]).toEqual(['-10', '30']);
    expect(rows.find((x) => x['level'] === 'total')!['projected']).toBe('30'); // 0 + 30
    expect(r.stderr).toContain('warning: 1 of 2 rows would fall below zero by 2024-12 at their pace: their projection is 0 (Aceh)');
    const id = await run(['coverage', f, '--lang', 'id', '-f', 'csv']);
    expect(id.stderr).toContain('1 dari 2 baris akan turun di bawah nol');
  });
});
