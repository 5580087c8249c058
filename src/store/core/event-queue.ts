/**
 * Audit events written off the request path (issue 13: the read audit must not push a read's p99
 * over 100 ms). An answered read queues its audit rows here; the queue writes them a moment
 * later, many at once, in one multi-row INSERT per batch, so a request pays no database round
 * trip for its audit.
 *
 * Nothing is lost silently:
 * - the queue is flushed before the audit is read (`listAudit`), so the audit view, its export
 *   and the tests see every row of every answered request;
 * - it is flushed when the store closes (a server stopping on SIGTERM);
 * - a batch that cannot be written goes back to the front of the queue, is logged, and is tried
 *   again with backoff; while the audit cannot be written, queuing refuses (`AuditUnavailable`),
 *   so requests that would disclose something fail instead of going unrecorded, as they did when
 *   the row was written on the request path;
 * - rows still unwritten when the store closes are logged in full (JSON), as evidence for an
 *   operator to replay, never dropped without a word.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { AuditLogTable, Database } from './schema.js';
import { plural } from '../../domain/plural.js';

export type AuditRow = Insertable<AuditLogTable>;

export interface EventQueueOptions {
  /** How long a queued row may wait before its batch is written (ms). */
  readonly delayMs?: number;
  /** A batch this large is written at once, without waiting. */
  readonly batchRows?: number;
  readonly log?: (line: string) => void;
}

/** The audit cannot be written just now: the request must not be answered unrecorded. */
export class AuditUnavailable extends Error {
  constructor(cause: unknown) {
    super(
      `The audit log cannot be written (${cause instanceof Error ? cause.message : String(cause)}); ` +
        'answers that must be audited are refused until it can. Check the database connection.',
    );
    this.name = 'AuditUnavailable';
  }
}

/** PostgreSQL allows 65,535 parameters per statement; an audit row takes 10. */
const STATEMENT_ROWS = 2000;
const MAX_BACKOFF_MS = 30_000;

export class EventQueue {
  private pending: AuditRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private failure: unknown = undefined;
  private backoffMs: number;
  private readonly delayMs: number;
  private readonly batchRows: number;
  private readonly log: (line: string) => void;

  constructor(
    private readonly db: Kysely<Database>,
    options: EventQueueOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 100;
    this.batchRows = options.batchRows ?? 500;
    this.backoffMs = this.delayMs;
    this.log = options.log ?? ((line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`));
  }

  /** Rows waiting to be written. */
  get size(): number {
    return this.pending.length;
  }

  /** Queues rows; refuses (throws AuditUnavailable) while the audit cannot be written. */
  add(rows: readonly AuditRow[]): void {
    if (this.failure !== undefined) throw new AuditUnavailable(this.failure);
    if (rows.length === 0) return;
    this.pending.push(...rows);
    if (this.pending.length >= this.batchRows) void this.flush().catch(() => undefined);
    else this.schedule(this.delayMs);
  }

  /** Writes every queued row now; rejects if they could not be written (they stay queued). */
  async flush(): Promise<void> {
    while (this.writing !== undefined) await this.writing.catch(() => undefined);
    if (this.pending.length === 0) return;
    this.clearTimer();
    const batch = this.pending;
    this.pending = [];
    this.writing = this.write(batch).finally(() => {
      this.writing = undefined;
    });
    await this.writing;
  }

  /** Flushes (trying a few times) before the store closes; logs any row it could not write. */
  async close(): Promise<void> {
    this.clearTimer();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.flush();
        return;
      } catch (err) {
        if (attempt >= 3) {
          this.log(
            `audit: ${plural(this.pending.length, 'audit row')} could not be written before closing (${String(err)}); they follow as JSON, one a line`,
          );
          for (const row of this.pending) this.log(`audit-unwritten ${JSON.stringify(row)}`);
          this.pending = [];
          return;
        }
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  }

  private async write(batch: AuditRow[]): Promise<void> {
    let done = 0;
    try {
      while (done < batch.length) {
        const part = batch.slice(done, done + STATEMENT_ROWS);
        try {
          await this.db.insertInto('audit_log').values(part).execute();
          done += part.length;
        } catch {
          await this.oneByOne(part, () => done++);
        }
      }
      if (this.failure !== undefined) this.log(`audit: the audit log can be written again`);
      this.failure = undefined;
      this.backoffMs = this.delayMs;
    } catch (err) {
      // Keep what was not written, ahead of anything queued meanwhile, and try again later.
      this.pending = [...batch.slice(done), ...this.pending];
      if (this.failure === undefined)
        this.log(`audit: ${plural(this.pending.length, 'audit row')} not written yet, will retry: ${String(err)}`);
      this.failure = err;
      this.schedule(this.backoffMs);
      this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs * 2);
      throw new AuditUnavailable(err);
    }
  }

  /**
   * A batch the database refused: its rows one at a time. A row refused while the database
   * answers is one that can never be written (it would block every later row): it is logged in
   * full and set aside. A row refused because the database does not answer stops the batch.
   */
  private async oneByOne(rows: AuditRow[], settled: () => void): Promise<void> {
    for (const row of rows) {
      try {
        await this.db.insertInto('audit_log').values(row).execute();
      } catch (err) {
        const answers = await sql`SELECT 1`.execute(this.db).then(
          () => true,
          () => false,
        );
        if (!answers) throw err;
        this.log(
          `audit: an audit row the database refuses (${String(err)}) is set aside: audit-unwritten ${JSON.stringify(row)}`,
        );
      }
      settled();
    }
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch(() => undefined);
    }, ms);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
