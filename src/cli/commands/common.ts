/** Options every command accepts, declared once so each command's --help lists them. */
import { Command } from 'commander';

export function command(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .option('-w, --workspace <dir>', 'workspace folder (default: $STRA_WORKSPACE or ./workspace)')
    .option('--json', 'print JSON (the default when stdout is not a terminal)');
}

export function listOption(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}
