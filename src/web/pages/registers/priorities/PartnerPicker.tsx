/**
 * Choosing the partners (columns) to compare: a checkbox per partner holding priorities in the
 * period, grouped by the force area its partnership sits in, with a button per group to show just
 * that group (the seed prints a Warwickshire table and a West Mercia table) and one for all.
 */
import { useId } from 'react';
import { shortName } from './names';
import type { Organisation } from '../../../../api/index.js';

export interface PartnerGroup {
  readonly label: string;
  readonly ids: readonly string[];
}

/** Partners (in the order given) grouped by their parent force; those without one last. */
export function partnerGroups(
  ids: readonly string[],
  partners: readonly Organisation[],
  forces: readonly Organisation[],
): PartnerGroup[] {
  const parentOf = new Map(partners.map((p) => [p.id, p.parentId]));
  const groups: PartnerGroup[] = [];
  for (const force of forces) {
    const mine = ids.filter((id) => parentOf.get(id) === force.id);
    if (mine.length > 0) groups.push({ label: `${force.name.replace(/ Police$/, '')} partnerships`, ids: mine });
  }
  const rest = ids.filter((id) => !groups.some((g) => g.ids.includes(id)));
  if (rest.length > 0) groups.push({ label: 'Other partners', ids: rest });
  return groups;
}

export function PartnerPicker({
  groups,
  names,
  chosen,
  onChange,
}: {
  groups: readonly PartnerGroup[];
  names: ReadonlyMap<string, string>;
  chosen: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  const id = useId();
  const all = groups.flatMap((g) => g.ids);
  const toggle = (partner: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(partner);
    else next.delete(partner);
    onChange(next);
  };
  return (
    <fieldset className="partner-picker">
      <legend>Partners to compare</legend>
      {groups.length > 1 && (
        <div className="actions" role="group" aria-labelledby={`${id}-show`}>
          <span id={`${id}-show`}>Show:</span>
          <button
            type="button"
            className="secondary"
            onClick={() => onChange(new Set(all))}
            aria-pressed={chosen.size === all.length}
          >
            All partners
          </button>
          {groups.map((g) => {
            const only = g.ids.length === chosen.size && g.ids.every((p) => chosen.has(p));
            return (
              <button
                key={g.label}
                type="button"
                className="secondary"
                aria-pressed={only}
                onClick={() => onChange(new Set(g.ids))}
              >
                Only {g.label}
              </button>
            );
          })}
        </div>
      )}
      <div className="partner-groups">
        {groups.map((g) => (
          <div key={g.label} className="partner-group" role="group" aria-label={g.label}>
            <p className="partner-group-name">{g.label}</p>
            {g.ids.map((p) => (
              <label key={p} className="check">
                <input type="checkbox" checked={chosen.has(p)} onChange={(e) => toggle(p, e.target.checked)} />{' '}
                {shortName(names.get(p) ?? p)}
              </label>
            ))}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
