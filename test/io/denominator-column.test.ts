// Review F3 at the loader: a column named `denominator` (the key the tool's own csv, tsv and json
// reports give their denominator column) is read as the run's denominator — through the general path,
// the byte-level engine (a regional CSV of 4 MiB and more; forced here) and standard input alike, with
// the note that says so — or as what a json report's `meta.denominator` says it is (told to the sink
// before the rows, at any cut of the text). Values here are the input's own, read back.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { measureIndex } from '../../src/core/table.js';
import { ProblemList } from '../../src/errors.js';
import { readJsonRows } from '../../src/io/json-rows.js';
import { loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';
import type { CellPlace } from '../../src/io/row-sink.js';

const dir = mkdtempSync(join(tmpdir(), 'jamsostek-denominator-'));
const MEASURES = new Map([['participants', 'count'], ['workforce', 'count'], ['employed', 'count'], ['potential_workers', 'count']] as const);
const SCHEMA: LoadSchema = { dims: ['province'], measures: MEASURES, rule: 'refuse', denominator: { measure: 'workforce', given: false } };
const BASE: LoadOptions = { maxErrors: 20, allowOverCoverage: false, numberLocale: 'auto', codeSystem: 'kemendagri' };
const CSV = 'province,denominator,participants\nGorontalo,3000,900\nAceh,4500,1500\n';

describe('a column named "denominator"', () => {
  for (const how of ['always', 'never', 'stdin'] as const) {
    it(`is read as the run's denominator, with a note (${how === 'stdin' ? 'standard input' : `fastExtract ${how}`})`, async () => {
      const path = join(dir, `d-${how}.csv`);
      writeFileSync(path, CSV);
      const routes: string[] = [];
      const t = how === 'stdin' ? await loadTable(['-'], SCHEMA, { ...BASE, stdin: Readable.from([Buffer.from(CSV)]) }) : await loadTable([path], SCHEMA, { ...BASE, fastExtract: how, onRoute: (_f, r) => routes.push(r) });
      if (how === 'always') expect(routes).toEqual(['fast']);
      const w = measureIndex(t, 'workforce');
      expect(t.rows.map((r) => [r.values[w], r.values[measureIndex(t, 'participants')]])).toEqual([
        [3000, 900],
        [4500, 1500],
      ]);
      expect(t.sources[0]!.notes).toEqual([{ code: 'denominator-column', file: how === 'stdin' ? '<stdin>' : path, column: 'denominator', measure: 'workforce', given: false }]);
      expect(t.sources[0]!.ignoredColumns).toEqual([]);
    });
  }

  it('is ignored by a load that does not ask for it (its schema has no `denominator`), as before', async () => {
    const path = join(dir, 'plain.csv');
    writeFileSync(path, CSV);
    const t = await loadTable([path], { ...SCHEMA, denominator: undefined }, BASE);
    expect(t.rows.every((r) => r.values[measureIndex(t, 'workforce')] === null)).toBe(true);
    expect(t.sources[0]!.ignoredColumns).toEqual(['denominator']);
  });

  it("a json report's meta.denominator names it: read as that, no note", async () => {
    const path = join(dir, 'r.json');
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, meta: { by: ['province'], denominator: 'potential_workers', notes: [] }, rows: [{ province: 'Gorontalo', denominator: 1800, participants: 900, level: 'detail' }] }, null, 2));
    const t = await loadTable([path], SCHEMA, BASE);
    expect(t.rows[0]!.values[measureIndex(t, 'potential_workers')]).toBe(1800);
    expect(t.rows[0]!.values[measureIndex(t, 'workforce')]).toBe(null);
    expect(t.sources[0]!.notes ?? []).toEqual([]);
  });

  it('meta.denominator after the rows, naming another, is refused (the rows were read as the run\'s)', async () => {
    const path = join(dir, 'late.json');
    writeFileSync(path, '{"rows": [{"province": "Gorontalo", "denominator": 1800, "participants": 900}],\n "meta": {"denominator": "potential_workers"}}');
    await expect(loadTable([path], SCHEMA, BASE)).rejects.toThrow(/meta.denominator \("potential_workers"\) comes after the rows, whose "denominator" was read as workforce/);
  });
});

describe('the JSON reader tells meta.denominator to the sink', () => {
  it('before the rows, at every cut of the text; nothing for other members or a nested "denominator"', async () => {
    const text = '{"meta": {"x": {"denominator": "employed"}, "denominator": "potential_workers", "notes": ["denominator"]}, "columns": [{"key": "denominator"}], "rows": [{"denominator": 5}]}';
    for (let cut = 0; cut <= text.length; cut++) {
      const told: [string, string, CellPlace][] = [];
      const events: string[] = [];
      const sink = {
        column: () => events.push('column'),
        row: () => events.push('row'),
        declare: (what: 'denominator', value: string, place: CellPlace) => (told.push([what, value, place]), events.push('declare')),
      };
      const chunks = [text.slice(0, cut), text.slice(cut)].filter((c) => c.length > 0);
      await readJsonRows(Readable.from(chunks), 'r.json', sink, new ProblemList(5));
      expect(told, `cut ${cut}`).toEqual([['denominator', 'potential_workers', { line: 1, column: 60 }]]);
      expect(events).toEqual(['declare', 'column', 'row']);
    }
  });
});
