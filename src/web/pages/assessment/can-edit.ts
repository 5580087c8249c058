/** The organisations where the logged-in user may create and edit assessments (analyst or admin there). */
import type { SessionView } from '../../../api/index.js';

export const editableOrganisations = (me: SessionView | undefined): string[] =>
  Object.entries(me?.roles ?? {})
    .filter(([, roles]) => roles.includes('analyst') || roles.includes('admin'))
    .map(([org]) => org)
    .sort();

export const mayEditIn = (me: SessionView | undefined, organisationId: string): boolean =>
  editableOrganisations(me).includes(organisationId);

/** The financial year after one: 2017/18 -> 2018/19. */
export const followingYear = (period: string): string => {
  const start = Number(period.slice(0, 4)) + 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
};
