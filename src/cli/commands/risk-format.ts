/**
 * How `stra risk` prints for a person at a terminal: the heat-map grid (impact rows high to low,
 * likelihood columns, each cell its count and references with movement arrows) with the names
 * per cell beneath, and a risk with its history as dated lines and bars. Pure: text in, text out.
 */
import { levelName, MOVEMENT_ARROWS, ratingOf, type HeatMap } from '../../domain/risk/index.js';
import type { RiskHeatMap, RiskWithHistory } from '../../store/index.js';

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - [...s].length));

export function heatMapText(map: RiskHeatMap, title: string): string {
  const { scale } = map;
  const head = [
    'Impact \\ Likelihood',
    ...scale.likelihoodLabels.map((_, i) => levelName(scale.likelihoodLabels, i + 1)),
  ];
  const body = map.rows.map((row) => [
    levelName(scale.impactLabels, row.impact),
    ...row.cells.map((c) =>
      c.count === 0
        ? '·'
        : `${c.count}: ${c.risks.map((r) => `${r.reference}${MOVEMENT_ARROWS[r.movement]}`).join(' ')}`,
    ),
  ]);
  const widths = head.map((h, i) => Math.max([...h].length, ...body.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [
    `${title}: ${map.total} risk${map.total === 1 ? '' : 's'} on the ${scale.size}x${scale.size} scale (residual scores), marked ${map.marking}`,
    '',
    line(head),
    ...body.map(line),
    '',
    `Movement since the previous review: ${(['up', 'down', 'same', 'new'] as const).map((m) => `${MOVEMENT_ARROWS[m]} ${m} ${map.byMovement[m]}`).join(', ')}`,
    `Ratings: ${Object.entries(map.byRating)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ')}`,
  ];
  if (map.otherScales > 0)
    out.push(
      `(${map.otherScales} risk${map.otherScales === 1 ? ' is' : 's are'} scored on another scale size: use --scale to map them.)`,
    );
  return [...out, '', ...cellLines(map)].join('\n') + '\n';
}

function cellLines(map: HeatMap): string[] {
  const { scale } = map;
  const lines: string[] = [];
  for (const c of map.rows.flatMap((r) => r.cells).filter((c) => c.count > 0)) {
    lines.push(
      `Impact ${levelName(scale.impactLabels, c.impact)} x likelihood ${levelName(scale.likelihoodLabels, c.likelihood)} (score ${c.score}, ${c.rating}): ${c.count}`,
    );
    for (const r of c.risks) {
      const was = r.from === null ? '' : `${r.from.likelihood}x${r.from.impact} = ${r.from.score}`;
      const from =
        r.from === null
          ? 'new since the last review'
          : r.movement === 'same'
            ? `unchanged from ${was}`
            : `${r.movement} from ${was}`;
      lines.push(`  ${MOVEMENT_ARROWS[r.movement]} ${r.reference} ${r.title} (${from})`);
    }
  }
  return lines;
}

const BAR = 25;

export function riskText(r: RiskWithHistory): string {
  const scale = { size: r.scaleSize };
  const scored = (l: number, i: number, s: number) => `${l}x${i} = ${s} (${ratingOf(scale, s)})`;
  const out = [
    `Risk ${r.id} ${r.reference}: ${r.title} (${r.status}, ${r.marking}, version ${r.version}), ${r.organisationId}`,
    `Owner: ${r.owner}    Category: ${r.category}    Scale: ${r.scaleSize}x${r.scaleSize} (likelihood x impact)`,
    `Inherent: ${scored(r.inherent.likelihood, r.inherent.impact, r.inherent.score)}    Residual: ${scored(r.residual.likelihood, r.residual.impact, r.residual.score)} ${MOVEMENT_ARROWS[r.movement]} ${r.movement}`,
    `Identified: ${r.identifiedOn}    Next review: ${r.nextReview}${r.sharedWith.length > 0 ? `    Shared with: ${r.sharedWith.join(', ')}` : ''}`,
  ];
  if (r.cause !== '') out.push(`Cause: ${r.cause}`);
  if (r.consequence !== '') out.push(`Consequence: ${r.consequence}`);
  if (r.mitigation !== '') out.push(`Mitigation: ${r.mitigation}`);
  if (r.actions.length > 0) out.push('Actions:', ...r.actions.map((a) => `  - ${a}`));
  out.push('', 'History (residual score at each review, oldest first):');
  const max = r.scaleSize * r.scaleSize;
  r.reviews.forEach((v, i) => {
    const p = r.series[i];
    const bar = '█'.repeat(Math.max(1, Math.round((v.score / max) * BAR)));
    out.push(
      `  ${v.dated}  ${v.likelihood}x${v.impact} = ${String(v.score).padStart(2)} ${pad(p?.rating ?? '', 9)} ${MOVEMENT_ARROWS[p?.movement ?? 'same']}  ${pad(bar, BAR)}  ${v.statusAfter}, by ${v.author}, next review ${v.nextReview}`,
    );
    out.push(`    ${v.narrative.replace(/\n/g, '\n    ')}`);
  });
  return out.join('\n') + '\n';
}
