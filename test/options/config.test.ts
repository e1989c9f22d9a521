// jamsostek.json by its own parser: what JSON.parse accepts, plus the line of every error, duplicate
// keys, a depth limit and a BOM.
import { describe, expect, it } from 'vitest';
import { UsageError, formatDiagnostic } from '../../src/errors.js';
import { parseConfigJson, type ConfigPlace, type ConfigValue } from '../../src/io/config.js';
import { resolveOptions } from '../../src/options/resolve.js';

const parse = (text: string): ConfigValue => parseConfigJson(text, 'c.json');
const error = (text: string): string => {
  try {
    parse(text);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return formatDiagnostic((e as UsageError).diagnostics[0]!);
  }
  throw new Error('no error');
};

describe('parseConfigJson', () => {
  it('reads what JSON.parse reads (objects as Maps)', () => {
    const v = parse('{ "lang": "id", "maxErrors": 7, "quiet": true, "sheet": null, "previous": ["a.csv", "b\\u00e9\\n\\"c\\"\\/"], "x": -1.5e2 }');
    expect(v).toEqual(new Map<string, ConfigValue>([['lang', 'id'], ['maxErrors', 7], ['quiet', true], ['sheet', null], ['previous', ['a.csv', 'bé\n"c"/']], ['x', -150]]));
    for (const text of ['{}', '[]', '"x"', '0', '{"a":{"b":[1,2,{"c":false}]}}', ' \n{ "a" : [ ] }\n ']) {
      expect(JSON.stringify(toPlain(parse(text)))).toBe(JSON.stringify(JSON.parse(text)));
    }
  });

  it('__proto__ and constructor are keys like any other', () => {
    const v = parse('{"__proto__": 1, "constructor": 2}') as Map<string, ConfigValue>;
    expect([...v.keys()]).toEqual(['__proto__', 'constructor']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('errors say where: line and column', () => {
    expect(error('{\n  "lang": "id",\n}')).toBe('c.json:3:1: error: config file is not valid JSON: expected a key in "…", found "}"');
    expect(error('{"a": tru}')).toMatch(/^c\.json:1:7: error: config file is not valid JSON: expected a value/);
    expect(error('{"a": "x\ny"}')).toMatch(/^c\.json:1:9: error: .*control character/);
    expect(error('{"a": 1} x')).toMatch(/^c\.json:1:10: error: .*expected the end of the file/);
    expect(error('')).toMatch(/^c\.json:1:1: error: config file is empty/);
    expect(error('{"a": "\\q"}')).toMatch(/unknown escape \\q/);
  });

  it('a key twice, at any depth, with both lines', () => {
    expect(error('{\n "a": 1,\n\n "a": 2\n}')).toBe('c.json:4:2: error: config file gives "a" twice (first on line 2)\n  hint: keep one of them');
    expect(error('{"x": {"b": 1, "b": 1}}')).toContain('gives "b" twice');
  });

  it('nesting deeper than 8 levels is refused before it can exhaust the stack', () => {
    expect(error('['.repeat(100_000))).toMatch(/^c\.json:1:9: error: config file is nested deeper than 8 levels/);
    expect(() => parse('['.repeat(8) + ']'.repeat(8))).not.toThrow();
  });

  it('a BOM is skipped, and columns count from after it', () => {
    expect(parse('\uFEFF{"lang":"id"}')).toEqual(new Map([['lang', 'id']]));
    expect(error('\uFEFF{"lang" "id"}')).toMatch(/^c\.json:1:9: /);
  });
});

describe('the places of the keys and the texts of the numbers', () => {
  it('each top-level key: its line and column, its value\'s, and each number as written', () => {
    const places = new Map<string, ConfigPlace>();
    const v = parseConfigJson('\uFEFF{\n  "min": 1.000,\n\t"previous" : [ "a", 2e3 ],\n  "x": { "y": 1.50 } }', 'c.json', places);
    expect((v as Map<string, ConfigValue>).get('min')).toBe(1);
    expect(places.get('min')).toEqual({ line: 2, column: 3, value: { line: 2, column: 10 }, numbers: ['1.000'] });
    expect(places.get('previous')).toEqual({ line: 3, column: 2, value: { line: 3, column: 15 }, numbers: ['2e3'] });
    expect(places.get('x')).toEqual({ line: 4, column: 3, value: { line: 4, column: 8 }, numbers: ['1.50'] });
    expect([...places.keys()]).toEqual(['min', 'previous', 'x']);
  });
});

describe('every value of a config file is checked', () => {
  it('also when the flag is given, and also the other one of an exclusive pair', () => {
    const config = { file: 'c.json', values: new Map<string, unknown>([['target', 'banyak']]) };
    expect(() => resolveOptions(['target'], { target: '1000' }, config)).toThrow(/c\.json|config "target"/);
    expect(() => resolveOptions(['target', 'year'], { year: '2024' }, config, [['year', 'target']])).toThrow(UsageError);
  });

  it('the error of a value is placed at the config file', () => {
    try {
      resolveOptions(['lang'], {}, { file: 'c.json', values: new Map([['maxErrors', 'many']]) });
      throw new Error('no error');
    } catch (e) {
      expect(formatDiagnostic((e as UsageError).diagnostics[0]!)).toBe('c.json: error: config "maxErrors" expects a whole number above 0, got "many"');
    }
  });
});

function toPlain(v: ConfigValue): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, toPlain(x)]));
  if (Array.isArray(v)) return v.map(toPlain);
  return v;
}
