/** The headings of the common taxonomy a priority maps to, as a group of checkboxes (none is allowed: it then maps to no heading). */
import { useId } from 'react';
import type { TaxonomyEntry, TaxonomyId } from '../../../../api/index.js';

export function TaxonomyChoice({
  taxonomy,
  chosen,
  onChange,
}: {
  taxonomy: readonly TaxonomyEntry[];
  chosen: readonly TaxonomyId[];
  onChange: (ids: TaxonomyId[]) => void;
}) {
  const id = useId();
  const toggle = (t: TaxonomyId, on: boolean) =>
    onChange(taxonomy.map((e) => e.id).filter((e) => (e === t ? on : chosen.includes(e))));
  return (
    <fieldset className="categories">
      <legend>Headings of the common taxonomy it maps to</legend>
      {taxonomy.map((t) => (
        <label key={t.id} className="inline" htmlFor={`${id}-${t.id}`}>
          <input
            id={`${id}-${t.id}`}
            type="checkbox"
            checked={chosen.includes(t.id)}
            onChange={(e) => toggle(t.id, e.target.checked)}
          />{' '}
          {t.label}
        </label>
      ))}
    </fieldset>
  );
}
