/**
 * The map (under /map): boundaries of a level for the chosen forces, and the crime and harm of
 * each area for a financial year, joined by area name (CSP, district) or LSOA code.
 */
import { z } from 'zod';
import { CATEGORY_INDEXES } from '../domain/harm/weights.js';
import type { MissingMonths } from './trends.js';

const list = z
  .string()
  .optional()
  .transform((v) =>
    v === undefined || v === ''
      ? undefined
      : v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
  );

export const MAP_LEVELS = ['csp', 'district', 'lsoa'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

/** GET /map/boundaries. */
export const BoundariesQuery = z.object({ level: z.enum(MAP_LEVELS), force: list });

/** GET /map/boundaries: a GeoJSON FeatureCollection; each feature's properties name its area and force. */
export interface Boundaries {
  readonly type: 'FeatureCollection';
  readonly features: ReadonlyArray<{
    readonly type: 'Feature';
    readonly properties: { readonly code: string; readonly name: string; readonly force: string };
    readonly geometry: { readonly type: string; readonly coordinates: unknown };
  }>;
  /** Forces asked for that have no boundaries at this level (LSOA boundaries ship for a few forces). */
  readonly without: readonly string[];
}

/** GET /map/values. */
export const MapValuesQuery = z.object({
  level: z.enum(MAP_LEVELS),
  force: list,
  category: list,
  kind: z.string().default('financial-year'),
  at: z.string().optional(),
  index: z.enum(CATEGORY_INDEXES).default('cchi-median'),
});

export interface MapValue {
  /** The area's name (CSP, district) or LSOA code: the feature's `name` or `code`. */
  readonly area: string;
  readonly force: string;
  readonly crimes: number;
  readonly harm: number;
}

/** GET /map/values: crimes and harm of each area in the period. */
export interface MapValues {
  readonly level: MapLevel;
  readonly period: string;
  readonly unit: string;
  readonly values: readonly MapValue[];
  readonly missing: MissingMonths;
  readonly note: string;
}
