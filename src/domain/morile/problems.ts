/**
 * A problem found in a model file, located by the JSON path of the bad field, and the turning
 * of zod's issues into such problems. Why: a refused model must say exactly what to fix
 * ("bands[1].threshold: must be between 0 and 1"), not dump a validator's internals; a formula
 * expression is a union, so a failure inside it is reported from the branch that matched.
 */
import type { z } from 'zod';

export interface Problem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** ['bands', 1, 'threshold'] -> "bands[1].threshold". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

export const formatProblem = (p: Problem): string => `${formatPath(p.path)}: ${p.message}`;

export function problemsFromZod(issues: readonly z.core.$ZodIssue[], base: PropertyKey[] = []): Problem[] {
  return issues.flatMap((issue) => problemsFromIssue(issue, [...base, ...issue.path]));
}

function problemsFromIssue(issue: z.core.$ZodIssue, path: PropertyKey[]): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...path, key], message: 'unknown field' }));
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // The branches that got past the type check are the ones the author meant; report those.
    const meant = issue.errors.filter((branch) => !branch.every(isTopLevelTypeMismatch));
    if (meant.length > 0) return meant.flatMap((branch) => problemsFromZod(branch, path));
    return [{ path, message: unionMismatch(issue.errors) }];
  }
  if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
    return [{ path, message: `must be one of ${issue.options.map((o) => JSON.stringify(o)).join('|')}` }];
  }
  return [{ path, message: tidy(issue.message) }];
}

const isTopLevelTypeMismatch = (i: z.core.$ZodIssue): boolean => i.code === 'invalid_type' && i.path.length === 0;

/** "expected number, string or object, received boolean" from the branches of a union. */
function unionMismatch(branches: ReadonlyArray<readonly z.core.$ZodIssue[]>): string {
  const first = branches.flat();
  const expected = first.flatMap((i) => ('expected' in i ? [String(i.expected)] : []));
  const received = /received (\w+)$/.exec(first[0]?.message ?? '')?.[1] ?? 'something else';
  const last = expected.pop();
  const list = expected.length > 0 ? `${expected.join(', ')} or ${last}` : String(last);
  return `expected ${list}, received ${received}`;
}

function tidy(message: string): string {
  if (/received undefined$/.test(message)) return 'is required';
  return message.replace(/^Invalid (input|option): /, '');
}
