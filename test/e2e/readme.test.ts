// The README's examples are true: every `jamsostek …` line of its command sections runs and succeeds,
// its library snippet gives the results its comments say, and its monthly job runs as it is written,
// with a command installed from a file rather than fetched by name.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apportion, apportionMatrix } from '../../src/index.js';
import { BIN, csvRows, ROOT, run, tmp } from './helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The shell words of a command line (single and double quotes; no variables). */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

const shBlocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
// Lines with shell variables belong to the monthly job's script, which runs as a whole below.
const examples = shBlocks
  .flatMap((block) => block.split('\n'))
  .map((l) => l.trim())
  .filter((l) => /^jamsostek /.test(l) && !l.includes('$'))
  .map((l) => l.replace(/\s+#.*$/, '').trim());

describe('README examples', () => {
  it('there are examples for every command section', () => {
    expect(examples.filter((e) => e.startsWith('jamsostek breakdown')).length).toBeGreaterThanOrEqual(5);
    expect(examples.filter((e) => e.startsWith('jamsostek coverage')).length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples)('%s', async (line) => {
    const dir = tmp();
    const args = words(line).slice(1);
    for (let i = 0; i < args.length; i++) if (args[i] === '-o') args[i + 1] = join(dir, args[i + 1]!);
    const r = await run(args);
    expect(r.code, r.stderr).toBe(0);
  });

  it('the library snippet', () => {
    expect(apportion([2560, 3315, 995, 5012], 20, { method: 'webster' })).toEqual([4n, 6n, 2n, 8n]);
    expect(apportion([1n, 1n, 1n], 10n ** 15n, { method: 'hamilton', max: [10n ** 14n, null, null] })).toEqual([10n ** 14n, 45n * 10n ** 13n, 45n * 10n ** 13n]);
    expect(apportionMatrix([[123, 45, 815], [912, 714, 414], [312, 255, 215]], { rowTotals: [5, 11, 4], columnTotals: [7, 5, 8], method: 'sainte-lague' })).toEqual([
      [1n, 0n, 4n],
      [4n, 4n, 3n],
      [2n, 1n, 1n],
    ]);
    expect(readme).toContain("apportion([2560, 3315, 995, 5012], 20, { method: 'webster' });          // [4n, 6n, 2n, 8n]");
  });
});

/** A `date` that takes $NOW as today (GNU date's own arithmetic for -d), in `bin`. */
function fakeDate(bin: string): void {
  const real = existsSync('/bin/date') ? '/bin/date' : '/usr/bin/date';
  writeFileSync(join(bin, 'date'), `#!/bin/sh\nif [ "$1" = "-d" ]; then exec ${real} "$@"; fi\nexec ${real} -d "$NOW" "$@"\n`, { mode: 0o755 });
}

describe("the README's install and monthly job", () => {
  it('never runs or installs jamsostek by name from the registry (npx jamsostek, npm install -g jamsostek)', () => {
    const lines = shBlocks.flatMap((b) => b.split('\n')).map((l) => l.replace(/(^|\s+)#.*$/, ''));
    expect(lines.filter((l) => /\bnpx\s+(-\S+\s+)*jamsostek\b|\bnpm\s+(i|install|exec)\b.*\sjamsostek(@\S*)?(\s|$)/.test(l))).toEqual([]);
    expect(lines).toContain('npm install -g ./jamsostek-0.2.0.tgz');
    expect(readme).toContain('`npx jamsostek` and `npm install -g jamsostek` outside a\ncheckout ask the public npm registry for a package called `jamsostek`');
  });

  it('the monthly job: its script, as written, writes the three reports of last month', async () => {
    const script = shBlocks.find((b) => b.includes('# monthly.sh'))!;
    const crontab = shBlocks.find((b) => b.includes('# crontab'))!;
    expect(crontab).toMatch(/^PATH=\/usr\/local\/bin:\/usr\/bin:\/bin$/m);
    const cronLine = crontab.split('\n').find((l) => l.startsWith('0 6 5 * * '))!;
    expect(cronLine).toContain('cd /srv/jamsostek && mkdir -p logs && ./monthly.sh >> logs/monthly.log 2>&1');
    // /srv/jamsostek: the month's files of the eight provinces of Kanwil Sulawesi Maluku (--expect),
    // a targets file, and the script. The command is installed (a link to bin/jamsostek.js, as npm
    // install -g makes) in a folder of its own on PATH; `date` takes the 5th of July 2024 as today
    // (fakeDate), so last month is June 2024 and the test does not depend on the clock.
    const srv = tmp();
    const month = '2024-06';
    mkdirSync(join(srv, 'data', month), { recursive: true });
    copyFileSync(join(ROOT, 'examples', month, 'gorontalo.csv'), join(srv, 'data', month, 'gorontalo.csv'));
    // Their potential workers are data/baseline.csv's, the figures the targets below are planned on.
    const others: [string, number, number][] = [
      ['Sulawesi Utara', 780_666, 620_000],
      ['Sulawesi Tengah', 978_084, 540_000],
      ['Sulawesi Selatan', 2_871_182, 1_700_000],
      ['Sulawesi Tenggara', 865_080, 480_000],
      ['Sulawesi Barat', 473_260, 190_000],
      ['Maluku', 485_724, 260_000],
      ['Maluku Utara', 424_131, 230_000],
    ];
    // May and June, as the Gorontalo file has: the month-on-month change is like for like.
    const lines = others.flatMap(([p, w, a]) => [`2024-05,${p},${w},${a - 1_000}`, `${month},${p},${w},${a}`]);
    writeFileSync(join(srv, 'data', month, 'others.csv'), ['period,province,potential_workers,participants', ...lines].join('\n') + '\n');
    // The targets as the README's once-a-year line writes them (rv28 R18: month by month, on the job's base).
    const yearly = shBlocks.flatMap((b) => b.split('\n')).find((l) => l.startsWith('jamsostek breakdown --year 2024 --months --denominator'))!;
    expect(yearly).toBe('jamsostek breakdown --year 2024 --months --denominator potential_workers -o targets-2024.csv');
    const planned = await run(words(yearly).slice(1), { cwd: srv });
    expect(planned.code, planned.stderr).toBe(0);
    const gTarget = csvRows(readFileSync(join(srv, 'targets-2024.csv'), 'utf8')).find((row) => row.province === 'Gorontalo' && row.period === month)!;
    writeFileSync(join(srv, 'monthly.sh'), script, { mode: 0o755 });
    const bin = join(tmp(), 'bin');
    mkdirSync(bin);
    symlinkSync(BIN, join(bin, 'jamsostek'));
    fakeDate(bin);
    // The crontab line as written (its folder this one), under cron's shell, with no logs/ folder yet
    // (rv24 G6: `>> logs/monthly.log` then failed before the job started). stdin 'ignore': on a socket
    // (Node's pipes are socket pairs) bash would read ~/.bashrc as if run by rshd.
    const command = cronLine.slice('0 6 5 * * '.length).replace('cd /srv/jamsostek', `cd '${srv}'`);
    const r = spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`, LANG: 'C', NOW: '2024-07-05 06:00' } });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(srv, 'logs', 'monthly.log'), 'utf8')).toBe('');
    expect(readdirSync(join(srv, 'out', month)).sort()).toEqual(['coverage.csv', 'coverage.html', 'coverage.xlsx']);
    // Gorontalo in June 2024 (examples/2024-06/gorontalo.csv): the regencies' active participants add up
    // to 259,626 of 422,934 potential workers (61.39 %, above the job's 30 % alert); the target and June's
    // milestone are the targets file's.
    const gorontalo = csvRows(readFileSync(join(srv, 'out', month, 'coverage.csv'), 'utf8')).find((row) => row.province === 'Gorontalo')!;
    const target = Number(gTarget.target);
    expect(gorontalo).toMatchObject({ participants: '259626', denominator: '422934', target: String(target), gap: String(target - 259626), milestone: gTarget.milestone });
  });

  it("the monthly job's month line: last month on every day, also the 29th–31st and New Year's Eve (rv24 G6)", () => {
    const script = shBlocks.find((b) => b.includes('# monthly.sh'))!;
    const lines = script.split('\n').filter((l) => /^(month|year)=/.test(l));
    expect(lines).toHaveLength(2);
    const bin = join(tmp(), 'bin');
    mkdirSync(bin);
    fakeDate(bin);
    const cases: [string, string][] = [
      ['2024-07-05 06:00', '2024-06 2024'],
      ['2026-03-29 06:00', '2026-02 2026'],
      ['2026-03-31 06:00', '2026-02 2026'],
      ['2026-05-31 06:00', '2026-04 2026'],
      ['2026-12-31 23:00', '2026-11 2026'],
      ['2025-01-05 06:00', '2024-12 2024'],
    ];
    for (const [now, want] of cases) {
      const r = spawnSync('bash', ['-c', `${lines.join('\n')}\necho "$month $year"`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: `${bin}:/usr/bin:/bin`, NOW: now, TZ: 'Asia/Jakarta' } });
      expect(r.stdout.trim(), `${now}: ${r.stderr}`).toBe(want);
    }
  });
});
