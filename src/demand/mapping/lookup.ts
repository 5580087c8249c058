/**
 * A compiled code lookup: exact codes first (trimmed, ignoring case), then the rules in order,
 * then the default, remembering which codes fell through to the default so the read report can
 * list them for the analyst to map. A blank value is "not recorded": it takes the default and is
 * not listed.
 */
export interface LookupSpec<T extends string> {
  readonly codes: Readonly<Record<string, T>>;
  readonly rules: readonly { readonly match: string; readonly value: T }[];
  readonly default: T;
}

export interface CompiledLookup<T extends string> {
  (code: string): T;
  /** Codes that matched nothing, with how often they were seen. */
  readonly unmapped: Map<string, number>;
}

export function compileLookup<T extends string>(spec: LookupSpec<T>): CompiledLookup<T> {
  const exact = new Map(Object.entries(spec.codes).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const rules = spec.rules.map((r) => ({ re: new RegExp(r.match, 'i'), value: r.value }));
  const cache = new Map<string, T>();
  const unmapped = new Map<string, number>();
  const lookup = (code: string): T => {
    const key = code.trim().toLowerCase();
    if (key === '') return spec.default;
    let value = cache.get(key);
    if (value === undefined) {
      value = exact.get(key) ?? rules.find((r) => r.re.test(code.trim()))?.value;
      if (value === undefined) {
        value = spec.default;
        unmapped.set(code.trim(), 0);
      }
      cache.set(key, value);
    }
    const count = unmapped.get(code.trim());
    if (count !== undefined) unmapped.set(code.trim(), count + 1);
    return value;
  };
  return Object.assign(lookup, { unmapped });
}
