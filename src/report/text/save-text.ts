/**
 * Saving an analyst's text: the Markdown is checked as the document will read it (a heading
 * level, HTML, an image or a footnote without its source is refused with its line) before it is
 * stored, so what is saved always builds. Used by the web route and `stra text import`.
 */
import { inputError, StraError } from '../../errors.js';
import {
  writeAnalystText,
  type Actor,
  type AnalystTextWrite,
  type AnalystTextWritten,
  type Store,
} from '../../store/index.js';
import { parseMarkdown } from './markdown.js';

/** Throws the parser's message (with the line) when `body` is not Markdown the document can print. */
export function checkMarkdown(body: string, where: string): void {
  try {
    parseMarkdown(
      body,
      where,
      () => 1,
      (h) => h,
    );
  } catch (err) {
    if (err instanceof StraError) throw inputError(err.message, { fields: [{ field: 'body', message: err.message }] });
    throw err;
  }
}

export async function saveAnalystText(store: Store, actor: Actor, w: AnalystTextWrite): Promise<AnalystTextWritten> {
  checkMarkdown(w.body, `The "${w.part}" text`);
  return writeAnalystText(store, actor, w);
}
