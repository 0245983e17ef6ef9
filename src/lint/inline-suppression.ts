// What Dockerfile and compose `# bulkhead-ignore` comments share once the findings are matched: the warning
// for a comment that names no check, an unknown check, or matched nothing.
import type { AnyCheck } from '../core/model.js';
import { matchesSelector } from '../core/selection.js';

/** The warning for one inline suppression at `where` (file:line:column), if it deserves one. */
export function inlineSuppressionWarning(
  where: string,
  s: { readonly ids: readonly string[]; readonly reason: string },
  registry: readonly AnyCheck[],
  used: boolean,
): string | undefined {
  if (s.ids.length === 0) return `${where}: bulkhead-ignore names no check id`;
  const unknown = s.ids.filter((id) => !registry.some((c) => matchesSelector(c, id)));
  if (unknown.length > 0) return `${where}: bulkhead-ignore names unknown check ${unknown.join(', ')}`;
  if (s.reason !== '' && !used) return `${where}: bulkhead-ignore ${s.ids.join(',')} matched no finding`;
  return undefined;
}
