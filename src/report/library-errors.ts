// The words of the library's own errors that are not the planners' facts (rv24 G3): apportion's and
// apportionMatrix's infeasible problems, and the RangeErrors of a wrong argument (an unknown method, a
// key column or denominator the table lacks …), in English and Indonesian, for describeError.

import { InfeasibleAllocationError } from '../core/allocation/apportion.js';
import { InfeasibleMatrixError } from '../core/allocation/biproportional.js';
import type { Problem, Text } from '../errors.js';

const INDONESIAN = Symbol('jamsostek.id');

/**
 * A RangeError for a wrong argument of the library, with its Indonesian kept for describeError. Its
 * `message` is the English, as before. RangeErrors the library did not make (a stack overflow) stay
 * undescribed: they are bugs.
 */
export function argumentError(en: string, id: string): RangeError {
  const e = new RangeError(en);
  Object.defineProperty(e, INDONESIAN, { value: id, enumerable: false });
  return e;
}

const one = (en: Text, id: Text): Problem => ({ ...en, id });
const seq = (xs: readonly number[]): string => xs.map((x) => x + 1).join(', ');

function allocationWords(e: InfeasibleAllocationError): Problem {
  const { total, sumLower, sumUpper, unit } = e.details;
  switch (e.reason) {
    case 'negative':
      return unit === undefined
        ? one({ message: e.message, hint: 'give a total of 0 or more' }, { message: `total ${total} negatif`, hint: 'berikan total 0 atau lebih' })
        : one({ message: e.message, hint: 'weights and lower bounds must be 0 or more' }, { message: `unit ${unit + 1} memiliki bobot atau batas bawah negatif`, hint: 'bobot dan batas bawah harus 0 atau lebih' });
    case 'bounds-crossed':
      return one({ message: e.message, hint: 'raise its upper bound or lower its lower bound' }, { message: `unit ${(unit ?? 0) + 1}: batas bawah ${sumLower} di atas batas atas ${String(sumUpper)}`, hint: 'naikkan batas atasnya atau turunkan batas bawahnya' });
    case 'below-lower':
      return one({ message: e.message, hint: 'raise the total, or lower the lower bounds (min)' }, { message: `batas bawah sudah berjumlah ${sumLower}, di atas total ${total}`, hint: 'naikkan total, atau turunkan batas bawah (min)' });
    case 'above-upper': {
      const zero = e.message.includes('zero weight') ? ' (unit berbobot nol tidak dapat naik di atas batas bawahnya)' : '';
      return one({ message: e.message, hint: 'lower the total, or raise the upper bounds (max)' }, { message: `batas atas hanya berjumlah ${String(sumUpper)}, di bawah total ${total}${zero}`, hint: 'turunkan total, atau naikkan batas atas (max)' });
    }
  }
}

function matrixWords(e: InfeasibleMatrixError): Problem {
  const d = e.detail;
  if ('rowSum' in d) {
    return one({ message: e.message, hint: 'the row totals and the column totals must add up to the same number' }, { message: `total baris berjumlah ${d.rowSum} tetapi total kolom ${d.columnSum}`, hint: 'total baris dan total kolom harus berjumlah sama' });
  }
  if ('need' in d) {
    const elsewhere = d.elsewhere > 0n ? ` dan sel-selnya di kolom lain masih dapat menampung ${d.elsewhere}` : '';
    return one(
      { message: e.message, hint: 'raise the upper bounds of those cells, or move some of those rows’ total to other columns' },
      { message: `tidak ada matriks bilangan bulat yang memenuhi kedua margin: baris ${seq(d.rows)} bersama membutuhkan ${d.need}, tetapi kolom yang dapat dipakainya (${seq(d.columns) || 'tidak ada'}) hanya menyediakan ${d.offer}${elsewhere}`, hint: 'naikkan batas atas sel-sel itu, atau pindahkan sebagian total baris-baris itu ke kolom lain' },
    );
  }
  // A row's or a column's cells' lower bounds above its total: the total is in the English only.
  const total = /its total (\d+)/.exec(e.message)?.[1] ?? '';
  const which = d.row !== undefined ? `baris ${d.row + 1}` : `kolom ${(d.column ?? 0) + 1}`;
  return one({ message: e.message, hint: 'lower the cells’ lower bounds (min), or raise that total' }, { message: `${which}: batas bawah sel-selnya berjumlah lebih dari totalnya ${total}`.trimEnd(), hint: 'turunkan batas bawah sel (min), atau naikkan total itu' });
}

/** The words of apportion's, apportionMatrix's and the library's argument errors; undefined for another error. */
export function describeLibraryError(e: unknown): Problem[] | undefined {
  if (e instanceof InfeasibleAllocationError) return [allocationWords(e)];
  if (e instanceof InfeasibleMatrixError) return [matrixWords(e)];
  if (e instanceof RangeError) {
    const id = (e as unknown as Record<symbol, unknown>)[INDONESIAN];
    if (typeof id === 'string') return [one({ message: e.message }, { message: id })];
  }
  return undefined;
}
