// rv24's findings on the terminal table (G10, G12, G13): what a narrow terminal leaves out is said, and
// what is drawn fits it. In-process runs with a terminal of a given width (helpers.run's `tty`).
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

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
