// What the columns of an extract mean, on both readers: the same rows through the byte-level engine
// (`fastExtract: 'always'`) and through the general path ('never'), with coverage's schema. Expected
// figures are counted by hand from the rows below. (The same from the command line, on files over
// 4 MiB that take the engine by size: test/scale/extract-columns.test.ts.)
//  1. a big employer extract skipped the same-row-twice check on the engine; `--by npp` skipped it on both;
//  5. a denominator column in an extract was added up per row;
//  6. a status column was ignored without a word (inactive participants counted);
// 11. a participant extract with an employer column was refused as an employer extract.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { coverageSchema } from '../../src/app/read.js';
import type { Note } from '../../src/core/facts.js';
import { InputError } from '../../src/errors.js';
import { loadTable, type LoadOptions } from '../../src/io/load.js';
import { noteText } from '../../src/report/vocabulary.js';
import { csvRows, run, tmp } from '../e2e/helpers.js';

const dir = tmp();
let n = 0;
const file = (text: string): string => {
  const p = join(dir, `x${n++}.csv`);
  writeFileSync(p, text);
  return p;
};
const BASE: LoadOptions = { maxErrors: 20, allowOverCoverage: false, codeSystem: 'kemendagri' };

interface Outcome {
  route?: string;
  /** Participants by the keys of the report (province, or the --by column). */
  participants?: Record<string, number>;
  notes?: string[];
  ignored?: string[];
  errors?: string[];
}

async function outcome(path: string, mode: 'always' | 'never', by: string[] = ['province'], extract = false, denominator?: string): Promise<Outcome> {
  let route: string | undefined;
  try {
    const t = await loadTable([path], coverageSchema(by, denominator, extract), { ...BASE, fastExtract: mode, onRoute: (_f, r) => (route = r) });
    const p = t.measures.findIndex((m) => m.name === 'participants');
    const d = t.dims.findIndex((x) => x.name === (by[0] === 'npp' ? 'employer_id' : by[0]));
    const participants: Record<string, number> = {};
    for (const r of t.rows) {
      const k = t.dims[d]!.labels.get(r.keys[d]!) ?? r.keys[d]!;
      participants[k] = (participants[k] ?? 0) + (r.values[p] ?? 0);
    }
    return { route, participants, notes: (t.sources[0]!.notes ?? []).map((x: Note) => noteText(x, 'en')), ignored: [...t.sources[0]!.ignoredColumns] };
  } catch (e) {
    if (e instanceof InputError) return { route, errors: e.diagnostics.map((x) => `${[x.file, x.line, x.column].filter((v) => v !== undefined).join(':')}: ${x.message}`) };
    throw e;
  }
}

/** Both paths; the general path's answer (the engine's must be the same, its route aside). */
async function both(path: string, by?: string[], extract?: boolean, denominator?: string): Promise<{ fast: Outcome; general: Outcome }> {
  const fast = await outcome(path, 'always', by, extract, denominator);
  const general = await outcome(path, 'never', by, extract, denominator);
  expect({ ...fast, route: undefined }).toEqual({ ...general, route: undefined });
  return { fast, general };
}

describe('an employer extract (npp)', () => {
  const EMP = 'npp,provinsi,segmen,periode,peserta\nN001,Gorontalo,PU,2024-06,10\nN001,Gorontalo,PU,2024-06,10\nN002,Gorontalo,PU,2024-06,5\nN003,Aceh,PU,2024-06,7\nN004,Aceh,BPU,2024-06,7\n';

  it('the same row twice: refused on both paths (the engine leaves employer extracts to the general path)', async () => {
    const path = file(EMP);
    const { fast } = await both(path);
    expect(fast.route).toBe('general');
    expect(fast.errors).toEqual([`${path}:3: employer "N001": the same row twice (first at line 2): its participants would be counted twice`]);
  });

  it('reported by employer (--by npp): refused too (N001 was 20); without the repeat, N001 10 … N004 7', async () => {
    const path = file(EMP);
    const { fast } = await both(path, ['npp']);
    expect(fast.errors).toEqual([`${path}:3: employer "N001": the same row twice (first at line 2): its participants would be counted twice`]);
    const ok = await both(file(EMP.replace('N001,Gorontalo,PU,2024-06,10\n', '')), ['npp']);
    expect(ok.general.participants).toEqual({ N001: 10, N002: 5, N003: 7, N004: 7 });
  });

  it('across two files, whichever path read each (a big one took the engine before)', async () => {
    const a = file('npp,provinsi,segmen,periode,peserta\nN001,Gorontalo,PU,2024-06,10\nN002,Gorontalo,PU,2024-06,5\n');
    const b = file('npp,provinsi,segmen,periode,peserta\nN002,Gorontalo,PU,2024-06,5\n');
    for (const mode of ['always', 'never'] as const) {
      const err = await loadTable([a, b], coverageSchema(['province'], undefined, false), { ...BASE, fastExtract: mode }).catch((e: InputError) => e.diagnostics.map((x) => `${x.file}:${x.line}: ${x.message}`));
      expect(err).toEqual([`${b}:2: employer "N002": the same row twice (first at ${a}:3): its participants would be counted twice`]);
    }
  });
});

describe('a participant extract with an employer column (kpj, npp)', () => {
  const ROWS = 'kpj,npp,province,period\n1,N1,Gorontalo,2024-06\n2,N1,Gorontalo,2024-06\n2,N1,Gorontalo,2024-05\n3,N2,Aceh,2024-06\n';

  it('is a participant extract: a row is a participant (Gorontalo 1 + 2 in June and 2 in May: 3), npp is not read', async () => {
    const { fast } = await both(file(ROWS));
    expect(fast.route).toBe('fast');
    expect(fast.participants).toEqual({ Gorontalo: 3, Aceh: 1 });
    expect(fast.ignored).toEqual(['npp']);
    // npp first.
    const swapped = await both(file('npp,kpj,province,period\nN1,1,Gorontalo,2024-06\nN1,2,Gorontalo,2024-06\n'));
    expect(swapped.fast.participants).toEqual({ Gorontalo: 2 });
  });

  it('--by npp: participants per employer (N1 3, N2 1)', async () => {
    const { fast } = await both(file(ROWS), ['npp']);
    expect(fast.participants).toEqual({ N1: 3, N2: 1 });
  });

  it('from the command line: June by province (Gorontalo 2, Aceh 1), and a note that npp is not read', async () => {
    const path = file(ROWS);
    const r = await run(['coverage', path, '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).map((x) => [x['province'], x['participants']])).toEqual([['Gorontalo', '2'], ['Aceh', '1'], ['Total', '3']]);
    expect(r.stderr).toContain(`note: ${path}: column not read: npp`);
  });
});

describe('a denominator column in an extract', () => {
  const WF = 'participant_id,province,period,workforce\n001,Gorontalo,2024-06,600000\n002,Gorontalo,2024-06,600000\n003,Gorontalo,2024-06,600000\n004,Aceh,2024-06,2400000\n005,Aceh,2024-06,2400000\n';

  it('per participant: refused on both paths (Gorontalo was 3 × 600,000 = 1,800,000)', async () => {
    const path = file(WF);
    const { fast } = await both(path);
    expect(fast.errors).toEqual([`${path}:1:32: column "workforce" is a denominator, but the file is an extract: its rows are added up, so the denominator would be added up once per participant (an extract has no denominator of its own)`]);
  });

  it('the --denominator column, an employer extract, a counts file read with --extract; a regional file is not', async () => {
    const named = file('participant_id,province,period,angkatan_kerja\n1,Gorontalo,2024-06,600000\n');
    expect((await both(named, ['province'], false, 'angkatan_kerja')).fast.errors).toEqual([expect.stringContaining(`${named}:1:32: column "angkatan_kerja" is a denominator, but the file is an extract`)]);
    const emp = file('npp,province,participants,tenaga_kerja\nN1,Gorontalo,10,600000\nN2,Gorontalo,5,600000\n');
    expect((await both(emp)).fast.errors).toEqual([expect.stringContaining('so the denominator would be added up once per employer')]);
    const counts = 'province,segment,period,participants,workforce\nGorontalo,PU,2024-06,100,1000\nGorontalo,BPU,2024-06,50,1000\n';
    expect((await both(file(counts), ['province'], true)).fast.errors).toEqual([expect.stringContaining('so the denominator would be added up once per row')]);
    // Read as a regional file: the rows' denominators are added up (documented: per row, never repeated).
    const r = await run(['coverage', file(counts), '-f', 'csv', '-q']);
    expect(csvRows(r.stdout).find((x) => x['province'] === 'Gorontalo')).toMatchObject({ participants: '150', denominator: '2000' });
  });
});

describe('a status column in an extract', () => {
  const rows = (column: string): string => `participant_id,province,segment,period,${column},note\n001,Gorontalo,PU,2024-06,aktif,x\n002,Gorontalo,BPU,2024-06,nonaktif,x\n003,Gorontalo,PU,2024-06,inactive,x\n004,Aceh,PU,2024-06,active,x\n`;

  it('every row counted (Gorontalo 3, Aceh 1), and said with its values, on both paths', async () => {
    for (const column of ['status', 'status_kepesertaan', 'is_active', 'aktif', 'Status Aktif']) {
      const path = file(rows(column));
      const { fast } = await both(path);
      expect(fast.route).toBe('fast');
      expect(fast.participants).toEqual({ Gorontalo: 3, Aceh: 1 });
      expect(fast.notes).toEqual([`${path}: column "${column}" is not read (its values: "aktif" 1 row, "nonaktif" 1, "inactive" 1, "active" 1): every row was counted as an active participant; filter the extract to active participants first (e.g. in the warehouse query, docs/warehouse.md)`]);
    }
  });

  it('the first five values by first row, the rows of the others together; an empty status is a value', async () => {
    const path = file(`participant_id,province,period,status\n${['A', 'B', '', 'C', 'D', 'E', 'F', 'A', 'G'].map((s, i) => `${i + 1},Gorontalo,2024-06,${s}`).join('\n')}\n`);
    const { fast } = await both(path);
    expect(fast.notes).toEqual([expect.stringContaining('(its values: "A" 2 rows, "B" 1, "" 1, "C" 1, "D" 1, 3 rows with other values)')]);
  });

  it('a regional file, or a name that only contains the letters: no warning', async () => {
    const regional = await both(file('province,status,participants\nGorontalo,final,10\n'));
    expect(regional.fast.notes).toEqual([]);
    const other = await both(file('participant_id,province,period,statistik\n1,Gorontalo,2024-06,a\n'));
    expect(other.fast.notes).toEqual([]);
  });

  it('from the command line: a warning --quiet keeps (en, id); the other unused column a note it hushes', async () => {
    const path = file(rows('status'));
    const q = await run(['coverage', path, '-f', 'csv', '-q']);
    expect(q.code, q.stderr).toBe(0);
    expect(q.stderr).toContain(`warning: ${path}: column "status" is not read (its values: "aktif" 1 row, "nonaktif" 1, "inactive" 1, "active" 1): every row was counted as an active participant; filter the extract to active participants first`);
    expect(q.stderr).not.toContain('not read: note');
    const loud = await run(['coverage', path, '-f', 'csv']);
    expect(loud.stderr).toContain(`note: ${path}: column not read: note\n`);
    const id = await run(['coverage', path, '-f', 'csv', '-q', '--lang', 'id']);
    expect(id.stderr).toContain(`warning: ${path}: kolom "status" tidak dibaca (nilainya: "aktif" 1 baris, "nonaktif" 1, "inactive" 1, "active" 1): setiap baris dihitung sebagai peserta aktif; saring ekstrak ke peserta aktif terlebih dahulu`);
  });
});

describe('Parquet, on its own fast path and row by row', () => {
  const save = (columns: { name: string; data: (string | number)[]; type: 'STRING' | 'INT32' }[]): string => {
    const p = join(dir, `x${n++}.parquet`);
    writeFileSync(p, new Uint8Array(parquetWriteBuffer({ columnData: columns })));
    return p;
  };

  it('a status column is said with its values; an employer column of a participant extract is not read', async () => {
    const path = save([
      { name: 'kpj', data: ['1', '2', '3', '4'], type: 'STRING' },
      { name: 'npp', data: ['N1', 'N1', 'N2', 'N2'], type: 'STRING' },
      { name: 'province', data: ['Gorontalo', 'Gorontalo', 'Gorontalo', 'Aceh'], type: 'STRING' },
      { name: 'period', data: ['2024-06', '2024-06', '2024-06', '2024-06'], type: 'STRING' },
      { name: 'status', data: ['aktif', 'nonaktif', 'aktif', 'aktif'], type: 'STRING' },
    ]);
    const { fast } = await both(path);
    expect(fast.route).toBe('fast');
    expect(fast.participants).toEqual({ Gorontalo: 3, Aceh: 1 });
    expect(fast.ignored).toEqual(['npp', 'status']);
    expect(fast.notes).toEqual([expect.stringContaining(`${path}: column "status" is not read (its values: "aktif" 3 rows, "nonaktif" 1)`)]);
  });

  it('an employer extract reported by employer (--by npp): the same row twice is refused', async () => {
    const path = save([
      { name: 'npp', data: ['N1', 'N2', 'N1'], type: 'STRING' },
      { name: 'province', data: ['Gorontalo', 'Gorontalo', 'Gorontalo'], type: 'STRING' },
      { name: 'participants', data: [10, 5, 10], type: 'INT32' },
    ]);
    const { fast } = await both(path, ['npp']);
    expect(fast.errors).toEqual([`${path}:row 3: employer "N1": the same row twice (first at ${path}:row 1): its participants would be counted twice`]);
  });
});

describe('a status column of an employer extract', () => {
  it('is said too: the participants of every row were counted (N1 10 + N2 5)', async () => {
    const path = file('npp,province,participants,status\nN1,Gorontalo,10,aktif\nN2,Gorontalo,5,tutup\n');
    const { general } = await both(path);
    expect(general.participants).toEqual({ Gorontalo: 15 });
    expect(general.notes).toEqual([`${path}: column "status" is not read (its values: "aktif" 1 row, "tutup" 1): the participants of every row were counted; filter the rows first if some are not active`]);
  });
});
