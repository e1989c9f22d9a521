// breakdown --compare: any set of rules side by side in one run. Every variant's column must be the
// target of a separate `breakdown` run with that rule, field by field (the "done when"); the
// differences, the summary and the words are checked against numbers worked out by hand here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvRows, ROOT, run, tmp } from './helpers.js';

type Rows = Record<string, string>[];

async function csv(args: string[]): Promise<Rows> {
  const r = await run([...args, '-f', 'csv', '--quiet']);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return csvRows(r.stdout);
}

/** A row's identity: its key columns and level (the columns every breakdown output starts with). */
const rowKey = (x: Record<string, string>, keys: readonly string[]): string => keys.map((k) => x[k]).concat(x['level']!).join('|');

/**
 * Run `--compare <spec>` once and each variant on its own (its whole command line); each variant's target column must equal the
 * separate run's target on every row (details, subtotals, total).
 */
async function reproduces(base: string[], compare: string[], variants: readonly (readonly [string, string[]])[], keys: readonly string[]): Promise<Rows> {
  const together = await csv([...base, ...compare.flatMap((c) => ['--compare', c])]);
  expect(Object.keys(together[0]!).filter((k) => k.startsWith('target_'))).toEqual(variants.map(([v]) => `target_${v}`));
  for (const [name, flags] of variants) {
    const alone = await csv(flags);
    const want = new Map(alone.map((x) => [rowKey(x, keys), x['target']]));
    expect(together.length, name).toBe(alone.length);
    for (const x of together) expect(x[`target_${name}`], `${name}: ${rowKey(x, keys)}`).toBe(want.get(rowKey(x, keys)));
  }
  // Not a vacuous comparison: the rules chosen here do move some targets.
  expect(together.some((x) => x['changed'] === 'yes')).toBe(true);
  return together;
}

const PROVINCE = ['province_code', 'province'];

describe('--compare reproduces separate runs, field by field', () => {
  // [field, the base flags, --compare, [variant, the flags of its own run besides the base]]
  const cases: [string, string[], string, [string, string[]][]][] = [
    ['method', ['--year', '2026'], 'webster,hamilton,dhondt', [['webster', []], ['hamilton', ['--method', 'hamilton']], ['dhondt', ['--method', 'dhondt']]]],
    ['method=', ['--year', '2026', '--mode', 'level'], 'method=adams,huntington-hill', [['adams', ['--method', 'adams']], ['huntington_hill', ['--method', 'huntington-hill']]]],
    ['mode', ['--year', '2026'], 'mode=gap,level', [['gap', ['--mode', 'gap']], ['level', ['--mode', 'level']]]],
    ['basis', ['--year', '2026'], 'basis=uncovered,workforce,participants,equal', [['uncovered', ['--basis', 'uncovered']], ['workforce', ['--basis', 'workforce']], ['participants', ['--basis', 'participants']], ['equal', ['--basis', 'equal']]]],
    ['denominator', ['--year', '2026'], 'denominator=employed,potential_workers', [['employed', ['--denominator', 'employed']], ['potential_workers', ['--denominator', 'potential_workers']]]],
    // 250,000: every province's denominator is above it (a --min above the denominator is refused as crossed bounds).
    ['min', ['--year', '2026', '--mode', 'level'], 'min=default,none,250000', [['min_default', []], ['min_none', ['--min', 'none']], ['min_250000', ['--min', '250000']]]],
    ['max', ['--year', '2026', '--mode', 'level'], 'max=default,none,3000000', [['max_default', []], ['max_none', ['--max', 'none']], ['max_3000000', ['--max', '3000000']]]],
    ['max-coverage', ['--year', '2026'], 'max-coverage=none,0.52,51%', [['max_coverage_none', []], ['max_coverage_0_52', ['--max-coverage', '0.52']], ['max_coverage_51', ['--max-coverage', '51%']]]],
    ['scenario', ['--year', '2024'], 'scenario=plan,roadmap,rkat', [['plan', ['--scenario', 'plan']], ['roadmap', ['--scenario', 'roadmap']], ['rkat', ['--scenario', 'rkat']]]],
  ];

  it.each(cases)('%s', async (_name, flags, compare, variants) => {
    // Every other flag of the run is the base rule: a variant's own run has the base flags too.
    const base = ['breakdown', ...flags];
    await reproduces(base, [compare], variants.map(([v, own]) => [v, [...base, ...own]] as const), PROVINCE);
  });

  it('--compare-scenario is --compare scenario= (the same columns and numbers)', async () => {
    const a = await csv(['breakdown', '--year', '2024', '--compare-scenario', 'plan,rkat']);
    const b = await csv(['breakdown', '--year', '2024', '--compare', 'scenario=plan,rkat']);
    expect(a).toEqual(b);
  });

  it('a grid: --compare mode=… --compare basis=… is every combination, the first field outermost', async () => {
    const variants: [string, string[]][] = [];
    for (const m of ['gap', 'level']) for (const b of ['uncovered', 'workforce']) variants.push([`${m}_${b}`, ['breakdown', '--year', '2026', '--mode', m, '--basis', b]]);
    await reproduces(['breakdown', '--year', '2026'], ['mode=gap,level', 'basis=uncovered,workforce'], variants, PROVINCE);
  });

  it('nested keys (province, regency): children and subtotals of each variant match their own runs', async () => {
    const dir = tmp();
    const f = join(dir, 'regencies.csv');
    writeFileSync(
      f,
      'period,province,regency,potential_workers,participants\n2023-12,Gorontalo,Kab. Boalemo,42810,24166\n2023-12,Gorontalo,Kab. Gorontalo,121605,70421\n2023-12,Gorontalo,Kota Gorontalo,120210,80454\n2023-12,Sulawesi Utara,Kota Manado,210400,150000\n2023-12,Sulawesi Utara,Kota Bitung,70300,44000\n2023-12,Sulawesi Utara,Kab. Minahasa,95600,41200\n',
    );
    const base = ['breakdown', '--target', '500000', '--input', f, '--by', 'province,regency'];
    const rows = await reproduces(base, ['mode=gap,level'], [['gap', [...base, '--mode', 'gap']], ['level', [...base, '--mode', 'level']]], ['province_code', 'province', 'regency']);
    expect(rows.map((x) => x['level'])).toEqual(['detail', 'detail', 'detail', 'subtotal', 'detail', 'detail', 'detail', 'subtotal', 'total']);
  });

  it('a matrix (province × segment): every cell of each variant matches its own run', async () => {
    const base = ['breakdown', '--year', '2026', '--by', 'province,segment'];
    const rows = await reproduces(base, ['mode=gap,level'], [['gap', [...base, '--mode', 'gap']], ['level', [...base, '--mode', 'level']]], ['province_code', 'province', 'segment']);
    expect(rows.filter((x) => x['level'] === 'detail')).toHaveLength(38 * 4);
  });
});

describe('--compare: the differences, the summary and the words, by hand', () => {
  // Two branches, 600 to split. Gap (uncovered): the increase 200 goes 900 : 200 → 163.6 / 36.4 →
  // Webster 164 / 36, targets 264 and 336. Level (workforce 1000 : 500): 400 / 200, but B may not go
  // below its 300 today → B 300, A 300. Level − gap: A +36 (+36/264 = +13.64 %), B −36 (−36/336 = −10.71 %).
  const file = (): string => {
    const f = join(tmp(), 'branches.csv');
    writeFileSync(f, 'branch,workforce,participants\nA,1000,100\nB,500,300\n');
    return f;
  };

  it('targets, diff, diff_level and diff_pct_level; the summary in meta and in the notes', async () => {
    const r = await run(['breakdown', '--target', '600', '--input', file(), '--by', 'branch', '--compare', 'mode=gap,level', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.columns.map((c: { key: string }) => c.key)).toEqual(['branch', 'participants', 'target_gap', 'target_level', 'diff', 'changed', 'diff_level', 'diff_pct_level', 'estimated']);
    const got = doc.rows.map((x: Record<string, unknown>) => [x['branch'], x['target_gap'], x['target_level'], x['diff'], x['changed'], x['diff_level'], x['diff_pct_level']]);
    expect(got).toEqual([
      ['A', 264, 300, 36, 'yes', 36, Number((36 / 264).toFixed(6))],
      ['B', 336, 300, -36, 'yes', -36, Number((-36 / 336).toFixed(6))],
    ]);
    expect(doc.totals).toMatchObject({ target_gap: 600, target_level: 600, diff: 0, diff_level: 0, diff_pct_level: 0 });
    expect(doc.meta.compare).toBe('mode');
    // The mode, and with it the default basis, differ between the variants: not one value at the top.
    expect(doc.meta.mode).toBeNull();
    expect(doc.meta.basis).toBeNull();
    expect(doc.meta.variants.map((v: { name: string; mode: string; basis: string }) => [v.name, v.mode, v.basis])).toEqual([
      ['gap', 'gap', 'uncovered'],
      ['level', 'level', 'workforce'],
    ]);
    expect(doc.meta.summary).toEqual([
      {
        variant: 'level',
        against: 'gap',
        changedUnits: 2,
        units: 2,
        gainsMost: { unit: 'A', people: 36, pct: 0.136364 },
        losesMost: { unit: 'B', people: -36, pct: -0.107143 },
        largestChange: { unit: 'A', people: 36, pct: 0.136364 },
        largestChangePct: { unit: 'A', people: 36, pct: 0.136364 },
      },
    ]);
    const line = 'level vs gap: 2 of 2 branch units change; gains most: A (+36, +13.64%); loses most: B (-36, -10.71%); largest change in %: A (+36, +13.64%)';
    expect(doc.meta.notes[0].en).toBe(line);
    expect(r.stderr).toContain(`note: ${line}`);
  });

  it('--explain says what each variant weights, in English and in Indonesian', async () => {
    const en = await run(['breakdown', '--year', '2026', '--compare', 'mode=gap,level', '--explain', '-f', 'csv']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain('explain: variant gap — gap / uncovered: provinces with more uncovered workers (employed population − participants) get more of the increase;');
    expect(en.stderr).toContain("explain: variant level — level / workforce: targets proportional to each province's workforce (employed population);");
    expect(en.stderr).toMatch(/^explain: {3}level: province: at their minimum: Kepulauan Riau/m);
    const id = await run(['breakdown', '--year', '2026', '--compare', 'basis=uncovered,equal', '--explain', '--lang', 'id', '-f', 'csv']);
    expect(id.stderr).toContain('explain: varian uncovered — gap / uncovered: provinsi dengan pekerja yang belum terlindungi (penduduk bekerja − peserta) lebih banyak mendapat bagian kenaikan yang lebih besar;');
    expect(id.stderr).toContain('explain: varian equal — gap / equal: setiap provinsi mendapat bagian kenaikan yang sama;');
    const cap = await run(['breakdown', '--year', '2026', '--compare', 'max-coverage=none,95%', '--explain', '-f', 'csv']);
    expect(cap.stderr).toContain('every province gets at least today\'s participants and at most 95 % of its employed population');
  });

  it('a note of some variants only is named by them; one every variant has is said once', async () => {
    const r = await run(['breakdown', '--year', '2026', '--compare', 'mode=gap,level', '-f', 'csv']);
    expect(r.stderr.match(/held at today's participants/g)).toHaveLength(1);
    expect(r.stderr).toContain("warning: [level] Banten: the target 2,631,601 is below the 3,090,000 active participants published for 2025 (Kemnaker: goodstats-2025-provinces)");
    expect(r.stderr).not.toContain('warning: [gap]');
  });
});

describe('--compare for leadership: xlsx and HTML', () => {
  it('xlsx: a "changes" sheet, largest gain first; HTML: a diverging chart per variant', async () => {
    const dir = tmp();
    const r = await run(['breakdown', '--year', '2026', '--compare', 'mode=gap,level', '-o', join(dir, 'c.xlsx'), '-o', join(dir, 'c.html'), '-o', join(dir, 'c.csv'), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(readFileSync(join(dir, 'c.csv'), 'utf8')).filter((x) => x['level'] === 'detail');
    const byChange = rows.map((x) => [x['province'], Number(x['diff_level'])] as const).sort((a, b) => b[1] - a[1]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'c.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['comparison', 'changes', 'meta']);
    const sheet = wb.getWorksheet('changes')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'province', 'level − gap']);
    const cells: [string, number][] = [];
    sheet.eachRow((row, i) => {
      if (i > 1) cells.push([String(row.getCell(1).value), Number(row.getCell(2).value)]);
    });
    expect(cells).toEqual(byChange);
    expect(cells[0]![1]).toBeGreaterThan(0);
    expect(cells[cells.length - 1]![1]).toBeLessThan(0);
    const html = readFileSync(join(dir, 'c.html'), 'utf8');
    const chart = html.slice(html.indexOf('id="chart-change-1"'));
    const bars = [...chart.matchAll(/<div class="bar-row" title="([^"]*)"/g)].map((m) => m[1]!);
    expect(bars).toHaveLength(38);
    const [top, bottom] = [byChange[0]!, byChange[byChange.length - 1]!];
    expect(bars[0]).toBe(`${top[0]}: +${top[1].toLocaleString('en-US')} (+${((top[1] / Number(rows.find((x) => x['province'] === top[0])!['target_gap'])) * 100).toFixed(2)}%)`);
    expect(bars[bars.length - 1]!.startsWith(`${bottom[0]}: -${(-bottom[1]).toLocaleString('en-US')} (`)).toBe(true);
    expect(chart).toContain('class="bar negative"');
  });
});

describe('--compare refuses what it cannot do, with the reason (exit 2)', () => {
  it.each([
    ['a field also set by its own flag', ['--year', '2026', '--compare', 'mode=gap,level', '--mode', 'level'], '--compare mode=… and --mode both set the mode'],
    ['a method comparison with --method (as before)', ['--year', '2026', '--compare', 'webster,hamilton', '--method', 'dhondt'], '--compare method=… and --method both set the method'],
    ['an unknown field', ['--year', '2026', '--compare', 'colour=red,blue'], '--compare: unknown rule field "colour"'],
    ['one value', ['--year', '2026', '--compare', 'mode=gap'], '--compare compares two or more values of mode'],
    ['a value twice', ['--year', '2026', '--compare', 'max-coverage=0.95,95%'], '--compare names a value of max-coverage twice'],
    ['a field twice', ['--year', '2026', '--compare', 'mode=gap,level', '--compare', 'mode=level,gap'], '--compare: mode is compared twice'],
    ['the alias and the field', ['--year', '2024', '--compare', 'scenario=plan,rkat', '--compare-scenario', 'plan,roadmap'], '--compare: scenario is compared twice'],
    ['scenarios without --year', ['--target', '50000000', '--compare', 'scenario=plan,rkat'], '--compare scenario=… and --target'],
    ['scenarios without a year at all', ['--compare', 'scenario=plan,rkat'], '--compare-scenario needs --year'],
    ['too many variants', ['--year', '2026', '--compare', 'webster,hamilton,dhondt,adams,dean', '--compare', 'mode=gap,level', '--compare', 'basis=uncovered,workforce'], '--compare: 5 × 2 × 2 = 20 variants; at most 16 side by side'],
    ['--months', ['--year', '2026', '--compare', 'mode=gap,level', '--months'], '--compare shows December targets; leave out --months'],
  ])('%s', async (_name, args, message) => {
    const r = await run(['breakdown', ...args, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('a variant that has no solution is named (exit 3)', async () => {
    const r = await run(['breakdown', '--year', '2026', '--compare', 'max-coverage=none,0.3', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: --compare max-coverage 0\.3: the 38 province units can take at most/m);
    expect(r.stdout).toBe('');
  });

  it('a --compare field given in jamsostek.json gives way to the command line, and says so', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'jamsostek.json'), JSON.stringify({ mode: 'level' }));
    const r = await run(['breakdown', '--year', '2026', '--compare', 'mode=gap,level', '-f', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: --compare mode=… sets the mode of each variant: "mode" in ./jamsostek.json is not used');
  });
});

describe('--compare in the terminal', () => {
  it('--chart draws no coverage bars over a comparison (they would be targets read as shares), and says so', async () => {
    const r = await run(['breakdown', '--year', '2026', '--compare', 'webster,hamilton', '-f', 'table', '--chart']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[█░]/);
    expect(r.stderr).toContain('note: --chart draws coverage against target; the changes of a comparison are charted in -f html and -f xlsx');
  });
});

describe('README: defending a split', () => {
  it('the excerpt is the real output of its command, line for line', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Defending a split'));
    const command = /```sh\n(jamsostek [^\n]*)\n/.exec(section)![1]!;
    const excerpt = /```text\n([\s\S]*?)```/.exec(section)![1]!.split('\n').filter(Boolean);
    expect(command).toBe('jamsostek breakdown --year 2026 --compare mode=gap,level --explain -f table');
    const r = await run(command.split(' ').slice(1));
    expect(r.code, r.stderr).toBe(0);
    const out = new Set(r.stdout.split('\n').concat(r.stderr.split('\n')));
    for (const line of excerpt) expect(out.has(line), line).toBe(true);
    expect(excerpt.length).toBeGreaterThan(6);
  });
});
