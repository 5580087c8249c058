/**
 * Wall-clock times in a named time zone, to and from instants, with the two daylight-saving traps
 * made explicit: a wall time that happens twice (clocks go back: 01:30 exists in summer time and
 * in winter time) and one that never happens (clocks go forward: 02:30 is skipped).
 *
 * Why: command-and-control exports write local times without an offset (San Diego, Dallas,
 * Seattle, and most UK systems in Europe/London). Demand profiles are by local hour, so each time
 * is kept as an instant (UTC) and as the local wall clock. Offsets come from the IANA database via
 * luxon's IANAZone (ICU in Node); they are cached per quarter-hour, since zones change offset only
 * at such boundaries, which keeps a million conversions cheap.
 *
 * Times are milliseconds; a "wall" value is the local date-time written as if it were UTC
 * (Date.UTC(y, m - 1, d, h, min, s)), so its day, hour and weekday read directly with getUTC*.
 */
import { IANAZone } from 'luxon';

const QUARTER_HOUR = 15 * 60 * 1000;
const HALF_DAY = 12 * 60 * 60 * 1000;

export type WallToInstant =
  | { readonly ok: true; readonly utc: number; readonly ambiguous: boolean }
  | { readonly ok: false; readonly reason: 'nonexistent' };

export class ZoneClock {
  readonly zone: string;
  private readonly iana: IANAZone;
  private readonly cache = new Map<number, number>();

  private constructor(zone: string, iana: IANAZone) {
    this.zone = zone;
    this.iana = iana;
  }

  /** The clock of an IANA zone name (`Europe/London`); undefined when the name is not one. */
  static of(zone: string): ZoneClock | undefined {
    if (!IANAZone.isValidZone(zone)) return undefined;
    return new ZoneClock(zone, IANAZone.create(zone));
  }

  /** Offset from UTC at an instant, in milliseconds (BST: +3,600,000). */
  offsetAt(utc: number): number {
    const bucket = Math.floor(utc / QUARTER_HOUR);
    let offset = this.cache.get(bucket);
    if (offset === undefined) {
      offset = this.iana.offset(bucket * QUARTER_HOUR) * 60_000;
      this.cache.set(bucket, offset);
    }
    return offset;
  }

  /** The local wall clock at an instant. */
  wallAt(utc: number): number {
    return utc + this.offsetAt(utc);
  }

  /**
   * The instant of a local wall time. When the wall time happens twice the first (summer-time)
   * instant is returned, flagged `ambiguous`; when it never happens, the reason says so.
   */
  instantOf(wall: number): WallToInstant {
    const before = this.offsetAt(wall - HALF_DAY);
    const after = this.offsetAt(wall + HALF_DAY);
    const candidates: number[] = [];
    for (const offset of before === after ? [before] : [before, after]) {
      const utc = wall - offset;
      if (this.offsetAt(utc) === offset) candidates.push(utc);
    }
    if (candidates.length === 0) return { ok: false, reason: 'nonexistent' };
    return { ok: true, utc: Math.min(...candidates), ambiguous: candidates.length > 1 };
  }
}
