/**
 * What each register's demo seeding gets from seedDemoStore: the acting users and the two
 * assessments, so registers can be tied to the right year and owner.
 */
import type { Actor, Assessment } from '../../store/index.js';

export interface DemoContext {
  readonly admin: Actor;
  /** r.patel: OFFICIAL-SENSITIVE alliance analyst. */
  readonly analyst: Actor;
  /** acc.morgan: SECRET alliance approver. */
  readonly approver: Actor;
  /** The alliance organisation id. */
  readonly alliance: string;
  /** 2016/17, approved. */
  readonly last: Assessment;
  /** 2017/18, under review. */
  readonly now: Assessment;
}
