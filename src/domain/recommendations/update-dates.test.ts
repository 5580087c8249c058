/** The dates a recommendation's update may carry: from the year its assessment was written, to today. */
import { describe, expect, it } from 'vitest';
import { updateDateProblem, updateDateWindow } from './update-dates.js';

describe('recommendation update dates', () => {
  const window = updateDateWindow('2016/17', '2026-12-07');

  it('runs from 1 April of the year the assessment was written to today', () => {
    expect(window).toEqual({ from: '2015-04-01', to: '2026-12-07' });
  });

  it('accepts dates inside, including both ends', () => {
    for (const d of ['2015-04-01', '2016-09-01', '2026-12-07'])
      expect(updateDateProblem(d, window, '2016/17')).toBe(null);
  });

  it('refuses 1990, 2099, tomorrow and a day that does not exist, saying why', () => {
    expect(updateDateProblem('1990-01-01', window, '2016/17')).toBe(
      'Update date 1990-01-01 is before the recommendation was made (in 2016/17, written from 2015-04-01).',
    );
    expect(updateDateProblem('2099-01-01', window, '2016/17')).toMatch(/in the future.*today is 2026-12-07/);
    expect(updateDateProblem('2026-12-08', window, '2016/17')).toMatch(/in the future/);
    expect(updateDateProblem('2017-02-30', window, '2016/17')).toMatch(/not a date/);
  });
});
