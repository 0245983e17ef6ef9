// CycloneDX 1.6 JSON SBOM of scanned images: OS and language packages with purls and the layer that
// added them, the base OS, and the vulnerabilities matched (VEX-style entries affecting components).
// Pure: the scan facts in, the document out. Validated against the official schema in tests.
import { createHash } from 'node:crypto';
import type { ImageScanFacts, Package } from '../facts/image-scan.js';

export interface CycloneDxOptions {
  toolVersion: string;
  /** Timestamp of the document (ISO 8601); the scan time. */
  timestamp: string;
}

/** A stable bom-ref: the purl, made unique when two packages share one (e.g. the same npm module twice). */
function refOf(p: Package, seen: Map<string, number>): string {
  const n = seen.get(p.purl) ?? 0;
  seen.set(p.purl, n + 1);
  return n === 0 ? p.purl : `${p.purl}#${n}`;
}

/** A deterministic urn:uuid from the image ids, so the same scan gives the same document. */
function serialOf(images: readonly ImageScanFacts[]): string {
  const h = createHash('sha256')
    .update(images.map((i) => i.id).join('\n'))
    .digest('hex');
  const v = `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h[16] ?? '0', 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return `urn:uuid:${v}`;
}

export function renderCycloneDx(images: readonly ImageScanFacts[], opts: CycloneDxOptions): string {
  const seen = new Map<string, number>();
  const components: unknown[] = [];
  const vulnerabilities: unknown[] = [];
  const mainComponents = images.map((img) => {
    const name = img.repoTags[0] ?? img.reference;
    const ref = `image:${img.id}`;
    const refs = new Map<string, string>();
    for (const p of img.packages) {
      const bomRef = refOf(p, seen);
      refs.set(`${p.ecosystem}\u0000${p.name}\u0000${p.version}`, bomRef);
      const licenses = (p.licenses ?? []).filter((l) => l.trim() !== '');
      components.push({
        type: 'library',
        'bom-ref': bomRef,
        name: p.name,
        version: p.version,
        purl: p.purl,
        // As names: an SPDX id would have to be checked against the SPDX list, a name is always valid.
        ...(licenses.length > 0 ? { licenses: licenses.map((l) => ({ license: { name: l } })) } : {}),
        properties: [
          { name: 'bulkhead:image', value: img.id },
          { name: 'bulkhead:layer', value: String(p.layer) },
          { name: 'bulkhead:foundIn', value: p.foundIn },
          ...(p.sourceName ? [{ name: 'bulkhead:sourcePackage', value: p.sourceName }] : []),
        ],
      });
    }
    if (img.os) {
      components.push({
        type: 'operating-system',
        'bom-ref': `${ref}:os`,
        name: img.os.id,
        version: img.os.versionId,
        ...(img.os.prettyName ? { description: img.os.prettyName } : {}),
      });
    }
    for (const v of img.vulnerabilities ?? []) {
      const affected = refs.get(`${v.ecosystem}\u0000${v.packageName}\u0000${v.installedVersion}`);
      vulnerabilities.push({
        'bom-ref': `${v.id}:${affected ?? v.purl}`,
        id: v.id,
        source: { name: 'OSV', url: `https://osv.dev/vulnerability/${encodeURIComponent(v.id)}` },
        ...(v.aliases.length > 0
          ? { references: v.aliases.map((a) => ({ id: a, source: { name: 'OSV' } })) }
          : {}),
        ratings: [{ severity: v.severity === 'info' ? 'none' : v.severity, method: 'other' }],
        ...(v.summary ? { description: v.summary } : {}),
        ...(v.fixedVersion ? { recommendation: `Upgrade ${v.packageName} to ${v.fixedVersion}` } : {}),
        affects: [{ ref: affected ?? ref }],
      });
    }
    return {
      type: 'container',
      'bom-ref': ref,
      name,
      version: img.digest ?? img.id,
      properties: [
        {
          name: 'bulkhead:platform',
          value: `${img.platform.os}/${img.platform.architecture}${img.platform.variant ? `/${img.platform.variant}` : ''}`,
        },
        { name: 'bulkhead:source', value: img.source },
      ],
    };
  });
  const single = mainComponents.length === 1 ? mainComponents[0] : undefined;
  const doc = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: serialOf(images),
    version: 1,
    metadata: {
      timestamp: opts.timestamp,
      tools: { components: [{ type: 'application', name: 'bulkhead', version: opts.toolVersion }] },
      ...(single ? { component: single } : {}),
    },
    components: single ? components : [...mainComponents, ...components],
    ...(vulnerabilities.length > 0 ? { vulnerabilities } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
