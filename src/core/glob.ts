/** Minimal glob for ids and names: `*` any run, `?` one char. Case-sensitive, whole string. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const ch of glob) {
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else re += ch.replace(/[.+^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export const globMatch = (glob: string, value: string): boolean => globToRegExp(glob).test(value);
