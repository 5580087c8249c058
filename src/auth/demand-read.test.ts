/** Who may read a force's incidents and missing episodes (issue 17): the force and its alliance only. */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../store/index.js';
import { demandReadRefusal, type OrganisationNode } from './data-authority.js';

const ORGS: OrganisationNode[] = [
  { id: 'wwm-alliance', kind: 'alliance', parentId: null },
  { id: 'warwickshire', kind: 'force', parentId: 'wwm-alliance' },
  { id: 'west-mercia', kind: 'force', parentId: 'wwm-alliance' },
  { id: 'csp-rugby', kind: 'csp', parentId: 'warwickshire' },
  { id: 'thames-valley', kind: 'force', parentId: null },
];
const actor = (org: string, role: 'reader' | 'analyst' = 'reader'): Actor => ({
  userId: 1,
  username: `${org}.${role}`,
  clearance: 'OFFICIAL',
  organisationIds: [org],
  roles: { [org]: [role] },
});

describe('demandReadRefusal', () => {
  it("lets the force's own users and its alliance's read, in any role and at any clearance", () => {
    expect(demandReadRefusal(actor('west-mercia'), ORGS, 'west-mercia')).toBeNull();
    expect(demandReadRefusal(actor('wwm-alliance'), ORGS, 'west-mercia')).toBeNull();
    expect(demandReadRefusal(actor('thames-valley', 'analyst'), ORGS, 'thames-valley')).toBeNull();
  });

  it("refuses the alliance's other force, a CSP under the force, and a force outside the alliance", () => {
    expect(demandReadRefusal(actor('warwickshire', 'analyst'), ORGS, 'west-mercia')).toBe(
      "west-mercia's incidents and missing-person episodes are its own data: only users of west-mercia or of wwm-alliance may read them.",
    );
    expect(demandReadRefusal(actor('csp-rugby'), ORGS, 'warwickshire')).not.toBeNull();
    expect(demandReadRefusal(actor('thames-valley'), ORGS, 'warwickshire')).not.toBeNull();
    expect(demandReadRefusal(actor('wwm-alliance'), ORGS, 'thames-valley')).toBe(
      "thames-valley's incidents and missing-person episodes are its own data: only users of thames-valley may read them.",
    );
  });
});
