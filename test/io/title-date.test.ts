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
  ])('%s', (text, said) => {
    expect(titleDate([{ text }], false)).toEqual(said);
  });

  it('a month with a period column in the header: the column is the month', () => {
    expect(titleDate([{ text: 'Provinsi | Gorontalo' }, { text: 'Data per Juni 2024' }], true)).toEqual({ period: 'column' });
  });
});
