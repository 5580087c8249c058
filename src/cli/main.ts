/**
 * `stra`: the OpenSTRA command line. This module wires the sub-commands together and is the one
 * boundary that turns errors into messages and exit codes: 0 ok, 1 failure, 2 usage.
 */
import { Command, CommanderError } from 'commander';
import { StraError } from '../errors.js';
import { areasCommand } from './commands/areas.js';
import { assessmentCommand } from './commands/assessment.js';
import { auditCommand } from './commands/audit.js';
import { controlStrategyCommand } from './commands/control-strategy.js';
import { demoStoreCommand } from './commands/demo-store.js';
import { modelCommand } from './commands/model.js';
import { orgCommand } from './commands/org.js';
import { scoreCommand } from './commands/score.js';
import { threatCommand } from './commands/threat.js';
import { recommendationCommand } from './commands/recommendation.js';
import { riskCommand } from './commands/risk.js';
import { driverCommand } from './commands/driver.js';
import { priorityCommand } from './commands/priority.js';
import { planCommand } from './commands/plan.js';
import { inspectionCommand } from './commands/inspection.js';
import { serveCommand } from './commands/serve.js';
import { reportCommand } from './commands/report.js';
import { userCommand } from './commands/user.js';
import { coverageCommand } from './commands/coverage.js';
import { demoCommand } from './commands/demo.js';
import { importCommand } from './commands/import.js';
import { importsCommand } from './commands/imports.js';
import { harmCommand } from './commands/harm.js';
import { populationCommand } from './commands/population.js';
import { indicatorsCommand } from './commands/indicators.js';
import { initCommand } from './commands/init.js';
import { startCommand } from './commands/start.js';
import { statsCommand } from './commands/stats.js';
import { trendsCommand } from './commands/trends.js';
import { wddCommand } from './commands/wdd.js';

export function buildProgram(): Command {
  const program = new Command('stra')
    .description('OpenSTRA: strategic threat and risk assessment for police forces and community safety partners')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)');
  for (const cmd of [
    initCommand,
    importCommand,
    statsCommand,
    coverageCommand,
    importsCommand,
    areasCommand,
    populationCommand,
    trendsCommand,
    harmCommand,
    wddCommand,
    indicatorsCommand,
    orgCommand,
    userCommand,
    assessmentCommand,
    threatCommand,
    recommendationCommand,
    riskCommand,
    driverCommand,
    priorityCommand,
    planCommand,
    inspectionCommand,
    scoreCommand,
    controlStrategyCommand,
    reportCommand,
    modelCommand,
    auditCommand,
    demoCommand,
    demoStoreCommand,
    serveCommand,
    startCommand,
  ]) {
    program.addCommand(cmd);
  }
  program.exitOverride();
  for (const cmd of program.commands) exitOverrideDeep(cmd);
  return program;
}

function exitOverrideDeep(cmd: Command): void {
  cmd.exitOverride();
  for (const sub of cmd.commands) exitOverrideDeep(sub);
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return exitCodeFor(err);
  }
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    // Help and version are "errors" in commander's model; they already printed.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
      return 0;
    return 2;
  }
  if (err instanceof StraError) {
    process.stderr.write(`stra: ${err.message}\n`);
    return err.code === 'USAGE' || err.code === 'NOT_FOUND' ? 2 : 1;
  }
  process.stderr.write(`stra: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return 1;
}
