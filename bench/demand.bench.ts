/**
 * `npm run bench:demand [-- --incidents N]`: the pure parts of issue 17's demand benchmark, at the
 * issue's scale. Targets: 1 million incidents; demand profiles under 100 ms each; forecasts with
 * backtests for every CSP x crime category series of the alliance under 10 s. Phase A measures:
 *   1. generating N synthetic incidents (default 1,000,000) and building the profiles' table;
 *   2. each demand profile on them (median of 7 runs);
 *   3. forecastSeries (screen + rolling-origin backtest of seasonal naive, ETS and seasonal ARIMA
 *      + final fit) on every CSP x category monthly series of the synthetic alliance crime,
 *      April 2014 to March 2018 (the demo's 48 months);
 *   4. the JS incident reader (the reference reader; phase B imports through DuckDB) on a
 *      100,000-row OpenSTRA CSV, as rows per second.
 * Wall and CPU times are printed; the machine may be shared, so CPU time is the steadier figure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemand } from '../src/demo/demand/incidents.js';
import { demandTable } from '../src/demo/demand/table.js';
import { writeDemandFiles } from '../src/demo/demand/write-csv.js';
import { loadAreaTable } from '../src/demo/area-table.js';
import { CRIME_TYPES, type AllianceForce } from '../src/demo/category-mix.js';
import { poisson } from '../src/demo/poisson.js';
import { Rng } from '../src/demo/rng.js';
import { timeFactor } from '../src/demo/seasonality.js';
import { buildStreetModel } from '../src/demo/street-rows.js';
import { hourWeekProfile } from '../src/domain/demand/profiles/hour-week.js';
import { breakdown, crossTab } from '../src/domain/demand/profiles/breakdown.js';
import { nonCrimeDemand } from '../src/domain/demand/profiles/non-crime.js';
import { timeSpent } from '../src/domain/demand/profiles/time-spent.js';
import { dayInTheLife } from '../src/domain/demand/profiles/day-in-the-life.js';
import { changeOnLastYear } from '../src/domain/demand/profiles/change.js';
import { forecastSeries } from '../src/domain/forecast/forecast-series.js';
import { incidentMappingSchema } from '../src/demand/mapping/incident-mapping.js';
import { loadMapping } from '../src/demand/mapping/load-mapping.js';
import { readIncidents } from '../src/demand/incidents/read-incidents.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const target = Number(arg('incidents', '1000000'));

function timed<T>(label: string, run: () => T): T {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = run();
  const cpu = process.cpuUsage(c0);
  console.log(
    `${label.padEnd(58)} ${(performance.now() - t0).toFixed(0).padStart(7)} ms wall ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(7)} ms cpu`,
  );
  return out;
}

function median(label: string, run: () => unknown, times = 9): number {
  run(); // warm the JIT
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(times / 2)]!;
  const w = mid(wall);
  const c = mid(cpu);
  console.log(
    `${label.padEnd(58)} ${w.toFixed(1).padStart(7)} ms wall ${c.toFixed(1).padStart(7)} ms cpu (medians of ${times})${Math.min(w, c) < 100 ? '' : '  OVER 100 ms'}`,
  );
  return Math.min(w, c);
}

async function main(): Promise<void> {
  console.log(
    `Node ${process.version}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );

  // 1. Generate: two years at a scale giving about `target` incidents.
  const perYearAtScale1 = 490_000;
  const scale = target / (2 * perYearAtScale1);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const data = await generateDemand({ seed: 17, from: '2016-04', to: '2018-03', scale });
  const c1 = process.cpuUsage(c0);
  console.log(
    `${`generate ${data.incidents.size.toLocaleString('en-GB')} incidents, ${data.episodes.length.toLocaleString('en-GB')} missing episodes`.padEnd(58)} ${(performance.now() - t0).toFixed(0).padStart(7)} ms wall ${((c1.user + c1.system) / 1000).toFixed(0).padStart(7)} ms cpu`,
  );
  const table = timed('build the profiles table (typed arrays)', () => demandTable(data.incidents));

  // 2. Profiles.
  console.log('');
  const profiles: [string, () => unknown][] = [
    ['hour x weekday heat map, all incidents', () => hourWeekProfile(table)],
    ['hour x weekday, one year', () => hourWeekProfile(table, { from: '2017-04-01', to: '2018-03-31' })],
    ['by class', () => breakdown(table, 'class')],
    ['by closing code', () => breakdown(table, 'closingCode')],
    ['by area (LSOA)', () => breakdown(table, 'area')],
    ['area x grade', () => crossTab(table, 'area', 'grade')],
    ['share not crime', () => nonCrimeDemand(table)],
    ['time spent (officer hours, response, duration)', () => timeSpent(table)],
    ['day in the life', () => dayInTheLife(table)],
    [
      'change on last year by class (E-test + BH)',
      () => changeOnLastYear(table, { from: '2017-04-01', to: '2018-03-31', by: 'class' }),
    ],
    [
      'change on last year by area (E-test + BH)',
      () => changeOnLastYear(table, { from: '2017-04-01', to: '2018-03-31', by: 'area' }),
    ],
  ];
  const medians = profiles.map(([label, run]) => median(label, run));
  console.log(
    `slowest profile: ${Math.max(...medians).toFixed(1)} ms, the lower of wall and cpu medians (target: under 100 ms each)`,
  );

  // 3. Forecasts for every CSP x category series of the synthetic alliance crime.
  console.log('');
  const series = await cspCategorySeries(17, 2014 * 12 + 3, 2018 * 12 + 2);
  const outcomes = timed(`forecastSeries on ${series.length} CSP x category series (48 months)`, () =>
    series.map((s) => forecastSeries({ start: '2014-04', frequency: 'month', values: s.values })),
  );
  const forecast = outcomes.filter((o) => o.status === 'forecast');
  const beat = forecast.filter((o) => o.status === 'forecast' && o.beatsSeasonalNaive).length;
  const refusedBy = new Map<string, number>();
  for (const o of outcomes)
    if (o.status === 'refused') refusedBy.set(o.refusal.code, (refusedBy.get(o.refusal.code) ?? 0) + 1);
  console.log(
    `  ${forecast.length} forecast (${beat} beat the seasonal naive), ${outcomes.length - forecast.length} refused (${[...refusedBy].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'})`,
  );

  // 4. The JS reader on 100,000 OpenSTRA rows.
  console.log('');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stra-demand-bench-'));
  try {
    const small = await generateDemand({
      seed: 18,
      from: '2017-04',
      to: '2017-06',
      forces: ['west-mercia'],
      scale: 100_000 / (3 * 30.4 * 1_000),
    });
    const files = await writeDemandFiles(dir, small);
    const incidentFiles = files.filter((f) => f.kind === 'incidents');
    const rows = incidentFiles.reduce((a, f) => a + f.rows, 0);
    const mapping = await loadMapping(
      path.join(process.cwd(), 'data/demand/mappings/openstra-incidents.json'),
      incidentMappingSchema,
    );
    const t = performance.now();
    const c = process.cpuUsage();
    let accepted = 0;
    for (const f of incidentFiles) accepted += (await readIncidents(f.path, mapping)).report.accepted;
    const seconds = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(c);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(
      `${`JS reader: ${rows.toLocaleString('en-GB')} OpenSTRA rows (${accepted.toLocaleString('en-GB')} accepted)`.padEnd(58)} ${(seconds * 1000).toFixed(0).padStart(7)} ms wall ${(cpuSeconds * 1000).toFixed(0).padStart(7)} ms cpu = ${Math.round(rows / cpuSeconds).toLocaleString('en-GB')} rows per cpu second`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Monthly counts per CSP x police.uk category of the synthetic alliance crime (the demo's model). */
async function cspCategorySeries(seed: number, firstMonth: number, lastMonth: number) {
  const area = await loadAreaTable();
  const cspOf = new Map(area.map((a) => [a.lsoaCode, a.csp]));
  const out = new Map<string, number[]>();
  for (const force of ['warwickshire', 'west-mercia'] as AllianceForce[]) {
    const model = buildStreetModel(seed, force, force, area);
    const n = CRIME_TYPES.length;
    for (let mi = firstMonth; mi <= lastMonth; mi++) {
      const rng = Rng.derive(seed, 'bench-series', force, mi);
      model.places.forEach((place, p) => {
        const csp = cspOf.get(place.lsoaCode);
        if (!csp) return;
        CRIME_TYPES.forEach((category, c) => {
          const key = `${csp}|${category}`;
          let values = out.get(key);
          if (!values) out.set(key, (values = new Array<number>(lastMonth - firstMonth + 1).fill(0)));
          values[mi - firstMonth]! += poisson(rng, model.baseLambda[p * n + c]! * timeFactor(category, mi));
        });
      });
    }
  }
  return [...out].map(([key, values]) => ({ key, values }));
}

await main();
