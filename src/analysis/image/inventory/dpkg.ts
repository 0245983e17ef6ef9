// dpkg's status database (/var/lib/dpkg/status) and distroless's one-file-per-package status.d/ entries:
// deb822 paragraphs. Only packages whose Status says "installed" count (not config-files leftovers).
import type { RawPackage } from './types.js';

/** Splits deb822-style text into paragraphs of `Field: value` (continuation lines dropped). */
export function paragraphs(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let cur = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (cur.size > 0) out.push(cur);
      cur = new Map();
      continue;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) continue;
    const colon = line.indexOf(':');
    if (colon > 0) cur.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  if (cur.size > 0) out.push(cur);
  return out;
}

export function parseDpkgStatus(text: string): RawPackage[] {
  const out: RawPackage[] = [];
  for (const p of paragraphs(text)) {
    const name = p.get('package');
    const version = p.get('version');
    if (!name || !version) continue;
    const status = p.get('status');
    // status.d entries have no Status field: everything there is installed.
    if (status !== undefined && !/\binstalled$/.test(status)) continue;
    const pkg: RawPackage = { ecosystem: 'deb', name, version };
    const arch = p.get('architecture');
    if (arch) pkg.arch = arch;
    // `Source: openssl (3.0.11-1)`: a binNMU or a binary built from an older source names the source version.
    const m = /^(\S+)(?:\s+\(([^)]+)\))?$/.exec(p.get('source') ?? '');
    pkg.sourceName = m?.[1] ?? name;
    pkg.sourceVersion = m?.[2] ?? version;
    out.push(pkg);
  }
  return out;
}
