import { describe, expect, it } from 'vitest';
import { readDuration, readTime } from './timestamps.js';

describe('timestamps of the exports', () => {
  it('reads Unix seconds, Android milliseconds and Cocoa seconds', () => {
    expect(readTime(1682425333)).toEqual({ ok: true, at: '2023-04-25T12:22:13.000Z' });
    expect(readTime(1617873247692)).toEqual({ ok: true, at: '2021-04-08T09:14:07.692Z' });
    expect(readTime('1617873247692')).toEqual({ ok: true, at: '2021-04-08T09:14:07.692Z' });
    expect(readTime(703_000_000, 'cocoa')).toEqual({ ok: true, at: '2023-04-12T13:46:40.000Z' });
  });

  it('reads ALEAPP text with and without its fraction, and Cellebrite local text with its zone', () => {
    expect(readTime('2021-04-08 09:14:07.692000+00:00')).toEqual({ ok: true, at: '2021-04-08T09:14:07.692Z' });
    expect(readTime('2021-02-18 17:40:31+00:00')).toEqual({ ok: true, at: '2021-02-18T17:40:31.000Z' });
    expect(readTime('18/04/2021 3:30:22 PM (UTC+2)')).toEqual({ ok: true, at: '2021-04-18T13:30:22.000Z' });
  });

  it('reads zero and blank as no time, and refuses text it cannot read', () => {
    expect(readTime(0)).toEqual({ ok: true, at: null });
    expect(readTime('')).toEqual({ ok: true, at: null });
    expect(readTime('yesterday')).toMatchObject({ ok: false });
    expect(readTime('2024-13-45 25:00')).toEqual({ ok: false, reason: 'is not a real date and time' });
    expect(readTime('31/02/2021 10:00:00')).toMatchObject({ ok: false });
  });

  it('reads durations in seconds or H:MM:SS', () => {
    expect(readDuration('00:01:35')).toEqual({ ok: true, seconds: 95 });
    expect(readDuration(5.0)).toEqual({ ok: true, seconds: 5 });
    expect(readDuration('1:05')).toEqual({ ok: true, seconds: 65 });
    expect(readDuration('long')).toMatchObject({ ok: false });
  });
});
