// Parser for /var/lib/dpkg/status (RFC822-style stanzas), keeping the packages the checks care about.
import type { DpkgPackage } from '../../facts/host.js';

const KEEP = new Set(['docker.io', 'docker-ce', 'docker-ce-cli', 'containerd', 'containerd.io', 'runc']);

export const isPackageOfInterest = (name: string): boolean =>
  KEEP.has(name) || name.startsWith('linux-image-');

export function parseDpkgStatus(
  text: string,
  keep: (name: string) => boolean = isPackageOfInterest,
): DpkgPackage[] {
  const out: DpkgPackage[] = [];
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields: Record<string, string> = {};
    let last: string | undefined;
    for (const line of stanza.split('\n')) {
      if (/^\s/.test(line)) {
        // continuation line (e.g. Description): not needed, but keep the key/value pairing intact
        if (last) fields[last] = `${fields[last]}\n${line.trim()}`;
        continue;
      }
      const i = line.indexOf(':');
      if (i <= 0) continue;
      last = line.slice(0, i).trim();
      fields[last] = line.slice(i + 1).trim();
    }
    const name = fields.Package;
    if (!name || !keep(name)) continue;
    const pkg: DpkgPackage = { name, version: fields.Version ?? '', status: fields.Status ?? '' };
    // "Source: docker.io (20.10.24+dfsg1-1)" -> keep the source package name only
    const source = fields.Source?.split(/\s+/)[0];
    if (source) pkg.source = source;
    out.push(pkg);
  }
  return out;
}
