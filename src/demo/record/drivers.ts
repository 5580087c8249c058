/**
 * The demo's environmental-scanning register (`data/demo/drivers.json`): the seed's eighteen
 * change drivers (numbers, names and Social/Partner/Policing groups as the seed lists them) in the
 * 2017/18 assessment, with evidence notes quoted from the seed, shared with the partnerships as
 * the seed says they were; their impact and uncertainty positions, themes and configuration are
 * illustrative (the seed's matrix is an image; see the file's notes). Validated whole before use;
 * stored through the repository functions, so it is marked and audited like real work.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { inputError } from '../../errors.js';
import { dataFile } from '../../data-files.js';
import { CHALLENGE_GROUPS, DRIVER_SCALE } from '../../domain/scanning/index.js';
import { createDriver, createDriverConfiguration, type Store } from '../../store/index.js';
import type { DemoContext } from './context.js';
import { DEMO_ORGANISATIONS } from './people.js';

const score = z.number().int().min(DRIVER_SCALE.min).max(DRIVER_SCALE.max);

const driver = z.strictObject({
  number: z.number().int().min(1),
  name: z.string().min(1),
  group: z.enum(CHALLENGE_GROUPS),
  impact: score,
  uncertainty: score,
  themes: z.array(z.string().min(1)),
  evidence: z.array(z.strictObject({ text: z.string().min(1), source: z.string().min(1) })),
});

const file = z.object({
  period: z.string(),
  scoredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  scoreNote: z.string().min(1),
  drivers: z.array(driver).min(1),
  configurations: z.array(
    z.strictObject({
      topic: z.string().min(1),
      primary: z.array(z.number().int()),
      secondary: z.array(z.number().int()),
      note: z.string(),
    }),
  ),
});

export type DemoDrivers = z.infer<typeof file>;

export const DEMO_DRIVERS = (): string => dataFile('demo', 'drivers.json');

export async function loadDemoDrivers(path: string = DEMO_DRIVERS()): Promise<DemoDrivers> {
  const parsed = file.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw inputError(`Drivers file ${path} is not valid:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}

/** "shared with alliance local authorities": the partnerships and county bodies of the demo. */
const LOCAL_PARTNERS = DEMO_ORGANISATIONS.filter((o) => o.kind === 'csp' || o.kind === 'partner').map((o) => o.id);

/** Seeds the demo's drivers register into the 2017/18 assessment; returns counts of what it stored. */
export async function seedDemoDrivers(store: Store, ctx: DemoContext): Promise<Record<string, number>> {
  const data = await loadDemoDrivers();
  if (data.period !== ctx.now.period)
    throw inputError(
      `The demo drivers are for ${data.period}, but the demo's current assessment is ${ctx.now.period}.`,
    );
  for (const d of data.drivers) {
    await createDriver(store, ctx.analyst, ctx.now.id, {
      number: d.number,
      name: d.name,
      challenge: d.group,
      impact: d.impact,
      uncertainty: d.uncertainty,
      themes: d.themes,
      evidence: d.evidence,
      dated: data.scoredOn,
      note: data.scoreNote,
      sharedWith: LOCAL_PARTNERS,
    });
  }
  for (const c of data.configurations) {
    await createDriverConfiguration(store, ctx.analyst, ctx.now.id, {
      topic: c.topic,
      primary: c.primary,
      secondary: c.secondary,
      note: c.note,
      sharedWith: LOCAL_PARTNERS,
    });
  }
  return { drivers: data.drivers.length, driverConfigurations: data.configurations.length };
}
