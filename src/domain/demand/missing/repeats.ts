/**
 * Repeat missing people: those reported missing at least `episodes` times (default 3) within any
 * `withinDays` days (default 90), the usual local definition of a "repeat" or "frequent" missing
 * person. HMIC found that information from previous episodes was not used to protect repeat
 * missing children (seed, "Missing people"); this list is what a safeguarding plan starts from.
 */
import { hoursMissing, isChild, type MissingEpisode } from './episode.js';

export interface RepeatOptions {
  readonly episodes?: number;
  readonly withinDays?: number;
}

export interface RepeatPerson {
  readonly person: string;
  readonly episodes: number;
  /** Most episodes in any window of `withinDays`. */
  readonly mostInWindow: number;
  readonly firstReported: number;
  readonly lastReported: number;
  readonly child: boolean;
  readonly lookedAfter: boolean;
  readonly highRiskEpisodes: number;
  readonly hoursMissing: number;
}

export interface Repeats {
  readonly definition: { readonly episodes: number; readonly withinDays: number };
  readonly persons: RepeatPerson[];
  /** Share of all episodes that belong to repeat persons. */
  readonly shareOfEpisodes: number;
  readonly people: number;
}

export function repeatMissing(episodes: readonly MissingEpisode[], options: RepeatOptions = {}): Repeats {
  const threshold = options.episodes ?? 3;
  const withinDays = options.withinDays ?? 90;
  const window = withinDays * 86_400_000;
  const byPerson = new Map<string, MissingEpisode[]>();
  for (const e of episodes) {
    const list = byPerson.get(e.person);
    if (list) list.push(e);
    else byPerson.set(e.person, [e]);
  }
  const persons: RepeatPerson[] = [];
  let repeatEpisodes = 0;
  for (const [person, list] of byPerson) {
    if (list.length < threshold) continue;
    list.sort((a, b) => a.reported.utc - b.reported.utc);
    let most = 0;
    for (let i = 0, j = 0; j < list.length; j++) {
      while (list[j]!.reported.utc - list[i]!.reported.utc >= window) i++;
      most = Math.max(most, j - i + 1);
    }
    if (most < threshold) continue;
    repeatEpisodes += list.length;
    persons.push({
      person,
      episodes: list.length,
      mostInWindow: most,
      firstReported: list[0]!.reported.utc,
      lastReported: list.at(-1)!.reported.utc,
      child: list.some((e) => isChild(e.ageBand)),
      lookedAfter: list.some((e) => e.lookedAfter === true),
      highRiskEpisodes: list.filter((e) => e.risk === 'high').length,
      hoursMissing: list.reduce((a, e) => a + (hoursMissing(e) ?? 0), 0),
    });
  }
  persons.sort(
    (a, b) => b.episodes - a.episodes || b.mostInWindow - a.mostInWindow || a.person.localeCompare(b.person),
  );
  return {
    definition: { episodes: threshold, withinDays },
    persons,
    shareOfEpisodes: episodes.length > 0 ? repeatEpisodes / episodes.length : Number.NaN,
    people: byPerson.size,
  };
}
