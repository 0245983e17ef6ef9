// Package URLs (purl spec, via packageurl-js, the spec authors' implementation: it does the per-type
// normalisation, e.g. pypi names lowercased with `_` → `-`, and the percent-encoding of `@scope`).
import { createRequire } from 'node:module';
import type { OsRelease } from '../../../facts/image-scan.js';
import type { RawPackage } from './types.js';

interface PurlCtor {
  new (
    type: string,
    namespace: string | undefined | null,
    name: string,
    version: string | undefined | null,
    qualifiers: Record<string, string> | undefined | null,
    subpath: string | undefined | null,
  ): { toString(): string };
}
const { PackageURL } = createRequire(import.meta.url)('packageurl-js') as { PackageURL: PurlCtor };

// rpm purl namespaces are vendors, not os-release ids.
const RPM_VENDOR: Record<string, string> = {
  rhel: 'redhat',
  amzn: 'amazon',
  ol: 'oracle',
  'opensuse-leap': 'opensuse',
};

export function purlOf(p: RawPackage, os: OsRelease | undefined): string {
  try {
    const q: Record<string, string> = {};
    if (p.arch) q.arch = p.arch;
    switch (p.ecosystem) {
      case 'deb': {
        const ns = os && (os.id === 'ubuntu' || os.id === 'debian') ? os.id : 'debian';
        if (os?.versionId) q.distro = `${os.id}-${os.versionId}`;
        return new PackageURL('deb', ns, p.name, p.version, q, null).toString();
      }
      case 'apk':
        if (os?.versionId) q.distro = os.versionId;
        return new PackageURL('apk', os?.id ?? 'alpine', p.name, p.version, q, null).toString();
      case 'rpm': {
        if (p.rpm?.epoch) q.epoch = String(p.rpm.epoch);
        if (os?.versionId) q.distro = `${os.id}-${os.versionId}`;
        const ns = os ? (RPM_VENDOR[os.id] ?? os.id) : null;
        return new PackageURL('rpm', ns, p.name, p.rpm?.versionRelease ?? p.version, q, null).toString();
      }
      case 'npm': {
        const slash = p.name.startsWith('@') ? p.name.indexOf('/') : -1;
        return slash > 0
          ? new PackageURL(
              'npm',
              p.name.slice(0, slash),
              p.name.slice(slash + 1),
              p.version,
              null,
              null,
            ).toString()
          : new PackageURL('npm', null, p.name, p.version, null, null).toString();
      }
      case 'pypi':
        return new PackageURL('pypi', null, p.name, p.version, null, null).toString();
      case 'golang': {
        const slash = p.name.lastIndexOf('/');
        return slash > 0
          ? new PackageURL(
              'golang',
              p.name.slice(0, slash),
              p.name.slice(slash + 1),
              p.version,
              null,
              null,
            ).toString()
          : new PackageURL('golang', null, p.name, p.version, null, null).toString();
      }
    }
  } catch {
    // A name the purl library rejects (hostile manifest): a purl that still says what it is.
  }
  return `pkg:${p.ecosystem}/${encodeURIComponent(p.name)}@${encodeURIComponent(p.version)}`;
}
