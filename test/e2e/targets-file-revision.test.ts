// A revision in force read from a --targets file (a breakdown under a revised series) was named only in
// JSON/HTML/xlsx meta (review rv26 F4): the terminal and Markdown of the README's monthly job route said
// nothing, and the Kanwil's target moved from June to July without a word. The --year --series route
// says it in a note; the file route now does too. Failed on main at 1ff05be.
// Hand: examples/series-2024-revised.csv revises 2024 from 50,000,000 to 52,000,000 from 2024-07.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tmp } from './helpers.js';

const SERIES = join(ROOT, 'examples', 'series-2024-revised.csv');

describe('a revision read from a --targets file is said, as --year\'s (rv26 F4)', () => {
  it('yearly and month-by-month targets files: the July report names the revision on stderr and in Markdown', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'jul.csv'), readFileSync(join(ROOT, 'examples', 'sulama-2024', '2024-06.csv'), 'utf8').replace(/^2024-06/gm, '2024-07'));
    expect((await run(['breakdown', '--series', SERIES, '--year', '2024', '-o', join(cwd, 'ty.csv')], { cwd })).code).toBe(0);
    expect((await run(['breakdown', '--series', SERIES, '--year', '2024', '--months', '-o', join(cwd, 'tm.csv')], { cwd })).code).toBe(0);
    const monthly = await run(['coverage', 'jul.csv', '--targets', 'tm.csv', '-f', 'md'], { cwd });
    expect(monthly.code).toBe(0);
    const said = 'the 2024 targets of tm.csv as of 2024-07 add up to 52,000,000, revised from 2024-07 (was 50,000,000)';
    expect(monthly.stderr).toContain(`note: ${said}`);
    expect(monthly.stdout).toContain(`- ${said}`);
    const yearly = await run(['coverage', 'jul.csv', '--targets', 'ty.csv', '-f', 'md', '--lang', 'id'], { cwd });
    expect(yearly.code).toBe(0);
    expect(yearly.stderr).toContain('target 2024 di ty.csv per 2024-07 berjumlah 52.000.000, direvisi mulai 2024-07');
  });

  it('a targets file without a revision says none', async () => {
    const cwd = tmp();
    expect((await run(['breakdown', '--year', '2024', '-o', join(cwd, 't.csv')], { cwd })).code).toBe(0);
    const r = await run(['coverage', join(ROOT, 'examples', 'sulama-2024', '2024-06.csv'), '--targets', 't.csv', '-f', 'csv'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('revised');
  });
});
