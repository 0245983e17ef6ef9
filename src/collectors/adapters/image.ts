// Owned by the image/network-checks work: image inspect + history JSON -> ImageFacts; network JSON -> NetworkFacts.
//
// Shapes handled: Engine API 1.41 (Docker 20.10: Container, ContainerConfig, DockerVersion, VirtualSize) up to
// 1.5x (VirtualSize/ContainerConfig gone, Descriptor/Manifests with the containerd image store, Config may be
// null). Validation is permissive: a field of an unexpected type is treated as absent, never as a crash; only a
// missing id is an error, because nothing downstream can name the object without it.
import { looseObject, z } from '../../core/schema.js';
import type { HistoryEntry, ImageFacts } from '../../facts/image.js';
import type { NetworkFacts } from '../../facts/network.js';

/** A value of the given schema, or undefined when absent, null or of another type. */
const opt = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const strings = opt(z.array(z.unknown()).nullable()).transform((a) =>
  (a ?? []).filter((v): v is string => typeof v === 'string'),
);
const stringMap = opt(z.record(z.string(), z.unknown()).nullable()).transform((m) => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
});
/** Cmd/Entrypoint: an array, or (very old images, some create bodies) a plain string. */
const command = opt(z.union([z.array(z.unknown()), z.string()]).nullable()).transform((v) =>
  v == null ? [] : typeof v === 'string' ? [v] : v.filter((s): s is string => typeof s === 'string'),
);

const imageConfigSchema = looseObject({
  User: opt(z.string().nullable()),
  Env: strings,
  Cmd: command,
  Entrypoint: command,
  ExposedPorts: opt(z.record(z.string(), z.unknown()).nullable()),
  Healthcheck: opt(looseObject({ Test: strings }).nullable()),
  Labels: stringMap,
});

const imageInspectSchema = looseObject({
  Id: z.string().min(1),
  RepoTags: strings,
  RepoDigests: strings,
  Created: opt(z.string().nullable()),
  Size: opt(z.number().nullable()),
  /** API < 1.44 only. */
  VirtualSize: opt(z.number().nullable()),
  Config: opt(imageConfigSchema.nullable()),
});

/** One entry of GET /images/{name}/history (newest first). */
const apiHistorySchema = looseObject({
  CreatedBy: opt(z.string().nullable()),
  Created: opt(z.number().nullable()),
  Size: opt(z.number().nullable()),
  Comment: opt(z.string().nullable()),
});

/** One entry of the OCI image config `history` (oldest first), accepted too. */
const ociHistorySchema = looseObject({
  created_by: opt(z.string().nullable()),
  created: opt(z.string().nullable()),
  empty_layer: opt(z.boolean().nullable()),
  comment: opt(z.string().nullable()),
});

const NONE_TAG = '<none>:<none>';
const NONE_DIGEST = '<none>@<none>';

function historyFromApi(raw: unknown[]): HistoryEntry[] {
  const isOci = raw.some((e) => typeof e === 'object' && e !== null && 'created_by' in e);
  const entries: HistoryEntry[] = [];
  for (const item of raw) {
    if (isOci) {
      const r = ociHistorySchema.safeParse(item);
      if (!r.success) continue;
      const h = r.data;
      entries.push({
        createdBy: h.created_by ?? '',
        emptyLayer: h.empty_layer === true,
        ...(h.created ? { created: h.created } : {}),
        ...(h.comment ? { comment: h.comment } : {}),
      });
    } else {
      const r = apiHistorySchema.safeParse(item);
      if (!r.success) continue;
      const h = r.data;
      entries.push({
        createdBy: h.CreatedBy ?? '',
        // The API does not say whether a step made a layer; a zero-size step is the closest sign.
        emptyLayer: (h.Size ?? 0) === 0,
        ...(typeof h.Created === 'number' && h.Created > 0
          ? { created: new Date(h.Created * 1000).toISOString() }
          : {}),
        ...(h.Comment ? { comment: h.Comment } : {}),
      });
    }
  }
  // ImageFacts.history is in build order (oldest first), like a Dockerfile; the API lists newest first.
  return isOci ? entries : entries.reverse();
}

/** `containers` = how many containers (any state) use the image. */
export function imageFromApi(inspect: unknown, history: unknown[], containers: number): ImageFacts {
  const parsed = imageInspectSchema.safeParse(inspect);
  if (!parsed.success) throw new Error('image inspect JSON has no Id');
  const i = parsed.data;
  const cfg = i.Config ?? undefined;
  const repoTags = i.RepoTags.filter((t) => t !== NONE_TAG);
  const repoDigests = i.RepoDigests.filter((d) => d !== NONE_DIGEST);
  const created = i.Created && i.Created.length > 0 ? i.Created : undefined;
  const healthTest = cfg?.Healthcheck?.Test;
  return {
    id: i.Id,
    repoTags,
    repoDigests,
    ...(created ? { created } : {}),
    size: i.Size ?? i.VirtualSize ?? 0,
    user: cfg?.User ?? '',
    env: cfg?.Env ?? [],
    cmd: cfg?.Cmd ?? [],
    entrypoint: cfg?.Entrypoint ?? [],
    exposedPorts: Object.keys(cfg?.ExposedPorts ?? {}),
    ...(healthTest && healthTest.length > 0 ? { healthcheck: { test: healthTest } } : {}),
    labels: cfg?.Labels ?? {},
    history: historyFromApi(Array.isArray(history) ? history : []),
    dangling: repoTags.length === 0,
    containers: Number.isFinite(containers) && containers > 0 ? Math.floor(containers) : 0,
  };
}

const networkSchema = looseObject({
  Id: z.string().min(1),
  Name: opt(z.string().nullable()),
  Driver: opt(z.string().nullable()),
  Scope: opt(z.string().nullable()),
  Internal: opt(z.boolean().nullable()),
  Attachable: opt(z.boolean().nullable()),
  Ingress: opt(z.boolean().nullable()),
  EnableIPv6: opt(z.boolean().nullable()),
  Options: stringMap,
  Labels: stringMap,
  IPAM: opt(
    looseObject({
      Config: opt(z.array(z.unknown()).nullable()),
    }).nullable(),
  ),
  Containers: opt(z.record(z.string(), z.unknown()).nullable()),
});

const ipamConfigSchema = looseObject({ Subnet: opt(z.string().nullable()) });

/** Endpoint keys in Containers that are not containers (swarm load balancer and ingress sandbox). */
const isPseudoEndpoint = (key: string): boolean => key === 'ingress-sbox' || key.startsWith('lb-');

export function networkFromApi(network: unknown): NetworkFacts {
  const parsed = networkSchema.safeParse(network);
  if (!parsed.success) throw new Error('network inspect JSON has no Id');
  const n = parsed.data;
  const subnets: string[] = [];
  for (const c of n.IPAM?.Config ?? []) {
    const r = ipamConfigSchema.safeParse(c);
    if (r.success && r.data.Subnet) subnets.push(r.data.Subnet);
  }
  return {
    id: n.Id,
    name: n.Name ?? '',
    driver: n.Driver ?? '',
    scope: n.Scope ?? 'local',
    internal: n.Internal === true,
    attachable: n.Attachable === true,
    ingress: n.Ingress === true,
    enableIPv6: n.EnableIPv6 === true,
    options: n.Options,
    labels: n.Labels,
    subnets,
    containers: Object.keys(n.Containers ?? {}).filter((k) => !isPseudoEndpoint(k)),
  };
}
