// The margins of a two-key plan (--row-totals, --column-totals, or the config's "rowTotals" /
// "columnTotals"), for breakdown and for the targets coverage --year plans alike (rv25 F12: the config's
// segment totals shaped breakdown --by province,segment and were left out of coverage --year's plan, in
// silence). One function, so that the two accept, refuse and apply them the same way.

import type { GivenMargin, Shape } from '../core/allocation/spec.js';
import { usage } from '../errors.js';
import type { LoadOptions } from '../io/load.js';
import type { MarginSpec } from '../options/parse.js';
import { dimLabel } from '../report/vocabulary.js';

export interface MarginOptions {
  readonly rowTotals?: MarginSpec;
  readonly columnTotals?: MarginSpec;
}

/** The margins given, loaded for the shape's keys; refused (exit 2) where the shape has no such margin. */
export async function planMargins(o: MarginOptions, grain: readonly string[], shape: Shape, load: LoadOptions): Promise<{ rowTotals?: GivenMargin; columnTotals?: GivenMargin }> {
  if (!o.rowTotals && !o.columnTotals) return {};
  if (shape.kind === 'flat') throw usage({ message: `--row-totals and --column-totals need two --by columns; --by is ${grain[0]}`, hint: 'e.g. --by province,segment (a matrix) or --by province,regency (nested)' }, { message: `--row-totals dan --column-totals memerlukan dua kolom --by; --by adalah ${grain[0]}`, hint: 'mis. --by province,segment (matriks) atau --by province,regency (bertingkat)' });
  if (shape.kind === 'nested' && o.columnTotals) {
    const [outer, inner] = [dimLabel(grain[0]!), dimLabel(grain[1]!)];
    throw usage(
      `--column-totals: ${grain.join(',')} are nested (each ${grain[1]} in one ${grain[0]}): give the ${grain[0]} totals with --row-totals`,
      `--column-totals: ${grain.join(',')} bertingkat (setiap ${inner.id} berada dalam satu ${outer.id}): berikan total ${outer.id} dengan --row-totals`,
    );
  }
  const margins = await import('../io/margins.js');
  return {
    ...(o.rowTotals ? { rowTotals: await margins.loadMargin(o.rowTotals, grain[0]!, '--row-totals', load) } : {}),
    ...(o.columnTotals ? { columnTotals: await margins.loadMargin(o.columnTotals, grain[1]!, '--column-totals', load) } : {}),
  };
}

/** The dimensions whose totals were given (the waypoints note says the Decembers on the way are split without them). */
export const marginDims = (m: { rowTotals?: GivenMargin; columnTotals?: GivenMargin }): string[] => [...(m.rowTotals ? [m.rowTotals.dim] : []), ...(m.columnTotals ? [m.columnTotals.dim] : [])];
