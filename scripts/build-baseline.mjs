#!/usr/bin/env node
// Rebuilds every file in data/ from the cited inputs in scripts/sources/:
//
//   npm run build && node scripts/build-baseline.mjs            # rewrite data/
//   npm run build && node scripts/build-baseline.mjs --out DIR  # write the same files to DIR (tests)
//
// Inputs (each figure with its source id; sources.csv holds the addresses):
//   sources.csv               the bibliography: id, publisher, title, date, url
//   provinces.csv             38 provinces: both code systems, names, aliases, Kanwil and its evidence
//   regencies-kemendagri.csv  514 kabupaten/kota: Kemendagri code, name, Dukcapil population Dec 2024
//   regencies-bps.csv         514 kabupaten/kota: BPS code and name (34-province layout)
//   province-figures.csv      every published or derived province figure (a value may be arithmetic on
//                             published numbers, e.g. "3160000 - 157040", with the method in words)
//   targets.csv, actuals.csv  national targets; later actuals used as check data
//
// Every cell that no source gives is computed here by a stated method, with jamsostek's own exact
// allocation (Sainte-Laguë), and labelled `estimate`. No cell is "a total minus everything else":
// where a published total has to be met (the national 41.56 M active participants), the remainder is
// split over several rows in proportion to evidence about each of them.

import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = join(ROOT, 'scripts', 'sources');
const DATA = join(ROOT, 'data');

if (!existsSync(join(ROOT, 'dist', 'core', 'allocation', 'apportion.js'))) {
  console.error('scripts/build-baseline.mjs: error: dist/ is missing\nhint: run `npm run build` first');
  process.exit(2);
}
const { allocate } = await import(new URL('../dist/core/allocation/apportion.js', import.meta.url).href);
const { allocateMatrix } = await import(new URL('../dist/core/allocation/biproportional.js', import.meta.url).href);

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const OUT = outIndex >= 0 ? args[outIndex + 1] : DATA;
if (!OUT) fail('--out needs a folder');

const BASELINE_PERIOD = '2023-12';
const METHOD = 'webster'; // Sainte-Laguë: unbiased, so no province is favoured by rounding.

function fail(message) {
  console.error(`scripts/build-baseline.mjs: error: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// CSV: our own inputs, written by hand — commas and double quotes, no line breaks inside fields.

function parseLine(line, where) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (quoted) fail(`${where}: unclosed quote`);
  out.push(cur);
  return out;
}

/** Rows as records (null-prototype objects: the keys are header names from the file). */
function readCsv(name) {
  const file = join(SOURCES, name);
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  const header = parseLine(lines[0], `scripts/sources/${name}:1`);
  return lines.slice(1).map((line, i) => {
    const where = `scripts/sources/${name}:${i + 2}`;
    const fields = parseLine(line, where);
    if (fields.length !== header.length) fail(`${where}: ${fields.length} fields, the header has ${header.length}`);
    const rec = Object.create(null);
    header.forEach((h, j) => (rec[h] = fields[j]));
    rec.$where = where;
    return rec;
  });
}

const quote = (v) => {
  const s = String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const written = [];
function writeCsv(name, header, rows) {
  const text = [header.join(','), ...rows.map((r) => header.map((h) => quote(r[h])).join(','))].join('\n') + '\n';
  writeFileSync(join(OUT, name), text);
  written.push(name);
}

// A tiny arithmetic evaluator for derived figures ("3160000 - 157040", "256129 / 0.6056"): numbers,
// + - * / and parentheses only, so a value in an input file can never run code.
function evaluate(expr, where) {
  const tokens = expr.match(/\d+(?:\.\d+)?|[-+*/()]|\S/g) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const primary = () => {
    const t = next();
    if (t === '(') {
      const v = sum();
      if (next() !== ')') fail(`${where}: missing ")" in "${expr}"`);
      return v;
    }
    if (t === '-') return -primary();
    if (t !== undefined && /^\d/.test(t)) return Number(t);
    return fail(`${where}: cannot read "${expr}"`);
  };
  const product = () => {
    let v = primary();
    while (peek() === '*' || peek() === '/') v = next() === '*' ? v * primary() : v / primary();
    return v;
  };
  const sum = () => {
    let v = product();
    while (peek() === '+' || peek() === '-') v = next() === '+' ? v + product() : v - product();
    return v;
  };
  const v = sum();
  if (pos !== tokens.length || !Number.isFinite(v)) fail(`${where}: cannot read "${expr}"`);
  return v;
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const pct = (x, digits = 2) => `${x.toFixed(digits)} %`;
const monthName = (p) => {
  const [y, m] = p.split('-');
  return m ? `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]} ${y}` : y;
};
const RANK = { published: 0, derived: 1, estimate: 2 };
/** A figure computed from others is as weak as its weakest input, and at best `derived`. */
const weakest = (...statuses) => statuses.reduce((a, s) => (RANK[s] > RANK[a] ? s : a), 'derived');
const sapportion = (total, weights) =>
  allocate({ total: BigInt(Math.round(total)), weights: weights.map((w) => BigInt(Math.round(w))), method: METHOD }).values.map(Number);

// ---------------------------------------------------------------------------------------------
// Sources

const sources = readCsv('sources.csv');
const sourceIds = new Map();
for (const s of sources) {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(s.id)) fail(`${s.$where}: source id "${s.id}" must be lower-case words joined by "-"`);
  if (sourceIds.has(s.id)) fail(`${s.$where}: source id "${s.id}" appears twice`);
  sourceIds.set(s.id, s);
}
const used = new Set();
function cite(list, where) {
  const ids = list.split(/\s+/).filter(Boolean);
  if (ids.length === 0) fail(`${where}: no source given`);
  for (const id of ids) {
    if (!sourceIds.has(id)) fail(`${where}: unknown source "${id}" (not in scripts/sources/sources.csv)`);
    used.add(id);
  }
  return ids;
}
const joinIds = (...lists) => [...new Set(lists.flat())].join(' ');

// ---------------------------------------------------------------------------------------------
// Provinces and regencies

const provinces = readCsv('provinces.csv');
const provinceByCode = new Map(provinces.map((p) => [p.kemendagri_code, p]));
for (const p of provinces) cite(p.kanwil_source, p.$where);
const WILAYAH = cite('wilayah-kepmendagri-2025', 'regencies');
const BPS_LIST = cite('bps-codes-octopy', 'regencies');
cite('nusastats-papua-codes papua-laws-2022', 'regencies');

/** Lower-case letters and digits only, with the kabupaten/kota word removed: the matching key. */
const bareKey = (name) =>
  name
    .toLowerCase()
    .replace(/^(kabupaten administrasi|kota administrasi|kabupaten|kab\.?|kota)\s+/, '')
    .replace(/\bkep\.?\s/g, 'kepulauan ')
    .replace(/[^a-z0-9]/g, '');
const titleCase = (s) =>
  s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\b[a-z]/g, (c) => c.toUpperCase())
    .replace(/\bDan\b/g, 'dan');

// Kemendagri codes of the 2022 Papua provinces → the BPS province their kabupaten sat in before.
const BPS_PROVINCE_BEFORE_2022 = new Map([
  ['91', '94'], ['93', '94'], ['94', '94'], ['95', '94'], ['92', '91'], ['96', '91'],
]);
// Renamed since the BPS list was drawn (its old name is kept as an alias).
const RENAMED = new Map([
  ['1206', '12.12'], // Toba Samosir → Toba (PP 2020)
  ['6411', '64.11'], // Mahakam Hulu → Mahakam Ulu (spelling)
  ['7108', '71.09'], // Siau Tagulandang Biaro → Kepulauan Siau Tagulandang Biaro
  ['7605', '76.01'], // Mamuju Utara → Pasangkayu (2017)
  ['8101', '81.03'], // Maluku Tenggara Barat → Kepulauan Tanimbar (2019)
]);

const kemendagriRows = readCsv('regencies-kemendagri.csv');
const bpsRows = readCsv('regencies-bps.csv');
const regencies = kemendagriRows.map((r) => {
  if (!/^\d\d\.\d\d$/.test(r.kemendagri_code)) fail(`${r.$where}: "${r.kemendagri_code}" is not a Kemendagri code (PP.RR)`);
  const provinceCode = r.kemendagri_code.slice(0, 2);
  if (!provinceByCode.has(provinceCode)) fail(`${r.$where}: no province ${provinceCode}`);
  const name = r.name.replace(/\s+/g, ' ').trim().replace(/^Kab /, 'Kabupaten ');
  const type = Number(r.kemendagri_code.slice(3)) >= 71 ? 'kota' : 'kabupaten';
  if ((type === 'kota') !== /^Kota /.test(name)) fail(`${r.$where}: "${name}" does not match its code's type (${type})`);
  return { kemendagri: r.kemendagri_code, province: provinceCode, name, type, population: Number(r.population), bps: '', aliases: [], notes: '' };
});
const regencyByKemendagri = new Map(regencies.map((r) => [r.kemendagri, r]));
for (const b of bpsRows) {
  const bpsType = /^KOTA /.test(b.name) ? 'kota' : 'kabupaten';
  const match = RENAMED.has(b.bps_code) ? [regencyByKemendagri.get(RENAMED.get(b.bps_code))] : regencies.filter(
    (r) => (BPS_PROVINCE_BEFORE_2022.get(r.province) ?? r.province) === b.bps_code.slice(0, 2) && r.type === bpsType && bareKey(r.name) === bareKey(b.name),
  );
  if (match.length !== 1 || !match[0]) fail(`${b.$where}: BPS ${b.bps_code} ${b.name} matches ${match.length} Kemendagri names`);
  const r = match[0];
  if (r.bps) fail(`${b.$where}: ${r.name} already has BPS code ${r.bps}`);
  r.bps = b.bps_code;
  const alias = titleCase(b.name.replace(/\b([A-Z]) (?=[A-Z]\b)/g, '$1'));
  if (bareKey(alias) !== bareKey(r.name)) r.aliases.push(alias);
  const provinceBps = provinceByCode.get(r.province).bps_code;
  if (b.bps_code.slice(0, 2) !== provinceBps) {
    r.notes = `bps_code is the code from before the 2022 split (under BPS ${b.bps_code.slice(0, 2)}, ${b.bps_code.slice(0, 2) === '94' ? 'Papua' : 'Papua Barat'}); BPS data tables since then give this kabupaten/kota a new code under BPS ${provinceBps}, which is not bundled (no full list found): a BPS regency table of 2023 or later joins it by name or by the Kemendagri code, not by BPS code`;
  }
}
for (const r of regencies) if (!r.bps) fail(`regencies: ${r.kemendagri} ${r.name} has no BPS code`);

// ---------------------------------------------------------------------------------------------
// Province figures

const figures = new Map(); // "area|figure" → { value, period, status, source[], method }
for (const f of readCsv('province-figures.csv')) {
  const key = `${f.area}|${f.figure}`;
  if (figures.has(key)) fail(`${f.$where}: ${key} appears twice`);
  if (f.status !== 'published' && f.status !== 'derived') fail(`${f.$where}: status must be published or derived (estimates are computed here)`);
  if (!/^\d{4}(-\d\d)?$/.test(f.period)) fail(`${f.$where}: period "${f.period}" is not YYYY or YYYY-MM`);
  const isExpr = /[-+*/]/.test(f.value.replace(/^\d+(\.\d+)?$/, ''));
  if (isExpr && f.status !== 'derived' && f.figure !== 'segments_anchor') fail(`${f.$where}: arithmetic makes a figure derived`);
  if (f.status === 'derived' && !f.method) fail(`${f.$where}: a derived figure needs its method`);
  const value = f.figure === 'segments_anchor' ? f.value : evaluate(f.value, f.$where);
  if (f.precision && !/^[1-9]\d*0$/.test(f.precision)) fail(`${f.$where}: precision must be a round number such as 1000`);
  figures.set(key, { value, period: f.period, status: f.status, source: cite(f.source, f.$where), method: f.method, precision: f.precision ? Number(f.precision) : 0 });
}
const fig = (area, figure) => figures.get(`${area}|${figure}`);
const need = (area, figure) => fig(area, figure) ?? fail(`province-figures.csv: no ${figure} for ${area}`);

const NATIONAL = {
  participants: need('00', 'participants'),
  bpu: need('00', 'participants_bpu'),
  jakon: need('00', 'participants_jakon'),
  pmi: need('00', 'participants_pmi'),
  employed: need('00', 'employed'),
  formalPct: need('00', 'formal_pct'),
  placements: need('00', 'pmi_placements'),
};
const OLD_PAPUA = ['91', '93', '94', '95'];
const OLD_PAPUA_BARAT = ['92', '96'];
const groupOf = (code) => (OLD_PAPUA.includes(code) ? OLD_PAPUA.join('+') : OLD_PAPUA_BARAT.includes(code) ? OLD_PAPUA_BARAT.join('+') : null);
const population = new Map();
for (const r of regencies) population.set(r.province, (population.get(r.province) ?? 0) + r.population);

const rows = provinces.map((p) => ({ code: p.kemendagri_code, name: p.name, notes: [], cells: new Map() }));
const rowByCode = new Map(rows.map((r) => [r.code, r]));
const set = (row, figure, cell) => row.cells.set(figure, cell);
const get = (row, figure) => row.cells.get(figure);

// ---- employed: published or derived where a source gives it; the Papua split by population.
for (const row of rows) {
  const f = fig(row.code, 'employed');
  if (f) set(row, 'employed', { value: Math.round(f.value), status: f.status, period: f.period, source: f.source, method: f.method });
}
{
  const old = need(OLD_PAPUA.join('+'), 'employed');
  const papua = get(rowByCode.get('91'), 'employed');
  const rest = OLD_PAPUA.filter((c) => !get(rowByCode.get(c), 'employed'));
  const split = sapportion(old.value - papua.value, rest.map((c) => population.get(c)));
  rest.forEach((c, i) =>
    set(rowByCode.get(c), 'employed', {
      value: split[i],
      status: 'estimate',
      period: old.period,
      source: [...old.source, ...papua.source, ...WILAYAH],
      method: `Papua before the 2022 split (${fmt(old.value)}, ${monthName(old.period)}) minus Papua's ${fmt(papua.value)}, split over ${rest.map((x) => rowByCode.get(x).name).join(', ')} in proportion to Dukcapil population (Dec 2024)`,
    }),
  );
}
for (const row of rows) if (!get(row, 'employed')) fail(`no employed figure for ${row.code} ${row.name}`);

// ---- formal employed: a published count, else employed × a published formal share, else the national share.
for (const row of rows) {
  const e = get(row, 'employed');
  const count = fig(row.code, 'formal_employed');
  const share = fig(row.code, 'formal_pct') ?? (groupOf(row.code) ? fig(groupOf(row.code), 'formal_pct') : undefined);
  if (count) {
    set(row, 'formal_employed', { value: Math.round(count.value), status: count.status, period: count.period, source: count.source, method: count.method });
  } else if (share) {
    set(row, 'formal_employed', {
      value: Math.round((e.value * share.value) / 100),
      status: weakest(e.status, share.status),
      period: share.period,
      source: [...e.source, ...share.source],
      method: `employed × formal share ${pct(share.value)} (${monthName(share.period)}${share.method ? `; ${share.method}` : ''})`,
    });
  } else {
    set(row, 'formal_employed', {
      value: Math.round((e.value * NATIONAL.formalPct.value) / 100),
      status: 'estimate',
      period: e.period,
      source: [...e.source, ...NATIONAL.formalPct.source],
      method: `employed × the national formal share ${pct(NATIONAL.formalPct.value)} (${monthName(NATIONAL.formalPct.period)}); no provincial share found`,
    });
  }
}

// ---- potential workers: the base BPJS publishes where it publishes one (a province's, or a Kanwil's
// split over its provinces by employed); elsewhere employed × a ratio, by the method that best
// predicts the published bases when each of them is left out in turn (leave-one-out, below).
const kanwilOf = (code) => provinceByCode.get(code).kanwil;
const ratioMethods = {
  pooled: { words: 'the ratio of base to employed pooled over all published bases', ratio: (obs) => obs.reduce((a, o) => a + o.base, 0) / obs.reduce((a, o) => a + o.employed, 0) },
  median: { words: 'the median ratio of base to employed over the published bases', ratio: (obs) => median(obs.map((o) => o.base / o.employed)) },
  kanwil: {
    words: "the pooled ratio of the published bases in the province's own Kanwil, or of all of them where its Kanwil published none",
    ratio: (obs, kanwil) => {
      const mine = obs.filter((o) => o.kanwil === kanwil);
      return ratioMethods.pooled.ratio(mine.length ? mine : obs);
    },
  },
};
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
let baseObservations; // the published bases the ratio methods learn from (one per province or Kanwil)
let leaveOneOut; // per observation: the estimate of each method with that observation left out
let chosenMethod;
{
  const groupBases = [...figures.entries()].filter(([k]) => k.endsWith('|potential_workers') && k.includes('+')).map(([k, f]) => ({ members: k.split('|')[0].split('+'), ...f }));
  const inGroup = new Set(groupBases.flatMap((g) => g.members));
  for (const row of rows) {
    const f = fig(row.code, 'potential_workers');
    if (f) set(row, 'potential_workers', { value: Math.round(f.value), status: f.status, period: f.period, source: f.source, method: f.method });
  }
  for (const g of groupBases) {
    const members = g.members.map((c) => rowByCode.get(c) ?? fail(`potential_workers: no province ${c}`));
    const split = sapportion(g.value, members.map((r) => get(r, 'employed').value));
    members.forEach((r, i) =>
      set(r, 'potential_workers', {
        value: split[i],
        status: 'estimate',
        period: g.period,
        source: [...g.source, ...get(r, 'employed').source],
        method: `the Kanwil's published base of ${fmt(g.value)} for ${members.map((m) => m.name).join(', ')} (${monthName(g.period)}: ${g.method}), split over them in proportion to employed`,
      }),
    );
  }
  // What the methods learn from: provinces with their own base and a non-estimated employed figure,
  // and each Kanwil base as one observation over its provinces.
  baseObservations = [
    ...rows
      .filter((r) => fig(r.code, 'potential_workers') && get(r, 'employed').status !== 'estimate')
      .map((r) => ({ label: r.name, codes: [r.code], kanwil: kanwilOf(r.code), base: fig(r.code, 'potential_workers').value, employed: get(r, 'employed').value, period: fig(r.code, 'potential_workers').period, source: fig(r.code, 'potential_workers').source })),
    ...groupBases.map((g) => ({ label: `${kanwilOf(g.members[0])} (Kanwil: ${g.members.map((c) => rowByCode.get(c).name).join(', ')})`, codes: g.members, kanwil: kanwilOf(g.members[0]), base: g.value, employed: g.members.reduce((a, c) => a + get(rowByCode.get(c), 'employed').value, 0), period: g.period, source: g.source })),
  ];
  leaveOneOut = baseObservations.map((o) => {
    const others = baseObservations.filter((x) => x !== o);
    const est = Object.fromEntries(Object.entries(ratioMethods).map(([name, m]) => [name, o.employed * m.ratio(others, o.kanwil)]));
    return { o, est };
  });
  const mae = (name) => leaveOneOut.reduce((a, x) => a + Math.abs(x.est[name] / x.o.base - 1), 0) / leaveOneOut.length;
  chosenMethod = Object.keys(ratioMethods).reduce((a, b) => (mae(b) < mae(a) ? b : a));
  const m = ratioMethods[chosenMethod];
  const sourcesOfBases = baseObservations.flatMap((o) => o.source);
  for (const row of rows) {
    if (get(row, 'potential_workers')) continue;
    const e = get(row, 'employed');
    const mine = baseObservations.filter((o) => o.kanwil === kanwilOf(row.code));
    const ratio = m.ratio(baseObservations, kanwilOf(row.code));
    set(row, 'potential_workers', {
      value: Math.round(e.value * ratio),
      status: 'estimate',
      period: e.period,
      source: [...e.source, ...(chosenMethod === 'kanwil' && mine.length ? mine.flatMap((o) => o.source) : sourcesOfBases)],
      method:
        `employed × ${ratio.toFixed(4)}: ${chosenMethod === 'kanwil' ? (mine.length ? `the pooled ratio of base to employed of the Kanwil's published bases (${mine.map((o) => o.label).join(', ')})` : `no base published in the Kanwil (${kanwilOf(row.code)}): the ratio pooled over all ${baseObservations.length} published bases`) : m.words}` +
        `; chosen for the smallest leave-one-out error against the published bases (data/README.md)`,
    });
  }
  for (const c of inGroup) if (fig(c, 'potential_workers')) fail(`potential_workers: ${c} has its own base and is in a Kanwil base`);
}

// ---- participants: 29 published rows; each of the other nine comes from the figure published about
// it nearest the baseline (one by one, no common factor). What the national total has beyond the 38
// provinces is not attributed to any of them.
let unattributed;
{
  for (const row of rows) {
    const f = fig(row.code, 'participants');
    if (f) set(row, 'participants', { value: f.value, status: f.status, period: f.period, source: f.source, method: f.method });
  }
  const missing = rows.filter((r) => !get(r, 'participants')).map((r) => r.code);
  const estimates = [...figures.entries()].filter(([k]) => k.endsWith('|participants_estimate')).map(([k, f]) => ({ members: k.split('|')[0].split('+'), ...f }));
  const covered = estimates.flatMap((a) => a.members).sort();
  if (covered.join() !== [...missing].sort().join()) fail(`participants estimates cover ${covered.join()} but the rows without a published figure are ${missing.join()}`);
  for (const a of estimates) {
    if (a.value !== Math.round(a.value)) fail(`participants estimate for ${a.members.join('+')} is not a whole number`);
    const split = a.members.length > 1 ? sapportion(a.value, a.members.map((c) => population.get(c))) : [a.value];
    a.members.forEach((c, j) =>
      set(rowByCode.get(c), 'participants', {
        value: split[j],
        status: 'estimate',
        period: BASELINE_PERIOD,
        source: [...a.source, ...(a.members.length > 1 ? WILAYAH : [])],
        method:
          `the figure published nearest the baseline, taken as the ${monthName(BASELINE_PERIOD)} level: ${fmt(a.value)} (${monthName(a.period)}; ${a.method})` +
          (a.members.length > 1 ? `, split over ${a.members.map((x) => rowByCode.get(x).name).join(' and ')} by Dukcapil population (no figure was found for either)` : ''),
      }),
    );
  }
  unattributed = NATIONAL.participants.value - rows.reduce((a, r) => a + get(r, 'participants').value, 0);
  if (unattributed < 0) fail(`the 38 provinces add up to more than the national ${fmt(NATIONAL.participants.value)}`);
}

// ---- participants by segment: a biproportional fit (Sainte-Laguë) to each province's participants
// and the national segment totals. Published cells are held; published splits shape their rows.
const SEGMENTS = ['pu', 'bpu', 'jakon', 'pmi'];
const NATIONAL_SEGMENTS = {
  pu: NATIONAL.participants.value - NATIONAL.bpu.value - NATIONAL.jakon.value - NATIONAL.pmi.value,
  bpu: NATIONAL.bpu.value,
  jakon: NATIONAL.jakon.value,
  pmi: NATIONAL.pmi.value,
};
// The provinces' segment totals: the national ones less the participants no province holds, whose
// segments are not published either (split in proportion to the national segments, and said so).
const UNATTRIBUTED_SEGMENTS = Object.fromEntries(sapportion(unattributed, SEGMENTS.map((s) => NATIONAL_SEGMENTS[s])).map((v, i) => [SEGMENTS[i], v]));
const COLUMN_TOTALS = Object.fromEntries(SEGMENTS.map((s) => [s, NATIONAL_SEGMENTS[s] - UNATTRIBUTED_SEGMENTS[s]]));
const segmentNotes = new Map();
{
  // PMI seed: BP2MI placements by province of origin; the provinces outside the published list share
  // the rest of the national placements in proportion to employed.
  const placed = rows.filter((r) => fig(r.code, 'pmi_placements'));
  const others = rows.filter((r) => !fig(r.code, 'pmi_placements'));
  const rest = NATIONAL.placements.value - placed.reduce((a, r) => a + fig(r.code, 'pmi_placements').value, 0);
  const otherSplit = sapportion(rest, others.map((r) => get(r, 'employed').value));
  const placements = new Map([...placed.map((r) => [r.code, fig(r.code, 'pmi_placements').value]), ...others.map((r, i) => [r.code, otherSplit[i]])]);

  // Default seed in its own units per column; the fit is invariant to scaling a whole column, so
  // convert every seed to "expected participants" (ρ_c = column total / Σ seeds) before mixing in
  // published splits, which are in participants.
  const seedOf = (r) => {
    const e = get(r, 'employed').value;
    const f = get(r, 'formal_employed').value;
    return { pu: f, bpu: e - f, jakon: e, pmi: placements.get(r.code) };
  };
  // Published cells: held exactly, or — when the source rounds them (a precision is given) — fitted
  // inside the rounding interval, so the row can still add up to its exact participants.
  const fixed = new Map(); // code → Map(segment → figure held exactly)
  const bounded = new Map(); // code → Map(segment → figure fitted within its rounding)
  for (const r of rows) {
    for (const s of SEGMENTS) {
      const f = fig(r.code, `participants_${s}`);
      if (!f) continue;
      const into = f.precision ? bounded : fixed;
      if (!into.has(r.code)) into.set(r.code, new Map());
      into.get(r.code).set(s, f);
    }
  }
  const rho = {};
  for (const s of SEGMENTS) {
    const free = rows.reduce((a, r) => a + (fixed.get(r.code)?.has(s) ? 0 : seedOf(r)[s]), 0);
    const held = rows.reduce((a, r) => a + (fixed.get(r.code)?.get(s)?.value ?? 0), 0);
    rho[s] = (COLUMN_TOTALS[s] - held) / free;
  }
  const weights = rows.map((r) => {
    const seed = seedOf(r);
    const expected = Object.fromEntries(SEGMENTS.map((s) => [s, seed[s] * rho[s]]));
    const area = fig(r.code, 'segments_anchor') ? r.code : groupOf(r.code);
    const anchor = area ? fig(area, 'segments_anchor') : undefined;
    if (anchor) {
      // "pu+pmi=337420 bpu=76757 jakon=45278": each group of columns takes its published share of the
      // expected participants of the columns covered; inside a group, the default proportions hold.
      const groups = anchor.value.split(/\s+/).map((g) => {
        const [cols, v] = g.split('=');
        return { cols: cols.split('+'), value: Number(v) };
      });
      const cov = groups.flatMap((g) => g.cols);
      const covExpected = cov.reduce((a, s) => a + expected[s], 0);
      const covValue = groups.reduce((a, g) => a + g.value, 0);
      for (const g of groups) {
        const inGroup = g.cols.reduce((a, s) => a + expected[s], 0);
        for (const s of g.cols) expected[s] = ((g.value / covValue) * covExpected * expected[s]) / inGroup;
      }
      segmentNotes.set(r.code, `split shaped by the published ${groups.map((g) => `${g.cols.join('+').toUpperCase()} ${fmt(g.value)}`).join(', ')} (${monthName(anchor.period)}; ${anchor.method || sourceIds.get(anchor.source[0]).publisher})`);
      r.segmentSource = anchor.source;
    }
    return SEGMENTS.map((s) => (fixed.get(r.code)?.has(s) ? 0n : BigInt(Math.max(1, Math.round(expected[s])))));
  });
  // A floor: a published figure for part of a province (Kabupaten Mimika's PU in Papua Tengah), which
  // the province's cell cannot be below.
  const floorOf = (r, s) => fig(r.code, `participants_${s}_min`);
  const lower = rows.map((r) =>
    SEGMENTS.map((s) => {
      const f = fixed.get(r.code)?.get(s) ?? bounded.get(r.code)?.get(s);
      return BigInt(Math.max(f ? f.value - (f.precision ?? 0) / 2 : 0, floorOf(r, s)?.value ?? 0));
    }),
  );
  const upper = rows.map((r) =>
    SEGMENTS.map((s) => {
      const f = bounded.get(r.code)?.get(s);
      return f ? BigInt(f.value + f.precision / 2 - 1) : null;
    }),
  );
  const fit = allocateMatrix({
    weights,
    lower,
    upper,
    rowTotals: rows.map((r) => BigInt(get(r, 'participants').value)),
    columnTotals: SEGMENTS.map((s) => BigInt(COLUMN_TOTALS[s])),
    method: METHOD,
  });
  const seedWords = 'PU ∝ formal employed, BPU ∝ informal employed, JAKON ∝ employed, PMI ∝ BP2MI 2023 placements by province of origin';
  rows.forEach((r, i) => {
    const p = get(r, 'participants');
    SEGMENTS.forEach((s, j) => {
      const held = fixed.get(r.code)?.get(s);
      const within = bounded.get(r.code)?.get(s);
      set(r, `participants_${s}`, held
        ? { value: held.value, status: held.status, period: held.period, source: held.source, method: held.method }
        : within
        ? {
            value: Number(fit.values[i][j]),
            status: 'estimate',
            period: within.period,
            source: [...within.source, ...p.source],
            method: `published as ${fmt(within.value)} (${within.method}); fitted with the rest of the row`,
          }
        : {
            value: Number(fit.values[i][j]),
            status: 'estimate',
            period: BASELINE_PERIOD,
            source: [...p.source, ...NATIONAL.bpu.source, ...NATIONAL.pmi.source, ...NATIONAL.placements.source, ...(r.segmentSource ?? []), ...SEGMENTS.flatMap((x) => floorOf(r, x)?.source ?? [])],
            method: `biproportional fit (Sainte-Laguë) to this row's participants and the national segment totals, from a seed of ${seedWords}` +
              (segmentNotes.has(r.code) ? `; ${segmentNotes.get(r.code)}` : '') +
              (fixed.has(r.code) ? `; ${[...fixed.get(r.code).keys()].map((x) => x.toUpperCase()).join(' and ')} held at the published values` : '') +
              (SEGMENTS.some((x) => floorOf(r, x)) ? `; held at least at ${SEGMENTS.filter((x) => floorOf(r, x)).map((x) => `${x.toUpperCase()} ${fmt(floorOf(r, x).value)}`).join(' and ')} (${floorOf(r, SEGMENTS.find((x) => floorOf(r, x))).method}, ${monthName(floorOf(r, SEGMENTS.find((x) => floorOf(r, x))).period)})` : ''),
          });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Estimates against the publications that came later (actuals.csv): each estimate is compared with the
// nearest later figure about the same area (a province, or a Kanwil's provinces together) and segment.
// More than 10 % away, it needs a reason in scripts/sources/check-notes.csv, shown with it everywhere.

const actuals = readCsv('actuals.csv');
const periodOrder = (p) => (p.length === 4 ? `${p}-12` : p); // a year alone: its month is not stated, take the latest
const checkNotes = new Map(readCsv('check-notes.csv').map((n) => [`${n.area}|${n.figure}|${n.segment}`, n]));
const usedNotes = new Set();
const checks = [];
for (const figure of ['participants', 'potential_workers']) {
  const byKey = new Map();
  for (const a of actuals) {
    if (!a.province_code || !a[figure]) continue;
    if (figure === 'potential_workers' && a.segment) continue;
    const key = `${a.province_code}|${a.segment}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(a);
  }
  for (const [key, list] of byKey) {
    const [area, segment] = key.split('|');
    const members = area.split('+').map((c) => rowByCode.get(c) ?? fail(`actuals.csv: no province ${c}`));
    const cellNames = figure === 'potential_workers' || !segment ? [figure] : segment.toLowerCase().split('+').map((x) => (SEGMENTS.includes(x) ? `participants_${x}` : fail(`actuals.csv: unknown segment ${x}`)));
    const cells = members.flatMap((r) => cellNames.map((n) => get(r, n)));
    if (!cells.some((c) => c.status === 'estimate')) continue;
    const byDate = [...list].sort((x, y) => periodOrder(x.period).localeCompare(periodOrder(y.period)));
    // A publication the estimate was copied from (one of its sources, with the estimate's very figure) is
    // no check of it: Sulawesi Barat's 65,330 against the table it was taken from gave 0.0 %, "within
    // 10 %", a check that could not fail. It is checked against the nearest later publication of
    // another kind; with none, the row says that the estimate is unchecked. (A publication whose split
    // only shapes an estimate, Sulawesi Tengah's segments, still checks its levels.)
    const own = new Set(cells.flatMap((c) => c.source));
    const estimate = cells.reduce((a, c) => a + c.value, 0);
    const independent = byDate.filter((a) => !(Number(a[figure]) === estimate && a.source.split(/\s+/).some((id) => own.has(id))));
    if (!independent.length) {
      const pub = byDate[0];
      checks.push({ area, areaName: members.length > 1 ? pub.province : members[0].name, members, figure, segment, estimate, publication: Number(pub[figure]), period: pub.period, publisher: pub.publisher, source: cite(pub.source, pub.$where), error: null, note: 'source of the estimate (no independent check): the estimate is this publication\'s figure, and no other later publication about it was found' });
      continue;
    }
    const nearest = independent[0];
    const publication = Number(nearest[figure]);
    const error = (100 * (estimate - publication)) / publication;
    const noteKey = `${area}|${figure}|${segment}`;
    const note = checkNotes.get(noteKey);
    if (note) usedNotes.add(noteKey);
    if (Math.abs(error) > 10 && !note) fail(`${members.map((r) => r.name).join(' + ')} ${figure}${segment ? ` ${segment}` : ''}: the estimate ${fmt(estimate)} is ${error.toFixed(1)} % from the nearest later publication (${fmt(publication)}, ${nearest.period}): give the reason in scripts/sources/check-notes.csv`);
    if (Math.abs(error) <= 10 && note) fail(`scripts/sources/check-notes.csv: ${noteKey} is within 10 % (${error.toFixed(1)} %): no reason is needed`);
    checks.push({ area, areaName: members.length > 1 ? nearest.province : members[0].name, members, figure, segment, estimate, publication, period: nearest.period, publisher: nearest.publisher, source: cite(nearest.source, nearest.$where), error, note: note?.note ?? '' });
  }
}
for (const k of checkNotes.keys()) if (!usedNotes.has(k)) fail(`scripts/sources/check-notes.csv: ${k} matches no estimate with a later publication`);
checks.sort((a, b) => a.area.localeCompare(b.area) || a.figure.localeCompare(b.figure) || a.segment.localeCompare(b.segment));
const FIGURE_WORDS = { participants: 'participants', potential_workers: 'potential workers' };
{
  // One note per row and reason: "participants PU+PMI +13.8 % (337,420, 2025-05), BPU … on the nearest later publications: why".
  const byRow = new Map();
  for (const c of checks) {
    if (c.error === null || Math.abs(c.error) <= 10) continue;
    const what = `${FIGURE_WORDS[c.figure]}${c.segment ? ` ${c.segment}` : ''}${c.members.length > 1 ? ` (${c.areaName} together)` : ''} ${c.error > 0 ? '+' : ''}${c.error.toFixed(1)} % (${fmt(c.publication)}, ${c.period})`;
    for (const r of c.members) {
      if (!byRow.has(r)) byRow.set(r, new Map());
      const m = byRow.get(r);
      if (!m.has(c.note)) m.set(c.note, []);
      m.get(c.note).push(what);
    }
  }
  for (const [r, m] of byRow) for (const [note, whats] of m) r.notes.push(`${whats.join(', ')} against the nearest later publication${whats.length > 1 ? 's' : ''}: ${note}`);
}

// Documented exceptions to "participants cannot exceed the denominator" (data/exceptions.csv): read by
// validate and coverage alike, for any file, by province.
const exceptions = readCsv('exceptions.csv');
for (const x of exceptions) {
  const p = provinceByCode.get(x.province_code);
  if (!p || p.name !== x.province) fail(`${x.$where}: province ${x.province_code} is not "${x.province}"`);
  for (const d of x.denominators.split(' ')) if (!['employed', 'potential_workers', 'workforce'].includes(d)) fail(`${x.$where}: "${d}" is not a denominator`);
  if (!x.reason) fail(`${x.$where}: an exception needs its reason`);
  cite(x.source, x.$where);
  rowByCode.get(x.province_code).notes.push(`participants may exceed ${x.denominators.split(' ').join(', ')}: a documented exception (data/exceptions.csv)`);
}

// Row notes: figures from another period than the baseline's own.
for (const row of rows) {
  const e = get(row, 'employed');
  if (e.period !== '2023-08' && e.status !== 'estimate') row.notes.push(`employed from Sakernas ${e.period}`);
  const pw = get(row, 'potential_workers');
  if (pw.status !== 'estimate' && pw.period !== BASELINE_PERIOD) row.notes.push(`potential workers as of ${pw.period}`);
  const p = get(row, 'participants');
  if (p.status === 'estimate') row.notes.unshift('participants estimated (not in the published table)');
  if (row.code === '75') row.notes.push('participants: BPJS figure, the other published rows are Kemnaker');
}

// ---------------------------------------------------------------------------------------------
// Checks that must hold before anything is written.

for (const row of rows) {
  const p = get(row, 'participants').value;
  const segs = SEGMENTS.reduce((a, s) => a + get(row, `participants_${s}`).value, 0);
  if (segs !== p) fail(`${row.name}: segments add up to ${segs}, participants are ${p}`);
}
for (const s of SEGMENTS) {
  const total = rows.reduce((a, r) => a + get(r, `participants_${s}`).value, 0);
  if (total !== COLUMN_TOTALS[s]) fail(`segment ${s}: provinces add up to ${total}, the national total is ${COLUMN_TOTALS[s]}`);
}
if (rows.reduce((a, r) => a + get(r, 'participants').value, 0) + unattributed !== NATIONAL.participants.value) fail('participants do not add up to the national total');

// ---------------------------------------------------------------------------------------------
// Write data/

mkdirSync(OUT, { recursive: true });
const MAIN = ['employed', 'formal_employed', 'potential_workers', 'participants'];

writeCsv(
  'provinces.csv',
  ['kemendagri_code', 'bps_code', 'name', 'english_name', 'aliases', 'kanwil', 'kabupaten_count', 'kota_count', 'kanwil_confidence', 'kanwil_source'],
  provinces.map((p) => {
    const mine = regencies.filter((r) => r.province === p.kemendagri_code);
    return { ...p, kabupaten_count: mine.filter((r) => r.type === 'kabupaten').length, kota_count: mine.filter((r) => r.type === 'kota').length };
  }),
);

writeCsv(
  'regencies.csv',
  ['kemendagri_code', 'bps_code', 'name', 'type', 'province_code', 'aliases', 'population', 'population_period', 'population_source', 'code_source', 'notes'],
  regencies.map((r) => ({
    kemendagri_code: r.kemendagri,
    bps_code: r.bps,
    name: r.name,
    type: r.type,
    province_code: r.province,
    aliases: r.aliases.join('|'),
    population: r.population,
    population_period: '2024-12',
    population_source: WILAYAH.join(' '),
    code_source: [...WILAYAH, ...BPS_LIST].join(' '),
    notes: r.notes,
  })),
);

writeCsv(
  'baseline.csv',
  [
    'period', 'province_code', 'province',
    'employed', 'formal_employed', 'potential_workers', 'participants',
    'participants_pu', 'participants_bpu', 'participants_jakon', 'participants_pmi',
    ...MAIN.flatMap((m) => [`status_${m}`, `source_${m}`]),
    'status_segments', 'source_segments', 'estimated', 'notes',
  ],
  rows.map((r) => {
    // `estimated` lists the row's figures that are estimates: the loader reads it (as it reads the same
    // column in anyone's file) and every report marks those figures.
    const estimated = [...MAIN, ...SEGMENTS.map((s) => `participants_${s}`)].filter((m) => get(r, m).status === 'estimate');
    const out = { period: BASELINE_PERIOD, province_code: r.code, province: r.name, estimated: estimated.join(' '), notes: r.notes.join('; ') };
    for (const m of [...MAIN, ...SEGMENTS.map((s) => `participants_${s}`)]) out[m] = get(r, m).value;
    for (const m of MAIN) {
      out[`status_${m}`] = get(r, m).status;
      out[`source_${m}`] = joinIds(get(r, m).source);
    }
    const segCells = SEGMENTS.map((s) => get(r, `participants_${s}`));
    out.status_segments = segCells.reduce((a, c) => (RANK[c.status] > RANK[a] ? c.status : a), 'published');
    out.source_segments = joinIds(...segCells.map((c) => c.source));
    return out;
  }),
);

const figureRows = [];
const national = (figure, value, status, source, method) =>
  figureRows.push({ province_code: '', province: 'Indonesia', figure, value, status, period: BASELINE_PERIOD, source: joinIds(source), method });
national('participants', NATIONAL.participants.value, 'published', NATIONAL.participants.source, '');
national('participants_pu', NATIONAL_SEGMENTS.pu, 'derived', [...NATIONAL.participants.source, ...NATIONAL.bpu.source, ...NATIONAL.pmi.source], 'the national total minus the published BPU, JAKON and PMI (the published PU, 25.0 M rounded, includes PMI)');
national('participants_bpu', NATIONAL.bpu.value, 'published', NATIONAL.bpu.source, '');
national('participants_jakon', NATIONAL.jakon.value, 'published', NATIONAL.jakon.source, '');
national('participants_pmi', NATIONAL.pmi.value, 'published', NATIONAL.pmi.source, '');
national(
  'participants_unattributed',
  unattributed,
  'estimate',
  [...NATIONAL.participants.source, ...rows.flatMap((r) => get(r, 'participants').source)],
  `the national total minus the 38 provinces: the nine provinces missing from the published table are each taken from the figure published nearest the baseline, and those figures add up to less than what the national total leaves for them; not attributed to any province (its segments, in proportion to the national ones: ${SEGMENTS.map((x) => `${x.toUpperCase()} ${fmt(UNATTRIBUTED_SEGMENTS[x])}`).join(', ')})`,
);
for (const r of rows) {
  for (const m of [...MAIN, ...SEGMENTS.map((s) => `participants_${s}`)]) {
    const c = get(r, m);
    figureRows.push({ province_code: r.code, province: r.name, figure: m, value: c.value, status: c.status, period: c.period, source: joinIds(c.source), method: c.method ?? '' });
  }
}
writeCsv('figures.csv', ['province_code', 'province', 'figure', 'value', 'status', 'period', 'source', 'method'], figureRows);

// Targets and actuals: validated copies of the inputs (codes, names, sources, arithmetic).
const targets = readCsv('targets.csv');
for (const t of targets) {
  cite(t.source, t.$where);
  if (!/^\d+$/.test(t.target) || !/^\d{4}$/.test(t.year)) fail(`${t.$where}: year and target must be whole numbers`);
}
writeCsv('targets.csv', ['scenario', 'year', 'target', 'kind', 'source'], targets);

for (const a of actuals) {
  cite(a.source, a.$where);
  if (!/^\d{4}(-\d\d)?$/.test(a.period)) fail(`${a.$where}: period must be YYYY-MM (or YYYY when the month is not stated)`);
  if (periodOrder(a.period) <= BASELINE_PERIOD) fail(`${a.$where}: check data must be later than the baseline (${BASELINE_PERIOD})`);
  if (a.province_code.includes('+')) {
    for (const c of a.province_code.split('+')) if (!provinceByCode.has(c)) fail(`${a.$where}: no province ${c}`);
    if (!a.province) fail(`${a.$where}: a row for several provinces needs a name`);
  } else if (a.province_code) {
    const p = provinceByCode.get(a.province_code);
    if (!p || p.name !== a.province) fail(`${a.$where}: province ${a.province_code} is not "${a.province}"`);
  } else if (a.province) fail(`${a.$where}: a national row has no province name`);
  if (a.segment && !a.segment.split('+').every((x) => ['PU', 'BPU', 'JAKON', 'PMI'].includes(x))) fail(`${a.$where}: segment "${a.segment}" is not PU, BPU, JAKON, PMI or a sum of them (PU+PMI)`);
  if (!/^\d+$/.test(a.participants)) fail(`${a.$where}: participants must be a whole number`);
  if (a.coverage_pct && a.potential_workers) {
    const computed = (100 * Number(a.participants)) / Number(a.potential_workers);
    const digits = (a.coverage_pct.split('.')[1] ?? '').length;
    if (Math.abs(computed - Number(a.coverage_pct)) > 0.5 * 10 ** -digits + 1e-9) fail(`${a.$where}: ${a.participants} / ${a.potential_workers} = ${computed.toFixed(2)} %, not ${a.coverage_pct} %`);
  }
}
actuals.sort((a, b) => (a.province_code || '00').localeCompare(b.province_code || '00') || a.segment.localeCompare(b.segment) || periodOrder(a.period).localeCompare(periodOrder(b.period)));
for (const a of actuals) if (a.caveat && a.caveat !== 'secondary-disputed') fail(`actuals.csv: unknown caveat "${a.caveat}" (the tool words only secondary-disputed)`);
writeCsv('actuals.csv', ['period', 'province_code', 'province', 'segment', 'participants', 'potential_workers', 'coverage_pct', 'publisher', 'source', 'note', 'caveat'], actuals);

writeCsv('exceptions.csv', ['province_code', 'province', 'denominators', 'reason', 'source'], exceptions);

writeCsv(
  'checks.csv',
  ['area', 'area_name', 'figure', 'segment', 'estimate', 'publication', 'publication_period', 'publisher', 'source', 'error_pct', 'within_10_pct', 'note'],
  checks.map((c) => ({ area: c.area, area_name: c.areaName, figure: c.figure, segment: c.segment, estimate: c.estimate, publication: c.publication, publication_period: c.period, publisher: c.publisher, source: c.source.join(' '), error_pct: c.error === null ? '' : c.error.toFixed(1), within_10_pct: c.error === null ? 'not checked' : Math.abs(c.error) <= 10 ? 'yes' : 'no', note: c.note })),
);

const unused = sources.filter((s) => !used.has(s.id));
if (unused.length) fail(`sources never cited: ${unused.map((s) => s.id).join(', ')}`);
writeCsv('sources.csv', ['id', 'publisher', 'title', 'date', 'url'], sources);

// ---------------------------------------------------------------------------------------------
// data/README.md: the hand-written text stays; the sections between the markers are generated.

const mdCell = (s) => String(s).replace(/\|/g, '\\|');
const FIGURE_LABEL = { employed: 'employed', formal_employed: 'formal employed', potential_workers: 'potential workers', participants: 'participants' };
const generated = new Map();
{
  const lines = ['| province | figure | value | status | period | source | method |', '|---|---|---:|---|---|---|---|'];
  for (const f of figureRows.filter((x) => x.province_code === '')) {
    lines.push(`| Indonesia | ${f.figure} | ${fmt(f.value)} | ${f.status} | ${monthName(f.period)} | ${f.source} | ${mdCell(f.method)} |`);
  }
  for (const r of rows) {
    for (const m of MAIN) {
      const c = get(r, m);
      lines.push(`| ${r.name} | ${FIGURE_LABEL[m]} | ${fmt(c.value)} | ${c.status} | ${monthName(c.period)} | ${joinIds(c.source)} | ${mdCell(c.method ?? '')} |`);
    }
    const segs = SEGMENTS.map((s) => get(r, `participants_${s}`));
    const held = SEGMENTS.filter((s, i) => segs[i].status !== 'estimate');
    lines.push(
      `| ${r.name} | segments PU / BPU / JAKON / PMI | ${segs.map((c) => fmt(c.value)).join(' / ')} | ${held.length ? `${held.map((x) => x.toUpperCase()).join(', ')} published; the rest estimate` : 'estimate'} | ${monthName(BASELINE_PERIOD)} | ${joinIds(...segs.map((c) => c.source))} | ${mdCell(segs.find((c) => c.status === 'estimate')?.method ?? '')} |`,
    );
  }
  generated.set('figures', lines.join('\n'));
}
{
  const est = (m) => rows.filter((r) => get(r, m).status === 'estimate').map((r) => r.name);
  const list = [
    `- **employed** (${est('employed').length}): ${est('employed').join(', ')}.`,
    `- **formal employed** (${est('formal_employed').length}): ${est('formal_employed').join(', ')}.`,
    `- **potential workers** (${est('potential_workers').length} of 38): ${est('potential_workers').join(', ')}. Published bases are used for ${rows.filter((r) => get(r, 'potential_workers').status !== 'estimate').map((r) => r.name).join(', ')}; the five Kalimantan provinces share their Kanwil's published base; the rest: ${ratioMethods[chosenMethod].words} (leave-one-out below).`,
    `- **participants** (${est('participants').length}): ${est('participants').map((n) => `${n} ${fmt(get(rows.find((r) => r.name === n), 'participants').value)}`).join(', ')}. Each is the figure published nearest the baseline (one by one, no common factor); ${fmt(unattributed)} of the national ${fmt(NATIONAL.participants.value)} are therefore not attributed to any province.`,
    `- **segments**: every province cell except DKI Jakarta's BPU and JAKON (published); the national PU (${fmt(NATIONAL_SEGMENTS.pu)}) is derived.`,
  ];
  generated.set('estimates', list.join('\n'));
}
{
  const names = Object.keys(ratioMethods);
  const lines = [
    `| published base | period | base | employed | base / employed | ${names.map((n) => `${n}: estimate (error)`).join(' | ')} |`,
    `|---|---|---:|---:|---:|${names.map(() => '---:|').join('')}`,
  ];
  const err = (e, o) => `${e / o.base >= 1 ? '+' : ''}${(100 * (e / o.base - 1)).toFixed(1)} %`;
  for (const { o, est } of leaveOneOut) {
    lines.push(`| ${o.label} | ${monthName(o.period)} | ${fmt(o.base)} | ${fmt(o.employed)} | ${(o.base / o.employed).toFixed(3)} | ${names.map((n) => `${fmt(est[n])} (${err(est[n], o)})`).join(' | ')} |`);
  }
  const mae = (n) => (100 * leaveOneOut.reduce((a, x) => a + Math.abs(x.est[n] / x.o.base - 1), 0)) / leaveOneOut.length;
  lines.push(`| **mean absolute error** | | | | | ${names.map((n) => `**${mae(n).toFixed(1)} %**${n === chosenMethod ? ' (used)' : ''}`).join(' | ')} |`);
  lines.push('', `Methods: **pooled**, ${ratioMethods.pooled.words}; **median**, ${ratioMethods.median.words}; **kanwil**, ${ratioMethods.kanwil.words}. Each row is estimated from all the other rows. The one with the smallest mean absolute error, **${chosenMethod}**, gives every base that is not published.`);
  generated.set('leave-one-out', lines.join('\n'));
}
{
  const lines = ['| area | figure | estimate | later publication | period | publisher | error % | note |', '|---|---|---:|---:|---|---|---:|---|'];
  for (const c of checks) {
    const error = c.error === null ? '—' : `${c.error > 0 ? '+' : ''}${c.error.toFixed(1)}`;
    const verdict = c.error === null ? `**not checked**: ${mdCell(c.note)}` : Math.abs(c.error) > 10 ? `**more than 10 %**: ${mdCell(c.note)}` : 'within 10 %';
    lines.push(`| ${c.areaName} | ${FIGURE_WORDS[c.figure]}${c.segment ? ` ${c.segment}` : ''} | ${fmt(c.estimate)} | ${fmt(c.publication)} | ${c.period} | ${mdCell(c.publisher)} (${c.source.join(' ')}) | ${error} | ${verdict} |`);
  }
  generated.set('checks', lines.join('\n'));
}
{
  const lines = ['| id | publisher | what | date | address |', '|---|---|---|---|---|'];
  for (const s of sources) lines.push(`| ${s.id} | ${mdCell(s.publisher)} | ${mdCell(s.title)} | ${s.date} | ${s.url ? s.url.split(' ').map((u) => `<${u}>`).join(' ') : '(no stored copy found; cited by title and date)'} |`);
  generated.set('sources', lines.join('\n'));
}
{
  const template = readFileSync(join(DATA, 'README.md'), 'utf8');
  let text = template;
  for (const [name, body] of generated) {
    const re = new RegExp(`(<!-- generated: ${name} -->\\n)(?:[\\s\\S]*?\\n)?(<!-- end: ${name} -->)`);
    if (!re.test(text)) fail(`data/README.md has no "<!-- generated: ${name} -->" … "<!-- end: ${name} -->" section`);
    text = text.replace(re, (_, a, b) => `${a}${body}\n${b}`);
  }
  writeFileSync(join(OUT, 'README.md'), text);
  written.push('README.md');
}

console.error(`wrote ${written.join(', ')} to ${OUT}`);
