/**
 * Link analysis of seized-phone data (issue 16), under /links: the investigations (marked, owned
 * by an organisation), importing one device's export into one (the file as the body, all or
 * nothing: a refusal lists every rejected row in `details.rejects`), the search for one identifier
 * (with deconfliction: a match in an investigation the user may not see is told only as whom to
 * contact), the cross-reference, the network, the shortest path and the timeline, each with its
 * filters (investigations, dates, record types), and their CSV and GraphML exports. Every read is
 * audited in the store; every answer and export says the marking it is handled at.
 */
import { z } from 'zod';
import { idList, marking, orgIds, queryFlag, type Marking, type MarkedFields } from './fields.js';

export const LINK_RECORD_TYPES = ['contact', 'owner', 'call', 'message'] as const;
export type LinkRecordType = (typeof LINK_RECORD_TYPES)[number];

const when = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
    'expected YYYY-MM-DD or an ISO time',
  )
  .optional();
const region = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'expected a two-letter country code, e.g. GB')
  .transform((v) => v.toUpperCase())
  .optional();
const types = idList
  .pipe(z.array(z.enum(LINK_RECORD_TYPES, { error: `expected ${LINK_RECORD_TYPES.join(', ')}` })))
  .optional();

/** The filters every analysis takes: investigations (references or ids), dates, record types. */
export const LinkFilterQuery = z.object({
  investigation: idList.optional(),
  from: when,
  to: when,
  type: types,
});

/** GET /links/xref (and /links/xref.csv). */
export const LinkXrefQuery = LinkFilterQuery.extend({ devices: queryFlag.optional() });

/** GET /links/network (and /links/network.csv, /links/network.graphml). */
export const LinkNetworkQuery = LinkFilterQuery.extend({
  level: z.enum(['investigation', 'device']).optional(),
  all: queryFlag.optional(),
});

/** GET /links/path. */
export const LinkPathQuery = LinkFilterQuery.extend({
  a: z.string().trim().min(1, 'name an investigation or an identifier').max(200),
  b: z.string().trim().min(1, 'name an investigation or an identifier').max(200),
  region,
});

/** GET /links/search. */
export const LinkSearchQuery = z.object({
  q: z.string().trim().min(1, 'type a number, e-mail or handle').max(200),
  region,
});

/** GET /links/timeline (and /links/timeline.csv): an identifier's, or investigations'. */
export const LinkTimelineQuery = LinkFilterQuery.extend({
  identifier: z.string().trim().max(200).optional(),
  region,
});

/** POST /links/investigations. */
export const NewLinkInvestigationRequest = z.object({
  organisationId: z.string().trim().min(1, 'choose the organisation that owns it').max(100),
  reference: z
    .string()
    .trim()
    .min(1, 'give a reference, e.g. OP-ALDER')
    .max(100)
    .refine((v) => !v.includes('/'), 'a reference cannot hold "/"'),
  title: z.string().trim().max(300).optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});
export type NewLinkInvestigationRequest = z.infer<typeof NewLinkInvestigationRequest>;

/** POST /links/imports: the file is the body; what it is and where it goes, in the query. */
export const LinkImportQuery = z.object({
  investigation: z.string().trim().min(1, 'choose the investigation').max(200),
  device: z.string().trim().min(1, 'name the device (exhibit reference)').max(200),
  name: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[^/\\]+$/, 'a file name, without folders'),
  mapping: z.string().trim().max(100).optional(),
  region,
});

export interface LinkInvestigation extends MarkedFields {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
}

/** GET /links/investigations: each with its devices, contact and owner identifiers, call and message parties. */
export interface LinkInvestigationListed extends LinkInvestigation {
  readonly devices: number;
  readonly identifiers: number;
  readonly events: number;
}

export type LinkRole = 'owner' | 'contact' | 'caller' | 'callee' | 'sender' | 'recipient' | 'party';
export type LinkIdentifierKind = 'phone' | 'email' | 'handle' | 'imei' | 'imsi' | 'sender';

/** One row rejected by an import (the whole file is refused). */
export interface LinkReject {
  readonly source: string;
  readonly line: number;
  readonly field: string;
  readonly reason: string;
}

/** POST /links/imports (201, or 200 with `already` when this file was imported for this device before). */
export interface LinkImported {
  readonly investigation: LinkInvestigation;
  readonly deviceId: number;
  readonly importId: number;
  readonly already: boolean;
  readonly records: number;
  readonly identifiers: number;
  readonly events: number;
  readonly skipped: number;
  readonly file: string;
  readonly format: string;
  readonly tables: readonly {
    readonly source: string;
    readonly mapping: string;
    readonly records: number;
    readonly rejects: number;
    readonly skipped: number;
  }[];
  readonly unmapped: readonly { readonly source: string; readonly headers: readonly string[] }[];
}

/** GET /links/mappings: the column mappings an import may name. */
export interface LinkMappingListed {
  readonly id: string;
  readonly tool: string;
  readonly artifact: string;
  readonly origin: string;
}

export interface LinkPlace {
  readonly investigationId: number;
  readonly investigation: string;
  readonly deviceId: number;
  readonly device: string;
  readonly roles: readonly LinkRole[];
  readonly count: number;
  readonly first: string | null;
  readonly last: string | null;
}

export interface LinkXrefEntry {
  readonly kind: LinkIdentifierKind;
  readonly key: string;
  readonly flagged: boolean;
  readonly investigations: number;
  readonly devices: number;
  readonly count: number;
  readonly first: string | null;
  readonly last: string | null;
  readonly roles: Readonly<Partial<Record<LinkRole, number>>>;
  readonly places: readonly LinkPlace[];
}

/** GET /links/xref. */
export interface LinkXrefAnswer {
  readonly marking: Marking;
  readonly entries: readonly LinkXrefEntry[];
}

/** A match in an investigation the user may not see: whom to contact, nothing more. */
export interface LinkWithheldMatch {
  readonly organisationId: string;
  readonly organisation: string;
  readonly contact: string;
  readonly message: string;
}

/** GET /links/search. */
export interface LinkSearchAnswer {
  readonly identifier: string;
  readonly kind: string;
  readonly status: string;
  readonly found: LinkXrefEntry | null;
  readonly elsewhere: readonly LinkWithheldMatch[];
}

export interface LinkNetworkNode {
  readonly id: string;
  readonly type: 'investigation' | 'device' | LinkIdentifierKind;
  readonly label: string;
  readonly investigation?: string;
  readonly flagged?: boolean;
  readonly degree: number;
  readonly betweenness: number;
  readonly community: number;
  readonly component: number;
}

export interface LinkNetwork {
  readonly level: 'investigation' | 'device';
  readonly nodes: readonly LinkNetworkNode[];
  readonly edges: readonly {
    readonly source: string;
    readonly target: string;
    readonly weight: number;
    readonly roles: readonly LinkRole[];
  }[];
  readonly components: readonly {
    readonly id: number;
    readonly nodes: number;
    readonly entities: readonly string[];
    readonly identifiers: number;
  }[];
  readonly communities: number;
  readonly modularity: number;
}

/** GET /links/network. */
export interface LinkNetworkAnswer {
  readonly marking: Marking;
  readonly network: LinkNetwork;
}

/** GET /links/path: the chain, or null when nothing the user can see links the two. */
export interface LinkPathAnswer {
  readonly from: string;
  readonly to: string;
  readonly path:
    readonly { readonly id: string; readonly type: LinkNetworkNode['type']; readonly label: string }[] | null;
}

export interface LinkEvent {
  readonly investigationId: number;
  readonly investigation: string;
  readonly deviceId: number;
  readonly device: string;
  readonly type: 'call' | 'message';
  readonly direction: string;
  readonly at: string | null;
  readonly durationS: number | null;
  readonly role: LinkRole;
  readonly kind: LinkIdentifierKind;
  readonly value: string;
  readonly raw: string;
  readonly status: string;
  readonly source: string;
  readonly line: number;
}

/** GET /links/timeline: earliest first, at most 5,000 (`truncated` when there were more). */
export interface LinkTimelineAnswer {
  readonly identifier: string | null;
  readonly events: readonly LinkEvent[];
  readonly truncated: boolean;
  readonly marking: Marking;
}

/** PUT /links/contacts/:organisation: an organisation's designated deconfliction contact (its administrators). */
export const DeconflictionContactRequest = z.object({
  contact: z.string().trim().min(1, 'give a name or desk and how to reach them').max(300),
});

/** GET /links/contacts: each organisation's designated contact (none: the deployment's default is named). */
export interface DeconflictionContactListed {
  readonly organisationId: string;
  readonly organisation: string;
  readonly contact: string | null;
}

/** GET /links/investigations/:id: one investigation's page. */
export interface LinkInvestigationDetailAnswer {
  readonly investigation: LinkInvestigation;
  readonly devices: readonly {
    readonly id: number;
    readonly label: string;
    readonly createdAt: string | null;
    readonly imports: number;
    readonly identifiers: number;
    readonly events: number;
  }[];
  /** Each import kept (all or nothing: a refused file keeps nothing, so a kept one had no reject). */
  readonly imports: readonly {
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
  }[];
  readonly identifiers: readonly {
    readonly kind: string;
    readonly value: string;
    readonly status: string;
    readonly roles: Readonly<Record<string, number>>;
    readonly count: number;
    readonly devices: number;
  }[];
  /** Investigations the reader may see that share identifiers with it (service numbers aside). */
  readonly linked: readonly {
    readonly id: number;
    readonly reference: string;
    readonly title: string;
    readonly organisationId: string;
    readonly marking: Marking;
    readonly shared: number;
  }[];
  /** For investigations the reader may not see: whom to contact, nothing more (deconfliction). */
  readonly elsewhere: readonly LinkWithheldMatch[];
  /** Files refused for their rejected rows (nothing of them kept): who, when, and the first rejects. */
  readonly refused: readonly {
    readonly device: string;
    readonly fileName: string;
    readonly rowsRead: number;
    readonly rejects: number;
    readonly firstRejects: readonly LinkReject[];
    readonly refusedBy: string | null;
    readonly refusedAt: string | null;
  }[];
}

/** PUT /links/investigations/:id/marking. */
export const RemarkLinkInvestigationRequest = z.object({
  marking,
  expectedVersion: z.number().int().positive(),
});
export type RemarkLinkInvestigationRequest = z.infer<typeof RemarkLinkInvestigationRequest>;

/** GET /links/mappings/:id: a mapping whole (to edit it, or read how a shipped one reads a tool). */
export interface LinkMappingAnswer {
  readonly origin: string;
  readonly mapping: Readonly<Record<string, unknown>>;
}
