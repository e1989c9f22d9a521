// Problems found by the core, in words: why a plan has no solution, why a report cannot be made, which
// rows conflict. One place, so that every command says them the same way (exit 3).

import { CoverageError, type CoverageProblem } from '../core/coverage/plan.js';
import { TargetFrameError, type TargetFrameProblem } from '../core/coverage/targets.js';
import { InfeasibleError } from '../core/facts.js';
import { xlsxCellName } from '../core/cell-name.js';
import { SumOverflowError, TableConflictError, type SourceFacts } from '../core/table.js';
import type { Problem, Text } from '../errors.js';
import { dimLabel, factText, groupDigits, overDenominatorRows, scopeText, type Lang } from './vocabulary.js';

/** 'a, b or c' ('a, b atau c'). */
const orList = (xs: readonly string[], or: string): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${or} ${xs[xs.length - 1]}`);

/** A row of one of the two tables a month is given in, by its file (a sheet's row as its cell). */
function twicePlace(at: { readonly source?: SourceFacts; readonly line: number }): string {
  if (!at.source) return String(at.line);
  const p = rowPlace(at.source, at.line);
  return p.line === undefined ? p.file! : `${p.file}:${p.line}`;
}

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
    case 'expected-missing': {
      const named = p.missing.map((m) => `${m.label} (${m.lastSeen ? L(`last seen ${m.lastSeen}`, `terakhir ${m.lastSeen}`) : L('not seen in the input', 'tidak ada di input')})`);
      const shown = named.length > 12 ? `${named.slice(0, 12).join(', ')}, … (${named.length})` : named.join(', ');
      return {
        message: L(`${p.missing.length} of the ${p.expected} expected ${dimLabel(p.dim).en} units did not report${p.period ? ` for ${p.period}` : ''}: ${shown}`, `${p.missing.length} dari ${p.expected} ${dimLabel(p.dim).id} yang wajib melapor belum melapor${p.period ? ` untuk ${p.period}` : ''}: ${shown}`),
        hint: L('wait for their files, or run without --expect to report the others (the totals then leave them out, with a warning)', 'tunggu berkasnya, atau jalankan tanpa --expect untuk melaporkan yang lain (totalnya tidak mencakup mereka, dengan peringatan)'),
      };
    }
    case 'expected-part-missing': {
      const named = p.missing.map((m) => `${m.label} (${m.lastSeen ? L(`last seen ${m.lastSeen}`, `terakhir ${m.lastSeen}`) : L('not seen in the input', 'tidak ada di input')})`);
      const shown = named.length > 12 ? `${named.slice(0, 12).join(', ')}, … (${named.length})` : named.join(', ');
      return {
        message: L(`${p.missing.length} part(s) of the expected ${dimLabel(p.dim).en} units reported in an earlier month did not report for ${p.period}: ${shown}`, `${p.missing.length} bagian dari ${dimLabel(p.dim).id} yang wajib melapor, yang melapor di bulan sebelumnya, belum melapor untuk ${p.period}: ${shown}`),
        hint: L('wait for their files, or run without --expect to report the others (the change and pace are then like for like, with a warning)', 'tunggu berkasnya, atau jalankan tanpa --expect untuk melaporkan yang lain (perubahan dan lajunya lalu dihitung setara, dengan peringatan)'),
      };
    }
    case 'month-given-twice':
      return {
        message: L(`${p.period} is given twice: in the input (${twicePlace(p.input)}) and in --previous (${twicePlace(p.previous)})`, `${p.period} diberikan dua kali: di input (${twicePlace(p.input)}) dan di --previous (${twicePlace(p.previous)})`),
        hint: L(`give each month once: the input's earlier months are read already, so leave ${p.period} out of --previous (or out of the input)`, `berikan setiap bulan sekali: bulan-bulan sebelumnya di input sudah dibaca, jadi hilangkan ${p.period} dari --previous (atau dari input)`),
      };
    case 'unexpected': {
      const shown = p.areas.length > 12 ? `${p.areas.slice(0, 12).join(', ')}, … (${p.areas.length})` : p.areas.join(', ');
      return { message: L(`rows${p.period ? ` for ${p.period}` : ''} outside the expected scope (--expect): ${shown}`, `baris${p.period ? ` untuk ${p.period}` : ''} di luar cakupan yang diharapkan (--expect): ${shown}`), hint: L('remove those files or rows, or widen --expect', 'hapus berkas atau baris itu, atau perluas --expect') };
    }
    case 'expect-dim-missing':
      return { message: L(`--expect names ${dimLabel(p.dim).en} units, but the input has no ${dimLabel(p.dim).en} column`, `--expect menyebut ${dimLabel(p.dim).id}, tetapi input tidak memiliki kolom ${dimLabel(p.dim).id}`), hint: L('--expect takes the key of --by (province, regency or kanwil)', '--expect memakai kunci --by (province, regency atau kanwil)') };
    case 'targets-match-nothing':
      return { message: L(`none of the ${groupDigits(p.rows, 'en')} targets of ${p.source} is for an area of this report`, `tidak satu pun dari ${groupDigits(p.rows, 'id')} target di ${p.source} berlaku untuk wilayah laporan ini`), hint: L('check that the targets file is for these areas and this --by', 'periksa apakah berkas target memang untuk wilayah dan --by ini') };
    case 'target-parts-missing': {
      // rv32 W9: PU's targets per province against every segment's participants of a file by province.
      const per = p.partDims.map((k) => dimLabel(k)[lang]).join(' × ');
      const absent = p.absent.length ? L(` (it gives none of ${orList(p.absent, 'or')})`, ` (tidak ada target ${orList(p.absent, 'atau')})`) : '';
      return {
        message: L(
          `the targets of ${p.source} are given per ${per}, which the input does not have, and none of the ${groupDigits(p.rows, 'en')} rows it gives targets for has every ${per}'s target${absent}: each row's participants are of every ${per}, so no target of the file is compared with them`,
          `target di ${p.source} diberikan per ${per}, yang tidak ada di input, dan tidak satu pun dari ${groupDigits(p.rows, 'id')} baris yang diberinya target memiliki target setiap ${per}${absent}: peserta setiap baris adalah peserta semua ${per}, sehingga tidak ada target berkas itu yang dibandingkan dengannya`,
        ),
        hint: L(`give an input with a ${p.partDims.join(',')} column (e.g. period,province,${p.partDims.join(',')},participants) to compare those targets, or a targets file with every ${per}'s target`, `berikan input dengan kolom ${p.partDims.join(',')} (mis. period,province,${p.partDims.join(',')},participants) untuk membandingkan target itu, atau berkas target dengan target setiap ${per}`),
      };
    }
    case 'targets-other-scope': {
      // rv31 V5 (the file says another scope) and V1 (a target above the whole denominator).
      const where = scopeText(p.scope, lang) ?? '';
      const per = p.keys.map((k) => dimLabel(k)[lang]).join(' × ');
      const year = p.year === null ? 'Y' : String(p.year);
      const by = p.keys.length ? p.keys.join(',') : 'province';
      const many = p.keys.length > 0 && p.targets > 1;
      const what = p.keys.length
        ? L(`its ${groupDigits(p.targets, 'en')} ${many ? 'targets' : 'target'} per ${per} (${groupDigits(p.total, 'en')}${many ? ' in all' : ''}) ${many ? 'are' : 'is'}`, `${groupDigits(p.targets, 'id')} target per ${per} (${groupDigits(p.total, 'id')}${many ? ' seluruhnya' : ''})`)
        : L(`its one total (${groupDigits(p.total, 'en')}) is`, `satu totalnya (${groupDigits(p.total, 'id')})`);
      // One office or province on both sides, other areas (rv32 W8: Maluku's plan on Gorontalo's report): named.
      const ours = p.scope.kind === 'kanwil' ? p.scope.provinces : p.scope.kind === 'province' ? p.scope.regencies : undefined;
      const sameName = p.said !== undefined && 'name' in p.scope && p.said.name === p.scope.name && p.said.kind === p.scope.kind;
      const areaList = (xs: readonly string[] | undefined): string => (sameName && xs?.length ? ` (${xs.length > 8 ? `${xs.slice(0, 8).join(', ')}, … (${xs.length})` : xs.join(', ')})` : '');
      const saidWhere = p.said ? `${p.said.kind === 'kanwil' ? 'Kanwil ' : ''}${p.said.name}${areaList(p.said.areas)}` : '';
      const whereAreas = `${where}${areaList(ours)}`;
      const why = p.said
        ? L(`its meta.scope says ${many ? 'they are' : 'it is'} of ${saidWhere}, and this report covers ${whereAreas}`, `meta.scope-nya menyatakan target itu milik ${saidWhere}, sedangkan laporan ini mencakup ${whereAreas}`)
        : p.over
          ? L(
              `${many ? 'they' : 'it'} would be this report's scope's, ${where}, but the target of ${p.over.row || 'the Total'} (${groupDigits(p.over.target, 'en')}) is above its whole ${p.over.measure} (${groupDigits(p.over.denominator, 'en')}), which no breakdown of the scope's plan gives (its bound is the denominator): ${many ? 'they are' : 'it is'} another area's or the nation's`,
              `target itu akan dianggap milik cakupan laporan ini, ${where}, tetapi target ${p.over.row || 'Total'} (${groupDigits(p.over.target, 'id')}) melebihi seluruh ${p.over.measure}-nya (${groupDigits(p.over.denominator, 'id')}), yang tidak dihasilkan rincian rencana mana pun dari cakupan itu (batasnya adalah penyebut): target itu milik wilayah lain atau nasional`,
            )
          : '';
      return {
        message: L(`the targets of ${p.source} have no area column (province, regency or kanwil): ${what} not compared: ${why}`, `target di ${p.source} tidak memiliki kolom wilayah (province, regency atau kanwil): ${what} tidak dibandingkan: ${why}`),
        hint: p.said
          ? L(
              `report ${saidWhere}'s data against them; for this scope, give its own targets (a breakdown of its own input: jamsostek breakdown --target N --year ${year} --input FILE --by ${by} -o targets.json), or its rows of the national plan (--year ${year})`,
              `laporkan data ${saidWhere} terhadap target itu; untuk cakupan ini, berikan targetnya sendiri (rincian dari inputnya sendiri: jamsostek breakdown --target N --year ${year} --input FILE --by ${by} -o targets.json), atau barisnya dalam rencana nasional (--year ${year})`,
            )
          : L(
              `give this scope's own targets: its rows of the national plan (jamsostek breakdown --year ${year} --by province${p.keys.length ? `,${p.keys.join(',')}` : ''} -o targets.csv: the report takes its own areas' rows), or --year ${year}, which takes its share itself; a plan of the scope's own stays within its denominator`,
              `berikan target cakupan ini sendiri: barisnya dalam rencana nasional (jamsostek breakdown --year ${year} --by province${p.keys.length ? `,${p.keys.join(',')}` : ''} -o targets.csv: laporan mengambil baris wilayahnya sendiri), atau --year ${year}, yang mengambil bagiannya sendiri; rencana cakupan itu sendiri tetap di dalam penyebutnya`,
            ),
      };
    }
    case 'targets-national': {
      // The targets' own keys (segment…) say what they are per; the report's scope, what it covers; the
      // national participants of its time, why they are national (rv30 T2: smaller ones are the scope's own).
      const where = scopeText(p.scope, lang) ?? '';
      const year = p.year === null ? 'Y' : String(p.year);
      const by = ['province', ...p.keys.filter((k) => k === 'segment' || k === 'sector')].join(',');
      const per = p.keys.map((k) => dimLabel(k)[lang]).join(' × ');
      const cols = ['kanwil', ...p.keys, 'target'].join(',');
      const why = p.national?.said
        ? L(` (the file's meta.scope says it is national)`, ` (meta.scope berkas menyatakan cakupannya nasional)`)
        : p.segment
        ? L(
            ` (its ${p.segment.segment} target${p.targets > 1 ? 's' : ''}, ${groupDigits(p.segment.total, 'en')}, ${p.targets > 1 ? 'are' : 'is'} at least half the national ${p.segment.segment} participants, ${groupDigits(p.segment.national, 'en')} of ${p.segment.period} in data/baseline.csv (its 38 provinces); no region holds half a segment's)`,
            ` (target ${p.segment.segment}-nya, ${groupDigits(p.segment.total, 'id')}, sedikitnya separuh peserta ${p.segment.segment} nasional, ${groupDigits(p.segment.national, 'id')} per ${p.segment.period} menurut data/baseline.csv (38 provinsinya); tidak ada wilayah yang memegang separuh suatu segmen)`,
          )
        : p.national
        ? L(` (${p.keys.length && p.targets > 1 ? 'they are' : 'it is'} at least half the national participants, ${groupDigits(p.national.participants, 'en')} of ${p.national.period} in ${p.national.source}; no region holds half the country's)`, ` (sedikitnya separuh peserta nasional, ${groupDigits(p.national.participants, 'id')} per ${p.national.period} menurut ${p.national.source}; tidak ada wilayah yang memegang separuh negeri)`)
        : '';
      return {
        message: p.keys.length
          ? L(
              p.targets === 1
                ? `the targets of ${p.source} have no area column (province, regency or kanwil): its one target per ${per} (${groupDigits(p.total, 'en')}) is a national target; this report covers ${where}, and its participants are not compared with it${why}`
                : `the targets of ${p.source} have no area column (province, regency or kanwil): its ${groupDigits(p.targets, 'en')} targets per ${per} (${groupDigits(p.total, 'en')} in all) are national targets; this report covers ${where}, and its participants are not compared with them${why}`,
              `target di ${p.source} tidak memiliki kolom wilayah (province, regency atau kanwil): ${groupDigits(p.targets, 'id')} target per ${per} (${groupDigits(p.total, 'id')} seluruhnya) adalah target nasional; laporan ini mencakup ${where}, dan pesertanya tidak dibandingkan dengannya${why}`,
            )
          : L(
              `the targets of ${p.source} have no key column at all: its one total (${groupDigits(p.total, 'en')}) is a national target; this report covers ${where}, and its participants are not compared with it${why}`,
              `target di ${p.source} sama sekali tidak memiliki kolom kunci: satu totalnya (${groupDigits(p.total, 'id')}) adalah target nasional; laporan ini mencakup ${where}, dan pesertanya tidak dibandingkan dengannya${why}`,
            ),
        hint: L(
          `give targets for this scope: e.g. jamsostek breakdown --year ${year} --by ${by} -o targets-${year}.csv, then --targets targets-${year}.csv (the report takes its own areas' rows), or --year ${year}, which takes this scope's share itself; if these are this scope's own targets, add a kanwil or province column to them (${cols})`,
          `berikan target untuk cakupan ini: mis. jamsostek breakdown --year ${year} --by ${by} -o targets-${year}.csv, lalu --targets targets-${year}.csv (laporan mengambil baris wilayahnya sendiri), atau --year ${year}, yang mengambil bagian cakupan ini sendiri; jika ini target cakupan ini sendiri, tambahkan kolom kanwil atau province padanya (${cols})`,
        ),
      };
    }
    case 'targets-area-unplaced':
      return {
        message: L(`the targets of ${p.source} are given per ${dimLabel(p.area).en}, and the data has no ${dimLabel(p.area).en} column to match them with`, `target di ${p.source} diberikan per ${dimLabel(p.area).id}, dan data tidak memiliki kolom ${dimLabel(p.area).id} untuk mencocokkannya`),
        hint: L(`pass the geography (areas) to planCoverage, or add a ${p.area} column to the data`, `berikan geografi (areas) ke planCoverage, atau tambahkan kolom ${p.area} pada data`),
      };
    case 'over-denominators':
      return {
        message: L(
          `participants exceed the ${p.measure} of ${p.source} (the input has no denominator of its own): ${overDenominatorRows(p.rows, p.more, p.measure, 'en')}`,
          `peserta melebihi ${p.measure} dari ${p.source} (input tidak memiliki penyebut sendiri): ${overDenominatorRows(p.rows, p.more, p.measure, 'id')}`,
        ),
        hint: L(
          "coverage above 100% does not exist: check that these are the area's active participants of that month (not registered ones including inactive, not another area's rows); pass --allow-over-coverage if this is real",
          'cakupan di atas 100% tidak mungkin: periksa bahwa ini peserta aktif wilayah itu pada bulan itu (bukan peserta terdaftar termasuk yang nonaktif, bukan baris wilayah lain); jika memang benar, pakai --allow-over-coverage',
        ),
      };
  }
}

function frameText(p: TargetFrameProblem, lang: Lang): Text {
  const L = (en: string, id: string): string => (lang === 'id' ? id : en);
  switch (p.kind) {
    case 'year-not-in-file':
      return { message: L(`--targets: no targets for ${p.year} in the file (it has ${p.years.join(', ')})`, `--targets: tidak ada target ${p.year} di berkas (berkas memuat ${p.years.join(', ')})`), hint: L(`pass the year the file is for (--year ${p.years.join(' or --year ')}), or leave out --year`, `berikan tahun berkas itu (--year ${p.years.join(' atau --year ')}), atau hilangkan --year`) };
    case 'bad-year':
      return { message: L(`--targets: "${p.value}" in the year column is not a year`, `--targets: "${p.value}" di kolom year bukan tahun`), hint: L('write the year as YYYY, e.g. 2024', 'tulis tahun sebagai YYYY, mis. 2024') };
    case 'months-not-december':
      return { message: L(`--targets: the month-by-month targets end in ${p.last}, not in a December`, `--targets: target bulanan berakhir pada ${p.last}, bukan Desember`), hint: L('a month-by-month file (breakdown --months) runs to December of its target year', 'berkas bulanan (breakdown --months) berjalan sampai Desember tahun targetnya') };
    case 'bad-from':
      return { message: L(`--targets: "${p.value}" in the from column is not a month`, `--targets: "${p.value}" di kolom from bukan bulan`), hint: L('a revision is in force from a month: YYYY-MM', 'revisi berlaku mulai suatu bulan: YYYY-MM') };
    case 'not-in-force':
      return { message: L(`--targets: the file's targets are a revision in force from ${p.from}; as of ${p.asOf} none of them is`, `--targets: target di berkas adalah revisi yang berlaku mulai ${p.from}; per ${p.asOf} belum ada yang berlaku`), hint: L(`use the targets in force in ${p.asOf}, or --as-of ${p.from} to compare with the revision anyway`, `pakai target yang berlaku pada ${p.asOf}, atau --as-of ${p.from} untuk tetap membandingkan dengan revisi`) };
    case 'partial-revision': {
      const named = `${p.missing.join(', ')}${p.count > p.missing.length ? `, … (${p.count})` : ''}`;
      return {
        message: L(`--targets: the revision in force from ${p.from} gives targets for ${p.of - p.count} of ${p.of} units; ${named} ${p.count === 1 ? 'has' : 'have'} none from then`, `--targets: revisi yang berlaku mulai ${p.from} memberi target untuk ${p.of - p.count} dari ${p.of} unit; ${named} tidak memilikinya sejak itu`),
        hint: L(`give every unit's target in each revision (the unchanged ones too), from ${p.from}`, `berikan target setiap unit di setiap revisi (termasuk yang tidak berubah), mulai ${p.from}`),
      };
    }
    case 'after-year': {
      const y = p.period.slice(0, 4);
      // A hint that makes what the user had, for the year reported (fx44: a --months file was offered a
      // yearly one), and --period only with a month of the targets' year that the input has.
      const make = p.made === 'year' ? `--year ${y}` : `breakdown --year ${y}${p.made === 'months' ? ' --months' : ''} … -o targets.csv`;
      const period = p.inYear === undefined ? L(`--period for a month of ${p.year}`, `--period untuk bulan di ${p.year}`) : p.inYear === null ? undefined : `--period ${p.inYear}`;
      const or = (en: string, id: string): string => (period ? L(`${en}, or ${period}`, `${id}, atau ${period}`) : L(en, id));
      return {
        message: L(`the report is for ${p.period}, after December ${p.year}, the month the targets are for (${p.source})`, `laporan untuk ${p.period}, setelah Desember ${p.year}, bulan yang dituju target (${p.source})`),
        hint: p.lacks
          ? or(
              `give the targets for ${y}: ${p.lacks.file} has no ${p.lacks.scenario} target for ${y} (breakdown --year ${y} and coverage --year ${y} refuse it), so plan its total: breakdown --target N --year ${y}${p.made === 'months' ? ' --months' : ''} … -o targets.csv`,
              `berikan target untuk ${y}: ${p.lacks.file} tidak memuat target ${p.lacks.scenario} untuk ${y} (breakdown --year ${y} dan coverage --year ${y} menolaknya), jadi rencanakan totalnya: breakdown --target N --year ${y}${p.made === 'months' ? ' --months' : ''} … -o targets.csv`,
            )
          : or(`give the targets for ${y} (${make})`, `berikan target untuk ${y} (${make})`),
      };
    }
    case 'before-baseline':
      return {
        message: L(`the report is for ${p.period}, before ${p.baseline}, the month the targets start from (${p.source})`, `laporan untuk ${p.period}, sebelum ${p.baseline}, bulan awal target (${p.source})`),
        // fx44: a command that works, typed (the targets from that month's figures; a month the input has).
        hint:
          p.fromBaseline === undefined
            ? L('give the targets planned for that time, or a month from the targets\' start on', 'berikan target yang direncanakan untuk masa itu, atau bulan sejak awal target')
            : L(
                `give targets planned from ${p.period} or earlier (${p.made === 'year' ? `breakdown --target N --year ${p.year ?? p.baseline.slice(0, 4)} --input the file of ${p.period} -o targets.csv, then --targets targets.csv` : `breakdown … ${p.made === 'months' ? '--months ' : ''}--input the file of ${p.period} -o targets.csv`})${p.fromBaseline ? `, or --period ${p.fromBaseline}, a month of the input from ${p.baseline} on` : ''}`,
                `berikan target yang direncanakan mulai ${p.period} atau sebelumnya (${p.made === 'year' ? `breakdown --target N --year ${p.year ?? p.baseline.slice(0, 4)} --input berkas ${p.period} -o targets.csv, lalu --targets targets.csv` : `breakdown … ${p.made === 'months' ? '--months ' : ''}--input berkas ${p.period} -o targets.csv`})${p.fromBaseline ? `, atau --period ${p.fromBaseline}, bulan input sejak ${p.baseline}` : ''}`,
              ),
      };
    case 'months-with-from':
      return { message: L('--targets: a month-by-month file with a from column', '--targets: berkas bulanan dengan kolom from'), hint: L('a month-by-month file already holds the revised path; leave out the from column', 'berkas bulanan sudah memuat jalur revisi; hilangkan kolom from') };
    case 'months-as-of': {
      const en = (f: string | null): string => (f ? `the revision from ${f}` : 'the original target');
      const id = (f: string | null): string => (f ? `revisi mulai ${f}` : 'target awal');
      return {
        message: L(
          `--targets: the month-by-month file gives ${p.period} under ${en(p.given)}; --as-of ${p.asOf} asks for ${en(p.inForce)}, whose milestones for ${p.period} are not in the file`,
          `--targets: berkas bulanan memberi ${p.period} menurut ${id(p.given)}; --as-of ${p.asOf} meminta ${id(p.inForce)}, yang tonggaknya untuk ${p.period} tidak ada di berkas`,
        ),
        // rv27 F4: a multi-year file's revision may be of a December on the way, which a yearly file of the
        // target year does not hold: the months file written as of that month does.
        hint: L(
          `leave out --as-of, or write the month-by-month file as of ${p.asOf} (breakdown … --months --as-of ${p.asOf}); a breakdown without --months phases its milestones for any revision of its own year`,
          `hilangkan --as-of, atau tulis berkas bulanan per ${p.asOf} (breakdown … --months --as-of ${p.asOf}); breakdown tanpa --months menghitung tonggaknya untuk revisi mana pun dari tahunnya sendiri`,
        ),
      };
    }
  }
}

/** Where a row of a source is, for a diagnostic: a file's line, a workbook's cell (column A), a Parquet row. */
function rowPlace(source: SourceFacts, line: number): Pick<Problem, 'file' | 'line'> {
  if (source.format === 'parquet') return { file: `${source.name}:row ${line}` };
  if (source.sheet !== undefined) return { file: `${source.name}:${xlsxCellName(source.sheet, line, 1)}` };
  return { file: source.name, line };
}

/**
 * A core refusal that is a usage problem, not bad data (exit 2, not 3): no total to split was named
 * (`breakdown` with no --year, --target nor margins), a method that cannot split a matrix (rv16 #4: a
 * cron job reads 3 as "a file is bad, run again when the files are there").
 */
export function isUsageFact(e: unknown): boolean {
  return e instanceof InfeasibleError && (e.fact.kind === 'no-total' || e.fact.kind === 'hamilton-matrix');
}

/** A core error as diagnostics in both languages, or undefined when it is not one of the core's. */
export function describeCoreError(e: unknown, place: (src: number, line: number, lang: Lang) => string = (_s, l, lang) => `${lang === 'id' ? 'baris' : 'line'} ${l}`): Problem[] | undefined {
  const both = (f: (lang: Lang) => Text): Problem => ({ ...f('en'), id: f('id') });
  if (e instanceof InfeasibleError) return [both((lang) => factText(e.fact, lang))];
  if (e instanceof CoverageError) {
    // A row of a named source is placed by its file (a sheet's row as its cell, a Parquet file's as its row).
    const sources = e.sources;
    const named = (src: number, line: number, lang: Lang): string => {
      const source = sources?.[src];
      if (!source) return place(src, line, lang);
      const p = rowPlace(source, line);
      return p.line === undefined ? p.file! : `${p.file}:${p.line}`;
    };
    // Participants above a denominators table's figure: placed at the first row named (rv23 F8: validate's
    // file and line columns were empty).
    const first = e.problem.kind === 'over-denominators' ? e.problem.rows[0]?.ref : undefined;
    const source = first ? sources?.[first.src] : undefined;
    return [{ ...(first && source ? rowPlace(source, first.line) : {}), ...both((lang) => coverageText(e.problem, lang, named)) }];
  }
  if (e instanceof TargetFrameError) return [both((lang) => frameText(e.problem, lang))];
  if (e instanceof SumOverflowError) {
    const max = (lang: Lang): string => `${groupDigits(Number.MAX_SAFE_INTEGER, lang)} (2^53 − 1)`;
    const source = e.sources?.[e.at.src];
    // Whose sum: the group's keys (the report's Total has none: the whole input).
    const keys = e.group?.keys.length ? (e.group.shown ?? e.group.keys).join(', ') : undefined;
    const of = (lang: Lang): string => (e.group === undefined ? '' : keys !== undefined ? (lang === 'id' ? ` (jumlah untuk ${keys})` : ` (the sum for ${keys})`) : lang === 'id' ? ' (jumlah seluruh input, baris Total)' : ' (the sum of the whole input, its Total row)');
    // rowFound false: the rows are sums of a file's rows, and the row that passes it could not be found
    // (the file cannot be read again): the first row of the sum added last is named, as such.
    if (source && e.rowFound === false) {
      return [
        {
          ...rowPlace(source, e.at.line),
          message: `the sum of ${e.measure} passes ${max('en')} when the rows added up with this one (its first row) are added: it cannot be kept exactly${of('en')}`,
          hint: 'split the input, or check these rows and the ones added before them for a wrong number (an extra digit)',
          id: { message: `jumlah ${e.measure} melampaui ${max('id')} saat baris-baris yang dijumlahkan bersama baris ini (baris pertamanya) ditambahkan: tidak dapat disimpan dengan tepat${of('id')}`, hint: 'pecah input, atau periksa baris-baris ini dan baris-baris sebelumnya: mungkin ada angka yang salah (kelebihan satu digit)' },
        },
      ];
    }
    return [
      {
        ...(source ? rowPlace(source, e.at.line) : {}),
        message: `the sum of ${e.measure} passes ${max('en')}${source ? ' when this row is added' : ''}: it cannot be kept exactly${of('en')}`,
        hint: 'check this row and the ones added before it for a wrong number (an extra digit)',
        id: { message: `jumlah ${e.measure} melampaui ${max('id')}${source ? ' saat baris ini ditambahkan' : ''}: tidak dapat disimpan dengan tepat${of('id')}`, hint: 'periksa baris ini dan baris-baris sebelumnya: mungkin ada angka yang salah (kelebihan satu digit)' },
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
