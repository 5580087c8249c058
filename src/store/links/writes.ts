/**
 * Writing link analysis data: investigations (marked, OFFICIAL-SENSITIVE by default, owned by an
 * organisation) and imports of one device's export into one. Why here: every write needs the
 * analyst (or admin) role in the investigation's organisation and a clearance at its marking, and
 * writes its audit row in the same transaction. Decisions: an import is one transaction (the
 * device, the import row, every identifier and event, the audit row) so a failure leaves nothing;
 * records with rejects never reach here (the caller refuses the file); the same file (SHA-256)
 * on the same device is imported once, and a second attempt changes nothing and says so. A
 * reference is unique among the investigations the writer can see (migration 017 keys it by
 * organisation and marking): one marked above the writer never changes their answer.
 */
import { conflictError, inputError } from '../../errors.js';
import type { Marking } from '../../domain/marking.js';
import { isEvent, type LinkRecord } from '../../domain/links/records.js';
import type { Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { changeMarked, visibleFrom } from '../core/marked.js';
import { requireCanMark, requireRole, textArray } from '../core/policy.js';
import { dbOf, inTransaction, type Store, type Tx } from '../core/store.js';
import { requireOrganisationsExist } from '../identity/organisations.js';
import { readInvestigation, toInvestigation, type LinkInvestigation } from './reads.js';

export interface NewLinkInvestigation {
  readonly organisationId: string;
  readonly reference: string;
  readonly title?: string | undefined;
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
}

/** The marking an investigation gets unless told otherwise (issue 16). */
export const DEFAULT_INVESTIGATION_MARKING: Marking = 'OFFICIAL-SENSITIVE';

export async function createLinkInvestigation(
  store: Store,
  actor: Actor,
  fields: NewLinkInvestigation,
): Promise<LinkInvestigation> {
  const reference = fields.reference.trim();
  if (reference === '' || reference.includes('/')) {
    throw inputError('An investigation needs a reference (e.g. OP-ALDER), without "/".');
  }
  const marking = fields.marking ?? DEFAULT_INVESTIGATION_MARKING;
  return inTransaction(store, async (tx) => {
    requireRole(actor, fields.organisationId, 'edit', `open an investigation of ${fields.organisationId}`);
    requireCanMark(actor, marking, fields.organisationId, fields.sharedWith);
    await requireOrganisationsExist(tx, fields.sharedWith ?? []);
    const clash = await visibleFrom(tx, actor, 'link_investigations')
      .select('id')
      .where('organisation_id', '=', fields.organisationId)
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (clash !== undefined) throw conflictError(`${fields.organisationId} already has an investigation ${reference}.`);
    const row = await tx
      .insertInto('link_investigations')
      .values({
        reference,
        title: (fields.title ?? '').trim(),
        marking,
        organisation_id: fields.organisationId,
        shared_with: textArray(fields.sharedWith ?? []),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const investigation = toInvestigation(row);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'link_investigations',
      recordId: investigation.id,
      marking,
      organisationId: investigation.organisationId,
      after: investigation,
    });
    return investigation;
  });
}

export interface DeviceImport {
  /** Investigation id or reference. */
  readonly investigation: string | number;
  /** The device's label in the investigation (exhibit number); made on its first import. */
  readonly device: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly format: string;
  readonly region: string;
  readonly mappings: readonly string[];
  readonly records: readonly LinkRecord[];
  readonly skipped: number;
}

export interface DeviceImportResult {
  readonly investigation: LinkInvestigation;
  readonly deviceId: number;
  readonly importId: number;
  /** True when this file was already imported for this device: nothing changed. */
  readonly already: boolean;
  readonly records: number;
  readonly identifiers: number;
  readonly events: number;
  readonly skipped: number;
}

const CHUNK = 2000;

async function insertChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function importDeviceRecords(store: Store, actor: Actor, d: DeviceImport): Promise<DeviceImportResult> {
  const label = d.device.trim();
  if (label === '') throw inputError('Name the device (--device EXHIBIT) the export came from.');
  return inTransaction(store, async (tx: Tx) => {
    const investigation = await readInvestigation(tx, actor, d.investigation);
    requireRole(actor, investigation.organisationId, 'edit', `import into investigation ${investigation.reference}`);
    let device = await tx
      .selectFrom('link_devices')
      .select('id')
      .where('investigation_id', '=', investigation.id)
      .where('label', '=', label)
      .executeTakeFirst();
    device ??= await tx
      .insertInto('link_devices')
      .values({ investigation_id: investigation.id, label, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = await tx
      .selectFrom('link_imports')
      .selectAll()
      .where('device_id', '=', device.id)
      .where('sha256', '=', d.sha256)
      .executeTakeFirst();
    if (before !== undefined) {
      return {
        investigation,
        deviceId: device.id,
        importId: before.id,
        already: true,
        records: before.records,
        identifiers: before.identifiers,
        events: before.events,
        skipped: before.skipped,
      };
    }
    const identifiers = d.records.flatMap((r) =>
      isEvent(r.type)
        ? []
        : r.parties.map((p) => ({ r, p, role: r.type === 'owner' || p.role === 'owner' ? 'owner' : 'contact' })),
    );
    const ownersOnEvents = d.records.flatMap((r) =>
      isEvent(r.type) ? r.parties.filter((p) => p.role === 'owner').map((p) => ({ r, p, role: 'owner' })) : [],
    );
    const events = d.records.flatMap((r) =>
      isEvent(r.type) ? r.parties.filter((p) => p.role !== 'owner').map((p) => ({ r, p })) : [],
    );
    const imp = await tx
      .insertInto('link_imports')
      .values({
        investigation_id: investigation.id,
        device_id: device.id,
        file_name: d.fileName,
        sha256: d.sha256,
        format: d.format,
        region: d.region,
        mappings: textArray(d.mappings),
        records: d.records.length,
        identifiers: identifiers.length + ownersOnEvents.length,
        events: events.length,
        skipped: d.skipped,
        imported_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const base = { investigation_id: investigation.id, device_id: device.id, import_id: imp.id };
    await insertChunks([...identifiers, ...ownersOnEvents], (chunk) =>
      tx
        .insertInto('link_identifiers')
        .values(
          chunk.map(({ r, p, role }) => ({
            ...base,
            role,
            kind: p.identifier.kind,
            value: p.identifier.key,
            raw: p.identifier.raw,
            status: p.identifier.status,
            name: r.name,
            source: r.source,
            line: r.line,
          })),
        )
        .execute(),
    );
    await insertChunks(events, (chunk) =>
      tx
        .insertInto('link_events')
        .values(
          chunk.map(({ r, p }) => ({
            ...base,
            type: r.type,
            direction: r.direction,
            at: r.at,
            duration_s: r.durationS,
            role: p.role,
            kind: p.identifier.kind,
            value: p.identifier.key,
            raw: p.identifier.raw,
            status: p.identifier.status,
            source: r.source,
            line: r.line,
          })),
        )
        .execute(),
    );
    const result = {
      investigation,
      deviceId: device.id,
      importId: imp.id,
      already: false,
      records: d.records.length,
      identifiers: identifiers.length + ownersOnEvents.length,
      events: events.length,
      skipped: d.skipped,
    };
    await writeAudit(tx, actor, {
      action: 'import',
      table: 'link_imports',
      recordId: imp.id,
      marking: investigation.marking,
      organisationId: investigation.organisationId,
      after: {
        investigation: investigation.reference,
        device: label,
        file: d.fileName,
        sha256: d.sha256,
        format: d.format,
        mappings: d.mappings,
        records: result.records,
        identifiers: result.identifiers,
        events: result.events,
        skipped: result.skipped,
      },
    });
    return result;
  });
}

/**
 * A new marking for an investigation, as the other registers re-mark (driver re-marking,
 * `changeMarked`): by an analyst or administrator of its owning organisation, up to their
 * clearance and only from a marking they can see, against the version read (409 when stale),
 * audited at the higher of the two markings. Its devices, imports, identifiers and events carry
 * no marking of their own: they are read only through the investigation, so they move with it.
 * A reference already used at the new marking by a record the writer can see is refused.
 */
export async function remarkLinkInvestigation(
  store: Store,
  actor: Actor,
  id: number,
  change: { readonly marking: Marking; readonly expectedVersion: number },
): Promise<LinkInvestigation> {
  return inTransaction(store, async (tx) => {
    const { after } = await changeMarked(tx, actor, {
      table: 'link_investigations',
      id,
      expectedVersion: change.expectedVersion,
      read: (t) => readInvestigation(t, actor, id),
      describe: (i) => `Investigation ${i.reference}`,
      role: { action: 'edit', what: (i) => `re-mark investigation ${i.reference}` },
      marking: change.marking,
      set: () => Promise.resolve({}),
    });
    return after;
  });
}

export interface RefusedImport {
  readonly investigation: string | number;
  readonly device: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly rowsRead: number;
  readonly rejects: readonly { source: string; line: number; field: string; reason: string }[];
}

/**
 * Records a refused import (migration 022) for the investigation's page: who tried which file,
 * how many rows it had, how many were rejected and the first 50 of them. Only for a writer of an
 * investigation they can see (anyone else's attempt is refused for that reason first); nothing
 * of the file is kept.
 */
export async function recordRefusedImport(store: Store, actor: Actor, r: RefusedImport): Promise<boolean> {
  const db = dbOf(store);
  const inv = await readInvestigation(db, actor, r.investigation).catch(() => undefined);
  if (inv === undefined) return false;
  const held = actor.roles[inv.organisationId] ?? [];
  if (!held.some((x) => x === 'admin' || x === 'analyst')) return false;
  await db
    .insertInto('link_refused_imports')
    .values({
      investigation_id: inv.id,
      device: r.device.trim(),
      file_name: r.fileName,
      sha256: r.sha256,
      rows_read: r.rowsRead,
      rejects: r.rejects.length,
      first_rejects: JSON.stringify(r.rejects.slice(0, 50)),
      refused_by: actor.userId,
    })
    .execute();
  return true;
}
