// validate lists every problem at once (README): a row with a bad number and an unknown regency said
// only the number; the regency came up after the number was fixed. Found by a review.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate: every problem of a row', () => {
  it('a bad number and an unknown regency in one row are both said', async () => {
    const f = join(dir, 'v.csv');
    writeFileSync(f, 'period,province,regency,workforce,participants\n2024-06,Gorontalo,X1,100,abc\n2024-06,Gorontalo,Boalemo,100,50\n');
    const r = await run(['validate', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2:26: error: field "participants": "abc" is not a number`);
    expect(r.stderr).toContain(`${f}:2:19: error: unknown kabupaten/kota "X1" in Gorontalo`);
  });
  it('an unknown province is said once, not again as its regency', async () => {
    const f = join(dir, 'p.csv');
    writeFileSync(f, 'period,province,regency,workforce,participants\n2024-06,Gorontalox,Boalemo,100,50\n');
    const r = await run(['validate', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr.match(/error:/g)?.length).toBe(1);
    expect(r.stderr).toContain('Gorontalox');
  });
});
