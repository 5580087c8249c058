/**
 * Where an analysis looks: the forces (the user's organisation's area by default, any force in
 * the warehouse by its proper name, or all of them), then a level and one area of those forces.
 * The trends, analysis and map pages share it, so a choice reads the same everywhere.
 */
import { useState } from 'react';
import { qs } from '../api';
import { useApi } from '../use-api';
import type { AnalysisScope, Area } from '../../api/index.js';

export type AreaLevel = 'force' | 'csp' | 'district';

export interface AreaChoice {
  /** Force slugs; empty means every force. */
  readonly forces: readonly string[];
  readonly level: AreaLevel;
  /** One area of the level, or '' for all areas of the forces. */
  readonly area: string;
}

const HOME = 'home';
const ALL = 'all';

/** The choice the user's organisation gives (its forces, or its CSP). */
export function homeChoice(scope: AnalysisScope): AreaChoice {
  return { forces: scope.home.forces, level: 'csp', area: scope.home.csp ?? '' };
}

/** The query parameters of a choice: `force=a,b` and `area=csp=Rugby`. */
export function choiceQuery(c: AreaChoice): { force: string | undefined; area: string | undefined } {
  return {
    force: c.forces.length ? c.forces.join(',') : undefined,
    area: c.area === '' ? undefined : `${c.level}=${c.area}`,
  };
}

/** Words for the place chosen: "Rugby", "all areas of Warwickshire Police". */
export function placeName(c: AreaChoice, scope: AnalysisScope): string {
  if (c.area !== '') return c.area;
  const names = c.forces.map((f) => scope.forces.find((x) => x.slug === f)?.name ?? f);
  const home = scope.home.forces.join(',') === c.forces.join(',') && scope.home.organisation;
  if (home) return `all areas of the ${scope.home.organisation}`.replace('the the', 'the');
  return names.length ? `all areas of ${names.join(' and ')}` : 'all areas of every force';
}

export function useAreaChoice(scope: AnalysisScope): [AreaChoice, (c: AreaChoice) => void] {
  return useState<AreaChoice>(() => homeChoice(scope));
}

export function AreaFilters({
  scope,
  choice,
  onChange,
  levels = ['force', 'csp', 'district'],
  forceOnly = false,
}: {
  scope: AnalysisScope;
  choice: AreaChoice;
  onChange: (c: AreaChoice) => void;
  levels?: readonly AreaLevel[];
  /** Only the force choice (for analyses over all of a force's areas). */
  forceOnly?: boolean;
}) {
  const forceKey = choice.forces.join(',');
  const areas = useApi<Area[]>(
    forceOnly ? undefined : `/trends/areas${qs({ level: choice.level, force: forceKey || undefined })}`,
  );
  const homeKey = scope.home.forces.join(',');
  const forceValue = forceKey === '' ? ALL : forceKey === homeKey && scope.home.organisation ? HOME : forceKey;
  const setForces = (value: string) => {
    const forces = value === ALL ? [] : value === HOME ? scope.home.forces : value.split(',');
    onChange({ ...choice, forces, area: '' });
  };
  return (
    <>
      <label>
        Force
        <select value={forceValue} onChange={(e) => setForces(e.target.value)}>
          {scope.home.organisation !== null && scope.home.forces.length > 0 && (
            <option value={HOME}>{scope.home.organisation} (your organisation)</option>
          )}
          {scope.forces.map((f) => (
            <option key={f.slug} value={f.slug}>
              {f.name}
              {f.first === null ? ' (no months loaded)' : ` (${f.months} months loaded)`}
            </option>
          ))}
          <option value={ALL}>Every force in the warehouse</option>
        </select>
      </label>
      {!forceOnly && (
        <>
          <label>
            Level
            <select
              value={choice.level}
              onChange={(e) => onChange({ ...choice, level: e.target.value as AreaLevel, area: '' })}
            >
              {levels.map((l) => (
                <option key={l} value={l}>
                  {LEVEL_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Area
            <select value={choice.area} onChange={(e) => onChange({ ...choice, area: e.target.value })}>
              <option value="">All areas</option>
              {(areas.data ?? []).map((a) => (
                <option key={`${a.force}-${a.name}`} value={a.name}>
                  {choice.level === 'force' ? (scope.forces.find((f) => f.slug === a.name)?.name ?? a.name) : a.name}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </>
  );
}

export const LEVEL_NAMES: Readonly<Record<AreaLevel, string>> = {
  force: 'Force',
  csp: 'Community safety partnership',
  district: 'District',
};
