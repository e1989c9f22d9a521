// Review rv31 (fixed by fx46):
//   V4   a province given by regency rows (or segment rows) that are all 0 was a province of 0 participants: exit 0,
//        --expect satisfied, nothing said; its own 0 row is refused (rv28 R21).
//   V11  a province × segment file missing one province's PU row was read as that segment having no participants,
//        nothing said under --by province / kanwil (rv28 R9's warning only where --by names the segment).
//   V14  a wide file (template --segments) without one segment's column, with its own denominators, dropped that
//        segment's targets from the Total by segment (rv28 R9's fix skipped for this layout).
//   V2   a wide-layout total row's segment columns were never compared with its rows', yet it "agrees with its rows".
//   V6   the wide layout's hint "drop the participants column" led to "missing column participants"; the figures of
//        that message were not grouped.
//   V13  a Kanwil's total row written in the kanwil column with the province cell blank was "the province is empty",
//        with no hint.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Sulama's 2026-06 by province (potential workers, participants), as `template` lays it out. */
const SULAMA: readonly (readonly [string, number, number])[] = [
  ['Sulawesi Utara', 780666, 592497],
  ['Sulawesi Tengah', 978084, 594730],
  ['Sulawesi Selatan', 2871182, 1075304],
  ['Sulawesi Tenggara', 865080, 334701],
  ['Gorontalo', 422934, 259971],
  ['Sulawesi Barat', 473260, 71210],
  ['Maluku', 485724, 155094],
  ['Maluku Utara', 424131, 181372],
];
const GORONTALO_REGENCIES: readonly (readonly [string, number])[] = [
  ['Kab. Boalemo', 42810],
  ['Kab. Gorontalo', 121605],
  ['Kab. Pohuwato', 45260],
  ['Kab. Bone Bolango', 52337],
  ['Kab. Gorontalo Utara', 40712],
  ['Kota Gorontalo', 120210],
];

describe('rv31 V4: a province whose regency or segment rows are all 0', () => {
  const g = join(dir, 'glob0');
  mkdirSync(g);
  const others = writeIn(g, 'others.csv', `period,province,potential_workers,participants\n${SULAMA.filter(([p]) => p !== 'Gorontalo').map(([p, d, n]) => `2026-06,${p},${d},${n}`).join('\n')}\n`);
  const zeros = writeIn(g, 'gorontalo.csv', `period,province,regency,potential_workers,participants\n${GORONTALO_REGENCIES.map(([r, d]) => `2026-06,Gorontalo,${r},${d},0`).join('\n')}\n`);

  it('is refused at its first row, as its own 0 row is: coverage, validate, breakdown --input; nothing written', async () => {
    const out = join(dir, 'v4-report.csv');
    const r = await run(['coverage', others, zeros, '--expect', 'kanwil:Sulama', '-o', out]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${zeros}:2: error: Gorontalo's 6 rows all have 0 participants in 2026-06 (the first of them here): no province or Kanwil has no active participants`);
    expect(r.stderr).toContain('hint: write the rows');
    expect(existsSync(out)).toBe(false);
    expect((await run(['coverage', zeros, '--by', 'regency', '-q'])).code).toBe(3);
    expect((await run(['validate', others, zeros])).code).toBe(3);
    const b = await run(['breakdown', '--input', zeros, '--by', 'regency', '--target', '200000']);
    expect(b.code, b.stderr).toBe(3);
    expect(b.stderr).toContain("Gorontalo's 6 rows all have 0 participants");
    const id = await run(['coverage', zeros, '--lang', 'id']);
    expect(id.stderr).toContain('6 baris Gorontalo semuanya berpeserta 0 pada 2026-06');
  });

  it('one regency of 0 among the others is read (a new regency may have none)', async () => {
    const f = writeIn(dir, 'v4-one0.csv', `period,province,regency,potential_workers,participants\n${GORONTALO_REGENCIES.map(([r, d], i) => `2026-06,Gorontalo,${r},${d},${i === 0 ? 0 : 1000 * i}`).join('\n')}\n`);
    const r = await run(['coverage', f, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    // By hand: 1,000 + 2,000 + 3,000 + 4,000 + 5,000 = 15,000.
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Total')?.['participants']).toBe('15000');
  });

  it('a province × segment file whose four segment rows of one province are all 0 is refused; a 0 PMI row is read', async () => {
    const head = 'period,province,segment,participants\n';
    const rows = (maluku: readonly number[]): string => `${head}2026-06,Gorontalo,PU,155983\n2026-06,Gorontalo,BPU,77991\n2026-06,Gorontalo,JAKON,20797\n2026-06,Gorontalo,PMI,5200\n${['PU', 'BPU', 'JAKON', 'PMI'].map((s, i) => `2026-06,Maluku,${s},${maluku[i]}`).join('\n')}\n`;
    const z = writeIn(dir, 'v4-seg0.csv', rows([0, 0, 0, 0]));
    const r = await run(['coverage', z, '-q']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${z}:6: error: Maluku's 4 rows all have 0 participants in 2026-06`);
    const one = writeIn(dir, 'v4-segpmi0.csv', rows([93056, 46528, 12408, 0]));
    const ok = await run(['coverage', one, '-f', 'csv', '-q']);
    expect(ok.code, ok.stderr).toBe(0);
    // By hand: Maluku 93,056 + 46,528 + 12,408 + 0 = 151,992.
    expect(csvRows(ok.stdout).find((x) => x['province'] === 'Maluku')?.['participants']).toBe('151992');
  });
});

describe('rv31 V11: a province × segment file without one province\'s PU row', () => {
  // Gorontalo and Maluku by segment (sulama-seg-2026-06.csv's participants), Maluku's PU row (93,056) missing;
  // each segment row with its own potential workers (against a whole province's denominator fx44 refuses it).
  const seg = (p: string, s: string, d: number, n: number): string => `2026-06,${p},${s},${d},${n}\n`;
  const head = 'period,province,segment,potential_workers,participants\n';
  const f = writeIn(
    dir,
    'v11-noMalukuPU.csv',
    `${head}${seg('Gorontalo', 'PU', 250000, 155983)}${seg('Gorontalo', 'BPU', 150000, 77991)}${seg('Gorontalo', 'JAKON', 30000, 20797)}${seg('Gorontalo', 'PMI', 9000, 5200)}${seg('Maluku', 'BPU', 120000, 46528)}${seg('Maluku', 'JAKON', 20000, 12408)}${seg('Maluku', 'PMI', 5000, 3102)}`,
  );
  const warning = "warning: a province's row holds only the segments in the data: a segment the file gives for other province rows and not for it counts as having no participants there, in its row and the Total: Maluku (3 of 4 segments; no row for PU)";

  it('is warned under --quiet, naming the province and the segment, in every --by; the figures are the rows\'', async () => {
    for (const by of ['province', 'kanwil', 'segment', 'province,segment']) {
      const r = await run(['coverage', f, '--by', by, '-f', 'csv', '-q']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr, by).toContain(warning);
    }
    const r = await run(['coverage', f, '-f', 'csv', '-q']);
    // By hand: Maluku 46,528 + 12,408 + 3,102 = 62,038 (the rows given; the warning says PU is not among them).
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Maluku')?.['participants']).toBe('62038');
    const json = await run(['coverage', f, '-f', 'json', '-q']);
    expect(JSON.stringify(JSON.parse(json.stdout).meta.notes)).toContain('3 of 4 segments; no row for PU');
    const id = await run(['coverage', f, '-q', '--lang', 'id']);
    expect(id.stderr).toContain('Maluku (3 dari 4 segmen; tanpa baris PU)');
    const b = await run(['breakdown', '--input', f, '--target', '500000', '-f', 'csv', '-q']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain(warning);
  });

  it('against a whole province\'s denominator it is read as 0 and warned (rv32 W3; fx44 refused it)', async () => {
    const bare = writeIn(dir, 'v11-bare.csv', `period,province,segment,participants\n2026-06,Gorontalo,PU,155983\n2026-06,Gorontalo,BPU,77991\n2026-06,Maluku,BPU,46528\n`);
    const r = await run(['coverage', bare, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Maluku (1 of 2 segments; no row for PU)');
    expect(r.stderr).not.toContain('gives participants of BPU but not of PU');
  });

  it('a file whose provinces all give the same segments says nothing of it', async () => {
    const whole = writeIn(dir, 'v11-whole.csv', `${head}${seg('Gorontalo', 'PU', 250000, 155983)}${seg('Gorontalo', 'BPU', 150000, 77991)}${seg('Maluku', 'PU', 200000, 93056)}${seg('Maluku', 'BPU', 120000, 46528)}`);
    const r = await run(['coverage', whole, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('holds only the segments');
  });
});

describe('rv31 V14: a wide file without the JAKON column, with its own potential_workers', () => {
  const wide = writeIn(dir, 'v14-noJAKON.csv', 'province,period,potential_workers,participants,participants_pu,participants_bpu,participants_pmi\nGorontalo,2026-06,422934,239174,155983,77991,5200\nMaluku,2026-06,485724,142686,93056,46528,3102\n');
  const targets = writeIn(dir, 'v14-targets.csv', 'province,segment,target\nGorontalo,PU,200000\nGorontalo,BPU,100000\nGorontalo,JAKON,30000\nGorontalo,PMI,6000\nMaluku,PU,120000\nMaluku,BPU,60000\nMaluku,JAKON,15000\nMaluku,PMI,4000\n');

  it('keeps JAKON\'s targets in the Total by segment, as by province, and says so under --quiet', async () => {
    // By hand: 200,000 + 100,000 + 30,000 + 6,000 + 120,000 + 60,000 + 15,000 + 4,000 = 535,000 (main: 490,000,
    // JAKON's 45,000 dropped); target coverage 535,000 / (422,934 + 485,724 = 908,658) = 0.58878.
    const bySeg = await run(['coverage', wide, '--by', 'segment', '--targets', targets, '-f', 'csv', '-q']);
    expect(bySeg.code, bySeg.stderr).toBe(0);
    const total = csvRows(bySeg.stdout).find((x) => x['segment'] === 'Total')!;
    expect([total['target'], total['target_coverage']]).toEqual(['535000', '0.58878']);
    expect(bySeg.stderr).toContain('segments without rows count as having no participants, and their targets stay in their province\'s and the Total\'s target: Gorontalo (JAKON: target 30,000); Maluku (JAKON: target 15,000)');
    const byProvince = await run(['coverage', wide, '--targets', targets, '-f', 'csv', '-q']);
    expect(csvRows(byProvince.stdout).find((x) => x['province'] === 'Total')?.['target']).toBe('535000');
  });
});

describe('rv31 V2: the segment columns of a wide total row', () => {
  const head = 'province,period,potential_workers,participants,participants_pu,participants_bpu,participants_jakon,participants_pmi\n';
  // Gorontalo's PU and BPU swapped (the row still adds up to 259,971); the total row is the true one.
  const rows = 'Gorontalo,2026-06,422934,259971,77991,155983,20797,5200\nMaluku,2026-06,485724,155094,93056,46528,12408,3102\n';

  it('a part that disagrees is refused at the total row, naming the column and the difference', async () => {
    // By hand: PU of the rows 77,991 + 93,056 = 171,047, the total row 155,983 + 93,056 = 249,039: 77,992 more
    // in the total; BPU 155,983 + 46,528 = 202,511 against 77,991 + 46,528 = 124,519: 77,992 less.
    const f = writeIn(dir, 'v2-swapped.csv', `${head}${rows}Total Kanwil Sulawesi Maluku,2026-06,908658,415065,249039,124519,33205,8302\n`);
    const r = await run(['coverage', f, '--by', 'segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${f}:4:52: error: the total row "Total Kanwil Sulawesi Maluku" gives participants_pu 249,039, but the 2 row(s) it totals add up to 171,047 (77,992 more in the total)`);
    expect(r.stderr).toContain('gives participants_bpu 124,519, but the 2 row(s) it totals add up to 202,511 (77,992 less in the total)');
  });

  it('a total row whose parts agree is left out and said to agree; a blank part is said not compared', async () => {
    // By hand: PU 77,991 + 93,056 = 171,047; BPU 202,511; JAKON 20,797 + 12,408 = 33,205; PMI 5,200 + 3,102 = 8,302.
    const ok = writeIn(dir, 'v2-agrees.csv', `${head}${rows}Total,2026-06,908658,415065,171047,202511,33205,8302\n`);
    const r = await run(['coverage', ok, '--by', 'segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${ok}:4 "Total" (agrees with its rows)`);
    const blank = writeIn(dir, 'v2-blank.csv', `${head}${rows}Total,2026-06,908658,415065,171047,202511,,8302\n`);
    const b = await run(['coverage', blank, '--by', 'segment', '-f', 'csv']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain('participants_jakon');
    expect(b.stderr).not.toContain('"Total" (agrees with its rows)');
  });
});

describe('rv31 V6: a wide file without its participants column, or with it blank', () => {
  const parts = 'Gorontalo,2026-06,422934,155983,77991,20797,5200\nMaluku,2026-06,485724,93056,46528,12408,3102\n';

  it('the four segment columns are the participants; the hint that says so is grouped and leads there', async () => {
    const mistyped = writeIn(dir, 'v6-mistyped.csv', 'province,period,potential_workers,participants,participants_pu,participants_bpu,participants_jakon,participants_pmi\nGorontalo,2026-06,422934,259971,155885,77991,20797,5200\n');
    const m = await run(['coverage', mistyped]);
    expect(m.code).toBe(3);
    // By hand: 155,885 + 77,991 + 20,797 + 5,200 = 259,873.
    expect(m.stderr).toContain('the segment columns add up to 259,873, not to the row\'s participants (259,971)');
    expect(m.stderr).toContain('drop the participants column or leave it blank: the segment columns are then the participants');
    const dropped = writeIn(dir, 'v6-dropped.csv', `province,period,potential_workers,participants_pu,participants_bpu,participants_jakon,participants_pmi\n${parts}`);
    const blank = writeIn(dir, 'v6-blank.csv', `province,period,potential_workers,participants,participants_pu,participants_bpu,participants_jakon,participants_pmi\n${parts.replace(/422934,/, '422934,,').replace(/485724,/, '485724,,')}`);
    for (const f of [dropped, blank]) {
      const r = await run(['coverage', f, '-f', 'csv', '-q']);
      expect(r.code, r.stderr).toBe(0);
      // By hand: Gorontalo 155,983 + 77,991 + 20,797 + 5,200 = 259,971; Maluku 93,056 + 46,528 + 12,408 + 3,102 = 155,094.
      expect(csvRows(r.stdout).map((x) => [x['province'], x['participants']])).toEqual([
        ['Gorontalo', '259971'],
        ['Maluku', '155094'],
        ['Total', '415065'],
      ]);
      expect((await run(['validate', f])).code).toBe(0);
    }
  });

  it('three segment columns without participants are refused, naming the fourth', async () => {
    const f = writeIn(dir, 'v6-three.csv', 'province,period,potential_workers,participants_pu,participants_bpu,participants_jakon\nGorontalo,2026-06,422934,155983,77991,20797\n');
    const r = await run(['coverage', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('missing column "participants" (active participants), and the segment columns are not all there (no participants_pmi)');
    expect(r.stderr).toContain('hint: the segment columns are the participants only when all four are given: add participants_pmi');
  });
});

describe('rv31 V13: a Kanwil\'s total row with its province cell blank', () => {
  const head = 'period,kanwil,province,potential_workers,participants\n';
  const rows = '2026-06,Sulama,Gorontalo,422934,259971\n2026-06,Sulama,Maluku,485724,155094\n';

  it('is the Kanwil\'s total row: checked against its provinces and left out, or refused where one is missing', async () => {
    // By hand: 422,934 + 485,724 = 908,658; 259,971 + 155,094 = 415,065.
    const ok = writeIn(dir, 'v13-total.csv', `${head}${rows}2026-06,Sulama,,908658,415065\n`);
    const r = await run(['coverage', ok, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${ok}:4 "Sulama" (agrees with its rows)`);
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Total')?.['participants']).toBe('415065');
    // Maluku's row missing: 415,065 − 259,971 = 155,094 more in the total.
    const lacking = writeIn(dir, 'v13-lacking.csv', `${head}2026-06,Sulama,Gorontalo,422934,259971\n2026-06,Sulama,,908658,415065\n`);
    const l = await run(['coverage', lacking]);
    expect(l.code).toBe(3);
    expect(l.stderr).toContain('the total row "Sulama" gives participants 415,065, but the 1 row(s) it totals add up to 259,971 (155,094 more in the total)');
  });

  it('a blank province without a Kanwil to total says how to write a total row', async () => {
    const f = writeIn(dir, 'v13-blank.csv', 'period,province,potential_workers,participants\n2026-06,Gorontalo,422934,259971\n2026-06,,422934,259971\n');
    const r = await run(['coverage', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('error: the province is empty\n  hint: write the row\'s province; a total row? write Total in its province cell');
  });
});

describe('rv33 X3: a wide row whose participants cell is blank and whose four parts are 0', () => {
  it('is refused at its first part, not at the blank cell (main: 3:23, the blank participants)', async () => {
    // Row 3: "Maluku," 1-7, "2026-05," 8-15, "485724," 16-22, the blank participants at 23, participants_pu's 0 at 24.
    const f = writeIn(dir, 'x3-wide-0.csv', 'province,period,potential_workers,participants,participants_pu,participants_bpu,participants_jakon,participants_pmi\nGorontalo,2026-05,631521,259971,155983,77991,20798,5199\nMaluku,2026-05,485724,,0,0,0,0\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('x3-wide-0.csv:3:24: error: field "participants_pu": Maluku has 0 participants in 2026-05');
  });
});
