import { describe, expect, it } from 'vitest';
import { checkPrinted, checkPublishedPercentages, parsePrintedPercent } from './published-check.js';

describe('reading printed percentages', () => {
  it('reads the ways documents print them, keeping the printed decimals', () => {
    expect(parsePrintedPercent('- 36.2%')).toEqual({
      ok: true,
      printed: { kind: 'number', value: -36.2, decimals: 1 },
    });
    expect(parsePrintedPercent('- 8%')).toEqual({ ok: true, printed: { kind: 'number', value: -8, decimals: 0 } });
    expect(parsePrintedPercent('+ 1.2%')).toEqual({ ok: true, printed: { kind: 'number', value: 1.2, decimals: 1 } });
    expect(parsePrintedPercent('\u22123.10 %')).toEqual({
      ok: true,
      printed: { kind: 'number', value: -3.1, decimals: 2 },
    });
    expect(parsePrintedPercent('12')).toEqual({ ok: true, printed: { kind: 'number', value: 12, decimals: 0 } });
    expect(parsePrintedPercent('N/A')).toEqual({ ok: true, printed: { kind: 'not-applicable' } });
    expect(parsePrintedPercent('about 5%').ok).toBe(false);
  });
});

describe('the published-figure check', () => {
  const num = (value: number, decimals: number) => ({ kind: 'number', value, decimals }) as const;

  it('allows half a unit of the last printed decimal place, and no more', () => {
    expect(checkPrinted(num(-8, 0), -8.5).status).toBe('ok');
    expect(checkPrinted(num(-8, 0), -8.51).status).toBe('mismatch');
    expect(checkPrinted(num(-7.8, 1), -7.771).status).toBe('ok');
    expect(checkPrinted(num(-7.3, 1), -7.771)).toMatchObject({
      status: 'mismatch',
      tolerancePp: 0.05,
      computedAsPrinted: '-7.8%',
      reason: expect.stringContaining('printed -7.3%, the figures give -7.771%'),
    });
    expect(checkPrinted(num(1.2, 1), 1.25).status).toBe('ok'); // exactly half: rounding either way is defensible
  });

  it('matches N/A only where no percentage can be computed', () => {
    expect(checkPrinted({ kind: 'not-applicable' }, null).status).toBe('ok');
    expect(checkPrinted({ kind: 'not-applicable' }, 3).status).toBe('mismatch');
    expect(checkPrinted(num(3, 0), null)).toMatchObject({
      status: 'mismatch',
      reason: expect.stringContaining('figures give none'),
    });
  });

  it('checks every printed change against the same period a year earlier', () => {
    const checks = checkPublishedPercentages([
      { series: 's', organisation: 'a', period: '2015-09', value: 100 },
      { series: 's', organisation: 'a', period: '2016-09', value: 110, publishedPct: '+10%' },
      { series: 's', organisation: 'a', period: '2016-10', value: 5, publishedPct: '+3%' },
      { series: 's', organisation: 'b', period: '2016-09', value: 5, publishedPct: 'lots' },
    ]);
    expect(checks.map((c) => [c.organisation, c.period, c.comparedWith, c.previous, c.computedPct, c.status])).toEqual([
      ['a', '2016-09', '2015-09', 100, 10, 'ok'],
      ['a', '2016-10', '2015-10', null, null, 'mismatch'],
      ['b', '2016-09', '2015-09', null, null, 'mismatch'],
    ]);
    expect(checks[2]!.reason).toMatch(/'lots' is not a percentage/);
  });
});
