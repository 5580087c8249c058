/**
 * The server's one open warehouse. Opening one (DuckDB views over the catalog's files, the area
 * table) costs tens of milliseconds, so it is kept open and reopened only when the catalog has
 * changed (an import by this server, another server or the CLI replaces catalog.json
 * atomically). Uses are serialised: a DuckDB connection runs one query at a time.
 *
 * Answers are cached by question and catalog stamp: the warehouse cannot change without the
 * catalog changing, so a cached answer is never stale, and the many readers of one dashboard or
 * chart cost one query between imports.
 */
import { stat } from 'node:fs/promises';
import { LRUCache } from 'lru-cache';
import { openWarehouse, type Warehouse } from '../warehouse/reader.js';
import type { WorkspacePaths } from '../workspace/workspace.js';

export class WarehouseAccess {
  private open: { wh: Warehouse; stamp: string } | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly answers = new LRUCache<string, { value: unknown }>({ max: 500 });

  constructor(
    private readonly paths: WorkspacePaths,
    private readonly options: { threads: number; memoryLimit: string },
  ) {}

  use<T>(fn: (wh: Warehouse) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => fn(await this.current()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The answer to `question` for the warehouse as it is now, computed at most once per catalog stamp. */
  async cached<T>(question: string, fn: (wh: Warehouse) => Promise<T>): Promise<T> {
    const key = `${await this.stamp()}\n${question}`;
    const hit = this.answers.get(key);
    if (hit !== undefined) return hit.value as T;
    const value = await this.use(fn);
    this.answers.set(key, { value });
    return value;
  }

  /**
   * Forgets every answer and the open warehouse: after a population or indicator table is loaded
   * (files the stamp does not watch), so the analysis pages reflect it at once.
   */
  invalidate(): void {
    this.answers.clear();
    this.close();
  }

  close(): void {
    this.open?.wh.close();
    this.open = undefined;
  }

  private async current(): Promise<Warehouse> {
    const stamp = await this.stamp();
    if (this.open?.stamp === stamp) return this.open.wh;
    this.close();
    const wh = await openWarehouse(this.paths, this.options);
    this.open = { wh, stamp };
    return wh;
  }

  /** Changes whenever the catalog or the area tables are replaced. */
  private async stamp(): Promise<string> {
    const parts = await Promise.all(
      [this.paths.catalog, this.paths.areas].map(async (p) => {
        const s = await stat(p).catch(() => undefined);
        return s === undefined ? '-' : `${s.mtimeMs}:${s.size}:${s.ino}`;
      }),
    );
    return parts.join('|');
  }
}
