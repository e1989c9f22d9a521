// Writes a per-participant extract of N rows: participant_id,province,segment,period
// (38 provinces × 4 segments; deterministic). Usage: node bench/generate.js N out.csv
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

export async function generate(n, path) {
  const out = createWriteStream(path);
  let buf = 'participant_id,province,segment,period\n';
  let seed = 12345;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const p = PROVINCES[seed % 38];
    const s = SEGMENTS[(seed >> 8) % 4];
    // Some names need quoting in real extracts; keep a few quoted fields in the mix.
    buf += `${1000000 + i},${i % 50 === 0 ? `"${p}"` : p},${s},2024-06\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await generate(Number(process.argv[2] ?? 500000), process.argv[3] ?? 'bench/out/extract.csv');
}
