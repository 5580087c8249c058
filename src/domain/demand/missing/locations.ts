/**
 * Places people go missing from, ranked by episodes: the register-style list of care homes (or any
 * address type) to share with partners, so that the homes whose children go missing most often are
 * known to the local authority, the police and the home itself. The seed reports that the alliance
 * "carried out an analysis with partners to identify care homes with LAC who frequently go missing".
 */
import { spread } from '../profiles/time-spent.js';
import { hoursMissing, type AddressType, type MissingEpisode } from './episode.js';

export interface LocationRow {
  readonly location: string;
  readonly area: string | null;
  readonly episodes: number;
  readonly people: number;
  readonly lookedAfterEpisodes: number;
  readonly highRiskEpisodes: number;
  /** People with `repeatEpisodes` or more episodes from this place. */
  readonly repeatPeople: number;
  readonly medianHoursMissing: number;
}

export interface LocationOptions {
  /** Address types to include (default: care homes). */
  readonly addressTypes?: readonly AddressType[];
  /** Places with fewer episodes are left out (default 1). */
  readonly minimumEpisodes?: number;
  /** Episodes from one place that make a person a repeat there (default 3). */
  readonly repeatEpisodes?: number;
}

export function missingLocations(episodes: readonly MissingEpisode[], options: LocationOptions = {}): LocationRow[] {
  const types = new Set(options.addressTypes ?? ['care-home']);
  const byPlace = new Map<string, MissingEpisode[]>();
  for (const e of episodes) {
    if (!types.has(e.addressType) || e.missingFrom === null) continue;
    const list = byPlace.get(e.missingFrom);
    if (list) list.push(e);
    else byPlace.set(e.missingFrom, [e]);
  }
  const repeat = options.repeatEpisodes ?? 3;
  const rows: LocationRow[] = [];
  for (const [location, list] of byPlace) {
    if (list.length < (options.minimumEpisodes ?? 1)) continue;
    const perPerson = new Map<string, number>();
    for (const e of list) perPerson.set(e.person, (perPerson.get(e.person) ?? 0) + 1);
    rows.push({
      location,
      area: list.find((e) => e.missingFromArea !== null)?.missingFromArea ?? null,
      episodes: list.length,
      people: perPerson.size,
      lookedAfterEpisodes: list.filter((e) => e.lookedAfter === true).length,
      highRiskEpisodes: list.filter((e) => e.risk === 'high').length,
      repeatPeople: [...perPerson.values()].filter((n) => n >= repeat).length,
      medianHoursMissing: spread(list.map(hoursMissing).filter((h): h is number => h !== null)).median,
    });
  }
  return rows.sort((a, b) => b.episodes - a.episodes || b.people - a.people || a.location.localeCompare(b.location));
}
