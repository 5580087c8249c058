/**
 * Holt-Winters against R's published results. Expected values: the examples of ?HoltWinters as
 * printed in R's saved example output, tests/Examples/stats-Ex.Rout.save (github.com/wch/r-source,
 * printed with options(digits = 5)): `HoltWinters(co2)` and
 * `HoltWinters(AirPassengers, seasonal = "mult")`.
 */
import { describe, expect, it } from 'vitest';
import { AIR_PASSENGERS, CO2 } from './fixtures/r-datasets.js';
import { fitHoltWinters, holtWintersStart, runHoltWinters } from './holt-winters.js';

const closeTo = (actual: number, expected: number, relative: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));

describe('Holt-Winters (R HoltWinters)', () => {
  it('reproduces R on co2 (additive): alpha 0.51265, beta 0.0094977, gamma 0.47289, a 364.76162, b 0.12474', () => {
    const fit = fitHoltWinters(CO2, 12, 'additive');
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    const p = fit.model.parameters;
    // R stops L-BFGS-B at its own tolerance; the sum of squares is flat in beta, so beta agrees
    // to 0.5% and the others to 5 significant digits.
    closeTo(p.alpha!, 0.51265, 2e-4);
    closeTo(p.beta!, 0.0094977, 1e-2);
    closeTo(p.gamma!, 0.47289, 2e-4);
    const run = runHoltWinters(
      CO2,
      12,
      'additive',
      { alpha: p.alpha!, beta: p.beta!, gamma: p.gamma! },
      holtWintersStart(CO2, 12, 'additive'),
    );
    closeTo(run.level, 364.76162, 1e-5);
    closeTo(run.trend, 0.12474, 1e-2);
    const rSeasonal = [
      0.22153, 0.95528, 1.59847, 2.8758, 3.28201, 2.4407, 0.89694, -1.37964, -3.41124, -3.25702, -1.91349, -0.58442,
    ];
    run.seasonal.forEach((s, i) => expect(s).toBeCloseTo(rSeasonal[i]!, 2));
  });

  it('reproduces R on AirPassengers (multiplicative): alpha 0.27559, beta 0.032693, gamma 0.87073, a 469.32322', () => {
    const fit = fitHoltWinters(AIR_PASSENGERS, 12, 'multiplicative');
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    const p = fit.model.parameters;
    closeTo(p.alpha!, 0.27559, 2e-4);
    closeTo(p.beta!, 0.032693, 2e-3);
    closeTo(p.gamma!, 0.87073, 2e-4);
    const run = runHoltWinters(
      AIR_PASSENGERS,
      12,
      'multiplicative',
      { alpha: p.alpha!, beta: p.beta!, gamma: p.gamma! },
      holtWintersStart(AIR_PASSENGERS, 12, 'multiplicative'),
    );
    closeTo(run.level, 469.32322, 1e-4);
    closeTo(run.trend, 3.02154, 2e-3);
    const rSeasonal = [
      0.94646, 0.88292, 0.97174, 1.03048, 1.04769, 1.18053, 1.35908, 1.33317, 1.10834, 0.98688, 0.83613, 0.92099,
    ];
    run.seasonal.forEach((s, i) => expect(s).toBeCloseTo(rSeasonal[i]!, 3));
  });

  it('forecasts level + h trend + seasonal index, with intervals that widen and nest', () => {
    const fit = fitHoltWinters(CO2, 12, 'additive');
    if (!fit.ok) throw new Error(fit.reason);
    const path = fit.model.forecast(24, [0.8, 0.95]);
    expect(path.mean).toHaveLength(24);
    const [i80, i95] = path.intervals;
    for (let h = 0; h < 24; h++) {
      expect(i95!.lower[h]!).toBeLessThan(i80!.lower[h]!);
      expect(i95!.upper[h]!).toBeGreaterThan(i80!.upper[h]!);
      if (h > 0) expect(i95!.upper[h]! - i95!.lower[h]!).toBeGreaterThan(i95!.upper[h - 1]! - i95!.lower[h - 1]!);
    }
  });

  it('refuses multiplicative seasonality when a value is zero, saying why', () => {
    const y = CO2.slice(0, 48).map((v, i) => (i === 30 ? 0 : v));
    expect(fitHoltWinters(y, 12, 'multiplicative')).toEqual({
      ok: false,
      reason: 'multiplicative Holt-Winters needs every value above zero',
    });
  });
});
