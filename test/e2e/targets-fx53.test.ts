// fx53: how targets are matched and compared in coverage. Figures by hand from the files written here and
// data/baseline.csv (employed, Sakernas 2023-08: Gorontalo 631,521, Maluku 853,254).
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const w = (name: string, text: string): string => writeIn(dir, name, text);
const total = (out: string): Record<string, string> => csvRows(out).find((x) => x['level'] === 'total')!;

// Sulama's Gorontalo and Maluku by segment, June 2026, with no PMI row (a SQL export of PU, BPU and JAKON).
const NO_PMI = 'period,province,segment,participants\n2026-06,Gorontalo,PU,155983\n2026-06,Gorontalo,BPU,77991\n2026-06,Gorontalo,JAKON,20800\n2026-06,Maluku,PU,93056\n2026-06,Maluku,BPU,46528\n2026-06,Maluku,JAKON,12408\n';

describe('1: --compare-targets plans are cut to the segments of the data, as --targets is', () => {
  const planA = 'province,segment,year,target\nGorontalo,PU,2026,200000\nGorontalo,BPU,2026,100000\nGorontalo,JAKON,2026,30000\nGorontalo,PMI,2026,6000\nMaluku,PU,2026,120000\nMaluku,BPU,2026,60000\nMaluku,JAKON,2026,15000\nMaluku,PMI,2026,4000\n';
  const planB = 'province,segment,year,target\nGorontalo,PU,2026,210000\nGorontalo,BPU,2026,100000\nGorontalo,JAKON,2026,30000\nGorontalo,PMI,2026,9000\nMaluku,PU,2026,120000\nMaluku,BPU,2026,65000\nMaluku,JAKON,2026,15000\nMaluku,PMI,2026,5000\n';

  it("the compared plan's Total leaves out PMI too (main: 554,000 with PMI's 14,000 against plan A's 525,000 without)", async () => {
    const f = w('nopmi.csv', NO_PMI);
    const a = w('plan-a.csv', planA);
    const b = w('plan-b.csv', planB);
    const r = await run(['coverage', f, '--targets', a, '--compare-targets', b, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const t = total(r.stdout);
    // A without PMI: 200,000 + 100,000 + 30,000 + 120,000 + 60,000 + 15,000 = 525,000.
    expect(t['target_plan_a']).toBe('525000');
    // B without PMI: 210,000 + 100,000 + 30,000 + 120,000 + 65,000 + 15,000 = 540,000 (554,000 with PMI's 9,000 + 5,000).
    expect(t['target_plan_b']).toBe('540000');
    expect(t['diff_plan_b']).toBe('15000');
    // Gorontalo: A 330,000, B 340,000; Maluku: A 195,000, B 200,000.
    const g = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    expect(g['target_plan_b']).toBe('340000');
    expect(g['diff_plan_b']).toBe('10000');
    // Said once, for both plans: every plan's PMI targets are left out.
    expect(r.stderr).toContain('the targets of PMI are left out, the others compared like for like');
    expect(r.stderr).not.toContain('[plan-a.csv] coverage and achievement count');
    expect(r.stderr).not.toContain('their targets stay in');
    const id = await run(['coverage', f, '--targets', a, '--compare-targets', b, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('target PMI tidak dipakai, yang lain dibandingkan setara');
  });

  it('a compared plan without a segment column is said under its own label: it counts every segment', async () => {
    const f = w('nopmi-b.csv', NO_PMI);
    const a = w('plan-a2.csv', planA);
    const c = w('plan-c.csv', 'province,year,target\nGorontalo,2026,345000\nMaluku,2026,205000\n');
    const r = await run(['coverage', f, '--targets', a, '--compare-targets', c, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(total(r.stdout)['target_plan_c']).toBe('550000');
    expect(r.stderr).toMatch(/plan-a2\.csv\][^\n]*the targets of PMI are left out/);
    expect(r.stderr).toMatch(/plan-c\.csv\][^\n]*the targets count every segment/);
  });
});

describe('2: a target of 0 for rows the data do not give apart, in a file without participants', () => {
  const t0 = 'province,segment,year,target\nGorontalo,PU,2026,200000\nGorontalo,BPU,2026,100000\nGorontalo,JAKON,2026,30000\nGorontalo,PMI,2026,0\nMaluku,PU,2026,120000\nMaluku,BPU,2026,60000\nMaluku,JAKON,2026,15000\nMaluku,PMI,2026,4000\n';

  it("province × segment targets on a file by province: the 0 is a part of Gorontalo's target, said as a note, not warned as achieved (main: warned under --quiet)", async () => {
    const f = w('prov.csv', 'period,province,participants\n2026-06,Gorontalo,260000\n2026-06,Maluku,160000\n');
    const t = w('t0.csv', t0);
    const r = await run(['coverage', f, '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // Gorontalo 200,000 + 100,000 + 30,000 + 0 = 330,000; Maluku 120,000 + 60,000 + 15,000 + 4,000 = 199,000.
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!['target']).toBe('330000');
    expect(total(r.stdout)['target']).toBe('529000');
    expect(r.stderr).not.toContain('their participants count as achieved');
    expect(r.stderr).toContain('note: 1 target(s) of');
    expect(r.stderr).toContain('are 0 for rows the data do not give apart (no segment): Gorontalo / PMI; each is a part of its row\'s target in the report');
    const q = await run(['coverage', f, '--targets', t, '-f', 'csv', '--quiet']);
    expect(q.stderr).not.toContain('are 0');
    const j = await run(['coverage', f, '--targets', t, '-f', 'json', '--quiet']);
    const codes = (JSON.parse(j.stdout) as { meta: { notes: { code?: string }[] } }).meta.notes.map((n) => n.code);
    expect(codes).toContain('zero-targets-within');
    expect(codes).not.toContain('zero-targets');
    const id = await run(['coverage', f, '--targets', t, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('bernilai 0 untuk baris yang tidak dirinci data (tanpa segmen)');
  });

  it("a Kanwil's data by segment whose provinces' PMI targets are all 0: the PMI row is compared with 0, still warned", async () => {
    const f = w('kw.csv', 'period,kanwil,segment,participants\n2026-06,Sulama,PU,1958927\n2026-06,Sulama,BPU,979463\n2026-06,Sulama,JAKON,261191\n2026-06,Sulama,PMI,65298\n');
    const t = w('t0-all.csv', t0.replace('Maluku,PMI,2026,4000', 'Maluku,PMI,2026,0'));
    const r = await run(['coverage', f, '--by', 'segment', '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['segment'] === 'PMI')!['target']).toBe('0');
    expect(r.stderr).toContain('2 target(s) of');
    expect(r.stderr).toContain('are 0: Gorontalo / PMI, Maluku / PMI; their participants count as achieved');
  });
});

describe('3: the "no milestone" warning of a yearly file without participants says the one cause and the fix', () => {
  const data = 'period,province,participants\n2026-06,Gorontalo,260000\n2026-06,Maluku,160000\n';

  it('no participants column: one cause, the fix (main: "no participants …, or the target is below them")', async () => {
    const f = w('np.csv', data);
    const t = w('ty.csv', 'province,year,target\nGorontalo,2026,345000\nMaluku,2026,205000\n');
    const r = await run(['coverage', f, '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('2 of 2 rows with a target have no milestone for 2026-06: the targets give no participants');
    expect(r.stderr).toContain('add a participants column and a period column to the targets');
    expect(r.stderr).not.toContain('or the target is below them');
    const id = await run(['coverage', f, '--targets', t, '-f', 'csv', '--quiet', '--lang', 'id']);
    expect(id.stderr).toContain('target tidak memuat peserta, angka tiap baris di awal jalurnya');
    expect(id.stderr).toContain('tambahkan kolom participants dan kolom period pada target');
  });

  it('with the fix applied (participants of 2023-12 and that month): milestones, no warning', async () => {
    const f = w('np2.csv', data);
    const t = w('typ.csv', 'province,period,year,participants,target\nGorontalo,2023-12,2026,256129,345000\nMaluku,2023-12,2026,156030,205000\n');
    const r = await run(['coverage', f, '--targets', t, '-f', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('no milestone');
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!['milestone']).not.toBe('');
  });
});

describe('4: two breakdown outputs joined into one targets file', () => {
  // Two Kanwils' own plans, each `breakdown --target N --input FILE --by province -f csv` with its Total row,
  // joined one after the other (the second file's header dropped) as a planner joins them in a spreadsheet.
  const sulama = 'period,province,employed,participants\n2023-12,Gorontalo,631521,256129\n2023-12,Maluku,853254,156030\n';
  const kalimantan = 'period,province,employed,participants\n2023-12,Kalimantan Utara,372270,244207\n2023-12,Kalimantan Barat,2780000,729270\n';
  const data = 'period,province,participants\n2026-06,Gorontalo,270000\n2026-06,Maluku,170000\n2026-06,Kalimantan Utara,255000\n2026-06,Kalimantan Barat,790000\n';
  const join = async (name: string, by = 'province', a = sulama, b = kalimantan): Promise<string> => {
    const ra = await run(['breakdown', '--target', '500000', '--year', '2026', '--input', w(`${name}-a-in.csv`, a), '--by', by, '-f', 'csv', '-q']);
    const rb = await run(['breakdown', '--target', '1100000', '--year', '2026', '--input', w(`${name}-b-in.csv`, b), '--by', by, '-f', 'csv', '-q']);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    return ra.stdout + rb.stdout.slice(rb.stdout.indexOf('\n') + 1);
  };

  it('each part agrees with its own Total: read, the join said (main: refused, each Total checked against all 4 rows)', async () => {
    const text = await join('kw');
    const t = w('joined.csv', text);
    const r = await run(['coverage', w('jun.csv', data), '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // 500,000 (Sulama's two provinces) + 1,100,000 (Kalimantan's two) = 1,600,000.
    expect(total(r.stdout)['target']).toBe('1600000');
    const rows = csvRows(text).filter((x) => x['level'] === 'detail');
    for (const p of ['Gorontalo', 'Maluku', 'Kalimantan Utara', 'Kalimantan Barat']) {
      expect(csvRows(r.stdout).find((x) => x['province'] === p)!['target']).toBe(rows.find((x) => x['province'] === p)!['target']);
    }
    expect(r.stderr).toContain('the file joins 2 reports one after the other, and each total row agrees with the rows of its own part');
    const id = await run(['coverage', w('jun-id.csv', data), '--targets', t, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('berkas ini menggabungkan 2 laporan berurutan');
  });

  it('a part whose rows do not add up to its Total is refused, naming the part and its lines', async () => {
    const text = await join('kw2');
    const lines = text.split('\n');
    // The second part's first row (line 5: header, 2 rows, Total, then it) has its target raised by 1,000.
    const cells = lines[4]!.split(',');
    const ti = lines[0]!.split(',').indexOf('target');
    cells[ti] = String(Number(cells[ti]) + 1000);
    lines[4] = cells.join(',');
    const t = w('joined-bad.csv', lines.join('\n'));
    const r = await run(['coverage', w('jun2.csv', data), '--targets', t, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    // (Column 61: the total row's target cell; refusals of a total name the figure's cell since fx52.)
    expect(r.stderr).toContain('joined-bad.csv:7:61: error: the report\'s total row (level "total") gives target 1,100,000, but the 2 row(s) it totals in its part of the file (lines 5-7, part 2 of the 2 reports the file joins one after the other) add up to 1,101,000 (1,000 less in the total)');
    // The first part is its own: not refused.
    expect(r.stderr).not.toContain('joined-bad.csv:4:');
  });

  it('a row moved into the other part is refused: both parts disagree with their Totals', async () => {
    const text = await join('kw3');
    const lines = text.split('\n');
    // Maluku (line 3) moved after the second part's first row.
    const moved = [lines[0], lines[1], lines[3], lines[4], lines[2], ...lines.slice(5)];
    const t = w('joined-moved.csv', moved.join('\n'));
    const r = await run(['coverage', w('jun3.csv', data), '--targets', t, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('part 1 of the 2 reports');
    expect(r.stderr).toContain('part 2 of the 2 reports');
  });

  it("a Total of each part, then a Total of both: each checked (the last against every row)", async () => {
    const t = w('two-and-grand.csv', 'province,year,target\nGorontalo,2026,300000\nMaluku,2026,200000\nTotal,2026,500000\nKalimantan Utara,2026,270000\nKalimantan Barat,2026,830000\nTotal,2026,1100000\nTotal,2026,1600000\n');
    const r = await run(['coverage', w('jun4.csv', data), '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(total(r.stdout)['target']).toBe('1600000');
    const bad = w('two-and-bad.csv', 'province,year,target\nGorontalo,2026,300000\nMaluku,2026,200000\nTotal,2026,500000\nKalimantan Utara,2026,270000\nKalimantan Barat,2026,830000\nTotal,2026,1100000\nTotal,2026,1700000\n');
    expect((await run(['coverage', w('jun5.csv', data), '--targets', bad, '-f', 'csv'])).code).toBe(3);
  });

  it('a Total repeated on the next line is one report, not a join: read as before, no join said', async () => {
    const t = w('total-twice.csv', 'province,year,target\nGorontalo,2026,300000\nMaluku,2026,200000\nTotal,2026,500000\nTotal,2026,500000\n');
    const r = await run(['coverage', w('jun6.csv', data), '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(total(r.stdout)['target']).toBe('500000');
    expect(r.stderr).not.toContain('joins');
  });

  it("a PU plan and a BPU plan (breakdown --by segment,province of each), joined, on data of PU and BPU: read, like for like, said so", async () => {
    const pu = 'period,province,segment,employed,participants\n2023-12,Gorontalo,PU,631521,132587\n2023-12,Maluku,PU,853254,86852\n';
    const bpu = 'period,province,segment,employed,participants\n2023-12,Gorontalo,BPU,631521,70001\n2023-12,Maluku,BPU,853254,37726\n';
    const a = await run(['breakdown', '--target', '300000', '--year', '2026', '--input', w('pu-in.csv', pu), '--by', 'segment,province', '-f', 'csv', '-q']);
    const b = await run(['breakdown', '--target', '150000', '--year', '2026', '--input', w('bpu-in.csv', bpu), '--by', 'segment,province', '-f', 'csv', '-q']);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const t = w('pu-bpu.csv', a.stdout + b.stdout.slice(b.stdout.indexOf('\n') + 1));
    const f = w('pu-bpu-jun.csv', 'period,province,segment,participants\n2026-06,Gorontalo,PU,140000\n2026-06,Gorontalo,BPU,75000\n2026-06,Maluku,PU,90000\n2026-06,Maluku,BPU,40000\n');
    const r = await run(['coverage', f, '--targets', t, '--by', 'province,segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // 300,000 (PU) + 150,000 (BPU) against 140,000 + 75,000 + 90,000 + 40,000 = 345,000.
    expect(total(r.stdout)['target']).toBe('450000');
    expect(total(r.stdout)['participants']).toBe('345000');
    expect(r.stderr).toContain('the file joins 2 reports one after the other');
    // The targets are PU's and BPU's, as the data (was: "the targets count every segment").
    expect(r.stderr).toContain('the targets are of PU and BPU too, compared like for like');
    expect(r.stderr).not.toContain('the targets count every segment');
  });

  it('province × segment plans with their subtotals, joined: each subtotal checked in its part', async () => {
    const seg = (rows: [string, number, number, number, number][]): string => 'period,province,segment,participants\n' + rows.flatMap(([p, pu, bpu, jakon, pmi]) => [`2023-12,${p},PU,${pu}`, `2023-12,${p},BPU,${bpu}`, `2023-12,${p},JAKON,${jakon}`, `2023-12,${p},PMI,${pmi}`]).join('\n') + '\n';
    const a = seg([['Gorontalo', 132587, 70001, 53473, 68], ['Maluku', 86852, 37726, 31071, 381]]);
    const b = seg([['Kalimantan Utara', 150000, 50000, 43000, 1207]]);
    const text = await join('seg', 'province,segment', a, b);
    expect(csvRows(text).filter((x) => x['level'] === 'total').length).toBe(2);
    const t = w('joined-seg.csv', text);
    const f = w('seg-jun.csv', 'period,province,participants\n2026-06,Gorontalo,270000\n2026-06,Maluku,170000\n2026-06,Kalimantan Utara,255000\n');
    const r = await run(['coverage', f, '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(total(r.stdout)['target']).toBe('1600000');
  });
});

describe('5: a Kanwil row over province targets without one province: its projected gap over the provinces with a target', () => {
  it('Gorontalo and Sulawesi Barat with targets, Maluku without: the sum of their projections against their targets (main: left empty)', async () => {
    const may = w('k-may.csv', 'period,province,participants\n2026-05,Gorontalo,250000\n2026-05,Maluku,150000\n2026-05,Sulawesi Barat,60000\n');
    const june = w('k-june.csv', 'period,province,participants\n2026-06,Gorontalo,256000\n2026-06,Maluku,155000\n2026-06,Sulawesi Barat,61000\n');
    const t = w('k-t.csv', 'province,year,target\nGorontalo,2026,300000\nSulawesi Barat,2026,70000\n');
    const r = await run(['coverage', june, '--previous', may, '--by', 'kanwil', '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const k = csvRows(r.stdout).find((x) => x['kanwil']?.startsWith('Sulawesi Maluku'))!;
    // Target 300,000 + 70,000 = 370,000. Six months left to December 2026, one month of pace each:
    // Gorontalo 256,000 + 6 × 6,000 = 292,000; Sulawesi Barat 61,000 + 6 × 1,000 = 67,000; 359,000 in all.
    expect(k['target']).toBe('370000');
    expect(k['projected_gap']).toBe('11000');
    // 359,000 / 370,000 = 97.0 %: within the 5 % margin.
    expect(k['projected_status']).toBe('at-risk');
    // The projected column stays all three provinces': 472,000 + 6 × 12,000 = 544,000.
    expect(k['projected']).toBe('544000');
    expect(total(r.stdout)['projected_gap']).toBe('11000');
    expect(r.stderr).toContain('Sulawesi Maluku (Sulama) (2 provinces with a target; left out Maluku)');
  });

  it('a province projected above its target nets against one short: the Total says so, as by province', async () => {
    const may = w('n-may.csv', 'period,province,participants\n2026-05,Gorontalo,250000\n2026-05,Maluku,150000\n2026-05,Sulawesi Barat,60000\n');
    const june = w('n-june.csv', 'period,province,participants\n2026-06,Gorontalo,256000\n2026-06,Maluku,155000\n2026-06,Sulawesi Barat,61000\n');
    const t = w('n-t.csv', 'province,year,target\nGorontalo,2026,250000\nSulawesi Barat,2026,70000\n');
    const r = await run(['coverage', june, '--previous', may, '--by', 'kanwil', '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // 250,000 + 70,000 = 320,000 against 292,000 + 67,000 = 359,000: −39,000, will-achieve.
    expect(total(r.stdout)['projected_gap']).toBe('-39000');
    expect(total(r.stdout)['projected_status']).toBe('will-achieve');
    // Gorontalo 42,000 above its 250,000; Sulawesi Barat 3,000 short of its 70,000.
    expect(r.stderr).toContain("the Total's projected gap for 2026-12 (-39,000) is net: of the 2 targets it adds up (per province), 1 is projected above by 42,000 in all, which offsets the 1 projected short by 3,000 in all (Sulawesi Barat 3,000)");
  });
});

describe("6: the coverage bar of a row whose target covers some of its parts is those parts' coverage", () => {
  // Gorontalo with a target, Maluku Utara without: the Kanwil row's coverage is both provinces'
  // (259,971 + 181,372) / (422,934 + 424,131) = 441,343 / 847,065 = 52.10 %; Gorontalo's alone,
  // what its target coverage (300,000 / 422,934 = 70.93 %) is compared with, 259,971 / 422,934 = 61.47 %.
  const data = 'period,province,potential_workers,participants\n2026-06,Gorontalo,422934,259971\n2026-06,Maluku Utara,424131,181372\n';
  const targets = 'province,year,target\nGorontalo,2026,300000\n';

  it('--chart: the bar is 61.47 % (12 of 20 cells), the mark 70.93 %; the coverage column stays 52.10 % (main: a bar of 52.10 %, 10 cells)', async () => {
    const r = await run(['coverage', w('c6.csv', data), '--by', 'kanwil', '--targets', w('t6.csv', targets), '--chart', '-f', 'table', '-q', '--fields', 'kanwil,coverage,target_coverage']);
    expect(r.code, r.stderr).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.startsWith('│ Sulawesi Maluku'))!;
    expect(row).toContain('52.10%');
    // round(0.6147 × 20) = 12 cells filled; the mark at round(0.7093 × 20) − 1 = 13.
    expect(row).toContain('████████████░│░░░░░░');
    expect(r.stderr).toContain('while its bar in the coverage chart (--chart, HTML) is the coverage of those with a target, as its target mark is');
    const id = await run(['coverage', w('c6-id.csv', data), '--by', 'kanwil', '--targets', w('t6-id.csv', targets), '--chart', '-f', 'table', '--lang', 'id']);
    expect(id.stderr).toContain('sedangkan batangnya di grafik cakupan (--chart, HTML) adalah cakupan yang bertarget');
  });

  it('HTML: the bar and its value are 61.47 %; CSV and JSON have no new column', async () => {
    const f = w('c6h.csv', data);
    const t = w('t6h.csv', targets);
    const h = await run(['coverage', f, '--by', 'kanwil', '--targets', t, '-f', 'html', '-q']);
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toContain('<div class="bar-row" title="Sulawesi Maluku (Sulama): 61.47%">');
    const c = await run(['coverage', f, '--by', 'kanwil', '--targets', t, '-f', 'csv', '-q']);
    expect(c.stdout.split('\n')[0]).not.toContain('coverage_with_target');
    const j = await run(['coverage', f, '--by', 'kanwil', '--targets', t, '-f', 'json', '-q']);
    expect(j.stdout).not.toContain('coverage_with_target');
  });
});
