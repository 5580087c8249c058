/**
 * One investigation in full, for its page (issue 16): its devices, its imports (file, records,
 * who and when), its identifiers with their counts and roles, the investigations the reader may
 * see that share an identifier with it, and, for those they may not see, only whom to contact
 * (deconfliction without disclosure, audited for both sides as a search's hit is); and re-marking
 * it. Why a module of its own: these reads start from one investigation the reader can see and
 * never change the analyses' queries (reads.ts). Decisions: service numbers (999, 101, short
 * codes) neither link nor trigger a notice; a hidden investigation is never named, counted per
 * investigation or dated to the reader, only its organisation's contact is; the page's read is
 * audited at the investigation's marking.
 */
import { sql } from 'kysely';
import { highestMarking, type Marking } from '../../domain/marking.js';
import type { Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { toInt, toIsoOrNull } from '../core/rows.js';
import { dbOf, type Store } from '../core/store.js';
import {
  readHiddenInvestigations,
  readInvestigation,
  readInvestigationsPlain,
  type LinkInvestigation,
} from './reads.js';

export interface LinkDeviceRow {
  readonly id: number;
  readonly label: string;
  readonly createdAt: string | null;
  readonly imports: number;
  readonly identifiers: number;
  readonly events: number;
}

export interface LinkImportRow {
  readonly id: number;
  readonly device: string;
  readonly fileName: string;
  readonly format: string;
  readonly region: string;
  readonly mappings: readonly string[];
  readonly records: number;
  readonly identifiers: number;
  readonly events: number;
  readonly skipped: number;
  readonly importedBy: string | null;
  readonly importedAt: string | null;
}

export interface LinkIdentifierCount {
  readonly kind: string;
  readonly value: string;
  readonly status: string;
  /** Records naming it, by role (owner, contact, caller, callee, sender, recipient, party). */
  readonly roles: Readonly<Record<string, number>>;
  readonly count: number;
  readonly devices: number;
}

export interface LinkedInvestigation {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
  readonly organisationId: string;
  readonly marking: Marking;
  /** Identifiers (not service numbers) both hold. */
  readonly shared: number;
}

export interface InvestigationDetail {
  readonly investigation: LinkInvestigation;
  readonly devices: readonly LinkDeviceRow[];
  readonly imports: readonly LinkImportRow[];
  readonly identifiers: readonly LinkIdentifierCount[];
  readonly linked: readonly LinkedInvestigation[];
  /** Organisations holding some of its identifiers in investigations the reader may not see. */
  readonly hiddenHolders: readonly string[];
}

/** The investigation's page. `deconflict`: whether hidden holders are looked for (deployment setting). */
export async function linkInvestigationDetail(
  store: Store,
  actor: Actor,
  which: string | number,
  deconflict = true,
): Promise<InvestigationDetail> {
  const db = dbOf(store);
  const investigation = await readInvestigation(db, actor, which);
  const id = investigation.id;
  const devices = await db
    .selectFrom('link_devices as d')
    .select(['d.id', 'd.label', 'd.created_at'])
    .select([
      sql<number>`(SELECT count(*) FROM link_imports i WHERE i.device_id = d.id)::int`.as('imports'),
      sql<number>`(SELECT count(*) FROM link_identifiers x WHERE x.device_id = d.id)::int`.as('identifiers'),
      sql<number>`(SELECT count(*) FROM link_events e WHERE e.device_id = d.id)::int`.as('events'),
    ])
    .where('d.investigation_id', '=', id)
    .orderBy('d.label')
    .execute();
  const imports = await db
    .selectFrom('link_imports as i')
    .innerJoin('link_devices as d', 'd.id', 'i.device_id')
    .leftJoin('users as u', 'u.id', 'i.imported_by')
    .select([
      'i.id',
      'd.label as device',
      'i.file_name',
      'i.format',
      'i.region',
      'i.mappings',
      'i.records',
      'i.identifiers',
      'i.events',
      'i.skipped',
      'u.username',
      'i.imported_at',
    ])
    .where('i.investigation_id', '=', id)
    .orderBy('i.imported_at')
    .orderBy('i.id')
    .execute();
  const counted = await sql<{ kind: string; value: string; status: string; role: string; n: number; devices: number }>`
    SELECT kind, value, status, role, count(*)::int AS n, count(DISTINCT device_id)::int AS devices
    FROM (SELECT kind, value, status, role, device_id FROM link_identifiers WHERE investigation_id = ${id}
          UNION ALL
          SELECT kind, value, status, role, device_id FROM link_events WHERE investigation_id = ${id}) m
    GROUP BY kind, value, status, role`.execute(db);
  const byKey = new Map<
    string,
    { kind: string; value: string; status: string; roles: Record<string, number>; count: number; devices: number }
  >();
  for (const r of counted.rows) {
    const k = `${r.kind}|${r.value}`;
    const e = byKey.get(k) ?? { kind: r.kind, value: r.value, status: r.status, roles: {}, count: 0, devices: 0 };
    e.roles[r.role] = (e.roles[r.role] ?? 0) + toInt(r.n);
    e.count += toInt(r.n);
    e.devices = Math.max(e.devices, toInt(r.devices));
    byKey.set(k, e);
  }
  const identifiers = [...byKey.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

  // Other investigations holding any of its linkable identifiers: read unfiltered, then split.
  const holders = await sql<{ investigation_id: number; shared: number }>`
    WITH mine AS (
      SELECT kind, value FROM link_identifiers WHERE investigation_id = ${id} AND status <> 'service'
      UNION SELECT kind, value FROM link_events WHERE investigation_id = ${id} AND status <> 'service'),
    others AS (
      SELECT investigation_id, kind, value FROM link_identifiers WHERE investigation_id <> ${id} AND status <> 'service'
      UNION SELECT investigation_id, kind, value FROM link_events WHERE investigation_id <> ${id} AND status <> 'service')
    SELECT o.investigation_id, count(*)::int AS shared FROM others o JOIN mine m ON m.kind = o.kind AND m.value = o.value
    GROUP BY o.investigation_id`.execute(db);
  const visible = new Map((await readInvestigationsPlain(db, actor)).map((i) => [i.id, i]));
  const linked: LinkedInvestigation[] = [];
  const hiddenIds: number[] = [];
  for (const h of holders.rows) {
    const v = visible.get(toInt(h.investigation_id));
    if (v === undefined) hiddenIds.push(toInt(h.investigation_id));
    else
      linked.push({
        id: v.id,
        reference: v.reference,
        title: v.title,
        organisationId: v.organisationId,
        marking: v.marking,
        shared: toInt(h.shared),
      });
  }
  linked.sort((a, b) => b.shared - a.shared || a.reference.localeCompare(b.reference));

  await writeAudit(db, actor, {
    action: 'read',
    table: 'link_investigations',
    recordId: id,
    marking: investigation.marking,
    organisationId: investigation.organisationId,
    after: {
      purpose: 'investigation',
      investigations: [investigation.reference],
      linked: linked.map((l) => l.reference),
    },
  });

  let hiddenHolders: string[] = [];
  if (deconflict && hiddenIds.length > 0) {
    const hidden = await readHiddenInvestigations(db, actor, hiddenIds);
    const byOrg = new Map<string, typeof hidden>();
    for (const h of hidden) byOrg.set(h.organisationId, [...(byOrg.get(h.organisationId) ?? []), h]);
    for (const [org, list] of byOrg) {
      await writeAudit(db, actor, {
        action: 'deconflict',
        table: 'link_investigations',
        recordId: list.map((h) => h.investigationId).join(','),
        marking: highestMarking(list.map((h) => h.marking)),
        organisationId: org,
        after: {
          // Never the reader's own investigation: it may be marked above what the owner may see.
          side: 'owner',
          purpose: 'investigation page',
          investigations: list.map((h) => h.reference),
          searchedBy: actor.username,
          searcherOrganisations: actor.organisationIds,
        },
      });
    }
    await writeAudit(db, actor, {
      action: 'deconflict',
      table: 'link_investigations',
      recordId: id,
      marking: investigation.marking,
      organisationId: investigation.organisationId,
      after: { side: 'searcher', investigation: investigation.reference, told: [...byOrg.keys()] },
    });
    hiddenHolders = [...byOrg.keys()].sort();
  }

  return {
    investigation,
    devices: devices.map((d) => ({
      id: d.id,
      label: d.label,
      createdAt: toIsoOrNull(d.created_at),
      imports: toInt(d.imports),
      identifiers: toInt(d.identifiers),
      events: toInt(d.events),
    })),
    imports: imports.map((i) => ({
      id: i.id,
      device: i.device,
      fileName: i.file_name,
      format: i.format,
      region: i.region,
      mappings: [...(i.mappings as readonly string[])],
      records: toInt(i.records),
      identifiers: toInt(i.identifiers),
      events: toInt(i.events),
      skipped: toInt(i.skipped),
      importedBy: i.username ?? null,
      importedAt: toIsoOrNull(i.imported_at),
    })),
    identifiers,
    linked,
    hiddenHolders,
  };
}

export interface RefusedImportRow {
  readonly device: string;
  readonly fileName: string;
  readonly rowsRead: number;
  readonly rejects: number;
  readonly firstRejects: readonly { source: string; line: number; field: string; reason: string }[];
  readonly refusedBy: string | null;
  readonly refusedAt: string | null;
}

/** The refused imports of an investigation the actor can see (read after `linkInvestigationDetail`). */
export async function readRefusedImports(store: Store, actor: Actor, id: number): Promise<RefusedImportRow[]> {
  const db = dbOf(store);
  const inv = await readInvestigation(db, actor, id);
  const rows = await db
    .selectFrom('link_refused_imports as r')
    .leftJoin('users as u', 'u.id', 'r.refused_by')
    .select(['r.device', 'r.file_name', 'r.rows_read', 'r.rejects', 'r.first_rejects', 'u.username', 'r.refused_at'])
    .where('r.investigation_id', '=', inv.id)
    .orderBy('r.refused_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    device: r.device,
    fileName: r.file_name,
    rowsRead: toInt(r.rows_read),
    rejects: toInt(r.rejects),
    firstRejects: (typeof r.first_rejects === 'string'
      ? JSON.parse(r.first_rejects)
      : r.first_rejects) as RefusedImportRow['firstRejects'],
    refusedBy: r.username ?? null,
    refusedAt: toIsoOrNull(r.refused_at),
  }));
}
