// The tool's own total and subtotal rows (its `level` column), read back (issue 20, F1): they are checked
// against the rows of the file as a user's "Total" row is. A report cut by --top keeps the total of every
// row, so reading it back is refused (exit 3) with a hint that it may have been cut, never reported as
// the total of the rows it kept. The numbers are computed by hand from the inputs below.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

// Three provinces; by hand: workforce 3000 + 4500 + 6700 = 14200, participants 900 + 1500 + 4950 = 7350.
// Lowest coverage first: Gorontalo 0.3, Aceh 0.333333, Bali 0.738806; the two lowest add up to 7500 and 2400.
const PROVINCE = `period,province,workforce,participants
2024-06,Gorontalo,3000,900
2024-06,Aceh,4500,1500
2024-06,Bali,6700,4950
`;

// Two provinces by segment; by hand: Gorontalo 3000 / 700, Aceh 8000 / 1500, all 11000 / 2200.
const SEGMENTS = `province,segment,workforce,participants
Gorontalo,PU,1000,400
Gorontalo,BPU,2000,300
Aceh,PU,5000,1000
Aceh,BPU,3000,500
`;

describe("a report's own total row is checked when it is read back", () => {
  for (const x of ['csv', 'tsv', 'jsonl', 'xlsx']) {
    it(`--top 2 written as ${x}: refused, its total (14,200) is not the sum of its 2 rows (7,500)`, async () => {
      const dir = tmp();
      const input = join(dir, 'p.csv');
      writeFileSync(input, PROVINCE);
      const top = join(dir, `top.${x}`);
      const w = await run(['coverage', input, '--top', '2', '--sort', 'coverage', '-q', '-o', top]);
      expect(w.code, w.stderr).toBe(0);
      const out = join(dir, 'back.csv');
      const back = await run(['coverage', top, '-o', out]);
      expect(back.code, back.stderr).toBe(3);
      expect(existsSync(out)).toBe(false);
      expect(back.stderr).toContain(`the report's total row (level "total") gives workforce 14,200, but the 2 row(s) of the file add up to 7,500 (6,700 more in the total)`);
      expect(back.stderr).toContain(`the report's total row (level "total") gives participants 7,350, but the 2 row(s) of the file add up to 2,400 (4,950 more in the total)`);
      expect(back.stderr).toContain('hint: the report may have been cut (--top): read the input files it was made from instead; if a row was edited on purpose (a revised target), correct its total and subtotal rows too, or delete them');
      const id = await run(['coverage', top, '--lang', 'id']);
      expect(id.stderr).toContain('laporan ini mungkin dipotong (--top): bacalah berkas masukan yang menjadi sumbernya; jika sebuah baris sengaja diubah');
    });
  }

  it('--top 2 written as json: refused up front, its meta says it shows 2 of its 3 rows', async () => {
    const dir = tmp();
    const input = join(dir, 'p.csv');
    writeFileSync(input, PROVINCE);
    const top = join(dir, 'top.json');
    expect((await run(['coverage', input, '--top', '2', '--sort', 'coverage', '-q', '-o', top])).code).toBe(0);
    expect(JSON.parse(readFileSync(top, 'utf8')).meta.shown).toMatchObject({ rows: 2, of: 3 });
    const back = await run(['coverage', top, '-f', 'csv']);
    expect(back.code, back.stderr).toBe(3);
    expect(back.stdout).toBe('');
    expect(back.stderr).toContain('error: this report shows 2 of its 3 rows ("meta"."shown": it was cut by --top), so its rows are not all the rows its totals count');
    expect(back.stderr).toContain('hint: read the input files it was made from instead, or write the report again without --top');
    // The reason is given once, not followed by the totals it implies.
    expect(back.stderr).not.toContain('"totals" object gives');
    const whole = join(dir, 'whole.json');
    expect((await run(['coverage', input, '-q', '-o', whole])).code).toBe(0);
    expect((await run(['coverage', whole, '-f', 'csv'])).code).toBe(0);
  });

  it('a whole report still reads back, its total said to agree', async () => {
    const dir = tmp();
    const input = join(dir, 'p.csv');
    writeFileSync(input, PROVINCE);
    const whole = join(dir, 'whole.csv');
    expect((await run(['coverage', input, '-q', '-o', whole])).code).toBe(0);
    const back = await run(['coverage', whole, '-f', 'csv']);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain(',Total,14200,7350,0.517606,');
    expect(back.stderr).toMatch(/total rows left out \(they are not data\): \S+whole\.csv:5 "total" \(agrees with its rows\)/);
  });

  it('an edited detail row: the subtotal of its province and the total are both refused', async () => {
    const dir = tmp();
    const input = join(dir, 's.csv');
    writeFileSync(input, SEGMENTS);
    const report = join(dir, 'report.csv');
    expect((await run(['coverage', input, '--by', 'province,segment', '-q', '-o', report])).code).toBe(0);
    const text = readFileSync(report, 'utf8');
    expect(text).toContain('75,Gorontalo,PU,1000,400,');
    writeFileSync(report, text.replace('75,Gorontalo,PU,1000,400,', '75,Gorontalo,PU,1000,401,'));
    const back = await run(['coverage', report, '--by', 'province,segment']);
    expect(back.code, back.stderr).toBe(3);
    // By hand: Gorontalo 401 + 300 = 701 against its subtotal 700; all 701 + 1500 = 2201 against 2200.
    expect(back.stderr).toContain(`report.csv:4:25: error: the report's subtotal row for "Gorontalo" (level "subtotal") gives participants 700, but the 2 row(s) of the file it totals add up to 701 (1 less in the total)`);
    expect(back.stderr).toContain(`report.csv:8:15: error: the report's total row (level "total") gives participants 2,200, but the 4 row(s) of the file add up to 2,201 (1 less in the total)`);
    expect(back.stderr).not.toContain('Aceh" (level');
  });

  it('a province × segment report with a workforce per province (F2): read back, it is refused once, with the reason and the inputs to read', async () => {
    const dir = tmp();
    const ext = join(dir, 'ext.csv');
    const wf = join(dir, 'wf.csv');
    // An extract of participants (one row each) and a workforce per province only.
    writeFileSync(ext, 'period,province,segment,participant_id\n2024-06,Gorontalo,PU,a1\n2024-06,Gorontalo,BPU,a2\n2024-06,Gorontalo,BPU,a3\n2024-06,Aceh,PU,b1\n');
    writeFileSync(wf, 'province,workforce\nGorontalo,5000\nAceh,9000\n');
    const cross = join(dir, 'cross.csv');
    const w = await run(['coverage', ext, '--workforce', wf, '--by', 'province,segment', '-q', '-o', cross]);
    expect(w.code, w.stderr).toBe(0);
    const text = readFileSync(cross, 'utf8');
    // The detail rows have no denominator; the province subtotals do (by hand: Gorontalo 5000 with 3 participants).
    expect(text).toMatch(/^75,Gorontalo,PU,,1,/m);
    expect(text).toMatch(/^75,Gorontalo,Total,5000,3,/m);
    const back = await run(['coverage', cross, '--by', 'province,segment', '-f', 'csv']);
    expect(back.code, back.stderr).toBe(3);
    expect(back.stdout).toBe('');
    expect(back.stderr).toContain(`${cross}:2:17: error: field "denominator" is empty: this is a report of the tool's (it has a "level" column) whose rows have no denominator`);
    expect(back.stderr).toContain('hint: read the input files the report was made from instead (with the same --workforce)');
    expect(back.stderr).not.toContain('write 0 if zero is meant');
    // Said once, with no follow-on errors (the rows left out would make every subtotal disagree).
    expect(back.stderr.match(/error:/g)).toHaveLength(1);
    // The same report as JSON: its "totals" object is not compared with rows that were refused either
    // (it said "the 0 row(s) of the file add up to 0" once per measure). Found by a review.
    const json = join(dir, 'cross.json');
    const wj = await run(['coverage', ext, '--workforce', wf, '--by', 'province,segment', '-q', '-o', json]);
    expect(wj.code, wj.stderr).toBe(0);
    const backJson = await run(['coverage', json, '--by', 'province,segment', '-f', 'csv']);
    expect(backJson.code).toBe(3);
    expect(backJson.stderr).toContain('whose rows have no denominator');
    expect(backJson.stderr).not.toContain('"totals" object');
    expect(backJson.stderr.match(/error:/g)).toHaveLength(1);
  });
});
