// --fail-below in words: the errors a monthly job stops on after the report is written. A row the
// threshold cannot check (no denominator, no target) is never passed over in silence: the job would read
// exit 0 as "every row at or above the threshold".

import type { thresholdBreaches } from '../core/coverage/plan.js';
import { ThresholdBreach, usage, type JamsostekError } from '../errors.js';
import { formatHuman } from '../render/format.js';
import { columnWords } from '../report/vocabulary.js';

type Measure = 'coverage' | 'achievement';
type Breaches = ReturnType<typeof thresholdBreaches>;

/** No row of the scope has a value: nothing to check (exit 2), and what would give one. */
export function noValues(measure: Measure, scope: 'any' | 'total', totalHasOne: boolean): JamsostekError {
  const id = columnWords(measure).id;
  if (scope === 'any' && totalHasOne) {
    // The denominator (or the target) is known only for coarser groups: the Total has a value.
    return usage(
      `--fail-on ${measure}: no row at the report's grain has a ${measure} value (its ${measure === 'coverage' ? 'denominator' : 'target'} is known only for coarser groups; see the notes); --fail-scope total checks the Total`,
      `--fail-on ${measure}: tidak ada baris pada rincian laporan yang memiliki nilai ${id} (${measure === 'coverage' ? 'penyebutnya' : 'targetnya'} hanya diketahui untuk kelompok yang lebih besar; lihat catatan); --fail-scope total memeriksa Total`,
    );
  }
  return usage(
    `--fail-on ${measure}: the report has no ${measure} values${measure === 'achievement' ? ' (pass --targets or --year)' : ' (no denominator)'}`,
    `--fail-on ${measure}: laporan tidak memuat nilai ${id}${measure === 'achievement' ? ' (berikan --targets atau --year)' : ' (tidak ada penyebut)'}`,
  );
}

/** Rows below the threshold, and rows it could not check: exit 1, the report written. */
export function breach(measure: Measure, below: number, b: Breaches): JamsostekError {
  const id = columnWords(measure).id;
  const threshold = formatHuman(below, 'pct', 'en');
  const valued = b.checked - b.missing;
  // The same numbers in both languages (as in every message), so that a log reads the same.
  const shown = `${b.breached.slice(0, 10).map((x) => `${x.label} ${formatHuman(x.value, 'pct', 'en')}`).join(', ')}${b.breached.length > 10 ? ', …' : ''}`;
  const en: string[] = [];
  const idn: string[] = [];
  if (b.breached.length) {
    en.push(`${measure} below ${threshold} for ${b.breached.length} of ${valued}: ${shown}`);
    idn.push(`${id} di bawah ${threshold} untuk ${b.breached.length} dari ${valued}: ${shown}`);
  }
  if (b.missing) {
    const why = measure === 'coverage' ? 'no denominator' : 'no target';
    const whyId = measure === 'coverage' ? 'tanpa penyebut' : 'tanpa target';
    en.push(`${b.missing} of ${b.checked} row${b.checked === 1 ? '' : 's'} could not be checked against ${threshold}: they have no ${measure} (${why}; e.g. ${b.missingExample})`);
    idn.push(`${b.missing} dari ${b.checked} baris tidak dapat diperiksa terhadap ${threshold}: tidak memiliki nilai ${id} (${whyId}; mis. ${b.missingExample})`);
  }
  return new ThresholdBreach({
    message: en.join('; '),
    hint: b.missing ? 'the report was written; exit code 1 signals the breach or the rows the threshold could not check' : 'the report was written; exit code 1 signals the breach',
    id: { message: idn.join('; '), hint: b.missing ? 'laporan sudah ditulis; kode keluar 1 menandakan ambang terlampaui atau baris yang tidak dapat diperiksa' : 'laporan sudah ditulis; kode keluar 1 menandakan ambang terlampaui' },
  });
}
