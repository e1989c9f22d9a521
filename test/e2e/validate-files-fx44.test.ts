// fx44 item 3: validate lists a --workforce file with the columns the run does not use, and one run lists
// the problems of every file of the run (the input's, --previous's, --workforce's), not one file's at a time.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const w = (name: string, text: string): string => writeIn(dir, name, text);

const EXTRACT = 'period,province,participants\n2024-06,Sulawesi Utara,592497\n2024-06,Gorontalo,259971\n';
const WF = 'province,employed,potential_workers\nSulawesi Utara,1170999,780666\nGorontalo,634401,422934\n';

describe('validate and a --workforce file', () => {
  it('lists the file with the denominator column the run does not divide by (was: no row for it)', async () => {
    const ex = w('ext.csv', EXTRACT);
    const wf = w('wf.csv', WF);
    const r = await run(['validate', ex, '--workforce', wf, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows.find((x) => x['file'] === ex)?.['unused_columns']).toBe('');
    expect(rows.find((x) => x['file'] === wf)).toMatchObject({ status: 'ok', rows: '2', unused_columns: 'potential_workers' });
    // Divided by potential_workers, employed is the column not used.
    const p = await run(['validate', ex, '--workforce', wf, '--denominator', 'potential_workers', '-f', 'csv']);
    expect(csvRows(p.stdout).find((x) => x['file'] === wf)?.['unused_columns']).toBe('employed');
    // A regional file given as --workforce: its participants are not read either (the input's are).
    const both = w('wf-part.csv', 'province,employed,participants\nSulawesi Utara,1170999,1\nGorontalo,634401,2\n');
    const b = await run(['validate', ex, '--workforce', both, '-f', 'csv']);
    expect(csvRows(b.stdout).find((x) => x['file'] === both)?.['unused_columns']).toBe('participants');
  });
});

describe('one run lists every file’s problems', () => {
  it("the input's bad cell and --workforce's blank in the column divided by, together (was: the input's only)", async () => {
    const ex = w('ext-bad.csv', EXTRACT.replace('259971', '25x971'));
    const wf = w('wf-blank.csv', WF.replace('634401', ''));
    const r = await run(['validate', ex, '--workforce', wf, '-f', 'csv']);
    expect(r.code).toBe(3);
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => `${x['file']}:${x['line']}`)).toEqual([`${ex}:3`, `${wf}:3`]);
    expect(r.stderr).toContain('2 problems');
  });

  it("--previous's bad cell with the input's blank in the column the run divides by (chosen over the input's files)", async () => {
    // June gives potential_workers only, so the run divides by it; May gives employed first, and a blank
    // potential_workers for Gorontalo: refused after the load, as the column divided by.
    const june = w('2024-06.csv', 'period,province,potential_workers,participants\n2024-06,Sulawesi Utara,780666,592497\n2024-06,Gorontalo,422934,259971\n');
    const may = w('2024-05.csv', 'period,province,employed,potential_workers,participants\n2024-05,Sulawesi Utara,1170999,780666,590182\n2024-05,Gorontalo,634401,,258000\n');
    const april = w('2024-04.csv', 'period,province,potential_workers,participants\n2024-04,Sulawesi Utara,780666,58x000\n2024-04,Gorontalo,422934,257000\n');
    const r = await run(['coverage', june, may, '--previous', april, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${april}:2:`);
    expect(r.stderr).toContain(`${may}:3:`);
    expect(r.stderr).toContain('2 problems');
  });
});
