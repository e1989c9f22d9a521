// The commands end to end, by spawning the built CLI on real files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, expectGolden, ROOT, run } from './helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'jamsostek-e2e-'));

describe('breakdown on the bundled data', () => {
  it('--year 2024: 38 provinces summing to exactly 50,000,000, none below today', async () => {
    const r = await run(['breakdown', '--year', '2024', '-f', 'csv']);
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout).filter((x) => x['level'] === 'detail');
    expect(rows).toHaveLength(38);
    expect(rows.reduce((a, x) => a + Number(x['target']), 0)).toBe(50_000_000);
    for (const x of rows) expect(Number(x['target'])).toBeGreaterThanOrEqual(Number(x['participants']));
    expectGolden('breakdown/year-2024-csv', ['breakdown', '--year', '2024', '-f', 'csv'], r);
  });

  it('--year 2026: 70,000,000, none below today, none above the denominator unless already above it', async () => {
    const r = await run(['breakdown', '--year', '2026', '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.rows).toHaveLength(38);
    expect(doc.rows.reduce((a: number, x: { target: number }) => a + x.target, 0)).toBe(70_000_000);
    for (const x of doc.rows) {
      expect(x.target).toBeGreaterThanOrEqual(x.participants);
      if (x.bound !== 'held') expect(x.target).toBeLessThanOrEqual(x.denominator);
    }
    expect(doc.totals.target).toBe(70_000_000);
    expect(doc.meta.method).toBe('webster');
  });

  it('--by province,segment matches both margins exactly', async () => {
    const r = await run(['breakdown', '--year', '2026', '--by', 'province,segment', '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const cols = doc.meta.explain.columnTotals as Record<string, number>;
    const rowsT = doc.meta.explain.rowTotals as Record<string, number>;
    const seg: Record<string, number> = {};
    const prov: Record<string, number> = {};
    for (const x of doc.rows) {
      seg[x.segment] = (seg[x.segment] ?? 0) + x.target;
      prov[x.province] = (prov[x.province] ?? 0) + x.target;
      expect(x.target).toBeGreaterThanOrEqual(x.participants);
    }
    expect(seg).toEqual(cols);
    expect(prov).toEqual(rowsT);
    expect(Object.values(seg).reduce((a, b) => a + b, 0)).toBe(70_000_000);
    // Row totals are the one-dimensional breakdown.
    const one = JSON.parse((await run(['breakdown', '--year', '2026', '-f', 'json'])).stdout);
    for (const x of one.rows) expect(rowsT[x.province]).toBe(x.target);
  });

  it('--column-totals given explicitly are met', async () => {
    const args = ['breakdown', '--year', '2024', '--by', 'province,segment', '--column-totals', 'PU=30000000,BPU=11000000,JAKON=8400000,PMI=600000', '-f', 'json'];
    const doc = JSON.parse((await run(args)).stdout);
    expect(doc.meta.explain.columnTotals).toEqual({ PU: 30000000, BPU: 11000000, JAKON: 8400000, PMI: 600000 });
    const bad = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--column-totals', 'PU=1,BPU=1,JAKON=1,PMI=1']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('error: --column-totals: the segment totals add up to 4 but the target is 50,000,000');
  });

  it('--year 2025 is interpolated and flagged', async () => {
    const r = await run(['breakdown', '--year', '2025', '-f', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.meta.total).toBe(60_000_000);
    expect(doc.meta.interpolated).toBe(true);
    expect(r.stderr).toContain('interpolated between 2024 and 2026');
  });

  it('--explain prints the method, the divisor, bounds and ties', async () => {
    const r = await run(['breakdown', '--year', '2024', '--explain', '-f', 'csv']);
    expect(r.stderr).toMatch(/explain: method Webster/);
    expect(r.stderr).toMatch(/explain: province: divisor between [\d.]+ and [\d.]+/);
    expect(r.stderr).toContain('held at today: DKI Jakarta');
  });

  it('every method and mode sums exactly', async () => {
    for (const method of ['webster', 'hamilton', 'dhondt', 'huntington-hill', 'adams', 'dean']) {
      for (const mode of ['gap', 'level']) {
        const r = await run(['breakdown', '--year', '2026', '--method', method, '--mode', mode, '-f', 'json']);
        expect(r.code, `${method} ${mode}: ${r.stderr}`).toBe(0);
        const doc = JSON.parse(r.stdout);
        expect(doc.rows.reduce((a: number, x: { target: number }) => a + x.target, 0)).toBe(70_000_000);
      }
    }
  });

  it('--max-coverage caps targets at a share of the denominator', async () => {
    const doc = JSON.parse((await run(['breakdown', '--year', '2026', '--mode', 'level', '--max-coverage', '0.5', '-f', 'json'])).stdout);
    for (const x of doc.rows) if (x.bound !== 'held') expect(x.target).toBeLessThanOrEqual(Math.floor(x.denominator * 0.5));
  });

  it('--months: milestones never decrease and each month sums to the national milestone', async () => {
    const r = await run(['breakdown', '--year', '2024', '--months', '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const byMonth: Record<string, number> = {};
    const last: Record<string, number> = {};
    for (const x of doc.rows) {
      byMonth[x.period] = (byMonth[x.period] ?? 0) + x.milestone;
      expect(x.milestone).toBeGreaterThanOrEqual(last[x.province] ?? x.baseline);
      last[x.province] = x.milestone;
    }
    for (const s of doc.subtotals) expect(byMonth[s.period]).toBe(s.milestone);
    expect(Object.keys(byMonth)).toHaveLength(12);
    expect(byMonth['2024-12']).toBe(50_000_000);
    // The 38 provinces hold 41,560,000 − 414,868 not attributed to any = 41,145,132; half the way to 50 M in June.
    expect(byMonth['2024-06']).toBe(41_145_132 + (50_000_000 - 41_145_132) / 2);
  });

  it('a province split into its regencies from a user file', async () => {
    const args = ['breakdown', '--target', '287599', '--input', 'examples/gorontalo-regencies.csv', '--by', 'regency', '-f', 'csv'];
    const r = await run(args);
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout).filter((x) => x['level'] === 'detail');
    expect(rows).toHaveLength(6);
    expect(rows.reduce((a, x) => a + Number(x['target']), 0)).toBe(287_599);
    expectGolden('breakdown/regencies-csv', args, r);
  });
});

describe('coverage', () => {
  it('works on the bundled data; Gorontalo on potential workers = 256,129 and 60.56 %', async () => {
    const r = await run(['coverage', '--denominator', 'potential_workers', '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const g = doc.rows.find((x: { province: string }) => x.province === 'Gorontalo');
    expect(g.participants).toBe(256129);
    expect(g.coverage).toBe(0.6056);
    expect(doc.meta.denominator).toBe('potential_workers');
    const t = await run(['coverage', '--denominator', 'potential_workers', '-f', 'table', '--lang', 'id']);
    expect(t.stdout).toMatch(/Gorontalo.*256\.129.*60,56%/);
  });

  it('a folder of regional files through a glob (an Indonesian-Excel file among them): same numbers in table, csv and json', async () => {
    const args = ['coverage', 'examples/2024-06/*.csv', '--by', 'province,regency'];
    const csv = await run([...args, '-f', 'csv']);
    expect(csv.code).toBe(0);
    const json = JSON.parse(await (await run([...args, '-f', 'json'])).stdout);
    const table = await (await run([...args, '-f', 'table', '--lang', 'en'])).stdout;
    const rows = csvRows(csv.stdout).filter((x) => x['level'] === 'detail');
    expect(rows).toHaveLength(9);
    rows.forEach((x, i) => {
      expect(Number(x['participants'])).toBe(json.rows[i].participants);
      expect(table).toContain(Number(x['participants']).toLocaleString('en-US'));
    });
    expect(json.meta.inputs.map((s: { numberLocale: string }) => s.numberLocale)).toEqual(['id', 'en']);
    expect(json.meta.inputs[0].delimiter).toBe(';');
    expect(json.meta.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(json.meta.previousPeriod).toBe('2024-05');
    expectGolden('coverage/glob-province-regency-csv', [...args, '-f', 'csv'], csv);
  });

  it('merges several files and reports the previous period from --previous', async () => {
    const args = ['coverage', 'test/fixtures/good/provinces-2024-06.csv', 'test/fixtures/good/excel-id.csv', '-f', 'json'];
    const bad = await run(args);
    expect(bad.code).toBe(3); // Gorontalo twice across files
    expect(bad.stderr).toContain('duplicate row for Gorontalo / 2024-06 (first at test/fixtures/good/provinces-2024-06.csv:2)');
    const r = await run(['coverage', 'test/fixtures/good/provinces-2024-06.csv', '--previous', 'test/fixtures/good/provinces-2024-05.csv', '-f', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // Rows keep the input's order.
    expect(doc.rows.map((x: { province: string; change: number }) => [x.province, x.change])).toEqual([['Gorontalo', 1000], ['Sulawesi Utara', -1000], ['Maluku', 1000]]);
    expect(doc.columns.map((c: { key: string }) => c.key)).toContain('coverage_change_pp');
  });

  it('targets from a breakdown file, with milestones, run-rate and every status', async () => {
    const dir = tmp();
    const targets = join(dir, 'targets.csv');
    expect((await run(['breakdown', '--target', '287599', '--input', 'examples/gorontalo-regencies.csv', '--by', 'regency', '-o', targets])).code).toBe(0);
    const args = ['coverage', 'examples/2024-06/gorontalo.csv', '--by', 'regency', '--targets', targets, '-f', 'json'];
    const doc = JSON.parse((await run(args)).stdout);
    const statuses = new Set(doc.rows.map((x: { status: string }) => x.status));
    expect(statuses).toEqual(new Set(['behind', 'at-risk']));
    for (const x of doc.rows) {
      expect(x.gap).toBe(x.target - x.participants);
      expect(x.run_rate).toBe(Math.ceil(x.gap / 6));
    }
    // A generous margin turns at-risk/behind into at-risk; a target already met is achieved; on-track above the milestone.
    const fx = join(dir, 'status.csv');
    writeFileSync(fx, 'province,period,participants,target\nGorontalo,2023-12,100,200\nMaluku,2023-12,100,200\nBali,2023-12,100,200\nAceh,2023-12,100,200\n');
    const now = join(dir, 'now.csv');
    // June: milestone = 150. Gorontalo 210 (achieved), Maluku 160 (on-track), Bali 145 (at-risk within 5 %), Aceh 120 (behind).
    writeFileSync(now, 'province,period,workforce,participants\nGorontalo,2024-06,1000,210\nMaluku,2024-06,1000,160\nBali,2024-06,1000,145\nAceh,2024-06,1000,120\n');
    const s = JSON.parse((await run(['coverage', now, '--targets', fx, '-f', 'json'])).stdout);
    expect(Object.fromEntries(s.rows.map((x: { province: string; status: string; milestone: number }) => [x.province, [x.status, x.milestone]]))).toEqual({
      Aceh: ['behind', 150],
      Bali: ['at-risk', 150],
      Gorontalo: ['achieved', 150],
      Maluku: ['on-track', 150],
    });
  });

  it('targets from --year', async () => {
    const r = await run(['coverage', '--year', '2024', '-f', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.totals.target).toBe(50_000_000);
    expect(doc.meta.targets).toContain('breakdown --year 2024');
    const k = JSON.parse((await run(['coverage', '--year', '2024', '--by', 'kanwil', '-f', 'json'])).stdout);
    expect(k.rows).toHaveLength(11);
    expect(k.totals.target).toBe(50_000_000);
  });

  it('--fail-below exits 1 with the report still written', async () => {
    const dir = tmp();
    const out = join(dir, 'report.csv');
    const r = await run(['coverage', 'test/fixtures/good/provinces-2024-06.csv', '--fail-below', '40', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('coverage below 40.00% for 1 of 3: Maluku 29.42%');
    expect(readFileSync(out, 'utf8')).toContain('Gorontalo');
    const ok = await run(['coverage', 'test/fixtures/good/provinces-2024-06.csv', '--fail-below', '20', '-o', out]);
    expect(ok.code).toBe(0);
    const total = await run(['coverage', 'test/fixtures/good/provinces-2024-06.csv', '--fail-below', '40', '--fail-scope', 'total', '-f', 'csv']);
    expect(total.code).toBe(0);
  });

  it('reads stdin (-), CSV and JSON', async () => {
    const csv = readFileSync(join(ROOT, 'test/fixtures/good/provinces-2024-06.csv'));
    const r = await run(['coverage', '-', '-f', 'csv'], { input: csv });
    expect(r.code).toBe(0);
    expect(csvRows(r.stdout)).toHaveLength(4);
    const j = await run(['coverage', '-', '-f', 'json'], { input: readFileSync(join(ROOT, 'test/fixtures/good/rows.json')) });
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout).rows[0].participants).toBe(255000);
  });

  it('--sort and --top', async () => {
    const doc = JSON.parse((await run(['coverage', '--sort', 'coverage', '--top', '3', '-f', 'json'])).stdout);
    expect(doc.rows).toHaveLength(3);
    expect(doc.rows[0].coverage).toBeLessThanOrEqual(doc.rows[1].coverage);
  });

  it('an extract: rows summed per key, a row without participants counts as one', async () => {
    const dir = tmp();
    const f = join(dir, 'peserta.csv');
    const lines = ['participant_id,province,segment,period'];
    for (let i = 0; i < 500; i++) lines.push(`${i},${i % 2 ? 'Gorontalo' : 'Maluku'},${i % 4 < 2 ? 'PU' : 'BPU'},2024-06`);
    writeFileSync(f, lines.join('\n') + '\n');
    const doc = JSON.parse((await run(['coverage', f, '--by', 'province', '-f', 'json'])).stdout);
    expect(doc.meta.extract).toBe(true);
    expect(doc.meta.rowsRead).toBe(500);
    expect(doc.rows.map((x: { province: string; participants: number; denominator: number }) => [x.province, x.participants, x.denominator])).toEqual([
      ['Maluku', 250, 853254],
      ['Gorontalo', 250, 631521],
    ]);
    expect(doc.meta.denominatorSource).toContain('data/baseline.csv');
  });
});

describe('validate, template, provinces, completion, config', () => {
  it('template → filled → validate accepts it', async () => {
    const dir = tmp();
    const f = join(dir, 't.csv');
    expect((await run(['template', '--period', '2024-06', '-o', f])).code).toBe(0);
    const blank = await run(['validate', f]);
    expect(blank.code).toBe(3);
    const filled = readFileSync(f, 'utf8').replace(/,,$/gm, ',1000,500');
    writeFileSync(f, filled);
    const ok = await run(['validate', f, '-f', 'table']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Valid: 1 file, 38 rows, 38 province groups, periods 2024-06');
    const seg = join(dir, 'g.csv');
    expect((await run(['template', '--province', 'Gorontalo', '--segments', '--period', '2024-06', '-o', seg])).code).toBe(0);
    // A row per regency, its workforce once and a participants column per segment (rv28 R15).
    writeFileSync(seg, readFileSync(seg, 'utf8').replace(/,,,,,,$/gm, ',1000,500,300,100,60,40'));
    const segOk = await run(['validate', seg, '-f', 'table']);
    expect(segOk.code, segOk.stderr).toBe(0);
    expect(segOk.stdout).toContain('Valid: 1 file, 6 rows');
  });

  it('provinces lists 38 with both code systems', async () => {
    const r = await run(['provinces', '-f', 'csv']);
    const rows = csvRows(r.stdout).filter((x) => x['level'] === 'detail');
    expect(rows).toHaveLength(38);
    expect(rows.find((x) => x['name'] === 'Papua')).toMatchObject({ kemendagri_code: '91', bps_code: '94' });
    expectGolden('provinces/md', ['provinces', '-f', 'md'], await run(['provinces', '-f', 'md']));
  });

  it('completion scripts', async () => {
    for (const sh of ['bash', 'zsh', 'fish']) {
      const r = await run(['completion', sh]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('breakdown');
      expectGolden(`completion/${sh}`, ['completion', sh], r);
    }
    expect((await run(['completion', 'powershell'])).code).toBe(2);
  });

  it('a config file sets defaults, flags override it, unknown keys are refused', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'jamsostek.json'), JSON.stringify({ format: 'json', method: 'hamilton', denominator: 'potential_workers' }));
    const r = await run(['breakdown', '--year', '2024'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.meta.method).toBe('hamilton');
    expect(doc.meta.denominator).toBe('potential_workers');
    expect((await run(['breakdown', '--year', '2024', '--method', 'webster'], { cwd: dir })).stdout).toContain('"method": "webster"');
    writeFileSync(join(dir, 'jamsostek.json'), JSON.stringify({ format: 'json', exec: 'rm -rf /' }));
    const bad = await run(['breakdown', '--year', '2024'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('config: unknown key "exec"');
  });

  it('every command has EXAMPLES in --help', async () => {
    for (const c of ['breakdown', 'coverage', 'validate', 'provinces', 'template', 'completion']) {
      const r = await run([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
    }
    expect((await run(['--help'])).stdout).toContain('Examples:');
  });
});

describe('output safety', () => {
  it('an existing output file survives a failed run unchanged, and no temporary file is left', async () => {
    const dir = tmp();
    const out = join(dir, 'report.csv');
    writeFileSync(out, 'previous report\n');
    const r = await run(['coverage', 'test/fixtures/bad/ragged.csv', '-o', out]);
    expect(r.code).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe('previous report\n');
    const infeasible = await run(['breakdown', '--target', '1', '-o', out]);
    expect(infeasible.code).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe('previous report\n');
    expect(readdirSync(dir)).toEqual(['report.csv']);
  });

  it('an output path equal to an input path is refused (exit 4)', async () => {
    const dir = tmp();
    const f = join(dir, 'in.csv');
    copyFileSync(join(ROOT, 'test/fixtures/good/provinces-2024-06.csv'), f);
    const before = readFileSync(f, 'utf8');
    const r = await run(['coverage', f, '-o', f]);
    expect(r.code).toBe(4);
    expect(readFileSync(f, 'utf8')).toBe(before);
  });

  it('an unwritable folder exits 4', async () => {
    const r = await run(['breakdown', '--year', '2024', '-o', '/nonexistent-folder/x.csv']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('cannot write (ENOENT)');
    expect(existsSync('/nonexistent-folder')).toBe(false);
  });

  it('piped output never contains an escape character, even with FORCE_COLOR unset', async () => {
    for (const args of [['breakdown', '--year', '2024', '-f', 'table'], ['coverage', '--year', '2024', '-f', 'table', '--chart'], ['breakdown', '--year', '2024']]) {
      const r = await run(args, { env: { NO_COLOR: '', TERM: 'xterm-256color' } });
      expect(r.stdout).not.toContain('\u001b');
      expect(r.stderr).not.toContain('\u001b');
    }
    const forced = await run(['breakdown', '--year', '2024', '-f', 'table', '--color', 'always']);
    expect(forced.stdout).toContain('\u001b[');
  });

  it('a closed pipe (| head) exits quietly', async () => {
    const r = spawnSync('bash', ['-c', `node bin/jamsostek.js breakdown --year 2024 --months -f csv | head -1; echo "status \${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toContain('status 0');
    expect(r.stderr).not.toMatch(/EPIPE|Error|internal/);
  });
});
