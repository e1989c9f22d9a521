// The command table: names and one-line descriptions, cheap to load. cli.ts fully registers (and so
// imports) only the command being run; the others appear in the top-level help from this table.
// This keeps `jamsostek --help` and each command's start-up free of the other commands' modules.

import type { Command } from 'commander';
import type { Io } from '../io/terminal.js';

export interface CommandEntry {
  readonly description: string;
  readonly args?: string;
  readonly load: () => Promise<(program: Command, io: () => Io) => void>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  breakdown: {
    description: 'split a national target into exact integer targets per province, segment, regency… (and month)',
    load: async () => (await import('./breakdown.js')).registerBreakdown,
  },
  coverage: {
    description: 'coverage-gap report: coverage, gap to target, progress, month-on-month change, run-rate needed',
    args: '[files...]',
    load: async () => (await import('./coverage.js')).registerCoverage,
  },
  validate: {
    description: 'check input files and list every problem as file:line:column (exit 3 if any); writes nothing',
    args: '<files...>',
    load: async () => (await import('./validate.js')).registerValidate,
  },
  provinces: {
    description: 'list the 38 provinces: Kemendagri and BPS codes, names, aliases, regional office (Kanwil)',
    load: async () => (await import('./provinces.js')).registerProvinces,
  },
  template: {
    description: 'write an empty input file: the right headers and one row per province (or per segment/sector of one province)',
    load: async () => (await import('./template.js')).registerTemplate,
  },
  completion: {
    description: 'print a shell completion script',
    args: '<shell>',
    load: async () => (await import('./completion.js')).registerCompletion,
  },
};
