// Typed errors. Only src/cli.ts turns them into an exit code (the contract in the README).

export const ExitCode = {
  Ok: 0,
  ThresholdBreached: 1,
  Usage: 2,
  InputData: 3,
  Output: 4,
  Internal: 70,
  Interrupted: 130,
  Terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** One problem at one place: rendered as `file:line:column: error: message` and `  hint: …`. */
export interface Diagnostic {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
  readonly hint?: string;
  readonly severity?: 'error' | 'warning' | 'note';
  /** On the closing note of a ProblemList: how many problems were not listed. */
  readonly omitted?: number;
}

export function formatDiagnostic(d: Diagnostic): string {
  const place = [d.file, d.line, d.column].filter((x) => x !== undefined && x !== '').join(':');
  const head = `${place ? place + ': ' : ''}${d.severity ?? 'error'}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

export abstract class JamsostekError extends Error {
  abstract readonly exitCode: ExitCode;
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: Diagnostic | readonly Diagnostic[]) {
    const list = Array.isArray(diagnostics) ? (diagnostics as readonly Diagnostic[]) : [diagnostics as Diagnostic];
    super(list.map((d) => d.message).join('; '));
    this.diagnostics = list;
    this.name = new.target.name;
  }
}

/** Bad flags, option values or configuration: exit 2. */
export class UsageError extends JamsostekError {
  readonly exitCode = ExitCode.Usage;
}

/** Bad input data, or a problem that has no solution with these data: exit 3, nothing written. */
export class InputError extends JamsostekError {
  readonly exitCode = ExitCode.InputData;
}

/** The report could not be written: exit 4, any previous file left intact. */
export class OutputError extends JamsostekError {
  readonly exitCode = ExitCode.Output;
}

/** Carries the outcome of a --fail-below check after the report was written: exit 1. */
export class ThresholdBreach extends JamsostekError {
  readonly exitCode = ExitCode.ThresholdBreached;
}

export function usage(message: string, hint?: string): UsageError {
  return new UsageError({ message, hint });
}

/** Problems collected up to a limit; past it, one note says that more were not listed. */
export class ProblemList {
  private readonly items: Diagnostic[] = [];
  private dropped = 0;

  constructor(readonly limit: number) {}

  add(d: Diagnostic): void {
    if (this.items.length < this.limit) this.items.push(d);
    else this.dropped++;
  }

  /** Take over another list's problems, and its count of those it did not list. */
  addAll(ds: readonly Diagnostic[]): void {
    for (const d of ds) {
      if (d.omitted !== undefined) this.dropped += d.omitted;
      else this.add(d);
    }
  }

  get size(): number {
    return this.items.length;
  }

  get full(): boolean {
    return this.items.length >= this.limit;
  }

  /** The problems, with a closing note when some were left out. */
  list(): Diagnostic[] {
    return this.dropped > 0
      ? [...this.items, { severity: 'note', omitted: this.dropped, message: `${this.dropped} more problem${this.dropped > 1 ? 's' : ''} not listed (--max-errors ${this.limit})` }]
      : [...this.items];
  }
}
