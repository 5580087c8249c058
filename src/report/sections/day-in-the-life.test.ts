/**
 * The Demand part's "day in the life" figure and its table on a hand-made month: every figure an average per
 * covered day, crimes from the recorded crime when the incidents cover every day, missing people
 * from the missing-person episodes, and nothing at all when no incidents are held.
 */
import { describe, expect, it } from 'vitest';
import {
  importInto,
  streetRow,
  STREET_HEADER_LINE,
  tempDir,
  tempWorkspace,
  withReader,
  writeInput,
} from '../../../test/temp-workspace.js';
import { resolveMapping } from '../../demand/mapping/resolve-mapping.js';
import { pseudonymiser } from '../../demand/missing/pseudonymiser.js';
import type { Period } from '../../domain/crime/periods.js';
import { importDemandFile } from '../../warehouse/demand/import-demand.js';
import { Anchors } from '../context.js';
import type { ChartBlock } from '../model.js';
import { dayInTheLifeBlocks } from './day-in-the-life.js';

const HEADER =
  'incident_id,opened_at,arrived_at,closed_at,opening_code,closing_code,category,grade,outcome,lsoa_code,beat,crime_related,mental_health,officer_minutes';
const MARCH = { kind: 'financial-year', label: 'March 2018', first: '2018-03', last: '2018-03' } as unknown as Period;
const forces = [{ id: 'warwickshire', name: 'Warwickshire Police' }];
const log = () => {
  const entries: string[] = [];
  return {
    entries,
    figure: (s: string) => (entries.push(`figure ${s}`), s),
    omitted: (s: string) => void entries.push(`omitted ${s}`),
  };
};

async function world(withIncidents: boolean) {
  const ws = await tempWorkspace();
  const dir = await tempDir();
  // 62 crimes and 31 ASB incidents recorded in March: 2 crimes a day.
  const street = [
    ...Array.from({ length: 62 }, (_, i) => streetRow({ id: i.toString(16).padStart(64, '0'), month: '2018-03' })),
    ...Array.from({ length: 31 }, (_, i) =>
      streetRow({ id: '', month: '2018-03', type: 'Anti-social behaviour', location: `asb ${i}` }),
    ),
  ];
  await importInto(ws, [
    await writeInput(dir, '2018-03-warwickshire-street.csv', [STREET_HEADER_LINE, ...street].join('\n')),
  ]);
  if (!withIncidents) return ws;
  // Each day of March: a theft ending in an arrest and a mental-health call; 31 days, 62 incidents.
  const rows = Array.from({ length: 31 }, (_, k) => {
    const day = `2018-03-${String(k + 1).padStart(2, '0')}`;
    return [
      `T${k},${day}T10:00:00,,,THEFT,THEFT,crime,scheduled,arrest,E01031036,,Y,N,`,
      `M${k},${day}T22:00:00,,,CONCERN FOR SAFETY,MENTAL HEALTH,mental-health,priority,no-further-action,E01031036,,N,Y,`,
    ];
  }).flat();
  const common = { force: 'warwickshire', user: 't', threads: 1, memoryLimit: '512MB' };
  await importDemandFile(ws, {
    ...common,
    file: await writeInput(dir, 'inc.csv', [HEADER, ...rows].join('\n')),
    mapping: await resolveMapping('openstra-incidents'),
  });
  const episodes = Array.from(
    { length: 62 },
    (_, k) => `E${k},P${k % 5},2018-03-${String((k % 31) + 1).padStart(2, '0')}T20:00:00,,medium,15,N,home,,,`,
  );
  await importDemandFile(ws, {
    ...common,
    file: await writeInput(
      dir,
      'missing.csv',
      [
        'episode_id,person_ref,reported_at,found_at,risk,age,looked_after,missing_from_type,missing_from_ref,missing_from_lsoa,found_lsoa',
        ...episodes,
      ].join('\n'),
    ),
    mapping: await resolveMapping('openstra-missing'),
    pseudonymiser: pseudonymiser('x'.repeat(32)),
  });
  return ws;
}

describe('a day in the life', () => {
  it('averages incidents, recorded crimes, arrests, missing reports and mental-health calls per day', async () => {
    const ws = await world(true);
    const l = log();
    const blocks = await withReader(ws, (wh) =>
      dayInTheLifeBlocks({ warehouse: wh, dataPeriod: MARCH, forces, anchors: new Anchors() }, l),
    );
    // The seed's daily demand diagram, drawn from the figures of the table behind it.
    expect(blocks[0]).toMatchObject({ kind: 'heading', text: 'Daily demand: a day in the life' });
    const chart = blocks.find((b): b is ChartBlock => b.kind === 'chart')!;
    expect(chart.caption).toBe('Daily demand: a day in the life, March 2018 (average a day)');
    const table = chart.table;
    const series = chart.option.series as Array<{ name: string; data: (number | null)[] }>;
    // Drawn top to bottom in the table's order (ECharts draws a category axis upwards).
    expect(series.map((x) => [x.name, [...x.data].reverse()])).toEqual([['Warwickshire Police', [2, 2, 1, 2, 1]]]);
    const values = table.rows[0]!.map((c) => c.runs.map((r) => ('text' in r ? r.text : '')).join(''));
    // Force, incidents, crimes, arrests, missing, mental health, days.
    expect(values).toEqual(['Warwickshire Police', '2', '2', '1', '2', '1', '31']);
    expect(l.entries).toEqual(['figure Chart and table: a day in the life']);
    expect(JSON.stringify(blocks)).toMatch(
      /crimes: recorded crimes; arrests: incidents closed with an arrest; missing people: missing-person episodes reported/,
    );
  }, 60_000);

  it('is left out, and logged, when no incidents are held', async () => {
    const ws = await world(false);
    const l = log();
    const blocks = await withReader(ws, (wh) =>
      dayInTheLifeBlocks({ warehouse: wh, dataPeriod: MARCH, forces, anchors: new Anchors() }, l),
    );
    expect(blocks).toEqual([]);
    expect(l.entries).toEqual(['omitted A day in the life']);
  }, 60_000);
});
