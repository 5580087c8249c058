/**
 * Reading the analyst's text of an assessment's document: only the texts the actor may see (the
 * marking rule in SQL, through core/marked.ts), of an assessment they may see. A part holds one
 * text per marking (migration 017); a text that is hidden reads as no text at that marking, so
 * its existence does not leak.
 */
import type { Kysely, Selectable } from 'kysely';
import { markingRank } from '../../domain/marking.js';
import { notFoundError } from '../../errors.js';
import type { Actor } from '../core/actor.js';
import { visibleFrom } from '../core/marked.js';
import { markedFields, type MarkedFields } from '../core/rows.js';
import type { Database } from '../core/schema.js';
import type { AnalystTextsTable } from './tables.js';
import { TEXT_PARTS } from '../../domain/document/text-parts.js';
import { dbOf, type Store } from '../core/store.js';
import { readAssessment } from '../assessment/assessments.js';

export interface AnalystText extends MarkedFields {
  readonly id: number;
  readonly assessmentId: number;
  readonly part: string;
  /** Markdown (see report/text/markdown.ts for what it may hold). */
  readonly body: string;
  /** Who wrote the version read (a username), for "last changed by". */
  readonly updatedByName: string | null;
}

type Row = Selectable<AnalystTextsTable> & { updated_by_name: string | null };

function visibleTexts(db: Kysely<Database>, actor: Actor) {
  return visibleFrom(db, actor, 'analyst_texts')
    .leftJoin('users', 'users.id', 'analyst_texts.updated_by')
    .selectAll('analyst_texts')
    .select('users.username as updated_by_name');
}

export function toAnalystText(row: Row): AnalystText {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    part: row.part,
    body: row.body,
    updatedByName: row.updated_by_name,
    ...markedFields(row),
  };
}

/** The texts of one assessment the actor may see, in no particular order (the caller orders by part). */
export async function textsOf(db: Kysely<Database>, actor: Actor, assessmentId: number): Promise<AnalystText[]> {
  return (await visibleTexts(db, actor).where('analyst_texts.assessment_id', '=', assessmentId).execute()).map(
    toAnalystText,
  );
}

export async function readAnalystTextRecord(db: Kysely<Database>, actor: Actor, id: number): Promise<AnalystText> {
  const row = await visibleTexts(db, actor).where('analyst_texts.id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFoundError(`There is no analyst text ${id} that you can see.`);
  return toAnalystText(row);
}

/** The texts of one part the actor may see, lowest marking first (one per marking at most). */
export async function partTexts(
  db: Kysely<Database>,
  actor: Actor,
  assessmentId: number,
  part: string,
): Promise<AnalystText[]> {
  const found = await visibleTexts(db, actor)
    .where('analyst_texts.assessment_id', '=', assessmentId)
    .where('analyst_texts.part', '=', part)
    .execute();
  return found.map(toAnalystText).sort(byMarking);
}

const byMarking = (a: AnalystText, b: AnalystText) => markingRank(a.marking) - markingRank(b.marking);

/** The texts of an assessment the actor may see (the assessment too), in document order. */
export async function listAnalystTexts(store: Store, actor: Actor, assessmentId: number): Promise<AnalystText[]> {
  const db = dbOf(store);
  await readAssessment(db, actor, assessmentId);
  const order = Object.keys(TEXT_PARTS);
  return (await textsOf(db, actor, assessmentId)).sort(
    (a, b) => order.indexOf(a.part) - order.indexOf(b.part) || byMarking(a, b),
  );
}
