/**
 * Crime harm beside volume (the seed's Cambridge Crime Harm Index passage, made concrete): each
 * crime type's share of recorded crime and its share of harm under the Cambridge Crime Harm Index
 * (median days of imprisonment per offence), ranked both ways, so a type that is rare but harmful
 * is plain to see. Anti-social behaviour is not crime and has no weight: it is left out of both
 * shares. The weights are cited by their edition, against the document's date.
 */
import { harmBreakdown } from '../../analytics/harm-breakdown.js';
import { categoryWeights } from '../../analytics/weights.js';
import { harmVolumeChart } from '../../charts/harm-volume.js';
import { CRIME_CATEGORIES } from '../../domain/crime/categories.js';
import { cell, method, para, text, type Block } from '../model.js';
import { citeWeights } from './weights-citation.js';
import { analystBlocks } from '../text/analyst-blocks.js';
import { citeCrime, crimeData, periodWords } from './crime-data.js';
import { omit, type Part } from './part.js';
import { categoryName, listWords, share } from './wording.js';

export const HARM_INDEX = 'cchi-median';

export const crimeHarm: Part = {
  id: 'crime-harm',
  title: 'Crime harm',
  async build(ctx, log) {
    const own = analystBlocks(ctx, log, 'crime-harm');
    const d = crimeData(ctx);
    if (typeof d === 'string') return own.length > 0 ? { blocks: own } : omit(d);
    const weights = categoryWeights(HARM_INDEX);
    const query = {
      areas: [] as [],
      byCategory: true,
      span: d.period,
      weights,
      forces: d.forceIds,
      categories: CRIME_CATEGORIES,
    };
    const harm = await harmBreakdown(d.wh, query);
    if (!harm.complete)
      return own.length > 0 ? { blocks: own } : omit(`${d.period.label} is not complete in the warehouse`);
    const { provenance, footnote } = citeCrime(ctx, d, d.period.first, d.period.last);
    const cited = citeWeights(weights, ctx.documentDate);
    const weightsNote = ctx.footnotes.cite(cited.footnote);
    const byKey = new Map(harm.cells.map((c) => [c.key, c]));
    const weightOf = (key: string): string => {
      const w = weights.weights.get(key)?.weight;
      return w === undefined || w === null
        ? ''
        : w.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    };
    const ranked = [...harm.ranking].sort(
      (a, b) => (a.harmRank ?? 99) - (b.harmRank ?? 99) || a.volumeRank - b.volumeRank,
    );
    const top = ranked
      .filter((r) => r.rankDifference !== null && r.rankDifference >= 3)
      .map((r) => categoryName(r.key).toLowerCase());
    const blocks: Block[] = [
      ...own,
      para(
        text(
          `Crime types recorded by ${d.forces.map((f) => f.name).join(' and ')} in ${periodWords(d.period)}, by volume and by harm as measured by ${cited.name}. Anti-social behaviour, which is not a crime and has no harm weight, is not counted.`,
        ),
        { footnote },
        { footnote: weightsNote },
      ),
      ...(top.length > 0
        ? [para(text(`Ranked by harm rather than volume, these types rise three places or more: ${listWords(top)}.`))]
        : []),
      {
        kind: 'chart',
        id: ctx.anchors.make('chart-harm-and-volume'),
        caption: `Share of crimes and share of harm by crime type, ${d.period.label}`,
        option: harmVolumeChart(
          harm.ranking
            .filter((r) => r.harmShare !== null)
            .map((r) => ({ label: categoryName(r.key), volumeShare: r.volumeShare ?? 0, harmShare: r.harmShare ?? 0 })),
          '',
        ),
        width: 820,
        height: 460,
        description: 'Paired horizontal bars per crime type: its share of all crimes and its share of all harm.',
        table: {
          kind: 'table',
          id: ctx.anchors.make('table-harm-and-volume'),
          caption: `Crime harm and volume by crime type, ${d.period.label}`,
          columns: [
            { header: 'Crime type', align: 'left', width: 5 },
            { header: 'Crimes', align: 'right', width: 2 },
            { header: '% of crimes', align: 'right', width: 2 },
            { header: 'Weight (days per crime)', align: 'right', width: 2 },
            { header: 'Harm (days, all crimes)', align: 'right', width: 2 },
            { header: '% of harm', align: 'right', width: 2 },
            { header: 'Rank by volume', align: 'right', width: 2 },
            { header: 'Rank by harm', align: 'right', width: 2 },
          ],
          rows: ranked.map((r) => [
            cell(categoryName(r.key)),
            cell(r.volume),
            cell(share(r.volumeShare)),
            cell(weightOf(r.key)),
            cell(r.harm === null ? 'no weight' : Math.round(r.harm)),
            cell(share(r.harmShare)),
            cell(r.volumeRank),
            cell(r.harmRank),
          ]),
        },
      },
      method(text('Harm is the number of crimes of each type times the weight of that type, in days of imprisonment.')),
    ];
    log.figure(
      'Chart and table: harm and volume by crime type',
      `${harm.cells.length} crime types, ${d.period.label}; total harm ${Math.round([...byKey.values()].reduce((a, c) => a + c.harm, 0)).toLocaleString('en-GB')} ${weights.unit.replace(/ per offence$/, '')} (the weights are ${weights.unit})`,
      {
        call: 'harmBreakdown',
        query: { ...query, span: d.period.label, weights: `${weights.index} (${weights.edition})` },
        files: provenance.files,
        importIds: provenance.importIds,
        method: `${weights.index} (${weights.edition}) weights per police.uk category; volume and harm ranks with ties shared`,
      },
      footnote,
    );
    return { blocks };
  },
};
