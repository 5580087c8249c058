import { command } from './common.js';
import { printJson, wantsJson } from '../output.js';
import { withStore, type StoreOptions } from './store-context.js';

export const demoStoreCommand = command(
  'demo-store',
  'fill an empty system of record with the demo alliance: users, the 24 threats, two years of scores',
).action(async (options: StoreOptions) => {
  const { seedDemoStore } = await import('../../demo/record/seed.js');
  const summary = await withStore(options, (store) => seedDemoStore(store));
  if (wantsJson(options)) return printJson(summary);
  process.stdout.write(
    `Demo store: ${summary.organisations} organisations, users ${summary.users.join(', ')}; ${summary.threats} threats, ${summary.scores} scores.\n`,
  );
  for (const a of summary.assessments)
    process.stdout.write(`  assessment ${a.id}: ${a.period} ${a.versionLabel} (${a.status})\n`);
  process.stdout.write(
    `Recommendations: ${summary.recommendations} (${summary.carriedRecommendations} carried into ${summary.assessments[1]?.period ?? 'next year'}).\n`,
  );
  const registers = Object.entries(summary.registers)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  if (registers !== '') process.stdout.write(`Registers: ${registers}.\n`);
  process.stdout.write(`Try: stra control-strategy show ${summary.assessments[1]?.id ?? 2} --as r.patel\n`);
});
