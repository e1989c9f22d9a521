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
    r.notes = `BPS code from before the 2022 split (under BPS ${b.bps_code.slice(0, 2)}); BPS data tables also use a new code under BPS ${provinceBps}, not bundled (no source we could read lists them)`;
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

// ---- potential workers: a published (or derived) base, else employed × the pooled ratio of the known bases.
let pooledRatio;
{
  const known = rows.filter((r) => fig(r.code, 'potential_workers'));
  const base = known.reduce((a, r) => a + fig(r.code, 'potential_workers').value, 0);
  const employed = known.reduce((a, r) => a + get(r, 'employed').value, 0);
  pooledRatio = base / employed;
  const names = known.map((r) => r.name).join(', ');
  for (const row of rows) {
    const f = fig(row.code, 'potential_workers');
    const e = get(row, 'employed');
    if (f) set(row, 'potential_workers', { value: Math.round(f.value), status: f.status, period: f.period, source: f.source, method: f.method });
    else {
      set(row, 'potential_workers', {
        value: Math.round(e.value * pooledRatio),
        status: 'estimate',
        period: e.period,
        source: [...e.source, ...known.flatMap((r) => fig(r.code, 'potential_workers').source)],
        method: `employed × ${pooledRatio.toFixed(4)}, the ratio of potential-worker base to employed pooled over the ${known.length} provinces with a published base (${names})`,
      });
    }
  }
}

// ---- participants: 29 published rows; the other nine share the rest of the national total in
// proportion to the nearest published figure about each (a branch may serve several provinces: its
// share is split over them by population).
let residual;
let scale;
{
  for (const row of rows) {
    const f = fig(row.code, 'participants');
    if (f) set(row, 'participants', { value: f.value, status: f.status, period: f.period, source: f.source, method: f.method });
  }
  const missing = rows.filter((r) => !get(r, 'participants')).map((r) => r.code);
  const known = rows.reduce((a, r) => a + (get(r, 'participants')?.value ?? 0), 0);
  residual = NATIONAL.participants.value - known;
  const anchors = [...figures.entries()]
    .filter(([k]) => k.endsWith('|participants_anchor'))
    .map(([k, f]) => ({ members: k.split('|')[0].split('+'), ...f }));
  const covered = anchors.flatMap((a) => a.members).sort();
  if (covered.join() !== [...missing].sort().join()) fail(`participants anchors cover ${covered.join()} but the rows without a published figure are ${missing.join()}`);
  const anchorTotal = anchors.reduce((a, x) => a + x.value, 0);
  scale = residual / anchorTotal;
  const shares = sapportion(residual, anchors.map((a) => a.value));
  anchors.forEach((a, i) => {
    const split = a.members.length > 1 ? sapportion(shares[i], a.members.map((c) => population.get(c))) : [shares[i]];
    a.members.forEach((c, j) =>
      set(rowByCode.get(c), 'participants', {
        value: split[j],
        status: 'estimate',
        period: BASELINE_PERIOD,
        source: [...NATIONAL.participants.source, ...rows.filter((r) => fig(r.code, 'participants')).flatMap((r) => fig(r.code, 'participants').source), ...a.source, ...(a.members.length > 1 ? WILAYAH : [])],
        method:
          `share of the ${fmt(residual)} active participants of the national ${fmt(NATIONAL.participants.value)} not in the 29 published rows, ` +
          `split over the nine unpublished provinces in proportion to the nearest published figure about each ` +
          `(here ${fmt(a.value)}, ${monthName(a.period)}: ${a.method}; all nine anchors × ${scale.toFixed(3)})` +
          (a.members.length > 1 ? `, then over ${a.members.map((x) => rowByCode.get(x).name).join(', ')} by Dukcapil population` : ''),
      }),
    );
  });
}

// ---- participants by segment: a biproportional fit (Sainte-Laguë) to each province's participants
// and the national segment totals. Published cells are held; published splits shape their rows.
const SEGMENTS = ['pu', 'bpu', 'jakon', 'pmi'];
const COLUMN_TOTALS = {
  bpu: NATIONAL.bpu.value,
  jakon: NATIONAL.jakon.value,
  pmi: NATIONAL.pmi.value,
  pu: NATIONAL.participants.value - NATIONAL.bpu.value - NATIONAL.jakon.value - NATIONAL.pmi.value,
};
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
  const lower = rows.map((r) =>
    SEGMENTS.map((s) => {
      const f = fixed.get(r.code)?.get(s) ?? bounded.get(r.code)?.get(s);
      return BigInt(f ? f.value - (f.precision ?? 0) / 2 : 0);
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
            source: [...p.source, ...NATIONAL.bpu.source, ...NATIONAL.pmi.source, ...NATIONAL.placements.source, ...(r.segmentSource ?? [])],
            method: `biproportional fit (Sainte-Laguë) to this row's participants and the national segment totals, from a seed of ${seedWords}` +
              (segmentNotes.has(r.code) ? `; ${segmentNotes.get(r.code)}` : '') +
              (fixed.has(r.code) ? `; ${[...fixed.get(r.code).keys()].map((x) => x.toUpperCase()).join(' and ')} held at the published values` : ''),
          });
    });
  });
}

// Row notes: figures from another period than the baseline's own.
for (const row of rows) {
  const e = get(row, 'employed');
  if (e.period !== '2023-08' && e.status !== 'estimate') row.notes.push(`employed from Sakernas ${e.period}`);
  const pw = get(row, 'potential_workers');
  if (pw.status !== 'estimate' && pw.period !== BASELINE_PERIOD) row.notes.push(`potential workers as of ${pw.period}`);
  const p = get(row, 'participants');
  if (p.status === 'estimate') row.notes.push('participants estimated (not in the published table)');
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
if (rows.reduce((a, r) => a + get(r, 'participants').value, 0) !== NATIONAL.participants.value) fail('participants do not add up to the national total');

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
    'status_segments', 'source_segments', 'notes',
  ],
  rows.map((r) => {
    const out = { period: BASELINE_PERIOD, province_code: r.code, province: r.name, notes: r.notes.join('; ') };
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
national('participants_pu', COLUMN_TOTALS.pu, 'derived', [...NATIONAL.participants.source, ...NATIONAL.bpu.source, ...NATIONAL.pmi.source], 'the national total minus the published BPU, JAKON and PMI (the published PU, 25.0 M rounded, includes PMI)');
national('participants_bpu', NATIONAL.bpu.value, 'published', NATIONAL.bpu.source, '');
national('participants_jakon', NATIONAL.jakon.value, 'published', NATIONAL.jakon.source, '');
national('participants_pmi', NATIONAL.pmi.value, 'published', NATIONAL.pmi.source, '');
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

const actuals = readCsv('actuals.csv');
for (const a of actuals) {
  cite(a.source, a.$where);
  if (!/^\d{4}-\d\d$/.test(a.period)) fail(`${a.$where}: period must be YYYY-MM`);
  if (a.period <= BASELINE_PERIOD) fail(`${a.$where}: check data must be later than the baseline (${BASELINE_PERIOD})`);
  if (a.province_code) {
    const p = provinceByCode.get(a.province_code);
    if (!p || p.name !== a.province) fail(`${a.$where}: province ${a.province_code} is not "${a.province}"`);
  } else if (a.province) fail(`${a.$where}: a national row has no province name`);
  if (!/^\d+$/.test(a.participants)) fail(`${a.$where}: participants must be a whole number`);
  if (a.coverage_pct && a.potential_workers) {
    const computed = (100 * Number(a.participants)) / Number(a.potential_workers);
    const digits = (a.coverage_pct.split('.')[1] ?? '').length;
    if (Math.abs(computed - Number(a.coverage_pct)) > 0.5 * 10 ** -digits + 1e-9) fail(`${a.$where}: ${a.participants} / ${a.potential_workers} = ${computed.toFixed(2)} %, not ${a.coverage_pct} %`);
  }
}
actuals.sort((a, b) => (a.province_code || '00').localeCompare(b.province_code || '00') || a.period.localeCompare(b.period));
writeCsv('actuals.csv', ['period', 'province_code', 'province', 'participants', 'potential_workers', 'coverage_pct', 'publisher', 'source', 'note'], actuals);

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
    `- **potential workers** (${est('potential_workers').length} of 38): every province except ${rows.filter((r) => get(r, 'potential_workers').status !== 'estimate').map((r) => r.name).join(', ')} (pooled ratio ${pooledRatio.toFixed(4)}).`,
    `- **participants** (${est('participants').length}): ${est('participants').map((n) => `${n} ${fmt(get(rows.find((r) => r.name === n), 'participants').value)}`).join(', ')}. They share ${fmt(residual)} = the national total minus the 29 published rows; the anchors are scaled by ${scale.toFixed(3)} to meet it.`,
    `- **segments**: every province cell except DKI Jakarta's BPU and JAKON (published); the national PU (${fmt(COLUMN_TOTALS.pu)}) is derived.`,
  ];
  generated.set('estimates', list.join('\n'));
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
