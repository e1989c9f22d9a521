// The extract engine on hand-computed cases: number-locale deduction, the duplicate-id check, line
// numbers, and the same answers from worker threads as from one pass. Worker threads run the build in
// dist/ (npm test builds first).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanExtract, type ExtractPlan, type ExtractScan } from '../../src/io/extract/index.js';

const dir = mkdtempSync(join(tmpdir(), 'jamsostek-extract-cases-'));
let n = 0;

function file(text: string | Uint8Array): string {
  const path = join(dir, `c${n++}.csv`);
  writeFileSync(path, text);
  return path;
}

/** `key;count` rows after a `k;n` header. */
async function counts(rows: string[], options: Partial<ExtractPlan> = {}, splits?: number[]): Promise<ExtractScan> {
  const path = file('k;n\n' + rows.join('\n') + '\n');
  return scanExtract({ path, delimiter: 0x3b, dataStart: 4, firstDataLine: 2, fieldCount: 2, keyFields: [0], countFields: [1], ...options }, splits ? { splits, inline: true } : {});
}

function sums(scan: ExtractScan): Record<string, number> | string {
  if (!scan.ok) return 'refused';
  const out: Record<string, number> = Object.create(null);
  for (const g of scan.groups) out[g.keys.join('|')] = g.sums[0]!;
  return out;
}

describe('number locale, deduced from the counts', () => {
  it.each([
    // rows, expected sums per key, expected locale
    [['A;12', 'A;7'], { A: 19 }, undefined],
    [['A;256.129', 'A;12'], { A: 256141 }, 'id'],
    [['A;"1,234"', 'A;5'], { A: 1239 }, 'en'],
    [['A;0.000', 'B;3'], { A: 0, B: 3 }, undefined], // 0 in both readings
    [['A;12,0'], { A: 12 }, 'id'], // only Indonesian reads it, as a whole 12
    [['A;5.00'], { A: 5 }, 'en'],
    [['A; 1.234 ', 'A;"  3.000.000"'], { A: 3001234 }, 'id'],
    // 1.000 is 1000 or 1 until a later cell decides; both sums were kept meanwhile.
    [['A;1.000', 'B;2.500.000'], { A: 1000, B: 2500000 }, 'id'],
    [['A;"1,000"', 'B;"1,234,567"'], { A: 1000, B: 1234567 }, 'en'],
    // 12,0 is 12 in Indonesian (a decimal comma), the locale 9.999.999 decides.
    [['A;1.000', 'A;7', 'B;12,0', 'B;9.999.999'], { A: 1007, B: 10000011 }, 'id'],
  ] as const)('%j → %j (%s)', async (rows, expected, locale) => {
    const scan = await counts([...rows]);
    expect(scan.ok && scan.locale).toBe(locale ?? undefined);
    expect(sums(scan)).toEqual(expected);
  });

  it.each([
    [['A;1.000'], 'reads as 1000 or 1, and nothing decides'],
    [['A;1.000', 'B;2,000'], 'both ambiguous, in opposite directions'],
    [['A;1.234', 'B;1,234'], 'one cell only Indonesian, another only English'],
    // A count with three decimal zeros in the file's locale is the other locale's grouping (it was read
    // as 1 and as 12): the general path names both cells.
    [['A;1.000', 'B;1,234,567'], 'English, where 1.000 would be 1 with three decimals'],
    [['A;7', 'B;12,000', 'B;9.999.999'], 'Indonesian, where 12,000 would be 12 with three decimals'],
    [['A;3.000.000', 'B;5.5'], 'Indonesian, then an English decimal'],
    [['A;12.5'], 'not whole in either locale'],
    [['A;-5'], 'negative'],
    [['A;'], 'empty'],
    [['A;  '], 'only spaces'],
    [['A;1 234'], 'a space inside'],
    [['A;1.23.456'], 'a group of two'],
    [['A;9007199254740992'], 'beyond 2^53'],
    [['A;9007199254740991', 'A;1'], 'a sum beyond 2^53'],
  ])('%j is refused (%s)', async (rows) => {
    expect(await counts(rows)).toMatchObject({ ok: false });
  });

  it('a sum of 2^53 − 1 split over groups is fine', async () => {
    expect(sums(await counts(['A;9007199254740991', 'B;1']))).toEqual({ A: 9007199254740991, B: 1 });
  });

  it('--number-locale forces the reading', async () => {
    expect(sums(await counts(['A;1.000'], { locale: 'id' }))).toEqual({ A: 1000 });
    // 1.000 under en would be 1 with three decimal zeros: the Indonesian grouping of 1000 (rv21 J). The
    // engine leaves it to the general path, which refuses it.
    expect(await counts(['A;1.000'], { locale: 'en' })).toMatchObject({ ok: false });
    expect(sums(await counts(['A;1,000'], { locale: 'en' }))).toEqual({ A: 1000 });
    expect(await counts(['A;256.129'], { locale: 'en' })).toMatchObject({ ok: false });
    expect(await counts(['A;1,234'], { locale: 'id' })).toMatchObject({ ok: false });
    expect(await counts(['A;12'], { locale: 'en' })).toMatchObject({ ok: true, locale: 'en' });
  });

  it('the deciding cell may be in a later range than the ambiguous ones', async () => {
    const rows = ['A;1.000', 'A;2.000', 'B;4', 'B;1.500.000'];
    const at = 4 + rows.slice(0, 2).join('\n').length + 1;
    const scan = await counts(rows, {}, [at]);
    expect(scan).toMatchObject({ ok: true, locale: 'id', ranges: 2 });
    expect(sums(scan)).toEqual({ A: 3000, B: 1500004 });
    expect(await counts(['A;1.000', 'B;1,5'], {}, [12])).toMatchObject({ ok: false }); // 1,5 is no whole number
    expect(await counts(['A;3.000.000', 'B;1,234,567'], {}, [16])).toMatchObject({ ok: false }); // ranges disagree
  });
});

describe('duplicate participant ids', () => {
  const plan = (path: string, options: Partial<ExtractPlan> = {}): ExtractPlan => ({
    path,
    delimiter: 0x2c,
    dataStart: 'id,province,period\n'.length,
    firstDataLine: 2,
    fieldCount: 3,
    keyFields: [1, 2],
    countFields: [],
    idField: 0,
    periodField: 2,
    ...options,
  });
  const body = (rows: string[]): string => 'id,province,period\n' + rows.join('\n') + '\n';

  it('the same id in two periods is two participants', async () => {
    const scan = await scanExtract(plan(file(body(['7,Aceh,2024-06', '7,Aceh,2024-07', '8,Bali,2024-06']))));
    expect(scan).toMatchObject({ ok: true, rows: 3, periods: ['2024-06', '2024-07'] });
  });

  it.each([
    [['7,Aceh,2024-06', '8,Bali,2024-06', '7,Bali,2024-06'], 'twice in one period, other groups'],
    [['7,Aceh,2024-06', ' 7 ,Aceh,2024-06'], 'spaces around it'],
    [['"7",Aceh,2024-06', '7,Aceh,2024-06'], 'quoted once'],
    [['7,Aceh,2024-06', ',Aceh,2024-06'], 'an empty id'],
    // The general path trims ids as JavaScript does: these are 7 again.
    [['7,Aceh,2024-06', '7\u00a0,Aceh,2024-06'], 'a no-break space after it'],
    [['7,Aceh,2024-06', '\u30007,Aceh,2024-06'], 'an ideographic space before it'],
    [['7,Aceh,2024-06', '"7\n",Aceh,2024-06'], 'a line break after it, quoted'],
  ])('%j is refused (%s)', async (rows) => {
    expect(await scanExtract(plan(file(body(rows))))).toMatchObject({ ok: false });
  });

  it('without a period, an id may appear once in the whole file', async () => {
    const path = file(body(['7,Aceh,2024-06', '7,Aceh,2024-07']));
    expect(await scanExtract(plan(path, { periodField: undefined }))).toMatchObject({ ok: false });
  });

  it('ids are compared across ranges, and periods as the months they name', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `${1000 + i},Aceh,2024-06`);
    const text = body([...rows, '1003,Bali,2024-06']);
    for (const split of [30, 500, text.length - 20]) {
      expect(await scanExtract(plan(file(text)), { splits: [split], inline: true })).toMatchObject({ ok: false });
    }
    // `2024-06 ` and `2024-6` are other texts of the same month: the same participant, twice in June.
    for (const month of ['2024-06 ', '2024-6']) expect(await scanExtract(plan(file(body([...rows, `1003,Bali,${month}`]))), { splits: [500], inline: true })).toMatchObject({ ok: false });
    const other = await scanExtract(plan(file(body([...rows, '1003,Bali,2024-07']))), { splits: [500], inline: true });
    expect(other).toMatchObject({ ok: true, rows: 201, periods: ['2024-06', '2024-07'] });
  });
});

describe('duplicate rows of a regional file (uniqueRows)', () => {
  // province,regency,period,participants: grouped by province and period, the regency a value field.
  const HEAD = 'province,regency,period,participants\n';
  const plan = (path: string, options: Partial<ExtractPlan> = {}): ExtractPlan => ({
    path,
    delimiter: 0x2c,
    dataStart: HEAD.length,
    firstDataLine: 2,
    fieldCount: 4,
    keyFields: [0, 2],
    periodField: 2,
    valueFields: [1],
    countFields: [3],
    uniqueRows: true,
    ...options,
  });
  const year = (regency: string, months: string[]): string[] => months.map((m, i) => `Aceh,${regency},${m},${i + 1}`);
  const MONTHS = Array.from({ length: 40 }, (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

  it('takes 40 months of many regencies (more than one span of 32 months), and refuses a row given twice', async () => {
    const rows = ['Simeulue', 'Aceh Singkil', 'Bireuen'].flatMap((r) => year(r, MONTHS));
    for (const splits of [undefined, [HEAD.length + 200], [HEAD.length + 900, HEAD.length + 2000]]) {
      const ok = await scanExtract(plan(file(HEAD + rows.join('\n') + '\n')), splits ? { splits, inline: true } : {});
      expect(ok).toMatchObject({ ok: true, rows: 120 });
      // 2021-01 and 2023-09 are 32 months apart: one bit of the mask, in two spans.
      for (const twice of ['Aceh,Bireuen,2021-01,5', 'Aceh,Bireuen,2023-09,5', 'Aceh,Simeulue,2022-06,5']) {
        const at = twice.includes('Simeulue') ? 0 : rows.length;
        const text = HEAD + [...rows.slice(0, at), twice, ...rows.slice(at)].join('\n') + '\n';
        expect(await scanExtract(plan(file(text)), splits ? { splits, inline: true } : {})).toMatchObject({ ok: false });
      }
    }
  });

  it('two spellings of one month are the same month; another regency or month is another row', async () => {
    const rows = year('Simeulue', ['2024-06', '2024-07']);
    expect(await scanExtract(plan(file(HEAD + [...rows, 'Aceh,Simeulue,2024-6,3'].join('\n') + '\n')))).toMatchObject({ ok: false });
    expect(await scanExtract(plan(file(HEAD + [...rows, 'Aceh,Bireuen,2024-06,3', 'Aceh,Simeulue,2024-08,3'].join('\n') + '\n')))).toMatchObject({ ok: true, rows: 4 });
  });

  it('periods that name no month, and files without a period, are checked on the whole tuple', async () => {
    const rows = ['Aceh,Simeulue,2024-Q1,1', 'Aceh,Simeulue,2024-Q2,2', 'Aceh,Bireuen,2024-Q1,3'];
    expect(await scanExtract(plan(file(HEAD + rows.join('\n') + '\n')))).toMatchObject({ ok: true, rows: 3 });
    expect(await scanExtract(plan(file(HEAD + [...rows, 'Aceh,Bireuen,2024-Q1,4'].join('\n') + '\n')))).toMatchObject({ ok: false });
    const noPeriod = plan(file(HEAD + ['Aceh,Simeulue,x,1', 'Aceh,Bireuen,x,2', 'Aceh,Simeulue,x,3'].join('\n') + '\n'), { periodField: undefined, keyFields: [0], valueFields: [1, 2] });
    expect(await scanExtract(noPeriod)).toMatchObject({ ok: false });
  });
});

describe('a key of its own on every record (maxGroupShare)', () => {
  // period,kantor,participants, every field a key but the count: a target per branch. With uniqueRows a
  // record of the same keys is refused, so every record is a group: such a file of 65,536 records or more
  // goes to the general path at the check of the groups. It goes after the first read when that read shows
  // twice as many records in the file.
  const HEAD = 'period,kantor,participants\n';
  const text = (n: number): string => HEAD + Array.from({ length: n }, (_, i) => `2026-06,K${String(i).padStart(6, '0')},${(i % 90) + 1}`).join('\n') + '\n';
  const plan = (path: string, options: Partial<ExtractPlan> = {}): ExtractPlan => ({ path, delimiter: 0x2c, dataStart: HEAD.length, firstDataLine: 2, fieldCount: 3, keyFields: [0, 1], periodField: 0, countFields: [2], uniqueRows: true, maxGroupShare: 0.25, ...options });
  const lineOf = (scan: ExtractScan): number => Number(/\(line (\d+)\)/.exec(scan.ok ? '' : scan.reason)?.[1] ?? -1);

  it('a file of 140,000 records: refused after the first read, not after 65,536 records', async () => {
    const big = file(text(140_000));
    const scan = await scanExtract(plan(big));
    expect(scan).toMatchObject({ ok: false, reason: expect.stringContaining('more groups than the engine keeps well') });
    expect(lineOf(scan)).toBeLessThan(5000);
  });

  it('a file of fewer records than twice the check is read to the check, or whole', async () => {
    expect(lineOf(await scanExtract(plan(file(text(100_000)))))).toBe(65_537);
    expect(await scanExtract(plan(file(text(3000))))).toMatchObject({ ok: true, rows: 3000 });
  });
});

describe('total rows (totalLabels)', () => {
  // The loader reads a regional file with total rows through the general path (it leaves them out and
  // checks them): the engine gives up at the first text that names one, not at the end of the file.
  const HEAD = 'province,regency,period,participants\n';
  const plan = (path: string, options: Partial<ExtractPlan> = {}): ExtractPlan => ({ path, delimiter: 0x2c, dataStart: HEAD.length, firstDataLine: 2, fieldCount: 4, keyFields: [0, 2], periodField: 2, valueFields: [1], countFields: [3], uniqueRows: true, totalLabels: true, ...options });
  const rows = Array.from({ length: 3000 }, (_, i) => `Aceh,Regency ${i},2024-06,${i}`);

  it.each([
    ['Jumlah', 'Aceh,Jumlah,2024-06,5'],
    ['a key field', 'Total,Simeulue,2024-06,5'],
    ['spaces and case', 'Aceh,  JUMLAH KABUPATEN ,2024-06,5'],
    ['a non-ASCII space first', 'Aceh,\u00a0Jumlah,2024-06,5'],
    ['a quoted field', 'Aceh,"Grand ""Total""",2024-06,5'],
    ['a quoted field with a comma', 'Aceh,"Jumlah, semua",2024-06,5'],
  ])('%s: refused at its line', async (_name, total) => {
    const path = file(HEAD + [...rows.slice(0, 10), total, ...rows.slice(10)].join('\n') + '\n');
    const scan = await scanExtract(plan(path));
    expect(scan.ok ? '' : scan.reason).toMatch(/total row .*\(line 12\)$/);
  });

  it('texts that only look like one are keys; without totalLabels a total is a key like another', async () => {
    const path = file(HEAD + [...rows, 'Aceh,Jumla,2024-06,1', 'Aceh,Totalitas,2024-06,1', 'Aceh,Indonesiana,2024-06,1', 'Aceh,Sub,2024-06,1'].join('\n') + '\n');
    expect(await scanExtract(plan(path))).toMatchObject({ ok: true, rows: 3004 });
    const total = file(HEAD + [...rows, 'Aceh,Jumlah,2024-06,1'].join('\n') + '\n');
    expect(await scanExtract(plan(total, { totalLabels: undefined }))).toMatchObject({ ok: true, rows: 3001 });
  });
});

describe('records, lines and keys', () => {
  it('first lines count line breaks inside quoted fields, blank lines and CR-only files', async () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['k,n', '"multi', 'line",1', '', 'B,2', '"multi', 'line",3', '', '', 'C,4'].join(eol);
      const scan = await scanExtract({ path: file(text), delimiter: 0x2c, dataStart: 3 + eol.length, firstDataLine: 2, fieldCount: 2, keyFields: [0], countFields: [1] });
      expect(scan).toMatchObject({
        ok: true,
        rows: 4,
        blankLines: 3,
        groups: [
          { keys: [`multi${eol}line`], sums: [4], rows: 2, firstLine: 2 },
          { keys: ['B'], sums: [2], rows: 1, firstLine: 5 },
          { keys: ['C'], sums: [4], rows: 1, firstLine: 10 },
        ],
      });
    }
  });

  it('keys are raw texts: unquoted and unescaped, not trimmed; object-like names are plain keys', async () => {
    const text = 'k,s\n"a ""b""",__proto__\na "b,x\n"Aceh",constructor\nAceh,constructor\n Aceh,constructor\n';
    const path = file(text);
    const base: ExtractPlan = { path, delimiter: 0x2c, dataStart: 4, firstDataLine: 2, fieldCount: 2, keyFields: [0, 1], countFields: [] };
    // `a "b` is a quote inside an unquoted field.
    expect(await scanExtract(base)).toMatchObject({ ok: false });
    const fixed = file(text.replace('a "b,x\n', ''));
    expect(await scanExtract({ ...base, path: fixed })).toMatchObject({
      ok: true,
      groups: [
        { keys: ['a "b"', '__proto__'], rows: 1 },
        { keys: ['Aceh', 'constructor'], rows: 2, firstLine: 3 },
        { keys: [' Aceh', 'constructor'], rows: 1 },
      ],
    });
  });

  it('a record of empty fields is a blank line; one of blank fields is left to the general path', async () => {
    const plan = (path: string): ExtractPlan => ({ path, delimiter: 0x3b, dataStart: 4, firstDataLine: 2, fieldCount: 2, keyFields: [0], countFields: [1] });
    expect(await scanExtract(plan(file('k;n\nA;1\n;\n"";""\nB;2\n;\n')))).toMatchObject({ ok: true, rows: 2, blankLines: 3, groups: [{ keys: ['A'] }, { keys: ['B'], firstLine: 5 }] });
    // The general path skips ` ; ` too (all fields blank): the engine answers ok: false, never a sum.
    expect(await scanExtract(plan(file('k;n\nA;1\n ; \n')))).toMatchObject({ ok: false });
    expect(await scanExtract(plan(file('k;n\nA;1\n;5\n')))).toMatchObject({ ok: false }); // an empty key
  });

  it('no count fields: every row counts once; no key fields: one group', async () => {
    const path = file('a|b\nx|1\ny|2\nx|3\n');
    expect(await scanExtract({ path, delimiter: 0x7c, dataStart: 4, firstDataLine: 2, fieldCount: 2, keyFields: [], countFields: [1] })).toMatchObject({
      ok: true,
      groups: [{ keys: [], sums: [6], rows: 3, firstLine: 2 }],
    });
  });

  it('refuses what the general path refuses', async () => {
    const cases: [string, number][] = [
      ['k\tn\nA\t1\nB\t2\t3\n', 0x09], // a field too many
      ['k\tn\nA\t1\nB\n', 0x09], // a field too few
      ['k,n\nA,1\n"B,2\n', 0x2c], // unclosed quote
      ['k,n\nA,1\n"B"x,2\n', 0x2c], // after a closing quote
      ['k,n\nA\u0000,1\n', 0x2c], // NUL
      ['k,n\n"A\u001b",1\n', 0x2c], // ESC inside quotes
      ['k,n\n  ,1\n', 0x2c], // blank key
      ['k,n\n\u00a0,1\n', 0x2c], // a no-break space is a blank key too
    ];
    for (const [text, delimiter] of cases) {
      expect(await scanExtract({ path: file(text), delimiter, dataStart: 4, firstDataLine: 2, fieldCount: 2, keyFields: [0], countFields: [1] }), JSON.stringify(text)).toMatchObject({ ok: false });
    }
    // The general scanner's limit: a field of more than 2^20 characters.
    const long = 'k,n\nA,1\n"' + 'x'.repeat((1 << 20) + 1) + '",2\n';
    expect(await scanExtract({ path: file(long), delimiter: 0x2c, dataStart: 4, firstDataLine: 2, fieldCount: 2, keyFields: [0], countFields: [1] })).toMatchObject({ ok: false });
    expect(await scanExtract({ path: file(long.replace('xx', 'x')), delimiter: 0x2c, dataStart: 4, firstDataLine: 2, fieldCount: 2, keyFields: [0], countFields: [1] })).toMatchObject({ ok: true, rows: 2 });
    const latin1 = file(Buffer.concat([Buffer.from('k,n\nJos'), Buffer.from([0xe9]), Buffer.from(',1\n')]));
    expect(await scanExtract({ path: latin1, delimiter: 0x2c, dataStart: 4, firstDataLine: 2, fieldCount: 2, keyFields: [0], countFields: [1] })).toMatchObject({ ok: false });
  });

  it('a folder or a missing file is left to the general path; a wrong plan is a bug', async () => {
    const plan: ExtractPlan = { path: dir, delimiter: 0x2c, dataStart: 0, firstDataLine: 2, fieldCount: 2, keyFields: [0], countFields: [1] };
    expect(await scanExtract(plan)).toMatchObject({ ok: false });
    expect(await scanExtract({ ...plan, path: join(dir, 'missing.csv') })).toMatchObject({ ok: false });
    await expect(scanExtract({ ...plan, keyFields: [2] })).rejects.toThrow(RangeError);
    await expect(scanExtract({ ...plan, delimiter: 0x2e })).rejects.toThrow(RangeError);
    await expect(scanExtract({ ...plan, keyFields: [0], countFields: [0] })).rejects.toThrow(RangeError);
  });
});

describe('worker threads', () => {
  // A file of a few MB with quoted multi-line fields and participant ids.
  const rows: string[] = [];
  for (let i = 0; i < 60_000; i++) {
    const province = ['Aceh', '"DKI ""Jakarta"""', '"Jawa\nBarat"', 'Bali'][i % 4]!;
    rows.push(`${100000 + i},${province},${['PU', 'BPU'][(i >> 2) % 2]},${i % 5 === 0 ? '"1.234"' : String(i % 9)}`);
  }
  const text = 'id,province,segment,n\r\n' + rows.join('\r\n') + '\r\n';
  const path = file(text);
  const plan: ExtractPlan = { path, delimiter: 0x2c, dataStart: 23, firstDataLine: 2, fieldCount: 4, keyFields: [1, 2], countFields: [3], idField: 0 };

  it('two workers give the one-pass answer', async () => {
    const one = await scanExtract({ ...plan, workers: 1 });
    const two = await scanExtract({ ...plan, workers: 2 });
    expect(one).toMatchObject({ ok: true, ranges: 1, rows: 60_000, locale: 'id' });
    expect(two).toMatchObject({ ranges: 2 });
    // The id sets are one per range: the same ids in all, split differently.
    const ids = (s: typeof one): number => (s.ok ? (s.idSets ?? []).reduce((a, x) => a + x.count, 0) : -1);
    expect({ ...two, ranges: 1, idSets: undefined }).toEqual({ ...one, idSets: undefined });
    expect(ids(two)).toBe(ids(one));
    const three = await scanExtract({ ...plan, workers: 3 });
    expect({ ...three, ranges: 1, idSets: undefined }).toEqual({ ...one, idSets: undefined });
    expect(ids(three)).toBe(60_000);
  });

  it('a split inside a quoted line break is found out, and the file is scanned in one pass', async () => {
    const inside = text.indexOf('"Jawa\nBarat"', text.length / 2) + 5; // right before the quoted LF
    const scan = await scanExtract(plan, { splits: [inside] });
    expect(scan).toMatchObject({ ok: true, ranges: 1 });
    expect({ ...scan }).toEqual({ ...(await scanExtract({ ...plan, workers: 1 })) });
  });

  it('a duplicate id in the second half, of an id in the first', async () => {
    const dup = file(text + '100007,Aceh,PU,1\r\n');
    expect(await scanExtract({ ...plan, path: dup, workers: 2 })).toMatchObject({ ok: false });
  });
});
