// Review rv13 F5: a --sort no row can be sorted by is refused when typed, and left aside with a warning
// when a config file sets it. Orders expected below are read by hand from the inputs.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const JUNE = `province_code,province,period,workforce,participants
51,Bali,2024-06,10000,5000
52,Nusa Tenggara Barat,2024-06,10000,3000
11,Aceh,2024-06,10000,4000
12,Sumatera Utara,2024-06,10000,2000
`;
// May: Bali +100 to June, NTB +400, Aceh +50, Sumut +300 (change in June: 100, 400, 50, 300).
const MAY = `province_code,province,period,workforce,participants
51,Bali,2024-05,10000,4900
52,Nusa Tenggara Barat,2024-05,10000,2600
11,Aceh,2024-05,10000,3950
12,Sumatera Utara,2024-05,10000,1700
`;

describe('rv13 F5: --sort by a figure of several months on one month', () => {
  for (const key of ['change', 'coverage_change_pp', 'pace', 'projected']) {
    it(`--sort ${key} --top 2 -q on one month is refused (exit 2), nothing written`, async () => {
      const f = writeIn(tmp(), 'june.csv', JUNE);
      const r = await run(['coverage', f, '--sort', key, '--top', '2', '-q', '-f', 'csv']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/--sort would have no effect: it sorts by .*only one month is known \(2024-06\)/);
    });
  }

  it('with two months --sort change sorts by the change (lowest first: Aceh 50, Bali 100, Sumut 300, NTB 400)', async () => {
    const dir = tmp();
    const r = await run(['coverage', writeIn(dir, 'may.csv', MAY), writeIn(dir, 'june.csv', JUNE), '--sort', 'change', '-f', 'csv', '--fields', 'province,change']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).map((x) => `${x['province']} ${x['change']}`)).toEqual(['Aceh 50', 'Bali 100', 'Sumatera Utara 300', 'Nusa Tenggara Barat 400', 'Total 850']);
  });
});

describe('rv13 F5: a config file\'s sort that cannot be done is said, even under --quiet', () => {
  it('"sort": "gap" with no targets: a warning, the rows in input order, exit 0', async () => {
    const dir = tmp();
    const cfg = writeIn(dir, 'cfg7.json', '{"sort":"gap","top":2}');
    const r = await run(['coverage', writeIn(dir, 'june.csv', JUNE), '--config', cfg, '-q', '-f', 'csv', '--fields', 'province,coverage']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).map((x) => x['province'])).toEqual(['Bali', 'Nusa Tenggara Barat', 'Total']);
    expect(r.stderr).toBe(`warning: "sort": "gap" in ${cfg} is left aside: it sorts by the gap to target, and this run has no targets; the rows keep the input order\n`);
  });

  it('"sort": "change" on one month: a warning; JSON says no sort and carries the warning', async () => {
    const dir = tmp();
    const cfg = writeIn(dir, 'c.json', '{"sort":"change"}');
    const r = await run(['coverage', writeIn(dir, 'june.csv', JUNE), '--config', cfg, '-f', 'json', '--lang', 'id']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: "sort": "change" di .*c\.json dikesampingkan: opsi ini mengurutkan menurut perubahan sejak bulan sebelumnya, dan hanya satu bulan yang diketahui \(2024-06\)/);
    const j = JSON.parse(r.stdout) as { meta: { shown: { sort: string | null }; notes: { en: string }[] }; rows: { province: string }[] };
    expect(j.meta.shown.sort).toBeNull();
    expect(j.rows.map((x) => x.province)).toEqual(['Bali', 'Nusa Tenggara Barat', 'Aceh', 'Sumatera Utara']);
    expect(j.meta.notes.some((n) => n.en.includes('"sort": "change" in') && n.en.includes('left aside'))).toBe(true);
  });

  it('the same sort on two months is done (no warning)', async () => {
    const dir = tmp();
    const cfg = writeIn(dir, 'c.json', '{"sort":"change"}');
    writeIn(dir, 'may.csv', MAY);
    writeIn(dir, 'june.csv', JUNE);
    const ok = await run(['coverage', join(dir, 'may.csv'), join(dir, 'june.csv'), '--config', cfg, '-q', '-f', 'csv', '--fields', 'province']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toBe('');
    expect(csvRows(ok.stdout).map((x) => x['province'])).toEqual(['Aceh', 'Bali', 'Sumatera Utara', 'Nusa Tenggara Barat', 'Total']);
  });
});
