import { describe, expect, it } from 'vitest';
import { parseFindingStatus, parseInspectionGrade, parsePartialDate, parsePlanPeriod } from './terms.js';

describe('plans and inspections vocabulary', () => {
  it('reads grades and statuses as people write them', () => {
    expect(parseInspectionGrade('Requires Improvement')).toBe('requires_improvement');
    expect(parseInspectionGrade('not graded')).toBe('not_graded');
    expect(parseFindingStatus('In-Progress')).toBe('in_progress');
    expect(() => parseInspectionGrade('excellent')).toThrow(
      'Unknown inspection grade "excellent": expected one of outstanding, good, requires_improvement, inadequate, not_graded.',
    );
  });

  it('keeps a date only as precise as its source', () => {
    expect(parsePartialDate('2016')).toBe('2016');
    expect(parsePartialDate('2016-05')).toBe('2016-05');
    expect(parsePartialDate('2016-02-29')).toBe('2016-02-29');
    for (const bad of ['2016-13', '2015-02-29', 'May 2016', '16-05'])
      expect(() => parsePartialDate(bad)).toThrow('is not a date');
  });

  it('reads a plan period as a span of years', () => {
    expect(parsePlanPeriod('2016 – 2021')).toBe('2016-2021');
    expect(() => parsePlanPeriod('2021-2016')).toThrow('is not a span of years');
    expect(() => parsePlanPeriod('2016/17')).toThrow('expected e.g. 2016-2021');
  });
});
