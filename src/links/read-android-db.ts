/**
 * Android provider databases (`contacts2.db` / `calllog.db` with a `calls` table, `mmssms.db` with
 * `sms`, and `pdu`/`addr`/`part` for MMS, `contacts2.db` with `data`/`raw_contacts`/`mimetypes`), read with sql.js (SQLite in
 * WebAssembly, no native build). Why in memory: the file is read into a buffer and opened there,
 * so nothing is ever written next to the evidence (a normal open of a WAL-mode database creates
 * `-wal` and `-shm` files; phone-exports README). Decisions: each known table becomes one Table
 * whose headers are the database's column names, so the mappings for Android databases are
 * ordinary mapping files; the line is the row's `_id`; a table the file lacks is left out.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import type { Table } from './table.js';

let sqlJs: Promise<initSqlJs.SqlJsStatic> | undefined;
function engine(): Promise<initSqlJs.SqlJsStatic> {
  const dist = dirname(createRequire(import.meta.url).resolve('sql.js'));
  sqlJs ??= initSqlJs({ locateFile: (f: string) => join(dist, f) });
  return sqlJs;
}

/** Whether `buffer` starts like an SQLite database. */
export const isSqlite = (buffer: Buffer): boolean =>
  buffer.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000';

const columnsOf = (db: Database, table: string): string[] =>
  (db.exec(`PRAGMA table_info("${table}")`)[0]?.values ?? []).map((r) => String(r[1]));

const PHONE = 'vnd.android.cursor.item/phone_v2';
const EMAIL = 'vnd.android.cursor.item/email_v2';

/** The queries, each run only when its tables and columns are there. */
function queries(db: Database): { name: string; sql: string }[] {
  const out: { name: string; sql: string }[] = [];
  const calls = columnsOf(db, 'calls');
  if (calls.includes('number')) {
    const pick = ['_id', 'number', 'date', 'duration', 'type', 'countryiso', 'phone_account_address', 'name'].filter(
      (c) => calls.includes(c),
    );
    out.push({ name: 'calls', sql: `SELECT ${pick.map((c) => `"${c}"`).join(', ')} FROM calls ORDER BY _id` });
  }
  const sms = columnsOf(db, 'sms');
  if (sms.includes('address')) {
    const pick = ['_id', 'address', 'date', 'type', 'thread_id'].filter((c) => sms.includes(c));
    out.push({ name: 'sms', sql: `SELECT ${pick.map((c) => `"${c}"`).join(', ')} FROM sms ORDER BY _id` });
  }
  // MMS metadata (no bodies): each message's date (seconds), box, sender and recipients out of
  // `addr` (type 137 from; 151 to, 130 cc, 129 bcc), one line each; `insert-address-token` is
  // Android's stand-in for the phone's own number in a sent MMS, so it is left out. Delivery and
  // read reports (m_type 134, 136) are not messages.
  const pdu = columnsOf(db, 'pdu');
  const addr = columnsOf(db, 'addr');
  if (
    ['_id', 'date', 'msg_box'].every((c) => pdu.includes(c)) &&
    ['msg_id', 'address', 'type'].every((c) => addr.includes(c))
  ) {
    const parties = (types: string) =>
      `(SELECT group_concat(a.address, char(10)) FROM addr a WHERE a.msg_id = p._id AND a.type IN (${types})
          AND a.address IS NOT NULL AND a.address <> 'insert-address-token')`;
    const parts = columnsOf(db, 'part').includes('mid')
      ? ', (SELECT count(*) FROM part WHERE part.mid = p._id) AS parts'
      : '';
    out.push({
      name: 'mms',
      sql: `SELECT p._id AS _id, ${pdu.includes('thread_id') ? 'p.thread_id' : 'NULL'} AS thread_id, p.date AS date,
              p.msg_box AS msg_box, ${parties('137')} AS from_address, ${parties('151, 130, 129')} AS to_address${parts}
            FROM pdu p ${pdu.includes('m_type') ? 'WHERE p.m_type IS NULL OR p.m_type NOT IN (134, 136)' : ''}
            ORDER BY p._id`,
    });
  }
  if (
    columnsOf(db, 'data').includes('data1') &&
    columnsOf(db, 'raw_contacts').length > 0 &&
    columnsOf(db, 'mimetypes').length > 0
  ) {
    out.push({
      name: 'contacts',
      sql: `SELECT d._id AS _id, rc.display_name AS display_name,
              CASE WHEN m.mimetype = '${PHONE}' THEN d.data1 END AS phone_number,
              CASE WHEN m.mimetype = '${EMAIL}' THEN d.data1 END AS email_address
            FROM data d JOIN mimetypes m ON m._id = d.mimetype_id JOIN raw_contacts rc ON rc._id = d.raw_contact_id
            WHERE m.mimetype IN ('${PHONE}', '${EMAIL}') ORDER BY d._id`,
    });
  }
  return out;
}

export async function readAndroidDb(buffer: Buffer, source: string): Promise<Table[]> {
  const SQL = await engine();
  const db = new SQL.Database(new Uint8Array(buffer));
  try {
    return queries(db).map(({ name, sql }) => {
      // exec() answers nothing for a query without rows; a statement still names its columns.
      const statement = db.prepare(sql);
      const headers = statement.getColumnNames();
      statement.free();
      const [result] = db.exec(sql);
      const idAt = headers.indexOf('_id');
      return {
        source: `${source} [${name}]`,
        headers,
        rows: (result?.values ?? []).map((cells: SqlValue[], i) => ({
          line: idAt >= 0 ? Number(cells[idAt]) : i + 1,
          cells: cells.map((c) => (c instanceof Uint8Array ? null : c)),
        })),
      };
    });
  } finally {
    db.close();
  }
}
