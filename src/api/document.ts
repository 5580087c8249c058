/**
 * The document's records (issue 14): each part's written text, edited in the browser (GET
 * /assessments/:id/texts lists the parts with the texts you may see, one per marking; PUT
 * /assessments/:id/texts/:part writes the text at a marking, 409 with it as it is now when
 * stale); the
 * documents built and kept (GET /assessments/:id/documents); and a new version of an assessment
 * after approval (POST /assessments/:id/revise).
 */
import { z } from 'zod';
import { marking, type MarkedFields, type Marking, type Checked } from './fields.js';
import type { Assessment } from './assessments.js';
import type { ReportFormat } from './reports.js';

export { TEXT_PARTS, partTitle } from '../domain/document/text-parts.js';

/** One part's text as stored: Markdown, marked and versioned. */
export interface AnalystText extends MarkedFields {
  readonly id: number;
  readonly assessmentId: number;
  readonly part: string;
  readonly body: string;
  readonly updatedByName: string | null;
}

/**
 * A part of the document and its texts you may see. A part holds one text per marking, so a writer
 * who cannot see a part's text at a higher marking writes their own at theirs (issue 13).
 */
export interface TextPartEntry {
  readonly part: string;
  /** What the part is for. */
  readonly purpose: string;
  /** The text a document built at your clearance prints: the highest-marked one you may see. */
  readonly text: AnalystText | null;
  /** Every text of the part you may see, lowest marking first (one per marking). */
  readonly texts: readonly AnalystText[];
}

/** GET /assessments/:id/texts: every part, in document order. */
export interface TextPartsAnswer {
  readonly assessmentId: number;
  readonly parts: readonly TextPartEntry[];
}

/** The most a part's text may hold (a long section is a few thousand words). */
export const MAX_TEXT_CHARS = 200_000;

/** PUT /assessments/:id/texts/:part. */
export const TextWrite = z.strictObject({
  body: z.string().max(MAX_TEXT_CHARS, `at most ${MAX_TEXT_CHARS.toLocaleString('en-GB')} characters`),
  /**
   * Which of the part's texts you write (one per marking), and its marking after the write. Left
   * out: the assessment's marking for a new text; for an edit, the part's only text you can see.
   */
  marking: marking.optional(),
  /** To change a text's marking: the marking it has now (`marking` is the new one). */
  editing: marking.optional(),
  /** The version you read, or null when the part had no text when you opened it. */
  expectedVersion: z.number().int().min(1).nullable(),
});
export type TextWrite = z.input<typeof TextWrite>;
export type TextWriteChecked = Checked<typeof TextWrite>;

/** The answer to PUT /assessments/:id/texts/:part. */
export interface TextWritten {
  readonly text: AnalystText;
  readonly created: boolean;
  readonly changed: boolean;
}

/** A document built and kept on the server: who built it, when, for which clearance, marked how. */
export interface KeptDocument {
  readonly job: number;
  readonly assessmentId: number;
  readonly builtBy: string;
  /** ISO 8601 UTC, when the build finished. */
  readonly builtAt: string;
  readonly clearance: Marking;
  /** The highest marking of what it contains, printed on every page. */
  readonly marking: Marking;
  readonly formats: readonly ReportFormat[];
  /** Format (and build log) -> file name, fetched at GET /reports/:job/:file. */
  readonly files: Readonly<Record<string, string>>;
  readonly omitted: number;
}

/** GET /assessments/:id/documents: the kept documents you may open, newest first. */
export interface KeptDocumentsAnswer {
  readonly assessmentId: number;
  readonly documents: readonly KeptDocument[];
}

/** POST /assessments/:id/revise: a new version of the same period (after approval froze this one). */
export const ReviseRequest = z.strictObject({
  versionLabel: z.string().trim().min(1, 'give a version label, e.g. V17').max(100),
});
export type ReviseRequest = Checked<typeof ReviseRequest>;

/** The answer to POST /assessments/:id/revise (201). */
export interface ReviseAnswer {
  readonly assessment: Assessment;
  readonly carried: Readonly<Record<string, number>>;
}
