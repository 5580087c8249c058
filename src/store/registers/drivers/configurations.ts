/**
 * "Configured" use of the drivers: for a topic, the primary drivers and the secondary set, kept
 * as a named configuration of an assessment (marked, versioned, audited).
 *
 * Decisions: drivers are named by their number in the assessment, and each must exist, be
 * visible to the writer and be the newest link of its chain; none may be both primary and
 * secondary (the members table's key refuses it too). A configuration is marked at least as high
 * as its highest driver, and it is read only by someone who can see it AND every one of its
 * drivers, so it never reveals a driver its reader may not see. Topics are unique, ignoring case,
 * among the assessment's configurations the writer can see (core/uniqueness.ts).
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import { inputError, notFoundError } from '../../../errors.js';
import { highestMarking, markingRank, type Marking } from '../../../domain/marking.js';
import { checkConfiguration } from '../../../domain/scanning/index.js';
import type { Actor } from '../../core/actor.js';
import { readAssessment } from '../../assessment/assessments.js';
import { writeAudit } from '../../core/audit.js';
import { requireLatestLink, toDriver, visibleDrivers, type Driver } from './reads.js';
import { summarise, type DriverSummary } from './views.js';
import { requireOrganisationsExist } from '../../identity/organisations.js';
import { requireCanMark, requireRole, textArray } from '../../core/policy.js';
import { markedFields, type MarkedFields } from '../../core/rows.js';
import { dbOf, inTransaction, type Store, type Tx } from '../../core/store.js';
import type { Database } from '../../core/schema.js';
import { changeMarked, visibleFrom } from '../../core/marked.js';
import { refuseVisibleClash, resolveOne } from '../../core/uniqueness.js';

export interface DriverConfiguration extends MarkedFields {
  readonly id: number;
  readonly assessmentId: number;
  readonly topic: string;
  readonly note: string | null;
  /** In the order chosen. */
  readonly primary: readonly DriverSummary[];
  readonly secondary: readonly DriverSummary[];
  /** The configuration (in an earlier assessment) this one continues. */
  readonly carriedFrom: number | null;
}

export interface NewDriverConfiguration {
  readonly topic: string;
  /** Driver numbers in the assessment, most relevant first. */
  readonly primary: readonly number[];
  readonly secondary?: readonly number[] | undefined;
  readonly note?: string | undefined;
  /** At least the highest marking of its drivers, which is the default. */
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
}

export interface DriverConfigurationChanges {
  readonly topic?: string | undefined;
  readonly primary?: readonly number[] | undefined;
  readonly secondary?: readonly number[] | undefined;
  readonly note?: string | null | undefined;
}

export interface DriverConfigurationQuery {
  readonly assessmentId?: number | undefined;
  /** Any case. */
  readonly topic?: string | undefined;
}

export async function createDriverConfiguration(
  store: Store,
  actor: Actor,
  assessmentId: number,
  input: NewDriverConfiguration,
): Promise<DriverConfiguration> {
  const choice = checkConfiguration({ topic: input.topic, primary: input.primary, secondary: input.secondary ?? [] });
  return inTransaction(store, async (tx) => {
    const assessment = await readAssessment(tx, actor, assessmentId);
    requireRole(actor, assessment.organisationId, 'edit', `configure drivers of assessment ${assessmentId}`);
    const primary = await driversNumbered(tx, actor, assessmentId, choice.primary);
    const secondary = await driversNumbered(tx, actor, assessmentId, choice.secondary);
    const marking = configurationMarking(input.marking, [...primary, ...secondary]);
    requireCanMark(actor, marking, assessment.organisationId);
    await requireOrganisationsExist(tx, input.sharedWith ?? []);
    await requireFreeTopic(tx, actor, assessmentId, choice.topic);
    const row = await tx
      .insertInto('driver_configurations')
      .values({
        assessment_id: assessmentId,
        topic: choice.topic,
        note: input.note?.trim() || null,
        marking,
        organisation_id: assessment.organisationId,
        shared_with: textArray(input.sharedWith ?? []),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertMembers(tx, row.id, primary, secondary);
    const made = await readConfiguration(tx, actor, row.id);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'driver_configurations',
      recordId: made.id,
      marking,
      organisationId: made.organisationId,
      after: made,
    });
    return made;
  });
}

/** Changes the topic, note or drivers of a configuration (give the version you read). */
export async function updateDriverConfiguration(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  changes: DriverConfigurationChanges,
): Promise<DriverConfiguration> {
  return inTransaction(store, async (tx) => {
    const { after } = await changeMarked(tx, actor, {
      table: 'driver_configurations',
      id,
      expectedVersion,
      read: (t: Tx) => readConfiguration(t, actor, id),
      describe: (c) => `Driver configuration ${id} ("${c.topic}")`,
      role: { action: 'edit', what: `change driver configuration ${id}` },
      set: async (before) => {
        const choice = checkConfiguration({
          topic: changes.topic ?? before.topic,
          primary: changes.primary ?? before.primary.map((d) => d.number),
          secondary: changes.secondary ?? before.secondary.map((d) => d.number),
        });
        const primary = await driversNumbered(tx, actor, before.assessmentId, choice.primary);
        const secondary = await driversNumbered(tx, actor, before.assessmentId, choice.secondary);
        // At least as high as its highest driver (computed, so not a marking the writer chose).
        const marking = configurationMarking(before.marking, [...primary, ...secondary]);
        if (choice.topic.toLowerCase() !== before.topic.toLowerCase() || marking !== before.marking)
          await requireFreeTopic(tx, actor, before.assessmentId, choice.topic, id);
        // The members are replaced here, so that the record read back after the update has them.
        await tx.deleteFrom('driver_configuration_members').where('configuration_id', '=', id).execute();
        await insertMembers(tx, id, primary, secondary);
        return {
          topic: choice.topic,
          note: changes.note === undefined ? before.note : changes.note?.trim() || null,
          marking,
        };
      },
    });
    return after;
  });
}

export async function listDriverConfigurations(
  store: Store,
  actor: Actor,
  q: DriverConfigurationQuery = {},
): Promise<DriverConfiguration[]> {
  const db = dbOf(store);
  let query = visibleConfigurations(db, actor).select('id');
  if (q.assessmentId !== undefined) query = query.where('assessment_id', '=', q.assessmentId);
  if (q.topic !== undefined)
    query = query.where(sql<SqlBool>`lower(topic) = ${q.topic.trim().replace(/\s+/g, ' ').toLowerCase()}`);
  const ids = await query.orderBy('assessment_id').orderBy('topic').orderBy('id').execute();
  const out: DriverConfiguration[] = [];
  for (const { id } of ids) out.push(await readConfiguration(db, actor, id));
  return out;
}

export async function getDriverConfiguration(store: Store, actor: Actor, id: number): Promise<DriverConfiguration> {
  return readConfiguration(dbOf(store), actor, id);
}

/** Configurations the actor can see, with every driver in them visible too. */
const visibleConfigurations = (db: Kysely<Database>, actor: Actor) =>
  visibleFrom(db, actor, 'driver_configurations').where(({ not, exists, selectFrom }) =>
    not(
      exists(
        selectFrom('driver_configuration_members as m')
          .select('m.driver_id')
          .whereRef('m.configuration_id', '=', 'driver_configurations.id')
          .where('m.driver_id', 'not in', visibleFrom(db, actor, 'drivers').select('drivers.id')),
      ),
    ),
  );

async function readConfiguration(db: Kysely<Database>, actor: Actor, id: number): Promise<DriverConfiguration> {
  const row = await visibleConfigurations(db, actor).selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFoundError(`There is no driver configuration ${id} that you can see.`);
  const members = await visibleDrivers(db, actor)
    .innerJoin('driver_configuration_members as m', 'm.driver_id', 'drivers.id')
    .select(['m.role', 'm.position'])
    .where('m.configuration_id', '=', id)
    .orderBy('m.role')
    .orderBy('m.position')
    .execute();
  const of = (role: string) => members.filter((m) => m.role === role).map((m) => summarise(toDriver(m)));
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    topic: row.topic,
    note: row.note,
    primary: of('primary'),
    secondary: of('secondary'),
    carriedFrom: row.carried_from,
    ...markedFields(row),
  };
}

/** The assessment's drivers with these numbers, in that order; each must be visible and the newest link. */
async function driversNumbered(
  tx: Tx,
  actor: Actor,
  assessmentId: number,
  numbers: readonly number[],
): Promise<Driver[]> {
  if (numbers.length === 0) return [];
  const rows = await visibleDrivers(tx, actor)
    .where('drivers.assessment_id', '=', assessmentId)
    .where('drivers.number', 'in', [...numbers])
    .execute();
  const byNumber = new Map<number, Driver>();
  for (const n of new Set(numbers)) {
    const one = resolveOne(
      rows.filter((r) => r.number === n).map(toDriver),
      `Driver number ${n} of assessment ${assessmentId}`,
    );
    if (one !== undefined) byNumber.set(n, one);
  }
  const missing = numbers.filter((n) => !byNumber.has(n));
  if (missing.length > 0)
    throw inputError(
      `Assessment ${assessmentId} has no driver numbered ${missing.join(', ')} that you can see (stra driver list --assessment ${assessmentId}).`,
    );
  const drivers = numbers.map((n) => byNumber.get(n) as Driver);
  for (const d of drivers) await requireLatestLink(tx, d, 'configure it');
  return drivers;
}

function configurationMarking(wanted: Marking | undefined, drivers: readonly Driver[]): Marking {
  const floor = highestMarking(drivers.map((d) => d.marking));
  if (wanted !== undefined && markingRank(wanted) < markingRank(floor)) {
    throw inputError(
      `A configuration must be marked at least ${floor}, the highest marking of its drivers (it was ${wanted}).`,
    );
  }
  return wanted === undefined ? floor : highestMarking([wanted, floor]);
}

/** Refuses a topic a configuration the actor can see already has (a hidden one's is free: core/uniqueness.ts). */
async function requireFreeTopic(
  tx: Tx,
  actor: Actor,
  assessmentId: number,
  topic: string,
  exceptId = 0,
): Promise<void> {
  const clash = await visibleConfigurations(tx, actor)
    .select('id')
    .where('assessment_id', '=', assessmentId)
    .where('id', '<>', exceptId)
    .where(sql<SqlBool>`lower(topic) = ${topic.toLowerCase()}`)
    .executeTakeFirst();
  refuseVisibleClash(
    clash,
    `Assessment ${assessmentId} already has a driver configuration for "${topic}" (configuration ${clash?.id}); change that one instead.`,
    'topic',
  );
}

async function insertMembers(
  tx: Tx,
  configurationId: number,
  primary: readonly Driver[],
  secondary: readonly Driver[],
): Promise<void> {
  const rows = [
    ...primary.map((d, i) => ({
      configuration_id: configurationId,
      driver_id: d.id,
      role: 'primary',
      position: i + 1,
    })),
    ...secondary.map((d, i) => ({
      configuration_id: configurationId,
      driver_id: d.id,
      role: 'secondary',
      position: i + 1,
    })),
  ];
  if (rows.length > 0) await tx.insertInto('driver_configuration_members').values(rows).execute();
}
