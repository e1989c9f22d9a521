// node bench/load-general.js FILE: a regional file through the general path of the loader (the byte-level
// engine switched off), by province as `coverage` reads it; prints the rows of the Table. For the
// benchmark's general-path column (bench/regional.js). Run `npm run build` first.
import { loadTable } from '../dist/io/load.js';

const measures = new Map([['participants', 'count'], ['workforce', 'count'], ['employed', 'count'], ['potential_workers', 'count']]);
const t = await loadTable([process.argv[2]], { dims: ['province'], measures, rule: 'auto', segmentParts: true, percents: true }, { maxErrors: 50, allowOverCoverage: false, codeSystem: 'kemendagri', fastExtract: 'never' });
console.log(t.rows.length);
