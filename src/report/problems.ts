// Problems found by the core, in words: why a plan has no solution, why a report cannot be made, which
// rows conflict. One place, so that every command says them the same way (exit 3).

import { CoverageError, type CoverageProblem } from '../core/coverage/plan.js';
import { InfeasibleError } from '../core/facts.js';
import { SumOverflowError, TableConflictError } from '../core/table.js';
import type { Problem, Text } from '../errors.js';
import { dimLabel, factText, type Lang } from './vocabulary.js';

function coverageText(p: CoverageProblem, lang: Lang, place: (src: number, line: number, lang: Lang) => string): Text {
  const L = (en: string, id: string): string => (lang === 'id' ? id : en);
  switch (p.kind) {
    case 'no-period':
      return { message: L(`no rows for ${p.period} in the input`, `tidak ada baris untuk ${p.period} di input`), hint: L(`periods in the input: ${p.periods.join(', ')}`, `periode di input: ${p.periods.join(', ')}`) };
    case 'grain-missing':
      return { message: L(`cannot group by ${dimLabel(p.dim).en}: ${place(p.at.src, p.at.line, 'en')} has no ${dimLabel(p.dim).en}`, `tidak dapat mengelompokkan per ${dimLabel(p.dim).id}: ${place(p.at.src, p.at.line, 'id')} tidak memiliki ${dimLabel(p.dim).id}`), hint: L('--by takes the key columns every file has: province, kanwil, regency, segment, sector or any text column', '--by memakai kolom kunci yang ada di setiap berkas: province, kanwil, regency, segment, sector atau kolom teks mana pun') };
    case 'previous-not-earlier':
      return { message: L(`--previous: ${p.previous} is not before ${p.period}, the month reported`, `--previous: ${p.previous} tidak lebih awal dari ${p.period}, bulan yang dilaporkan`), hint: L('give the files of an earlier month to --previous', 'berikan berkas bulan sebelumnya ke --previous') };
    case 'no-participants':
      return { message: L('the input has no participants column', 'input tidak memiliki kolom peserta'), hint: L('accepted names: participants, peserta_aktif, peserta, jumlah_peserta', 'nama yang diterima: participants, peserta_aktif, peserta, jumlah_peserta') };
  }
}

/** A core error as diagnostics in both languages, or undefined when it is not one of the core's. */
export function describeCoreError(e: unknown, place: (src: number, line: number, lang: Lang) => string = (_s, l, lang) => `${lang === 'id' ? 'baris' : 'line'} ${l}`): Problem[] | undefined {
  const both = (f: (lang: Lang) => Text): Problem => ({ ...f('en'), id: f('id') });
  if (e instanceof InfeasibleError) return [both((lang) => factText(e.fact, lang))];
  if (e instanceof CoverageError) return [both((lang) => coverageText(e.problem, lang, place))];
  if (e instanceof SumOverflowError) {
    return [
      {
        message: `the sum of ${e.measure} passes ${Number.MAX_SAFE_INTEGER}: it cannot be kept exactly`,
        hint: 'check the input for a wrong number (an extra digit)',
        id: { message: `jumlah ${e.measure} melampaui ${Number.MAX_SAFE_INTEGER}: tidak dapat disimpan dengan tepat`, hint: 'periksa input: mungkin ada angka yang salah (kelebihan satu digit)' },
      },
    ];
  }
  if (e instanceof TableConflictError) {
    return e.conflicts.map((c) => {
      const first = `${e.table.sources[c.first.src]?.name}:${c.first.line}`;
      return {
        file: e.table.sources[c.second.src]?.name,
        line: c.second.line,
        message: `${c.kind === 'duplicate' ? 'duplicate row' : 'overlapping rows'} (first at ${first})`,
        id: { message: `${c.kind === 'duplicate' ? 'baris ganda' : 'baris yang tumpang tindih'} (pertama di ${first})` },
      };
    });
  }
  return undefined;
}
