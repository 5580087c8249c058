import type { ChallengeGroup } from '../../../../api/index.js';
/** Group names as the seed writes them. */

export const GROUP_LABELS: Readonly<Record<ChallengeGroup, string>> = {
  social: 'Social Challenges',
  partner: 'Partner Challenges',
  policing: 'Policing Challenges',
};

export const groupLabel = (g: ChallengeGroup | null): string => (g === null ? 'Not grouped' : GROUP_LABELS[g]);
