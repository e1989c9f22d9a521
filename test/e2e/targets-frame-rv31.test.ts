// rv31: targets read as another frame's figures in silence.
//   V3  targets per province × segment with a cell missing, against a file by province: the province's
//       whole participants against the other segments' targets ("achieved" 105 %);
//   V10 a province's (or Kanwil's) target of 0: "achieved", its target out of the Total's;
//   V5  the tool's own JSON targets whose meta.scope names another Kanwil, read as this report's own;
//   V1  targets with no area column above the whole denominator of what they are compared with.
// Expected figures by hand in the comments.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rows = (csv: string): Record<string, string>[] => parse(csv, { columns: true }) as Record<string, string>[];
// Three of Sulama's provinces with their own potential workers.
const input = writeIn(dir, 'three.csv', 'period,province,potential_workers,participants\n2026-06,Gorontalo,422934,259971\n2026-06,Maluku,485724,155094\n2026-06,Maluku Utara,424131,181372\n');

describe('V3: province × segment targets with a cell missing, on a file by province', () => {
  // Gorontalo 200,000 + 100,000 + 50,000 + 12,945 = 362,945; Maluku without PU: 80,273 + 66,407 + 704 =
  // 147,384; Maluku Utara 180,000 + 90,000 + 30,000 + 6,953 = 306,953.
  const t = writeIn(dir, 'ps-noMPU.csv', 'province,segment,year,target\nGorontalo,PU,2026,200000\nGorontalo,BPU,2026,100000\nGorontalo,JAKON,2026,50000\nGorontalo,PMI,2026,12945\nMaluku,BPU,2026,80273\nMaluku,JAKON,2026,66407\nMaluku,PMI,2026,704\nMaluku Utara,PU,2026,180000\nMaluku Utara,BPU,2026,90000\nMaluku Utara,JAKON,2026,30000\nMaluku Utara,PMI,2026,6953\n');

  it('Maluku is shown without a target, warned under --quiet; the Total compares the others (main: Maluku target 147,384, achievement 1.052312, achieved)', async () => {
    const r = await run(['coverage', input, '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const out = rows(r.stdout);
    const maluku = out.find((x) => x.province === 'Maluku')!;
    expect([maluku.target, maluku.achievement, maluku.status]).toEqual(['', '', '']);
    const total = out.find((x) => x.level === 'total')!;
    // 362,945 + 306,953 = 669,898 against 259,971 + 181,372 = 441,343.
    expect(total.target).toBe('669898');
    expect(total.achievement).toBe((441343 / 669898).toFixed(6));
    expect(r.stderr).toContain('are given per segment units, which the input does not have, and for only some of a row\'s segment units');
    expect(r.stderr).toContain('Maluku (3 of 4 segment units; none for PU)');
  });

  it('--by kanwil: Sulama compares its provinces with a whole target only', async () => {
    const r = await run(['coverage', input, '--by', 'kanwil', '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const sulama = rows(r.stdout).find((x) => x.level === 'detail')!;
    expect(sulama.target).toBe('669898');
    expect(sulama.achievement).toBe((441343 / 669898).toFixed(6));
    expect(r.stderr).toContain('Maluku (3 of 4 segment units; none for PU)');
  });

  it('every cell given: compared as before (Maluku 155,094 / 354,422)', async () => {
    const full = writeIn(dir, 'ps-full.csv', 'province,segment,year,target\nMaluku,PU,2026,207038\nMaluku,BPU,2026,80273\nMaluku,JAKON,2026,66407\nMaluku,PMI,2026,704\n');
    const r = await run(['coverage', input, '--targets', full, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const maluku = rows(r.stdout).find((x) => x.province === 'Maluku')!;
    expect(maluku.target).toBe('354422');
    expect(maluku.achievement).toBe((155094 / 354422).toFixed(6));
    expect(r.stderr).not.toContain('for only some of a row');
  });
});

describe('V10: a target of 0', () => {
  it("a province's 0 is refused at its cell (main: Gorontalo achieved, Total target without its 362,945)", async () => {
    const t = writeIn(dir, 't0.csv', 'province,target\nMaluku,354422\nGorontalo,0\nMaluku Utara,306953\n');
    const r = await run(['coverage', input, '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${t}:3:11: error: field "target": Gorontalo's target is 0`);
    expect(r.stderr).toContain('hint: write its target');
  });

  it("with a year column too, and a Kanwil's own 0", async () => {
    const y = writeIn(dir, 't0-year.csv', 'province,year,target\nGorontalo,2026,0\n');
    const a = await run(['coverage', input, '--targets', y, '-f', 'csv']);
    expect(a.code, a.stderr).toBe(3);
    expect(a.stderr).toContain(`${y}:2:16: error: field "target": Gorontalo's target is 0`);
    const k = writeIn(dir, 'kw0.csv', 'kanwil,target\nSulama,0\n');
    const b = await run(['coverage', input, '--by', 'kanwil', '--targets', k, '-f', 'csv']);
    expect(b.code, b.stderr).toBe(3);
    expect(b.stderr).toContain(`${k}:2:8: error: field "target"`);
  });

  it("a segment's 0 is read (breakdown writes them) and said", async () => {
    // Gorontalo's PMI 0: the province's target 200,000 + 100,000 + 62,945 + 0 = 362,945.
    const t = writeIn(dir, 'seg0.csv', 'province,segment,year,target\nGorontalo,PU,2026,200000\nGorontalo,BPU,2026,100000\nGorontalo,JAKON,2026,62945\nGorontalo,PMI,2026,0\n');
    const r = await run(['coverage', input, '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(rows(r.stdout).find((x) => x.province === 'Gorontalo')!.target).toBe('362945');
    expect(r.stderr).toContain('1 target(s) of');
    // fx53: the data (by province) do not give PMI apart and the file has no participants: the 0 is a part
    // of Gorontalo's 362,945, no row compared with it alone — a note, not the "achieved" warning.
    expect(r.stderr).toContain('are 0 for rows the data do not give apart (no segment): Gorontalo / PMI');
    expect(r.stderr).toContain('if a blank was written as 0, write the target there');
    expect(r.stderr).not.toContain('their participants count as achieved');
    // rv32 W4: no hint to leave the row out (a row left out loses its area's target).
    expect(r.stderr).not.toContain('leave the row out');
  });
});

describe("V5: the tool's own JSON targets whose meta.scope names another Kanwil", () => {
  // Banuspa's June by segment (2,750,000) and Sulama's (3,264,879), each with a kanwil column.
  const banuspa = writeIn(dir, 'banuspa-06.csv', 'period,kanwil,segment,participants\n2026-06,Banuspa,PU,1500000\n2026-06,Banuspa,BPU,900000\n2026-06,Banuspa,JAKON,200000\n2026-06,Banuspa,PMI,150000\n');
  const sulama = writeIn(dir, 'sulama-06.csv', 'period,kanwil,segment,participants\n2026-06,Sulama,PU,1958927\n2026-06,Sulama,BPU,979463\n2026-06,Sulama,JAKON,261191\n2026-06,Sulama,PMI,65298\n');

  it('are refused on Sulama\'s report, naming both (main: read as Sulama\'s own, PU "achieved", Total on-track)', async () => {
    const out = join(dir, 'banuspa-t.json');
    const b = await run(['breakdown', '--target', '3500000', '--year', '2026', '--input', banuspa, '--by', 'segment', '-f', 'json', '-o', out]);
    expect(b.code, b.stderr).toBe(0);
    const r = await run(['coverage', sulama, '--by', 'segment', '--targets', out, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('(3,500,000 in all) are not compared: its meta.scope says they are of Kanwil Bali Nusa Tenggara Papua (Banuspa), and this report covers Kanwil Sulawesi Maluku (Sulama)');
  });

  it("Sulama's own JSON targets are read as before", async () => {
    const out = join(dir, 'sulama-t.json');
    const b = await run(['breakdown', '--target', '5600000', '--year', '2026', '--input', sulama, '--by', 'segment', '-f', 'json', '-o', out]);
    expect(b.code, b.stderr).toBe(0);
    const r = await run(['coverage', sulama, '--by', 'segment', '--targets', out, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(rows(r.stdout).find((x) => x.level === 'total')!.target).toBe('5600000');
  });
});

describe('V1: targets with no area column above the whole denominator', () => {
  it("read as the scope's own: refused, naming the figures (main: Total target 2,000,000 over 1,332,789 potential workers, exit 0)", async () => {
    // The three provinces' potential workers: 422,934 + 485,724 + 424,131 = 1,332,789 < 2,000,000.
    const t = writeIn(dir, 'one-2m.csv', 'year,target\n2026,2000000\n');
    const r = await run(['coverage', input, '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("its one total (2,000,000) is not compared: it would be this report's scope's, Kanwil Sulawesi Maluku (Sulama): 3 of 8 provinces, but the target of the Total (2,000,000) is above its whole potential_workers (1,332,789)");
    expect(r.stderr).toContain('hint: give this scope\'s own targets: its rows of the national plan (jamsostek breakdown --year 2026 --by province -o targets.csv');
  });

  it("a total within the denominator is read as the scope's own, as before", async () => {
    const t = writeIn(dir, 'one-1m.csv', 'year,target\n2026,1000000\n');
    const r = await run(['coverage', input, '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const total = rows(r.stdout).find((x) => x.level === 'total')!;
    // 259,971 + 155,094 + 181,372 = 596,437 of 1,000,000.
    expect(total.achievement).toBe((596437 / 1000000).toFixed(6));
  });

  it('no area on either side: warned under --quiet, naming the row (main: BPU target_coverage 5.159609, no word)', async () => {
    const recap = writeIn(dir, 'recap.csv', 'period,segment,participants,potential_workers\n2026-06,PU,1958927,3500000\n2026-06,BPU,979463,3000000\n2026-06,JAKON,261191,700000\n2026-06,PMI,65298,101061\n');
    // A BPU target under half the national BPU participants (9,098,262 / 2 = 4,549,131: rv32 W7), above
    // the row's whole denominator: 4,000,000 / 3,000,000 = 1.333333.
    const t = writeIn(dir, 'bpu-4m.csv', 'segment,year,target\nBPU,2026,4000000\n');
    const r = await run(['coverage', recap, '--by', 'segment', '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(rows(r.stdout).find((x) => x.segment === 'BPU')!.target_coverage).toBe((4000000 / 3000000).toFixed(6));
    expect(r.stderr).toContain('above the whole potential_workers of BPU (4,000,000 over 3,000,000)');
    // The national BPU split (15,478,826) is national by BPU's national participants since rv32 W7: the
    // recap, 3,264,879 participants with no area column, is then a region's against national targets, refused.
    const nat = writeIn(dir, 'bpu.csv', 'segment,year,target\nBPU,2026,15478826\n');
    const n = await run(['coverage', recap, '--by', 'segment', '--targets', nat, '-f', 'csv', '--quiet']);
    expect(n.code, n.stderr).toBe(3);
    expect(n.stderr).toContain('against the national targets of');
  });
});
