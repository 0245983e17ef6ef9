// Image references (repo tags and repo digests) split into registry and repository, Docker's way.

const DOCKER_HUB_ALIASES = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

export interface ParsedRef {
  /** Registry host[:port], lower case; Docker Hub is `docker.io`. */
  registry: string;
  /** Repository path, with `library/` for official Docker Hub images. */
  repository: string;
  tag?: string;
  digest?: string;
}

export function normalizeRegistry(host: string): string {
  const h = host
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/+$/, '');
  return DOCKER_HUB_ALIASES.has(h) ? 'docker.io' : h;
}

export function parseReference(ref: string): ParsedRef {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const firstSlash = rest.indexOf('/');
  const first = firstSlash < 0 ? '' : rest.slice(0, firstSlash);
  // Docker treats the first component as a registry only if it looks like a host.
  const hasRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? normalizeRegistry(first) : 'docker.io';
  let repository = hasRegistry ? rest.slice(firstSlash + 1) : rest;
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  return {
    registry,
    repository,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/** True when `ref` comes from one of `trusted` (host[:port], optionally with a repository prefix). */
export function isTrusted(ref: ParsedRef, trusted: readonly string[]): boolean {
  const full = `${ref.registry}/${ref.repository}`;
  return trusted.some((entry) => {
    const e = entry
      .trim()
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/\/+$/, '');
    if (e === '') return false;
    const slash = e.indexOf('/');
    const host = normalizeRegistry(slash < 0 ? e : e.slice(0, slash));
    if (slash < 0) return ref.registry === host;
    const prefix = `${host}/${e.slice(slash + 1)}`;
    return full === prefix || full.startsWith(`${prefix}/`);
  });
}
