// What the columns of an extract mean, on both readers, from the command line (a review of
// per-participant and employer extracts as a data team writes them). Each set of rows is written twice:
// a small copy (the general path) and a copy over 4 MiB (the same rows, long notes on each, so that the
// byte-level engine takes it by size, as it does a user's file); the two must say the same. Expected
// figures are counted by hand from the rows below. (In test/scale: some 10 s of 4 MiB files; the same
// rows through both paths in-process, quickly, are in test/io/extract-columns.test.ts.)
//  1. a big employer extract skipped the same-row-twice check (Gorontalo 10 + 10 + 5 = 25, exit 0);
//     `--by npp` skipped it on every path;
//  5. a denominator column in an extract was added up per row (3 × 600,000 for Gorontalo);
//  6. a status column was ignored without a word: inactive participants were counted;
// 11. a participant extract with an employer column was refused as an employer extract.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTable } from '../../src/io/load.js';
import { csvRows, run, tmp } from '../e2e/helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BIG = 4 * 1024 * 1024;

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/**
 * The rows as a small file and as a file over 4 MiB (long notes on each row, in two columns: a field
 * has at most 2^20 characters): [small, big].
 */
function copies(name: string, header: string, rows: readonly string[]): [string, string] {
  const pad = 'x'.repeat(Math.ceil(BIG / rows.length / 2) + 1000);
  const small = write(`s-${name}`, `${header},note,note2\n${rows.map((r) => `${r},x,x\n`).join('')}`);
  const big = write(`b-${name}`, `${header},note,note2\n${rows.map((r) => `${r},${pad},${pad}\n`).join('')}`);
  return [small, big];
}

/** Which reader took a file (the engine: 'fast'). */
async function route(path: string): Promise<string | undefined> {
  let taken: string | undefined;
  await loadTable([path], { measures: new Map([['participants', 'count']]), rule: 'auto', dims: [] }, { maxErrors: 20, allowOverCoverage: false, onRoute: (_f, r) => (taken = r) }).catch(() => undefined);
  return taken;
}

const participantsOf = (stdout: string): Record<string, string> => Object.fromEntries(csvRows(stdout).map((r) => [r['province'] ?? '', r['participants'] ?? '']));

describe('an employer extract: the same row twice is refused on both readers', () => {
  const HEAD = 'npp,provinsi,segmen,periode,peserta';
  const ROWS = ['N001,Gorontalo,PU,2024-06,10', 'N001,Gorontalo,PU,2024-06,10', 'N002,Gorontalo,PU,2024-06,5', 'N003,Aceh,PU,2024-06,7', 'N004,Aceh,BPU,2024-06,7'];

  it('in one file, small or over 4 MiB (the big one was read by the engine: Gorontalo 25, exit 0)', async () => {
    const [small, big] = copies('emp.csv', HEAD, ROWS);
    for (const file of [small, big]) {
      const r = await run(['coverage', file, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${file}:3: error: employer "N001": the same row twice (first at line 2)`);
    }
    // The engine leaves employer extracts to the general path, which compares every row.
    expect(await route(big)).toBe('general');
  });

  it('across files, one over 4 MiB and one small', async () => {
    // The big file's size is in the notes of five employers in Bali (a field has at most 2^20
    // characters); N002's note is empty in both files.
    const pad = 'x'.repeat(Math.ceil(BIG / 5) + 1000);
    const bali = [1, 2, 3, 4, 5].map((i) => `B00${i},Bali,PU,2024-06,1,${pad}\n`).join('');
    const big = write('emp-big.csv', `${HEAD},note\nN001,Gorontalo,PU,2024-06,10,\nN002,Gorontalo,PU,2024-06,5,\n${bali}N003,Aceh,PU,2024-06,7,\n`);
    const small = write('emp-2.csv', `${HEAD},note\nN002,Gorontalo,PU,2024-06,5,\n`);
    for (const files of [[big, small], [small, big]]) {
      const r = await run(['coverage', ...files, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(3);
      const [first, second] = files[0] === big ? [`${big}:3`, `${small}:2`] : [`${small}:2`, `${big}:3`];
      expect(r.stderr).toContain(`${second}: error: employer "N002": the same row twice (first at ${first})`);
    }
    // Without the repeated row: Gorontalo 10 + 5 = 15, Aceh 7, Bali 5 × 1.
    const alone = await run(['coverage', big, '-f', 'csv', '-q']);
    expect(alone.code, alone.stderr).toBe(0);
    expect(participantsOf(alone.stdout)).toMatchObject({ Gorontalo: '15', Aceh: '7', Bali: '5' });
  });

  it('reported by employer (--by npp): still refused (N001 was 20)', async () => {
    const [small, big] = copies('emp-by.csv', HEAD, ROWS);
    for (const file of [small, big]) {
      const r = await run(['coverage', file, '--by', 'npp', '-f', 'csv']);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain(`${file}:3: error: employer "N001": the same row twice (first at line 2)`);
    }
    const ok = copies('emp-by-ok.csv', HEAD, ROWS.slice(1));
    for (const file of ok) {
      const r = await run(['coverage', file, '--by', 'npp', '-f', 'csv', '-q']);
      expect(r.code, r.stderr).toBe(0);
      const by = Object.fromEntries(csvRows(r.stdout).map((x) => [x['employer_id'], x['participants']]));
      expect(by).toMatchObject({ N001: '10', N002: '5', N003: '7', N004: '7', Total: '29' });
    }
  });
});

describe('a participant extract with an employer column', () => {
  const ROWS = ['1,N1,Gorontalo,2024-06', '2,N1,Gorontalo,2024-06', '2,N1,Gorontalo,2024-05', '3,N2,Aceh,2024-06'];

  it('is a participant extract: each row one participant (June: Gorontalo 2, Aceh 1); npp is not read, said in a note', async () => {
    for (const header of ['kpj,npp,province,period', 'npp,kpj,province,period']) {
      const rows = header.startsWith('npp') ? ROWS.map((r) => r.split(',')).map(([k, n, p, t]) => [n, k, p, t].join(',')) : ROWS;
      const [small, big] = copies(`e2-${header.slice(0, 3)}.csv`, header, rows);
      for (const file of [small, big]) {
        const r = await run(['coverage', file, '-f', 'csv']);
        expect(r.code, r.stderr).toBe(0);
        expect(participantsOf(r.stdout)).toMatchObject({ Gorontalo: '2', Aceh: '1', Total: '3' });
        expect(r.stderr).toContain(`note: ${file}: columns not read: npp, note, note2`);
      }
      expect(await route(big)).toBe('fast');
    }
  });

  it('--by npp reports participants per employer: N1 2, N2 1', async () => {
    const [small, big] = copies('e2-by.csv', 'kpj,npp,province,period', ROWS);
    for (const file of [small, big]) {
      const r = await run(['coverage', file, '--by', 'npp', '-f', 'csv', '-q']);
      expect(r.code, r.stderr).toBe(0);
      const by = Object.fromEntries(csvRows(r.stdout).map((x) => [x['employer_id'], x['participants']]));
      expect(by).toMatchObject({ N1: '2', N2: '1', Total: '3' });
    }
  });

  it('a participant twice in June is still refused', async () => {
    const [small, big] = copies('e2-twice.csv', 'kpj,npp,province,period', [...ROWS, '1,N2,Aceh,2024-06']);
    for (const file of [small, big]) {
      const r = await run(['coverage', file, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain(`${file}:6:1: error: participant 1 appears twice in 2024-06 (first at line 2)`);
    }
  });
});

describe('a denominator column in an extract', () => {
  it('per participant: refused, naming the column, on both readers (Gorontalo was 3 × 600,000)', async () => {
    const [small, big] = copies('s11.csv', 'participant_id,province,period,workforce', ['001,Gorontalo,2024-06,600000', '002,Gorontalo,2024-06,600000', '003,Gorontalo,2024-06,600000', '004,Aceh,2024-06,2400000', '005,Aceh,2024-06,2400000']);
    for (const file of [small, big]) {
      const r = await run(['coverage', file, '-f', 'csv']);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${file}:1:32: error: column "workforce" is a denominator, but the file is an extract`);
      expect(r.stderr).toContain('--workforce FILE');
      const id = await run(['coverage', file, '-f', 'csv', '--lang', 'id']);
      expect(id.stderr).toContain(`${file}:1:32: error: kolom "workforce" adalah penyebut, tetapi berkas ini ekstrak`);
    }
  });

  it('the column --denominator names, an employer extract, counts read with --extract: refused too', async () => {
    const named = write('named.csv', 'participant_id,province,period,angkatan_kerja\n1,Gorontalo,2024-06,600000\n');
    const r = await run(['coverage', named, '--denominator', 'angkatan_kerja', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${named}:1:32: error: column "angkatan_kerja" is a denominator, but the file is an extract`);
    const emp = write('emp-wf.csv', 'npp,province,participants,tenaga_kerja\nN1,Gorontalo,10,600000\nN2,Gorontalo,5,600000\n');
    const e = await run(['coverage', emp, '-f', 'csv']);
    expect(e.code, e.stderr).toBe(3);
    expect(e.stderr).toContain(`${emp}:1:27: error: column "tenaga_kerja" is a denominator, but the file is an extract`);
    const counts = write('cw.csv', 'province,segment,period,participants,workforce\nGorontalo,PU,2024-06,100,1000\nGorontalo,BPU,2024-06,50,1000\n');
    const c = await run(['coverage', counts, '--extract', '-f', 'csv']);
    expect(c.code, c.stderr).toBe(3);
    expect(c.stderr).toContain(`${counts}:1:38: error: column "workforce" is a denominator, but the file is an extract`);
  });

  it('a regional file (counts per key, no id, no --extract) adds its rows\' denominators up, as documented: 1000 + 1000', async () => {
    const counts = write('cw2.csv', 'province,segment,period,participants,workforce\nGorontalo,PU,2024-06,100,1000\nGorontalo,BPU,2024-06,50,1000\n');
    const c = await run(['coverage', counts, '-f', 'csv', '-q']);
    expect(c.code, c.stderr).toBe(0);
    expect(csvRows(c.stdout).find((x) => x['province'] === 'Gorontalo')).toMatchObject({ participants: '150', denominator: '2000' });
  });
});

describe('a status column in an extract', () => {
  const ROWS = ['001,Gorontalo,PU,2024-06,aktif', '002,Gorontalo,BPU,2024-06,nonaktif', '003,Gorontalo,PU,2024-06,inactive', '004,Aceh,PU,2024-06,active'];

  it('is said in a warning that --quiet keeps, with its values and rows, on both readers', async () => {
    for (const column of ['status', 'status_kepesertaan', 'is_active', 'aktif']) {
      const [small, big] = copies(`ex-${column}.csv`, `participant_id,province,segment,period,${column}`, ROWS);
      for (const file of [small, big]) {
        const r = await run(['coverage', file, '-f', 'csv', '-q']);
        expect(r.code, r.stderr).toBe(0);
        // Every row counted: Gorontalo 3, Aceh 1.
        expect(participantsOf(r.stdout)).toMatchObject({ Gorontalo: '3', Aceh: '1' });
        expect(r.stderr).toContain(`warning: ${file}: column "${column}" is not read (its values: "aktif" 1 row, "nonaktif" 1, "inactive" 1, "active" 1): every row was counted as an active participant`);
        expect(r.stderr).toContain('filter the extract to active participants first');
        // The other unused column: a plain note, hushed by --quiet.
        expect(r.stderr).not.toContain('columns not read');
        const loud = await run(['coverage', file, '-f', 'csv']);
        expect(loud.stderr).toContain(`note: ${file}: columns not read: note, note2`);
        expect(loud.stderr).not.toContain(`not read: ${column}`);
        const id = await run(['coverage', file, '-f', 'csv', '-q', '--lang', 'id']);
        expect(id.stderr).toContain(`warning: ${file}: kolom "${column}" tidak dibaca (nilainya: "aktif" 1 baris, "nonaktif" 1, "inactive" 1, "active" 1): setiap baris dihitung sebagai peserta aktif`);
      }
      expect(await route(big)).toBe('fast');
    }
  });

  it('many values: the first five by first row, and the rows of the others', async () => {
    const rows = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'A'].map((s, i) => `${i + 1},Gorontalo,PU,2024-06,${s}`);
    const [small, big] = copies('ex-many.csv', 'participant_id,province,segment,period,status', rows);
    for (const file of [small, big]) {
      const r = await run(['coverage', file, '-f', 'csv', '-q']);
      expect(r.stderr).toContain(`column "status" is not read (its values: "A" 2 rows, "B" 1, "C" 1, "D" 1, "E" 1, 2 rows with other values)`);
    }
  });

  it('JSON in the report\'s notes', async () => {
    const [small] = copies('ex-json.csv', 'participant_id,province,segment,period,status', ROWS);
    const r = await run(['coverage', small, '-f', 'json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const notes = (JSON.parse(r.stdout) as { meta: { notes: { en: string; id: string }[] } }).meta.notes;
    expect(notes.some((n) => n.en.includes('column "status" is not read') && n.id.includes('kolom "status" tidak dibaca'))).toBe(true);
  });
});
