// fx44 item 2: a total row the tool cannot match to its rows is said (a warning with why), and a group
// total ("Jumlah Maluku") that neither reading of its name adds up to is refused naming both sums.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const head = 'period,province,potential_workers,participants\n';
const rows = '2026-06,Gorontalo,422934,259971\n2026-06,Maluku,485724,155094\n2026-06,Maluku Utara,424131,181372\n';

describe('"Jumlah Maluku" that matches neither Maluku nor Maluku and Maluku Utara', () => {
  it('is refused at its line with both sums (was left out "not checked", exit 0), in coverage and validate', async () => {
    // Maluku Utara mistyped 180,906 for 181,372: the subtotal 336,466 (as typed by the office) agrees with
    // neither Maluku's 155,094 nor 155,094 + 180,906 = 336,000.
    const f = writeIn(dir, 'jm.csv', `${head}${rows.replace('181372', '180906')}2026-06,Jumlah Maluku,909855,336466\n`);
    for (const cmd of ['coverage', 'validate']) {
      const r = await run([cmd, f, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain(`${f}:5:30: error: the total row "Jumlah Maluku" gives participants 336,466, but neither the 1 row(s) of Maluku add up to it (155,094) nor the 2 row(s) of Maluku and Maluku Utara, the group its name may mean (336,000)`);
      expect(r.stderr).toContain('hint: a row is missing, extra or mistyped: correct the rows or the total, or delete the total row');
    }
    const id = await run(['coverage', f, '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('tetapi baik 1 baris Maluku (155.094) maupun 2 baris Maluku dan Maluku Utara');
  });

  it('matching the group it is read as before: the Total is the rows alone, 259,971 + 155,094 + 181,372 = 596,437', async () => {
    const f = writeIn(dir, 'jm-ok.csv', `${head}${rows}2026-06,Jumlah Maluku,909855,336466\n`);
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Total')?.['participants']).toBe('596437');
  });
});

describe('a total row left out without a check', () => {
  it('"Jumlah Sulawesi" is a warning naming file:line and why (was a note hushed among the checked ones)', async () => {
    const f = writeIn(dir, 'js.csv', `${head}${rows}2026-06,Jumlah Sulawesi,422934,259971\n`);
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`warning: total rows left out without a check against the rows they total (a row missing, extra or mistyped would not be seen): ${f}:5 "Jumlah Sulawesi" (which rows it totals cannot be told from its name, which names no province or regional office, nor from its other cells)`);
    const j = await run(['coverage', f, '-f', 'json']);
    const notes = (JSON.parse(j.stdout) as { meta: { notes: { code?: string; kind?: string }[] } }).meta.notes;
    expect(notes.find((n) => n.code === 'total-rows-unchecked')?.kind).toBe('warning');
    expect(notes.some((n) => n.code === 'total-rows')).toBe(false);
  });

  it('a "Jumlah" whose figure is blank says which figure was not compared', async () => {
    const f = writeIn(dir, 'jb.csv', `${head}${rows}2026-06,Jumlah,,\n`);
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${f}:5 "Jumlah" (participants, potential_workers blank in it or in some of the rows it totals)`);
  });
});
