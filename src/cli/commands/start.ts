import { command } from './common.js';
import { commandContext, withWarehouse, type CommonOptions } from '../context.js';
import { note, printTable } from '../output.js';
import { crimeStats } from '../../warehouse/stats.js';
import { addMonths, parseMonth } from '../../domain/crime/month.js';
import { DEMO_FROM, DEMO_TO, runDemo } from './demo.js';
import { serveUntilStopped } from './serve.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../demo/record/people.js';

function demoBanner(url: string): string {
  const users = DEMO_USERS.map((u) => `  ${u.username.padEnd(12)} ${u.clearance.padEnd(19)} ${u.displayName}`).join(
    '\n',
  );
  return `\nOpenSTRA is running at ${url}  (Ctrl-C to stop)\n\nDemo users (password for each: ${DEMO_PASSWORD}):\n${users}\n`;
}

export const startCommand = command(
  'start',
  'open the workspace (the demo workspace on first run), show what it holds and run the web app',
).action(async (options: CommonOptions) => {
  const ctx = await commandContext(options);
  const { readCatalog } = await import('../../warehouse/catalog.js');
  const catalog = await readCatalog(ctx.workspace.paths.catalog);
  if (Object.keys(catalog.partitions).length === 0) {
    note('The workspace is empty: loading the demo dataset (synthetic Warwickshire and West Mercia data).');
    await runDemo(ctx, { from: DEMO_FROM, to: DEMO_TO, seed: 2017 });
  }
  const latest = await readCatalog(ctx.workspace.paths.catalog);
  const months = Object.values(latest.sources)
    .filter((p) => p.table === 'street')
    .map((p) => p.month)
    .sort();
  const to = parseMonth(months[months.length - 1] ?? DEMO_TO)!;
  const from = addMonths(to, -11);
  const stats = await withWarehouse(ctx, (wh) => crimeStats(wh, { by: ['force', 'csp'], from, to }));
  process.stdout.write(
    `OpenSTRA workspace ${ctx.workspace.paths.root}\n\nRecorded crime, ${from} to ${to} (police.uk street data):\n\n`,
  );
  printTable(stats.rows);
  process.stdout.write(
    `\nWhile the web app runs, the embedded store is in use; stop it (Ctrl-C) to use these commands:\n  npx stra coverage\n  npx stra stats --by csp,category --from ${from} --to ${to}\n  npx stra trends compare --by csp\n  npx stra trends snapshot --area force=warwickshire --force warwickshire\n` +
      `  npx stra harm breakdown --by category\n  npx stra score combined 2 --as r.patel\n  npx stra control-strategy show 2 --as r.patel\n  npx stra report --assessment 2017/18 --clearance OFFICIAL --out report --as r.patel\n  npx stra risk heatmap --as r.patel\n  npx stra import ../shared/data/police-uk\n  npx stra --help\n`,
  );
  await serveUntilStopped(ctx, options, (url) => demoBanner(url));
});
