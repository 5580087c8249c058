/**
 * Blocks of the document model as HTML: headings with anchors, paragraphs with footnote
 * references, lists, data tables (caption, repeated header, group rows spanning the table, cell
 * colours) and figures (inline SVG, caption, and the table of the figures behind the chart).
 */
import type { Block, ChartBlock, Inline, TableBlock, TableCell } from '../model.js';
import { esc } from './escape.js';

export function inlineHtml(runs: readonly Inline[]): string {
  return runs
    .map((r, i) => {
      // Markers side by side are separated ("7,8", never "78").
      const comma = i > 0 && 'footnote' in runs[i - 1]! ? ',' : '';
      if ('footnote' in r)
        return `<sup class="fn">${comma}<a href="#fn-${r.footnote}" id="ref-${r.footnote}">${r.footnote}</a></sup>`;
      let out = esc(r.text);
      if (r.italic) out = `<em>${out}</em>`;
      if (r.bold) out = `<strong>${out}</strong>`;
      return out;
    })
    .join('');
}

/** Where the document's HTML links each table and figure number: the HTML build log beside it. */
export interface TraceLinks {
  /** The build log's address relative to the document, e.g. "build-log.html"; none in the PDF. */
  readonly buildLog?: string;
}

/**
 * A caption, its number ("Table 7") linked to the figure's entry in the build log when the
 * block is traced and the document links there.
 */
function captionHtml(
  b: { readonly caption: string; readonly number?: string; readonly trace?: string },
  o: TraceLinks,
): string {
  if (o.buildLog === undefined || b.trace === undefined || b.number === undefined || !b.caption.startsWith(b.number))
    return esc(b.caption);
  return `<a class="trace" href="${esc(`${o.buildLog}#${b.trace}`)}" title="Where these figures come from: the build log">${esc(b.number)}</a>${esc(b.caption.slice(b.number.length))}`;
}

export function blockHtml(b: Block, o: TraceLinks = {}): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level} id="${esc(b.id)}">${esc(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p${b.style && b.style !== 'normal' ? ` class="${b.style}"` : ''}>${inlineHtml(b.runs)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return tableHtml(b, o);
    case 'chart':
      return chartHtml(b, o);
  }
}

function tableHtml(t: TableBlock, o: TraceLinks = {}): string {
  const total = t.columns.reduce((a, c) => a + (c.width ?? 1), 0);
  const cols = t.columns.map((c) => `<col style="width:${(((c.width ?? 1) / total) * 100).toFixed(2)}%">`).join('');
  const head = `<tr>${t.columns.map((c) => `<th scope="col"${c.align === 'left' ? '' : ` class="${c.align}"`}>${esc(c.header)}</th>`).join('')}</tr>`;
  const rows = t.rows
    .map(
      (row) => `<tr>${row.map((c, i) => cellHtml(c, t.columns[i]?.align ?? 'left', t.columns.length)).join('')}</tr>`,
    )
    .join('\n');
  const classes = ['data', t.compact ? 'compact' : '', t.rows.length <= 12 ? 'short' : ''].filter(Boolean).join(' ');
  // The caption is the first header row, not a <caption>: Chromium never leaves a header row
  // alone at the foot of a page, but does strand a caption; and it repeats with the header.
  const caption = `<tr class="caption-row"><th colspan="${t.columns.length}" scope="colgroup">${captionHtml(t, o)}</th></tr>`;
  return `<table class="${classes}" id="${esc(t.id)}" aria-label="${esc(t.caption)}"><colgroup>${cols}</colgroup><thead>${caption}${head}</thead><tbody>\n${rows}\n</tbody></table>`;
}

function cellHtml(c: TableCell, align: string, columns: number): string {
  const classes = [c.spanAll ? 'group' : align === 'left' ? '' : align, c.bold && !c.spanAll ? 'group' : ''].filter(
    Boolean,
  );
  const attrs = [
    c.spanAll ? ` colspan="${columns}"` : '',
    classes.length > 0 ? ` class="${classes.join(' ')}"` : '',
    c.fill ? ` style="background:${esc(c.fill)}"` : '',
  ].join('');
  return `<td${attrs}>${inlineHtml(c.runs)}</td>`;
}

function chartHtml(c: ChartBlock, o: TraceLinks): string {
  const svg = c.svg ?? '';
  // The picture's words are in its aria-label; the figures follow as a table anyone can read.
  return `<figure id="${esc(c.id)}"><figcaption>${captionHtml(c, o)}</figcaption>${svg}</figure>${tableHtml(c.table)}`;
}
