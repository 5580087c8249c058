/**
 * The closed lists of the partners' priorities register: what a row is (a priority, or a note
 * about the partner's table that maps to no heading) and which kinds of organisation have
 * priorities recorded. Shared by the store, the API's request schemas and the web.
 */
export const PRIORITY_KINDS = ['priority', 'note'] as const;
export type PriorityKind = (typeof PRIORITY_KINDS)[number];

/** The kinds of organisation whose priorities are recorded. */
export const PARTNER_KINDS = ['csp', 'opcc', 'partner'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
