// The README's examples are true: every `jamsostek …` line of its command sections runs and succeeds,
// and its library snippet gives the results its comments say.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apportion, apportionMatrix } from '../../src/index.js';
import { ROOT, run, tmp } from './helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The shell words of a command line (single and double quotes; no variables). */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

const examples = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .map((m) => m[1]!)
  .flatMap((block) => block.split('\n'))
  .map((l) => l.trim())
  .filter((l) => /^jamsostek /.test(l))
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
