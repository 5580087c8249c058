import { describe, expect, it } from 'vitest';
import { compileTimeFormat } from './date-format.js';
import { ZoneClock } from './zone-clock.js';

const wall = (s: string) => Date.parse(`${s}Z`);

describe('date formats of a saved mapping', () => {
  it('reads San Diego date_time (yyyy-MM-dd HH:mm:ss) as a local wall time', () => {
    expect(compileTimeFormat('yyyy-MM-dd HH:mm:ss')('2023-01-01 00:00:05')).toEqual({
      kind: 'wall',
      wall: wall('2023-01-01T00:00:05'),
    });
  });

  it('reads Seattle 12-hour times with AM/PM, 12 AM being midnight and 12 PM noon', () => {
    const p = compileTimeFormat('MM/dd/yyyy hh:mm:ss a');
    expect(p('08/19/2011 09:16:27 PM')).toEqual({ kind: 'wall', wall: wall('2011-08-19T21:16:27') });
    expect(p('08/19/2011 12:05:00 AM')).toEqual({ kind: 'wall', wall: wall('2011-08-19T00:05:00') });
    expect(p('08/19/2011 12:05:00 PM')).toEqual({ kind: 'wall', wall: wall('2011-08-19T12:05:00') });
  });

  it('rejects a 12-hour time whose AM/PM was lost (the San Antonio Time column trap)', () => {
    const p = compileTimeFormat('MM/dd/yy h:mm:ss a');
    expect(p('04/01/25 7:19:55')).toEqual({
      kind: 'error',
      reason: "'04/01/25 7:19:55' has no AM/PM, so its hour is ambiguous (expected MM/dd/yy h:mm:ss a)",
    });
    expect(p('04/01/25 10:04:29 AM')).toEqual({ kind: 'wall', wall: wall('2025-04-01T10:04:29') });
  });

  it('reads epoch milliseconds as an instant (San Antonio ResponseDate)', () => {
    expect(compileTimeFormat('epoch-ms')('1743509995000')).toEqual({ kind: 'instant', utc: 1743509995000 });
    expect(compileTimeFormat('epoch-ms')('17435x')).toMatchObject({ kind: 'error' });
  });

  it('reads floating ISO times (Dallas) as wall times and ISO times with an offset as instants', () => {
    expect(compileTimeFormat('iso')('2018-01-09T09:26:00.000')).toEqual({
      kind: 'wall',
      wall: wall('2018-01-09T09:26:00'),
    });
    expect(compileTimeFormat('iso')('2018-06-09T09:26:00+01:00')).toEqual({
      kind: 'instant',
      utc: wall('2018-06-09T08:26:00'),
    });
    expect(compileTimeFormat('iso')('2018-06-09T09:26Z')).toEqual({
      kind: 'instant',
      utc: wall('2018-06-09T09:26:00'),
    });
  });

  it('rejects days and months that do not exist, saying which', () => {
    expect(compileTimeFormat('iso')('2018-02-30T10:00')).toEqual({
      kind: 'error',
      reason: "'2018-02-30T10:00': day 30 does not exist in 2018-02",
    });
    expect(compileTimeFormat('dd/MM/yyyy HH:mm')('01/13/2018 10:00')).toMatchObject({
      reason: "'01/13/2018 10:00': month 13 does not exist",
    });
  });

  it('refuses a 12-hour pattern without AM/PM when the mapping is loaded', () => {
    expect(() => compileTimeFormat('MM/dd/yyyy hh:mm')).toThrow(/needs AM\/PM/);
  });
});

describe('ZoneClock', () => {
  const london = ZoneClock.of('Europe/London')!;
  const chicago = ZoneClock.of('America/Chicago')!;

  it('turns the San Antonio example 1743509995000 into 07:19:55 local (CDT)', () => {
    expect(new Date(chicago.wallAt(1743509995000)).toISOString()).toBe('2025-04-01T07:19:55.000Z');
  });

  it('gives BST and GMT wall times their instants', () => {
    expect(london.instantOf(wall('2018-07-01T12:00:00'))).toEqual({
      ok: true,
      utc: wall('2018-07-01T11:00:00'),
      ambiguous: false,
    });
    expect(london.instantOf(wall('2018-01-01T12:00:00'))).toEqual({
      ok: true,
      utc: wall('2018-01-01T12:00:00'),
      ambiguous: false,
    });
  });

  it('takes the first of a wall time that happens twice (clocks back) and says so', () => {
    // 28 October 2018, 01:30 happened at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
    expect(london.instantOf(wall('2018-10-28T01:30:00'))).toEqual({
      ok: true,
      utc: wall('2018-10-28T00:30:00'),
      ambiguous: true,
    });
  });

  it('says when a wall time never happened (clocks forward)', () => {
    // 25 March 2018: 01:00 GMT became 02:00 BST, so 01:30 did not exist.
    expect(london.instantOf(wall('2018-03-25T01:30:00'))).toEqual({ ok: false, reason: 'nonexistent' });
  });

  it('knows an IANA zone name from a made-up one', () => {
    expect(ZoneClock.of('Mars/Olympus')).toBeUndefined();
  });
});
