/**
 * Evidence notes on a driver: short statements of the knowledge behind its scores, each with its
 * source where one is known ("Alliance Strategic Assessment 2017/18, Section 3"). Decision: notes
 * are one line each (whitespace collapsed), so a list of them fits one spreadsheet cell, one note
 * per line, a source written at the end of a line as "[source: ...]".
 */
import { inputError } from '../../errors.js';

export interface EvidenceNote {
  readonly text: string;
  readonly source: string | null;
}

const oneLine = (value: string) => value.trim().replace(/\s+/g, ' ');

export function evidenceNote(text: string, source?: string | null): EvidenceNote {
  const t = oneLine(text);
  if (t === '') throw inputError('An evidence note cannot be empty.');
  const s = source === undefined || source === null || oneLine(source) === '' ? null : oneLine(source);
  return { text: t, source: s };
}

const SOURCE_AT_END = /\s*\[source:\s*([^\]]+)\]\s*$/i;

/** One note per line; a line may end with "[source: ...]". */
export function parseEvidenceLines(cell: string): EvidenceNote[] {
  return cell
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((line) => {
      const m = SOURCE_AT_END.exec(line);
      return m === null ? evidenceNote(line) : evidenceNote(line.slice(0, m.index), m[1]);
    });
}

export function evidenceLines(notes: readonly EvidenceNote[]): string {
  return notes.map((n) => (n.source === null ? n.text : `${n.text} [source: ${n.source}]`)).join('\n');
}
