/**
 * Slow (about 30 s): building for a clearance. An OFFICIAL build of the demo 2017/18 assessment,
 * whose store holds OFFICIAL-SENSITIVE threats, a risk and an extra OFFICIAL-SENSITIVE threat
 * with words found nowhere else, must contain none of them in the HTML, the PDF's text or the
 * Word file's XML, print OFFICIAL, and say in the build log (not the document) what was left out.
 * The same build at OFFICIAL-SENSITIVE holds them. PDF and Word checks skip without Chromium.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, listRisks, listThreats } from '../store/index.js';
import { chromiumAvailable } from './browser.js';
import { flat, hasPdftotext, pdfPages } from './fixtures/pdf-text.js';
import { zipEntries } from './fixtures/unzip.js';
import { PLANS, reportWorld, SECRET_THREAT, SENSITIVE_EVENT, type ReportWorld } from './fixtures/world.js';
import { generateReport, type Format } from './index.js';
import type { WrittenOutputs } from './outputs.js';
import type { ReportDocument } from './model.js';

const printing = chromiumAvailable() && hasPdftotext;
if (!printing)
  console.warn(
    'clearance e2e: /usr/bin/chromium or pdftotext is not installed; only the HTML is checked (apt-get install -y chromium poppler-utils)',
  );

let world: ReportWorld;
let out: string;
let official: { document: ReportDocument; outputs: WrittenOutputs };
let sensitive: { document: ReportDocument; outputs: WrittenOutputs };
let hidden: string[];

beforeAll(async () => {
  world = await reportWorld();
  out = await mkdtemp(path.join(os.tmpdir(), 'stra-report-clearance-'));
  const formats: Format[] = printing ? ['html', 'pdf', 'docx'] : ['html'];
  const common = {
    store: world.store,
    builder: world.analyst,
    assessment: '2017/18',
    workspaceRoot: world.root,
    warehouse: world.warehouse,
  };
  official = await generateReport({ ...common, clearance: 'OFFICIAL', formats, outDir: path.join(out, 'official') });
  sensitive = await generateReport({
    ...common,
    clearance: 'OFFICIAL-SENSITIVE',
    formats: ['html'],
    outDir: path.join(out, 'sensitive'),
  });
  const threats = (await listThreats(world.store, world.analyst, { assessmentId: world.assessmentId })).filter(
    (t) => t.marking !== 'OFFICIAL',
  );
  const risks = (await listRisks(world.store, world.analyst)).filter((r) => r.marking !== 'OFFICIAL');
  hidden = [
    ...threats.map((t) => t.description),
    SECRET_THREAT.name,
    SENSITIVE_EVENT.change,
    ...risks.map((r) => r.title),
    ...risks.map((r) => r.mitigation),
  ].filter((x) => x.trim().length > 0);
}, 240_000);

afterAll(async () => {
  await world?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

/** Visible text of HTML or Word XML, entities decoded, white space collapsed. */
const visible = (markup: string) =>
  flat(
    markup
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
  );

describe('an OFFICIAL build of an assessment holding OFFICIAL-SENSITIVE records', () => {
  it('finds OFFICIAL-SENSITIVE records to leave out (the test means something)', () => {
    expect(hidden.length).toBeGreaterThanOrEqual(6);
    const html = visible(readFileSync(sensitive.outputs.files.html!, 'utf8'));
    expect(html).toContain(SECRET_THREAT.name);
    expect(html).toContain(flat(SECRET_THREAT.description));
    expect(sensitive.document.meta.marking).toBe('OFFICIAL-SENSITIVE');
  });

  it('contains none of their text in the HTML', async () => {
    const html = visible(await readFile(official.outputs.files.html!, 'utf8'));
    for (const words of hidden) expect(html).not.toContain(flat(words));
    expect(html).not.toContain('OFFICIAL-SENSITIVE');
  });

  it('leaves the hidden threats out of the assessment summary and the Control Strategy, by name', async () => {
    const names = (await listThreats(world.store, world.analyst, { assessmentId: world.assessmentId }))
      .filter((t) => t.marking !== 'OFFICIAL')
      .map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['OCG', 'FNO', 'PSD', 'Radicalisation', SECRET_THREAT.name]));
    const shown = (id: string) =>
      JSON.stringify(
        official.document.sections.find((s) => s.id === id)?.blocks.filter((b) => b.kind !== 'chart') ?? [],
      );
    const summary = official.document.sections.find((s) => s.id === 'assessment-summary')!;
    const legend = summary.blocks.flatMap((b) =>
      b.kind === 'chart' ? b.table.rows.map((r) => r[1]!.runs.map((x) => ('text' in x ? x.text : '')).join('')) : [],
    );
    expect(legend).toHaveLength(20);
    for (const name of names) expect(legend).not.toContain(name);
    const strategy = shown('demand');
    for (const name of names) expect(strategy).not.toContain(`"text":"${name}"`);
  });

  it("prints each priority's plan (lead officer, actions by heading, questions), withholding one above the build's clearance", () => {
    // The Control Strategy part sits in a section with others; its plans' words are unique to it.
    const strategy = (d: ReportDocument) => JSON.stringify(d.sections.flatMap((s) => s.blocks));
    for (const d of [sensitive.document, official.document]) {
      expect(strategy(d)).toContain(PLANS.CSE.leadOfficer);
      expect(strategy(d)).toContain(PLANS.CSE.actions.prevention);
      expect(strategy(d)).toContain(PLANS.CSE.questions[0]);
      expect(strategy(d)).toContain('CSE: the plan under the Control Strategy headings');
    }
    expect(strategy(sensitive.document)).toContain(PLANS.OCG.actions.enforcement);
    expect(strategy(official.document)).not.toContain(PLANS.OCG.actions.enforcement);
    expect(strategy(official.document)).not.toContain(PLANS.OCG.leadOfficer);
  });

  it('prints the transformation timeline without the event above its clearance, and says so in the build log only', () => {
    const table = (doc: ReportDocument) =>
      doc.sections
        .flatMap((s) => s.blocks)
        .find((b) => b.kind === 'table' && b.caption.includes('Public service transformation'));
    const rows = (doc: ReportDocument) => {
      const t = table(doc);
      return t?.kind === 'table'
        ? t.rows.map((r) => r.map((c) => c.runs.map((x) => ('text' in x ? x.text : '')).join('')))
        : [];
    };
    expect(rows(sensitive.document).map((r) => r[1])).toContain(SENSITIVE_EVENT.change);
    expect(rows(sensitive.document)).toContainEqual(['April 2018', SENSITIVE_EVENT.change, 'Policing']);
    expect(rows(official.document)).toHaveLength(rows(sensitive.document).length - 1);
    expect(rows(official.document)[0]).toEqual([
      'November 2016 to 2025',
      expect.stringContaining('Policing Vision 2025'),
      'Policing',
    ]);
    const withheld = official.outputs.log.entries.find((e) => e.subject === 'Public service transformation timeline');
    expect(withheld).toMatchObject({ kind: 'omitted', aboveClearance: true });
    expect(withheld?.detail).toBe("1 event marked above the build's clearance OFFICIAL left out.");
  });

  it('keeps a build log that says material was left out, never which records, how many or at what marking', async () => {
    const above = official.outputs.log.entries.filter((e) => e.aboveClearance === true);
    expect(above.length).toBeGreaterThan(1);
    const files = official.outputs.files;
    const kept = [files.buildLogText!, files.buildLogJson!, files.buildLogHtml!];
    const texts = await Promise.all(kept.map((f) => readFile(f, 'utf8')));
    for (const e of above) for (const text of texts) expect(text).not.toContain(e.detail);
    for (const text of texts) expect(text).not.toMatch(/\(ids? \d/);
    const json = JSON.parse(texts[1]!) as { entries: { aboveClearance?: boolean; detail: string }[] };
    const keptAbove = json.entries.filter((e) => e.aboveClearance === true);
    expect(keptAbove).toHaveLength(above.length);
    for (const e of keptAbove) expect(e.detail).toBe("material marked above the build's clearance OFFICIAL left out.");
  });

  it('prints professional standards from its indicator series, each table with its source under it', () => {
    const part = official.document.sections
      .flatMap((s) => s.blocks)
      .map((b) =>
        b.kind === 'table'
          ? `table ${b.caption}`
          : b.kind === 'paragraph'
            ? b.runs.map((x) => ('text' in x ? x.text : '')).join('')
            : b.kind === 'heading'
              ? `# ${b.text}`
              : '',
      );
    const at = part.indexOf('# Professional standards');
    expect(at).toBeGreaterThan(0);
    const after = part.slice(at);
    expect(after).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^table Table \d+: Complaints and conduct matters: recorded cases \(cases\)$/),
        'Source: Professional Standards Department: complaint and conduct case records.',
        'Source: Alliance Vetting Unit: application records.',
      ]),
    );
    // the complaints and vetting tables are in professional standards, not among the other indicators
    expect(part.slice(0, at).filter((x) => /Complaints|Vetting/.test(x))).toEqual([]);
  });

  it("notes in the build log each of the seed's sections the document does not hold, and why", () => {
    const notes = official.outputs.log.entries.filter((e) => e.subject.startsWith("The seed's sections"));
    expect(notes[0]!.detail).toMatch(/^\d+ of \d+ are in this document/);
    const missing = notes.slice(1).map((e) => e.subject.replace("The seed's sections: ", ''));
    expect(missing).not.toContain('Public Service transformation landscape to 2020');
    expect(missing).not.toContain('PSD (professional standards: complaints and vetting)');
    for (const n of notes.slice(1)) expect(n.detail).toMatch(/left out: |no part|nothing in it is headed so/);
  });

  it.skipIf(!printing)('contains none of their text in the PDF, which is marked OFFICIAL on every page', () => {
    const pages = pdfPages(official.outputs.files.pdf!);
    const all = flat(pages.join(' '));
    for (const words of hidden) expect(all).not.toContain(flat(words));
    expect(all).not.toContain('OFFICIAL-SENSITIVE');
    for (const page of pages)
      expect(
        page
          .split('\n')
          .map((l) => l.trim())
          .find(Boolean),
      ).toBe('OFFICIAL');
  });

  it.skipIf(!printing)('contains none of their text in the Word file', async () => {
    const xml = visible([...zipEntries(await readFile(official.outputs.files.docx!)).values()].join(' '));
    for (const words of hidden) expect(xml).not.toContain(flat(words));
    expect(xml).not.toContain('OFFICIAL-SENSITIVE');
  });

  it('prints OFFICIAL and says in the build log, not the document, what was left out', async () => {
    expect(official.document.meta).toMatchObject({ marking: 'OFFICIAL', clearance: 'OFFICIAL' });
    const omitted = official.outputs.log.entries.filter((e) => e.kind === 'omitted');
    expect(omitted.find((e) => e.section === 'assessment-summary')?.detail).toMatch(
      /^5 OFFICIAL-SENSITIVE threats above the build's clearance OFFICIAL/,
    );
    expect(omitted.find((e) => e.section === 'capacity')?.detail).toMatch(/^1 OFFICIAL-SENSITIVE risk above/);
    const log = await readFile(official.outputs.files.buildLogJson!, 'utf8');
    for (const words of hidden) expect(log).not.toContain(words);
    const html = await readFile(official.outputs.files.html!, 'utf8');
    expect(html).not.toMatch(/left out|above the build's clearance|omitted/i);
  });

  it('says on its contents page that material above its marking is withheld, never what or how much', async () => {
    const notice =
      'Material of this assessment marked above OFFICIAL is withheld from it; numbered items are numbered over what this version shows.';
    const html = visible(await readFile(official.outputs.files.html!, 'utf8'));
    const contents = html.slice(
      html.indexOf('Contents'),
      html.indexOf('Section 1: Introduction', html.indexOf('Contents') + 200),
    );
    expect(contents).toContain(notice);
    expect(contents).not.toMatch(/\d+ (threat|risk|item)/);
    expect(visible(await readFile(sensitive.outputs.files.html!, 'utf8'))).not.toContain('is withheld from it');
    if (printing) {
      const pages = pdfPages(official.outputs.files.pdf!);
      const at = pages.findIndex((p) => flat(p).includes('Contents'));
      expect(flat(pages.slice(at, at + 2).join(' '))).toContain(flat(notice));
      const xml = visible(zipEntries(await readFile(official.outputs.files.docx!)).get('word/document.xml')!);
      expect(xml).toContain(notice);
    }
  });

  it('keeps the approval status and numbers what it shows without gaps', () => {
    const words = (d: ReportDocument) =>
      d.sections
        .flatMap((x) => x.blocks)
        .flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => ('text' in r ? r.text : '')).join('')] : []));
    const status = (d: ReportDocument) => words(d).find((w) => w.startsWith('The Control Strategy for 2017/18'));
    expect(status(sensitive.document)).toContain('a draft, awaiting approval');
    expect(status(official.document)).toContain('a draft, awaiting approval');
    const table = (d: ReportDocument, caption: string) =>
      d.sections
        .flatMap((x) => x.blocks)
        .flatMap((b) => (b.kind === 'table' ? [b] : b.kind === 'chart' ? [b.table] : []))
        .find((t) => t.caption.includes(caption))!
        .rows.map((r) => r.map((c) => c.runs.map((x) => ('text' in x ? x.text : '')).join('')));
    const refs = table(official.document, 'Strategic risks, owners').map((r) => r[0]);
    expect(refs).toEqual(refs.map((_, i) => `R${i + 1}`));
    const ranks = [
      'Control Strategy 2017/18: priorities',
      'Control Strategy 2017/18: intelligence',
      'Control Strategy 2017/18: business',
    ]
      .flatMap((c) => table(official.document, c).map((r) => Number(r[0])))
      .filter((n) => Number.isFinite(n) && n > 0);
    expect([...new Set(ranks)].sort((a, b) => a - b)).toEqual([...new Set(ranks)].map((_, i) => i + 1));
    const numbers = table(official.document, 'Assessment summary').map((r) => Number(r[0]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it("is built at the builder's own clearance when they ask for more, and the log says so", async () => {
    const reader = await actorFor(world.store, 'k.hughes');
    const r = await generateReport({
      store: world.store,
      builder: reader,
      assessment: '2017/18',
      clearance: 'SECRET',
      workspaceRoot: world.root,
      warehouse: world.warehouse,
      formats: ['html'],
      outDir: path.join(out, 'k.hughes'),
    });
    expect(r.document.meta).toMatchObject({ marking: 'OFFICIAL', clearance: 'OFFICIAL' });
    expect(r.outputs.log.entries.find((e) => e.kind === 'warning' && e.subject === 'Clearance')?.detail).toContain(
      'k.hughes holds OFFICIAL',
    );
    const html = visible(await readFile(r.outputs.files.html!, 'utf8'));
    for (const words of hidden) expect(html).not.toContain(flat(words));
  });
});
