// rv31 V8: period cells written the Indonesian way ("Juni 2026", "Jun 2026", "Jun-26" as Excel writes
// mmm-yy, "30/06/2026") were refused as "not a month", while title rows read such months. Now read as
// their month and said in a note; a date that could be dd/mm or mm/dd ("01/06/2026") and a 2-digit year
// after a space ("Juni 26": the 26th?) stay refused with the hint. Failed on main at 5ba02b9.
import { describe, expect, it } from 'vitest';
import { writtenMonth } from '../../src/core/calendar.js';
import { csvRows, run, tmp, writeIn } from './helpers.js';

describe('period cells written with month names or dd/mm/yyyy (rv31 V8)', () => {
  const dir = tmp();
  const file = (name: string, period: string): string => writeIn(dir, name, `period,province,potential_workers,participants\n${period},Gorontalo,422934,259971\n${period},Maluku,485724,155094\n`);

  it.each([
    ['Juni 2026', 'a.csv'],
    ['Jun 2026', 'b.csv'],
    ['Jun-26', 'c.csv'],
    ['Pebruari 2026', 'd.csv'],
    ['Des. 2025', 'e.csv'],
  ])('"%s" is read as its month, said in a note', async (period, name) => {
    const f = file(name, period);
    const r = await run(['coverage', f, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const month = writtenMonth(period) as { period: string };
    expect(JSON.parse(r.stdout).meta.period).toBe(month.period);
    expect(r.stderr).toContain(`note: ${f}: its period values are written with month names, each read as its month (${period} → ${month.period}`);
  });

  it('the months by hand: Juni 2026 and Jun-26 are 2026-06, Pebruari 2026 is 2026-02, Des. 2025 is 2025-12', () => {
    expect(writtenMonth('Juni 2026')).toEqual({ period: '2026-06', form: 'name' });
    expect(writtenMonth('Jun-26')).toEqual({ period: '2026-06', form: 'name' });
    expect(writtenMonth('Pebruari 2026')).toEqual({ period: '2026-02', form: 'name' });
    expect(writtenMonth('Des. 2025')).toEqual({ period: '2025-12', form: 'name' });
    expect(writtenMonth('September 2026')).toEqual({ period: '2026-09', form: 'name' });
    expect(writtenMonth('30/06/2026')).toEqual({ period: '2026-06', form: 'date' });
    expect(writtenMonth('31/06/2026')).toBeUndefined(); // no 31 June
    expect(writtenMonth('01/06/2026')).toEqual({ ambiguous: true });
    expect(writtenMonth('Juni 26')).toBeUndefined();
    expect(writtenMonth('Foo 2026')).toBeUndefined();
  });

  it('"30/06/2026" (dd/mm/yyyy) is 2026-06, said as a date; the rows add up (259,971 + 155,094 = 415,065)', async () => {
    const f = file('dmy.csv', '30/06/2026');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['level'] === 'total')!['participants']).toBe('415065');
    expect(r.stderr).toContain(`note: ${f}: its period values are dates, each taken as its month (30/06/2026 → 2026-06)`);
  });

  it('a date that could be dd/mm or mm/dd, and a 2-digit year after a space, stay refused with the hint', async () => {
    const a = await run(['coverage', file('amb.csv', '01/06/2026'), '-f', 'csv']);
    expect(a.code).toBe(3);
    expect(a.stdout).toBe('');
    expect(a.stderr).toContain('error: "01/06/2026" is not a month: it could be dd/mm/yyyy or mm/dd/yyyy');
    expect(a.stderr).toContain('hint: write periods as YYYY-MM, e.g. 2024-06');
    const b = await run(['coverage', file('yy.csv', 'Juni 26'), '-f', 'csv']);
    expect(b.code).toBe(3);
    expect(b.stderr).toContain('error: "Juni 26" is not a month');
  });

  it("the Indonesian export (';', BOM, CRLF, Periode \"Juni 2026\") is read", async () => {
    const f = writeIn(dir, 'id.csv', '\ufeffPeriode;Provinsi;Potensi Pekerja;Peserta Aktif\r\nJuni 2026;Gorontalo;422.934;259.971\r\nJuni 2026;Maluku;485.724;155.094\r\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['level'] === 'total')!['participants']).toBe('415065');
  });
});
