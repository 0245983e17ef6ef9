// Builders shaped like real `docker image inspect` / `docker history` Engine API JSON, for both engine
// generations, plus an ImageFacts convenience for check tests.
import type { Check, Context, Outcome, Scope, TargetByScope } from '../../src/core/model.js';
import type { HistoryEntry, ImageFacts } from '../../src/facts/image.js';

type Json = Record<string, unknown>;

export const IMAGE_ID = 'sha256:5d0da3dc976460b72c77d94c8a1ad043720b0416bfc16c52c45d4847e53fadb6';
export const BASE_LAYER = 'sha256:8e012198eea15b2554b07014081c85fec4967a1b9cc4b65bd9a4bce3ae1c0c88';

/** Image config as both generations report it (Docker 20.10 adds empty strings/falses; newer omit them). */
export interface ImageConfigOver {
  User?: string;
  Env?: string[] | null;
  Cmd?: string[] | null;
  Entrypoint?: string[] | string | null;
  ExposedPorts?: Record<string, object> | null;
  Healthcheck?: { Test: string[]; Interval?: number; Timeout?: number; Retries?: number };
  Labels?: Record<string, string> | null;
  WorkingDir?: string;
}

const DEFAULT_ENV = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];

/** `docker image inspect` from Engine API 1.41 (Docker 20.10, graph driver store). */
export function inspectV141(over: { config?: ImageConfigOver | null; top?: Json } = {}): Json {
  const cfg =
    over.config === null
      ? null
      : {
          Hostname: '',
          Domainname: '',
          User: '',
          AttachStdin: false,
          AttachStdout: false,
          AttachStderr: false,
          ExposedPorts: { '80/tcp': {} },
          Tty: false,
          OpenStdin: false,
          StdinOnce: false,
          Env: DEFAULT_ENV,
          Cmd: ['nginx', '-g', 'daemon off;'],
          Image: 'sha256:a1c2e3b4d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
          Volumes: null,
          WorkingDir: '',
          Entrypoint: ['/docker-entrypoint.sh'],
          OnBuild: null,
          Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
          StopSignal: 'SIGQUIT',
          ...(over.config ?? {}),
        };
  return {
    Id: IMAGE_ID,
    RepoTags: ['nginx:1.21.6'],
    RepoDigests: ['nginx@sha256:2834dc507516af02784808c5f48b7cbe38b8ed5d0f4837f16e78d00deb7e7767'],
    Parent: '',
    Comment: '',
    Created: '2022-03-01T03:51:17.582924125Z',
    Container: '3b9a8f7c0e2d1a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b',
    ContainerConfig: {
      Hostname: '3b9a8f7c0e2d',
      User: '',
      Env: DEFAULT_ENV,
      Cmd: ['/bin/sh', '-c', '#(nop) ', 'CMD ["nginx" "-g" "daemon off;"]'],
      Image: 'sha256:a1c2e3b4d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
      Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    },
    DockerVersion: '20.10.7',
    Author: '',
    Config: cfg,
    Architecture: 'amd64',
    Os: 'linux',
    Size: 141522124,
    VirtualSize: 141522124,
    GraphDriver: {
      Data: {
        LowerDir: '/var/lib/docker/overlay2/1f2e/diff:/var/lib/docker/overlay2/3a4b/diff',
        MergedDir: '/var/lib/docker/overlay2/5c6d/merged',
        UpperDir: '/var/lib/docker/overlay2/5c6d/diff',
        WorkDir: '/var/lib/docker/overlay2/5c6d/work',
      },
      Name: 'overlay2',
    },
    RootFS: { Type: 'layers', Layers: [BASE_LAYER] },
    Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
    ...(over.top ?? {}),
  };
}

/** `docker image inspect` from Engine API 1.50+ (Docker 28/29, containerd image store). */
export function inspectV150(over: { config?: ImageConfigOver | null; top?: Json } = {}): Json {
  const cfg =
    over.config === null
      ? null
      : {
          ExposedPorts: { '3000/tcp': {} },
          Env: [...DEFAULT_ENV, 'NODE_VERSION=22.11.0', 'YARN_VERSION=1.22.22'],
          Entrypoint: ['docker-entrypoint.sh'],
          Cmd: ['node', 'server.js'],
          WorkingDir: '/app',
          User: 'node',
          Labels: { 'org.opencontainers.image.source': 'https://github.com/example/app' },
          ...(over.config ?? {}),
        };
  return {
    Id: 'sha256:9f4c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7',
    RepoTags: ['ghcr.io/example/app:2.4.1'],
    RepoDigests: [
      'ghcr.io/example/app@sha256:9f4c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7',
    ],
    Parent: '',
    Comment: 'buildkit.dockerfile.v0',
    Created: '2026-10-02T08:14:55.120934512Z',
    Config: cfg,
    Architecture: 'amd64',
    Os: 'linux',
    Size: 58213377,
    RootFS: { Type: 'layers', Layers: [BASE_LAYER] },
    Metadata: { LastTagTime: '2026-10-02T08:15:01.3012Z' },
    Descriptor: {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: 'sha256:9f4c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7',
      size: 856,
    },
    ...(over.top ?? {}),
  };
}

export interface StepSpec {
  createdBy: string;
  size?: number;
  comment?: string;
  /** Unix seconds. */
  created?: number;
}

/** A classic-builder (Docker 20.10 `docker build` without BuildKit) history string. */
export function classic(instruction: string): string {
  const [word = '', ...rest] = instruction.split(' ');
  if (word === 'RUN') return `/bin/sh -c ${rest.join(' ')}`;
  // The classic builder pads metadata instructions with two spaces, ADD/COPY with one.
  const pad = word === 'ADD' || word === 'COPY' ? ' ' : '  ';
  return `/bin/sh -c #(nop)${pad}${instruction}`;
}

/** A BuildKit history string: RUN gets the shell, layer-making steps get the `# buildkit` marker. */
export function buildkit(instruction: string): string {
  const [word = '', ...rest] = instruction.split(' ');
  if (word === 'RUN') {
    const body = rest.join(' ');
    const withShell = body.startsWith('|') ? body : `/bin/sh -c ${body}`;
    return `RUN ${withShell} # buildkit`;
  }
  if (word === 'ADD' || word === 'COPY') return `${instruction} # buildkit`;
  return instruction;
}

const layerMaking = (createdBy: string): boolean =>
  /^(RUN|ADD|COPY)\b/.test(createdBy) ||
  (!createdBy.includes('#(nop)') && createdBy.startsWith('/bin/sh')) ||
  /#\(nop\) (ADD|COPY) /.test(createdBy);

/**
 * GET /images/{id}/history for steps given in build order (oldest first); the API answers newest first,
 * with `<missing>` ids for steps whose intermediate images are not local.
 */
export function apiHistory(steps: (string | StepSpec)[], opts: { buildkit?: boolean } = {}): Json[] {
  const start = 1_700_000_000;
  const rows = steps.map((s, i) => {
    const spec = typeof s === 'string' ? { createdBy: s } : s;
    // BuildKit marks every step it made, metadata-only ones included.
    const comment = spec.comment ?? (opts.buildkit ? 'buildkit.dockerfile.v0' : '');
    return {
      Id: '<missing>',
      Created: spec.created ?? start + i * 60,
      CreatedBy: spec.createdBy,
      Tags: null,
      Size: spec.size ?? (layerMaking(spec.createdBy) ? 1024 * (i + 1) : 0),
      Comment: comment,
    };
  });
  rows.reverse();
  if (rows[0]) rows[0].Id = IMAGE_ID;
  return rows;
}

/** ImageFacts for check tests: an nginx-like image used by one container, non-root, with a healthcheck. */
export function imageFacts(over: Partial<ImageFacts> = {}): ImageFacts {
  return {
    id: IMAGE_ID,
    repoTags: ['registry.example.com/web/nginx:1.27.2'],
    repoDigests: [
      'registry.example.com/web/nginx@sha256:2834dc507516af02784808c5f48b7cbe38b8ed5d0f4837f16e78d00deb7e7767',
    ],
    created: '2026-10-02T08:14:55.120934512Z',
    size: 141522124,
    user: 'nginx',
    env: [...DEFAULT_ENV, 'NGINX_VERSION=1.27.2'],
    cmd: ['nginx', '-g', 'daemon off;'],
    entrypoint: ['/docker-entrypoint.sh'],
    exposedPorts: ['8080/tcp'],
    healthcheck: { test: ['CMD-SHELL', 'curl -fsS http://localhost:8080/ || exit 1'] },
    labels: {},
    history: [
      {
        createdBy: classic('ADD file:0a7d4e1b3c2f5a6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d in / '),
        emptyLayer: false,
      },
      { createdBy: classic('CMD ["bash"]'), emptyLayer: true },
      {
        createdBy: buildkit(
          'RUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*',
        ),
        emptyLayer: false,
        comment: 'buildkit.dockerfile.v0',
      },
      {
        createdBy: buildkit('COPY nginx.conf /etc/nginx/nginx.conf'),
        emptyLayer: false,
        comment: 'buildkit.dockerfile.v0',
      },
      { createdBy: buildkit('USER nginx'), emptyLayer: true },
    ],
    dangling: false,
    containers: 1,
    ...over,
  };
}

/** History entries (build order) from instruction strings already in builder form. */
export const steps = (...createdBy: string[]): HistoryEntry[] =>
  createdBy.map((c) => ({ createdBy: c, emptyLayer: !layerMaking(c) }));

// Running one image/network check on one subject and flattening its outcome(s).

export function outcomes<S extends Scope>(
  check: Check<S>,
  target: TargetByScope[S],
  ctx: Context,
): Outcome[] {
  const out = check.evaluate(target, ctx);
  return Array.isArray(out) ? out : [out];
}

export function one<S extends Scope>(check: Check<S>, target: TargetByScope[S], ctx: Context): Outcome {
  const [o, ...rest] = outcomes(check, target, ctx);
  if (!o || rest.length > 0) throw new Error(`expected one outcome, got ${rest.length + (o ? 1 : 0)}`);
  return o;
}

/** All evidence and reason text of an outcome, joined, for `toContain`/`toMatch` assertions. */
export function text(o: Outcome): string {
  const parts: string[] = [];
  if (o.status === 'n/a' || o.status === 'unknown') parts.push(o.reason);
  if (o.status !== 'n/a') for (const e of o.evidence) parts.push(e.message);
  return parts.join('\n');
}
