// Review rv21 (odd inputs and options): findings F, B, C and E. Each expected figure is written here by
// hand from the bundled data (data/figures.csv) or the file of the test.
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

describe('rv21 F: participants above the bundled denominator', () => {
  // data/figures.csv: Aceh employed 2,450,000 (Sakernas 2023-08), Bali 2,620,000 (2023-08), DKI Jakarta
  // 5,110,000 (2024-08, a documented exception in data/exceptions.csv).
  const counts = 'period,province,participants\n2023-08,Aceh,3000000\n2023-08,Bali,1000000\n';

  it('is refused as over a file’s own denominator: exit 3, naming the figure, its month and --allow-over-coverage', async () => {
    const d = tmp();
    const f = writeIn(d, 'oc3.csv', counts);
    const r = await run(['coverage', f, '-f', 'csv', '-q']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: participants exceed the employed of data/baseline.csv (the input has no denominator of its own): Aceh: 3,000,000 participants (${f}:2) > 2,450,000 employed of 2023-08\n`);
    expect(r.stderr).toContain('pass --allow-over-coverage if this is real');
    const id = await run(['coverage', f, '-f', 'csv', '--lang', 'id']);
    expect(id.code).toBe(3);
    expect(id.stderr).toContain(`Aceh: 3.000.000 peserta (${f}:2) > 2.450.000 employed per 2023-08`);
    // validate refuses the same file
    expect((await run(['validate', f])).code).toBe(3);
  });

  it('under --allow-over-coverage: the report as before, and a warning that --quiet keeps', async () => {
    const d = tmp();
    const f = writeIn(d, 'oc3.csv', counts);
    const r = await run(['coverage', f, '-f', 'csv', '-q', '--allow-over-coverage', '--fields', 'province,denominator,participants,uncovered']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout)).toEqual([
      { province: 'Aceh', denominator: '2450000', participants: '3000000', uncovered: '-550000', level: 'detail' },
      { province: 'Bali', denominator: '2620000', participants: '1000000', uncovered: '1620000', level: 'detail' },
      { province: 'Total', denominator: '5070000', participants: '4000000', uncovered: '1070000', level: 'total' },
    ]);
    expect(r.stderr).toContain(`warning: participants above the employed of data/baseline.csv, let through by --allow-over-coverage: Aceh: 3,000,000 participants (${f}:2) > 2,450,000 employed of 2023-08;`);
    // said once: not again in the note of rows above their denominator
    expect(r.stderr).not.toContain('note: participants above the denominator');
  });

  it('a documented exception (DKI Jakarta) stays as it was: reported, with its note', async () => {
    const d = tmp();
    const f = writeIn(d, 'dki.csv', 'period,province,participants\n2024-08,DKI Jakarta,9000000\n2024-08,Bali,1000000\n');
    const r = await run(['coverage', f, '-f', 'csv', '--fields', 'province,denominator,participants,uncovered']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout)[0]).toEqual({ province: 'DKI Jakarta', denominator: '5110000', participants: '9000000', uncovered: '-3890000', level: 'detail' });
    expect(r.stderr).toContain('note: participants above the denominator: DKI Jakarta\n');
  });

  it('a --workforce file’s figure is held to the same rule', async () => {
    const d = tmp();
    const f = writeIn(d, 'counts.csv', 'period,province,participants\n2024-06,Gorontalo,500000\n');
    const w = writeIn(d, 'wf.csv', 'period,province,workforce\n2024-06,Gorontalo,422900\n');
    const r = await run(['coverage', f, '--workforce', w, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`Gorontalo: 500,000 participants (${f}:2) > 422,900 workforce of 2024-06`);
  });
});
