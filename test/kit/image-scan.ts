// ImageScanFacts shaped like a real scan (a Debian-based image built in three layers), for image-scan checks.
import { type AnyCheck, defaultSettings, type Outcome } from '../../src/core/model.js';
import type {
  FileFinding,
  ImageScanFacts,
  SecretFinding,
  Vulnerability,
} from '../../src/facts/image-scan.js';

/** Like Partial<T>, but `undefined` removes an optional field (e.g. no vulnerability database). */
export type Over<T> = { [K in keyof T]?: T[K] | undefined };

const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function scanFacts(over: Over<ImageScanFacts> = {}): ImageScanFacts {
  return clean({
    reference: 'registry.example.com/shop/api:1.4.2',
    source: 'registry',
    id: 'sha256:7d1f9e3c2b4a5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f',
    repoTags: ['registry.example.com/shop/api:1.4.2'],
    platform: { os: 'linux', architecture: 'amd64' },
    config: {
      user: '10001',
      env: ['PATH=/usr/local/bin:/usr/bin:/bin'],
      cmd: [],
      entrypoint: ['/app/api'],
      workingDir: '/app',
      exposedPorts: ['8080/tcp'],
      healthcheck: { test: ['CMD', '/app/api', 'health'] },
      labels: {},
    },
    history: [
      { createdBy: '/bin/sh -c #(nop) ADD file:6b4c0f7a in / ', emptyLayer: false, layer: 0 },
      {
        createdBy: 'RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit',
        emptyLayer: false,
        layer: 1,
      },
      { createdBy: 'COPY api /app/api # buildkit', emptyLayer: false, layer: 2 },
    ],
    layers: [
      {
        index: 0,
        digest: 'sha256:aa',
        size: 29_000_000,
        entries: 8_000,
        createdBy: 'ADD file:6b4c0f7a in /',
      },
      {
        index: 1,
        digest: 'sha256:bb',
        size: 12_000_000,
        entries: 900,
        createdBy: 'RUN apt-get update && apt-get install -y curl',
      },
      { index: 2, digest: 'sha256:cc', size: 8_000_000, entries: 1, createdBy: 'COPY api /app/api' },
    ],
    files: [],
    secrets: [],
    packages: [],
    os: { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)', eol: '2028-06-10' },
    vulnerabilities: [],
    problems: [],
    ...over,
  } as ImageScanFacts);
}

export const file = (over: Partial<FileFinding> & Pick<FileFinding, 'path' | 'kind'>): FileFinding => ({
  layer: 1,
  mode: 0o755,
  size: 1024,
  present: true,
  ...over,
});

export const secret = (over: Partial<SecretFinding> = {}): SecretFinding => ({
  path: '/root/.npmrc',
  layer: 1,
  rule: 'npmrc-auth-token',
  description: 'npm registry auth token',
  line: 2,
  masked: 'npm_ab***',
  present: true,
  ...over,
});

export const vuln = (over: Over<Vulnerability> = {}): Vulnerability =>
  clean({
    id: 'CVE-2024-2398',
    aliases: ['DLA-3812-1'],
    ecosystem: 'deb',
    packageName: 'curl',
    installedVersion: '7.88.1-10+deb12u5',
    fixedVersion: '7.88.1-10+deb12u6',
    severity: 'high',
    summary: 'HTTP/2 push headers memory-leak',
    purl: 'pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?arch=amd64&distro=debian-12',
    layer: 1,
    ...over,
  } as Vulnerability);

export function runScan(
  check: AnyCheck,
  facts: ImageScanFacts,
  now = new Date('2026-11-28T00:00:00Z'),
): Outcome[] {
  const out = check.evaluate(facts, {
    snapshot: { scans: [facts], gaps: {} },
    settings: { ...defaultSettings(), now },
  });
  return Array.isArray(out) ? out : [out];
}

export const failMessages = (out: Outcome[]): string[] =>
  out.flatMap((o) => (o.status === 'fail' ? o.evidence.map((e) => e.message) : []));
