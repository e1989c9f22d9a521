// A number that starts with a zero group (`0.125`, `0,125`) is a decimal, never thousands grouping: no
// one writes 125 as "0.125". Read as Indonesian grouping, a coverage cell 0.125 in a file of plain
// counts was taken for 125 % and warned as "125.00 % stated, 12.50 % from the counts" (review rv12 §5).
import { describe, expect, it } from 'vitest';
import { parseNumber, readCell } from '../../src/core/numbers.js';
import { run, tmp, writeIn } from '../e2e/helpers.js';

const D = tmp();

describe('a leading zero group is a decimal', () => {
  it('0.125 is English 0.125 only; 0,125 Indonesian 0.125 only; 1.250 stays ambiguous', () => {
    expect(readCell('0.125', 'percent')).toEqual({ id: undefined, en: 0.125 });
    expect(readCell('0,125', 'percent')).toEqual({ id: 0.125, en: undefined });
    expect(readCell('1.250', 'number')).toEqual({ id: 1250, en: 1.25 });
    expect(parseNumber('0.125.000', 'id').ok).toBe(false);
    expect(parseNumber('10.125', 'id')).toEqual({ ok: true, value: 10125, percent: false });
  });

  it('coverage 0.125 beside plain counts 1,000 of 8,000: read as 12.5 %, no warning', async () => {
    const f = writeIn(D, 'r4.csv', 'period,unit,workforce,participants,coverage\n2024-06,a,8000,1000,0.125\n');
    const r = await run(['coverage', f, '--by', 'unit', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('a,8000,1000,0.125,7000,');
  });

  it('in a file of Indonesian counts, 0.125 is a contradiction, refused with both cells named', async () => {
    const f = writeIn(D, 'r4m.csv', 'period,unit,workforce,participants,coverage\n2024-06,a,8.000,1.000,0.125\n');
    const r = await run(['coverage', f, '--by', 'unit', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('"0.125"');
    expect(r.stdout).toBe('');
  });
});
