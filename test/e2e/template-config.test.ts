// template takes --lang and --code-system as every command does, from the flag or the config (review
// rv25 F15, F9): it refused --lang and ignored the config's "lang"; under an office's "codeSystem":
// "bps" it wrote Kemendagri codes, and the template filled in was refused by validate under the same
// config (its six Papua rows). Each test failed on main at 1ff05be.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

describe('template speaks the office\'s language (rv25 F15)', () => {
  it('--lang id, and "lang": "id" in the config: the notes are Indonesian', async () => {
    const typed = await run(['template', '--period', '2024-06', '--province', 'Gorontalo', '--lang', 'id'], { cwd: tmp() });
    expect(typed.code).toBe(0);
    expect(typed.stderr).toContain('note: isi workforce');
    const cwd = tmp();
    writeFileSync(join(cwd, 'jamsostek.json'), '{ "lang": "id" }');
    const config = await run(['template', '--period', '2024-06', '--province', 'Gorontalo'], { cwd });
    expect(config.code).toBe(0);
    expect(config.stderr).toContain('note: isi workforce');
  });
});

describe('template writes the codes of the office\'s code system (rv25 F9)', () => {
  it('"codeSystem": "bps": Papua Barat is 91 (BPS), Papua 94; filled in, validate under the same config accepts it', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'jamsostek.json'), '{ "codeSystem": "bps", "period": "2024-06" }');
    const r = await run(['template', '-o', 'tpl.csv'], { cwd });
    expect(r.code).toBe(0);
    const text = readFileSync(join(cwd, 'tpl.csv'), 'utf8');
    // BPS: 91 Papua Barat, 94 Papua (Kemendagri: 92 and 91); Gorontalo is 75 in both
    expect(text).toContain('\n91,Papua Barat,2024-06,,\n');
    expect(text).toContain('\n94,Papua,2024-06,,\n');
    expect(text).toContain('\n75,Gorontalo,2024-06,,\n');
    writeFileSync(join(cwd, 'filled.csv'), text.replace(/,,\n/g, ',1000,100\n'));
    const v = await run(['validate', 'filled.csv', '-f', 'csv'], { cwd });
    expect(v.stderr).toBe('note: using defaults from ./jamsostek.json\n');
    expect(v.code).toBe(0);
  });

  it('--code-system bps typed: the note gives the next step with the flag', async () => {
    const r = await run(['template', '--period', '2024-06', '--code-system', 'bps'], { cwd: tmp() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\n91,Papua Barat,2024-06,,\n');
    expect(r.stderr).toContain('then: jamsostek validate <file> --code-system bps');
  });
});
