// fx58: a CSV export that starts with blank lines (`\n\nperiod,province,…`) was refused at line 1, "cannot
// tell the delimiter", pointing at an empty line. The blank lines are skipped and the header is read on
// its own line, with every later row at its true line; a header that does not split is named at its line.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { blankLinesAbove } from '../../src/io/csv-rows.js';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f = (name: string, text: string): string => writeIn(dir, name, text);

describe('fx58: blank lines above the header', () => {
  it('two line breaks: read (was: cannot tell the delimiter at line 1)', async () => {
    const file = f('two.csv', '\n\nperiod,province,participants\n2024-06,Gorontalo,256129\n');
    const r = await run(['coverage', file, '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')?.['participants']).toBe('256129');
  });

  it('blank lines of spaces, CRLF, a semicolon file: a bad row named at its own line (5)', async () => {
    const file = f('crlf.csv', ' \r\n\t\r\nperiod;province;participants\r\n2024-06;Gorontalo;256129\r\n2024-06;Nowhere;1\r\n');
    const r = await run(['validate', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file}:5:9: error: unknown province "Nowhere"`);
  });

  it('a header that does not split, under blank lines: named at its line (3)', async () => {
    const file = f('unclear.csv', '\n\nperiod,province;participants\n2024-06,Gorontalo;256129\n');
    const r = await run(['validate', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file}:3: error: cannot tell the delimiter`);
  });

  it('--header-row counts the blank lines as lines, as before', async () => {
    const file = f('row3.csv', '\n\nperiod,province,participants\n2024-06,Gorontalo,256129\n');
    const r = await run(['coverage', file, '--header-row', '3', '-f', 'csv', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')?.['participants']).toBe('256129');
  });

  it('blankLinesAbove: waits for a line with something on it and for the LF after a CR', () => {
    expect(blankLinesAbove('\n \n', false)).toBeUndefined();
    expect(blankLinesAbove('\n\r', false)).toBeUndefined();
    expect(blankLinesAbove('\n\r\na', false)).toEqual({ rest: 'a', skipped: 2 });
    expect(blankLinesAbove('\r\ra', false)).toEqual({ rest: 'a', skipped: 2 });
    expect(blankLinesAbove('  a,b\n', false)).toEqual({ rest: '  a,b\n', skipped: 0 });
    expect(blankLinesAbove('\n  ', true)).toEqual({ rest: '  ', skipped: 1 });
  });
});
