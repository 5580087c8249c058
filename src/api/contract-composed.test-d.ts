/**
 * The answers the server composes outside the store fit the API contract too: the dashboard, the
 * scoring workshop, blind scoring's combined view and direction, the trends explorer's analyses
 * and the import history. (Answers built inside a route or a job are checked where they are
 * built, with `satisfies` or a declared return type; see src/server.)
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { harmBreakdown } from '../analytics/harm-breakdown.js';
import type { monthlySeries } from '../analytics/series.js';
import type { performanceSnapshot } from '../analytics/snapshot.js';
import type { compareTrends } from '../analytics/trend-comparison.js';
import type { blindCombined, blindDirection } from '../assessment/blind-scoring.js';
import type { assessmentDashboard } from '../assessment/dashboard.js';
import type { workshopView } from '../assessment/workshop.js';
import type { Format } from '../report/index.js';
import type { ImportRecord } from '../warehouse/catalog.js';
import type * as api from './index.js';

type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

describe('assessments', () => {
  it('answers the dashboard and the scoring workshop', () => {
    expectTypeOf<Answer<typeof assessmentDashboard>>().toExtend<api.Dashboard>();
    expectTypeOf<Answer<typeof workshopView>>().toExtend<api.WorkshopView>();
  });

  it('answers the combined view and the direction with the withheld threats taken out', () => {
    expectTypeOf<ReturnType<typeof blindCombined>>().toExtend<api.CombinedView>();
    expectTypeOf<ReturnType<typeof blindDirection>>().toExtend<api.DirectionView>();
  });
});

describe('the trends explorer', () => {
  it('answers the series, the snapshot, the comparison and harm', () => {
    expectTypeOf<Answer<typeof monthlySeries>>().toExtend<api.Series>();
    expectTypeOf<Answer<typeof performanceSnapshot>>().toExtend<api.Snapshot>();
    expectTypeOf<Answer<typeof compareTrends>>().toExtend<api.TrendReport>();
    expectTypeOf<Answer<typeof harmBreakdown>>().toExtend<api.HarmBreakdown>();
  });
});

describe('imports and documents', () => {
  it('answers the import history from the catalog', () => {
    expectTypeOf<ImportRecord>().toExtend<api.ImportRecord>();
  });

  it("asks for a document in the report's formats", () => {
    expectTypeOf<Format>().toEqualTypeOf<api.ReportFormat>();
  });
});
