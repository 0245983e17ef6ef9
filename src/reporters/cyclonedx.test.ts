import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { scanFacts, vuln } from '../../test/kit/image-scan.js';
import type { Package } from '../facts/image-scan.js';
import { renderCycloneDx } from './cyclonedx.js';

// The official CycloneDX 1.6 JSON schema (and the SPDX and JSF schemas it references), as shipped by
// @cyclonedx/cyclonedx-library. Formats are not checked (no ajv-formats); the schema uses draft-07.
const require = createRequire(import.meta.url);
const schemaDir = join(
  dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')),
  'res',
  'schema',
);
const load = (f: string) => JSON.parse(readFileSync(join(schemaDir, f), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
// The main schema refers to these by names relative to its own $id.
for (const f of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) {
  const { $id: _id, ...sub } = load(f);
  ajv.addSchema(sub, `http://cyclonedx.org/schema/${f}`);
}
const validate = ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));

const pkg = (over: Partial<Package>): Package => ({
  ecosystem: 'deb',
  name: 'curl',
  version: '7.88.1-10+deb12u5',
  sourceName: 'curl',
  purl: 'pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?arch=amd64&distro=debian-12',
  layer: 1,
  foundIn: '/var/lib/dpkg/status',
  licenses: ['curl'],
  ...over,
});

describe('CycloneDX SBOM', () => {
  const img = scanFacts({
    packages: [
      pkg({}),
      pkg({
        ecosystem: 'npm',
        name: 'lodash',
        version: '4.17.20',
        purl: 'pkg:npm/lodash@4.17.20',
        foundIn: '/app/node_modules/lodash/package.json',
        licenses: ['MIT'],
        layer: 2,
      }),
      pkg({
        ecosystem: 'npm',
        name: 'lodash',
        version: '4.17.20',
        purl: 'pkg:npm/lodash@4.17.20',
        foundIn: '/app/node_modules/a/node_modules/lodash/package.json',
        layer: 2,
      }),
    ],
    vulnerabilities: [vuln()],
  });
  const doc = JSON.parse(
    renderCycloneDx([img], { toolVersion: '0.1.0', timestamp: '2026-11-28T12:00:00.000Z' }),
  );

  it('is valid CycloneDX 1.6', () => {
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('lists every package with its purl and layer, the OS, and the image as the main component', () => {
    expect(doc.metadata.component).toMatchObject({
      type: 'container',
      name: 'registry.example.com/shop/api:1.4.2',
    });
    expect(doc.components.map((c: { purl?: string; type: string }) => c.purl ?? c.type)).toEqual([
      'pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?arch=amd64&distro=debian-12',
      'pkg:npm/lodash@4.17.20',
      'pkg:npm/lodash@4.17.20',
      'operating-system',
    ]);
    const refs = doc.components.map((c: { 'bom-ref': string }) => c['bom-ref']);
    expect(new Set(refs).size).toBe(refs.length);
    expect(doc.components[1].properties).toContainEqual({ name: 'bulkhead:layer', value: '2' });
  });

  it('records vulnerabilities against the affected component', () => {
    expect(doc.vulnerabilities).toHaveLength(1);
    expect(doc.vulnerabilities[0]).toMatchObject({
      id: 'CVE-2024-2398',
      ratings: [{ severity: 'high' }],
      affects: [{ ref: 'pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?arch=amd64&distro=debian-12' }],
      recommendation: 'Upgrade curl to 7.88.1-10+deb12u6',
    });
  });

  it('is deterministic for the same scan', () => {
    const again = renderCycloneDx([img], { toolVersion: '0.1.0', timestamp: '2026-11-28T12:00:00.000Z' });
    expect(JSON.parse(again)).toEqual(doc);
    expect(doc.serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('puts several images as components of one document', () => {
    const two = JSON.parse(
      renderCycloneDx([img, scanFacts({ id: 'sha256:ff', repoTags: ['b:1'], os: undefined })], {
        toolVersion: '0.1.0',
        timestamp: '2026-11-28T12:00:00.000Z',
      }),
    );
    expect(validate(two)).toBe(true);
    expect(two.metadata.component).toBeUndefined();
    expect(two.components.filter((c: { type: string }) => c.type === 'container')).toHaveLength(2);
  });
});
