/** Issue 14: the date fields read what UK analysts type, and refuse dates that do not exist. */
import { describe, expect, it } from 'vitest';
import { dateWords, parseUkDate, ukDateText } from './uk-date';

const iso = (text: string) => {
  const r = parseUkDate(text);
  return r.kind === 'date' ? r.iso : r.kind;
};
const message = (text: string) => {
  const r = parseUkDate(text);
  return r.kind === 'error' ? r.message : `parsed as ${r.kind === 'date' ? r.iso : r.kind}`;
};

describe('parseUkDate', () => {
  it('reads day/month/year in the forms people type', () => {
    for (const text of [
      '9/4/2017',
      '09/04/2017',
      ' 9/4/2017 ',
      '9.4.2017',
      '9-4-2017',
      '9/4/17',
      '9 April 2017',
      '9 april 2017',
      '9 Apr 2017',
      '9 Apr. 2017',
      '9th April 2017',
      '9-Apr-2017',
      'Sunday 9 April 2017',
      'Sunday, 9 April 2017',
      '2017-04-09',
    ])
      expect(iso(text), text).toBe('2017-04-09');
    expect(iso('1/12/2017')).toBe('2017-12-01');
    expect(iso('9 Sept 2017')).toBe('2017-09-09');
    expect(iso('9 Sep 2017')).toBe('2017-09-09');
    expect(iso('29/2/2016')).toBe('2016-02-29');
  });

  it('says the date in words', () => {
    expect(parseUkDate('9/4/2017')).toEqual({ kind: 'date', iso: '2017-04-09', words: 'Sunday 9 April 2017' });
    expect(dateWords('2018-03-31')).toBe('Saturday 31 March 2018');
  });

  it('refuses dates that do not exist, with the reason', () => {
    expect(message('31/2/2017')).toBe('There is no 31 February 2017: it has 28 days');
    expect(message('29/2/2017')).toBe('There is no 29 February 2017: it has 28 days');
    expect(message('31/4/2017')).toBe('There is no 31 April 2017: it has 30 days');
    expect(message('0/4/2017')).toBe('There is no 0 April 2017: it has 30 days');
    expect(message('9/13/2017')).toBe('There is no month 13 (dates are day/month/year: 13/9/2017?)');
    expect(message('20/20/2017')).toBe('There is no month 20');
    expect(message('4/19/2017')).toBe('There is no month 19 (dates are day/month/year: 19/4/2017?)');
    expect(message('2017-02-30')).toBe('There is no 30 February 2017: it has 28 days');
  });

  it('refuses what is not a date', () => {
    for (const text of ['tomorrow', '9/4', '9/4/2017x', '2017', '9 4 2017 10', '94/2017', '9/4/201'])
      expect(message(text), text).toBe('Not a date: use day/month/year, e.g. 9/4/2017');
    expect(message('9 Foo 2017')).toBe('Not a month: “Foo”. Use day/month/year, e.g. 9/4/2017');
    expect(message('9/4/1017')).toBe('1017 is not a year this register can hold');
    expect(parseUkDate('  ')).toEqual({ kind: 'empty' });
  });

  it('shows a stored date as day/month/year', () => {
    expect(ukDateText('2017-04-09')).toBe('09/04/2017');
    expect(parseUkDate(ukDateText('2017-04-09'))).toMatchObject({ iso: '2017-04-09' });
    expect(ukDateText('')).toBe('');
  });
});
