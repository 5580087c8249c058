/**
 * The saved column mapping for incident (calls for service) exports: which column holds what,
 * in which format and time zone, and how the force's codes translate into demand classes, grades
 * and outcomes. A JSON document validated by this schema; the format is documented in
 * docs/demand-formats.md and examples for four real systems are in data/demand/mappings/.
 *
 * Why a mapping and not a format per force: every command-and-control system exports different
 * columns and codes, and which code means "mental health" or "grade 1" is a local decision an
 * analyst makes and should be able to read, review and version, not something hidden in code.
 */
import { z } from 'zod';
import { DEMAND_CLASSES, GRADES, OUTCOMES } from '../../domain/demand/vocabulary.js';
import { areaField, codeLookup, columnName, flagField, timeField } from './fields.js';

export const INCIDENT_MAPPING_FORMAT = 'openstra.incident-mapping/1';

export const incidentMappingSchema = z
  .object({
    format: z.literal(INCIDENT_MAPPING_FORMAT),
    name: z.string().min(1),
    /** Where the export comes from (publisher, system, licence). */
    source: z.string().optional(),
    /** IANA zone of the local times in the file, e.g. Europe/London. */
    timeZone: z.string().min(1),
    /** What the publisher left out or blurred; repeated in every read report. */
    caveats: z.array(z.string()).default([]),
    /**
     * `refuse` (default): every column the mapping names must be in the header. `blank`: only the
     * id, opening time and opening code must be; other columns may be absent and read as empty
     * (OpenSTRA's own format, whose optional columns a force may leave out).
     */
    absentColumns: z.enum(['refuse', 'blank']).default('refuse'),
    columns: z
      .object({
        id: columnName,
        opened: timeField,
        arrived: timeField.optional(),
        closed: timeField.optional(),
        openingCode: columnName,
        closingCode: columnName.optional(),
        disposition: columnName.optional(),
        area: areaField.optional(),
        /** Present when the export has one row per unit attached: rows sharing an id are one incident. */
        unit: columnName.optional(),
        officerMinutes: z
          .object({ column: columnName, unit: z.enum(['minutes', 'hours', 'seconds']) })
          .strict()
          .optional(),
        grade: columnName.optional(),
        crimeRelated: flagField.optional(),
        mentalHealth: flagField.optional(),
      })
      .strict(),
    /**
     * Demand class of each incident, from the closing code when the export has one and it is
     * filled, else from the opening code (or from `column`, e.g. OpenSTRA's own `category`).
     */
    classes: codeLookup(DEMAND_CLASSES).extend({ column: columnName.optional() }),
    grades: codeLookup(GRADES).optional(),
    outcomes: codeLookup(OUTCOMES).optional(),
  })
  .strict();

export type IncidentMapping = z.infer<typeof incidentMappingSchema>;
