// A golden file is the expected answer: a missing one must fail the test (in CI and everywhere else),
// not be written from whatever the code prints now. UPDATE_GOLDEN=1 is the one way to write them.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectGolden, ROOT } from '../e2e/helpers.js';
import { expectRenderGolden } from '../render/golden.js';

const NAME = 'no-such-case-golden-test';
const e2eFile = join(ROOT, 'test', 'golden', `${NAME}.md`);
const renderFile = join(ROOT, 'test', 'golden', 'render', `${NAME}.md`);
const result = { stdout: 'out\n', stderr: '', code: 0 };
const rendered = { output: 'drawn\n', notes: [] };

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(e2eFile, { force: true });
  rmSync(renderFile, { force: true });
});

describe('a missing golden file', () => {
  it.each([
    ['outside CI', undefined],
    ['in CI', 'true'],
  ])('fails the test and writes nothing (%s)', (_where, ci) => {
    vi.stubEnv('UPDATE_GOLDEN', undefined);
    vi.stubEnv('CI', ci);
    expect(() => expectGolden(NAME, ['provinces'], result)).toThrow(/golden file test\/golden\/no-such-case-golden-test\.md is missing: run UPDATE_GOLDEN=1/);
    expect(existsSync(e2eFile)).toBe(false);
    expect(() => expectRenderGolden(NAME, 'a report', rendered)).toThrow(/golden file test\/golden\/render\/no-such-case-golden-test\.md is missing/);
    expect(existsSync(renderFile)).toBe(false);
  });

  it('is written with UPDATE_GOLDEN=1, and then compared', () => {
    vi.stubEnv('UPDATE_GOLDEN', '1');
    expectGolden(NAME, ['provinces'], result);
    expectRenderGolden(NAME, 'a report', rendered);
    expect(existsSync(e2eFile)).toBe(true);
    expect(existsSync(renderFile)).toBe(true);
    vi.stubEnv('UPDATE_GOLDEN', undefined);
    expectGolden(NAME, ['provinces'], result);
    expect(() => expectGolden(NAME, ['provinces'], { ...result, code: 1 })).toThrow();
    expect(() => expectRenderGolden(NAME, 'a report', { output: 'other\n', notes: [] })).toThrow();
  });
});
