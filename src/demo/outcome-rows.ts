/**
 * The outcomes files: one row per outcome event, filed under the month of the OUTCOME (not of the
 * crime), joining to street rows by Crime ID. Street generation emits each crime's events as it
 * draws them; this book keeps them until their month's file is written.
 */
import type { PendingOutcome } from './street-rows.js';

export class OutcomeBook {
  private readonly byMonth = new Map<number, PendingOutcome[]>();

  add(events: readonly PendingOutcome[]): void {
    for (const e of events) {
      const list = this.byMonth.get(e.monthIndex);
      if (list) list.push(e);
      else this.byMonth.set(e.monthIndex, [e]);
    }
  }

  /** The rows of one month's outcomes file (sorted by LSOA name, then as drawn), removed from the book. */
  take(monthIndex: number): { text: string; rows: number } {
    const list = this.byMonth.get(monthIndex) ?? [];
    this.byMonth.delete(monthIndex);
    const sorted = list
      .map((e, i) => ({ e, i }))
      .sort((a, b) => (a.e.lsoaName < b.e.lsoaName ? -1 : a.e.lsoaName > b.e.lsoaName ? 1 : a.i - b.i));
    return { text: sorted.map((x) => x.e.line).join(''), rows: sorted.length };
  }
}
