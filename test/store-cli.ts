/**
 * Running the system-of-record commands in-process for tests: the real `stra` program (plus
 * those commands while src/cli/main.ts does not register them yet), stdout and stderr captured,
 * the exit code computed the way main() does. In-process keeps each command fast (no new Node and no new
 * PGlite WebAssembly start per command); the commands still open and close the workspace store
 * each time, as they do from a shell.
 */
import { CommanderError, type Command } from 'commander';
import { buildProgram } from '../src/cli/main.js';
import { StraError } from '../src/errors.js';
import { assessmentCommand } from '../src/cli/commands/assessment.js';
import { auditCommand } from '../src/cli/commands/audit.js';
import { controlStrategyCommand } from '../src/cli/commands/control-strategy.js';
import { demoStoreCommand } from '../src/cli/commands/demo-store.js';
import { modelCommand } from '../src/cli/commands/model.js';
import { orgCommand } from '../src/cli/commands/org.js';
import { recommendationCommand } from '../src/cli/commands/recommendation.js';
import { scoreCommand } from '../src/cli/commands/score.js';
import { threatCommand } from '../src/cli/commands/threat.js';
import { userCommand } from '../src/cli/commands/user.js';

export const STORE_COMMANDS = [
  orgCommand,
  userCommand,
  assessmentCommand,
  threatCommand,
  scoreCommand,
  controlStrategyCommand,
  modelCommand,
  auditCommand,
  demoStoreCommand,
  recommendationCommand,
];

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real program, plus any store command main.ts does not register yet. */
function program(): Command {
  const p = buildProgram();
  for (const c of STORE_COMMANDS) if (!p.commands.some((x) => x.name() === c.name())) p.addCommand(c); // commander 14 resets option values before each parse
  const deep = (c: Command) => {
    c.exitOverride();
    c.commands.forEach(deep);
  };
  deep(p);
  return p;
}

/** Runs `stra ARGS` with `env` set; `tty` makes stdout look like a terminal (tables, not JSON). */
export async function stra(args: string[], env: Record<string, string | undefined> = {}, tty = false): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const wasTty = process.stdout.isTTY;
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (stdout += String(chunk)),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (
    (stderr += String(chunk)),
    true
  )) as typeof process.stderr.write;
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  process.stdout.isTTY = tty;
  let code = 0;
  try {
    await program().parseAsync(args, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) code = e.code === 'commander.helpDisplayed' || e.code === 'commander.help' ? 0 : 2;
    else if (e instanceof StraError) {
      stderr += `stra: ${e.message}\n`;
      code = e.code === 'USAGE' || e.code === 'NOT_FOUND' ? 2 : 1;
    } else throw e;
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.stdout.isTTY = wasTty;
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
  return { code, stdout, stderr };
}

/**
 * `stra` as a user runs it in one workspace (a getter: the folder is made in beforeAll), acting as
 * `as`, on the embedded store whatever the environment says; `json` adds --json, fails loudly on
 * a non-zero exit and parses the answer.
 */
export function straIn(workspace: () => string): {
  run: (args: string[], as?: string, tty?: boolean) => Promise<Run>;
  json: (args: string[], as?: string) => Promise<any>;
} {
  const run = (args: string[], as?: string, tty = false) =>
    stra(
      [...args, '-w', workspace(), ...(as ? ['--as', as] : [])],
      { DATABASE_URL: undefined, STRA_USER: undefined },
      tty,
    );
  const json = async (args: string[], as?: string) => {
    const r = await run([...args, '--json'], as);
    if (r.code !== 0) throw new Error(`stra ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  return { run, json };
}
