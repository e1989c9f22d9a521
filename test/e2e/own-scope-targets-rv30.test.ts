// rv30 T2: targets without an area column are national only when they plausibly are (at least half the
// national participants of the report's time: 39,350,000 of 2025-06 for 2026-06; the line was half the
// year's national target, 70,000,000, until one yardstick: national-yardstick.test.ts); smaller ones are the report's
// scope's own, read and said. fx36 (rv28 R1, R2) refused them all as "national targets": a Kanwil's own
// segment targets, per-branch (cabang) targets and breakdown --target N's own output of a Kanwil file.
// Expected figures by hand in the comments.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Two of Sulama's 8 provinces by segment: PU 150,000 + 90,000 = 240,000; BPU 100,000 + 60,000 = 160,000; 400,000 in all.
const seg = writeIn(dir, 'sulama-seg.csv', 'period,province,segment,participants\n2026-06,Gorontalo,PU,150000\n2026-06,Gorontalo,BPU,100000\n2026-06,Maluku,PU,90000\n2026-06,Maluku,BPU,60000\n');
// The Kanwil's own plan by segment: 300,000 + 200,000 = 500,000 (under half of 39,350,000).
const own = writeIn(dir, 'own-seg-targets.csv', 'segment,year,target\nPU,2026,300000\nBPU,2026,200000\n');
// Gorontalo by branch office, and the branches' targets (no province column): 230,000 + 70,000 = 300,000.
const cab = writeIn(dir, 'cab.csv', 'period,province,cabang,participants\n2026-06,Gorontalo,Gorontalo,200000\n2026-06,Gorontalo,Limboto,59971\n');
const cabTargets = writeIn(dir, 'cab-targets.csv', 'cabang,year,target\nGorontalo,2026,230000\nLimboto,2026,70000\n');
const row = (csv: string, first: string): string[] => csv.split('\n').find((l) => l.startsWith(`${first},`))!.split(',');
const NOTE = "are taken as this report's scope's, Kanwil Sulawesi Maluku (Sulama): 2 of 8 provinces, being under half the national 39,350,000 participants of 2025-06 (data/actuals.csv: BPJS Ketenagakerjaan: bisnis-2025-06)";

describe("rv30 T2: a region's own targets without an area column are read (main: refused as national, exit 3)", () => {
  it("a Kanwil's own segment,target file (500,000): PU 240,000 / 300,000 = 0.8, BPU 160,000 / 200,000 = 0.8, said even under --quiet", async () => {
    const r = await run(['coverage', seg, '--by', 'segment', '--targets', own, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(row(r.stdout, 'PU')[5]).toBe('300000');
    expect(row(r.stdout, 'PU')[8]).toBe('0.8');
    expect(row(r.stdout, 'BPU')[8]).toBe('0.8');
    expect(row(r.stdout, 'Total')[5]).toBe('500000');
    expect(r.stderr).toContain('its 2 targets per segment (500,000 in all) ' + NOTE);
    const j = await run(['coverage', seg, '--by', 'segment', '--targets', own, '-f', 'json', '-q']);
    expect(JSON.parse(j.stdout).meta.notes.find((n: { code: string }) => n.code === 'targets-own-scope')).toMatchObject({ kind: 'warning' });
  });

  it('per-branch targets (cabang,target): Gorontalo 200,000 / 230,000 = 0.869565, Limboto 59,971 / 70,000 = 0.856729', async () => {
    const r = await run(['coverage', cab, '--by', 'cabang', '--targets', cabTargets, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(row(r.stdout, 'Gorontalo')[8]).toBe('0.869565');
    expect(row(r.stdout, 'Limboto')[8]).toBe('0.856729');
    expect(row(r.stdout, 'Total')[5]).toBe('300000');
    expect(r.stderr).toContain('its 2 targets per cabang (300,000 in all) are taken as this report');
  });

  it("breakdown --target 500000 --input <Kanwil file> --by segment, CSV and JSON, read back: Total 500,000, achievement 400,000 / 500,000 = 0.8", async () => {
    for (const ext of ['csv', 'json']) {
      const out = join(dir, `own-split.${ext}`);
      const b = await run(['breakdown', '--target', '500000', '--year', '2026', '--input', seg, '--by', 'segment', '-o', out, '-q']);
      expect(b.code, b.stderr).toBe(0);
      if (ext === 'json') expect(JSON.parse(readFileSync(out, 'utf8')).meta.scope.kind).toBe('kanwil');
      const r = await run(['coverage', seg, '--by', 'segment', '--targets', out, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      expect(row(r.stdout, 'Total')[5]).toBe('500000');
      expect(row(r.stdout, 'Total')[8]).toBe('0.8');
      expect(r.stderr).toContain('(500,000 in all) ' + NOTE);
    }
  });
});

describe('rv30 T2: national targets stay refused, saying why and naming the kanwil/province-column route', () => {
  it('a national segment split (56,806,896): refused with the national figure and a hint to add a kanwil or province column', async () => {
    const t = writeIn(dir, 'nat-seg.csv', 'segment,year,target\nPU,2026,41328070\nBPU,2026,15478826\n');
    const r = await run(['coverage', seg, '--by', 'segment', '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('(56,806,896 in all) are national targets; this report covers Kanwil Sulawesi Maluku (Sulama): 2 of 8 provinces, and its participants are not compared with them (they are at least half the national participants, 39,350,000 of 2025-06 in data/actuals.csv: BPJS Ketenagakerjaan: bisnis-2025-06; no region holds half the country\'s)');
    expect(r.stderr).toContain('if these are this scope\'s own targets, add a kanwil or province column to them (kanwil,segment,target)');
  });

  it("a JSON file whose meta.scope says national is national whatever its total (20,000,000 under --mode level --min none)", async () => {
    const out = join(dir, 'nat-20m.json');
    const b = await run(['breakdown', '--target', '20000000', '--year', '2026', '--by', 'segment', '--mode', 'level', '--min', 'none', '-o', out, '-q']);
    expect(b.code, b.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).meta.scope.kind).toBe('national');
    const r = await run(['coverage', seg, '--by', 'segment', '--targets', out, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain("(20,000,000 in all) are national targets; this report covers Kanwil Sulawesi Maluku (Sulama): 2 of 8 provinces, and its participants are not compared with them (the file's meta.scope says it is national)");
  });

  it('a 2025 report is judged by the national participants of its time: 31,000,000 refused', async () => {
    const seg25 = writeIn(dir, 'sulama-seg-25.csv', 'period,province,segment,participants\n2025-06,Gorontalo,PU,150000\n2025-06,Maluku,PU,90000\n');
    const t = writeIn(dir, 'nat-25.csv', 'segment,year,target\nPU,2025,31000000\n');
    const r = await run(['coverage', seg25, '--by', 'segment', '--targets', t, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('it is at least half the national participants, 39,350,000 of 2025-06');
  });
});
