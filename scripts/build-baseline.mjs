#!/usr/bin/env node
// Builds data/baseline.csv (province baseline as of 2023-12) from the published figures below, and
// fills every cell that no source publishes with a documented estimate, computed with jamsostek's own
// exact allocation engine so that every total adds up. Run after `npm run build`:
//
//   node scripts/build-baseline.mjs > data/baseline.csv
//
// Source ids refer to data/README.md. Every estimated cell is marked `estimate` in its *_source column.

import { readFileSync } from 'node:fs';
import { allocate } from '../dist/core/apportion.js';
import { allocateMatrix } from '../dist/core/biproportional.js';

const provinces = readFileSync(new URL('../data/provinces.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [code, , name, , , , kab, kota] = line.split(',');
    return { code, name, regencies: Number(kab) + Number(kota) };
  });

// Active participants, December 2023 [S1] (Kemnaker Satu Data table; the stored copy stops at code 74).
const published = {
  11: 583638, 12: 2057246, 13: 710474, 14: 1108274, 15: 658038, 16: 915142, 17: 212266, 18: 578889,
  19: 216685, 21: 614605, 31: 7498532, 32: 4855121, 33: 3947422, 34: 558681, 35: 4583246, 36: 2631601,
  51: 1027234, 52: 570391, 53: 364870, 61: 729270, 62: 686023, 63: 634862, 64: 1323233, 65: 245948,
  71: 578610, 72: 565871, 73: 1003082, 74: 323070,
};
// Gorontalo, end 2023: 256,129 active = 60.56 % [S2].
const GORONTALO = { participants: 256129, coverage: 0.6056 };
const NATIONAL_ACTIVE_2023 = 41560000; // [S3]
// National segments, end 2023 [S3] (rounded) and PMI 2023 [S4].
const SEGMENTS_2023 = { PU: 25000000, BPU: 9190000, JAKON: 7360000 };
const PMI_2023 = 472934;

// Sakernas August 2023 employed [S5]: [employed, formal employed or null, formal share % or null].
// A formal share may come from the nearest published period (Aug 2024) where Aug 2023 was not found.
const employed = {
  11: [2450000, null, null], 12: [7550000, 3130000, null], 13: [2840000, null, null], 14: [3003000, null, null],
  15: [1800000, null, 41.65], 16: [4400000, null, 37.03], 17: [1069615, null, 33.99], 18: [4697660, null, 30.86],
  19: [749815, null, 48.93], 21: [1019356, null, 66.33], 32: [23500000, 10540000, null], 33: [19990000, null, 39.61],
  34: [2140000, null, null], 35: [22700000, 8370000, null], 36: [5520000, 2960000, null], 51: [2620000, 1250000, null],
  52: [2897430, null, null], 53: [2890000, null, 25.49], 61: [2780000, null, 43.98], 62: [1349880, 649780, null],
  64: [1847295, 1022137, null], 65: [372270, null, null], 71: [1250000, null, null], 73: [4698790, null, null],
  74: [1351640, null, 38.16], 75: [631521, null, 36.27], 76: [743010, null, null], 81: [853254, null, null],
  82: [634700, null, 35.24], 92: [283175, null, null],
};
// Not published for August 2023 in the sources: the nearest published Sakernas figure [S5].
const employedOtherPeriod = {
  31: [5110000, null, null, '2024-08'],
  63: [2128000, null, 46.44, '2024-08'],
  96: [295276, null, null, '2024-02'],
};
const NATIONAL_EMPLOYED_2023 = 139850000; // [S5]
// Papua before the 2022 split (Papua, Papua Selatan, Papua Tengah, Papua Pegunungan) [S5].
const OLD_PAPUA = { employed: 2450000, formalPct: 15.6, successors: ['91', '93', '94', '95'] };

const rows = provinces.map((p) => ({ ...p, notes: [] }));
const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));

// ---- employed
for (const r of rows) {
  const e = employed[r.code];
  const o = employedOtherPeriod[r.code];
  if (e) Object.assign(r, { employed: e[0], employedSource: 'published' });
  else if (o) {
    Object.assign(r, { employed: o[0], employedSource: 'published' });
    r.notes.push(`employed from Sakernas ${o[3]}`);
  }
}
// Old Papua split over its four successors in proportion to their regency/city counts (estimate).
{
  const parts = OLD_PAPUA.successors.map((c) => byCode[c]);
  const split = allocate({ total: BigInt(OLD_PAPUA.employed), weights: parts.map((p) => BigInt(p.regencies)), method: 'webster' });
  parts.forEach((p, i) => {
    p.employed = Number(split.values[i]);
    p.employedSource = 'estimate';
    p.notes.push('employed: pre-2022 Papua split by regency count');
  });
}
// Sulawesi Tengah: national total minus all other provinces (estimate).
{
  const others = rows.filter((r) => r.employed !== undefined).reduce((a, r) => a + r.employed, 0);
  const r = byCode['72'];
  r.employed = NATIONAL_EMPLOYED_2023 - others;
  r.employedSource = 'estimate';
  r.notes.push('employed: national total minus the other provinces');
}

// ---- formal employed
{
  let knownFormal = 0;
  let knownEmployed = 0;
  for (const r of rows) {
    const e = employed[r.code] ?? employedOtherPeriod[r.code];
    if (e && e[1] !== null) {
      r.formal = e[1];
      r.formalSource = 'published';
    } else if (e && e[2] !== null) {
      r.formal = Math.round((r.employed * e[2]) / 100);
      r.formalSource = 'derived';
    } else if (OLD_PAPUA.successors.includes(r.code)) {
      r.formal = Math.round((r.employed * OLD_PAPUA.formalPct) / 100);
      r.formalSource = 'derived';
    }
    if (r.formal !== undefined) {
      knownFormal += r.formal;
      knownEmployed += r.employed;
    }
  }
  for (const r of rows) {
    if (r.formal === undefined) {
      r.formal = Math.round((r.employed * knownFormal) / knownEmployed);
      r.formalSource = 'estimate';
    }
  }
}

// ---- participants
for (const r of rows) {
  if (published[r.code] !== undefined) Object.assign(r, { participants: published[r.code], participantsSource: 'published' });
}
Object.assign(byCode['75'], { participants: GORONTALO.participants, participantsSource: 'published' });
{
  const missing = rows.filter((r) => r.participants === undefined);
  const have = rows.reduce((a, r) => a + (r.participants ?? 0), 0);
  const split = allocate({ total: BigInt(NATIONAL_ACTIVE_2023 - have), weights: missing.map((r) => BigInt(r.employed)), method: 'webster' });
  missing.forEach((r, i) => {
    r.participants = Number(split.values[i]);
    r.participantsSource = 'estimate';
  });
}

// ---- potential workers: Gorontalo published (via 60.56 %); others estimated with Gorontalo's ratio to employed.
{
  const g = byCode['75'];
  // The smallest whole base that displays as 60.56 % is not unique; take the one nearest the exact quotient.
  g.potential = Math.round(GORONTALO.participants / GORONTALO.coverage);
  g.potentialSource = 'derived';
  const ratio = g.potential / g.employed;
  for (const r of rows) {
    if (r.potential === undefined) {
      r.potential = Math.round(r.employed * ratio);
      r.potentialSource = 'estimate';
    }
  }
}

// ---- participants by segment: biproportional fit (Sainte-Laguë) of a seed to both margins.
{
  const pmi = PMI_2023;
  const rest = allocate({
    total: BigInt(NATIONAL_ACTIVE_2023 - pmi),
    weights: Object.values(SEGMENTS_2023).map(BigInt),
    method: 'webster',
  }).values;
  const columnTotals = [...rest, BigInt(pmi)]; // PU, BPU, JAKON, PMI
  const weights = rows.map((r) => [r.formal, r.employed - r.formal, r.employed, r.employed].map((x) => BigInt(Math.max(1, x))));
  const fit = allocateMatrix({ weights, rowTotals: rows.map((r) => BigInt(r.participants)), columnTotals, method: 'webster' });
  rows.forEach((r, i) => {
    [r.pu, r.bpu, r.jakon, r.pmi] = fit.values[i].map(Number);
  });
}

const header = [
  'period', 'province_code', 'province', 'employed', 'employed_source', 'formal_employed', 'formal_employed_source',
  'potential_workers', 'potential_workers_source', 'participants', 'participants_source',
  'participants_pu', 'participants_bpu', 'participants_jakon', 'participants_pmi', 'segments_source', 'notes',
];
const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
process.stdout.write(header.join(',') + '\n');
for (const r of rows) {
  process.stdout.write(
    [
      '2023-12', r.code, r.name, r.employed, r.employedSource, r.formal, r.formalSource, r.potential, r.potentialSource,
      r.participants, r.participantsSource, r.pu, r.bpu, r.jakon, r.pmi, 'estimate', r.notes.join('; '),
    ]
      .map((v) => quote(String(v)))
      .join(',') + '\n',
  );
}
