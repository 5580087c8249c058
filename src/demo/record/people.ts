/**
 * The demo's organisations and users: Warwickshire Police and West Mercia Police, the alliance
 * between them, each force's community safety partnerships (as in the shipped area table) and
 * the two Offices of the Police and Crime Commissioner; users with each role and clearance, so
 * that marking rules show (an OFFICIAL analyst cannot see the OFFICIAL-SENSITIVE threats; a CSP
 * reader sees only what is shared with the partnerships).
 */
export const DEMO_ALLIANCE = 'wwm-alliance';

export const DEMO_ORGANISATIONS = [
  { id: DEMO_ALLIANCE, name: 'Warwickshire and West Mercia Police alliance', kind: 'alliance', parentId: null },
  { id: 'warwickshire', name: 'Warwickshire Police', kind: 'force', parentId: DEMO_ALLIANCE },
  { id: 'west-mercia', name: 'West Mercia Police', kind: 'force', parentId: DEMO_ALLIANCE },
  {
    id: 'warwickshire-opcc',
    name: 'Office of the Police and Crime Commissioner for Warwickshire',
    kind: 'opcc',
    parentId: null,
  },
  {
    id: 'west-mercia-opcc',
    name: 'Office of the Police and Crime Commissioner for West Mercia',
    kind: 'opcc',
    parentId: null,
  },
  ...[
    ['north-warwickshire', 'North Warwickshire'],
    ['nuneaton-and-bedworth', 'Nuneaton and Bedworth'],
    ['rugby', 'Rugby'],
    ['south-warwickshire', 'South Warwickshire'],
  ].map(([id, name]) => ({
    id: `csp-${id}`,
    name: `${name} Community Safety Partnership`,
    kind: 'csp',
    parentId: 'warwickshire',
  })),
  ...[
    ['herefordshire', 'Herefordshire'],
    ['shropshire', 'Shropshire'],
    ['telford-and-wrekin', 'Telford and Wrekin'],
    ['north-worcestershire', 'North Worcestershire'],
    ['south-worcestershire', 'South Worcestershire'],
  ].map(([id, name]) => ({
    id: `csp-${id}`,
    name: `${name} Community Safety Partnership`,
    kind: 'csp',
    parentId: 'west-mercia',
  })),
  // County-level community safety interests, which the seed lists beside the CSPs.
  {
    id: 'warwickshire-county',
    name: 'Warwickshire County (Safer Warwickshire Partnership Board)',
    kind: 'partner',
    parentId: null,
  },
  {
    id: 'worcestershire-county',
    name: 'Worcestershire County (Safer Communities Board)',
    kind: 'partner',
    parentId: null,
  },
] as const;

export const DEMO_CSPS = DEMO_ORGANISATIONS.filter((o) => o.kind === 'csp').map((o) => o.id);

const everyOrg = DEMO_ORGANISATIONS.map((o) => o.id);

/** The first is the bootstrap administrator. */
export const DEMO_USERS = [
  {
    username: 'admin',
    displayName: 'System administrator',
    clearance: 'SECRET',
    memberships: everyOrg.map((o) => ({ organisationId: o, role: 'admin' })),
  },
  {
    username: 'r.patel',
    displayName: 'DI R. Patel, alliance strategic analyst',
    clearance: 'OFFICIAL-SENSITIVE',
    memberships: [{ organisationId: DEMO_ALLIANCE, role: 'analyst' }],
  },
  {
    // The second assessor of the demo's scores: cleared to see every threat, unlike k.hughes.
    username: 's.okafor',
    displayName: 'DS S. Okafor, alliance intelligence analyst',
    clearance: 'OFFICIAL-SENSITIVE',
    memberships: [{ organisationId: DEMO_ALLIANCE, role: 'analyst' }],
  },
  {
    username: 'k.hughes',
    displayName: 'Ms K. Hughes, Strategic Service Improvement',
    clearance: 'OFFICIAL',
    memberships: [{ organisationId: DEMO_ALLIANCE, role: 'analyst' }],
  },
  {
    username: 'acc.morgan',
    displayName: 'ACC Morgan, chair of the Strategic Tasking and Co-ordination Group',
    clearance: 'SECRET',
    memberships: [
      { organisationId: DEMO_ALLIANCE, role: 'approver' },
      { organisationId: DEMO_ALLIANCE, role: 'reader' },
    ],
  },
  {
    username: 'opcc.reader',
    displayName: 'OPCC policy officer',
    clearance: 'OFFICIAL',
    memberships: [
      { organisationId: 'warwickshire-opcc', role: 'reader' },
      { organisationId: 'west-mercia-opcc', role: 'reader' },
    ],
  },
  {
    username: 'rugby.csp',
    displayName: 'Rugby CSP analyst',
    clearance: 'OFFICIAL-SENSITIVE',
    memberships: [{ organisationId: 'csp-rugby', role: 'reader' }],
  },
] as const;

/**
 * The demo users' password, printed by `npm start`. It is a demo: anyone who reads this file
 * knows it, so a real workspace never gets demo users (stra demo-store refuses a store with users).
 */
export const DEMO_PASSWORD = 'openstra-demo';
