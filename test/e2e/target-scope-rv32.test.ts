// rv32 W5, W9, W8, W7: targets compared with participants that are not theirs, exit 0, nothing said.
// Expected figures by hand in the comments.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const total = (csv: string): Record<string, string> => csvRows(csv).find((r) => r.level === 'total')!;
const rowOf = (csv: string, first: string): Record<string, string> => csvRows(csv).find((r) => Object.values(r)[0] === first)!;

// Sulama's recap by kanwil × segment, the layout the tool's hints recommend: 1,958,927 + 979,463 + 261,191
// + 65,298 = 3,264,879 participants.
const kwSeg = writeIn(dir, 'kw-seg.csv', 'period,kanwil,segment,participants\n2026-06,Sulama,PU,1958927\n2026-06,Sulama,BPU,979463\n2026-06,Sulama,JAKON,261191\n2026-06,Sulama,PMI,65298\n');
const SULAMA = ['Sulawesi Utara', 'Sulawesi Tengah', 'Sulawesi Selatan', 'Sulawesi Tenggara', 'Gorontalo', 'Sulawesi Barat', 'Maluku', 'Maluku Utara'];
// Province targets of the whole country's file: Sulama's 8 provinces 600,000 each (4,800,000), and two
// provinces of other Kanwils (Jawa Barat 9,000,000, Aceh 1,000,000): 14,800,000 in all.
const provTargets = writeIn(dir, 'prov-targets.csv', `province,year,target\n${SULAMA.map((p) => `${p},2026,600000`).join('\n')}\nJawa Barat,2026,9000000\nAceh,2026,1000000\n`);
// The same by province × segment: each Sulama province PU 400,000, BPU 150,000, JAKON 40,000, PMI 10,000
// (600,000); Jawa Barat PU 9,000,000.
const psTargets = writeIn(dir, 'ps-targets.csv', `province,segment,year,target\n${SULAMA.map((p) => `${p},PU,2026,400000\n${p},BPU,2026,150000\n${p},JAKON,2026,40000\n${p},PMI,2026,10000`).join('\n')}\nJawa Barat,PU,2026,9000000\n`);

describe("rv32 W5: province targets on a Kanwil's recap by kanwil × segment are the Kanwil's provinces' in every --by", () => {
  it('--by segment: the Total target is Sulama\'s 4,800,000 (main: every province\'s 14,800,000), achievement 3,264,879 / 4,800,000 = 0.680183', async () => {
    const r = await run(['coverage', kwSeg, '--by', 'segment', '--targets', provTargets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(total(r.stdout).target).toBe('4800000');
    expect(total(r.stdout).achievement).toBe('0.680183');
    // The cut is said, as on a file by province.
    expect(r.stderr).toContain('targets: 8 of the 10 in');
    // --by kanwil gives the same (it did on main).
    const k = await run(['coverage', kwSeg, '--by', 'kanwil', '--targets', provTargets, '-f', 'csv']);
    expect(total(k.stdout).target).toBe('4800000');
  });

  it('--by segment with province × segment targets: PU 8 × 400,000 = 3,200,000 (main: 12,200,000 with Jawa Barat\'s), Total 4,800,000', async () => {
    const r = await run(['coverage', kwSeg, '--by', 'segment', '--targets', psTargets, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(rowOf(r.stdout, 'PU').target).toBe('3200000');
    // 1,958,927 / 3,200,000 = 0.612165
    expect(rowOf(r.stdout, 'PU').achievement).toBe('0.612165');
    expect(rowOf(r.stdout, 'BPU').target).toBe('1200000');
    expect(total(r.stdout).target).toBe('4800000');
  });
});

// Two provinces by province (no segment column: every segment's participants): Gorontalo 259,971, Maluku 155,094.
const prov = writeIn(dir, 'prov.csv', 'period,province,potential_workers,participants\n2026-06,Gorontalo,422934,259971\n2026-06,Maluku,485724,155094\n');
// The PU rows of a province × segment plan: Gorontalo PU 193,207, Maluku PU 207,038.
const puOnly = writeIn(dir, 'pu-only.csv', 'province,segment,year,target\nGorontalo,PU,2026,193207\nMaluku,PU,2026,207038\n');

describe('rv32 W9: targets of some segments only, for every row, against a file without a segment column', () => {
  it("PU's targets against every segment's participants: refused, naming the segments the file lacks (main: Gorontalo 259,971 / 193,207 = 1.345557 'achieved', exit 0)", async () => {
    const r = await run(['coverage', prov, '--targets', puOnly, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('are given per segment, which the input does not have, and none of the 2 rows it gives targets for has every segment\'s target (it gives none of BPU, JAKON or PMI)');
    const id = await run(['coverage', prov, '--targets', puOnly, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('tidak ada target BPU, JAKON atau PMI');
  });

  it("every segment but PMI, for every province: refused, naming PMI (main: 3 segments' targets against 4 segments' participants, exit 0, no word)", async () => {
    // Gorontalo PU 150,000, BPU 60,000, JAKON 30,000; Maluku PU 100,000, BPU 40,000, JAKON 20,000: no PMI anywhere.
    const t = writeIn(dir, 'no-pmi.csv', 'province,segment,year,target\nGorontalo,PU,2026,150000\nGorontalo,BPU,2026,60000\nGorontalo,JAKON,2026,30000\nMaluku,PU,2026,100000\nMaluku,BPU,2026,40000\nMaluku,JAKON,2026,20000\n');
    const r = await run(['coverage', prov, '--targets', t, '-f', 'csv', '--by', 'kanwil']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain("has every segment's target (it gives none of PMI)");
  });

  it('a province with every segment keeps its target beside one without PMI (fx45, unchanged): Maluku 155,094 / 165,000 = 0.939964', async () => {
    const t = writeIn(dir, 'mixed.csv', 'province,segment,year,target\nGorontalo,PU,2026,150000\nGorontalo,BPU,2026,60000\nGorontalo,JAKON,2026,30000\nMaluku,PU,2026,100000\nMaluku,BPU,2026,40000\nMaluku,JAKON,2026,20000\nMaluku,PMI,2026,5000\n');
    const r = await run(['coverage', prov, '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x.province === 'Gorontalo')!.target).toBe('');
    expect(total(r.stdout).achievement).toBe('0.939964');
    expect(r.stderr).toContain('Gorontalo (3 of 4 segment units; none for PMI)');
  });
});

// Maluku's and Gorontalo's June by segment: both scopes read "Kanwil Sulawesi Maluku (Sulama): 1 of 8 provinces".
const maluku = writeIn(dir, 'maluku-seg.csv', 'period,province,segment,participants\n2026-06,Maluku,PU,93056\n2026-06,Maluku,BPU,46528\n2026-06,Maluku,JAKON,12408\n2026-06,Maluku,PMI,3102\n');
const gorontalo = writeIn(dir, 'gto-seg.csv', 'period,province,segment,participants\n2026-06,Gorontalo,PU,155983\n2026-06,Gorontalo,BPU,77991\n2026-06,Gorontalo,JAKON,20798\n2026-06,Gorontalo,PMI,5199\n');

describe("rv32 W8: the tool's own JSON targets of another province of the same Kanwil are not this report's", () => {
  it("Maluku's segment plan (250,000) on Gorontalo's report: refused, naming both provinces (main: every segment 'achieved' 104 %, exit 0)", async () => {
    const t = `${dir}/maluku-t.json`;
    const b = await run(['breakdown', '--target', '250000', '--year', '2026', '--input', maluku, '--by', 'segment', '-f', 'json', '-o', t]);
    expect(b.code, b.stderr).toBe(0);
    const r = await run(['coverage', gorontalo, '--by', 'segment', '--targets', t, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('its meta.scope says they are of Kanwil Sulawesi Maluku (Sulama) (Maluku), and this report covers Kanwil Sulawesi Maluku (Sulama): 1 of 8 provinces (Gorontalo)');
    // Maluku's own report reads them: PU 93,056 / 149,999 = 0.620377 (the plan's split of 250,000 by today's participants).
    const own = await run(['coverage', maluku, '--by', 'segment', '--targets', t, '-f', 'csv', '-q']);
    expect(own.code, own.stderr).toBe(0);
    expect(rowOf(own.stdout, 'PU').achievement).toBe('0.620377');
    // The same file as an older version wrote it (meta.scope without its provinces): whose, unknown, said.
    const json = JSON.parse(readFileSync(t, 'utf8')) as { meta: { scope: Record<string, unknown> } };
    delete json.meta.scope['provinces'];
    const old = writeIn(dir, 'maluku-t-old.json', JSON.stringify(json));
    const o = await run(['coverage', gorontalo, '--by', 'segment', '--targets', old, '-f', 'csv', '-q']);
    expect(o.code, o.stderr).toBe(0);
    expect(o.stderr).toContain("its meta.scope says 1 of 8 areas without naming them (written by an older version), so whether they are this report's cannot be checked");
  });
});

// Kanwil Jawa Barat's recap by segment: PU 3,000,000, BPU 1,200,000, JAKON 500,000, PMI 100,000.
const jabar = writeIn(dir, 'kw-jabar-seg.csv', 'period,kanwil,segment,participants\n2026-06,Jawa Barat,PU,3000000\n2026-06,Jawa Barat,BPU,1200000\n2026-06,Jawa Barat,JAKON,500000\n2026-06,Jawa Barat,PMI,100000\n');
// The bundled national BPU participants: the 38 provinces' participants_bpu of data/baseline.csv summed,
// 9,098,262 (2023-12); half of it is 4,549,131.
describe('rv32 W7: a national split of one segment is national by that segment\'s national participants', () => {
  it("the national BPU target 15,478,826 on Kanwil Jawa Barat's recap: refused (main: taken as its own, BPU achievement 1,200,000 / 15,478,826 = 0.077525, exit 0)", async () => {
    const t = writeIn(dir, 'nat-bpu.csv', 'segment,target\nBPU,15478826\n');
    const r = await run(['coverage', jabar, '--by', 'segment', '--targets', t, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('its BPU target, 15,478,826, is at least half the national BPU participants, 9,098,262 of 2023-12 in data/baseline.csv');
  });

  it('the line is half a segment\'s: BPU 4,549,131 refused, 4,549,130 read as the Kanwil\'s own (said)', async () => {
    const at = writeIn(dir, 'bpu-at.csv', 'segment,year,target\nBPU,2026,4549131\n');
    const under = writeIn(dir, 'bpu-under.csv', 'segment,year,target\nBPU,2026,4549130\n');
    const a = await run(['coverage', jabar, '--by', 'segment', '--targets', at, '-f', 'csv', '-q']);
    expect(a.code, a.stderr).toBe(3);
    const u = await run(['coverage', jabar, '--by', 'segment', '--targets', under, '-f', 'csv']);
    expect(u.code, u.stderr).toBe(0);
    // 1,200,000 / 4,549,130 = 0.263787
    expect(rowOf(u.stdout, 'BPU').achievement).toBe('0.263787');
    expect(u.stderr).toContain("taken as this report's scope's");
  });

  it('an input with no area column meets the same file as national targets (one rule for both paths)', async () => {
    // 26,000,000 + 9,500,000 = 35,500,000 participants, at least half the national 39,350,000: national.
    const t = writeIn(dir, 'nat-bpu2.csv', 'segment,target\nBPU,15478826\n');
    const noArea = writeIn(dir, 'seg-no-area.csv', 'period,segment,participants\n2026-06,PU,26000000\n2026-06,BPU,9500000\n');
    const r = await run(['coverage', noArea, '--by', 'segment', '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('against the national targets of');
  });
});
