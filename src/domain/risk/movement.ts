/**
 * Movement of a risk since its previous review, as the heat map shows it with an arrow. Decision:
 * movement follows the score (likelihood x impact); a risk that changed cell at the same score is
 * "same", and the earlier cell is given beside it so a chart can still draw the step.
 */
export const MOVEMENTS = ['up', 'down', 'same', 'new'] as const;
export type Movement = (typeof MOVEMENTS)[number];

/** `previous` is null for a risk with no earlier review: it is new on the map. */
export function movementOf(previousScore: number | null, currentScore: number): Movement {
  if (previousScore === null) return 'new';
  if (currentScore > previousScore) return 'up';
  if (currentScore < previousScore) return 'down';
  return 'same';
}

export const MOVEMENT_ARROWS: Readonly<Record<Movement, string>> = { up: '↑', down: '↓', same: '→', new: '*' };
