/**
 * The saved column mapping for missing-person episode exports (see docs/demand-formats.md; the
 * OpenSTRA form is data/demand/mappings/openstra-missing.json). Same building blocks as the
 * incident mapping: columns by name, date formats, a time zone, code lookups.
 */
import { z } from 'zod';
import { ADDRESS_TYPES, AGE_BANDS, RISKS } from '../../domain/demand/missing/episode.js';
import { areaField, codeLookup, columnName, flagField, timeField } from './fields.js';

export const MISSING_MAPPING_FORMAT = 'openstra.missing-mapping/1';

export const missingMappingSchema = z
  .object({
    format: z.literal(MISSING_MAPPING_FORMAT),
    name: z.string().min(1),
    source: z.string().optional(),
    timeZone: z.string().min(1),
    caveats: z.array(z.string()).default([]),
    absentColumns: z.enum(['refuse', 'blank']).default('refuse'),
    columns: z
      .object({
        id: columnName,
        /** The force's person reference: pseudonymised as it is read, never stored. */
        person: columnName,
        reported: timeField,
        found: timeField.optional(),
        risk: columnName.optional(),
        /** Age in whole years at the report... */
        age: columnName.optional(),
        /** ...or an age band already (mapped by `ageBands`). */
        ageBand: columnName.optional(),
        lookedAfter: flagField.optional(),
        addressType: columnName.optional(),
        missingFrom: columnName.optional(),
        missingFromArea: areaField.optional(),
        foundArea: areaField.optional(),
      })
      .strict(),
    risks: codeLookup(RISKS).optional(),
    ageBands: codeLookup(AGE_BANDS).optional(),
    addressTypes: codeLookup(ADDRESS_TYPES).optional(),
  })
  .strict();

export type MissingMapping = z.infer<typeof missingMappingSchema>;
