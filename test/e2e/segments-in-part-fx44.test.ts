// fx44 item 1: segment rows of some segments only against a denominator of every segment's workers. The
// figures are worked out here by hand from data/baseline.csv (Sakernas employed, 2023-08), never with the
// tool's functions.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const w = (name: string, text: string): string => writeIn(dir, name, text);

// Sulama's eight provinces' employed: 11,710,085. Its PU participants of 2026-06 (a Kanwil recap): 1,958,927;
// all four segments: 1,958,927 + 979,463 + 261,191 + 65,298 = 3,264,879.
const SULAMA = 1_250_000 + 1_547_170 + 4_698_790 + 1_351_640 + 631_521 + 743_010 + 853_254 + 634_700;
// BPU, JAKON and PMI: (9,098,262 + 7,286,530 + 468,213) / 41,145,132 bundled participants = 41.0 % (rv32 W2).
const WORDS = "warning: the input gives participants of PU only, not of BPU, JAKON or PMI (41.0 % of the national participants, data/baseline.csv), and employed (data/baseline.csv) counts the workers of every segment: divided by it, coverage would compare some segments' participants with all workers, so no coverage is shown";

describe('a Kanwil file with one segment row (fx43 found, fx44)', () => {
  it('the Total is not PU over every worker (1,958,927 / 11,710,085 = 16.7 %): no coverage, said', async () => {
    expect(SULAMA).toBe(11_710_085);
    const f = w('kw-pu.csv', 'period,kanwil,segment,participants\n2026-06,Sulama,PU,1958927\n');
    const r = await run(['coverage', f, '--by', 'segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = csvRows(r.stdout).find((x) => x['level'] === 'total')!;
    expect(total['participants']).toBe('1958927');
    expect(total['denominator']).toBe('');
    expect(total['coverage']).toBe('');
    expect(total['uncovered']).toBe('');
    expect(r.stderr).toContain(WORDS);
    // A report of no coverage says nothing of the bundled figures it does not divide by.
    expect(r.stderr).not.toContain('coverage is against the bundled baseline');
    // Kept under --quiet, and in JSON meta.notes.
    expect((await run(['coverage', f, '--by', 'segment', '-f', 'csv', '--quiet'])).stderr).toContain(WORDS);
    const j = await run(['coverage', f, '--by', 'segment', '-f', 'json']);
    expect((JSON.parse(j.stdout) as { meta: { notes: { code?: string }[] } }).meta.notes.some((n) => n.code === 'segments-in-part')).toBe(true);
    const id = await run(['coverage', f, '--by', 'segment', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('input hanya memuat peserta PU, tanpa BPU, JAKON atau PMI');
  });

  it('a province by segment file of PU only: its row has no coverage either (150,000 is not Gorontalo’s all)', async () => {
    const f = w('gor-pu.csv', 'period,province,segment,participants\n2026-06,Gorontalo,PU,150000\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const row = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    expect(row['participants']).toBe('150000');
    expect(row['coverage']).toBe('');
  });

  it("the hint's way works: each segment's own denominator gives PU's coverage, 1,958,927 / 3,500,000", async () => {
    const f = w('kw-pu-den.csv', 'period,kanwil,segment,participants,potential_workers\n2026-06,Sulama,PU,1958927,3500000\n');
    const r = await run(['coverage', f, '--by', 'segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = csvRows(r.stdout).find((x) => x['level'] === 'total')!;
    expect(Number(total['coverage'])).toBeCloseTo(1_958_927 / 3_500_000, 6); // 0.559693
    expect(r.stderr).not.toContain('no coverage is shown');
    // --workforce by segment too: 1,958,927 / 4,000,000.
    const wf = w('wf-seg.csv', 'kanwil,segment,employed\nSulama,PU,4000000\n');
    const g = w('kw-pu2.csv', 'period,kanwil,segment,participants\n2026-06,Sulama,PU,1958927\n');
    const v = await run(['coverage', g, '--by', 'segment', '--workforce', wf, '-f', 'csv']);
    expect(v.code, v.stderr).toBe(0);
    expect(Number(csvRows(v.stdout).find((x) => x['level'] === 'total')!['coverage'])).toBeCloseTo(1_958_927 / 4_000_000, 6);
  });

  it('all four segments: the Total is 3,264,879 / 11,710,085 as before', async () => {
    const f = w('kw-all.csv', 'period,kanwil,segment,participants\n2026-06,Sulama,PU,1958927\n2026-06,Sulama,BPU,979463\n2026-06,Sulama,JAKON,261191\n2026-06,Sulama,PMI,65298\n');
    const r = await run(['coverage', f, '--by', 'segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = csvRows(r.stdout).find((x) => x['level'] === 'total')!;
    expect(Number(total['denominator'])).toBe(SULAMA);
    expect(Number(total['coverage'])).toBeCloseTo(3_264_879 / SULAMA, 6); // 0.278809
  });
});

describe('a province without a segment row the others give (fx44)', () => {
  const rows = (withGorontaloPmi: string): string =>
    'period,province,segment,participants\n' +
    '2026-06,Sulawesi Utara,PU,355498\n2026-06,Sulawesi Utara,BPU,177749\n2026-06,Sulawesi Utara,JAKON,47400\n2026-06,Sulawesi Utara,PMI,11850\n' +
    '2026-06,Gorontalo,PU,150000\n2026-06,Gorontalo,BPU,80000\n2026-06,Gorontalo,JAKON,20000\n' +
    withGorontaloPmi;

  it('is read as 0 and warned, not refused (rv32 W3; fx44 refused it): Gorontalo 250,000 / 631,521', async () => {
    const f = w('two.csv', rows(''));
    for (const cmd of ['coverage', 'validate']) {
      const r = await run([cmd, f, '-f', 'csv', '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain("a province's row holds only the segments in the data: a segment the file gives for other province rows and not for it counts as having no participants there, in its row and the Total: Gorontalo (3 of 4 segments; no row for PMI)");
      expect(r.stderr).not.toContain('but not of PMI');
    }
    const r = await run(['coverage', f, '-f', 'csv', '--quiet']);
    expect(Number(csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!['coverage'])).toBeCloseTo(250_000 / 631_521, 6);
  });

  it("the hint's way works: a PMI row of 0 gives Gorontalo 250,000 / 631,521", async () => {
    const f = w('two0.csv', rows('2026-06,Gorontalo,PMI,0\n'));
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const row = csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')!;
    expect(Number(row['coverage'])).toBeCloseTo(250_000 / 631_521, 6);
  });
});
