/**
 * Slow (about 30 s): the demo assessment generated in all three formats from a small workspace
 * (the demo store, two years of synthetic police.uk data for both forces, the seed's indicator
 * tables and analyst text), then read back: the marking on every PDF page, contents page numbers
 * that are the pages the headings are printed on, the library's figures in the tables, the seed's
 * indicator tables with correct percentages, the Word file's header, footer and pictures.
 * PDF and Word checks skip with a message when Chromium or pdftotext is not installed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodCounts } from '../analytics/period-counts.js';
import { performanceSnapshot } from '../analytics/snapshot.js';
import { ASB } from '../domain/crime/categories.js';
import { categoryWeights } from '../analytics/weights.js';
import { parseFinancialYear } from '../domain/crime/periods.js';
import { formatPct } from '../domain/indicators/percent.js';
import { chromiumAvailable } from './browser.js';
import { flat, hasPdftotext, pdfPages } from './fixtures/pdf-text.js';
import {
  headingTexts,
  mostlyBlankPages,
  pagesWithoutMarking,
  pdfLayout,
  strandedHeadings,
  tablePages,
  tablesWithoutRepeatedHeader,
} from './fixtures/pdf-layout.js';
import { zipEntries } from './fixtures/unzip.js';
import { findPhrase, libreOfficePdf, placedWords, SOFFICE } from './fixtures/libreoffice.js';
import { reportWorld, type ReportWorld } from './fixtures/world.js';
import { generateReport, type Format } from './index.js';
import { outline, type ReportDocument, type TableBlock } from './model.js';
import { categoryName } from './sections/wording.js';
import type { WrittenOutputs } from './outputs.js';

const printing = chromiumAvailable() && hasPdftotext;
if (!printing)
  console.warn(
    'report e2e: /usr/bin/chromium or pdftotext is not installed; the PDF and Word checks are skipped (apt-get install -y chromium poppler-utils)',
  );

let world: ReportWorld;
let out: string;
let doc: ReportDocument;
let outputs: WrittenOutputs;

beforeAll(async () => {
  world = await reportWorld();
  out = await mkdtemp(path.join(os.tmpdir(), 'stra-report-out-'));
  const formats: Format[] = printing ? ['html', 'pdf', 'docx'] : ['html'];
  const result = await generateReport({
    store: world.store,
    builder: world.analyst,
    assessment: '2017/18',
    clearance: 'OFFICIAL-SENSITIVE',
    workspaceRoot: world.root,
    warehouse: world.warehouse,
    formats,
    outDir: out,
    now: () => new Date('2017-04-09T09:00:00Z'),
  });
  doc = result.document;
  outputs = result.outputs;
}, 240_000);

afterAll(async () => {
  await world?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

const tables = (d: ReportDocument): TableBlock[] =>
  d.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b] : b.kind === 'chart' ? [b.table] : [])));
const tableCalled = (caption: string): TableBlock => {
  const t = tables(doc).find((x) => x.caption.includes(caption));
  if (t === undefined)
    throw new Error(
      `no table "${caption}" in: ${tables(doc)
        .map((x) => x.caption)
        .join(' | ')}`,
    );
  return t;
};
const paragraphs = () =>
  doc.sections
    .flatMap((s) => s.blocks)
    .filter((b) => b.kind === 'paragraph')
    .map((b) => b.runs.map((r) => ('text' in r ? r.text : '')).join(''));
const text = (t: TableBlock) =>
  t.rows.map((r) => r.map((c) => c.runs.map((x) => ('text' in x ? x.text : '')).join('')));

describe('the demo Strategic Assessment', () => {
  it("has the seed's sections in the seed's order, numbered as printed", () => {
    expect(doc.sections.map((s) => `${s.number}: ${s.title}`)).toEqual([
      'Section 1: Introduction',
      'Section 2: Assessment summary',
      'Section 3: Recommendations made in the last assessment: progress',
      'Section 4: Demand',
      'Section 5: Capacity and capability',
      'Section 6: Other considerations',
      'Section 7: Appendices',
    ]);
    const subsections = outline(doc)
      .filter((h) => h.level === 2)
      .map((h) => h.text);
    expect(subsections).toEqual(
      expect.arrayContaining([
        'Crime harm',
        'The Control Strategy',
        'Performance',
        'Environmental scanning: impact of future change',
        'Strategic organisational learning and risk',
        'Indicators',
        'Police and Crime Plans side by side',
        "Partners' priorities",
        'Sources and methods',
      ]),
    );
    expect(doc.meta).toMatchObject({
      marking: 'OFFICIAL-SENSITIVE',
      versionLabel: 'V16 - Final',
      author: 'Business Planning and Policy Team',
      date: '2017-04-09',
      dataPeriod:
        "2016/17 (April 2016 to March 2017): the latest complete financial year of data before the document's date",
    });
  });

  it("puts the library's figures in the performance tables", async () => {
    const snap = await performanceSnapshot(world.warehouse, {
      period: parseFinancialYear('2016/17')!,
      forces: ['warwickshire'],
      weights: categoryWeights('cchi-median'),
    });
    const rows = text(tableCalled('Crime types, Warwickshire Police, 2016/17'));
    expect(rows.map((r) => r[0])).toEqual(snap.rows.map((r) => categoryName(r.category)));
    expect(rows.map((r) => r[1])).toEqual(snap.rows.map((r) => r.count!.toLocaleString('en-GB')));
    expect(rows.map((r) => r[2])).toEqual(snap.rows.map((r) => r.lastYear!.toLocaleString('en-GB')));
    expect(rows.map((r) => r[3])).toEqual(snap.rows.map((r) => formatPct(r.percentChange)));
    const html = await readFile(outputs.files.html!, 'utf8');
    for (const r of snap.rows) expect(html).toContain(`<td class="right">${r.count!.toLocaleString('en-GB')}</td>`);
  });

  it('counts crime without anti-social behaviour everywhere, and gives ASB beside it as incidents', async () => {
    const counts = await periodCounts(world.warehouse, {
      areas: ['force'],
      byCategory: true,
      periods: [parseFinancialYear('2016/17')!],
      forces: ['warwickshire'],
    });
    const of = (keep: (c: string) => boolean) =>
      counts.cells.filter((c) => keep(c.category!)).reduce((a, c) => a + counts.count(c.key, '2016/17').count, 0);
    const crimes = of((c) => c !== ASB);
    const asb = of((c) => c === ASB);
    expect(asb).toBeGreaterThan(1000);
    const byForce = text(tableCalled('Recorded crime by force, 2016/17'));
    const warwickshire = byForce.find((r) => r[0] === 'Warwickshire Police')!;
    expect(warwickshire[1]).toBe(crimes.toLocaleString('en-GB'));
    expect(warwickshire[7]).toBe(asb.toLocaleString('en-GB'));
    // the same total in the performance statement and in the areas table (own areas plus elsewhere)
    const words = paragraphs().find((w) => w.startsWith('Warwickshire Police: '));
    expect(words).toContain(`${crimes.toLocaleString('en-GB')} crimes in 2016/17`);
    const areas = text(tableCalled('Crimes recorded by Warwickshire Police by community safety partnership area'));
    expect(areas.reduce((a, r) => a + Number(r[1]!.replace(/,/g, '')), 0)).toBe(crimes);
    // no crime type row for ASB in the harm or snapshot tables
    for (const t of [tableCalled('Crime harm and volume by crime type'), tableCalled('Crime types, Warwickshire')])
      expect(text(t).map((r) => r[0])).not.toContain('Anti-social behaviour');
  });

  it("groups crimes recorded outside the force's own areas as one row, last, untested", () => {
    const areas = text(tableCalled('Crimes recorded by Warwickshire Police by community safety partnership area'));
    expect(areas.map((r) => r[0])).toEqual([
      'North Warwickshire',
      'Nuneaton and Bedworth',
      'Rugby',
      'South Warwickshire',
      "Elsewhere (outside Warwickshire Police's areas, or no location)",
    ]);
    expect(areas.at(-1)![7]).toBe('not compared');
    // comparison words follow the test: only q <= 0.05 is called above or below
    for (const r of areas.slice(0, -1)) {
      const q = r[6] === '< 0.001' ? 0 : Number(r[6]);
      expect(r[7], r[0]).toMatch(q <= 0.05 ? /^significantly (above|below)$/ : /^no significant difference$/);
    }
  });

  it('cites the harm weights by their edition, against the document date', () => {
    const note = doc.footnotes.find((f) => f.text.startsWith('Cambridge Crime Harm Index'));
    expect(note?.text).toContain('2026 edition');
    expect(note?.text).toContain("published after this document's date (9 April 2017)");
    const harm = tableCalled('Crime harm and volume by crime type');
    expect(harm.columns.map((c) => c.header)).toContain('Weight (days per crime)');
    expect(harm.columns.map((c) => c.header)).toContain('Harm (days, all crimes)');
    const violence = text(harm).find((r) => r[0] === 'Violence and sexual offences')!;
    const [n, w, total] = [violence[1], violence[3], violence[4]].map((x) => Number(x!.replace(/,/g, '')));
    expect(Math.abs(n! * w! - total!) / total!).toBeLessThan(0.001);
  });

  it('writes significance statements from the E-test results', () => {
    const words = doc.sections
      .flatMap((s) => s.blocks)
      .filter((b) => b.kind === 'paragraph')
      .map((b) => b.runs.map((r) => ('text' in r ? r.text : '')).join(''));
    const statement = words.find((w) => w.startsWith('Warwickshire Police: ') && w.includes('crimes in 2016/17'));
    expect(statement).toBeDefined();
    expect(statement).toMatch(
      /(a significant (rise|fall) of \d+\.\d% \(q (=|<) 0\.\d{3}\)|No crime type rose significantly)/,
    );
  });

  it("computes the seed's Special Constabulary and hate-crime tables, correcting the two wrong percentages", () => {
    const janSep = text(tableCalled('Special Constabulary duty hours logged, January to September'));
    // year | Warwickshire | % | West Mercia | % | total | %   (organisations in id order)
    expect(janSep.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['2013', '52,327', 'n/a', '', ''],
      ['2014', '33,383', '-36.2%', '53,776', 'n/a'],
      ['2015', '30,677', '-8.1%', '49,597', '-7.8%'], // the seed printed -8% and -7.3%: -7.3% is wrong
      ['2016', '29,728', '-3.1%', '50,188', '+1.2%'],
    ]);
    const fullYear = text(tableCalled('Special Constabulary duty hours logged, full year'));
    expect(fullYear.map((r) => [r[0], r[2], r[4]])).toEqual([
      ['2013', 'n/a', 'n/a'],
      ['2014', '-33.3%', '-9.4%'],
      ['2015', '-9.9%', '+2.4%'],
    ]); // the seed printed -9.1% for Warwickshire 2015
    const establishment = text(tableCalled('Special Constabulary establishment'));
    expect(establishment).toEqual([
      ['2015-09', '187', 'n/a', '294', 'n/a'],
      ['2016-09', '207', '+10.7%', '338', '+15.0%'],
    ]);
    const hate = text(tableCalled('Hate crime: offences or crimed incidents with at least one hate crime marker'));
    expect(hate.map((r) => [r[0], r[13], r[14]])).toEqual([
      ['2012/13', '899', ''],
      ['2013/14', '748', '-16.8%'],
      ['2014/15', '846', '+13.1%'],
      ['2015/16', '1,301', '+53.8%'],
      ['2016/17', '917*', 'n/a'],
    ]);
    const warnings = outputs.log.entries.filter((e) => e.kind === 'warning' && e.subject.startsWith('Indicator'));
    expect(warnings.map((w) => w.subject).sort()).toEqual([
      'Indicator specials-duty-hours, warwickshire, 2015',
      'Indicator specials-duty-hours-jan-sep, west-mercia, 2015',
    ]);
  });

  it('writes one self-contained HTML file: inline style and SVG, no script, nothing fetched', async () => {
    const html = await readFile(outputs.files.html!, 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|src="http|url\(http/i);
    const charts = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'chart').length;
    expect(charts).toBeGreaterThanOrEqual(6);
    expect(html.match(/<svg /g)?.length).toBe(charts);
    expect(html).toContain('@top-center { content: "OFFICIAL-SENSITIVE"');
  });

  it('draws each chart exactly as the whole of ECharts draws it (the build loads only the parts its charts use)', () => {
    // echarts/dist is a separate copy of ECharts with every chart, component and feature
    // registered; the build's own (src/report/charts/svg.ts) registers what it needs.
    const full = createRequire(import.meta.url)('echarts/dist/echarts.js') as typeof import('echarts');
    const charts = doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'chart' ? [b] : []));
    const plain = (svg: string) => svg.replace(/^<svg[^>]*>/, '').replace(/zr\d+-cls-/g, 'zr-cls-');
    for (const c of charts) {
      const chart = full.init(null, null, { renderer: 'svg', ssr: true, width: c.width, height: c.height });
      chart.setOption({ ...c.option, animation: false });
      const expected = chart.renderToSVGString();
      chart.dispose();
      expect(plain(c.svg!), c.caption).toBe(plain(expected));
    }
  });

  it('writes the build log beside the documents, with the source of every figure', async () => {
    const log = JSON.parse(await readFile(path.join(out, 'build-log.json'), 'utf8')) as WrittenOutputs['log'];
    const figures = log.entries.filter((e) => e.kind === 'figure');
    expect(figures.length).toBeGreaterThan(15);
    for (const f of figures) expect(f.source?.call).toBeTruthy();
    const crime = figures.filter((f) => f.source?.call === 'performanceSnapshot');
    expect(crime).toHaveLength(2);
    for (const f of crime) {
      expect(f.source!.files!.length).toBe(12);
      expect(f.source!.importIds!.length).toBeGreaterThan(0);
      expect(f.source!.files![0]).toMatchObject({ table: 'street', month: '2016-04' });
    }
    expect(await readFile(path.join(out, 'build-log.txt'), 'utf8')).toContain('Figures and their sources');
  });

  it('links every table and figure number in the HTML to its entry in the HTML build log, which names its query and sources', async () => {
    const html = await readFile(outputs.files.html!, 'utf8');
    const log = await readFile(outputs.files.buildLogHtml!, 'utf8');
    expect(path.dirname(outputs.files.buildLogHtml!)).toBe(path.dirname(outputs.files.html!));
    const entries = new Map(
      [...log.matchAll(/<section class="figure" id="([^"]+)">([\s\S]*?)<\/section>/g)].map((m) => [m[1]!, m[2]!]),
    );
    const captions = [
      ...html.matchAll(/<(?:figcaption|th colspan="\d+" scope="colgroup")>(.*?)<\/(?:figcaption|th)>/g),
    ].map((m) => m[1]!);
    const numbered = captions.filter((c) => !c.startsWith('The figures behind'));
    expect(numbered.length).toBeGreaterThan(20);
    for (const caption of numbered) {
      const link = /^<a class="trace" href="build-log\.html#([^"]+)"[^>]*>((?:Table|Figure) \d+)<\/a>: /.exec(caption);
      expect(link, caption).not.toBeNull();
      const entry = entries.get(link![1]!);
      expect(entry, `${link![2]} links to #${link![1]}`).toBeDefined();
      // The entry names what computed it and from what: a query, and the files or store records.
      expect(entry).toContain('<dt>Computed by</dt>');
      expect(entry, link![1]).toMatch(/<dt>Query<\/dt>/);
      expect(entry, link![1]).toMatch(/<dt>(Source files|Records)<\/dt>/);
      // ... and links back to the number in the document.
      expect(entry).toContain(`>${link![2]}</a>`);
    }
    // Crime figures name their police.uk files; the ids are the same from build to build.
    const crime = entries.get('demand-table-recorded-crime-by-force')!;
    expect(crime).toMatch(
      /<dt>Source files<\/dt><dd><details><summary>48 police\.uk files \(warwickshire, west-mercia, 2015-04 to 2017-03\)/,
    );
    expect(crime).toContain('2016-04-warwickshire-street.csv');
    // The PDF, printed from the same model, carries no link to a log it travels without.
    expect(html.match(/class="trace"/g)?.length).toBe(numbered.length);
  });
});

describe.skipIf(!printing)('the PDF', () => {
  it('prints the protective marking at the top and foot of every page, with the page number', () => {
    const pages = pdfPages(outputs.files.pdf!);
    expect(pages.length).toBeGreaterThan(20);
    pages.forEach((page, i) => {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      expect(lines[0], `page ${i + 1}`).toBe('OFFICIAL-SENSITIVE');
      expect(page.match(/OFFICIAL-SENSITIVE/g)!.length, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(flat(page), `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('keeps the layout rules: no stranded heading, no page two-thirds blank mid-section, the marking on every page, split tables repeat their header', () => {
    const pages = pdfLayout(outputs.files.pdf!);
    expect(pages.length).toBeGreaterThan(20);
    expect(pagesWithoutMarking(pages, 'OFFICIAL-SENSITIVE')).toEqual([]);
    expect(strandedHeadings(pages, headingTexts(doc))).toEqual([]);
    expect(mostlyBlankPages(pages)).toEqual([]);
    expect(tablesWithoutRepeatedHeader(pages, doc)).toEqual([]);
    // the rule means something: the recommendations' progress table runs over several pages
    const spans = tablePages(pages, doc).spans;
    expect(spans.find((t) => t.caption.includes('progress'))).toMatchObject({ last: expect.any(Number) });
    expect(spans.filter((t) => t.last > t.first).length).toBeGreaterThanOrEqual(1);
  });

  it('has contents page numbers that are the pages the headings are printed on', () => {
    const layout = pdfPages(outputs.files.pdf!, true);
    const plain = pdfPages(outputs.files.pdf!);
    const contents = layout.slice(1, 3).join('\n');
    const listed = new Map<string, number>();
    for (const line of contents.split('\n')) {
      const m = /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(line);
      if (m) listed.set(m[1]!, Number(m[2]));
    }
    const headings = outline(doc);
    expect(listed.size).toBe(headings.length);
    for (const h of headings) {
      const title = h.text;
      const page = listed.get(title);
      expect(page, title).toBeDefined();
      expect(flat(plain[page! - 1]!), `"${title}" on page ${page}`).toContain(flat(title));
      expect(
        flat(plain.slice(2, page! - 1).join(' ')).includes(flat(title)) && h.level === 1,
        `"${title}" printed before page ${page}`,
      ).toBe(false);
    }
  });
});

describe.skipIf(!printing)('the Word file', () => {
  it('carries the marking in the header and footer of every page, with page numbers', async () => {
    const files = zipEntries(await readFile(outputs.files.docx!));
    const headers = [...files].filter(([name]) => /^word\/header\d*\.xml$/.test(name));
    const footers = [...files].filter(([name]) => /^word\/footer\d*\.xml$/.test(name));
    expect(headers.length).toBeGreaterThan(0);
    for (const [, xml] of [...headers, ...footers]) expect(xml).toContain('OFFICIAL-SENSITIVE');
    expect(footers.some(([, xml]) => xml.includes('PAGE') && xml.includes('NUMPAGES'))).toBe(true);
  });

  it('holds the same tables, footnotes and charts as the other formats', async () => {
    const files = zipEntries(await readFile(outputs.files.docx!));
    const body = files.get('word/document.xml')!;
    for (const t of tables(doc).slice(0, 12))
      expect(body).toContain(t.caption.replace(/&/g, '&amp;').replace(/'/g, '&apos;').slice(0, 30));
    const footnotes = files.get('word/footnotes.xml')!;
    expect(footnotes).toContain(doc.footnotes[0]!.text.slice(0, 20));
    // Each note is one Word footnote, referenced once, numbered as in the HTML; a source cited
    // again is its number in superscript (a second reference was an empty note in LibreOffice,
    // and every later number one off).
    const refs = [...body.matchAll(/<w:footnoteReference w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(refs).toEqual(doc.footnotes.map((f) => f.number));
    const charts = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'chart').length;
    const rels = files.get('word/_rels/document.xml.rels')!;
    expect(rels.match(/media\/[^"]+\.png/g)?.length).toBe(charts);
    expect(rels.match(/media\/[^"]+\.svg/g)?.length).toBe(charts);
    expect(files.get('word/settings.xml')).toContain('updateFields');
  });
});

describe.skipIf(!printing || SOFFICE === undefined)('the Word file as LibreOffice renders it', () => {
  it('has the marking at the top and foot of every page, and its charts at their size', () => {
    if (SOFFICE === undefined)
      console.warn('LibreOffice is not installed: apt-get install -y libreoffice-writer-nogui');
    const pdf = libreOfficePdf(outputs.files.docx!, out);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(20);
    pages.forEach((page, i) =>
      expect(page.match(/OFFICIAL-SENSITIVE/g)?.length ?? 0, `page ${i + 1}`).toBeGreaterThanOrEqual(2),
    );
    // the contents: each heading with the page LibreOffice printed it on, no field code as text
    const contents = pages.slice(1, 4).join('\n');
    expect(contents).not.toContain('TOC \\');
    const introduction = /Section 1: Introduction\.*\s*(\d+)/.exec(flat(contents));
    expect(introduction, 'contents line for Section 1').not.toBeNull();
    expect(flat(pages[Number(introduction![1]) - 1]!)).toContain('Section 1: Introduction');
    const words = placedWords(pdf);
    const charts = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'chart');
    expect(charts.length).toBeGreaterThan(3);
    charts.forEach((chart, i) => {
      const caption = findPhrase(words, `Figure ${i + 1}:`);
      const behind = findPhrase(words, `The figures behind figure ${i + 1}:`);
      expect(caption, `figure ${i + 1}`).toBeDefined();
      expect(behind, `figure ${i + 1}`).toBeDefined();
      // the picture sits between its caption and its table: at least 150 points tall (a clipped one is one line)
      const room = behind!.page > caption!.page ? Infinity : behind!.y - caption!.y;
      expect(room, `figure ${i + 1}: ${chart.caption}`).toBeGreaterThan(150);
    });
  }, 240_000);
});
