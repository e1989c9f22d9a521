import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countFault, LocalePolicy, parseNumber, readCell, wholeOfNoise, type Reading } from '../../src/core/numbers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

describe('strict number parsing', () => {
  it.each([
    ['256.129', 'id', 256129],
    ['3.102.552', 'id', 3102552],
    ['60,56', 'id', 60.56],
    ['-1.234,5', 'id', -1234.5],
    ['256129', 'id', 256129],
    ['256,129', 'en', 256129],
    ['3,102,552', 'en', 3102552],
    ['60.56', 'en', 60.56],
    ['-1,234.5', 'en', -1234.5],
    [' 42 ', 'en', 42],
  ] as const)('%s (%s) → %d', (raw, locale, value) => {
    expect(parseNumber(raw, locale)).toEqual({ ok: true, value, percent: false });
  });

  it.each([
    ['1.2.3', 'id'],
    ['12.34', 'id'],
    ['1,234.5', 'id'],
    ['1.234,5', 'en'],
    ['12,34', 'en'],
    ['abc', 'en'],
    ['1e5', 'en'],
    ['', 'en'],
    ['0x10', 'en'],
    ['1 234', 'en'],
  ] as const)('refuses %s in %s', (raw, locale) => {
    expect(parseNumber(raw, locale).ok).toBe(false);
  });

  it('percentages only where allowed, as fractions', () => {
    expect(parseNumber('60,56%', 'id', { allowPercent: true })).toEqual({ ok: true, value: 0.6056, percent: true });
    expect(parseNumber('60.56 %', 'en', { allowPercent: true })).toEqual({ ok: true, value: 0.6056, percent: true });
    expect(parseNumber('60,56%', 'id').ok).toBe(false);
  });

  it('a float within its rounding noise of a whole number is that number (rv35 D7); nothing else is', () => {
    expect(wholeOfNoise(500.00000000000006)).toBe(500);
    expect(wholeOfNoise(499.99999999999994)).toBe(500);
    expect(wholeOfNoise(0.1 * 3 * 10)).toBe(3);
    expect(wholeOfNoise(12_345_678.000000002)).toBe(12_345_678);
    for (const v of [500, 500.5, 500.001, 500.0000001, 1e-300, -8.881784197001252e-16, 0.30000000000000004, -499.99999999999994, 2 ** 53 + 0.5]) expect(wholeOfNoise(v), String(v)).toBeUndefined();
    expect([countFault(-5), countFault(1.5), countFault(2 ** 53), countFault(7)]).toEqual(['negative', 'fraction', 'too-large', undefined]);
  });

  it('counts are whole and non-negative, read in both locales', () => {
    expect(readCell('256.129', 'count')).toEqual({ id: 256129, en: undefined });
    expect(readCell('422,934', 'count')).toEqual({ id: undefined, en: 422934 });
    expect(readCell('42', 'count')).toEqual({ id: 42, en: 42 });
    expect(readCell('-5', 'count')).toEqual({ id: undefined, en: undefined, problem: 'a count cannot be negative', fault: 'negative' });
    expect(readCell('1,5', 'count')).toEqual({ id: undefined, en: undefined, problem: 'a count must be a whole number', fault: 'fraction' });
    expect(readCell('abc', 'count').problem).toBe('is not a number');
    expect(readCell('abc', 'count').fault).toBeUndefined();
    // rv35 D7: a float's rounding noise (Excel's 500.00000000000006) is the whole number, said (noise).
    expect(readCell('500.00000000000006', 'count')).toEqual({ id: undefined, en: 500, noise: 500.00000000000006 });
    expect(readCell('499,99999999999994', 'count')).toEqual({ id: 500, en: undefined, noise: 499.99999999999994 });
    expect(readCell('500.0001', 'count')).toEqual({ id: undefined, en: undefined, problem: 'a count must be a whole number', fault: 'fraction' });
    expect(readCell('1.250', 'number')).toEqual({ id: 1250, en: 1.25 });
  });

  it('round trip against Intl.NumberFormat id-ID and en-US (integers and decimals)', () => {
    const fmt = {
      id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 }),
      en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }),
    };
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 0, max: 9999 }), fc.constantFrom('id' as const, 'en' as const), (int, frac, locale) => {
        const value = Number(`${int}.${String(frac).padStart(4, '0')}`);
        const text = fmt[locale].format(value).replace('\u2212', '-');
        const r = parseNumber(text, locale);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value).toBeCloseTo(Number(value.toFixed(4)), 6);
      }),
      { numRuns: RUNS, seed: 42 },
    );
  });

  it('a number formatted in one locale never reads as a different number in the other', () => {
    const fmt = { id: new Intl.NumberFormat('id-ID'), en: new Intl.NumberFormat('en-US') };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => {
        for (const [from, to] of [['id', 'en'], ['en', 'id']] as const) {
          const text = fmt[from].format(n);
          // Read as a count, a formatted whole number is never a different whole number in the other locale.
          const r = readCell(text, 'count');
          if (r[to] !== undefined) expect(r[to]).toBe(n);
          expect(r[from]).toBe(n);
        }
      }),
      { numRuns: RUNS, seed: 43 },
    );
  });
});

describe('the locale of a file is deduced from its cells, never guessed', () => {
  const feed = (cells: [string, 'count' | 'number'][], forced?: 'id' | 'en') => {
    const p = new LocalePolicy(forced);
    const out = cells.map(([raw, kind], i) => p.take(readCell(raw, kind) as Reading, { line: i + 2, column: 1, raw }));
    return { p, out };
  };
  it.each([
    [[['256.129', 'count']], 'id', [256129]],
    [[['422,934', 'count']], 'en', [422934]],
    [[['1.234.567', 'count'], ['60,56', 'number']], 'id', [1234567, 60.56]],
    [[['42', 'count'], ['17', 'count']], undefined, [42, 17]],
  ] as const)('%j → %s', (cells, locale, values) => {
    const { p, out } = feed(cells as unknown as [string, 'count' | 'number'][]);
    expect(p.locale).toBe(locale);
    expect(out).toEqual(values);
  });
  it('a decimal that reads two ways waits for a count to decide', () => {
    const { p, out } = feed([['1.250', 'number'], ['3.102.552', 'count']]);
    expect(out).toEqual(['pending', 3102552]);
    expect(p.locale).toBe('id');
  });
  it('cells that contradict each other: the first cell of each reading is kept, to name both', () => {
    const { p, out } = feed([['256.129', 'count'], ['1,234', 'count']]);
    expect(out).toEqual([256129, 'contradiction']);
    expect(p.idOnly).toMatchObject({ line: 2, raw: '256.129' });
    expect(p.enOnly).toMatchObject({ line: 3, raw: '1,234' });
  });
  it('a forced locale reads every cell in it', () => {
    expect(feed([['256.129', 'number']], 'en').out).toEqual([256.129]);
    expect(feed([['256,129', 'count']], 'id').out).toEqual(['contradiction']);
  });
  // A count "2,000" in a file whose other counts are Indonesian ("1.200") was read as 2 without a word.
  it('a count of three decimal zeros in the file\'s locale is the other locale\'s grouping: named, never read as 2', () => {
    expect(readCell('2,000', 'count')).toEqual({ id: 2, en: 2000, grouping: 'en' });
    expect(readCell(' 3.000 ', 'count')).toEqual({ id: 3000, en: 3, grouping: 'id' });
    expect(readCell('2,000', 'number')).toEqual({ id: 2, en: 2000 }); // a decimal measure may have three decimals
    expect(readCell('2,500', 'count')).toEqual({ id: undefined, en: 2500 });
    const id = feed([['2,000', 'count'], ['3.000', 'count'], ['1.200', 'count']]);
    expect(id.p.locale).toBe('id');
    expect(id.p.threeDecimals()).toEqual({ at: { line: 2, column: 1, raw: '2,000' }, value: 2, grouped: 2000, locale: 'id', decidedBy: { line: 4, column: 1, raw: '1.200' } });
    // After the locale is decided, too.
    expect(feed([['1.200', 'count'], ['2,000', 'count']]).p.threeDecimals()).toMatchObject({ at: { raw: '2,000' }, value: 2, grouped: 2000 });
    const en = feed([['1,234', 'count'], ['5.000', 'count']]);
    expect(en.p.threeDecimals()).toMatchObject({ at: { raw: '5.000' }, value: 5, grouped: 5000, locale: 'en', decidedBy: { raw: '1,234' } });
    // Grouping in the file's own locale is its usual way of writing; undecided files wait; a forced locale is the user's word.
    expect(feed([['1,234', 'count'], ['2,000', 'count']]).p.threeDecimals()).toBeUndefined();
    expect(feed([['2,000', 'count']]).p.threeDecimals()).toBeUndefined();
    expect(feed([['1.200', 'count'], ['2,000', 'count']], 'id').p.threeDecimals()).toBeUndefined();
  });
  it('a count of 1–3 digits, a separator and three zeros is named whichever way the file decides (property)', () => {
    const shaped = fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom(',', '.')).map(([n, sep]) => ({ raw: `${n}${sep}000`, n, sep }));
    fc.assert(
      fc.property(shaped, fc.constantFrom('id', 'en'), fc.boolean(), ({ raw, n, sep }, locale, before) => {
        const decide = locale === 'id' ? '1.234.567' : '1,234,567';
        const cells: [string, 'count'][] = before ? [[decide, 'count'], [raw, 'count']] : [[raw, 'count'], [decide, 'count']];
        const three = feed(cells).p.threeDecimals();
        // Indonesian reads "n,000" as n (three decimals), English reads "n.000" as n.
        const decimalHere = (locale === 'id' && sep === ',') || (locale === 'en' && sep === '.');
        if (decimalHere) expect(three).toMatchObject({ value: n, grouped: n * 1000, locale, at: { raw } });
        else expect(three).toBeUndefined();
      }),
      { numRuns: RUNS / 10, seed: 5 },
    );
  });
});
