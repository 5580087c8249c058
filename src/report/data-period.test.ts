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

const BOTH = ['warwickshire', 'west-mercia'];

describe('the crime data period', () => {
  it("is the latest complete financial year before the document's date, and says so", () => {
    const c = chooseDataPeriod(holding(BOTH, '2014-04', '2018-03'), BOTH, '2017-04-09');
    expect(c.period?.label).toBe('2016/17');
    expect(c.partYear).toBe(false);
    expect(c.reason).toBe("the latest complete financial year of data before the document's date (9 April 2017)");
  });

  it('never uses months after the date, even when the warehouse holds them', () => {
    const c = chooseDataPeriod(holding(BOTH, '2014-04', '2018-03'), BOTH, '2017-03-31');
    expect(c.period?.label).toBe('2015/16');
    expect(c.period?.last).toBe('2016-03');
  });

  it('goes back past a year with a month missing', () => {
    const c = holding(BOTH, '2015-04', '2017-09');
    delete c.sources['street/west-mercia/2016-11'];
    expect(chooseDataPeriod(c, BOTH, '2018-01-15').period?.label).toBe('2015/16');
  });

  it('gives a force that has just started its months as a part year, labelled so', () => {
    const c = chooseDataPeriod(holding(BOTH, '2017-04', '2017-09'), BOTH, '2017-11-01');
    expect(c.partYear).toBe(true);
    expect(c.period).toMatchObject({
      first: '2017-04',
      last: '2017-09',
      label: 'April 2017 to September 2017 (part year)',
    });
    expect(c.reason).toContain('with no comparison with an earlier year');
  });

  it('needs every force to have every month (a missing month is not zero crime)', () => {
    const c = holding(['warwickshire'], '2016-04', '2017-03');
    expect(chooseDataPeriod(c, BOTH, '2017-06-01').period).toBeNull();
  });

  it('takes a period an analyst names, when it is complete', () => {
    const c = holding(['warwickshire'], '2015-10', '2016-09');
    const asked = parseDataPeriod('12 months to 2016-09');
    expect(chooseDataPeriod(c, ['warwickshire'], '2017-04-09', asked).period?.label).toBe('12 months to 2016-09');
    expect(chooseDataPeriod(c, ['warwickshire'], '2017-04-09', parseDataPeriod('2016/17')).reason).toContain(
      'does not hold every month of 2016/17',
    );
    expect(() => parseDataPeriod('last year')).toThrow('is not a financial year (2016/17) or "12 months to YYYY-MM"');
  });
});
