// Review rv11 (issue 20's flag review): what a flag does is said or refused, never silent. The numbers
// expected here are computed by hand from the inputs below.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

// BPS codes: 91 is Papua Barat (Kemendagri 92), 94 is Papua (Kemendagri 91); 75 (Gorontalo) is 75 in both.
const BPS_CODES = `period,province_code,workforce,participants
2024-06,91,100,50
2024-06,94,200,60
2024-06,75,300,100
`;
const BPS_SEGMENTS = `period,province_code,segment,workforce,participants
2024-06,91,PU,1000,300
2024-06,91,BPU,1000,200
2024-06,94,PU,2000,600
2024-06,94,BPU,2000,400
2024-06,75,PU,3000,900
2024-06,75,BPU,3000,500
`;

describe('F1: --code-system bps writes the report in BPS codes, in every format', () => {
  it('csv, json and jsonl give each province the code it had in the input, and say the system', async () => {
    const f = writeIn(tmp(), 'codes.csv', BPS_CODES);
    const csv = await run(['coverage', f, '--code-system', 'bps', '-f', 'csv']);
    expect(csv.code).toBe(0);
    expect(csvRows(csv.stdout).map((r) => [r['province_code'], r['province']])).toEqual([
      ['91', 'Papua Barat'],
      ['94', 'Papua'],
      ['75', 'Gorontalo'],
      ['', 'Total'],
    ]);
    const json = JSON.parse((await run(['coverage', f, '--code-system', 'bps', '-f', 'json'])).stdout) as { meta: { codeSystem: string }; rows: { province_code: string; province: string }[]; columns: { key: string; label: string }[] };
    expect(json.meta.codeSystem).toBe('bps');
    expect(json.rows.map((r) => `${r.province_code} ${r.province}`)).toEqual(['91 Papua Barat', '94 Papua', '75 Gorontalo']);
    expect(json.columns.find((c) => c.key === 'province_code')?.label).toBe('code (BPS)');
    const jsonl = (await run(['coverage', f, '--code-system', 'bps', '-f', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { province_code: string | null });
    expect(jsonl.map((r) => r.province_code)).toEqual(['91', '94', '75', null]);
  });

  it('the table, Markdown and HTML label the code column with its system; xlsx reads back with the same flag', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'codes.csv', BPS_CODES);
    const table = await run(['coverage', f, '--code-system', 'bps', '-f', 'table']);
    expect(table.stdout).toMatch(/code \(BPS\)/);
    expect(table.stdout).toMatch(/│ 91 +│ Papua Barat/);
    const md = await run(['coverage', f, '--code-system', 'bps', '-f', 'md']);
    expect(md.stdout).toMatch(/\| 91 \| Papua Barat \|/);
    const out = join(dir, 'r.xlsx');
    expect((await run(['coverage', f, '--code-system', 'bps', '-o', out, '-o', join(dir, 'r.html')])).code).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/<td[^>]*>91<\/td><td[^>]*>Papua Barat</);
    // The workbook given back with the same flag: the same codes (before: 92 read as BPS Papua Barat Daya, refused).
    const back = await run(['coverage', out, '--code-system', 'bps', '-f', 'csv']);
    expect(back.code).toBe(0);
    expect(csvRows(back.stdout).map((r) => r['province_code'])).toEqual(['91', '94', '75', '']);
  });

  it('breakdown --input in BPS codes: the long list and the cross-tab in BPS codes', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'seg.csv', BPS_SEGMENTS);
    const csv = await run(['breakdown', '--input', f, '--code-system', 'bps', '--target', '5000', '--year', '2024', '-f', 'csv']);
    expect(csv.code).toBe(0);
    expect(csvRows(csv.stdout).map((r) => `${r['province_code']} ${r['province']}`)).toEqual(['91 Papua Barat', '94 Papua', '75 Gorontalo', ' Total']);
    const html = join(dir, 'b.html');
    expect((await run(['breakdown', '--input', f, '--code-system', 'bps', '--target', '5000', '--year', '2024', '--by', 'province,segment', '-o', html])).code).toBe(0);
    const text = readFileSync(html, 'utf8');
    const crosstab = text.slice(text.indexOf('class="crosstab"'));
    expect(crosstab).toMatch(/>91<\/t[hd]>/);
    expect(crosstab).not.toMatch(/>92<\/t[hd]>/);
  });

  it('without --code-system, codes read in their BPS meaning (a name settles them, or BPS only) are warned of', async () => {
    const dir = tmp();
    // 91 beside "Papua Barat" is BPS's 91 (Kemendagri 92); 97 exists in BPS only (Papua Pegunungan, Kemendagri 95).
    const f = writeIn(dir, 'auto.csv', 'period,province_code,province,workforce,participants\n2024-06,91,Papua Barat,100,50\n2024-06,97,,200,60\n2024-06,75,Gorontalo,300,100\n');
    const r = await run(['coverage', f, '-f', 'json', '-q']);
    expect(r.code).toBe(0);
    const words = 'province codes read as BPS codes: 91 (Papua Barat), 97 (Papua Pegunungan); the report writes Kemendagri codes (Papua Barat 92, Papua Pegunungan 95): pass --code-system bps to write the codes as BPS\'s';
    expect(r.stderr).toBe(`warning: ${words}\n`);
    const json = JSON.parse(r.stdout) as { meta: { notes: string[] }; rows: { province_code: string }[] };
    expect(json.rows.map((x) => x.province_code)).toEqual(['92', '95', '75']);
    expect(JSON.stringify(json.meta.notes)).toContain('province codes read as BPS codes');
    // Kemendagri codes with their names: nothing to say.
    const k = writeIn(dir, 'k.csv', 'period,province_code,province,workforce,participants\n2024-06,91,Papua,100,50\n');
    expect((await run(['coverage', k, '-f', 'csv', '-q'])).stderr).toBe('');
    expect((await run(['coverage', f, '--code-system', 'bps', '-f', 'csv', '-q'])).stderr).toBe('');
  });

  it('--code-system kemendagri keeps Kemendagri codes, and the code column unlabelled', async () => {
    const f = writeIn(tmp(), 'k.csv', 'period,province_code,workforce,participants\n2024-06,92,100,50\n2024-06,75,300,100\n');
    const csv = await run(['coverage', f, '--code-system', 'kemendagri', '-f', 'csv']);
    expect(csv.code).toBe(0);
    expect((await run(['coverage', f, '--code-system', 'kemendagri', '-f', 'md'])).stdout).toMatch(/\| code \| province \|/);
    expect(csvRows(csv.stdout).map((r) => `${r['province_code']} ${r['province']}`)).toEqual(['92 Papua Barat', '75 Gorontalo', ' Total']);
  });

  // meta.codeSystem said "auto" (shown "detected") when no --code-system was typed: a script reading the
  // JSON could not tell which codes the rows carry. It now names the codes the report is written in.
  it('meta.codeSystem names the codes the report is written in: Kemendagri unless --code-system bps', async () => {
    const f = writeIn(tmp(), 'a.csv', 'period,province_code,workforce,participants\n2024-06,11,100,50\n2024-06,75,300,100\n');
    const meta = async (args: string[]): Promise<unknown> => (JSON.parse((await run(['coverage', f, ...args, '-f', 'json'])).stdout) as { meta: { codeSystem: unknown } }).meta.codeSystem;
    expect(await meta([])).toBe('kemendagri');
    expect(await meta(['--code-system', 'bps'])).toBe('bps');
    const g = writeIn(tmp(), 'b.csv', 'province_code,workforce,participants\n11,100,50\n75,300,100\n');
    const bd = await run(['breakdown', '--input', g, '--target', '300', '-f', 'json']);
    expect((JSON.parse(bd.stdout) as { meta: { codeSystem: unknown } }).meta.codeSystem).toBe('kemendagri');
  });
});

// Six rows: Gorontalo, Maluku and Bali, PU and BPU each; by province: Gorontalo 260,000 of 422,934,
// Maluku 300,000 of 800,000, Bali 1,200,000 of 2,300,000.
const REG = `period,province,segment,workforce,participants
2024-06,Gorontalo,PU,300000,150000
2024-06,Gorontalo,BPU,122934,110000
2024-06,Maluku,PU,500000,200000
2024-06,Maluku,BPU,300000,100000
2024-06,Bali,PU,1500000,900000
2024-06,Bali,BPU,800000,300000
`;

describe('F2: --sort by a figure of the targets', () => {
  it.each(['gap', 'achievement', 'run-rate', 'target'])('--sort %s without targets is refused (exit 2), as --at-risk-margin is', async (key) => {
    const f = writeIn(tmp(), 'reg.csv', REG);
    const r = await run(['coverage', f, '--sort', key, '--top', '2', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--sort would have no effect: .*this run has no targets/);
    expect(r.stderr).toMatch(/hint: add --targets FILE or --year/);
  });

  it('with targets for one row of three, the rows without a gap go last and the note counts them; no tie on empty values', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'reg.csv', REG);
    // Maluku only: gap 320,000 − 300,000 = 20,000.
    const tg = writeIn(dir, 'tg.csv', 'province,target\nMaluku,320000\n');
    const r = await run(['coverage', f, '--targets', tg, '--sort', 'gap', '--top', '2', '-f', 'csv']);
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout).filter((x) => x['level'] === 'detail');
    expect(rows.map((x) => [x['province'], x['gap']])).toEqual([
      ['Maluku', '20000'],
      ['Gorontalo', ''],
    ]);
    expect(r.stderr).toMatch(/note: 2 of 3 rows have no gap to target to sort by: they are listed last, in input order/);
    expect(r.stderr).not.toMatch(/same gap to target/);
  });

  it('a sort by a figure no row has says so', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'reg.csv', REG);
    const tg = writeIn(dir, 'tg.csv', 'province,target\nMaluku,320000\n');
    const r = await run(['coverage', f, '--targets', tg, '--sort', 'milestone', '-f', 'csv']);
    expect(r.code).toBe(0);
    // Maluku's target has no milestone either (the targets file has no baseline month to start a path from).
    expect(r.stderr).toMatch(/note: no row has a milestone this month to sort by: the rows keep the input order/);
    expect(csvRows(r.stdout).map((x) => x['province'])).toEqual(['Gorontalo', 'Maluku', 'Bali', 'Total']);
  });
});

describe('F9: --period before the latest month of the input', () => {
  it('names the later months left out', async () => {
    const dir = tmp();
    const months = ['2024-03', '2024-04', '2024-05'].map((m, i) => `${m},Gorontalo,422934,${250000 + i * 1000}\n${m},Bali,2300000,${1200000 + i * 1000}\n`).join('');
    const f = writeIn(dir, 'm.csv', `period,province,workforce,participants\n${months}`);
    const r = await run(['coverage', f, '--period', '2024-03', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(csvRows(r.stdout).map((x) => x['participants'])).toEqual(['250000', '1200000', '1450000']);
    expect(r.stderr).toMatch(/note: --period 2024-03: the input's later months are left out of the report: 2 months, 2024-04 … 2024-05/);
    const one = await run(['coverage', f, '--period', '2024-04', '-f', 'csv']);
    expect(one.stderr).toMatch(/later months are left out of the report: 2024-05\n/);
    const json = JSON.parse((await run(['coverage', f, '--period', '2024-04', '-f', 'json', '-q'])).stdout) as { meta: { notes: string[] } };
    expect(JSON.stringify(json.meta.notes)).toMatch(/left out of the report: 2024-05/);
    expect((await run(['coverage', f, '--period', '2024-05', '-f', 'csv'])).stderr).not.toMatch(/later months/);
  });
});

describe('F6: --as-of with no revision to pick is refused, as a flag with no effect is', () => {
  it('breakdown and coverage --year on the bundled series (no revision for 2024)', async () => {
    for (const args of [
      ['breakdown', '--year', '2024', '--as-of', '2099-01', '-f', 'csv'],
      ['coverage', '--year', '2024', '--as-of', '2019-01', '-f', 'csv'],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/error: --as-of would have no effect: the 2024 target of data\/targets\.csv \(plan\) has no revision to pick/);
    }
  });

  it('a --targets file without a `from` column', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'reg.csv', REG);
    const tg = writeIn(dir, 'tg.csv', 'province,target\nGorontalo,270000\nMaluku,320000\nBali,1300000\n');
    const r = await run(['coverage', f, '--targets', tg, '--as-of', '2024-03', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as-of would have no effect: the targets of .*tg\.csv have no revision to pick \(no row with a `from` month\)/);
  });

  it('a series with a revision: --as-of before it picks the original, after it the revision, each said', async () => {
    const before = await run(['breakdown', '--series', 'examples/series-2024-revised.csv', '--year', '2024', '--as-of', '2024-06', '-f', 'csv']);
    expect(before.code).toBe(0);
    expect(before.stderr).toMatch(/the 2024 target as of 2024-06: 50,000,000 \(the original\); a revision from 2024-07 is not in force yet/);
    const after = await run(['breakdown', '--series', 'examples/series-2024-revised.csv', '--year', '2024', '--as-of', '2099-01', '-f', 'csv']);
    expect(after.code).toBe(0);
    expect(after.stderr).toMatch(/the 2024 target as of 2099-01: 52,000,000, revised from 2024-07/);
  });
});

describe('F5, F7: flags with no effect on the bundled data are refused', () => {
  it('coverage --year 2024 --min none in gap mode, as breakdown refuses it', async () => {
    for (const cmd of ['coverage', 'breakdown']) {
      const r = await run([cmd, '--year', '2024', '--min', 'none', '-f', 'csv']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/error: --min would have no effect: gap mode adds to today's participants/);
    }
    expect((await run(['coverage', '--year', '2024', '--min', 'none', '--mode', 'level', '-f', 'csv'])).code).toBe(0);
  });

  it.each([['--extract'], ['--allow-over-coverage'], ['--max-errors', '3']])('coverage %s with no files', async (...flag) => {
    const r = await run(['coverage', ...flag, '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`error: ${flag[0]} would have no effect: .*this run read only the bundled data`));
  });
});

describe('--fail-below 0', () => {
  it('says that no coverage is below 0 %, and still fails on the rows it cannot check', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'reg.csv', REG);
    const r = await run(['coverage', f, '--fail-below', '0', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: --fail-below 0: no coverage is below 0 %, so the check fails only on rows without a denominator/);
    // Maluku alone has a target: Gorontalo and Bali cannot be checked for achievement (exit 1).
    const tg = writeIn(dir, 'tg.csv', 'province,target\nMaluku,320000\n');
    const a = await run(['coverage', f, '--targets', tg, '--fail-below', '0', '--fail-on', 'achievement', '-f', 'csv']);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/note: --fail-below 0: no achievement is below 0 %, so the check fails only on rows without a target/);
    expect((await run(['coverage', f, '--fail-below', '40', '-f', 'csv'])).stderr).not.toMatch(/--fail-below 0/);
  });
});

describe('an extract whose --workforce lacks an area, by province × segment', () => {
  it('warns that the area has no workforce, as the run by province does', async () => {
    const dir = tmp();
    // Gorontalo 3 participants (PU 2, BPU 1), Maluku 1, Bali 3; workforce for Gorontalo and Maluku only.
    const ext = writeIn(dir, 'ext.csv', 'kpj,period,province,segment\n1,2024-06,Gorontalo,PU\n2,2024-06,Gorontalo,PU\n3,2024-06,Gorontalo,BPU\n4,2024-06,Maluku,PU\n5,2024-06,Bali,BPU\n6,2024-06,Bali,PU\n7,2024-06,Bali,PU\n');
    const wf = writeIn(dir, 'wf.csv', 'province,workforce\nGorontalo,10\nMaluku,5\n');
    const byProvince = await run(['coverage', '--extract', ext, '--workforce', wf, '-f', 'csv']);
    expect(byProvince.stderr).toMatch(/warning: workforce is not given for 1 of 3 rows \(e\.g\. Bali\)/);
    const r = await run(['coverage', '--extract', ext, '--workforce', wf, '--by', 'province,segment', '-f', 'csv', '-q']);
    expect(r.code).toBe(0);
    // Kept under --quiet: it changes what the Total means.
    expect(r.stderr).toMatch(/warning: workforce is not given for 1 of the 3 province subtotals \(e\.g\. Bali\): they show no coverage, nor does the Total over them/);
    const rows = csvRows(r.stdout);
    expect(rows.find((x) => x['province'] === 'Gorontalo' && x['segment'] === 'Total')?.['coverage']).toBe('0.3');
    expect(rows.find((x) => x['province'] === 'Bali' && x['segment'] === 'Total')?.['coverage']).toBe('');
    const id = await run(['coverage', '--extract', ext, '--workforce', wf, '--by', 'province,segment', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toMatch(/tenaga kerja tidak tersedia untuk 1 dari 3 subtotal provinsi \(mis\. Bali\)/);
  });
});

describe('validate --denominator a column the file lacks (M5)', () => {
  it('validate says what coverage says; the words name the column the file has', async () => {
    // Every segment of each province: the bundled potential workers (per province) count all of them (fx44).
    const f = writeIn(tmp(), 'reg.csv', `${REG}2024-06,Gorontalo,JAKON,10000,5000\n2024-06,Gorontalo,PMI,1000,500\n2024-06,Maluku,JAKON,10000,5000\n2024-06,Maluku,PMI,1000,500\n2024-06,Bali,JAKON,10000,5000\n2024-06,Bali,PMI,1000,500\n`);
    const words = /warning: the input has no potential_workers column \(it has workforce: --denominator workforce uses it\): coverage is against the bundled baseline's potential_workers \(data\/baseline\.csv\); give your own with --workforce FILE/;
    const c = await run(['coverage', f, '--denominator', 'potential_workers', '-f', 'csv']);
    expect(c.stderr).toMatch(words);
    const v = await run(['validate', f, '--denominator', 'potential_workers', '-f', 'csv']);
    expect(v.code).toBe(0);
    expect(v.stderr).toMatch(words);
  });
});

describe('messages (M1, M2, M8, M10)', () => {
  it("M1: coverage's note on the bundled data names coverage's own way in, not --input", async () => {
    const r = await run(['coverage', '-f', 'csv']);
    expect(r.stderr).toMatch(/jamsostek template → fill in → jamsostek validate → jamsostek coverage FILE…/);
    expect(r.stderr).not.toMatch(/validate → --input/);
    expect((await run(['breakdown', '--year', '2024', '-f', 'csv'])).stderr).toMatch(/validate → --input/);
  });

  it('M2: the pace hint offers a glob of months, not a folder (a folder is refused)', async () => {
    const f = writeIn(tmp(), 'reg.csv', REG);
    const r = await run(['coverage', f, '--trend', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/hint: give earlier months too: the files of several months \(a glob such as 'data\/2024-\*\/\*\.csv'\), or --previous/);
    expect(r.stderr).not.toMatch(/folder/);
  });

  it('M8: --chart without targets heads its bar "coverage chart", with targets "coverage vs target"', async () => {
    const dir = tmp();
    const f = writeIn(dir, 'reg.csv', REG);
    const r = await run(['coverage', f, '-f', 'table', '--chart'], { tty: { columns: 200 } });
    expect(r.stdout).toMatch(/│ coverage chart +│/);
    expect(r.stdout).not.toMatch(/vs target/);
    const tg = writeIn(dir, 'tg.csv', 'province,target\nGorontalo,270000\nMaluku,320000\nBali,1300000\n');
    expect((await run(['coverage', f, '--targets', tg, '-f', 'table', '--chart', '--wide'], { tty: { columns: 300 } })).stdout).toMatch(/│ coverage vs target +│/);
  });

  it('M10: --wide on a table that is piped says that standard output is not a terminal', async () => {
    const f = writeIn(tmp(), 'reg.csv', REG);
    const r = await run(['coverage', f, '-f', 'table', '--wide']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--wide would have no effect: only a table on a terminal is fitted to its width; standard output is not a terminal/);
    expect(r.stderr).not.toMatch(/writes none/);
    expect((await run(['coverage', f, '-f', 'csv', '--wide'])).stderr).toMatch(/this run writes none \(it writes csv\)/);
  });
});
