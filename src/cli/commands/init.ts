import { command } from './common.js';
import { commandContext, type CommonOptions } from '../context.js';
import { printJson, wantsJson } from '../output.js';

export const initCommand = command(
  'init',
  'create a workspace folder (other commands also create it on first use)',
).action(async (options: CommonOptions) => {
  const ctx = await commandContext(options);
  const result = { workspace: ctx.workspace.paths.root, created: ctx.workspace.created };
  if (wantsJson(options)) printJson(result);
  else process.stdout.write(`${result.created ? 'Created' : 'Already a workspace:'} ${result.workspace}\n`);
});
