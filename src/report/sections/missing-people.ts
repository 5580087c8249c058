/**
 * Missing people (the seed's "Missing people", under Other considerations), from the
 * missing-person episodes the warehouse holds for the data period (`stra demand import
 * --mapping openstra-missing`; the same figures as `stra missing summary|repeats|locations`):
 * episodes and people by force, children and looked-after children, the high-risk share, repeat
 * missing people (3 or more episodes within 90 days), and the care homes people go missing from,
 * ranked. Why beside the analyst's words and not instead of them: the seed's section is the
 * inspectorate's findings and the alliance's response, which no data carries; the figures give its
 * scale. A force with no episodes held is named as such; with none for any force the part logs
 * the omission and the analyst's text stands alone.
 */
import { missingLocations } from '../../domain/demand/missing/locations.js';
import { repeatMissing } from '../../domain/demand/missing/repeats.js';
import { missingSummary, type MissingSummary } from '../../domain/demand/missing/summary.js';
import type { Repeats } from '../../domain/demand/missing/repeats.js';
import type { LocationRow } from '../../domain/demand/missing/locations.js';
import { plural } from '../../domain/plural.js';
import { demandForces, loadEpisodes } from '../../warehouse/demand/load-demand.js';
import type { LogBook, SourceFile } from '../build-log.js';
import type { BuildContext } from '../context.js';
import { monthSpan } from '../dates.js';
import { cell, method, para, text, traced, type Block } from '../model.js';
import { listWords, share } from './wording.js';

/** The repeat definition the document uses: that of `stra missing repeats` by default. */
const REPEAT = { episodes: 3, withinDays: 90 } as const;
/** Care homes listed per force. */
const TOP_PLACES = 5;

interface ForceMissing {
  readonly id: string;
  readonly name: string;
  readonly summary: MissingSummary;
  readonly repeats: Repeats;
  readonly places: LocationRow[];
}

/** The last day of a month, `YYYY-MM-DD`. */
const lastDay = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** A share as a percentage, blank when there is nothing to take it of. */
const pctOf = (x: number): string => share(Number.isFinite(x) ? x : null);
const hours = (h: number) => (Number.isFinite(h) ? h.toFixed(1) : '');

/**
 * The blocks for missing people, headed "Missing people" by the caller's text or by `heading`;
 * empty (and the omission logged) when no episodes of the forces are held for the data period.
 */
export async function missingPeopleBlocks(
  ctx: Pick<BuildContext, 'warehouse' | 'dataPeriod' | 'forces' | 'anchors' | 'footnotes'>,
  log: Pick<LogBook, 'figure' | 'omitted'>,
): Promise<Block[]> {
  const wh = ctx.warehouse;
  const period = ctx.dataPeriod;
  if (wh === null || period === null) {
    log.omitted('Missing people: figures', 'no crime warehouse or data period, so no missing-person episodes are read');
    return [];
  }
  const held = await demandForces(wh, 'missing_episodes');
  const from = `${period.first}-01`;
  const to = lastDay(period.last);
  const forces: ForceMissing[] = [];
  for (const f of ctx.forces.filter((x) => held.includes(x.id))) {
    const episodes = await loadEpisodes(wh, { force: f.id, from, to });
    if (episodes.length === 0) continue;
    forces.push({
      id: f.id,
      name: f.name,
      summary: missingSummary(episodes),
      repeats: repeatMissing(episodes, REPEAT),
      places: missingLocations(episodes, { repeatEpisodes: REPEAT.episodes }).slice(0, TOP_PLACES),
    });
  }
  if (forces.length === 0) {
    log.omitted(
      'Missing people: figures',
      `no missing-person episodes of ${listWords(ctx.forces.map((f) => f.name))} are held for ${period.label} (stra demand import FILE --mapping openstra-missing --force ID); the part gives the analyst's text only`,
    );
    return [];
  }
  const without = ctx.forces.filter((f) => !forces.some((x) => x.id === f.id));
  const files: SourceFile[] = Object.values(wh.catalog.sources)
    .filter(
      (s) =>
        s.table === 'missing_episodes' &&
        forces.some((f) => f.id === s.force) &&
        s.month >= period.first &&
        s.month <= period.last,
    )
    .sort((a, b) => (a.force + a.month < b.force + b.month ? -1 : 1))
    .map((s) => ({
      file: s.source,
      importId: s.importId,
      sha256: s.sourceSha256,
      force: s.force,
      month: s.month,
      table: s.table,
      rows: s.rows,
    }));
  const span = monthSpan(period.first, period.last);
  const footnote = ctx.footnotes.cite(
    `Missing-person episodes recorded by ${listWords(forces.map((f) => f.name))}, ${span}, as held in the alliance's demand data.`,
  );
  const trace = log.figure(
    'Tables: missing people and the care homes they go missing from',
    forces
      .map(
        (f) => `${f.name}: ${plural(f.summary.episodes, 'episode')}, ${plural(f.summary.people, 'person', 'people')}`,
      )
      .join('; '),
    {
      call: 'loadEpisodes + missingSummary + repeatMissing + missingLocations',
      query: {
        forces: forces.map((f) => f.id),
        from,
        to,
        repeat: REPEAT,
        places: { addressTypes: ['care-home'], top: TOP_PLACES },
      },
      files,
      importIds: [...new Set(files.map((f) => f.importId!))].sort(),
      method: `repeat missing: ${REPEAT.episodes} or more episodes within ${REPEAT.withinDays} days; children: under 18; high risk as graded when reported; time missing from reported to found (episodes still open are not timed)`,
    },
    footnote,
  );
  const statement = (f: ForceMissing) => {
    const s = f.summary;
    return `${f.name} recorded ${plural(s.episodes, 'missing-person episode')} in ${period.label}, of ${plural(s.people, 'person', 'people')}; ${pctOf(s.childEpisodes / s.episodes)} were of children${s.childEpisodes > 0 ? `, and ${pctOf(s.lookedAfterShareOfChildren)} of the children's episodes were of looked-after children` : ''}. ${pctOf(s.highRiskShare)} were graded high risk. ${plural(f.repeats.persons.length, 'person', 'people')} went missing ${REPEAT.episodes} or more times within ${REPEAT.withinDays} days, accounting for ${pctOf(f.repeats.shareOfEpisodes)} of episodes.`;
  };
  const blocks: Block[] = [
    para(
      text(
        `From the missing-person episodes each force holds, ${span}. A person who goes missing ${REPEAT.episodes} or more times within ${REPEAT.withinDays} days is counted as a repeat missing person.${without.length > 0 ? ` No episodes of ${listWords(without.map((f) => f.name))} are held.` : ''}`,
      ),
      { footnote },
    ),
    { kind: 'list', ordered: false, items: forces.map((f) => [text(statement(f))]) },
    {
      kind: 'table',
      id: ctx.anchors.make('table-missing-people'),
      caption: `Missing people, ${period.label}`,
      columns: [
        { header: 'Force', align: 'left', width: 4 },
        { header: 'Episodes', align: 'right', width: 2 },
        { header: 'People', align: 'right', width: 2 },
        { header: 'Children (% of episodes)', align: 'right', width: 2.4 },
        { header: "Looked after (% of children's)", align: 'right', width: 2.4 },
        { header: 'High risk (%)', align: 'right', width: 2 },
        { header: 'Repeat missing people', align: 'right', width: 2 },
        { header: 'Their episodes (%)', align: 'right', width: 2 },
        { header: 'Median hours missing', align: 'right', width: 2 },
      ],
      rows: forces.map((f) => [
        cell(f.name),
        cell(f.summary.episodes),
        cell(f.summary.people),
        cell(pctOf(f.summary.childEpisodes / f.summary.episodes)),
        cell(pctOf(f.summary.lookedAfterShareOfChildren)),
        cell(pctOf(f.summary.highRiskShare)),
        cell(f.repeats.persons.length),
        cell(pctOf(f.repeats.shareOfEpisodes)),
        cell(hours(f.summary.hoursMissing.median)),
      ]),
      compact: true,
    },
  ];
  const placed = forces.filter((f) => f.places.length > 0);
  if (placed.length > 0)
    blocks.push(
      para(
        text(
          `The care homes people went missing from most often, ranked by episodes (the ${TOP_PLACES} highest of each force; homes are named by the force's location reference).`,
        ),
      ),
      {
        kind: 'table',
        id: ctx.anchors.make('table-missing-care-homes'),
        caption: `Care homes people went missing from most often, ${period.label}`,
        columns: [
          { header: 'Care home', align: 'left', width: 3 },
          { header: 'Area (LSOA)', align: 'left', width: 3 },
          { header: 'Episodes', align: 'right', width: 2 },
          { header: 'People', align: 'right', width: 2 },
          { header: 'Repeat missing people', align: 'right', width: 2 },
          { header: 'High-risk episodes', align: 'right', width: 2 },
          { header: 'Median hours missing', align: 'right', width: 2 },
        ],
        rows: placed.flatMap((f) => [
          [cell(f.name, { spanAll: true })],
          ...f.places.map((p) => [
            cell(p.location),
            cell(p.area ?? ''),
            cell(p.episodes),
            cell(p.people),
            cell(p.repeatPeople),
            cell(p.highRiskEpisodes),
            cell(hours(p.medianHoursMissing)),
          ]),
        ]),
        compact: true,
      },
    );
  blocks.push(
    method(
      text(
        'Episodes are counted by the day they were reported. Person references are pseudonymised when the data are imported; no person is named or listed.',
      ),
    ),
  );
  return traced(blocks, trace);
}

/**
 * The analyst's text of a part with the missing-people figures placed under its "Missing people"
 * heading (after the text that heading carries, before the next heading of the same or a higher
 * level); with no such heading, the figures follow the text under a heading of their own.
 */
export function withMissingPeople(words: readonly Block[], figures: readonly Block[], heading: () => Block): Block[] {
  if (figures.length === 0) return [...words];
  const at = words.findIndex((b) => b.kind === 'heading' && /missing/i.test(b.text));
  if (at < 0) return [...words, heading(), ...figures];
  const level = (words[at] as { level: number }).level;
  let end = at + 1;
  while (end < words.length && !(words[end]!.kind === 'heading' && (words[end] as { level: number }).level <= level))
    end += 1;
  return [...words.slice(0, end), ...figures, ...words.slice(end)];
}
