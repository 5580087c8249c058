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
import { strategyPlanCommand } from './commands/strategy-plan.js';
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
import { linksCommand } from './commands/links.js';
import { serveCommand } from './commands/serve.js';
import { reportCommand } from './commands/report.js';
import { textCommand } from './commands/text.js';
import { userCommand } from './commands/user.js';
import { coverageCommand } from './commands/coverage.js';
import { demoCommand } from './commands/demo.js';
import { demandCommand } from './commands/demand.js';
import { forecastCommand } from './commands/forecast.js';
import { missingCommand } from './commands/missing.js';
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
    demandCommand,
    forecastCommand,
    missingCommand,
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
    linksCommand,
    scoreCommand,
    controlStrategyCommand,
    strategyPlanCommand,
    reportCommand,
    textCommand,
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
  quietOnClosedPipe();
  try {
    await buildProgram().parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    const code = exitCodeFor(err, argv.includes('--json'));
    return code;
  }
}

/** `stra imports --files | head`: the reader went away; stop quietly, as Unix tools do. */
function quietOnClosedPipe(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

/** A system error (a file or folder that cannot be read or written) in words, without a stack. */
function systemErrorMessage(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException;
  if (!(err instanceof Error) || typeof e.code !== 'string' || !/^E[A-Z]+$/.test(e.code)) return undefined;
  const what: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'a read-only file system',
    ENOSPC: 'the disk is full',
    ELOOP: 'a symbolic link loop',
    ENOENT: 'no such file or folder',
    EISDIR: 'a folder, not a file',
    ENOTDIR: 'not a folder',
  };
  return `${e.path ?? 'a file'}: ${what[e.code] ?? e.message} (${e.code}). Nothing was changed by the step that failed; fix the cause and run the command again`;
}

function exitCodeFor(err: unknown, json = false): number {
  const fail = (message: string, code: string, exit: number) => {
    if (json) process.stdout.write(JSON.stringify({ error: { code, message } }, null, 2) + '\n');
    process.stderr.write(`stra: ${message}\n`);
    return exit;
  };
  if (err instanceof CommanderError) {
    // Help and version are "errors" in commander's model; they already printed.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
      return 0;
    if (json) process.stdout.write(JSON.stringify({ error: { code: 'USAGE', message: err.message } }, null, 2) + '\n');
    return 2;
  }
  if (err instanceof StraError)
    return fail(err.message, err.code, err.code === 'USAGE' || err.code === 'NOT_FOUND' ? 2 : 1);
  const system = systemErrorMessage(err);
  if (system) return fail(system, 'IO', 1);
  if (json) fail(err instanceof Error ? err.message : String(err), 'UNEXPECTED', 1);
  else
    process.stderr.write(
      `stra: unexpected error: ${err instanceof Error ? (process.env.STRA_DEBUG ? (err.stack ?? err.message) : err.message) : String(err)}\n` +
        (process.env.STRA_DEBUG
          ? ''
          : 'stra: set STRA_DEBUG=1 for the stack trace, and report it with the command you ran\n'),
    );
  return 1;
}
