// The streaming JSON-rows reader: every rule with its exact place, chunking at any position, and
// properties against JSON.parse (same rows for valid input; a diagnostic with a place, never a throw,
// for damaged input).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProblemList, type Diagnostic } from '../../src/errors.js';
import { readJsonRows, type JsonRowLimits, type JsonTotals } from '../../src/io/json-rows.js';
import type { Cell, CellPlace } from '../../src/io/row-sink.js';

// 150 runs in npm test (was 400, cut to keep it under a minute): the first 150 of the same seeded runs;
// `npm run fuzz` runs 20,000 (FUZZ_RUNS).
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

interface Read {
  columns: { name: string; index: number; line: number; column: number }[];
  rows: { line: number; cells: (Cell | undefined)[]; places: (CellPlace | undefined)[] }[];
  problems: Diagnostic[];
  /** How many chunks the reader asked for. */
  pulled: number;
  /** Whether the reader closed the source (it must not: the caller does). */
  returned: boolean;
  /** The file's own "totals" object. */
  totals?: JsonTotals;
}

/** Read `text` cut into chunks at `cuts` (positions), or in pieces of `size` characters. */
async function read(text: string, split: number | number[] = 0, limits?: JsonRowLimits): Promise<Read> {
  const pieces: string[] = [];
  if (Array.isArray(split)) {
    let from = 0;
    for (const cut of [...new Set(split)].sort((a, b) => a - b)) {
      if (cut > from && cut < text.length) {
        pieces.push(text.slice(from, cut));
        from = cut;
      }
    }
    pieces.push(text.slice(from));
  } else if (split > 0) {
    for (let i = 0; i < text.length; i += split) pieces.push(text.slice(i, i + split));
  } else pieces.push(text);
  const out: Read = { columns: [], rows: [], problems: [], pulled: 0, returned: false };
  let i = 0;
  const source: AsyncIterable<string> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => (i < pieces.length ? (out.pulled++, { done: false, value: pieces[i++]! }) : { done: true, value: undefined }),
      return: async () => {
        out.returned = true;
        return { done: true, value: undefined };
      },
    }),
  };
  const problems = new ProblemList(1000);
  const facts = await readJsonRows(
    source,
    'in.json',
    {
      column: (name, index, place) => out.columns.push({ name, index, line: place.line, column: place.column }),
      row: (cells, line, places) => out.rows.push({ line, cells: [...cells], places: [...places] }),
    },
    problems,
    limits,
  );
  expect(facts.format).toBe('json');
  out.totals = facts.totals;
  out.problems = problems.list();
  return out;
}

/** Rows as objects (own properties even for "__proto__"), for comparing with JSON.parse. */
function objects(r: Read): Record<string, Cell>[] {
  return r.rows.map((row) => Object.fromEntries(r.columns.filter((c) => row.cells[c.index] !== undefined).map((c) => [c.name, row.cells[c.index] as Cell])));
}

const at = (line: number, column: number) => ({ line, column });
const problem = (r: Read) => r.problems.map((d) => `${d.line ?? '-'}:${d.column ?? '-'} ${d.message}`);

describe('readJsonRows: shapes and places', () => {
  it('reads an array of rows with the place of every key and value', async () => {
    const text = '[\n  {"province": "Gorontalo", "participants": 256129},\n  {"province": "Aceh", "participants": 1}\n]\n';
    const r = await read(text);
    expect(r.problems).toEqual([]);
    expect(r.columns).toEqual([
      { name: 'province', index: 0, ...at(2, 4) },
      { name: 'participants', index: 1, ...at(2, 29) },
    ]);
    expect(r.rows).toEqual([
      { line: 2, cells: ['Gorontalo', 256129], places: [at(2, 16), at(2, 45)] },
      { line: 3, cells: ['Aceh', 1], places: [at(3, 16), at(3, 40)] },
    ]);
  });

  it('gives the same result for every chunk size, including one character at a time', async () => {
    const text = '{"rows": [{"a": "x\\u00e9\\uD83D\\uDE00\\n", "b": -12.5e-1, "c": true},\r\n{"c": null, "d": false, "b": 9007199254740993}]}';
    const whole = await read(text);
    expect(whole.problems).toEqual([]);
    expect(objects(whole)).toEqual([
      { a: 'xé😀\n', b: -1.25, c: true },
      { c: null, d: false, b: '9007199254740993' },
    ]);
    for (let size = 1; size <= text.length; size++) {
      const r = await read(text, size);
      expect(r.columns).toEqual(whole.columns);
      expect(r.rows).toEqual(whole.rows);
    }
  });

  it('announces a key the first time it is seen; earlier rows do not have it', async () => {
    const r = await read('[{"a": 1}, {"b": 2, "a": 3}, {}]');
    expect(r.columns.map((c) => [c.name, c.index])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(r.rows.map((x) => x.cells)).toEqual([[1], [3, 2], [undefined, undefined]]);
    expect(r.rows[1]!.places).toEqual([at(1, 26), at(1, 18)]);
  });

  it("reads the tool's own -f json output: the rows only, the other members skipped", async () => {
    const text = JSON.stringify(
      {
        schemaVersion: 1,
        kind: 'coverage',
        meta: { notes: [{ code: 'x', rows: [1, 2] }], inputs: [{ sha256: 'ab', rows: 'not these' }] },
        columns: [{ key: 'province', label: { en: 'Province', id: 'Provinsi' } }],
        rows: [{ province: 'Gorontalo', participants: 256129, coverage: 0.6056 }],
        subtotals: [{ province: 'x' }],
        totals: { participants: 256129 },
      },
      null,
      2,
    );
    const r = await read(text, 7);
    expect(r.problems).toEqual([]);
    expect(r.columns.map((c) => c.name)).toEqual(['province', 'participants', 'coverage']);
    expect(objects(r)).toEqual([{ province: 'Gorontalo', participants: 256129, coverage: 0.6056 }]);
    const line = text.split('\n').findIndex((l) => l.includes('"province": "Gorontalo"')) + 1;
    expect(r.rows[0]!.line).toBe(line - 1);
    expect(r.columns[0]).toEqual({ name: 'province', index: 0, line, column: 7 });
    // "totals" is kept, with places, for the loader to check against the rows (issue 20, F8).
    const at = text.split('\n').findIndex((l) => l.includes('"totals"')) + 1;
    expect(r.totals).toEqual({ place: { line: at, column: 3 }, members: [{ name: 'participants', value: 256129, place: { line: at + 1, column: 21 } }] });
  });

  it('keys that are JavaScript built-ins are ordinary columns', async () => {
    const r = await read('[{"__proto__": "PU", "constructor": 1, "toString": null}]');
    expect(r.problems).toEqual([]);
    expect(r.columns.map((c) => c.name)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(r.rows[0]!.cells).toEqual(['PU', 1, null]);
  });

  it('numbers: JS numbers, except integer literals beyond 2^53 - 1, which stay as their digits', async () => {
    const r = await read('[{"a": 9007199254740991, "b": 9007199254740992, "c": -9007199254740993, "d": 1e20, "e": 12345678901234567890.5, "f": 0, "g": -0.5, "h": 1E+2}]');
    expect(r.problems).toEqual([]);
    expect(r.rows[0]!.cells).toEqual([9007199254740991, '9007199254740992', '-9007199254740993', 1e20, Number('12345678901234567890.5'), 0, -0.5, 100]);
  });

  it('lines end at LF, CRLF or CR (split across chunks too); columns count UTF-16 code units', async () => {
    const text = '[{"a":\r\n1},\r{"a":\n2},{"😀": "é", "b": 3}]';
    for (const split of [0, 1, [7], [8]]) {
      const r = await read(text, split);
      expect(r.rows.map((x) => x.places[0])).toEqual([at(2, 1), at(4, 1), undefined]);
      expect(r.rows[2]!.places[2]).toEqual(at(4, 21));
    }
  });

  it('reads an empty array, and an object whose rows are empty', async () => {
    expect(await read('[]')).toMatchObject({ rows: [], problems: [] });
    expect(await read('{"rows": []}')).toMatchObject({ rows: [], problems: [] });
  });
});

describe('readJsonRows: content problems (reading goes on)', () => {
  it('an object or array as a value is an error for that field; the rest of the row is read', async () => {
    const r = await read('[{"a": {"x": [1, {"y": 2}]}, "b": 1, "c": [], "d": 2}]');
    expect(problem(r)).toEqual([
      '1:8 field "a": expected text, a number, true, false or null, found an object',
      '1:43 field "c": expected text, a number, true, false or null, found an array',
    ]);
    expect(r.rows[0]!.cells).toEqual([undefined, 1, undefined, 2]);
  });

  it('a key twice in one row is an error naming both places; the first value stays', async () => {
    const r = await read('[{"a": 1,\n  "a": 2, "b": 3}]');
    expect(problem(r)).toEqual(['2:3 field "a" appears twice in one row (first at line 1, column 3)']);
    expect(r.rows[0]!.cells).toEqual([1, 3]);
  });

  it('an item that is not an object is an error with its index; the next items are read', async () => {
    const r = await read('{"rows": [1, "x", [2], null, {"a": 1}, true]}');
    expect(problem(r)).toEqual([
      '1:11 $.rows[0]: expected an object (one row), found a number',
      '1:14 $.rows[1]: expected an object (one row), found text',
      '1:19 $.rows[2]: expected an object (one row), found an array',
      '1:24 $.rows[3]: expected an object (one row), found null',
      '1:40 $.rows[5]: expected an object (one row), found a boolean',
    ]);
    expect(r.rows.map((x) => x.cells)).toEqual([[1]]);
  });

  it('"rows" twice is an error naming both places; the second is not read', async () => {
    const r = await read('{"rows": [{"a": 1}],\n "meta": {},\n "rows": [{"a": 2}]}');
    expect(problem(r)).toEqual(['3:2 "rows" appears twice in the object (first at line 1, column 2)']);
    expect(r.rows.map((x) => x.cells)).toEqual([[1]]);
  });

  it('an object without "rows", or with "rows" not an array, is an error', async () => {
    expect(problem(await read('\n {"schemaVersion": 1, "data": []}'))).toEqual(['2:2 expected an array of rows, or an object with a "rows" array; this object has no "rows"']);
    expect(problem(await read('{"rows": {"a": 1}}'))).toEqual(['1:10 "rows": expected an array of rows, found an object']);
    expect(problem(await read('{"rows": "a"}'))).toEqual(['1:10 "rows": expected an array of rows, found text']);
  });

  it('a top-level value that is not an array or object is refused at its place', async () => {
    expect(problem(await read('  42'))).toEqual(['1:3 expected an array of rows, or an object with a "rows" array, found a number']);
    expect(problem(await read('"rows"'))).toEqual(['1:1 expected an array of rows, or an object with a "rows" array, found text']);
  });

  it('an empty file says so', async () => {
    expect((await read('')).problems).toEqual([expect.objectContaining({ file: 'in.json', message: 'the file is empty' })]);
    expect((await read(' \r\n\t ')).problems.map((d) => d.message)).toEqual(['the file is empty']);
  });

  it('a number out of range is an error for that field', async () => {
    const r = await read('[{"a": 1e999, "b": 1}]');
    expect(problem(r)).toEqual(['1:8 field "a": the number 1e999 is out of range']);
    expect(r.rows[0]!.cells).toEqual([undefined, 1]);
  });
});

describe('readJsonRows: syntax errors (one diagnostic, reading stops)', () => {
  const cases: [string, string, string][] = [
    ['[{"a": 1} {"a": 2}]', '1:11', `unexpected "{", expected ',' or ']'`],
    ['[{"a": 1,}]', '1:10', `unexpected "}", expected a name in double quotes`],
    ['[{"a": 1},]', '1:11', `unexpected "]", expected a value`],
    ['[{"a" 1}]', '1:7', `unexpected "1", expected ':'`],
    ['[{a: 1}]', '1:3', `unexpected "a", expected a name in double quotes or '}'`],
    ["[{'a': 1}]", '1:3', `unexpected "'", expected a name in double quotes or '}'`],
    ['[{"a": 01}]', '1:8', 'invalid number "01"'],
    ['[{"a": 1.}]', '1:8', 'invalid number "1."'],
    ['[{"a": -}]', '1:8', 'invalid number "-"'],
    ['[{"a": .5}]', '1:8', `unexpected ".", expected a JSON value`],
    ['[{"a": 1-2}]', '1:8', 'invalid number "1-2"'],
    ['[{"a": tru}]', '1:11', `unexpected "}" in 'true'`],
    ['[{"a": nul', '1:11', `the file ends inside 'null'`],
    ['[{"a": NaN}]', '1:8', `unexpected "N", expected a JSON value`],
    ['[{"a": "x\\qy"}]', '1:10', 'invalid escape "\\\\q" in text'],
    ['[{"a": "\\u12G4"}]', '1:9', 'invalid \\u escape in text: four hexadecimal digits expected'],
    ['[{"a": "x\ty"}]', '1:10', 'control character U+0009 inside text'],
    ['[{"a": "x\ny"}]', '1:10', 'control character U+000A inside text'],
    ['[{"a": "never closed}]', '1:8', 'the text starting here is never closed (the file ends inside it)'],
    ['[{"a": 1}', '1:10', `the file ends where ',' or ']' was expected`],
    ['[{"a": 1}]\n\n  x', '3:3', 'unexpected "x" after the end of the JSON value'],
    ['[{"a": 1}] []', '1:12', 'unexpected "[" after the end of the JSON value'],
    ['[{"a": 1} // note\n]', '1:11', `unexpected "/", expected ',' or ']'`],
    ['\uFEFF[]', '1:1', `unexpected "\uFEFF", expected a JSON value`],
  ];
  it.each(cases)('%j → %s %s', async (text, place, message) => {
    for (const split of [0, 1, 3]) {
      const r = await read(text, split);
      expect(problem(r)).toEqual([`${place} ${message}`]);
    }
  });

  it('gives hints for the common slips', async () => {
    const hint = async (text: string) => (await read(text)).problems[0]?.hint;
    expect(await hint('[{"a": 1,}]')).toMatch(/no comma before '}'/);
    expect(await hint('[{"a": 1},]')).toMatch(/no comma before '\]'/);
    expect(await hint('[{"a": 1} // x\n]')).toBeUndefined();
    expect(await hint('[// x\n]')).toMatch(/no comments/);
    expect(await hint("[{'a': 1}]")).toMatch(/double quotes/);
  });

  it('stops at a syntax error: no row after it, no more chunks asked for, the source left open', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `{"a": ${i}}`);
    const text = `[${rows.slice(0, 10).join(',')},{"a": oops},${rows.slice(10).join(',')}]`;
    const r = await read(text, 8);
    expect(r.rows).toHaveLength(10);
    expect(r.problems).toHaveLength(1);
    expect(r.pulled).toBeLessThan(Math.ceil(text.length / 8));
    expect(r.returned).toBe(false);
  });

  it('100,000 nested brackets are a clear error, not a stack overflow', async () => {
    const r = await read('['.repeat(100_000), 4096);
    expect(problem(r)).toEqual(['1:2 $[0]: expected an object (one row), found an array', '1:65 JSON nested deeper than 64 levels']);
    const inRow = await read(`[{"a": ${'['.repeat(100_000)}`, 4096);
    expect(problem(inRow).at(-1)).toBe('1:70 JSON nested deeper than 64 levels');
  });

  it('bounds text and names by maxStringLength, and columns by maxColumns', async () => {
    const long = `[{"a": "${'x'.repeat(5000)}"}]`;
    expect(problem(await read(long, 100, { maxStringLength: 4096 }))).toEqual(['1:8 a text value longer than 4096 characters']);
    expect((await read(long, 100, { maxStringLength: 5000 })).rows[0]!.cells[0]).toHaveLength(5000);
    expect(problem(await read(`[{"${'k'.repeat(30)}": 1}]`, 0, { maxStringLength: 20 }))).toEqual(['1:3 a name longer than 20 characters']);
    // Text in skipped members is scanned, not kept: no limit applies.
    expect((await read(`{"meta": "${'m'.repeat(5000)}", "rows": []}`, 100, { maxStringLength: 10 })).problems).toEqual([]);
    expect(problem(await read('[{"a": 1, "b": 2}, {"c": 3}]', 0, { maxColumns: 2 }))).toEqual(['1:21 more than 2 different names in the rows']);
  });

  it('a sink that throws stops the reading with its error', async () => {
    const source = (async function* () {
      yield '[{"a": 1}, {"a": 2}]';
    })();
    const boom = new Error('sink full');
    await expect(
      readJsonRows(
        source,
        'in.json',
        {
          column: () => undefined,
          row: () => {
            throw boom;
          },
        },
        new ProblemList(10),
      ),
    ).rejects.toBe(boom);
  });
});

// ── properties ──

const keyArb = fc.oneof(fc.constantFrom('province', 'participants', '__proto__', 'constructor', 'a"b', 'x\\y', '😀', ''), fc.string({ maxLength: 6 }));
const textArb = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u0000', '\u001f', '\u2028', '\uD83D', '\uDE00', 'é', '/'), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 12 });
const valueArb = fc.oneof(
  textArb,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(2 ** 53, -(2 ** 60), 2 ** 70, 9007199254740991, 256129, 0.6056, -0),
  fc.boolean(),
  fc.constant(null),
);
const rowArb = fc.uniqueArray(fc.tuple(keyArb, valueArb), { selector: (e) => e[0], maxLength: 6 });
const wsArb = fc.array(fc.constantFrom('', '', ' ', '\n', '\r\n', '\r', '\t', '  '), { minLength: 1, maxLength: 8 });

/** Serialize rows with whitespace from `pool` between every two tokens. */
function serialize(rows: [string, unknown][][], pool: string[], wrap: unknown): string {
  let k = 0;
  const ws = () => pool[k++ % pool.length]!;
  const items = rows.map((entries) => `{${ws()}${entries.map(([key, v]) => `${JSON.stringify(key)}${ws()}:${ws()}${JSON.stringify(v)}`).join(`${ws()},${ws()}`)}${ws()}}`);
  const array = `[${ws()}${items.join(`${ws()},${ws()}`)}${ws()}]`;
  if (wrap === undefined) return `${ws()}${array}${ws()}`;
  return `${ws()}{${ws()}"schemaVersion":${ws()}1,${ws()}"meta":${ws()}${JSON.stringify(wrap)},${ws()}"rows":${ws()}${array}${ws()},${ws()}"subtotals":${ws()}${JSON.stringify(wrap)}${ws()}}${ws()}`;
}

/** JSON.parse's value, with integers beyond 2^53 as their digits (as the reader passes them). */
function expected(text: string): Record<string, Cell>[] {
  const parsed = JSON.parse(text) as unknown;
  const rows = (Array.isArray(parsed) ? parsed : (parsed as { rows: unknown[] }).rows) as Record<string, Cell>[];
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, v]) => [key, typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v) && Math.abs(v) < 1e21 ? String(v) : v]),
    ),
  );
}

describe('readJsonRows: properties', () => {
  it('any array of rows, with any whitespace, chunked anywhere, reads as JSON.parse reads it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 6 }), wsArb, fc.option(fc.jsonValue({ maxDepth: 4 }), { nil: undefined }), fc.array(fc.nat(), { maxLength: 12 }), async (rows, pool, wrap, cuts) => {
        const text = serialize(rows, pool, wrap);
        const r = await read(
          text,
          cuts.map((c) => c % (text.length + 1)),
        );
        expect(r.problems).toEqual([]);
        expect(objects(r)).toEqual(expected(text));
        // Every place points at the first character of its value.
        const parsed = JSON.parse(text) as unknown;
        const raw = (Array.isArray(parsed) ? parsed : (parsed as { rows: unknown[] }).rows) as Record<string, unknown>[];
        const lines = text.split(/\r\n|\r|\n/);
        for (const [j, row] of r.rows.entries()) {
          for (const c of r.columns) {
            const p = row.places[c.index];
            if (!p) continue;
            const v = Object.getOwnPropertyDescriptor(raw[j], c.name)?.value as unknown;
            const first = lines[p.line - 1]![p.column - 1]!;
            if (typeof v === 'number') expect(first).toMatch(/[-0-9]/);
            else expect(first).toBe(typeof v === 'string' ? '"' : v === null ? 'n' : v ? 't' : 'f');
          }
        }
      }),
      { numRuns: RUNS, seed: 2 },
    );
  });

  it('damaged JSON: never a throw; a diagnostic with a place whenever JSON.parse refuses; nothing accepted that JSON.parse refuses', async () => {
    const damageArb = fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'replace', 'cut'), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'x', '1', '-', '.', 'e', ' ', '\n', 't', 'n', '\u0001')), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 4 }), wsArb, fc.boolean(), damageArb, fc.integer({ min: 1, max: 9 }), async (rows, pool, wrap, damage, chunk) => {
        let text = serialize(rows, pool, wrap ? { n: [1, 2] } : undefined);
        for (const [pos, op, ch] of damage) {
          const p = pos % (text.length + 1);
          if (op === 'delete') text = text.slice(0, p) + text.slice(p + 1);
          else if (op === 'insert') text = text.slice(0, p) + ch + text.slice(p);
          else if (op === 'replace') text = text.slice(0, p) + ch + text.slice(p + 1);
          else text = text.slice(0, p);
        }
        const r = await read(text, chunk);
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        if (!valid) expect(r.problems.length).toBeGreaterThan(0);
        const lines = text.split(/\r\n|\r|\n/);
        for (const d of r.problems) {
          if (d.message === 'the file is empty') continue;
          expect(d.file).toBe('in.json');
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines.length);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeLessThanOrEqual(lines[d.line! - 1]!.length + 1);
        }
      }),
      { numRuns: RUNS * 2, seed: 3 },
    );
  });
});
