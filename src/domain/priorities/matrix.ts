/**
 * The side-by-side matrix of partners' priorities, as the seed prints it: partners as columns,
 * taxonomy headings as rows, each cell the partner's own words (or empty).
 *
 * Decisions: a cell holds every wording of that partner mapped to that heading (Nuneaton and
 * Bedworth's "Alcohol Related Harm" and "Emerging drug trends" both sit under drugs and
 * alcohol), in the order given; a priority mapped to two headings appears in both rows; rows
 * follow the taxonomy order and only headings some column holds are shown unless all are asked
 * for. Notes about a partner's table (Worcestershire's "Community Safety Agreement not produced
 * ...") are not priorities: they go with the column, never into a row.
 */
import { PRIORITY_TAXONOMY, type TaxonomyId } from './taxonomy.js';

export interface MatrixEntry {
  readonly partnerId: string;
  readonly wording: string;
  readonly kind: 'priority' | 'note';
  readonly taxonomyIds: readonly TaxonomyId[];
}

export interface MatrixPartner {
  readonly id: string;
  readonly label: string;
}

export interface MatrixColumn extends MatrixPartner {
  /** How many priorities the partner holds in the matrix. */
  readonly priorities: number;
  readonly notes: readonly string[];
}

export interface MatrixRow {
  readonly taxonomyId: TaxonomyId;
  readonly label: string;
  /** One cell per column, in column order: the partner's wordings under this heading. */
  readonly cells: ReadonlyArray<readonly string[]>;
}

export interface PriorityMatrix {
  readonly columns: readonly MatrixColumn[];
  readonly rows: readonly MatrixRow[];
}

export function buildPriorityMatrix(
  partners: readonly MatrixPartner[],
  entries: readonly MatrixEntry[],
  options: { allRows?: boolean } = {},
): PriorityMatrix {
  const col = new Map(partners.map((p, i) => [p.id, i]));
  const inColumns = entries.filter((e) => col.has(e.partnerId));
  const columns = partners.map((p) => ({
    ...p,
    priorities: inColumns.filter((e) => e.partnerId === p.id && e.kind === 'priority').length,
    notes: inColumns.filter((e) => e.partnerId === p.id && e.kind === 'note').map((e) => e.wording),
  }));
  const rows = PRIORITY_TAXONOMY.map((t) => {
    const cells = partners.map(() => [] as string[]);
    for (const e of inColumns)
      if (e.kind === 'priority' && e.taxonomyIds.includes(t.id)) cells[col.get(e.partnerId) ?? 0]?.push(e.wording);
    return { taxonomyId: t.id, label: t.label, cells };
  });
  return { columns, rows: options.allRows === true ? rows : rows.filter((r) => r.cells.some((c) => c.length > 0)) };
}
