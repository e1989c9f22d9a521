// jamsostek.json read as a planner writes it (review rv1, items 3, 9, 10, 14, 15, 17): a setting means
// the same in the config file and as a flag, a config total never silently replaces the series total of a
// typed --year, a message names a setting the way the user set it, and every config error has its place.
// Each test failed on main at fec55b0. Expected figures are worked out by hand here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, ROOT, run, tmp } from './helpers.js';

/** A folder with this jamsostek.json (as text: its lines and columns are part of the test). */
const withConfig = (text: string): string => {
  const dir = tmp();
  writeFileSync(join(dir, 'jamsostek.json'), text);
  return dir;
};
const detail = (text: string): Record<string, string>[] => csvRows(text).filter((x) => x['level'] === 'detail');
const total = (text: string): Record<string, string> => csvRows(text).find((x) => x['level'] === 'total')!;
const GORONTALO = join(ROOT, 'examples', 'gorontalo-regencies.csv');
const SULAMA = join(ROOT, 'examples', 'sulama-2024', '*.csv');

describe('a "target" in the config file and a --year typed (item 3)', () => {
  it('breakdown --year 2024 is refused, naming the key and its line, not planned at the config total', async () => {
    const cwd = withConfig('{ "target": 60000000 }');
    const r = await run(['breakdown', '--year', '2024', '-f', 'json'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('./jamsostek.json:1:3: error: "target" in this config file (60000000) and --year on the command line');
    expect(r.stderr).toContain('hint: remove "target" from ./jamsostek.json to take the series total, or give the total on the command line (--target 60000000 --year 2024)');
    const id = await run(['breakdown', '--year', '2024', '--lang', 'id', '-f', 'csv'], { cwd });
    expect(id.stderr).toContain('"target" di berkas konfigurasi ini (60000000) dan --year di baris perintah');
    // --scenario, --series and --as-of ask for a series total too
    expect((await run(['breakdown', '--year', '2024', '--scenario', 'rkat', '-f', 'csv'], { cwd })).stderr).toContain('and --year, --scenario on the command line');
  });

  it('coverage --year 2024 with that config is refused too: the two commands never plan two totals', async () => {
    const cwd = withConfig('{ "target": 60000000 }');
    const r = await run(['coverage', '--year', '2024', '-f', 'csv'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('./jamsostek.json:1:3: error: "target" in this config file (60000000) is a total for breakdown; coverage --year plans the series target of the year');
  });

  it('without a config total both plan the 2024 series total, 50,000,000', async () => {
    const cwd = withConfig('{ "mode": "level" }');
    const b = await run(['breakdown', '--year', '2024', '-f', 'csv'], { cwd });
    const c = await run(['coverage', '--year', '2024', '-f', 'csv'], { cwd });
    expect(total(b.stdout)['target']).toBe('50000000');
    expect(total(c.stdout)['target']).toBe('50000000');
  });

  it('"target" and "year" both in the config are --target N --year Y: the config total for December; coverage refuses it', async () => {
    const cwd = withConfig('{ "target": 60000000, "year": 2024 }');
    const b = await run(['breakdown', '-f', 'csv'], { cwd });
    expect(b.code, b.stderr).toBe(0);
    expect(total(b.stdout)['target']).toBe('60000000');
    expect(total(b.stdout)['year']).toBe('2024');
    expect((await run(['coverage', '-f', 'csv'], { cwd })).code).toBe(2);
  });

  it('a "targets" file in the config and --year typed: refused, not read in place of the planned targets', async () => {
    const cwd = withConfig('{\n  "targets": "t.csv"\n}');
    const r = await run(['coverage', '--year', '2024', '-f', 'csv'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('./jamsostek.json:2:3: error: "targets" in this config file (t.csv) and --year on the command line');
  });
});

describe('--min and --max read --number-locale like --target (item 9)', () => {
  // Gorontalo's six regencies (examples/gorontalo-regencies.csv): potential workers and participants.
  const den = [42810, 121605, 45260, 52337, 40712, 120210];
  const part = [24166, 70421, 27983, 31245, 21860, 80454];

  it('--max 100.000 --number-locale id is 100,000 for each regency', async () => {
    const r = await run(['breakdown', '--target', '287.599', '--input', GORONTALO, '--by', 'regency', '--max', '100.000', '--number-locale', 'id', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = detail(r.stdout);
    expect(rows.map((x) => x['max'])).toEqual(['100000', '100000', '100000', '100000', '100000', '100000']);
    // gap mode: each closes the same share of its gap, (287,599 − 256,129) / 166,805 of it; no bound is reached
    const gap = den.map((d, i) => d - part[i]!);
    const share = (287_599 - 256_129) / 166_805;
    expect(gap.reduce((a, b) => a + b, 0)).toBe(166_805);
    const quotas = part.map((p, i) => p + gap[i]! * share);
    // 27,683.44 80,077.55 31,242.54 35,224.29 25,416.68 87,954.50: rounded, 287,600, one too many; Webster's
    // divisor takes it from Kota Gorontalo, whose increase 7,500.502 is nearest its rounding point 7,500.5 as a ratio
    expect(quotas.map((q) => Math.round(q)).reduce((a, b) => a + b, 0)).toBe(287_600);
    expect(rows.map((x) => Number(x['target']))).toEqual([...quotas.slice(0, 5).map((q) => Math.round(q)), Math.floor(quotas[5]!)]);
  });

  it('--compare max=… and --top too', async () => {
    const c = await run(['breakdown', '--target', '287599', '--input', GORONTALO, '--by', 'regency', '--compare', 'max=90.000,none', '--number-locale', 'id', '-f', 'csv']);
    expect(c.code, c.stderr).toBe(0);
    const t = await run(['coverage', GORONTALO, '--by', 'regency', '--top', '1.000', '--number-locale', 'id', '-f', 'csv']);
    expect(t.code, t.stderr).toBe(0);
    expect(detail(t.stdout)).toHaveLength(6);
  });
});

describe('a JSON number is the number JSON says, read from the text the user wrote (item 10)', () => {
  it('"min": 1.000 under numberLocale id is refused: it is the JSON number 1, not a thousand', async () => {
    const cwd = withConfig('{\n  "numberLocale": "id",\n  "min": 1.000\n}');
    const r = await run(['breakdown', '--year', '2024', '--mode', 'level', '-f', 'csv'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('./jamsostek.json:3:10: error: config "min": 1.000 is the JSON number 1: JSON numbers have no thousands separators, and "min" takes a whole number');
  });

  it('"min": "1.000" (text) under numberLocale id is a thousand, as --min 1.000 --number-locale id', async () => {
    const cwd = withConfig('{ "numberLocale": "id", "min": "1.000" }');
    const r = await run(['breakdown', '--year', '2024', '--mode', 'level', '-f', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(new Set(detail(r.stdout).map((x) => x['min']))).toEqual(new Set(['1000']));
  });

  it('the message quotes the number as written; an exponent is refused as on the command line', async () => {
    const big = await run(['breakdown', '-f', 'csv'], { cwd: withConfig('{ "target": 9007199254740993 }') });
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('got "9007199254740993"');
    const exp = await run(['breakdown', '-f', 'csv'], { cwd: withConfig('{ "target": 1e7 }') });
    expect(exp.code).toBe(2);
    expect(exp.stderr).toContain('config "target": 1e7 is the JSON number 10000000, written with an exponent');
    expect((await run(['breakdown', '--target', '1e7', '-f', 'csv'])).code).toBe(2);
  });

  it('a share keeps its fraction: "maxCoverage": 0.95 caps Gorontalo at ⌊0.95 × 631,521⌋ = 599,944', async () => {
    const r = await run(['breakdown', '--year', '2024', '-f', 'csv'], { cwd: withConfig('{ "maxCoverage": 0.95 }') });
    expect(r.code, r.stderr).toBe(0);
    expect(detail(r.stdout).find((x) => x['province'] === 'Gorontalo')!['max']).toBe(String(Math.floor(0.95 * 631_521)));
  });
});

describe('a message names a setting the way the user set it (item 14)', () => {
  it('"months" in the config gives way to --compare typed, and the run says so', async () => {
    const cwd = withConfig('{\n  "months": true\n}');
    const r = await run(['breakdown', '--year', '2024', '--compare', 'webster,hamilton', '-f', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: "months" in ./jamsostek.json is left aside: --compare is given on the command line');
    expect(csvRows(r.stdout)[0]).toHaveProperty('target_webster');
    const id = await run(['breakdown', '--year', '2024', '--compare', 'webster,hamilton', '--lang', 'id', '-f', 'csv'], { cwd });
    expect(id.stderr).toContain('note: "months" di ./jamsostek.json dikesampingkan: --compare diberikan di baris perintah');
  });

  it('a hint naming --max-coverage set by the config points at the key', async () => {
    const cwd = withConfig('{\n  "maxCoverage": "10%"\n}');
    const r = await run(['breakdown', '--year', '2024', '-f', 'csv'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('raise the upper bounds (raise --max-coverage, now 10 %, or leave it out: the cap is then the denominator, which --max none lifts)');
    expect(r.stderr).toContain('./jamsostek.json:2:3: note: --max-coverage above is "maxCoverage" of this config file, not a flag given on the command line; --max-coverage on the command line overrides it');
    const id = await run(['breakdown', '--year', '2024', '--lang', 'id', '-f', 'csv'], { cwd });
    expect(id.stderr).toContain('./jamsostek.json:2:3: note: --max-coverage di atas adalah "maxCoverage" dari berkas konfigurasi ini');
  });

  it('"trend" in the config and --sort typed: the way out is to remove the key, not to leave out a flag', async () => {
    const cwd = withConfig('{\n  "trend": true\n}');
    const r = await run(['coverage', SULAMA, '--sort', 'gap', '-f', 'csv'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: leave out --sort, or remove "trend" from ./jamsostek.json');
    expect(r.stderr).toContain('./jamsostek.json:2:3: note: --trend above is "trend" of this config file');
  });
});

describe('every config error has its line and column (item 15)', () => {
  it('an unknown key at the key; a wrong value at the value', async () => {
    const unknown = await run(['breakdown', '--year', '2024'], { cwd: withConfig('{\n "lang":"en",\n "mode":"level",\n "methd":"hamilton"\n}') });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('./jamsostek.json:4:2: error: config: unknown key "methd"');
    const value = await run(['breakdown', '--year', '2024'], { cwd: withConfig('{\n  "maxCoverage": 95\n}') });
    expect(value.stderr).toContain('./jamsostek.json:2:18: error: config "maxCoverage" expects a share between 0 and 1');
    const sw = await run(['provinces'], { cwd: withConfig('{ "lang": "en", "quiet": "yes" }') });
    expect(sw.stderr).toContain('./jamsostek.json:1:26: error: config: "quiet" is a switch');
    const out = await run(['provinces'], { cwd: withConfig('{\n\t"output": "x.csv" }') });
    expect(out.stderr).toContain('./jamsostek.json:2:2: error: config: "output" cannot be set in a config file');
  });
});

describe('--lang id translates the "differs" column of a comparison (item 17)', () => {
  it('ya in md under --lang id; yes stays the code in csv', async () => {
    const md = await run(['breakdown', '--year', '2026', '--compare', 'mode=gap,level', '--lang', 'id', '-f', 'md']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('| ya |');
    expect(md.stdout).not.toContain('| yes |');
    const csv = await run(['breakdown', '--year', '2026', '--compare', 'mode=gap,level', '-f', 'csv']);
    expect(detail(csv.stdout).some((x) => x['changed'] === 'yes')).toBe(true);
  });
});

describe('a whole JSON number with a decimal point (review rv4)', () => {
  it('"year": 2024.0 is refused as written with a decimal point, not as a thousands separator', async () => {
    const dir = withConfig('{ "year": 2024.0 }\n');
    const r = await run(['breakdown', '-f', 'csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('config "year": 2024.0 is the JSON number 2024, written with a decimal point, and "year" takes a whole number');
    expect(r.stderr).not.toContain('thousands separators');
  });
});
