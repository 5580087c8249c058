/**
 * The fast path of `stra demand import` for incidents: DuckDB reads the CSV (read_csv) and applies
 * the saved mapping in SQL, leaving the typed rows in a temporary table `incoming`, where the
 * JavaScript reader (src/demand/incidents/read-incidents.ts) built an object per row and appended
 * them as text (about four times the CPU at a million rows).
 *
 * Same results, exactly: the header is checked by the JavaScript row compiler (the same errors);
 * code lookups, area patterns, yes/no flags and officer minutes are decided in JavaScript once per
 * distinct value (so a mapping's regular expressions keep their JavaScript meaning) and joined
 * back; times are parsed in SQL with the reader's own patterns and checks, and turned between local
 * wall clock and UTC through tables of the zone's offsets built by ZoneClock (clocks going back:
 * the summer-time instant, flagged ambiguous; clocks going forward: no instant); the content digest
 * is the same md5 of the same JSON. A test imports files both ways and compares every stored
 * column.
 *
 * It declines (returns a reason, and the import reads the file with the JavaScript reader) whenever
 * the answer would need the reader's per-row judgement: a row that would be rejected (the reader
 * names file, line, field and why), a row of the wrong length or with a quote inside a field, two
 * different rows under one reference, one row per unit (collapsed by the reader), a year before 100
 * or an unusual span of dates. Clean exports, the usual case, take the fast path.
 */
import { plural } from '../../domain/plural.js';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { IncidentMapping } from '../../demand/mapping/incident-mapping.js';
import { csvRecords, isGzip } from '../../demand/csv/records.js';
import { compileIncidentRow } from '../../demand/incidents/row-mapper.js';
import { compileLookup } from '../../demand/mapping/lookup.js';
import { flag } from '../../demand/mapping/values.js';
import { ZoneClock } from '../../demand/time/zone-clock.js';
import type { UnmappedCode } from '../../demand/incidents/read-incidents.js';
import type { Sql } from '../duckdb.js';
import { traced } from '../../trace.js';
import { sqlIdent, sqlString } from '../sql.js';
import { DAY, timeFormatSql, zoneSegments } from './sql-incident-times.js';

/** The header, read and checked before anything is locked; null when the fast path cannot apply. */
export interface SqlIncidentPlan {
  readonly header: readonly string[];
  readonly gzip: boolean;
  /** Whether the file may hold a double quote (a gzip file is not scanned: assume so). */
  readonly quotes: boolean;
}

export interface SqlIncidentRead {
  readonly lines: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly unmapped: UnmappedCode[];
  readonly ambiguous: number;
}

/** Characters String.prototype.trim removes. */
const JS_WHITESPACE =
  ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const KINDS: readonly UnmappedCode['lookup'][] = ['class', 'grade', 'outcome'];

/**
 * Reads the header and checks it against the mapping with the reader's own compiler (so a missing
 * column is refused with the same message). Null when the mapping needs the JavaScript reader.
 */
export async function planSqlIncidents(
  file: string,
  displayName: string,
  mapping: IncidentMapping,
): Promise<SqlIncidentPlan | null> {
  if (process.env.STRA_DEMAND_READER === 'js') return null;
  if (mapping.columns.unit) return null; // unit rows are collapsed by the reader
  const clock = ZoneClock.of(mapping.timeZone);
  if (!clock) return null;
  const times = [mapping.columns.opened, mapping.columns.arrived, mapping.columns.closed];
  if (times.some((t) => t && !timeFormatSql(t.format))) return null;
  let header: string[] | undefined;
  for await (const record of csvRecords(file, () => undefined)) {
    header = record.fields;
    break;
  }
  if (!header) return null; // the reader says the file is empty
  compileIncidentRow(displayName, header, mapping, clock); // throws the reader's header errors
  const gzip = await isGzip(file);
  return { header, gzip, quotes: gzip || (await holdsQuote(file)) };
}

export async function readIncidentsSql(
  duck: Sql,
  plan: SqlIncidentPlan,
  options: { file: string; displayName: string; mapping: IncidentMapping; force: string },
): Promise<SqlIncidentRead | { declined: string }> {
  const { mapping } = options;
  const c = mapping.columns;
  // Each statement traced (STRA_TRACE=1) by its first words.
  const label = (q: string) => q.replace(/\s+/g, ' ').slice(0, 60);
  const sql = {
    run: (q: string) => traced(`demand sql: ${label(q)}`, () => duck.run(q)),
    all: <T>(q: string) => traced(`demand sql: ${label(q)}`, () => duck.all<T>(q)),
    append: (t: string, rows: (string | null)[][]) => duck.append(t, rows),
  };
  const clock = ZoneClock.of(mapping.timeZone)!;
  const positions = new Map<string, number>();
  plan.header.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (key !== '' && !positions.has(key)) positions.set(key, i);
  });
  const at = (name: string | undefined) => (name === undefined ? -1 : (positions.get(name.trim().toLowerCase()) ?? -1));
  // A mapped column's raw text ('' when blank or absent). Values are trimmed in JavaScript, once
  // per distinct value, except the reference (trimmed here when it needs it) and the times (whose
  // patterns refuse surrounding spaces, so such a file goes to the reader).
  const raw = (name: string | undefined) => (at(name) < 0 ? `''` : `coalesce(c${at(name)}, '')`);
  const columns = `{${plan.header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}`;
  const source =
    `read_csv(${sqlString(options.file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
    `columns = ${columns}, strict_mode = true, null_padding = false, compression = '${plan.gzip ? 'gzip' : 'none'}')`;
  const id = raw(c.id);
  const keep = [
    ...new Set(
      [c.openingCode, c.closingCode, c.disposition, mapping.classes.column, c.grade, c.crimeRelated?.column]
        .concat([c.mentalHealth?.column, c.officerMinutes?.column, c.area?.column, c.area?.fallback?.column])
        .concat([c.opened, c.arrived, c.closed].flatMap((t) => t?.columns ?? []))
        .map(at)
        .filter((i) => i >= 0),
    ),
  ];
  try {
    await sql.run(
      `CREATE TEMP TABLE raw AS SELECT ` +
        [
          `hash(${plan.header.map((_, i) => `coalesce(c${i}, '')`).join(', ')}) AS sig`,
          ...(plan.quotes
            ? [`(${plan.header.map((_, i) => `coalesce(contains(c${i}, '"'), false)`).join(' OR ')}) AS quoted`]
            : []),
          `CASE WHEN regexp_matches(${id}, '^[!-~](?:.*[!-~])?$', 's') THEN ${id} ELSE trim(${id}, ${sqlString(JS_WHITESPACE)}) END AS id`,
          ...keep.map((i) => `coalesce(c${i}, '') AS c${i}`),
        ].join(', ') +
        ` FROM ${source}`,
    );
  } catch (err) {
    return { declined: `DuckDB could not read every row (${(err as Error).message.split('\n')[0]})` };
  }
  const [shape] = await sql.all<{ lines: number; quoted: number }>(
    `SELECT count(*)::BIGINT AS lines, ${plan.quotes ? 'count(*) FILTER (WHERE quoted)' : '0'}::BIGINT AS quoted FROM raw`,
  );
  if (shape!.quoted > 0)
    return {
      declined: `${plural(shape!.quoted, 'row')} ${shape!.quoted === 1 ? 'has' : 'have'} a quote inside a field`,
    };
  if (shape!.lines === 0) return { declined: 'no rows' };

  // The codes, flags, officer minutes and areas, decided in JavaScript once per distinct tuple.
  const unmapped = new Map<string, UnmappedCode>();
  const lookupOf = (kind: UnmappedCode['lookup'], spec: Parameters<typeof compileLookup>[0] | undefined) => {
    if (!spec) return null;
    const lookup = compileLookup(spec);
    return (value: string, rows: number) => {
      const out = lookup(value);
      const code = value.trim();
      if (lookup.unmapped.has(code)) {
        const key = `${kind}\u0001${code}`;
        const u = unmapped.get(key) ?? { lookup: kind, code, rows: 0 };
        unmapped.set(key, { ...u, rows: u.rows + rows });
      }
      return out;
    };
  };
  const lookupTable = async (
    name: string,
    keys: string[],
    decide: (values: string[], rows: number) => (string | null)[],
    types: string[],
  ) => {
    const values = await sql.all<Record<string, string | number>>(
      `SELECT ${keys.map((k, i) => `${k} AS k${i}`).join(', ')}, count(*)::BIGINT AS n FROM raw GROUP BY ALL`,
    );
    const cols = [...keys.map((_, i) => `k${i} VARCHAR`), ...types.map((_, i) => `x${i} VARCHAR`)];
    await sql.run(`CREATE TEMP TABLE ${name}_text (${cols.join(', ')})`);
    await sql.append(
      `${name}_text`,
      values.map((r) => {
        const v = keys.map((_, i) => String(r[`k${i}`]));
        return [...v, ...decide(v, Number(r.n))];
      }),
    );
    await sql.run(
      `CREATE TEMP TABLE ${name} AS SELECT ${keys.map((_, i) => `k${i}`).join(', ')}, ` +
        `${types.map((t, i) => `CAST(x${i} AS ${t}) AS x${i}`).join(', ')} FROM ${name}_text`,
    );
    return (alias: string) =>
      keys.map((k, i) => `${alias}.k${i} = raw.${k.replace(/^coalesce\((c\d+), ''\)$/, '$1')}`).join(' AND ');
  };
  const classOf = lookupOf('class', mapping.classes)!;
  const gradeOf = lookupOf('grade', mapping.grades);
  const outcomeOf = lookupOf('outcome', mapping.outcomes);
  const flagOf = (v: string, spec: { yes: string[]; no: string[] } | undefined) => {
    const f = spec ? flag(v.trim(), spec) : null;
    return f === null ? null : String(f);
  };
  const codeKeys = [c.openingCode, c.closingCode, c.disposition, mapping.classes.column, c.grade]
    .concat([c.crimeRelated?.column, c.mentalHealth?.column])
    .map((name) => (at(name) < 0 ? null : `c${at(name)}`));
  const codeCols = [...new Set(codeKeys.filter((k): k is string => k !== null))];
  const codeJoin = await lookupTable(
    'lk_codes',
    codeCols,
    (values, rows) => {
      const v = (k: number) => {
        const key = codeKeys[k];
        return key === null || key === undefined ? '' : values[codeCols.indexOf(key)]!.trim();
      };
      const openingCode = v(0);
      const closingCode = v(1) || null;
      const disposition = v(2) || null;
      const demandClass = classOf(mapping.classes.column ? v(3) : (closingCode ?? openingCode), rows);
      const crime = flagOf(v(5), c.crimeRelated);
      const mh = flagOf(v(6), c.mentalHealth);
      return [
        openingCode,
        closingCode,
        disposition,
        demandClass,
        gradeOf ? gradeOf(v(4), rows) : 'unknown',
        outcomeOf && disposition !== null ? outcomeOf(disposition, rows) : 'unknown',
        crime,
        String(mh === 'true' || demandClass === 'mental-health'),
      ];
    },
    ['VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'BOOLEAN', 'BOOLEAN'],
  );
  const minutesPer = { minutes: 1, hours: 60, seconds: 1 / 60 }[c.officerMinutes?.unit ?? 'minutes'];
  const minutesCol = at(c.officerMinutes?.column);
  const minutesJoin =
    minutesCol < 0
      ? null
      : await lookupTable(
          'lk_minutes',
          [`c${minutesCol}`],
          ([v]) => {
            const value = v!.trim();
            if (value === '') return ['true', null, null];
            const x = Number(value);
            if (!Number.isFinite(x) || x < 0) return ['false', null, null];
            return ['true', String(x * minutesPer), String(x * minutesPer)];
          },
          ['BOOLEAN', 'DOUBLE', 'VARCHAR'],
        );
  // The area: the first column whose value is not blank, "missing" or against its pattern.
  const areaSpecs = [c.area, c.area?.fallback].filter((a): a is NonNullable<typeof a> => a !== undefined);
  const areaCols = [...new Set(areaSpecs.map((a) => at(a.column)).filter((i) => i >= 0))].map((i) => `c${i}`);
  const areaRules = areaSpecs.map((a) => ({
    col: at(a.column) < 0 ? null : `c${at(a.column)}`,
    kind: a.kind,
    missing: new Set(a.missing.map((v) => v.trim().toLowerCase())),
    pattern: a.pattern ? new RegExp(a.pattern) : undefined,
  }));
  const areaJoin = areaCols.length
    ? await lookupTable(
        'lk_area',
        areaCols,
        (values) => {
          for (const a of areaRules) {
            const value = a.col === null ? '' : values[areaCols.indexOf(a.col)]!.trim();
            if (value === '' || a.missing.has(value.toLowerCase())) continue;
            if (a.pattern && !a.pattern.test(value)) continue;
            return [a.kind, value];
          }
          return [null, null];
        },
        ['VARCHAR', 'VARCHAR'],
      )
    : null;

  // Times: the regular expression runs once per value (its groups come back as a struct), then
  // the parts are checked and assembled.
  const timeSpecs = { opened: c.opened, arrived: c.arrived, closed: c.closed };
  const names = Object.keys(timeSpecs) as (keyof typeof timeSpecs)[];
  const stage1: string[] = [];
  const stage15: string[] = [];
  const stage2: string[] = [];
  for (const name of names) {
    const spec = timeSpecs[name];
    if (!spec) {
      stage1.push(`true AS ${name}_blank`);
      stage15.push(`NULL AS ${name}_q`);
      stage2.push(`{'v': NULL::BIGINT, 'instant': NULL::BOOLEAN} AS ${name}_p`);
      continue;
    }
    const f = timeFormatSql(spec.format)!;
    const present = spec.columns.filter((name2) => at(name2) >= 0).map((name2) => `c${at(name2)}`);
    const value = present.length === 0 ? `''` : present.join(` || ' ' || `);
    stage1.push(
      `${f.extract(value)} AS ${name}_m`,
      `${present.map((p) => `${p} = ''`).join(' AND ') || 'true'} AS ${name}_blank`,
    );
    stage15.push(`${f.parts(`${name}_m`)} AS ${name}_q`);
    stage2.push(`${f.value(`${name}_q`)} AS ${name}_p`);
  }
  await sql.run(
    `CREATE TEMP TABLE parsed AS SELECT raw.sig, raw.id, lc.x0 AS opening_code, lc.x1 AS closing_code, lc.x2 AS disposition, ` +
      `lc.x3 AS demand_class, lc.x4 AS grade, lc.x5 AS outcome, ` +
      `${areaJoin ? 'la.x0' : 'NULL::VARCHAR'} AS area_kind, ${areaJoin ? 'la.x1' : 'NULL::VARCHAR'} AS area_code, ` +
      `lc.x6 AS crime_related, lc.x7 AS mental_health, ` +
      `${minutesJoin ? 'lm.x0' : 'true'} AS minutes_ok, ${minutesJoin ? 'lm.x1' : 'NULL::DOUBLE'} AS officer_minutes, ` +
      `${minutesJoin ? 'lm.x2' : 'NULL::VARCHAR'} AS officer_minutes_text, ` +
      names.map((t) => `raw.${t}_p.v AS ${t}_v, raw.${t}_p.instant AS ${t}_instant, raw.${t}_blank`).join(', ') +
      ` FROM (SELECT q.*, ${stage2.join(', ')} FROM (SELECT s.*, ${stage15.join(', ')} FROM (SELECT raw.*, ${stage1.join(', ')} FROM raw) s) q) raw` +
      ` LEFT JOIN lk_codes lc ON ${codeJoin('lc') || 'true'}` +
      (minutesJoin ? ` LEFT JOIN lk_minutes lm ON ${minutesJoin('lm')}` : '') +
      (areaJoin ? ` LEFT JOIN lk_area la ON ${areaJoin('la')}` : ''),
  );
  const [bad] = await sql.all<{ bad: number; lo: number | null; hi: number | null }>(
    `SELECT count(*) FILTER (WHERE id = '' OR opening_code = '' OR NOT minutes_ok OR opened_v IS NULL ` +
      `OR (NOT arrived_blank AND arrived_v IS NULL) OR (NOT closed_blank AND closed_v IS NULL))::BIGINT AS bad, ` +
      `least(min(opened_v), min(arrived_v), min(closed_v)) AS lo, greatest(max(opened_v), max(arrived_v), max(closed_v)) AS hi FROM parsed`,
  );
  if (bad!.bad > 0) return { declined: `${plural(bad!.bad, 'row')} would be rejected` };
  if (bad!.hi! - bad!.lo! > 200 * 366 * DAY) return { declined: 'the dates span more than 200 years' };

  // The zone: offsets by instant (for times written with an offset) and by wall clock (for local
  // times), as ZoneClock gives them over the span of the file's times, as a search tree of CASEs.
  const zone = zoneSegments(clock, bad!.lo! - 3 * DAY, bad!.hi! + 3 * DAY);
  if (!zone) return { declined: 'the zone changes offset off the quarter hour' };
  if (zone.wall.length > 4096) return { declined: 'the zone changes offset too often over the span of the file' };
  const tree = <S extends { start: number }>(segs: S[], v: string, leaf: (s: S) => string): string => {
    if (segs.length === 1) return leaf(segs[0]!);
    const mid = Math.floor(segs.length / 2);
    return `CASE WHEN ${v} < ${segs[mid]!.start} THEN ${tree(segs.slice(0, mid), v, leaf)} ELSE ${tree(segs.slice(mid), v, leaf)} END`;
  };
  // Wall segments as codes: the offset, or NULL for the hour skipped; ambiguous ones marked apart.
  await sql.run(
    `CREATE TEMP TABLE timed AS SELECT p.*, ` +
      names
        .map((t) => {
          const wallOffset = tree(zone.wall, `${t}_v`, (s) => (s.ok ? String(s.offset) : 'NULL'));
          const ambiguous = zone.wall.some((s) => s.ambiguous)
            ? tree(zone.wall, `${t}_v`, (s) => String(s.ambiguous))
            : 'false';
          return (
            `CASE WHEN ${t}_instant THEN ${t}_v ELSE ${t}_v - ${wallOffset} END AS ${t}_utc, ` +
            `CASE WHEN ${t}_instant THEN ${t}_v + ${tree(zone.utc, `${t}_v`, (s) => String(s.offset))} ELSE ${t}_v END AS ${t}_local, ` +
            `coalesce(NOT ${t}_instant AND ${ambiguous}, false) AS ${t}_ambiguous`
          );
        })
        .join(', ') +
      ` FROM parsed p`,
  );
  const [checks] = await sql.all<{ bad: number; ids: number }>(
    `SELECT (SELECT count(*) FROM timed WHERE (opened_v IS NOT NULL AND opened_utc IS NULL) OR (arrived_v IS NOT NULL AND arrived_utc IS NULL) ` +
      `OR (closed_v IS NOT NULL AND closed_utc IS NULL) OR closed_utc < opened_utc)::BIGINT AS bad, ` +
      `(SELECT count(DISTINCT id) FROM timed)::BIGINT AS ids`,
  );
  // Repeated references (rare) must be identical repeats: only then is the signature compared.
  const [conflicts] =
    checks!.ids < shape!.lines
      ? await sql.all<{ differing: number }>(
          `SELECT count(*)::BIGINT AS differing FROM (SELECT id FROM timed GROUP BY id HAVING count(DISTINCT sig) > 1)`,
        )
      : [{ differing: 0 }];
  const differing = conflicts!.differing;
  if (checks!.bad > 0) return { declined: `${plural(checks!.bad, 'row')} would be rejected` };
  if (differing > 0) return { declined: `${differing} reference(s) have different rows` };

  const text = (e: string) => `CAST(${e} AS VARCHAR)`;
  const content = [
    'id',
    text('opened_utc'),
    text('opened_local'),
    text('arrived_utc'),
    text('arrived_local'),
    text('closed_utc'),
    text('closed_local'),
    'opening_code',
    'closing_code',
    'disposition',
    'demand_class',
    'grade',
    'outcome',
    'area_kind',
    'area_code',
    text('crime_related'),
    text('mental_health'),
    'officer_minutes_text',
    `'1'`,
  ];
  const distinct = checks!.ids < shape!.lines;
  await sql.run(
    `CREATE TEMP TABLE incoming AS SELECT ${sqlString(options.force)} AS force, ` +
      `CAST(strftime(make_timestamp(opened_local * 1000), '%Y-%m-01') AS DATE) AS month, id, ` +
      `opened_utc, opened_local, arrived_utc, arrived_local, closed_utc, closed_local, opening_code, closing_code, disposition, ` +
      `demand_class, grade, outcome, area_kind, area_code, crime_related, mental_health, officer_minutes, 1::INTEGER AS units, ` +
      `${sqlString(path.basename(options.displayName))} AS source, md5(CAST(to_json([${content.join(', ')}]) AS VARCHAR)) AS row_hash ` +
      `FROM (SELECT ${distinct ? 'DISTINCT ON (id)' : ''} * FROM timed)`,
  );
  const [amb] = await sql.all<{ n: number }>(
    `SELECT count(*)::BIGINT AS n FROM (SELECT ${distinct ? 'DISTINCT ON (id)' : ''} opened_ambiguous FROM timed) WHERE opened_ambiguous`,
  );
  for (const t of ['raw', 'parsed', 'timed']) await sql.run(`DROP TABLE ${sqlIdent(t)}`);
  return {
    lines: shape!.lines,
    accepted: checks!.ids,
    duplicates: shape!.lines - checks!.ids,
    // Most frequent first, as the reader lists them (ties: class, grade, outcome, then by code, where
    // the reader keeps the order first seen).
    unmapped: [...unmapped.values()].sort(
      (a, b) => b.rows - a.rows || KINDS.indexOf(a.lookup) - KINDS.indexOf(b.lookup) || a.code.localeCompare(b.code),
    ),
    ambiguous: amb!.n,
  };
}

/** Whether a (plain) file holds a double quote anywhere: a byte scan, far cheaper than per field. */
async function holdsQuote(file: string): Promise<boolean> {
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }))
    if ((chunk as Buffer).indexOf(0x22) >= 0) return true;
  return false;
}
