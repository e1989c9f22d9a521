// Problems found by the core, in words: why a plan has no solution, why a report cannot be made, which
// rows conflict. One place, so that every command says them the same way (exit 3).

import { CoverageError, type CoverageProblem } from '../core/coverage/plan.js';
import { InfeasibleError } from '../core/facts.js';
import { SumOverflowError, TableConflictError } from '../core/table.js';
import type { Diagnostic } from '../errors.js';
import { dimLabel, factText, type Lang } from './vocabulary.js';

function coverageText(p: CoverageProblem, lang: Lang, place: (src: number, line: number) => string): Diagnostic {
  const L = (en: string, id: string): string => (lang === 'id' ? id : en);
  switch (p.kind) {
    case 'no-period':
      return { message: L(`no rows for ${p.period} in the input`, `tidak ada baris untuk ${p.period} di input`), hint: L(`periods in the input: ${p.periods.join(', ')}`, `periode di input: ${p.periods.join(', ')}`) };
    case 'grain-missing':
      return { message: L(`cannot group by ${dimLabel(p.dim).en}: ${place(p.at.src, p.at.line)} has no ${dimLabel(p.dim).en}`, `tidak dapat mengelompokkan per ${dimLabel(p.dim).id}: ${place(p.at.src, p.at.line)} tidak memiliki ${dimLabel(p.dim).id}`), hint: L('--by takes the key columns every file has: province, kanwil, regency, segment, sector or any text column', '--by memakai kolom kunci yang ada di setiap file') };
    case 'previous-not-earlier':
      return { message: L(`--previous: ${p.previous} is not before ${p.period}, the month reported`, `--previous: ${p.previous} tidak sebelum ${p.period}, bulan yang dilaporkan`), hint: L('give the files of an earlier month to --previous', 'berikan file bulan sebelumnya ke --previous') };
    case 'no-participants':
      return { message: L('the input has no participants column', 'input tidak memiliki kolom peserta'), hint: 'accepted names: participants, peserta_aktif, peserta, jumlah_peserta' };
  }
}

/** A core error as diagnostics, or undefined when it is not one of the core's. */
export function describeCoreError(e: unknown, lang: Lang, place: (src: number, line: number) => string = (_s, l) => `line ${l}`): Diagnostic[] | undefined {
  if (e instanceof InfeasibleError) return [factText(e.fact, lang)];
  if (e instanceof CoverageError) return [coverageText(e.problem, lang, place)];
  if (e instanceof SumOverflowError) return [{ message: `the sum of ${e.measure} passes ${Number.MAX_SAFE_INTEGER}: it cannot be kept exactly`, hint: 'check the input for a wrong number (an extra digit)' }];
  if (e instanceof TableConflictError) {
    return e.conflicts.map((c) => ({ file: e.table.sources[c.second.src]?.name, line: c.second.line, message: `${c.kind === 'duplicate' ? 'duplicate row' : 'overlapping rows'} (first at ${e.table.sources[c.first.src]?.name}:${c.first.line})` }));
  }
  return undefined;
}
