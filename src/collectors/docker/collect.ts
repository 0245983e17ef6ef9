// Gathers the engine facts the selected checks need, once, with a bound on concurrent API calls.
// A list that cannot be read leaves a gap; one object that cannot be read becomes a warning.

import type { FactKey } from '../../core/model.js';
import type { ContainerFacts, ImageFacts, NetworkFacts, Snapshot } from '../../facts/snapshot.js';
import { daemonFromApi, swarmFromApi } from '../adapters/daemon.js';
import { imageFromApi, networkFromApi } from '../adapters/image.js';
import { containerFromInspect } from '../adapters/inspect.js';
import {
  type ContainerSummary,
  type EngineClient,
  type InfoRaw,
  isNotFound,
  type RawObject,
} from './client.js';
import { connectionFact } from './connection.js';
import { createLimiter } from './pool.js';

export const DEFAULT_CONCURRENCY = 8;

export interface CollectOptions {
  /** Most API calls in flight at once (default 8). */
  concurrency?: number;
  onProgress?: (step: string, done: number, total: number) => void;
  /**
   * A local source of a running container's processes (the host's /proc, in GET /top's shape), tried
   * before GET /containers/{id}/top, which makes dockerd run `ps` for each container. Undefined = ask /top.
   */
  processesFor?: (containerId: string) => Promise<{ Titles: string[]; Processes: string[][] } | undefined>;
}

export type DockerFacts = Pick<Snapshot, 'daemon' | 'containers' | 'images' | 'networks' | 'swarm'> & {
  gaps: Snapshot['gaps'];
  warnings: string[];
};

const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

export async function collectDocker(
  client: EngineClient,
  needed: ReadonlySet<FactKey>,
  opts: CollectOptions = {},
): Promise<DockerFacts> {
  const limit = createLimiter(opts.concurrency ?? DEFAULT_CONCURRENCY);
  const out: DockerFacts = { gaps: {}, warnings: [...client.warnings] };
  const warn = (what: string, err: unknown) => out.warnings.push(`${what}: ${errorMessage(err)}`);
  const progress = (step: string, done: number, total: number) => opts.onProgress?.(step, done, total);

  // A running container's processes: the local source when it knows the container, else GET /top.
  const processesOf = async (id: string) => {
    const local = await opts.processesFor?.(id).catch(() => undefined);
    return local ? { ok: true as const, value: local } : settle(limit(() => client.top(id)));
  };

  // One fetch per image, shared by containers (default user, healthcheck) and images.
  const imageInspects = new Map<string, Promise<Settled<RawObject>>>();
  const inspectImage = (id: string) => {
    let p = imageInspects.get(id);
    if (!p) {
      p = settle(limit(() => client.inspectImage(id)));
      imageInspects.set(id, p);
    }
    return p;
  };

  const wantContainers = needed.has('containers');
  const wantImages = needed.has('images');
  const containerList: Promise<Settled<ContainerSummary[]>> | undefined =
    wantContainers || wantImages ? settle(limit(() => client.listContainers(true))) : undefined;

  const daemonTask = async (): Promise<InfoRaw | undefined> => {
    const [version, info, bridge] = await Promise.all([
      settle(limit(() => client.version())),
      settle(limit(() => client.info())),
      settle(limit(() => client.inspectNetwork('bridge'))),
    ]);
    if (!bridge.ok && !isNotFound(bridge.error)) warn('default bridge network', bridge.error);
    if (!version.ok || !info.ok) {
      out.gaps.daemon = errorMessage(!version.ok ? version.error : (info as { error: unknown }).error);
      return info.ok ? info.value : undefined;
    }
    try {
      out.daemon = daemonFromApi(
        connectionFact(client.connection, client.apiVersion),
        version.value,
        info.value,
        bridge.ok ? bridge.value : undefined,
      );
    } catch (err) {
      out.gaps.daemon = `daemon facts could not be read: ${errorMessage(err)}`;
    }
    progress('daemon', 1, 1);
    return info.value;
  };

  const containersTask = async (): Promise<void> => {
    const list = await containerList!;
    if (!list.ok) {
      out.gaps.containers = errorMessage(list.error);
      return;
    }
    const total = list.value.length;
    let done = 0;
    const facts = await Promise.all(
      list.value.map(async (summary): Promise<ContainerFacts | undefined> => {
        const label = `container ${summary.Names?.[0]?.replace(/^\//, '') ?? short(summary.Id)}`;
        try {
          let inspect: Awaited<ReturnType<EngineClient['inspectContainer']>>;
          try {
            inspect = await limit(() => client.inspectContainer(summary.Id));
          } catch (err) {
            if (isNotFound(err)) return undefined; // removed since the list: not there to judge
            throw err;
          }
          const running = inspect.State?.Running === true || inspect.State?.Status === 'running';
          const [top, execs, image] = await Promise.all([
            running ? processesOf(inspect.Id) : undefined,
            Promise.all(
              (inspect.ExecIDs ?? []).map((id) =>
                settle(limit(() => client.inspectExec(id))).then((r) => {
                  if (r.ok) return r.value;
                  if (!isNotFound(r.error)) warn(`${label} exec ${short(id)}`, r.error);
                  return undefined;
                }),
              ),
            ),
            inspect.Image ? inspectImage(inspect.Image) : undefined,
          ]);
          if (top && !top.ok && !isNotFound(top.error)) warn(`${label} processes`, top.error);
          if (image && !image.ok && !isNotFound(image.error))
            warn(`${label} image ${short(inspect.Image ?? '')}`, image.error);
          return containerFromInspect(inspect, {
            ...(top?.ok
              ? {
                  top: {
                    ...(top.value.Titles ? { Titles: top.value.Titles } : {}),
                    ...(top.value.Processes ? { Processes: top.value.Processes } : {}),
                  },
                }
              : {}),
            execs: execs.filter((e) => e !== undefined),
            ...(image?.ok ? { image: image.value } : {}),
          });
        } catch (err) {
          warn(label, err);
          return undefined;
        } finally {
          progress('containers', ++done, total);
        }
      }),
    );
    out.containers = facts.filter((c) => c !== undefined);
  };

  const imagesTask = async (): Promise<void> => {
    const [images, containers] = await Promise.all([
      settle(limit(() => client.listImages())),
      containerList!,
    ]);
    if (!images.ok) {
      out.gaps.images = errorMessage(images.error);
      return;
    }
    if (!containers.ok) {
      // Without the container list every image would look unused: a false alarm, so no image facts.
      out.gaps.images = `image usage unknown: ${errorMessage(containers.error)}`;
      return;
    }
    const users = new Map<string, number>();
    for (const c of containers.value) if (c.ImageID) users.set(c.ImageID, (users.get(c.ImageID) ?? 0) + 1);
    const total = images.value.length;
    let done = 0;
    const facts = await Promise.all(
      images.value.map(async (summary): Promise<ImageFacts | undefined> => {
        const label = `image ${short(summary.Id)}`;
        try {
          const [inspect, history] = await Promise.all([
            inspectImage(summary.Id),
            settle(limit(() => client.imageHistory(summary.Id))),
          ]);
          if (!inspect.ok) {
            if (isNotFound(inspect.error)) return undefined;
            throw inspect.error;
          }
          if (!history.ok && !isNotFound(history.error)) warn(`${label} history`, history.error);
          return imageFromApi(inspect.value, history.ok ? history.value : [], users.get(summary.Id) ?? 0);
        } catch (err) {
          warn(label, err);
          return undefined;
        } finally {
          progress('images', ++done, total);
        }
      }),
    );
    out.images = facts.filter((i) => i !== undefined);
  };

  const networksTask = async (): Promise<void> => {
    const list = await settle(limit(() => client.listNetworks()));
    if (!list.ok) {
      out.gaps.networks = errorMessage(list.error);
      return;
    }
    const total = list.value.length;
    let done = 0;
    const facts = await Promise.all(
      list.value.map(async (summary): Promise<NetworkFacts | undefined> => {
        const label = `network ${summary.Name}`;
        try {
          // The list leaves Containers empty; inspect fills it.
          const inspect = await limit(() => client.inspectNetwork(summary.Id));
          return networkFromApi(inspect);
        } catch (err) {
          if (!isNotFound(err)) warn(label, err);
          return undefined;
        } finally {
          progress('networks', ++done, total);
        }
      }),
    );
    out.networks = facts.filter((n) => n !== undefined);
  };

  const swarmTask = async (info: InfoRaw | undefined): Promise<void> => {
    if (!info) {
      out.gaps.swarm = `swarm state unknown: ${out.gaps.daemon ?? 'no /info'}`;
      return;
    }
    // Inactive nodes and workers get the swarm facts /info gives; the swarm checks decide from
    // info.Swarm that they do not apply, instead of reporting every control as unknown.
    const state = info.Swarm?.LocalNodeState ?? 'inactive';
    if (state !== 'active' || info.Swarm?.ControlAvailable !== true) {
      out.swarm = swarmFromApi({ info });
      return;
    }
    try {
      const [swarm, nodes, services, secrets] = await Promise.all([
        limit(() => client.swarmInspect()),
        limit(() => client.listNodes()),
        limit(() => client.listServices()),
        limit(() => client.listSecrets()),
      ]);
      out.swarm = swarmFromApi({ swarm, nodes, services, secrets, info });
      progress('swarm', 1, 1);
    } catch (err) {
      out.gaps.swarm = errorMessage(err);
    }
  };

  await Promise.all([
    daemonTask().then((info) => (needed.has('swarm') ? swarmTask(info) : undefined)),
    wantContainers ? containersTask() : undefined,
    wantImages ? imagesTask() : undefined,
    needed.has('networks') ? networksTask() : undefined,
  ]);
  return out;
}
