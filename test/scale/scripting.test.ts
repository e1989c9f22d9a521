// What a monthly job relies on: -o - is stdout, several -o in one run (all written, or none), --quiet,
// the config file named and never choosing output paths, exact sums, typed refusals, a terminal table
// that fits the terminal.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvRows, ROOT, run, tmp } from '../e2e/helpers.js';

describe('outputs', () => {
  it('-o - is standard output, not a file named "-"', async () => {
    const dir = tmp();
    const r = await run(['breakdown', '--year', '2024', '-o', '-', '-f', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout)).toHaveLength(39);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('several -o in one run: each format from its extension, the same numbers in each', async () => {
    const dir = tmp();
    const r = await run(['breakdown', '--year', '2026', '--by', 'province,segment', '-o', 'out.xlsx', '-o', 'out.html', '-o', 'out.csv', '-o', 'out.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['out.csv', 'out.html', 'out.json', 'out.xlsx']);
    const csv = csvRows(readFileSync(join(dir, 'out.csv'), 'utf8'));
    const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(json.rows.map((x: { target: number }) => String(x.target))).toEqual(csv.filter((x) => x['level'] === 'detail').map((x) => x['target']));
    expect(readFileSync(join(dir, 'out.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'out.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('crosstab');
  });

  it('several -o: if one cannot be written, none is', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'old.csv'), 'old\n');
    writeFileSync(join(dir, 'notes.txt'), 'a file, not a folder\n');
    // notes.txt/new.html cannot be created (a path under a file), whoever runs the test.
    const r = await run(['breakdown', '--year', '2024', '-o', 'old.csv', '-o', 'notes.txt/new.html'], { cwd: dir });
    expect(r.code).toBe(4);
    expect(readFileSync(join(dir, 'old.csv'), 'utf8')).toBe('old\n');
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'old.csv']);
  });
});

describe('--compare', () => {
  it('methods side by side: one target column each, the difference, which units differ; in every format', async () => {
    const dir = tmp();
    const r = await run(['breakdown', '--year', '2026', '--compare', 'webster,dhondt', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    // The columns of before, in their order; then each later variant's change (people, share), then level.
    expect(Object.keys(rows[0]!)).toEqual(['province_code', 'province', 'participants', 'target_webster', 'target_dhondt', 'diff', 'changed', 'diff_dhondt', 'diff_pct_dhondt', 'estimated', 'level']);
    const detail = rows.filter((x) => x['level'] === 'detail');
    for (const x of detail) expect(Number(x['diff'])).toBe(Number(x['target_dhondt']) - Number(x['target_webster']));
    expect(detail.reduce((a, x) => a + Number(x['target_webster']), 0)).toBe(70_000_000);
    expect(detail.reduce((a, x) => a + Number(x['target_dhondt']), 0)).toBe(70_000_000);
    expect(detail.some((x) => x['changed'] === 'yes')).toBe(true);
    for (const f of ['json', 'md', 'html', 'xlsx', 'tsv', 'jsonl', 'table']) {
      const out = join(dir, `c.${f === 'table' ? 'txt' : f}`);
      const x = await run(['breakdown', '--year', '2026', '--compare', 'webster,hamilton', '-f', f, '-o', out]);
      expect(x.code, `${f}: ${x.stderr}`).toBe(0);
    }
    expect(readFileSync(join(dir, 'c.html'), 'utf8')).toContain('id="chart-change-1"');
  });

  it('target series side by side (--compare-scenario needs --year)', async () => {
    const r = await run(['breakdown', '--year', '2024', '--compare-scenario', 'plan,rkat', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.totals.target_plan).toBe(50_000_000);
    expect(doc.totals.target_rkat).toBe(53_960_000);
    expect((await run(['breakdown', '--compare-scenario', 'plan,rkat'])).code).toBe(2);
  });
});

describe('notes and the config file', () => {
  it('--quiet silences notes, never errors nor a warning that changes what a number means', async () => {
    const loud = await run(['breakdown', '--year', '2024', '-f', 'csv']);
    expect(loud.stderr).toMatch(/^note: /m);
    expect(loud.stderr).toMatch(/^warning: /m);
    const quiet = await run(['breakdown', '--year', '2024', '-f', 'csv', '--quiet']);
    expect(quiet.stderr).not.toMatch(/^note: /m);
    // rv19: only the targets below a figure published later (4 provinces) are left.
    expect(quiet.stderr.split('\n').filter((l) => l !== '' && !/^warning: [A-Za-z ]+: the target [\d,]+ is below the [\d,]+ active participants published for /.test(l))).toEqual([]);
    expect(quiet.stderr.split('\n').filter((l) => l !== '')).toHaveLength(4);
    expect(quiet.stdout).toBe(loud.stdout);
    const err = await run(['breakdown', '--target', '1', '-f', 'csv', '--quiet']);
    expect(err.code).toBe(3);
    expect(err.stderr).toMatch(/^error: /m);
  });

  it('notes follow --lang', async () => {
    const r = await run(['breakdown', '--year', '2024', '-f', 'csv', '--lang', 'id']);
    expect(r.stderr).toMatch(/^note: memakai data dasar bawaan/m);
    expect(r.stderr).toMatch(/^warning: DKI Jakarta: target 7\.498\.532 di bawah 8\.320\.000/m);
  });

  it('the config file in use is named; it cannot choose where reports are written', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'jamsostek.json'), JSON.stringify({ lang: 'en' }));
    const r = await run(['breakdown', '--year', '2024', '-f', 'csv'], { cwd: dir });
    expect(r.stderr).toContain('note: using defaults from ./jamsostek.json');
    writeFileSync(join(dir, 'jamsostek.json'), JSON.stringify({ output: '/tmp/elsewhere.csv' }));
    const bad = await run(['breakdown', '--year', '2024'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('config: "output" cannot be set in a config file');
  });
});

describe('numbers and names that used to slip through', () => {
  it('a sum past 2^53 − 1 is refused, never rounded', async () => {
    const dir = tmp();
    const f = join(dir, 'big.csv');
    writeFileSync(f, 'province,regency,participants\nGorontalo,Kota Gorontalo,9007199254740991\nGorontalo,Kabupaten Boalemo,2\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:3: error: the sum of participants passes 9,007,199,254,740,991 (2^53 − 1) when this row is added`);
    expect(r.stdout).toBe('');
  });

  it('a NUL in a header: validate and coverage both refuse it (exit 3)', async () => {
    const dir = tmp();
    const f = join(dir, 'nul.csv');
    writeFileSync(f, 'province,partici\u0000pants\nGorontalo,5\n');
    for (const cmd of [['validate', f], ['coverage', f, '-f', 'csv']]) {
      const r = await run(cmd);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain('control character U+0000 in the name of column 2');
    }
  });

  it('--method constructor is an unknown method (exit 2), not a crash', async () => {
    const r = await run(['breakdown', '--year', '2024', '--method', 'constructor']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown method "constructor"');
  });
});

describe('the terminal table fits the terminal', () => {
  it('80 columns on a pseudo-terminal: low-priority columns go, with a note; --wide shows all', () => {
    const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (script.status !== 0) throw new Error('`script` (util-linux) is needed for the pty test');
    const cmd = (extra: string): string => `stty cols 80 rows 50; node bin/jamsostek.js coverage examples/2024-06/gorontalo.csv --by regency --targets test/fixtures/good/targets.csv --color never ${extra}`;
    const fit = spawnSync('script', ['-qfec', cmd(''), '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TERM: 'xterm' } });
    const lines = fit.stdout.split(/\r?\n/).filter((l) => /[│┌└├]/.test(l));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    expect(fit.stdout).toMatch(/note: .*(column|kolom)/);
    const wide = spawnSync('script', ['-qfec', cmd('--wide'), '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TERM: 'xterm' } });
    expect(Math.max(...wide.stdout.split(/\r?\n/).map((l) => [...l].length))).toBeGreaterThan(80);
  });
});

describe('entry points', () => {
  // `node dist/cli.js …` (or the bundle itself) printed nothing and exited 0: a cron job that called the
  // module directly "succeeded" without a report. Run directly, it is the command line.
  // What bin/jamsostek.js writes is the same for both entries: run once, by the first test that needs it.
  let binRun: SpawnSyncReturns<string> | undefined;
  it.each([['dist/cli.js'], ['dist/cli/cli.cjs']])('node %s runs the command, as bin/jamsostek.js does', (entry) => {
    const direct = spawnSync(process.execPath, [entry, 'breakdown', '--year', '2024', '-f', 'csv'], { cwd: ROOT, encoding: 'utf8' });
    const bin = (binRun ??= spawnSync(process.execPath, ['bin/jamsostek.js', 'breakdown', '--year', '2024', '-f', 'csv'], { cwd: ROOT, encoding: 'utf8' }));
    expect(direct.status, direct.stderr).toBe(0);
    expect(direct.stdout).toBe(bin.stdout);
    expect(direct.stdout.split('\n').length).toBeGreaterThan(38);
    const bad = spawnSync(process.execPath, [entry, 'coverage', '--no-such-flag'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});
