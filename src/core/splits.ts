// The provinces formed since 2022 out of older ones: today's geography (data/provinces.csv, the
// bundled baseline's figures) is that of after the splits, so a figure dated before a split that names
// the old province is of a larger area than today's province of that name. Pure data.
//
// Sources (data/README.md `papua-laws-2022`; ../shared/reference/data-audit.md §2.1): UU 14, 15 and
// 16/2022 of 25 July 2022 formed Papua Selatan, Papua Tengah and Papua Pegunungan out of Papua; UU
// 29/2022 of 8 December 2022 formed Papua Barat Daya out of Papua Barat. A month's figure is taken at
// the end of the month, so the first month of the new geography is the month of the law.

import type { Period } from './calendar.js';

export interface ProvinceSplit {
  /** The first month of the new geography (YYYY-MM). */
  readonly from: Period;
  /** The old province's Kemendagri code, kept by the rump province of the same name. */
  readonly province: string;
  /** The provinces formed out of it (Kemendagri codes). */
  readonly formed: readonly string[];
  readonly law: string;
}

export const PROVINCE_SPLITS: readonly ProvinceSplit[] = [
  { from: '2022-07', province: '91', formed: ['93', '94', '95'], law: 'UU 14, 15, 16/2022' },
  { from: '2022-12', province: '92', formed: ['96'], law: 'UU 29/2022' },
];

/** The split a province key takes part in (as the old province or a new one), if any. */
export function splitOf(province: string): ProvinceSplit | undefined {
  return PROVINCE_SPLITS.find((s) => s.province === province || s.formed.includes(province));
}
