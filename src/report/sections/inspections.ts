/**
 * Inspections (the seed's "HMIC" pages): each inspection with its grade, and the areas for
 * improvement, recommendations and causes of concern it found, with their status.
 */
import { getInspection, listInspections } from '../../store/index.js';
import { highestMarking, type Marking } from '../../domain/marking.js';
import { cell, para, text, type Block, type TableCell } from '../model.js';
import { longDate, monthName } from '../dates.js';
import { omit, type Part } from './part.js';
import { plural } from '../../domain/plural.js';

const GRADE: Readonly<Record<string, string>> = {
  outstanding: 'outstanding',
  good: 'good',
  requires_improvement: 'requires improvement',
  inadequate: 'inadequate',
  not_graded: 'not graded',
};
const KIND: Readonly<Record<string, string>> = {
  area_for_improvement: 'Area for improvement',
  recommendation: 'Recommendation',
  cause_of_concern: 'Cause of concern',
};
const STATUS: Readonly<Record<string, string>> = {
  open: 'Open',
  in_progress: 'In progress',
  complete: 'Complete',
  superseded: 'Superseded',
};

export const inspections: Part = {
  id: 'inspections',
  title: 'Inspections',
  async build(ctx, log) {
    const list = await listInspections(ctx.store, ctx.actor);
    const hiddenCount = (await listInspections(ctx.store, ctx.builder)).length - list.length;
    if (hiddenCount > 0)
      log.withheld(
        'Inspections',
        `${plural(hiddenCount, 'inspection')} above the build's clearance ${ctx.clearance} left out.`,
      );
    if (list.length === 0)
      return omit('no inspections recorded that the build may show (stra inspection add / import)');
    const rows: TableCell[][] = [];
    const markings: Marking[] = [];
    let findings = 0;
    for (const summary of list) {
      const inspection = await getInspection(ctx.store, ctx.actor, summary.id);
      markings.push(inspection.marking, ...inspection.findings.map((f) => f.marking));
      const grade =
        inspection.grade === null
          ? ''
          : inspection.grade === 'not_graded'
            ? ': not graded'
            : `: graded ${GRADE[inspection.grade] ?? inspection.grade}`;
      rows.push([
        cell(
          `${inspection.body}, ${inspection.title}${inspection.dated === null ? '' : ` (${inspection.dated.length === 7 ? monthName(inspection.dated) : longDate(inspection.dated)})`}${grade}`,
          { bold: true, spanAll: true, fill: '#e8eef5' },
        ),
      ]);
      if (inspection.findings.length === 0) rows.push([cell('No findings recorded.', { spanAll: true })]);
      for (const f of inspection.findings) {
        findings += 1;
        rows.push([
          cell(KIND[f.kind] ?? f.kind),
          cell(f.text),
          cell(f.owner ?? ''),
          cell(STATUS[f.status] ?? f.status),
        ]);
      }
    }
    const marking = highestMarking(markings);
    ctx.markings.add(marking);
    log.figure(
      'Table: inspections and findings',
      `${plural(list.length, 'inspection')}, ${findings} findings; marked ${marking}`,
      {
        call: 'listInspections + getInspection',
        query: { clearance: ctx.clearance },
        records: `inspections ${list.map((i) => i.id).join(', ')}`,
      },
    );
    const blocks: Block[] = [
      para(
        text(
          `${list.length} ${list.length === 1 ? 'inspection' : 'inspections'} of the forces ${list.length === 1 ? 'is' : 'are'} recorded, with ${findings} ${findings === 1 ? 'finding' : 'findings'} and their status.`,
        ),
      ),
      {
        kind: 'table',
        id: ctx.anchors.make('table-inspections'),
        caption: 'Inspections: areas for improvement and their status',
        columns: [
          { header: 'Kind', align: 'left', width: 2.5 },
          { header: 'Finding', align: 'left', width: 10 },
          { header: 'Owner', align: 'left', width: 3 },
          { header: 'Status', align: 'left', width: 2 },
        ],
        rows,
      },
    ];
    return { blocks };
  },
};
