/**
 * Carry-forward step for the environmental-scanning register (CARRY_FORWARD_STEPS): the new
 * assessment gets a copy of every driver of the previous one, with its latest scores, themes and
 * evidence, pointing back with `carried_from` so its review history continues through the chain,
 * and a copy of every configuration, naming the copied drivers.
 *
 * Decisions: drivers are carried into next year's assessment and into a new version of the same
 * year (the scan is part of the document's content, so a revised document needs it; the older
 * version's drivers then take no more reviews). Every record is carried, including ones the actor
 * cannot see: copies keep their marking, organisation and shares, each is an audited create, and
 * the counts returned are of records the actor can see (a count of none is left out). This module
 * is not re-exported: its unfiltered reads run only inside createNextAssessment / reviseAssessment.
 */
import { canSee } from '../../../domain/marking.js';
import type { CarryContext } from '../../assessment/carry-step.js';
import { writeAudit } from '../../core/audit.js';
import { DRIVER_COLUMNS, toDriver } from './reads.js';
import { textArray } from '../../core/policy.js';
import { json, markedFields } from '../../core/rows.js';
import type { Tx } from '../../core/store.js';
import { unfilteredFrom } from '../../core/marked.js';

export async function carryDrivers(ctx: CarryContext): Promise<Record<string, number>> {
  const { tx, actor, from, to } = ctx;
  const rows = await unfilteredFrom(tx, 'drivers')
    .select(DRIVER_COLUMNS)
    .where('assessment_id', '=', from.id)
    .orderBy('number')
    .execute();
  const ids = new Map<number, { id: number; visible: boolean }>();
  let visible = 0;
  for (const d of rows.map(toDriver)) {
    const row = await tx
      .insertInto('drivers')
      .values({
        assessment_id: to.id,
        number: d.number,
        name: d.name,
        challenge: d.challenge,
        pestelo: d.pestelo,
        themes: textArray(d.themes),
        evidence: json(d.evidence),
        impact: d.impact,
        uncertainty: d.uncertainty,
        reviewed_on: d.reviewedOn,
        carried_from: d.id,
        marking: d.marking,
        organisation_id: d.organisationId,
        shared_with: textArray(d.sharedWith),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning(DRIVER_COLUMNS)
      .executeTakeFirstOrThrow();
    const copy = toDriver(row);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'drivers',
      recordId: copy.id,
      marking: copy.marking,
      organisationId: copy.organisationId,
      after: copy,
    });
    const seen = canSee(actor, copy);
    ids.set(d.id, { id: copy.id, visible: seen });
    if (seen) visible += 1;
  }
  const configurations = await carryConfigurations(ctx, ids);
  // Only what the actor can see is counted, and a register with nothing to show adds no key.
  return {
    ...(visible > 0 ? { drivers: visible } : {}),
    ...(configurations > 0 ? { driverConfigurations: configurations } : {}),
  };
}

async function carryConfigurations(
  ctx: CarryContext,
  ids: ReadonlyMap<number, { id: number; visible: boolean }>,
): Promise<number> {
  const { tx, actor, from, to } = ctx;
  const configs = await unfilteredFrom(tx, 'driver_configurations')
    .selectAll()
    .where('assessment_id', '=', from.id)
    .orderBy('id')
    .execute();
  let visible = 0;
  for (const c of configs) {
    const members = await tx
      .selectFrom('driver_configuration_members')
      .selectAll()
      .where('configuration_id', '=', c.id)
      .orderBy('role')
      .orderBy('position')
      .execute();
    const row = await tx
      .insertInto('driver_configurations')
      .values({
        assessment_id: to.id,
        topic: c.topic,
        note: c.note,
        carried_from: c.id,
        marking: c.marking,
        organisation_id: c.organisation_id,
        shared_with: textArray(c.shared_with),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const copied = members.map((m) => ({
      ...m,
      configuration_id: row.id,
      driver_id: ids.get(m.driver_id)?.id ?? m.driver_id,
    }));
    if (copied.length > 0) await tx.insertInto('driver_configuration_members').values(copied).execute();
    const copy = {
      id: row.id,
      assessmentId: to.id,
      topic: row.topic,
      note: row.note,
      carriedFrom: c.id,
      members: await memberNumbers(tx, row.id),
      ...markedFields(row),
    };
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'driver_configurations',
      recordId: row.id,
      marking: copy.marking,
      organisationId: copy.organisationId,
      after: copy,
    });
    if (canSee(actor, copy) && members.every((m) => ids.get(m.driver_id)?.visible === true)) visible += 1;
  }
  return visible;
}

async function memberNumbers(tx: Tx, configurationId: number): Promise<{ primary: number[]; secondary: number[] }> {
  const rows = await tx
    .selectFrom('driver_configuration_members as m')
    .innerJoin(unfilteredFrom(tx, 'drivers').select(['id', 'number']).as('drivers'), 'drivers.id', 'm.driver_id')
    .select(['m.role', 'drivers.number'])
    .where('m.configuration_id', '=', configurationId)
    .orderBy('m.position')
    .execute();
  return {
    primary: rows.filter((r) => r.role === 'primary').map((r) => r.number),
    secondary: rows.filter((r) => r.role === 'secondary').map((r) => r.number),
  };
}
