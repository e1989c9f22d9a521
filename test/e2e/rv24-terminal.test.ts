// rv24's findings on the terminal table (G10, G12, G13): what a narrow terminal leaves out is said, and
// what is drawn fits it. In-process runs with a terminal of a given width (helpers.run's `tty`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

describe('--fields on a narrow terminal (rv24 G10)', () => {
  it('a column named in --fields and left out to fit is a warning, kept under -q (was: nothing said)', async () => {
    const r = await run(['coverage', '--year', '2024', '-q', '--fields', 'province,participants,coverage,target,status'], { tty: { columns: 40 } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*participants.* named in --fields are left out of the table to fit 40 characters/);
    const id = await run(['coverage', '--year', '2024', '-q', '--lang', 'id', '--fields', 'province,participants,coverage,target,status'], { tty: { columns: 40 } });
    expect(id.stderr).toMatch(/yang disebut di --fields tidak ditampilkan di tabel agar muat dalam 40 karakter/);
  });

  it('without --fields the columns left out stay a note (hushed by -q)', async () => {
    const r = await run(['coverage', '--year', '2024', '-q'], { tty: { columns: 40 } });
    expect(r.stderr).not.toContain('left out to fit');
  });
});

describe("Excel's lock file matched by a glob (rv24 G14)", () => {
  it('is left out with a warning naming it, kept under -q (was: the run refused, exit 3)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'gor.csv'), 'period,province,potential_workers,participants\n2024-06,Gorontalo,422934,259626\n');
    // What Excel writes beside an open workbook: the owner's name in a few binary bytes.
    writeFileSync(join(dir, '~$gor.csv'), Buffer.from([0x05, 0x61, 0x64, 0x6d, 0x69, 0x6e, 0x00, 0x00, 0x20, 0x20, 0xff, 0xfe]));
    const r = await run(['coverage', '*.csv', '-q', '-f', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    // 259,626 of 422,934
    expect(r.stdout).toContain('Gorontalo,422934,259626,0.613869');
    expect(r.stderr).toBe("warning: left out of '*.csv': ~$gor.csv (the lock file of gor.csv, open in Excel); the workbook's last saved state is read, not changes still unsaved\n");
    const id = await run(['validate', '*.csv', '--lang', 'id', '-f', 'csv'], { cwd: dir });
    expect(id.code, id.stderr).toBe(0);
    expect(id.stderr).toContain("warning: tidak diikutkan dari '*.csv': ~$gor.csv (berkas kunci gor.csv, yang sedang dibuka di Excel)");
  });

  it('named as a file it is still read, and refused as what it is', async () => {
    const dir = tmp();
    writeFileSync(join(dir, '~$gor.csv'), Buffer.from([0x05, 0x61, 0x64, 0x6d, 0x69, 0x6e, 0x00, 0x00]));
    const r = await run(['coverage', '~$gor.csv', '-q', '-f', 'csv'], { cwd: dir });
    expect(r.code).toBe(3);
  });
});

const BAD = 'period,province,participants\n2024-06,Gorontalo,abc\n2024-06,Atlantis,5\n';
/** The widest line of a table, in characters (the box lines of the table are all as wide). */
const widest = (out: string): number => Math.max(...out.split('\n').filter((l) => l.startsWith('│') || l.startsWith('┌')).map((l) => [...l].length));

describe('validate on an 80- or 120-column terminal (rv24 G13)', () => {
  it('keeps the column and the hint, wrapped, within the terminal (was: both left out at 80, the hint at 120)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.csv'), BAD);
    for (const columns of [80, 120]) {
      const r = await run(['validate', 'bad.csv'], { cwd: dir, tty: { columns } });
      expect(r.code).toBe(3);
      expect(r.stdout).toMatch(/│ column │/);
      expect(r.stdout).toMatch(/│ hint +│/);
      // the hint's words, wrapped or not
      expect(r.stdout.replace(/[│\s]+/g, ' ')).toContain('256,129');
      expect(widest(r.stdout)).toBeLessThanOrEqual(columns);
      expect(r.stderr).not.toContain('left out');
    }
  });

  it('at 40 the hint and the column go, with a warning kept under -q', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.csv'), BAD);
    const r = await run(['validate', 'bad.csv', '-q'], { cwd: dir, tty: { columns: 40 } });
    expect(widest(r.stdout)).toBeLessThanOrEqual(40);
    expect(r.stderr).toContain('warning: hint, column left out of the table');
  });
});

describe('a table still wider than the terminal says so (rv24 G12)', () => {
  it('provinces at 40 columns: the width it has, not "left out to fit 40 characters"', async () => {
    const r = await run(['provinces'], { tty: { columns: 40 } });
    const w = widest(r.stdout);
    expect(w).toBeGreaterThan(40);
    expect(r.stderr).toContain(`note: the table is ${w} characters wide, wider than this terminal (40): its lines wrap`);
    expect(r.stderr).toContain('left out to narrow the table: aliases, regencies/cities');
    expect(r.stderr).not.toContain('to fit 40 characters');
    const id = await run(['provinces', '--lang', 'id'], { tty: { columns: 40 } });
    expect(id.stderr).toContain(`tabel ini selebar ${widest(id.stdout)} karakter, lebih lebar dari terminal ini (40)`);
  });

  it('at 80 it fits and says nothing of the kind', async () => {
    const r = await run(['provinces'], { tty: { columns: 80 } });
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stderr).not.toContain('wider than this terminal');
  });
});
