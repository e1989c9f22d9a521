// A file whose numbers cannot be read said, beside the refusal, what the refused reading would give:
// `"2,000"` among Indonesian counts is refused as a factor of a thousand, and then "participants (500)
// exceed workforce (2)" was said from that very reading; a file mixing formats was also told that "no
// count settles" its format. Found by a review. The over-coverage check still refuses a real case.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const w = (name: string, text: string): string => writeIn(dir, name, text);

describe('number-format refusals without follow-ons', () => {
  it('"2,000" among Indonesian counts: refused once, not also as 500 exceeding 2', async () => {
    const f = w('p5.csv', 'period,province,workforce,participants\n2024-06,Gorontalo,1.200,500\n2024-06,Aceh,"2,000",500\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('"2,000" reads as 2 in Indonesian (id)');
    expect(r.stderr).not.toContain('exceed');
  });
  it('two formats in one file: the mix is said, not "no count settles it", nor an over-coverage of the mixed reading', async () => {
    const f = w('p4.csv', 'period,province,workforce,participants\n2024-06,Gorontalo,1.000,256.129\n2024-06,Aceh,"1,234",500\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the file mixes number formats');
    expect(r.stderr).not.toContain('cannot tell the number format');
    expect(r.stderr).not.toContain('exceed');
  });
  it('a real over-coverage is still refused', async () => {
    const f = w('ov.csv', 'period,province,workforce,participants\n2024-06,Gorontalo,1000,1500\n2024-06,Aceh,100,50\n');
    const r = await run(['coverage', f, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2:24: error: participants (1500) exceed workforce (1000)`);
  });
});
