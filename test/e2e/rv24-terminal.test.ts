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
