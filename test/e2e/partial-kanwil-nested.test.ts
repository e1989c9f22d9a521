// A target for a whole Kanwil, 2 of its 9 provinces reported (Bali and Nusa Tenggara Barat of Banuspa):
// `--by kanwil` and `--by province` warned that the Kanwil is reported only in part, `--by
// kanwil,province` did not, and its subtotal showed "achieved" (8,000 against 7,900) in silence. Found by
// a review (rv13).
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const data = writeIn(dir, 'nets.csv', 'province_code,province,period,workforce,participants\n51,Bali,2024-06,10000,5000\n52,Nusa Tenggara Barat,2024-06,10000,3000\n11,Aceh,2024-06,10000,4000\n12,Sumatera Utara,2024-06,10000,2000\n');
const targets = writeIn(dir, 'nk-t.csv', 'kanwil,year,target\nSumbagut,2024,6500\nBali Nusa Tenggara Papua (Banuspa),2024,7900\n');
const warning = 'warning: reported only in part, against a target for the whole regional office: Bali Nusa Tenggara Papua (Banuspa) (2 of 9 provinces)';

describe('a Kanwil reported in part, in a report by Kanwil and province', () => {
  it.each([['kanwil'], ['province'], ['kanwil,province']])('--by %s warns', async (by) => {
    const r = await run(['coverage', data, '--targets', targets, '--by', by, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(warning);
  });

  it('the subtotal keeps its figures: 8,000 against the whole Kanwil target 7,900', async () => {
    const r = await run(['coverage', data, '--targets', targets, '--by', 'kanwil,province', '-f', 'csv']);
    const sub = csvRows(r.stdout).find((x) => x['level'] === 'subtotal' && x['kanwil']?.startsWith('Bali'))!;
    expect([sub['participants'], sub['target'], sub['gap']]).toEqual(['8000', '7900', '-100']);
  });
});
