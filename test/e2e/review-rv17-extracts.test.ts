// Review rv17 (F2–F6, F11): per-participant extracts and warehouse counts whose rows the tool read as
// something they were not, each giving a plausible number without a word (main 183975e):
//   F2  counts whose count column has another name (count_star(), count(1), f0_, n, jumlah, total) read with
//       --extract: one participant a row (2 where there are 1,500), and `validate --extract` said ok;
//   F3  membership spells (start_date, end_date) as an extract: every spell counted, ended or not begun;
//   F4  a participant extract with an employer's headcount column (a KPJ × NPP join): the column summed
//       once per participant (10 where there are 4 people);
//   F5  counts read with --extract: the same counts twice (CSV + Parquet, a re-export, a repeated row)
//       added up, and a participant extract and counts of the same month added up;
//   F6  an extract whose id column has another name (nik), following the hint's "or pass --extract":
//       a person counted twice;
//   F11 a period written as a date taken as its month without a note; --previous taking a regional file
//       for an extract report.
// Every expected figure is worked out by hand from the small files below.
import { rmSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f = (name: string, text: string | Uint8Array): string => writeIn(dir, name, text);

/** The participants of the report's rows, by their label column (Total included). */
function participants(stdout: string, key = 'province'): Map<string, number> {
  return new Map(csvRows(stdout).map((r) => [r[key]!, Number(r['participants'])]));
}

describe('F2: counts whose count column has another name, read with --extract', () => {
  // Gorontalo PU 1,000 + BPU 500 = 1,500 participants; one participant a row would say 2.
  it.each([['count_star()'], ['count(1)'], ['f0_'], ['count'], ['n'], ['jumlah'], ['total'], ['cnt']])('%s: refused (exit 3, the header cell, the hint names participants), by coverage and validate', async (name) => {
    const file = f(`k-${name.replace(/\W/g, '_')}.csv`, `province,segment,period,${name}\nGorontalo,PU,2024-06,1000\nGorontalo,BPU,2024-06,500\n`);
    const r = await run(['coverage', file, '--extract', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:1:25: error: what a row of this file is cannot be told: it has no participant id column and no participants column, and "${name}" is not read`);
    expect(r.stderr).toContain(`hint: if the rows are counts per key, name the count column participants ("${name}" looks like a count: in the query, \`count(*) AS participants\`)`);
    const q = await run(['coverage', file, '--extract', '--quiet', '-f', 'csv']);
    expect(q.code).toBe(3);
    const v = await run(['validate', file, '--extract']);
    expect(v.code).toBe(3);
    const id = await run(['coverage', file, '--extract', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('isi satu baris berkas ini tidak dapat ditentukan');
    expect(id.stderr).toContain('namai kolom hitungannya participants');
  });

  it('the same counts with the column named participants: 1,000 + 500 = 1,500', async () => {
    const file = f('k-ok.csv', 'province,segment,period,participants\nGorontalo,PU,2024-06,1000\nGorontalo,BPU,2024-06,500\n');
    const r = await run(['coverage', file, '--extract', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(participants(r.stdout).get('Gorontalo')).toBe(1500);
  });

  it('a file of keys only, with --extract: one participant a row (3), and a warning that --quiet keeps says no id was checked', async () => {
    const file = f('keys.csv', 'province,segment,period\nGorontalo,PU,2024-06\nGorontalo,PU,2024-06\nGorontalo,BPU,2024-06\n');
    const r = await run(['coverage', file, '--extract', '-f', 'csv', '--quiet']);
    expect(r.code).toBe(0);
    expect(participants(r.stdout).get('Gorontalo')).toBe(3);
    expect(r.stderr).toContain(`warning: ${file} has no participant id column: each row was counted as one participant, and no participant could be checked for being counted twice`);
  });
});

describe('F3: membership spells given to coverage', () => {
  const SPELLS = 'participant_id,province,segment,start_date,end_date\n1,Gorontalo,PU,2023-01-15,2024-03-31\n2,Gorontalo,PU,2023-05-01,\n3,Gorontalo,BPU,2024-07-10,\n';

  it('the shape docs/warehouse.md defines: refused at the end-date column, pointing at the monthly snapshots (was: 3 participants)', async () => {
    const file = f('spells.csv', SPELLS);
    for (const args of [['--period', '2024-06'], ['--quiet']]) {
      const r = await run(['coverage', file, ...args, '-f', 'csv']);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${file}:1:44: error: columns "start_date" and "end_date" say when a membership starts and ends: the file looks like membership spells`);
      expect(r.stderr).toContain('docs/warehouse.md, "From membership spells"');
    }
    for (const [start, end] of [['tgl_mulai', 'tgl_keluar'], ['tanggal_daftar', 'tanggal_berhenti'], ['valid_from', 'valid_to'], ['tmt', 'aktif_sampai'], ['start', 'end']]) {
      const g = f(`spells-${start}.csv`, `kpj,province,segment,${start},${end}\n1,Gorontalo,PU,2023-01-15,2024-03-31\n`);
      const r = await run(['coverage', g, '-f', 'csv']);
      expect(r.code, `${start}/${end}`).toBe(3);
      expect(r.stderr).toContain(`columns "${start}" and "${end}" say when a membership starts and ends`);
    }
  });

  it('the active participants of June 2024 derived from those spells, by hand (1: participant 2), are read as such', async () => {
    // 1 ended 2024-03-31 (before 30 June), 3 starts 2024-07-10 (after): only 2 covers 30 June 2024.
    const file = f('june.csv', 'participant_id,province,segment,period\n2,Gorontalo,PU,2024-06\n');
    const r = await run(['coverage', file, '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(participants(r.stdout).get('Gorontalo')).toBe(1);
  });

  it('an end-date column alone (a snapshot may carry a contract end): counted, with the status warning that --quiet keeps, its values named', async () => {
    for (const name of ['end_date', 'tanggal_berhenti', 'tgl_keluar', 'valid_to']) {
      const file = f(`end-${name}.csv`, `participant_id,province,segment,period,${name}\n1,Gorontalo,PU,2024-06,2024-03-31\n2,Gorontalo,PU,2024-06,\n`);
      const r = await run(['coverage', file, '-f', 'csv', '--quiet']);
      expect(r.code, name).toBe(0);
      expect(participants(r.stdout).get('Gorontalo')).toBe(2);
      expect(r.stderr).toContain(`warning: ${file}: column "${name}" is not read (its values: "2024-03-31" 1 row, "" 1): every row was counted as an active participant`);
    }
  });

  it('a balance or a registration date is not a spell: saldo_awal + saldo_akhir, tgl_daftar alone', async () => {
    const file = f('saldo.csv', 'kpj,province,segment,period,saldo_awal,saldo_akhir,tgl_daftar\n1,Gorontalo,PU,2024-06,10,20,2020-01-01\n');
    const r = await run(['coverage', file, '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('membership');
    expect(r.stderr).not.toContain('its values');
    expect(participants(r.stdout).get('Gorontalo')).toBe(1);
  });
});

describe('F4: a per-participant extract with a participants column', () => {
  // Four KPJ, employer NPP01's headcount 3 repeated on its three participants' rows: 3+3+3+1 = 10, not 4.
  const JOIN = 'kpj,npp,province,segment,period,jumlah_peserta\n11000001,NPP01,Gorontalo,PU,2024-06,3\n11000002,NPP01,Gorontalo,PU,2024-06,3\n11000003,NPP01,Gorontalo,PU,2024-06,3\n11000004,NPP02,Gorontalo,PU,2024-06,1\n';

  it('refused at the count column, by coverage and validate, in CSV and Parquet (was: 10)', async () => {
    const file = f('join.csv', JOIN);
    const r = await run(['coverage', file, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file}:1:33: error: column "jumlah_peserta" is a count of participants, but the file is a per-participant extract (its id column "kpj")`);
    expect(r.stderr).toContain('hint: leave "jumlah_peserta" out of the file: each row already counts one');
    expect((await run(['validate', file])).code).toBe(3);
    const pq = f('join.parquet', new Uint8Array(parquetWriteBuffer({ columnData: [
      { name: 'kpj', data: ['11000001', '11000002'], type: 'STRING' },
      { name: 'province', data: ['Gorontalo', 'Gorontalo'], type: 'STRING' },
      { name: 'period', data: ['2024-06', '2024-06'], type: 'STRING' },
      { name: 'peserta', data: [5, 0], type: 'INT32' },
    ] })));
    const p = await run(['coverage', pq, '-f', 'csv']);
    expect(p.code).toBe(3);
    expect(p.stderr).toContain('column "peserta" is a count of participants, but the file is a per-participant extract');
    const wide = f('wide.csv', 'participant_id,province,participants_pu\n1,Gorontalo,3\n');
    expect((await run(['coverage', wide, '-f', 'csv'])).stderr).toContain('column "participants_pu" is a count of participants');
  });

  it('the same extract without the headcount: the four KPJ, one participant each', async () => {
    const file = f('join-ok.csv', JOIN.split('\n').map((l) => l.split(',').slice(0, 5).join(',')).join('\n'));
    const r = await run(['coverage', file, '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(participants(r.stdout).get('Gorontalo')).toBe(4);
  });
});

describe('F5: counts read with --extract, twice', () => {
  const COUNTS = 'province,segment,period,participants\nGorontalo,PU,2024-06,100\nGorontalo,BPU,2024-06,50\n';
  const parquet = (): Uint8Array => new Uint8Array(parquetWriteBuffer({ columnData: [
    { name: 'province', data: ['Gorontalo', 'Gorontalo'], type: 'STRING' },
    { name: 'segment', data: ['PU', 'BPU'], type: 'STRING' },
    { name: 'period', data: ['2024-06', '2024-06'], type: 'STRING' },
    { name: 'participants', data: [100n, 50n], type: 'INT64' },
  ] }));

  it('one export: 100 + 50 = 150', async () => {
    const r = await run(['coverage', f('c1.csv', COUNTS), '--extract', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(participants(r.stdout).get('Gorontalo')).toBe(150);
  });

  it('the same counts as CSV and as Parquet (a glob peserta.*): refused, both places named (was: 300)', async () => {
    const sub = tmp();
    writeIn(sub, 'peserta.csv', COUNTS);
    writeIn(sub, 'peserta.parquet', parquet());
    const r = await run(['coverage', 'peserta.*', '--extract', '--by', 'province,segment', '-f', 'csv'], { cwd: sub });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('the same row twice (first at peserta.csv:2): counts per key have each row once');
    expect(r.stderr).toContain('hint: give each export once');
    rmSync(sub, { recursive: true, force: true });
  });

  it('a re-export with the rows and columns in another order, and a row repeated in one file: refused (was: 300, and PU 200)', async () => {
    const a = f('c2.csv', COUNTS);
    const b = f('c2-again.csv', 'period,participants,segment,province\n2024-06,50,BPU,Gorontalo\n2024-06,100,PU,Gorontalo\n');
    const r = await run(['coverage', a, b, '--extract', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${b}:2: error: the same row twice (first at ${a}:3)`);
    const dup = f('c2-dup.csv', COUNTS + 'Gorontalo,PU,2024-06,100\n');
    const d = await run(['coverage', dup, '--extract', '-f', 'csv']);
    expect(d.code).toBe(3);
    expect(d.stderr).toContain(`${dup}:4: error: the same row twice (first at line 2)`);
    expect(d.stderr).toContain('hint: remove the repeated row');
    // Rows that differ in a column not read (counts per regency, reported by province) are added up.
    const reg = f('c2-reg.csv', 'province,regency,segment,period,participants\nGorontalo,Kota Gorontalo,PU,2024-06,100\nGorontalo,Kab. Gorontalo,PU,2024-06,100\n');
    const ok = await run(['coverage', reg, '--extract', '-f', 'csv']);
    expect(ok.code).toBe(0);
    expect(participants(ok.stdout).get('Gorontalo')).toBe(200);
  });

  it('a participant extract and counts of the same month: refused, whatever --extract says (was: 102 and 51)', async () => {
    const e = f('e1.csv', 'participant_id,province,segment,period\n001,Gorontalo,PU,2024-06\n002,Gorontalo,PU,2024-06\n003,Gorontalo,BPU,2024-06\n');
    const c = f('c3.csv', COUNTS);
    for (const extra of [['--extract'], []]) {
      const r = await run(['coverage', e, c, ...extra, '-f', 'csv']);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
    }
    const r = await run(['coverage', e, c, '--extract', '-f', 'csv']);
    expect(r.stderr).toContain(`${c}: error: is counts per key (a participants column, no participant id), but ${e} is a per-participant extract (a participant id on each row)`);
    const id = await run(['coverage', e, c, '--extract', '-f', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('adalah hitungan per kunci');
  });
});

describe('F6: an extract whose id column has another name', () => {
  // Two people: 7501010101900001 twice (a repeated row), 7501010101900002 once.
  const NIK = 'nik,province,segment,period\n7501010101900001,Gorontalo,PU,2024-06\n7501010101900001,Gorontalo,PU,2024-06\n7501010101900002,Gorontalo,BPU,2024-06\n';

  it('the hint no longer offers --extract; --extract is refused (was: 3 people); named kpj, the repeat is found', async () => {
    const file = f('nik.csv', NIK);
    const r = await run(['coverage', file, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('name that column kpj (or participant_id)');
    expect(r.stderr).not.toContain('--extract');
    const x = await run(['coverage', file, '--extract', '-f', 'csv']);
    expect(x.code).toBe(3);
    expect(x.stderr).toContain(`${file}:1:1: error: what a row of this file is cannot be told: it has no participant id column and no participants column, and "nik" is not read`);
    const named = f('kpj.csv', NIK.replace('nik,', 'kpj,'));
    const k = await run(['coverage', named, '-f', 'csv']);
    expect(k.code).toBe(3);
    expect(k.stderr).toContain('7501010101900001');
    const once = f('kpj-once.csv', NIK.replace('nik,', 'kpj,').split('\n').filter((_, i) => i !== 2).join('\n'));
    expect(participants((await run(['coverage', once, '-f', 'csv'])).stdout).get('Gorontalo')).toBe(2);
  });
});

describe('F11: what the tool interprets, said', () => {
  it('a period written as a date is taken as its month, and a note says so (a date on the 1st named)', async () => {
    const file = f('dates.csv', 'participant_id,province,segment,period\n001,Gorontalo,PU,2024-06-30\n002,Gorontalo,BPU,2024-06-30\n');
    const r = await run(['coverage', file, '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`note: ${file}: its period values are dates, each taken as its month (2024-06-30 → 2024-06)`);
    expect(r.stderr).not.toContain('the position at the start of that month');
    expect(participants(r.stdout).get('Gorontalo')).toBe(2);
    const first = f('dates-1st.csv', 'province,period,participants,employed\nGorontalo,2024-07-01,256129,631521\n');
    const s = await run(['coverage', first, '-f', 'csv']);
    expect(s.code).toBe(0);
    expect(s.stderr).toContain('its period values are dates, each taken as its month (2024-07-01 → 2024-07); 2024-07-01 was taken as 2024-07: if it is the position at the start of that month (the end of the month before), write the month before as the period');
    const plain = f('months.csv', 'province,period,participants,employed\nGorontalo,2024-07,256129,631521\n');
    expect((await run(['coverage', plain, '-f', 'csv'])).stderr).not.toContain('are dates');
  });

  it('--previous: a regional file for an extract report is refused, and an extract for a regional one, as the pair is as inputs', async () => {
    const e = f('e-june.csv', 'participant_id,province,segment,period\n001,Gorontalo,PU,2024-06\n002,Gorontalo,PU,2024-06\n');
    const reg = f('reg-may.csv', 'province,period,participants,employed\nGorontalo,2024-05,1000,631521\n');
    const r = await run(['coverage', e, '--previous', reg, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${reg}: --previous: a regional file, but the input is a per-participant or per-employer extract`);
    const regJune = f('reg-june.csv', 'province,period,participants,employed\nGorontalo,2024-06,1010,631521\n');
    const eMay = f('e-may.csv', 'participant_id,province,segment,period\n001,Gorontalo,PU,2024-05\n');
    const back = await run(['coverage', regJune, '--previous', eMay, '-f', 'csv']);
    expect(back.code).toBe(3);
    expect(back.stderr).toContain(`${eMay}: --previous: a per-participant or per-employer extract, but the input is a regional file`);
    // The extract of May beside June's: 2 − 1 = +1.
    const ok = await run(['coverage', e, '--previous', eMay, '-f', 'csv']);
    expect(ok.code).toBe(0);
    expect(csvRows(ok.stdout).find((x) => x['province'] === 'Gorontalo')!['change']).toBe('1');
  });
});
