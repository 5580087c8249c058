/** The police.uk crime categories a threat is linked to (its evidence from the warehouse), as checkboxes. */
import { CATEGORY_NAMES, CATEGORY_SLUGS, type CategorySlug } from '../../../domain/crime/categories.js';

export function CategoryChoice({
  id,
  chosen,
  onChange,
}: {
  id: string;
  chosen: readonly CategorySlug[];
  onChange: (next: CategorySlug[]) => void;
}) {
  return (
    <fieldset className="categories" id={id}>
      <legend>Linked crime categories (police.uk)</legend>
      {CATEGORY_SLUGS.map((slug) => (
        <label key={slug} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(slug)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, slug] : chosen.filter((c) => c !== slug))}
          />{' '}
          {CATEGORY_NAMES[slug]}
        </label>
      ))}
    </fieldset>
  );
}
