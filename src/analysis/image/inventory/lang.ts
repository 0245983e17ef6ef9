// Language packages: npm package.json directly under node_modules/<name>/ (or @scope/<name>/), Python
// *.dist-info/METADATA and *.egg-info/PKG-INFO (a directory or the file itself).
import type { RawPackage } from './types.js';

const NPM_MANIFEST = /\/node_modules\/((?:@[^/@]+\/)?[^/@.][^/]*)\/package\.json$/;
const PY_METADATA = /\/[^/]+\.(?:dist-info\/METADATA|egg-info\/PKG-INFO|egg-info)$/;

export type LangManifest = 'npm' | 'pypi';

export function langManifest(path: string): LangManifest | undefined {
  // Suffix checks first: these run on every file of the image.
  if (path.endsWith('/package.json')) return NPM_MANIFEST.test(path) ? 'npm' : undefined;
  if (path.endsWith('/METADATA') || path.endsWith('/PKG-INFO') || path.endsWith('.egg-info'))
    return PY_METADATA.test(path) ? 'pypi' : undefined;
  return undefined;
}

function licensesOf(v: unknown): string[] | undefined {
  if (typeof v === 'string' && v.trim() !== '') return [v.trim()];
  if (v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string')
    return [(v as { type: string }).type];
  if (Array.isArray(v)) {
    const all = v.flatMap((x) => licensesOf(x) ?? []);
    return all.length > 0 ? all : undefined;
  }
  return undefined;
}

export function parseNpmManifest(path: string, text: string): RawPackage | undefined {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object') return undefined;
  const dirName = NPM_MANIFEST.exec(path)?.[1];
  const name = typeof doc.name === 'string' && doc.name !== '' ? doc.name : dirName;
  const version = doc.version;
  if (!name || typeof version !== 'string' || version === '') return undefined;
  const pkg: RawPackage = { ecosystem: 'npm', name, version };
  const lic = licensesOf(doc.license) ?? licensesOf(doc.licenses);
  if (lic) pkg.licenses = lic;
  return pkg;
}

/** Core metadata (RFC 822 headers up to the first blank line). */
export function parsePythonMetadata(text: string): RawPackage | undefined {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') break;
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (m && !fields.has((m[1] as string).toLowerCase()))
      fields.set((m[1] as string).toLowerCase(), (m[2] as string).trim());
  }
  const name = fields.get('name');
  const version = fields.get('version');
  if (!name || !version) return undefined;
  const pkg: RawPackage = { ecosystem: 'pypi', name, version };
  const lic = fields.get('license-expression') ?? fields.get('license');
  if (lic && lic !== 'UNKNOWN' && lic.length < 200) pkg.licenses = [lic];
  return pkg;
}
