// jamsostek completion <shell> — completion scripts for bash, zsh and fish, generated from the flag
// table: every command's flags (long and short), the values of every flag that has choices or usual
// words (--by: province, regency, …), files for the flags that take one, and nothing for a value to be
// typed (--year, --fields): offering file names there would only mislead.

import type { Command } from 'commander';
import { clipValue } from '../core/clip.js';
import { usage } from '../errors.js';
import type { Io } from '../io/terminal.js';
import { FLAGS, type FlagDef } from '../options/flags.js';

export const EXAMPLES = `
Examples:
  $ jamsostek completion bash > /etc/bash_completion.d/jamsostek
  $ jamsostek completion zsh > "\${fpath[1]}/_jamsostek"
  $ jamsostek completion fish > ~/.config/fish/completions/jamsostek.fish
`;

let program: Command | undefined;

export function configure(cmd: Command): void {
  program = cmd.parent ?? undefined;
}

interface Cmd {
  readonly name: string;
  readonly description: string;
  /** It takes files as its arguments (coverage, validate): completed with file names in every shell. */
  readonly files: boolean;
  readonly flags: { long: string; short?: string; help: string; values?: readonly string[]; file: boolean; arg: boolean; repeatable: boolean }[];
}

const BY_NAME = new Map<string, FlagDef<unknown>>(Object.values(FLAGS).map((f) => [f.name, f as FlagDef<unknown>]));

function commandsOf(p: Command): Cmd[] {
  return p.commands
    .filter((c) => c.name() !== 'help')
    .map((c) => ({
      name: c.name(),
      description: c.description(),
      files: c.name() !== 'completion' && c.registeredArguments.length > 0,
      flags: c.options.map((o) => {
        const long = (o.long ?? '').replace(/^--/, '');
        const f = BY_NAME.get(long);
        const words = Array.isArray(f?.complete) ? (f.complete as readonly string[]) : undefined;
        return { long, short: o.short?.replace(/^-/, ''), help: f?.help ?? o.description, values: f?.choices ?? words, file: f?.complete === 'file', arg: Boolean(f?.arg), repeatable: f?.repeatable === true };
      }),
    }));
}

const q = (s: string): string => s.replace(/'/g, '');

export function completionScript(p: Command, shell: string): string {
  const cmds = commandsOf(p);
  const all = cmds.flatMap((c) => c.flags);
  // Every flag that takes a value, once, with what completes it: its words, file names, or nothing.
  const valued = new Map<string, { short?: string; values?: readonly string[]; file: boolean }>();
  for (const f of all) if (f.arg || f.values) valued.set(f.long, { short: f.short, values: f.values, file: f.file });
  if (shell === 'bash') {
    const reply = (v: { values?: readonly string[]; file: boolean }): string =>
      v.values ? `COMPREPLY=( $(compgen -W "${v.values.join(' ')}" -- "$cur") )` : v.file ? 'COMPREPLY=( $(compgen -f -- "$cur") )' : 'COMPREPLY=()';
    const prevCases = [...valued].map(([long, v]) => `    ${v.short ? `-${v.short}|` : ''}--${long}) ${reply(v)}; return ;;`).join('\n');
    const cases = cmds.filter((c) => c.name !== 'completion').map((c) => `    ${c.name}) opts="${c.flags.flatMap((f) => (f.short ? [`-${f.short}`, `--${f.long}`] : [`--${f.long}`])).join(' ')}" ;;`).join('\n');
    return `# bash completion for jamsostek (generated from its flag table)
_jamsostek() {
  local cur prev cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${cmds.map((c) => c.name).join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "$prev" in
${prevCases}
  esac
  case "$cmd" in
${cases}
    completion) COMPREPLY=( $(compgen -W "bash zsh fish" -- "$cur") ); return ;;
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts --help" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o filenames -F _jamsostek jamsostek
`;
  }
  if (shell === 'zsh') {
    const sub = cmds.map((c) => `    '${c.name}:${q(c.description)}'`).join('\n');
    const spec = (f: Cmd['flags'][number]): string => {
      const action = f.values ? `:${f.long}:(${f.values.join(' ')})` : f.file ? `:${f.long}:_files` : f.arg ? `:${f.long}:` : '';
      // A flag that may repeat (-o a.xlsx -o a.csv) is offered again: zsh's `*`, without the exclusion list.
      const names = f.repeatable ? (f.short ? `'*'{-${f.short},--${f.long}}'` : `'*--${f.long}`) : f.short ? `'(-${f.short} --${f.long})'{-${f.short},--${f.long}}'` : `'--${f.long}`;
      return `${names}[${q(f.help).replace(/[[\]:]/g, ' ')}]${action}'`;
    };
    const cases = cmds.map((c) => `    ${c.name}) _arguments ${c.flags.map(spec).join(' ')} ${c.name === 'completion' ? "'1:shell:(bash zsh fish)'" : "'*:file:_files'"} ;;`).join('\n');
    return `#compdef jamsostek
# zsh completion for jamsostek (generated from its flag table)
_jamsostek() {
  local -a subcommands
  subcommands=(
${sub}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' subcommands
    return
  fi
  # Quoted, so that the empty word under the cursor stays a word (\`coverage <TAB>\` offers the files).
  words=("\${(@)words[2,-1]}"); (( CURRENT-- ))
  case "$words[1]" in
${cases}
  esac
}
_jamsostek "$@"
`;
  }
  if (shell === 'fish') {
    const lines = ['# fish completion for jamsostek (generated from its flag table)', 'complete -c jamsostek -f'];
    for (const c of cmds) {
      lines.push(`complete -c jamsostek -n '__fish_use_subcommand' -a ${c.name} -d '${q(c.description)}'`);
      // The files that are the command's input: -F overrides the -f above for this command.
      if (c.files) lines.push(`complete -c jamsostek -n '__fish_seen_subcommand_from ${c.name}' -F`);
      for (const f of c.flags) {
        const parts = [`complete -c jamsostek -n '__fish_seen_subcommand_from ${c.name}'`, `-l ${f.long}`];
        if (f.short) parts.push(`-s ${f.short}`);
        if (f.values) parts.push(`-xa '${f.values.join(' ')}'`);
        else if (f.file) parts.push('-rF');
        else if (f.arg) parts.push('-x');
        parts.push(`-d '${q(f.help).slice(0, 80)}'`);
        lines.push(parts.join(' '));
      }
    }
    lines.push("complete -c jamsostek -n '__fish_seen_subcommand_from completion' -xa 'bash zsh fish'");
    return lines.join('\n') + '\n';
  }
  throw usage({ message: `unknown shell "${clipValue(shell)}"`, hint: 'shells: bash, zsh, fish' }, { message: `shell "${clipValue(shell)}" tidak dikenal`, hint: 'shell yang didukung: bash, zsh, fish' });
}

export async function run(args: readonly string[], _cli: Readonly<Record<string, unknown>>, io: Io): Promise<void> {
  if (!program) throw new Error('completion: no program');
  io.stdout.write(completionScript(program, args[0] ?? ''));
}
