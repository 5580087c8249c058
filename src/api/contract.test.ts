/**
 * The closed lists the API's request schemas check against are the ones the rest of the system
 * holds: the store's (its CHECK constraints are built from them) and the report's formats. The
 * types are compared in contract.test-d.ts; these compare the values the server refuses by.
 */
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../report/index.js';
import * as store from '../store/index.js';
import * as api from './index.js';

describe('the lists the request schemas check', () => {
  it("are the store's recommendation statuses, priority kinds and partner kinds", () => {
    expect(api.RECOMMENDATION_STATUSES).toEqual(store.RECOMMENDATION_STATUSES);
    expect(api.PRIORITY_KINDS).toEqual(store.PRIORITY_KINDS);
    expect(api.PARTNER_KINDS).toEqual(store.PARTNER_KINDS);
  });

  it("are the store's risk and finding statuses", () => {
    expect(api.RISK_STATUSES).toEqual(store.RISK_STATUSES);
    expect(api.FINDING_STATUSES).toEqual(store.FINDING_STATUSES);
  });

  it("are the report's formats", () => {
    expect(api.REPORT_FORMATS).toEqual(FORMATS);
  });
});
