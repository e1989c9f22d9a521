// The man page is built from the same help as --help: every command and every flag is in it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, buildProgram } from '../../src/cli.js';
import { ROOT, run } from './helpers.js';

describe('the man page', () => {
  const page = join(ROOT, 'man', 'jamsostek.1');
  it('lists every command with every flag and its examples', async () => {
    expect(existsSync(page), 'npm run build writes man/jamsostek.1').toBe(true);
    const text = readFileSync(page, 'utf8');
    const io = () => ({ stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: ROOT, now: () => new Date(0) });
    const program = await buildProgram(io, [...COMMANDS.keys()]);
    for (const cmd of program.commands) {
      if (!COMMANDS.has(cmd.name())) continue;
      expect(text).toContain(`.SS ${cmd.name()}`);
      for (const o of cmd.options) expect(text, `${cmd.name()} ${o.long}`).toContain(`.B ${o.flags.replace(/-/g, '\\-')}`);
    }
    expect(text).toContain('jamsostek breakdown \\-\\-year 2024');
    expect(text).toContain('.SH EXIT STATUS');
  });

  it('renders without warnings', () => {
    const man = spawnSync('man', ['--warnings', '-l', page], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat' } });
    if (man.error) throw new Error('man is needed to check the man page (Debian: man-db)');
    expect(man.status).toBe(0);
    expect(man.stderr).toBe('');
    expect(man.stdout).toContain('EXIT STATUS');
  });

  it('lists every exit code the README lists (review rv15: 129 was left out)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const from = readme.indexOf('| code | meaning |', readme.indexOf('## Exit codes'));
    const table = readme.slice(from, readme.indexOf('\n\n', from));
    const codes = [...table.matchAll(/^\| ([\d /]+) \|/gm)].flatMap((m) => m[1]!.split('/').map((c) => c.trim()));
    expect(codes).toContain('129');
    const status = readFileSync(page, 'utf8').split('.SH EXIT STATUS')[1]!.split('.SH ')[0]!;
    const listed = new Set([...status.matchAll(/^\.B ([\d, ]+)$/gm)].flatMap((m) => m[1]!.split(',').map((c) => c.trim())));
    for (const c of codes) expect(listed, `exit ${c}`).toContain(c);
  });
});

describe('help texts that are about the command they are shown for (review rv15)', () => {
  it("template --help does not say --period defaults to the input's latest month: template reads no input", async () => {
    const r = await run(['template', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/for template, this month/);
  });
});
