import { describe, expect, it } from 'vitest';
import { overdueReviews, type ReviewDue } from './overdue.js';
import { addMonths, checkDate, daysBetween } from './review-dates.js';
import { scoreSeries } from './series.js';

const due = (reference: string, nextReview: string, status: ReviewDue['status'] = 'open'): ReviewDue => ({
  id: 1,
  reference,
  title: reference,
  owner: 'DCC',
  status,
  nextReview,
});

describe('overdue reviews', () => {
  it('lists risks still held whose review was due before the date, longest overdue first', () => {
    const list = overdueReviews(
      [
        due('SR2', '2017-03-01'),
        due('SR1', '2017-04-10'),
        due('SR3', '2017-02-01', 'tolerated'),
        due('SR4', '2017-01-01', 'closed'),
        due('SR5', '2017-04-09'),
      ],
      '2017-04-10',
    );
    expect(list.map((r) => [r.reference, r.daysOverdue])).toEqual([
      ['SR3', 68],
      ['SR2', 40],
      ['SR5', 1],
    ]);
  });
});

describe('review dates', () => {
  it('moves a month on, keeping to the end of shorter months', () => {
    expect(addMonths('2017-01-31', 1)).toBe('2017-02-28');
    expect(addMonths('2016-12-15', 1)).toBe('2017-01-15');
    expect(addMonths('2016-01-31', 1)).toBe('2016-02-29');
    expect(daysBetween('2016-12-31', '2017-03-01')).toBe(60);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => checkDate('2017-02-30', 'review date')).toThrow(
      'The review date "2017-02-30" is not a date (expected YYYY-MM-DD).',
    );
    expect(() => checkDate('01/02/2017', 'next review date')).toThrow('next review date');
  });
});

describe('score series', () => {
  it('charts each dated review with its score, rating and movement from the one before', () => {
    const series = scoreSeries({ size: 5 }, [
      { dated: '2016-12-05', likelihood: 4, impact: 4 },
      { dated: '2017-01-09', likelihood: 4, impact: 5 },
      { dated: '2017-02-06', likelihood: 5, impact: 4 },
      { dated: '2017-03-06', likelihood: 3, impact: 4 },
    ]);
    expect(series.map((p) => [p.dated, p.score, p.rating, p.movement])).toEqual([
      ['2016-12-05', 16, 'high', 'new'],
      ['2017-01-09', 20, 'very high', 'up'],
      ['2017-02-06', 20, 'very high', 'same'],
      ['2017-03-06', 12, 'high', 'down'],
    ]);
  });
});
