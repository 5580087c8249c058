import { describe, expect, it } from 'vitest';
import { checkSeedSections, SEED_SECTIONS } from './seed-sections.js';
import { DOCUMENT_PLAN } from './plan.js';
import type { Block } from './model.js';

const heading = (text: string): Block => ({ kind: 'heading', level: 3, text, id: text });

describe("the seed's sections against the built document", () => {
  it('maps every seed section to a part the document plan has', () => {
    const parts = new Set(DOCUMENT_PLAN.flatMap((s) => s.parts.map((p) => p.id)));
    expect(SEED_SECTIONS.filter((s) => !parts.has(s.part)).map((s) => s.title)).toEqual([]);
  });

  it('counts a section present when its part is built, and a subsection only when its heading is there', () => {
    const check = checkSeedSections(
      new Map([
        ['introduction', { blocks: [heading('Code of Ethics')] }],
        ['cyber-crime', { omitted: 'no analyst text' }],
      ]),
      [
        { title: 'Introduction', part: 'introduction' },
        { title: 'Code of Ethics', part: 'introduction', heading: /code of ethics/i },
        { title: 'Looking to 2020', part: 'introduction', heading: /looking to 2020/i },
        { title: 'Cyber crime', part: 'cyber-crime' },
        { title: 'Missing people', part: 'missing' },
      ],
    );
    expect(check.present).toEqual(['Introduction', 'Code of Ethics']);
    expect(check.missing).toEqual([
      {
        title: 'Looking to 2020',
        why: 'part "introduction" is there, but nothing in it is headed so (its text or data does not cover it)',
      },
      { title: 'Cyber crime', why: 'part "cyber-crime" left out: no analyst text' },
      { title: 'Missing people', why: 'the document has no part "missing"' },
    ]);
  });
});
