// rv25 F3 and M4: --max and --max-coverage both cap a unit's target, the smaller wins, and --max none
// lifts only --max's own cap. Before, --max-coverage was dropped without a word whenever --max was given
// (none, a number or a column; typed or from jamsostek.json), in breakdown and coverage --year: Papua
// Barat was planned at 818 % of its employed, exit 0, and --compare max-coverage=0.8,0.9 beside "max":
// "none" printed two identical columns and "no provinces change".
// Every expected figure below is computed here from data/baseline.csv, by hand, not by the tool.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, ROOT, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Province {
  readonly name: string;
  readonly employed: bigint;
  readonly potential: bigint;
  readonly participants: bigint;
}

const baseline: Province[] = (() => {
  const [head, ...lines] = readFileSync(join(ROOT, 'data', 'baseline.csv'), 'utf8').trim().split('\n');
  const cols = head!.split(',');
  const at = (name: string): number => cols.indexOf(name);
  return lines.map((line) => {
    const f = line.split(',');
    return { name: f[at('province')]!, employed: BigInt(f[at('employed')]!), potential: BigInt(f[at('potential_workers')]!), participants: BigInt(f[at('participants')]!) };
  });
})();
const papuaBarat = baseline.find((p) => p.name === 'Papua Barat')!;
/** ⌊share × employed⌋ for a share num/den. */
const ofEmployed = (p: Province, num: bigint, den: bigint): bigint => (p.employed * num) / den;
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);
const sum = (xs: bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);
const grouped = (x: bigint): string => x.toLocaleString('en-US');
const row = (text: string, province: string): Record<string, string> => csvRows(text).find((r) => r.province === province)!;

describe('--max and --max-coverage together (rv25 F3)', () => {
  const level = ['--mode', 'level', '--basis', 'equal'];

  it('hand figures: Papua Barat employs 283,175; 90 % of it is 254,857', () => {
    expect(papuaBarat.employed).toBe(283175n);
    expect(ofEmployed(papuaBarat, 9n, 10n)).toBe(254857n);
  });

  it('--max none typed beside --max-coverage is refused: it would lift nothing (exit 2)', async () => {
    const r = await run(['breakdown', '--target', '100000000', ...level, '--max-coverage', '0.9', '--max', 'none', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("--max would have no effect: --max-coverage caps each target at 90 % of its denominator, and --max none lifts only --max's own cap");
    expect(r.stderr).toContain('leave out --max-coverage');
    const id = await run(['breakdown', '--target', '100000000', ...level, '--max-coverage', '0.9', '--max', 'none', '--lang', 'id']);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('--max tidak berpengaruh: --max-coverage membatasi setiap target pada 90 % dari penyebutnya');
    const cov = await run(['coverage', '--year', '2026', '--max-coverage', '0.9', '--max', 'none', '-f', 'csv']);
    expect(cov.code).toBe(2);
    expect(cov.stderr).toContain('--max would have no effect');
  });

  it('--max none typed under a config "maxCoverage" is refused, naming the config key and how to lift it', async () => {
    const cfg = join(dir, 'share');
    mkdirSync(cfg, { recursive: true });
    writeIn(cfg, 'jamsostek.json', JSON.stringify({ maxCoverage: '0.9', mode: 'level', basis: 'equal' }));
    for (const args of [['breakdown', '--target', '100000000'], ['coverage', '--year', '2026']]) {
      const r = await run([...args, '--max', 'none', '-f', 'csv'], { cwd: cfg });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('"maxCoverage" in ./jamsostek.json caps each target at 90 % of its denominator');
      expect(r.stderr).toContain('remove "maxCoverage" from ./jamsostek.json');
    }
  });

  it('"max": "none" with "maxCoverage" in the config: the share still caps Papua Barat at 254,857, and a note says so (breakdown and coverage --year)', async () => {
    const cfg = join(dir, 'both');
    mkdirSync(cfg, { recursive: true });
    writeIn(cfg, 'jamsostek.json', JSON.stringify({ maxCoverage: '0.9', max: 'none', mode: 'level', basis: 'equal' }));
    const b = await run(['breakdown', '--target', '80000000', '-f', 'csv'], { cwd: cfg });
    expect(b.code, b.stderr).toBe(0);
    const pb = row(b.stdout, 'Papua Barat');
    expect(pb.max).toBe(String(ofEmployed(papuaBarat, 9n, 10n)));
    expect(BigInt(pb.target!)).toBeLessThanOrEqual(ofEmployed(papuaBarat, 9n, 10n));
    expect(b.stderr).toContain("note: --max none lifts only --max's own cap: --max-coverage (or \"maxCoverage\" of a jamsostek.json) still caps every target at 90 % of its employed");
    // Every province: at most max(today, ⌊0.9 × employed⌋).
    for (const p of baseline) expect(BigInt(row(b.stdout, p.name).target!), p.name).toBeLessThanOrEqual(max(p.participants, ofEmployed(p, 9n, 10n)));

    const c = await run(['coverage', '--year', '2026', '-f', 'csv'], { cwd: cfg });
    expect(c.code, c.stderr).toBe(0);
    // 818 % before (a target of 2,317,699 under --target 100,000,000; 1,388,338 under --year 2026).
    expect(BigInt(row(c.stdout, 'Papua Barat').target!)).toBeLessThanOrEqual(254857n);
    expect(Number(row(c.stdout, 'Papua Barat').target_coverage)).toBeLessThanOrEqual(0.9);
    expect(c.stderr).toContain("--max none lifts only --max's own cap");
  });

  it('--compare max-coverage=0.8,0.9 beside a config "max": "none": the columns differ by the share (Papua Barat 226,540 and 254,857)', async () => {
    const cfg = join(dir, 'compare');
    mkdirSync(cfg, { recursive: true });
    writeIn(cfg, 'jamsostek.json', JSON.stringify({ max: 'none', mode: 'level', basis: 'equal' }));
    const r = await run(['breakdown', '--target', '80000000', '--compare', 'max-coverage=0.8,0.9', '-f', 'csv'], { cwd: cfg });
    expect(r.code, r.stderr).toBe(0);
    const pb = row(r.stdout, 'Papua Barat');
    // Papua Barat (equal basis, 80 M over 38) would take far more than either share: it stops at each.
    expect(pb.target_max_coverage_0_8).toBe(String(ofEmployed(papuaBarat, 8n, 10n)));
    expect(pb.target_max_coverage_0_9).toBe(String(ofEmployed(papuaBarat, 9n, 10n)));
    expect(ofEmployed(papuaBarat, 8n, 10n)).toBe(226540n);
    expect(r.stderr).not.toContain('no provinces change');
    // Typed, the same comparison (every compared value a share) refuses --max none as lifting nothing.
    const typed = await run(['breakdown', '--target', '80000000', ...level, '--max', 'none', '--compare', 'max-coverage=0.8,0.9', '-f', 'csv']);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain('every value of --compare max-coverage (0.8, 0.9) caps each target at that share of its denominator');
    // With max-coverage=none among the values, --max none does lift a cap there: accepted.
    const lifted = await run(['breakdown', '--target', '80000000', ...level, '--max', 'none', '--compare', 'max-coverage=none,0.9', '-f', 'csv']);
    expect(lifted.code, lifted.stderr).toBe(0);
    expect(BigInt(row(lifted.stdout, 'Papua Barat').target_max_coverage_none!)).toBeGreaterThan(papuaBarat.employed);
  });

  it('--max potential_workers --max-coverage 0.9: each upper bound is the smaller of the column and 90 % of employed', async () => {
    const room = sum(baseline.map((p) => max(p.participants, min(p.potential, ofEmployed(p, 9n, 10n)))));
    expect(room).toBe(94884641n); // the --max column alone: 95,856,641 (rv25)
    const r = await run(['breakdown', '--target', '100000000', ...level, '--max-coverage', '0.9', '--max', 'potential_workers', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`can take at most ${grouped(room)} between them`);
    expect(r.stderr).toContain('raise both --max and --max-coverage, now 90 %: each target is at most the smaller of the two');
  });

  it('--max 300000 --max-coverage 0.9: the smaller of the two, unit by unit (42,924,204 in all; feasible below it)', async () => {
    const cap = (p: Province): bigint => min(300000n, ofEmployed(p, 9n, 10n));
    const room = sum(baseline.map((p) => max(p.participants, cap(p))));
    expect(room).toBe(42924204n); // --max 300000 alone: 43,007,425 (rv25)
    const over = await run(['breakdown', '--target', '100000000', ...level, '--max-coverage', '0.9', '--max', '300000']);
    expect(over.code).toBe(3);
    expect(over.stderr).toContain(`can take at most ${grouped(room)} between them`);
    const r = await run(['breakdown', '--target', '42000000', ...level, '--max-coverage', '0.9', '--max', '300000', '-f', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout).filter((x) => x.province !== 'Total' && x.province_code !== '');
    expect(rows).toHaveLength(38);
    for (const p of baseline) {
      const got = row(r.stdout, p.name);
      expect(BigInt(got.target!), p.name).toBeLessThanOrEqual(max(p.participants, cap(p)));
      expect(got.max, p.name).toBe(String(max(p.participants, cap(p))));
    }
    // Papua Barat: 254,857 (the share) is below 300,000.
    expect(row(r.stdout, 'Papua Barat').max).toBe('254857');
    expect(sum(rows.map((x) => BigInt(x.target!)))).toBe(42000000n);
  });

  it('the rule in words says both caps (meta.variants[].words)', async () => {
    const out = join(dir, 'words.json');
    const r = await run(['breakdown', '--target', '42000000', ...level, '--max-coverage', '0.9', '--compare', 'max=300000,none', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const words = (JSON.parse(readFileSync(out, 'utf8')) as { meta: { variants: { words: { en: string; id: string } }[] } }).meta.variants.map((v) => v.words);
    expect(words[0]!.en).toContain('at most the smaller of 300,000 and 90 % of its employed population');
    expect(words[0]!.id).toContain('paling banyak yang lebih kecil dari 300.000 dan 90 % dari penduduk bekerja-nya');
    expect(words[1]!.en).toContain('at most 90 % of its employed population');
  });
});

describe('the way to raise the upper bounds, as the rule allows (rv25 M4)', () => {
  it('the default cap (the denominator): --max none, not --max-coverage, which can only lower it', async () => {
    const r = await run(['breakdown', '--year', '2026', '--denominator', 'formal_employed']);
    expect(r.code).toBe(3);
    const hint = r.stderr.split('\n').find((l) => l.includes('hint:'))!;
    expect(hint).toContain('--max none');
    expect(hint).not.toContain('--max-coverage');
  });

  it('a share below the target: raise --max-coverage or leave it out', async () => {
    const r = await run(['breakdown', '--year', '2026', '--max-coverage', '0.3']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('raise --max-coverage, now 30 %, or leave it out: the cap is then the denominator, which --max none lifts');
  });

  it('at a level where the share does not apply (segments: no employed per segment), the way out is --max alone', async () => {
    const r = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--max-coverage', '0.9', '--max', '3000000']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the 4 segment units can take at most');
    expect(r.stderr).toContain('or raise the upper bounds (raise --max, or --max none)');
  });

  it("a --min above a unit's share: the refusal names the share and the way out is the share, not --max none", async () => {
    // Papua Barat: 50 % of 283,175 employed is 141,587, below --min 300000 (the first such province in the file's order is named).
    const first = baseline.find((p) => ofEmployed(p, 1n, 2n) < 300000n)!;
    const r = await run(['breakdown', '--target', '60000000', '--mode', 'level', '--min', '300000', '--max-coverage', '0.5']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${first.name}: its lower bound 300,000 (--min 300000) is above its upper bound ${grouped(ofEmployed(first, 1n, 2n))} (--max-coverage 0.5 of employed)`);
    expect(r.stderr).toContain('raise --max-coverage (or leave it out)');
    expect(r.stderr).not.toContain('with --max none');
  });
});
