// Journey (hx5): an office compares three plans for the same June with `coverage --targets A
// --compare-targets B --compare-targets C`. Every expected target, gap and status under each plan, and
// each plan's difference from the first, is worked out here by hand from the files the test writes
// (four provinces), by the rule README states — milestone = baseline + (target − baseline) × months
// gone / months of the path; achieved ≥ target, on-track ≥ milestone, at-risk ≥ 95 % of it, else behind —
// never with the tool's functions. The figures are chosen so that every milestone is whole.
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const MONTH = '2024-06';
const PARTICIPANTS = new Map([['Aceh', 300_000], ['Bali', 400_000], ['Gorontalo', 240_000], ['Maluku', 120_000]]);
const WORKFORCE = new Map([['Aceh', 1_000_000], ['Bali', 800_000], ['Gorontalo', 400_000], ['Maluku', 500_000]]);

interface Plan { readonly file: string; readonly baseline: string; readonly rows: ReadonlyMap<string, { base: number; target: number }> }

const PLANS: readonly Plan[] = [
  { file: 'rencana-a.csv', baseline: '2023-12', rows: new Map([['Aceh', { base: 280_000, target: 400_000 }], ['Bali', { base: 380_000, target: 440_000 }], ['Gorontalo', { base: 220_000, target: 260_000 }], ['Maluku', { base: 90_000, target: 110_000 }]]) },
  { file: 'rencana-b.csv', baseline: '2023-12', rows: new Map([['Aceh', { base: 280_000, target: 320_000 }], ['Bali', { base: 380_000, target: 400_000 }], ['Gorontalo', { base: 220_000, target: 300_000 }], ['Maluku', { base: 90_000, target: 150_000 }]]) },
  // A revision planned from March: 3 of its 9 months are gone by June.
  { file: 'rencana-c.csv', baseline: '2024-03', rows: new Map([['Aceh', { base: 290_000, target: 380_000 }], ['Bali', { base: 390_000, target: 420_000 }], ['Gorontalo', { base: 230_000, target: 266_000 }], ['Maluku', { base: 100_000, target: 127_000 }]]) },
];

const monthsBetween = (a: string, b: string): number => (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5)) - Number(a.slice(5));

/** The milestone of June on the even path from the plan's baseline to December 2024. */
function milestone(plan: Plan, base: number, target: number): number {
  const gone = monthsBetween(plan.baseline, MONTH);
  const all = monthsBetween(plan.baseline, '2024-12');
  const m = base + ((target - base) * gone) / all;
  expect(Number.isInteger(m)).toBe(true); // the test's figures are chosen so
  return m;
}

function status(p: number, target: number, ms: number): string {
  if (p >= target) return 'achieved';
  if (p >= ms) return 'on-track';
  return p * 100 >= ms * 95 ? 'at-risk' : 'behind';
}

/** By hand: each province's and the Total's target, gap and status under one plan. */
function expected(plan: Plan): Map<string, { target: number; gap: number; status: string }> {
  const out = new Map<string, { target: number; gap: number; status: string }>();
  let target = 0;
  let ms = 0;
  let p = 0;
  for (const [province, r] of plan.rows) {
    const have = PARTICIPANTS.get(province)!;
    const m = milestone(plan, r.base, r.target);
    out.set(province, { target: r.target, gap: r.target - have, status: status(have, r.target, m) });
    target += r.target;
    ms += m;
    p += have;
  }
  // The Total compares the sums: participants with the sum of targets and of milestones.
  out.set('Total', { target, gap: target - p, status: status(p, target, ms) });
  return out;
}

function files(): string {
  const dir = tmp();
  writeIn(dir, 'juni.csv', `period,province,workforce,participants\n${[...PARTICIPANTS].map(([k, v]) => `${MONTH},${k},${WORKFORCE.get(k)},${v}`).join('\n')}\n`);
  for (const plan of PLANS) {
    writeIn(dir, plan.file, `province,period,year,participants,target\n${[...plan.rows].map(([k, r]) => `${k},${plan.baseline},2024,${r.base},${r.target}`).join('\n')}\n`);
  }
  return dir;
}

describe('journey: three plans side by side for June 2024', () => {
  it('each plan\'s target, gap and status, and B\'s and C\'s difference from A, as worked out by hand', async () => {
    const cwd = files();
    const r = await run(['coverage', 'juni.csv', '--targets', 'rencana-a.csv', '--compare-targets', 'rencana-b.csv', '--compare-targets', 'rencana-c.csv', '-f', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => x['province'])).toEqual(['Aceh', 'Bali', 'Gorontalo', 'Maluku', 'Total']);
    const [a, b, c] = PLANS.map(expected) as [ReturnType<typeof expected>, ReturnType<typeof expected>, ReturnType<typeof expected>];
    for (const row of rows) {
      const name = row['province']!;
      for (const [label, e] of [['rencana_a', a], ['rencana_b', b], ['rencana_c', c]] as const) {
        const want = e.get(name)!;
        expect([row[`target_${label}`], row[`gap_${label}`], row[`status_${label}`]], `${name} ${label}`).toEqual([String(want.target), String(want.gap), want.status]);
      }
      // The difference from the first plan, like for like (every plan has a target for every row).
      for (const [label, e] of [['rencana_b', b], ['rencana_c', c]] as const) {
        const diff = e.get(name)!.target - a.get(name)!.target;
        expect(row[`diff_${label}`], `${name} diff ${label}`).toBe(String(diff));
        expect(Number(row[`diff_pct_${label}`])).toBeCloseTo(diff / a.get(name)!.target, 6);
      }
      const p = name === 'Total' ? [...PARTICIPANTS.values()].reduce((x, y) => x + y, 0) : PARTICIPANTS.get(name)!;
      const d = name === 'Total' ? [...WORKFORCE.values()].reduce((x, y) => x + y, 0) : WORKFORCE.get(name)!;
      expect(row['participants']).toBe(String(p));
      expect(Number(row['coverage'])).toBeCloseTo(p / d, 6);
    }
    // The statuses the figures were chosen to show, as a reader checks them: all four under the plans.
    expect(rows.slice(0, 4).map((x) => [x['status_rencana_a'], x['status_rencana_b'], x['status_rencana_c']])).toEqual([
      ['behind', 'on-track', 'behind'],
      ['at-risk', 'achieved', 'on-track'],
      ['on-track', 'behind', 'at-risk'],
      ['achieved', 'on-track', 'on-track'],
    ]);
    // Plan A's Total gap nets Maluku's 10,000 above its target against the 160,000 the others lack.
    expect(r.stderr).toContain("note: [rencana-a.csv] the Total's gap (150,000) is net: of the 4 targets it adds up (per province), 1 is exceeded by 10,000 in all, which offsets the 3 short by 160,000 in all");
  });

  it('each plan alone gives the same target, gap and status (and its milestone) as in the comparison', async () => {
    const cwd = files();
    for (const plan of PLANS) {
      const r = await run(['coverage', 'juni.csv', '--targets', plan.file, '-f', 'csv'], { cwd });
      expect(r.code, r.stderr).toBe(0);
      const want = expected(plan);
      for (const row of csvRows(r.stdout)) {
        const e = want.get(row['province']!)!;
        expect([row['target'], row['gap'], row['status']], `${plan.file} ${row['province']}`).toEqual([String(e.target), String(e.gap), e.status]);
        if (row['level'] === 'detail') {
          const x = plan.rows.get(row['province']!)!;
          expect(row['milestone']).toBe(String(milestone(plan, x.base, x.target)));
        }
      }
    }
  });
});
