// validate lists every problem of an extract at once: a participant twice in a month beside the bad cells
// of other rows (it was left out until the cells were fixed, in one file and across files), and the count
// of problems past --max-errors ("60 problems (50 listed)", where it said "50 problems" beside "10 more
// problems not listed"). Found by a review of extracts as a data team writes them.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f = (name: string, text: string): string => writeIn(dir, name, text);

describe('validate on an extract', () => {
  it('lists a participant twice beside the bad cells of other rows (one file, standard input)', async () => {
    const text = 'participant_id,province,segment,period\n001,Gorontalox,XX,2024-06\n002,Gorontalo,PU,2024-13\n003,Aceh,PU,2024-06\n003,Aceh,PU,2024-06\n,Aceh,PU,2024-06\n';
    const file = f('v1.csv', text);
    const r = await run(['validate', file, '-f', 'csv']);
    expect(r.code).toBe(3);
    // Lines 2 (segment, province), 3 (month), 6 (no id), and 003 on lines 4 and 5: five problems.
    expect(csvRows(r.stdout).map((x) => `${x['line']}:${x['column']} ${x['message']}`)).toEqual([
      '2:16 unknown segment "XX"',
      '2:5 unknown province "Gorontalox"',
      '3:18 "2024-13" is not a month',
      '6:1 the participant id is empty',
      '5:1 participant 003 appears twice in 2024-06 (first at line 4)',
    ]);
    expect(r.stderr).toContain('5 problems');
    const s = await run(['validate', '-', '-f', 'csv'], { input: text });
    expect(csvRows(s.stdout).map((x) => `${x['line']} ${x['message']}`)).toContain('5 participant 003 appears twice in 2024-06 (first at line 4)');
  });

  it('lists a participant in two files beside a bad cell', async () => {
    const a = f('v4.csv', 'participant_id,province,segment,period\n001,Gorontalo,PU,2024-06\n');
    const b = f('v5.csv', 'participant_id,province,segment,period\n001,Gorontalo,PU,2024-06\n002,Aceh,PU,2024-6x\n');
    const r = await run(['validate', a, b, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(csvRows(r.stdout).map((x) => `${x['file']}:${x['line']} ${x['message']}`)).toEqual([`${b}:3 "2024-6x" is not a month`, `${b}:2 participant 001 appears in two files in 2024-06 (first at ${a}:2)`]);
  });
});

describe('more problems than --max-errors', () => {
  const rows = (from: number): string => `participant_id,province,period\n${Array.from({ length: 60 }, (_, i) => `${from + i},Atlantis,2024-06\n`).join('')}`;

  it('are counted: 60 problems (50 listed), in the report, its meta and on stderr', async () => {
    const file = f('v60.csv', rows(0));
    const r = await run(['validate', file, '-f', 'json']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout) as { meta: { problems: number; listed: number }; rows: unknown[] };
    expect(report.meta).toMatchObject({ problems: 60, listed: 50 });
    expect(r.stderr).toContain('note: 10 more problems not listed (--max-errors 50)\n60 problems (50 listed)\n');
    const md = await run(['validate', file, '-f', 'md', '--lang', 'id']);
    expect(md.stdout).toContain('## 60 masalah (50 dicantumkan)');
  });

  it('a file left unread once the limit is reached is named (its problems are not counted)', async () => {
    const a = f('v60a.csv', rows(0));
    const b = f('v60b.csv', rows(100));
    const r = await run(['coverage', a, b, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`note: not read, once --max-errors 50 was reached: ${b} (their problems are not counted)`);
    expect(r.stderr).toContain('60 problems (50 listed)');
  });
});
