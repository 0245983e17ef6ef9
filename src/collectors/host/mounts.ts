// Parser for /proc/mounts (fstab format with octal escapes for space, tab, newline and backslash).
import type { MountFact } from '../../facts/host.js';

export const unescapeMountField = (s: string): string =>
  s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(Number.parseInt(oct, 8)));

export function parseMounts(text: string): MountFact[] {
  const out: MountFact[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !f[0] || !f[1] || !f[2]) continue;
    out.push({
      source: unescapeMountField(f[0]),
      target: unescapeMountField(f[1]),
      fstype: f[2],
      options: (f[3] ?? '').split(',').filter(Boolean),
    });
  }
  return out;
}
