// fx44 item 5 (fx41's note): a row whose targets are of some of its parts (a Kanwil's row over province
// targets without Maluku Utara's) is charted over the parts with a target, as its milestones and target
// are; the coverage bar of all its parts beside a target mark of some is said. Figures by hand.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const cwd = tmp();
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const DATA = `period,province,potential_workers,participants
2026-05,Gorontalo,422934,258000
2026-05,Maluku Utara,424131,180000
2026-06,Gorontalo,422934,259971
2026-06,Maluku Utara,424131,181372
`;
const point = (html: string, what: string): string => new RegExp(`<title>${what}: ([0-9,]+)</title>`).exec(html)?.[1] ?? '';

describe('the chart of a Kanwil row with a target for Gorontalo only', () => {
  it('charts Gorontalo, the part compared (was: Gorontalo and Maluku Utara, 441,343, against Gorontalo\'s path)', async () => {
    writeIn(cwd, 'kw.csv', DATA);
    writeIn(cwd, 't.csv', 'province,year,target\nGorontalo,2026,300000\n');
    const r = await run(['coverage', 'kw.csv', '--by', 'kanwil', '--targets', 't.csv', '-f', 'html', '-o', 'k.html'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(`${cwd}/k.html`, 'utf8');
    // Gorontalo's June: 259,971 (not 259,971 + 181,372 = 441,343); at 1,971 a month (259,971 − 258,000)
    // for the 6 months to December: 259,971 + 6 × 1,971 = 271,797.
    expect(point(html, 'Jun 2026 · actual')).toBe('259,971');
    expect(point(html, 'Dec 2026 · projection at the pace')).toBe('271,797');
    expect(point(html, 'Dec 2026 · target')).toBe('300,000');
    expect(html).toContain('; actual and projection: the 1 of 2 provinces with a target, as the milestones (none for Maluku Utara)');
    // The row's own figures are the run's: its participants are both provinces'.
    expect(html).toMatch(/441,343/);
    // The coverage bar is Gorontalo's, as its target mark is (fx53; was both provinces'), said.
    expect(r.stderr).toContain('its coverage is of all its provinces, while its bar in the coverage chart (--chart, HTML) is the coverage of those with a target, as its target mark is');
  });
});
