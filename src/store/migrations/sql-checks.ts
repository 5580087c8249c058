/**
 * CHECK constraints shared by the migrations, so the database refuses exactly what the code
 * refuses (a misspelt marking never lands). The lists are written out as they were when the
 * migrations shipped, never imported: a migration that has run must mean the same SQL for ever,
 * so a changed list in src/domain needs a new migration (check-constraints.test.ts compares the
 * database's CHECKs with the domain's lists and fails until there is one).
 */
/** The markings and roles as of migration 001. */
const MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET'];
const ROLES = ['admin', 'analyst', 'approver', 'reader'];

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const MARKING_CHECK = (column: string) => `CHECK (${column} IN (${list(MARKINGS)}))`;
export const ROLE_CHECK = `CHECK (role IN (${list(ROLES)}))`;
export const ASSESSMENT_STATUS_CHECK = (statuses: readonly string[]) => `CHECK (status IN (${list(statuses)}))`;

/** The columns every marked record carries. */
export const MARKED_COLUMNS = `
  marking text NOT NULL ${MARKING_CHECK('marking')},
  organisation_id text NOT NULL REFERENCES organisations(id),
  shared_with text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()`;
