// --fail-below in words: the errors a monthly job stops on after the report is written. A row the
// threshold cannot check (no denominator, no target) is never passed over in silence: the job would read
// exit 0 as "every row at or above the threshold".

import type { thresholdBreaches } from '../core/coverage/plan.js';
import type { Note } from '../core/facts.js';
import { ThresholdBreach, usage, type JamsostekError } from '../errors.js';
import { formatHuman } from '../render/format.js';
import { columnWords, type Lang } from '../report/vocabulary.js';
import { roundHalfUp, roundSignificant } from '../report/rounding.js';

type Measure = 'coverage' | 'achievement';
type Breaches = ReturnType<typeof thresholdBreaches>;
type Words = { readonly en: string; readonly id: string };

/**
 * Why rows have no coverage when the data give some segments only (rv32 W2): a PU-only file's rows are
 * not checked against --fail-below, and the breach says so rather than "no denominator".
 */
export function segmentsWhy(notes: readonly { readonly code: string }[]): Words | undefined {
  const n = notes.find((x): x is Extract<Note, { code: 'segments-in-part' }> => x.code === 'segments-in-part');
  if (!n || n.kept) return undefined;
  const list = (xs: readonly string[], w: string): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${w} ${xs[xs.length - 1]}`);
  return {
    en: `the data give participants of ${list(n.given, 'and')} only, not of ${list(n.missing, 'or')}: no coverage over ${n.measure}, which counts every segment's workers; see the warning`,
    id: `data hanya memuat peserta ${list(n.given, 'dan')}, tanpa ${list(n.missing, 'atau')}: tanpa cakupan atas ${n.measure}, yang menghitung pekerja semua segmen; lihat peringatan`,
  };
}

/**
 * What the check ends in: undefined (every row checked is at or above the threshold), exit 1 (rows below
 * it, or rows it could not check: the report was written and a job must look), or exit 2 for
 * --fail-on achievement on a report without any target (the flag has nothing to check).
 */
export function thresholdError(measure: Measure, below: number, scope: 'any' | 'total', b: Breaches, listed = 10, why?: Words): JamsostekError | undefined {
  const id = columnWords(measure).id;
  if (!b.anyValue && b.missing > 0 && measure === 'achievement' && b.totalValue === null) {
    return usage('--fail-on achievement: the report has no achievement values (pass --targets or --year)', '--fail-on achievement: laporan tidak memuat nilai pencapaian (berikan --targets atau --year)');
  }
  if (!b.anyValue && b.missing > 0 && scope === 'any' && b.totalValue !== null) {
    // The denominator (or the target) is known only for coarser groups: the Total has a value.
    const what = measure === 'coverage' ? 'denominator' : 'target';
    const whatId = measure === 'coverage' ? 'penyebutnya' : 'targetnya';
    return new ThresholdBreach({
      message: `--fail-on ${measure}: no row at the report's grain has ${measure === 'achievement' ? 'an' : 'a'} ${measure} value (its ${what} is known only for coarser groups; see the notes)`,
      hint: 'the report was written; --fail-scope total checks the Total',
      id: { message: `--fail-on ${measure}: tidak ada baris pada rincian laporan yang memiliki nilai ${id} (${whatId} hanya diketahui untuk kelompok yang lebih besar; lihat catatan)`, hint: 'laporan sudah ditulis; --fail-scope total memeriksa Total' },
    });
  }
  if (b.breached.length || b.missing) return breach(measure, below, b, listed, why);
  return undefined;
}

/**
 * --fail-below 0: no coverage or achievement is below 0 %, so the check fails only on rows it cannot
 * check (no denominator, no target). Said, not refused: that part of the check still works.
 */
export function nothingBelowNote(measure: Measure, below: number): { en: string; id: string } | undefined {
  if (below > 0) return undefined;
  const what = measure === 'coverage' ? 'denominator' : 'target';
  const whatId = measure === 'coverage' ? 'penyebut' : 'target';
  return {
    en: `--fail-below 0: no ${measure} is below 0 %, so the check fails only on rows without a ${what}`,
    id: `--fail-below 0: tidak ada ${columnWords(measure).id} di bawah 0 %, jadi pemeriksaan hanya gagal pada baris tanpa ${whatId}`,
  };
}

/** Rows whose denominator (or target) is 0: nobody to cover, so not checked, and said. */
export function zeroNote(measure: Measure, b: Breaches): { en: string; id: string } | undefined {
  if (!b.zero) return undefined;
  const what = measure === 'coverage' ? 'denominator' : 'target';
  const whatId = measure === 'coverage' ? 'penyebut' : 'target';
  return {
    en: `--fail-below: ${b.zero} row${b.zero === 1 ? ' has a' : 's have a'} ${what} of 0 (e.g. ${b.zeroExample}): nothing to ${measure === 'coverage' ? 'cover' : 'achieve'}, not checked`,
    id: `--fail-below: ${b.zero} baris memiliki ${whatId} 0 (mis. ${b.zeroExample}): tidak ada yang ${measure === 'coverage' ? 'dicakup' : 'dicapai'}, tidak diperiksa`,
  };
}

/**
 * Rows below the threshold, and rows it could not check: exit 1, the report written. stderr lists the
 * first `listed` rows below it; the report files list every one (rv25 F2).
 */
function breach(measure: Measure, below: number, b: Breaches, listed: number, reason?: Words): JamsostekError {
  const id = columnWords(measure).id;
  // The threshold as typed when it has more than two decimals (57.10000001 %, never "57.10%"); its
  // percentage to 15 digits (0.571 × 100 is 57.099999999999994 in floating point).
  const typed = roundSignificant(below, 15, 2);
  const twoDecimals = !/\.\d{3}/.test(typed);
  const threshold = (lang: Lang): string => (twoDecimals ? formatHuman(below, 'pct', lang) : `${lang === 'id' ? typed.replace('.', ',') : typed}%`);
  const valued = b.checked - b.missing - b.zero;
  // The numbers as each language writes them (12,35% in Indonesian, as its tables do).
  const shown = (lang: Lang): string => `${b.breached.slice(0, listed).map((x) => `${x.label} ${belowText(x.value, below, threshold('en'), lang)}`).join(', ')}${b.breached.length > listed ? ', …' : ''}`;
  const en: string[] = [];
  const idn: string[] = [];
  if (b.breached.length) {
    en.push(`${measure} below ${threshold('en')} for ${b.breached.length} of ${valued}: ${shown('en')}`);
    idn.push(`${id} di bawah ${threshold('id')} untuk ${b.breached.length} dari ${valued}: ${shown('id')}`);
  }
  if (b.missing) {
    const why = reason?.en ?? (measure === 'coverage' ? 'no denominator' : 'no target');
    const whyId = reason?.id ?? (measure === 'coverage' ? 'tanpa penyebut' : 'tanpa target');
    en.push(`${b.missing} of ${b.checked} row${b.checked === 1 ? '' : 's'} could not be checked against ${threshold('en')}: they have no ${measure} (${why}; e.g. ${b.missingExample})`);
    idn.push(`${b.missing} dari ${b.checked} baris tidak dapat diperiksa terhadap ${threshold('id')}: tidak memiliki nilai ${id} (${whyId}; mis. ${b.missingExample})`);
  }
  return new ThresholdBreach({
    message: en.join('; '),
    hint: b.missing ? 'the report was written; exit code 1 signals the breach or the rows the threshold could not check' : 'the report was written; exit code 1 signals the breach',
    id: { message: idn.join('; '), hint: b.missing ? 'laporan sudah ditulis; kode keluar 1 menandakan ambang terlampaui atau baris yang tidak dapat diperiksa' : 'laporan sudah ditulis; kode keluar 1 menandakan ambang terlampaui' },
  });
}

/**
 * A value below the threshold as a percentage that reads as below it: 99.995 % against 100 % is "99.9950%",
 * never "100.00%" (two decimals round it up to the threshold itself). Digits are cut, not rounded up.
 */
function belowText(value: number, below: number, thresholdEn: string, lang: Lang): string {
  const text = formatHuman(value, 'pct', lang);
  // Two decimals as the table shows them (en: "12.35%", the threshold's language-neutral form).
  const two = roundHalfUp(value, 2, 2);
  if (`${two}%` !== thresholdEn && Number(two) < below * 100) return text;
  // The percentage as its shortest decimal first (0.571 × 100 is 57.099999999999994 in floating point,
  // which cut to three digits would read 57.099 for what is 57.1 exactly).
  const pct = Number(roundSignificant(value, 15, 2));
  for (let digits = 3; digits <= 8; digits++) {
    const scale = 10 ** digits;
    const cut = Math.floor(pct * scale) / scale;
    if (cut < below * 100) {
      const t = roundHalfUp(cut, digits);
      return `${lang === 'id' ? t.replace('.', ',') : t}%`;
    }
  }
  return text;
}
