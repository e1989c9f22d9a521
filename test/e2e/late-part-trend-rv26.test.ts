// rv26 F8: a regency late under a province that reported. Its change and pace were like for like, but
// the trend's month columns, the Kanwil's chart and the province's sparkline kept the late city in the
// earlier months and not in the month reported: a fall that is one late file. A province late as a whole
// is out of every month of the Total; a late regency is now out of every month of its row (and of the
// rows over it) in the same way. Expected figures by hand in the comments.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Sulawesi Utara by province; Maluku by province, late in September; Gorontalo by regency and city,
// Kota Gorontalo late in September.
const provinces = writeIn(dir, 'provinces.csv', 'period,province,participants\n2024-07,Sulawesi Utara,599000\n2024-08,Sulawesi Utara,599440\n2024-09,Sulawesi Utara,600000\n2024-07,Maluku,154000\n2024-08,Maluku,154625\n');
const gorontalo = writeIn(
  dir,
  'gorontalo.csv',
  'period,province,regency,participants\n' +
    '2024-07,Gorontalo,Kota Gorontalo,58000\n2024-08,Gorontalo,Kota Gorontalo,58885\n' +
    '2024-07,Gorontalo,Kabupaten Boalemo,32000\n2024-08,Gorontalo,Kabupaten Boalemo,32118\n2024-09,Gorontalo,Kabupaten Boalemo,32200\n' +
    '2024-07,Gorontalo,Kabupaten Gorontalo,119000\n2024-08,Gorontalo,Kabupaten Gorontalo,120000\n2024-09,Gorontalo,Kabupaten Gorontalo,120900\n',
);
const row = (stdout: string, name: string): Record<string, string> => csvRows(stdout).find((x) => x.province === name)!;

describe('rv26 F8: a late regency is out of every month of the trend, as a late province is', () => {
  it('the trend columns: Gorontalo and the Total over the parts reported in September (main: Gorontalo 209,000 | 211,003 | 153,100)', async () => {
    const r = await run(['coverage', provinces, gorontalo, '--year', '2024', '--trend', '-q', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // By hand, Gorontalo without Kota Gorontalo: Jul 32,000 + 119,000 = 151,000; Aug 32,118 + 120,000 =
    // 152,118; Sep 32,200 + 120,900 = 153,100; change 982.
    const g = row(r.stdout, 'Gorontalo');
    expect([g['2024-07'], g['2024-08'], g['2024-09'], g.change]).toEqual(['151000', '152118', '153100', '982']);
    // The Total: Sulawesi Utara + Gorontalo's parts reported now, Maluku (late) out of every month:
    // Jul 599,000 + 151,000 = 750,000; Aug 599,440 + 152,118 = 751,558; Sep 600,000 + 153,100 = 753,100;
    // change 560 + 982 = 1,542.
    const t = row(r.stdout, 'Total');
    expect([t['2024-07'], t['2024-08'], t['2024-09'], t.change]).toEqual(['750000', '751558', '753100', '1542']);
  });

  it("the HTML: the Kanwil's line rises from August to September, and no sparkline is drawn as falling (main: Gorontalo's orange)", async () => {
    const r = await run(['coverage', provinces, gorontalo, '--year', '2024', '-q', '-f', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Aug 2024 · actual: 751,558');
    expect(r.stdout).toContain('Sep 2024 · actual: 753,100');
    expect(r.stdout).not.toContain('stroke="#c05621"');
  });

  it('the late city is still named, and the change is still like for like', async () => {
    const r = await run(['coverage', provinces, gorontalo, '--year', '2024', '-f', 'csv']);
    expect(r.stderr).toContain('Gorontalo / Kota Gorontalo (last seen 2024-08)');
    expect(r.stderr).toContain('Maluku (last seen 2024-08)');
  });
});
