// One yardstick for "is a file with no area column national?": at least half the national participants
// of the report's time (39,350,000 of 2025-06 for a 2026-06 report: the line is 19,675,000), for targets
// against a regional report (fx42 used half the year's national target, 35,000,000) as for an input with
// no area column (fx41). A national split of one segment (PU 25,000,000) was read as a Kanwil's own by
// one rule and as national by the other. Expected figures by hand in the comments.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Two of Sulama's provinces by segment: PU 240,000, BPU 160,000.
const seg = writeIn(dir, 'sulama-seg.csv', 'period,province,segment,participants\n2026-06,Gorontalo,PU,150000\n2026-06,Gorontalo,BPU,100000\n2026-06,Maluku,PU,90000\n2026-06,Maluku,BPU,60000\n');
// A national split of the PU segment alone: 25,000,000 ≥ 39,350,000 / 2 = 19,675,000, under 70,000,000 / 2.
const pu = writeIn(dir, 'pu-national.csv', 'segment,year,target\nPU,2026,25000000\n');
const noArea = writeIn(dir, 'seg-no-area.csv', 'period,segment,participants\n2026-06,PU,26000000\n2026-06,BPU,9500000\n');

describe('one yardstick for national targets without an area column', () => {
  it("a national PU split of 25,000,000 against a Kanwil's report is refused (main: read as the Kanwil's own, PU target 25,000,000 for 240,000, exit 0)", async () => {
    const r = await run(['coverage', seg, '--by', 'segment', '--targets', pu, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('its one target per segment (25,000,000) is a national target; this report covers Kanwil Sulawesi Maluku (Sulama): 2 of 8 provinces, and its participants are not compared with it (it is at least half the national participants, 39,350,000 of 2025-06 in data/actuals.csv');
  });

  it('the same file meets an input with no area column as national targets (both rules agree)', async () => {
    // 35,500,000 participants with no area column against the national targets of pu-national.csv.
    const r = await run(['coverage', noArea, '--by', 'segment', '--targets', pu, '-f', 'csv']);
    expect(r.stderr).toContain('against the national targets of');
    expect(r.stderr).toContain('(25,000,000 in all)');
  });

  it('the line is 19,675,000 for a 2026-06 report: 19,675,000 refused, 19,674,999 read as the scope\'s own (said)', async () => {
    const at = writeIn(dir, 'line.csv', 'year,target\n2026,19675000\n');
    const under = writeIn(dir, 'under.csv', 'year,target\n2026,19674999\n');
    const a = await run(['coverage', seg, '--targets', at, '-f', 'csv']);
    expect(a.code, a.stderr).toBe(3);
    expect(a.stderr).toContain('its one total (19,675,000) is a national target');
    // Under the line it is no national target, but above the two provinces' whole employed (1,484,775):
    // no plan of theirs (rv31 V1); against potential workers of 20,000,000 of their own, their own.
    const o = await run(['coverage', seg, '--targets', under, '-f', 'csv']);
    expect(o.code, o.stderr).toBe(3);
    expect(o.stderr).toContain('the target of the Total (19,674,999) is above its whole employed (1,484,775)');
    const big = writeIn(dir, 'big.csv', 'period,province,potential_workers,participants\n2026-06,Gorontalo,10000000,250000\n2026-06,Maluku,10000000,150000\n');
    const u = await run(['coverage', big, '--targets', under, '-f', 'csv']);
    expect(u.code, u.stderr).toBe(0);
    expect(u.stderr).toContain("its one total (19,674,999) is taken as this report's scope's, Kanwil Sulawesi Maluku (Sulama): 2 of 8 provinces, being under half the national 39,350,000 participants of 2025-06 (data/actuals.csv");
  });
});
