// rv35 D4, D7, D8, D10: what a reader says of a cell or a plan is one thing in every form. Each failed on
// main at 8c2fc30.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const june = readFileSync(join(ROOT, 'examples', 'sulama-2024', '2024-06.csv'), 'utf8');

describe('rv35 D4: breakdown --year targets read by a report on potential_workers, in every form', () => {
  it('name the bundled baseline\'s employed as the plan\'s figures, never "this report\'s employed"', async () => {
    const sub = join(dir, 'd4');
    mkdirSync(sub);
    expect((await run(['breakdown', '--year', '2024', '--by', 'province', '-q', '-o', 'plan.csv', '-o', 'plan.json', '-o', 'plan.xlsx'], { cwd: sub })).code).toBe(0);
    writeFileSync(join(sub, 'jun.csv'), june);
    for (const plan of ['plan.csv', 'plan.json', 'plan.xlsx']) {
      const r = await run(['coverage', 'jun.csv', '--targets', plan, '-q', '-f', 'csv'], { cwd: sub });
      expect(r.code, r.stderr).toBe(0);
      // data/baseline.csv: Sulawesi Utara employed 1,250,000; the June file (no employed column) potential_workers 780,666.
      expect(r.stderr, plan).toContain(`warning: the targets (${plan}) were planned on other denominator figures than the potential_workers this report's coverage is on, for 8 of 8 provinces: Sulawesi Utara 1,250,000 in the plan, 780,666 here;`);
      expect(r.stderr, plan).toContain("(the plan's figures are the bundled baseline's employed, data/baseline.csv: the targets were split by employed)");
      expect(r.stderr, plan).not.toContain('reports on them');
    }
    // A plan that says employed, with figures that are neither the report's nor the bundled baseline's.
    const json = JSON.parse(readFileSync(join(sub, 'plan.json'), 'utf8'));
    for (const row of json.rows) row.denominator += 1;
    delete json.totals;
    delete json.subtotals;
    writeFileSync(join(sub, 'other.json'), JSON.stringify(json));
    const o = await run(['coverage', 'jun.csv', '--targets', 'other.json', '-q', '-f', 'csv'], { cwd: sub });
    expect(o.stderr).toContain("(the plan's figures are employed, as other.json says: neither this report's nor the bundled baseline's)");
    const id = await run(['coverage', 'jun.csv', '--targets', 'plan.json', '-q', '-f', 'csv', '--lang', 'id'], { cwd: sub });
    expect(id.stderr).toContain('angka rencana adalah employed baseline bawaan, data/baseline.csv: target dibagi menurut employed');
  });
});
