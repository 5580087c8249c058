/**
 * The document's records (issue 14): each part's written text, edited in the browser (GET
 * /assessments/:id/texts lists the parts with the text you may see; PUT
 * /assessments/:id/texts/:part writes one, 409 with the text as it is now when stale); the
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

/** A part of the document and its text, if there is one you may see. */
export interface TextPartEntry {
  readonly part: string;
  /** What the part is for. */
  readonly purpose: string;
  readonly text: AnalystText | null;
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
  /** Left out: the assessment's marking for a new text, the text's own for an edit. */
  marking: marking.optional(),
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
