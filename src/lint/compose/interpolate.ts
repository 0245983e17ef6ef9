// Compose variable interpolation ($VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?e}, ${VAR?e}, ${VAR:+a},
// ${VAR+a}, $$) and .env parsing. Pure: the caller supplies the variables.

export class InterpolationError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Index of the `}` closing the `${` whose body starts at `start`, honouring nested `${...}`. */
function closingBrace(s: string, start: number): number {
  let depth = 1;
  for (let i = start; i < s.length; i++) {
    const ch = s[i];
    if (ch === '$' && s[i + 1] === '$') {
      i++;
      continue;
    }
    if (ch === '$' && s[i + 1] === '{') {
      depth++;
      i++;
      continue;
    }
    if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Called for `$VAR` / `${VAR}` whose variable is unset (Compose warns and substitutes ''). */
export type OnUnset = (name: string) => void;

/** Replaces variables in one string; throws InterpolationError for a missing required variable or bad syntax. */
export function interpolate(text: string, env: Readonly<Record<string, string>>, onUnset?: OnUnset): string {
  if (!text.includes('$')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = closingBrace(text, i + 2);
      if (end < 0) throw new InterpolationError(`invalid interpolation format in "${text}": missing "}"`);
      out += expand(text.slice(i + 2, end), env, text, onUnset);
      i = end + 1;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (m) {
      const v = env[m[0]];
      if (v === undefined) onUnset?.(m[0]);
      out += v ?? '';
      i += 1 + m[0].length;
      continue;
    }
    out += '$';
    i++;
  }
  return out;
}

function expand(
  body: string,
  env: Readonly<Record<string, string>>,
  whole: string,
  onUnset: OnUnset | undefined,
): string {
  const m = NAME.exec(body);
  if (!m) throw new InterpolationError(`invalid interpolation format in "${whole}": "\${${body}}"`);
  const name = m[0];
  const rest = body.slice(name.length);
  const value = env[name];
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  if (rest === '') {
    if (!set) onUnset?.(name);
    return value ?? '';
  }
  const op = /^(:?[-?+])/.exec(rest)?.[1];
  if (!op) throw new InterpolationError(`invalid interpolation format in "${whole}": "\${${body}}"`);
  const arg = rest.slice(op.length);
  const present = op.startsWith(':') ? nonEmpty : set;
  switch (op.replace(':', '')) {
    case '-':
      return present ? (value ?? '') : interpolate(arg, env, onUnset);
    case '+':
      return present ? interpolate(arg, env, onUnset) : '';
    default: {
      if (present) return value ?? '';
      const msg = interpolate(arg, env);
      throw new InterpolationError(
        `required variable ${name} is ${set ? 'empty' : 'missing'}${msg ? `: ${msg}` : ''}`,
      );
    }
  }
}

/** Parses a .env file: KEY=VALUE lines, `export ` prefixes, # comments, single/double quotes. */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1] ?? '';
    let value = m[2] ?? '';
    const q = value[0];
    if ((q === '"' || q === "'") && value.lastIndexOf(q) > 0) {
      value = value.slice(1, value.lastIndexOf(q));
      if (q === '"')
        value = value.replace(/\\([nrt"\\])/g, (_, c: string) =>
          c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c,
        );
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    out[key] = value;
  }
  return out;
}
