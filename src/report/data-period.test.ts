import { describe, expect, it } from 'vitest';
import { emptyCatalog, type Catalog } from '../warehouse/catalog.js';
import { chooseDataPeriod, parseDataPeriod } from './data-period.js';

function holding(forces: string[], from: string, to: string): Catalog {
  const c = emptyCatalog();
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    for (const force of forces)
      c.sources[`street/${force}/${month}`] = {
        table: 'street',
        force,
        month,
        rows: 1,
        sourceSha256: 'x',
        source: `${month}-${force}-street.csv`,
        importId: 'imp-1',
      };
  }
  return c;
}

describe('the crime data period', () => {
  it("is the assessment's own financial year when the warehouse holds all of it", () => {
    expect(
      chooseDataPeriod(
        holding(['warwickshire', 'west-mercia'], '2015-04', '2018-03'),
        ['warwickshire', 'west-mercia'],
        '2017/18',
      ).period?.label,
    ).toBe('2017/18');
  });

  it('falls back to the latest complete year before it, and says why', () => {
    const c = chooseDataPeriod(
      holding(['warwickshire', 'west-mercia'], '2015-04', '2017-09'),
      ['warwickshire', 'west-mercia'],
      '2017/18',
    );
    expect(c.period?.label).toBe('2016/17');
    expect(c.reason).toContain('2017/18 is not complete');
  });

  it('needs every force to have every month (a missing month is not zero crime)', () => {
    const c = holding(['warwickshire'], '2016-04', '2017-03');
    expect(chooseDataPeriod(c, ['warwickshire', 'west-mercia'], '2016/17').period).toBeNull();
  });

  it('takes a period an analyst names, when it is complete', () => {
    const c = holding(['warwickshire'], '2015-10', '2016-09');
    const asked = parseDataPeriod('12 months to 2016-09');
    expect(chooseDataPeriod(c, ['warwickshire'], '2017/18', asked).period?.label).toBe('12 months to 2016-09');
    expect(chooseDataPeriod(c, ['warwickshire'], '2017/18', parseDataPeriod('2016/17')).reason).toContain(
      'does not hold every month of 2016/17',
    );
    expect(() => parseDataPeriod('last year')).toThrow('is not a financial year (2016/17) or "12 months to YYYY-MM"');
  });
});
