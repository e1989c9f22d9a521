// Further command paths: profiles and margin files, achievement thresholds, terminals, --debug.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../src/io/csv-rows.js';
import { BIN, ROOT, run } from './helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'jamsostek-more-'));

describe('delimiter detection from the header line', () => {
  it.each([
    ['province,period,participants', ','],
    ['Provinsi;Periode;Peserta Aktif', ';'],
    ['a\tb\tc', '\t'],
    ['a|b|c', '|'],
    ['"Nama, lengkap";Periode;Peserta', ';'],
  ])('%j → %j', (line, d) => expect(detectDelimiter(line)).toBe(d));
  it('no clear winner: undefined (the reader then asks for --delimiter)', async () => {
    expect(detectDelimiter('a,b;c')).toBeUndefined();
    expect(detectDelimiter('province')).toBeUndefined();
  });
  it('the CLI says so and names the flag', async () => {
    const dir = tmp();
    const f = join(dir, 'x.csv');
    writeFileSync(f, 'a,b;c\n1,2;3\n');
    const r = await run(['validate', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("hint: pass --delimiter, e.g. --delimiter ';'");
    writeFileSync(f, 'province;participants\nGorontalo;5\n');
    expect((await run(['validate', f, '--delimiter', ';'])).code).toBe(0);
  });
});

describe('breakdown: profile phasing, margin files, matrix infeasibility', () => {
  it('--phasing <file>: a month,weight profile shapes the national path', async () => {
    const dir = tmp();
    const profile = join(dir, 'profile.csv');
    // All of the increase in December.
    writeFileSync(profile, 'month,weight\n' + Array.from({ length: 12 }, (_, i) => `${i + 1},${i === 11 ? 1 : 0}`).join('\n') + '\n');
    const doc = JSON.parse((await run(['breakdown', '--year', '2024', '--months', '--phasing', profile, '-f', 'json'])).stdout);
    const national = Object.fromEntries(doc.subtotals.map((s: { period: string; milestone: number }) => [s.period, s.milestone]));
    // The baseline's 38 provinces: 41,560,000 nationally less 414,868 not attributed to a province.
    expect(national['2024-11']).toBe(41_560_000 - 414_868);
    expect(national['2024-12']).toBe(50_000_000);
    expect(doc.meta.phasing).toBe(profile);
  });

  it('--row-totals and --column-totals files', async () => {
    const dir = tmp();
    const rows = join(dir, 'rows.csv');
    const cols = join(dir, 'cols.csv');
    const one = JSON.parse((await run(['breakdown', '--year', '2024', '-f', 'json'])).stdout);
    writeFileSync(rows, 'province,total\n' + one.rows.map((x: { province: string; target: number }) => `${x.province},${x.target}`).join('\n') + '\n');
    writeFileSync(cols, 'segment,total\nPU,30000000\nBPU,11000000\nJAKON,8400000\nPMI,600000\n');
    const r = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--row-totals', rows, '--column-totals', cols, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.meta.explain.columnTotals).toEqual({ PU: 30000000, BPU: 11000000, JAKON: 8400000, PMI: 600000 });
    const seg: Record<string, number> = {};
    for (const x of doc.rows) seg[x.segment] = (seg[x.segment] ?? 0) + x.target;
    expect(seg).toEqual(doc.meta.explain.columnTotals);
  });

  it('impossible margins are explained with the rows and the numbers', async () => {
    // PMI above what today's cells allow: every cell is at least today, so PMI cannot take 49 M.
    const r = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--column-totals', 'PU=1,BPU=1,JAKON=1,PMI=49999997']);
    expect(r.code).toBe(3);
    // The provinces' PU: the national 24,537,066 less the unattributed participants' PU share,
    // 414,868 × 24,537,066 / 41,560,000 = 244,939.3 → 244,939 (data/README.md): 24,292,127.
    expect(r.stderr).toContain("error: segment PU: its total 1 is below the 24,292,127 its cells already have (today's participants)");
    expect(r.stderr).toContain('hint: give PU a total of at least 24,292,127');
  });
});

describe('coverage: achievement thresholds and terminals', () => {
  it('--fail-on achievement', async () => {
    const dir = tmp();
    const t = join(dir, 't.csv');
    writeFileSync(t, 'province,target\nGorontalo,300000\nSulawesi Utara,600000\nMaluku,260000\n');
    const r = await run(['coverage', 'test/fixtures/good/provinces-2024-06.csv', '--targets', t, '--fail-below', '90', '--fail-on', 'achievement', '-f', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('achievement below 90.00% for 1 of 3: Gorontalo 85.00%');
    expect(r.stdout).toContain('Gorontalo');
  });

  it('on a terminal: colour by default, none with NO_COLOR=1', async () => {
    const cmd = `${process.execPath} ${BIN} coverage --year 2024 -f table`;
    const coloured = spawnSync('script', ['-qfec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TERM: 'xterm' } });
    expect(coloured.stdout).toContain('\u001b[');
    const plain = spawnSync('script', ['-qfec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TERM: 'xterm', NO_COLOR: '1' } });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('Gorontalo');
    expect(plain.stdout).not.toContain('\u001b');
  });

  it('--debug shows a stack trace; without it there is none', async () => {
    const plain = await run(['validate', 'test/fixtures/bad/negative.csv']);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await run(['validate', 'test/fixtures/bad/negative.csv', '--debug']);
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

describe('targets from a breakdown JSON', () => {
  it('gives the same report as --year, for provinces and for province × segment', async () => {
    const dir = tmp();
    for (const by of ['province', 'province,segment']) {
      const t = join(dir, `t-${by}.json`);
      expect((await run(['breakdown', '--year', '2024', '--by', by, '-f', 'json', '-o', t])).code).toBe(0);
      const fromFile = JSON.parse((await run(['coverage', '--by', by, '--targets', t, '-f', 'json'])).stdout);
      const fromYear = JSON.parse((await run(['coverage', '--by', by, '--year', '2024', '-f', 'json'])).stdout);
      expect(fromFile.rows).toEqual(fromYear.rows);
      // --year splits a given national total, so the total's target is no estimate; the file's own totals
      // (breakdown's, its target unmarked) say the same of it (rv34 R9: they differed, the file's marked).
      expect(fromYear.totals.estimated).toBe('denominator,participants,milestone,status');
      expect(fromFile.totals).toEqual(fromYear.totals);
    }
  });
});

describe('nested keys split hierarchically', () => {
  it('--by province,regency: provinces first, then each province over its regencies; children add up', async () => {
    const dir = tmp();
    const f = join(dir, 'two.csv');
    writeFileSync(
      f,
      'period,province,regency,potential_workers,participants\n2023-12,Gorontalo,Kab. Boalemo,42810,24166\n2023-12,Gorontalo,Kota Gorontalo,120210,80454\n2023-12,Sulawesi Utara,Kota Manado,210400,150000\n2023-12,Sulawesi Utara,Kota Bitung,70300,44000\n',
    );
    const doc = JSON.parse((await run(['breakdown', '--target', '350000', '--input', f, '--by', 'province,regency', '-f', 'json'])).stdout);
    expect(doc.meta.shape).toBe('nested');
    expect(doc.meta.by).toEqual(['province', 'regency']);
    expect(doc.rows.reduce((a: number, x: { target: number }) => a + x.target, 0)).toBe(350000);
    for (const s of doc.subtotals) {
      const kids = doc.rows.filter((x: { province: string }) => x.province === s.province);
      expect(kids.reduce((a: number, x: { target: number }) => a + x.target, 0)).toBe(s.target);
    }
    const provinces = JSON.parse((await run(['breakdown', '--target', '350000', '--input', f, '--by', 'province', '-f', 'json'])).stdout);
    expect(provinces.rows.map((x: { target: number }) => x.target)).toEqual(doc.subtotals.map((x: { target: number }) => x.target));
  });
});

describe('encodings', () => {
  it('UTF-16LE with a BOM is decoded', async () => {
    const dir = tmp();
    const f = join(dir, 'u16.csv');
    writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('province,participants\r\nGorontalo,5\r\n', 'utf16le')]));
    const r = await run(['validate', f]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('utf-16le');
  });
});

describe('--top keeps the whole picture', () => {
  it('the total row and --fail-below cover every row, not only the ones shown', async () => {
    const all = JSON.parse((await run(['coverage', '-f', 'json'])).stdout);
    const top = await run(['coverage', '--sort', 'coverage', '--top', '1', '--fail-below', '20', '-f', 'json']);
    expect(top.code).toBe(1);
    const doc = JSON.parse(top.stdout);
    expect(doc.rows).toHaveLength(1);
    expect(doc.totals).toEqual(all.totals);
    // Ten provinces of the bundled baseline are below 20 % of Sakernas employed: Bengkulu, Lampung,
    // Jawa Tengah, NTB, NTT, and (estimated participants) Sulawesi Barat, Maluku, Papua Selatan,
    // Papua Tengah and Papua Pegunungan.
    expect(top.stderr).toContain('for 10 of 38');
  });
});

describe('extract errors keep their place', () => {
  it('an unknown province and a bad period in a streamed extract name file, line and column', async () => {
    const dir = tmp();
    const f = join(dir, 'peserta.csv');
    writeFileSync(f, 'participant_id,province,segment,period\n1,Gorontalo,PU,2024-06\n2,Atlantis,PU,2024-06\n3,Maluku,PU,Juni\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:3:3: error: unknown province "Atlantis"`);
    expect(r.stderr).toContain(`${f}:4:13: error: "Juni" is not a month`);
  });
});

describe('--max-errors', () => {
  it('lists up to the limit and says how many more were found', async () => {
    const r = await run(['validate', 'test/fixtures/bad/not-a-number.csv', '--max-errors', '1']);
    expect(r.code).toBe(3);
    expect(r.stderr.match(/: error: /g)).toHaveLength(1);
    expect(r.stderr).toContain('note: 1 more problem not listed (--max-errors 1)');
  });
});

describe('numbers in flags and key,total files are never guessed', () => {
  const base = ['breakdown', '--input', 'examples/gorontalo-regencies.csv', '--by', 'regency', '-f', 'json'];
  it('--target in either locale, ambiguous values refused', async () => {
    for (const t of ['287599', '287_599', '287.599', '287,599']) {
      const r = await await run([...base, '--target', t]);
      if (t.includes('.') || t.includes(',')) {
        // 287.599 / 287,599 read differently in the two locales.
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('ambiguous');
      } else expect(JSON.parse(r.stdout).meta.total).toBe(287599);
    }
    expect(JSON.parse(await (await run([...base, '--target', '287.599', '--number-locale', 'id'])).stdout).meta.total).toBe(287599);
    expect(JSON.parse(await (await run([...base, '--target', '1.287.599', '--max', 'none'])).stdout).meta.total).toBe(1287599);
    expect(JSON.parse(await (await run([...base, '--target', '1,287,599', '--max', 'none'])).stdout).meta.total).toBe(1287599);
  });
  it('--column-totals refuses decimals instead of dropping the separator', async () => {
    const r = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--column-totals', 'PU=1.5,BPU=1,JAKON=1,PMI=1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --column-totals PU expects a whole non-negative number, got "1.5"');
  });
});
