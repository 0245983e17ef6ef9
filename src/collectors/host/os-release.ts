// Parser for /etc/os-release (shell-style KEY=value, optionally quoted).

export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2] ?? '';
    if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) {
      v = v.length >= 2 ? v.slice(1, -1) : '';
      v = v.replace(/\\(["\\$`])/g, '$1');
    }
    out[m[1]!] = v;
  }
  return out;
}
