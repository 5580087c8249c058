/**
 * The forecasting on real recorded-crime series (../shared/data/series, read in place; see its
 * README for the sources and the known recording changes checked here).
 */
import { expect, it } from 'vitest';
import { describeWithSharedData } from '../../../test/shared-data.js';
import { mpsSeries, prcSeries, readMpsRows, readPrcRows, type MpsRow } from '../../../test/reference-series.js';
import { forecastSeries, type ForecastResult, type SeriesForecast } from './forecast-series.js';
import type { CountSeries } from './series.js';

/** The series cut to end at `end` (YYYY-MM, the first month of the last period kept). */
function until(series: CountSeries, end: string): CountSeries {
  const months = (t: string) => Number(t.slice(0, 4)) * 12 + Number(t.slice(5)) - 1;
  const step = series.frequency === 'month' ? 1 : 3;
  return { ...series, values: series.values.slice(0, (months(end) - months(series.start)) / step + 1) };
}

function forecast(r: ForecastResult): SeriesForecast {
  if (r.status !== 'forecast') throw new Error(`refused: ${r.refusal.message}`);
  return r;
}

describeWithSharedData('forecasts on real series: MPS boroughs, monthly', () => {
  const rows = readMpsRows();
  const london = (keep: (r: MpsRow) => boolean) => mpsSeries(rows, keep);

  it('London theft, Apr 2010 - Dec 2019: a model beats the seasonal naive in the backtest, with honest intervals', () => {
    const f = forecast(
      forecastSeries(
        until(
          london((r) => r.major === 'THEFT'),
          '2019-12',
        ),
      ),
    );
    expect(f.trainedFrom).toBe('2010-04');
    expect(f.beatsSeasonalNaive).toBe(true);
    expect(f.backtest.chosen.mase).toBeLessThan(1);
    expect(f.backtest.chosen.mase).toBeLessThan(f.backtest.seasonalNaive.mase);
    expect(f.backtest.chosen.points).toBe(78);
    expect(f.backtest.chosen.coverage80).toBeGreaterThanOrEqual(0.7);
    expect(f.backtest.chosen.coverage95).toBeGreaterThanOrEqual(0.85);
    expect(f.periods).toEqual([
      '2020-01',
      '2020-02',
      '2020-03',
      '2020-04',
      '2020-05',
      '2020-06',
      '2020-07',
      '2020-08',
      '2020-09',
      '2020-10',
      '2020-11',
      '2020-12',
    ]);
    // London theft ran at 17-25 thousand a month before 2020.
    for (const v of f.mean) (expect(v).toBeGreaterThan(15_000), expect(v).toBeLessThan(30_000));
  });

  it('refuses residential burglary: the category was relabelled in Feb 2024 and is zero from Mar 2024', () => {
    const r = forecastSeries(london((r) => r.minor === 'BURGLARY IN A DWELLING'));
    expect(r).toMatchObject({ status: 'refused', refusal: { code: 'level-shift', at: '2024-03' } });
    if (r.status === 'refused') expect(r.refusal.message).toMatch(/only 12 months since then/);
  });

  it('refuses fraud before Apr 2014: recording moved to Action Fraud in Feb-Mar 2013', () => {
    const r = forecastSeries(
      until(
        london((r) => r.major === 'FRAUD AND FORGERY'),
        '2014-03',
      ),
    );
    expect(r.status).toBe('refused');
    if (r.status !== 'refused' || r.refusal.code !== 'level-shift') throw new Error('expected a level shift');
    // 293 in Feb 2013 (part of the month), then 0-5 a month: the new level is reached by March.
    expect(['2013-02', '2013-03']).toContain(r.refusal.at);
    expect(r.refusal.factor).toBeLessThan(0.01);
  });

  it('trains violence from Jun 2014, after the step of the crime-recording integrity changes', () => {
    const f = forecast(forecastSeries(london((r) => r.major === 'VIOLENCE AGAINST THE PERSON')));
    expect(f.levelShifts[0]).toMatchObject({ at: '2014-06' });
    expect(f.levelShifts[0]!.factor).toBeGreaterThan(1.2);
    expect(f.trainedFrom).toBe('2014-06');
    expect(f.notes[0]).toMatch(/^data before 2014-06 left out: the level changes suddenly at 2014-06/);
  });

  it('sees the first lockdown in all London crime: a fall of over 20% from Mar 2020', () => {
    const f = forecast(forecastSeries(london(() => true)));
    expect(f.levelShifts.map((s) => s.at)).toContain('2020-03');
    expect(f.levelShifts.find((s) => s.at === '2020-03')!.factor).toBeLessThan(0.8);
  });

  it('across 34 boroughs x 3 crime groups to Dec 2019: most forecasts beat the seasonal naive and intervals hold about their share', () => {
    let forecasts = 0;
    let beat = 0;
    let refused = 0;
    let points = 0;
    let in80 = 0;
    let in95 = 0;
    const boroughs = [...new Set(rows.map((r) => r.borough))];
    for (const borough of boroughs)
      for (const major of ['THEFT', 'BURGLARY', 'VEHICLE OFFENCES']) {
        const r = forecastSeries(
          until(
            london((x) => x.borough === borough && x.major === major),
            '2019-12',
          ),
        );
        if (r.status === 'refused') {
          expect(['level-shift', 'too-sparse']).toContain(r.refusal.code);
          refused++;
          continue;
        }
        forecasts++;
        if (r.beatsSeasonalNaive) beat++;
        const c = r.backtest.chosen;
        points += c.points;
        in80 += c.coverage80 * c.points;
        in95 += c.coverage95 * c.points;
      }
    expect(forecasts + refused).toBe(boroughs.length * 3);
    expect(forecasts).toBeGreaterThan(0.5 * boroughs.length * 3);
    expect(beat / forecasts).toBeGreaterThan(0.7);
    expect(in80 / points).toBeGreaterThan(0.72);
    expect(in80 / points).toBeLessThan(0.9);
    expect(in95 / points).toBeGreaterThan(0.88);
  });
});

describeWithSharedData('forecasts on real series: Home Office PRC by force, quarterly', () => {
  const rows = readPrcRows();
  const total = (force: string) => prcSeries(rows, force, (r) => r.group !== 'Fraud offences');

  it('West Mercia, all crime but fraud, to 2019/20: a quarterly forecast that beats the seasonal naive', () => {
    const f = forecast(forecastSeries(until(total('West Mercia'), '2020-01')));
    expect(f.beatsSeasonalNaive).toBe(true);
    expect(f.backtest.chosen.mase).toBeLessThan(f.backtest.seasonalNaive.mase);
    expect(f.periods.slice(0, 4)).toEqual(['2020-04', '2020-07', '2020-10', '2021-01']);
  });

  it('flags the 2014/15-2018/19 recording rise in Warwickshire (+55% over those years)', () => {
    const f = forecast(forecastSeries(total('Warwickshire')));
    const shift = f.levelShifts[0]!;
    expect(shift.at >= '2014-04' && shift.at <= '2019-01').toBe(true);
    expect(shift.factor).toBeGreaterThan(1.2);
  });

  it('flags the April 2017 burglary reclassification: code 28E starts from nothing', () => {
    const r = forecastSeries(
      prcSeries(rows, 'West Mercia', (r) => r.code === '28E'),
      { onLevelShift: 'refuse' },
    );
    expect(r).toMatchObject({ status: 'refused', refusal: { code: 'level-shift', at: '2017-04' } });
  });

  it('refuses Greater Manchester: its records system changed in 2019 and counts recovered in 2021/22', () => {
    const r = forecastSeries(total('Greater Manchester'));
    expect(r).toMatchObject({ status: 'refused', refusal: { code: 'level-shift', at: '2021-04' } });
  });
});
