/**
 * "Configured" use of the drivers: for a topic or proposal, the most relevant (primary) drivers,
 * then the next most relevant (secondary) set (the seed: "Taking a specific topic or proposal then
 * applying the most relevant (primary) drivers, followed by the next most relevant secondary
 * set"). This checks a configuration's shape before the store checks that each driver exists and
 * is visible: a topic, at least one primary driver, no driver twice, none both primary and secondary.
 */
import { inputError } from '../../errors.js';

export interface ConfigurationChoice {
  readonly topic: string;
  readonly primary: readonly number[];
  readonly secondary: readonly number[];
}

/** The choice tidied (topic trimmed), or an INPUT error listing every problem. */
export function checkConfiguration(choice: ConfigurationChoice): ConfigurationChoice {
  const topic = choice.topic.trim().replace(/\s+/g, ' ');
  const problems: string[] = [];
  if (topic === '') problems.push('it needs a topic (what the drivers are applied to)');
  if (choice.primary.length === 0) problems.push('it needs at least one primary driver');
  for (const n of [...choice.primary, ...choice.secondary]) {
    if (!Number.isSafeInteger(n) || n < 1) problems.push(`"${n}" is not a driver number`);
  }
  const twice = (list: readonly number[]) => [...new Set(list.filter((n, i) => list.indexOf(n) !== i))];
  for (const n of twice(choice.primary)) problems.push(`driver ${n} is listed twice as primary`);
  for (const n of twice(choice.secondary)) problems.push(`driver ${n} is listed twice as secondary`);
  const both = [...new Set(choice.primary.filter((n) => choice.secondary.includes(n)))];
  for (const n of both) problems.push(`driver ${n} cannot be both primary and secondary`);
  if (problems.length > 0)
    throw inputError(`The configuration${topic === '' ? '' : ` "${topic}"`} is not valid: ${problems.join('; ')}.`, {
      problems,
    });
  return { topic, primary: [...choice.primary], secondary: [...choice.secondary] };
}

/** A driver's place in a configuration, as the store's CHECK allows (migration 005). */
export const CONFIGURATION_ROLES = ['primary', 'secondary'] as const;
export type ConfigurationRole = (typeof CONFIGURATION_ROLES)[number];
