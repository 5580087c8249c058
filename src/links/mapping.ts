/**
 * Column mappings: how one tool's table becomes OpenSTRA records, by header name (an i2 "import
 * specification"). Why files: a mapping is made once per tool and artifact and reused, so it is
 * data, not code: the shipped ones are in `data/links/mappings/` (one file each, with the source
 * of its header names), and a user's own are saved in the workspace's `links/mappings/` folder
 * (`stra links mapping save`). Decisions: every column is named, never numbered, and may list
 * alternative names (tool versions rename them); a table is matched to the mapping whose `detect`
 * headers it all has (the most specific wins); values of direction columns are listed per tool.
 */
import { z } from 'zod';
import { IDENTIFIER_KINDS } from '../domain/links/identifier.js';
import { DIRECTIONS, LINK_ROLES } from '../domain/links/sightings.js';

const column = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const party = z.object({
  column,
  /** `counterpart`: the other party, caller or callee (sender or recipient) by the direction. */
  role: z.enum([...LINK_ROLES, 'counterpart']).default('counterpart'),
  /** What the column holds; without it each value is read as what it looks like. */
  kind: z.enum(IDENTIFIER_KINDS).optional(),
  /** Several values in one cell, one a line, each maybe "Label: value". */
  multi: z.boolean().default(false),
  /** In a multi-value cell, a `From:` / `To:` label gives the role (Cellebrite's `Parties`). */
  roleFromLabel: z.boolean().default(false),
});

export const MappingSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  tool: z.string().min(1),
  artifact: z.string().min(1),
  /** Where the header names come from (a source file and line, or a document). */
  source: z.string().optional(),
  record: z.enum(['contact', 'call', 'message', 'owner']),
  /** A column naming each row's record type (contact, call, message, owner), as the OpenSTRA CSV does. */
  recordColumn: z.string().min(1).optional(),
  /** Header names that must all be present for this mapping to be chosen automatically. */
  detect: z.array(z.string().min(1)).min(1),
  timestamp: z.object({ column, epoch: z.enum(['auto', 'unix-s', 'unix-ms', 'cocoa']).default('auto') }).optional(),
  direction: z
    .object({
      column: column.optional(),
      /** Cell value (any case) -> direction; values not listed are "unknown". */
      values: z.record(z.string(), z.enum(DIRECTIONS)).default({}),
      /** A fixed direction for every row (a voicemail table: incoming). */
      value: z.enum(DIRECTIONS).optional(),
    })
    .optional(),
  duration: z.object({ column }).optional(),
  /** Columns joined with a space to make a contact's name. */
  name: z.array(z.string().min(1)).default([]),
  parties: z.array(party).min(1),
  /** The device's own identifiers carried on each row (ALEAPP's `Phone Account Address`). */
  owner: z.array(party.omit({ role: true })).default([]),
  /** A column holding the region of national numbers (ISO country code), per row. */
  region: z.object({ column }).optional(),
});

export type Mapping = z.infer<typeof MappingSchema>;
export type MappingParty = z.infer<typeof party>;
