/**
 * Appendix: sources and methods, written from the build log, so it lists exactly what this
 * document's figures were computed from and how, in the reader's words: each source as the
 * business knows it (police.uk street data for these forces and months, the risk register, the
 * assessment's MoRiLE scores) and each method once. The library calls, files, hashes and import
 * ids stay in the build log, whose entries the footnote numbers lead to.
 */
import { cell, text, type Block } from '../model.js';
import { monthSpan } from '../dates.js';
import { listWords } from './wording.js';
import { omit, type Part } from './part.js';
import { plural } from '../../domain/plural.js';

/** What each library call reads, in words. */
const SOURCES: ReadonlyArray<[RegExp, string]> = [
  [/^directionOfTravelFor/, "the MoRiLE scores of this assessment's threats, this year and last"],
  [/controlStrategy|deriveControlStrategy/, "the MoRiLE scores of this assessment's threats"],
  [/^listRecommendations/, "last year's recommendations and their progress updates"],
  [/^riskHeatMap/, 'the strategic risk register'],
  [/^listInspections/, 'the inspection reports and their findings'],
  [/^driverMatrix/, 'the environmental scanning change drivers'],
  [/^planComparison/, 'the Police and Crime Plans'],
  [/^priority/, "partners' stated priorities"],
  [/^indicatorTable/, "the alliance's indicator tables"],
];

/** Each method once, in words, by the call that used it. */
const METHODS: ReadonlyArray<[RegExp, string]> = [
  [
    /^directionOfTravelFor|controlStrategy/,
    "MoRiLE (Management of Risk in Law Enforcement): assessors score each threat's harm, likelihood and the organisation's position; the scores of several assessors are combined by their median, and the combined priority score places each threat in a band (priority, intelligence requirement, business as usual).",
  ],
  [
    /^compareTrends|^performanceSnapshot/,
    'Changes are tested with the Poisson E-test (Krishnamoorthy and Thomson, 2004). Because many comparisons are made together, a change is called significant only where its q-value, adjusted for the number of comparisons (Benjamini and Hochberg), is 0.05 or less. A period with a month not yet published is not compared.',
  ],
  [
    /^performanceSnapshot/,
    'A crime type is reported on when it rose significantly on the year before, or holds at least 10% of all crime or of all harm.',
  ],
  [
    /^monthlySeries/,
    'The expected level of a month is the average of the same month in the three years before, with 95% control limits that allow for the spread between years (after Farrington and others, 1996); a month outside the limits is marked.',
  ],
  [
    /^harmBreakdown/,
    'Harm is the number of crimes of each type times the Cambridge Crime Harm Index weight of that type, in days of imprisonment. Anti-social behaviour, not a crime, has no weight and is not counted.',
  ],
  [
    /^indicatorTable/,
    'Indicator percentages are computed from the figures, not copied from earlier documents, and rounded half away from zero to one decimal place.',
  ],
];

const capital = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

const matching = (table: ReadonlyArray<[RegExp, string]>, call: string) =>
  table.filter(([re]) => re.test(call)).map(([, words]) => words);

export const sourcesAndMethods: Part = {
  id: 'sources-methods',
  title: 'Sources and methods',
  async build(ctx, log) {
    const figures = log.entries.filter(
      (e) => e.kind === 'figure' && e.source !== undefined && !e.subject.startsWith('Analyst text'),
    );
    if (figures.length === 0) return omit('no figures in the document');
    const forceName = new Map(ctx.forces.map((f) => [f.id, f.name]));
    const rows = figures.map((e) => {
      const s = e.source!;
      const files = s.files ?? [];
      const forces = [...new Set(files.map((f) => f.force).filter((f): f is string => f !== undefined))];
      const months = files
        .map((f) => f.month)
        .filter((m): m is string => m !== undefined)
        .sort();
      const span = months.length > 0 ? monthSpan(months[0]!, months[months.length - 1]!) : '';
      const from =
        forces.length > 0 && months.length > 0 && files.every((f) => f.table === 'missing_episodes')
          ? `Missing-person episodes recorded by ${listWords(forces.map((f) => forceName.get(f) ?? f))}, ${span}`
          : forces.length > 0 && months.length > 0
            ? `Police.uk street-level crime data, ${listWords(forces.map((f) => forceName.get(f) ?? f))}, ${monthSpan(months[0]!, months[months.length - 1]!)}`
            : s.importIds?.length && /^compareTrends|^monthlySeries/.test(s.call)
              ? 'Police.uk street-level crime data, as above'
              : capital(matching(SOURCES, s.call)[0] ?? 'the assessment');
      return [
        cell(capital(e.subject.replace(/^(Chart and table|Chart|Tables|Table): /, ''))),
        cell(from),
        cell(e.footnote ?? ''),
      ];
    });
    const methods = [...new Set(figures.flatMap((e) => matching(METHODS, e.source!.call)))];
    const trace = log.figure('Table: where each table and chart comes from', plural(rows.length, 'row'), {
      call: 'the build log',
      query: { kind: 'figure', except: 'analyst text' },
      records: `the build log's entries for ${plural(figures.length, 'figure')}, in this build`,
    });
    const blocks: Block[] = [
      {
        kind: 'table',
        id: ctx.anchors.make('table-sources'),
        trace,
        caption: 'Where each table and chart comes from',
        columns: [
          { header: 'Table or chart', align: 'left', width: 6 },
          { header: 'Source', align: 'left', width: 8 },
          { header: 'Note', align: 'right', width: 1 },
        ],
        rows,
        compact: true,
      },
      { kind: 'heading', level: 3, text: 'Methods', id: ctx.anchors.make('methods') },
      { kind: 'list', ordered: false, items: methods.map((m) => [text(m)]) },
      {
        kind: 'paragraph',
        style: 'method',
        runs: [
          text(
            'The build log that accompanies this document traces every figure to the files and records it was computed from.',
          ),
        ],
      },
    ];
    return { blocks };
  },
};
