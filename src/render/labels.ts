import type { Lang } from './model.js';

const KEY_LABELS: Record<string, { en: string; id: string }> = {
  province: { en: 'province', id: 'provinsi' },
  regency: { en: 'regency/city', id: 'kabupaten/kota' },
  segment: { en: 'segment', id: 'segmen' },
  sector: { en: 'sector', id: 'sektor' },
  kanwil: { en: 'regional office', id: 'kanwil' },
  period: { en: 'period', id: 'periode' },
};

/** The label of a key column (province, regency, …) in both languages. */
export function keyLabel(key: string): { en: string; id: string } {
  return KEY_LABELS[key] ?? { en: key, id: key };
}

export function keysTitle(by: readonly string[], lang: Lang): string {
  return by.map((k) => keyLabel(k)[lang]).join(' × ');
}
