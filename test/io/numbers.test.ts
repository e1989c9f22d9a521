import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectNumberLocale, localeEvidence, parseCount, parseNumber } from '../../src/io/numbers.js';

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

  it('counts are whole and non-negative', () => {
    expect(parseCount('256.129', 'id')).toEqual({ ok: true, value: 256129 });
    expect(parseCount('256.129', 'en')).toEqual({ ok: false, reason: 'a count must be a whole number' });
    expect(parseCount('-5', 'en')).toEqual({ ok: false, reason: 'a count cannot be negative' });
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
          const r = parseCount(text, to);
          // Either refused, or the same value (plain digits), or flagged as ambiguous by detection.
          if (r.ok && r.value !== n) expect(localeEvidence(text)).toBe('ambiguous');
        }
      }),
      { numRuns: RUNS, seed: 43 },
    );
  });
});

describe('number locale detection', () => {
  it.each([
    [['1.234.567'], 'id'],
    [['60,56'], 'id'],
    [['1.234,5'], 'id'],
    [['1,234,567'], 'en'],
    [['60.56'], 'en'],
    [['42', '17'], 'en'],
    [['256.129', '3.102.552'], 'id'],
  ] as const)('%j → %s', (values, locale) => {
    expect(detectNumberLocale(values).locale).toBe(locale);
  });
  it('refuses to guess from ambiguous values only', () => {
    expect(detectNumberLocale(['256.129', '1,234'])).toEqual({ problem: { kind: 'ambiguous', example: '256.129' } });
  });
  it('reports mixed evidence', () => {
    expect(detectNumberLocale(['1.234.567', '60.56']).problem?.kind).toBe('mixed');
  });
});
