/**
 * The seed's contents (the 2017/18 alliance Strategic Assessment), each entry with the part of
 * this document that carries it and, for a subsection the seed gives inside a part, the heading
 * that shows it is there. After a build, `checkSeedSections` says which of the seed's sections
 * the document holds and, for each that it does not, why: the part was omitted (no data and no
 * analyst text: its reason), or the part is there but its text has no such heading. The build
 * log prints the list, so a missing section is a known omission, never a silent one; nothing is
 * padded to fill it.
 */
import type { Block } from './model.js';

export interface SeedSection {
  /** As the seed's contents page names it. */
  readonly title: string;
  /** The part (see plan.ts) that carries it. */
  readonly part: string;
  /** A subsection the seed heads inside that part: a heading of the part that matches. */
  readonly heading?: RegExp;
}

export const SEED_SECTIONS: readonly SeedSection[] = [
  { title: 'Introduction', part: 'introduction' },
  { title: 'Alliance Vision, Values and Code of Ethics', part: 'introduction', heading: /vision/i },
  { title: 'Code of Ethics', part: 'introduction', heading: /code of ethics/i },
  { title: 'Looking to 2020', part: 'introduction', heading: /looking to 2020/i },
  { title: 'NPCC Policing Vision 2020', part: 'introduction', heading: /policing vision/i },
  { title: 'Strategic Policing Requirement', part: 'introduction', heading: /strategic policing requirement/i },
  {
    title: 'National Strategic Assessment of Serious and Organised Crime',
    part: 'introduction',
    heading: /national strategic assessment/i,
  },
  {
    title: 'Office of the Police and Crime Commissioner (OPCC)',
    part: 'introduction',
    heading: /police and crime commissioner|opcc/i,
  },
  { title: 'Community Safety Partnerships (CSP)', part: 'introduction', heading: /community safety partnership/i },
  { title: 'Assessment summary', part: 'assessment-summary' },
  { title: 'Recommendations made in the last STRA; progress', part: 'recommendations' },
  { title: 'Demand: total recorded crime', part: 'demand' },
  { title: 'Demand: the daily demand diagram', part: 'demand', heading: /daily demand/i },
  { title: 'Crime Survey', part: 'demand', heading: /crime survey/i },
  { title: 'Cambridge Crime Harm Index', part: 'crime-harm' },
  { title: 'Cyber crime', part: 'cyber-crime' },
  { title: 'Police Officer', part: 'officer-numbers' },
  { title: 'Crime Data Integrity', part: 'crime-data-integrity' },
  { title: 'Alliance Control Strategy, priorities and intelligence requirements', part: 'control-strategy' },
  { title: 'Serious organised crime', part: 'serious-organised-crime' },
  { title: 'Organised crime groups (OCGs)', part: 'serious-organised-crime', heading: /organised crime groups/i },
  { title: 'Other threats and trends', part: 'other-threats' },
  { title: 'Performance', part: 'performance' },
  { title: 'Environmental Scanning PESTELO: impact of future change', part: 'environmental-scanning' },
  { title: 'Public Service transformation landscape to 2020', part: 'public-service-transformation' },
  { title: 'Strategic Organisational Learning and Risk', part: 'capacity' },
  { title: 'HMIC', part: 'inspections' },
  { title: 'Change Programme', part: 'change-programme' },
  { title: 'People', part: 'people' },
  { title: 'Equality and Diversity', part: 'equality-diversity' },
  { title: 'Special Constabulary', part: 'indicators', heading: /special constabulary/i },
  { title: 'PSD (professional standards: complaints and vetting)', part: 'professional-standards' },
  { title: 'Other Considerations', part: 'other-considerations' },
  { title: 'Missing people', part: 'other-considerations', heading: /missing/i },
  { title: 'Appendices: Police and Crime Plans', part: 'plans' },
  { title: "Appendices: partners' priorities", part: 'partner-priorities' },
];

export type PartOutcome = { readonly blocks: readonly Block[] } | { readonly omitted: string };

export interface SeedSectionCheck {
  readonly present: readonly string[];
  readonly missing: ReadonlyArray<{ readonly title: string; readonly why: string }>;
}

const headings = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : b.kind === 'table' ? [b.caption] : []));

/** Which of the seed's sections the built parts hold, and why each other one is not there. */
export function checkSeedSections(
  outcomes: ReadonlyMap<string, PartOutcome>,
  sections: readonly SeedSection[] = SEED_SECTIONS,
): SeedSectionCheck {
  const present: string[] = [];
  const missing: Array<{ title: string; why: string }> = [];
  for (const s of sections) {
    const outcome = outcomes.get(s.part);
    if (outcome === undefined) missing.push({ title: s.title, why: `the document has no part "${s.part}"` });
    else if ('omitted' in outcome)
      missing.push({ title: s.title, why: `part "${s.part}" left out: ${outcome.omitted}` });
    else if (s.heading !== undefined && !headings(outcome.blocks).some((h) => s.heading!.test(h)))
      missing.push({
        title: s.title,
        why: `part "${s.part}" is there, but nothing in it is headed so (its text or data does not cover it)`,
      });
    else present.push(s.title);
  }
  return { present, missing };
}
