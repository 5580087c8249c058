/**
 * Appendix: sources and methods, written from the build log, so it lists exactly what this
 * document's figures were computed from and how: the data (police.uk files and imports, indicator
 * files, the registers in the system of record, analyst text) and each method once.
 */
import { cell, text, type Block } from '../model.js';
import { omit, type Part } from './part.js';

export const sourcesAndMethods: Part = {
  id: 'sources-methods',
  title: 'Sources and methods',
  async build(ctx, log) {
    const figures = log.entries.filter((e) => e.kind === 'figure' && e.source !== undefined);
    if (figures.length === 0) return omit('no figures in the document');
    const rows = figures.map((e) => {
      const s = e.source!;
      const files = s.files ?? [];
      const forces = [...new Set(files.map((f) => f.force).filter(Boolean))];
      const months = files
        .map((f) => f.month)
        .filter((m): m is string => m !== undefined)
        .sort();
      const from =
        files.length === 0
          ? (s.records ?? '')
          : forces.length > 0
            ? `${files.length} police.uk files (${forces.join(', ')}, ${months[0]} to ${months[months.length - 1]}); imports ${(s.importIds ?? []).join(', ')}`
            : `${files.map((f) => f.file.split(/[\\/]/).pop()).join(', ')}${s.importIds?.length ? `; imports ${s.importIds.join(', ')}` : ''}`;
      return [cell(e.subject), cell(s.call), cell(from), cell(e.footnote === undefined ? '' : String(e.footnote))];
    });
    const methods = [
      ...new Set(figures.map((e) => e.source!.method).filter((m): m is string => m !== undefined && m !== '')),
    ];
    const blocks: Block[] = [
      {
        kind: 'table',
        id: ctx.anchors.make('table-sources'),
        caption: 'Where each table and chart comes from',
        columns: [
          { header: 'Table or chart', align: 'left', width: 5 },
          { header: 'Computed by', align: 'left', width: 3 },
          { header: 'From', align: 'left', width: 7 },
          { header: 'Note', align: 'right', width: 1 },
        ],
        rows,
        compact: true,
      },
      { kind: 'heading', level: 3, text: 'Methods', id: ctx.anchors.make('methods') },
      { kind: 'list', ordered: false, items: methods.map((m) => [text(m)]) },
    ];
    return { blocks };
  },
};
