// The domain's words, defined once.
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

// A Map, not an object literal: a segment written "constructor" or "__proto__" must be unknown.
const SEGMENT_ALIASES: ReadonlyMap<string, Segment> = new Map<string, Segment>([
  ['pu', 'PU'], ['ppu', 'PU'], ['penerimaupah', 'PU'], ['pesertapenerimaupah', 'PU'], ['wage', 'PU'], ['wageearners', 'PU'], ['formal', 'PU'],
  ['bpu', 'BPU'], ['pbpu', 'BPU'], ['bukanpenerimaupah', 'BPU'], ['pesertabukanpenerimaupah', 'BPU'], ['nonwage', 'BPU'], ['informal', 'BPU'],
  ['jakon', 'JAKON'], ['jk', 'JAKON'], ['jasakonstruksi', 'JAKON'], ['konstruksi', 'JAKON'], ['construction', 'JAKON'],
  ['pmi', 'PMI'], ['pekerjamigranindonesia', 'PMI'], ['pekerjamigran', 'PMI'], ['migrant', 'PMI'], ['migrantworkers', 'PMI'], ['tki', 'PMI'],
]);

/** Example: resolveSegment('Bukan Penerima Upah') → 'BPU'; resolveSegment('constructor') → undefined. */
export function resolveSegment(raw: string): Segment | undefined {
  return SEGMENT_ALIASES.get(raw.toLowerCase().replace(/[^a-z]/g, ''));
}

/** The denominators in use, in the order a default is chosen from. */
export const DENOMINATORS = ['workforce', 'employed', 'potential_workers'] as const;
