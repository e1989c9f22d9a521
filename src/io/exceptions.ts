// Documented exceptions to "participants cannot exceed the denominator" (data/exceptions.csv), by
// province: DKI Jakarta's participants are counted where employers are registered, its employed where
// people live. Read by the one row check in typed-rows.ts, so validate, coverage and breakdown accept
// and refuse the same rows, in the bundled baseline and in anyone's file alike.

import { readBundledCsv } from './data-files.js';

export interface OverCoverageException {
  readonly province: string;
  /** The province's name, as data/exceptions.csv writes it. */
  readonly name: string;
  readonly denominators: ReadonlySet<string>;
  readonly reason: string;
  readonly source: string;
}

let cache: Map<string, OverCoverageException> | undefined;

function exceptions(): Map<string, OverCoverageException> {
  if (cache) return cache;
  const [header, ...body] = readBundledCsv('exceptions.csv');
  const col = (name: string): number => {
    const i = header!.indexOf(name);
    if (i < 0) throw new Error(`data/exceptions.csv: missing column ${name}`);
    return i;
  };
  const [p, n, d, r, s] = [col('province_code'), col('province'), col('denominators'), col('reason'), col('source')];
  cache = new Map(body.map((row) => [row[p]!, { province: row[p]!, name: row[n]!, denominators: new Set(row[d]!.split(' ')), reason: row[r]!, source: row[s]! }]));
  return cache;
}

/** The documented exception that lets a province's participants exceed this denominator, if any. */
export function overCoverageException(province: string | undefined, denominator: string): OverCoverageException | undefined {
  if (province === undefined) return undefined;
  // Every row with a denominator asks, and rows come grouped by province: the last province's entry first.
  let x: OverCoverageException | undefined;
  if (province === lastProvince) x = lastException;
  else {
    x = exceptions().get(province);
    lastProvince = province;
    lastException = x;
  }
  return x?.denominators.has(denominator) ? x : undefined;
}

let lastProvince: string | undefined;
let lastException: OverCoverageException | undefined;

/** Every documented exception as the coverage plan takes them: by province key, the denominators its participants may exceed. */
export function overCoverageExceptions(): ReadonlyMap<string, ReadonlySet<string>> {
  const out = new Map<string, ReadonlySet<string>>();
  for (const [k, x] of exceptions()) out.set(k, x.denominators);
  return out;
}
