/**
 * The small Markdown an analyst writes section text in: paragraphs, `## subsection` and
 * `### minor` headings, `- ` and `1. ` lists, `**bold**`, `*italic*`, `> quoted` paragraphs
 * (printed in italics, as the seed prints quotations) and footnotes for sources (`text[^1]` with
 * `[^1]: The Times, 25/07/16` on a line of its own). Why our own and not a Markdown library: the
 * document model has exactly these blocks, every format must render them the same, and anything
 * richer (HTML, images, tables) is refused with the line it is on, rather than silently dropped.
 */
import { inputError } from '../../errors.js';
import type { Block, Inline } from '../model.js';

/**
 * Parses `source` into blocks. `cite` turns a footnote's text into the document's footnote
 * number; `idFor` gives each heading a unique anchor.
 */
export function parseMarkdown(
  source: string,
  file: string,
  cite: (text: string) => number,
  idFor: (heading: string) => string,
): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const definitions = new Map<string, string>();
  const body: Array<{ line: number; text: string }> = [];
  lines.forEach((text, i) => {
    const def = /^\[\^([^\]\s]+)\]:\s*(.+)$/.exec(text);
    if (def) definitions.set(def[1]!, def[2]!.trim());
    else body.push({ line: i + 1, text });
  });
  const inline = (value: string, line: number): Inline[] =>
    parseInline(value, (label) => {
      const note = definitions.get(label);
      if (note === undefined)
        throw inputError(
          `${file}, line ${line}: footnote [^${label}] has no definition; add a line "[^${label}]: the source".`,
        );
      return cite(note);
    });
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let paragraphLine = 0;
  let quoted = false;
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) {
      const runs = inline(paragraph.join(' '), paragraphLine);
      blocks.push(
        quoted ? { kind: 'paragraph', runs: runs.map(asItalic), style: 'emphasis' } : { kind: 'paragraph', runs },
      );
    }
    if (list !== null) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
    paragraph = [];
    list = null;
    quoted = false;
  };
  for (const { line, text } of body) {
    const trimmed = text.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    const heading = /^(#{1,6})\s+(.+)$/.exec(trimmed);
    if (heading) {
      flush();
      const level = heading[1]!.length;
      if (level < 2 || level > 3)
        throw inputError(
          `${file}, line ${line}: use "## " for a subsection or "### " for a minor heading (the section title comes from the document).`,
        );
      const title = heading[2]!.trim();
      blocks.push({ kind: 'heading', level: level as 2 | 3, text: title, id: idFor(title) });
      continue;
    }
    const item = /^(?:([-*])|(\d+)[.)])\s+(.+)$/.exec(trimmed);
    if (item) {
      const ordered = item[2] !== undefined;
      if (paragraph.length > 0 || (list !== null && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(inline(item[3]!, line));
      continue;
    }
    if (/^<[a-z!/]/i.test(trimmed) || /^!\[/.test(trimmed) || /^\|/.test(trimmed)) {
      throw inputError(
        `${file}, line ${line}: HTML, images and tables are not supported in section text; tables and charts come from the data.`,
      );
    }
    if (list !== null) {
      // A continuation line of the last list item.
      const last = list.items[list.items.length - 1]!;
      last.push({ text: ' ' }, ...inline(trimmed, line));
      continue;
    }
    const quote = /^>\s?(.*)$/.exec(trimmed);
    if (quote) {
      if (paragraph.length > 0 && !quoted) flush();
      quoted = true;
      if (paragraph.length === 0) paragraphLine = line;
      paragraph.push(quote[1]!);
      continue;
    }
    if (quoted) flush();
    if (paragraph.length === 0) paragraphLine = line;
    paragraph.push(trimmed);
  }
  flush();
  return blocks;
}

const asItalic = (run: Inline): Inline => ('text' in run ? { ...run, italic: true } : run);

/** `**bold**`, `*italic*` / `_italic_`, `[^label]` footnote references. */
export function parseInline(value: string, footnote: (label: string) => number): Inline[] {
  const out: Inline[] = [];
  const pattern = /\*\*([^*]+)\*\*|\*([^*]+)\*|(?<![A-Za-z0-9])_([^_]+)_(?![A-Za-z0-9])|\[\^([^\]\s]+)\]/g;
  let at = 0;
  for (const m of value.matchAll(pattern)) {
    if (m.index! > at) out.push({ text: value.slice(at, m.index) });
    if (m[1] !== undefined) out.push({ text: m[1], bold: true });
    else if (m[2] !== undefined) out.push({ text: m[2], italic: true });
    else if (m[3] !== undefined) out.push({ text: m[3], italic: true });
    else out.push({ footnote: footnote(m[4]!) });
    at = m.index! + m[0].length;
  }
  if (at < value.length) out.push({ text: value.slice(at) });
  return out;
}
