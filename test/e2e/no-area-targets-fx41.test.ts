// fx41 (fx36's note): an input with no area column against a --targets file with none. The national check
// of rv28 R4 (no-area.ts) met only the tool's own national figures (--year, the bundled denominators); a
// Kanwil's recap with its own denominators (a column, or --workforce) was set against the national segment
// targets of `breakdown --year 2026 --by segment` in silence: 3,260,000 participants against 70,000,000,
// "target coverage" 564 %. Now targets with no area column whose total is at least half the national
// participants of the time are national targets, and the input is checked against them as against --year.
// Expected figures by hand in the comments.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// National segment targets as `breakdown --year 2026 --by segment` writes them: 41,328,070 + 15,478,826 +
// 12,396,536 + 796,568 = 70,000,000 (at least half of the national 39,350,000 of 2025-06: national-sized).
const national = writeIn(dir, 'seg.csv', 'segment,period,year,participants,target,level\nPU,2023-12,2026,24292127,41328070,detail\nBPU,2023-12,2026,9098262,15478826,detail\nJAKON,2023-12,2026,7286530,12396536,detail\nPMI,2023-12,2026,468213,796568,detail\nTotal,,2026,41145132,70000000,total\n');
// A Kanwil's June 2026 recap, no area column: 2,000,000 + 800,000 + 450,000 + 10,000 = 3,260,000 participants,
// 3,260,000 × 2 = 6,520,000 < 39,350,000 (data/actuals.csv, BPJS's own newest before 2026-06).
const recap = writeIn(dir, 'recap.csv', 'period,segment,participants\n2026-06,PU,2000000\n2026-06,BPU,800000\n2026-06,JAKON,450000\n2026-06,PMI,10000\n');
const wf = writeIn(dir, 'wf.csv', 'segment,employed\nPU,4000000\nBPU,4000000\nJAKON,4000000\nPMI,400000\n');
// The same recap with its own denominator column (per segment, so not the area's figure on every row).
const recapOwn = writeIn(dir, 'recap-own.csv', 'period,segment,participants,employed\n2026-06,PU,2000000,4000000\n2026-06,BPU,800000,3000000\n2026-06,JAKON,450000,2000000\n2026-06,PMI,10000,400000\n');
// A national recap: 26,000,000 + 9,500,000 + 7,000,000 + 500,000 = 43,000,000 (over half of 39,350,000).
const nat = writeIn(dir, 'nat.csv', 'period,segment,participants\n2026-06,PU,26000000\n2026-06,BPU,9500000\n2026-06,JAKON,7000000\n2026-06,PMI,500000\n');
const natWf = writeIn(dir, 'nat-wf.csv', 'segment,employed\nPU,60000000\nBPU,70000000\nJAKON,9000000\nPMI,1000000\n');
// The Kanwil's own targets per segment: 3,000,000 + 1,500,000 + 500,000 + 100,000 = 5,100,000 (a region's size).
const own = writeIn(dir, 'own.csv', 'segment,year,target\nPU,2026,3000000\nBPU,2026,1500000\nJAKON,2026,500000\nPMI,2026,100000\n');
const REGION = "seg.csv (70,000,000 in all); but its 3,260,000 participants of 2026-06 are under half the national 39,350,000 of 2025-06";

describe('fx41: national --targets against an input with no area column', () => {
  it('--workforce: refused (main: Total target 70,000,000 for 3,260,000 participants, exit 0)', async () => {
    const r = await run(['coverage', recap, '--by', 'segment', '--targets', national, '--workforce', wf, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("error: the input has no area column (province, regency or kanwil), so it would be taken as the whole country's, against the national targets of ");
    expect(r.stderr).toContain(REGION);
    expect(r.stderr).toContain('hint: add a kanwil or province column naming its area');
  });

  it('its own denominator column: refused the same', async () => {
    const r = await run(['coverage', recapOwn, '--by', 'segment', '--targets', national, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(REGION);
  });

  it('a compared plan of national size: refused the same', async () => {
    const r = await run(['coverage', recap, '--by', 'segment', '--targets', own, '--compare-targets', national, '--workforce', wf, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(REGION);
  });

  it('a national recap by segment is compared with them, and it is said (Total target 70,000,000, target coverage 70,000,000 / 140,000,000 = 0.5)', async () => {
    const r = await run(['coverage', nat, '--by', 'segment', '--targets', national, '--workforce', natWf, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const total = r.stdout.split('\n').find((l) => l.startsWith('Total,'))!.split(',');
    expect(total.slice(0, 7)).toEqual(['Total', '140000000', '43000000', '0.307143', '97000000', '70000000', '0.5']);
    expect(r.stderr).toContain("nat.csv has no area column (province, regency or kanwil): it is taken as the whole country's, against the national targets of ");
    expect(r.stderr).toContain("seg.csv (70,000,000 in all) (its 43,000,000 participants of 2026-06; the national 39,350,000 of 2025-06");
  });

  it("the Kanwil's own targets (5,100,000, under half the national participants) are its own frame: compared, nothing said", async () => {
    const r = await run(['coverage', recap, '--by', 'segment', '--targets', own, '--workforce', wf, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').find((l) => l.startsWith('Total,'))!.split(',')[5]).toBe('5100000');
    expect(r.stderr).not.toContain('no area column');
  });
});
