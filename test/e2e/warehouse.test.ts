// The warehouse recipe (docs/warehouse.md, issue 20): its DuckDB queries, taken from the page itself and
// run as written (only the file names are changed), on a generated participant history. The counts they
// write give the report `coverage --extract` gives on the participant rows, row for row, as CSV, as
// Parquet and split in two files; the duplicate query finds the duplicate `coverage` refuses; and the
// membership-spells query counts the participants active at each month end as counted here by hand.
// DuckDB is @duckdb/node-api, a dev dependency pinned to a release whose bindings exist for every platform.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, tmp } from './helpers.js';

/** The DuckDB statements of docs/warehouse.md, in order. */
function duckdbStatements(): string[] {
  const page = readFileSync(join(ROOT, 'docs', 'warehouse.md'), 'utf8');
  const section = page.slice(page.indexOf('## DuckDB'), page.indexOf('## Spark SQL'));
  return [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!.trim().replace(/;$/, ''));
}

const PROVINCES = ['Aceh', 'Jawa Barat', 'DKI Jakarta', 'Gorontalo', 'Papua Barat Daya', 'Bali'];
const SEGMENTS = ['PU', 'BPU', 'JAKON', 'PMI'];
const PERIODS = ['2024-04', '2024-05', '2024-06'];

/** A participant history of monthly snapshots: participant_id, province, segment, period. */
function history(n: number, duplicate?: { period: string; id: number }): string {
  const lines = ['participant_id,province,segment,period'];
  let seed = 20240630;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 1);
  for (const period of PERIODS) {
    for (let i = 0; i < n; i++) {
      // Some participants leave and join between months; ids are unique within a month.
      if (next() % 10 === 0) continue;
      const id = 3_000_000 + i;
      lines.push(`${id},${PROVINCES[(i * 7) % PROVINCES.length]},${SEGMENTS[next() % 4]},${period}`);
      if (duplicate && duplicate.period === period && duplicate.id === id) lines.push(`${id},${PROVINCES[0]},PU,${period}`);
    }
  }
  return lines.join('\n') + '\n';
}

let db: DuckDBInstance;
let con: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:', { threads: '2' });
  con = await db.connect();
});
afterAll(() => {
  con?.closeSync();
  db?.closeSync();
});

async function rows(sql: string): Promise<unknown[][]> {
  return (await con.runAndReadAll(sql)).getRows() as unknown[][];
}

describe('the warehouse recipe (DuckDB)', () => {
  const [view, duplicates, counts, spellsView] = duckdbStatements();

  it('the page has the four DuckDB statements the test runs', () => {
    expect(view).toMatch(/^CREATE VIEW history AS SELECT \* FROM read_parquet\('history\/\*\.parquet'\)$/);
    expect(duplicates).toMatch(/HAVING count\(\*\) > 1/);
    expect(counts).toMatch(/^COPY \([\s\S]*\) TO 'peserta\.csv' \(HEADER, DELIMITER ','\)$/);
    expect(spellsView).toMatch(/^CREATE VIEW history AS\nWITH months AS/);
  });

  it("its counts give coverage --extract's report on the participant rows: as CSV, as Parquet, and split in two files", async () => {
    const dir = tmp();
    const raw = join(dir, 'history.csv');
    writeFileSync(raw, history(1500));
    // The history as the warehouse keeps it: Parquet files in a folder.
    await con.run(`COPY (SELECT * FROM read_csv('${raw}')) TO '${join(dir, 'history')}' (FORMAT parquet, PER_THREAD_OUTPUT true)`);
    await con.run(view!.replace("'history/*.parquet'", `'${join(dir, 'history')}/*.parquet'`));
    expect(await rows(duplicates!)).toEqual([]);
    const csv = join(dir, 'peserta.csv');
    await con.run(counts!.replace("'peserta.csv'", `'${csv}'`));
    const pq = join(dir, 'peserta.parquet');
    await con.run(counts!.replace("TO 'peserta.csv' (HEADER, DELIMITER ',')", `TO '${pq}' (FORMAT parquet)`));
    // 6 provinces × 4 segments × 3 months at most.
    const aggregated = readFileSync(csv, 'utf8').trim().split('\n');
    expect(aggregated[0]).toBe('province,segment,period,participants');
    expect(aggregated.length - 1).toBeLessThanOrEqual(72);

    // The same rows (they come in the order their keys first appear in the input, which differs).
    const lines = (text: string) => text.trim().split('\n').sort();
    for (const by of ['province,segment', 'province']) {
      const args = ['--extract', '--by', by, '-f', 'csv'];
      const fromRows = await run(['coverage', raw, ...args]);
      expect(fromRows.code, fromRows.stderr).toBe(0);
      expect(lines(fromRows.stdout).length).toBeGreaterThan(6);
      for (const counted of by === 'province' ? [[csv]] : [[csv], [pq]]) {
        const r = await run(['coverage', ...counted, ...args]);
        expect(r.code, r.stderr).toBe(0);
        expect(lines(r.stdout)).toEqual(lines(fromRows.stdout));
      }
      if (by === 'province') continue;
      // An export in two parts (as BigQuery and Spark write them): the parts are added up.
      const [head, ...body] = aggregated;
      writeFileSync(join(dir, 'part-1.csv'), [head, ...body.filter((_, i) => i % 2 === 0)].join('\n') + '\n');
      writeFileSync(join(dir, 'part-2.csv'), [head, ...body.filter((_, i) => i % 2 === 1)].join('\n') + '\n');
      const parts = await run(['coverage', join(dir, 'part-1.csv'), join(dir, 'part-2.csv'), ...args]);
      expect(lines(parts.stdout)).toEqual(lines(fromRows.stdout));
    }
    // Every month, not only the latest.
    const may = await run(['coverage', raw, '--extract', '--period', '2024-05', '-f', 'csv']);
    expect(lines((await run(['coverage', csv, '--extract', '--period', '2024-05', '-f', 'csv'])).stdout)).toEqual(lines(may.stdout));
  });

  it('its duplicate query finds the participant twice in a month that coverage refuses', async () => {
    const dir = tmp();
    const raw = join(dir, 'history.csv');
    writeFileSync(raw, history(500, { period: '2024-05', id: 3_000_123 }));
    await con.run(view!.replace("read_parquet('history/*.parquet')", `read_csv('${raw}')`).replace('CREATE VIEW', 'CREATE OR REPLACE VIEW'));
    expect(await rows(duplicates!)).toEqual([['2024-05', 3_000_123n, 2n]]);
    const r = await run(['validate', raw, '--extract']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/history\.csv:\d+:1: error: participant 3000123 appears twice in 2024-05 \(first at line \d+\)/);
  });

  it('from membership spells: the participants active at each month end, as counted by hand', async () => {
    const dir = tmp();
    // Spells with start and end dates (end empty: still a member), some ending on a month's last day.
    const spells: { id: number; province: string; segment: string; start: string; end: string | null }[] = [];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 1);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const t0 = Date.UTC(2022, 6, 1);
    for (let i = 0; i < 3000; i++) {
      const start = t0 + (next() % 900) * 86_400_000;
      const end = next() % 3 === 0 ? null : next() % 4 === 0 ? Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth() + 1 + (next() % 12), 0) : start + (next() % 500) * 86_400_000;
      spells.push({ id: 9_000_000 + i, province: PROVINCES[next() % PROVINCES.length]!, segment: SEGMENTS[next() % 4]!, start: day(start), end: end === null ? null : day(end) });
    }
    const file = join(dir, 'spells.csv');
    writeFileSync(file, 'participant_id,province,segment,start_date,end_date\n' + spells.map((s) => `${s.id},${s.province},${s.segment},${s.start},${s.end ?? ''}`).join('\n') + '\n');
    await con.run(`CREATE OR REPLACE TABLE spells AS SELECT * FROM read_csv('${file}', columns = {'participant_id': 'BIGINT', 'province': 'VARCHAR', 'segment': 'VARCHAR', 'start_date': 'DATE', 'end_date': 'DATE'}, header = true)`);
    await con.run(spellsView!.replace('CREATE VIEW', 'CREATE OR REPLACE VIEW'));
    expect(await rows(duplicates!)).toEqual([]);
    const out = join(dir, 'peserta.csv');
    await con.run(counts!.replace("'peserta.csv'", `'${out}'`));
    // By hand: a spell counts in a month when start ≤ the month's last day ≤ end (or no end).
    const want = new Map<string, number>();
    for (let y = 2023; y <= 2024; y++) {
      for (let m = 1; m <= 12; m++) {
        const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
        const period = `${y}-${String(m).padStart(2, '0')}`;
        for (const s of spells) {
          if (s.start <= last && (s.end === null || s.end >= last)) {
            const k = `${s.province},${s.segment},${period}`;
            want.set(k, (want.get(k) ?? 0) + 1);
          }
        }
      }
    }
    const got = new Map(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => {
          const f = l.split(',');
          return [`${f[0]},${f[1]},${f[2]}`, Number(f[3])] as const;
        }),
    );
    expect(got).toEqual(want);
    expect(want.size).toBeGreaterThan(400);
  });
});
