/**
 * Migrations frozen in time (issue 11): the migrations write their allowed values out literally,
 * and the code takes its lists from src/domain. This test reads every CHECK constraint from the
 * database's catalog (pg_constraint, on each dialect) and compares the values it allows with the
 * domain's lists, so a list changed in src/domain fails here until a new migration changes the
 * constraint too, and a migration can never silently change what an old one meant.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { ASSESSMENT_STATUSES } from '../../domain/assessment-statuses.js';
import { JOB_STATUSES } from '../../domain/jobs.js';
import { MARKINGS } from '../../domain/marking.js';
import { ORGANISATION_KINDS } from '../../domain/organisations.js';
import { FINDING_KINDS, FINDING_STATUSES, INSPECTION_GRADES } from '../../domain/plans/terms.js';
import { PRIORITY_KINDS } from '../../domain/priorities/kinds.js';
import { TAXONOMY_IDS } from '../../domain/priorities/taxonomy.js';
import { RECOMMENDATION_STATUSES } from '../../domain/recommendations/statuses.js';
import { MAX_SCALE_SIZE, MIN_SCALE_SIZE } from '../../domain/risk/scale.js';
import { RISK_STATUSES } from '../../domain/risk/statuses.js';
import { ROLES } from '../../domain/roles.js';
import { IDENTIFIER_KINDS, IDENTIFIER_STATUSES } from '../../domain/links/identifier.js';
import { DIRECTIONS, EVENT_TYPES, LINK_ROLES } from '../../domain/links/sightings.js';
import { CHALLENGE_GROUPS, CONFIGURATION_ROLES, DRIVER_SCALE, PESTELO_HEADINGS } from '../../domain/scanning/index.js';
import { dbOf } from '../core/store.js';

/** A CHECK as the catalog gives it: its table and its definition (pg_get_constraintdef). */
interface Check {
  readonly table: string;
  readonly definition: string;
}

/** The quoted values of `column = ANY (ARRAY['a'::text, ...])` (PostgreSQL's form of IN). */
export function allowedValues(definition: string, column: string): string[] | undefined {
  const m = new RegExp(String.raw`\(?\b${column}\b\)? = ANY \(\(?ARRAY\[([^\]]*)\]`).exec(definition);
  if (m === null) return undefined;
  return [...m[1]!.matchAll(/'((?:[^']|'')*)'/g)].map((v) => v[1]!.replaceAll("''", "'"));
}

/** The values one column's IN-list CHECKs allow on a table: exactly one such CHECK is expected. */
function inList(checks: readonly Check[], table: string, column: string): string[] {
  const found = checks
    .filter((c) => c.table === table)
    .map((c) => allowedValues(c.definition, column))
    .filter((v): v is string[] => v !== undefined);
  if (found.length !== 1) throw new Error(`expected one IN-list CHECK on ${table}.${column}, found ${found.length}`);
  return [...found[0]!].sort();
}

/** `(column >= lo) AND (column <= hi)`, PostgreSQL's form of BETWEEN. */
function range(checks: readonly Check[], table: string, column: string): [number, number] {
  const re = new RegExp(String.raw`\(${column} >= (\d+)\) AND \(${column} <= (\d+)\)`);
  const found = checks.filter((c) => c.table === table).flatMap((c) => re.exec(c.definition) ?? []);
  if (found.length !== 3) throw new Error(`expected one BETWEEN CHECK on ${table}.${column}`);
  return [Number(found[1]), Number(found[2])];
}

const sorted = (values: readonly string[]) => [...values].sort();

/** Every column whose CHECK must allow exactly a domain list: table, column, list. */
const LISTS: readonly (readonly [string, string, readonly string[]])[] = [
  ['organisations', 'kind', ORGANISATION_KINDS],
  ['users', 'clearance', MARKINGS],
  ['memberships', 'role', ROLES],
  ['audit_log', 'marking', MARKINGS],
  ['assessments', 'status', ASSESSMENT_STATUSES],
  ['recommendations', 'status', RECOMMENDATION_STATUSES],
  ['recommendation_updates', 'status_after', RECOMMENDATION_STATUSES],
  ['risks', 'status', RISK_STATUSES],
  ['risk_reviews', 'status_after', RISK_STATUSES],
  ['drivers', 'challenge', CHALLENGE_GROUPS],
  ['drivers', 'pestelo', PESTELO_HEADINGS],
  ['driver_configuration_members', 'role', CONFIGURATION_ROLES],
  ['partner_priorities', 'kind', PRIORITY_KINDS],
  ['partner_priority_revisions', 'marking', MARKINGS],
  ['inspections', 'grade', INSPECTION_GRADES],
  ['inspection_findings', 'kind', FINDING_KINDS],
  ['inspection_findings', 'status', FINDING_STATUSES],
  ['inspection_finding_updates', 'status_after', FINDING_STATUSES],
  ['jobs', 'status', JOB_STATUSES],
  ['link_identifiers', 'kind', IDENTIFIER_KINDS],
  ['link_identifiers', 'status', IDENTIFIER_STATUSES],
  ['link_identifiers', 'role', ['owner', 'contact']],
  ['link_events', 'kind', IDENTIFIER_KINDS],
  ['link_events', 'status', IDENTIFIER_STATUSES],
  ['link_events', 'type', EVENT_TYPES],
  ['link_events', 'direction', DIRECTIONS],
  ['link_events', 'role', LINK_ROLES.filter((r) => r !== 'owner' && r !== 'contact')],
  ['plan_objective_priorities', 'taxonomy_id', TAXONOMY_IDS],
];

/** Every table with the marked block of columns: its marking CHECK allows exactly the markings. */
const MARKED = [
  'assessments',
  'threats',
  'scores',
  'control_strategies',
  'recommendations',
  'risks',
  'drivers',
  'driver_configurations',
  'partner_priorities',
  'plans',
  'plan_mappings',
  'inspections',
  'inspection_findings',
  'analyst_texts',
  'link_investigations',
  'strategy_plans',
];

/** IN-list CHECKs with no list in src/domain (two words each, typed where they are used). */
const NOT_FROM_A_DOMAIN_LIST = ['assessments.combine_method', 'control_strategies.status'];

describeEachDialect('CHECK constraints and the domain lists', (get) => {
  let checks: Check[] = [];
  beforeAll(async () => {
    const store = get();
    const { rows } = await sql<Check>`
      SELECT c.relname AS table, pg_get_constraintdef(k.oid) AS definition
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'c' AND n.nspname = ${store.schema}
      ORDER BY c.relname, k.conname`.execute(dbOf(store));
    checks = rows;
  });

  it('reads the CHECKs from the catalog, and parses an IN list (the comparison can fail)', () => {
    expect(checks.length).toBeGreaterThan(80);
    expect(allowedValues(`CHECK ((status = ANY (ARRAY['open'::text, 'closed'::text])))`, 'status')).toEqual([
      'open',
      'closed',
    ]);
    expect(allowedValues(`CHECK ((role = ANY (ARRAY['a'::text])))`, 'status')).toBeUndefined();
    expect(() => inList(checks, 'risks', 'no_such_column')).toThrow(/expected one IN-list CHECK/);
  });

  it.each(LISTS)('%s.%s allows exactly the domain list', (table, column, list) => {
    expect(inList(checks, table, column)).toEqual(sorted(list));
  });

  it.each(MARKED)('%s.marking allows exactly the markings', (table) => {
    expect(inList(checks, table, 'marking')).toEqual(sorted(MARKINGS));
  });

  it('compares every IN-list CHECK in the database (a new one needs a domain list here)', () => {
    const covered = new Set([...LISTS.map(([t, c]) => `${t}.${c}`), ...MARKED.map((t) => `${t}.marking`)]);
    const all = checks.flatMap((c) =>
      [...c.definition.matchAll(/\(?(\w+)\)? = ANY \(\(?ARRAY\[/g)].map((m) => `${c.table}.${m[1]!}`),
    );
    expect(all.length).toBeGreaterThan(30);
    expect([...new Set(all.filter((k) => !covered.has(k)))].sort()).toEqual(NOT_FROM_A_DOMAIN_LIST);
  });

  it('bounds the risk scale and the driver scale as the domain does', () => {
    expect(range(checks, 'risks', 'scale_size')).toEqual([MIN_SCALE_SIZE, MAX_SCALE_SIZE]);
    expect(range(checks, 'driver_reviews', 'impact')).toEqual([DRIVER_SCALE.min, DRIVER_SCALE.max]);
    expect(range(checks, 'drivers', 'uncertainty')).toEqual([DRIVER_SCALE.min, DRIVER_SCALE.max]);
  });

  it('allows exactly the taxonomy ids in a priority', () => {
    const known = checks.filter((c) => c.table === 'partner_priorities' && c.definition.includes('taxonomy_ids <@'));
    expect(known).toHaveLength(1);
    const ids = [...known[0]!.definition.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
    expect(sorted(ids)).toEqual(sorted(TAXONOMY_IDS));
  });
});
