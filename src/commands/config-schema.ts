// The config file's schema (jamsostek.json): defaults for flags, by their long names in camelCase.
// Plain JSON, validated strictly: unknown keys are errors, and nothing in it can run code.
// Loaded only when a config file exists (zod costs ~100 ms of start-up).

import { z } from 'zod';

const count = z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]);
const fraction = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?%?$/)]);

export const configSchema = z
  .object({
    format: z.enum(['table', 'csv', 'tsv', 'json', 'jsonl', 'md', 'xlsx', 'html']),
    output: z.string(),
    lang: z.enum(['id', 'en']),
    color: z.enum(['auto', 'always', 'never']),
    fields: z.string(),
    csvDialect: z.enum(['rfc4180', 'excel-id']),
    chart: z.boolean(),
    numberLocale: z.enum(['id', 'en', 'auto']),
    codeSystem: z.enum(['kemendagri', 'bps']),
    delimiter: z.string().min(1).max(3),
    encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le']),
    maxErrors: count,
    allowOverCoverage: z.boolean(),
    // breakdown
    year: count,
    scenario: z.string(),
    method: z.string(),
    mode: z.enum(['gap', 'level']),
    basis: z.string(),
    denominator: z.string(),
    by: z.string(),
    min: z.union([z.string(), z.number()]),
    max: z.union([z.string(), z.number()]),
    maxCoverage: fraction,
    phasing: z.string(),
    explain: z.boolean(),
    // coverage
    targets: z.string(),
    sort: z.string(),
    top: count,
    atRiskMargin: fraction,
    failBelow: fraction,
    failOn: z.enum(['coverage', 'achievement']),
    failScope: z.enum(['any', 'total']),
    workforce: z.string(),
  })
  .partial()
  .strict();
