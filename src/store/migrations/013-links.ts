/**
 * Migration 013: link analysis of seized-phone data (issue 16).
 *
 * Why: recommendation 11 of the seed asks for every mobile-telephone examination in one searchable
 * system, matched across investigations. Decisions:
 * - `link_investigations` is a marked record (marking, owning organisation, shares, version);
 *   its devices, imports, identifiers and events are not marked themselves: each belongs to
 *   exactly one investigation and is read only joined to the investigations the reader may see
 *   (store/links/reads.ts), so one marking governs everything seized in an investigation and a
 *   re-marking or share applies to all of it at once.
 * - Identifiers and events keep the raw text beside the normalised value, and the source file,
 *   table and line of the record they came from: links are evidence.
 * - No message bodies are stored (the issue needs none).
 * - The same file is imported once per device (its SHA-256).
 * - The lists in CHECKs are written out as they were when this shipped (sql-checks.ts).
 */
import { sql, type Kysely } from 'kysely';
import { MARKED_COLUMNS } from './sql-checks.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const KINDS = list(['phone', 'email', 'handle', 'imei', 'imsi', 'sender']);
const STATUSES = list(['valid', 'invalid', 'service']);

const STATEMENTS = [
  `CREATE TABLE link_investigations (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     reference text NOT NULL CHECK (reference <> ''),
     title text NOT NULL,
     ${MARKED_COLUMNS},
     UNIQUE (organisation_id, reference))`,
  `CREATE TABLE link_devices (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     investigation_id integer NOT NULL REFERENCES link_investigations(id),
     label text NOT NULL CHECK (label <> ''),
     created_by integer REFERENCES users(id),
     created_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (investigation_id, label))`,
  `CREATE TABLE link_imports (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     investigation_id integer NOT NULL REFERENCES link_investigations(id),
     device_id integer NOT NULL REFERENCES link_devices(id),
     file_name text NOT NULL,
     sha256 text NOT NULL,
     format text NOT NULL,
     region text NOT NULL,
     mappings text[] NOT NULL DEFAULT '{}',
     records integer NOT NULL,
     identifiers integer NOT NULL,
     events integer NOT NULL,
     skipped integer NOT NULL,
     imported_by integer REFERENCES users(id),
     imported_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (device_id, sha256))`,
  `CREATE TABLE link_identifiers (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     investigation_id integer NOT NULL REFERENCES link_investigations(id),
     device_id integer NOT NULL REFERENCES link_devices(id),
     import_id integer NOT NULL REFERENCES link_imports(id),
     role text NOT NULL CHECK (role IN ('owner', 'contact')),
     kind text NOT NULL CHECK (kind IN (${KINDS})),
     value text NOT NULL,
     raw text NOT NULL,
     status text NOT NULL CHECK (status IN (${STATUSES})),
     name text,
     source text NOT NULL,
     line integer NOT NULL)`,
  `CREATE TABLE link_events (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     investigation_id integer NOT NULL REFERENCES link_investigations(id),
     device_id integer NOT NULL REFERENCES link_devices(id),
     import_id integer NOT NULL REFERENCES link_imports(id),
     type text NOT NULL CHECK (type IN ('call', 'message')),
     direction text NOT NULL CHECK (direction IN ('incoming', 'outgoing', 'missed', 'unknown')),
     at timestamptz,
     duration_s integer CHECK (duration_s >= 0),
     role text NOT NULL CHECK (role IN ('caller', 'callee', 'sender', 'recipient', 'party')),
     kind text NOT NULL CHECK (kind IN (${KINDS})),
     value text NOT NULL,
     raw text NOT NULL,
     status text NOT NULL CHECK (status IN (${STATUSES})),
     source text NOT NULL,
     line integer NOT NULL)`,
  `CREATE INDEX link_identifiers_value ON link_identifiers (value)`,
  `CREATE INDEX link_identifiers_investigation ON link_identifiers (investigation_id)`,
  `CREATE INDEX link_events_value ON link_events (value)`,
  `CREATE INDEX link_events_investigation ON link_events (investigation_id, at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
