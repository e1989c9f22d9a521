// Writes a per-participant extract of N rows: participant_id,province,segment,period
// (38 provinces × 4 segments; deterministic). Usage: node bench/generate.js N out.csv [plain|quoted|id]
//
// Variants for the extract benchmark:
//   plain   participant_id,province,segment,period — every 50th province name quoted
//   quoted  the same, every text field quoted
//   id      an Indonesian per-employer extract: employer_id;province;segment;period;participants, the
//           participants written with Indonesian grouping (1.234)
import { createWriteStream } from 'node:fs';

export const PROVINCES = [
  'Aceh', 'Sumatera Utara', 'Sumatera Barat', 'Riau', 'Jambi', 'Sumatera Selatan', 'Bengkulu', 'Lampung',
  'Kepulauan Bangka Belitung', 'Kepulauan Riau', 'DKI Jakarta', 'Jawa Barat', 'Jawa Tengah', 'DI Yogyakarta',
  'Jawa Timur', 'Banten', 'Bali', 'Nusa Tenggara Barat', 'Nusa Tenggara Timur', 'Kalimantan Barat',
  'Kalimantan Tengah', 'Kalimantan Selatan', 'Kalimantan Timur', 'Kalimantan Utara', 'Sulawesi Utara',
  'Sulawesi Tengah', 'Sulawesi Selatan', 'Sulawesi Tenggara', 'Gorontalo', 'Sulawesi Barat', 'Maluku',
  'Maluku Utara', 'Papua', 'Papua Barat', 'Papua Selatan', 'Papua Tengah', 'Papua Pegunungan', 'Papua Barat Daya',
];
const SEGMENTS = ['PU', 'BPU', 'JAKON', 'PMI'];

/** Indonesian digit grouping: 1234567 → 1.234.567. */
function groupId(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export async function generate(n, path, variant = 'plain') {
  const out = createWriteStream(path);
  let buf = variant === 'id' ? 'employer_id;province;segment;period;participants\n' : 'participant_id,province,segment,period\n';
  let seed = 12345;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const p = PROVINCES[seed % 38];
    const s = SEGMENTS[(seed >> 8) % 4];
    if (variant === 'quoted') buf += `${1000000 + i},"${p}","${s}","2024-06"\n`;
    else if (variant === 'id') buf += `${1000000 + i};${p};${s};2024-06;${groupId(1 + ((seed >> 12) % 5000))}\n`;
    // Some names need quoting in real extracts; keep a few quoted fields in the mix.
    else buf += `${1000000 + i},${i % 50 === 0 ? `"${p}"` : p},${s},2024-06\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
}

/**
 * An ordinary regional file of about N rows: province_code,regency,sector,period,workforce,participants,
 * one row per regency × sector × month (the 514 regencies of data/regencies.csv, months from 2023-01,
 * as many sectors as N needs), every key once. Run with --code-system kemendagri (code 91 is Papua there
 * and Papua Barat in BPS codes). `kantor`: a branch column with a name of its own on every row (for
 * `--by province,kantor`: one key per row). `json`: the same rows as a JSON array of objects.
 */
// `coverage`: a coverage column after the counts, as offices write it: 'en' `40.10%` (`,` between
// fields), 'id' `40,10%` (`;`).
export async function generateRegional(n, path, { kantor = false, json = false, coverage } = {}) {
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(new URL('../data/regencies.csv', import.meta.url), 'utf8').trim().split('\n').slice(1);
  const regencies = lines.map((l) => {
    const f = l.split(',');
    return { name: f[2], province: f[4] };
  });
  const months = 24;
  const sectors = Math.ceil(n / (regencies.length * months));
  const out = createWriteStream(path);
  const d = coverage === 'id' ? ';' : ',';
  const pct = (m) => (coverage === 'id' ? `${((400 + m) / 10).toFixed(2).replace('.', ',')}%` : `${((400 + m) / 10).toFixed(2)}%`);
  let buf = json ? '[\n' : `${['province_code', 'regency', 'sector', 'period', ...(kantor ? ['kantor'] : []), 'workforce', 'participants', ...(coverage ? ['coverage'] : [])].join(d)}\n`;
  let rows = 0;
  for (const r of regencies) {
    for (let s = 0; s < sectors && rows < n; s++) {
      for (let m = 0; m < months && rows < n; m++, rows++) {
        const period = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
        if (json) buf += `${rows ? ',\n' : ''}{"province_code": "${r.province}", "regency": "${r.name}", "sector": "S${s}", "period": "${period}", ${kantor ? `"kantor": "K${rows}", ` : ''}"workforce": 1000, "participants": ${400 + m}}`;
        else if (coverage) buf += `${[r.province, `"${r.name}"`, `S${s}`, period, ...(kantor ? [`K${rows}`] : []), 1000, 400 + m, pct(m)].join(d)}\n`;
        else buf += `${r.province},"${r.name}",S${s},${period},${kantor ? `K${rows},` : ''}1000,${400 + m}\n`;
        if (buf.length > 1 << 20) {
          if (!out.write(buf)) await new Promise((res) => out.once('drain', res));
          buf = '';
        }
      }
    }
  }
  out.write(json ? buf + '\n]\n' : buf);
  await new Promise((r) => out.end(r));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // node bench/generate.js N FILE regional[-en|-id]: a regional file (with a coverage column, en or id).
  const variant = process.argv[4] ?? 'plain';
  if (variant.startsWith('regional')) await generateRegional(Number(process.argv[2] ?? 500000), process.argv[3], variant === 'regional' ? {} : { coverage: variant.slice('regional-'.length) });
  else await generate(Number(process.argv[2] ?? 500000), process.argv[3] ?? 'bench/out/extract.csv', variant);
}
