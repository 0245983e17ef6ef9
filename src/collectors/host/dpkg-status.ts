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
  // A host's status file holds thousands of stanzas and we keep a handful: find each stanza's Package line
  // and parse only the stanzas we keep, instead of splitting every line of the file.
  let at = 0;
  while (at < text.length) {
    const end = nextStanzaEnd(text, at);
    const nl = text.indexOf('\nPackage:', at);
    const header = text.startsWith('Package:', at) ? at : nl === -1 ? -1 : nl + 1;
    if (header >= 0 && header < end) {
      const eol = text.indexOf('\n', header);
      const name = text.slice(header + 8, eol === -1 ? undefined : eol).trim();
      if (name && keep(name)) {
        const pkg = parseStanza(text.slice(at, end), name);
        out.push(pkg);
      }
    }
    at = end + 1;
  }
  return out;
}

/** Index of the blank line ending the stanza that starts at `from` (or the text's end). */
function nextStanzaEnd(text: string, from: number): number {
  const re = /\n[ \t]*\n/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + 1 : text.length;
}

function parseStanza(stanza: string, name: string): DpkgPackage {
  const fields: Record<string, string> = {};
  for (const line of stanza.split('\n')) {
    if (line === '' || line[0] === ' ' || line[0] === '\t') continue; // continuation lines: not needed
    const i = line.indexOf(':');
    if (i <= 0) continue;
    fields[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  const pkg: DpkgPackage = { name, version: fields.Version ?? '', status: fields.Status ?? '' };
  // "Source: docker.io (20.10.24+dfsg1-1)" -> keep the source package name only
  const source = fields.Source?.split(/\s+/)[0];
  if (source) pkg.source = source;
  return pkg;
}
