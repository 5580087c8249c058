/**
 * Options shared by the analysis commands (trends, harm): which areas, which period, which
 * filters. Parsed once here so every command names a bad value the same way.
 */
import { Command } from 'commander';
export {
  parseBy,
  parseAreaFilter,
  parsePeriodKind,
  parseAt,
  parseMonthArg,
  parseFraction,
} from '../../analytics/query-text.js';

export interface AreaOptions {
  readonly by?: string;
  readonly area?: string[];
  readonly force?: string[];
  readonly category?: string[];
}

export function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

export function withAreaOptions(cmd: Command): Command {
  return cmd
    .option(
      '--area <dim=name>',
      'only this area, e.g. csp=Rugby or force=warwickshire (repeatable)',
      (v: string, p: string[] = []) => [...p, v],
    )
    .option('--force <ids>', 'only crimes reported by these forces (comma-separated police.uk ids)', collect)
    .option(
      '--category <slugs>',
      'only these categories (e.g. burglary,robbery; default every crime category, anti-social behaviour left out)',
      collect,
    );
}
