/**
 * The shape of one step of carrying an assessment forward (CARRY_FORWARD_STEPS in
 * carry-forward.ts). Apart from the list of steps so that a register's step (its open
 * recommendations, its drivers) can be written against it without importing the list that
 * names it.
 */
import type { Actor } from '../core/actor.js';
import type { Tx } from '../core/store.js';
import type { Assessment } from './assessments.js';

export interface CarryContext {
  readonly tx: Tx;
  readonly actor: Actor;
  readonly from: Assessment;
  readonly to: Assessment;
  readonly kind: 'next-year' | 'revision';
  /** old threat id -> new threat id, filled by the threat step for later steps. */
  readonly threatIds: Map<number, number>;
}

/** One step of carrying an assessment forward; returns what it carried that the actor can see. */
export type CarryStep = (ctx: CarryContext) => Promise<Record<string, number>>;
