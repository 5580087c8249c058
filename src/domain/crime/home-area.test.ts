import { describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../demo/record/people.js';
import { homeArea } from './home-area.js';

const orgs = DEMO_ORGANISATIONS.map((o) => ({ ...o, parentId: o.parentId ?? null }));

describe("a user's home area", () => {
  it("is the alliance's two forces for the alliance's analyst", () => {
    expect(homeArea(['wwm-alliance'], orgs)).toEqual({
      organisation: 'Warwickshire and West Mercia Police alliance',
      forces: ['warwickshire', 'west-mercia'],
      csp: null,
    });
  });

  it('is one CSP of its force for a CSP analyst, and the broader area for someone in both', () => {
    expect(homeArea(['csp-rugby'], orgs)).toEqual({
      organisation: 'Rugby Community Safety Partnership',
      forces: ['warwickshire'],
      csp: 'Rugby',
    });
    expect(homeArea(['csp-rugby', 'west-mercia'], orgs).forces).toEqual(['west-mercia']);
  });

  it("is the OPCC's force, a new force by its police.uk name, and every force when nothing places the user", () => {
    expect(homeArea(['west-mercia-opcc'], orgs).forces).toEqual(['west-mercia']);
    const staffs = [{ id: 'staffs', name: 'Staffordshire Police', kind: 'force', parentId: null }];
    expect(homeArea(['staffs'], staffs).forces).toEqual(['staffordshire']);
    expect(homeArea(['warwickshire-county'], orgs)).toEqual({ organisation: null, forces: [], csp: null });
  });
});
