// What a title above a workbook's header says of a date (rv27 F6): a month, a year alone, or nothing.
import { describe, expect, it } from 'vitest';
import { titleDate } from '../../src/io/title-date.js';

describe('titleDate', () => {
  it.each([
    ['Periode | 2024-06', { period: 'none' }],
    ['Bulan | Juni', { period: 'none' }],
    ['Data per Juni 2024', { period: 'none' }],
    ['Posisi 31 Des. 2024', { period: 'none' }],
    ['Report as of June 2024', { period: 'none' }],
    ['Rekap 2024-06', { period: 'none' }],
    ['Rekap 06/2024', { period: 'none' }],
    ['Target Tahun 2025', { year: true }],
    ['Kepesertaan 2024-2025', { year: true }],
    ['Laporan Peserta Aktif | Kanwil Sulawesi Maluku', {}],
    ['Jumlah penduduk 2.450.000', {}],
    // rv29 S5: Indonesian spellings and separators (main: a "year" or nothing).
    ['Data per Pebruari 2024', { period: 'none' }],
    ['Data per Peb 2024', { period: 'none' }],
    ['Data per Nop 2024', { period: 'none' }],
    ['Data per Agt 2024', { period: 'none' }],
    ['Data per Okt. 2024', { period: 'none' }],
    ['Data per Des 2024', { period: 'none' }],
    ['Data per Juni-2024', { period: 'none' }],
    ['Data per Juni, 2024', { period: 'none' }],
    ['Data per Jun-24', { period: 'none' }],
    ["Data per Juni'24", { period: 'none' }],
    ['Posisi 30 Juni 2024', { period: 'none' }],
    ['Keadaan per 2024-06-30', { period: 'none' }],
    // A print date, or a day with no label saying the data stand at it, is not the data's month (main: a month).
    ['Dicetak 2026-07-03', {}],
    ['Dicetak 03/07/2026', {}],
    ['Tanggal cetak: 3 Juli 2026', {}],
    ['Laporan Peserta Aktif Kanwil Sulama, dicetak 2026-07-03', {}],
    ['Printed 2026-07-03 10:15', {}],
    ['Gorontalo, 3 Juli 2026', {}],
    ['Data per Juni 2024, dicetak 3 Juli 2026', { period: 'none' }],
    ['Jumat 12 Maret', {}],
    ['Januari sampai Juni', {}],
  ])('%s', (text, said) => {
    expect(titleDate([{ text }], false)).toEqual(said);
  });

  it('a month with a period column in the header: the column is the month', () => {
    expect(titleDate([{ text: 'Provinsi | Gorontalo' }, { text: 'Data per Juni 2024' }], true)).toEqual({ period: 'column' });
  });
});
