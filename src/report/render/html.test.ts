import { inlineHtml } from './html-blocks.js';
import { describe, expect, it } from 'vitest';
import { bold, cell, para, text, type ReportDocument } from '../model.js';
import { renderHtml } from './html.js';

const doc: ReportDocument = {
  meta: {
    title: 'Alliance Strategic Assessment 2017/18',
    organisation: 'The <alliance>',
    assessmentId: 2,
    period: '2017/18',
    versionLabel: 'V16 - Final',
    status: 'approved',
    purpose: null,
    author: 'Policy Team',
    date: '2017-04-09',
    marking: 'OFFICIAL',
    clearance: 'OFFICIAL',
    dataPeriod: null,
    withheld: false,
  },
  sections: [
    {
      id: 'intro',
      number: 'Section 1',
      title: 'Introduction',
      blocks: [
        para(text('Fish & chips '), bold('<b>'), { footnote: 1 }),
        { kind: 'heading', level: 2, text: 'Looking ahead', id: 'ahead' },
      ],
    },
    {
      id: 'later',
      number: 'Section 2',
      title: 'Later',
      blocks: [
        para(text('Again'), { footnote: 1 }),
        {
          kind: 'table',
          id: 't1',
          caption: 'Table 1: Heat',
          columns: [
            { header: 'A', align: 'left' },
            { header: 'B', align: 'right' },
          ],
          rows: [[cell('x', { spanAll: true, bold: true })], [cell('y', { fill: '#f6b3b3' }), cell(1234)]],
        },
      ],
    },
  ],
  footnotes: [{ number: 1, text: 'The Times, 25/07/16' }],
};

describe('the HTML document', () => {
  it('separates footnote markers that stand side by side', () => {
    expect(inlineHtml([{ text: 'harm.' }, { footnote: 7 }, { footnote: 8 }])).toBe(
      'harm.<sup class="fn"><a href="#fn-7" id="ref-7">7</a></sup><sup class="fn">,<a href="#fn-8" id="ref-8">8</a></sup>',
    );
  });

  it('escapes everything from the data and links footnotes to one note', () => {
    const html = renderHtml(doc);
    expect(html).toContain(
      'Fish &amp; chips <strong>&lt;b&gt;</strong><sup class="fn"><a href="#fn-1" id="ref-1">1</a></sup>',
    );
    expect(html).toContain('The &lt;alliance&gt;');
    expect(html.match(/id="fn-1"/g)).toHaveLength(1); // listed in the section that first cites it
  });

  it('lists the headings in the contents, with page numbers only when the PDF gives them', () => {
    expect(renderHtml(doc)).toContain('<li class="level-2"><a href="#ahead">Looking ahead</a></li>');
    expect(
      renderHtml(doc, {
        forPdf: true,
        pages: new Map([
          ['intro', 3],
          ['ahead', 4],
        ]),
      }),
    ).toContain('<a href="#ahead">Looking ahead</a><span class="dots"></span><span class="page">4</span>');
  });

  it('prints the marking in the page margins, except for the PDF, which has its own header and footer', () => {
    expect(renderHtml(doc)).toContain('@top-center { content: "OFFICIAL"');
    expect(renderHtml(doc, { forPdf: true })).not.toContain('@top-center');
  });

  it('draws group rows across the table, numbers right-aligned, cell colours kept', () => {
    const html = renderHtml(doc);
    expect(html).toContain('<td colspan="2" class="group">x</td>');
    expect(html).toContain('<td style="background:#f6b3b3">y</td><td class="right">1,234</td>');
    expect(html).toContain('<tr class="caption-row"><th colspan="2" scope="colgroup">Table 1: Heat</th></tr>');
  });
});
