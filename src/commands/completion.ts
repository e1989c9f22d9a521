// jamsostek completion <shell> — static completion scripts for bash, zsh and fish.

import type { Command } from 'commander';
import { usage } from '../errors.js';
import type { Io } from '../io/terminal.js';
import { COMMANDS } from './index.js';

export const COMPLETION_EXAMPLES = `
Examples:
  $ jamsostek completion bash > /etc/bash_completion.d/jamsostek
  $ jamsostek completion zsh > "\${fpath[1]}/_jamsostek"
  $ jamsostek completion fish > ~/.config/fish/completions/jamsostek.fish
`;

export function registerCompletion(program: Command, io: () => Io): void {
  program
    .command('completion')
    .description(COMMANDS['completion']!.description)
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', COMPLETION_EXAMPLES)
    .action((shell: string) => {
      io().stdout.write(completionScript(program, shell));
    });
}

function commandsOf(program: Command): { name: string; options: string[]; description: string }[] {
  return program.commands.map((c) => ({
    name: c.name(),
    description: c.description(),
    options: c.options.map((o) => o.long ?? o.short ?? '').filter(Boolean),
  }));
}

export function completionScript(program: Command, shell: string): string {
  const cmds = commandsOf(program);
  const names = cmds.map((c) => c.name).join(' ');
  const formats = 'table csv tsv json jsonl md xlsx html';
  if (shell === 'bash') {
    const cases = cmds.map((c) => `    ${c.name}) opts="${c.options.join(' ')}" ;;`).join('\n');
    return `# bash completion for jamsostek
_jamsostek() {
  local cur prev cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${names} --help --version" -- "$cur") )
    return
  fi
  case "$prev" in
    -f|--format) COMPREPLY=( $(compgen -W "${formats}" -- "$cur") ); return ;;
    --lang) COMPREPLY=( $(compgen -W "id en" -- "$cur") ); return ;;
    --method) COMPREPLY=( $(compgen -W "webster sainte-lague hamilton largest-remainder dhondt jefferson huntington-hill adams dean" -- "$cur") ); return ;;
    --mode) COMPREPLY=( $(compgen -W "gap level" -- "$cur") ); return ;;
    --number-locale) COMPREPLY=( $(compgen -W "id en auto" -- "$cur") ); return ;;
    --code-system) COMPREPLY=( $(compgen -W "kemendagri bps" -- "$cur") ); return ;;
    --color) COMPREPLY=( $(compgen -W "auto always never" -- "$cur") ); return ;;
  esac
  case "$cmd" in
${cases}
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
    const sub = cmds.map((c) => `    '${c.name}:${c.description.replace(/'/g, '')}'`).join('\n');
    const cases = cmds.map((c) => `    ${c.name}) _arguments ${c.options.map((o) => `'${o}[]'`).join(' ')} '*:file:_files' ;;`).join('\n');
    return `#compdef jamsostek
_jamsostek() {
  local -a subcommands
  subcommands=(
${sub}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' subcommands
    return
  fi
  case "$words[2]" in
${cases}
  esac
}
_jamsostek "$@"
`;
  }
  if (shell === 'fish') {
    const lines = [`# fish completion for jamsostek`, `complete -c jamsostek -f`];
    for (const c of cmds) {
      lines.push(`complete -c jamsostek -n '__fish_use_subcommand' -a ${c.name} -d '${c.description.replace(/'/g, '')}'`);
      for (const o of c.options) lines.push(`complete -c jamsostek -n '__fish_seen_subcommand_from ${c.name}' -l ${o.replace(/^--/, '')}`);
    }
    lines.push(`complete -c jamsostek -n '__fish_seen_subcommand_from breakdown coverage' -l format -xa '${formats}'`);
    return lines.join('\n') + '\n';
  }
  throw usage(`unknown shell "${shell}"`, 'shells: bash, zsh, fish');
}
