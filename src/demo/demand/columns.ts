/**
 * Synthetic incidents held column by column while they are generated: a million incidents as
 * objects would take several hundred megabytes, as typed arrays a few tens. Writers (CSV) and the
 * demand profiles (IncidentTable) read these columns directly.
 */
export interface DemandColumns {
  size: number;
  readonly forces: readonly string[];
  readonly areas: string[];
  readonly codes: string[];
  force: Uint8Array;
  /** Local wall-clock time (ms, read with getUTC*) and the instant (UTC ms). */
  local: Float64Array;
  utc: Float64Array;
  /** Index into `areas` (LSOA codes), -1 none. */
  area: Int32Array;
  /** Indexes into DEMAND_CLASSES, GRADES, OUTCOMES. */
  demandClass: Uint8Array;
  grade: Uint8Array;
  outcome: Uint8Array;
  /** Indexes into `codes`. */
  opening: Int32Array;
  closing: Int32Array;
  crime: Uint8Array;
  mentalHealth: Uint8Array;
  /** Minutes after opening; NaN when none. */
  arrivedAfter: Float32Array;
  closedAfter: Float32Array;
  officerMinutes: Float32Array;
  units: Uint8Array;
}

export function emptyColumns(forces: readonly string[], capacity: number): DemandColumns {
  return {
    size: 0,
    forces,
    areas: [],
    codes: [],
    force: new Uint8Array(capacity),
    local: new Float64Array(capacity),
    utc: new Float64Array(capacity),
    area: new Int32Array(capacity),
    demandClass: new Uint8Array(capacity),
    grade: new Uint8Array(capacity),
    outcome: new Uint8Array(capacity),
    opening: new Int32Array(capacity),
    closing: new Int32Array(capacity),
    crime: new Uint8Array(capacity),
    mentalHealth: new Uint8Array(capacity),
    arrivedAfter: new Float32Array(capacity),
    closedAfter: new Float32Array(capacity),
    officerMinutes: new Float32Array(capacity),
    units: new Uint8Array(capacity),
  };
}

const ARRAYS = [
  'force',
  'local',
  'utc',
  'area',
  'demandClass',
  'grade',
  'outcome',
  'opening',
  'closing',
  'crime',
  'mentalHealth',
  'arrivedAfter',
  'closedAfter',
  'officerMinutes',
  'units',
] as const;

/** Makes room for one more row (doubling the arrays when full) and returns its index. */
export function nextRow(c: DemandColumns): number {
  if (c.size === c.force.length) {
    const capacity = Math.max(1024, c.size * 2);
    for (const name of ARRAYS) {
      const old = c[name];
      const grown = new (old.constructor as new (n: number) => typeof old)(capacity);
      grown.set(old as never);
      (c as unknown as Record<string, unknown>)[name] = grown;
    }
  }
  return c.size++;
}

/** Index of a string in a dictionary array, adding it when new. */
export function interner(values: string[]): (value: string) => number {
  const positions = new Map(values.map((v, i) => [v, i]));
  return (value) => {
    let i = positions.get(value);
    if (i === undefined) {
      i = values.length;
      values.push(value);
      positions.set(value, i);
    }
    return i;
  };
}
