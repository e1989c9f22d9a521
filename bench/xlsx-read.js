// The xlsx reader alone on one workbook, as the loader calls it (from the file, read in ranges), into a
// sink that counts the rows and adds the participants up. Prints one JSON line: rows, total, problems.
// Usage: node bench/xlsx-read.js FILE.xlsx   (after npm run build)
import { fileSource } from '../dist/io/readers/byte-source.js';
import { readXlsxRows } from '../dist/io/readers/xlsx.js';
import { ProblemList } from '../dist/errors.js';
import { isKnownColumn } from '../dist/core/columns.js';

const source = await fileSource(process.argv[2]);
const problems = new ProblemList(50);
let rows = 0;
let total = 0;
let p = -1;
await readXlsxRows(
  source,
  process.argv[2],
  { isKnownColumn },
  {
    column: (name, i) => {
      if (name === 'participants') p = i;
    },
    row: (cells) => {
      rows++;
      total += cells[p];
    },
  },
  problems,
);
await source.close();
console.log(JSON.stringify({ rows, total, problems: problems.size }));
