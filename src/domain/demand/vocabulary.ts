/**
 * The words of police demand: what an incident was about (its demand class), how urgently it was
 * graded, and how it ended. Force systems each have their own codes; a saved column mapping
 * translates them into these, so every profile, table and chart speaks one language.
 *
 * Demand classes follow the top level of the National Standard for Incident Recording (NSIR):
 * crime, anti-social behaviour, public safety and welfare, transport, administration, with the
 * public-safety classes the Strategic Assessment names separately (concern for welfare, mental
 * health, missing person) because they are the non-crime work that "sucks the resilience" of the
 * service (seed, section 4). Grades follow the usual UK response policy: grade 1 emergency
 * (immediate), grade 2 priority, grade 3 scheduled, and resolution without deployment.
 */

export const DEMAND_CLASSES = [
  'crime',
  'anti-social-behaviour',
  'concern-for-welfare',
  'mental-health',
  'missing-person',
  'road-traffic',
  'public-safety',
  'administration',
  'other',
] as const;
export type DemandClass = (typeof DEMAND_CLASSES)[number];

export const DEMAND_CLASS_LABELS: Readonly<Record<DemandClass, string>> = {
  crime: 'Crime',
  'anti-social-behaviour': 'Anti-social behaviour',
  'concern-for-welfare': 'Concern for welfare',
  'mental-health': 'Mental health',
  'missing-person': 'Missing person',
  'road-traffic': 'Road traffic',
  'public-safety': 'Other public safety',
  administration: 'Administration',
  other: 'Other',
};

export const GRADES = ['emergency', 'priority', 'scheduled', 'resolved-without-deployment', 'unknown'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  emergency: 'Grade 1 (emergency)',
  priority: 'Grade 2 (priority)',
  scheduled: 'Grade 3 (scheduled)',
  'resolved-without-deployment': 'Resolved without deployment',
  unknown: 'Not graded',
};

/** How an incident ended (its disposition or result code), as far as demand analysis needs. */
export const OUTCOMES = [
  'arrest',
  'crime-report',
  'no-further-action',
  'cancelled',
  'duplicate',
  'other',
  'unknown',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function isDemandClass(v: string): v is DemandClass {
  return (DEMAND_CLASSES as readonly string[]).includes(v);
}

export function isGrade(v: string): v is Grade {
  return (GRADES as readonly string[]).includes(v);
}

export function isOutcome(v: string): v is Outcome {
  return (OUTCOMES as readonly string[]).includes(v);
}
