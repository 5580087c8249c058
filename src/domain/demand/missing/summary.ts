/**
 * The missing-people picture of a period: how many episodes and people, how many children and
 * children looked after, the share graded high risk, how long people were missing, and where
 * they went missing from.
 */
import { spread, type Spread } from '../profiles/time-spent.js';
import {
  ADDRESS_TYPES,
  AGE_BANDS,
  hoursMissing,
  isChild,
  RISKS,
  type AddressType,
  type AgeBand,
  type MissingEpisode,
  type Risk,
} from './episode.js';

export interface MissingSummary {
  readonly episodes: number;
  readonly people: number;
  readonly childEpisodes: number;
  readonly lookedAfterEpisodes: number;
  /** Share of child episodes that are of children looked after. */
  readonly lookedAfterShareOfChildren: number;
  readonly highRiskShare: number;
  readonly stillMissing: number;
  /** Hours from report to found, of episodes that ended. */
  readonly hoursMissing: Spread & { readonly bands: { readonly band: string; readonly episodes: number }[] };
  readonly byRisk: { readonly risk: Risk; readonly episodes: number }[];
  readonly byAge: { readonly ageBand: AgeBand; readonly episodes: number }[];
  readonly byAddressType: { readonly addressType: AddressType; readonly episodes: number }[];
}

const DURATION_BANDS: readonly [string, number][] = [
  ['under 6 hours', 6],
  ['6 to 24 hours', 24],
  ['1 to 3 days', 72],
  ['3 to 7 days', 168],
  ['over 7 days', Infinity],
];

export function missingSummary(episodes: readonly MissingEpisode[]): MissingSummary {
  const count = <T extends string>(values: readonly T[], of: (e: MissingEpisode) => T) =>
    values.map((v) => ({ v, n: episodes.filter((e) => of(e) === v).length })).filter((x) => x.n > 0);
  const children = episodes.filter((e) => isChild(e.ageBand));
  const lookedAfter = episodes.filter((e) => e.lookedAfter === true);
  const hours = episodes.map(hoursMissing).filter((h): h is number => h !== null);
  const bands = DURATION_BANDS.map(([band], k) => ({
    band,
    episodes: hours.filter((h) => h < DURATION_BANDS[k]![1] && (k === 0 || h >= DURATION_BANDS[k - 1]![1])).length,
  }));
  return {
    episodes: episodes.length,
    people: new Set(episodes.map((e) => e.person)).size,
    childEpisodes: children.length,
    lookedAfterEpisodes: lookedAfter.length,
    lookedAfterShareOfChildren: children.length
      ? children.filter((e) => e.lookedAfter === true).length / children.length
      : Number.NaN,
    highRiskShare: episodes.length ? episodes.filter((e) => e.risk === 'high').length / episodes.length : Number.NaN,
    stillMissing: episodes.length - hours.length,
    hoursMissing: { ...spread(hours), bands },
    byRisk: count(RISKS, (e) => e.risk).map(({ v, n }) => ({ risk: v, episodes: n })),
    byAge: count(AGE_BANDS, (e) => e.ageBand).map(({ v, n }) => ({ ageBand: v, episodes: n })),
    byAddressType: count(ADDRESS_TYPES, (e) => e.addressType).map(({ v, n }) => ({ addressType: v, episodes: n })),
  };
}
