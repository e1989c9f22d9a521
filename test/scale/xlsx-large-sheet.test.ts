// The xlsx rows reader on a 100,000-row sheet (moved from test/io/xlsx-rows.test.ts: writing the
// workbook alone takes seconds, and under load it passed the 60 s test timeout).
import writeXlsxFile from 'write-excel-file/node';
import { expect, it } from 'vitest';
import { ProblemList } from '../../src/errors.js';
import { readXlsxRows } from '../../src/io/readers/xlsx.js';

const KNOWN = new Set(['province', 'regency', 'period', 'participants', 'workforce']);
const isKnownColumn = (name: string) => KNOWN.has(name.trim().toLowerCase());

it('a 100,000-row sheet: every row, in order, with its sheet row', async () => {
  const data: unknown[][] = [['province', 'regency', 'period', 'workforce', 'participants']];
  let sum = 0;
  for (let i = 0; i < 100_000; i++) {
    data.push([`P${i % 38}`, `R${i}`, '2024-06', 1000 + (i % 7919), i % 1000]);
    sum += i % 1000;
  }
  const write = writeXlsxFile as unknown as (d: unknown) => { toBuffer(): Promise<Uint8Array> };
  const bytes = new Uint8Array(await write(data).toBuffer());
  const r = { rows: 0, sum: 0, last: 0, outOfOrder: 0 };
  const problems = new ProblemList(10);
  const facts = await readXlsxRows(
    bytes,
    'big.xlsx',
    { isKnownColumn },
    {
      column: () => undefined,
      row: (c, line) => {
        if (line !== r.rows + 2) r.outOfOrder++;
        r.rows++;
        r.sum += c[4] as number;
        r.last = line;
      },
    },
    problems,
  );
  expect(problems.list()).toEqual([]);
  expect(facts.headerRow).toBe(1);
  expect(r).toEqual({ rows: 100_000, sum, last: 100_001, outOfOrder: 0 });
});
