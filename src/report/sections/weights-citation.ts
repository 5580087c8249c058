/**
 * How the document names the harm weights it used: by the index's name and edition, as the reader
 * would look them up, and against the document's date. Weights are revised; a document must cite
 * the edition in force when it was written or, when only a later edition is held, say so, so that
 * nobody reads 2026 weights as what the force knew in 2017.
 */
import type { WeightsTable } from '../../domain/harm/weights.js';
import { longDate } from '../dates.js';

const NAMES: Readonly<Record<string, string>> = {
  'cchi-median': 'Cambridge Crime Harm Index',
  'cchi-mean': 'Cambridge Crime Harm Index',
  'cchi-offence': 'Cambridge Crime Harm Index',
  'ons-css': 'ONS Crime Severity Score',
};

/** The year an edition was in force from, read from its name ("CCHI 2026 ...", "edition current in 2019-20"). */
export function editionYear(edition: string): number | null {
  const m = /(?:CCHI|current in|edition)\s+(\d{4})/i.exec(edition) ?? /\b(20\d{2})\b/.exec(edition);
  return m ? Number(m[1]) : null;
}

/** "Cambridge Crime Harm Index" */
export const indexName = (w: Pick<WeightsTable, 'index'>): string => NAMES[w.index] ?? w.index;

export interface WeightsCitation {
  /** For the text: "the Cambridge Crime Harm Index (2026 edition)". */
  readonly name: string;
  /** For the footnote: the edition, its source, and whether it was in force at the document's date. */
  readonly footnote: string;
  /** True when the edition is later than the document's date. */
  readonly later: boolean;
}

export function citeWeights(w: WeightsTable, documentDate: string): WeightsCitation {
  const year = editionYear(w.edition);
  const dated = Number(documentDate.slice(0, 4));
  const later = year !== null && Number.isFinite(dated) && year > dated;
  const name = `the ${indexName(w)}${year === null ? '' : ` (${year} edition)`}`;
  const inForce = later
    ? `This edition was published after this document's date (${longDate(documentDate)}); the edition in force then is not held, so the later one is used and stated as such.`
    : `The edition in force at this document's date (${longDate(documentDate)}).`;
  const source = w.index.startsWith('cchi')
    ? 'Cambridge Centre for Evidence-Based Policing: days of imprisonment per offence, averaged over the offences of each police.uk crime type by their national volumes'
    : 'Office for National Statistics: sentence-based weights per offence, averaged over the offences of each police.uk crime type by their national volumes';
  return { name, footnote: `${indexName(w)}${year === null ? '' : `, ${year} edition`}. ${source}. ${inForce}`, later };
}
