/**
 * Input aliases: an ActionSpec input may declare other names (hashicorp/vault-action's
 * camelCase, say) so a workflow that switches `uses:` keeps its `with:` block. The wrapped
 * runner answers `input(canonical)` with the alias's value when only the alias is given; both
 * given with different values is a UserError naming both. On GitHub the canonical input always
 * carries its action.yml default, so a canonical value equal to its default counts as not given.
 */
import { UserError } from '../core/errors.js';
import type { Action, Runner } from '../platform/runner.js';

export interface AliasedInput {
  name: string;
  default?: string;
  aliases?: readonly string[];
}

/** The value of `spec`'s input, resolved over its aliases with `raw` (the runner's own lookup). */
export function resolveAliased(spec: AliasedInput, raw: (name: string) => string): string {
  const own = raw(spec.name);
  const given = (spec.aliases ?? []).map((a) => ({ a, v: raw(a) })).filter((x) => x.v.trim() !== '');
  if (given.length === 0) return own;
  const first = given[0] ?? { a: '', v: '' };
  for (const g of given.slice(1)) {
    if (g.v.trim() !== first.v.trim()) throw new UserError(spec.name, `"${first.a}" and "${g.a}" are both given, with different values: keep one`);
  }
  const ownGiven = own.trim() !== '' && own.trim() !== (spec.default ?? '').trim();
  if (ownGiven && own.trim() !== first.v.trim()) {
    throw new UserError(spec.name, `"${spec.name}" and its alias "${first.a}" are both given, with different values: keep one (the values are not shown)`);
  }
  return ownGiven ? own : first.v;
}

/** A runner whose input() resolves the aliases of `inputs`; everything else is the runner's own. */
export function withAliases(r: Runner, inputs: readonly AliasedInput[]): Runner {
  const byName = new Map(inputs.filter((i) => i.aliases?.length).map((i) => [i.name, i]));
  if (byName.size === 0) return r;
  const raw = (name: string): string => r.input(name);
  const input = (name: string): string => {
    const spec = byName.get(name);
    return spec ? resolveAliased(spec, raw) : r.input(name);
  };
  return new Proxy(r, {
    get(target, prop) {
      if (prop === 'input') return input;
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The action with aliased inputs, for main and post alike (the GitHub entry and the CLI run this). */
export function withInputAliases(action: Action, inputs: readonly AliasedInput[]): Action {
  const wrapped: Action = { name: action.name, main: (r) => action.main(withAliases(r, inputs)) };
  const post = action.post;
  if (post) wrapped.post = (r) => post(withAliases(r, inputs));
  return wrapped;
}

/** alias -> canonical name, for the CLI's flags. */
export function aliasMap(inputs: readonly AliasedInput[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const i of inputs) for (const a of i.aliases ?? []) m.set(a, i.name);
  return m;
}
