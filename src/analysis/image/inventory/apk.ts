// Alpine's installed database (/lib/apk/db/installed): blank-line separated records of `X:value` lines
// (P name, V version, A arch, o origin = source package, L license).
import type { RawPackage } from './types.js';

export function parseApkInstalled(text: string): RawPackage[] {
  const out: RawPackage[] = [];
  let rec = new Map<string, string>();
  const flush = (): void => {
    const name = rec.get('P');
    const version = rec.get('V');
    if (name && version) {
      const pkg: RawPackage = { ecosystem: 'apk', name, version };
      const arch = rec.get('A');
      if (arch) pkg.arch = arch;
      pkg.sourceName = rec.get('o') ?? name;
      pkg.sourceVersion = version;
      const lic = rec.get('L');
      if (lic) pkg.licenses = [lic];
      out.push(pkg);
    }
    rec = new Map();
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') flush();
    else if (line[1] === ':' && !rec.has(line[0] as string)) rec.set(line[0] as string, line.slice(2).trim());
  }
  flush();
  return out;
}
