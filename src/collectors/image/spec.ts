// Image references as the user writes them, and platforms (`linux/arm64/v8`).
//   docker:NAME | docker-archive:PATH[:REF] | oci:PATH[:REF] | registry:[HOST/]REPO(:TAG|@DIGEST)
//   without a prefix: an existing file = a tar (layout detected later), an existing dir = an OCI layout,
//   anything else = an image in the local daemon.
import { statSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';
import type { ImageSpec, Platform } from './types.js';

export interface SpecIo {
  kind(path: string): 'file' | 'dir' | undefined;
}

const fsIo: SpecIo = {
  kind(path) {
    try {
      const st = statSync(path);
      return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  },
};

export const DOCKER_HUB = 'docker.io';
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/;
const HOST = /^(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::\d{1,5})?$/;

/** Splits `PATH:REF` when PATH exists and the whole string does not (skopeo's syntax). */
function pathAndRef(rest: string, io: SpecIo): { path: string; ref?: string } {
  if (rest === '') throw new UsageError('missing path in image reference');
  if (io.kind(rest) !== undefined) return { path: rest };
  // The ref itself may hold a colon (NAME:TAG): the first prefix that exists is the path.
  for (let i = rest.indexOf(':'); i > 0; i = rest.indexOf(':', i + 1))
    if (io.kind(rest.slice(0, i)) !== undefined && rest.slice(i + 1) !== '')
      return { path: rest.slice(0, i), ref: rest.slice(i + 1) };
  return { path: rest };
}

/** `[HOST/]REPO[:TAG][@DIGEST]` as the registry source needs it (Docker Hub names get `library/`). */
export function parseRegistryReference(input: string): Extract<ImageSpec, { kind: 'registry' }> {
  let rest = input.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new UsageError(`invalid digest "${digest}" in "${input}"`);
  }
  let tag: string | undefined;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new UsageError(`invalid tag "${tag}" in "${input}"`);
  }
  const first = rest.split('/')[0] ?? '';
  let registry = DOCKER_HUB;
  let repository = rest;
  if (rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    repository = rest.slice(first.length + 1);
    if (!HOST.test(registry)) throw new UsageError(`invalid registry host "${registry}" in "${input}"`);
  }
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  if (!REPOSITORY.test(repository))
    throw new UsageError(
      `invalid repository "${repository}" in "${input}"`,
      'repository names are lower case: letters, digits, and . _ - separators',
    );
  if (tag === undefined && digest === undefined) tag = 'latest';
  return {
    kind: 'registry',
    registry,
    repository,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

export function parseImageSpec(input: string, io: SpecIo = fsIo): ImageSpec {
  const value = input.trim();
  if (value === '') throw new UsageError('empty image reference');
  const m = /^(docker|docker-daemon|docker-archive|oci|oci-archive|registry|docker-registry):(.*)$/s.exec(
    value,
  );
  if (m) {
    let rest = m[2]!;
    // skopeo's `docker://REF` names a registry image, not a daemon one.
    if (m[1] === 'docker' && rest.startsWith('//')) return parseRegistryReference(rest.slice(2));
    if (m[1] === 'registry' || m[1] === 'docker-registry') rest = rest.replace(/^\/\//, '');
    switch (m[1]) {
      case 'docker':
      case 'docker-daemon':
        if (rest === '') throw new UsageError('missing image name after "docker:"');
        return { kind: 'daemon', name: rest };
      case 'docker-archive':
        return { kind: 'docker-archive', ...pathAndRef(rest, io) };
      case 'oci':
      case 'oci-archive':
        return { kind: 'oci', ...pathAndRef(rest, io) };
      default:
        return parseRegistryReference(rest);
    }
  }
  const kind = io.kind(value);
  if (kind === 'file') return { kind: 'archive', path: value };
  if (kind === 'dir') return { kind: 'oci', path: value };
  return { kind: 'daemon', name: value };
}

/** Node's process.arch as Go's GOARCH (what image platforms use). */
export function hostPlatform(arch: string = process.arch): Platform {
  const map: Record<string, Platform> = {
    x64: { os: 'linux', architecture: 'amd64' },
    arm64: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    arm: { os: 'linux', architecture: 'arm', variant: 'v7' },
    ia32: { os: 'linux', architecture: '386' },
    ppc64: { os: 'linux', architecture: 'ppc64le' },
    s390x: { os: 'linux', architecture: 's390x' },
    riscv64: { os: 'linux', architecture: 'riscv64' },
    loong64: { os: 'linux', architecture: 'loong64' },
    mips: { os: 'linux', architecture: 'mips' },
    mipsel: { os: 'linux', architecture: 'mipsle' },
  };
  return map[arch] ?? { os: 'linux', architecture: arch };
}

export function parsePlatform(input: string): Platform {
  const parts = input.trim().toLowerCase().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[a-z0-9_.-]+$/.test(p)))
    throw new UsageError(
      `invalid platform "${input}"`,
      'use OS/ARCH[/VARIANT], e.g. linux/amd64 or linux/arm64/v8',
    );
  const [os, architecture, variant] = parts as [string, string, string | undefined];
  return { os, architecture, ...(variant ? { variant } : {}) };
}

export const formatPlatform = (p: Platform): string =>
  `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;

// arm64 images rarely say v8; amd64 variants (v2, v3) are all runnable where plain amd64 is asked for.
const defaultVariant = (arch: string): string | undefined =>
  arch === 'arm64' ? 'v8' : arch === 'arm' ? 'v7' : undefined;

/**
 * Picks the manifest for `want` among an index's entries: os and architecture must match; an asked-for
 * variant must match (absent = the architecture's default); otherwise the default variant, then the first.
 */
export function pickPlatform<T extends { platform?: Partial<Platform> | undefined }>(
  entries: readonly T[],
  want: Platform,
  explicitVariant: boolean,
): T | undefined {
  const candidates = entries.filter(
    (e) => e.platform?.os === want.os && e.platform?.architecture === want.architecture,
  );
  const variantOf = (e: T): string | undefined =>
    e.platform?.variant ?? defaultVariant(e.platform?.architecture ?? '');
  const wanted = want.variant ?? defaultVariant(want.architecture);
  const exact = candidates.find((e) => variantOf(e) === wanted);
  if (exact) return exact;
  if (explicitVariant && want.variant) return undefined;
  return candidates[0];
}
