// The `bound` column of a breakdown under --lang id: the words people read were English (`held`, `max`)
// while every other word of the report was Indonesian. People's formats now say `ditahan` and `maks`;
// machine formats keep the codes (`held`, `max`, `min`), as they keep the status codes.
// Kepulauan Riau is 60.29 % covered (614,605 of 1,019,356 in the bundled baseline): a cap of 50 % is
// below today, so its target is held at today.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('breakdown bound words', () => {
  const base = ['breakdown', '--year', '2024', '--max-coverage', '0.5'];
  it('Indonesian in the table and HTML', async () => {
    const t = await run([...base, '--lang', 'id', '-f', 'table']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/Kepulauan Riau .*│ ditahan │/);
    expect(t.stdout).toMatch(/│ maks +│/);
    expect(t.stdout).not.toMatch(/│ held +│/);
    const html = join(dir, 'b.html');
    const h = await run([...base, '--lang', 'id', '-f', 'html', '-o', html]);
    expect(h.code, h.stderr).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('>ditahan</td>');
    expect(text).not.toContain('>held</td>');
  });
  it('codes in CSV, whatever the language', async () => {
    const c = await run([...base, '--lang', 'id', '-f', 'csv']);
    expect(c.stdout).toMatch(/^21,Kepulauan Riau,.*,held,/m);
  });
});
