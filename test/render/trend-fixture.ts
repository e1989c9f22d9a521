// A small report with a trend (issue 18), as `coverage` builds it from three months (August to October
// 2024) of three provinces, for the chart tests. Every number is chosen so that the chart's points can
// be computed by hand in the tests:
//
//   path (the Total), August to December:
//     actual       92   100   112     –     –
//     milestones   96   112   128   144   160
//     projection    –     –   112   124   136
//     target                                160
//   value axis: 92 … 160 in steps of 20 (68 / 4 = 17, rounded up) → 80, 100, 120, 140, 160
//
//   rows (August, September, October):
//     Sulawesi Utara   50   56   48   (falling: October below August)
//     Gorontalo        30    –   34   (September not reported)
//     Maluku           12   44   30
//     Total            92  100  112
import type { Column, Report, Row } from '../../src/report/model.js';

const col = (key: string, en: string, id: string, kind: Column['kind']): Column => ({ key, label: { en, id }, kind });

export const TREND_MONTHS = ['2024-08', '2024-09', '2024-10'];
export const PATH = {
  months: ['2024-08', '2024-09', '2024-10', '2024-11', '2024-12'],
  actual: [92, 100, 112, null, null],
  milestones: [96, 112, 128, 144, 160],
  projection: [null, null, 112, 124, 136],
  target: 160,
};
export const ROWS: { code: string; name: string; series: (number | null)[] }[] = [
  { code: '71', name: 'Sulawesi Utara', series: [50, 56, 48] },
  { code: '75', name: 'Gorontalo', series: [30, null, 34] },
  { code: '81', name: 'Maluku', series: [12, 44, 30] },
];
export const TOTAL_SERIES = [92, 100, 112];

export function trendCoverageReport(): Report {
  const rows: Row[] = ROWS.map((r) => ({ values: { province_code: r.code, province: r.name, participants: r.series[2] ?? null }, series: r.series }));
  return {
    kind: 'coverage',
    title: { en: 'Coverage 2024-10 by province', id: 'Cakupan 2024-10 per provinsi' },
    columns: [col('province_code', 'code', 'kode', 'text'), col('province', 'province', 'provinsi', 'text'), col('participants', 'participants', 'peserta', 'int'), col('target', 'target', 'target', 'int')],
    rows,
    totals: { province: 'Total', participants: 112, target: 160 },
    meta: { command: 'coverage', period: '2024-10' },
    trend: {
      title: { en: 'Participants month by month to December', id: 'Peserta bulan demi bulan sampai Desember' },
      months: TREND_MONTHS,
      totalSeries: TOTAL_SERIES,
      path: PATH,
    },
  };
}
