import { describe, expect, it } from 'vitest';
import { Footnotes } from '../footnotes.js';
import { parseInline, parseMarkdown } from './markdown.js';

const parse = (md: string, notes = new Footnotes()) =>
  parseMarkdown(
    md,
    'intro.md',
    (t) => notes.cite(t),
    (h) => h.toLowerCase().replace(/\W+/g, '-'),
  );

describe('analyst Markdown', () => {
  it('reads paragraphs, subsection headings and lists', () => {
    const blocks = parse('First line\ncontinues.\n\n## Looking to 2020\n\n- one\n- two\n\n1. first\n2. second\n');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'list', 'list']);
    expect(blocks[0]).toEqual({ kind: 'paragraph', runs: [{ text: 'First line continues.' }] });
    expect(blocks[1]).toEqual({ kind: 'heading', level: 2, text: 'Looking to 2020', id: 'looking-to-2020' });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: 'one' }], [{ text: 'two' }]] });
    expect(blocks[3]).toMatchObject({ ordered: true });
  });

  it('numbers footnotes in the order the document cites them, one number per source', () => {
    const notes = new Footnotes();
    notes.cite('An earlier source');
    const blocks = parse(
      'A claim.[^a] Another.[^b] Again.[^a]\n\n[^a]: The Times, 25/07/16\n[^b]: National Crime Agency',
      notes,
    );
    expect(blocks[0]).toMatchObject({
      runs: [
        { text: 'A claim.' },
        { footnote: 2 },
        { text: ' Another.' },
        { footnote: 3 },
        { text: ' Again.' },
        { footnote: 2 },
      ],
    });
    expect(notes.list.map((n) => n.text)).toEqual([
      'An earlier source',
      'The Times, 25/07/16',
      'National Crime Agency',
    ]);
  });

  it('prints quotations in italics and reads bold and italic runs', () => {
    const [quote] = parse('> "We simply do not have the resources"');
    expect(quote).toEqual({
      kind: 'paragraph',
      style: 'emphasis',
      runs: [{ text: '"We simply do not have the resources"', italic: true }],
    });
    expect(parseInline('a **bold** and *italic* and _also_ word_with_underscores', () => 0)).toEqual([
      { text: 'a ' },
      { text: 'bold', bold: true },
      { text: ' and ' },
      { text: 'italic', italic: true },
      { text: ' and ' },
      { text: 'also', italic: true },
      { text: ' word_with_underscores' },
    ]);
  });

  it('refuses what the document cannot hold, naming the file and line', () => {
    expect(() => parse('text[^x]')).toThrow('intro.md, line 1: footnote [^x] has no definition');
    expect(() => parse('ok\n\n# Title')).toThrow('intro.md, line 3: use "## " for a subsection');
    expect(() => parse('| a | b |')).toThrow('tables and charts come from the data');
    expect(() => parse('<script>x</script>')).toThrow('HTML, images and tables are not supported');
  });
});
