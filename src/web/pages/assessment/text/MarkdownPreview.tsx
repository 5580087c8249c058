/**
 * The preview of a part's text as the document will print it: parsed by the document's own
 * Markdown reader (report/text/markdown.ts), so what is refused here (a heading level, HTML, a
 * footnote without its source) is refused by the save and the build with the same words and line.
 */
import { Fragment, type ReactNode } from 'react';
import { parseMarkdown } from '../../../../report/text/markdown.js';
import type { Block, Inline } from '../../../../report/model.js';

function runs(inlines: readonly Inline[], notes: readonly string[]): ReactNode {
  return inlines.map((r, i) => {
    if ('footnote' in r)
      return (
        <sup key={i} title={notes[r.footnote - 1]}>
          {r.footnote}
        </sup>
      );
    let node: ReactNode = r.text;
    if (r.italic) node = <em>{node}</em>;
    if (r.bold) node = <strong>{node}</strong>;
    return <Fragment key={i}>{node}</Fragment>;
  });
}

function block(b: Block, i: number, notes: readonly string[]): ReactNode {
  switch (b.kind) {
    case 'heading':
      return b.level === 2 ? <h3 key={i}>{b.text}</h3> : <h4 key={i}>{b.text}</h4>;
    case 'paragraph':
      return (
        <p key={i} className={b.style === 'emphasis' ? 'quote' : undefined}>
          {runs(b.runs, notes)}
        </p>
      );
    case 'list': {
      const items = b.items.map((item, j) => <li key={j}>{runs(item, notes)}</li>);
      return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
    }
    default:
      return null;
  }
}

export function MarkdownPreview({ body, part }: { body: string; part: string }) {
  const notes: string[] = [];
  let blocks: Block[];
  try {
    blocks = parseMarkdown(
      body,
      `The "${part}" text`,
      (t) => notes.push(t),
      (h) => h,
    );
  } catch (err) {
    return (
      <p className="error" role="alert">
        {err instanceof Error ? err.message : String(err)}
      </p>
    );
  }
  if (blocks.length === 0) return <p className="hint">Nothing to show yet: this part is left out of the document.</p>;
  return (
    <div className="text-preview">
      {blocks.map((b, i) => block(b, i, notes))}
      {notes.length > 0 && (
        <ol className="footnotes" aria-label="Footnotes">
          {notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
