// Review rv17 (F1, F7–F11): what an extract is divided by, the months of the bundled figures, the
// national segment rows, the newest national figure's caveat, the check that could not fail, and a
// --workforce file's participants column. Every expected figure is worked out here by hand from the
// small files and from the published figures of data/figures.csv, never with the tool's functions.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, ROOT, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const w = (name: string, text: string): string => writeIn(dir, name, text);

// Sakernas employed, August 2023 (data/figures.csv): Gorontalo 631,521; Sulawesi Utara 1,250,000. The
// eight Sulama provinces together: 11,710,085 (the wrong denominator of F1).
const GORONTALO = 631_521;
const SULUT = 1_250_000;
const SULAMA = 1_250_000 + 1_547_170 + 4_698_790 + 1_351_640 + 631_521 + 743_010 + 853_254 + 634_700;

const gorontalo300 = (): string => {
  let text = 'participant_id,province,segment,period\n';
  for (let i = 0; i < 300; i++) text += `${String(i).padStart(8, '0')},Gorontalo,PU,2024-06\n`;
  return w('gor300.csv', text);
};

describe('F1: an extract reported --by kanwil is divided by the workforce of the provinces it has', () => {
  it('a Gorontalo extract: 300 / 631,521, as the same figures in a regional file give, and said as 1 of 8 provinces', async () => {
    expect(SULAMA).toBe(11_710_085);
    const ex = gorontalo300();
    const r = await run(['coverage', ex, '--by', 'kanwil', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const row = csvRows(r.stdout).find((x) => x['level'] === 'detail')!;
    expect(row['kanwil']).toBe('Sulawesi Maluku (Sulama)');
    expect(Number(row['denominator'])).toBe(GORONTALO);
    expect(Number(row['coverage'])).toBeCloseTo(300 / GORONTALO, 6); // 0.000475, not 300 / 11,710,085
    expect(Number(row['uncovered'])).toBe(GORONTALO - 300);
    expect(r.stderr).toContain('Sulawesi Maluku (Sulama) (1 of 8 provinces)');

    const reg = w('reg_gor.csv', `province,period,participants,employed\nGorontalo,2024-06,300,${GORONTALO}\n`);
    const rr = await run(['coverage', reg, '--by', 'kanwil', '-f', 'csv']);
    expect(rr.code, rr.stderr).toBe(0);
    expect(csvRows(rr.stdout)).toEqual(csvRows(r.stdout));
    expect(rr.stderr).toContain("a regional office's row holds only the provinces in the data (its participants, denominator and any target are theirs), not the whole regional office: Sulawesi Maluku (Sulama) (1 of 8 provinces)");
  });

  it('--year 2024: the target is Gorontalo\'s and so is the denominator (target coverage 45.7 %, not 2.47 %)', async () => {
    const ex = gorontalo300();
    const byProvince = await run(['coverage', ex, '--year', '2024', '-f', 'csv']);
    expect(byProvince.code, byProvince.stderr).toBe(0);
    const target = Number(csvRows(byProvince.stdout).find((x) => x['province'] === 'Gorontalo')!['target']);
    expect(target).toBe(288_908); // Gorontalo's share of the 2024 national plan (its own test is elsewhere)
    const r = await run(['coverage', ex, '--by', 'kanwil', '--year', '2024', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const row = csvRows(r.stdout).find((x) => x['level'] === 'detail')!;
    expect([Number(row['denominator']), Number(row['target'])]).toEqual([GORONTALO, target]);
    expect(Number(row['target_coverage'])).toBeCloseTo(288_908 / 631_521, 5); // 0.45748
  });

  it('two provinces of Sulama: their two workforces (1,881,521), not eight', async () => {
    const ex = w('e2.csv', 'participant_id,province,segment,period\n001,Gorontalo,PU,2024-06\n002,Gorontalo,BPU,2024-06\n003,Gorontalo,PU,2024-06\n004,Sulawesi Utara,PU,2024-06\n');
    const r = await run(['coverage', ex, '--by', 'kanwil', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const row = csvRows(r.stdout).find((x) => x['level'] === 'detail')!;
    expect(Number(row['denominator'])).toBe(GORONTALO + SULUT);
    expect(r.stderr).toContain('Sulawesi Maluku (Sulama) (2 of 8 provinces)');
  });

  it('a target for the whole Kanwil on a Gorontalo extract is warned as the regional file is', async () => {
    const ex = gorontalo300();
    const tk = w('tk.csv', 'kanwil,year,target\nSulawesi Maluku,2024,5000000\n');
    const r = await run(['coverage', ex, '--by', 'kanwil', '--targets', tk, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const row = csvRows(r.stdout).find((x) => x['level'] === 'detail')!;
    expect([Number(row['denominator']), Number(row['target'])]).toEqual([GORONTALO, 5_000_000]);
    expect(r.stderr).toContain('reported only in part, against a target for the whole regional office: Sulawesi Maluku (Sulama) (1 of 8 provinces)');
  });

  it('an extract with rows in 3 of Gorontalo\'s 6 regencies, over the whole province\'s workforce, says so', async () => {
    const ex = w('e_reg.csv', 'participant_id,province,regency,segment,period\n1,Gorontalo,Kabupaten Gorontalo,PU,2024-06\n2,Gorontalo,Kota Gorontalo,BPU,2024-06\n3,Gorontalo,Boalemo,BPU,2024-06\n');
    for (const by of ['regency', 'province']) {
      const r = await run(['coverage', ex, '--by', by, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      expect(Number(csvRows(r.stdout).find((x) => x['level'] === 'total')!['denominator'])).toBe(GORONTALO);
      expect(r.stderr).toContain("warning: the input has rows in only some regencies and cities of a province, and is divided by the whole province's employed (data/baseline.csv): the others count as having no participants: Gorontalo (3 of 6 regencies and cities)");
    }
  });
});

describe("F7: an extract's bundled denominators are said with their own months", () => {
  it('potential workers of DKI Jakarta (2024-07), Bali (2025-03) and Papua Tengah (2025-07), not "2023-12"', async () => {
    const ex = w('e_per2.csv', 'participant_id,province,segment,period\n1,Papua Tengah,PU,2024-06\n2,Bali,PU,2024-06\n3,DKI Jakarta,PU,2024-06\n');
    const r = await run(['coverage', ex, '--denominator', 'potential_workers', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const meta = JSON.parse(r.stdout).meta;
    expect(meta.denominatorSource).toBe('data/baseline.csv (potential_workers of 2024-07, 2025-03, 2025-07)');
    expect(r.stderr).not.toContain('2023-12');
    expect(r.stderr).toContain("warning: the potential_workers figures (data/baseline.csv) are of 2024-07 for DKI Jakarta; of 2025-03 for Bali; of 2025-07 for Papua Tengah, not 2024-06's");
  });

  it('employed of Gorontalo (2023-08), DKI Jakarta (2024-08) and Papua Barat Daya (2024-02)', async () => {
    const ex = w('e_emp.csv', 'participant_id,province,period\n1,Gorontalo,2024-06\n2,DKI Jakarta,2024-06\n3,Papua Barat Daya,2024-06\n');
    const r = await run(['coverage', ex, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).meta.denominatorSource).toBe('data/baseline.csv (employed of 2023-08, 2024-02, 2024-08)');
    expect(r.stderr).toContain("the employed figures (data/baseline.csv) are of 2023-08 for Gorontalo; of 2024-02 for Papua Barat Daya; of 2024-08 for DKI Jakarta, not 2024-06's");
  });

  it('an extract of August 2023 in Gorontalo: the figure is of its month, and no month is said against it', async () => {
    const ex = w('e_aug.csv', 'participant_id,province,period\n1,Gorontalo,2023-08\n');
    const r = await run(['coverage', ex, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).meta.denominatorSource).toBe('data/baseline.csv (employed of 2023-08)');
    expect(r.stderr).not.toMatch(/figures \(data\/baseline\.csv\) are of/);
  });
});

describe('F8: national rows by segment say they are the provinces\' sums, beside the published national figures', () => {
  // The 38 provinces' segment cells of data/figures.csv, added up here; the published national figures
  // (databoks Dec 2023: BPU 9.19 M, JAKON 7.36 M; kontan: PMI 472,934; PU the derived remainder).
  const figures = readFileSync(join(ROOT, 'data', 'figures.csv'), 'utf8').split('\n').slice(1).filter(Boolean);
  const sumOf = (figure: string): number => figures.map((l) => l.split(',')).filter((f) => f[0] !== '' && f[2] === figure).reduce((s, f) => s + Number(f[3]), 0);
  const pu = sumOf('participants_pu');
  const bpu = sumOf('participants_bpu');
  const jakon = sumOf('participants_jakon');
  const pmi = sumOf('participants_pmi');
  const words = `the segment rows add up the 38 provinces' figures, not the published national ones (data/figures.csv): PU ${pu.toLocaleString('en-US')} (national 24,537,066, derived), BPU ${bpu.toLocaleString('en-US')} (national 9,190,000), JAKON ${jakon.toLocaleString('en-US')} (national 7,360,000), PMI ${pmi.toLocaleString('en-US')} (national 472,934); the 414,868 participants not attributed to a province are in the national figures only`;

  it('coverage --by segment: the rows are the sums, and the note gives both', async () => {
    expect(24_537_066 + 9_190_000 + 7_360_000 + 472_934 - (pu + bpu + jakon + pmi)).toBe(414_868);
    const r = await run(['coverage', '--by', 'segment', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const rows = out.rows as { segment: string; participants: number }[];
    expect(['PU', 'BPU', 'JAKON', 'PMI'].map((s) => rows.find((x) => x.segment === s)!.participants)).toEqual([pu, bpu, jakon, pmi]);
    expect(out.meta.notes.map((n: { en: string }) => n.en)).toContain(words);
    expect(r.stderr).toContain(`note: ${words}`);
  });

  it('breakdown --year 2026 --by segment says it too; --by province does not', async () => {
    const r = await run(['breakdown', '--year', '2026', '--by', 'segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['segment'] === 'BPU')!['participants']).toBe(String(bpu));
    expect(r.stderr).toContain(words);
    const p = await run(['coverage', '--by', 'province,segment', '-f', 'csv']);
    expect(p.stderr).not.toContain('the segment rows add up');
  });
});

describe("F9: the newest national figure carries its source's caveat and BPJS's own newest figure", () => {
  it('48,640,000 for 2025-12 is said as secondary and disputed, beside BPJS\'s 39,350,000 for 2025-06', async () => {
    const r = await run(['coverage', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('newest published national figure: 48,640,000 for 2025-12 (Kemnaker via intime.id: intime-2025-12; a secondary source, and the figure is disputed); BPJS Ketenagakerjaan\'s own newest: 39,350,000 for 2025-06 (BPJS Ketenagakerjaan: bisnis-2025-06)');
    const id = await run(['breakdown', '--year', '2024', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('48.640.000 untuk 2025-12 (Kemnaker via intime.id: intime-2025-12; sumber sekunder, dan angkanya diperdebatkan); angka terbaru BPJS Ketenagakerjaan sendiri: 39.350.000 untuk 2025-06');
  });
});

describe("F11: a --workforce file's participants column is said not to be read", () => {
  it('the note names the file; the report keeps the input\'s participants (3 and 1) over its employed', async () => {
    const ex = w('e_wf.csv', 'participant_id,province,segment,period\n001,Gorontalo,PU,2024-06\n002,Gorontalo,BPU,2024-06\n003,Gorontalo,PU,2024-06\n004,Sulawesi Utara,PU,2024-06\n');
    const wf = w('wf_part.csv', 'province,period,employed,participants\nGorontalo,2024-06,600000,250000\nSulawesi Utara,2024-06,1200000,500000\n');
    const r = await run(['coverage', ex, '--workforce', wf, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x['province'], x['denominator'], x['participants']])).toEqual([
      ['Gorontalo', '600000', '3'],
      ['Sulawesi Utara', '1200000', '1'],
      ['Total', '1800000', '4'],
    ]);
    expect(r.stderr).toContain("wf_part.csv: its participants column is not read: a --workforce file gives the denominators only, and the report's participants are the input's");
    const other = w('wf_foo.csv', 'province,period,employed,remark\nGorontalo,2024-06,600000,x\nSulawesi Utara,2024-06,1200000,y\n');
    const o = await run(['coverage', ex, '--workforce', other, '-f', 'csv']);
    expect(o.stderr).toContain('wf_foo.csv: column not read: remark');
  });
});
