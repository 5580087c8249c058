/**
 * A part of the document: one builder per part of the seed (introduction, assessment summary,
 * recommendations, demand, ...). A part returns its blocks, or an omission with its reason, which
 * the build log records; it never returns placeholder text. Several parts make up one numbered
 * section (the seed's Section 4 holds demand, harm, the Control Strategy, performance and
 * environmental scanning), each under its own heading.
 */
import { StraError } from '../../errors.js';
import type { LogBook } from '../build-log.js';
import type { BuildContext } from '../context.js';
import type { Block } from '../model.js';

export type PartResult = { readonly blocks: readonly Block[] } | { readonly omitted: string };

export interface Part {
  readonly id: string;
  readonly title: string;
  build(ctx: BuildContext, log: LogBook): Promise<PartResult>;
}

export const omit = (reason: string): PartResult => ({ omitted: reason });
export const blocks = (list: readonly Block[], ifEmpty: string): PartResult =>
  list.length > 0 ? { blocks: list } : { omitted: ifEmpty };

/**
 * Runs a library read that the store reports as "not found" when the record is above the
 * actor's clearance or outside their organisations: that is an omission, not a failure.
 */
export async function visibleOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof StraError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}
