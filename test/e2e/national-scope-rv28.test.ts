// rv28 R1, R2, R24: targets and inputs with no area column, and a file by Kanwil.
// R1/R2: targets with no area column (a `breakdown --by segment` file, one national total) are national
// targets; a report of some areas only (a Kanwil's provinces) was set against them in silence (3.26 M
// participants against 70 M, target coverage 598 %). Now refused (exit 3), naming the file, its total, the
// report's scope and the way to targets of that scope. A national report takes them as before.
// R24: a file with one row per Kanwil got DKI Jakarta's "target below published" warning and the scope
// "1 regional office". Expected figures by hand in the comments.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Two of Sulama's 8 provinces (Gorontalo 75, Maluku 81) by segment: 150,000 + 100,000 + 90,000 + 60,000 = 400,000.
const seg = writeIn(dir, 'sulama-seg.csv', 'period,province,segment,participants\n2026-06,Gorontalo,PU,150000\n2026-06,Gorontalo,BPU,100000\n2026-06,Maluku,PU,90000\n2026-06,Maluku,BPU,60000\n');
// National segment targets (no area column): 41,328,070 + 15,478,826 = 56,806,896.
const segTargets = writeIn(dir, 'seg-targets.csv', 'segment,year,target\nPU,2026,41328070\nBPU,2026,15478826\n');
// One national total, no key column at all.
const total = writeIn(dir, 'national-only.csv', 'year,target\n2026,70000000\n');
const totalNoYear = writeIn(dir, 'national-only-noyear.csv', 'target\n70000000\n');

describe('rv28 R1: national segment targets against a Kanwil report', () => {
  it('--by segment: refused, naming the file, its total, the scope and the hint (main: PU target 41,328,070 for 240,000 participants, exit 0)', async () => {
    const r = await run(['coverage', seg, '--by', 'segment', '--targets', segTargets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error: the targets of \S*seg-targets.csv \(sha256 /);
    expect(r.stderr).toContain('have no area column (province, regency or kanwil): its 2 targets per segment (56,806,896 in all) are national targets; this report covers Kanwil Sulawesi Maluku (Sulama): 2 of 8 provinces');
    expect(r.stderr).toContain('hint: give targets for this scope: e.g. jamsostek breakdown --year 2026 --by province,segment -o targets-2026.csv, then --targets targets-2026.csv');
    expect(r.stderr).toContain('or --year 2026, which takes this scope');
  });

  it('--by province (the default) and --by province,segment alike: refused (main: Total target 56,806,896 for 400,000)', async () => {
    for (const by of [[], ['--by', 'province,segment']]) {
      const r = await run(['coverage', seg, ...by, '--targets', segTargets, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain('are national targets; this report covers Kanwil Sulawesi Maluku (Sulama): 2 of 8 provinces');
    }
  });

  it('Indonesian words under --lang id', async () => {
    const r = await run(['coverage', seg, '--by', 'segment', '--targets', segTargets, '-f', 'csv', '--lang', 'id']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('adalah target nasional; laporan ini mencakup Kanwil Sulawesi Maluku (Sulama): 2 dari 8 provinsi');
  });

  it('a national report (the bundled baseline, 38 provinces) takes them: Total target 56,806,896', async () => {
    const r = await run(['coverage', '--by', 'segment', '--targets', segTargets, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const t = r.stdout.split('\n').find((l) => l.startsWith('Total,'))!.split(',');
    expect(t[5]).toBe('56806896');
  });
});

describe('rv28 R2: one national total (no key column) against a Kanwil report', () => {
  it('refused with its total and the scope (main: Total target 70,000,000 for 400,000, and "targets are given per :")', async () => {
    const r = await run(['coverage', seg, '--targets', total, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('have no key column at all: its one total (70,000,000) is a national target; this report covers Kanwil Sulawesi Maluku (Sulama): 2 of 8 provinces');
    expect(r.stderr).toContain('e.g. jamsostek breakdown --year 2026 --by province -o targets-2026.csv');
    expect(r.stderr).not.toMatch(/per :|--by {2}/);
  });

  it('without a year column, with --year 2026: refused alike', async () => {
    const r = await run(['coverage', seg, '--targets', totalNoYear, '--year', '2026', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('its one total (70,000,000) is a national target');
  });

  it('a national report takes it in its Total, and the warning names no empty grain', async () => {
    const r = await run(['coverage', '--targets', total, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const t = r.stdout.split('\n').find((l) => l.startsWith(',Total,'))!.split(',');
    expect(t[6]).toBe('70000000');
    expect(r.stderr).toContain('warning: the targets are one total (the targets file has no key column): a report by province shows it only in the Total, on no other row');
    expect(r.stderr).not.toMatch(/per :|--by {2}/);
  });
});

describe('rv28 R24: a file with one row per Kanwil', () => {
  // Sulama's 8 provinces' figures as one row (7,301,061 potential workers, 3,264,879 participants).
  const kanwil = writeIn(dir, 'kanwil-level.csv', 'period,kanwil,potential_workers,participants\n2026-06,Sulama,7301061,3264879\n');

  it("is scoped as the Kanwil's 8 provinces, and hears nothing of DKI Jakarta (main: \"1 regional office\", DKI's warning)", async () => {
    const r = await run(['coverage', kanwil, '--by', 'kanwil', '--year', '2026', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const meta = JSON.parse(r.stdout).meta;
    expect(meta.scopeText).toEqual({ en: 'Kanwil Sulawesi Maluku (Sulama): 8 provinces', id: 'Kanwil Sulawesi Maluku (Sulama): 8 provinsi' });
    expect(r.stderr).not.toContain('DKI Jakarta');
    expect(meta.notes.filter((n: { code: string }) => n.code === 'below-later-actual' || n.code === 'held')).toEqual([]);
    // The Kanwil's target is its row of breakdown --year 2026 --by kanwil (rv31 V7: planned on the Kanwil
    // grid, no longer its 8 provinces' added up, 5,567,655): 3,124,726 today + 28,854,868 × 8,585,359 /
    // 101,406,671 (Sulama's uncovered of the 10 Kanwil's not held) = 3,124,726 + 2,442,930.02 → 5,567,656.
    expect(JSON.parse(r.stdout).totals.target).toBe(5567656);
  });
});

describe('rv28 R4: an input with no area column is taken as national: said, and refused when plainly a region\'s', () => {
  // Sulama's June 2026 recap per segment, no province column: 1,958,927 + 979,463 + 261,191 + 65,298 = 3,264,879
  // participants, under half of the national 39,350,000 of 2025-06 (data/actuals.csv, BPJS's own newest
  // before 2026-06; the disputed 48,640,000 of 2025-12 is left out): 3,264,879 × 2 = 6,529,758 < 39,350,000.
  const recap = writeIn(dir, 'sulama-segonly.csv', 'period,segment,participants\n2026-06,PU,1958927\n2026-06,BPU,979463\n2026-06,JAKON,261191\n2026-06,PMI,65298\n');
  // A national recap: 26,000,000 + 9,500,000 + 7,000,000 + 500,000 = 43,000,000 (over half of 39,350,000).
  const national = writeIn(dir, 'national-seg.csv', 'period,segment,participants\n2026-06,PU,26000000\n2026-06,BPU,9500000\n2026-06,JAKON,7000000\n2026-06,PMI,500000\n');
  const REGION = "its 3,264,879 participants of 2026-06 are under half the national 39,350,000 of 2025-06 (data/actuals.csv: BPJS Ketenagakerjaan: bisnis-2025-06): it is almost certainly a region's";

  it('breakdown --year: refused (main: the national 70,000,000 split over 3,264,879, PU 41,999,991)', async () => {
    const r = await run(['breakdown', '--year', '2026', '--input', recap, '--by', 'segment', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("error: the input has no area column (province, regency or kanwil), so it would be taken as the whole country's, against the national target; but " + REGION);
    // rv31 V15: the ways that work for breakdown (a kanwil column led to the next refusal).
    expect(r.stderr).toContain("hint: give its own total with --target N (jamsostek breakdown --target N --year 2026 --input");
  });

  it('coverage --year and coverage on the bundled denominators: refused (main: coverage 2.33 % of the national 140,163,271 employed)', async () => {
    const y = await run(['coverage', recap, '--by', 'segment', '--year', '2026', '-f', 'csv']);
    expect(y.code, y.stderr).toBe(3);
    expect(y.stderr).toContain('against the national target; but ' + REGION);
    const d = await run(['coverage', recap, '--by', 'segment', '-f', 'csv']);
    expect(d.code, d.stderr).toBe(3);
    expect(d.stderr).toContain('against the national denominators; but ' + REGION);
  });

  it('with a kanwil column the same figures are the Kanwil\'s: Total target 5,567,656, its row of breakdown --by kanwil,segment', async () => {
    // The whole Kanwil by segment is planned on breakdown's kanwil × segment grid (the lead, after fx47):
    // 3,124,726 today + 28,854,868 × 8,585,359 / 101,406,671 = 5,567,656.02 → 5,567,656.
    const k = writeIn(dir, 'sulama-kanwil-seg.csv', 'period,kanwil,segment,participants\n2026-06,Sulama,PU,1958927\n2026-06,Sulama,BPU,979463\n2026-06,Sulama,JAKON,261191\n2026-06,Sulama,PMI,65298\n');
    const r = await run(['coverage', k, '--by', 'segment', '--year', '2026', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').find((l) => l.startsWith('Total,'))!.split(',')[5]).toBe('5567656');
    expect(r.stderr).not.toContain('no area column');
  });

  it('a national recap (43,000,000) is taken as national, and says so even under --quiet (main: not a word)', async () => {
    const r = await run(['breakdown', '--year', '2026', '--input', national, '--by', 'segment', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("national-seg.csv has no area column (province, regency or kanwil): it is taken as the whole country's, against the national target (its 43,000,000 participants of 2026-06; the national 39,350,000 of 2025-06");
    // 70,000,000 over 43,000,000 participants: the Total is the national target.
    expect(r.stdout.split('\n').find((l) => l.startsWith('Total,'))!.split(',')[9]).toBe('70000000');
    const c = await run(['coverage', national, '--by', 'segment', '-f', 'json', '-q']);
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout).meta.notes.find((n: { code: string }) => n.code === 'taken-national')).toMatchObject({ kind: 'warning' });
    expect(c.stderr).toContain('against the bundled baseline\'s national denominators');
  });

  it('its own total (--target N) is no national figure: not refused, nothing said', async () => {
    const r = await run(['breakdown', '--target', '5567655', '--year', '2026', '--input', recap, '--by', 'segment', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('no area column');
  });
});
