/**
 * The declarative formula language of a scoring model: a tiny expression tree, never eval'd JS.
 *
 * Why: a force must be able to load its own official MoRiLE arithmetic as data, and a model file
 * must be safe to load. Decision: a closed set of operations the engine knows (sum, product,
 * mean, min, max, clamp, scale, divide by a non-zero constant); names refer to factors or to
 * outputs defined earlier. The same tree is evaluated for a score and analysed over intervals to
 * prove, before any threat is scored, what range each output can take.
 */
import { z } from 'zod';

export type Expr = number | string | OpExpr;
export type OpExpr =
  | { op: 'sum' | 'product' | 'mean' | 'min' | 'max'; args: Expr[] }
  | { op: 'clamp'; arg: Expr; min: number; max: number }
  | { op: 'scale'; arg: Expr; by: number }
  | { op: 'divide'; arg: Expr; by: number };

export const exprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.union([z.number(), z.string().min(1, 'a name must not be empty'), opExprSchema]),
);

const opExprSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.enum(['sum', 'product', 'mean', 'min', 'max']),
    args: z.array(exprSchema).min(1, 'needs at least one argument'),
  }),
  z.strictObject({ op: z.literal('clamp'), arg: exprSchema, min: z.number(), max: z.number() }),
  z.strictObject({ op: z.literal('scale'), arg: exprSchema, by: z.number() }),
  z.strictObject({
    op: z.literal('divide'),
    arg: exprSchema,
    by: z.number().refine((v) => v !== 0, 'must not be zero'),
  }),
]);

/** A closed interval [lo, hi]. */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** Evaluate with full precision; every name must already be in `env` (checked at parse time). */
export function evaluate(expr: Expr, env: Readonly<Record<string, number>>): number {
  if (typeof expr === 'number') return expr;
  if (typeof expr === 'string') return lookup(env, expr);
  switch (expr.op) {
    case 'sum':
      return expr.args.reduce<number>((t, a) => t + evaluate(a, env), 0);
    case 'product':
      return expr.args.reduce<number>((t, a) => t * evaluate(a, env), 1);
    case 'mean':
      return evaluate({ op: 'sum', args: expr.args }, env) / expr.args.length;
    case 'min':
      return Math.min(...expr.args.map((a) => evaluate(a, env)));
    case 'max':
      return Math.max(...expr.args.map((a) => evaluate(a, env)));
    case 'clamp':
      return Math.min(expr.max, Math.max(expr.min, evaluate(expr.arg, env)));
    case 'scale':
      return evaluate(expr.arg, env) * expr.by;
    case 'divide':
      return evaluate(expr.arg, env) / expr.by;
  }
}

function lookup<T>(env: Readonly<Record<string, T>>, name: string): T {
  const value = env[name];
  if (value === undefined) throw new Error(`formula refers to unknown name "${name}"`);
  return value;
}

/** Interval analysis: the range an expression can take when each name ranges over `env`. */
export function intervalOf(expr: Expr, env: Readonly<Record<string, Interval>>): Interval {
  if (typeof expr === 'number') return { lo: expr, hi: expr };
  if (typeof expr === 'string') return lookup(env, expr);
  const args = 'args' in expr ? expr.args.map((a) => intervalOf(a, env)) : [];
  switch (expr.op) {
    case 'sum':
      return args.reduce(add, { lo: 0, hi: 0 });
    case 'product':
      return args.reduce(multiply, { lo: 1, hi: 1 });
    case 'mean':
      return divide(args.reduce(add, { lo: 0, hi: 0 }), args.length);
    case 'min':
      return { lo: Math.min(...args.map((i) => i.lo)), hi: Math.min(...args.map((i) => i.hi)) };
    case 'max':
      return { lo: Math.max(...args.map((i) => i.lo)), hi: Math.max(...args.map((i) => i.hi)) };
    case 'clamp': {
      const i = intervalOf(expr.arg, env);
      const c = (v: number) => Math.min(expr.max, Math.max(expr.min, v));
      return { lo: c(i.lo), hi: c(i.hi) };
    }
    case 'scale':
      return multiply(intervalOf(expr.arg, env), point(expr.by));
    case 'divide':
      return divide(intervalOf(expr.arg, env), expr.by);
  }
}

const point = (v: number): Interval => ({ lo: v, hi: v });
const add = (a: Interval, b: Interval): Interval => ({ lo: a.lo + b.lo, hi: a.hi + b.hi });
const divide = (a: Interval, by: number): Interval =>
  by > 0 ? { lo: a.lo / by, hi: a.hi / by } : { lo: a.hi / by, hi: a.lo / by };
function multiply(a: Interval, b: Interval): Interval {
  const corners = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  return { lo: Math.min(...corners), hi: Math.max(...corners) };
}

/** Every name an expression refers to, with the JSON path of the reference. */
export function namesIn(expr: Expr, path: PropertyKey[]): Array<{ name: string; path: PropertyKey[] }> {
  if (typeof expr === 'number') return [];
  if (typeof expr === 'string') return [{ name: expr, path }];
  if ('args' in expr) return expr.args.flatMap((a, i) => namesIn(a, [...path, 'args', i]));
  return namesIn(expr.arg, [...path, 'arg']);
}
