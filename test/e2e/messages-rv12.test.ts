// Messages found by the numbers review rv12 (§6): each names the real source of a number, in the
// language of the run, and reads a decimal comma where --number-locale id says so.
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const D = tmp();
const f: Record<string, string> = {};
beforeAll(() => {
  // Today's participants: 10 + 20 + 10 = 40; --min 25 asks 25 × 3 = 75 (gap mode keeps today where higher).
  f.r6 = writeIn(D, 'r6.csv', 'period,unit,workforce,participants\n2023-12,a,100,10\n2023-12,b,50,20\n2023-12,c,30,10\n');
  // 12,345 of 100,000 = 12.345 % → 12.35 % (half up).
  f.r7 = writeIn(D, 'r7.csv', 'period,unit,workforce,participants\n2024-06,a,100000,12345\n');
  f.may = writeIn(D, '05.csv', 'period,unit,workforce,participants\n2024-05,a,20000,0\n2024-05,b,10000000,0\n2024-05,c,3,0\n');
  f.june = writeIn(D, '06.csv', 'period,unit,workforce,participants\n2024-06,a,20000,7\n2024-06,b,10000000,1234495\n2024-06,c,3,2\n');
  f.ta = writeIn(D, 'ta.csv', 'unit,period,year,participants,target\na,2023-12,2024,0,100\nb,2023-12,2024,0,2000000\nc,2023-12,2024,0,3\n');
  f.tb = writeIn(D, 'tb.csv', 'unit,period,year,participants,target\na,2023-12,2024,0,120\nb,2023-12,2024,0,2500000\nc,2023-12,2024,0,3\n');
});

describe('--min named as the source of the lower bounds', () => {
  it('--min 25 over three units: 75 from --min, today 40; the hint lowers --min', async () => {
    const r = await run(['breakdown', '--target', '70', '--input', f.r6!, '--by', 'unit', '--min', '25', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the 3 units already have at least 75 between them (--min 25 for each; today\'s participants are 40)');
    expect(r.stderr).toContain('hint: raise the target to at least 75, or lower --min 25');
    expect(r.stderr).not.toContain('unit units');
    expect(r.stderr).not.toContain('--mode level --min none');
  });
  it('--min 15 under today for one unit: both sources named (15 + 20 + 15 = 50)', async () => {
    const r = await run(['breakdown', '--target', '45', '--input', f.r6!, '--by', 'unit', '--min', '15', '-f', 'csv', '-q']);
    expect(r.stderr).toContain("at least 50 between them (--min 15 where it is above today's participants, today's elsewhere; today's participants alone are 40)");
  });
  it('no --min: today\'s participants, and the way out is --mode level --min none (in Indonesian too)', async () => {
    const r = await run(['breakdown', '--target', '30', '--input', f.r6!, '--by', 'unit', '-f', 'csv', '--lang', 'id']);
    expect(r.stderr).toContain('3 unit sudah memiliki paling sedikit 40 (peserta saat ini)');
    expect(r.stderr).toContain('--mode level --min none');
  });
});

describe('--fail-below in Indonesian, and decimal commas under --number-locale id', () => {
  it('the Indonesian message writes 12,50% and 12,35%', async () => {
    const r = await run(['coverage', f.r7!, '--by', 'unit', '--fail-below', '12.5', '--lang', 'id', '-f', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cakupan di bawah 12,50% untuk 1 dari 1: a 12,35%');
    const en = await run(['coverage', f.r7!, '--by', 'unit', '--fail-below', '12.5', '-f', 'csv']);
    expect(en.stderr).toContain('coverage below 12.50% for 1 of 1: a 12.35%');
  });
  it('--fail-below 12,5 with --number-locale id is 12.5 %; without it, refused with the way', async () => {
    const r = await run(['coverage', f.r7!, '--by', 'unit', '--fail-below', '12,5', '--number-locale', 'id', '--lang', 'id', '-f', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('di bawah 12,50%');
    const bare = await run(['coverage', f.r7!, '--by', 'unit', '--fail-below', '12,5', '-f', 'csv']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('hint: write 12.5, or pass --number-locale id to read a decimal comma');
  });
  it('--max-coverage 0,95 with --number-locale id equals --max-coverage 0.95, on the bundled data too', async () => {
    const comma = await run(['breakdown', '--year', '2024', '--max-coverage', '0,95', '--number-locale', 'id', '-f', 'csv', '-q']);
    const dot = await run(['breakdown', '--year', '2024', '--max-coverage', '0.95', '-f', 'csv', '-q']);
    expect(comma.code, comma.stderr).toBe(0);
    expect(comma.stdout).toBe(dot.stdout);
    // Aceh: max = 95 % of 2,450,000 = 2,327,500.
    expect(csvRows(comma.stdout).find((x) => x['province'] === 'Aceh')?.['max']).toBe('2327500');
    // 0.95 reads the same in both: there --number-locale has no effect, and is refused as before.
    expect((await run(['breakdown', '--year', '2024', '--max-coverage', '0.95', '--number-locale', 'id', '-f', 'csv', '-q'])).code).toBe(2);
  });
});

describe('--target with an exponent', () => {
  it('says it is not a whole number as written, not "not a valid id-ID number"', async () => {
    const r = await run(['breakdown', '--target', '1e15', '--year', '2024'], { env: { LANG: 'C.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(not a whole number as written: an exponent)');
    expect(r.stderr).toContain('write it in digits: 1000000000000000');
    expect(r.stderr).not.toContain('id-ID');
  });
});

describe('--compare-targets: no pace notes where no pace is shown', () => {
  it('two months, two plans: the side-by-side report and stderr say nothing of a pace', async () => {
    const r = await run(['coverage', f.may!, f.june!, '--by', 'unit', '--targets', f.ta!, '--compare-targets', f.tb!, '-f', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/pace|projection/);
    expect(r.stderr).not.toMatch(/pace|projection/);
    // Without --compare-targets the same run has a pace column, and its notes.
    const one = await run(['coverage', f.may!, f.june!, '--by', 'unit', '--targets', f.ta!, '-f', 'md']);
    expect(one.stdout).toMatch(/pace per month/);
    expect(one.stderr).toMatch(/--pace-window/);
  });
});
