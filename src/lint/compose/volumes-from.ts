// `volumes_from`: a service gets the mounts of the services it names, as the engine copies a container's
// mount points (transitively, read-only when asked), so the docker socket of one service is seen in the other.
import type { MountSpec } from '../../facts/container.js';
import type { LocMap } from './load.js';
import type { SpecResult } from './spec.js';

export interface VolumesFromService {
  name: string;
  /** The merged compose service mapping. */
  data: Record<string, unknown>;
  /** Locations of its compose fields (from loadCompose). */
  locations: LocMap;
  /** Its converted spec; inherited mounts are appended to spec.mounts, problems to problems. */
  result: SpecResult;
}

export interface VolumesFromOptions {
  /** Services defined but left out by the active profiles. */
  inactive?: readonly string[];
}

/** Parses "svc", "svc:ro", "svc:rw", "container:NAME", "container:NAME:ro". */
export function parseVolumesFrom(
  v: string,
): { kind: 'service' | 'container'; name: string; readOnly: boolean } | undefined {
  const parts = v.trim().split(':');
  const kind = parts[0] === 'container' && parts.length > 1 ? 'container' : 'service';
  const rest = kind === 'container' ? parts.slice(1) : parts;
  const [name = '', mode = 'rw', ...extra] = rest;
  if (name === '' || extra.length > 0 || !/^(ro|rw)$/.test(mode)) return undefined;
  return { kind, name, readOnly: mode === 'ro' };
}

/** Appends every service's inherited mounts; a mount of its own at the same destination wins. */
export function applyVolumesFrom(
  services: readonly VolumesFromService[],
  opts: VolumesFromOptions = {},
): void {
  const byName = new Map(services.map((s) => [s.name, s]));
  const inactive = new Set(opts.inactive ?? []);
  const done = new Map<string, MountSpec[]>();

  const resolveMounts = (svc: VolumesFromService, stack: string[]): MountSpec[] => {
    const cached = done.get(svc.name);
    if (cached) return cached;
    const { spec, locations, sources, problems } = svc.result;
    const items = Array.isArray(svc.data.volumes_from) ? svc.data.volumes_from : [];
    items.forEach((item, i) => {
      const field = `volumes_from.${i}`;
      const ref = parseVolumesFrom(typeof item === 'string' ? item : '');
      if (!ref) {
        problems.push(`${field}: invalid volumes_from "${String(item)}"`);
        return;
      }
      // Another container's mounts are not in the file: nothing to judge.
      if (ref.kind === 'container') return;
      const from = byName.get(ref.name);
      if (!from) {
        problems.push(
          `${field}: ${inactive.has(ref.name) ? `service "${ref.name}" is not enabled by the active profiles` : `unknown service "${ref.name}"`}`,
        );
        return;
      }
      // Compose refuses a cycle; still judge the mounts the service asked for, as far as they are known.
      const cycle = stack.includes(from.name);
      if (cycle) problems.push(`${field}: cycle ${[...stack, from.name].join(' -> ')}`);
      const inherited = cycle ? [...from.result.spec.mounts] : resolveMounts(from, [...stack, from.name]);
      for (const m of inherited) {
        // tmpfs is per container, not a mount point the engine copies.
        if (m.type === 'tmpfs' || spec.mounts.some((own) => own.destination === m.destination)) continue;
        const at = `mounts.${spec.mounts.length}`;
        const loc = svc.locations[field] ?? svc.locations.volumes_from;
        if (loc) {
          locations[at] = loc;
          sources[at] = field;
        }
        spec.mounts.push({ ...m, readOnly: m.readOnly || ref.readOnly });
      }
    });
    done.set(svc.name, spec.mounts);
    return spec.mounts;
  };

  for (const s of services) resolveMounts(s, [s.name]);
}
