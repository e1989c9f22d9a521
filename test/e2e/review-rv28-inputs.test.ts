// Review rv28: input checks that let a wrong file through with a plausible report.
//   R21  a province's row with 0 participants (a blank an export wrote as 0) passed --expect and turned a
//        Kanwil's change from +21,000 into -137,094.
//   R15  `template --segments` asked for workforce on every segment row; filled with the regency's workforce
//        (the only one an office has) on each of its 4 segment rows, coverage was over 4 times it (60 % as
//        15 %), validate ok.
//   R10  a total row naming a Kanwil ("Total Kanwil Sulawesi Maluku") was left out unchecked, so a file
//        missing a province passed; a plain "Total" caught it.
//   R20  last month's own JSON report could not be --previous, though its meta.period says its month.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rv28 R21: 0 participants of a province or a Kanwil', () => {
  const head = 'period,province,potential_workers,participants\n';
  const july = writeIn(dir, 'z-2026-07.csv', `${head}2026-07,Gorontalo,422934,250000\n2026-07,Maluku,485724,158094\n2026-07,Maluku Utara,424131,184372\n`);
  const aug = writeIn(dir, 'z-2026-08.csv', `${head}2026-08,Gorontalo,422934,260000\n2026-08,Maluku,485724,0\n2026-08,Maluku Utara,424131,195372\n`);

  it('a province with 0 participants is refused (exit 3), at its cell, with its figure of the month before; nothing written', async () => {
    const out = join(dir, 'z-report.csv');
    const r = await run(['coverage', july, aug, '--quiet', '-o', out]);
    expect(r.code, r.stderr).toBe(3);
    // Line 3 of the August file, column 23 ("2026-08,Maluku,485724," is 22 characters).
    expect(r.stderr).toContain(`${aug}:3:23: error: field "participants": Maluku has 0 participants in 2026-08, 158,094 in 2026-07: no province or Kanwil has no active participants`);
    expect(r.stderr).toContain('hint: write its figure (an export that writes a blank as 0 gives no figure), or leave the row out');
    expect(existsSync(out)).toBe(false);
    // Alone (no earlier month in the run): the month only; in Indonesian too.
    const id = await run(['coverage', aug, '--lang', 'id']);
    expect(id.code).toBe(3);
    expect(id.stderr).toContain(`${aug}:3:23: error: kolom "participants": Maluku memiliki 0 peserta pada 2026-08: tidak ada provinsi atau kanwil tanpa peserta aktif`);
    // validate says the same.
    expect((await run(['validate', aug])).code).toBe(3);
    // Left out, the row is not reported, and --expect names it.
    const without = writeIn(dir, 'z-2026-08b.csv', `${head}2026-08,Gorontalo,422934,260000\n2026-08,Maluku Utara,424131,195372\n`);
    const e = await run(['coverage', without, '--expect', 'Gorontalo,Maluku,Maluku Utara', '-f', 'csv', '-q']);
    expect(e.stderr).toContain('Maluku');
  });

  it('a Kanwil\'s own row with 0 participants is refused alike', async () => {
    const k = writeIn(dir, 'k0.csv', 'period,kanwil,potential_workers,participants\n2026-06,Sulama,7301061,0\n');
    const r = await run(['coverage', k, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${k}:2:24: error: field "participants": Sulawesi Maluku (Sulama) has 0 participants in 2026-06`);
  });

  it('a regency with 0 participants is read; a fall to 0 from the month before is a warning kept under --quiet', async () => {
    const f = writeIn(dir, 'rz.csv', 'period,province,regency,workforce,participants\n2026-07,Gorontalo,Kab. Boalemo,42810,24000\n2026-07,Gorontalo,Kab. Pohuwato,45260,27000\n2026-08,Gorontalo,Kab. Boalemo,42810,0\n2026-08,Gorontalo,Kab. Pohuwato,45260,27100\n');
    const r = await run(['coverage', f, '--by', 'regency', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: 1 row has 0 participants in 2026-08 where 2026-07 had some (Kabupaten Boalemo, 24,000 in 2026-07): a fall of 100 % in a month');
    // By hand: Boalemo 0 - 24,000 = -24,000; Total 27,100 - 51,000 = -23,900.
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x['regency'], x['participants'], x['change']])).toEqual([
      ['Kabupaten Boalemo', '0', '-24000'],
      ['Kabupaten Pohuwato', '27100', '100'],
      ['Total', '27100', '-23900'],
    ]);
    const id = await run(['coverage', f, '--by', 'regency', '-f', 'json', '-q', '--lang', 'id']);
    expect(id.stderr).toContain('1 baris memiliki 0 peserta pada 2026-08 padahal 2026-07 ada (Kabupaten Boalemo, 24.000 pada 2026-07)');
    expect(JSON.stringify(JSON.parse(id.stdout).meta.notes)).toContain('fell-to-zero');
  });
});

describe('rv28 R20: last month\'s own JSON report as --previous', () => {
  const head = 'period,province,potential_workers,participants\n';
  const july = writeIn(dir, 'r-2026-07.csv', `${head}2026-07,Gorontalo,422934,250000\n2026-07,Maluku,485724,158094\n`);
  const aug = writeIn(dir, 'r-2026-08.csv', `${head}2026-08,Gorontalo,422934,253000\n2026-08,Maluku,485724,161094\n`);

  it('its month is read from meta.period: the change is over July\'s rows', async () => {
    const jj = join(dir, 'july.json');
    const jc = join(dir, 'july.csv');
    expect((await run(['coverage', july, '-o', jj, '-o', jc, '-q'])).code).toBe(0);
    const r = await run(['coverage', aug, '--previous', jj, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    // By hand: 253,000 - 250,000 = 3,000; 161,094 - 158,094 = 3,000; Total 6,000.
    // Coverage change: Gorontalo 3,000 / 422,934 = 0.709331 points, Maluku 3,000 / 485,724 = 0.617635, Total 6,000 / 908,658 = 0.660314.
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x['province'], x['change'], x['coverage_change_pp']])).toEqual([
      ['Gorontalo', '3000', '0.709331'],
      ['Maluku', '3000', '0.617635'],
      ['Total', '6000', '0.660314'],
    ]);
    // The same report given with the July source file.
    const src = await run(['coverage', aug, '--previous', july, '-f', 'csv', '-q']);
    expect(src.stdout).toBe(r.stdout);
    // Its CSV report says no month: refused, the hint naming the JSON report.
    const c = await run(['coverage', aug, '--previous', jc, '-f', 'csv', '-q']);
    expect(c.code).toBe(3);
    expect(c.stderr).toContain("of the tool's own reports, the JSON one says its month (meta.period): give that month's report.json");
  });
});

describe('rv28 R15: a workforce given on every segment row', () => {
  it('template --segments writes a row per area with a participants column per segment, the workforce once', async () => {
    const t = join(dir, 'tpl-seg.csv');
    const r = await run(['template', '--province', 'Gorontalo', '--segments', '--period', '2026-06', '-o', t]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: fill in, on every row, workforce (the area\'s, once');
    const lines = readFileSync(t, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('province_code,province,regency,period,workforce,participants,participants_pu,participants_bpu,participants_jakon,participants_pmi');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe('75,Gorontalo,Kabupaten Gorontalo,2026-06,,,,,,');
    // Filled: Kabupaten Gorontalo 100,000 workforce, 60,000 participants (33,000 + 18,000 + 7,200 + 1,800);
    // the other five 10,000 each, 6,000 participants (3,300 + 1,800 + 720 + 180).
    const filled = lines.map((l, i) => (i === 0 ? l : i === 1 ? l.replace(/,,,,,,$/, ',100000,60000,33000,18000,7200,1800') : l.replace(/,,,,,,$/, ',10000,6000,3300,1800,720,180')));
    writeFileSync(t, `${filled.join('\n')}\n`);
    expect((await run(['validate', t])).code).toBe(0);
    // By hand: 90,000 participants over 150,000 workforce = 0.6; segment rows have no coverage of their own.
    const c = await run(['coverage', t, '--by', 'segment', '-f', 'csv', '-q']);
    expect(c.code, c.stderr).toBe(0);
    expect(csvRows(c.stdout).map((x) => [x['segment'], x['denominator'], x['participants'], x['coverage']])).toEqual([
      ['PU', '', '49500', ''],
      ['BPU', '', '27000', ''],
      ['JAKON', '', '10800', ''],
      ['PMI', '', '2700', ''],
      ['Total', '150000', '90000', '0.6'],
    ]);
  });

  it('an area whose segment rows all carry one workforce is refused (exit 3): the rows, the figure, the hint', async () => {
    // Six regencies, each with its workforce on its 4 segment rows (the rv28 file, by hand: 24 rows).
    const regs: [string, number][] = [['Kab. Gorontalo', 121605], ['Kab. Boalemo', 42810], ['Kab. Bone Bolango', 52337], ['Kab. Pohuwato', 45260], ['Kab. Gorontalo Utara', 40712], ['Kota Gorontalo', 120210]];
    const rows = ['province,regency,segment,period,workforce,participants'];
    for (const [name, wf] of regs) for (const [seg, share] of [['PU', 0.33], ['BPU', 0.18], ['JAKON', 0.072], ['PMI', 0.018]] as const) rows.push(`Gorontalo,${name},${seg},2026-06,${wf},${Math.round(wf * share)}`);
    const f = writeIn(dir, 'seg-repeated.csv', `${rows.join('\n')}\n`);
    const out = join(dir, 'seg-repeated-report.csv');
    const r = await run(['coverage', f, '-o', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2: error: field "workforce": the 4 segment rows of Kabupaten Gorontalo (lines 2, 3, 4, 5) all have workforce 121,605, and so do 5 more of the 6 areas split by segment`);
    expect(r.stderr).toContain('hint: give the workforce once per area: a row per area with participants_pu, participants_bpu, participants_jakon and participants_pmi columns (jamsostek template --segments writes one)');
    expect(existsSync(out)).toBe(false);
    expect((await run(['validate', f])).code).toBe(3);
    const id = await run(['coverage', f, '--lang', 'id']);
    expect(id.stderr).toContain('4 baris segmen Kabupaten Gorontalo (baris 2, 3, 4, 5) semuanya ber-workforce 121.605');
    // A province × segment recap of a Kanwil with each province's potential workers on its 4 rows (R17).
    const k = writeIn(dir, 'kseg.csv', 'period,province,segment,potential_workers,participants\n2026-06,Gorontalo,PU,422934,139568\n2026-06,Gorontalo,BPU,422934,76128\n2026-06,Gorontalo,JAKON,422934,30451\n2026-06,Gorontalo,PMI,422934,7615\n2026-06,Maluku,PU,485724,85302\n2026-06,Maluku,BPU,485724,46528\n2026-06,Maluku,JAKON,485724,18611\n2026-06,Maluku,PMI,485724,4653\n');
    const kr = await run(['coverage', k, '-f', 'csv', '-q']);
    expect(kr.code).toBe(3);
    expect(kr.stderr).toContain(`${k}:2: error: field "potential_workers": the 4 segment rows of Gorontalo (lines 2, 3, 4, 5) all have potential_workers 422,934, and so do 1 more of the 2 areas split by segment`);
  });

  it('on the fast path (the byte engine, large regional files) too: it gives the file to the general path, which refuses it', async () => {
    const { loadTable } = await import('../../src/io/load.js');
    const lines = ['province,segment,workforce,participants'];
    for (const [p, wf] of [['Gorontalo', 422934], ['Maluku', 485724]] as const) for (const seg of ['PU', 'BPU', 'JAKON', 'PMI']) lines.push(`${p},${seg},${wf},1000`);
    const path = writeIn(dir, 'fast-seg.csv', `${lines.join('\n')}\n`);
    const routes: string[] = [];
    const err = await loadTable([path], { dims: ['province', 'segment'], measures: new Map([['participants', 'count'], ['workforce', 'count']]), rule: 'auto' }, { maxErrors: 5, allowOverCoverage: false, numberLocale: 'auto', codeSystem: 'kemendagri', fastExtract: 'always', onRoute: (_f, r) => routes.push(r) }).then(
      () => undefined,
      (e: unknown) => e as { diagnostics: { line?: number; message: string }[] },
    );
    expect(routes).toEqual(['general']);
    expect(err?.diagnostics[0]).toMatchObject({ line: 2, message: expect.stringContaining('the 4 segment rows of Gorontalo (lines 2, 3, 4, 5) all have workforce 422,934, and so do 1 more of the 2 areas') });
  });

  it('segment rows with their own workforce are read as before', async () => {
    const f = writeIn(dir, 'seg-own.csv', 'province,segment,workforce,participants\nGorontalo,PU,200000,120000\nGorontalo,BPU,180000,60000\nGorontalo,JAKON,30000,20000\nGorontalo,PMI,12934,3000\n');
    const r = await run(['coverage', f, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    // By hand: 203,000 / 422,934 = 0.479980.
    expect(csvRows(r.stdout).at(-1)).toMatchObject({ denominator: '422934', participants: '203000', coverage: '0.47998' });
  });
});

describe('rv28 R10: a total row that names a Kanwil or a province', () => {
  const head = 'period,province,potential_workers,participants\n';
  // Gorontalo 422,934 / 259,971; Maluku 485,724 / 155,094; Maluku Utara 424,131 / 181,372.
  // With Maluku: potential workers 1,332,789, participants 596,437 (what a total of the 3 would say).
  const rows = '2026-06,Gorontalo,422934,259971\n2026-06,Maluku Utara,424131,181372\n';

  it('"Total Kanwil Sulawesi Maluku" over a file missing Maluku is refused, naming the row, both sums and the difference', async () => {
    const f = writeIn(dir, 'tk.csv', `${head}${rows}2026-06,Total Kanwil Sulawesi Maluku,1332789,596437\n`);
    const r = await run(['coverage', f, '-f', 'csv', '-q']);
    expect(r.code).toBe(3);
    // Rows: 259,971 + 181,372 = 441,343; the total says 596,437: 155,094 more (Maluku's participants).
    expect(r.stderr).toContain(`${f}:4:46: error: the total row "Total Kanwil Sulawesi Maluku" gives participants 596,437, but the 2 row(s) it totals add up to 441,343 (155,094 more in the total)`);
    // 422,934 + 424,131 = 847,065; 1,332,789 - 847,065 = 485,724 (Maluku's potential workers).
    expect(r.stderr).toContain('gives potential_workers 1,332,789, but the 2 row(s) it totals add up to 847,065 (485,724 more in the total)');
    // Its alias, in another case: the same.
    const a = writeIn(dir, 'ta.csv', `${head}${rows}2026-06,JUMLAH SULAMA,1332789,596437\n`);
    expect((await run(['coverage', a, '-f', 'csv', '-q'])).code).toBe(3);
  });

  it('a Kanwil total that agrees is checked and said so; each Kanwil\'s against its own provinces', async () => {
    const f = writeIn(dir, 'tk2.csv', `${head}${rows}2026-06,Jumlah Sulama,847065,441343\n2026-06,Kalimantan Utara,500000,200000\n2026-06,Total Kanwil Kalimantan,500000,200000\n`);
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${f}:4 "Jumlah Sulama" (agrees with its rows)`);
    expect(r.stderr).toContain(`${f}:6 "Total Kanwil Kalimantan" (agrees with its rows)`);
    // The total rows are not data: the Total is of the 3 provinces (441,343 + 200,000 = 641,343).
    expect(csvRows(r.stdout).at(-1)).toMatchObject({ participants: '641343', denominator: '1347065' });
  });

  it('regency rows: "Jumlah Provinsi Gorontalo" is checked against the province\'s rows; a bare "Jumlah Gorontalo" (a regency\'s name too) is not', async () => {
    const rh = 'province,regency,workforce,participants\n';
    const rr = 'Gorontalo,Kab. Boalemo,42810,25686\nGorontalo,Kab. Pohuwato,45260,27157\n';
    // 25,686 + 27,157 = 52,843; the total says 60,000: 7,157 more.
    const f = writeIn(dir, 'tp.csv', `${rh}${rr}Gorontalo,Jumlah Provinsi Gorontalo,88070,60000\n`);
    const r = await run(['coverage', f, '--by', 'regency', '-f', 'csv', '-q']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the total row "Jumlah Provinsi Gorontalo" gives participants 60,000, but the 2 row(s) it totals add up to 52,843 (7,157 more in the total)');
    const bare = writeIn(dir, 'tb.csv', `${rh}${rr},Jumlah Gorontalo,88070,60000\n`);
    const b = await run(['coverage', bare, '--by', 'regency', '-f', 'csv']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain('"Jumlah Gorontalo" (which rows it totals cannot be told from its name');
  });
});
