// The library's types refuse what would fail at run time: a method name with a typo passes no type
// check (the `@ts-expect-error` lines below are checked by `npm run typecheck`: if the line compiled,
// the directive itself would be the error). The run-time check stays for JavaScript callers.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { apportion, apportionMatrix, DIVISOR_METHOD_NAMES, FORMATS, METHOD_NAMES, type DivisorMethodName, type Format, type InputFormat, type MethodAlias, type MethodName } from '../../src/index.js';

describe('the library API: methods and formats are typed unions', () => {
  it("refuses 'webstr' in the type check, and at run time from JavaScript", () => {
    // @ts-expect-error: 'webstr' is not a method
    expect(() => apportion([1, 2], 3, { method: 'webstr' })).toThrow(/unknown method "webstr" \(methods: webster, hamilton, dhondt, huntington-hill, adams, dean\)/);
    // @ts-expect-error: Hamilton has no biproportional form
    expect(() => apportionMatrix([[1]], { rowTotals: [1], columnTotals: [1], method: 'hamilton' })).toThrow(/a matrix needs a divisor method \(webster, dhondt, huntington-hill, adams, dean\)/);
    // @ts-expect-error: nor under another of its names
    expect(() => apportionMatrix([[1]], { rowTotals: [1], columnTotals: [1], method: 'largest-remainder' })).toThrow(RangeError);
  });

  it('accepts every method by its name and its aliases', () => {
    expect(apportion([1, 1], 2, { method: 'sainte-lague' })).toEqual([1n, 1n]);
    expect(apportion([1, 1], 2, { method: 'largest-remainder' })).toEqual([1n, 1n]);
    expect(apportionMatrix([[1]], { rowTotals: [1], columnTotals: [1], method: 'jefferson' })).toEqual([[1n]]);
    for (const method of METHOD_NAMES) expect(apportion([3, 1], 4, { method })).toEqual([3n, 1n]);
  });

  it('the unions and the lists are the same names', () => {
    expectTypeOf<MethodName>().toEqualTypeOf<'webster' | 'hamilton' | 'dhondt' | 'huntington-hill' | 'adams' | 'dean'>();
    expectTypeOf<DivisorMethodName>().toEqualTypeOf<Exclude<MethodName, 'hamilton'>>();
    expectTypeOf<'sainte-lague'>().toExtend<MethodAlias>();
    expectTypeOf<Format>().toEqualTypeOf<'table' | 'csv' | 'tsv' | 'json' | 'jsonl' | 'md' | 'xlsx' | 'html'>();
    expectTypeOf<InputFormat>().toEqualTypeOf<'csv' | 'json' | 'xlsx' | 'parquet'>();
    expect(METHOD_NAMES).toEqual(['webster', 'hamilton', 'dhondt', 'huntington-hill', 'adams', 'dean']);
    expect(DIVISOR_METHOD_NAMES).toEqual(['webster', 'dhondt', 'huntington-hill', 'adams', 'dean']);
    expect(FORMATS).toEqual(['table', 'csv', 'tsv', 'json', 'jsonl', 'md', 'xlsx', 'html']);
  });
});
