// Review rv27 leftovers: a blank or 0 in a denominator column the run does not divide by (F7); the month
// of a title above a --workforce or --targets workbook's header (F6); the yearly-targets hint of the
// milestones note; the scope named by the note of a revision below the path.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Gorontalo's employed blank, Aceh's 0: the other measure of the file, not the run's denominator.
const TWO = 'province,participants,workforce,employed\nGorontalo,256129,422900,\nAceh,583638,1560528,0\n';

describe('rv27 F7: a blank or 0 in a denominator column the run does not divide by is not refused', () => {
  it('coverage divides by workforce: the blank and the 0 of employed are read as no figure, validate lists the column as unused', async () => {
    const f = writeIn(dir, 'two.csv', TWO);
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('leave the row out');
    // By hand: (256,129 + 583,638) / (422,900 + 1,560,528) = 839,767 / 1,983,428 = 0.423392…
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Total')).toMatchObject({ denominator: '1983428', participants: '839767', coverage: '0.423392' });
    const v = await run(['validate', f, '-f', 'csv']);
    expect(v.code, v.stderr).toBe(0);
    expect(csvRows(v.stdout)[0]).toMatchObject({ status: 'ok', unused_columns: 'employed' });
    const b = await run(['breakdown', '--input', f, '--target', '900000', '-f', 'csv', '-q']);
    expect(b.code, b.stderr).toBe(0);
    expect(csvRows(b.stdout).find((x) => x['province'] === 'Total')).toMatchObject({ denominator: '1983428', target: '900000' });
  });

  it('the column the run divides by is still refused at its cell (--denominator employed)', async () => {
    const f = writeIn(dir, 'two-e.csv', TWO);
    const r = await run(['coverage', f, '--denominator', 'employed']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2:25: error: field "employed" is empty`);
    expect(r.stderr).toContain(`${f}:3:21: error: field "employed": Aceh's employed is 0`);
    expect(r.stdout).toBe('');
    // A column the rule reads (--basis employed) is read too: refused likewise.
    const b = await run(['breakdown', '--input', f, '--target', '900000', '--basis', 'employed']);
    expect(b.code).toBe(3);
    expect(b.stderr).toContain(`${f}:2:25: error: field "employed" is empty`);
  });

  it('--denominator potential_workers: a blank and a 0 of workforce are not refused', async () => {
    const f = writeIn(dir, 'pw.csv', 'province,participants,workforce,potential_workers\nGorontalo,256129,,422900\nAceh,583638,0,1560528\n');
    const r = await run(['coverage', f, '--denominator', 'potential_workers', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Total')).toMatchObject({ denominator: '1983428', participants: '839767' });
  });

  it("--workforce gives the denominators: the file's own workforce column, blank and 0, is not refused", async () => {
    const f = writeIn(dir, 'own.csv', 'province,participants,workforce\nGorontalo,256129,\nAceh,583638,0\n');
    const wf = writeIn(dir, 'wf.csv', 'province,employed\nGorontalo,631521\nAceh,2450000\n');
    const r = await run(['coverage', f, '--denominator', 'employed', '--workforce', wf, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    // By hand: 839,767 / (631,521 + 2,450,000) = 839,767 / 3,081,521 = 0.272517…
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Total')).toMatchObject({ denominator: '3081521', participants: '839767', coverage: '0.272517' });
  });
});
