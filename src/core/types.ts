// Domain types shared by the core, the readers and the renderers.
//
// Glossary (Bahasa Indonesia → meaning here)
//   BPJS Ketenagakerjaan   the workers' social-security agency; brand "Jamsostek"
//   peserta aktif          active participants: workers whose contributions are current
//   tenaga kerja / pekerja workforce; the denominator of coverage (which base is a choice, see below)
//   penduduk bekerja       employed population (BPS Sakernas, every August)
//   potensi pekerja        "potential workers": the BPJS/Kemendagri base behind published regional
//                          coverage percentages (UCJ, Universal Coverage Jamsostek); ~60–75 % of employed
//   cakupan                coverage = participants / denominator
//   segmen                 participant segment:
//     PU    Penerima Upah            wage earners
//     BPU   Bukan Penerima Upah      non-wage, informal and self-employed workers
//     JAKON Jasa Konstruksi          workers on construction projects
//     PMI   Pekerja Migran Indonesia Indonesian migrant workers
//   provinsi / kabupaten / kota       province / regency / city (514 regencies and cities)
//   Kanwil                 Kantor Wilayah, a BPJS regional office over several provinces
//   Kantor Cabang          branch office
//   sektor                 sector, e.g. a KBLI section such as "Pertanian" (agriculture)
//   periode                period, a month as YYYY-MM; targets are for December of a year

export const SEGMENTS = ['PU', 'BPU', 'JAKON', 'PMI'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const SEGMENT_ALIASES: Record<string, Segment> = {
  pu: 'PU',
  ppu: 'PU',
  penerimaupah: 'PU',
  pesertapenerimaupah: 'PU',
  wage: 'PU',
  wageearners: 'PU',
  formal: 'PU',
  bpu: 'BPU',
  pbpu: 'BPU',
  bukanpenerimaupah: 'BPU',
  pesertabukanpenerimaupah: 'BPU',
  nonwage: 'BPU',
  informal: 'BPU',
  jakon: 'JAKON',
  jk: 'JAKON',
  jasakonstruksi: 'JAKON',
  konstruksi: 'JAKON',
  construction: 'JAKON',
  pmi: 'PMI',
  pekerjamigranindonesia: 'PMI',
  pekerjamigran: 'PMI',
  migrant: 'PMI',
  migrantworkers: 'PMI',
  tki: 'PMI',
};

export function resolveSegment(raw: string): Segment | undefined {
  return SEGMENT_ALIASES[raw.toLowerCase().replace(/[^a-z]/g, '')];
}

/** A month as YYYY-MM. */
export type Period = string;

export function parsePeriod(raw: string): Period | undefined {
  const t = raw.trim();
  let m = /^(\d{4})[-/](\d{1,2})(?:[-/]\d{1,2})?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})$/.exec(t);
  if (!m) {
    const r = /^(\d{1,2})[-/](\d{4})$/.exec(t);
    if (r) m = [r[0], r[2]!, r[1]!] as unknown as RegExpExecArray;
  }
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

export function periodYear(p: Period): number {
  return Number(p.slice(0, 4));
}

export function periodMonth(p: Period): number {
  return Number(p.slice(5, 7));
}

/** The month before, e.g. 2024-01 → 2023-12. */
export function previousPeriod(p: Period): Period {
  const y = periodYear(p);
  const m = periodMonth(p);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
