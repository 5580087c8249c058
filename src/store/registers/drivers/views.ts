/**
 * The drivers read together: the impact x uncertainty matrix of an assessment's drivers, and the
 * "meta" view (all drivers by group, with their cross-cutting themes). Both are built from the
 * drivers the actor can see, and each is marked with the highest marking among them (a derived
 * product takes the highest marking of its inputs), so nothing hidden shapes what is shown.
 */
import { highestMarking, type Marking } from '../../../domain/marking.js';
import {
  buildMatrix,
  crossCuttingThemes,
  groupDrivers,
  quadrantOf,
  type DriverGroup,
  type DriverMatrix,
  type GroupingScheme,
  type Quadrant,
  type ThemeEntry,
} from '../../../domain/scanning/index.js';
import type { Actor } from '../../core/actor.js';
import { readAssessment } from '../../assessment/assessments.js';
import { listDrivers } from './writes.js';
import type { Driver } from './reads.js';
import { dbOf, type Store } from '../../core/store.js';

/** A driver as it appears in the matrix, themes and configurations. */
export interface DriverSummary {
  readonly id: number;
  readonly number: number;
  readonly name: string;
  readonly challenge: Driver['challenge'];
  readonly pestelo: Driver['pestelo'];
  readonly themes: readonly string[];
  readonly impact: number;
  readonly uncertainty: number;
  readonly reviewedOn: string;
  readonly quadrant: Quadrant;
  readonly marking: Marking;
}

export const summarise = (d: Driver): DriverSummary => ({
  id: d.id,
  number: d.number,
  name: d.name,
  challenge: d.challenge,
  pestelo: d.pestelo,
  themes: d.themes,
  impact: d.impact,
  uncertainty: d.uncertainty,
  reviewedOn: d.reviewedOn,
  quadrant: quadrantOf(d),
  marking: d.marking,
});

export interface DriverMatrixView extends DriverMatrix<DriverSummary> {
  readonly assessmentId: number;
  /** The highest marking of the drivers shown (OFFICIAL when there are none). */
  readonly marking: Marking;
}

export interface DriverMetaView {
  readonly assessmentId: number;
  readonly marking: Marking;
  readonly scheme: GroupingScheme;
  /** All the drivers, under the scheme's headings. */
  readonly groups: readonly DriverGroup<DriverSummary>[];
  /** Every theme with the drivers that share it, most shared first. */
  readonly themes: readonly ThemeEntry<DriverSummary>[];
}

async function visibleOf(store: Store, actor: Actor, assessmentId: number): Promise<DriverSummary[]> {
  await readAssessment(dbOf(store), actor, assessmentId);
  return (await listDrivers(store, actor, { assessmentId })).map(summarise);
}

export async function driverMatrix(store: Store, actor: Actor, assessmentId: number): Promise<DriverMatrixView> {
  const drivers = await visibleOf(store, actor, assessmentId);
  return { assessmentId, marking: highestMarking(drivers.map((d) => d.marking)), ...buildMatrix(drivers) };
}

export async function driverThemes(
  store: Store,
  actor: Actor,
  assessmentId: number,
  scheme: GroupingScheme = 'challenges',
): Promise<DriverMetaView> {
  const drivers = await visibleOf(store, actor, assessmentId);
  return {
    assessmentId,
    marking: highestMarking(drivers.map((d) => d.marking)),
    scheme,
    groups: groupDrivers(drivers, scheme),
    themes: crossCuttingThemes(drivers),
  };
}
