/**
 * The public service transformation timeline: the changes ahead that will affect the forces
 * (devolution, elections, national programmes), each with when it starts (and ends), its theme
 * and its own protective marking. Kept beside `document.json` as `timeline.json` in the
 * assessment's report folder, because it is the analyst's reading of published plans, not a
 * register with reviews; the build prints only the events at or below its clearance.
 *
 * `{ "source": "...", "events": [{ "from": "2017-05", "to": "2020", "change": "...",
 * "theme": "Devolution", "marking": "OFFICIAL" }] }`; `from` and `to` are `YYYY` or `YYYY-MM`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { inputError } from '../../errors.js';
import { MARKINGS, type Marking } from '../../domain/marking.js';

export const TIMELINE_FILE = 'timeline.json';

const When = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'YYYY or YYYY-MM');

const Timeline = z
  .object({
    source: z.string().min(1),
    events: z.array(
      z
        .object({
          from: When,
          to: When.optional(),
          change: z.string().min(1),
          theme: z.string().min(1),
          marking: z.enum(MARKINGS).optional(),
        })
        .strict()
        .refine((e) => e.to === undefined || e.to.slice(0, 4) >= e.from.slice(0, 4), 'to is before from'),
    ),
  })
  .passthrough();

export interface TimelineEvent {
  readonly from: string;
  readonly to?: string | undefined;
  readonly change: string;
  readonly theme: string;
  readonly marking: Marking;
}

export interface TimelineFile {
  readonly file: string;
  /** Where the events come from, as the business knows it. */
  readonly source: string;
  /** In date order (then by theme). */
  readonly events: readonly TimelineEvent[];
}

/** The folder's timeline, or null when it has none; an event without a marking takes `defaultMarking`. */
export async function readTimeline(folder: string, defaultMarking: Marking): Promise<TimelineFile | null> {
  const file = path.join(folder, TIMELINE_FILE);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw inputError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = Timeline.safeParse(json);
  if (!parsed.success)
    throw inputError(
      `${file}: ${z.prettifyError(parsed.error)} (expected {source, events: [{from, to?, change, theme, marking?}]})`,
    );
  const events = parsed.data.events
    .map((e) => ({ ...e, marking: e.marking ?? defaultMarking }))
    .sort((a, b) => a.from.localeCompare(b.from) || a.theme.localeCompare(b.theme));
  return { file, source: parsed.data.source, events };
}
