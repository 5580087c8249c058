/**
 * The Strategic Assessment document: POST /assessments/:id/reports queues a build for a clearance
 * (never above the user's own) in the formats asked for; GET /jobs/:id follows it; GET
 * /reports/:job/:file previews the HTML or downloads a file.
 */
import { z } from 'zod';
import { MARKINGS, type Marking } from './fields.js';
import type { Job } from './jobs.js';

/** The formats a document is written in (the report's FORMATS: a test keeps the two the same). */
export const REPORT_FORMATS = ['html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** POST /assessments/:id/reports. */
export const ReportRequest = z.strictObject({
  clearance: z.enum(MARKINGS),
  formats: z.array(z.enum(REPORT_FORMATS)).min(1, 'choose at least one format').default(['html', 'pdf', 'docx']),
  /**
   * The months the crime figures cover: a financial year ("2016/17") or "12 months to 2016-09".
   * Left out: the latest complete year of data before the document's date.
   */
  dataPeriod: z
    .string()
    .trim()
    .regex(/^(\d{4}\/\d{2}|12 months to \d{4}-\d{2})$/, 'a financial year (2016/17) or "12 months to YYYY-MM"')
    .optional(),
});
export type ReportRequest = z.input<typeof ReportRequest>;

/** A build's progress: the step it is at and how far through the steps. */
export interface ReportProgress {
  readonly step: string;
  readonly done: number;
  readonly total: number;
}

/** What a build made: the marking printed, the files, and how much the build log says was left out. */
export interface ReportResult {
  readonly marking: Marking;
  /** Format (and build log) -> file name, fetched at GET /reports/:job/:file. */
  readonly files: Readonly<Record<string, string>>;
  readonly omitted: number;
}

/** POST /assessments/:id/reports (202), and a build as GET /jobs/:id shows it. */
export type ReportJob = Job<ReportResult, ReportProgress>;
